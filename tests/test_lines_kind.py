"""The ``lines`` kind: whole lines deleted by patterns written in a rule file, with the
windows, gate and ``needs`` that keep such a rule cheap on pages it has nothing to do with."""

from __future__ import annotations

import pytest

from fixer.apply import apply_fixes
from fixer.document import Document
from fixer.engine import compile_rule, run_rule
from fixer.model import Rule

PAGE = "Title of the story\n\nFirst paragraph.\n\n--- a\n\nMiddle paragraph.\n\n--- b\n\nLast line.\n--- c"


def _rule(**params: object) -> Rule:
    return Rule(id="boilerplate.test-lines", category="boilerplate", kind="lines", message="m",
                params={"match": [r"^--- \w$"], **params})


def _deleted(rule: Rule, text: str = PAGE) -> list[str]:
    return [text[f.start : f.end] for f in run_rule(compile_rule(rule), Document(text))]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["--- a", "--- b", "--- c"]),
        ({"position": "head", "window": 3}, ["--- a"]),
        ({"position": "tail", "window": 2}, ["--- c"]),
        ({"position": "tail", "window": 3}, ["--- b", "--- c"]),
    ],
)
def test_position_and_window_choose_the_lines_looked_at(params: dict[str, object], expected: list[str]) -> None:
    assert _deleted(_rule(**params)) == expected


def test_a_gate_or_needs_the_page_lacks_skips_it_and_one_it_holds_changes_nothing() -> None:
    assert _deleted(_rule(gate=r"^===")) == []
    assert _deleted(_rule(needs=["===", "~~~"])) == []
    assert _deleted(_rule(gate=r"(?m)^---")) == ["--- a", "--- b", "--- c"]
    assert _deleted(_rule(needs=["~~~", "---"])) == ["--- a", "--- b", "--- c"]


def test_the_deletion_takes_the_line_and_leaves_no_double_gap() -> None:
    rule = _rule()
    doc = Document(PAGE)
    fixed = apply_fixes(PAGE, [f.fix for f in run_rule(compile_rule(rule), doc) if f.fix is not None])
    assert "---" not in fixed
    assert "\n\n\n" not in fixed
    assert fixed.startswith("Title of the story\n\nFirst paragraph.\n\nMiddle paragraph.")
