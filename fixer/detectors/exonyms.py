"""``untranslated.french-exonym``: a place that English names otherwise, left in its French
form (`the port of Anvers` for Antwerp, `Bâle` for Basel, `La Haye` for The Hague); and
``terminology.translated-article``, the same mechanism with another table: a French place whose
article the translation turned into English (`the Mans` for Le Mans).

Translation engines keep capitalised words as names, so the French name of a foreign place
survives, though English readers know it by another (`Anvers` is no name they would look up).
The French forms and their English names are rule data (``exonyms``). A form right after a
French `de`, `du`, `d'` or `à` stands in French text or a French name that English keeps
(`Université libre de Bruxelles`), which the untranslated-French rules judge as a whole; a
form joined by a hyphen to a longer name (`Bruxelles-Capitale`) or opening one (`Bruxelles
Environnement`, the region's agency) is part of that name.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..document import Document
from ..model import Finding, Rule
from .consistency import after_french_link


def _pattern(forms: tuple[str, ...]) -> regex.Pattern[str]:
    alternatives = "|".join(regex.escape(f) for f in sorted(forms, key=len, reverse=True))
    # (not before a capitalised word: the place opens a name, `Bruxelles Environnement`)
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}\-'’])(?:{alternatives})(?![\p{{L}}\p{{M}}\-])(?![ \u00a0]\p{{Lu}})")


def _table(doc: Document, rule: Rule) -> tuple[dict[str, str], tuple[str, ...], regex.Pattern[str]]:
    """The rule's forms and English names, the forms' last words (each a token of any text
    holding its form: a hyphenated name is one token) and their pattern, once per data store."""
    def build() -> tuple[dict[str, str], tuple[str, ...], regex.Pattern[str]]:
        table = {str(k): str(v) for k, v in rule.params.get("exonyms", {}).items()}
        # a form in small letters (`the Mans`) also opens a sentence (`The Mans`)
        table.update({k[:1].upper() + k[1:]: v for k, v in list(table.items()) if k[:1].islower()})
        return table, tuple({f.rsplit(" ", 1)[-1] for f in table}), _pattern(tuple(table))

    return doc.cache["store"].memo(f"exonyms.table.{rule.id}", build)


def french_exonym(doc: Document, rule: Rule) -> Iterator[Finding]:
    table, keys, pattern = _table(doc, rule)
    template = str(rule.params.get("explain", "'{form}' is the French name of a place English calls '{english}'."))
    # a few dictionary look-ups in the word counts, which other rules have made, say whether the
    # text may hold a form (a search of the text for each of 58 forms cost 25 ms per MB)
    if not any(map(doc.word_counts.__contains__, keys)):
        return
    text = doc.text
    for m in pattern.finditer(text):
        if after_french_link(text, m.start()):
            continue  # `le port d'Anvers`, `Université libre de Bruxelles`: French judged whole
        form = m.group()
        english = table[form]
        yield rule.finding(m.start(), m.end(), english, message=template.format(form=form, english=english))

