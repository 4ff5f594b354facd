"""The shortcuts of the third round of boilerplate speed work must tell what the patterns they
spare would tell: word counts without the word pattern, the verb look-up of ``reported``, the
kicker and glued-label gates, and the Unicode facts they rest on."""

from __future__ import annotations

import random
import unicodedata

import regex

from fixer.detectors import boilerplate_common as bc
from fixer.detectors import boilerplate_labels as labels
from fixer.detectors import boilerplate_prompts as prompts

_ALL = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)


def test_python_alphanumerics_are_regex_letters_or_figures() -> None:
    word = set(regex.findall(r"[\p{L}\p{N}]", _ALL))
    assert [c for c in _ALL if c.isalnum() and c not in word] == []


def test_white_space_and_edges_are_no_word_characters() -> None:
    assert regex.findall(r"[\p{L}\p{N}'’\-]", "".join(c for c in _ALL if c.isspace())) == []
    assert regex.findall(r"[\p{L}\p{N}]", bc._NOT_WORD_EDGES) == []


def test_word_count_is_the_number_of_words() -> None:
    rng = random.Random(3)
    bits = ["word", "Mot", "é", "e\u0301", "3", "2024", " ", "  ", "\t", "\u00a0", "-", "--", "'", "’", ",", ".", ":",
            "(", ")", "«", "»", "—", "_", "/", "ß", "\u0301", "\U00010d50", "ǅ", "Ⅳ", "½", "©", "…", "d’", "l'"]
    for _ in range(20000):
        text = "".join(rng.choice(bits) for _ in range(rng.randint(0, 14)))
        assert bc.word_count(text) == len(bc.words(text)), text


def test_no_character_outside_words_folds_to_an_ascii_letter() -> None:
    word = set(regex.findall(r"\w", _ALL))
    assert [c for c in _ALL if c not in word and any("a" <= x <= "z" for x in c.casefold())] == []


def test_reported_as_with_the_verb_pattern() -> None:
    def old(text: str) -> bool:
        mark = prompts._CLAUSE_MARK_RE.search(text)
        return bool(mark and prompts._SAYING_WORD_RE.search(text, mark.start()) and prompts._REPORTED_RE.search(text))

    rng = random.Random(7)
    verbs = [*prompts._SAYING.split("|"), "read", "reads"]
    bits = [" ", ",", ";", ":", "—", "-", "'", "’", "é", "\u0301", "İ", "ı", "ſ", "K", "ß", "1", "_", "A", "the", "group"]
    for _ in range(20000):
        parts = []
        for _ in range(rng.randint(1, 10)):
            if rng.random() < 0.35:
                v = "".join(c.upper() if rng.random() < 0.3 else c for c in rng.choice(verbs))
                parts.append(v.replace("s", "ſ").replace("i", rng.choice("İıi")) if rng.random() < 0.1 else v)
            else:
                parts.append(rng.choice(bits))
        text = "".join(parts)
        assert prompts.reported(text) == old(text), text


def test_kicker_and_glued_label_gates_keep_every_match() -> None:
    rng = random.Random(11)
    caps = ["A", "B", "É", "Ⅰ", "ⅰ", "1", "'", "’", "-", " ", "a", "é", "\ua7cb", "Ǆ", "ǅ", "\U00010d50"]
    words = ["Ivory", "Coast", "of", "the", "Mali", "é", "x", "ß"]
    for _ in range(30000):
        kicker = (rng.choice(["", " ", "\t"]) + rng.choice(["", "«", "“", '"', "« "])
                  + "".join(rng.choice(caps) for _ in range(rng.randint(1, 8))) + rng.choice(["", " ?", "!", " »"])
                  + rng.choice([":", " :"]) + rng.choice([" ", "  "]) + rng.choice(["", "«"]) + rng.choice(["The", "É", "a"]))
        if bc.KICKER_RE.match(kicker):
            assert bc.may_kick(kicker), kicker
        glued = (rng.choice(["", " ", "\t"]) + " ".join(rng.choice(words) for _ in range(rng.randint(1, 5)))
                 + rng.choice([". ", ".", ", "]) + rng.choice(["\"It", "The", "x"]) + " rest of it")
        if labels._GLUED_LABEL_RE.match(glued):
            assert labels._may_glue(glued), glued


def test_no_character_folds_to_a_figure_or_into_the_end_strip() -> None:
    for c in _ALL:
        folded = bc._unquoted(unicodedata.normalize("NFC", c)).casefold()
        if not c.isdigit():
            assert not any(x.isdigit() for x in folded), hex(ord(c))
        if c not in bc._END_STRIP and folded:
            assert folded[-1] not in bc._END_STRIP, hex(ord(c))


def test_publication_patterns_need_the_update_word() -> None:
    from fixer.detectors import boilerplate_metadata as metadata

    rng = random.Random(13)
    opens = ["Published", "POSTED", "publié", "Publié", " posted"]
    updates = ["Updated", "UPDATED", "Mis À Jour", "mis à jour", "modified", "MODIFIED", "updatéd", "Update", "updȧted"]
    bits = [" on ", " 12/03/2024 ", " at 10:05 ", " ", "2", ",", "ſ", "K"]
    matched = 0
    for _ in range(20000):
        text = (rng.choice(opens) + "".join(rng.choice(bits) for _ in range(rng.randint(0, 3))) + rng.choice(updates)
                + "".join(rng.choice(bits) for _ in range(rng.randint(0, 3))) + rng.choice(["", " Reading time: 2 min"]))
        if metadata._READING_TIME_RES[2].match(text) or metadata._PUBLISHED_UPDATED_RE.match(text):
            matched += 1
            assert metadata._holds_update(text.casefold()), text
    assert matched > 1000
