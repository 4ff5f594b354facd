"""Word frequencies in English and French, loaded once and only when a detector asks.

``wordfreq`` ships both lists as buckets of one centibel each. Reading the buckets directly
(bucket ``i`` holds the words of frequency 10^(-i/100), i.e. Zipf 9 - i/100) takes about 0.1 s
for both languages, where ``get_frequency_dict`` took about 0.6 s and dominated the time to
the first article. Nothing here runs at import time (``fixer --help`` must stay fast).

The bucket files are read straight from wordfreq's data folder (``large_LANG.msgpack.gz``, the
list wordfreq's ``"best"`` picks for English and French) with gzip + msgpack, without importing
``wordfreq`` itself: its import (langcodes, ftfy, tokenizers) cost ~0.12 s of the first
article for nothing we use. When the file is not where expected, wordfreq's own reader is used.
"""

from __future__ import annotations

from functools import lru_cache


def _buckets(lang: str) -> list[list[str]]:
    """wordfreq's ``get_frequency_list(lang, "best")``, read without importing wordfreq."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("wordfreq")
    if spec is not None and spec.submodule_search_locations:
        data = Path(next(iter(spec.submodule_search_locations))) / "data"
        for name in (f"large_{lang}.msgpack.gz", f"small_{lang}.msgpack.gz"):
            path = data / name
            if path.is_file():
                import gzip

                import msgpack

                with gzip.open(path, "rb") as fh:
                    packed = msgpack.load(fh, raw=False)
                header = packed[0]
                if isinstance(header, dict) and header.get("format") == "cB" and header.get("version") == 1:
                    return packed[1:]
                break
    from wordfreq import get_frequency_list

    return get_frequency_list(lang, wordlist="best")


@lru_cache(maxsize=4)
def _table(lang: str) -> dict[str, float]:
    # A word listed in several buckets keeps its most frequent one (the first): filling from
    # the rarest bucket up lets the frequent ones overwrite, and dict.update of
    # dict.fromkeys runs in C instead of one setdefault call per word (about 2x faster).
    table: dict[str, float] = {}
    buckets = _buckets(lang)
    for i in range(len(buckets) - 1, -1, -1):
        if buckets[i]:
            table.update(dict.fromkeys(buckets[i], round(9 - i / 100, 2)))
    return table


def zipf(word: str, lang: str = "en") -> float:
    """Zipf frequency (0 = unknown, 7 = 'the') of a word, looked up in lower case."""
    return _table(lang).get(word.lower(), 0.0)


def zipf_en(word: str) -> float:
    return zipf(word, "en")


def zipf_fr(word: str) -> float:
    return zipf(word, "fr")


def is_english_word(word: str, floor: float = 2.5) -> bool:
    return zipf(word, "en") >= floor
