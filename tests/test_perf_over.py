"""Round 7 (per-article overhead): the shortcuts of the engine and the pattern kind give what
the slower paths gave."""

from __future__ import annotations

import random

import pytest
import regex

from fixer.engine import Fixer, RuleError, check_spans
from fixer.kinds.pattern import required_literal
from fixer.model import Finding


@pytest.mark.parametrize(
    ("pattern", "literal"),
    [
        (r"(?<![\p{L}\p{N}])([Aa]l)([- ])Qaïda(?![\p{L}\p{N}])", "Qaïda"),
        (r"(?<=\p{L})‘(?=\p{L})", "‘"),
        (r"ab*c", "a"),
        (r"x\.y?z", "x."),
        (r"a{e<=1}bc", "bc"),
        (r"(ab|cd)efg", "efg"),
        (r"\x41BC", "BC"),
        (r"\d{1,3}(?: \d{3})+ euros", " euros"),
        (r"ab|cd", None),
        (r"(?i)abc", None),
        (r"a(?i:b)c", None),
        (r"[[:alpha:]]abc", None),
        (r"\d+", None),
    ],
)
def test_required_literal(pattern: str, literal: str | None) -> None:
    assert required_literal(pattern) == literal


def test_required_literal_flags() -> None:
    assert required_literal("abc", regex.IGNORECASE) is None
    assert required_literal("abc", regex.VERBOSE) is None


def _random_pattern(rnd: random.Random, depth: int = 0) -> str:
    atoms = ["a", "b", " ", "é", r"\.", ".", r"\d", r"\b", "[ab]", "[^a]", r"[\]a]", r"\p{L}", r"\x61", "^", "$", "-", "0"]
    quants = ["", "", "", "?", "*", "+", "{2}", "{0,2}", "*?", "??", "{1,}"]
    out = []
    for _ in range(rnd.randint(1, 4)):
        if depth < 2 and rnd.random() < 0.25:
            opener = rnd.choice(["(", "(?:", "(?=", "(?!", "(?<=", "(?<!", "(?>"])
            body = _random_pattern(rnd, depth + 1)
            if rnd.random() < 0.3:
                body += "|" + _random_pattern(rnd, depth + 1)
            out.append(opener + body + ")" + rnd.choice(quants))
        else:
            out.append(rnd.choice(atoms) + rnd.choice(quants))
    return "".join(out)


def test_required_literal_in_every_match() -> None:
    rnd = random.Random(7)
    texts = ["".join(rnd.choice("ab é.-0") for _ in range(rnd.randint(0, 30))) for _ in range(60)]
    seen = 0
    for _ in range(400):
        pattern = _random_pattern(rnd)
        try:
            compiled = regex.compile(pattern)
        except regex.error:
            continue
        literal = required_literal(pattern)
        if literal is None:
            continue
        seen += 1
        for text in texts + [t[:4] + literal + t[4:] for t in texts]:
            for m in compiled.finditer(text):
                assert literal in m.group(), (pattern, literal, text)
    assert seen > 50


def test_check_spans_names_the_rule() -> None:
    ok = Finding("a.b", "typography", 0, 3, "m")
    check_spans([ok], 3)
    with pytest.raises(RuleError, match=r"rule a\.c reported a span outside the text: 2-5"):
        check_spans([ok, Finding("a.c", "typography", 2, 5, "m")], 3)


def test_pattern_rule_skips_text_without_its_literal() -> None:
    fixer = Fixer()
    text = "The Al-Qaïda group and al Qaïda cells; don‘t."
    found = [f for f in fixer.check(text) if f.rule in ("terminology.french-spelling", "typography.opening-single-quote-apostrophe")]
    assert [(f.rule, text[f.start:f.end]) for f in found] == [
        ("terminology.french-spelling", "Al-Qaïda"),
        ("terminology.french-spelling", "al Qaïda"),
        ("typography.opening-single-quote-apostrophe", "‘"),
    ]


def test_needs_hold_wherever_a_rule_finds() -> None:
    """A rule with ``needs`` finds nothing in a text holding none of them (run here without the
    test), on the samples and on texts built to hold each rule's findings."""
    from pathlib import Path

    fixer = Fixer()
    gated = [c for c in fixer.compiled if c.needs is not None]
    assert any(c.rule.id == "typography.space-before-punctuation" for c in gated)
    root = Path(__file__).resolve().parents[1]
    texts = [p.read_text(encoding="utf-8") for d in ("samples", "tests/clean_texts") for p in sorted((root / d).rglob("*.txt"))]
    texts += [ex.bad.replace("⟦", "").replace("⟧", "") for c in gated for ex in c.rule.examples if ex.bad]
    for text in texts:
        doc = fixer.document(text)
        for c in gated:
            if list(c.run(doc)):
                assert any(s in text for s in c.needs), (c.rule.id, c.needs)


def test_rule_needs_reads_the_detector_attribute() -> None:
    from fixer.detectors.typography_patterns import pattern_off_debris
    from fixer.engine import rule_needs

    rule = next(c.rule for c in Fixer().compiled if c.rule.id == "typography.spaced-minus")
    assert rule_needs(pattern_off_debris, rule) == ("–", "—", "−")
    assert rule_needs(len, rule) is None
