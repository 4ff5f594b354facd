"""The facts the typography family's fast paths rely on: literal gates find every line the gate
pattern finds, the byte views fold as ``str.casefold`` does, and the character lists written
into the code match what Python and ``regex`` say over all of Unicode."""

from __future__ import annotations

import random
import sys

import regex

from fixer.detectors import encoding, layout_scars, repeated_text, typography_numbers
from fixer.detectors.typography_patterns import lines_holding, literal_gate
from fixer.document import Document

_ATOMS = ["a", "e", "è", "h", "H", "r", "m", "0", "1", "7", "٣", " ", "\u00a0", "\u202f", "\n", "\r\n", ",", ";",
          ":", "!", "?", "%", "(", ")", "”", "“", "é", "x", "re", "er", "ème"]


def _texts(n: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_ATOMS) for _ in range(rng.randint(0, 40))) for _ in range(n)]


def test_literal_gate_finds_the_lines_of_the_gate_pattern() -> None:
    """Every line the pattern finds is found (the same lines when the strings are the whole
    matches), unless a non-ASCII digit sends the rule back to the pattern."""
    for pattern in (r"[ \u00a0\u202f][;:!?]", r"[ \u00a0\u202f],", r"\d,\d", r"[ \u00a0\u202f]%",
                    r"\([ \u00a0\u202f]|[ \u00a0\u202f]\)", r"\d(?:[eè][ \u00a0mr]|re)",
                    r"”[ \u00a0]{1,2}“|”[ \u00a0]{3}", r"\d[ \u00a0\u202f]\d{3}"):
        gate, compiled = literal_gate(pattern), regex.compile(pattern)
        assert gate is not None, pattern
        for text in _texts(3000):
            doc = Document(text)
            if gate.usable(doc):
                assert gate.lines(doc) == lines_holding(compiled, text), (pattern, text)
                assert gate.holds(doc) == (compiled.search(text) is not None), (pattern, text)
            else:
                assert "٣" in text


def test_literal_gate_refuses_what_it_cannot_read() -> None:
    for pattern in (r"(?<=a)b", r"\p{L}x", r"[[:alpha:]]", r"(?:ab){e<=1}", r"(?i)ab", r"a|b*", r"\bx", r"a\nb"):
        assert literal_gate(pattern) is None, pattern
    assert literal_gate("ab", regex.IGNORECASE) is None
    assert literal_gate(r"ab(?=c)d").strings == ("ab",)  # a prefix of every match


def test_french_time_gate_strings_are_the_pattern() -> None:
    """Under IGNORECASE only `h` and `H` match `h`, so six strings are the whole gate."""
    h = regex.compile("h", regex.IGNORECASE)
    assert [c for c in map(chr, range(sys.maxunicode + 1)) if h.match(c)] == ["H", "h"]
    for text in _texts(3000, seed=2):
        doc = Document(text)
        if typography_numbers._DIGIT_H.usable(doc):
            assert typography_numbers._DIGIT_H.lines(doc) == lines_holding(typography_numbers._DIGIT_H_RE, text)


def test_word_view_folds_as_casefold_does() -> None:
    """``_word_view`` relies on case folding character by character, idempotent, folding a
    letter to word characters and never to an ASCII digit or underscore."""
    word, letter = regex.compile(r"\w"), regex.compile(r"\p{L}")
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        folded = c.casefold()
        if folded != c:
            assert folded.casefold() == folded, hex(cp)
            if letter.match(c):
                assert not any(x.isascii() and not x.isalpha() for x in folded), hex(cp)
            if word.match(c):
                assert all(word.match(x) for x in folded), hex(cp)
    text = "L’Été été ﬁne FINE İstanbul x²the the_ 2the"
    runs = repeated_text._word_view(text).decode().split()
    assert runs == ["l", "été", "été", "fine", "fine", "i̇stanbul", "x", "the", "the", "the"]
    assert repeated_text.may_hold_doubled_word("“L’été Été »") and not repeated_text.may_hold_doubled_word("the\nthe")


def test_stripped_characters_are_those_of_str_isspace() -> None:
    spaces = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and c != "\n"]
    assert regex.fullmatch(f"[{layout_scars._STRIPPED}]+", "".join(spaces))
    assert not any(regex.match(f"[{layout_scars._STRIPPED}]", c) for c in map(chr, range(0x3001)) if c not in spaces)


def test_mojibake_gate_skips_lone_accents_only() -> None:
    gate = encoding._BadnessGate()
    assert gate.singles and "é" not in gate.singles
    assert not gate.any_bad_line("Une école à Montréal, café crème.")
    assert gate.any_bad_line("Une Ã©cole") and gate.any_bad_line("dÃ  côté")


def test_article_lines_hold_every_line_of_the_mismatch_pattern() -> None:
    from fixer.detectors import typography

    rng = random.Random(3)
    atoms = ["a", "A", "an", "An", " ", "\u00a0", "“", "‘", '"', "é", "É", "apple", "hour", "x", "1", "_", "\n",
             "’", "ça", "ea", "bâ", "than", "Malian"]
    for _ in range(5000):
        text = "".join(rng.choice(atoms) for _ in range(rng.randint(1, 14)))
        want = lines_holding(typography._MISMATCH_RE, text)
        assert set(want) <= set(typography._mismatch_lines(Document(text))), text
