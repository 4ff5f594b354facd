"""The accuracy gate: figures on annotated articles may not fall below the floors pinned in
``bench/baseline.json`` (as trafilatura's eval gate). The dev corpus lives outside the repository
(``../shared/corpus/dev``) and is skipped when absent; our own samples are always checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fixer.evaluate import evaluate_paths, floor_failures, format_text, make_fixer, summarize

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
BASELINE = json.loads((REPO / "bench" / "baseline.json").read_text(encoding="utf-8"))


def corpus_dir(entry: dict) -> Path:
    root = SHARED if entry["root"] == "shared" else REPO
    return root / entry["path"]


@pytest.fixture(scope="module")
def fixer():
    """One Fixer for both corpora: rules and word lists load once."""
    return make_fixer()


@pytest.mark.parametrize("name", sorted(k for k in BASELINE if not k.startswith("_")))
def test_figures_hold_their_floors(name: str, fixer) -> None:
    entry = BASELINE[name]
    where = corpus_dir(entry)
    if not where.is_dir():
        pytest.skip(f"{where} is absent")
    summary = summarize(evaluate_paths([where], fixer))
    assert summary["articles"] >= entry["min_articles"], "articles went missing from the corpus"
    assert not summary["problems"], summary["problems"]
    failures = floor_failures(summary, entry["floors"])
    assert not failures, "\n".join([*failures, "", format_text(summary, per_rule=True)])


def test_floors_are_well_formed() -> None:
    """Every floor is a fraction and every ceiling a count, so a typo cannot disable the gate."""
    known = {"recall_core", "recall_all", "precision", "f1_core", "recall_core_by_category",
             "max_false_per_clean_article", "max_safe_fix_errors"}
    for name, entry in BASELINE.items():
        if name.startswith("_"):
            continue
        floors = entry["floors"]
        assert set(floors) <= known, f"{name}: unknown floor(s) {set(floors) - known}"
        for key in ("recall_core", "recall_all", "precision", "f1_core"):
            assert 0.0 <= floors.get(key, 0.0) <= 1.0
        assert all(0.0 <= v <= 1.0 for v in floors.get("recall_core_by_category", {}).values())
        assert floors.get("max_safe_fix_errors", 0) >= 0
