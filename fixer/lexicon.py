"""Word frequencies in English and French, loaded once and only when a detector asks.

``wordfreq`` ships both lists as buckets of one centibel each (bucket ``i`` holds the words of
frequency 10^(-i/100), i.e. Zipf 9 - i/100). The bucket files are read straight from
wordfreq's data folder (``large_LANG.msgpack.gz``, the list its ``"best"`` picks for English
and French) without importing ``wordfreq``, whose import (langcodes, ftfy, tokenizers) costs
~0.12 s for nothing we use; when the file is not where expected, wordfreq's own reader is used.

The buckets are turned once into a sorted word list with a code per word, which the disk cache
(``fixer.diskcache``) keeps between runs: reading it back takes ~0.015 s a language, where
unpacking the buckets and building a dict took ~0.1 s and was the largest part of the time to
the first article. Nothing here runs at import time (``fixer --help`` must stay fast).
"""

from __future__ import annotations

import sys
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def _buckets(lang: str) -> list[list[str]]:
    """wordfreq's ``get_frequency_list(lang, "best")``, read without importing wordfreq."""
    path = _wordfreq_file(lang)
    if path is not None:
        import gzip

        import msgpack

        with gzip.open(path, "rb") as fh:
            packed = msgpack.load(fh, raw=False)
        header = packed[0]
        if isinstance(header, dict) and header.get("format") == "cB" and header.get("version") == 1:
            return packed[1:]
    from wordfreq import get_frequency_list

    return get_frequency_list(lang, wordlist="best")


def _wordfreq_file(lang: str) -> Path | None:
    import importlib.util

    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    data = Path(next(iter(spec.submodule_search_locations))) / "data"
    for name in (f"large_{lang}.msgpack.gz", f"small_{lang}.msgpack.gz"):
        if (data / name).is_file():
            return data / name
    return None


def _build_sorted(lang: str) -> tuple[list[str], bytes]:
    """Every word of the list, sorted, and its centibel bucket (two bytes, little-endian)."""
    best: dict[str, int] = {}
    buckets = _buckets(lang)
    for i in range(len(buckets) - 1, -1, -1):  # frequent buckets last, so they win
        if buckets[i]:
            best.update(dict.fromkeys(buckets[i], i))
    words = sorted(best)
    codes = array("H", [best[w] for w in words])
    if sys.byteorder != "little":
        codes.byteswap()
    return words, codes.tobytes()


# Zipf value of each bucket code (code i is Zipf 9 - i/100), computed once; wordfreq's lists
# stop at Zipf 0, bucket 900
_ZIPF = [round(9 - i / 100, 2) for i in range(2048)]


class _Lexicon:
    """One language's list as sorted words + bucket codes, looked up by bisection at first.

    Why not a dict from the start: building a 320,000-entry dict costs ~0.05 s a language,
    while the sorted list comes back from the disk cache (``fixer.diskcache``) in ~0.02 s, and
    one article asks about a few hundred words. A bisection costs ~2 µs, though, against
    ~0.1 µs for a dict, so once a run has asked about ``SWITCH_AFTER`` new spellings (a batch,
    not one article) the dict is built and used from then on. Lookups are memoised per
    spelling either way, so a hot loop pays the search once per word."""

    __slots__ = ("codes", "key", "memo", "misses", "table", "words")

    MEMO_MAX = 400_000  # distinct spellings remembered; cleared beyond, so memory stays flat
    SWITCH_AFTER = 5_000

    def __init__(self, words: list[str], codes: bytes, key: str = "") -> None:
        self.key = key  # what the list was built from (see ``_lexicon``); "" when not cached
        self.words = words
        arr = array("H")
        arr.frombytes(codes)
        if sys.byteorder != "little":
            arr.byteswap()
        self.codes = arr
        self.memo: dict[str, float] = {}
        self.misses = 0
        self.table: dict[str, float] | None = None

    def lookup(self, word: str) -> float:
        z = self.memo.get(word)
        if z is None:
            low = word.lower()
            if self.table is not None:
                z = self.table.get(low, 0.0)
            else:
                i = bisect_left(self.words, low)
                z = _ZIPF[self.codes[i]] if i < len(self.words) and self.words[i] == low else 0.0
                self.misses += 1
                if self.misses >= self.SWITCH_AFTER:
                    self.table = dict(zip(self.words, map(_ZIPF.__getitem__, self.codes), strict=True))
            if len(self.memo) >= self.MEMO_MAX:
                self.memo.clear()
            self.memo[word] = z
        return z

    def items(self, floor: float) -> Iterator[tuple[str, float]]:
        """(word, Zipf) of every word at least ``floor`` frequent."""
        top = round((9 - floor) * 100)
        kept = [(w, c) for w, c in zip(self.words, self.codes, strict=True) if c <= top]
        return ((w, _ZIPF[c]) for w, c in kept)


@lru_cache(maxsize=4)
def _lexicon(lang: str) -> _Lexicon:
    from .diskcache import cached, digest

    source = _wordfreq_file(lang)
    if source is None:
        return _Lexicon(*_build_sorted(lang))
    st = source.stat()
    key = digest("wordfreq", lang, str(source), str(st.st_size), str(st.st_mtime_ns))
    words, codes = cached(f"wordfreq-{lang}", key, lambda: _build_sorted(lang))
    return _Lexicon(words, codes, key)


def derived(langs: str | tuple[str, ...], name: str, build: Callable[[], T], params: str = "") -> T:
    """``build()``, an index computed from one or more languages' lists only (accent-free
    spellings, French-looking forms...) and ``params``, kept in the disk cache beside the lists
    and rebuilt when a list or ``params`` changes."""
    from .diskcache import cached, digest

    langs = (langs,) if isinstance(langs, str) else langs
    keys = [_lexicon(lang).key for lang in langs]
    if not all(keys):
        return build()
    return cached(f"{name}-{'+'.join(langs)}", digest(*keys, name, params), build)


def _table(lang: str) -> dict[str, float]:
    """The whole list as a dict (slow to build: for tools and tests, not for detectors)."""
    return dict(_lexicon(lang).items(-1.0))


def common_words(lang: str, floor: float) -> Iterator[tuple[str, float]]:
    """(word, Zipf) of every word at least ``floor`` frequent, for indexes built once per run."""
    return _lexicon(lang).items(floor)


def zipf(word: str, lang: str = "en") -> float:
    """Zipf frequency (0 = unknown, 7 = 'the') of a word, looked up in lower case."""
    return _lexicon(lang).lookup(word)


def zipf_en(word: str) -> float:
    return _lexicon("en").lookup(word)


def zipf_fr(word: str) -> float:
    return _lexicon("fr").lookup(word)


def is_english_word(word: str, floor: float = 2.5) -> bool:
    return zipf(word, "en") >= floor
