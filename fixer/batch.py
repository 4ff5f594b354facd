"""Process files and JSONL records: the work behind ``check`` and ``fix`` for one file.

``process_file`` is a pure function of (fixer, path, options) that returns findings, the new
bytes and any errors without printing or writing, so the CLI, a process pool and tests all
call the same thing; the caller decides whether to write, diff or report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .apply import FixResult
from .engine import Fixer
from .model import Finding
from .textio import Decoded, InputError, dump_record, iter_jsonl, read_file


@dataclass
class Unit:
    """One article: a whole file, or one record of a .jsonl file."""

    path: str
    record: int | None
    text: str
    findings: list[Finding] = field(default_factory=list)
    fixed: FixResult | None = None


@dataclass
class FileOutcome:
    path: str
    units: list[Unit] = field(default_factory=list)
    old_text: str = ""
    new_text: str = ""
    decoded: Decoded | None = None
    errors: list[str] = field(default_factory=list)  # fatal for the file
    warnings: list[str] = field(default_factory=list)  # e.g. a broken JSONL line

    @property
    def changed(self) -> bool:
        return self.decoded is not None and self.new_text != self.old_text

    def new_bytes(self) -> bytes:
        assert self.decoded is not None
        return self.decoded.encode(self.new_text)


@dataclass(frozen=True)
class Options:
    fix: bool = False
    unsafe: bool = False
    text_field: str = "text"
    encoding: str | None = None


def process_text(fixer: Fixer, text: str, name: str, opts: Options, record: int | None = None) -> Unit:
    unit = Unit(name, record, text)
    if opts.fix:
        unit.fixed = fixer.fix(text, name, unsafe=opts.unsafe)
        unit.findings = fixer.check(text, name)
    else:
        unit.findings = fixer.check(text, name)
    return unit


def process_decoded(fixer: Fixer, decoded: Decoded, name: str, opts: Options) -> FileOutcome:
    out = FileOutcome(name, decoded=decoded, old_text=decoded.text, new_text=decoded.text)
    if name.endswith(".jsonl"):
        pieces: list[str] = []
        for rec in iter_jsonl(decoded.text, name, opts.text_field):
            if rec.error:
                out.warnings.append(rec.error)
            if rec.text is None:
                pieces.append(rec.raw)
                continue
            unit = process_text(fixer, rec.text, name, opts, rec.index)
            out.units.append(unit)
            if unit.fixed is not None and unit.fixed.text != rec.text:
                pieces.append(dump_record(rec, unit.fixed.text, opts.text_field))
            else:
                pieces.append(rec.raw)
        out.new_text = "".join(pieces)
        return out
    unit = process_text(fixer, decoded.text, name, opts)
    out.units.append(unit)
    if unit.fixed is not None:
        out.new_text = unit.fixed.text
    return out


def process_file(fixer: Fixer, path: Path, opts: Options, display: str | None = None) -> FileOutcome:
    name = display or str(path)
    try:
        decoded = read_file(path, opts.encoding)
    except InputError as exc:
        return FileOutcome(name, errors=[str(exc)])
    return process_decoded(fixer, decoded, name, opts)
