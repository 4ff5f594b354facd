"""untranslated.french-century reads Roman figures and writes English ordinals."""

from __future__ import annotations

import pytest

from fixer.detectors.french_numbers import ordinal, roman_value


@pytest.mark.parametrize("roman, value", [("I", 1), ("IV", 4), ("IX", 9), ("XIV", 14), ("XIX", 19), ("XX", 20), ("XXI", 21), ("XL", 40)])
def test_roman_values(roman: str, value: int) -> None:
    assert roman_value(roman) == value


@pytest.mark.parametrize("roman", ["IIII", "VX", "IIX", "XXXX", "LL"])
def test_ill_formed_figures_are_refused(roman: str) -> None:
    assert roman_value(roman) is None


@pytest.mark.parametrize("n, text", [(1, "1st"), (2, "2nd"), (3, "3rd"), (11, "11th"), (12, "12th"), (13, "13th"), (21, "21st"), (22, "22nd")])
def test_ordinals(n: int, text: str) -> None:
    assert ordinal(n) == text
