"""inconsistency.name-variant: surnames re-spelt by a doubled letter or a French spelling of a
sound are found; first names, English words and accent-only pairs are left alone."""

from __future__ import annotations

import pytest

from fixer.detectors.name_variants import skeleton
from fixer.engine import Config, Fixer

RULE = "inconsistency.name-variant"
FIXER = Fixer(Config(select=(RULE,)))
EQ = tuple(tuple(p) for p in next(r for r in FIXER.rules if r.id == RULE).params["equivalences"])


def _found(text: str) -> list[tuple[str, str]]:
    out = FIXER.runner(RULE)(FIXER.document(text))
    return [(text[f.start:f.end], f.fix.edits[0].replacement) for f in out]


@pytest.mark.parametrize("a, b", [
    ("Bennani", "Benani"), ("Haddad", "Hadad"), ("Hoarau", "Hoareau"), ("Mbuyi", "Mbouyi"),
    ("Aubertin", "Aubertain"), ("Razafindrakoto", "Razafindrakotto"), ("Trabelsi", "Trabelssi"),
    ("Hoffmann", "Hofmann"), ("Camara", "Kamara"), ("Mugiraneza", "Mugiranesa"), ("Babah", "Baba"),
    ("Sawadogo", "Sawadogho"), ("Mercier", "Mercié"),
])
def test_variants_share_a_skeleton(a: str, b: str) -> None:
    assert skeleton(a, EQ) == skeleton(b, EQ)


@pytest.mark.parametrize("a, b", [("Traoré", "Touré"), ("Ibrahim", "Ibrahima"), ("Amadou", "Hamadou")])
def test_other_names_do_not(a: str, b: str) -> None:
    assert skeleton(a, EQ) != skeleton(b, EQ)


def test_tie_goes_to_the_first_mention_and_majority_wins() -> None:
    assert _found("Rami Haddad spoke. Later Hadad left.") == [("Hadad", "Haddad")]
    assert _found("Hadad spoke. Rami Haddad left. Haddad came back.") == [("Hadad", "Haddad")]


def test_a_surname_inside_a_full_name_is_not_a_first_name() -> None:
    text = "The minister, Aminata Diallo Ndiaye, visited. Minister Aminata Dialo Ndiaye spoke."
    assert _found(text) == [("Dialo", "Diallo")]


def test_first_names_and_english_words_are_left_alone() -> None:
    assert _found("Mohamed Bazoum met Mohammed Ali in Niamey.") == []
    assert _found("Abdoulaye Wade met Abdulaye Diop in Dakar.") == []
    assert _found("Dinner was late. Diner owners said so.") == []


def test_accent_only_pairs_are_name_spellings() -> None:
    assert _found("Kouamé spoke first. Then Kouame left.") == []


def test_long_names_one_letter_apart() -> None:
    text = "Minister Jean Ralambofiringa spoke. Later Ralambofiriga left. Andrianarivo met Andrianarivelo."
    assert _found(text) == [("Ralambofiriga", "Ralambofiringa")]
    assert _found("The Mauritanian army left Mauritania. Djiboutians and a Djiboutian official.") == []
