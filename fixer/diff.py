"""Unified diffs that ``patch -p0`` and ``git apply -p0`` accept.

Both headers carry the same relative path and no timestamp (as ruff does), lines keep their
own endings so CRLF survives, and a last line without a newline gets the standard marker.
"""

from __future__ import annotations

import difflib

NO_EOL = "\\ No newline at end of file\n"


def unified(old: str, new: str, path: str, context: int = 3) -> str:
    if old == new:
        return ""
    a = old.splitlines(keepends=True)
    b = new.splitlines(keepends=True)
    out: list[str] = []
    for line in difflib.unified_diff(a, b, fromfile=path, tofile=path, n=context, lineterm="\n"):
        if line.startswith(("---", "+++")):
            out.append(line.rstrip("\n") + "\n")
            continue
        if line.endswith("\n"):
            out.append(line)
        else:
            out.append(line + "\n")
            out.append(NO_EOL)
    return "".join(out)
