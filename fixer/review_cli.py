"""``fixer review PATH...``: the interactive walk of ``fixer.review`` wired to files.

Each article is read once, walked through, and written once at the end of its walk,
atomically and in its own encoding (BOM and line endings kept). The decisions (accepted,
rejected, rewritten) are merged into the decisions file once, when the walk ends or the
editor quits. Mounted on the main app by ``cli._mount_optional``.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated, Any

import typer

from . import cli
from .report_cli import display_name


def _terminal() -> Any:
    """Questions on stdout, answers from stdin: a line each, editable on a real terminal."""
    from .review import Terminal

    tty = sys.stdin.isatty()
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")

    def say(s: str) -> None:
        sys.stdout.write(s + "\n")
        sys.stdout.flush()

    def ask(prompt: str) -> str | None:
        if tty:
            try:
                return input(prompt)
            except EOFError:
                return None
        sys.stdout.write(prompt)
        sys.stdout.flush()
        line = sys.stdin.readline()
        if not line:
            sys.stdout.write("\n")
            return None
        sys.stdout.write(line if line.endswith("\n") else line + "\n")  # echo: a readable transcript
        return line.rstrip("\r\n")

    edit = None
    if tty:
        try:
            import readline  # line editing and history for input()
        except ImportError:
            readline = None  # type: ignore[assignment]
        if readline is not None:

            def edit(prompt: str, default: str) -> str | None:
                readline.set_startup_hook(lambda: readline.insert_text(default))
                try:
                    return ask(prompt)
                finally:
                    readline.set_startup_hook()

    return Terminal(ask=ask, say=say, color=color, edit=edit)


def review(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to review (.txt, .md, .jsonl).")],
    select: cli.Select = None,
    ignore: cli.Ignore = None,
    rules: cli.RulesDir = None,
    text_field: cli.TextField = "text",
    encoding: cli.Encoding = None,
    translator: cli.Translator = None,
    decisions: cli.Decisions = None,
    no_decisions: Annotated[
        bool, typer.Option("--no-decisions", help="Propose again what was rejected before (new decisions are still saved).")
    ] = False,
) -> None:
    """Walk through the proposed changes one by one (y/n/e/a/s/q) and write what you accept."""
    from . import decisions as dec
    from .document import Document
    from .review import walk
    from .textio import InputError, discover, dump_record, iter_jsonl, read_file, write_atomic

    if "-" in paths:
        cli.err("review reads answers from stdin, so it cannot read an article from it; give a file")
        raise typer.Exit(cli.EXIT_ERROR)
    try:
        fixer = cli.make_fixer(select, ignore, rules, translator=translator, decisions=decisions, no_decisions=no_decisions)
    except cli.UsageError as exc:
        cli.err(str(exc))
        raise typer.Exit(cli.EXIT_ERROR) from None
    dec_path = decisions or dec.DEFAULT_PATH
    files, errors = discover(paths)
    for e in errors:
        cli.err(e)
    term = _terminal()
    made: list[dec.Decision] = []
    counts = {"accepted": 0, "rejected": 0, "skipped": 0, "written": 0}
    failed = bool(errors)
    quit_all = False
    for path in files:
        name = display_name(path)
        try:
            decoded = read_file(path, encoding)
        except InputError as exc:
            cli.err(str(exc))
            failed = True
            continue
        if path.suffix == ".jsonl":
            pieces: list[str] = []
            for rec in iter_jsonl(decoded.text, name, text_field):
                if rec.text is None or quit_all:
                    pieces.append(rec.raw)
                    continue
                where = f"{name}[{rec.index}]"
                result = walk(rec.text, fixer.check(rec.text, name), term, path=where, doc=Document(rec.text, name))
                _count(result, counts)
                made.extend(result.decisions)
                pieces.append(dump_record(rec, result.new_text, text_field) if result.changed else rec.raw)
                quit_all = result.quit
            new_text = "".join(pieces)
        else:
            doc = fixer.document(decoded.text, name)
            result = walk(decoded.text, fixer.check_document(doc), term, path=name, doc=doc)
            _count(result, counts)
            made.extend(result.decisions)
            new_text = result.new_text
            quit_all = result.quit
        if new_text != decoded.text:
            try:
                write_atomic(path, decoded.encode(new_text))
                counts["written"] += 1
            except (InputError, OSError) as exc:
                cli.err(str(exc) if isinstance(exc, InputError) else f"{name}: cannot write: {exc}")
                failed = True
        if quit_all:
            break
    if made:
        dec.save(dec_path, made)
    remembered = f"; decisions saved to {dec_path}" if made else ""
    sys.stdout.write(
        f"\naccepted {counts['accepted']}, rejected {counts['rejected']}, skipped {counts['skipped']}; "
        f"{counts['written']} file{'s' if counts['written'] != 1 else ''} written{remembered}\n"
    )
    raise typer.Exit(cli.EXIT_ERROR if failed else cli.EXIT_OK)


def _count(result: Any, counts: dict[str, int]) -> None:
    counts["accepted"] += len(result.accepted)
    counts["rejected"] += sum(1 for d in result.decisions if d.verdict == "reject")
    counts["skipped"] += result.skipped
