"""The shortcuts of the French scan give what the long way gives: the windows around French
words against whole lines, phrase_end's one-slice comparison, the editor-note patterns tried
only before a mark."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fixer import frenchscore as fs
from fixer.detectors import french as fd
from fixer.engine import Config, Fixer

FIXER = Fixer(Config(select=("untranslated",)))

PIECES = ["au Mali", "dans le nord du", "l’attaque de", "lattaque", "the", "of", "said", "a", "and", "Niger",
          "NDLR", "[", "]", ", ", ". ", "\n", "« ", " »", "coup d’état", "Côte d'Ivoire", "Madame", "Borne",
          "Selon", "le", "de", "la", "États", "States du Sahel", "(CNSP)", "(", ")", "grève", "strike", "l’ ",
          "to loccasion of", "Conseil national pour la sauvegarde de la patrie", "FDS", "é", "’", "  ", "\t",
          "people", "which means", "Will", "de Vries", "vert", "gendarmerie", "http://x.fr/a", "AU MALI LE"]


def _scan(text: str, whole_lines: bool) -> tuple:
    doc = FIXER.document(text)
    doc.cache["store"] = FIXER.store
    if whole_lines:
        saved = fd._window_tokens
        fd._window_tokens = lambda *a: None  # every line classified whole
        try:
            sc = fd.scan(doc)
        finally:
            fd._window_tokens = saved
    else:
        sc = fd.scan(doc)
    spans = [(s.start, s.end, s.reason, sorted(s.french), s.phrase) for s in sc.spans]
    return spans, [ln.number for ln in sc.lines], sc.french_document


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60).map(" ".join))
def test_windows_give_what_whole_lines_give(text: str) -> None:
    assert _scan(text, whole_lines=False) == _scan(text, whole_lines=True)


def _phrase_end_reference(line_text: str, ms: int, phrases: list[str]) -> int:
    for phrase in phrases:
        pe = ms + len(phrase)
        if " ".join(fs.norm(line_text[ms:pe]).split()) == phrase and not (
            pe < len(line_text) and (line_text[pe].isalnum() or line_text[pe] == "-")
        ):
            return pe
    return -1


PHRASES = ["coup d'état", "coup", "de facto", "de", "d'état", "état", "a b c d"]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=list("abcdeé ’'-İΣσ\t\xa0xDEÉ"), max_size=20), st.integers(0, 20),
       st.lists(st.sampled_from(PHRASES), min_size=1, max_size=4, unique=True))
def test_phrase_end_as_folding_each_slice(line: str, ms: int, phrases: list[str]) -> None:
    phrases = sorted(phrases, key=len, reverse=True)
    assert fs.phrase_end(line, ms, phrases) == _phrase_end_reference(line, ms, phrases)


NOTE_PIECES = ["[", "]", "(", ")", "NDLR", "N.D.L.R.", "ndlr", "Ndlr", " ", "\n", ",", "–", ":", "the note", "x"]


@pytest.mark.parametrize("pattern, starts", [(fd.NOTE_BRACKET_RE, fd._bracket_starts),
                                             (fd.NOTE_PAREN_RE, fd._paren_starts)])
@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(NOTE_PIECES), max_size=30).map("".join))
def test_editor_note_matches_as_finditer(pattern, starts, text: str) -> None:
    marks = fd.offsets_of(text, fd.NOTE_MARKS)
    got = [m.span() for m in fd._matches_from(pattern, text, starts(text, marks))]
    assert got == [m.span() for m in pattern.finditer(text)]
