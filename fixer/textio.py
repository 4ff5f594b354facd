"""Reading and writing articles without losing a byte that fixer did not mean to change.

Text is decoded without newline translation, so CRLF, a missing final newline and a BOM all
survive a round trip; a file is written back in its own encoding, atomically (a temporary file
in the same folder, then ``os.replace``), and only when its text changed, so unchanged files
keep their mtime.

Bytes that are not valid UTF-8 are never dropped or replaced: without ``--encoding`` they are
decoded with ``surrogateescape`` (each bad byte becomes one lone surrogate that no rule
matches) and written back as the very same bytes, and the file is reported so the user can
give the right encoding. JSON Lines files are read line by line so their size does not matter.
"""

from __future__ import annotations

import codecs
import json
import os
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

SUFFIXES = (".txt", ".md", ".jsonl")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
SNIFF = 8192  # bytes looked at to tell a binary file from text


class InputError(Exception):
    """A file that cannot be read as an article; the message says which and why."""


@dataclass(frozen=True)
class Decoded:
    """A decoded text and how to turn it back into the same bytes."""

    text: str
    encoding: str
    bom: bytes = b""
    errors: str = "strict"
    note: str | None = None  # a problem worth reporting (undecodable bytes kept as they are)

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding, self.errors)


def _bom(data: bytes) -> tuple[bytes, str] | None:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return bom, enc
    return None


def _check_encoding(name: str, encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"{name}: unknown encoding {encoding!r}") from None


def decode(data: bytes, name: str, encoding: str | None = None) -> Decoded:
    """Decode a file's bytes: BOM first, then the given encoding, else UTF-8.

    Invalid UTF-8 is reported with its byte offset and decoded losslessly (``surrogateescape``)
    rather than replaced, so ``fix`` writes the undecodable bytes back unchanged; a user who
    knows the file is Latin-1 says ``--encoding latin-1``.
    """
    found = _bom(data)
    if found:
        bom, enc = found
        try:
            return Decoded(data[len(bom) :].decode(enc), enc, bom)
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: invalid {enc} after its byte-order mark at byte {exc.start + len(bom)}") from None
    if encoding:
        enc = _check_encoding(name, encoding)
        try:
            return Decoded(data.decode(enc), enc)
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: cannot decode as {encoding} at byte {exc.start}: {exc.reason}") from None
    if b"\x00" in data[:SNIFF]:
        raise InputError(f"{name}: binary file (NUL bytes), not an article (UTF-16 without a BOM needs --encoding utf-16-le)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8", "surrogateescape")
        bad = sum(1 for ch in text if "\udc80" <= ch <= "\udcff")
        note = (
            f"{name}: invalid UTF-8 at byte {exc.start} ({bad} undecodable byte{'s' if bad != 1 else ''} kept as is);"
            " give --encoding (for example latin-1 or cp1252)"
        )
        return Decoded(text, "utf-8", b"", "surrogateescape", note)


def _os_error(path: Path | str, exc: OSError, verb: str = "read") -> InputError:
    if isinstance(exc, IsADirectoryError):
        return InputError(f"{path}: is a directory")
    if isinstance(exc, FileNotFoundError):
        return InputError(f"{path}: no such file")
    if isinstance(exc, PermissionError):
        return InputError(f"{path}: permission denied")
    return InputError(f"{path}: cannot {verb}: {exc.strerror or exc}")


def read_file(path: Path, encoding: str | None = None, name: str | None = None) -> Decoded:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _os_error(name or path, exc) from None
    return decode(data, name or str(path), encoding)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, keeping its permission bits.

    The temporary file lives in the same folder so the final rename never crosses a file
    system; if anything fails before the rename the original is untouched.
    """
    with AtomicWriter(path) as fh:
        fh.write(data)


class AtomicWriter:
    """A temporary file next to ``path`` that replaces it on ``commit`` (or is removed).

    Used as a context manager: leaving the block normally commits, an exception discards. A
    streaming writer (JSON Lines) calls ``discard`` itself when nothing changed, so the file
    keeps its mtime.
    """

    def __init__(self, path: Path) -> None:
        # through a symbolic link, rewrite the file it points to: replacing the link itself
        # with a regular file would leave the real article unfixed and the link broken up
        name = path  # messages name the file as the user gave it
        self.path = path = Path(os.path.realpath(path))
        try:
            self.mode: int | None = path.stat().st_mode & 0o7777
        except OSError:
            self.mode = None
        if path.exists() and not os.access(path, os.W_OK):
            raise InputError(f"{name}: not writable")
        try:
            fd, self.tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".fixer-tmp", dir=path.parent)
        except OSError as exc:
            raise InputError(f"{name}: cannot write a temporary file next to it: {exc.strerror or exc}") from None
        self.fh: BinaryIO = os.fdopen(fd, "wb")
        self.done = False

    def write(self, data: bytes) -> None:
        self.fh.write(data)

    def commit(self) -> None:
        if self.done:
            return
        try:
            self.fh.flush()
            os.fsync(self.fh.fileno())
            self.fh.close()
            if self.mode is not None:
                os.chmod(self.tmp, self.mode)
            os.replace(self.tmp, self.path)
        except BaseException:
            self.discard()
            raise
        self.done = True

    def discard(self) -> None:
        if self.done:
            return
        self.done = True
        try:
            self.fh.close()
        except OSError:
            pass
        try:
            os.unlink(self.tmp)
        except OSError:
            pass

    def __enter__(self) -> AtomicWriter:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.discard()


def discover(paths: list[str]) -> tuple[list[Path], list[str]]:
    """Expand folders into their articles (recursively, sorted, symbolic links to folders not
    followed, so link loops cannot trap the walk).

    The walk keeps its own stack (no recursion limit, so any depth works) and reports folders it
    cannot read instead of skipping them silently. Returns the files and one error line per
    path or folder that gave nothing.
    """
    files: list[Path] = []
    errors: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            before = len(errors)
            found = _walk(path, errors)
            if not found and len(errors) == before:
                errors.append(f"{p}: folder contains no .txt, .md or .jsonl files")
            files.extend(found)
        elif path.exists():
            files.append(path)
        elif path.is_symlink():
            errors.append(f"{p}: broken symbolic link")
        else:
            errors.append(f"{p}: no such file or directory")
    return files, errors


def _walk(top: Path, errors: list[str]) -> list[Path]:
    found: list[Path] = []
    stack = [str(top)]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            errors.append(str(_os_error(folder, exc, "list folder")))
            continue
        subdirs = []
        for e in entries:
            if e.name.startswith("."):
                continue
            try:
                is_dir = e.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                subdirs.append(e.path)
            elif e.name.endswith(SUFFIXES):
                try:
                    st = os.stat(e.path)
                except OSError as exc:
                    # a dangling link or a link loop: report it under its own name
                    errors.append(str(_os_error(e.path, exc)))
                    continue
                if stat.S_ISREG(st.st_mode):
                    found.append(Path(e.path))
        stack.extend(reversed(subdirs))
    return found


@dataclass
class Record:
    """One article of a .jsonl file: its line index, parsed object and text field."""

    index: int
    raw: str
    obj: dict | None
    text: str | None
    error: str | None = None


def parse_record(index: int, raw: str, name: str, field: str = "text") -> Record:
    """Parse one line of a JSON Lines file; a broken line is a record with an ``error``."""
    body = raw.strip()
    if not body:
        return Record(index, raw, None, None)
    try:
        obj = json.loads(body)
    except json.JSONDecodeError as exc:
        return Record(index, raw, None, None, f"{name}:{index + 1}: invalid JSON: {exc.msg} (line kept as it is)")
    except RecursionError:
        return Record(index, raw, None, None, f"{name}:{index + 1}: JSON nested too deeply (line kept as it is)")
    if not isinstance(obj, dict):
        return Record(index, raw, None, None, f"{name}:{index + 1}: not a JSON object (line kept as it is)")
    value = obj.get(field)
    if not isinstance(value, str):
        return Record(index, raw, obj, None, f"{name}:{index + 1}: no string field {field!r} (line kept as it is)")
    return Record(index, raw, obj, value)


def split_lines(text: str) -> list[str]:
    """Lines of a JSON Lines text, split at ``\\n`` only: U+2028 and friends may sit raw inside
    JSON strings, so ``str.splitlines`` would cut records in two."""
    parts = text.split("\n")
    out = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        out.append(parts[-1])
    return out


def iter_jsonl(text: str, name: str, field: str = "text") -> Iterator[Record]:
    """Records of a JSON Lines text held in memory (stdin); files are streamed by ``JsonlReader``."""
    for i, raw in enumerate(split_lines(text)):
        yield parse_record(i, raw, name, field)


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


@dataclass
class JsonlReader:
    """Stream the lines of a JSON Lines file as (raw bytes, decoded text), in flat memory.

    ASCII-compatible encodings (UTF-8, Latin-1, cp1252…) are read line by line; a UTF-16 or
    UTF-32 file (known by its BOM) cannot be split on a byte and is decoded whole. ``bom``
    is given back by the writer; ``notes`` collects undecodable-byte reports (first few only).
    """

    path: Path
    name: str
    encoding: str | None = None
    bom: bytes = b""
    codec: str = "utf-8"
    notes: list[str] = field(default_factory=list)
    bad_lines: int = 0

    def lines(self) -> Iterator[tuple[bytes, str]]:
        try:
            fh = self.path.open("rb")
        except OSError as exc:
            raise _os_error(self.name, exc) from None
        with fh:
            try:
                head = fh.read(SNIFF)
            except OSError as exc:
                raise _os_error(self.name, exc) from None
            found = _bom(head)
            if found and found[1] != "utf-8":
                yield from self._whole(head + fh.read())
                return
            if self.encoding:
                self.codec = _check_encoding(self.name, self.encoding)
                if "\n".encode(self.codec) != b"\n":
                    yield from self._whole(head + fh.read())
                    return
            elif b"\x00" in head:
                raise InputError(f"{self.name}: binary file (NUL bytes), not JSON Lines")
            if found:
                self.bom = found[0]
                head = head[len(self.bom) :]
            fh.seek(len(self.bom))
            for i, raw in enumerate(fh):
                yield raw, self._decode_line(i, raw)

    def _decode_line(self, i: int, raw: bytes) -> str:
        try:
            return raw.decode(self.codec)
        except UnicodeDecodeError as exc:
            if self.encoding:
                raise InputError(
                    f"{self.name}:{i + 1}: cannot decode as {self.encoding} at byte {exc.start} of the line"
                ) from None
            self.bad_lines += 1
            if len(self.notes) < 3:
                self.notes.append(
                    f"{self.name}:{i + 1}: invalid UTF-8 at byte {exc.start} of the line (bytes kept as is);"
                    " give --encoding (for example latin-1 or cp1252)"
                )
            return raw.decode(self.codec, "surrogateescape")

    def _whole(self, data: bytes) -> Iterator[tuple[bytes, str]]:
        decoded = decode(data, self.name, self.encoding)
        self.bom, self.codec = decoded.bom, decoded.encoding
        for line in split_lines(decoded.text):
            yield line.encode(self.codec, decoded.errors), line

    def encode(self, text: str) -> bytes:
        """Bytes of a (changed) line in the file's own encoding; lone surrogates from
        undecodable input go back to the bytes they came from."""
        return text.encode(self.codec, "surrogateescape" if self.codec == "utf-8" else "strict")
