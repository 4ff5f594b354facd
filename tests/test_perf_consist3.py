"""The round-3 shortcuts of the consistency detectors answer as the slow way does."""

from __future__ import annotations

import random
from itertools import combinations

import pytest

from fixer.detectors import consistency, terminology
from fixer.document import Document
from fixer.engine import Fixer
from fixer.glossary import doc_glossary, split_pieces

FIXER = Fixer()

_WORDS = [
    "Macina", "Liberation", "Front", "of", "the", "du", "Sahel", "States", "Alliance", "theAlliance", "dAfrica",
    "Conseil", "Café-Cacao", "Mbappé", "Mbappe", "Kylian", "Killian", "Tiani", "Ciani", "Niger", "Québec", "Quebec",
    "said", "met", "(AES)", "(ESA)", "AES", "ESA", "CEGEPS", "CEGEPs", "CSP-DPA", "CSP-PDA", "l’Ouest", "Jean-Pierre",
    "2024", ",", ".", "\n", "Tráore", "Mbäppe", "Québèc", "Goïtá", "Yamoussoukro", "Yamoussokro", "Côte", "d’Ivoire", "Burkina", "Faso", "Traoré", "Ibrahim",
]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(_WORDS) for _ in range(rng.randrange(3, 60))) for _ in range(n)]


def _doc(text: str) -> Document:
    return FIXER.document(text)


def test_keyed_spans_from_whitespace_chunks_equal_terminology_keyed_spans() -> None:
    for text in _texts(300, 1):
        doc = _doc(text)
        g = doc_glossary(doc)
        for n in (1, 3):
            assert consistency._keyed_spans(doc, g, n) == terminology.keyed_spans(doc, g, n), text


def test_chunk_flags_are_those_of_the_pieces() -> None:
    g = doc_glossary(_doc("x"))
    flags = consistency._ChunkFlags(g)
    for chunk in [*_WORDS, "theDe", "l’Union", "AbcDef-ghi", "du-Sahel"]:
        pieces = split_pieces(chunk, 0, g.words)
        merged = any(p.merged for p in pieces)
        french = any(p.text in consistency.FRENCH_CONNECTORS for p in pieces)
        assert flags[chunk] == (merged, french), chunk


def test_involved_acronyms_are_those_one_apart_or_plural() -> None:
    rng = random.Random(2)
    doc = _doc("CEGEPs and ABCs here")
    for _ in range(500):
        acronyms = {"".join(rng.choice("ABCS") for _ in range(rng.randrange(2, 5))) for _ in range(rng.randrange(1, 6))}
        slow = {a for a in acronyms if consistency._plural(doc, a)}
        for a, b in combinations(acronyms, 2):
            if consistency._one_apart(a, b):
                slow |= {a, b}
        assert consistency._involved(acronyms, doc) == slow, acronyms


@pytest.mark.parametrize("seed", [3, 4])
def test_name_gates_leave_out_no_finding(monkeypatch: pytest.MonkeyPatch, seed: int) -> None:
    """name_spelling with every step forced on finds what it finds with the gates."""
    rule = next(r for r in FIXER.rules if r.id == "inconsistency.name-spelling")
    texts = _texts(300, seed)
    gated = [list(consistency.name_spelling(_doc(t), rule)) for t in texts]

    original = consistency._NameGates.steps

    def every_step(self: consistency._NameGates, runs: list[str]) -> tuple[set[int], set[str]]:
        original(self, runs)  # (learns the new words)
        return {0, 1, 2, 3}, self.forms.intersection(runs)

    monkeypatch.setattr(consistency._NameGates, "steps", every_step)
    forced = [list(consistency.name_spelling(_doc(t), rule)) for t in texts]
    assert sum(map(len, gated)) > 20  # (the texts give the steps something to find)
    assert [[(f.start, f.end, f.message) for f in x] for x in gated] == [[(f.start, f.end, f.message) for f in x] for x in forced]
