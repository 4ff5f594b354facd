"""Every example of every rule file is a test: a rule added to rules/ brings its tests."""

from __future__ import annotations

import pytest

from fixer.engine import Fixer
from fixer.examples import completeness_problems, run_examples, run_table_examples, table_examples

FIXER = Fixer()
RULES = FIXER.rules


def _cases():
    for rule in RULES:
        for i, _ex in enumerate(rule.examples):
            yield pytest.param(rule.id, i, id=f"{rule.id}[{i + 1}]")


@pytest.mark.parametrize(("rule_id", "index"), list(_cases()))
def test_rule_example(rule_id: str, index: int) -> None:
    rule = next(r for r in RULES if r.id == rule_id)
    outcome = run_examples(rule, FIXER.runner(rule_id))[index]
    assert outcome.ok, f"{rule.source}: {rule_id} example {index + 1}: {outcome.detail}"


@pytest.mark.parametrize("rule_id", [r.id for r in RULES])
def test_rule_is_complete(rule_id: str) -> None:
    rule = next(r for r in RULES if r.id == rule_id)
    assert completeness_problems(rule) == []
    assert rule.id.split(".", 1)[0] == rule.category, "the id prefix names the category"


def test_rule_ids_are_unique() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))


def _table_cases():
    for rule in RULES:
        for i, (_where, _ex) in enumerate(table_examples(rule, FIXER.store)):
            yield pytest.param(rule.id, i, id=f"{rule.id}-table[{i + 1}]")


@pytest.mark.parametrize(("rule_id", "index"), list(_table_cases()))
def test_table_entry_example(rule_id: str, index: int) -> None:
    """Entries of a rule's phrase table (false friends) carry examples too."""
    rule = next(r for r in RULES if r.id == rule_id)
    where, ok, detail = run_table_examples(rule, FIXER.store, FIXER.runner(rule_id))[index]
    assert ok, f"{where}: {detail}"


def test_table_examples_are_read() -> None:
    """The false-friend table has entries with examples, so the test above is not empty."""
    rule = next(r for r in RULES if r.id == "mistranslation.false-friend")
    found = table_examples(rule, FIXER.store)
    assert any(ex.bad for _, ex in found) and any(ex.keep for _, ex in found)
