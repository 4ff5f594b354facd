"""The ``lines`` kind: delete whole lines that match one of the rule's patterns.

Keys: ``match`` (a list of patterns tried against each line, without its line break, using
``regex.search``; anchor with ``^``/``$``), ``flags`` (letters of ``imsx``), ``position``
(``any``, ``head`` or ``tail``: only the first or last ``window`` non-blank lines), ``window``,
``needs`` (optional: strings of which every line the rule deletes holds one, as written; a text
holding none of them is not looked at: ``engine.param_needs``), and
``gate`` (optional: a pattern searched once in the whole text, with the same flags, for what
``needs`` cannot say).
The deletion takes the line break and, between two blank lines, one of them, so no double gap
is left behind.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

import regex

from ..document import Document, Line
from ..model import Finding, Rule
from .pattern import FLAG_BITS, TIMEOUT_S, PatternTimeout


@dataclass(frozen=True)
class LinePatterns:
    """A ``lines`` rule compiled: its patterns and, if it has one, its gate."""

    patterns: list[regex.Pattern[str]]
    gate: regex.Pattern[str] | None = None


def compile_rule(rule: Rule) -> LinePatterns:
    flags = 0
    for letter in str(rule.params.get("flags", "")):
        flags |= FLAG_BITS.get(letter, 0)
    gate = rule.params.get("gate")
    return LinePatterns(
        [regex.compile(p, flags) for p in rule.params.get("match", [])],
        regex.compile(str(gate), flags) if gate else None,
    )


def _candidates(doc: Document, position: str, window: int) -> Iterator[Line]:
    """The non-blank lines a rule of ``position`` looks at: for ``head`` and ``tail`` only
    the first or last ``window`` of them, found without listing the others (a tail rule reads
    a few lines of a long page, not all of them)."""
    lines = doc.lines
    if position == "head":
        return islice((ln for ln in lines if not ln.blank), window)
    if position == "tail":
        return reversed(list(islice((ln for ln in reversed(lines) if not ln.blank), window)))
    return (ln for ln in lines if not ln.blank)


def find(doc: Document, rule: Rule, compiled: LinePatterns) -> Iterator[Finding]:
    if compiled.gate is not None:
        try:
            if compiled.gate.search(doc.text, timeout=TIMEOUT_S) is None:
                return
        except TimeoutError:
            raise PatternTimeout(f"rule {rule.id}: gate timed out after {TIMEOUT_S}s") from None
    position = rule.params.get("position", "any")
    window = int(rule.params.get("window", 5))
    for line in _candidates(doc, position, window):
        for pat in compiled.patterns:
            try:
                hit = pat.search(line.text, timeout=TIMEOUT_S)
            except TimeoutError:
                raise PatternTimeout(f"rule {rule.id}: pattern timed out after {TIMEOUT_S}s") from None
            if hit:
                yield rule.finding(line.start, line.end, edits=(doc.line_deletion(line),))
                break
