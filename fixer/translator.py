"""A user's translation command for French spans the phrase table cannot cover.

``--translator "CMD"`` names a program that reads French on stdin and writes English on stdout
(a local MT model, a script calling a service the user trusts). fixer never calls anything the
user did not name, so nothing here runs unless a command is configured. The command is split
like a shell word list (``shlex``) and run without a shell; each distinct span is translated
once per process (cache), with a timeout. A failure never stops a check: it is returned as a
message the detector puts in its finding, and the span is still reported without a repair.
"""

from __future__ import annotations

import shlex
import subprocess
from dataclasses import dataclass

DEFAULT_TIMEOUT_S = 20.0
CACHE_MAX = 20_000


@dataclass(frozen=True)
class Outcome:
    """What the command gave for one span: ``text`` (None on failure) or ``error``."""

    text: str | None
    error: str = ""


_CACHE: dict[tuple[str, str], Outcome] = {}


def run(span: str, command: str, timeout: float = DEFAULT_TIMEOUT_S) -> Outcome:
    """Translate ``span`` with ``command``; the outcome is cached per (command, span)."""
    key = (command, span)
    hit = _CACHE.get(key)
    if hit is not None:
        return hit
    out = _call(span, command, timeout)
    if len(_CACHE) >= CACHE_MAX:  # a long batch run: forget the oldest half
        for k in list(_CACHE)[: CACHE_MAX // 2]:
            del _CACHE[k]
    _CACHE[key] = out
    return out


def translate(span: str, command: str, timeout: float = DEFAULT_TIMEOUT_S) -> str | None:
    """The English for ``span``, or None when the command failed or said nothing."""
    return run(span, command, timeout).text


def _call(span: str, command: str, timeout: float) -> Outcome:
    try:
        argv = shlex.split(command)
    except ValueError as exc:
        return Outcome(None, f"translator command cannot be parsed: {exc}")
    if not argv:
        return Outcome(None, "translator command is empty")
    try:
        proc = subprocess.run(  # the user's own command, run without a shell
            argv, input=span, capture_output=True, text=True, encoding="utf-8", timeout=timeout, check=False
        )
    except FileNotFoundError:
        return Outcome(None, f"translator {argv[0]!r} not found")
    except subprocess.TimeoutExpired:
        return Outcome(None, f"translator timed out after {timeout:g}s")
    except OSError as exc:
        return Outcome(None, f"translator could not run: {exc.strerror or exc}")
    if proc.returncode != 0:
        detail = (proc.stderr or "").strip().splitlines()
        tail = f": {detail[-1]}" if detail else ""
        return Outcome(None, f"translator exited with status {proc.returncode}{tail}")
    text = " ".join(proc.stdout.split())
    if not text:
        return Outcome(None, "translator returned nothing")
    return Outcome(text)


def clear_cache() -> None:
    _CACHE.clear()
