"""Batch benchmark: parallel speed-up and memory on big JSON Lines input (issue 8).

Run from the repository root with the virtualenv active::

    python bench/bench_batch.py                    # both measurements
    python bench/bench_batch.py --speedup          # --jobs 2 vs --jobs 1 only
    python bench/bench_batch.py --memory --sizes 10,100,200
    python bench/bench_batch.py --scaling          # per-rule time at n and 4n lines (finds superlinear rules)

What it does and why:

* **Speed-up.** A folder of many article files (our own ``samples/*.txt`` repeated, never the
  shared corpus) is checked with ``fixer check --jobs 1`` and ``--jobs 2`` (all rules, JSON to
  /dev/null); the best of ``--repeat`` wall-clock runs is kept for each, so a busy machine
  disturbs the ratio less. Target: >= 1.6x on a 2-core machine.
* **Memory.** JSON Lines files of 10, 100 and 200 MB (the samples as records) are checked and
  fixed while a sampler reads the whole process tree every 50 ms: peak RSS of the parent and
  peak PSS of parent + workers (PSS shares copy-on-write pages between forked workers, so it
  is what the tree really costs). Target: flat within 20 % from 10 to 200 MB, < 300 MB at
  200 MB. The rule set is a parameter (``--select``) because all rules on 200 MB take far
  longer than a memory measurement needs; the default is one cheap rule that does fix records
  of the samples, so ``fix`` really rewrites the file. Streaming, not the rules, is what keeps
  memory flat; ``--select all`` measures with every rule.
* **Scaling.** Each rule alone on a text of n and 4n lines; a ratio well above 4 means the rule
  is not linear in the text size and will stall on a long page.

Generated files go to ``bench/out/batch/`` (git-ignored) and are reused when present.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
OUT = REPO / "bench" / "out" / "batch"


def samples() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    if not texts:
        sys.exit(f"no samples in {SAMPLES}")
    return texts


def make_folder(n_files: int) -> Path:
    """``n_files`` article files in nested folders, samples in a seeded shuffled order."""
    d = OUT / f"folder-{n_files}"
    if d.is_dir() and sum(1 for _ in d.rglob("*.txt")) == n_files:
        return d
    texts = samples()
    rng = random.Random(8)
    for i in range(n_files):
        sub = d / f"part{i % 10}"
        sub.mkdir(parents=True, exist_ok=True)
        # a numbered last line so no two files are identical (no cache can help)
        (sub / f"a{i:05}.txt").write_text(rng.choice(texts) + f"\n\nArticle number {i}.\n", encoding="utf-8")
    return d


def make_jsonl(megabytes: int) -> Path:
    p = OUT / f"corpus-{megabytes}mb.jsonl"
    target = megabytes * 1_000_000
    if p.is_file() and p.stat().st_size >= target:
        return p
    OUT.mkdir(parents=True, exist_ok=True)
    texts = samples()
    rng = random.Random(8)
    size = 0
    with p.open("w", encoding="utf-8") as fh:
        i = 0
        while size < target:
            line = json.dumps({"id": i, "site": "example", "text": rng.choice(texts)}, ensure_ascii=False) + "\n"
            fh.write(line)
            size += len(line.encode("utf-8"))
            i += 1
    return p


# --------------------------------------------------------------------------- process tree memory

LAST_CPU = 0.0


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                out.extend(int(x) for x in fh.read().split())
    except OSError:
        pass
    return out


def _tree(pid: int) -> list[int]:
    seen, todo = [], [pid]
    while todo:
        p = todo.pop()
        seen.append(p)
        todo.extend(_children(p))
    return seen


def _kb(pid: int, path: str, key: str) -> int:
    try:
        with open(f"/proc/{pid}/{path}") as fh:
            for line in fh:
                if line.startswith(key):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class Sampler(threading.Thread):
    """Peak RSS of the root process and peak summed PSS of its tree, sampled every 50 ms."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_rss_kb = 0
        self.peak_tree_pss_kb = 0
        self.stop = False

    def run(self) -> None:
        while not self.stop:
            self.peak_rss_kb = max(self.peak_rss_kb, _kb(self.pid, "status", "VmRSS:"))
            pss = sum(_kb(p, "smaps_rollup", "Pss:") for p in _tree(self.pid))
            self.peak_tree_pss_kb = max(self.peak_tree_pss_kb, pss)
            time.sleep(0.05)


def run_measured(args: list[str]) -> tuple[float, int, int, int]:
    """Run ``fixer ARGS`` with stdout to /dev/null; (seconds, exit code, peak RSS MB, peak tree PSS MB).

    The CPU seconds of the whole tree (parent and workers) go to ``LAST_CPU``."""
    global LAST_CPU
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        proc = subprocess.Popen([sys.executable, "-m", "fixer.cli", *args], stdout=null, stderr=subprocess.PIPE, cwd=REPO)
        sampler = Sampler(proc.pid)
        sampler.start()
        _, err = proc.communicate()
        sampler.stop = True
        sampler.join()
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    LAST_CPU = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        sys.stderr.write(err.decode("utf-8", "replace")[-2000:])
    return elapsed, proc.returncode, sampler.peak_rss_kb // 1024, sampler.peak_tree_pss_kb // 1024


# --------------------------------------------------------------------------- measurements


def _burn(n: int) -> int:
    s = 0
    for i in range(n):
        s += i * i
    return s


def available_parallelism() -> float:
    """Speed-up of ``fixer.parallel.ordered_map`` with 2 jobs on a pure CPU loop: what the
    machine can give right now (about 2.0 on an idle 2-core machine, 1.0 when other work
    holds a core). The ``--jobs`` figure cannot exceed it."""
    sys.path.insert(0, str(REPO))
    from fixer.parallel import ordered_map

    items = [(i, 1_500_000) for i in range(16)]
    t = {}
    for jobs in (1, 2):
        start = time.perf_counter()
        list(ordered_map(_burn, items, jobs=jobs))
        t[jobs] = time.perf_counter() - start
    return t[1] / t[2]


def speedup(n_files: int, repeat: int, select: str | None) -> dict:
    probe_before = available_parallelism()
    d = make_folder(n_files)
    sel = ["--select", select] if select else []
    base = ["check", "--format", "json", *sel, str(d)]
    run_measured([*base, "--jobs", "1"])  # warm the page cache and any lazy file
    runs: dict[int, list[float]] = {1: [], 2: []}
    cpu: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(repeat):  # alternate, so a change in the machine's load hits both alike
        for jobs in (1, 2):
            runs[jobs].append(run_measured([*base, "--jobs", str(jobs)])[0])
            cpu[jobs].append(LAST_CPU)
    times = {jobs: min(v) for jobs, v in runs.items()}
    print(f"speed-up: wall (s): --jobs 1 {[round(x, 1) for x in runs[1]]}, --jobs 2 {[round(x, 1) for x in runs[2]]}; "
          f"CPU of the process tree (s): --jobs 1 {[round(x, 1) for x in cpu[1]]}, --jobs 2 {[round(x, 1) for x in cpu[2]]}")
    ratio = times[1] / times[2]
    articles = n_files
    probe = min(probe_before, available_parallelism())
    print(f"speed-up: the machine's available parallelism (pure CPU loop, 2 processes): {probe:.2f}x")
    print(f"speed-up: {n_files} files, rules={select or 'all'}: --jobs 1 {times[1]:.1f}s "
          f"({articles / times[1]:.1f} articles/s), --jobs 2 {times[2]:.1f}s ({articles / times[2]:.1f} articles/s): "
          f"{ratio:.2f}x (target >= 1.6x)")
    return {"files": n_files, "rules": select or "all", "jobs1_s": times[1], "jobs2_s": times[2], "speedup": ratio,
            "available_parallelism": probe}


def memory(sizes: list[int], select: str | None, jobs_list: list[int]) -> list[dict]:
    rows = []
    sel = ["--select", select] if select else []
    for jobs in jobs_list:
        for command in ("check", "fix"):
            for mb in sizes:
                src = make_jsonl(mb)
                target = src
                if command == "fix":  # fix rewrites in place: work on a copy
                    target = OUT / f"fix-copy-{mb}mb.jsonl"
                    subprocess.run(["cp", str(src), str(target)], check=True)
                args = [command, *sel, "--jobs", str(jobs), str(target)]
                if command == "check":
                    args[1:1] = ["--format", "json"]
                secs, code, rss, pss = run_measured(args)
                if command == "fix":
                    target.unlink(missing_ok=True)
                row = {"command": command, "jobs": jobs, "mb": mb, "seconds": round(secs, 1), "exit": code,
                       "peak_rss_mb": rss, "peak_tree_pss_mb": pss, "mb_per_s": round(mb / secs, 2)}
                rows.append(row)
                print(f"memory: {command} --jobs {jobs} {mb:>4} MB: {secs:7.1f}s ({mb / secs:5.2f} MB/s) exit {code}; "
                      f"peak RSS {rss} MB, tree PSS {pss} MB")
            group = [r for r in rows if r["command"] == command and r["jobs"] == jobs]
            lo = min(r["peak_tree_pss_mb"] for r in group)
            hi = max(r["peak_tree_pss_mb"] for r in group)
            print(f"memory: {command} --jobs {jobs}: tree PSS {lo}-{hi} MB, spread {100 * (hi - lo) / max(lo, 1):.0f}% "
                  "(target within 20%, < 300 MB)")
    return rows


def scaling(n_lines: int) -> None:
    """Each rule alone at n and 4n lines of varied article text."""
    sys.path.insert(0, str(REPO))
    from fixer.engine import Fixer

    lines = [ln for t in samples() for ln in t.splitlines() if ln.strip()]
    fixer = Fixer()
    fixer.check("Warm up: the Alliance of Sahel States (AES) said : « ok ».")
    print(f"scaling: seconds per rule alone at {n_lines} and {4 * n_lines} lines (ratio > ~6 is superlinear)")
    for c in fixer.compiled:
        times = []
        for n in (n_lines, 4 * n_lines):
            text = "".join(f"{lines[i % len(lines)]} Item {i}.\n" for i in range(n))
            doc = fixer.document(text)
            t = time.perf_counter()
            try:
                list(c.run(doc))
            except Exception as exc:
                print(f"  {c.rule.id}: failed: {type(exc).__name__}: {exc}")
                break
            times.append(time.perf_counter() - t)
        if len(times) == 2:
            ratio = times[1] / max(times[0], 1e-9)
            flag = "  <-- superlinear" if ratio > 6 and times[1] > 0.2 else ""
            print(f"  {c.rule.id:<45} {times[0]:7.3f}s {times[1]:7.3f}s  x{ratio:5.1f}{flag}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--speedup", action="store_true")
    ap.add_argument("--memory", action="store_true")
    ap.add_argument("--scaling", action="store_true")
    ap.add_argument("--files", type=int, default=1500, help="files in the speed-up folder")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--sizes", default="10,100,200", help="JSONL sizes in MB for the memory run")
    ap.add_argument("--jobs", default="1,2", help="--jobs values for the memory run")
    ap.add_argument("--select", default="typography.guillemets", help="rules for the memory run ('all' for every rule)")
    ap.add_argument("--speedup-select", default=None, help="rules for the speed-up run (default: all)")
    ap.add_argument("--lines", type=int, default=2000, help="n for the scaling run")
    args = ap.parse_args()
    everything = not (args.speedup or args.memory or args.scaling)
    results: dict = {}
    if args.speedup or everything:
        results["speedup"] = speedup(args.files, args.repeat, args.speedup_select)
    if args.memory or everything:
        sel = None if args.select == "all" else args.select
        results["memory"] = memory([int(x) for x in args.sizes.split(",")], sel, [int(j) for j in args.jobs.split(",")])
    if args.scaling:
        scaling(args.lines)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
