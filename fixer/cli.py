"""The ``fixer`` command line: parse flags, call the library, map results to exit codes.

Exit codes (contract.md): 0 nothing found (or everything fixed), 1 findings remain, 2 usage,
input or rule-file error. An error is one line on stderr naming the file and the cause; one
bad file among many is reported and the others are still processed (the run then exits 2).
Heavy modules are imported inside the commands so ``fixer --help`` stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

app = typer.Typer(
    help="Repair machine-translation damage in scraped news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
rules_app = typer.Typer(help="List, explain and test the rules.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """Bad flags or arguments: one line on stderr, exit 2."""


def _split(values: list[str] | None) -> tuple[str, ...]:
    return tuple(v.strip() for item in values or [] for v in item.split(",") if v.strip())


Select = Annotated[list[str] | None, typer.Option("--select", help="Only these rule ids or categories (comma-separated).")]
Ignore = Annotated[list[str] | None, typer.Option("--ignore", help="Skip these rule ids or categories (comma-separated).")]
RulesDir = Annotated[
    list[Path] | None, typer.Option("--rules", help="A folder (or file) of your own rules, glossaries and lists; repeatable.")
]
TextField = Annotated[str, typer.Option("--text-field", help="Field holding the article in .jsonl input.")]
Encoding = Annotated[str | None, typer.Option("--encoding", help="Decode input with this encoding instead of UTF-8.")]
Unsafe = Annotated[bool, typer.Option("--unsafe", help="Also apply fixes marked unsafe.")]
Translator = Annotated[
    str | None, typer.Option("--translator", help="Command that translates a French span (stdin) to English (stdout).")
]
Decisions = Annotated[
    Path | None, typer.Option("--decisions", help="Decisions file of rejected suggestions (default: .fixer/decisions.toml).")
]
NoDecisions = Annotated[bool, typer.Option("--no-decisions", help="Ignore remembered review decisions.")]
Paths = Annotated[list[str], typer.Argument(help="Files, folders (searched for *.txt, *.md, *.jsonl) or - for stdin.")]


def err(message: str) -> None:
    sys.stderr.write(f"fixer: {message}\n")


def make_fixer(
    select: list[str] | None,
    ignore: list[str] | None,
    rules: list[Path] | None,
    unsafe: bool = False,
    translator: str | None = None,
    decisions: Path | None = None,
    no_decisions: bool = False,
) -> Any:
    from .engine import Config, Fixer

    for d in rules or []:
        if not d.exists():
            raise UsageError(f"{d}: rules folder not found")
    dec = None
    if not no_decisions:
        dec = decisions or _default_decisions()
    config = Config(
        select=_split(select),
        ignore=_split(ignore),
        unsafe=unsafe,
        rule_dirs=tuple(rules or ()),
        decisions=dec,
        translator=translator,
    )
    fixer = Fixer(config)
    _ = fixer.compiled  # load and validate now, so a bad rule file fails before any work
    if (select or ignore) and not fixer.compiled:
        raise UsageError("--select/--ignore left no rule to run")
    return fixer


def _default_decisions() -> Path | None:
    p = Path(".fixer") / "decisions.toml"
    return p if p.exists() else None


def _read_stdin(encoding: str | None) -> Any:
    from .textio import decode

    return decode(sys.stdin.buffer.read(), "<stdin>", encoding)


def _run(paths: list[str], fixer: Any, opts: Any) -> tuple[list[Any], list[str]]:
    """Process every input; returns outcomes and the errors of inputs that gave nothing."""
    from .batch import process_decoded, process_file
    from .textio import discover

    outcomes = []
    errors: list[str] = []
    if paths == ["-"]:
        outcomes.append(process_decoded(fixer, _read_stdin(opts.encoding), "-", opts))
        return outcomes, errors
    if "-" in paths:
        raise UsageError("'-' (stdin) cannot be combined with other paths")
    files, errors = discover(paths)
    for path in files:
        outcomes.append(process_file(fixer, path, opts, display=_display(path)))
    return outcomes, errors


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _report_problems(outcomes: list[Any], errors: list[str]) -> bool:
    bad = False
    for e in errors:
        err(e)
        bad = True
    for o in outcomes:
        for e in o.errors:
            err(e)
            bad = True
        for w in o.warnings:
            err(f"warning: {w}")
    return bad


def _guard(fn: Any) -> Any:
    """Turn expected failures into one line and exit 2; never show a traceback."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from .data import DataError
        from .engine import RuleError
        from .kinds.pattern import PatternTimeout
        from .textio import InputError

        try:
            return fn(*args, **kwargs)
        except (UsageError, DataError, RuleError, InputError, PatternTimeout) as exc:
            err(str(exc))
            raise typer.Exit(EXIT_ERROR) from None
        except KeyboardInterrupt:
            err("interrupted")
            raise typer.Exit(130) from None
        except BrokenPipeError:
            raise typer.Exit(EXIT_OK) from None

    return wrapper


MaxChars = Annotated[
    int, typer.Option("--max-chars", help="Skip (and report) articles longer than this; 0: no limit.")
]
Jobs = Annotated[
    int | None, typer.Option("--jobs", "-j", help="Worker processes for a batch (default: the number of cores).")
]


def _files(paths: list[str]) -> tuple[list[tuple[Path, str]], list[str]]:
    """The input files with the names to show for them, and one error per path that gave none."""
    from .textio import discover

    if "-" in paths:
        raise UsageError("'-' (stdin) cannot be combined with other paths")
    files, errors = discover(paths)
    return [(p, _display(p)) for p in files], errors


def _jobs(jobs: int | None) -> int:
    from .parallel import default_jobs

    if jobs is None:
        return default_jobs()
    if jobs < 1:
        raise UsageError("--jobs must be at least 1")
    return jobs


class _Reporter:
    """Problems and the progress bar on stderr.

    The bar (files done, files and articles per second) only appears when stderr is a
    terminal, so logs and pipes get nothing but the problem lines and the final summary.
    """

    def __init__(self, total_files: int, show_progress: bool) -> None:
        import time

        self.messages: list[str] = []
        self.start = time.perf_counter()
        self.articles = 0
        self.files = 0
        self.progress: Any = None
        if show_progress and total_files > 0 and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.progress = Progress(
                TextColumn("[bold]fixer[/]"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("files"),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self.task = self.progress.add_task("files", total=total_files, rate="")

    def __enter__(self) -> _Reporter:
        if self.progress is not None:
            self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()

    def problem(self, message: str) -> None:
        self.messages.append(message)
        if self.progress is not None:
            self.progress.console.print(f"fixer: {message}", markup=False, highlight=False, soft_wrap=True)
        else:
            err(message)

    def chunk(self, chunk: Any) -> None:
        self.articles += chunk.articles
        self._update()

    def file_done(self, totals: Any) -> None:
        self.files = totals.files + totals.failed
        self._update()

    def _update(self) -> None:
        if self.progress is None:
            return
        import time

        dt = max(time.perf_counter() - self.start, 1e-6)
        rate = f"{self.files / dt:.1f} files/s  {self.articles / dt:.0f} articles/s"
        self.progress.update(self.task, completed=self.files, rate=rate)


def _counts(categories: Any) -> str:
    from .model import CATEGORIES

    parts = [f"{c} {categories[c]}" for c in CATEGORIES if categories.get(c)]
    parts += [f"{c} {n}" for c, n in sorted(categories.items()) if c not in CATEGORIES and n]
    return ", ".join(parts)


def _plural(n: int, word: str) -> str:
    if n == 1:
        return f"{n} {word}"
    return f"{n} {word}es" if word.endswith(("x", "s")) else f"{n} {word}s"


def _summary(kind: str, t: Any, errors: int) -> str:
    """The last line on stderr: files, articles, findings per category, fixes, errors."""
    head = f"{_plural(t.files, 'file')}, {_plural(t.articles, 'article')}"
    cats = _counts(t.categories)
    if kind == "check":
        body = f"{_plural(t.findings, 'finding')}" + (f" ({cats})" if cats else "")
        body += f", {t.fixable} with a safe fix" if t.fixable else ""
    elif kind == "diff":
        body = f"{_plural(t.applied, 'fix')} would change {_plural(t.diffs, 'file')}" + (f" ({cats})" if cats else "")
    else:
        body = f"{_plural(t.applied, 'fix')} applied in {_plural(t.changed_files, 'file')}" + (f" ({cats})" if cats else "")
        if t.remaining:
            body += f"; {t.remaining} finding{'s' if t.remaining != 1 else ''} left (unsafe fixes need --unsafe or `fixer review`)"
    return f"{kind}: {head}: {body}; {_plural(errors, 'error')}"


_SURROGATE = None


def _json_line(entry: dict[str, Any]) -> str:
    """One entry of the JSON document; undecodable bytes (lone surrogates) become \\udcXX escapes,
    which JSON readers turn back into the same code points, so offsets still slice."""
    import json

    global _SURROGATE
    s = json.dumps(entry, ensure_ascii=False)
    if _SURROGATE is None:
        import re

        _SURROGATE = re.compile("[\ud800-\udfff]")
    if _SURROGATE.search(s):
        s = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", s)
    return s


def _print_entry(entry: dict[str, Any], console: Any) -> None:
    """One finding per line, like ``text_out``: ``path:line:col: rule [category] message``.
    Coloured through rich when ``console`` is one (a terminal); written plainly otherwise,
    which saves importing rich when the output goes to a pipe or a file."""
    where = entry["path"] if entry["record"] is None else f"{entry['path']}[{entry['record']}]"
    for f in entry["findings"]:
        snippet = f["text"].replace("\n", "⏎")
        if len(snippet) > 70:
            snippet = snippet[:67] + "…"
        fx = f["fix"]
        if fx is None:
            label, style = "no fix", "dim"
        else:
            reps = [e["replacement"] for e in fx["edits"]]
            label = f"{fx['safety']} fix: " + " | ".join(repr(r) if r else "(delete)" for r in reps[:3])
            style = "green" if fx["safety"] == "safe" else "yellow"
        parts = [
            (f"{where}:{f['line']}:{f['column']}", "bold"), (": ", ""), (f["rule"], "cyan"), (" ", ""),
            (f"[{f['category']}]", "magenta"), (f" {f['message']}\n    ", ""), (snippet, "dim"),
            ("  →  ", ""), (label, style),
        ]
        if console is None:
            sys.stdout.write("".join(text for text, _ in parts) + "\n")
        else:
            from rich.markup import escape

            markup = "".join(f"[{st}]{escape(text)}[/]" if st else escape(text) for text, st in parts)
            console.print(markup, highlight=False, soft_wrap=True, emoji=False)


def _colour_wanted() -> bool:
    """Whether text output goes to a terminal (or colour is forced), as rich would decide."""
    import os

    if os.environ.get("FORCE_COLOR") or os.environ.get("TTY_COMPATIBLE") == "1":
        return True
    return sys.stdout.isatty()


def _stdin_chunk(fixer: Any, opts: Any, reporter: _Reporter) -> tuple[Any, bytes]:
    from .batch import Guard, process_decoded_chunk
    from .textio import decode

    data = sys.stdin.buffer.read()
    decoded = decode(data, "<stdin>", opts.encoding)
    guard = Guard(fixer)
    chunk = process_decoded_chunk(guard, decoded, "-", opts)
    for p in chunk.problems + guard.take_problems():
        reporter.problem(p.message)
    return chunk, data


@app.command()
@_guard
def check(
    paths: Paths,
    format: Annotated[str, typer.Option("--format", "-f", help="text or json")] = "text",
    select: Select = None,
    ignore: Ignore = None,
    rules: RulesDir = None,
    text_field: TextField = "text",
    encoding: Encoding = None,
    translator: Translator = None,
    decisions: Decisions = None,
    no_decisions: NoDecisions = False,
    jobs: Jobs = None,
    max_chars: MaxChars = 2_000_000,
) -> None:
    """Report findings; change nothing."""
    from .batch import Batch, Options, Totals

    if format not in ("text", "json"):
        raise UsageError(f"unknown format {format!r} (text or json)")
    n_jobs = _jobs(jobs)
    fixer = make_fixer(select, ignore, rules, translator=translator, decisions=decisions, no_decisions=no_decisions)
    opts = Options(text_field=text_field, encoding=encoding, max_chars=max_chars)
    stdin = paths == ["-"]
    files, errors = ([], []) if stdin else _files(paths)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")  # undecodable input bytes must not crash output
    out = sys.stdout
    console: Any = None
    if format == "text" and _colour_wanted():
        from rich.console import Console

        console = Console(highlight=False)
    first = True

    def emit(chunk: Any) -> None:
        nonlocal first
        for entry in chunk.entries:
            if format == "json":  # sys.stdout looked up each time: the progress bar may proxy it
                sys.stdout.write(("" if first else ",\n") + _json_line(entry))
                first = False
            elif entry["findings"]:
                _print_entry(entry, console)

    if format == "json":
        out.write('{"version": 1, "files": [\n')
    with _Reporter(len(files), not stdin) as reporter:
        for e in errors:
            reporter.problem(e)
        if stdin:
            chunk, _ = _stdin_chunk(fixer, opts, reporter)
            emit(chunk)
            totals = Totals(files=1, articles=chunk.articles, categories=chunk.categories, fixable=chunk.fixable)
        else:
            batch = Batch(fixer, opts, n_jobs, on_chunk=lambda c: (emit(c), reporter.chunk(c)),
                          on_problem=reporter.problem, on_file=reporter.file_done)
            totals = batch.run(files)
    if format == "json":
        import json

        tail = "\n]"
        if reporter.messages:
            tail += ', "errors": ' + json.dumps(reporter.messages, ensure_ascii=False)
        out.write(tail + "}\n")
    out.flush()
    if totals.files and not stdin:
        sys.stderr.write(_summary("check", totals, len(reporter.messages)) + "\n")
    raise typer.Exit(EXIT_ERROR if reporter.messages else EXIT_FINDINGS if totals.findings else EXIT_OK)


@app.command()
@_guard
def fix(
    paths: Paths,
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff instead of writing files.")] = False,
    unsafe: Unsafe = False,
    select: Select = None,
    ignore: Ignore = None,
    rules: RulesDir = None,
    text_field: TextField = "text",
    encoding: Encoding = None,
    translator: Translator = None,
    decisions: Decisions = None,
    no_decisions: NoDecisions = False,
    jobs: Jobs = None,
    max_chars: MaxChars = 2_000_000,
) -> None:
    """Apply safe fixes in place (atomically); --diff shows them instead; - reads stdin."""
    from .batch import Batch, Options

    n_jobs = _jobs(jobs)
    fixer = make_fixer(select, ignore, rules, unsafe, translator, decisions, no_decisions)
    opts = Options(
        fix=True, unsafe=unsafe, text_field=text_field, encoding=encoding, diff=diff, entries=False, max_chars=max_chars
    )
    stdin = paths == ["-"]
    files, errors = ([], []) if stdin else _files(paths)
    out = sys.stdout.buffer
    with _Reporter(len(files), not stdin) as reporter:
        for e in errors:
            reporter.problem(e)
        if stdin:
            chunk, data = _stdin_chunk(fixer, opts, reporter)
            if diff:
                out.write(chunk.diff or b"")
            else:
                out.write(chunk.output if chunk.changed and chunk.output is not None else data)
            out.flush()
            if reporter.messages:
                raise typer.Exit(EXIT_ERROR)
            if diff:
                raise typer.Exit(EXIT_FINDINGS if chunk.changed else EXIT_OK)
            raise typer.Exit(EXIT_FINDINGS if chunk.remaining else EXIT_OK)

        def write(data: bytes) -> None:
            out.write(data)

        batch = Batch(fixer, opts, n_jobs, on_chunk=reporter.chunk, on_problem=reporter.problem,
                      on_file=reporter.file_done, on_bytes=write)
        totals = batch.run(files)
    out.flush()
    if totals.files:
        sys.stderr.write(_summary("diff" if diff else "fix", totals, len(reporter.messages)) + "\n")
    if reporter.messages:
        raise typer.Exit(EXIT_ERROR)
    if diff:
        raise typer.Exit(EXIT_FINDINGS if totals.diffs else EXIT_OK)
    raise typer.Exit(EXIT_FINDINGS if totals.remaining else EXIT_OK)


@rules_app.command("list")
@_guard
def rules_list(
    rules: RulesDir = None,
    select: Select = None,
    ignore: Ignore = None,
) -> None:
    """List every rule with its category, safety and message."""
    fixer = make_fixer(select, ignore, rules, no_decisions=True)
    for r in sorted(fixer.rules, key=lambda r: r.id):
        sys.stdout.write(f"{r.id:<40} {r.category:<15} {r.safety.value:<7} {r.message}\n")


@rules_app.command("explain")
@_guard
def rules_explain(rule_id: Annotated[str, typer.Argument(help="A rule id, e.g. merged-word.case-join")], rules: RulesDir = None) -> None:
    """Show what a rule looks for, why, how safe its fix is, and its examples."""
    from .examples import strip_marks

    fixer = make_fixer(None, None, rules, no_decisions=True)
    matches = [r for r in fixer.rules if r.id == rule_id]
    if not matches:
        close = [r.id for r in fixer.rules if rule_id in r.id]
        raise UsageError(f"no rule {rule_id!r}" + (f" (did you mean {', '.join(close[:5])}?)" if close else ""))
    r = matches[0]
    out = [f"{r.id}  [{r.category}, {r.kind}, fix {r.safety.value}]", f"  {r.message}", f"  defined in {r.source}", ""]
    out += ["  " + ln for ln in r.explanation.splitlines()]
    for ex in r.examples:
        if ex.bad is not None:
            _text, _ = strip_marks(ex.bad)
            out.append(f"\n  bad:   {ex.bad!r}")
            if ex.fixed is not None:
                out.append(f"  fixed: {ex.fixed!r}")
        else:
            out.append(f"\n  keep:  {ex.keep!r}")
    sys.stdout.write("\n".join(out) + "\n")


@rules_app.command("test")
@_guard
def rules_test(
    files: Annotated[
        list[Path] | None, typer.Argument(help="Rule files or folders to test (default: every bundled rule).")
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Run the examples of every rule, glossary entry and site profile (or of those in FILES);
    exit 1 when one fails."""
    from .engine import Config, Fixer
    from .examples import completeness_problems, run_examples, run_table_examples

    for f in files or []:
        if not f.exists():
            raise UsageError(f"{f}: no such file or folder")
    fixer = Fixer(Config(rule_dirs=tuple(files or ())))
    wanted = [str(p.resolve()) for p in files or []]

    def chosen(source: str) -> bool:
        return not wanted or any(str(Path(source).resolve()).startswith(w) for w in wanted)

    selected = [r for r in fixer.rules if chosen(r.source)]
    passed = failed = 0
    for r in selected:
        for problem in completeness_problems(r):
            sys.stdout.write(f"INCOMPLETE {problem}\n")
            failed += 1
        for o in run_examples(r, fixer.runner(r.id)):
            if o.ok:
                passed += 1
                if verbose:
                    sys.stdout.write(f"ok   {r.id} example {o.index + 1}\n")
            else:
                failed += 1
                sys.stdout.write(f"FAIL {r.id} example {o.index + 1}: {o.detail}\n")
        for where, ok, detail in run_table_examples(r, fixer.store, fixer.runner(r.id)):
            passed += ok
            failed += not ok
            if not ok:
                sys.stdout.write(f"FAIL {r.id} {where}: {detail}\n")
            elif verbose:
                sys.stdout.write(f"ok   {r.id} {where}\n")
    extra_passed, extra_failed, extra_files = _test_glossaries_and_profiles(fixer, chosen)
    passed += extra_passed
    failed += extra_failed
    if files and not selected and not extra_files:
        raise UsageError("no rules, glossary entries or site profiles found in " + ", ".join(map(str, files)))
    what = f"{len(selected)} rules" + (f", {extra_files} glossary/profile files" if extra_files else "")
    sys.stdout.write(f"{what}: {passed} passed, {failed} failed\n")
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)


def _test_glossaries_and_profiles(fixer: Any, chosen: Any) -> tuple[int, int, int]:
    """Glossary entries and site profiles carry examples too; run those of the chosen files."""
    passed = failed = nfiles = 0
    try:
        from .glossary_cli import check_file
    except ImportError:
        check_file = None
    if check_file is not None:
        for path in fixer.store.files("glossary/*.toml"):
            if not chosen(str(path)):
                continue
            nfiles += 1
            problems, ok = check_file(path)
            passed += ok
            failed += len(problems)
            for p in problems:
                sys.stdout.write(f"FAIL {p}\n")
    try:
        from .detectors.site_profiles import profile_example_problems
    except ImportError:
        return passed, failed, nfiles
    profile_files = [p for p in fixer.store.files("profiles/*.toml") if chosen(str(p))]
    if profile_files:
        nfiles += len(profile_files)
        problems = [p for p in profile_example_problems(fixer.config.rule_dirs) if chosen(p.split(": ", 1)[0])]
        failed += len(problems)
        for p in problems:
            sys.stdout.write(f"FAIL {p}\n")
        total = sum(len(t.get("example", [])) for t in fixer.store.tables("profiles/*.toml", "profile") if chosen(t["_file"]))
        passed += max(total - len(problems), 0)
    return passed, failed, nfiles


def _mount_optional() -> None:
    """Sub-commands that live in their own modules (glossary, eval, review, report)."""
    import importlib.util

    if importlib.util.find_spec("fixer.glossary_cli") is not None:
        from .glossary_cli import app as glossary_app

        app.add_typer(glossary_app, name="glossary", help="List, add and check glossary entries.")
    if importlib.util.find_spec("fixer.review_cli") is not None:
        from .review_cli import review

        app.command("review")(_guard(review))
    if importlib.util.find_spec("fixer.report_cli") is not None:
        from .report_cli import report

        app.command("report")(_guard(report))
    app.command(
        "eval",
        context_settings={"allow_extra_args": True, "ignore_unknown_options": True, "help_option_names": []},
        add_help_option=False,
        help="Score fixer against NAME.gold.json annotations (see `fixer eval --help`).",
    )(_eval)


def _eval(ctx: typer.Context) -> None:
    """Hand the arguments to fixer.evaluate, which has its own argparse interface."""
    from .evaluate import main as evaluate_main

    raise typer.Exit(evaluate_main(list(ctx.args)))


def main() -> None:
    """Console entry point."""
    _mount_optional()
    try:
        app()
    except SystemExit:
        raise
    except Exception as exc:  # last resort: still one line, never a traceback
        err(f"internal error: {type(exc).__name__}: {exc}")
        sys.exit(EXIT_ERROR)


if __name__ == "__main__":
    main()
