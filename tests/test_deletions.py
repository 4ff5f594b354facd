"""A safe fix inside a line that a boilerplate rule proposes (unsafely) to delete waits for
the reviewer; beside a safe deletion, or outside any, it stays safe."""

from __future__ import annotations

from fixer.engine import Fixer
from fixer.model import Safety

BODY = (
    "The high-speed line between Kenitra and Marrakech will open in 2029, the national rail office said on"
    " Monday, after four years of works."
)


def _safety_of(findings, rule: str) -> list[Safety]:
    return [f.fix.safety for f in findings if f.rule == rule and f.fix is not None]


def test_fix_inside_a_proposed_deletion_becomes_unsafe() -> None:
    text = f"Rail: the line will be ready\n\n{BODY}\n\nViews: 2 341\n\n{BODY}\n"
    found = Fixer().check(text)
    assert _safety_of(found, "boilerplate.page-widget") == [Safety.UNSAFE]
    assert _safety_of(found, "typography.french-thousands") == [Safety.UNSAFE]
    assert Fixer().fix(text).text == text  # nothing on that line changes by default


def test_fix_outside_deletions_stays_safe() -> None:
    text = f"Rail: the line will be ready\n\n{BODY} It carried 2 341 passengers a day.\n"
    found = Fixer().check(text)
    assert _safety_of(found, "typography.french-thousands") == [Safety.SAFE]



def test_fixes_inside_repeated_lines_stay_safe() -> None:
    """A repeat is a copy of article text: its fix is its original's, so it is not deferred
    (deferring it left copies unrepaired pass after pass)."""
    text = "The minister announced theReform of the pension system on Monday.\n" * 5
    fixer = Fixer()
    fixed = fixer.fix(text).text
    assert "theReform" not in fixed
    assert fixer.fix(fixed).text == fixed
