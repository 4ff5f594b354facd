"""The round-5 shortcuts of false-friend and mangled-name give what the plain ways give."""

from __future__ import annotations

import random

import pytest

from fixer.data import DataStore
from fixer.detectors import mistranslation as M
from fixer.detectors import terminology as T
from fixer.engine import Config, Fixer
from fixer.glossary import doc_glossary

TABLE = "lexicon/false-friends.toml"
FIXER = Fixer(Config(select=("mistranslation.false-friend",)))


def _examples() -> list[str]:
    out = []
    for t in DataStore().tables(TABLE, "phrase"):
        for ex in t.get("example", []):
            out += [str(ex[k]).replace("⟦", "").replace("⟧", "") for k in ("bad", "keep", "fixed") if k in ex]
    return out


EXAMPLES = _examples()
EDITS = [
    str.upper, str.title, lambda s: s.replace(" ", "-", 1), lambda s: s.replace(" ", "’", 1),
    lambda s: s.replace("e", "é", 1), lambda s: "²" + s + "²", lambda s: s.replace(" ", "_", 1),
    lambda s: s.replace("the ", "", 1), lambda s: s.replace("s", "ſ", 1), lambda s: "“" + s + "”",
]


def _variants(seed: int, n: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        text = rnd.choice(EXAMPLES)
        for _ in range(rnd.randint(0, 3)):
            text = rnd.choice(EDITS)(text)
        out.append(text)
    return out


@pytest.mark.parametrize("seed", [1, 2])
def test_gated_false_friends_find_what_every_pattern_finds(seed: int) -> None:
    """The whole-word index, the folded runs standing for the whole words and the windowed
    searches leave out no match (the words counted, so the quick tests in the words run)."""
    phrases = M._phrases(FIXER.store, TABLE)
    for text in _variants(seed, 150):
        doc = FIXER.document(text)
        doc.word_counts  # noqa: B018 (counted, as in a full check)
        found = sorted((f.start, f.end) for f in FIXER.runner("mistranslation.false-friend")(doc))
        assert found == sorted(m.span() for p in phrases for m in p.pattern.finditer(text)), text


def test_windows_find_what_the_whole_text_search_finds() -> None:
    rnd = random.Random(3)
    phrases = [p for p in M._phrases(FIXER.store, TABLE) if p.reach is not None and p.run is not None]
    assert phrases
    words = " ".join(EXAMPLES).split()
    for _ in range(1000):
        p = rnd.choice(phrases)
        parts = [rnd.choice([p.run, rnd.choice(EXAMPLES), " ".join(rnd.sample(words, 3)), ".", " old", "12 "])
                 for _ in range(rnd.randint(1, 8))]
        text = rnd.choice(["", " "]).join(parts)
        low = text.encode("ascii", "replace").lower()
        first = low.find(p.run_bytes)
        if first < 0 or any(c in text for c in M._case_partners()):
            continue
        got = M._windowed(p.pattern.compiled, text, low, p.run_bytes, first, p.reach)
        if got is not None:
            assert [m.span() for m in got] == [m.span() for m in p.pattern.finditer(text)], text


@pytest.mark.parametrize("source, need", [
    (r"\bat the microphone of\b", ("microphone",)),
    (r"\bmanifestations? (?=against)", ("manifestation", "manifestations")),
    (r"\b(?:offices|bureaus) of vote\b|\bvoting offices\b", ("offices", "bureaus")),
    (r"\bthe (?P<k>municipal|cantonal)s\b", ("municipals", "cantonals")),
    (r"\bprefect", None),  # (a word that may go on: no whole word)
    (r"(?:the )?transition\b", None),  # (what stands before the pattern is unknown)
    (r"\bof (?:the )?transition\b", ("transition",)),
])
def test_whole_need(source: str, need: tuple[str, ...] | None) -> None:
    import regex

    assert M._whole_need(source, regex.compile(source, regex.IGNORECASE)) == need


def test_one_extract_per_key_gives_the_rows_of_each_pair() -> None:
    g = doc_glossary(Fixer(Config()).document("The ECOWAS met."))
    rnd = random.Random(4)
    keys = sorted({k for form in g.names for k in form.keys})
    for _ in range(200):
        run = [rnd.choice(keys)[: rnd.randint(2, 12)] + rnd.choice(["", "e", "s"]) for _ in range(rnd.randint(1, 4))]
        forms = rnd.sample(range(len(g.names)), min(len(g.names), rnd.randint(1, 20)))
        g.similarity.clear()
        T._fill_similarity(g, run, forms)
        for key in run:
            for idx in forms:
                row = T._row(key, g.names[idx].keys)
                assert g.similarity[key, idx] == (row, max(row))
