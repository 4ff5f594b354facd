"""The round-6 shortcuts of the terminology rules give what the plain ways give."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable

import pytest

from fixer.data import DataStore
from fixer.detectors import terminology as T
from fixer.document import Document
from fixer.glossary import Glossary, _folded_token, find, fold, mentions

TEXTS = [
    "The Economic Community of States dAfrica of theOuest (Cédéao) met the ECOWAS in Abuja.",
    "Alliance of Sahel States (AES) and the Alliance des États du Sahel; Al-Qaïda, al-Qaeda.",
    "the Assemblée nationale, l’Assemblée Nationale and the hydro-Québec of the ministry of Health and social Services",
    "QUEBEC CITY, Hydro-Québec: the ministry of Health and social Services, Côte d’Ivoire.",
    "Qu\u0301ebec Ca\u0301n ONG\u0301 ıtan Straße ﬁnance Σίσυφος Αθήνα ǅemal Foo, l`armée d‘Ivoire.",
    "Group for the Support of Islam and Muslims (JNIM), l'ONU, L’Otan and the UN in Mali; Bamako.",
    "",
]


def test_find_is_str_find() -> None:
    rnd = random.Random(6)
    alphabet = "aeMt ’'lL-xZéqUN"
    for _ in range(20000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 20)))
        needle = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 4)))
        start = rnd.randint(0, 22)
        assert find(text, needle, start) == text.find(needle, start)


def test_first_elided_pair_is_the_first_of_the_four() -> None:
    rnd = random.Random(7)
    pairs = ("l’", "l'", "L’", "L'")
    for _ in range(20000):
        text = "".join(rnd.choice("lL'’ aé") for _ in range(rnd.randint(0, 12)))
        found = [i for i in map(text.find, pairs) if i >= 0]
        assert T._first_elided_pair(text) == (min(found) if found else -1)


def test_candidate_names_are_the_forms_of_two_keys(g: Glossary) -> None:
    rnd = random.Random(8)
    keys = sorted(g.by_key)
    for _ in range(2000):
        run = [rnd.choice(keys) + rnd.choice(["", "s", "x"]) for _ in range(rnd.randint(0, 6))]
        hits: Counter[int] = Counter()
        for k in set(run):
            hits.update(g.forms_of_key(k))
        assert g.candidate_names(run) == {i for i, n in hits.items() if n >= 2}


@pytest.mark.parametrize("text", TEXTS)
def test_mentions_of_small_words_once_the_runs_are_folded(text: str, store: DataStore, doc_of: Callable[[str], Document]) -> None:
    from fixer.glossary import _folded_forms

    words = {w.lower() for w in text.split()} | {"bamako", "quebec", "strasse", "finance", "armee", "muslims", "x"}
    doc = doc_of(text)
    _folded_forms(doc)  # (the runs folded first: mentions may answer from them)
    for word in sorted(words):
        f = fold(word)
        if f and word.isalpha() and word.islower():
            assert mentions(doc, word) == _folded_token(doc_of(text), f), word


@pytest.mark.parametrize("text", TEXTS)
def test_chunk_kinds_are_the_kinds_of_the_words(text: str, store: DataStore, g: Glossary, doc_of: Callable[[str], Document]) -> None:
    doc = doc_of(text)
    chunks = T._chunk_kinds(doc, g)
    shapes = T._piece_weights(doc, g, T._WordShapes)
    from fixer.glossary import _WORD_RE

    for start, end in T._doc_spans(doc):
        for chunk in text[start:end].split():
            assert chunks[chunk] == "".join(shapes[w][0] for w in _WORD_RE.findall(chunk))
