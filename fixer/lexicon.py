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


def _build_sorted(lang: str) -> tuple[bytes, bytes, bytes]:
    """Every word of the list in sorted order as one UTF-8 blob (words joined by line breaks),
    the byte offset where each word starts (plus one past the end), and each word's centibel
    bucket; the arrays as little-endian bytes. UTF-8 keeps code-point order, so the blob is
    sorted for a byte-wise bisection too."""
    best: dict[str, int] = {}
    buckets = _buckets(lang)
    for i in range(len(buckets) - 1, -1, -1):  # frequent buckets last, so they win
        if buckets[i]:
            best.update(dict.fromkeys(buckets[i], i))
    words = sorted(w for w in best if "\n" not in w)
    encoded = [w.encode("utf-8", "surrogatepass") for w in words]
    offsets = array("I", [0])
    for e in encoded:
        offsets.append(offsets[-1] + len(e) + 1)
    codes = array("H", [best[w] for w in words])
    if sys.byteorder != "little":
        codes.byteswap()
        offsets.byteswap()
    return b"\n".join(encoded) + b"\n", offsets.tobytes(), codes.tobytes()


# Zipf value of each bucket code (code i is Zipf 9 - i/100), computed once; wordfreq's lists
# stop at Zipf 0, bucket 900
_ZIPF = [round(9 - i / 100, 2) for i in range(2048)]


class _Lexicon:
    """One language's list as a sorted UTF-8 blob, word offsets and bucket codes, looked up by
    bisection at first.

    Why not a dict or a list of words from the start: building a 320,000-entry dict costs
    ~0.05 s a language and unmarshalling 320,000 strings ~0.02 s, while the blob and its two
    arrays come back from the disk cache (``fixer.diskcache``) in about a millisecond, and one
    article asks about a few hundred words. A bisection in the blob costs a few µs, though,
    against ~0.1 µs for a dict, so once a run has asked about ``SWITCH_AFTER`` new spellings (a
    batch, not one article) the dict is built and used from then on. Lookups are memoised per
    spelling either way, so a hot loop pays the search once per word.

    The bisection starts in C: every ``STRIDE``-th word, sliced out of the blob once (~2 ms a
    language, on the first search), is bisected by ``bisect``, which leaves a range of
    ``STRIDE`` words for the Python loop (5 steps instead of 19: a new spelling, as a batch of
    unseen articles meets hundreds, costs ~2 µs instead of ~5)."""

    __slots__ = ("blob", "codes", "key", "memo", "misses", "offsets", "samples", "table")

    MEMO_MAX = 400_000  # distinct spellings remembered; cleared beyond, so memory stays flat
    SWITCH_AFTER = 5_000
    STRIDE = 32

    def __init__(self, blob: bytes, offsets: bytes, codes: bytes, key: str = "") -> None:
        self.key = key  # what the list was built from (see ``_lexicon``); "" when not cached
        self.blob = blob
        self.offsets = array("I")
        self.offsets.frombytes(offsets)
        self.codes = array("H")
        self.codes.frombytes(codes)
        if sys.byteorder != "little":
            self.offsets.byteswap()
            self.codes.byteswap()
        self.memo: dict[str, float] = {}
        self.misses = 0
        self.table: dict[str, float] | None = None
        self.samples: list[bytes] | None = None  # every STRIDE-th word, built on the first search

    @property
    def words(self) -> list[str]:
        """The sorted words (decoded on demand: for indexes and the dict, not for lookups)."""
        return self.blob[:-1].decode("utf-8", "surrogatepass").split("\n") if self.codes else []

    def _search(self, low: str) -> float:
        key = low.encode("utf-8", "surrogatepass")
        blob, off = self.blob, self.offsets
        n = len(self.codes)
        samples = self.samples
        if samples is None:
            samples = self.samples = [blob[off[i] : off[i + 1] - 1] for i in range(0, n, self.STRIDE)]
        # samples before j are < key and sample j (if any) is >= key, so the first word >= key
        # lies after sample j - 1 and at sample j at the latest
        j = bisect_left(samples, key)
        lo, hi = ((j - 1) * self.STRIDE + 1 if j else 0), min(j * self.STRIDE, n)
        while lo < hi:
            mid = (lo + hi) // 2
            if blob[off[mid] : off[mid + 1] - 1] < key:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self.codes) and blob[off[lo] : off[lo + 1] - 1] == key:
            return _ZIPF[self.codes[lo]]
        return 0.0

    def lookup(self, word: str) -> float:
        z = self.memo.get(word)
        if z is None:
            low = word.lower()
            if self.table is not None:
                z = self.table.get(low, 0.0)
            else:
                z = self._search(low)
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
    key = digest("wordfreq", "sorted-blob-2", lang, str(source), str(st.st_size), str(st.st_mtime_ns))
    blob, offsets, codes = cached(f"wordfreq-{lang}", key, lambda: _build_sorted(lang))
    return _Lexicon(blob, offsets, codes, key)


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


def common_words(lang: str, floor: float) -> Iterator[tuple[str, float]]:
    """(word, Zipf) of every word at least ``floor`` frequent, for indexes built once per run."""
    return _lexicon(lang).items(floor)


def common_words_set(floor: float, lang: str = "en") -> frozenset[str]:
    """The words at least ``floor`` frequent, as a set (kept in the disk cache): a detector that
    asks of many runs whether a piece of them is a common word tests membership instead of
    looking each piece up."""
    key = f"{lang}:{floor}"
    got = _COMMON_SETS.get(key)
    if got is None:
        got = _COMMON_SETS[key] = frozenset(
            # (one disk-cache entry per floor: entries of one name replace each other)
            derived(lang, f"common-words-{floor:g}", lambda: [w for w, _ in common_words(lang, floor)], params=str(floor))
        )
    return got


_COMMON_SETS: dict[str, frozenset[str]] = {}


def zipf(word: str, lang: str = "en") -> float:
    """Zipf frequency (0 = unknown, 7 = 'the') of a word, looked up in lower case."""
    return _lexicon(lang).lookup(word)


def zipf_en(word: str) -> float:
    return _lexicon("en").lookup(word)


def zipf_fr(word: str) -> float:
    return _lexicon("fr").lookup(word)
