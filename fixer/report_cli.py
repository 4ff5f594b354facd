"""``fixer report PATH... --html OUT.html``: a review page for editors who never open a terminal.

The command checks every article like ``check`` does (remembered decisions honoured), prints
the counts per category, and writes one self-contained HTML page (``fixer.output.html``).
Exit status follows the contract: 1 when findings remain, 0 when none, 2 on an error.
Mounted on the main app by ``cli._mount_optional``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from . import cli


def report(
    paths: cli.Paths,
    html: Annotated[Path | None, typer.Option("--html", help="Write a self-contained HTML review page here.")] = None,
    title: Annotated[str, typer.Option("--title", help="Title of the HTML page.")] = "fixer report",
    select: cli.Select = None,
    ignore: cli.Ignore = None,
    rules: cli.RulesDir = None,
    text_field: cli.TextField = "text",
    encoding: cli.Encoding = None,
    translator: cli.Translator = None,
    decisions: cli.Decisions = None,
    no_decisions: cli.NoDecisions = False,
) -> None:
    """Count findings per category and write an HTML page to review them in a browser."""
    from .batch import Options, process_decoded, process_file
    from .decisions import write_text_atomic
    from .output import html as html_out
    from .output.text_out import summary_line
    from .textio import InputError, decode, discover

    try:
        fixer = cli.make_fixer(select, ignore, rules, translator=translator, decisions=decisions, no_decisions=no_decisions)
    except cli.UsageError as exc:
        cli.err(str(exc))
        raise typer.Exit(cli.EXIT_ERROR) from None
    opts = Options(text_field=text_field, encoding=encoding)
    outcomes = []
    bad = False
    if paths == ["-"]:
        try:
            outcomes.append(process_decoded(fixer, decode(sys.stdin.buffer.read(), "<stdin>", encoding), "-", opts))
        except InputError as exc:
            cli.err(str(exc))
            raise typer.Exit(cli.EXIT_ERROR) from None
        files: list[Path] = []
    else:
        files, errors = discover([p for p in paths if p != "-"])
        for e in errors:
            cli.err(e)
            bad = True
    for path in files:
        outcomes.append(process_file(fixer, path, opts, display=display_name(path)))
    for o in outcomes:
        for e in o.errors:
            cli.err(e)
            bad = True
        for w in o.warnings:
            cli.err(f"warning: {w}")
    sys.stdout.write(summary_line(outcomes) + "\n")
    if html is not None:
        page = html_out.render(outcomes, title=title)
        try:
            write_text_atomic(html, page)
        except OSError as exc:
            cli.err(f"{html}: cannot write: {exc.strerror or exc}")
            raise typer.Exit(cli.EXIT_ERROR) from None
        sys.stdout.write(f"wrote {html}\n")
    found = any(u.findings for o in outcomes for u in o.units)
    raise typer.Exit(cli.EXIT_ERROR if bad else cli.EXIT_FINDINGS if found else cli.EXIT_OK)


def display_name(path: Path) -> str:
    """A path relative to the working folder when it is inside it, as the other commands show it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
