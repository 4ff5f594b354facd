"""The span filters of the name rules keep every run their rules can use."""

from __future__ import annotations

import pytest

from fixer.data import DataStore
from fixer.detectors.terminology import _doc_spans, keyed_spans, name_runs, span_runs
from fixer.document import Document
from fixer.glossary import Glossary, load_glossary, split_pieces

TEXTS = [
    "The Economic Community of States dAfrica of theOuest (Cédéao) met the ECOWAS in Abuja.",
    "Macina Liberation Front (FLM) and the Liberation Front of Macina; theFront LiberationMacina.",
    "hydro-Québec and Hydro-Québec, the ministry of Health and social Services of Quebec.",
    "Qu\u0301ebec Ca\u0301n ONG\u0301 ıtan Straße ﬁnance Σίσυφος Côte d'Ivoire, cote d’ivoire.",
    "",
    "no capitals at all here, nothing to find",
]


@pytest.fixture(scope="module")
def store() -> DataStore:
    return DataStore()


@pytest.fixture(scope="module")
def g(store: DataStore) -> Glossary:
    return load_glossary(store)


def _doc(text: str, store: DataStore) -> Document:
    doc = Document(text)
    doc.cache["store"] = store
    return doc


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_keyed_spans_hold_every_run_with_enough_keys(text: str, n: int, store: DataStore, g: Glossary) -> None:
    doc = _doc(text, store)
    spans = keyed_spans(doc, g, n)
    for start, end, keys in spans:
        assert keys == tuple(p.key for p in split_pieces(text[start:end], start, g.words) if p.key)
    kept = [run for start, end, _keys in spans for run in span_runs(doc, g, start, end)]
    assert [run for run in name_runs(_doc(text, store), g) if sum(1 for p in run if p.key) >= n] == [
        run for run in kept if sum(1 for p in run if p.key) >= n
    ]
    assert len(spans) <= len(_doc_spans(doc))
