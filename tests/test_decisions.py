"""Remembered decisions: keyed by content and context, not offsets; read back by check and fix."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from fixer import decisions as dec
from fixer.data import DataError
from fixer.engine import Config, Fixer
from fixer.model import Safety

RULES = r"""
[[rule]]
id = "terminology.demo-colour"
kind = "pattern"
message = "British spelling."
safety = "unsafe"
pattern = '\bcolour\b'
replace = "color"
  [[rule.example]]
  bad = "the ⟦colour⟧"
  fixed = "the color"
  [[rule.example]]
  keep = "the color"
"""
SELECT = ("terminology.demo-colour", "typography.space-before-punctuation")
TEXT = (
    "First paragraph about the weather.\n\n"
    "The new colour of the flag is red.\n\n"
    "Last paragraph, nothing to see.\n"
)


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    d = tmp_path / "rules"
    d.mkdir()
    (d / "demo.toml").write_text(RULES, encoding="utf-8")
    return d


def fixer_for(rules: Path, decisions: Path | None = None) -> Fixer:
    return Fixer(Config(select=SELECT, rule_dirs=(rules,), decisions=decisions))


def reject_all(rules: Path, text: str, path: Path) -> None:
    found = fixer_for(rules).check(text)
    assert found
    dec.save(path, [dec.decide(f, text, "reject", file="a.txt") for f in found])


def test_context_is_words_on_the_same_line() -> None:
    text = "Title line\nThe new, NEW colour — of the flag is red today, OK\nnext"
    start = text.index("colour")
    before, after = dec.context(text, start, start + 6)
    assert before == ("the", "new", "new")
    assert after == ("of", "the", "flag", "is")


def test_rejected_suggestion_is_not_reported_again(tmp_path: Path, rules: Path) -> None:
    path = tmp_path / "decisions.toml"
    reject_all(rules, TEXT, path)
    assert fixer_for(rules, path).check(TEXT) == []
    assert fixer_for(rules).check(TEXT)  # without the decisions file it is still there


def test_editing_an_unrelated_paragraph_does_not_bring_it_back(tmp_path: Path, rules: Path) -> None:
    path = tmp_path / "decisions.toml"
    reject_all(rules, TEXT, path)
    edited = "A brand new first paragraph, much longer than before.\n\nInserted.\n\n" + TEXT.replace("Last", "Final")
    assert fixer_for(rules, path).check(edited) == []
    moved = edited.replace("The new colour", "Elsewhere.\n\nThe new colour")
    assert fixer_for(rules, path).check(moved) == []


def test_a_small_edit_on_one_side_still_matches_but_a_new_context_does_not(tmp_path: Path, rules: Path) -> None:
    path = tmp_path / "decisions.toml"
    reject_all(rules, TEXT, path)
    far_edit = TEXT.replace("is red", "is blue")  # fourth word after: the nearest two are unchanged
    assert fixer_for(rules, path).check(far_edit) == []
    new_context = TEXT.replace("The new colour of the flag", "A different colour in the sky")
    assert [f.rule for f in fixer_for(rules, path).check(new_context)] == ["terminology.demo-colour"]
    other_place = TEXT + "\nThe colour of money.\n"
    assert len(fixer_for(rules, path).check(other_place)) == 1


def test_fix_keeps_a_rejection_when_a_fix_next_door_changes_its_context(tmp_path: Path, rules: Path) -> None:
    (rules / "teh.toml").write_text(r"""
[[rule]]
id = "typography.demo-teh"
kind = "pattern"
message = "Typo."
pattern = '\bteh\b'
replace = "the"
  [[rule.example]]
  bad = "⟦teh⟧ end"
  fixed = "the end"
  [[rule.example]]
  keep = "the end"
""", encoding="utf-8")
    text = "He gave us teh answer :\n"
    fx = Fixer(Config(select=("typography",), rule_dirs=(rules,)))
    (space,) = [f for f in fx.check(text) if f.rule == "typography.space-before-punctuation"]
    path = tmp_path / "d.toml"
    dec.save(path, [dec.decide(space, text, "reject")])
    fx = Fixer(Config(select=("typography",), rule_dirs=(rules,), decisions=path))
    assert fx.fix(text).text == "He gave us the answer :\n"


def test_short_contexts_need_an_exact_match() -> None:
    tiny = dec.Key("r.x", "a", "b", ("the",), ("is",))
    assert dec.same_context(tiny, tiny)
    assert not dec.same_context(tiny, dec.Key("r.x", "a", "b", ("the",), ("was",)))
    a = dec.Key("r.x", "a", "b", ("x", "y", "the"), ("is",))
    assert dec.same_context(a, dec.Key("r.x", "a", "b", ("q", "y", "the"), ("is",)))  # near rule
    assert not dec.same_context(a, dec.Key("r.x", "a", "b", ("q", "z", "the"), ("is",)))


def test_accept_makes_an_unsafe_fix_safe_and_edit_uses_the_reviewers_text(tmp_path: Path, rules: Path) -> None:
    text = "One colour here.\nAnother colour there.\n"
    found = fixer_for(rules).check(text)
    assert [f.fix.safety for f in found] == [Safety.UNSAFE, Safety.UNSAFE]
    path = tmp_path / "d.toml"
    dec.save(path, [dec.decide(found[0], text, "accept"), dec.decide(found[1], text, "edit", use="hue")])
    again = fixer_for(rules, path).check(text)
    assert [f.fix.safety for f in again] == [Safety.SAFE, Safety.SAFE]
    assert fixer_for(rules, path).fix(text).text == "One color here.\nAnother hue there.\n"
    assert fixer_for(rules).fix(text).text == text  # unsafe: not applied without a decision


def test_file_round_trip_with_awkward_text(tmp_path: Path) -> None:
    key = dec.Key("x.y", 'a "quoted" \\ back\tslash\nnew line \x7f del é 😀', "", ("l'été",), ("z",))
    d = dec.Decision(key, "edit", use="\u2028 odd", file="dir/a b.txt", message="m")
    path = tmp_path / "sub" / "d.toml"
    dec.save(path, [d])
    raw = path.read_text(encoding="utf-8")
    tomllib.loads(raw)  # valid TOML
    assert raw.startswith("# Review decisions for fixer")
    (back,) = dec.load(path)
    assert back.key.text == key.text and back.use == d.use and back.key.proposed == ""
    assert back.key.before == ("l", "été")  # stored as words: an apostrophe is not part of a key
    # merging: the same key with a new verdict replaces the old one, in place
    other = dec.Decision(dec.Key("x.z", "t", None, (), ()), "reject")
    dec.save(path, [other, dec.Decision(key, "reject")])
    assert [(x.key.rule, x.verdict) for x in dec.load(path)] == [("x.y", "reject"), ("x.z", "reject")]


def test_bad_decisions_files_are_errors_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "d.toml"
    path.write_text("[[decision]]\nverdict = 'maybe'\nrule = 'a.b'\ntext = 'x'\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"d\.toml: decision 1: verdict"):
        dec.load(path)
    path.write_text("[[decision]\n", encoding="utf-8")
    with pytest.raises(DataError, match="invalid decisions file"):
        dec.load(path)
    path.write_text("[[decision]]\nverdict = 'edit'\nrule = 'a.b'\ntext = 'x'\n", encoding="utf-8")
    with pytest.raises(DataError, match="'use' must be a string"):
        dec.load(path)
    assert dec.load(tmp_path / "absent.toml") == []


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "fixer.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120)


def test_cli_reads_the_default_file_and_no_decisions_ignores_it(tmp_path: Path, rules: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    only = ["--select", ",".join(SELECT), "--rules", "rules"]
    proc = run("check", *only, "a.txt", cwd=tmp_path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    reject_all(rules, TEXT, tmp_path / ".fixer" / "decisions.toml")
    proc = run("check", *only, "a.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    proc = run("check", *only, "--no-decisions", "a.txt", cwd=tmp_path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    (tmp_path / "bad.toml").write_text("verdict = [", encoding="utf-8")
    proc = run("check", *only, "--decisions", "bad.toml", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "bad.toml" in proc.stderr and "Traceback" not in proc.stderr
