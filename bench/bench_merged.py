"""Speed of the merged-word pass: the seed article checked 100 times, in MB/s.

Run from the repository root: ``python bench/bench_merged.py [--repeat 100] [--file PATH]``.
The first check loads wordfreq and the word lists (about half a second, once per process);
it is timed apart, as "warm-up", so the figure is the steady-state speed a batch run sees.
Wall-clock and CPU time are both printed: on a shared machine the CPU figure is the stable one.
Two figures: 100 separate documents (the per-article path, with per-document setup), and one
document made of the article repeated 100 times (the linear-in-size check). Target: 2 MB/s.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from fixer.engine import Config, Fixer  # noqa: E402

CANDIDATES = (REPO.parent / "shared" / "seed" / "aes-one-year-later.txt", REPO / "samples" / "aes-one-year-later.txt")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=100)
    ap.add_argument("--file", type=Path)
    args = ap.parse_args()
    path = args.file or next((p for p in CANDIDATES if p.is_file()), None)
    if path is None:
        sys.exit("no seed article found; pass --file")
    text = path.read_text(encoding="utf-8")
    fixer = Fixer(Config(select=("merged-word",)))

    t0 = time.perf_counter()
    n_first = len(fixer.check(text))
    warm = time.perf_counter() - t0

    size = len(text.encode("utf-8")) * args.repeat
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(args.repeat):
        fixer.check(text)
    per_doc, per_doc_cpu = time.perf_counter() - t0, time.process_time() - c0

    big = "\n\n".join([text] * args.repeat)
    t0, c0 = time.perf_counter(), time.process_time()
    n_big = len(fixer.check(big))
    one_doc, one_doc_cpu = time.perf_counter() - t0, time.process_time() - c0

    mb = size / 1e6
    print(f"article: {path.name}, {len(text.encode('utf-8'))} bytes, {n_first} merged-word findings")
    print(f"warm-up (first check, loads wordfreq and lists): {warm * 1000:.0f} ms")
    print(
        f"{args.repeat} documents: {mb:.2f} MB in {per_doc:.3f} s = {mb / per_doc:.1f} MB/s"
        f" (CPU time {per_doc_cpu:.3f} s = {mb / per_doc_cpu:.1f} MB/s)"
    )
    print(
        f"one document x{args.repeat}: {mb:.2f} MB in {one_doc:.3f} s = {mb / one_doc:.1f} MB/s"
        f" (CPU time {one_doc_cpu:.3f} s = {mb / one_doc_cpu:.1f} MB/s; {n_big} findings)"
    )


if __name__ == "__main__":
    main()
