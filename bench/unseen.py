"""Throughput on articles each seen once, beside the repeated-samples figure of ``run.py``.

``run.py`` times a corpus of our 7 samples repeated, so every per-word or per-chunk cache a
detector keeps is warm after the first round. Real batches repeat words but not articles. This
script checks every distinct article we have once (our samples, the red-team texts of
``tests/clean_texts`` and, when ``../shared`` is there, the dev corpus), in a process whose
only warm-up is loading the rules and word lists on one short text, and times ``ftfy.fix_text``
on the same articles.

    python bench/unseen.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def distinct_articles() -> list[str]:
    roots = [REPO / "samples", REPO / "tests" / "clean_texts", REPO.parent / "shared" / "corpus" / "dev"]
    return [p.read_text(encoding="utf-8") for root in roots if root.is_dir() for p in sorted(root.rglob("*.txt"))]


def main() -> int:
    import ftfy

    from fixer.engine import Config, Fixer

    texts = distinct_articles()
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    fixer = Fixer(Config())
    fixer.check("Warm-up: load the rules and the word lists. L'ONG a dit « oui ».")
    t0 = time.process_time()
    for t in texts:
        fixer.check(t)
    cold = time.process_time() - t0
    t0 = time.process_time()
    for t in texts:
        fixer.check(t)
    warm = time.process_time() - t0
    t0 = time.process_time()
    for t in texts:
        ftfy.fix_text(t)
    ref = time.process_time() - t0
    print(f"{len(texts)} distinct articles, {size:.3f} MB (CPU time)")
    print(f"  fixer check, each article seen once  {size / cold:6.3f} MB/s")
    print(f"  fixer check, the same a second time  {size / warm:6.3f} MB/s")
    print(f"  ftfy.fix_text                        {size / ref:6.3f} MB/s   ratio (first pass) {ref / cold:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
