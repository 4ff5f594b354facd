"""``untranslated.french-demonym``: the French name of a town's or region's people left in
English (`the Dakarois`, `the Sfaxiens`, `the Longueuillois`, `Neuchâtelois group`).

English names the people by the place (`Dakar residents`, `the people of Sfax`) or has a
demonym of its own (`Parisians`); translation engines leave the French word, which no English
reader knows. Most French demonyms are the place's name and an ending (-ois, -ais, -iens,
-ains…), so a capitalised word with such an ending is one when the article names the place it
opens with (Dakar … the Dakarois); irregular ones (Kinois for Kinshasa, Malouins for Saint-Malo)
and those English keeps (Québécois, Seychellois) are listed in ``lexicon/french-demonyms.txt``.

Left alone: English words and names (`Illinois`, `Francois`, `Britain`: common in English), a
region written like a demonym (`in the Choletais`, the country round Cholet), a word inside a name (`Olympique Lyonnais`, `Le Parisien`: after a capitalised word or a French
article), a word before another capitalised word (a first name), hyphenated forms.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass

import regex

from ..document import Document
from ..frenchscore import deaccent
from ..glossary import fold
from ..lazypattern import lazy
from ..lexicon import zipf_en
from ..model import Finding, Rule
from .consistency import FIRST_NAME_BEFORE_RE, scanned_capital_words

LEXICON = "lexicon/french-demonyms.txt"
# the endings of French demonyms: -ois and -ais (singular or plural), and the plurals of the
# others (a singular -ien or -aine is as often a place, Touraine, or a name; a singular -aise or
# -oise is the kitchen's `à la lyonnaise`, `salade niçoise`, `sauce bordelaise`)
_DEMONYM_RE = lazy(regex.compile,
    r"\p{Lu}[\p{Ll}\p{M}]{2,}?(?P<end>oises|ois|aises|ais|iennes|iens|éennes|éens|ains|aines)"
)
_ENDINGS = ("ois", "ais", "oises", "aises", "iens", "iennes", "éens", "éennes", "ains", "aines")
_WORD_BEFORE_RE = lazy(regex.compile, r"([\p{L}\p{M}'’\-]+)[ \u00a0]+$")
_FRENCH_ARTICLES = frozenset({"le", "la", "les", "l'", "l’", "du", "des", "d'", "d’"})
_BEFORE_NAME_RE = lazy(regex.compile, r"[ \u00a0]+\p{Lu}")
_NEXT_WORD_RE = lazy(regex.compile, r"[ \u00a0]+([\p{L}\p{M}]+)")
# a word in -ais or -ois after these names a region, the country round a town (`jobs lost in the
# Choletais`, `vineyards across the Beaujolais`), never its people
_IN_REGION_RE = lazy(regex.compile, r"\b(?:in|across|throughout|around) the[ \u00a0]$", regex.IGNORECASE)


@dataclass(frozen=True)
class Table:
    irregular: dict[str, str]  # folded demonym → the place, as English names it
    keep: frozenset[str]  # folded demonyms English keeps
    written: tuple[str, ...]  # the irregular demonyms as written, with and without accents


def _table(doc: Document) -> Table:
    store = doc.cache["store"]

    def build() -> Table:
        irregular: dict[str, str] = {}
        keep: set[str] = set()
        written: set[str] = set()
        for item in store.lines(LEXICON):
            if item.startswith("keep:"):
                keep.add(fold(item[5:].strip()))
            elif "=" in item:
                word, place = (p.strip() for p in item.split("=", 1))
                irregular[fold(word)] = place
                written.update((word, deaccent(word)))
        return Table(irregular, frozenset(keep), tuple(sorted(written)))

    return store.memo("french-demonyms", build)


def _place_of(word: str, end: str, places: dict[str, str]) -> str | None:
    """The place named in the article that ``word`` is the demonym of: the place opens with
    the word's stem (`Dakar` for `Dakarois`), or with the stem less its last letter, a doubled
    consonant or a linking one (`Lyon` for `Lyonnaises`, `Bobo-Dioulasso` for `Bobolais`)."""
    stem = fold(word[: -len(end)])
    own = fold(word)
    for s in (stem, stem[:-1]):
        if len(s) < 4:
            continue
        # the shortest such place: `Lyon` rather than `Lyonnes` (a club's name), `Brest` rather
        # than the possessive `Brest's`
        found = [place for folded, place in places.items() if folded != own and folded.startswith(s)]
        if found:
            return min(found, key=len).removesuffix("'s").removesuffix("’s")
    return None


def french_demonym(doc: Document, rule: Rule) -> Iterator[Finding]:
    # the article's capitalised words: those the inconsistency rules have scanned already (a
    # few dozen, where the article's distinct words are hundreds), else from the word counts
    counts: Collection[str] | None = scanned_capital_words(doc)
    if counts is None:
        counts = {w for w in doc.word_counts if w[:1].isupper()}
    table = _table(doc)
    candidates = [w for w in counts if w.endswith(_ENDINGS) and _DEMONYM_RE.fullmatch(w)]
    candidates += [w for w in table.written if w in counts and w not in candidates]
    if not candidates:
        return
    english_openers = frozenset(rule.params.get("english_before", ()))
    places: dict[str, str] | None = None
    text = doc.text
    for word in candidates:
        folded = fold(word)
        if folded in table.keep:
            continue
        place = table.irregular.get(folded)
        if place is None:
            if zipf_en(word.lower()) >= float(rule.params.get("max_english_zipf", 2.0)):
                continue  # an English word or name: Illinois, Francois, Britain
            if places is None:  # the capitalised words of the article (and the parts of compounds)
                places = {}
                for w in counts:
                    if len(w) >= 4 and not _DEMONYM_RE.fullmatch(w):
                        places.setdefault(fold(w), w)
                        for part in w.split("-"):
                            if len(part) >= 4 and part[:1].isupper():
                                places.setdefault(fold(part), w)
            m = _DEMONYM_RE.fullmatch(word)
            place = _place_of(word, m.group("end"), places) if m else None
            if place is None:
                continue
        spans = [m.span() for m in regex.finditer(rf"(?<![\p{{L}}\p{{M}}\-'’]){regex.escape(word)}(?![\p{{L}}\p{{M}}\-'’])", text)]
        if any(_after_first_name(text, start) for start, _end in spans) and not any(
                text[max(0, start - 4) : start].lower() == "the " for start, _end in spans):
            continue  # a surname (`astronaut Raphaël Liégeois`, `Liégeois told`), never a people (`the Rochelais`)
        if word.endswith(("ais", "ois")) and any(_IN_REGION_RE.search(text, max(0, a - 20), a) for a, _b in spans):
            continue  # a region: the Choletais, the Beaujolais
        for start, end in spans:
            if _in_name(text, start, end, english_openers):
                continue  # inside a name: Olympique Lyonnais, Le Parisien, a first name
            yield rule.finding(start, end, _repair(text, start, end, place),
                               message=f"French demonym {word!r} left untranslated: in English, the people of {place}.")


def _after_first_name(text: str, start: int) -> bool:
    """Whether a person's first name stands right before ``start`` (`Raphaël Liégeois`): a
    capitalised word that is no common English word (`The`, `Many`) and no French article."""
    m = FIRST_NAME_BEFORE_RE.search(text, max(0, start - 30), start)
    if m is None:
        return False
    name = m.group(1)
    return name.lower() not in _FRENCH_ARTICLES and zipf_en(name.lower()) < 4.5


def _in_name(text: str, start: int, end: int, english_openers: frozenset[str]) -> bool:
    """Whether the word at ``start`` is part of a name: after a French article (`Le Parisien`,
    `La Marseillaise`) or a capitalised word that is not an English opener (`Olympique
    Lyonnais`; not `The Dakarois`), or before a capitalised word (a first name)."""
    if _BEFORE_NAME_RE.match(text, end):
        return True
    m = _WORD_BEFORE_RE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    before = m.group(1)
    if before.lower() in _FRENCH_ARTICLES or before[-2:].lower() in ("l'", "l’", "d'", "d’"):
        return True
    return before[:1].isupper() and before not in english_openers


def _repair(text: str, start: int, end: int, place: str) -> str | None:
    """`people of Dakar` for `the Dakarois` used as a noun; None where the word qualifies a
    noun (`the Bobolais producers`) and the sentence needs rewording."""
    if not text[max(0, start - 4) : start].lower() == "the ":
        return None
    nxt = _NEXT_WORD_RE.match(text, end)
    if nxt is not None and nxt.group(1).islower() and nxt.group(1).endswith("s") and not nxt.group(1).endswith("ss"):
        return None  # a plural noun follows: the word is an adjective
    return f"people of {place}"
