"""Round 9 shortcuts of the boilerplate rules: the page-level gates that spare a test of every
line must hold for every character they stand for."""

from __future__ import annotations

from fixer.detectors import boilerplate_common as bc


def test_no_case_fold_makes_a_lead_symbol() -> None:
    # _keyed asks the keys for a pictograph only when the page's non-ASCII characters hold one:
    # a key's characters are the page's (quotes and spaces made ASCII) or their case folds
    for i in range(0x110000):
        if 0xD800 <= i < 0xE000:
            continue
        c = chr(i)
        if c.isascii():
            assert not bc._lead_symbol(c)
        if not bc._lead_symbol(c):
            assert not any(map(bc._lead_symbol, c.casefold())), hex(i)


def test_has_lead_symbol_is_any_lead_symbol() -> None:
    pages = [frozenset(), frozenset("é’"), frozenset("é📻"), frozenset("♡"), frozenset("©°é"), frozenset("⟶à")]
    for _ in range(2):  # (cold, then from the characters met)
        for present in pages:
            assert bc._has_lead_symbol(present) == any(map(bc._lead_symbol, present))
