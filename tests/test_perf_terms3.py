"""The round-3 shortcuts of the terminology rules give what the plain ways give."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from fixer.data import DataStore
from fixer.detectors.terminology import _RUN_RE, _glossary_run_bounds, _run_spans, glossary_runs
from fixer.document import Document
from fixer.glossary import Glossary, _doc_folds, _folded_token, fold

TEXTS = [
    "The Economic Community of States dAfrica of theOuest (Cédéao) met the ECOWAS in Abuja.",
    "Alliance of Sahel States (AES) and the Alliance des États du Sahel; Al-Qaïda, al-Qaeda.",
    "Macina Liberation Front (FLM) and the Liberation Front of Macina; theFront LiberationMacina.",
    "Also readDouble Al-Qaeda attack in Bamako; iPhone Sales Rise; x2B Foo Bar; 3aB Mali Niger.",
    "National movement for the liberation of the great old Azawad and Burkina Faso on May 13.",
    "QUEBEC CITY, Hydro-Québec: the ministry of Health and social Services, Côte d’Ivoire.",
    "Qu\u0301ebec Ca\u0301n ONG\u0301 ıtan Straße ﬁnance Σίσυφος Αθήνα ǅemal Foo, l`armée d‘Ivoire.",
    "aB" * 200 + " Foo Bar " + "A" * 300 + " Bc De",
    "",
]



@pytest.mark.parametrize("text", TEXTS)
def test_run_spans_are_the_run_pattern_spans(text: str) -> None:
    assert list(_run_spans(text)) == [m.span() for m in _RUN_RE.finditer(text)]


@pytest.mark.parametrize("text", TEXTS)
def test_run_bounds_are_the_glossary_runs(text: str, store: DataStore, g: Glossary, doc_of: Callable[[str], Document]) -> None:
    runs = glossary_runs(doc_of(text), g)
    bounds = _glossary_run_bounds(doc_of(text), g)
    assert [(s, e) for s, e, _a, _b in bounds] == [(run[0].start, run[-1].end) for run in runs]
    for start, end, span_start, span_end in bounds:
        assert span_start <= start < end <= span_end


@pytest.mark.parametrize("text", TEXTS)
def test_folded_token_is_a_fold_of_a_word(text: str, store: DataStore, doc_of: Callable[[str], Document]) -> None:
    words = {w.lower() for w in text.split()} | {"cote", "ivoire", "armee", "l'armee", "quebec", "strasse", "finance", "x"}
    for word in words:
        f = fold(word)
        if f:
            assert _folded_token(doc_of(text), f) == (f in _doc_folds(doc_of(text))), word
