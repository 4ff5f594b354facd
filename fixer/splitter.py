"""Split a glued token into words, using word frequencies as the only evidence.

Off-the-shelf segmenters split unknown names into known fragments (`Barsalogho` → `Bars a log
ho`) because they always prefer *some* split. This splitter is deliberately timid: it only
proposes splits whose every part is a word of at least ``min_zipf`` in one language, scores a
split by its weakest part, and returns nothing when the whole token is itself a word. The
detectors then add their own evidence (case, names in the article, the gazetteer).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .lexicon import zipf

Score = Callable[[str], float]


@dataclass(frozen=True, slots=True)
class Split:
    """Parts of a token and the weakest part's frequency (higher is more convincing)."""

    parts: tuple[str, ...]
    weakest: float


def word_score(word: str, langs: tuple[str, ...] = ("en", "fr")) -> float:
    """The best zipf frequency of ``word`` over ``langs`` (0 when unknown everywhere)."""
    return max(zipf(word, lang) for lang in langs)


def two_way_splits(token: str, score: Score, *, min_zipf: float = 3.0, min_len: int = 2) -> list[Split]:
    """Every split of ``token`` into two words both scoring at least ``min_zipf``, best first.

    Linear in the token length; used where the evidence is a single missing space.
    """
    out = []
    for i in range(min_len, len(token) - min_len + 1):
        left, right = token[:i], token[i:]
        weakest = min(score(left), score(right))
        if weakest >= min_zipf:
            out.append(Split((left, right), weakest))
    out.sort(key=lambda s: -s.weakest)
    return out


def segment(token: str, score: Score, *, min_zipf: float = 3.0, min_len: int = 2, max_parts: int = 3) -> Split | None:
    """The best split of ``token`` into 2..``max_parts`` words, or None.

    Dynamic programming over prefixes: ``best[i][k]`` is the best weakest-part score of
    ``token[:i]`` cut into ``k`` words. Each part must reach ``min_zipf``; ties go to fewer
    parts. Returns None when ``token`` itself is a word of ``min_zipf`` (a word is never split).
    """
    n = len(token)
    if n < 2 * min_len or score(token) >= min_zipf:
        return None
    neg = -1.0
    best: list[list[float]] = [[neg] * (max_parts + 1) for _ in range(n + 1)]
    back: list[list[int]] = [[-1] * (max_parts + 1) for _ in range(n + 1)]
    best[0][0] = float("inf")
    for i in range(min_len, n + 1):
        for j in range(0, i - min_len + 1):
            part_score = None
            for k in range(1, max_parts + 1):
                if best[j][k - 1] < 0:
                    continue
                if part_score is None:
                    part_score = score(token[j:i])
                    if part_score < min_zipf:
                        break
                cand = min(best[j][k - 1], part_score)
                if cand > best[i][k]:
                    best[i][k] = cand
                    back[i][k] = j
    choice = None
    for k in range(2, max_parts + 1):
        if best[n][k] >= min_zipf and (choice is None or best[n][k] > best[n][choice]):
            choice = k
    if choice is None:
        return None
    parts = []
    i, k = n, choice
    while k > 0:
        j = back[i][k]
        parts.append(token[j:i])
        i, k = j, k - 1
    return Split(tuple(reversed(parts)), best[n][choice])
