"""The whole-document shortcuts of the terminology rules give what the word-by-word ways give."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from fixer.data import DataStore
from fixer.detectors.terminology import (
    _TITLE_WORD_RE,
    _doc_spans,
    _french_acronym_entities,
    _french_acronym_words,
    _name_case_index,
    _title_words,
    _titled_acronyms,
    glossary_runs,
    keyed_spans,
    name_runs,
    span_runs,
)
from fixer.document import Document
from fixer.glossary import (
    Glossary,
    PhraseIndex,
    _folded_forms,
    fold,
    fold_all,
    phrase_words,
    scan_words,
    split_pieces,
)

TEXTS = [
    "The Economic Community of States dAfrica of theOuest (Cédéao) met the ECOWAS in Abuja.",
    "L’Otan et la CEDEAO… the ONG said Jnim and Acled; JnimAttack in Québec City, QUEBEC CITY.",
    "hydro-Québec and Hydro-Québec, the ministry of Health and social Services of Quebec.",
    "Qu\u0301ebec Ca\u0301n ONG\u0301 ıtan Straße ﬁnance Σίσυφος Côte d'Ivoire, cote d’ivoire.",
    "Alliance of Sahel States (AES) and the Alliance des États du Sahel; Al-Qaïda, al-Qaeda.",
    "Macina Liberation Front (FLM) and the Liberation Front of Macina; theFront LiberationMacina.",
    "",
    "no capitals at all here, nothing to find",
]



@pytest.mark.parametrize("text", TEXTS)
def test_fold_all_is_fold_of_the_whole_text(text: str) -> None:
    assert fold_all(text) == fold(text) == "".join(map(fold, text))


@pytest.mark.parametrize("text", TEXTS)
def test_folded_forms_are_the_folded_words(text: str, store: DataStore, doc_of: Callable[[str], Document]) -> None:
    assert _folded_forms(doc_of(text)) == {w for _s, w in scan_words(text)}


@pytest.mark.parametrize("text", TEXTS)
def test_phrase_words_find_what_every_word_finds(text: str, store: DataStore, g: Glossary, doc_of: Callable[[str], Document]) -> None:
    index = PhraseIndex([(e.name, e.id) for e in g.entities] + [(e.fr_name, e.id) for e in g.entities if e.fr_name])
    everywhere = list(index.finditer(text, scan_words(text)))
    assert list(index.finditer(text, phrase_words(doc_of(text), index))) == everywhere
    names, _exact = _name_case_index(g)
    everywhere = list(names.finditer(text, scan_words(text)))
    assert list(names.finditer(text, phrase_words(doc_of(text), names))) == everywhere


@pytest.mark.parametrize("text", TEXTS)
def test_glossary_runs_are_the_runs_that_can_match(text: str, store: DataStore, g: Glossary, doc_of: Callable[[str], Document]) -> None:
    runs = name_runs(doc_of(text), g)
    kept = glossary_runs(doc_of(text), g)
    assert all(run in runs for run in kept)
    for run in runs:
        if run not in kept:  # left out: no two of its keys index the same name form
            assert not g.candidate_names([p.key for p in run if p.key])


@pytest.mark.parametrize("text", TEXTS)
def test_title_case_acronyms_as_the_text_scan_finds_them(text: str, store: DataStore, g: Glossary, doc_of: Callable[[str], Document]) -> None:
    doc = doc_of(text)
    scanned = [m for m in _TITLE_WORD_RE.finditer(text) if len(m.group()) >= 4 and m.group().upper() in g.acronyms]
    titled = _titled_acronyms(doc, g, 4)
    assert titled == {m.group() for m in scanned}
    assert [m.span() for m in _title_words(text, titled)] == [m.span() for m in scanned]


@pytest.mark.parametrize("text", TEXTS)
def test_french_acronym_words_hold_every_word_with_entities(text: str, store: DataStore, g: Glossary, doc_of: Callable[[str], Document]) -> None:
    doc = doc_of(text)
    found = _french_acronym_words(doc, g)
    with_entities = {w for w in doc.word_counts if _french_acronym_entities(g, w)}
    if found is not None:
        assert with_entities <= found


def test_split_pieces_cached_parts_give_the_same_pieces(g: Glossary) -> None:
    text = "ECOWAS dAfrica theOuest McDonald JNIM G5 Sahel"
    assert split_pieces(text, 7, g.words) == split_pieces(text, 7, g.words) == split_pieces(text, 7, dict(g.words))


# defined-name splits only the spans whose word keys can match a definition (keyed_spans)
@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_keyed_spans_hold_every_run_with_enough_keys(text: str, n: int, store: DataStore, g: Glossary, doc_of: Callable[[str], Document]) -> None:
    doc = doc_of(text)
    spans = keyed_spans(doc, g, n)
    for start, end, keys in spans:
        assert keys == tuple(p.key for p in split_pieces(text[start:end], start, g.words) if p.key)
    kept = [run for start, end, _keys in spans for run in span_runs(doc, g, start, end)]
    assert [run for run in name_runs(doc_of(text), g) if sum(1 for p in run if p.key) >= n] == [
        run for run in kept if sum(1 for p in run if p.key) >= n
    ]
    assert len(spans) <= len(_doc_spans(doc))
