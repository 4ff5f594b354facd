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

import re
import unicodedata
from collections.abc import Collection, Iterator
from functools import lru_cache
from itertools import compress
from operator import itemgetter

import regex

from ..document import Document
from ..lazypattern import lazy
from ..lexicon import zipf
from ..model import Finding, Rule
from .consistency import scanned_capital_words
from .terminology import _fast_doc

# a capitalised word of at least five letters, not the tail of a hyphenated or elided name
_NAME_RE = lazy(regex.compile, r"(?<![\p{L}\p{M}'’\-])\p{Lu}[\p{Ll}\p{M}]{4,}(?![\p{L}\p{M}'’\-])")
_DOUBLE_RE = lazy(re.compile, r"(.)\1+")  # (``re`` keeps the compiled "\1" of ``sub``; ``regex`` parses it per call)
_MEMO_MAX = 200_000  # words whose skeleton a process keeps
_FIRST_NAME_RE = lazy(regex.compile, r"[ \t]+\p{Lu}[\p{Ll}\p{M}]")  # the word goes on with a capitalised one


_NAME_CHAR_RE = lazy(regex.compile, r"[\p{L}\p{M}'’\-]")  # what may not touch a word ``_NAME_RE`` finds


def _positions(text: str, word: str) -> list[int]:
    """Where ``word`` (letters only) stands where ``_NAME_RE`` finds it: not inside a longer run
    of letters or a joined name. ``str.find`` runs and a test of the character on each side,
    instead of a pattern compiled per word (compiling one costs more than searching an article,
    and in a batch of new articles most names are new). An occurrence overlapping an earlier
    one has a letter of the word before it, so these are the starts of the pattern's matches."""
    out = []
    size = len(word)
    is_name_char = _NAME_CHAR_RE.match
    i = text.find(word)
    while i >= 0:
        if (i == 0 or is_name_char(text, i - 1) is None) and is_name_char(text, i + size) is None:
            out.append(i)
        i = text.find(word, i + 1)
    return out


def _bare(word: str) -> str:
    """Lower case without accents."""
    folded = word.casefold()
    if folded.isascii():  # (most words: no accent to take off, no per-character walk)
        return folded
    return "".join(c for c in unicodedata.normalize("NFD", folded) if not unicodedata.combining(c))


def skeleton(word: str, equivalences: tuple[tuple[str, str], ...]) -> str:
    """The spelling of ``word`` with its transliteration choices evened out: no accents, the
    ``equivalences`` replaced in order, doubled letters single."""
    return _bare_skeleton(_bare(word), _replacements(equivalences))


@lru_cache(maxsize=64)
def _replacements(equivalences: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str, bool], ...]:
    """The ``equivalences`` as ``_bare_skeleton`` applies them: (spelling, replacement, only at
    the end of the word), the `$` that marks the last taken off once."""
    return tuple((a[:-1], b, True) if a.endswith("$") else (a, b, False) for a, b in equivalences)


def _bare_skeleton(s: str, replacements: tuple[tuple[str, str, bool], ...]) -> str:
    """``skeleton`` of a word whose bare spelling (``_bare``) is ``s``; ``replacements``: the
    equivalences (``_replacements``)."""
    for a, b, at_end in replacements:
        if not at_end:
            s = s.replace(a, b)
        elif s.endswith(a) and len(s) > len(a) + 1:  # only at the end of the word (`Babah` / `Baba`)
            s = s[: len(s) - len(a)] + b
    return _DOUBLE_RE.sub(r"\1", s)


_PREVIOUS_RE = lazy(regex.compile, r"(\p{Lu}[\p{L}\p{M}.'’\-]*)[ \t]+$")


def _opens_a_name(text: str, start: int, length: int, titles: frozenset[str]) -> bool:
    """Whether the word at ``start`` is a first name there: a capitalised word follows it, and
    none comes before it but a title (`Minister Aminata Diallo Ndiaye`: Aminata opens the
    name, Diallo does not)."""
    if not _FIRST_NAME_RE.match(text, start + length):
        return False
    before = _PREVIOUS_RE.search(text, max(0, start - 40), start)
    return before is None or before.group(1).rstrip(".") in titles


def _equivalences(pairs: list) -> tuple[tuple[str, str], ...]:
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


@lru_cache(maxsize=1 << 14)
def _one_edit_keys(key: str) -> frozenset[str]:
    """Keys that two distinct skeletons share whenever they are one edit apart (what
    ``_merge_long`` looks for): the skeleton with one position blanked out (one letter changed
    there), and the skeleton itself and each of its one-letter deletions (one letter more in
    the longer one). The tags are characters no skeleton holds."""
    blanks = (f"{key[:i]}\0{key[i + 1 :]}" for i in range(len(key)))
    deletions = (f"\1{key[:i]}{key[i + 1 :]}" for i in range(len(key)))
    return frozenset((*blanks, *deletions, "\1" + key))


def _may_merge(keys: Collection[str], long_name: int) -> bool:
    """Whether ``_merge_long`` can merge two of the distinct skeletons ``keys``: only two long
    ones one edit apart can, and those share a ``_one_edit_keys`` key (one set operation per
    skeleton instead of a comparison per pair; the few articles that pass are compared)."""
    # (compress and map keep the per-skeleton work in C)
    tags = list(map(_one_edit_keys, compress(keys, map(long_name.__le__, map(len, keys)))))
    return len(tags) > 1 and len(set().union(*tags)) < sum(map(len, tags))


class _Skeletons(dict):
    """Word → its bare spelling (``_bare``) and its skeleton (``skeleton``) when it is a
    candidate (``_is_candidate``), else (): computed once per word for all the documents of a
    data store, so that an article's candidates and their skeletons are one lookup per
    distinct word, in C."""

    def __init__(self, pairs: list) -> None:
        """``pairs``: the rule's ``equivalences`` as its parameters hold them."""
        super().__init__()
        self.pairs = pairs
        self.replacements = _replacements(_equivalences(pairs))

    def __missing__(self, word: str) -> tuple[str, str] | tuple[()]:
        if len(self) > _MEMO_MAX:
            self.clear()
        if _is_candidate(word):
            bare = _bare(word)
            got = self[word] = (bare, _bare_skeleton(bare, self.replacements))
        else:
            got = self[word] = ()
        return got


def _is_candidate(w: str) -> bool:
    """A capitalised word of five letters or more that ``_NAME_RE`` would find, among the
    tokens of ``Document.word_counts`` (which joins hyphenated and elided names into one token,
    as the pattern's look-arounds leave them out too): letters only, the first one a capital."""
    return len(w) >= 5 and w[0].isupper() and w[1:].islower() and w.isalpha()


def _skeletons(doc: Document, pairs: list) -> _Skeletons:
    """The ``_Skeletons`` of the rule's equivalences ``pairs``, shared by the documents of a
    data store (found by comparing the pairs as the rule holds them, which costs less than
    building a key from them in every article)."""
    store = doc.cache.get("store")
    if store is None:
        return _Skeletons(pairs)
    held: list[_Skeletons] = store.memo("name-variant.skeletons", list)
    for memo in held:
        if memo.pairs == pairs:
            return memo
    if len(held) > 8:
        held.clear()
    held.append(_Skeletons(pairs))
    return held[-1]


def _no_group(doc: Document, memo: _Skeletons, long_name: int) -> bool:
    """Whether no group of the article's candidates can yield a finding: no skeleton is shared
    by two bare spellings, and no two long skeletons are one edit apart (``_may_merge``), which
    holds for most articles.

    Asked of the distinct capitalised words ``consistency`` has scanned for the rules before,
    when it has (``consistency.scanned_capital_words``, about a fifth of the article's distinct
    words), else of ``Document.word_counts``. Each candidate is among those words when every
    character of the text lies in ``document.FAST_BLOCKS``: a whole token of letters from a
    capital, with no capital after it, is a run that scan finds (it takes a run of letters
    from a capital that no letter precedes, to its end, when not the start of an acronym,
    which wants two capitals), as the classes of ``str.isalpha``, ``str.isupper``,
    ``FAST_WORD_RE`` and the scan's ``regex`` agree on those blocks. Those words hold more
    than the candidates, so a shared skeleton or a pair one edit apart among the candidates
    is among them too, and a "no" from them holds for the candidates."""
    scanned = scanned_capital_words(doc)
    words = scanned if scanned is not None and _fast_doc(doc) else doc.word_counts
    spellings = set(map(memo.__getitem__, words))  # (C loops: () for a word that is no candidate)
    spellings.discard(())
    # A group that yields anything holds two bare spellings (accents alone are name-spelling's)
    # of one skeleton, and a skeleton is made from the bare spelling: then there are fewer
    # skeletons than (bare spelling, skeleton) pairs.
    skeletons = set(map(itemgetter(1), spellings))
    return len(skeletons) == len(spellings) and not _may_merge(skeletons, long_name)


def name_variant(doc: Document, rule: Rule) -> Iterator[Finding]:
    memo = _skeletons(doc, rule.params.get("equivalences", []))
    long_name = int(rule.params.get("long_name", 9))
    if _no_group(doc, memo, long_name):
        return
    text = doc.text
    english = float(rule.params.get("english_zipf", 3.3))
    common = float(rule.params.get("common_zipf", 4.0))
    titles = frozenset(str(t) for t in rule.params.get("titles", ()))
    words = doc.word_counts
    spellings = list(map(memo.__getitem__, words))
    groups: dict[str, list[str]] = {}
    # (compress keeps the candidates, () being false, in C: the loop sees only those)
    for word, (_, key) in zip(compress(words, spellings), filter(None, spellings), strict=True):
        groups.setdefault(key, []).append(word)
    _merge_long(groups, long_name)
    groups = {k: forms for k, forms in groups.items() if len(forms) > 1}
    if not groups:
        return
    positions: dict[str, list[int]] = {}
    for forms in groups.values():
        for w in forms:
            positions[w] = _positions(text, w)
    for forms in groups.values():
        # a token the pattern never finds whole (`Benani-`, cut by a line-break hyphen) is no
        # mention of the name
        forms = [w for w in forms if positions[w]]
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
