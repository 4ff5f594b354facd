"""Reading and writing articles without losing a byte that fixer did not mean to change.

Text is decoded without newline translation, so CRLF, a missing final newline and a BOM all
survive a round trip; a file is written back in its own encoding, atomically (a temporary file
in the same folder, then ``os.replace``), and only when its text changed, so unchanged files
keep their mtime.
"""

from __future__ import annotations

import codecs
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = (".txt", ".md", ".jsonl")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class InputError(Exception):
    """A file that cannot be read as an article; the message says which and why."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)


def decode(data: bytes, name: str, encoding: str | None = None) -> Decoded:
    """Decode a file's bytes: BOM first, then the given encoding or strict UTF-8.

    Invalid UTF-8 is an error naming the byte offset, never a silent replacement: a user who
    knows the file is Latin-1 says ``--encoding latin-1``.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(enc), enc, bom)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: invalid {enc} after its byte-order mark at byte {exc.start}") from None
    if encoding:
        try:
            return Decoded(data.decode(encoding), encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"{name}: cannot decode as {encoding}: {exc}") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file (NUL bytes), not an article")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: invalid UTF-8 at byte {exc.start}; give --encoding (for example latin-1 or cp1252)"
        ) from None


def read_file(path: Path, encoding: str | None = None) -> Decoded:
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return decode(data, str(path), encoding)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, keeping its permission bits.

    The temporary file lives in the same folder so the final rename never crosses a file
    system; if anything fails before the rename the original is untouched.
    """
    directory = path.parent
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        mode = None
    if not os.access(path, os.W_OK):
        raise InputError(f"{path}: not writable")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".fixer-tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def discover(paths: list[str]) -> tuple[list[Path], list[str]]:
    """Expand folders into their articles (recursively, sorted, links not followed into loops).

    Returns the files and one error line per path that gave nothing.
    """
    files: list[Path] = []
    errors: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = []
            for root, dirs, names in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for n in sorted(names):
                    if n.endswith(SUFFIXES) and not n.startswith("."):
                        found.append(Path(root) / n)
            if not found:
                errors.append(f"{p}: folder contains no .txt, .md or .jsonl files")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            errors.append(f"{p}: no such file or directory")
    return files, errors


@dataclass
class Record:
    """One article of a .jsonl file: its line index, parsed object and text field."""

    index: int
    raw: str
    obj: dict | None
    text: str | None
    error: str | None = None


def iter_jsonl(text: str, name: str, field: str = "text") -> Iterator[Record]:
    """Records of a JSON Lines text; a broken line is a record with an ``error``, not a stop."""
    for i, raw in enumerate(text.splitlines(keepends=True)):
        body = raw.strip()
        if not body:
            yield Record(i, raw, None, None)
            continue
        try:
            obj = json.loads(body)
        except json.JSONDecodeError as exc:
            yield Record(i, raw, None, None, f"{name}:{i + 1}: invalid JSON: {exc.msg}")
            continue
        if not isinstance(obj, dict):
            yield Record(i, raw, None, None, f"{name}:{i + 1}: not a JSON object")
            continue
        value = obj.get(field)
        if not isinstance(value, str):
            yield Record(i, raw, obj, None, f"{name}:{i + 1}: no string field {field!r}")
            continue
        yield Record(i, raw, obj, value)


def dump_record(rec: Record, new_text: str, field: str = "text") -> str:
    """Re-serialise a changed record, keeping its other fields, their order and its line end."""
    assert rec.obj is not None
    obj = dict(rec.obj)
    obj[field] = new_text
    ending = rec.raw[len(rec.raw.rstrip("\r\n")) :]
    compact = '": ' not in rec.raw and '", ' not in rec.raw
    separators = (",", ":") if compact else (", ", ": ")
    ascii_only = rec.raw.isascii() and "\\u" in rec.raw
    return json.dumps(obj, ensure_ascii=ascii_only, separators=separators) + ending
