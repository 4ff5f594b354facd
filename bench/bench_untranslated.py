"""Speed of the untranslated-French rules: the seed article checked 100 times.

Run from the repository root with the virtualenv active:

    python bench/bench_untranslated.py [--repeat 100] [--seed PATH]

Prints MB/s for (a) 100 separate documents (the usual case: many articles, one Fixer) and
(b) one document made of the seed repeated 100 times (the detector must stay linear), after a
warm-up check that loads wordfreq and compiles the rule data once. Also prints how often
langdetect was called during the timed runs. Wall and CPU (process) time are both printed:
on a busy shared machine the CPU figure is the stable one. About langdetect: the detector does not use it (see
fixer/frenchscore.py for why), and the count proves it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from fixer.engine import Config, Fixer  # noqa: E402

DEFAULT_SEED = REPO.parent / "shared" / "seed" / "aes-one-year-later.txt"


def count_langdetect_calls() -> list[int]:
    """Wrap langdetect's entry points (if installed) so calls are counted, not prevented."""
    calls = [0]
    try:
        import langdetect
    except ImportError:
        return calls
    for name in ("detect", "detect_langs"):
        real = getattr(langdetect, name)

        def wrapped(*a, _real=real, **k):
            calls[0] += 1
            return _real(*a, **k)

        setattr(langdetect, name, wrapped)
    return calls


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=100)
    ap.add_argument("--seed", type=Path, default=DEFAULT_SEED)
    args = ap.parse_args()
    if not args.seed.is_file():
        print(f"seed article not found: {args.seed}", file=sys.stderr)
        return 2
    text = args.seed.read_text(encoding="utf-8")
    size_mb = len(text.encode("utf-8")) / 1e6
    fx = Fixer(Config(select=("untranslated",)))
    calls = count_langdetect_calls()

    t0 = time.perf_counter()
    warm = fx.check(text)
    warm_s = time.perf_counter() - t0

    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(args.repeat):
        found = fx.check(text)
    sep_s, sep_cpu = time.perf_counter() - t0, time.process_time() - c0

    big = "\n\n".join([text] * args.repeat)
    t0, c0 = time.perf_counter(), time.process_time()
    big_found = fx.check(big)
    big_s, big_cpu = time.perf_counter() - t0, time.process_time() - c0

    print(f"seed: {size_mb * 1e3:.1f} KB, {len(warm)} findings; first check (loads data) {warm_s * 1e3:.0f} ms")
    print(f"{args.repeat} separate checks: {sep_s:.3f} s, {size_mb * args.repeat / sep_s:.2f} MB/s wall, "
          f"{size_mb * args.repeat / sep_cpu:.2f} MB/s CPU ({len(found)} findings each)")
    big_mb = len(big.encode("utf-8")) / 1e6
    print(f"one {big_mb:.2f} MB document (seed x{args.repeat}): {big_s:.3f} s, {big_mb / big_s:.2f} MB/s wall, "
          f"{big_mb / big_cpu:.2f} MB/s CPU ({len(big_found)} findings)")
    print(f"langdetect calls: {calls[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
