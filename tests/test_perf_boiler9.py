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


def test_leads_match_is_the_whole_lead_pattern() -> None:
    # page-prompt asks a pattern of the few lead items that may open the line, not all of them
    import random

    from fixer.detectors import boilerplate_prompts as prompts
    from fixer.engine import Config, Fixer

    doc = Fixer(Config(select=("boilerplate",))).document("x")
    leads = prompts._lead_re(doc)
    items = bc.phrases(doc).get("lead", []) + bc.phrases(doc).get("label", [])
    rng = random.Random(9)
    openings = ["", " ", "\t", "• ", "» ", "\u00a0", "📩 ", "« ", "'", "İ", "e\u0301"]
    endings = ["", " now", ": the", "!", "s", "ing it", ":", " 📩", "-up", "’s"]
    for _ in range(3000):
        item = rng.choice(items)
        if rng.random() < 0.3:
            item = item[: rng.randrange(1, len(item) + 1)]
        item = "".join(c.swapcase() if rng.random() < 0.2 else ("\u00a0" if c == " " and rng.random() < 0.2 else c)
                       for c in item)
        text = rng.choice(openings) + item + rng.choice(endings)
        assert prompts._leads_match(doc, text, leads) == (leads.match(text) is not None), repr(text)
