"""The bad-input battery: every kind of broken input a scraped corpus holds.

Each case must give one clear stderr line naming the file, let the rest of the batch go on,
exit as contract.md says (2 when any input or rule file was bad), never print a traceback,
and never damage a file. The CLI runs in-process (``--jobs 1``) so the battery stays fast.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fixer import textio
from fixer.cli import app

ONLY = ["--select", "typography.space-before-punctuation", "--jobs", "1"]
DAMAGED = "They focus on :\n- staff\n"
FIXED = "They focus on:\n- staff\n"


def cli(*args: str, stdin: bytes | None = None):
    result = CliRunner().invoke(app, list(args), input=stdin)
    # typer.Exit is a SystemExit; anything else escaped the guard and would be a traceback
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stderr
    return result


def problem_lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.startswith("fixer: ")]


def no_temp_files(root: Path) -> bool:
    return not [p for p in root.rglob("*") if p.name.endswith(".fixer-tmp")]


@pytest.fixture
def battery(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of bad inputs plus one ordinary damaged article."""
    monkeypatch.chdir(tmp_path)
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(DAMAGED, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_bytes(b" \n\t\r\n  ")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (d / "nul.txt").write_bytes(b"Hello :\x00 world\n")
    (d / "latin.txt").write_bytes(b"Caf\xe9 cr\xe8me.\nSo :\n")
    (d / "utf16.txt").write_bytes("\ufeffThey focus on :\r\nOk\r\n".encode("utf-16-le").replace(b"\xff\xfe\xff\xfe", b"\xff\xfe"))
    (d / "crlf.txt").write_bytes(b"One :\r\nTwo ?\r\nThree")
    (d / "mixed.txt").write_bytes(b"One :\nTwo ?\r\nThree !\rFour.\n")
    records = [
        json.dumps({"id": 1, "text": "Really ?"}),
        '{"id": 2, "text": "broken',
        json.dumps({"id": 3, "body": "no text field"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": 5, "text": "Fine."}),
    ]
    (d / "feed.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    return d


def test_battery_check_reports_each_bad_file_and_goes_on(battery: Path) -> None:
    res = cli("check", *ONLY, "in")
    assert res.exit_code == 2
    problems = problem_lines(res.stderr)
    joined = "\n".join(problems)
    assert "in/binary.txt: binary file" in joined
    assert "in/nul.txt: binary file" in joined
    assert "in/latin.txt: invalid UTF-8 at byte 3" in joined and "--encoding" in joined
    assert "in/feed.jsonl:2: invalid JSON" in joined
    assert "in/feed.jsonl:3: no string field 'text'" in joined
    assert "in/feed.jsonl:4: not a JSON object" in joined
    assert len(problems) == 6  # empty, blank, UTF-16, CRLF and mixed files are fine
    # the good files were still checked
    for where in ("in/good.txt:1:14", "in/utf16.txt:1:14", "in/crlf.txt:1:4", "in/mixed.txt:2:4", "in/feed.jsonl[0]:1:7"):
        assert where in res.stdout, where
    summary = res.stderr.strip().splitlines()[-1]
    assert summary.startswith("check: 8 files, 9 articles") and "6 errors" in summary


def test_battery_json_output_stays_valid_with_errors(battery: Path) -> None:
    res = cli("check", *ONLY, "--format", "json", "in")
    doc = json.loads(res.stdout)
    assert res.exit_code == 2
    assert len(doc["errors"]) == 6
    paths = {f["path"] for f in doc["files"]}
    assert "in/binary.txt" not in paths and "in/good.txt" in paths


def test_battery_fix_repairs_the_good_and_damages_nothing(battery: Path) -> None:
    before = {p.name: p.read_bytes() for p in battery.iterdir()}
    res = cli("fix", *ONLY, "in")
    assert res.exit_code == 2
    after = {p.name: p.read_bytes() for p in battery.iterdir()}
    for name in ("empty.txt", "blank.txt", "binary.txt", "nul.txt"):
        assert after[name] == before[name], name
    assert after["good.txt"] == FIXED.encode()
    # undecodable byte written back as it was; the rest fixed
    assert after["latin.txt"] == b"Caf\xe9 cr\xe8me.\nSo:\n"
    # UTF-16 stays UTF-16 with its BOM and CRLF
    assert after["utf16.txt"] == "\ufeffThey focus on:\r\nOk\r\n".encode("utf-16-le")
    # each line keeps its own ending, the missing final newline stays missing
    assert after["crlf.txt"] == b"One:\r\nTwo?\r\nThree"
    assert after["mixed.txt"] == b"One:\nTwo?\r\nThree!\rFour.\n"
    # broken records are kept byte for byte, the good one is fixed
    old_lines = before["feed.jsonl"].split(b"\n")
    new_lines = after["feed.jsonl"].split(b"\n")
    assert json.loads(new_lines[0]) == {"id": 1, "text": "Really?"}
    assert new_lines[1:] == old_lines[1:]
    assert no_temp_files(battery)
    # a second run finds nothing more to do in the good files
    again = cli("fix", *ONLY, "in/good.txt", "in/crlf.txt", "in/feed.jsonl")
    assert "0 fixes applied" in again.stderr


def test_encoding_option_and_unknown_encoding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_bytes(b"Caf\xe9 :\n")
    res = cli("check", *ONLY, "--encoding", "latin-1", "a.txt")
    assert res.exit_code == 1 and not problem_lines(res.stderr)
    assert cli("fix", *ONLY, "--encoding", "latin-1", "a.txt").exit_code == 0
    assert Path("a.txt").read_bytes() == b"Caf\xe9:\n"
    bad = cli("check", *ONLY, "--encoding", "no-such-codec", "a.txt")
    assert bad.exit_code == 2 and problem_lines(bad.stderr) == ["fixer: a.txt: unknown encoding 'no-such-codec'"]
    wrong = cli("check", *ONLY, "--encoding", "ascii", "a.txt")
    assert wrong.exit_code == 2 and "a.txt: cannot decode as ascii at byte 3" in wrong.stderr


def test_undecodable_bytes_round_trip() -> None:
    import random

    rng = random.Random(7)
    for _ in range(200):
        data = bytes(rng.randrange(1, 256) for _ in range(rng.randrange(0, 60)))
        decoded = textio.decode(data, "x")
        assert decoded.encode(decoded.text) == data


def test_undecodable_bytes_in_json_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_bytes(b"\xffNot UTF-8 \xe9, ok :\n")
    res = cli("check", *ONLY, "--format", "json", "a.txt")
    doc = json.loads(res.stdout)
    text = textio.decode(Path("a.txt").read_bytes(), "a").text
    (f,) = doc["files"][0]["findings"]
    assert text[f["start"] : f["end"]] == f["text"] == " "


def test_a_50_mb_line_is_reported_and_the_batch_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("huge.txt").write_bytes(b"word " * 10_000_000)  # one 50 MB line
    Path("good.txt").write_text(DAMAGED, encoding="utf-8")
    big = json.dumps({"text": "word " * 600_000})
    Path("feed.jsonl").write_text(big + "\n" + json.dumps({"text": "Hi !"}) + "\n", encoding="utf-8")
    start = time.perf_counter()
    res = cli("fix", *ONLY, "huge.txt", "feed.jsonl", "good.txt", "--max-chars", "2000000")
    assert time.perf_counter() - start < 60  # reading 50 MB and refusing it is quick; generous for busy CI
    assert res.exit_code == 2
    problems = problem_lines(res.stderr)
    assert len(problems) == 2
    assert problems[0].startswith("fixer: huge.txt: 50,000,000 characters is too long")
    assert problems[1].startswith("fixer: feed.jsonl:1: 3,000,000 characters is too long")
    assert Path("good.txt").read_text(encoding="utf-8") == FIXED
    assert Path("feed.jsonl").read_text(encoding="utf-8") == big + "\n" + json.dumps({"text": "Hi!"}) + "\n"
    assert Path("huge.txt").stat().st_size == 50_000_000


SPACE_COLON = """
[[rule]]
id = "typography.user-space-colon"
kind = "pattern"
message = "Space before a colon."
pattern = ' (?=:)'
replace = ""
  [[rule.example]]
  bad = "a⟦ ⟧:"
  fixed = "a:"
  [[rule.example]]
  keep = "a:"
"""


def test_a_100000_line_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    lines = [f"Line {i} says hello{' :' if i % 1000 == 0 else '.'}" for i in range(100_000)]
    Path("long.txt").write_text("\r\n".join(lines), encoding="utf-8")
    # a plain pattern rule of the user's: this test is about the file, not about detectors' speed
    Path("r").mkdir()
    Path("r/user.toml").write_text(SPACE_COLON, encoding="utf-8")
    res = cli("fix", "--rules", "r", "--select", "typography.user-space-colon", "--max-chars", "0", "--jobs", "1", "long.txt")
    assert res.exit_code == 0, res.stderr
    out = Path("long.txt").read_bytes().decode("utf-8").split("\r\n")
    assert len(out) == 100_000 and out[1000] == "Line 1000 says hello:" and out[1] == "Line 1 says hello."


def test_deep_folder_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    folders = ["t"]
    for _ in range(1050):  # deeper than Python's recursion limit (Path.mkdir(parents=True) would hit it)
        folders.append(folders[-1] + "/d")
    for f in folders:
        os.mkdir(f)
    bottom = Path(folders[-1], "a.txt")
    bottom.write_text(DAMAGED, encoding="utf-8")
    Path("t/b.txt").write_text(DAMAGED, encoding="utf-8")
    try:
        res = cli("check", *ONLY, "t")
        assert res.exit_code == 1, res.stderr
        assert res.stdout.count("typography.space-before-punctuation") == 2
    finally:  # shutil.rmtree (pytest's clean-up) recurses too: remove the tree bottom-up here
        bottom.unlink()
        for f in reversed(folders[1:]):
            os.rmdir(f)


def test_symbolic_link_loops(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("t/sub").mkdir(parents=True)
    Path("t/a.txt").write_text(DAMAGED, encoding="utf-8")
    os.symlink("..", "t/sub/up")  # a folder loop
    os.symlink("loop2.txt", "t/loop1.txt")  # a file loop
    os.symlink("loop1.txt", "t/loop2.txt")
    os.symlink("missing.txt", "t/dangling.txt")
    res = cli("check", *ONLY, "t", "t/loop1.txt")
    assert res.exit_code == 2
    problems = problem_lines(res.stderr)
    assert any("t/loop1.txt" in p for p in problems) and any("t/dangling.txt" in p for p in problems)
    assert res.stdout.count("t/a.txt:1:14") == 1  # found once, not once per trip round the loop


def test_fix_through_a_symbolic_link_rewrites_the_target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("real").mkdir()
    Path("real/a.txt").write_text(DAMAGED, encoding="utf-8")
    Path("real/b.jsonl").write_text(json.dumps({"text": "Ok ?"}) + "\n", encoding="utf-8")
    os.symlink("real/a.txt", "link.txt")
    os.symlink("real/b.jsonl", "link.jsonl")
    assert cli("fix", *ONLY, "link.txt", "link.jsonl").exit_code == 0
    assert Path("link.txt").is_symlink() and Path("link.jsonl").is_symlink()
    assert Path("real/a.txt").read_text(encoding="utf-8") == FIXED
    assert json.loads(Path("real/b.jsonl").read_text(encoding="utf-8")) == {"text": "Ok?"}
    assert no_temp_files(tmp_path)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("secret.txt").write_text(DAMAGED, encoding="utf-8")
    Path("good.txt").write_text(DAMAGED, encoding="utf-8")
    if os.geteuid() == 0:  # root reads anything: make the read fail the way it would
        real = Path.read_bytes

        def read_bytes(self: Path) -> bytes:
            if self.name == "secret.txt":
                raise PermissionError(13, "Permission denied")
            return real(self)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)
    else:
        Path("secret.txt").chmod(0)
    res = cli("fix", *ONLY, "secret.txt", "good.txt")
    assert res.exit_code == 2
    assert problem_lines(res.stderr) == ["fixer: secret.txt: permission denied"]
    assert Path("good.txt").read_text(encoding="utf-8") == FIXED


def test_read_only_target_for_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    ro = Path("ro.txt")
    ro.write_text(DAMAGED, encoding="utf-8")
    Path("good.txt").write_text(DAMAGED, encoding="utf-8")
    immutable = False
    if os.geteuid() == 0:
        immutable = subprocess.run(["chattr", "+i", str(ro)], capture_output=True).returncode == 0
        if not immutable:
            real = os.access
            monkeypatch.setattr(textio.os, "access", lambda p, mode: False if Path(p).name == "ro.txt" else real(p, mode))
    else:
        ro.chmod(0o444)
    try:
        res = cli("fix", *ONLY, "ro.txt", "good.txt")
        assert res.exit_code == 2
        assert problem_lines(res.stderr) == ["fixer: ro.txt: not writable"]
        assert ro.read_text(encoding="utf-8") == DAMAGED
        assert Path("good.txt").read_text(encoding="utf-8") == FIXED
        assert no_temp_files(tmp_path)
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(ro)], check=False)


def test_many_broken_jsonl_lines_are_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    lines = ["{broken"] * 40 + [json.dumps({"text": "Ok ?"})]
    Path("f.jsonl").write_text("\n".join(lines), encoding="utf-8")  # no final newline either
    res = cli("fix", *ONLY, "f.jsonl")
    problems = problem_lines(res.stderr)
    assert len(problems) == 6 and problems[-1] == "fixer: f.jsonl: 35 more problem lines not shown"
    assert Path("f.jsonl").read_text(encoding="utf-8") == "\n".join([*lines[:-1], json.dumps({"text": "Ok?"})])


def test_jsonl_records_split_only_at_newline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    raw = '{"text": "One\u2028two\u0085three :"}\n'  # raw U+2028 and NEL inside a JSON string
    Path("f.jsonl").write_text(raw, encoding="utf-8")
    res = cli("check", *ONLY, "--format", "json", "f.jsonl")
    assert res.exit_code == 1, res.stderr
    assert [f["record"] for f in json.loads(res.stdout)["files"]] == [0]


def test_unchanged_jsonl_is_not_rewritten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    p = Path("f.jsonl")
    p.write_text(json.dumps({"text": "Fine."}) + "\n", encoding="utf-8")
    os.utime(p, (1_000_000, 1_000_000))
    assert cli("fix", *ONLY, "f.jsonl").exit_code == 0
    assert p.stat().st_mtime == 1_000_000


def test_rule_file_with_a_syntax_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("r").mkdir()
    Path("r/bad.toml").write_text("[[rule]\nid = 'x.y'\n", encoding="utf-8")
    Path("a.txt").write_text(DAMAGED, encoding="utf-8")
    res = cli("check", "--rules", "r", "a.txt")
    assert res.exit_code == 2
    assert len(res.stderr.splitlines()) == 1 and "r/bad.toml: invalid TOML" in res.stderr


def test_a_users_bad_pattern_stops_the_run_before_any_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the bundled rules' patterns compile on first use; a user's are compiled with the rules
    monkeypatch.chdir(tmp_path)
    Path("r").mkdir()
    Path("r/typography.toml").write_text(
        "[[rule]]\nid = 'local.bad'\ncategory = 'typography'\nkind = 'detector'\n"
        "detector = 'typography:pattern_off_debris'\nmessage = 'Bad.'\npattern = '(unclosed'\nreplace = 'x'\n",
        encoding="utf-8")
    Path("a.txt").write_text(DAMAGED, encoding="utf-8")
    res = cli("check", "--rules", "r", "a.txt")
    assert res.exit_code == 2
    assert len(res.stderr.splitlines()) == 1 and "rule local.bad: missing )" in res.stderr


CATASTROPHIC = """
[[rule]]
id = "typography.user-backtracking"
kind = "pattern"
message = "A user's rule that backtracks catastrophically."
pattern = '(a|aa)+$'
  [[rule.example]]
  bad = "⟦aaa⟧"
  [[rule.example]]
  keep = "b"
"""


def test_catastrophic_user_rule_is_reported_once_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("r").mkdir()
    Path("r/user.toml").write_text(CATASTROPHIC, encoding="utf-8")
    for i in range(4):
        Path(f"a{i}.txt").write_text("a" * 40 + "b :\n", encoding="utf-8")
    start = time.perf_counter()
    res = cli(
        "check", "--rules", "r", "--select", "typography.user-backtracking,typography.space-before-punctuation",
        "--jobs", "1", "a0.txt", "a1.txt", "a2.txt", "a3.txt",
    )
    assert time.perf_counter() - start < 60  # one timeout, then the rule is off (generous: CI machines are busy)
    assert res.exit_code == 2
    problems = problem_lines(res.stderr)
    assert len(problems) == 1
    assert "typography.user-backtracking" in problems[0] and "timed out" in problems[0]
    assert res.stdout.count("typography.space-before-punctuation") == 4  # the other rule still ran everywhere


def test_missing_path_and_folder_without_articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("empty-dir").mkdir()
    Path("a.txt").write_text(DAMAGED, encoding="utf-8")
    res = cli("check", *ONLY, "nope.txt", "empty-dir", "a.txt")
    assert res.exit_code == 2
    assert problem_lines(res.stderr) == [
        "fixer: nope.txt: no such file or directory",
        "fixer: empty-dir: folder contains no .txt, .md or .jsonl files",
    ]
    assert "a.txt:1:14" in res.stdout
