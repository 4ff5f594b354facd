"""Accents: a name written without its accents once where the article writes them, and an
accented word that French spells with other accents.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import regex

from ..document import Document
from ..model import Finding, Rule

_NAME_RE = regex.compile(r"\b\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)*\b")


def _strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


_PREV_NAME_RE = regex.compile(r"(\p{Lu}[\p{L}\-]+)[ \u00a0]+$")
_NEXT_NAME_RE = regex.compile(r"^[ \u00a0]+(\p{Lu}[\p{L}\-]+)")


def _neighbour_names(text: str, m: regex.Match[str]) -> set[str]:
    out = set()
    before = _PREV_NAME_RE.search(text, max(0, m.start() - 40), m.start())
    after = _NEXT_NAME_RE.match(text[m.end() : m.end() + 40])
    if before:
        out.add("<" + _strip_accents(before.group(1)))
    if after:
        out.add(">" + _strip_accents(after.group(1)))
    return out


def _same_neighbour(text: str, bare: regex.Match[str], accented: list[regex.Match[str]]) -> bool:
    mine = _neighbour_names(text, bare)
    return any(mine & _neighbour_names(text, m) for m in accented)


def accent_consistency(doc: Document, rule: Rule) -> Iterator[Finding]:
    """A name written without its accents once (`Mbappe`) where the article writes it with
    them at least twice (`Mbappé`): the accent was dropped. The reverse (one accented `Québec`
    among many `Quebec`) is left alone: English spelling often drops French accents, while
    names of French bodies keep them."""
    found: dict[str, list[regex.Match[str]]] = {}
    for m in _NAME_RE.finditer(doc.text):
        found.setdefault(m.group(), []).append(m)
    groups: dict[str, list[str]] = {}
    for word in found:
        groups.setdefault(_strip_accents(word), []).append(word)
    minimum = int(rule.params.get("minimum", 2))
    for bare, forms in groups.items():
        if len(forms) < 2 or bare not in found:
            continue
        accented = max((f for f in forms if f != bare), key=lambda f: len(found[f]))
        if len(found[accented]) >= minimum and len(found[accented]) > len(found[bare]) and len(found[bare]) == 1:
            m = found[bare][0]
            # the same person or place: the name next to it is the same (`Kylian Mbappe` and
            # `Kylian Mbappé`; not `Francois Bonnardel` and `François Legault`)
            if not _same_neighbour(doc.text, m, found[accented]):
                continue
            yield rule.finding(m.start(), m.end(), accented,
                               message=f"{bare!r} is written {accented!r} elsewhere in the article.")


_ACCENTED_WORD_RE = regex.compile(r"\b[\p{L}]*[À-ÖØ-öø-ÿ][\p{L}]*\b")


def _accent_index() -> dict[str, tuple[str, float]]:
    """Accent-free French word → its most frequent accented spelling and Zipf frequency."""
    from ..lexicon import common_words

    index: dict[str, tuple[str, float]] = {}
    floor = 3.0  # only a common spelling is ever proposed (known_zipf), so rarer ones need no entry
    for word, z in common_words("fr", floor):
        if word.isascii():
            continue
        bare = _strip_accents(word)
        if bare != word and (bare not in index or index[bare][1] < z):
            index[bare] = (word, z)
    return index


def _cached_accent_index() -> dict[str, tuple[str, float]]:
    """The index from the disk cache: building it scans 30,000 French words (~0.05 s a run)."""
    from ..lexicon import derived

    return derived("fr", "accent-index", _accent_index)


def misplaced_accent(doc: Document, rule: Rule) -> Iterator[Finding]:
    """`Méteo France`: an accented word that French spells with other accents (`Météo`), far
    more often (``ratio`` in Zipf units) and commonly (``known_zipf``). Names, whose accents
    French does not know better, are left alone. Unsafe: the usual spelling is proposed."""
    from ..lexicon import zipf_fr

    store = doc.cache.get("store")
    index = store.memo("typography:accent-index", _cached_accent_index) if store is not None else _cached_accent_index()
    known = max(3.0, float(rule.params.get("known_zipf", 3.0)))
    gap = float(rule.params.get("ratio", 2.0))
    for m in _ACCENTED_WORD_RE.finditer(doc.text):
        word = m.group()
        low = word.lower()
        if len(word) < 4 or any(c.isupper() for c in word[1:]):
            continue  # `ä`, `Ré`, `DÉBAT`: too short or shouted to judge
        best = index.get(_strip_accents(low))
        if best is None or best[0] == low or best[1] < known or best[1] - zipf_fr(low) < gap:
            continue
        repl = best[0][0].upper() + best[0][1:] if word[0].isupper() else best[0]
        yield rule.finding(m.start(), m.end(), repl, message=f"French spells it {repl!r}.")
