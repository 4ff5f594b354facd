"""The shortcuts of the consistency and mistranslation detectors answer as the slow way does."""

from __future__ import annotations

import random

import regex

from fixer.detectors import consistency, mistranslation
from fixer.document import Document

_PIECES = [
    "AES", "ESA", "CSP-DPA", "CEGEPS", "CEGEPs", "A1B", "AB", "ABC-def", "ABC'S", "ABC’s", "x-ABC", "ABC-", "-ABC",
    "'ABC", "ÉTAT", "ǅAB", "ⅧAB", "AⅧB", "AB\u0301C", "A\u0301BC", "Mbappé", "Mbappe", "Jean-Pierre", "d’Ivoire",
    "McDonald", "NATO", "I", "A", "éLan", "Ὰbc", "1AB", "AB1", " ", " ", "\n", "-", "’", ".", "(", ")", "\u00a0",
]


def _texts(n: int = 400) -> list[str]:
    rng = random.Random(3)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randrange(1, 40))) for _ in range(n)]


def test_acronym_words_are_the_acronyms_among_the_word_counts() -> None:
    for text in _texts():
        doc = Document(text)
        assert consistency._acronym_words(text) == {w for w in doc.word_counts if consistency._is_acronym(w)}


def test_is_token_is_membership_in_the_word_counts() -> None:
    for text in _texts(200):
        doc = Document(text)
        for w in ["AES", "CEGEPs", "ABC", "Jean-Pierre", "Pierre", "Ivoire", "d’Ivoire", "Mbappé"]:
            assert consistency._is_token(doc, w) == (w in doc.word_counts), (text, w)


def test_name_words_are_the_capitalised_runs_of_letters() -> None:
    slow = regex.compile(r"(?<![\p{L}\p{M}])(?![a-z])[\p{L}\p{M}]+")
    for text in _texts():
        found: dict[str, int] = {}
        for w in slow.findall(text):
            if consistency._is_name_word(w):
                found[w] = found.get(w, 0) + 1
        assert consistency._Names(Document(text)).count == found


def test_alternatives_of_a_pattern() -> None:
    def alts(source: str) -> tuple[tuple[str, ...], ...]:
        return mistranslation._alternatives(source, regex.compile(source, regex.IGNORECASE))

    assert alts(r"\ba (?:dozen|hundred|thousand)s? of (?!the\b)") == (("dozen", "hundred", "thousand"),)
    # a look-ahead's text must be there too (" of " alone is too short to test)
    assert alts(r"\bday(?= of (?:Ligue 1|Serie A))") == (("ligue 1", "serie a"),)
    assert alts(r"(?:the |)x") == ()  # an empty alternative requires nothing
    assert alts(r"\b(?:a|bb) word") == ()  # too short to test
    assert alts(r"(?:one|two|three|four|five) day") == ()  # too many to be worth testing


def test_strangers_are_found_by_str_searches() -> None:
    pattern = regex.compile("[" + "".join(map(regex.escape, mistranslation._case_strangers())) + "]")
    for text in ["plain text", "ſince", "İstanbul", "Kelvin \u212a", ""]:
        assert mistranslation._has_stranger(text) == (pattern.search(text) is not None)


def test_every_upper_case_letter_or_mark_is_lu_for_regex() -> None:
    """``_CAP_LETTERS_FAST_RE`` starts a name word at ``\\p{Lu}``: sound only while every letter
    or mark ``str.isupper`` calls upper case is ``\\p{Lu}`` in regex's Unicode tables (checked
    on the running interpreter, as regex's tables are at least Python's)."""
    import sys

    letters = regex.compile(r"[\p{L}\p{M}]")
    upper = regex.compile(r"\p{Lu}")
    chars = "".join(map(chr, [*range(0xD800), *range(0xE000, sys.maxunicode + 1)]))
    for c in set(letters.findall(chars)):
        if c.isupper():
            assert upper.match(c), hex(ord(c))
