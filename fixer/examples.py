"""Run the examples a rule carries, as LanguageTool runs the examples of its XML rules.

A ``bad`` example (markers ``⟦…⟧`` stripped) must give one finding of the rule per marked span,
with exactly that span. When ``fixed`` is given, applying the rule's fixes (whatever their
safety) must give it, and checking ``fixed`` again must find nothing: a correction may not
trigger the rule itself. When ``safety`` is given, every fix must have it. A ``keep`` example
must give no finding. ``expect = "fail"`` marks a known failure that must still fail (strict).

The same runner backs pytest (``tests/test_rule_examples.py``) and ``fixer rules test``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import regex

from .apply import apply_fixes, resolve
from .document import Document
from .model import Example, Finding, Rule

OPEN, CLOSE = "⟦", "⟧"
_MARK_RE = regex.compile(f"{OPEN}(.*?){CLOSE}", regex.DOTALL)


@dataclass(frozen=True)
class Outcome:
    rule: str
    index: int
    ok: bool
    detail: str
    example: Example


def strip_marks(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """The text without markers, and the spans the markers enclosed."""
    spans = []
    out = []
    pos = 0
    removed = 0
    for m in _MARK_RE.finditer(marked):
        out.append(marked[pos : m.start()])
        start = m.start() - removed
        spans.append((start, start + len(m.group(1))))
        out.append(m.group(1))
        removed += len(OPEN) + len(CLOSE)
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), spans


def check_example(run: Callable[[Document], list[Finding]], rule: Rule, ex: Example) -> tuple[bool, str]:
    """Whether one example holds, and if not, why."""
    if ex.keep is not None:
        found = run(Document(ex.keep))
        if found:
            f = found[0]
            return False, f"keep example flagged {ex.keep[f.start:f.end]!r} at {f.start}-{f.end}"
        return True, ""
    assert ex.bad is not None
    text, spans = strip_marks(ex.bad)
    found = run(Document(text))
    got = sorted({(f.start, f.end) for f in found})
    if spans and got != sorted(spans):
        want = [text[s:e] for s, e in spans]
        have = [text[s:e] for s, e in got]
        return False, f"expected span(s) {want}, got {have}"
    if not found:
        return False, "bad example not flagged"
    if ex.safety is not None:
        bad_safety = [f for f in found if f.fix is None or f.fix.safety.value != ex.safety]
        if bad_safety:
            f = bad_safety[0]
            return False, f"expected a {ex.safety} fix, got {f.fix.safety.value if f.fix else 'no fix'}"
    if ex.fixed is not None:
        chosen, _ = resolve(found, allow_unsafe=True)
        result = apply_fixes(text, [f.fix for f in chosen if f.fix is not None])
        if result != ex.fixed:
            return False, f"fix gave {result!r}, expected {ex.fixed!r}"
        again = run(Document(result))
        again = [f for f in again if f.fix is not None]
        if again:
            f = again[0]
            return False, f"the fixed text triggers the rule again at {result[f.start:f.end]!r}"
    return True, ""


def judge(run: Callable[[Document], list[Finding]], rule: Rule, ex: Example) -> tuple[bool, str]:
    """``check_example``, with a crash counted as a failure of that example and
    ``expect = "fail"`` turned round (a known failure must still fail)."""
    try:
        ok, detail = check_example(run, rule, ex)
    except Exception as exc:  # a rule that crashes on its own example fails that example
        ok, detail = False, f"raised {type(exc).__name__}: {exc}"
    if ex.expect == "fail":
        ok, detail = (not ok), ("known failure now passes: remove expect = 'fail'" if ok else "")
    return ok, detail


def run_examples(rule: Rule, run: Callable[[Document], list[Finding]]) -> list[Outcome]:
    return [Outcome(rule.id, i, *judge(run, rule, ex), ex) for i, ex in enumerate(rule.examples)]


def completeness_problems(rule: Rule) -> list[str]:
    """A rule needs at least one bad and one keep example (proselint's completeness test)."""
    problems = []
    if not any(e.bad is not None for e in rule.examples):
        problems.append(f"{rule.id}: no 'bad' example")
    if not any(e.keep is not None for e in rule.examples):
        problems.append(f"{rule.id}: no 'keep' example")
    return problems


def table_examples(rule: Rule, store: Any) -> list[tuple[str, Example]]:
    """The examples of the entries of a rule's phrase table (``table = "lexicon/…toml"``),
    each with where it comes from: a user who adds a phrase with a ``bad`` and a ``keep``
    example gets its tests as a rule does. The entry's examples run against the whole rule,
    so a ``keep`` text must escape every entry, not only its own."""
    name = rule.params.get("table")
    if not name:
        return []
    out = []
    for i, entry in enumerate(store.tables(str(name), "phrase"), 1):
        for ex in entry.get("example", []):
            if not isinstance(ex, dict) or not ({"bad", "keep"} & ex.keys()):
                continue
            fields = {k: ex[k] for k in ("bad", "fixed", "keep", "safety", "expect", "note") if k in ex}
            out.append((f"{entry['_file']}: phrase {i} ({entry.get('pattern', '')!s:.40})", Example(**fields)))
    return out


def run_table_examples(rule: Rule, store: Any, run: Callable[[Document], list[Finding]]) -> list[tuple[str, bool, str]]:
    """(where, ok, detail) of every example of the rule's phrase table (see ``table_examples``)."""
    return [(where, *judge(run, rule, ex)) for where, ex in table_examples(rule, store)]
