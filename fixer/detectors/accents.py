"""Accents: a name written without its accents once where the article writes them, and an
accented word that French spells with other accents.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import compress, filterfalse
from operator import methodcaller

import regex

from ..document import Document, offsets_of
from ..lazypattern import lazy
from ..lexicon import zipf_en
from ..model import Finding, Rule
from .typography_patterns import non_ascii_set

_NAME_RE = lazy(regex.compile, r"\b(?:\p{Lu}['’])?\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)*\b")
_GROUP = methodcaller("group")


@functools.lru_cache(maxsize=1 << 16)
def _strip_accents(word: str) -> str:
    """``word`` without its combining accents (cached per word: names and words repeat)."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


_PREV_NAME_RE = lazy(regex.compile, r"(\p{Lu}[\p{L}\-]+)[ \u00a0]+$")
_NEXT_NAME_RE = lazy(regex.compile, r"^[ \u00a0]+(\p{Lu}[\p{L}\-]+)")


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


_NON_ASCII_LETTER_RE = lazy(regex.compile, r"[^\x00-\x7f](?<=[\p{L}\p{M}])")
_NAME_CHARS_BEFORE_RE = lazy(regex.compile, r"[\p{L}\p{M}\-]*", regex.REVERSE)
_NAME_CHARS_RE = lazy(regex.compile, r"[\p{L}\p{M}\-]*")


_LETTER_OR_MARK: dict[str, bool] = {}  # non-ASCII character → is it a letter or a mark


def _letters_or_marks(chars: Iterable[str]) -> list[str]:
    """The letters and marks among the distinct characters ``chars`` (the verdict is kept per
    character across texts)."""
    out = []
    for c in chars:
        if c not in _LETTER_OR_MARK:
            if len(_LETTER_OR_MARK) > 1 << 14:
                _LETTER_OR_MARK.clear()
            _LETTER_OR_MARK[c] = _NON_ASCII_LETTER_RE.match(c) is not None
        if _LETTER_OR_MARK[c]:
            out.append(c)
    return out


def _non_ascii_name_counts(text: str, chars: Iterable[str] | None = None) -> Counter[str]:
    """How often each name (a match of ``_NAME_RE``) that holds a non-ASCII letter occurs.

    A name is made of letters, marks and hyphens, so it lies within the run of those around
    any of its non-ASCII letters; searching each such run (one character past it, so the final
    word boundary sees what follows) finds the names ``_NAME_RE.finditer`` finds there, as no
    match of the whole-text search runs into a run from before it."""
    names: list[str] = []
    done = 0
    if chars is None:
        offsets = [c.start() for c in _NON_ASCII_LETTER_RE.finditer(text)]
    else:  # ``chars``: the distinct non-ASCII characters of the text; its letters found with str.find
        offsets = offsets_of(text, _letters_or_marks(chars))
    for at in offsets:
        if at < done:
            continue  # in the run just searched
        start = _NAME_CHARS_BEFORE_RE.match(text, 0, at).start()
        done = _NAME_CHARS_RE.match(text, at).end()
        if not _is_upper(text[start]) and text.find("-", start, done) < 0:
            continue  # `école`: a name starts a run or follows a hyphen in it, with a capital
        names += [w for w in _NAME_RE.findall(text, start, done + 1) if not w.isascii()]
    return Counter(names)


_UPPER_RE = lazy(regex.compile, r"\p{Lu}")
_UPPER: dict[str, bool] = {}  # character → is it an upper-case letter (``_NAME_RE``'s first)


def _is_upper(c: str) -> bool:
    if c not in _UPPER:
        if len(_UPPER) > 1 << 14:
            _UPPER.clear()
        _UPPER[c] = _UPPER_RE.match(c) is not None
    return _UPPER[c]


def _may_have_dropped_accent(text: str, chars: Iterable[str] | None = None) -> bool:
    """False when no name can be reported by ``accent_consistency``, decided without a match
    object per name of the text.

    A reported pair holds a form with accents, which ``_strip_accents`` removes and which make
    it non-ASCII, and a form with fewer of them, which then holds that form's bare letters
    (case apart); or a form with an apostrophe after a capital (``N'Djili``) whose other form
    has none. Without such a pair there is nothing to report."""
    bares: set[str] = set()
    for word in _non_ascii_name_counts(text, chars):
        bare = _strip_accents(word)
        if bare != word and (bare in text or bare in bares):
            return True  # (`Béjaïa` and `Béjaia`: two accented forms of one bare name)
        bares.add(bare)
    return _has_apostrophe_name(text)


def _apostrophe_names(text: str) -> Iterator[int]:
    """The offsets of the apostrophes between a capital and a capital at the start of a word
    (`N'Guessan`, `A'Salfo`), found by searching the apostrophes, which a page holds few of."""
    for quote in ("'", "’"):
        i = text.find(quote, 1)
        while i > 0:
            if (text[i + 1 : i + 2].isupper() and text[i - 1].isupper()
                    and (i < 2 or not text[i - 2].isalpha())):
                yield i
            i = text.find(quote, i + 1)


def _has_apostrophe_name(text: str) -> bool:
    """Whether ``text`` holds a name opening with a capital and an apostrophe (`N'Guessan`)."""
    return next(_apostrophe_names(text), None) is not None


@functools.lru_cache(maxsize=1 << 16)
def _key(word: str) -> str:
    """What the spellings of one name share: no accents, no apostrophes, no case (cached per
    word: names repeat from article to article)."""
    return _strip_accents(word).replace("'", "").replace("’", "").casefold()


def _apostrophes(word: str) -> int:
    return word.count("'") + word.count("’")


def _marks(word: str) -> int:
    """How many accents and apostrophes ``word`` carries (what a careless copy drops)."""
    return sum(1 for c in word if not c.isascii() or c == "'")


def _no_variant_pair(doc: Document) -> bool:
    """True when the article's capitalised words, if a rule has scanned them already
    (``consistency.scanned_capital_words``), show that ``accent_consistency`` can report
    nothing: no two of them share a ``_key``, and no name starting with a capital and an
    apostrophe (``N'Djili``) can have another form. A few set lookups for the few non-ASCII
    words and apostrophe names instead of a search around every non-ASCII letter.

    A reported name has another form with its key (two ``_NAME_RE`` matches), as many parts
    between hyphens (a key keeps the hyphens), each part a whole run of letters and marks
    from a capital not after a letter or mark (bounded by ``\\b`` or a hyphen, with no capital
    after its first character): a word the scan finds, but for the capital and apostrophe
    that may open a form. Where neither form opens so, two of their parts differ while
    sharing a key; they are not both ASCII (then each is its key with a capital first), and
    the non-ASCII one is among the scanned words with the other (non-ASCII with the same key,
    or ASCII, that key with a capital first). See ``_apostrophe_variant`` for the others."""
    from .consistency import scanned_capital_words  # (lazily: typography needs no rapidfuzz)

    words = scanned_capital_words(doc)
    if words is None:
        return False
    accented = list(filterfalse(str.isascii, words))
    keys = list(map(_key, accented))
    if len(set(keys)) < len(keys) or any(k.isascii() and k[:1].upper() + k[1:] in words for k in keys):
        return False
    return not _apostrophe_variant(doc.text, words, set(keys))


_PART_RE = lazy(regex.compile, r"[\p{L}\p{M}]*+")


def _apostrophe_variant(text: str, words: set[str], keys: set[str]) -> bool:
    """Whether a name opening with a capital and an apostrophe (``N'Djili``, found by
    ``_apostrophe_names``) may have another form with its key, given the
    article's scanned capitalised words and the keys of its non-ASCII ones.

    Another form without that opening has for its first part a scanned word whose key is that
    of the capital and the part after the apostrophe (``Ndjili``): one of ``keys``, or an ASCII
    key with a capital first among ``words``. Another form with such an opening differs from
    it in the stretch of letters, marks and hyphens from the capital on (two matches on one
    stretch are one match, or hold different numbers of hyphens): two stretches differ."""
    stretches: set[str] = set()
    for i in _apostrophe_names(text):
        k = _key(text[i - 1] + text[i + 1 : _PART_RE.match(text, i + 1).end()])
        if k in keys or (k.isascii() and k[:1].upper() + k[1:] in words):
            return True
        stretches.add(text[i - 1 : _NAME_CHARS_RE.match(text, i + 1).end()])
        if len(stretches) > 1:
            return True
    return False


def accent_consistency(doc: Document, rule: Rule) -> Iterator[Finding]:
    """A name written once without the accents or the apostrophe the article gives it
    elsewhere (`Guediawaye` after `Guédiawaye`, `Asalfo` after `A'Salfo`): the marks were
    dropped. Where each form is written once, the later one is the slip, as an editor reads it.
    The reverse (one accented form among several plain ones, `Québec` among `Quebec`) is left
    alone: English spelling often drops French accents. A name English writes too (`Quebec`,
    `Eric`, `Theo`: common in English) is judged as before: its bare form once, its accented
    form at least ``minimum`` times next to the same name (`Kylian Mbappé`, `Kylian Mbappe`)."""
    text = doc.text
    if _no_variant_pair(doc) or not _may_have_dropped_accent(text, non_ascii_set(doc)):
        return
    # the names by key; only the forms of a key written two ways or more are ever looked at, so
    # only their matches are kept (the names and their keys found in C: map, compress)
    matches = list(_NAME_RE.finditer(text))
    names = list(map(_GROUP, matches))
    distinct = list(dict.fromkeys(names))
    groups: dict[str, list[str]] = {}
    for word, key in zip(distinct, map(_key, distinct), strict=True):
        groups.setdefault(key, []).append(word)
    shared = {w for forms in groups.values() if len(forms) > 1 for w in forms}
    if not shared:
        return
    found: dict[str, list[regex.Match[str]]] = {}
    for word, m in compress(zip(names, matches, strict=True), map(shared.__contains__, names)):
        found.setdefault(word, []).append(m)
    minimum = int(rule.params.get("minimum", 2))
    common_zipf = float(rule.params.get("common_zipf", 2.5))
    index: dict[str, tuple[str, float]] | None = None
    for key, forms in groups.items():
        if len(forms) < 2:
            continue
        if index is None:
            store = doc.cache.get("store")
            index = store.memo("typography:accent-index", _cached_accent_index) if store is not None else _cached_accent_index()
        if any(_respelling(f, index, 3.0, 2.0) is not None for f in forms):
            continue  # an accent French puts elsewhere (`Méteo`): misplaced_accent's finding
        common = zipf_en(key) >= common_zipf
        ordered = sorted(forms, key=lambda f: (-len(found[f]), found[f][0].start()))
        target = ordered[0]
        n_target = len(found[target])
        for other in ordered[1:]:
            if len(found[other]) != 1:
                continue
            if common:
                bare = _strip_accents(target)
                if other != bare or n_target < minimum:
                    continue
                # a place of the gazetteer the article writes with its accents three times or
                # more (`Lévis` … `Levis`) needs no neighbour: a place has no first name
                # (three times as the place itself, not inside a French name: `Quebec` beside
                # `Coalition Avenir Québec`, `Sûreté du Québec`, `Hydro-Québec`)
                if not (target in _gazetteer(doc) and sum(map(_place_alone, found[target])) >= 3) and not _same_neighbour(
                        text, found[other][0], found[target]):
                    continue
            elif n_target > 1 and _marks(other) >= _marks(target) and _apostrophes(other) == _apostrophes(target):
                continue  # an accented form among plain ones: English drops accents on purpose
                # (not an apostrophe: `N'Diaye` among `Ndiaye` is the article's slip either way)
            m = found[other][0]
            yield rule.finding(m.start(), m.end(), target,
                               message=f"{other!r} is written {target!r} elsewhere in the article.")


_NAME_AROUND_RE = lazy(regex.compile, r"(?:\p{Lu}[\p{L}\p{M}]*|\bdu|\bde|\bdes|\bla|\ble|\bd['’]|\bl['’])$")


def _place_alone(m: regex.Match[str]) -> bool:
    """Whether a place's occurrence stands as the place, not inside a name: no hyphen on either
    side, no capitalised word or French link word (`du`, `de`) right before it, no capitalised
    word right after it."""
    text, start, end = m.string, m.start(), m.end()
    if (start and text[start - 1] == "-") or text.startswith("-", end):
        return False
    before = text[max(0, start - 20) : start].rstrip(" \u00a0")
    opens = not before or before[-1] in ".!?:\n"  # a sentence's or a line's start: no name before it
    if not opens and _NAME_AROUND_RE.search(before):
        return False
    after = text[end : end + 3]
    return not (after[:1] in " \u00a0" and after[1:2].isupper())


def _gazetteer(doc: Document) -> frozenset[str]:
    """The gazetteer's place names (``lexicon/places.txt``), once per data store."""
    store = doc.cache.get("store")
    if store is None:
        return frozenset()
    return store.memo("accents.gazetteer", lambda: frozenset(store.lines("lexicon/places.txt")))


_ACCENTED_WORD_RE = lazy(regex.compile, r"\b[\p{L}]*[À-ÖØ-öø-ÿ][\p{L}]*\b")
_ACCENTED_LETTER_RE = lazy(re.compile, r"[À-ÖØ-öø-ÿ]")  # re scans for a plain class faster than regex
_LETTERS_BEFORE_RE = lazy(regex.compile, r"\p{L}*", regex.REVERSE)


def _accented_words(text: str, chars: Iterable[str] | None = None) -> Iterator[regex.Match[str]]:
    """The matches of ``_ACCENTED_WORD_RE.finditer(text)``, found from the accented letters (a
    fast class search) instead of trying the pattern at every position of the text.

    A match is a whole run of letters that starts at a word boundary, ends at one and holds an
    accented letter: it starts where the run of letters before that letter starts (no other
    position of a run of letters is a word boundary), so matching the pattern there finds it,
    and a letter inside a match already found needs no second look."""
    done = 0
    if chars is None:
        offsets = [c.start() for c in _ACCENTED_LETTER_RE.finditer(text)]
    else:  # ``chars``: the distinct non-ASCII characters of the text; the accented ones found with str.find
        offsets = offsets_of(text, [c for c in chars if "\u00c0" <= c <= "\u00ff" and c not in "\u00d7\u00f7"])
    for at in offsets:
        if at < done:
            continue
        m = _ACCENTED_WORD_RE.match(text, _LETTERS_BEFORE_RE.match(text, 0, at).start())
        if m:
            done = m.end()
            yield m


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


def _respelling(word: str, index: dict[str, tuple[str, float]], known: float, gap: float) -> str | None:
    """The spelling ``misplaced_accent`` proposes for ``word``, or None to leave it alone."""
    from ..lexicon import zipf_fr

    low = word.lower()
    if len(word) < 4 or any(c.isupper() for c in word[1:]):
        return None  # `ä`, `Ré`, `DÉBAT`: too short or shouted to judge
    best = index.get(_strip_accents(low))
    if best is None or best[0] == low or best[1] < known or best[1] - zipf_fr(low) < gap:
        return None
    return best[0][0].upper() + best[0][1:] if word[0].isupper() else best[0]


def misplaced_accent(doc: Document, rule: Rule) -> Iterator[Finding]:
    """`Méteo France`: an accented word that French spells with other accents (`Météo`), far
    more often (``ratio`` in Zipf units) and commonly (``known_zipf``). Names, whose accents
    French does not know better, are left alone. Unsafe: the usual spelling is proposed.
    The verdict depends on the word alone, so it is kept per word for the next articles."""
    store = doc.cache.get("store")
    index = store.memo("typography:accent-index", _cached_accent_index) if store is not None else _cached_accent_index()
    known = max(3.0, float(rule.params.get("known_zipf", 3.0)))
    gap = float(rule.params.get("ratio", 2.0))
    verdicts: dict[str, str | None] = {}
    if store is not None:
        verdicts = store.memo(f"typography:respellings:{known}:{gap}", dict)
    if len(verdicts) > 1 << 16:
        verdicts.clear()  # bounded: a long run meets ever more words
    for m in _accented_words(doc.text, non_ascii_set(doc)):
        word = m.group()
        if word not in verdicts:
            verdicts[word] = _respelling(word, index, known, gap)
        repl = verdicts[word]
        if repl is not None:
            yield rule.finding(m.start(), m.end(), repl, message=f"French spells it {repl!r}.")
