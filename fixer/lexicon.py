"""Word frequencies in English and French, loaded once and only when a detector asks.

``wordfreq`` ships both lists; loading them costs about a third of a second, which is why
nothing here runs at import time (``fixer --help`` must stay fast).
"""

from __future__ import annotations

import math
from functools import lru_cache


@lru_cache(maxsize=4)
def _table(lang: str) -> dict[str, float]:
    from wordfreq import get_frequency_dict

    freqs = get_frequency_dict(lang, wordlist="best")
    return {w: round(math.log10(f * 1e9), 2) for w, f in freqs.items() if f > 0}


def zipf(word: str, lang: str = "en") -> float:
    """Zipf frequency (0 = unknown, 7 = 'the') of a word, looked up in lower case."""
    return _table(lang).get(word.lower(), 0.0)


def zipf_en(word: str) -> float:
    return zipf(word, "en")


def zipf_fr(word: str) -> float:
    return zipf(word, "fr")


def is_english_word(word: str, floor: float = 2.5) -> bool:
    return zipf(word, "en") >= floor
