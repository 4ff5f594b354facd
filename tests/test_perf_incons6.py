"""The round-6 shortcuts of the inconsistency family answer as the slow way does."""

from __future__ import annotations

import random

import pytest

from fixer.detectors import accents, consistency, full_names
from fixer.document import Document
from fixer.engine import Fixer

FIXER = Fixer()

_NAMES = [
    "Kylian Mbappé", "Kylian Mbappe", "Hydro-Québec", "Hydro-Quebec", "Québec", "Quebec", "Montréal", "Montreal",
    "François Legault", "Francois Legault", "Élisabeth Borne", "Elisabeth Borne", "Rhône-Alpes", "Rhone-Alpes",
    "Karine Delporte", "Karine Delport", "Yvan Degroote", "Yvan De Groote", "Jean-Marc Fournier", "Jean Marc Fournier",
    "Macina Liberation Front (FLM)", "Liberation Front of Macina", "the Macina Liberation Front", "Macina LiberationFront",
    "The Autonomous National Electoral Commission (CENA)", "Autonomous Electoral National Commission",
    "AES", "ESA", "(AES)", "Cafe\u0301 Delporte", "Jean\u00a0Dupont", "Jean Dupont", "Jean Dumont",
]
_FILL = [" said ", ". ", ", ", " and ", "\n", " met ", " (", ") ", "'s ", "-", " in ", " the "]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randrange(2, 14)):
            parts += [rng.choice(_NAMES), rng.choice(_FILL)]
        out.append("".join(parts))
    return out


_PAIRS = [("Kylian Mbappé", "Kylian Mbappe"), ("Hydro-Québec", "Hydro-Quebec"), ("Québec City", "Quebec City"),
          ("François Legault", "Francois Legault"), ("Élisabeth Borne", "Elisabeth Borne"),
          ("the Rhône-Alpes", "the Rhone-Alpes"), ("Assimi Goïta", "Assimi Goita"), ("Montréal", "Montreal"),
          ("A'Salfo", "Asalfo"), ("N’Djili", "Ndjili"), ("Béjaïa", "Béjaia"), ("Guédiawaye", "Guediawaye"),
          ("Strauß", "Strauss"), ("Éric Zemmour", "Eric Zemmour"), ("N'Guessan", "N’Guessan"),
          ("N'Guessan-Kouassi", "Nguessan-Kouassi"), ("D'Ávila", "D'Avila"), ("N'Golo", "N'Golo Kanté")]


def _accent_texts(n: int, seed: int) -> list[str]:
    """Names written with their accents a few times and without them once or twice."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for accented, bare in rng.sample(_PAIRS, rng.randrange(1, 4)):
            parts += [accented] * rng.randrange(0, 4) + [bare] * rng.randrange(0, 3)
        rng.shuffle(parts)
        out.append("".join(p + rng.choice(_FILL) for p in parts))
    return out


def _rule(rule_id: str):
    return next(r for r in FIXER.rules if r.id == rule_id)


def _spans(found: list) -> list[tuple[int, int, str]]:
    return [(f.start, f.end, f.message) for f in found]


def _scanned(text: str) -> Document:
    """A document whose capitalised words were scanned, as in a full check."""
    doc = FIXER.document(text)
    consistency.doc_glossary(doc)
    consistency._capital_words(doc)
    return doc


@pytest.mark.parametrize("seed", [1, 2])
def test_accent_gate_leaves_out_no_finding(monkeypatch: pytest.MonkeyPatch, seed: int) -> None:
    """accent_consistency with the scanned-words gate finds what it finds without it."""
    rule = _rule("inconsistency.accent-variant")
    texts = _accent_texts(400, seed) + _texts(100, seed)
    gated = [_spans(list(accents.accent_consistency(_scanned(t), rule))) for t in texts]
    monkeypatch.setattr(accents, "_no_variant_pair", lambda doc: False)
    slow = [_spans(list(accents.accent_consistency(_scanned(t), rule))) for t in texts]
    assert sum(map(len, slow)) > 10  # (the texts give the rule something to find)
    assert gated == slow


@pytest.mark.parametrize("seed", [3, 4])
def test_own_definition_spans_give_no_finding(monkeypatch: pytest.MonkeyPatch, seed: int) -> None:
    """defined_name skipping the definitions' own spans finds what it finds splitting them."""
    rule = _rule("inconsistency.defined-name")
    texts = _texts(400, seed)
    fast = [_spans(list(consistency.defined_name(FIXER.document(t), rule))) for t in texts]
    monkeypatch.setattr(consistency, "_is_own_span", lambda *args: False)
    slow = [_spans(list(consistency.defined_name(FIXER.document(t), rule))) for t in texts]
    assert sum(map(len, slow)) > 10
    assert fast == slow


def test_full_name_pattern_possessive_runs_match_as_before() -> None:
    """The pattern with possessive runs of small letters finds the same names."""
    particles = ("De", "Van", "Le")
    up, low = full_names._UP, full_names._LOW
    word = rf"[{up}][{low}]+(?:-[{up}][{low}]+)?"
    greedy = rf"(?P<first>[{up}](?<![\w'’-][{up}])[{low}]+(?:-[{up}][{low}]+)?)[ \u00a0]" \
             rf"(?=(?P<last>(?:(?:De|Van|Le)[ \u00a0])?{word})(?![\w'’-]))"
    import re

    old, new = re.compile(greedy), full_names._pattern(particles)
    rng = random.Random(5)
    alphabet = ["A", "B", "D", "e", "a", "l", "r", " ", "\u00a0", "-", "'", "’", "é", "É", "1", "_", "De ", "Van ", "."]
    for _ in range(20000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 30)))
        assert new.findall(s) == old.findall(s), s
