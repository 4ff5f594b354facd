"""Walk an editor through proposed changes one at a time, like ``git add -p``.

Each finding is shown in its sentence with the change marked (``[-old-]{+new+}`` when plain,
red/green on a colour terminal), with its rule and, the first time a rule comes up, its
explanation. The editor answers with one key and Enter, which works the same on a terminal
and with answers piped in (tests and scripts drive it that way):

    y  accept this change            n  reject it, and remember not to propose it again
    e  type your own text instead    a  accept this and every later change of this rule
    s  skip (decide another time)    q  quit; what was accepted so far is still written
    ?  help

End of input counts as ``q``. Nothing is written while the walk goes on: the caller gets the
new text and the decisions at the end and writes each once, atomically. A change that
overlaps one already accepted is skipped, so the accepted set always applies cleanly.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from .apply import _conflicts, apply_fixes, resolve
from .decisions import Decision, decide, region
from .document import Document
from .model import CATEGORIES, Edit, Finding, Fix, Safety

KEYS_FIX = "y,n,e,a,s,q,?"
KEYS_WARN = "n,e,s,q,?"
HELP = """\
y - accept this change
n - reject this change; it will not be proposed again (remembered in the decisions file)
e - type your own text for the marked span (an empty line goes back to the question)
a - accept this change and every later change of the same rule in this file
s - skip: leave it for another time
q - quit; the changes accepted so far are written
? - this help"""
CONTEXT_CHARS = 160


@dataclass
class Walk:
    """What the editor decided about one article."""

    text: str
    new_text: str = ""
    accepted: list[Finding] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    skipped: int = 0
    overlapping: int = 0
    quit: bool = False

    @property
    def changed(self) -> bool:
        return self.new_text != self.text


@dataclass
class Terminal:
    """Where questions go and answers come from; ``ask`` returns None at end of input."""

    ask: Callable[[str], str | None]
    say: Callable[[str], None]
    color: bool = False
    edit: Callable[[str, str], str | None] | None = None  # ask with an editable default (readline)


# -- showing a change -------------------------------------------------------------------------

_RED, _GREEN, _DIM, _BOLD, _CYAN, _RESET = "\x1b[31;9m", "\x1b[32m", "\x1b[2m", "\x1b[1m", "\x1b[36m", "\x1b[0m"


def _visible(s: str) -> str:
    return s.replace("\r\n", "⏎").replace("\n", "⏎").replace("\t", "→")


def sentence_bounds(doc: Document, start: int, end: int) -> tuple[int, int]:
    """The sentence around a span, widened to cover the span (its line if it has none)."""
    sents = doc.cache.get("review.sentence-starts")
    if sents is None:
        sents = [s.start for s in doc.sentences]
        doc.cache["review.sentence-starts"] = sents
    i = bisect.bisect_right(sents, start) - 1
    if i >= 0 and doc.sentences[i].end >= start and doc.sentences[i].start < start:
        s = doc.sentences[i]
        return s.start, max(s.end, end)
    line = doc.lines[doc.line_col(start)[0] - 1]  # a span between sentences or at a line start
    return min(line.start, start), max(line.end, end)


def snippet(doc: Document, start: int, end: int) -> tuple[str, str]:
    """The text before and after a span within its sentence, cut at a word with … when long."""
    lo, hi = sentence_bounds(doc, start, end)
    text = doc.text
    head = text[max(lo, start - CONTEXT_CHARS) : start]
    if start - CONTEXT_CHARS > lo:
        cut = head.find(" ")
        head = "…" + (head[cut + 1 :] if 0 <= cut < len(head) // 2 else head)
    tail = text[end : min(hi, end + CONTEXT_CHARS)]
    if end + CONTEXT_CHARS < hi:
        cut = tail.rfind(" ")
        tail = (tail[:cut] if cut > len(tail) // 2 else tail) + "…"
    return head, tail


def marked(doc: Document, f: Finding, proposed: str | None, color: bool) -> str:
    """The finding's sentence with the span marked as deleted and the proposal as inserted."""
    start, end = region(f)
    head, tail = snippet(doc, start, end)
    old = _visible(doc.text[start:end])
    if color:
        if old and not old.strip():
            old = old.replace(" ", "␣")  # a struck-through space is invisible
        mid = (f"{_RED}{old}{_RESET}" if old else "") + (f"{_GREEN}{_visible(proposed)}{_RESET}" if proposed else "")
        if proposed is None:
            mid = f"{_BOLD}{old}{_RESET}"
    elif proposed is None:
        mid = f"⟦{old}⟧"
    else:
        mid = (f"[-{old}-]" if old else "") + (f"{{+{_visible(proposed)}+}}" if proposed else "")
    return _visible(head) + mid + _visible(tail)


def describe(doc: Document, f: Finding, proposed: str | None, n: int, total: int, path: str,
             show_explanation: bool, color: bool) -> str:
    line, col = doc.line_col(f.start)
    level = f"{f.fix.safety.value} fix" if f.fix is not None else "no fix, warning only"
    title = f"({n}/{total}) {f.rule} [{f.category}] {level}"
    out = [f"{_BOLD}{_CYAN}{title}{_RESET}" if color else title, f"{path}:{line}:{col}: {f.message}"]
    out.append("    " + marked(doc, f, proposed, color))
    if show_explanation and f.explanation:
        expl = "\n".join("    " + ln for ln in f.explanation.strip().splitlines())
        out.append(f"{_DIM}{expl}{_RESET}" if color else expl)
    return "\n".join(out)


# -- the walk ---------------------------------------------------------------------------------


def _proposal(f: Finding, text: str) -> str | None:
    from .decisions import proposed_text

    return proposed_text(f, text)


def _edits(f: Finding) -> tuple[Edit, ...]:
    return f.fix.edits if f.fix is not None else ()


def _overlaps(edits: tuple[Edit, ...], kept: list[Edit]) -> bool:
    """The overlap test of ``apply.resolve``, so what the walk accepts always applies."""
    return any(_conflicts(a, b) for a in edits for b in kept)


def _with_text(f: Finding, text: str) -> Finding:
    start, end = region(f)
    return replace(f, fix=Fix((Edit(start, end, text),), Safety.SAFE, "reviewer's text"))


def _moved(f: Finding, edits: list[Edit]) -> Finding:
    """The finding at its place in the text after ``edits``, none of which overlaps it: every
    offset moves by what the edits before it added or removed (an insertion at its start
    counts as before it)."""
    start, _ = region(f)
    delta = sum(len(e.replacement) - (e.end - e.start) for e in edits if e.end <= start)
    fix = None
    if f.fix is not None:
        fix = Fix(tuple(Edit(e.start + delta, e.end + delta, e.replacement) for e in f.fix.edits),
                  f.fix.safety, f.fix.title)
    return replace(f, start=f.start + delta, end=f.end + delta, fix=fix)


def _answer(term: Terminal, keys: str) -> str:
    while True:
        got = term.ask(f"Apply this change [{keys}]? ")
        if got is None:
            return "q"
        c = got.strip()[:1].lower()
        if c and c in keys.replace(",", "") and c != "?":
            return c
        term.say(HELP)


def walk(text: str, findings: list[Finding], term: Terminal, *, path: str = "",
         doc: Document | None = None) -> Walk:
    """Ask about each finding in order; return the new text and the decisions to remember."""
    doc = doc or Document(text, path)
    result = Walk(text, new_text=text)
    todo = sorted(findings, key=Finding.sort_key)
    kept: list[Edit] = []
    rejected: list[Finding] = []
    done: set[int] = set()  # ids of findings answered in advance
    explained: set[str] = set()
    total = len(todo)
    if total:
        counts = Counter(f.category for f in todo)
        per = ", ".join(f"{c} {counts[c]}" for c in CATEGORIES if counts[c])
        term.say(f"{path or 'text'}: {total} finding{'s' if total != 1 else ''} to review ({per})")
    for n, f in enumerate(todo, 1):
        if id(f) in done:  # answered already by 'a' or by rejecting the same change
            continue
        proposed = _proposal(f, text)
        if f.fix is not None and _overlaps(_edits(f), kept):
            result.overlapping += 1
            continue
        term.say("")
        term.say(describe(doc, f, proposed, n, total, path, f.rule not in explained, term.color))
        explained.add(f.rule)
        while True:
            key = _answer(term, KEYS_FIX if f.fix is not None else KEYS_WARN)
            if key == "e":
                start, end = region(f)
                prompt = f"New text for {_visible(text[start:end])!r} (empty line: back): "
                got = term.edit(prompt, proposed or text[start:end]) if term.edit else term.ask(prompt)
                if got is None:
                    key = "q"
                else:
                    new = got.rstrip("\r\n")
                    if not new:
                        continue
                    g = _with_text(f, new)
                    if _overlaps(_edits(g), kept):
                        term.say("That overlaps a change you accepted; answer again.")
                        continue
                    result.accepted.append(g)
                    kept.extend(_edits(g))
                    result.decisions.append(decide(f, text, "edit", use=new, file=path))
            break
        if key == "q":
            result.quit = True
            break
        if key in ("y", "a"):
            result.accepted.append(f)
            kept.extend(_edits(f))
            result.decisions.append(decide(f, text, "accept", file=path))
            if key == "a":  # decided now for every later change of the rule, even if q comes next
                for m, g in enumerate(todo[n:], n + 1):
                    if g.rule != f.rule or g.fix is None or _overlaps(_edits(g), kept):
                        continue
                    done.add(id(g))
                    result.accepted.append(g)
                    kept.extend(_edits(g))
                    result.decisions.append(decide(g, text, "accept", file=path))
                    old, new = _visible(text[slice(*region(g))]), _visible(_proposal(g, text) or "")
                    term.say(f"({m}/{total}) {g.rule}: accepted ({old!r} → {new!r})")
        elif key == "n":
            rejected.append(f)
            if f.fix is not None:  # the same change proposed by another rule: one answer is enough
                for g in todo[n:]:
                    if g.fix is not None and g.fix.edits == f.fix.edits and id(g) not in done:
                        done.add(id(g))
                        rejected.append(g)
                        term.say(f"    (the same change from {g.rule}: rejected too)")
        elif key == "s":
            result.skipped += 1
    chosen, _ = resolve(result.accepted, allow_unsafe=True)
    result.new_text = apply_fixes(text, [g.fix for g in chosen if g.fix is not None])
    # Remember rejections in the words of the text as it will be written, so an accepted change
    # next to a rejected one does not change the rejected one's context on the next run.
    applied = sorted(e for g in chosen for e in _edits(g))
    for f in rejected:
        start, end = region(f)
        if any(e.start < end and start < e.end for e in applied):  # rewritten anyway
            result.decisions.append(decide(f, text, "reject", file=path))
        else:
            result.decisions.append(decide(_moved(f, applied), result.new_text, "reject", file=path))
    return result
