"""Entries of rules/lexicon/false-friends.toml added from the second red-team review: each
finds its calque and leaves the English use of the same words alone."""

from __future__ import annotations

import pytest

from fixer.engine import Config, Fixer

FF = Fixer(Config(select=("mistranslation.false-friend",)))


def _found(text: str) -> list[tuple[str, str | None]]:
    doc = FF.document(text)
    out = FF.runner("mistranslation.false-friend")(doc)
    return [(text[f.start:f.end], f.fix.edits[0].replacement if f.fix else None) for f in out]


@pytest.mark.parametrize("text, expected", [
    ("Some 300 miners are in technical unemployment since May.", [("technical unemployment", "temporary layoff")]),
    ("The opposition called three days of dead city in Lomé.", [("days of dead city", None)]),
    ("The company announced the suppression of 210 jobs.", [("suppression of 210 jobs", "cutting of 210 jobs")]),
    ("The Syndicate of Mining Workers (SYNTRAMIN) hopes for a return.", [("Syndicate", "Union")]),
])
def test_calque_is_found(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize("text", [
    "A syndicate of investors bought the club; the Sydney Morning Herald syndicate sold it.",
    "The suppression of dissent worried the observers.",
    "Unemployment fell in the technical trades.",
    # annotators of real pages leave `this Friday` (ce vendredi) alone: no entry for it
    "The government used article 49.3 this Thursday; motions were tabled this Friday.",
])
def test_english_use_is_left_alone(text: str) -> None:
    assert _found(text) == []


def test_patterns_are_compiled_only_when_their_quick_tests_pass() -> None:
    """The table's patterns wait for an article that passes their quick tests (start-up)."""
    from fixer.detectors.mistranslation import _phrases

    fixer = Fixer(Config(select=("mistranslation.false-friend",)))
    fixer.check("The council met on Tuesday and voted the budget; the mayor thanked the staff.")
    phrases = _phrases(fixer.store, "lexicon/false-friends.toml")
    assert len(phrases) > 30
    assert sum(p.pattern._pat is not None for p in phrases) <= 3
    found = fixer.check("The former mayor was put under examination for embezzlement.")
    assert [f.fix.edits[0].replacement for f in found] == ["charged"]
