"""The shortcuts that spare the boilerplate rules a regex per line must skip no line the regex
would match: the key gates (``boilerplate_common.gated_lines``) and the facts about ``regex``
and ``str`` they rest on."""

from __future__ import annotations

import random

import regex

from fixer.detectors import boilerplate_common as bc
from fixer.detectors import boilerplate_credits as credits
from fixer.detectors import boilerplate_labels as labels
from fixer.detectors import boilerplate_metadata as metadata
from fixer.detectors import boilerplate_prompts as prompts
from fixer.document import Document
from fixer.engine import Config, Fixer

_ALL = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)


def test_gate_chars_fold_like_what_regex_matches_case_insensitively() -> None:
    bad = [
        (p, c)
        for p in sorted(bc.GATE_CHARS)
        for c in regex.findall("(?i)" + regex.escape(p), _ALL)
        if c.casefold() != p.casefold() and c not in "\u0130\u0131"  # (İ and ı: keys_gate checks the text)
    ]
    assert bad == []


def test_regex_digits_are_python_digits_or_beyond_the_bmp() -> None:
    assert all(c.isdigit() or c > "\uffff" for c in regex.findall(r"\d", _ALL))


def test_regex_white_space_is_python_white_space() -> None:
    assert all(c.isspace() for c in regex.findall(r"\s", _ALL))


_FIXER = Fixer(Config(select=("boilerplate",)))
_NOISE = [" ", "  ", "\t", "\u00a0", "\u2009", "\x0b", "\x1c", "•", "- ", "» ", ">> ", "[", "(", "«", "’", "“", "ß", "ſ",
          "K", "e\u0301", "É", "Ç", ":", " :", ".", "…", "|", "—", "#", "©", "2", "12", "1727014146"]


def _variant(rng: random.Random, phrase: str) -> str:
    """``phrase`` with random case, spacing and debris before, inside and after it."""
    out = "".join(c.upper() if rng.random() < 0.3 else c for c in phrase)
    if rng.random() < 0.3:
        out = out.replace(" ", rng.choice([" ", "  ", "\t", "\u00a0", "\u2009"]))
    if rng.random() < 0.5:
        out = "".join(rng.choice(_NOISE) for _ in range(rng.randint(1, 2))) + out
    if rng.random() < 0.2:
        i = rng.randrange(len(out) + 1)
        out = out[:i] + rng.choice(_NOISE) + out[i:]
    return out + "".join(rng.choice([*_NOISE, " Mali", " 3 min", ": Mali, Niger", " (AFP)", "follow", " agency"])
                         for _ in range(rng.randint(0, 3)))


def _cases() -> list[tuple[bc.Gate | None, list[regex.Pattern[str]], list[str]]]:
    """(gate, the patterns it stands for, phrases that open their lines)."""
    doc = _FIXER.document("x")
    ph = bc.phrases(doc)
    _, label_re, _, lead_re, _, prompt_gate = doc.cache["store"].memo(prompts._PAGE_PROMPT_KEY, None) or (None,) * 6
    related_re, _, related_gate = doc.cache["store"].memo(prompts._RELATED_KEY, None)
    return [
        (prompt_gate, [label_re, lead_re, prompts._TEMPLATE_NOTICE_RE],
         ph["label"] + ph["lead"] + ["The post", "You have 3", "Il vous reste 4"]),
        (related_gate, [related_re], ph["related"]),
        (metadata._SOURCE_GATE, [metadata._SOURCE_RE], ["source site-2", "Sources: www.a.fr"]),
        (metadata._UPDATE_LINE_GATE, [metadata._UPDATE_LINE_RE],
         ["Updated 23/06/2024 at 21:40", "[Mis à jour le 12 mai 2023 à 18h02]", "Last updated: March 4, 2024"]),
        (labels._UPDATE_STAMP_GATE, [labels._UPDATE_STAMP_RE], ["[Updated March 13, 2023] It", "[publié 2024] x"]),
        (credits._PHOTO_LINE_GATE, [credits._PHOTO_LINE_RE],
         ["Photo: A / B", "Crédit photo : X", "Photo d'illustration : Y", "Vidéo : Z"]),
        (credits._BYLINE_GATE, list(credits._BYLINE_RES),
         ["By John Smith Follow", "By: the editorial staff", "Article written by Jane", "Rédigé par Jean suivre"]),
        (metadata._READING_TIME_GATE, [*metadata._READING_TIME_RES, metadata._PUBLISHED_UPDATED_RE],
         ["Reading time: 3 min", "Temps de lecture : 2 min", "Published 1/2/2024 10:00 Updated 2/2/2024 11:00"]),
    ]


def test_key_gates_keep_every_line_their_patterns_match() -> None:
    _FIXER.check("Warm-up: Tags: Mali\n\nAlso read: x")  # (compiles the rules' memos)
    rng = random.Random(3)
    related_gate = _FIXER.store.memo(prompts._RELATED_KEY, None)[2]
    for gate, patterns, phrases in _cases():
        for _ in range(400):
            lines = [_variant(rng, rng.choice(phrases)) for _ in range(rng.randint(1, 6))]
            doc = _FIXER.document("\n".join(lines))
            # (related-link adds the lines opening with an arrow or `»`, which the keys turn into `"`,
            # and those opening with `[`, a bracketed lead)
            also = [i for i, ln in enumerate(bc.nonblank(doc)) if ln.text.lstrip()[:1] in {*prompts._ARROWS, "["}]
            kept = {ln.number for ln in bc.gated_lines(doc, gate, also if gate is related_gate else ())}
            for ln in bc.nonblank(doc):
                if any(p.match(ln.text) for p in patterns):
                    assert ln.number in kept, (ln.text, patterns)


def test_digit_gates_keep_timestamps_and_reading_times() -> None:
    doc = Document("Title\n\n 1727014146 \n\n3 min read\n\nNews 21 October, 2017\n\n\U00011f51\U00011f52 min")
    doc.cache["store"] = _FIXER.store
    assert bc.digit_led(doc) == [1, 2, 4] and 3 in bc.digit_ended(doc)


def test_end_strip_holds_every_python_white_space() -> None:
    assert all(c in bc._END_STRIP for c in _ALL if c.isspace())


def test_keys_of_long_lines_are_heads_of_their_norm() -> None:
    rng = random.Random(5)
    bits = ["word", "WORD", " ", "  ", "\t", "\u00a0", "\x1c", "e\u0301", "\u0301", "ß", "’", "«", "»", ".", ":", "—", "…"]
    heads = 0
    for _ in range(300):
        lines = ["".join(rng.choice(bits) + rng.choice(["", " "]) for _ in range(rng.randint(1, 200)))
                 for _ in range(rng.randint(1, 5))]
        doc = _FIXER.document("\n".join(lines))
        keys, lines_ = bc.key_list(doc), bc.nonblank(doc)
        for i, ln in enumerate(lines_):
            if i in bc.key_heads(doc):
                heads += 1
                assert len(keys[i]) >= bc.HEAD_LEN and bc.norm(ln.text).startswith(keys[i])
            else:
                assert keys[i] == bc.norm(ln.text)
            assert bc.full_key(doc, i) == bc.norm(ln.text) == bc.line_key(doc, ln)
    assert heads > 50
