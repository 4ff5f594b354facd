"""Throughput, start-up and memory of fixer, side by side with reference tools, in one run.

    python bench/run.py            # full run: 10 MB corpus, 10,000-article JSONL, 10 vs 100 MB memory
    python bench/run.py --quick    # a small run (about a minute)

What it measures, and against what (issue 3):
- ``check`` and ``fix`` through the library (one ``Fixer``, articles one by one) and through the
  ``fixer`` CLI on JSONL files, in MB/s and articles/s;
- in the same process and on the same articles: ``ftfy.fix_text`` (the target: fixer check at
  least as fast), ``wordninja.split`` on every word token, ``langdetect`` on every sentence and
  proselint's linter; the slow ones are timed on the first articles until a budget is spent,
  and the table marks them as sampled;
- start-up (``fixer --help``) and time to the first article (``fixer check`` of one sample,
  process start to exit); peak memory of ``fixer check`` on a 10 MB and a 100 MB JSONL (the
  child's ``ru_maxrss`` from ``os.wait4``) and of a library worker streaming the same files;
- linear scaling: one long article at 1x, 2x and 4x its size.

Wall time suffers when other jobs share the machine; CPU time (user + system, of every worker
process for the CLI) is printed beside it and the ratios use it.

The corpora are generated in ``bench/out/`` (git-ignored) from ``samples/`` only. Figures go to
stdout and to ``bench/out/results.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from corpus import (  # noqa: E402
    OUT,
    SAMPLES,
    articles_by_count,
    articles_by_size,
    long_article,
    write_jsonl,
    write_jsonl_of_size,
)
from measure import Rate, median_run, run_process, throughput  # noqa: E402

TARGETS = {"help_ms": 250, "first_article_ms": 500, "memory_growth": 1.20, "scaling_2x": 2.0}


SELECT: list[str] = []  # --select, passed to every Fixer and fixer command of the run


def fixer_cmd() -> list[str]:
    exe = shutil.which("fixer")
    return [exe] if exe else [sys.executable, "-m", "fixer.cli"]


def make_fixer():
    from fixer.engine import Config, Fixer

    return Fixer(Config(select=tuple(SELECT)))


CLI_JOBS: list[int] = []  # --cli-jobs, passed as `-j N` to fixer check/fix (default: the CLI's, one per core)


def sel() -> list[str]:
    """Options for `fixer check|fix` of this run."""
    return (["--select", ",".join(SELECT)] if SELECT else []) + (["-j", str(CLI_JOBS[0])] if CLI_JOBS else [])


# ------------------------------------------------------------------------------------------
# reference tools, each a str -> units function


def ref_ftfy():
    import ftfy

    return ftfy.fix_text


def ref_wordninja():
    import regex
    import wordninja

    word = regex.compile(r"\p{L}{2,}")

    def run(text: str) -> int:
        n = 0
        for m in word.finditer(text):
            wordninja.split(m.group())
            n += 1
        return n

    return run


def ref_langdetect():
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    from fixer.document import Document

    DetectorFactory.seed = 0

    def run(text: str) -> int:
        n = 0
        for s in Document(text).sentences:
            try:
                detect(s.text)
            except LangDetectException:  # a sentence without letters
                pass
            n += 1
        return n

    return run


def ref_proselint():
    from proselint.checks import __register__
    from proselint.config import DEFAULT
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    CheckRegistry().register_many(__register__)

    def run(text: str) -> int:
        return len(LintFile("bench", text).lint(DEFAULT))

    return run


# ------------------------------------------------------------------------------------------


def fmt_rate(r: Rate, base: Rate | None) -> str:
    ratio = ""
    if base is not None and r is not base and r.cpu_mb_s:
        ratio = f"{base.cpu_mb_s / r.cpu_mb_s:>9.2f}x"
    mark = " (sampled)" if r.sampled else ""
    return (f"  {r.name:<30}{r.articles:>7}{r.bytes / 1e6:>7.2f}{r.seconds:>9.2f}{r.mb_s:>8.3f}{r.art_s:>9.1f}"
            f"{r.cpu_seconds:>9.2f}{r.cpu_mb_s:>9.3f}{ratio:>10}{mark}")


HEADER = (f"  {'tool':<30}{'art.':>7}{'MB':>7}{'wall s':>9}{'MB/s':>8}{'art./s':>9}{'cpu s':>9}{'cpu MB/s':>9}"
          f"{'ratio':>10}")


def section(title: str) -> None:
    print(f"\n== {title}", flush=True)


def library_rates(texts: list[str], budget: float, refs: bool) -> list[Rate]:
    fixer = make_fixer()
    for t in texts[:8]:
        fixer.check(t)  # load data and memos once, as a long-running batch job does
    rates = [throughput("fixer check (library)", fixer.check, texts),
             throughput("fixer fix (library)", fixer.fix, texts)]
    if refs:
        ftfy_fix = ref_ftfy()
        ftfy_fix(texts[0])
        rates.append(throughput("ftfy.fix_text", ftfy_fix, texts))
        for name, make in (("wordninja.split (tokens)", ref_wordninja), ("langdetect (sentences)", ref_langdetect),
                           ("proselint lint", ref_proselint)):
            fn = make()
            fn(texts[0])
            rates.append(throughput(name, fn, texts, budget_s=budget))
    return rates


def cli_rates(corpus: Path, n_articles: int, size: int, count_file: Path, count_n: int, count_size: int
              ) -> tuple[list[Rate], dict[str, int]]:
    cmd = fixer_cmd()
    rates, rss = [], {}
    copy = OUT / "fix-copy.jsonl"
    shutil.copyfile(corpus, copy)
    runs = (("fixer check (CLI, JSONL)", [*cmd, "check", *sel(), "--format", "json", str(corpus)], n_articles, size),
            ("fixer fix (CLI, JSONL)", [*cmd, "fix", *sel(), str(copy)], n_articles, size),
            (f"fixer check (CLI, {count_n} art.)", [*cmd, "check", *sel(), "--format", "json", str(count_file)],
             count_n, count_size))
    for name, argv, n, nbytes in runs:
        r = run_process(argv)
        if r.returncode not in (0, 1):  # 2: a usage, input or rule-file error; the time means nothing
            name += f" FAILED rc={r.returncode}"
        rates.append(Rate(name, n, nbytes, r.seconds, n, cpu_seconds=r.cpu_seconds))
        rss[name.split(" (")[0].split()[-1]] = r.maxrss_kb
    copy.unlink(missing_ok=True)
    return rates, rss


def memory(sizes_mb: list[float], library: bool = True) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for mb in sizes_mb:
        path = OUT / f"mem-{mb:g}mb.jsonl"
        n, size = write_jsonl_of_size(path, int(mb * 1e6))
        cli = run_process([*fixer_cmd(), "check", *sel(), "--format", "json", str(path)])
        got = {}
        if library:
            lib = run_process([sys.executable, str(HERE / "stream.py"), "check", str(path), ",".join(SELECT)],
                              capture=True)
            got = json.loads(lib.stdout) if lib.returncode == 0 and lib.stdout.strip() else {}
            got["maxrss_kb"] = lib.maxrss_kb  # from /usr/bin/time, not polluted by this process (see measure)
        out[f"{mb:g}"] = {"articles": n, "mb": round(size / 1e6, 2), "cli_maxrss_mb": round(cli.maxrss_kb / 1024, 1),
                          "cli_seconds": round(cli.seconds, 2), "cli_rc": cli.returncode,
                          "lib_maxrss_mb": round(got.get("maxrss_kb", 0) / 1024, 1),
                          "lib_seconds": round(got.get("seconds", 0.0), 2)}
    return out


def scaling(repeat: int) -> dict[str, float]:
    fixer = make_fixer()
    docs = {k: long_article(k) for k in (1, 2, 4)}
    fixer.check(docs[1])
    times = {}
    for k, text in docs.items():
        best = float("inf")
        for _ in range(repeat):  # CPU time, best of `repeat`: wall time is at the mercy of other jobs
            t0 = time.process_time()
            fixer.check(text)
            best = min(best, time.process_time() - t0)
        times[k] = best
    return {"bytes_1x": len(docs[1].encode("utf-8")), "seconds_1x": times[1], "seconds_2x": times[2],
            "seconds_4x": times[4], "ratio_2x": times[2] / times[1], "ratio_4x": times[4] / times[2]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="fixer throughput benchmark (see the module docstring)")
    ap.add_argument("--quick", action="store_true", help="small corpora and budgets")
    ap.add_argument("--mb", type=float, help="size of the shuffled corpus (default 10, quick 1)")
    ap.add_argument("--articles", type=int, help="articles in the JSONL file (default 10000, quick 500)")
    ap.add_argument("--mem-mb", help="JSONL sizes for the memory check (default 10,100, quick 1,5)")
    ap.add_argument("--budget", type=float, help="seconds per slow reference tool (default 20, quick 3)")
    ap.add_argument("--no-cli", action="store_true", help="skip the CLI and memory runs")
    ap.add_argument("--no-refs", action="store_true", help="skip the reference tools")
    ap.add_argument("--only", help="run only these parts: startup,library,cli,memory,scaling (comma-separated)")
    ap.add_argument("--no-mem-lib", action="store_true", help="memory check: skip the library worker, CLI only")
    ap.add_argument("--select", default="", help="only these rule ids or categories (comma-separated)")
    ap.add_argument("--cli-jobs", type=int, help="worker processes for the CLI runs (default: the CLI's own)")
    ap.add_argument("--profile", action="store_true", help="also print the hot-path profile (bench/hotpath.py)")
    args = ap.parse_args(argv)
    SELECT[:] = [x for x in args.select.split(",") if x]
    CLI_JOBS[:] = [args.cli_jobs] if args.cli_jobs else []
    mb = args.mb or (1.0 if args.quick else 10.0)
    n_art = args.articles or (500 if args.quick else 10_000)
    mem_sizes = [float(x) for x in (args.mem_mb or ("1,5" if args.quick else "10,100")).split(",")]
    budget = args.budget or (3.0 if args.quick else 20.0)
    parts = set((args.only or "startup,library,cli,memory,scaling").split(","))
    if args.no_cli:
        parts -= {"startup", "cli", "memory"}
    OUT.mkdir(parents=True, exist_ok=True)
    results: dict[str, object] = {"quick": args.quick, "date": time.strftime("%Y-%m-%d %H:%M:%S")}

    section("corpora (generated from samples/, written to bench/out/)")
    arts = articles_by_size(int(mb * 1e6))
    texts = [t for _, t in arts]
    size = sum(len(t.encode("utf-8")) for t in texts)
    corpus = OUT / f"corpus-{mb:g}mb.jsonl"
    write_jsonl(corpus, arts)
    count_file = OUT / f"articles-{n_art}.jsonl"
    count_n, count_size = write_jsonl(count_file, articles_by_count(n_art))
    print(f"  {corpus.name}: {len(texts)} articles, {size / 1e6:.2f} MB;  {count_file.name}: {count_n} articles,"
          f" {count_size / 1e6:.2f} MB;  from {len(list(SAMPLES.glob('*.txt')))} samples")

    if "startup" in parts:
        section("start-up (median of 5 fresh processes, as an installed user runs them)")
        # An installed fixer has its .pyc files (pip compiles them) and, after its first run, its
        # disk cache (fixer.diskcache): time processes in that state, with the cache in bench/out.
        # The first run on an empty cache (right after an install or upgrade) is reported apart.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        cache = OUT / "cache"
        env["FIXER_CACHE_DIR"] = str(cache)
        shutil.rmtree(cache, ignore_errors=True)
        check_one = [*fixer_cmd(), "check", *sel(), str(SAMPLES / "senegal-runoff.txt")]
        cold = run_process(check_one, env=env)
        helps = median_run([*fixer_cmd(), "--help"], env=env)
        first = median_run(check_one, repeat=3, env=env)
        imp = median_run([sys.executable, "-c", "import fixer.engine"], env=env)
        code = ("import sys, time; t = time.perf_counter(); from fixer.engine import Config, Fixer; "
                "Fixer(Config(select=tuple(x for x in sys.argv[2].split(',') if x))).check(open(sys.argv[1]).read()); "
                "print(time.perf_counter() - t)")
        lib_first = run_process([sys.executable, "-c", code, str(SAMPLES / "senegal-runoff.txt"), ",".join(SELECT)],
                                capture=True, env=env)
        try:
            lib_first_ms = 1000 * float(lib_first.stdout.strip().splitlines()[-1])
        except (ValueError, IndexError):
            lib_first_ms = -1.0  # the library could not check one article: see the failures below
        for name, r in (("fixer --help", helps), ("fixer check (first article)", first), ("import", imp),
                        ("library first check", lib_first), ("first article, empty cache", cold)):
            if r.returncode not in (0, 1):
                print(f"  FAILED: {name} exited with {r.returncode}; is the project's virtualenv active?")
        print(f"  fixer --help                 {1000 * helps.seconds:7.0f} ms wall, {1000 * helps.cpu_seconds:5.0f} ms cpu"
              f"   (target < {TARGETS['help_ms']} ms)")
        print(f"  first article (fixer check)  {1000 * first.seconds:7.0f} ms wall, {1000 * first.cpu_seconds:5.0f} ms cpu"
              f"   (target < {TARGETS['first_article_ms']} ms; process start to exit, one sample)")
        print(f"  same, empty disk cache       {1000 * cold.seconds:7.0f} ms wall, {1000 * cold.cpu_seconds:5.0f} ms cpu"
              "   (the first run after installing; it fills the cache)")
        print(f"  python -c 'import fixer.engine' {1000 * imp.seconds:4.0f} ms;  first check in the library"
              f" (import, Fixer(), check) {lib_first_ms:.0f} ms")
        results["startup"] = {"help_ms": round(1000 * helps.seconds), "first_article_ms": round(1000 * first.seconds),
                              "help_cpu_ms": round(1000 * helps.cpu_seconds),
                              "first_article_cpu_ms": round(1000 * first.cpu_seconds),
                              "first_article_empty_cache_ms": round(1000 * cold.seconds),
                              "import_engine_ms": round(1000 * imp.seconds), "library_first_check_ms": round(lib_first_ms)}

    rates: list[Rate] = []
    if "library" in parts:
        section(f"throughput, same {len(texts)} articles in one process (ratio = fixer check cpu MB/s / tool cpu MB/s)")
        print(HEADER)
        rates = library_rates(texts, budget, not args.no_refs)
        for r in rates:
            print(fmt_rate(r, rates[0]), flush=True)
        results["library"] = [r.to_json() for r in rates]
    base = rates[0] if rates else None
    ftfy_rate = next((r for r in rates if r.name == "ftfy.fix_text"), None)
    if base and ftfy_rate:
        verdict = "met" if base.cpu_mb_s >= ftfy_rate.cpu_mb_s else "NOT met"
        print(f"  target fixer check >= ftfy.fix_text: {base.cpu_mb_s:.3f} vs {ftfy_rate.cpu_mb_s:.3f} MB per CPU second,"
              f" {verdict}")

    if "cli" in parts:
        jobs = f"-j {CLI_JOBS[0]}" if CLI_JOBS else f"default jobs ({os.cpu_count()} cores)"
        section(f"CLI throughput (one command each, start-up included, {jobs})")
        crates, rss = cli_rates(corpus, len(texts), size, count_file, count_n, count_size)
        print(HEADER + "   (cpu: all worker processes)")
        for r in crates:
            print(fmt_rate(r, None), flush=True)
        results["cli"] = [r.to_json() for r in crates]
        results["cli_maxrss_mb"] = {k: round(v / 1024, 1) for k, v in rss.items()}
        if ftfy_rate and crates:
            # what a user waits for, beside ftfy's single-threaded rate; the target is read per
            # CPU second (above), so this line informs and never counts as meeting it
            wall = crates[0].mb_s
            print(f"  as users run it: fixer check (CLI, {jobs}, wall clock) {wall:.3f} MB/s vs ftfy.fix_text"
                  f" {ftfy_rate.cpu_mb_s:.3f} MB per CPU second on one core ({wall / ftfy_rate.cpu_mb_s:.2f}x)")
            results["cli_wall_vs_ftfy"] = round(wall / ftfy_rate.cpu_mb_s, 3)

    if "memory" in parts:
        section("peak memory, JSONL input (CLI check: largest process of its tree; a library worker streaming the file)")
        mem = memory(mem_sizes, library=not args.no_mem_lib)
        for k, v in mem.items():
            lib_txt = (f"; library stream {v['lib_maxrss_mb']:.1f} MB in {v['lib_seconds']:.1f} s"
                       if v["lib_maxrss_mb"] else "")
            print(f"  {k:>6} MB ({v['articles']} articles): CLI {v['cli_maxrss_mb']:.1f} MB in {v['cli_seconds']:.1f} s"
                  + lib_txt)
        keys = list(mem)
        if len(keys) >= 2:
            a, b = mem[keys[0]], mem[keys[-1]]
            g_cli = b["cli_maxrss_mb"] / a["cli_maxrss_mb"] if a["cli_maxrss_mb"] else float("nan")
            g_lib = b["lib_maxrss_mb"] / a["lib_maxrss_mb"] if a["lib_maxrss_mb"] else None
            lib_txt = f"library x{g_lib:.2f}" if g_lib is not None else "library not measured"
            print(f"  growth {keys[0]} -> {keys[-1]} MB: CLI x{g_cli:.2f}, {lib_txt}"
                  f" (target <= x{TARGETS['memory_growth']:.2f})")
            results["memory_growth"] = {"cli": round(g_cli, 3), "library": None if g_lib is None else round(g_lib, 3)}
        results["memory"] = mem

    if "scaling" in parts:
        section("linear scaling (one long article of all sample paragraphs; CPU time, best of 5)")
        sc = scaling(3 if args.quick else 5)
        print(f"  1x {sc['bytes_1x'] / 1e3:.0f} kB: {1000 * sc['seconds_1x']:.1f} ms;  2x: {1000 * sc['seconds_2x']:.1f} ms"
              f" (x{sc['ratio_2x']:.2f});  4x: {1000 * sc['seconds_4x']:.1f} ms (x{sc['ratio_4x']:.2f} of 2x)"
              f"   target: doubling at most doubles the time")
        results["scaling"] = {k: round(v, 4) for k, v in sc.items()}

    if args.profile:
        from hotpath import report

        section("hot path")
        print(report(min(mb, 1.0), select=SELECT))

    path = OUT / "results.json"
    path.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"\nfigures written to {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
