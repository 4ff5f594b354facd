"""Cost of glossary lookups per token: the seed article checked by the glossary rules.

Run from the repository root with the virtualenv active:

    python bench/bench_glossary.py [--repeat 100] [--seed PATH]

Prints, after a warm-up check that builds the glossary index and loads wordfreq once:
(a) the one-time cost of building the glossary (279+ entities, every name form indexed);
(b) microseconds per word token for the terminology, inconsistency and mistranslation rules
together over ``--repeat`` separate documents (the usual case), and for each rule alone;
(c) one document made of the seed repeated ``--repeat`` times (the detectors must stay
linear: the per-token figure should not grow). Target (issue 5): < 20 µs per token.
CPU (process) time is printed next to wall time: on a busy shared machine it is the stable one.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from fixer.data import DataStore  # noqa: E402
from fixer.document import Document  # noqa: E402
from fixer.engine import Config, Fixer  # noqa: E402
from fixer.glossary import load_glossary  # noqa: E402

DEFAULT_SEED = REPO.parent / "shared" / "seed" / "aes-one-year-later.txt"
RULES = ("terminology", "inconsistency", "mistranslation")


def timed(fn) -> tuple[float, float]:
    w0, c0 = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w0, time.process_time() - c0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=100)
    ap.add_argument("--seed", type=Path, default=DEFAULT_SEED)
    args = ap.parse_args()
    if not args.seed.is_file():
        print(f"{args.seed}: not found (pass --seed PATH)", file=sys.stderr)
        return 2
    text = args.seed.read_text(encoding="utf-8")
    tokens = len(Document(text).tokens)

    build_w, build_c = timed(lambda: load_glossary(DataStore()))
    g = load_glossary(DataStore())
    print(f"glossary: {len(g.entities)} entities, {len(g.names)} name forms; cold build {build_w * 1000:.0f} ms wall, "
          f"{build_c * 1000:.0f} ms CPU")

    fx = Fixer(Config(select=RULES))
    fx.check(text)  # warm-up: glossary index, compiled patterns, wordfreq
    n = args.repeat
    wall, cpu = timed(lambda: [fx.check(text) for _ in range(n)])
    per_w = wall / (n * tokens) * 1e6
    per_c = cpu / (n * tokens) * 1e6
    print(f"seed: {tokens} tokens; {n} documents: {per_w:.2f} µs/token wall, {per_c:.2f} µs/token CPU "
          f"({'OK' if per_c < 20 else 'OVER'} < 20 µs target)")

    for rule in fx.rules:
        run = fx.runner(rule.id)
        w, c = timed(lambda run=run: [run(fx.document(text)) for _ in range(n)])
        print(f"  {rule.id:<32} {w / (n * tokens) * 1e6:6.2f} µs/token wall {c / (n * tokens) * 1e6:6.2f} CPU")

    big = "\n\n".join([text] * n)
    w, c = timed(lambda: fx.check(big))
    print(f"one document of {n} seeds ({len(big) / 1e6:.2f} MB): {w / (n * tokens) * 1e6:.2f} µs/token wall, "
          f"{c / (n * tokens) * 1e6:.2f} CPU (linear if close to the figure above)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
