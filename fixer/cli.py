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
) -> None:
    """Report findings; change nothing."""
    from .batch import Options

    if format not in ("text", "json"):
        raise UsageError(f"unknown format {format!r} (text or json)")
    fixer = make_fixer(select, ignore, rules, translator=translator, decisions=decisions, no_decisions=no_decisions)
    outcomes, errors = _run(paths, fixer, Options(text_field=text_field, encoding=encoding))
    if format == "json":
        from .output import json_out

        sys.stdout.write(json_out.render(outcomes) + "\n")
    else:
        from rich.console import Console

        from .output import text_out

        text_out.render(outcomes, Console(highlight=False))
    bad = _report_problems(outcomes, errors)
    found = any(u.findings for o in outcomes for u in o.units)
    raise typer.Exit(EXIT_ERROR if bad else EXIT_FINDINGS if found else EXIT_OK)


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
) -> None:
    """Apply safe fixes in place (atomically); --diff shows them instead; - reads stdin."""
    from .batch import Options
    from .diff import unified
    from .textio import InputError, write_atomic

    fixer = make_fixer(select, ignore, rules, unsafe, translator, decisions, no_decisions)
    opts = Options(fix=True, unsafe=unsafe, text_field=text_field, encoding=encoding)
    outcomes, errors = _run(paths, fixer, opts)
    any_diff = False
    write_failed = False
    for o in outcomes:
        if o.errors or o.decoded is None:
            continue
        if paths == ["-"] and not diff:
            sys.stdout.buffer.write(o.new_bytes())
            sys.stdout.flush()
            continue
        if not o.changed:
            continue
        if diff:
            any_diff = True
            sys.stdout.write(unified(o.old_text, o.new_text, o.path))
            continue
        try:
            write_atomic(Path(o.path), o.new_bytes())
        except (InputError, OSError) as exc:
            err(str(exc) if isinstance(exc, InputError) else f"{o.path}: cannot write: {exc.strerror or exc}")
            write_failed = True
    bad = _report_problems(outcomes, errors) or write_failed
    applied = sum(len(u.fixed.applied) for o in outcomes for u in o.units if u.fixed)
    remaining = sum(len(u.fixed.remaining) for o in outcomes for u in o.units if u.fixed)
    if not diff and paths != ["-"]:
        changed = sum(1 for o in outcomes if o.changed and not write_failed)
        sys.stderr.write(
            f"fixed {applied} finding{'s' if applied != 1 else ''} in {changed} file{'s' if changed != 1 else ''}; "
            f"{remaining} remain{'s' if remaining == 1 else ''}"
            + (" (unsafe fixes need --unsafe or `fixer review`)" if remaining else "")
            + "\n"
        )
    if bad:
        raise typer.Exit(EXIT_ERROR)
    if diff:
        raise typer.Exit(EXIT_FINDINGS if any_diff else EXIT_OK)
    raise typer.Exit(EXIT_FINDINGS if remaining else EXIT_OK)


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
    files: Annotated[list[Path] | None, typer.Argument(help="Rule files or folders to test (default: every rule).")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Run the examples of every rule (or of the rules in FILES); exit 1 when one fails."""
    from .engine import Config, Fixer
    from .examples import completeness_problems, run_examples

    fixer = Fixer(Config(rule_dirs=tuple(files or ())))
    wanted = {str(p.resolve()) for p in files or []}
    selected = [
        r for r in fixer.rules
        if not wanted or any(str(Path(r.source).resolve()).startswith(w) for w in wanted)
    ]
    if files and not selected:
        raise UsageError("no rules found in " + ", ".join(map(str, files)))
    failed = 0
    total = 0
    for r in selected:
        for problem in completeness_problems(r):
            sys.stdout.write(f"INCOMPLETE {problem}\n")
            failed += 1
        for o in run_examples(r, fixer.runner(r.id)):
            total += 1
            if not o.ok:
                failed += 1
                sys.stdout.write(f"FAIL {r.id} example {o.index + 1}: {o.detail}\n")
            elif verbose:
                sys.stdout.write(f"ok   {r.id} example {o.index + 1}\n")
    passed = total - min(failed, total)
    sys.stdout.write(f"{len(selected)} rules: {passed} passed, {failed} failed\n")
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)


def _mount_optional() -> None:
    """Sub-commands that live in their own modules (glossary, eval, review, report)."""
    import importlib.util

    if importlib.util.find_spec("fixer.glossary_cli") is not None:
        from .glossary_cli import app as glossary_app

        app.add_typer(glossary_app, name="glossary", help="List, add and check glossary entries.")


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
