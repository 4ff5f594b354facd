"""Word frequencies in English and French, loaded once and only when a detector asks.

``wordfreq`` ships both lists as buckets of one centibel each. Reading the buckets directly
(bucket ``i`` holds the words of frequency 10^(-i/100), i.e. Zipf 9 - i/100) takes about 0.1 s
for both languages, where ``get_frequency_dict`` took about 0.6 s and dominated the time to
the first article. Nothing here runs at import time (``fixer --help`` must stay fast).
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=4)
def _table(lang: str) -> dict[str, float]:
    from wordfreq import get_frequency_list

    table: dict[str, float] = {}
    for i, bucket in enumerate(get_frequency_list(lang, wordlist="best")):
        z = round(9 - i / 100, 2)
        for word in bucket:
            table.setdefault(word, z)
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
