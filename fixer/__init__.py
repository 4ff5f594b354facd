"""fixer: repair machine-translation damage in scraped news articles.

The library API for other programs (a pipeline, a Dask or Spark job, a web service)::

    import fixer

    findings = fixer.check_text(text)             # list[Finding], sorted by start
    repaired = fixer.fix_text(text)               # str: safe fixes applied
    f = fixer.Fixer(fixer.Config(select=("merged-word",)))
    f.check(text); f.fix(text).text

A ``Fixer`` loads its rules once and is then reused for any number of texts; it pickles
cheaply (only its ``Config`` travels, compiled rules are rebuilt on first use), so it can be
shipped to process-pool or cluster workers. ``check_text``/``fix_text`` keep one ``Fixer`` per
``Config`` for the life of the process.

Everything is imported lazily so that ``import fixer`` and ``fixer --help`` stay fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from .engine import Config, Fixer
    from .model import Edit, Finding, Fix

__all__ = ["Config", "Edit", "Finding", "Fix", "Fixer", "check_text", "fix_text"]

_LAZY = {
    "Fixer": "engine",
    "Config": "engine",
    "Finding": "model",
    "Fix": "model",
    "Edit": "model",
    "Safety": "model",
}
_FIXERS: dict[Any, Any] = {}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'fixer' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def _fixer(config: Config | None) -> Fixer:
    from .engine import Config, Fixer

    key = config if config is not None else Config()
    f = _FIXERS.get(key)
    if f is None:
        f = Fixer(key)
        _ = f.compiled  # fail now on a bad rule file, not on the first text
        _FIXERS[key] = f
    return f


def check_text(text: str, config: Config | None = None) -> list[Finding]:
    """Findings of every selected rule in ``text``, sorted by start offset.

    Offsets are code points into ``text``; a finding's ``fix`` (if any) says how to repair it
    and whether that is ``safe``.
    """
    return _fixer(config).check(text)


def fix_text(text: str, config: Config | None = None, unsafe: bool = False) -> str:
    """``text`` with its safe fixes applied (also the unsafe ones with ``unsafe=True``).

    Same result as ``fixer fix``: repeated until stable, never two edits on the same
    characters, and a text with no findings comes back unchanged.
    """
    return _fixer(config).fix(text, unsafe=unsafe).text
