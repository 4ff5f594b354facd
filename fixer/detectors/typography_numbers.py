"""French number and time formats: `10 000`, `11 h 30`, `at 20 h`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from ..document import Document
from ..lazypattern import lazy
from ..model import Finding, Rule
from .typography_patterns import StringGate, byte_gate_lines, doomed, lines_holding, literal_gate

# not after another number (`514 555 1234`, `1, 2 000`), glued to a separator (`1.500 000`) or
# to a letter (`A350 900`, a model); after a word and a comma or a full stop (`the police,
# 35 000`) the number is one of its own
_THOUSANDS_RE = lazy(regex.compile,
    r"(?<!\p{N}[,.]?[ \u00a0\u202f]?)(?<![,.\p{L}])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![ \u00a0\u202f]?\p{N})(?![,.]\d)"
)


# what every match of _THOUSANDS_RE holds: a digit, a space and three digits
_SPACED_GROUP_RE = lazy(regex.compile, r"\d[ \u00a0\u202f]\d{3}")


_SPACED_GROUP = literal_gate(_SPACED_GROUP_RE.pattern)


def french_thousands(doc: Document, rule: Rule) -> Iterator[Finding]:
    """`10 000` → `10,000`: one finding per number."""
    if not (_SPACED_GROUP.holds(doc) if _SPACED_GROUP is not None and _SPACED_GROUP.usable(doc)
            else _SPACED_GROUP_RE.search(doc.text) is not None):
        return
    text = doc.text
    for m in _THOUSANDS_RE.finditer(text):
        if _after_a_name(text, m.start()):
            continue  # Boeing 737 800, Route 66 000: a model or a number of a name
        if _a_phone_number(text, m.start(), m.end()):
            continue  # call the doctor on duty on 116 117; text STOP to 38 000
        yield rule.finding(m.start(), m.end(), regex.sub(r"[ \u00a0\u202f]", ",", m.group()))


def _after_a_name(text: str, start: int) -> bool:
    """Whether the number follows, after one space, a capitalised word inside a sentence (a
    maker, a road, an article of law): such figures are model or reference numbers."""
    if start < 3 or text[start - 1] != " ":
        return False
    ws = text.rfind(" ", 0, start - 1) + 1
    ls = text.rfind("\n", 0, start - 1) + 1
    word = text[max(ws, ls) : start - 1]
    if not (len(word) >= 2 and word.isalpha() and word[0].isupper() and word[1:].islower()):
        return False
    before = text[max(ws, ls) - 2 : max(ws, ls)].strip()
    return max(ws, ls) > ls and before[-1:] not in (".", "!", "?", ":", "\"", "“", "«", "")


# a word that makes the number ending its sentence one to call or text (`dial 116 117.`), looked
# for in the sentence before it, at most 60 characters back (not `number`: `the number of agents
# rose to 1 500.` counts)
_PHONE_WORD_RE = lazy(regex.compile,
    r"\b(?:call|calling|dial|dialling|dialing|phone|telephone|text|SMS|hotline|helpline|freephone)\b",
    regex.IGNORECASE,
)
# the end of a sentence or line right after the number (a count goes on: `received 12 000 calls`)
_NUMBER_ENDS_RE = lazy(regex.compile, r"[ \u00a0]*(?:[.;!?)]|$)", regex.MULTILINE)


def _a_phone_number(text: str, start: int, end: int) -> bool:
    """Whether a spaced number ends its sentence after a word of calling or texting in that
    sentence: a service or short number (`116 117`, `38 000`), which no comma may join."""
    if _NUMBER_ENDS_RE.match(text, end) is None:
        return False
    stops = [text.rfind(c, 0, start) for c in ".!?\n"]
    return _PHONE_WORD_RE.search(text, max(max(stops) + 1, start - 60), start) is not None


_TIME_RE = lazy(regex.compile, r"(?<![\p{L}\p{N}])([01]?\d|2[0-3])[ \u00a0]?h[ \u00a0]?([0-5]\d)(?![\p{L}\p{N}])")
# an hour alone (`at 20 h`, `the estimates of 20 h`, French `à 20 h`, `de 20 h`) only after a
# preposition of time or another hour (`between 18 h and 21 h`, `18 h-21 h`), never before `of` (`after 20 h of talks` is a duration), and only for
# 0-23 (`24 h`, `48 h` are durations)
_HOUR_RE = lazy(regex.compile,
    r"(?<=\b(?:at|from|until|till|since|before|after|by|around|towards?|of|between)[ \u00a0]"
    r"|\d[ \u00a0]?h[ \u00a0]+(?:and|to|or)[ \u00a0]|\d[ \u00a0]?h[ \u00a0]?[-–][ \u00a0]?)([01]?\d|2[0-3])[ \u00a0]?h"
    r"(?![\p{L}\p{N}\-/]|[ \u00a0]?[:.,]?\d|[ \u00a0]+(?:of|per)\b)",
    regex.IGNORECASE,
)


# an hour alone between parentheses (`on Saturday (17 h)`): a kick-off or opening time
_PAREN_HOUR_RE = lazy(regex.compile, r"(?<=\()([01]?\d|2[0-3])[ \u00a0]?h(?=\))")
# a number of hours no clock shows (`within 72 h`, `the 48 h strike`): a duration (spaced: glued,
# `24h` names things, `24h news`)
_DURATION_RE = lazy(regex.compile,
    r"(?<![\p{L}\p{N}.,:])(2[4-9]|[3-9]\d|\d{3})[ \u00a0]h(?![\p{L}\p{N}\-/]|[ \u00a0]?[:.,]?\d)")


# what every match of _TIME_RE, _HOUR_RE, _PAREN_HOUR_RE and _DURATION_RE holds (and no line break): a digit, maybe a space,
# and `h` (or `H`: _HOUR_RE ignores case); neither pattern reads past a line break (the letters,
# spaces, digits and words of their lookaheads are not line breaks), so only the lines holding
# this need a search (see ``lines_holding``)
_DIGIT_H_RE = lazy(regex.compile, r"\d[ \u00a0]?h", regex.IGNORECASE)
# the same as strings for ``StringGate`` (digits written 0): under IGNORECASE only `h` and `H`
# match `h` (tests/test_perf_typo.py checks it over all of Unicode)
_DIGIT_H = StringGate("0" + s + h for s in ("", " ", "\u00a0") for h in "hH")
# a stronger gate in ``byte_view`` (digits written 0), looked for when every digit is an ASCII
# one: in both patterns the `h` is followed by no letter (_TIME_RE: a space or the minutes'
# digit; _HOUR_RE: its lookahead refuses a letter), so `17 hours`, `5 hp`, `20 hPa` are no lines
# to search
_DIGIT_H_NOT_WORD_RE = lazy(re.compile, rb"0(?: |\xc2\xa0)?[hH](?![A-Za-z])")


def french_time(doc: Document, rule: Rule) -> Iterator[Finding]:
    """`11 h 30` → `11:30`; `at 20 h` → `at 20:00` (the hour alone only after a preposition of
    time, where it cannot be a duration, or between parentheses); `72 h` → `72 hours` (a number
    no clock shows is a duration). Lines a safe boilerplate rule deletes are skipped."""
    text = doc.text
    found: list[tuple[int, int, str]] = []
    usable = _DIGIT_H.usable(doc)
    for start, end in byte_gate_lines(doc, _DIGIT_H_NOT_WORD_RE) if usable else lines_holding(_DIGIT_H_RE, text):
        found += [(m.start(), m.end(), f"{m.group(1)}:{m.group(2)}") for m in _TIME_RE.finditer(text, start, end)]
        found += [(m.start(), m.end(), f"{m.group(1)}:00") for m in _HOUR_RE.finditer(text, start, end)]
        found += [(m.start(), m.end(), f"{m.group(1)}:00") for m in _PAREN_HOUR_RE.finditer(text, start, end)]
        found += [(m.start(), m.end(), f"{m.group(1)} hours") for m in _DURATION_RE.finditer(text, start, end)]
    if not found:
        return
    skip = doomed(doc)
    for start, end, repl in sorted(found):
        if skip and doc.line_col(start)[0] in skip:
            continue
        yield rule.finding(start, end, repl)


# an amount followed by a euro or dollar sign, French order (`14 €`, `250 000 $`, `7,50 €`)
_CURRENCY_AFTER_RE = lazy(regex.compile,
    r"(?<![\d,.\u00a0\u202f]|\d )(?P<n>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?)"
    r"[ \u00a0\u202f]?(?P<c>[€$])(?![\w$])"
)
_DECIMAL_COMMA_RE = lazy(re.compile, r",(\d{1,2})$")


def english_amount(figures: str) -> str:
    """French figures in English form: a decimal comma (one or two figures after it) as a
    point, thousands spaces as commas: `250 000` → `250,000`, `7,50` → `7.50`, `1 200,5` →
    `1,200.5`; `1,234` (three figures) is left as it is."""
    m = _DECIMAL_COMMA_RE.search(figures)
    if m:
        figures = f"{figures[: m.start()]}.{m.group(1)}"
    return re.sub(r"[ \u00a0\u202f](?=\d{3})", ",", figures)


def currency_after(doc: Document, rule: Rule) -> Iterator[Finding]:
    """`14 €` → `€14`, `250 000 $` → `$250,000`: the sign moves before the amount, which takes
    its English form in the same edit (a fix in two passes would leave `$250 000` between)."""
    text = doc.text
    if "€" not in text and "$" not in text:
        return
    for m in _CURRENCY_AFTER_RE.finditer(text):
        yield rule.finding(m.start(), m.end(), m.group("c") + english_amount(m.group("n")))


# Swiss thousands separators (`50'000`, `1’250’000`): an apostrophe every three figures
_SWISS_THOUSANDS_RE = lazy(regex.compile, r"(?<![\d'’.,])\d{1,3}(?:['’]\d{3})+(?![\d'’\"”])")


def swiss_thousands(doc: Document, rule: Rule) -> Iterator[Finding]:
    """`50'000` → `50,000`: Swiss French groups figures with apostrophes."""
    text = doc.text
    if "'" not in text and "’" not in text:
        return
    for m in _SWISS_THOUSANDS_RE.finditer(text):
        yield rule.finding(m.start(), m.end(), m.group().replace("'", ",").replace("’", ","))


# a race time in French notation: seconds and hundredths with a double prime, minutes before them
# with a prime (`9''94`, `3'33''80`); a double prime followed by figures is no inch mark
_CHRONO_RE = lazy(regex.compile,
    r"(?<![\d'’′])(?:(?P<m>\d{1,2})['’′])?(?P<s>\d{1,2})(?:''|’’|″|\")(?P<c>\d{2})(?!\d)"
)
_CHRONO_MARKS = ("''", "’’", "″", '"')


def french_chrono(doc: Document, rule: Rule) -> Iterator[Finding]:
    text = doc.text
    if not any(mark in text for mark in _CHRONO_MARKS):
        return
    for m in _CHRONO_RE.finditer(text):
        minutes = m.group("m")
        english = f"{minutes}:{m.group('s')}.{m.group('c')}" if minutes else f"{m.group('s')}.{m.group('c')}"
        yield rule.finding(m.start(), m.end(), english, message=f"French notation of a race time: {m.group()!r} is {english!r}.")
