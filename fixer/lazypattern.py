"""Module-level patterns compiled on first use rather than at import.

Why: a fresh ``fixer check`` imports every detector module, and those modules hold about 270
patterns. ``regex`` parses a pattern in Python (about a millisecond each, more for the long
Unicode classes), and about half of them are never searched on a given article because a
cheaper gate said no first. Compiling only what the first article reaches keeps start-up to
the first article within its budget (see bench/run.py, "start-up").

A ``LazyPattern`` stands in for the compiled pattern: its first use compiles it and copies the
matching methods onto the instance, so later calls cost one instance-attribute lookup, as
they would on the pattern itself. ``pattern`` (the source text) is there without compiling,
so other patterns can be built from it at import.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

# what a compiled pattern offers that the detectors call; copied onto the stand-in once compiled
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
            "flags", "groups", "groupindex")


class LazyPattern:
    """A pattern compiled by ``compile(source, flags)`` the first time any method is used."""

    def __init__(self, compile: Callable[..., Any], source: str, flags: int = 0) -> None:
        self._compile = compile
        self._flags = flags
        self.pattern = source

    def compiled(self) -> Any:
        """The compiled pattern (for code that needs the real object, e.g. ``re.sub(pat, …)``)."""
        done = self.__dict__.get("_compiled")
        if done is None:
            done = self._compile(self.pattern, self._flags)
            for name in _METHODS:
                self.__dict__[name] = getattr(done, name)
            self.__dict__["_compiled"] = done
        return done

    def __getattr__(self, name: str) -> Any:
        # reached only for a name not yet on the instance: a method before the first compile
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


def lazy(compile: Callable[..., Any], source: str, flags: int = 0) -> Any:
    """A stand-in for ``compile(source, flags)`` (``re.compile`` or ``regex.compile``), typed as
    what it stands for."""
    return cast(Any, LazyPattern(compile, source, flags))
