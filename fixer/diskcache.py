"""Data derived from files (parsed TOML, word-frequency tables) kept on disk between runs.

Why: a fresh process spends most of its time to the first article parsing the rule and
glossary TOML files (~0.15 s) and unpacking wordfreq's tables (~0.2 s). Both results are plain
Python data, which ``marshal`` reads back roughly ten times faster. The cache is an
optimisation only: any failure to read or write it falls back to building the value, and a
value is looked up by a key that names exactly what it was built from (the source file's
bytes or identity, fixer's version, Python's marshal format), so a stale entry is never used.

Where: ``$FIXER_CACHE_DIR`` when set (set it to an empty string to turn the cache off),
otherwise ``$XDG_CACHE_HOME/fixer`` or ``~/.cache/fixer``. Files are written atomically (a
temporary file renamed into place), so a crash or a concurrent run never leaves a torn entry.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_MAGIC = "fixer-cache-1"
_SALT = f"{_MAGIC}|py{sys.version_info[0]}.{sys.version_info[1]}|marshal{marshal.version}"


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is turned off."""
    env = os.environ.get("FIXER_CACHE_DIR")
    if env is not None:
        return Path(env) if env.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "fixer"


def digest(*parts: str | bytes) -> str:
    """A short hex key over ``parts`` and the cache format (fixer and Python versions)."""
    from . import __version__

    h = hashlib.blake2b(digest_size=16)
    for part in (_SALT, __version__, *parts):
        h.update(part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def cached(kind: str, key: str, build: Callable[[], T]) -> T:
    """``build()``, or the value an earlier run stored under (kind, key).

    ``kind`` names the source (one entry is kept per kind: building a new one deletes the
    older ones), ``key`` what exactly it was built from (see ``digest``).
    The stored record repeats the key, so a file that somehow holds another entry (or junk
    that happens to unmarshal) is rebuilt rather than trusted."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{kind}-{key}.bin"
    try:
        record = marshal.loads(path.read_bytes())
        if isinstance(record, tuple) and len(record) == 3 and record[0] == _MAGIC and record[1] == key:
            return record[2]
    except (OSError, ValueError, EOFError, TypeError):
        pass
    value = build()
    _store(path, key, value)
    _prune(folder, kind, keep=path)
    return value


def _prune(folder: Path, kind: str, keep: Path) -> None:
    """Drop older entries of the same kind (the file was edited, fixer upgraded) so the cache
    holds one entry per source rather than growing with every edit."""
    try:
        for old in folder.glob(f"{kind}-*.bin"):
            if old != keep and old.name[len(kind) + 1 :].count("-") == 0:
                old.unlink()
    except OSError:
        pass


def _store(path: Path, key: str, value: object) -> None:
    try:
        data = marshal.dumps((_MAGIC, key, value))
    except ValueError:  # holds something marshal cannot write (a datetime in TOML): no cache
        return
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:  # read-only home, full disk: run without the cache
        try:
            tmp.unlink()
        except OSError:
            pass
