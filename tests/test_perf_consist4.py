"""The round-4 shortcuts of the consistency detectors answer as the slow way does."""

from __future__ import annotations

import random
import sys

import regex

from fixer.detectors import consistency
from fixer.document import ACRONYM_DEF_RE, FAST_BLOCKS, FAST_WORD_RE, Document, word_pattern
from fixer.engine import Fixer
from fixer.glossary import doc_glossary

FIXER = Fixer()

# pieces of odd texts: definitions, acronyms, names, joiners, marks, characters beyond the fast
# blocks (a combining accent, a ligature) and small roman numerals (lower case, no letter)
_PIECES = [
    "The ", "Alliance ", "of ", "Sahel ", "States ", "(AES)", "(ESA)", "(A)", "(AB1)", "(AB-C&D/E)", "(ABCDEFGHIJKLM)",
    "((AES))", "l’", "d’", "L'", "de ", "Étoile ", "états ", "Macina ", "Liberation ", "Front ", "(FLM)", "AES", "ESA",
    "CSP-DPA", "CEGEPs", "CEGEPS", "l'ONU", "AB1", "1AB", "A-B", "ABC3d", "Aⅲ", "ⅰ", "Ⅻ", "²", "Mbappé", "Mbappe",
    "Jean-Robert", "Jean Robert", "McDonald", "NATO", "ǅa", "Ὰbc", "Σς", "ß", "\u0301", "ﬁ", "Burkina-Faso",
    "Burkina Faso", "x-Y", "Ab-Cd-Ef", "-", "-", "'", "’", " ", " ", "\n", "\r\n", "\u00a0", ".", "(", ")", "É", "a",
]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randrange(0, 30))) for _ in range(n)]


def test_document_acronyms_are_the_definitions_finditer_finds() -> None:
    for text in _texts(3000, 1):
        slow: dict[str, str] = {}
        for m in ACRONYM_DEF_RE.finditer(text):
            slow.setdefault(m.group(2), m.group(1).strip())
        assert list(Document(text).acronyms.items()) == list(slow.items()), text


def test_hyphened_pairs_found_from_the_hyphen() -> None:
    for text in _texts(3000, 2):
        slow = {(m.group(1), m.group(2)) for m in consistency._HYPHENED_PAIR_RE.finditer(text)}
        assert set(consistency._HYPHENED_PAIR_AT_HYPHEN_RE.findall(text)) == slow, text


def test_capital_words_hold_the_acronym_tokens_and_the_name_runs() -> None:
    rng = random.Random(3)
    fast_chars = [chr(c) for lo, hi in FAST_BLOCKS for c in range(lo, hi + 1)]
    texts = _texts(2000, 3)
    texts += ["".join(rng.choice(fast_chars) for _ in range(rng.randrange(0, 12))) for _ in range(2000)]
    for text in texts:
        acronyms = set(filter(consistency._is_acronym, consistency._ACRONYM_TOKEN_RE.findall(text)))
        names = [w for w in consistency._CAP_LETTERS_FAST_RE.findall(text) if consistency._is_name_word(w)]
        fast = word_pattern(text) is FAST_WORD_RE
        for use_fast in (True, False) if fast else (False,):
            words = consistency._scan_capital_words(text, use_fast)
            assert set(filter(consistency._is_acronym, words)) == acronyms, text
            assert [w for w in words if consistency._is_name_word(w)] == names, text


def test_name_word_of_letters_is_a_capital_then_any_lower_case() -> None:
    """``_is_name_word`` leaves out lower-case numerals (Aⅲ); on runs of letters and marks it
    is the old test, since no letter or mark is numeric and lower case."""
    letters = regex.compile(r"[\p{L}\p{M}]")
    chars = "".join(map(chr, [*range(0xD800), *range(0xE000, sys.maxunicode + 1)]))
    assert not [c for c in letters.findall(chars) if c.islower() and c.isnumeric()]
    names = {"Mali": True, "McDonald": True, "Mañana": True, "Ma\u0301li": True, "Éé": True, "NATO": False,
             "ǅa": False, "Aⅲ": False, "AB1ⅻ": False, "CSP-DPA": False}
    for w, expected in names.items():
        assert consistency._is_name_word(w) == expected, w


def test_references_are_the_definitions_defined_name_keeps() -> None:
    doc = FIXER.document("x")
    g = doc_glossary(doc)
    chunk_keys = consistency._chunk_keys(doc, g)
    flags = consistency._chunk_flags(doc, g)
    references = chunk_keys.references(flags)
    names = ["The Macina Liberation Front", "Alliance of Sahel States", "Alliance of States du Sahel", "The EU",
             "theAlliance of Sahel States", "l’Union of Sahel Herders", "Sahel Herders Defence Union"]
    for name in names:
        long = consistency._LEADING_ARTICLE_RE.sub("", name)
        keys = tuple(k for c in long.split() for k in chunk_keys[c])
        kept = len(keys) >= 3 and not any(flags[c][0] or flags[c][1] for c in long.split())
        assert references[name] == ((long, keys) if kept else None), name
