"""Raise the accuracy floors of ``bench/baseline.json`` to what fixer measures now, minus a margin.

    python bench/pin_floors.py            # raise floors (and lower ceilings) where fixer improved
    python bench/pin_floors.py --dry-run  # only show what would change

Floors only go up: a proposed floor below the pinned one is ignored unless ``--allow-lower`` is
given (for a deliberate change of the gold or of the scoring, to be explained in the commit).

Margins, so that one harmless change of one finding does not fail the gate: a category's core
recall may lose one span, overall core recall two spans, overall recall three, precision two
findings; the false findings per clean article may grow by 0.2 and the wrong safe fixes by one.
The evaluation is deterministic; the margin is for rule edits, not for noise.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from fixer.evaluate import evaluate_paths, summarize  # noqa: E402

BASELINE = HERE / "baseline.json"
SHARED = REPO.parent / "shared"


def down(x: float) -> float:
    return max(0.0, math.floor(x * 100) / 100)


def propose(s: dict[str, Any]) -> dict[str, Any]:
    """Floors a little below the figures of summary ``s`` (see the module docstring)."""
    core, allr, p = s["recall"]["core"], s["recall"]["all"], s["precision"]
    floors: dict[str, Any] = {}
    if core["total"]:
        floors["recall_core"] = down((core["found"] - 2) / core["total"])
        floors["recall_core_by_category"] = {
            c: down((v["found"] - 1) / v["total"]) for c, v in core["by_category"].items() if v["found"] > 1
        }
    if allr["total"]:
        floors["recall_all"] = down((allr["found"] - 3) / allr["total"])
    if p["findings"]:
        floors["precision"] = down((p["findings"] - p["false"] - 2) / p["findings"])
    if s["f1"]["core"] is not None:
        floors["f1_core"] = down(s["f1"]["core"] - 0.03)
    if s["clean"]["per_article"] is not None:
        floors["max_false_per_clean_article"] = round(s["clean"]["per_article"] + 0.2, 2)
    floors["max_safe_fix_errors"] = s["safe_fixes"]["errors"] + 1
    return floors


def merge(old: dict[str, Any], new: dict[str, Any], allow_lower: bool) -> dict[str, Any]:
    """Keep the stricter of old and new for every key, unless lowering is allowed."""
    out: dict[str, Any] = {}
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key), new.get(key)
        if isinstance(a, dict) or isinstance(b, dict):
            out[key] = merge(a or {}, b or {}, allow_lower)
        elif a is None or b is None:
            out[key] = b if a is None else a
        elif key.startswith("max_"):
            out[key] = b if allow_lower else min(a, b)
        else:
            out[key] = b if allow_lower else max(a, b)
    return out


def head_commit() -> str:
    try:
        out = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
        return out.stdout.strip() or "unknown"
    except OSError:
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Raise the floors of bench/baseline.json.")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared folder (default: the repo's sibling)")
    ap.add_argument("--allow-lower", action="store_true", help="accept lower floors (explain it in the commit)")
    args = ap.parse_args(argv)
    base = json.loads(BASELINE.read_text(encoding="utf-8"))
    for name, entry in base.items():
        if name.startswith("_"):
            continue
        where = (args.shared if entry["root"] == "shared" else REPO) / entry["path"]
        if not where.is_dir():
            print(f"{name}: {where} absent, floors left as they are")
            continue
        summary = summarize(evaluate_paths([where]))
        new = merge(entry["floors"], propose(summary), args.allow_lower)
        if new != entry["floors"]:
            print(f"{name}: {json.dumps(entry['floors'])}\n{' ' * len(name)}  -> {json.dumps(new)}")
        else:
            print(f"{name}: unchanged")
        entry["floors"] = new
        entry["min_articles"] = max(entry.get("min_articles", 0), summary["articles"])
    base["_pinned"] = f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} at commit {head_commit()}"
    if not args.dry_run:
        BASELINE.write_text(json.dumps(base, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
