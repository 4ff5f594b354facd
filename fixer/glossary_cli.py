"""``fixer glossary list|add|check``: read, extend and validate glossaries.

``add`` edits the TOML file with tomlkit so a hand-kept glossary keeps its comments, order and
layout; ``check`` validates a glossary file and runs its entries' examples with the
terminology, inconsistency and mistranslation rules (the file's entities included), so a user's
entry is tested the way bundled ones are.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

app = typer.Typer(help="List, extend and check glossaries of names and acronyms.", no_args_is_help=True)

RULES = ("terminology", "inconsistency", "mistranslation")
ENTITY_KEYS = {
    "id", "kind", "name", "acronym", "fr", "fr_ok", "variants", "mangled", "context", "country",
    "demonym", "capital", "example",
}
FR_KEYS = {"name", "acronym", "ambiguous", "demonym"}
EXAMPLE_KEYS = {"bad", "fixed", "keep", "safety", "expect", "note"}


def _glossary(rule_dirs: tuple[Path, ...] = ()) -> Any:
    from .data import DataStore
    from .glossary import load_glossary

    return load_glossary(DataStore(rule_dirs))


@app.command("list")
def list_entities(
    grep: Annotated[str | None, typer.Option("--grep", "-g", help="Only entries whose id, names or acronyms contain this (any case).")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="Only entries of this kind (country, armed-group…).")] = None,
    rules: Annotated[list[Path] | None, typer.Option("--rules", help="A folder of your own rules and glossaries.")] = None,
) -> None:
    """List the glossary: id, kind, English name (acronym), French acronym."""
    g = _glossary(tuple(rules or ()))
    needle = (grep or "").casefold()
    shown = 0
    for e in g.entities:
        if kind and e.kind != kind:
            continue
        hay = " ".join([e.id, e.name, e.acronym, e.fr_name, e.fr_acronym, *e.variants]).casefold()
        if needle and needle not in hay:
            continue
        fr = f"  [fr {e.fr_acronym}]" if e.fr_acronym and e.fr_acronym != e.acronym else ""
        typer.echo(f"{e.id:<28} {e.kind:<18} {e.label()}{fr}")
        shown += 1
    typer.echo(f"{shown} of {len(g.entities)} entries", err=True)


@app.command("add")
def add(
    file: Annotated[Path, typer.Argument(help="Glossary file to add to (created if missing).")],
    id: Annotated[str, typer.Option("--id", help="Unique id, e.g. 'ecowas'.")],
    name: Annotated[str, typer.Option("--name", help="Canonical English name.")],
    acronym: Annotated[str | None, typer.Option("--acronym", help="English acronym.")] = None,
    kind: Annotated[str, typer.Option("--kind", help="regional-body, armed-group, party, person…")] = "organisation",
    fr_name: Annotated[str | None, typer.Option("--fr-name", help="French name.")] = None,
    fr_acronym: Annotated[str | None, typer.Option("--fr-acronym", help="French acronym.")] = None,
    variant: Annotated[list[str] | None, typer.Option("--variant", help="Another correct English form; repeatable.")] = None,
    mangled: Annotated[list[str] | None, typer.Option("--mangled", help="A known bad form; repeatable.")] = None,
    context: Annotated[list[str] | None, typer.Option("--context", help="A word that confirms the entity; repeatable.")] = None,
    country: Annotated[str | None, typer.Option("--country", help="Country the entity belongs to.")] = None,
) -> None:
    """Append an entry to a glossary file, keeping its comments and layout."""
    import tomlkit

    original = ""
    if file.exists():
        original = file.read_text(encoding="utf-8")
        try:
            doc = tomlkit.parse(original)
        except Exception as exc:
            _fail(f"{file}: invalid TOML: {exc}")
    else:
        doc = tomlkit.document()
        original = "# Glossary entries added with `fixer glossary add` (format: see fixer's rules/glossary/bodies.toml).\n"
    existing = {str(t.get("id")) for t in doc.get("entity", [])}
    existing |= {e.id for e in _glossary().entities}
    if id in existing:
        _fail(f"{file}: an entry with id {id!r} already exists")
    table = tomlkit.table()
    table["id"] = id
    table["kind"] = kind
    table["name"] = name
    if acronym:
        table["acronym"] = acronym
    if fr_name or fr_acronym:
        fr = tomlkit.inline_table()
        if fr_name:
            fr["name"] = fr_name
        if fr_acronym:
            fr["acronym"] = fr_acronym
        table["fr"] = fr
    for key, values in (("variants", variant), ("mangled", mangled), ("context", context)):
        if values:
            table[key] = list(values)
    if country:
        table["country"] = country
    # The file's own text is kept byte for byte; the new entry is appended after a blank line.
    added = tomlkit.document()
    aot = tomlkit.aot()
    aot.append(table)
    added.append("entity", aot)
    text = (original.rstrip("\n") + "\n\n" if original.strip() else original) + tomlkit.dumps(added)
    tomlkit.parse(text)  # the result must still be valid TOML
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    typer.echo(f"{file}: added {id} ({name})")


@app.command("check")
def check(
    file: Annotated[Path, typer.Argument(help="Glossary file to validate.")],
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show passing examples too.")] = False,
) -> None:
    """Validate a glossary file and run its entries' examples; exit 1 on any problem."""
    problems, passed = check_file(file, verbose_out=typer.echo if verbose else None)
    for p in problems:
        typer.echo(p, err=True)
    typer.echo(f"{file}: {passed} example(s) passed, {len(problems)} problem(s)")
    raise typer.Exit(1 if problems else 0)


def check_file(file: Path, verbose_out: Callable[[str], Any] | None = None) -> tuple[list[str], int]:
    """Problems of a glossary file (structure, duplicates, failing examples) and the number of
    passing examples."""
    from .data import DataError, read_toml_file
    from .glossary import GlossaryError, parse_entity

    try:
        data = read_toml_file(file)
    except DataError as exc:
        return [str(exc)], 0
    problems: list[str] = []
    entities = data.get("entity", [])
    if not isinstance(entities, list):
        return [f"{file}: 'entity' must be an array of tables ([[entity]])"], 0
    seen: set[str] = set()
    for i, t in enumerate(entities):
        where = f"{file}: entity {t.get('id', f'#{i + 1}')!r}"
        for key in sorted(set(t) - ENTITY_KEYS):
            problems.append(f"{where}: unknown key {key!r}")
        fr = t.get("fr", {})
        if isinstance(fr, dict):
            for key in sorted(set(fr) - FR_KEYS):
                problems.append(f"{where}: unknown key fr.{key}")
        for ex in t.get("example", []):
            for key in sorted(set(ex) - EXAMPLE_KEYS):
                problems.append(f"{where}: unknown example key {key!r}")
            if ("bad" in ex) == ("keep" in ex):
                problems.append(f"{where}: an example has either 'bad' or 'keep'")
        try:
            e = parse_entity({**t, "_file": str(file)})
        except GlossaryError as exc:
            problems.append(str(exc))
            continue
        if e.id in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(e.id)
        for list_key in ("variants", "mangled", "context"):
            values = t.get(list_key, [])
            if len(values) != len(set(values)):
                problems.append(f"{where}: {list_key} repeats an item")
    if problems:
        return problems, 0
    return _run_examples(file, entities, problems, verbose_out)


def _run_examples(file: Path, entities: list[dict[str, Any]], problems: list[str],
                  verbose_out: Callable[[str], Any] | None) -> tuple[list[str], int]:
    from .engine import Config, Fixer
    from .examples import check_example
    from .glossary import GlossaryError
    from .model import Example

    tmp = Path(tempfile.mkdtemp(prefix="fixer-glossary-"))
    try:
        bundled = _bundled_glossary_file(file)
        dirs: tuple[Path, ...] = ()
        if not bundled:
            (tmp / "glossary").mkdir()
            shutil.copy(file, tmp / "glossary" / file.name)
            dirs = (tmp,)
        fx = Fixer(Config(select=RULES, rule_dirs=dirs))
        try:
            from .glossary import load_glossary

            load_glossary(fx.store)
        except GlossaryError as exc:
            return [*problems, str(exc)], 0
        runners = [fx.runner(r.id) for r in fx.rules]

        def run(doc: Any) -> list[Any]:
            return sorted((f for r in runners for f in r(doc)), key=lambda f: f.sort_key())

        passed = 0
        for t in entities:
            for ex in t.get("example", []):
                example = Example(**ex)
                ok, detail = check_example(run, fx.rules[0], example)
                text = example.bad if example.bad is not None else example.keep
                if ok:
                    passed += 1
                    if verbose_out:
                        verbose_out(f"ok   {t['id']}: {text}")
                else:
                    problems.append(f"{file}: entity {t['id']!r}: example {text!r}: {detail}")
        return problems, passed
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _bundled_glossary_file(file: Path) -> bool:
    from .data import bundled_dir

    try:
        return file.resolve().parent == (bundled_dir() / "glossary").resolve()
    except OSError:
        return False


def _fail(message: str) -> None:
    typer.echo(message, err=True)
    raise typer.Exit(2)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
