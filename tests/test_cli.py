"""The command line as scripts see it: JSON shape, exit codes, in-place writes, diffs, JSONL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fixer import textio

DAMAGED = "They focus on :\n- staff\n"
CLEAN = "Nothing to see here.\n"
ONLY = ["--select", "typography.space-before-punctuation"]


def run(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "fixer.cli", *args], cwd=cwd, input=stdin, capture_output=True, timeout=120
    )


def test_check_json_has_the_contract_shape(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DAMAGED, encoding="utf-8")
    proc = run("check", "--format", "json", *ONLY, "a.txt", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["version"] == 1
    (entry,) = doc["files"]
    assert entry["path"] == "a.txt" and entry["record"] is None
    (f,) = entry["findings"]
    assert set(f) == {"rule", "category", "start", "end", "line", "column", "text", "message", "explanation", "fix"}
    assert DAMAGED[f["start"] : f["end"]] == f["text"] == " "
    assert (f["line"], f["column"]) == (1, 14)
    assert f["fix"] == {"safety": "safe", "edits": [{"start": 13, "end": 14, "replacement": ""}]}


def test_exit_codes(tmp_path: Path) -> None:
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "bad.txt").write_text(DAMAGED, encoding="utf-8")
    assert run("check", *ONLY, "clean.txt", cwd=tmp_path).returncode == 0
    assert run("check", *ONLY, "bad.txt", cwd=tmp_path).returncode == 1
    missing = run("check", "nope.txt", cwd=tmp_path)
    assert missing.returncode == 2
    assert missing.stderr.decode().strip().count("\n") == 0 and "nope.txt" in missing.stderr.decode()
    assert run("check", "--format", "xml", "clean.txt", cwd=tmp_path).returncode == 2
    # fix: everything fixable fixed -> 0; the file is rewritten
    assert run("fix", *ONLY, "bad.txt", cwd=tmp_path).returncode == 0
    assert (tmp_path / "bad.txt").read_text(encoding="utf-8") == "They focus on:\n- staff\n"


def test_fix_leaves_unchanged_files_untouched(tmp_path: Path) -> None:
    p = tmp_path / "clean.txt"
    p.write_text(CLEAN, encoding="utf-8")
    os.utime(p, (1_000_000, 1_000_000))
    assert run("fix", *ONLY, "clean.txt", cwd=tmp_path).returncode == 0
    assert p.stat().st_mtime == 1_000_000


@pytest.mark.parametrize(
    "raw",
    [
        "They focus on :\r\n- staff\r\nOk !",  # CRLF, no final newline
        "\ufeffThey focus on :\n- staff\n",  # BOM
    ],
)
def test_fix_keeps_line_endings_bom_and_final_newline(tmp_path: Path, raw: str) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(raw.encode("utf-8"))
    assert run("fix", *ONLY, "a.txt", cwd=tmp_path).returncode == 0
    out = p.read_bytes().decode("utf-8")
    assert out == raw.replace(" :", ":").replace(" !", "!")


def test_fix_diff_applies_with_patch(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"They focus on :\r\n- staff\r\nOk !")
    proc = run("fix", "--diff", *ONLY, "a.txt", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.startswith(b"--- a.txt\n+++ a.txt\n")
    assert (tmp_path / "a.txt").read_bytes() == b"They focus on :\r\n- staff\r\nOk !"  # --diff changes nothing
    patch = subprocess.run(["patch", "-p0", "--dry-run"], input=proc.stdout, cwd=tmp_path, capture_output=True)
    if patch.returncode == 127:
        pytest.skip("patch not installed")
    subprocess.run(["patch", "-p0"], input=proc.stdout, cwd=tmp_path, check=True, capture_output=True)
    assert (tmp_path / "a.txt").read_bytes() == b"They focus on:\r\n- staff\r\nOk!"
    assert run("fix", "--diff", *ONLY, "a.txt", cwd=tmp_path).returncode == 0


def test_stdin_to_stdout(tmp_path: Path) -> None:
    proc = run("fix", *ONLY, "-", cwd=tmp_path, stdin=b"Really ?\n")
    assert proc.returncode == 0
    assert proc.stdout == b"Really?\n"
    clean = run("fix", *ONLY, "-", cwd=tmp_path, stdin=b"Fine.\r\n")
    assert clean.stdout == b"Fine.\r\n"


def test_jsonl_round_trip_keeps_other_fields(tmp_path: Path) -> None:
    lines = [
        {"id": 1, "text": "Hello : world", "meta": {"site": "x", "tags": ["a"]}},
        {"id": 2, "text": "Fine.", "extra": None},
    ]
    raw = "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines)
    p = tmp_path / "a.jsonl"
    p.write_text(raw, encoding="utf-8")
    proc = run("check", "--format", "json", *ONLY, "a.jsonl", cwd=tmp_path)
    files = json.loads(proc.stdout)["files"]
    assert [f["record"] for f in files] == [0, 1]
    assert len(files[0]["findings"]) == 1 and files[1]["findings"] == []
    assert run("fix", *ONLY, "a.jsonl", cwd=tmp_path).returncode == 0
    out = [json.loads(x) for x in p.read_text(encoding="utf-8").splitlines()]
    assert out[0] == {**lines[0], "text": "Hello: world"}
    assert out[1] == lines[1]
    assert p.read_text(encoding="utf-8").splitlines()[1] == raw.splitlines()[1]  # untouched record, same bytes


def test_atomic_write_failure_leaves_the_original(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "a.txt"
    p.write_text("original\n", encoding="utf-8")

    def boom(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(textio.os, "replace", boom)
    with pytest.raises(OSError):
        textio.write_atomic(p, b"new text that never lands\n")
    assert p.read_text(encoding="utf-8") == "original\n"
    assert [x.name for x in tmp_path.iterdir()] == ["a.txt"]  # no temporary file left behind


def test_malformed_rule_file_is_one_line(tmp_path: Path) -> None:
    rules = tmp_path / "myrules"
    rules.mkdir()
    (rules / "bad.toml").write_text("[[rule]]\nid = 'typography.x'\nmessage = \n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    proc = run("check", "--rules", "myrules", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert "bad.toml" in err and "Traceback" not in err and err.count("\n") == 1


def test_user_rule_folder_adds_a_rule(tmp_path: Path) -> None:
    rules = tmp_path / "myrules"
    rules.mkdir()
    (rules / "house.toml").write_text(
        """
[[rule]]
id = "terminology.house-style"
kind = "pattern"
message = "Write 'per cent'."
pattern = '\\bpercent\\b'
replace = "per cent"
  [[rule.example]]
  bad = "ten ⟦percent⟧ more"
  fixed = "ten per cent more"
  [[rule.example]]
  keep = "ten per cent more"
""",
        encoding="utf-8",
    )
    (tmp_path / "a.txt").write_text("Up ten percent.\n", encoding="utf-8")
    proc = run("check", "--rules", "myrules", "--select", "terminology.house-style", "a.txt", cwd=tmp_path)
    assert proc.returncode == 1 and b"terminology.house-style" in proc.stdout
    test = run("rules", "test", "myrules/house.toml", cwd=tmp_path)
    assert test.returncode == 0, test.stdout
    assert b"1 rules: 2 passed, 0 failed" in test.stdout


def test_select_and_ignore_by_category(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DAMAGED, encoding="utf-8")
    assert run("check", "--select", "typography", "a.txt", cwd=tmp_path).returncode == 1
    proc = run("check", "--select", "typography", "--ignore", "typography.space-before-punctuation", "a.txt", cwd=tmp_path)
    assert b"typography.space-before-punctuation" not in proc.stdout


def test_rules_list_and_explain(tmp_path: Path) -> None:
    listed = run("rules", "list", cwd=tmp_path)
    assert listed.returncode == 0 and b"typography.space-before-punctuation" in listed.stdout
    explained = run("rules", "explain", "typography.space-before-punctuation", cwd=tmp_path)
    assert explained.returncode == 0 and b"Fix safety" in explained.stdout
    assert run("rules", "explain", "no.such-rule", cwd=tmp_path).returncode == 2


def test_output_does_not_depend_on_the_hash_seed() -> None:
    """Sets of strings iterate in a seed-dependent order; findings and messages must not."""
    import os

    samples = Path(__file__).resolve().parents[1] / "samples"
    outs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run(
            [sys.executable, "-m", "fixer.cli", "check", "--format", "json", "--jobs", "1", str(samples)],
            capture_output=True, env=env, timeout=120,
        )
        assert proc.returncode == 1, proc.stderr
        outs.append(proc.stdout)
    assert outs[0] == outs[1]


def test_piped_text_output_is_plain_and_literal(tmp_path: Path) -> None:
    """Piped text output is written without rich: no escape codes, and text that looks like
    rich markup or an emoji code (``[bold]``, ``:fire:``) is printed as it is."""
    art = tmp_path / "a.txt"
    art.write_text("Title [bold] :fire:\n\nTitle [bold] :fire:\n\nBody text here.\n", encoding="utf-8")
    proc = run("check", "a.txt", cwd=tmp_path)
    out = proc.stdout.decode("utf-8")
    assert "\x1b[" not in out
    assert "a.txt:3:1: boilerplate.repeated-title [boilerplate] " in out
    assert "Title [bold] :fire:" in out
