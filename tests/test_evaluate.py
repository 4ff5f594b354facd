"""The evaluation harness scores what the annotation guide says, with a stub fixer whose findings
we control, so these tests do not depend on which rules exist today."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from fixer.evaluate import (
    discover,
    evaluate_article,
    floor_failures,
    load_article,
    main,
    map_pos,
    normalize,
    nth_occurrence,
    summarize,
)
from fixer.model import Edit, Finding, Fix, Safety

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

TEXT = "Title\n\nTitle\n\nWe met theAlliance in Côte d’Ivoire today.\n\nLeave a Reply\n"


class StubFixer:
    """Stands in for ``Fixer``: ``check`` returns whatever ``rules`` find in the text."""

    def __init__(self, *rules: Callable[[str], list[Finding]]) -> None:
        self.rules = rules

    def check(self, text: str, path: str = "") -> list[Finding]:
        return sorted((f for r in self.rules for f in r(text)), key=Finding.sort_key)


def find_all(rule: str, category: str, needle: str, replacement: str | None, safety: str = "safe"
             ) -> Callable[[str], list[Finding]]:
    def run(text: str) -> list[Finding]:
        out = []
        i = text.find(needle)
        while i != -1:
            fix = Fix.replace(i, i + len(needle), replacement, Safety(safety)) if replacement is not None else None
            out.append(Finding(rule, category, i, i + len(needle), "m", fix=fix))
            i = text.find(needle, i + 1)
        return out

    return run


def delete_line(rule: str, line_text: str, nth: int = 1) -> Callable[[str], list[Finding]]:
    """Delete the nth line equal to ``line_text`` with its line break (as ``Document.line_deletion``)."""

    def run(text: str) -> list[Finding]:
        pos, count = 0, 0
        for line in text.splitlines(keepends=True):
            if line.rstrip("\n") == line_text:
                count += 1
                if count == nth:
                    end = pos + len(line)
                    return [Finding(rule, "boilerplate", pos, pos + len(line_text), "m",
                                    fix=Fix.replace(pos, end, ""))]
            pos += len(line)
        return []

    return run


def write_article(tmp_path: Path, text: str, artifacts: list[dict], keep: list[str] | None = None,
                  name: str = "a") -> Path:
    txt = tmp_path / f"{name}.txt"
    txt.write_text(text, encoding="utf-8")
    (tmp_path / f"{name}.gold.json").write_text(
        json.dumps({"artifacts": artifacts, "keep": keep or []}, ensure_ascii=False), encoding="utf-8")
    return txt


GOLD = [
    {"category": "boilerplate", "find": "Title", "nth": 2, "repair": [""], "safety": "safe", "scope": "core"},
    {"category": "merged-word", "find": "theAlliance", "repair": ["the Alliance"], "safety": "safe", "scope": "core"},
    {"category": "boilerplate", "find": "Leave a Reply", "repair": [""], "safety": "safe", "scope": "core"},
    {"category": "mistranslation", "find": "today", "repair": [], "safety": "flag", "scope": "stretch"},
]


def run(tmp_path: Path, *rules: Callable[[str], list[Finding]], text: str = TEXT, gold: list[dict] = GOLD,
        keep: list[str] | None = None) -> dict:
    art = load_article(write_article(tmp_path, text, gold, ["Côte d’Ivoire"] if keep is None else keep))
    assert not art.problems
    return summarize([evaluate_article(art, StubFixer(*rules))])


def test_nth_occurrence_counts_from_one() -> None:
    assert nth_occurrence("a Title b Title", "Title", 1) == 2
    assert nth_occurrence("a Title b Title", "Title", 2) == 10
    assert nth_occurrence("a Title b Title", "Title", 3) == -1


def test_gold_that_cannot_be_located_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    art = load_article(write_article(tmp_path, "abc", [{"category": "typography", "find": "zzz"}], ["nope"]))
    assert art.gold == [] and len(art.problems) == 2
    assert not art.clean


def test_recall_counts_category_or_alt_and_reports_scopes_apart(tmp_path: Path) -> None:
    s = run(tmp_path, find_all("merged-word.case-join", "merged-word", "theAlliance", "the Alliance"),
            find_all("x.today", "untranslated", "today", None))
    core = s["recall"]["core"]
    assert core["by_category"]["merged-word"] == {"found": 1, "total": 1, "recall": 1.0}
    assert core["by_category"]["boilerplate"]["found"] == 0
    assert core["found"] == 1 and core["total"] == 3
    assert s["recall"]["stretch"]["found"] == 0  # 'today' flagged with the wrong category
    assert s["precision"]["miscategorised"] == 1
    assert s["precision"]["false"] == 0 and s["precision"]["precision"] == 1.0


def test_finding_outside_every_gold_span_is_false_and_on_keep_is_reported(tmp_path: Path) -> None:
    s = run(tmp_path, find_all("untranslated.french", "untranslated", "Côte d’Ivoire", None))
    assert s["precision"]["false"] == 1 and s["precision"]["precision"] == 0.0
    assert s["precision"]["keep_hits"] == 1
    assert s["rules"]["untranslated.french"]["false"] == 1


def test_clean_article_counts_every_finding_as_false(tmp_path: Path) -> None:
    text = "A clean article about Montréal.\n"
    art = load_article(write_article(tmp_path, text, [], ["Montréal"]))
    s = summarize([evaluate_article(art, StubFixer(find_all("x.y", "untranslated", "Montréal", None)))])
    assert s["clean"] == {"articles": 1, "false_findings": 1, "per_article": 1.0}
    assert s["rules"]["x.y"]["false_clean"] == 1


def test_safe_fix_matching_a_repair_is_right(tmp_path: Path) -> None:
    s = run(tmp_path, find_all("merged-word.case-join", "merged-word", "theAlliance", "the Alliance"))
    assert s["safe_fixes"] == {"applied": 1, "errors": 0, "by_reason": {}}


def test_line_deletion_with_its_break_matches_an_empty_repair(tmp_path: Path) -> None:
    s = run(tmp_path, delete_line("boilerplate.repeated-title", "Title", nth=2),
            delete_line("boilerplate.comment-prompt", "Leave a Reply"))
    assert s["safe_fixes"]["applied"] == 2 and s["safe_fixes"]["errors"] == 0
    assert s["recall"]["core"]["by_category"]["boilerplate"]["recall"] == 1.0


def test_wrong_repair_outside_gold_keep_and_no_repair_are_errors(tmp_path: Path) -> None:
    s = run(tmp_path,
            find_all("a.wrong", "merged-word", "theAlliance", "theAlliance!"),
            find_all("b.outside", "typography", "met", "meet"),
            find_all("c.keep", "typography", "d’Ivoire", "d'Ivoire"),
            find_all("d.norepair", "mistranslation", "today", "now"))
    assert s["safe_fixes"]["by_reason"] == {"no-repair": 1, "outside-gold": 2, "wrong": 1}
    assert s["rules"]["a.wrong"]["safe_fix_errors"] == 1
    assert s["safe_fixes"]["errors"] == 4


def test_a_missing_space_is_a_difference_even_though_breaks_are_loose(tmp_path: Path) -> None:
    s = run(tmp_path, find_all("a.half", "merged-word", "theAlliance", "theAlliance "))
    assert s["safe_fixes"]["errors"] == 1
    assert normalize("a\n\n\nb  \n") == "a\nb"
    assert normalize("a  b") == "a  b"


def test_a_touching_keep_string_inside_the_gold_span_it_repairs_is_fine(tmp_path: Path) -> None:
    text = "Intro.\n\nPhoto of Goïta © Reuters\n\nBody.\n"
    gold = [{"category": "boilerplate", "find": "Photo of Goïta © Reuters", "repair": [""], "safety": "review"}]
    s = run(tmp_path, delete_line("boilerplate.caption", "Photo of Goïta © Reuters"), text=text, gold=gold,
            keep=["Goïta"])
    assert s["safe_fixes"]["errors"] == 0 and s["precision"]["keep_hits"] == 0


def test_fixes_on_one_span_are_judged_together(tmp_path: Path) -> None:
    text = "He called it « a failure » on Monday.\n"
    gold = [{"category": "typography", "find": "« a failure »", "repair": ["“a failure”"], "safety": "review"}]
    s = run(tmp_path, find_all("t.open", "typography", "« ", "“"), find_all("t.close", "typography", " »", "”"),
            text=text, gold=gold, keep=[])
    assert s["safe_fixes"] == {"applied": 2, "errors": 0, "by_reason": {}}


def test_half_repair_is_reported_as_partial(tmp_path: Path) -> None:
    text = "He said « NEVER ? » loudly.\n"
    gold = [{"category": "typography", "find": "« NEVER ? »", "repair": ["“NEVER?”"], "safety": "review"}]
    s = run(tmp_path, find_all("t.space", "typography", " ?", "?"), text=text, gold=gold, keep=[])
    assert s["safe_fixes"]["by_reason"] == {"partial": 1}


def test_second_pass_fix_is_judged_against_shifted_gold(tmp_path: Path) -> None:
    # pass 1 deletes the repeated title line; only then does the second rule fire (it needs no
    # 'Title' twice), so its fix lands in pass 2 on shifted offsets and must still match gold.
    def late(text: str) -> list[Finding]:
        if text.count("Title") > 1:
            return []
        return find_all("late.join", "merged-word", "theAlliance", "the Alliance")(text)

    s = run(tmp_path, delete_line("boilerplate.repeated-title", "Title", nth=2), late)
    assert s["safe_fixes"] == {"applied": 2, "errors": 0, "by_reason": {}}
    assert s["recall"]["core"]["by_category"]["merged-word"]["found"] == 0  # found only after a fix


def test_map_pos_follows_edits() -> None:
    edits = [Edit(2, 4, ""), Edit(6, 6, "xx")]
    assert map_pos(1, edits, left=True) == 1
    assert map_pos(5, edits, left=True) == 3
    assert map_pos(8, edits, left=True) == 8
    assert map_pos(3, edits, left=True) == 2


def test_unsafe_proposals_are_counted_not_applied(tmp_path: Path) -> None:
    s = run(tmp_path, find_all("u.x", "merged-word", "theAlliance", "the Alliance", safety="unsafe"))
    assert s["safe_fixes"]["applied"] == 0
    assert s["unsafe_fixes"] == {"proposed": 1, "matching_a_repair": 1}


def test_discover_accepts_folders_txt_and_gold_paths(tmp_path: Path) -> None:
    txt = write_article(tmp_path, TEXT, GOLD)
    (tmp_path / "lonely.txt").write_text("no gold", encoding="utf-8")
    assert discover([tmp_path]) == [txt]
    assert discover([txt, tmp_path / "a.gold.json"]) == [txt]


def test_main_prints_json_and_rejects_empty_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path)]) == 2
    write_article(tmp_path, TEXT, GOLD)
    assert main([str(tmp_path), "--json", "--select", "typography"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["articles"] == 1 and out["gold_spans"] == 4
    assert set(out["recall"]) == {"core", "stretch", "all"}


def test_our_samples_are_well_formed() -> None:
    """Every sample's gold locates, samples are short news (150-400 words) and two are clean."""
    files = discover([SAMPLES])
    assert len(files) >= 7
    clean = 0
    for txt in files:
        art = load_article(txt)
        assert not art.problems, art.problems
        clean += art.clean
        if txt.stem != "aes-one-year-later":
            assert 150 <= len(art.text.split()) <= 400, txt.name
    assert clean >= 2


def test_floor_failures_name_what_regressed(tmp_path: Path) -> None:
    s = run(tmp_path, find_all("merged-word.case-join", "merged-word", "theAlliance", "the Alliance"),
            find_all("b.outside", "typography", "met", "meet"))
    # core recall 1/3, precision 1/2, one wrong safe fix
    assert floor_failures(s, {"recall_core": 0.3, "precision": 0.5, "max_safe_fix_errors": 1}) == []
    got = floor_failures(s, {"recall_core": 0.4, "precision": 0.6, "max_safe_fix_errors": 0,
                             "recall_core_by_category": {"boilerplate": 0.5, "merged-word": 1.0}})
    assert [g.split()[0] for g in got] == ["recall_core", "precision", "core", "wrong"]
    assert "boilerplate" in got[2]


def test_compare_shows_the_change_from_an_earlier_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    txt = write_article(tmp_path, TEXT, GOLD)
    old_summary = summarize([evaluate_article(load_article(txt), StubFixer())])
    old_summary["recall"]["core"]["recall"] = 0.5
    old = tmp_path / "old.json"
    old.write_text(json.dumps(old_summary), encoding="utf-8")
    assert main([str(txt), "--select", "typography", "--compare", str(old)]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("recall core "))
    before, now, change = line.split()[-3:]
    assert before == "0.5" and float(change) == pytest.approx(float(now) - 0.5)
    assert main([str(txt), "--compare", str(tmp_path / "missing.json")]) == 2
