"""``untranslated.french-century``: `XXIe siècle`, `the XXe siècle`: a French century in Roman
figures with its ordinal mark, left untranslated; `the XIIIe century`, `the XIIth century`: the
Roman figure left before the English word. English writes `21st century`.

A rule of its own because its repair is arithmetic (the Roman figure read, the English ordinal
suffix chosen), which neither the phrase table nor a pattern template can do.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..document import Document
from ..lazypattern import lazy
from ..model import Finding, Rule

_CENTURY_RE = lazy(regex.compile, r"\b(?P<roman>[IVXL]{1,6})(?:e|ème|è|eme)\s+(?P<word>siècles?|siecles?|SIÈCLES?)\b")
# a Roman ordinal before an English `century` (`the XIIIe century`, `the XIIIe and XVIe
# centuries`, `the XIIth century`): half translated; English writes the figure in Arabic
_ROMAN_ORDINAL_RE = lazy(regex.compile,
    r"\b(?P<roman>[IVXL]{1,6})(?:e|ème|è|eme|th|st|nd|rd)\b"
    r"(?=(?:\s*(?:,|and|or|to|-|–)\s*[IVXL]{1,6}(?:e|ème|è|eme|th|st|nd|rd)\b)*\s+centur(?:y|ies)\b)")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman_value(figures: str) -> int | None:
    """The value of a Roman numeral up to L, or None when it is not well formed (`IIII`, `VX`)."""
    total, prev = 0, 0
    for ch in reversed(figures):
        v = _ROMAN[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total if 0 < total <= 60 and _to_roman(total) == figures else None


def _to_roman(n: int) -> str:
    out = []
    for value, mark in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(mark)
            n -= value
    return "".join(out)


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def french_century(doc: Document, rule: Rule) -> Iterator[Finding]:
    text = doc.text
    if "centur" in text:
        for m in _ROMAN_ORDINAL_RE.finditer(text):
            n = roman_value(m.group("roman"))
            if n is not None:
                yield rule.finding(m.start(), m.end(), ordinal(n),
                                   message=f"Century in Roman figures: {m.group()!r} is written {ordinal(n)} in English.")
    if "siècle" not in text and "siecle" not in text and "SIÈCLE" not in text:
        return  # (the word is in every match)
    for m in _CENTURY_RE.finditer(text):
        n = roman_value(m.group("roman"))
        if n is None:
            continue
        word = "centuries" if m.group("word").endswith("s") else "century"
        yield rule.finding(m.start(), m.end(), f"{ordinal(n)} {word}",
                           message=f"French century left untranslated: {m.group()!r} is the {ordinal(n)} {word}.")
