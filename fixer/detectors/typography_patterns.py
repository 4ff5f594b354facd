"""Pattern rules of typography that skip the lines a safe boilerplate rule deletes whole, so a
deleted line gets one fix, not two (a prompt line is not polished before it goes).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..document import Document
from ..model import Finding, Rule, Safety


def doomed(doc: Document) -> frozenset[int]:
    """Lines a safe boilerplate rule deletes: no point polishing their typography."""
    key = "typography:doomed"
    if key not in doc.cache:
        from .boilerplate_common import LINE_RULES, verdicts

        lines: set[int] = set()
        if doc.cache.get("store") is not None:
            for rule_id in LINE_RULES:
                lines.update(v.line.number for v in verdicts(doc, rule_id) if v.safety is Safety.SAFE)
        doc.cache[key] = frozenset(lines)
    return doc.cache[key]


def lines_holding(gate: regex.Pattern[str], text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text`` that holds a match of ``gate``, in order; ``end``
    is the offset of the line's ``\\n`` (or the end of the text).

    For a pattern whose every match holds a match of ``gate`` and no line break, searching
    these spans (``finditer(text, start, end)``) finds the same matches as searching the
    whole text, provided the pattern reads nothing past a line break (what it sees at
    ``end`` is then the same as at the end of the text): a search that reaches a line starts
    afresh there, since no match runs over from the line before."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while (m := gate.search(text, pos)) is not None:
        end = text.find("\n", m.start())
        end = len(text) if end < 0 else end
        spans.append((text.rfind("\n", 0, m.start()) + 1, end))
        pos = end + 1
    return spans


def _flags(letters: str) -> int:
    flags = 0
    for letter in letters:
        flags |= {"i": regex.IGNORECASE, "m": regex.MULTILINE, "s": regex.DOTALL, "x": regex.VERBOSE}.get(letter, 0)
    return flags


def pattern_off_debris(doc: Document, rule: Rule) -> Iterator[Finding]:
    """The ``pattern`` kind (keys ``pattern`` or ``patterns``, ``replace``), skipping lines that
    a safe boilerplate rule deletes whole, so a deleted line gets one fix, not two.

    An optional ``gate`` key is a pattern that every match of the rule's patterns contains or
    touches (a necessary condition, such as the space and the comma of ``space-before-comma``):
    a text in which it is not found is not searched with the slower patterns at all. With
    ``gate_lines = true`` the rule also declares that its matches lie within one line and read
    nothing past a line break, so only the lines holding the gate are searched (see
    ``lines_holding``)."""
    store = doc.cache.get("store")
    pats = rule.params.get("patterns") or [rule.params["pattern"]]
    flags = _flags(str(rule.params.get("flags", "")))
    gate_pat = rule.params.get("gate")

    def build() -> tuple[regex.Pattern[str] | None, list[regex.Pattern[str]]]:
        return (None if gate_pat is None else regex.compile(gate_pat, flags)), [regex.compile(p, flags) for p in pats]

    key = ("typography:pattern", rule.id, tuple(pats), flags, gate_pat)
    gate, compiled = store.memo(key, build) if store is not None else build()
    text = doc.text
    spans = [(0, len(text))]
    if gate is not None:
        if rule.params.get("gate_lines"):
            spans = lines_holding(gate, text)
        elif gate.search(text) is None:
            return
    template = rule.params.get("replace")
    skip: frozenset[int] | None = None
    for pat in compiled:
        try:
            matches = [m for start, end in spans for m in pat.finditer(text, start, end, timeout=1.0)]
        except TimeoutError:
            from ..kinds.pattern import PatternTimeout

            raise PatternTimeout(f"rule {rule.id}: pattern timed out after 1.0s") from None
        if matches and skip is None:
            skip = doomed(doc)  # only a text with a match needs the boilerplate verdicts
        for m in matches:
            if skip and doc.line_col(m.start())[0] in skip:
                continue
            replacement = None if template is None else m.expand(template)
            if replacement is not None and replacement == m.group():
                continue
            yield rule.finding(m.start(), m.end(), replacement)
