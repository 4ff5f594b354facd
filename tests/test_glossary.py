"""The bundled glossary, its indexes and `fixer glossary list|add|check`."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from fixer.data import DataStore, bundled_dir
from fixer.glossary import Glossary, fold, form_key, load_glossary, split_pieces
from fixer.glossary_cli import app, check_file

GLOSSARY_FILES = sorted(p for p in (bundled_dir() / "glossary").glob("*.toml") if not p.name.startswith("_"))


@pytest.fixture(scope="module")
def g() -> Glossary:
    return load_glossary(DataStore())


def test_bundled_glossary_is_large_and_unique(g: Glossary) -> None:
    assert len(g.entities) >= 150
    ids = [e.id for e in g.entities]
    assert len(ids) == len(set(ids))
    kinds = {e.kind for e in g.entities}
    for kind in ("regional-body", "armed-group", "army", "junta", "ngo", "media", "country", "capital", "person"):
        assert kind in kinds, kind


@pytest.mark.parametrize("path", GLOSSARY_FILES, ids=lambda p: p.name)
def test_each_glossary_file_says_where_its_data_came_from(path: Path) -> None:
    head = path.read_text(encoding="utf-8")[:3000]
    assert "Source" in head


@pytest.mark.parametrize("path", GLOSSARY_FILES, ids=lambda p: p.name)
def test_each_glossary_file_checks_clean(path: Path) -> None:
    problems, _passed = check_file(path)
    assert problems == []


def test_french_acronyms_index_only_french_only_forms(g: Glossary) -> None:
    assert [e.id for e in g.fr_acronyms["CEDEAO"]] == ["ecowas"]
    assert [e.id for e in g.fr_acronyms["GSIM"]] == ["jnim"]
    assert [e.id for e in g.fr_acronyms["EIGS"]] == ["isgs"]
    # the same letters in both languages, or an English name that is the acronym: not French-only
    for acr in ("DGSE", "SNCF", "FIFA", "UEMOA", "MSF", "ACLED"):
        assert acr not in g.fr_acronyms, acr
    assert [e.id for e in g.entity_for_acronym("ECOWAS")] == ["ecowas"]


def test_demonyms_of_niger_and_nigeria(g: Glossary) -> None:
    assert g.by_id["niger"].demonym == "Nigerien"
    assert g.by_id["nigeria"].demonym == "Nigerian"
    assert g.by_id["capital-niger"].name == "Niamey"


def test_pieces_split_merged_words() -> None:
    pieces = split_pieces("States dAfrica of theOuest", 10, {"ouest": "west"})
    assert [(p.text, p.key, p.merged) for p in pieces] == [
        ("States", "state", False), ("d", "", True), ("Africa", "africa", True),
        ("of", "", False), ("the", "", True), ("Ouest", "west", True),
    ]
    assert pieces[0].start == 10 and pieces[2].start == 10 + len("States d")


def test_fold_and_form_key() -> None:
    assert fold("Côte d’Ivoire") == "cote d'ivoire"
    assert form_key("Jama’at Nusrat al-Islam") == form_key("Jama'at Nusrat al Islam")


def test_accepted_forms(g: Glossary) -> None:
    assert g.is_accepted("Economic Community of West African States").id == "ecowas"
    assert g.is_accepted("Parti Québécois").id == "pq"  # English press keeps it in French
    assert g.is_accepted("Alliance of States du Sahel") is None


def test_duplicate_ids_in_one_file_are_rejected_and_a_user_file_overrides() -> None:
    from fixer.glossary import GlossaryError

    with pytest.raises(GlossaryError, match="duplicate entity id"):
        Glossary.build([{"id": "x", "name": "X One", "_file": "a"}, {"id": "x", "name": "X Two", "_file": "a"}])
    g = Glossary.build([{"id": "x", "name": "X One", "_file": "bundled"}, {"id": "x", "name": "X Two", "_file": "user"}])
    assert [e.name for e in g.entities] == ["X Two"]


runner = CliRunner()


def test_cli_list_grep() -> None:
    result = runner.invoke(app, ["list", "--grep", "cedeao"])
    assert result.exit_code == 0
    assert "ecowas" in result.stdout and "jnim" not in result.stdout


def test_cli_add_keeps_comments_and_rejects_duplicates(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text("# my own glossary\n# second comment line\n", encoding="utf-8")
    result = runner.invoke(app, ["add", str(path), "--id", "sahel-test-body", "--name", "Sahel Test Body",
                                 "--acronym", "STB", "--fr-acronym", "OTS", "--context", "Sahel"])
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# my own glossary\n# second comment line\n\n[[entity]]\n")
    assert 'id = "sahel-test-body"' in text and 'acronym = "OTS"' in text
    again = runner.invoke(app, ["add", str(path), "--id", "sahel-test-body", "--name", "Other"])
    assert again.exit_code == 2
    bundled = runner.invoke(app, ["add", str(path), "--id", "ecowas", "--name", "Other"])
    assert bundled.exit_code == 2
    assert check_file(path)[0] == []


def test_cli_check_reports_problems(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(
        '[[entity]]\nid = "a"\nname = "A Body"\ncolour = "red"\n[[entity]]\nid = "a"\nname = "B Body"\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 1
    assert "unknown key 'colour'" in result.output and "duplicate id" in result.output


def test_cli_check_runs_a_user_entry_example(tmp_path: Path) -> None:
    path = tmp_path / "glossary.toml"
    path.write_text(
        '[[entity]]\nid = "zz-union"\nkind = "regional-body"\nname = "Union of Sahel Test States"\n'
        'acronym = "USTS"\nfr = { acronym = "UETS" }\ncontext = ["Sahel"]\n'
        '  [[entity.example]]\n  bad = "In the Sahel the ⟦UETS⟧ met."\n  fixed = "In the Sahel the USTS met."\n'
        '  [[entity.example]]\n  bad = "In the Sahel the ⟦UETS⟧ met."\n  fixed = "In the Sahel the UETS met."\n',
        encoding="utf-8",
    )
    problems, passed = check_file(path)
    assert passed == 1
    assert len(problems) == 1 and "fix gave" in problems[0]


def test_glossary_index_from_the_disk_cache_equals_the_built_one(tmp_path, monkeypatch):
    """The index kept in the disk cache (plain data, entities by id) rebuilds every lookup of
    ``_index`` exactly, on a first run (stored) and a second one (read back)."""
    from fixer.data import DataStore
    from fixer.glossary import GLOSSARY_GLOB, Glossary, _index_key

    monkeypatch.setenv("FIXER_CACHE_DIR", str(tmp_path))
    store = DataStore()
    tables = list(store.tables(GLOSSARY_GLOB, "entity"))
    words = store.tables(GLOSSARY_GLOB, "word")
    built = Glossary.build(tables, words)
    key = _index_key(tables, words)
    assert key is not None
    for _ in range(2):  # (the first build stores the index, the second reads it back)
        again = Glossary.build(tables, words, cache_key=key)
        for field in ("by_id", "acronyms", "fr_acronyms", "accepted_keys", "names", "by_key", "name_tokens",
                      "spellings", "places", "near", "known_words", "canonical_tokens"):
            assert getattr(again, field) == getattr(built, field), field
    assert list(tmp_path.glob("glossary-index-*.bin"))


def test_a_phrase_index_comes_back_from_its_plain_data_unchanged() -> None:
    """terminology keeps its phrase indexes in the disk cache as ``to_data``; what
    ``from_data`` rebuilds must find the same phrases with the same payloads."""
    import marshal

    from fixer.data import DataStore
    from fixer.detectors.terminology import _french_names_index
    from fixer.glossary import PhraseIndex, load_glossary

    g = load_glossary(DataStore())
    built = PhraseIndex([(e.fr_name, e) for e in g.entities if e.fr_name and len(e.fr_name.split()) > 1])
    data = marshal.loads(marshal.dumps(built.to_data(lambda e: e.id)))
    back = PhraseIndex.from_data(data, g.by_id.__getitem__)
    assert back.key_words == built.key_words and back.anchors == built.anchors and back.needs == built.needs
    assert back.by_first == built.by_first and back.rare_words == built.rare_words
    text = "The Assemblée nationale and the Conseil d'État met; the Agence régionale de santé paid."
    assert list(back.finditer(text)) == list(built.finditer(text))
    assert list(_french_names_index(g).finditer(text))  # the cached index of the rule finds them too
