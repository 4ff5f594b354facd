"""untranslated.french-demonym: French names of a place's people, found from the place."""

from __future__ import annotations

import pytest

from fixer.engine import Config, Fixer


@pytest.fixture(scope="module")
def run():
    fixer = Fixer(Config(select=("untranslated.french-demonym",)))
    return lambda text: [(text[f.start:f.end], f.fix.edits[0].replacement if f.fix else None) for f in fixer.check(text)]


def test_a_demonym_is_found_from_the_place_the_article_names(run) -> None:
    text = "Protest in Herstal. The Herstaliens voted on Monday; the Herstaliens left."
    assert run(text) == [("Herstaliens", "people of Herstal")] * 2


def test_without_the_place_a_regular_demonym_is_not_judged(run) -> None:
    assert run("The Herstaliens voted on Monday.") == []


def test_an_adjective_before_a_plural_noun_gets_no_repair(run) -> None:
    assert run("In Dakar, the Dakarois drivers went on strike.") == [("Dakarois", None)]


@pytest.mark.parametrize("text", [
    "Britain and the British left; Illinois and the Illini; Francois Hollande visited France.",
    "Olympique Lyonnais lost in Lyon; Le Parisien wrote it; the Québécois in Quebec sang.",
    "In Nice, a salade niçoise; in Lyon, potatoes à la lyonnaise.",
])
def test_english_words_names_and_kept_demonyms_are_left_alone(run, text: str) -> None:
    assert run(text) == []


def test_a_surname_shaped_like_a_demonym_is_left_alone(run) -> None:
    text = ("Astronaut Raphaël Liégeois will fly to the ISS from Liège's region, ESA said. "
            "Liégeois told reporters he was proud.")
    assert run(text) == []


def test_a_people_after_the_is_still_found_beside_a_club_name(run) -> None:
    text = "The Stade Rochelais signed him; he will join the Rochelais at La Rochelle in June."
    assert [found for found, _repair in run(text)] == ["Rochelais"]
