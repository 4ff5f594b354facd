"""Parallel batches give the same bytes as serial ones, in order, with bounded memory."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fixer.batch import Batch
from fixer.cli import app
from fixer.engine import Config, Fixer
from fixer.parallel import ordered_map

ONLY = ["--select", "typography.space-before-punctuation"]


def square(x: int) -> int:
    return x * x


def die_on_13(x: int) -> int:
    if x == 13:
        os._exit(3)  # a worker killed mid-task (out of memory, a crash in C code)
    return x


def test_ordered_map_keeps_order_and_markers() -> None:
    items = [(i, i if i % 5 else None) for i in range(40)]
    serial = list(ordered_map(square, items, jobs=1))
    parallel = list(ordered_map(square, items, jobs=2))
    assert serial == parallel
    assert parallel[5] == (5, None) and parallel[7] == (7, 49)


def test_ordered_map_reads_ahead_at_most_a_window() -> None:
    pulled = 0

    def items():
        nonlocal pulled
        for i in range(200):
            pulled += 1
            yield i, i

    done = 0
    for _meta, _result in ordered_map(square, items(), jobs=2, window=6):
        done += 1
        assert pulled - done <= 7  # what is in flight stays bounded whatever the input size
    assert done == 200


def test_a_dead_worker_costs_one_task_not_the_batch() -> None:
    out = list(ordered_map(die_on_13, [(i, i) for i in range(30)], jobs=2, on_broken=lambda t, e: -1))
    assert [m for m, _ in out] == list(range(30))
    results = dict(out)
    assert results[13] == -1
    assert sum(1 for v in results.values() if v == -1) <= 2  # at most one innocent neighbour in flight
    assert results[29] == 29


def test_fixer_pickles_cheaply_and_works_after() -> None:
    f = Fixer(Config(select=("typography",)))
    _ = f.compiled
    data = pickle.dumps(f)
    assert len(data) < 2000  # the config only, not compiled patterns or word lists
    g = pickle.loads(data)
    assert g.fix("Really ?").text == "Really?"


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(Batch, "_worth_a_pool", lambda self, files: self.jobs > 1)  # pool even for small input
    d = tmp_path / "c"
    (d / "sub").mkdir(parents=True)
    for i in range(12):
        (d / ("sub" if i % 2 else "") / f"a{i:02}.txt").write_text(f"Article {i} :\nLine two ?\n", encoding="utf-8")
    (d / "broken.txt").write_bytes(b"\x00\x01binary")
    records = [json.dumps({"id": i, "text": f"Record {i} ok{'!' if i % 3 else ' !'}"}) for i in range(700)]
    records[100] = "{not json"
    (d / "feed.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    return d


def invoke(*args: str):
    res = CliRunner().invoke(app, list(args))
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    return res


def snapshot(d: Path) -> dict[str, bytes]:
    return {str(p.relative_to(d)): p.read_bytes() for p in sorted(d.rglob("*")) if p.is_file()}


def test_check_jobs_2_equals_jobs_1(corpus: Path) -> None:
    one = invoke("check", *ONLY, "--format", "json", "--jobs", "1", "c")
    two = invoke("check", *ONLY, "--format", "json", "--jobs", "2", "c")
    assert one.exit_code == two.exit_code == 2
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    doc = json.loads(two.stdout)
    records = [f["record"] for f in doc["files"] if f["path"] == "c/feed.jsonl"]
    assert records == [i for i in range(700) if i != 100]


def test_fix_and_diff_jobs_2_equal_jobs_1(corpus: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(corpus, copy)
    d1 = invoke("fix", *ONLY, "--diff", "--jobs", "1", "c")
    d2 = invoke("fix", *ONLY, "--diff", "--jobs", "2", "c")
    assert d1.stdout_bytes == d2.stdout_bytes and d1.stdout_bytes.count(b"+++ c/") == 13
    invoke("fix", *ONLY, "--jobs", "1", "c")
    invoke("fix", *ONLY, "--jobs", "2", "copy")
    assert snapshot(corpus) == snapshot(copy)
    assert (corpus / "a00.txt").read_text(encoding="utf-8") == "Article 0 :\nLine two?\n"
    lines = (corpus / "feed.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0])["text"] == "Record 0 ok!" and lines[100] == "{not json"
