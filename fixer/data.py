"""Where rule data lives and how detectors read it.

The bundled ``rules/`` folder ships inside the wheel as ``fixer/rules`` (see pyproject); in a
source checkout it is the top-level ``rules/``. Users add folders of their own (``--rules``),
whose files extend the bundled ones: a word list or glossary named like a bundled one is read
after it, so user data adds entries rather than replacing the file.

Reads are cached per store, and a store is shared by every document checked with one
configuration, so a word list is parsed once per process.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class DataError(Exception):
    """A data or rule file that cannot be read; the message names the file and the cause."""


def bundled_dir() -> Path:
    here = Path(__file__).resolve().parent
    installed = here / "rules"
    if installed.is_dir():
        return installed
    return here.parent / "rules"


def read_toml_file(path: Path) -> dict[str, Any]:
    """The parsed file; the parse is cached on disk by the file's bytes (``fixer.diskcache``),
    since parsing the bundled rules and glossaries was a third of the time to the first article."""
    from .diskcache import cached, digest

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror or exc}") from None

    def parse() -> dict[str, Any]:
        try:
            return tomllib.loads(raw.decode("utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise DataError(f"{path}: invalid TOML: {exc}") from None
        except UnicodeDecodeError as exc:
            raise DataError(f"{path}: not UTF-8: {exc.reason} at byte {exc.start}") from None

    where = digest(str(path.resolve()))[:12]
    return cached(f"toml-{path.stem.replace('-', '_')}-{where}", digest(raw), parse)


@dataclass
class DataStore:
    """The rule folders of one configuration, bundled first, and what was read from them."""

    extra_dirs: tuple[Path, ...] = ()
    _cache: dict[tuple[str, str], Any] = field(default_factory=dict, repr=False)

    @property
    def dirs(self) -> list[Path]:
        return [bundled_dir(), *self.extra_dirs]

    def files(self, pattern: str) -> list[Path]:
        """Every file matching a glob relative to a rule folder, bundled folder first."""
        out: list[Path] = []
        seen: set[Path] = set()
        for d in self.dirs:
            found = ([d] if d.match(pattern) else []) if d.is_file() else sorted(d.glob(pattern))
            for path in found:
                key = path.resolve()
                if key not in seen:  # a user folder that is (inside) the bundled one
                    seen.add(key)
                    out.append(path)
        return out

    def lines(self, name: str) -> tuple[str, ...]:
        """Items of a one-item-a-line list (``#`` starts a comment), merged over all folders."""
        key = ("lines", name)
        if key not in self._cache:
            items: list[str] = []
            for path in self.files(name):
                for raw in path.read_text(encoding="utf-8").splitlines():
                    item = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
                    if item:
                        items.append(item)
            self._cache[key] = tuple(items)
        return self._cache[key]

    def word_set(self, name: str, *, casefold: bool = False) -> frozenset[str]:
        key = ("set-cf" if casefold else "set", name)
        if key not in self._cache:
            items = self.lines(name)
            self._cache[key] = frozenset(i.casefold() for i in items) if casefold else frozenset(items)
        return self._cache[key]

    def tables(self, pattern: str, array: str) -> list[dict[str, Any]]:
        """All ``[[array]]`` tables of the TOML files matching ``pattern``, each tagged with
        ``_file`` (its path) so errors and explanations can say where an entry came from."""
        key = ("toml", f"{pattern}::{array}")
        if key not in self._cache:
            entries: list[dict[str, Any]] = []
            for path in self.files(pattern):
                doc = read_toml_file(path)
                for entry in doc.get(array, []):
                    if isinstance(entry, dict):
                        entries.append({**entry, "_file": str(path)})
            self._cache[key] = entries
        return self._cache[key]

    def memo(self, key: str, build: Any) -> Any:
        """Cache anything derived from the data (a compiled regex, an index) under ``key``."""
        ck = ("memo", key)
        if ck not in self._cache:
            self._cache[ck] = build()
        return self._cache[ck]

    def __getstate__(self) -> dict[str, Any]:
        # caches hold compiled patterns; workers rebuild them rather than unpickle them
        return {"extra_dirs": self.extra_dirs, "_cache": {}}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.extra_dirs = state["extra_dirs"]
        self._cache = {}
