"""The ``lines`` kind: delete whole lines that match one of the rule's patterns.

Keys: ``match`` (a list of patterns tried against each line, without its line break, using
``regex.search``; anchor with ``^``/``$``), ``flags`` (letters of ``imsx``), ``position``
(``any``, ``head`` or ``tail``: only the first or last ``window`` non-blank lines), ``window``.
The deletion takes the line break and, between two blank lines, one of them, so no double gap
is left behind.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..document import Document
from ..model import Finding, Rule
from .pattern import FLAG_BITS, TIMEOUT_S, PatternTimeout


def compile_rule(rule: Rule) -> list[regex.Pattern[str]]:
    flags = 0
    for letter in str(rule.params.get("flags", "")):
        flags |= FLAG_BITS.get(letter, 0)
    return [regex.compile(p, flags) for p in rule.params.get("match", [])]


def find(doc: Document, rule: Rule, compiled: list[regex.Pattern[str]]) -> Iterator[Finding]:
    position = rule.params.get("position", "any")
    window = int(rule.params.get("window", 5))
    candidates = [ln for ln in doc.lines if not ln.blank]
    if position == "head":
        candidates = candidates[:window]
    elif position == "tail":
        candidates = candidates[-window:]
    for line in candidates:
        for pat in compiled:
            try:
                hit = pat.search(line.text, timeout=TIMEOUT_S)
            except TimeoutError:
                raise PatternTimeout(f"rule {rule.id}: pattern timed out after {TIMEOUT_S}s") from None
            if hit:
                yield rule.finding(line.start, line.end, edits=(doc.line_deletion(line),))
                break
