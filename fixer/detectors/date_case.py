"""Dates written the French way. ``typography.lowercase-month``: an English month name in small
letters inside a date (`the 31 december`, `on 5 june 2025`, `december 2024`).
``mistranslation.date-calque``: the day with its article (`on the 18 March`, `the 15 of June`).

French writes its months in small letters (`le 31 décembre`); a translation engine turns the
word into English and keeps the case. English capitalises month names always, so a month in
small letters next to a day or a year is the French habit. `may` and `march` are verbs too:
they are taken only between a day and a year (`12 may 2025`), where no verb stands.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document
from ..lazypattern import lazy
from ..model import Finding, Rule

_MONTHS = frozenset(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december")
)
_LETTER_RE = lazy(re.compile, r"[^\W\d_]")
_DAY_BEFORE_RE = lazy(re.compile, r"(?<![^\W_])\d{1,2}(?:st|nd|rd|th|er)?[ \u00a0]$")
_YEAR_AFTER_RE = lazy(re.compile, r"[ \u00a0,]+\d{4}(?!\d)")
_VERBS = frozenset({"march", "may"})


def lowercase_month(doc: Document, rule: Rule) -> Iterator[Finding]:
    text = doc.text
    # the article's words, which a full check counts anyway: most articles hold no month in
    # small letters but `may`, and only those present are looked for
    counts = doc.word_counts
    present = [w for w in _MONTHS if w in counts]
    hits = []
    for word in present:
        i = text.find(word)
        while i >= 0:
            hits.append((i, word))
            i = text.find(word, i + 1)
    for start, word in sorted(hits):
        end = start + len(word)
        if (start and _LETTER_RE.match(text, start - 1)) or _LETTER_RE.match(text, end):
            continue  # inside a longer word (`mayor`, `augustine`)
        day = _DAY_BEFORE_RE.search(text, max(0, start - 6), start) is not None
        year = _YEAR_AFTER_RE.match(text, end) is not None
        if not (day and year if word in _VERBS else day or year):
            continue
        month = word.capitalize()
        yield rule.finding(start, end, month, message=f"Month name in small letters: English writes {month!r}.")


_CAPITAL_MONTHS = frozenset(m.capitalize() for m in _MONTHS)
# before a month: `the 18 ` or `the 15 of ` (the day without its ordinal), matched backwards
_THE_DAY_BEFORE_RE = lazy(re.compile, r"(?<![^\W\d_])[Tt]he (\d{1,2})(?: of)? $")
# what may follow `the 18 March` when the date is the calque and not an attribute (`the 18 March
# deadline`): punctuation, or a word that cannot be the noun the date qualifies
_AFTER_DATE_RE = lazy(re.compile,
    r"[,.;:)]|\s(?:at|in|to|and|or|when|after|before|by|with|for|from|it|he|she|they|was|is|will|would|had|has|the|a|an)\b"
)


def date_calque(doc: Document, rule: Rule) -> Iterator[Finding]:
    """`on the 18 March, …`, `on the 15 of June`: the French date (`le 18 mars`) with its
    article; English writes `18 March` or `March 18` (`the 15th of June` with its ordinal)."""
    text = doc.text
    counts = doc.word_counts
    present = [w for w in _CAPITAL_MONTHS if w in counts]  # (counted anyway by a full check)
    for month in present:
        i = text.find(month)
        while i >= 0:
            end = i + len(month)
            m = _THE_DAY_BEFORE_RE.search(text, max(0, i - 12), i)
            if m is not None and not _LETTER_RE.match(text, end) and (" of " in m.group() or _AFTER_DATE_RE.match(text, end)):
                day = m.group(1)
                yield rule.finding(
                    m.start(), end, f"{day} {month}",
                    message=f"French date with its article: {text[m.start():end]!r} is {day} {month} (or {month} {day}).",
                )
            i = text.find(month, end)


# a French word right before a date's day: the date is part of a French phrase
_FRENCH_BEFORE_DAY_RE = lazy(re.compile,
    r"(?<![^\W\d_])(?:le|au|du|dès|depuis|avant|après|jusqu['’]au|d['’]ici|ce|mardi|lundi|mercredi|jeudi|vendredi|samedi|dimanche)[ \u00a0]$",
    re.IGNORECASE)


def french_month(doc: Document, rule: Rule) -> Iterator[Finding]:
    """`on 31 mars`, `25 nov.`: a French month left in a date, the forms the phrase table cannot
    take alone (`mars` and `mai` are words of English names and sentences elsewhere; an
    abbreviation is a French one only in small letters after a day). Taken after a day, or
    before a year; the English is the rule's ``months`` table."""
    months = {str(k): str(v) for k, v in rule.params.get("months", {}).items()}
    text = doc.text
    counts = doc.word_counts
    for form, english in months.items():
        word = form.rstrip(".")
        if word not in counts:
            continue
        i = text.find(form)
        while i >= 0:
            end = i + len(form)
            inside = (i and _LETTER_RE.match(text, i - 1)) or (not form.endswith(".") and _LETTER_RE.match(text, end))
            day = _DAY_BEFORE_RE.search(text, max(0, i - 6), i)
            if day is not None and _FRENCH_BEFORE_DAY_RE.search(text, max(0, day.start() - 14), day.start()):
                pass  # `jusqu'au 15 mars`: a French phrase, french-span's to translate whole
            elif not inside and (day is not None or (not form.endswith(".") and _YEAR_AFTER_RE.match(text, end))):
                yield rule.finding(i, end, english, message=f"French month left in a date: {form!r} is {english!r}.")
            i = text.find(form, end)
