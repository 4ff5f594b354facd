"""Untranslated French: runs inside English sentences, whole French lines, editors' notes.

Three rules share one scan of the document (``scan``, cached in ``doc.cache``):

- ``untranslated.french-span`` marks the French run with exact boundaries and repairs it from
  the phrase table (``rules/phrases/*.toml``) or, when the user named one, a translator command;
- ``untranslated.french-line`` marks a line that is French as a whole (an original title left
  under its translation) and proposes deleting it when it reads as a heading;
- ``untranslated.editor-note`` turns the French editor's mark ``NDLR`` into English when the
  note itself is already English (``[the tri-border area, NDLR]``).

The evidence and its reasons are in ``fixer.frenchscore``; the data in ``rules/lexicon/``
(``french-function-words.txt``, ``french-allowed.txt``) and ``rules/phrases/``.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import compress

import regex

from .. import frenchphrases as fp
from .. import frenchscore as fs
from ..corroboration import WEAK
from ..document import Document, Line, offsets_of
from ..lazypattern import lazy
from ..model import Finding, Rule, Safety

HEADING_END_RE = lazy(regex.compile, r"[.!?…:;,\"”»)]\s*$")


@dataclass
class Span:
    start: int
    end: int
    reason: str
    french: set[int] = field(default_factory=set)  # start offsets of the French words
    phrase: fp.Entry | None = None  # set when the span is one `alone` phrase entry


@dataclass
class Scan:
    spans: list[Span]
    lines: list[Line]
    french_document: bool


# A French line: at least this many words, and this share of its French-or-English words French.
# Fixed here rather than per rule because the span rule must skip exactly the lines the line
# rule claims, whichever of the two runs first.
LINE_MIN_WORDS = 4
LINE_MIN_SHARE = 0.7


def scan(doc: Document) -> Scan:
    """French lines and French runs of a document, computed once per document and shared by
    the three rules through ``doc.cache``."""
    got = doc.cache.get("french.scan")
    if got is not None:
        return got
    store = doc.cache["store"]
    model = fs.build_model(store)
    table = fp.build_table(store)
    text = doc.text
    spans: list[Span] = []
    french_lines: list[Line] = []
    evidence = fs.find_evidence(model, text, doc.line_starts)
    by_position = evidence.lines
    # the sets behind the first tests, read here: most lines are turned down by one set
    # operation and no call (the model's sets grow in place as chunks are judged)
    alone_keys = table.alone_keys
    seen, french_chunks = model._seen_chunks, model._french_chunks
    boring: set[str] = store.memo("french.boring", set)  # see below
    alone_free: set[str] = store.memo("french.alone-free", set)  # chunks holding no alone key
    alone_held: set[str] = store.memo("french.alone-held", set)  # chunks holding one (see _holds_alone_key)
    key_groups = store.memo("french.alone-groups", lambda: _key_groups(alone_keys))
    for line in doc.lines:
        chunks = line.text.split()
        if not chunks:  # line.blank, without its call
            continue
        number = line.number
        if boring.issuperset(chunks) and number not in by_position:
            continue  # the usual English line: the two tests below would turn it down
        # a line holding the first word of an `alone` entry (as a substring of its lower case)
        # is searched for entries whole. A line made of chunks kept as free of keys holds none
        # (a key holds no white space); the chunks of a line found free are kept only when all
        # were seen before: keeping every chunk of new text made the first pass over it slower
        alone = False
        known: bool | None = None  # whether every chunk was judged and kept (``seen``)
        if alone_keys and alone_free.issuperset(chunks):
            known = True  # a chunk is kept free of keys only when seen (kept), and neither set drops one
        elif alone_keys:
            alone = not alone_held.isdisjoint(chunks) or _holds_alone_key(key_groups, line.text, alone_held)
            if not alone and len(alone_free) < fs._CACHE_MAX:
                known = seen.issuperset(chunks)
                if known:
                    alone_free.update(chunks)
        # the chunks that may hold an F word, found once for the tests below when all are known
        # (``evidence.french_chunks`` would return ``french_chunks``, and ``indices_in`` would
        # intersect it with the chunks again)
        present: set[str] | None = None
        if not alone:
            if known is None:
                known = seen.issuperset(chunks)
            if known:
                present = french_chunks.intersection(chunks)
                if not present:
                    # evidence.french_chunks would say None. Such chunks, judged and kept as
                    # holding no F word (facts the caches never drop), in a line holding no alone
                    # key (nor does any of them, then: a chunk's lower case is a piece of its
                    # line's), are ``boring``: a line made of them is turned down by the test
                    # above, and nothing more is asked
                    if len(boring) < fs._CACHE_MAX:
                        boring.update(chunks)
                    if number not in by_position:
                        continue
        # may_yield (inlined) turns down only lines that cannot yield anything (see
        # fixer/frenchscore.py); may_hold_french, the older and looser test, still applies: it
        # turns down lines that were never scored, and scoring them now could change the output
        toks: list[fs.Tok] | None = None
        masked: list[tuple[int, int]] = []
        near: bool | None = None  # whether an acronym in parentheses follows (fs.acronym_paren_in)
        if not alone:
            if number not in by_position:
                if present is not None:  # all known: not empty, or the line was turned down
                    french: set[str] | None = french_chunks
                    hot = fs.indices_of(chunks, present)
                else:
                    french = evidence.french_chunks(chunks)
                    if french is None:
                        continue
                    hot = fs.indices_in(chunks, french)
                facts: fs.LineFacts = {}  # what the gate finds that the windows need again
                if not fs.line_may_yield(model, chunks, french, line.text, hot, facts):
                    continue
                if not evidence.may_hold_french(line.text, chunks):
                    continue
                near = fs.acronym_paren_in(text, line.start, line.end + 3)
                toks = _window_tokens(model, text, line, chunks, hot, masked, near, bool(known), facts)
            elif not evidence.may_hold_french(line.text, chunks):
                continue
        elif number not in by_position:  # no gate, but the windows serve its runs as well
            french = evidence.french_chunks(chunks)
            hot = [] if french is None else fs.indices_in(chunks, french)
            near = fs.acronym_paren_in(text, line.start, line.end + 3)
            toks = _window_tokens(model, text, line, chunks, hot, masked, near)
        if toks is None:
            toks = fs.line_tokens(model, line.start, line.text, masked)
            french_line = _is_french_line(toks, LINE_MIN_WORDS, LINE_MIN_SHARE)
        else:
            french_line = False
        if french_line and not _quoted(line.text):
            french_lines.append(line)
            continue
        # named_with_acronym needs an acronym in parentheses opening in the line or right after
        # its line break (ACRONYM_AFTER_RE's filler holds no "\n"; a "\r" before it may)
        near = fs.acronym_paren_in(text, line.start, line.end + 3) if near is None else near
        runs = fs.find_runs(model, text, toks, near)
        lone = _lone_words(model, text, toks, runs)
        if lone:
            runs = sorted(runs + lone, key=lambda r: r.start)
        if alone:
            matches = fp.find_matches(table, text, line.start, line.end, chunks)
        else:  # phrase entries only matter around a run: look there, not along the whole line
            matches = [m for a, b in _windows(runs, line.start, line.end, text)
                       for m in fp.find_matches(table, text, a, b)]
        line_spans = _spans_of_line(text, toks, runs, matches, masked, model)
        spans.extend(_merge(line_spans))
    # the share of French lines needs the number of lines with content only when they are many
    french_document = len(french_lines) > 2 and len(french_lines) > 0.3 * sum(1 for ln in doc.lines if not ln.blank)
    result = Scan(spans, french_lines, french_document)
    doc.cache["french.scan"] = result
    return result


def _holds_alone_key(groups: KeyGroups, line: str, held: set[str] | None = None) -> bool:
    """Whether the ``fs.norm`` of ``line`` holds one of the keys of ``groups`` (the first words
    of ``alone`` entries, ``fp.alone_key``, grouped by ``_key_groups``) as a substring: asked only of the few lines
    not turned down by their chunks. The chunk holding the key found is added to ``held``: the
    norm of a chunk is a piece of the norm of any line holding it (lower case does not look
    across white space), so such a line holds the key too, which one set test then says."""
    low = fs.norm(line)
    for sig, members in groups:
        i = low.find(sig)
        if i < 0:
            continue  # no member of the group either: each holds ``sig``
        for key in members:
            i = low.find(key)
            if i >= 0:
                break
        else:
            if members:
                continue
        if held is not None and len(held) < fs._CACHE_MAX and len(low) == len(line):  # offsets kept
            s = i
            while s and not line[s - 1].isspace():
                s -= 1
            m = WHITE_CHAR_RE.search(line, i)  # the chunk's end (the white space of str.split)
            held.add(line[s : len(line) if m is None else m.start()])
        return True
    return False


KeyGroups = list[tuple[str, tuple[str, ...]]]
WHITE_CHAR_RE = lazy(re.compile, r"\s")  # str.split's white space (both ask Py_UNICODE_ISSPACE)
GROUP_GRAM = 3  # the length of the pieces the keys are grouped by


def _key_groups(keys: frozenset[str]) -> KeyGroups:
    """The ``alone`` keys as ``(piece, members)``: each member holds the piece, so a line
    whose norm lacks the piece holds none of them, found with one search instead of one per
    key (the piece of a group of one is the key itself, its members empty). Pieces of
    ``GROUP_GRAM`` characters shared by most keys are taken first (``ens``: Maliens,
    Tchadiens…), in a fixed order."""
    left = set(keys)
    out: KeyGroups = []
    while left:
        counts = Counter(g for k in left for g in {k[i : i + GROUP_GRAM] for i in range(len(k) - GROUP_GRAM + 1)})
        best = min(counts.items(), key=lambda kv: (-kv[1], kv[0]), default=None)
        if best is None or best[1] < 2:
            break
        members = sorted(k for k in left if best[0] in k)
        out.append((best[0], tuple(members)))
        left.difference_update(members)
    return out + [(k, ()) for k in sorted(left)]


def _window_tokens(model: fs.FrenchModel, doc_text: str, line: Line, chunks: list[str], hot: list[int],
                   masked: list[tuple[int, int]], near: bool, known: bool = False,
                   facts: fs.LineFacts | None = None) -> list[fs.Tok] | None:
    """The tokens of the windows around the French of a line (``fs.window_tokens``; ``hot``:
    the indices of the chunks that can hold an F word) when they stand for the whole line's:
    the line is not in capitals and has no URL (the caller has ruled out capitals and cut-off
    elisions: ``Evidence.lines``), and the windows' words show it is no French line. None when
    the whole line must be classified. The spans of its allowed phrases are appended to
    ``masked``, as ``fs.line_tokens`` does. ``known``: the caller found every chunk kept;
    ``facts``: what the line gate found (``fs.LineFacts``)."""
    text = line.text
    if "://" in text or "www." in text or "@" in text:
        return None
    if not known and not model._seen_chunks.issuperset(chunks):
        return None  # a chunk not kept (judged when the cache was full): its flags are unknown
    # the opener chunks the line gate found (``_masked_chunks``), when it looked: the opener
    # set has not changed since, so a second pass over the chunks would say the same
    present = facts.get(fs.OPENERS) if facts else None
    if model._opener_chunks.isdisjoint(chunks) if present is None else not present:
        spans: list[tuple[int, int]] = []
        reached: set[int] = set()
    else:
        spans, reached = fs.allowed_spans(model, text, chunks, facts)
    pad = fs.PAD_BEFORE_ACRONYM if near else fs.PAD_BEFORE
    windows = fs.chunk_windows(model, chunks, hot, reached, pad)
    if windows and windows[0][0] == 0 and windows[0][1] == len(chunks) - 1:
        return None  # one window, the whole line
    toks = fs.window_tokens(model, line.start, text, chunks, windows, spans)
    if not _not_french_line(toks, LINE_MIN_SHARE):
        return None
    masked += [(s + line.start, e + line.start) for s, e in spans]
    return toks


PHRASE_REACH = 40  # characters a phrase entry may reach beyond a run (``to`` … ``of``)


# A lone French word between English words (`extend the grève until`) has no French neighbour
# to confirm it, so it counts only when French prints it very often and English hardly ever.
# Measured on the 30 clean texts, dev-01..28 and the samples: with these bounds and both
# neighbours plain English, the only hit outside a run already flagged was a real one; the
# nearest misses were inside French names or quotes (Caisse de dépôt, « en arrière »), which
# the neighbour test excludes. Loanwords English keeps (préfet, banlieue, négociant) are
# listed in lexicon/french-allowed.txt and never reach this test.
# (defined in fixer.frenchscore, whose test of which lines can yield French relies on them)
LONE_EN_MAX = fs.LONE_EN_MAX
LONE_FR_MIN = fs.LONE_FR_MIN
LONE_MIN_LEN = fs.LONE_MIN_LEN
QUOTE_MARKS = "\"“”«»"


def _lone_words(model: fs.FrenchModel, text: str, toks: list[fs.Tok], runs: list[fs.Run]) -> list[fs.Run]:
    """Single common French words in English running text that ``find_runs`` leaves alone
    because English prints them now and then (``grève``: Zipf 1.2 in English, 4.5 in French)."""
    out: list[fs.Run] = []
    taken: set[int] | None = None  # the starts of the runs' words, gathered when first needed
    # only the F words inside the line can be lone words: picked by comparisons in C
    for k in compress(range(1, len(toks) - 1), map(fs.F.__eq__, map(TOK_KIND, toks[1:-1]))):
        t = toks[k]
        if not t.content or len(t.text) < LONE_MIN_LEN or not t.text.islower():
            continue
        if taken is None:
            taken = {w.start for r in runs for w in r.toks}
        if t.start in taken:
            continue
        en, fr = model.freqs(fs.norm(t.text))
        if en >= LONE_EN_MAX or fr < LONE_FR_MIN:
            continue
        prev, nxt = toks[k - 1], toks[k + 1]
        if not (prev.kind == fs.E and nxt.kind == fs.E and prev.text.islower() and nxt.text.islower()):
            continue  # a French neighbour, a name or a capital: the run scorer's business
        if not (fs.soft_gap(text[prev.end : t.start]) and fs.soft_gap(text[t.end : nxt.start])):
            continue  # quoted or italicised on purpose (`the word “grève”`), or across a stop
        ls, _le = fs.line_window(text, t.start, t.end)
        if sum(text.count(q, ls, t.start) for q in QUOTE_MARKS) % 2:
            continue  # inside a quotation
        if fs.talked_about(text, t.start, t.end) or fs.glossed_after(model, text, t.end):
            continue
        out.append(fs.Run(t.start, t.end, [t], "French word"))
    return out


def _windows(runs: list[fs.Run], lo: int, hi: int, text: str) -> list[tuple[int, int]]:
    """Disjoint stretches of the line around the runs, cut at spaces so no word is split."""
    out: list[tuple[int, int]] = []
    for r in runs:
        a, b = max(lo, r.start - PHRASE_REACH), min(hi, r.end + PHRASE_REACH)
        if a > lo:
            a = max(lo, text.rfind(" ", lo, a) + 1)
        if b < hi:
            sp = text.find(" ", b, hi)
            b = hi if sp < 0 else sp
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _overlaps(starts: list[int], items: list, s: int, e: int) -> list:
    """Items (sorted, disjoint ``(start, end, …)`` tuples) that overlap ``s:e``."""
    out = []
    k = bisect.bisect_left(starts, e) - 1
    while k >= 0 and items[k][1] > s:
        out.append(items[k])
        k -= 1
    return out


def _spans_of_line(text: str, toks: list[fs.Tok], runs: list[fs.Run], matches: list, masked: list,
                   model: fs.FrenchModel | None = None) -> list[Span]:
    """Runs widened to the phrase entries they touch (``loccasion`` → ``to loccasion of``),
    plus the ``alone`` entries found outside any run (an entry written with a capital only
    where the text has one); bisect keeps a long line linear."""
    starts = [m[0] for m in matches]
    tok_starts = list(map(fs.TOK_START, toks))
    out: list[Span] = []
    for r in runs:
        s, e = r.start, r.end
        for ms, me, _entry in _overlaps(starts, matches, s, e):
            s, e = min(s, ms), max(e, me)
        if s < r.start and (fs.talked_about(text, s, e) or _NAMED_AS_RE.search(text, max(0, s - 40), s)
                            or _APPOSITIVE_BEFORE_RE.search(text, max(0, s - 40), s)):
            # widened to an entry the writer names as French (`known in France as the commission
            # mixte paritaire`) or gives after its English (`The court, the tribunal correctionnel`)
            continue
        lo, hi = bisect.bisect_left(tok_starts, s), bisect.bisect_left(tok_starts, e)
        out.append(Span(s, e, r.reason, {t.start for t in toks[lo:hi] if t.kind == fs.F}))
    out.sort(key=lambda sp: sp.start)
    if not any(m[2].alone for m in matches):
        return out  # the usual line: the loop below would skip every match
    run_items = [(sp.start, sp.end) for sp in out]
    run_starts = [sp.start for sp in out]
    mask_starts = [m[0] for m in masked]
    for ms, me, entry in matches:
        if not entry.alone or _overlaps(run_starts, run_items, ms, me):
            continue
        if any(a <= ms and me <= b for a, b in _overlaps(mask_starts, masked, ms, me)):
            continue  # inside French that English keeps (Madame Tussauds)
        if entry.fr[:1].isupper() and text[ms : ms + 1].islower():
            continue  # `Mondial` is the World Cup; `Congrès mondial acadien` is a name's adjective
        if (entry.fr[:1].islower() and len(entry.pattern) > 1 and text[ms : ms + 1].isupper()
                and not _opens_sentence(text, ms)):
            continue  # `Conseil régional du tourisme de Marrakech-Safi`: a name, which English keeps
        if _CAPITAL_WORD_BEFORE_RE.search(text, max(0, ms - 40), ms) and fs.ACRONYM_AFTER_RE.match(text, me):
            continue  # `Consortium sénégalais d’activités maritimes (COSAMA)`: inside a name its acronym closes
        if model is not None and (fs.in_french_quote(model, text, ms, me) or fs.glossed_after(model, text, me)
                                  or fs.talked_about(text, ms, me)
                                  or _APPOSITIVE_BEFORE_RE.search(text, max(0, ms - 40), ms) is not None
                                  or _NAMED_AS_RE.search(text, max(0, ms - 40), ms) is not None):
            # a slogan quoted in French on purpose (chanted "Justice pour le 4 août"), or French
            # the writer explains (`the projet de loi de finances, the annual budget bill,`)
            continue
        out.append(Span(ms, me, "phrase", set(), entry))
    return out


# a capitalised word right before a position: the head of a name the position is inside
_CAPITAL_WORD_BEFORE_RE = lazy(regex.compile, r"\p{Lu}[\p{L}\p{M}\-]+[ \u00a0]$")


# an English noun and a comma right before the French, which names it again: `The court, the
# tribunal correctionnel of Lyon,` (the writer's own gloss, the other way round)
_APPOSITIVE_BEFORE_RE = lazy(regex.compile, r"\b(?:[Tt]he|[Aa]n?)\s+\p{Ll}+(?:\s+\p{Ll}+)?,\s+(?:the|a|an)\s+$")


# the writer naming the French as such, with an article before it: `known in France as the …`
_NAMED_AS_RE = lazy(regex.compile, r"(?i)\b(?:(?:known|referred\s+to)(?:\s+in\s+\p{L}+)?\s+as|called|dubbed|named)\s+(?:the\s+|a\s+|an\s+)?$")


def _opens_sentence(text: str, at: int) -> bool:
    """Whether ``at`` opens a line or follows a sentence's end and white space."""
    before = text[max(0, at - 4) : at].rstrip(" \t\u00a0")
    return not before or before[-1] in ".!?\n\"“«:"


def _merge(spans: list[Span]) -> list[Span]:
    spans.sort(key=lambda s: (s.start, -s.end))
    out: list[Span] = []
    for sp in spans:
        if out and sp.start < out[-1].end:
            last = out[-1]
            last.end = max(last.end, sp.end)
            last.french |= sp.french
            continue
        out.append(sp)
    return out


def _quoted(line: str) -> bool:
    """A line given as a quotation («…», “…”): French quoted on purpose, often next to its
    translation, not an original title left behind."""
    t = line.strip()
    return t[:1] in "«“\"" or t[-1:] in "»”\""


def _is_french_line(toks: list[fs.Tok], min_words: int, min_share: float) -> bool:
    frs = [t for t in toks if t.kind == fs.F]
    if len(frs) < 3:
        return False  # the test below needs three French words (most lines stop here)
    eng = [t for t in toks if t.kind == fs.E]
    content = [t for t in frs if t.content]
    if len(frs) + len(eng) < min_words - 1 or len(toks) < min_words:
        return False
    return len(frs) >= 3 and len(content) >= 2 and len(frs) >= min_share * (len(frs) + len(eng))


def _not_french_line(toks: list[fs.Tok], min_share: float) -> bool:
    """Whether ``_is_french_line`` is False for a line of which ``toks`` are some tokens: all
    its F words and some of its E words (``fs.window_tokens``); a False answer settles nothing."""
    kinds = list(map(TOK_KIND, toks))
    n_french = kinds.count(fs.F)
    if n_french < 3 or sum(1 for t in toks if t.kind == fs.F and t.content) < 2:
        return True
    return n_french < min_share * (n_french + kinds.count(fs.E))


TOK_KIND = fs.TOK_KIND  # Tok.kind, read by position (faster)


DESCRIBE_WORD_RE = lazy(regex.compile, r"[\p{L}’']+")


def _describe(model: fs.FrenchModel, text: str, sp: Span) -> str:
    span = text[sp.start : sp.end]
    parts = span.split()
    if fs.NDLR_RE.search(parts[-1].strip(",.]") if parts else ""):
        return "Editor's note left in French"
    if sp.reason == "half-translated name":
        return "Name half left in French"
    if sp.phrase is not None and "{name}" in sp.phrase.fr and sp.phrase.fr.split()[0] in ("Madame", "Monsieur", "Mme"):
        return "French honorific left in English text"
    if sp.phrase is not None:
        return "French name or coinage with a usual English form"
    words = [w.lower() for w in DESCRIBE_WORD_RE.findall(span)]
    if words and words[0] in OPENERS:
        return "French sentence opener left untranslated"
    if not MONTHS.isdisjoint(words):
        return "French date left untranslated"
    if words and words[0] in PLACE_WORDS and any(w.lower() in model.places for w in parts[1:]):
        return "French place phrase left untranslated"
    if any(_merged(model, w) for w in parts if w[:1] in MERGED_HEADS):
        return "French phrase left untranslated (its apostrophe lost)"
    if len(parts) == 1:
        return "French word left untranslated"
    return "French left untranslated"


def _merged(model: fs.FrenchModel, word: str) -> bool:
    if word[:1] not in MERGED_HEADS:
        return False  # MERGED_ELISION_RE opens with l, d or qu: most words fail here, unsearched
    m = fs.MERGED_ELISION_RE.match(word)
    return m is not None and max(model.freqs(m.group(2))) >= 3.0 and model.freqs(word.lower())[1] < 2.5


MERGED_HEADS = ("l", "d", "q")
OPENERS = frozenset({"selon", "d’après", "d'après", "dapres", "daprès"})
PLACE_WORDS = frozenset({"au", "aux", "dans", "en", "à", "entre", "située", "situé", "près", "vers"})
MONTHS = frozenset("janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split())


def _command_translation(doc: Document, rule: Rule, span: str) -> tuple[str | None, str]:
    """The user's translator command on ``span``: (translation or None, why not). Nothing is
    run unless ``--translator`` named a command."""
    command = getattr(doc.cache.get("config"), "translator", None)
    if not command:
        return None, "no translation known; use --translator"
    from .. import translator

    out = translator.run(span, command, float(rule.params.get("translator_timeout", 20)))
    if out.text is None or out.text == span:
        return None, out.error or "the translator returned the text unchanged"
    return out.text, ""


def french_span(doc: Document, rule: Rule) -> Iterator[Finding]:
    """A French run inside an English sentence, with the repair the table or translator gives."""
    sc = scan(doc)
    if sc.french_document:
        return
    store = doc.cache["store"]
    table = fp.build_table(store)
    model = fs.build_model(store)
    text = doc.text
    for sp in sc.spans:
        what = _describe(model, text, sp)
        if sp.phrase is not None and sp.phrase.fr.endswith(" " + fp.SLOT) and sp.phrase.en.endswith(" " + fp.SLOT):
            yield _keep_the_name(rule, text, sp, what)
            continue
        span = text[sp.start : sp.end]
        words = fp.words_in(text, sp.start, sp.end)  # for the table and the weak test both
        tr = (_reorder_name(text, sp) if sp.reason == "half-translated name" else None) or fp.translate_span(
            table, text, sp.start, sp.end, sp.french, model.places, words)
        if tr is not None and tr.text != span:
            # safe only when one safe entry matches the whole span (a reordered name has none)
            whole = tr.whole
            safe = whole is not None and whole.safe and tr.entries == [whole]
            yield rule.finding(sp.start, sp.end, tr.text, message=f"{what}: '{span}'",
                               safety=Safety.SAFE if safe else Safety.UNSAFE, title=f"Translate to '{tr.text}'")
            continue
        if tr is None and _title_cased_name(model, [w for _, _, w in words]):
            continue  # `Étoile du Sahel`, `Stade du Moustoir`: a French name, as English keeps it
        english, why = _command_translation(doc, rule, span)
        if english is not None:
            yield rule.finding(sp.start, sp.end, english, safety=Safety.UNSAFE, title=f"Translate to '{english}'",
                               message=f"{what}: '{span}' (translation from the translator command)")
        else:
            # a few French words with no known English, or French between quotation marks, is
            # what an English reporter may quote on purpose (`c'est magnifique,` he said): weak
            # alone, kept where the article shows other damage (fixer.corroboration)
            weak = (len(words) <= WEAK_MAX_WORDS or fs.quote_around(text, sp.start, sp.end) is not None
                    or _in_french_name(model, text, sp.start) or _term_of_a_place(table, text, sp))
            yield rule.finding(sp.start, sp.end, message=f"{what}: '{span}' ({why})", data=WEAK if weak else ())


WEAK_MAX_WORDS = 3  # a French span this short with no translation is weak (see french_span)
# the small words a French name joins its capitalised words with (`Musée des Beaux-Arts et
# d'Archéologie`), its elided ones included
_NAME_LINKS = frozenset("de du des d la le les l et en sur sous aux au à".split())


def _title_cased_name(model: fs.FrenchModel, words: list[str]) -> bool:
    """Whether a span's words are a French name in title case: capitalised words, the first a
    French one (not `States du Sahel`, where English opens the run), joined by French small
    words only, and a capitalised word last (`Étoile du Sahel`, `Stade du Moustoir`, `Musée
    des Beaux-Arts et d'Archéologie`). English keeps such names; a translation error leaves
    lower-case French (`dans le nord du Mali`) or opens with English."""
    parts = [p for w in words for p in regex.split(r"['’]", w) if p and not p.isdigit()]
    if len(parts) < 2 or not parts[0][:1].isupper() or not parts[-1][:1].isupper():
        return False
    if any(len(p) > 1 and p.isupper() for p in parts):
        return False  # a line in capitals (`ON N’A RIEN À PERDRE`): its case says nothing
    if any(not p[:1].isupper() and p.casefold() not in _NAME_LINKS for p in parts):
        return False
    en, fr = model.freqs(fs.norm(parts[0]))
    return fr > en

# a capitalised word, then up to four words in lower case, right before a span
_NAME_HEAD_BEFORE_RE = lazy(regex.compile, r"(\p{Lu}[\p{Ll}\p{M}\-]+)((?:[ \u00a0]+[\p{Ll}\p{M}’'\-]+){0,4})[ \u00a0]+$")


# what may follow a French term to name the place it belongs to: `de Rennes`, `du Gard`
_OF_A_PLACE_RE = lazy(regex.compile, r"[ \u00a0]+(?:de|du|des|d['’]|de la|de l['’])[ \u00a0]*\p{Lu}[\p{L}\p{M}'’\-]*(?:[ \u00a0]+\p{Lu}[\p{L}\p{M}'’\-]*)*")


def _term_of_a_place(table: fp.PhraseTable, text: str, sp: Span) -> bool:
    """Whether the span is a term the table flags wherever it stands and the place it belongs
    to (`tribunal administratif de Rennes`): an English writer may keep the French court's or
    office's name on purpose, so it is weak, kept beside other damage."""
    for ms, me, entry in fp.find_matches(table, text, sp.start, sp.end):
        if entry.alone and ms == sp.start:
            m = _OF_A_PLACE_RE.match(text, me)
            return m is not None and m.end() == sp.end
    return False


def _in_french_name(model: fs.FrenchModel, text: str, start: int) -> bool:
    """Whether the span ends a French proper name that opens before it with a capitalised
    French word (`Fédération des intervenantes en petite enfance du Québec`): an English
    reporter names a French body or union in French on purpose, a translation leaves it in
    French by mistake, and only the rest of the article tells them apart (a weak finding)."""
    m = _NAME_HEAD_BEFORE_RE.search(text, max(0, start - 80), start)
    if m is None:
        return False
    en, fr = model.freqs(fs.norm(m.group(1)))
    if fr <= en:
        return False
    # the words between are French too (not `Paris said that …`)
    return all(f >= e for e, f in map(model.freqs, map(fs.norm, m.group(2).split())))


def _keep_the_name(rule: Rule, text: str, sp: Span, what: str) -> Finding:
    """``Madame Borne`` → ``Ms Borne``: an entry ending in ``{name}`` whose English also ends in
    it changes only the French words, so the span and the edit stop before the name."""
    assert sp.phrase is not None
    head = sp.phrase.fr[: -len(fp.SLOT)].rstrip()
    n_words = len(fp.words_in(head, 0, len(head)))
    end = fp.words_in(text, sp.start, sp.end)[n_words - 1][1]
    english = sp.phrase.en[: -len(fp.SLOT)].rstrip()
    return rule.finding(sp.start, end, english, message=f"{what}: '{text[sp.start:end]}'",
                        safety=Safety.UNSAFE, title=f"Translate to '{english}'")


NAME_TAIL_RE = lazy(regex.compile, r"^(\p{Lu}[\p{L}\-]*)\s+(?:(?:de|du|des|de\s+la)\s+|(?:[ld]['’]))(.+)$")


def _reorder_name(text: str, sp: Span) -> fp.Translation | None:
    """English word order for a name whose tail stayed French: ``States du Sahel`` →
    ``Sahel States`` (English puts the modifying name before the head noun)."""
    m = NAME_TAIL_RE.match(text[sp.start : sp.end])
    if m is None or not m.group(2)[:1].isupper():
        return None
    return fp.Translation(f"{m.group(2)} {m.group(1)}", [])


def french_line(doc: Document, rule: Rule) -> Iterator[Finding]:
    """A line in French as a whole; a short heading-like one is proposed for deletion."""
    sc = scan(doc)
    if sc.french_document or not sc.lines:
        return  # the usual article has no French line: nothing below is needed
    max_words = int(rule.params.get("heading_max_words", 20))
    zone = int(rule.params.get("title_zone_lines", 4))
    french = {ln.number for ln in sc.lines}
    # the original title sits in the title block; further down, a French heading is content
    # whose English is missing, so deleting it would lose text: it is reported instead
    in_zone = {ln.number for ln in [x for x in doc.lines if not x.blank][:zone]}
    for line in sc.lines:
        if (line.number in in_zone and len(line.text.split()) <= max_words and not HEADING_END_RE.search(line.text)
                and _english_line_above(doc, line, french)):
            yield rule.finding(
                line.start, line.end, edits=(doc.line_deletion(line),), safety=Safety.UNSAFE,
                message="French line left in an English article (an original title under its translation?)",
                title="Delete the French line",
            )
            continue
        english, why = _command_translation(doc, rule, line.text.strip())
        if english is not None:
            lead = line.text[: len(line.text) - len(line.text.lstrip())]
            yield rule.finding(line.start, line.end, lead + english, safety=Safety.UNSAFE,
                               title=f"Translate to '{english}'",
                               message="Whole line in French inside an English article (translation from the "
                                       "translator command)")
        else:
            yield rule.finding(line.start, line.end, message=f"Whole line in French inside an English article ({why})")


def _english_line_above(doc: Document, line: Line, french: set[int], reach: int = 3) -> bool:
    """Whether one of the ``reach`` non-blank lines above is not French: the translation the
    French heading repeats. A French first line has nothing above it and is only reported."""
    seen = 0
    for prev in reversed(doc.lines[: line.number - 1]):
        if prev.blank:
            continue
        if prev.number not in french:
            return True
        seen += 1
        if seen >= reach:
            break
    return False


NOTE_BRACKET_RE = lazy(regex.compile,
    r"(?:\[(?P<body>[^\[\]\n]{1,300}?)(?P<mark>[,;]?\s*[–—-]?\s*(?:NDLR|N\.D\.L\.R\.?|ndlr|Ndlr))\s*\]"
    r"|\((?P<body>[^()\n]{1,300}?)(?P<mark>[,;]?\s*[–—-]?\s*(?:NDLR|N\.D\.L\.R\.?|ndlr|Ndlr))\s*\))"
)
NOTE_MARKS = ("NDLR", "N.D.L.R", "ndlr", "Ndlr")  # the marks the two patterns accept
NOTE_PAREN_RE = lazy(regex.compile, r"(?P<open>[(\[])\s*(?P<mark>NDLR|N\.D\.L\.R\.?|Ndlr|ndlr)\s*[:：]\s*(?P<body>[^()\[\]\n\s][^()\[\]\n]{0,299}?)\s*(?P<close>[)\]])")


WHITE_RE = lazy(regex.compile, r"\s*")


def _bracket_starts(text: str, marks: list[int]) -> list[int]:
    """Where a ``NOTE_BRACKET_RE`` match can start: the last "[" and the last "(" before a
    mark (its body holds neither bracket, the white space and punctuation before the mark
    neither)."""
    return sorted({i for m in marks for i in (text.rfind("[", 0, m), text.rfind("(", 0, m)) if i >= 0})


def _paren_starts(text: str, marks: list[int]) -> list[int]:
    """Where a ``NOTE_PAREN_RE`` match can start: a bracket that only white space separates
    from a mark."""
    out = set()
    for m in marks:
        i = max(text.rfind("[", 0, m), text.rfind("(", 0, m))
        if i >= 0 and WHITE_RE.fullmatch(text, i + 1, m):
            out.add(i)
    return sorted(out)


def _matches_from(pattern: regex.Pattern[str], text: str, starts: list[int]) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text)`` when no match can start outside ``starts`` (ascending): the
    same matches, tried only there (the pattern has no look-behind)."""
    end = 0
    for s in starts:
        if s < end:
            continue  # inside the last match: finditer goes on from its end
        m = pattern.match(text, s)
        if m is not None:
            end = m.end()
            yield m


def editor_note(doc: Document, rule: Rule) -> Iterator[Finding]:
    """``[…, NDLR]`` and ``(NDLR : …)`` whose note is English: the mark becomes English."""
    text = doc.text
    marks = offsets_of(text, NOTE_MARKS)  # one find run per mark: as cheap as testing for them
    if not marks:
        return  # both patterns need one of the marks
    sc = scan(doc)
    if sc.french_document:
        return
    french = [(sp.start, sp.end) for sp in sc.spans]

    def in_french(a: int, b: int) -> bool:
        return any(s < b and a < e for s, e in french)

    ed = str(rule.params.get("suffix", " – Ed."))
    lead = str(rule.params.get("prefix", "Editor's note: "))
    model = fs.build_model(doc.cache["store"])

    def level(body: str) -> Safety:
        # safe only when the note itself reads as English; otherwise shown for review
        return Safety.SAFE if fs.has_plain_english(model, body) else Safety.UNSAFE

    for m in _matches_from(NOTE_BRACKET_RE, text, _bracket_starts(text, marks)):
        if in_french(m.start("body"), m.end("mark")):
            continue
        s, e = m.start("mark"), m.end("mark")
        yield rule.finding(s, e, ed, safety=level(m.group("body")),
                           message="French editor's mark NDLR: in English, '– Ed.'")
    for m in _matches_from(NOTE_PAREN_RE, text, _paren_starts(text, marks)):
        if in_french(m.start("body"), m.end("body")):
            continue
        s, e = m.start("mark"), m.start("body")
        yield rule.finding(s, e, lead, safety=level(m.group("body")),
                           message="French editor's note (NDLR): in English, 'Editor's note:'")
