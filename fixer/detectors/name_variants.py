"""``inconsistency.name-variant``: a surname written two ways in one article by a doubled or
dropped letter or another transliteration of the same sound (`Bennani` / `Benani`, `Hoarau` /
`Hoareau`, `Mbuyi` / `Mbouyi`, `Aubertin` / `Aubertain`).

Translation and retyping re-spell African and Arabic names along a few lines only: French
spellings of sounds (`ou` for u, `eau` and `au` for o, `ai` for e) and doubled consonants.
Two spellings that agree once those are evened out (the rule's ``equivalences``) and once
doubled letters count as one are the same name, unless the words are English (`Dinner`,
`Diner`), or one of them stands as a first name somewhere in the article: first names vary that
way between people (`Mohamed Bazoum`, `Mohammed Ali`), surnames within one article do not.
Accent and hyphen variants are ``inconsistency.name-spelling``'s.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import regex

from ..document import Document
from ..lexicon import zipf
from ..model import Finding, Rule

# a capitalised word of at least five letters, not the tail of a hyphenated or elided name
_NAME_RE = regex.compile(r"(?<![\p{L}\p{M}'’\-])\p{Lu}[\p{Ll}\p{M}]{4,}(?![\p{L}\p{M}'’\-])")
_DOUBLE_RE = regex.compile(r"(.)\1+")
_MEMO_MAX = 200_000  # words whose skeleton a process keeps
_FIRST_NAME_RE = regex.compile(r"[ \t]+\p{Lu}[\p{Ll}\p{M}]")  # the word goes on with a capitalised one


@lru_cache(maxsize=4096)
def _word_re(word: str) -> regex.Pattern[str]:
    """``word`` where ``_NAME_RE`` finds it: not inside a longer run of letters or a joined name."""
    return regex.compile(r"(?<![\p{L}\p{M}'’\-])" + regex.escape(word) + r"(?![\p{L}\p{M}'’\-])")


def _bare(word: str) -> str:
    """Lower case without accents."""
    return "".join(c for c in unicodedata.normalize("NFD", word.casefold()) if not unicodedata.combining(c))


def skeleton(word: str, equivalences: tuple[tuple[str, str], ...]) -> str:
    """The spelling of ``word`` with its transliteration choices evened out: no accents, the
    ``equivalences`` replaced in order, doubled letters single."""
    s = _bare(word)
    for a, b in equivalences:
        if a.endswith("$"):  # only at the end of the word (`Babah` / `Baba`)
            if s.endswith(a[:-1]) and len(s) > len(a):
                s = s[: len(s) - len(a) + 1] + b
        else:
            s = s.replace(a, b)
    return _DOUBLE_RE.sub(r"\1", s)


_PREVIOUS_RE = regex.compile(r"(\p{Lu}[\p{L}\p{M}.'’\-]*)[ \t]+$")


def _opens_a_name(text: str, start: int, length: int, titles: frozenset[str]) -> bool:
    """Whether the word at ``start`` is a first name there: a capitalised word follows it, and
    none comes before it but a title (`Minister Aminata Diallo Ndiaye`: Aminata opens the
    name, Diallo does not)."""
    if not _FIRST_NAME_RE.match(text, start + length):
        return False
    before = _PREVIOUS_RE.search(text, max(0, start - 40), start)
    return before is None or before.group(1).rstrip(".") in titles


def _equivalences(rule: Rule) -> tuple[tuple[str, str], ...]:
    pairs = rule.params.get("equivalences", [])
    return tuple((str(a), str(b)) for a, b in pairs)


def _merge_long(groups: dict[str, list[str]], long_name: int) -> None:
    """Long names one letter apart (`Ralambofiringa` / `Ralambofiriga`) are one name: two
    people's names of nine letters or more seldom differ by a single letter in one article."""
    keys = [k for k in groups if len(k) >= long_name]
    if len(keys) < 2:
        return
    from rapidfuzz.distance import Levenshtein

    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if a not in groups or b not in groups or abs(len(a) - len(b)) > 1 or a[:-1] == b or b[:-1] == a:
                continue  # (a letter more at the end is a plural or a demonym: `Mauritanian`, `Mauritania`)
            if Levenshtein.distance(a, b) <= 1:
                groups[a].extend(groups.pop(b))


def _candidates(doc: Document) -> list[str]:
    """The article's capitalised words of five letters or more that ``_NAME_RE`` would find:
    whole tokens (``Document.word_counts`` joins hyphenated and elided names into one token,
    which the pattern's look-arounds leave out too) of letters only, the first one a capital."""
    return [w for w in doc.word_counts if len(w) >= 5 and w[0].isupper() and w[1:].islower() and w.isalpha()]


def name_variant(doc: Document, rule: Rule) -> Iterator[Finding]:
    text = doc.text
    equivalences = _equivalences(rule)
    english = float(rule.params.get("english_zipf", 3.3))
    common = float(rule.params.get("common_zipf", 4.0))
    titles = frozenset(str(t) for t in rule.params.get("titles", ()))
    store = doc.cache.get("store")
    memo: dict[str, str] = store.memo(f"name-variant.skeletons:{equivalences}", dict) if store is not None else {}
    groups: dict[str, list[str]] = {}
    for word in _candidates(doc):
        key = memo.get(word)
        if key is None:
            key = skeleton(word, equivalences)
            if len(memo) < _MEMO_MAX:
                memo[word] = key
        groups.setdefault(key, []).append(word)
    _merge_long(groups, int(rule.params.get("long_name", 9)))
    groups = {k: forms for k, forms in groups.items() if len(forms) > 1}
    if not groups:
        return
    positions: dict[str, list[int]] = {}
    for forms in groups.values():
        for w in forms:
            positions[w] = [m.start() for m in _word_re(w).finditer(text)]
    for forms in groups.values():
        # forms that differ only by accents are name-spelling's; one of each bare spelling
        bare = {}
        for w in forms:
            bare.setdefault(_bare(w), w)
        if len(bare) < 2:
            continue
        freqs = [zipf(b) for b in bare]
        if min(freqs) >= english or max(freqs) >= common:
            continue  # English words capitalised (`Dinner`, `Diner`), or one common word
        if any(_opens_a_name(text, p, len(w), titles) for w in forms for p in positions[w]):
            continue  # a first name somewhere: two people may spell theirs differently
        # the majority wins; on a tie, the spelling met first (the article's first full mention)
        counts = {b: sum(len(positions[w]) for w in forms if _bare(w) == b) for b in bare}
        first = {b: min(p for w in forms if _bare(w) == b for p in positions[w]) for b in bare}
        winner = max(bare, key=lambda b: (counts[b], -first[b]))
        target = bare[winner]
        for w in forms:
            if _bare(w) == winner:
                continue
            for p in positions[w]:
                yield rule.finding(
                    p, p + len(w), target,
                    message=f"Name spelt {target!r} elsewhere in the article: {w!r} is a variant of it.",
                )
