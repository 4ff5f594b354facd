"""Timing helpers shared by the benchmark: throughput over articles and child processes.

Reference tools that are far slower than fixer (langdetect, proselint, wordninja) are timed on
the first articles of the same corpus until a time budget is spent; the rate is then per byte
of what they actually processed, and the report says it was sampled.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Rate:
    """What one tool did over (part of) a corpus."""

    name: str
    articles: int
    bytes: int
    seconds: float
    of_articles: int
    units: int = 0  # tokens or sentences, for the tools that work on those
    cpu_seconds: float = 0.0  # user + system CPU: the fair figure on a machine shared with other jobs

    @property
    def sampled(self) -> bool:
        return self.articles < self.of_articles

    @property
    def mb_s(self) -> float:
        return self.bytes / 1e6 / self.seconds if self.seconds else float("inf")

    @property
    def cpu_mb_s(self) -> float:
        return self.bytes / 1e6 / self.cpu_seconds if self.cpu_seconds else float("nan")

    @property
    def art_s(self) -> float:
        return self.articles / self.seconds if self.seconds else float("inf")

    def to_json(self) -> dict[str, float | int | str | bool]:
        return {"name": self.name, "articles": self.articles, "of_articles": self.of_articles,
                "bytes": self.bytes, "seconds": round(self.seconds, 4), "mb_s": round(self.mb_s, 4),
                "articles_s": round(self.art_s, 2), "units": self.units, "sampled": self.sampled,
                "cpu_seconds": round(self.cpu_seconds, 4), "cpu_mb_s": round(self.cpu_mb_s, 4)}


def throughput(name: str, fn: Callable[[str], int | object], texts: Sequence[str],
               budget_s: float | None = None) -> Rate:
    """Run ``fn`` on each text (until ``budget_s`` is spent, if given); ``fn`` may return a count
    of units (tokens, sentences) it handled."""
    n = size = units = 0
    t0 = time.perf_counter()
    c0 = time.process_time()
    for text in texts:
        got = fn(text)
        if isinstance(got, int):
            units += got
        n += 1
        size += len(text.encode("utf-8"))
        if budget_s is not None and time.perf_counter() - t0 > budget_s:
            break
    return Rate(name, n, size, time.perf_counter() - t0, len(texts), units, time.process_time() - c0)


@dataclass
class ProcessRun:
    seconds: float
    maxrss_kb: int
    returncode: int
    stdout: str
    cpu_seconds: float = 0.0


def run_process(cmd: Sequence[str], *, capture: bool = False, cwd: str | None = None,
                env: dict[str, str] | None = None) -> ProcessRun:
    """Run a command; its wall time and peak memory.

    The peak comes from ``/usr/bin/time -f %M`` when it exists: on Linux a child's ``ru_maxrss``
    counts the memory of the process it was forked from until ``exec``, so ``os.wait4`` on a
    child of this (large) benchmark process would report our own size; ``time`` is small.
    """
    use_time = Path("/usr/bin/time").is_file()
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss_file:
        full = ["/usr/bin/time", "-f", "%M %U %S", "-o", rss_file.name, *cmd] if use_time else list(cmd)
        t0 = time.perf_counter()
        proc = subprocess.Popen(full, stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, cwd=cwd, env=env)
        out = ""
        if capture:
            assert proc.stdout is not None
            out = proc.stdout.read().decode("utf-8", "replace")
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t0
        rss, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
        if use_time:  # last line "maxrss user system" (earlier lines: "Command exited with ...")
            fields = (Path(rss_file.name).read_text().strip().splitlines() or [""])[-1].split()
            if len(fields) == 3:
                rss, cpu = int(fields[0]), float(fields[1]) + float(fields[2])
    return ProcessRun(seconds, rss, os.waitstatus_to_exitcode(status), out, cpu)


def median_run(cmd: Sequence[str], repeat: int = 5, env: dict[str, str] | None = None) -> ProcessRun:
    runs = [run_process(cmd, env=env) for _ in range(repeat)]
    runs.sort(key=lambda r: r.seconds)
    best = runs[len(runs) // 2]
    best.seconds = statistics.median(r.seconds for r in runs)
    best.cpu_seconds = statistics.median(r.cpu_seconds for r in runs)
    return best
