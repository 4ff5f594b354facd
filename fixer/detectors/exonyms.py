"""``untranslated.french-exonym``: a place that English names otherwise, left in its French
form (`the port of Anvers` for Antwerp, `Bâle` for Basel, `La Haye` for The Hague).

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

# a French preposition right before the form, or an elided `d'` glued to it
_FRENCH_BEFORE_RE = regex.compile(r"(?:(?<![\p{L}\p{M}])(?:de|du|des|à|au|aux|en)[ \u00a0]|(?<![\p{L}\p{M}])d['’])$")


def _pattern(forms: tuple[str, ...]) -> regex.Pattern[str]:
    alternatives = "|".join(regex.escape(f) for f in sorted(forms, key=len, reverse=True))
    # (not before a capitalised word: the place opens a name, `Bruxelles Environnement`)
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}\-'’])(?:{alternatives})(?![\p{{L}}\p{{M}}\-])(?![ \u00a0]\p{{Lu}})")


def _forms(rule: Rule) -> dict[str, str]:
    table = rule.params.get("exonyms", {})
    return {str(k): str(v) for k, v in table.items()}


def french_exonym(doc: Document, rule: Rule) -> Iterator[Finding]:
    table = _forms(rule)
    # each form's last word is a token of any text holding the form (a hyphenated name is one
    # token): a few dictionary look-ups in the word counts, which other rules have made, say
    # whether the text may hold one (a search of the text for each of 58 forms cost 25 ms per MB)
    keys = doc.cache["store"].memo(f"exonyms.keys.{rule.id}", lambda: tuple({f.rsplit(" ", 1)[-1] for f in table}))
    if not any(map(doc.word_counts.__contains__, keys)):
        return
    text = doc.text
    pattern = doc.cache["store"].memo(f"exonyms.pattern.{rule.id}", lambda: _pattern(tuple(table)))
    for m in pattern.finditer(text):
        if _FRENCH_BEFORE_RE.search(text, max(0, m.start() - 5), m.start()):
            continue  # `le port d'Anvers`, `Université libre de Bruxelles`: French judged whole
        form = m.group()
        english = table[form]
        yield rule.finding(
            m.start(), m.end(), english,
            message=f"{form!r} is the French name of a place English calls {english!r}.",
        )

