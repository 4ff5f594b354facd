"""Weak findings stand only beside other damage (fixer.corroboration)."""

from __future__ import annotations

import pytest

from fixer.corroboration import WEAK, corroborated, is_weak
from fixer.model import Finding


def _f(rule: str, category: str, start: int, weak: bool = False) -> Finding:
    return Finding(rule, category, start, start + 3, "m", data=WEAK if weak else ())


def test_weak_finding_alone_is_dropped() -> None:
    assert corroborated([_f("terminology.mangled-name", "terminology", 0, weak=True)]) == []


def test_weak_finding_beside_boilerplate_only_is_dropped_and_the_boilerplate_stays() -> None:
    debris = _f("boilerplate.page-prompt", "boilerplate", 10)
    assert corroborated([_f("terminology.mangled-name", "terminology", 0, weak=True), debris]) == [debris]


def test_weak_finding_beside_other_damage_stays() -> None:
    found = [_f("terminology.mangled-name", "terminology", 0, weak=True), _f("merged-word.elision", "merged-word", 20)]
    assert corroborated(found) == found


def test_two_weak_findings_do_not_back_each_other() -> None:
    found = [_f("untranslated.french-span", "untranslated", 0, weak=True),
             _f("terminology.mangled-name", "terminology", 9, weak=True)]
    assert corroborated(found) == []


def test_weak_mark_survives_a_copy_of_its_data() -> None:
    assert is_weak(Finding("r", "c", 0, 1, "m", data=tuple(WEAK)))
    assert not is_weak(Finding("r", "c", 0, 1, "m", data=(("other", "x"),)))


# (a clean article, the damage put into it, and what a full check must then report): each weak
# finding is absent from the clean article and present, with its span, beside the damage
WEAK_CASES = [
    pytest.param(
        "Budget vote in Paris\n\nThe prime minister survived a no-confidence vote in the Assemblée nationale"
        " on Tuesday, after a week of talks with the opposition.\n",
        ("after a week", "after lattaque of a week"), "terminology.mangled-name", "Assemblée nationale",
        id="french-institution-name"),
    pytest.param(
        "Cyclist wins at home\n\n\"To finish on the podium in front of my family, c'est magnifique,\" she said"
        " after the race on Sunday.\n",
        ("after the race", "after lattaque of the race"), "untranslated.french-span", "c'est magnifique",
        id="quoted-french"),
    pytest.param(
        "Daycare bill criticised\n\nThe bill was condemned by the Fédération des intervenantes en petite enfance"
        " du Québec on Monday.\n",
        ("on Monday", "on Monday after lattaque of the minister"), "untranslated.french-span",
        "en petite enfance du Québec", id="french-union-name"),
    pytest.param(
        "Tokyo stocks hit a record\n\nBy Kenji Sato | Tokyo\n\nTokyo stocks closed at a record high on Tuesday"
        " as a weaker yen lifted exporters.\n",
        ("lifted exporters", "lifted exporters by 3,5 %"), "boilerplate.page-widget", "By Kenji Sato | Tokyo",
        id="byline-strip"),
]


@pytest.mark.parametrize(("clean", "damage", "rule", "span"), WEAK_CASES)
def test_weak_finding_stands_only_beside_translation_damage(clean: str, damage: tuple[str, str], rule: str,
                                                            span: str) -> None:
    from fixer.engine import Config, Fixer

    fixer = Fixer(Config())
    assert fixer.check(clean) == []
    damaged = clean.replace(*damage)
    assert (rule, span) in [(f.rule, damaged[f.start:f.end]) for f in fixer.check(damaged)]


def test_french_term_with_its_short_name_is_not_flagged() -> None:
    from fixer.engine import Config, Fixer

    fixer = Fixer(Config())
    text = ("Daycare staff rally\n\nWorkers in the centres de la petite enfance, known as CPEs, marched on Monday"
            " after lattaque of the minister.\n")
    found = [text[f.start:f.end] for f in fixer.check(text) if f.category == "untranslated"]
    assert found and not any("petite" in s for s in found)
