"""The ``pattern`` kind: a regular expression, optionally with a replacement template.

Keys: ``pattern`` (or ``patterns``, a list), ``replace`` (a ``regex`` expansion template such as
``"\\1 \\2"``; absent means the rule only warns), ``flags`` (letters of ``imsx``), ``group`` (the
group whose span is reported and replaced; default the whole match). Patterns run under the
``regex`` module's timeout so a user's backtracking pattern is reported, not obeyed forever.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..document import Document
from ..model import Finding, Rule

TIMEOUT_S = 1.0
FLAG_BITS = {"i": regex.IGNORECASE, "m": regex.MULTILINE, "s": regex.DOTALL, "x": regex.VERBOSE}


class PatternTimeout(Exception):
    """A rule's pattern ran past the time limit on one text."""


def compile_rule(rule: Rule) -> list[regex.Pattern[str]]:
    flags = regex.V1 if rule.params.get("v1") else 0
    for letter in str(rule.params.get("flags", "")):
        flags |= FLAG_BITS.get(letter, 0)
    pats = rule.params.get("patterns") or [rule.params.get("pattern")]
    return [regex.compile(p, flags) for p in pats if p]


def find(doc: Document, rule: Rule, compiled: list[regex.Pattern[str]]) -> Iterator[Finding]:
    template = rule.params.get("replace")
    group = rule.params.get("group", 0)
    for pat in compiled:
        try:
            matches = list(pat.finditer(doc.text, timeout=TIMEOUT_S))
        except TimeoutError:
            raise PatternTimeout(f"rule {rule.id}: pattern timed out after {TIMEOUT_S}s") from None
        for m in matches:
            start, end = m.span(group)
            if start < 0 or (start == end and template is None):
                continue
            replacement = None
            if template is not None:
                if group:
                    # expand relative to the whole match, then keep the part of the group
                    replacement = m.expand(template)
                else:
                    replacement = m.expand(template)
                if replacement == doc.text[start:end]:
                    continue
            yield rule.finding(start, end, replacement)
