"""Where the time of ``check`` goes: each rule timed alone, the shared document views, and a
cProfile of the whole hot path.

A rule is timed on a fresh ``Document`` per article so that what it computes lazily (tokens,
sentences, a detector's ``doc.cache`` entry) is charged to it; the per-rule times therefore add
up to more than a full check, where those views are computed once and shared. Per-process
setup (word lists, compiled patterns in ``store.memo``) is warmed up first and not counted.
All times are CPU seconds of this process, so other jobs on the machine do not distort them.

    python bench/hotpath.py [--mb 1] [--top 20]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import articles_by_size


def make_fixer(select: Sequence[str] = ()):
    from fixer.engine import Config, Fixer

    return Fixer(Config(select=tuple(select)))


def rule_times(texts: list[str], select: Sequence[str] = ()) -> list[tuple[str, float, int]]:
    """(rule id, seconds, findings) for each rule alone, slowest first."""
    from fixer.engine import run_rule

    fixer = make_fixer(select)
    for t in texts[:8]:  # warm up: load data and build every memo once
        fixer.check(t)
    rows = []
    for c in fixer.compiled:
        n = 0
        t0 = time.process_time()
        for t in texts:
            n += sum(1 for _ in run_rule(c, fixer.document(t)))
        rows.append((c.rule.id, time.process_time() - t0, n))
    for name in ("tokens", "sentences", "lines", "acronyms", "word_counts"):
        t0 = time.process_time()
        for t in texts:
            getattr(fixer.document(t), name)
        rows.append((f"(document.{name})", time.process_time() - t0, 0))
    rows.sort(key=lambda r: -r[1])
    return rows


def pipeline_times(texts: list[str], select: Sequence[str] = ()) -> dict[str, float]:
    """Seconds each rule takes inside a full check (shared views charged to the first rule that
    asks for them, as in real runs)."""
    fixer = make_fixer(select)
    for t in texts[:8]:
        fixer.check(t)
    spent: dict[str, float] = {}

    def timed(rid: str, run):
        def wrapper(doc):
            t0 = time.process_time()
            found = list(run(doc))
            spent[rid] = spent.get(rid, 0.0) + time.process_time() - t0
            return found

        return wrapper

    for c in fixer.compiled:
        c.run = timed(c.rule.id, c.run)
    for t in texts:
        fixer.check(t)
    return spent


def full_check_seconds(texts: list[str], select: Sequence[str] = ()) -> float:
    fixer = make_fixer(select)
    for t in texts[:8]:
        fixer.check(t)
    t0 = time.process_time()
    for t in texts:
        fixer.check(t)
    return time.process_time() - t0


def cprofile_check(texts: list[str], top: int = 20, select: Sequence[str] = ()) -> str:
    """cProfile of ``check`` over ``texts``, the functions with the most own time."""
    fixer = make_fixer(select)
    for t in texts[:8]:
        fixer.check(t)
    prof = cProfile.Profile()
    prof.enable()
    for t in texts:
        fixer.check(t)
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(top)
    lines = buf.getvalue().splitlines()
    start = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
    return "\n".join(line.replace(str(Path(__file__).resolve().parents[1]) + "/", "") for line in lines[start:])


def report(mb: float = 1.0, top: int = 20, select: Sequence[str] = ()) -> str:
    arts = articles_by_size(int(mb * 1e6))
    texts = [t for _, t in arts]
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    full = full_check_seconds(texts, select)
    inside = pipeline_times(texts, select)
    out = [f"hot path over {len(texts)} articles, {size:.2f} MB: full check {full:.3f} CPU s ({size / full:.2f} MB per CPU s)",
           "", f"{'rule':<46}{'in check':>10}{'share':>8}{'alone':>9}{'findings':>10}"]
    for rid, sec, n in rule_times(texts, select):
        pipe = inside.get(rid)
        cells = f"{pipe:>10.3f}{100 * pipe / full:>7.1f}%" if pipe is not None else f"{'':>18}"
        out.append(f"{rid:<46}{cells}{sec:>9.3f}{n:>10}")
    out.append("('in check': inside a full check, shared views charged to the first rule using them;"
               " 'alone': the rule on a fresh document, paying for every view it needs)")
    out += ["", f"cProfile of check, top {top} by own time:", cprofile_check(texts, top, select)]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--top", type=int, default=20)
    ap.add_argument("--select", default="", help="only these rule ids or categories (comma-separated)")
    args = ap.parse_args(argv)
    print(report(args.mb, args.top, [x for x in args.select.split(",") if x]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
