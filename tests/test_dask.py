"""The documented Dask example gives the same findings as ``fixer check --format json``.

Runs ``examples/dask_example.py`` over a JSON Lines corpus split in three part files on a
local cluster of two worker processes (so the Fixer really is pickled to other processes).
Skipped when the optional extra ``fixer[dask]`` (dask.bag + distributed) is not installed.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("dask.distributed")

from fixer.cli import app  # noqa: E402
from fixer.engine import Config  # noqa: E402

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "dask_example.py"
SELECT = "typography"
TEXTS = [
    "The minister announced theReform on Monday .",
    "Also read : Strikes continue\nThe vote is close !",
    "Nothing to report here.",
    "Prices rose ; the bank said : « no change ».",
    "Why ? Nobody knows !",
]


def load_example(monkeypatch: pytest.MonkeyPatch):
    spec = importlib.util.spec_from_file_location("dask_example", EXAMPLE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "dask_example", module)
    spec.loader.exec_module(module)
    import cloudpickle

    cloudpickle.register_pickle_by_value(module)  # workers cannot import it by name
    return module


def test_dask_bag_gives_the_cli_results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("corpus").mkdir()
    n = 0
    for part in range(3):
        lines = []
        for _ in range(5):
            lines.append(json.dumps({"id": n, "text": TEXTS[n % len(TEXTS)] + f" Item {n}."}))
            n += 1
        if part == 1:
            lines.insert(2, "{broken line")
        Path(f"corpus/part-{part}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    paths = sorted(str(p) for p in Path("corpus").glob("part-*.jsonl"))

    example = load_example(monkeypatch)
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, distributed.Client(cluster):
        entries = example.check_corpus(paths, Config(select=tuple(SELECT.split(","))))

    res = CliRunner().invoke(app, ["check", "--format", "json", "--select", SELECT, "--jobs", "1", "corpus"])
    cli_files = json.loads(res.stdout)["files"]
    assert len(cli_files) == 15
    assert entries == cli_files
    assert sum(len(e["findings"]) for e in entries) >= 8
