"""The shortcuts of the inconsistency family's speed work give the answers of the long way."""

from __future__ import annotations

import random
from collections import Counter
from itertools import combinations

from rapidfuzz.distance import Levenshtein

from fixer.detectors.consistency import _scan_capital_words
from fixer.detectors.name_variants import _is_candidate, _may_merge
from fixer.detectors.terminology import _fast_doc
from fixer.document import Document, word_pattern

_PIECES = ["Bennani", "Benani", "Ralambofiringa", "Ralambofiriga", "Ouédraogo", "the", "Mr", "AES", "x1", "2024",
           "Ǆemal", "Ωmega", "Straße", "Ⅲ", "中", "é", "\u0301", "_", "-", "'", "’", " ", " ", ". ", "\n", "(", ")"]


def _texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 30))) for _ in range(n)]


def test_word_counts_are_the_word_pattern_counts() -> None:
    for i, text in enumerate(_texts(3000, 1)):
        doc = Document(text)
        if i % 2:
            _fast_doc(doc)  # (word_counts then takes its answer)
        want = dict(Counter(word_pattern(text).findall(text)))
        assert list(doc.word_counts.items()) == list(want.items()), text


def test_candidates_are_among_the_scanned_capital_words() -> None:
    # name-variant's gate asks the scanned words of a text in the fast blocks for its candidates
    checked = 0
    for text in _texts(3000, 2):
        doc = Document(text)
        if _fast_doc(doc):
            candidates = {w for w in doc.word_counts if _is_candidate(w)}
            assert candidates <= set(_scan_capital_words(text, True)), text
            checked += bool(candidates)
    assert checked > 300


def test_may_merge_whenever_two_long_keys_are_one_edit_apart() -> None:
    rnd = random.Random(3)

    def edit(w: str) -> str:
        i = rnd.randrange(len(w))
        return rnd.choice([w[:i] + w[i + 1 :], w[:i] + rnd.choice("abn") + w[i:], w[:i] + rnd.choice("abn") + w[i + 1 :]])

    checked = 0
    for _ in range(3000):
        base = "".join(rnd.choice("abn") for _ in range(rnd.randint(8, 11)))
        keys = {base, *(edit(edit(base) if rnd.random() < 0.5 else base) for _ in range(rnd.randint(0, 3)))}
        close = any(
            len(a) >= 9 and len(b) >= 9 and Levenshtein.distance(a, b) <= 1 for a, b in combinations(keys, 2)
        )
        if close:
            assert _may_merge(keys, 9), keys
            checked += 1
    assert checked > 500


def test_name_variant_ignores_a_spelling_never_found_whole():
    """`Benani-` is a token of the counts but never a whole word for the pattern: it used to
    leave a group with no position and crash the rule (min() of an empty sequence)."""
    from fixer.engine import Config, Fixer

    fixer = Fixer(Config(select=("inconsistency.name-variant",)))
    assert fixer.check("Mr Bennani spoke. Benani- said.\n") == []
    found = fixer.check("Mr Bennani spoke. Mr Bennani left. Benani came back, and Benani- said.\n")
    assert [(f.start, f.end) for f in found] == [(35, 41)]
