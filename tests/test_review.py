"""``fixer review``: the git-add-p style walk, driven through a pipe with scripted keys."""

from __future__ import annotations

import codecs
import subprocess
import sys
from pathlib import Path

import pytest

from fixer import decisions as dec
from fixer.engine import Config, Fixer
from fixer.review import Terminal, walk

RULES = r"""
[[rule]]
id = "terminology.demo-colour"
kind = "pattern"
message = "British spelling."
explanation = "What: colour.\nFix safety: unsafe (test rule)."
safety = "unsafe"
pattern = '\bcolour\b'
replace = "color"
  [[rule.example]]
  bad = "the ⟦colour⟧"
  fixed = "the color"
  [[rule.example]]
  keep = "the color"

[[rule]]
id = "untranslated.demo-ndlr"
kind = "pattern"
message = "French editor's note."
pattern = '\bNDLR\b'
  [[rule.example]]
  bad = "[x, ⟦NDLR⟧]"
  [[rule.example]]
  keep = "[x, Ed.]"
"""
SELECT = "terminology.demo-colour,untranslated.demo-ndlr,typography.space-before-punctuation"
TEXT = (
    "The colour is red :\n"  # colour (unsafe), ' ' before ':' (safe)
    "Another colour here [in Paris, NDLR].\n"  # colour, NDLR (warning only)
    "\n"
    "Third paragraph with a colour.\n"  # colour
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "demo.toml").write_text(RULES, encoding="utf-8")
    return tmp_path


def review(cwd: Path, keys: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fixer.cli", "review", "--rules", "rules", "--select", SELECT, *args],
        cwd=cwd, input=keys, capture_output=True, text=True, timeout=120,
    )


def check(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fixer.cli", "check", "--rules", "rules", "--select", SELECT, *args],
        cwd=cwd, capture_output=True, text=True, timeout=120,
    )


def test_scripted_review_writes_the_file_and_the_decisions(project: Path) -> None:
    (project / "a.txt").write_text(TEXT, encoding="utf-8")
    # colour#1: n (reject); ' :': y; colour#2: e + own text; NDLR: s; colour#3: end of input = quit
    proc = review(project, "n\ny\ne\nhue\ns\n", "a.txt")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "a.txt: 5 findings to review (untranslated 1, terminology 3, typography 1)" in out
    assert "(1/5) terminology.demo-colour [terminology] unsafe fix" in out
    assert "The [-colour-]{+color+} is red :" in out  # the change marked in its sentence
    assert "What: colour." in out and out.count("What: colour.") == 1  # explanation once per rule
    assert "[in Paris, ⟦NDLR⟧]" in out and "[n,e,s,q,?]" in out  # a warning cannot be accepted
    assert "accepted 2, rejected 1, skipped 1; 1 file written" in out
    assert (project / "a.txt").read_text(encoding="utf-8") == (
        "The colour is red:\nAnother hue here [in Paris, NDLR].\n\nThird paragraph with a colour.\n"
    )
    saved = dec.load(project / ".fixer" / "decisions.toml")
    assert sorted((d.verdict, d.key.rule, d.key.text, d.use) for d in saved) == [
        ("accept", "typography.space-before-punctuation", " ", None),
        ("edit", "terminology.demo-colour", "colour", "hue"),
        ("reject", "terminology.demo-colour", "colour", None),
    ]
    assert all(d.file == "a.txt" for d in saved)

    # The rejected suggestion is not reported again; the skipped and unseen ones are.
    proc = check(project, "--format", "json", "a.txt")
    assert proc.returncode == 1
    assert proc.stdout.count('"rule": "terminology.demo-colour"') == 1  # only the third paragraph
    assert proc.stdout.count('"rule": "untranslated.demo-ndlr"') == 1
    # Editing an unrelated paragraph does not bring it back.
    p = project / "a.txt"
    p.write_text("A new opening paragraph.\n\n" + p.read_text(encoding="utf-8").replace("Third", "Last"), encoding="utf-8")
    proc = check(project, "--format", "json", "a.txt")
    assert proc.stdout.count('"rule": "terminology.demo-colour"') == 1
    assert check(project, "--format", "json", "--no-decisions", "a.txt").stdout.count("demo-colour") == 2

    # A second review proposes only what is left; q quits without writing anything new.
    proc = review(project, "q\n", "a.txt")
    assert "(1/2) untranslated.demo-ndlr" in proc.stdout and "accepted 0, rejected 0" in proc.stdout


def test_accept_rest_of_rule_keeps_bom_and_crlf(project: Path) -> None:
    raw = codecs.BOM_UTF8 + TEXT.replace("\n", "\r\n").encode("utf-8")
    (project / "b.txt").write_bytes(raw)
    proc = review(project, "a\nn\nq\n", "b.txt", "--decisions", "review.toml")
    assert proc.returncode == 0, proc.stderr
    assert "accepted (" in proc.stdout  # the later colour changes were accepted by 'a'
    data = (project / "b.txt").read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    assert data.decode("utf-8-sig") == TEXT.replace("colour", "color").replace("\n", "\r\n")
    verdicts = [d.verdict for d in dec.load(project / "review.toml")]
    assert verdicts == ["accept", "accept", "accept", "reject"]
    assert not (project / ".fixer").exists()


def test_review_refuses_stdin_and_reports_missing_files(project: Path) -> None:
    proc = review(project, "", "-")
    assert proc.returncode == 2 and "stdin" in proc.stderr
    proc = review(project, "", "missing.txt")
    assert proc.returncode == 2 and "missing.txt" in proc.stderr


class Script:
    """A terminal whose answers come from a list, recording what was said."""

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.said: list[str] = []

    def terminal(self) -> Terminal:
        def ask(prompt: str) -> str | None:
            self.said.append(prompt)
            return self.answers.pop(0) if self.answers else None

        return Terminal(ask=ask, say=self.said.append)


def findings(project: Path, text: str) -> list:
    return Fixer(Config(select=tuple(SELECT.split(",")), rule_dirs=(project / "rules",))).check(text)


def test_walk_help_bad_keys_and_edit_cancel(project: Path) -> None:
    text = "One colour.\n"
    s = Script("?", "z", "e", "", "y")
    w = walk(text, findings(project, text), s.terminal())
    assert w.new_text == "One color.\n" and not w.quit
    assert sum("accept this change" in x for x in s.said) == 2  # '?' and the unknown 'z' show help


def test_overlapping_change_is_not_asked_and_rejection_is_keyed_on_the_new_text(project: Path) -> None:
    from fixer.model import Edit, Finding, Fix

    text = "The colour colour of it.\n"
    found = findings(project, text)
    wide = Finding("terminology.demo-wide", "terminology", 4, 17, "wide", fix=Fix((Edit(4, 17, "tint"),)))
    s = Script("y", "n")
    w = walk(text, [*found, wide], s.terminal())
    assert w.overlapping == 2  # both colours overlap 'wide', accepted first: not asked
    assert sum("Apply this change" in x for x in s.said) == 1
    assert w.new_text == "The tint of it.\n"
    s = Script("y", "n")
    w = walk(text, found, s.terminal())
    assert w.new_text == "The color colour of it.\n"
    (rej,) = [d for d in w.decisions if d.verdict == "reject"]
    assert rej.key.before == ("the", "color")  # context taken from the text as written
    assert (rej.key.text, rej.key.proposed, rej.key.after) == ("colour", "color", ("of", "it"))
    index = dec.Index(w.decisions)
    assert dec.apply_index(findings(project, w.new_text), w.new_text, index) == []


def test_rejecting_a_change_rejects_the_same_change_from_another_rule(project: Path) -> None:
    from fixer.model import Edit, Finding, Fix, Safety

    text = "One colour.\n"
    (colour,) = findings(project, text)
    twin = Finding("terminology.demo-twin", "terminology", 4, 10, "twin",
                   fix=Fix((Edit(4, 10, "color"),), Safety.UNSAFE))
    s = Script("n")
    w = walk(text, [colour, twin], s.terminal())
    assert sum("Apply this change" in x for x in s.said) == 1
    assert sorted(d.key.rule for d in w.decisions if d.verdict == "reject") == [
        "terminology.demo-colour", "terminology.demo-twin"]
    assert w.new_text == text
