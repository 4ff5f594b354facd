"""``untranslated.french-honorific``: a French title left before a name (`M. Sarr` for Mr Sarr,
`Me Isabelle Gagnon` for the lawyer Isabelle Gagnon, `Pr Albert Kalonji` for Professor).

French abbreviates its titles (Monsieur, Maître, Professeur) in ways English reads as initials
or as the pronoun, so translation engines keep them. The titles and what English writes
instead are rule data (``honorifics``; an empty repair drops the title, as English names a
lawyer without one). A title is only taken where it cannot be an initial: not after a
capitalised word or an abbreviation (`Jean M. Dupont`, `Dr. M. Kaba`), and the short ones that
are also English words or letters (`Me`, `Pr`: ``full_name``) only before a first name and a
surname, the first name no common English word (`Me Too movement`).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..document import Document, offsets_of
from ..lexicon import zipf_en
from ..model import Finding, Rule

_NAME = r"\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?"
# before the title: no capitalised word (an initial inside a name) and no short abbreviation
# with its full stop (`Dr. M. Kaba`, `J. M. Le Pen`)
_BEFORE = r"(?<!\p{Lu}[\p{L}\p{M}'’\-]*[ \t])(?<!(?<![\p{L}\p{M}])\p{Lu}\p{Ll}{0,2}\.[ \t])(?<![\p{L}\p{N}.'’\-])"


def _pattern(titles: tuple[str, ...], full: frozenset[str]) -> regex.Pattern[str]:
    alternatives = []
    for title in sorted(titles, key=len, reverse=True):
        word = regex.escape(title) + ("" if title.endswith(".") else r"(?![\p{L}\p{M}.])")
        after = rf"(?=[ \t]{_NAME}[ \t]\p{{Lu}})" if title in full else r"(?=[ \t]\p{Lu}[\p{Ll}\p{M}]{2,})"
        alternatives.append(word + after)
    return regex.compile(_BEFORE + "(?:" + "|".join(alternatives) + ")")


def _lettered_list(text: str) -> bool:
    """Whether lines open with the letters around M as list marks (`L. `, `N. `)."""
    return "\nL. " in text or "\nN. " in text


def french_honorific(doc: Document, rule: Rule) -> Iterator[Finding]:
    table: dict[str, str] = rule.params.get("honorifics", {})
    full = frozenset(rule.params.get("full_name", ()))
    common = float(rule.params.get("common_zipf", 5.0))
    text = doc.text
    # a title is a word of the article (`M.` counts as the word `M`): most articles hold none
    present = [title for title in table if title.rstrip(".") in doc.word_counts]
    if not present:
        return
    pattern = doc.cache["store"].memo(f"french_titles.pattern.{rule.id}", lambda: _pattern(tuple(table), full))
    starts = sorted(set(offsets_of(text, present)))
    for at in starts:
        m = pattern.match(text, at)
        if m is None:
            continue
        title = m.group()
        if title == "M." and (m.start() == 0 or text[m.start() - 1] == "\n") and _lettered_list(text):
            continue  # `L. …` / `M. Delete any section` / `N. …`: a list lettered A, B, C…
        nxt = regex.match(r"[ \t](\p{L}+)", text[m.end() : m.end() + 40])
        if title in full and nxt is not None and zipf_en(nxt.group(1)) >= common:
            continue  # `Me Too`, `Me Before You`: English after all
        repair = table[title]
        if repair:
            yield rule.finding(
                m.start(), m.end(), repair,
                message=f"French title {title!r} left before a name: English writes {repair!r}.",
            )
        else:  # drop the title and its space
            yield rule.finding(
                m.start(), m.end() + 1, "",
                message=f"French title {title!r} left before a name: English names the person without it.",
            )
