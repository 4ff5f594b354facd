"""The fast paths of fixer/detectors/merged_words.py find exactly what the plain patterns find."""

from __future__ import annotations

import random

from fixer.detectors import merged_words as mw
from fixer.document import Document
from fixer.engine import Config, Fixer

ALPHABET = list("aAbBlLdDqQeEsSCtTnN") + list(")]”»“«\".!?…,;([:' \n0123459²_-’") + ["é", "É", "ß", "œ", "ğ", "\u0301", "\u202f", "ſ"]


def random_texts(n: int, seed: int = 0) -> list[str]:
    rnd = random.Random(seed)
    words = ["the", "Alliance", "lattaque", "dAfrica", "Barsaloghoin", "2023The", "in2023", "theAES", "dont", "its"]
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rnd.randrange(1, 20)):
            parts.append(rnd.choice(words) if rnd.random() < 0.4 else "".join(rnd.choice(ALPHABET) for _ in range(rnd.randrange(1, 5))))
            parts.append(rnd.choice([" ", "", "\n", ". "]))
        out.append("".join(parts))
    return out


def test_punct_candidates_find_every_match() -> None:
    for text in random_texts(1000):
        ctx = mw.Context(text, None, mw.RunBook())  # type: ignore[arg-type]
        assert [m.span() for m in mw.punct_matches(ctx)] == [m.span() for m in mw.PUNCT_RE.finditer(text)], text


def test_positions_are_whole_runs() -> None:
    rnd = random.Random(1)
    for text in random_texts(600, seed=1):
        index = mw.RunIndex(text)
        for word in {m.group() for m in mw.RUN_RE.finditer(text)} | {rnd.choice("abé")}:
            expected = [m.start() for m in mw.RUN_RE.finditer(text) if m.group() == word]
            assert index.positions(word) == expected, (text, word)


def test_runs_from_bytes_and_from_word_tokens_agree() -> None:
    for text in random_texts(400, seed=2):
        runs = set(mw.RUN_RE.findall(text))
        from_bytes = mw.RunIndex(text)
        pieces = {w for key in from_bytes.keys for w in mw.key_runs(key)}
        assert runs <= pieces | from_bytes.odd, text  # pieces cut by an unknown character aside
        from_tokens = mw.RunIndex(text, Document(text).word_counts.keys())
        assert {w for key in from_tokens.keys for w in mw.key_runs(key)} == runs, text


def test_chunk_around_matches_the_character_walk() -> None:
    rnd = random.Random(3)
    for _ in range(5000):
        text = "".join(rnd.choice("ab \n\t\u00a0\u2003.") for _ in range(rnd.randrange(0, 60)))
        start = rnd.randrange(0, len(text) + 1)
        end = rnd.randrange(start, len(text) + 1)
        limit = rnd.choice([0, 3, 80])
        a, lo = start, max(0, start - limit)
        while a > lo and not text[a - 1].isspace():
            a -= 1
        b, hi = end, min(len(text), end + limit)
        while b < hi and not text[b].isspace():
            b += 1
        assert mw.chunk_around(text, start, end, limit) == (a, b)


def test_link_chunk_is_the_pattern() -> None:
    for chunk in ["www.x", "a.com", "#tag", "@me", "http://x", "plain", "Mali.", "(www.y", "a:b", "x.csv"]:
        assert mw.link_chunk(chunk) == bool(mw.LINK_CHUNK_RE.search(chunk))


def test_rules_agree_with_and_without_word_counts() -> None:
    fixer = Fixer(Config(select=("merged-word",)))
    for text in [*random_texts(150, seed=4), "Members of theAlliance met in Barsaloghoin the north; lattaque, dont know."]:
        plain = fixer.check_document(fixer.document(text))
        doc = fixer.document(text)
        assert isinstance(doc.word_counts, dict)
        assert fixer.check_document(doc) == plain, text
