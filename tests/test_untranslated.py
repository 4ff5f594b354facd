"""Untranslated French: the phrase table's own examples, the seed article, the dev corpus's
clean articles, the translator command and the scorer's decisions on names and loanwords."""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fixer import frenchphrases as fp
from fixer import translator
from fixer.data import DataError, bundled_dir
from fixer.engine import Config, Fixer, run_rule
from fixer.examples import check_example
from fixer.model import Example, Finding, Safety

FIXER = Fixer(Config(select=("untranslated",)))
SPAN = "untranslated.french-span"
PHRASES = tomllib.loads((bundled_dir() / "phrases" / "fr-en.toml").read_text(encoding="utf-8"))["phrase"]


def spans(text: str, fixer: Fixer = FIXER) -> list[str]:
    """What the selected rules find, weak findings included (a full check keeps those only
    beside other damage: tests/test_corroboration.py)."""
    doc = fixer.document(text)
    found = sorted((f for c in fixer.compiled for f in run_rule(c, doc)), key=Finding.sort_key)
    return [text[f.start : f.end] for f in found]


@pytest.mark.parametrize("entry", PHRASES, ids=[e["fr"] for e in PHRASES])
def test_phrase_entry_example(entry: dict) -> None:
    assert "example" in entry and "fixed" in entry, "every phrase entry carries an example"
    rule = next(r for r in FIXER.rules if r.id == SPAN)
    ok, detail = check_example(FIXER.runner(SPAN), rule, Example(bad=entry["example"], fixed=entry["fixed"]))
    assert ok, f"{entry['fr']}: {detail}"


def test_elided_phrases_match_with_and_without_apostrophe() -> None:
    table = fp.build_table(FIXER.store)
    for text in ("l'attaque de", "l’attaque de", "lattaque de", "à l'occasion de", "à loccasion de", "to loccasion of"):
        words = fp.words_in(text, 0, len(text))
        got = table.match_at(words, text, 0)
        assert got is not None and got[1] == len(words), text


def test_repairs_are_unsafe_unless_one_safe_entry_covers_the_span() -> None:
    text = "said the president, to loccasion of the anniversary, and [au Mali] too."
    found = {text[f.start : f.end]: f for f in FIXER.check(text)}
    assert found["to loccasion of"].fix.safety is Safety.SAFE
    assert found["au Mali"].fix.safety is Safety.UNSAFE


def test_span_without_translation_is_reported_with_what_it_is() -> None:
    text = "The confusion in the guidelines of déconfinement and distancing."
    found = FIXER.runner(SPAN)(FIXER.document(text))  # the rule alone: a lone word is weak in a full check
    assert len(found) == 1 and found[0].fix is None
    assert "French word" in found[0].message and "déconfinement" in found[0].message


def test_a_french_article_is_not_an_english_article_with_french_left() -> None:
    text = "\n\n".join([
        "Le gouvernement a annoncé lundi une nouvelle série de mesures pour les agriculteurs.",
        "Selon le ministre, les aides seront versées avant la fin du mois de mars.",
        "Les syndicats ont jugé ces annonces insuffisantes et appellent à manifester.",
        "La situation reste tendue dans plusieurs départements du sud-ouest du pays.",
    ])
    assert FIXER.check(text) == []


def test_names_and_borrowings_are_not_french_runs() -> None:
    for keep in (
        "Sébastien Lecornu, the armed forces minister, visited Niamey on Tuesday.",
        "Forces armées maliennes (FAMa) claimed to have killed 30 militants.",
        "The Conseil national pour la sauvegarde de la patrie (CNSP) took power in Niamey.",
        "The chanteuse Édith Piaf sang \"Non, je ne regrette rien\" in 1960.",
        "He ordered a café au lait and made a faux pas at the Alliance des États du Sahel summit.",
        "Smith et al. found the same in 2020, en route to Dakar.",
    ):
        assert spans(keep) == [], keep


def test_half_translated_name_is_flagged() -> None:
    text = "the creation of the Alliance of States du Sahel (AES) last year"
    (f,) = FIXER.check(text)
    assert text[f.start : f.end] == "States du Sahel"
    assert f.fix is not None and f.fix.edits[0].replacement == "Sahel States"


# ---- the translator command -------------------------------------------------------------
UPPER = f'{sys.executable} -c "import sys; print(sys.stdin.read().upper())"'


def test_translator_output_is_an_unsafe_fix() -> None:
    translator.clear_cache()
    fx = Fixer(Config(select=(SPAN,), translator=UPPER))
    text = "The army said the convoy was ambushed dans la région de Mopti on Friday."
    (f,) = fx.check(text)
    assert text[f.start : f.end] == "dans la région de Mopti"
    assert f.fix is not None and f.fix.safety is Safety.UNSAFE
    assert f.fix.edits[0].replacement == "DANS LA RÉGION DE MOPTI"


def test_translator_translates_a_french_sentence_line() -> None:
    translator.clear_cache()
    fx = Fixer(Config(select=("untranslated.french-line",), translator=UPPER))
    text = "The minister resigned.\nLe ministre a démissionné lundi après une semaine de polémique.\nHe will be replaced.\n"
    (f,) = fx.check(text)
    assert f.fix is not None and f.fix.safety is Safety.UNSAFE
    assert f.fix.edits[0].replacement == "LE MINISTRE A DÉMISSIONNÉ LUNDI APRÈS UNE SEMAINE DE POLÉMIQUE."


def test_translator_is_called_once_per_span() -> None:
    translator.clear_cache()
    calls = []
    real = translator._call

    def spy(span: str, command: str, timeout: float) -> translator.Outcome:
        calls.append(span)
        return real(span, command, timeout)

    translator._call = spy
    try:
        for _ in range(3):
            assert translator.translate("dans la région", UPPER) == "DANS LA RÉGION"
    finally:
        translator._call = real
    assert calls == ["dans la région"]


@pytest.mark.parametrize(
    ("command", "error"),
    [
        ("no-such-translator-xyz", "not found"),
        (f'{sys.executable} -c "import sys; sys.exit(3)"', "status 3"),
        (f'{sys.executable} -c "import time; time.sleep(5)"', "timed out"),
        ('"unclosed', "cannot be parsed"),
    ],
)
def test_translator_errors_are_reported_not_raised(command: str, error: str) -> None:
    translator.clear_cache()
    out = translator.run("dans la région", command, timeout=0.5)
    assert out.text is None and error in out.error


def test_translator_error_lands_in_the_message() -> None:
    translator.clear_cache()
    fx = Fixer(Config(select=(SPAN,), translator="no-such-translator-xyz"))
    (f,) = fx.check("The convoy was ambushed dans la région de Mopti on Friday.")
    assert f.fix is None and "not found" in f.message


# ---- the shared seed and dev corpus -------------------------------------------------------
SEED_SPANS = [
    "States du Sahel",
    "to loccasion of",
    "située au Sahel entre le Mali, le Burkina Faso et le Niger, NDLR",
    "D’après l’ONG",
    "lattaque de Barsaloghoin",
    "au Mali",
    "dans le nord du Mali",
]
LEAVE_ALONE = ["coup d’état", "Faladié", "Goïta", "Traoré", "Mouhoun", "Niamey", "Ouagadougou", "Tin Zaouatine",
               "Al-Qaeda", "GSIM"]


def test_seed_spans_found_with_exact_boundaries(shared_dir: Path) -> None:
    text = (shared_dir / "seed" / "aes-one-year-later.txt").read_text(encoding="utf-8")
    found = FIXER.check(text)
    assert [text[f.start : f.end] for f in found if f.rule == SPAN] == SEED_SPANS
    assert [f.rule for f in found if f.rule != SPAN] == []
    for word in LEAVE_ALONE:
        i = text.find(word)
        while i >= 0:
            assert not any(f.start < i + len(word) and i < f.end for f in found), word
            i = text.find(word, i + 1)


def test_seed_repairs(shared_dir: Path) -> None:
    text = (shared_dir / "seed" / "aes-one-year-later.txt").read_text(encoding="utf-8")
    got = {text[f.start : f.end]: f.fix.edits[0].replacement for f in FIXER.check(text) if f.fix}
    assert got["située au Sahel entre le Mali, le Burkina Faso et le Niger, NDLR"] == (
        "located in the Sahel between Mali, Burkina Faso and Niger – Ed.")
    assert got["D’après l’ONG"] == "According to the NGO"
    assert got["dans le nord du Mali"] == "in northern Mali"
    assert got["to loccasion of"] == "on the occasion of"


def test_no_finding_on_clean_dev_articles(shared_dir: Path) -> None:
    for n in range(21, 29):
        path = shared_dir / "corpus" / "dev" / f"dev-{n}.txt"
        assert spans(path.read_text(encoding="utf-8")) == [], path.name


def test_dev_untranslated_gold_spans_found(shared_dir: Path) -> None:
    missed = []
    total = 0
    for gold_path in sorted((shared_dir / "corpus" / "dev").glob("dev-*.gold.json")):
        text = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        found = FIXER.check(text)
        for a in json.loads(gold_path.read_text(encoding="utf-8"))["artifacts"]:
            if a["category"] != "untranslated":
                continue
            total += 1
            i = -1
            for _ in range(a.get("nth", 1)):
                i = text.find(a["find"], i + 1)
            if not any(f.start < i + len(a["find"]) and i < f.end for f in found):
                missed.append(a["find"])
    assert total and len(missed) / total <= 0.1, missed


# ---- properties ----------------------------------------------------------------------------

PIECES = ["au Mali", "dans le nord du", "l’attaque de", "lattaque", "the", "of", "Niger", "NDLR", "[", "]",
          ", ", ". ", "\n", "« ", " »", "coup d’état", "Madame", "Borne", "Selon", "le", "de", "États", "x",
          "to loccasion of", "(", ")", "FDS", "é", "’", "  "]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join))
def test_any_text_gives_spans_inside_it_and_fixes_that_settle(text: str) -> None:
    found = FIXER.check(text)
    for f in found:
        assert 0 <= f.start < f.end <= len(text)
        assert f.fix is None or f.fix.safety in (Safety.SAFE, Safety.UNSAFE)
    once = FIXER.fix(text, unsafe=True).text
    assert FIXER.fix(once, unsafe=True).text == once


def test_fixing_the_seed_twice_changes_nothing_more(shared_dir: Path) -> None:
    text = (shared_dir / "seed" / "aes-one-year-later.txt").read_text(encoding="utf-8")
    once = FIXER.fix(text, unsafe=True).text
    assert once != text and FIXER.fix(once, unsafe=True).text == once
    assert "[in northern Mali]" in once and "According to the NGO Acled" in once


def test_a_user_phrase_file_extends_the_table_and_a_broken_one_is_named(tmp_path: Path) -> None:
    (tmp_path / "phrases").mkdir()
    good = tmp_path / "phrases" / "mine.toml"
    good.write_text('[[phrase]]\nfr = "à la manière de"\nen = "in the manner of"\n', encoding="utf-8")
    fx = Fixer(Config(select=(SPAN,), rule_dirs=(tmp_path,)))
    (f,) = fx.check("He painted [à la manière de Monet] all his life.")
    assert f.fix is not None and f.fix.edits[0].replacement == "in the manner of Monet"
    good.write_text('[[phrase]]\nfr = "au {name}"\n', encoding="utf-8")
    with pytest.raises(DataError, match=r"mine\.toml: \[\[phrase\]\] #1"):
        Fixer(Config(select=(SPAN,), rule_dirs=(tmp_path,))).check("x [au Mali] y")


@pytest.mark.parametrize("text", [
    "The minister spoke of la guerre contre le terrorisme — the army has lost many men.\n",
    "The minister spoke of la guerre contre le terrorisme — and the army lost men.\n",
    "The rate of unemployment chez les jeunes has risen to 20% in the region.\n",
])
def test_dash_gloss_and_chez_do_not_hide_untranslated_french(text: str) -> None:
    """A dash clause that only ends the sentence is no gloss (the gloss must close a quotation
    or a dashed aside), and ``chez`` as a name connector still marks French before French."""
    assert spans("Title\n\n" + text)


def test_a_name_slot_stops_before_a_word_that_opens_a_phrase() -> None:
    """Found by hypothesis: ``au {name}`` took ``Mali Madame Madame …`` as one name, so each
    later pass translated one more ``Madame``; the name now ends before a phrase opener."""
    text = "au Mali Madame Madame Madame Madame Madame"
    once = FIXER.fix(text, unsafe=True)
    assert once.converged
    assert FIXER.fix(once.text, unsafe=True).text == once.text
    assert FIXER.fix("au Mali Madame Borne a parlé", unsafe=True).text.lower().startswith("in mali ms borne")
    # only titles stop a name: in a line of capitals `À LA SANTÉ` stays inside the French span
    line = "He said so.\n\nON N’A RIEN À PERDRE AVEC CHRISTIAN DUBÉ À LA SANTÉ\n\nMore text here."
    assert any(line[f.start : f.end].endswith("DUBÉ À LA SANTÉ") for f in FIXER.check(line))


def test_entries_searched_alone_open_with_no_common_word():
    """An entry flagged wherever it appears (``alone``) is looked for by one of its words (its
    longest): one that every article holds (`la`, `the`, `de`) would send every line to phrase
    matching, which doubled french-span's cost once (`la Toussaint`). `le kilo` is looked for by
    `kilo`."""
    from fixer.data import DataStore
    from fixer.frenchphrases import build_table
    from fixer.lexicon import zipf_en

    table = build_table(DataStore())
    # (the small words English text holds everywhere: `la`, `le`, `the`, `de`, `des` score 4 or
    # more; `à`, which only francophone names hold, opens `à huis clos`; a word such as
    # `millions` is searched only on the lines holding it, which are few)
    assert "kilo" in table.alone_keys and "le" not in table.alone_keys
    common = [k for k in table.alone_keys if zipf_en(k) >= 5.0 or (len(k) <= 3 and zipf_en(k) >= 4.0)]
    assert not common, f"alone phrase entries open with words every English text holds: {common}"


@pytest.mark.parametrize("text", [
    "Deputies examine the projet de loi de finances, the annual budget bill, this week.",
    "Deputies examine the projet de loi de finances, an annual budget bill, this week.",
])
def test_french_glossed_by_an_appositive_stays(text: str) -> None:
    assert [f for f in FIXER.check(text) if f.rule == "untranslated.french-span"] == []


def test_a_dashed_aside_may_explain_a_french_term_at_more_length() -> None:
    """An aside closed by a second dash takes up to ten words of English; an open dash clause
    still takes six at most, and an aside of French explains nothing."""
    glossed = "The judges confirmed the non-lieu — a ruling that there is no case to answer — issued in 2023."
    assert [f for f in FIXER.check(glossed) if f.rule == "untranslated.french-span"] == []
    bare = "The judges confirmed the non-lieu issued in 2023 by two magistrates."
    assert spans(bare) == ["non-lieu"]
    french = "The judges confirmed the non-lieu — une décision que la famille conteste — issued in 2023."
    assert "non-lieu" in spans(french)


@pytest.mark.parametrize("text, flagged", [
    ("Étoile du Sahel: who will tell the truth?\n\nThe [dans le nord du Mali] club lost.", ["dans le nord du Mali"]),
    ("Stade du Moustoir. Spectators: 18 110. D'après l'ONG Acled, it was calm.", ["D'après l'ONG"]),
    ("The Economic Community of States du Sahel met on Monday.", ["States du Sahel"]),
    ("The Bourse de Paris closed down 1.2% on Friday.", ["Bourse de Paris"]),
])
def test_a_french_name_in_title_case_is_kept_unless_the_table_translates_it(text: str, flagged: list[str]) -> None:
    """Capitalised words joined by French small words, the first a French word, are a name
    English keeps; English opening the run (`States du Sahel`) or a table entry still flags it."""
    assert spans(text) == flagged


def test_an_appositive_clause_with_a_verb_is_no_gloss() -> None:
    text = "Deputies examine the projet de loi de finances, the minister said, this week."
    assert [f.rule for f in FIXER.check(text)] == ["untranslated.french-span"]


def test_the_wider_band_of_lone_french_words_beside_other_damage() -> None:
    from fixer.engine import Config, Fixer

    fixer = Fixer(Config())
    damage = " Later, lattaque of the minister was denounced."
    text = "The budget was adopted by the conseil of the district on Monday evening." + damage
    assert ("untranslated.french-word", "conseil") in [(f.rule, text[f.start:f.end]) for f in fixer.check(text)]
    kept = "Pupils of the lycée took the métro to the fête." + damage
    assert [f.rule for f in fixer.check(kept) if f.rule == "untranslated.french-word"] == []


@pytest.mark.parametrize("text", [
    "This is the world of the orpailleurs, Senegal's artisanal gold miners, and it is growing.\n\nThe end.",
    "The Consortium sénégalais d’activités maritimes (COSAMA), the state company, said repairs ended.",
])
def test_french_explained_or_inside_a_named_body_is_left_alone(text: str) -> None:
    """A French word the writer glosses with a possessive appositive, and a table word inside a
    French name that its acronym closes, are kept on purpose."""
    assert [f for f in FIXER.check(text) if f.category == "untranslated"] == []
