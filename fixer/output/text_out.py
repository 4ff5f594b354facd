"""Findings for people: one line each (``path:line:col: rule [category] message``), a fix
marker, and counts per category; coloured on a terminal, plain when piped (rich decides)."""

from __future__ import annotations

from collections import Counter

from ..batch import FileOutcome
from ..document import Document
from ..model import CATEGORIES, Finding

STYLE = {"safe": "green", "unsafe": "yellow", None: "dim"}


def fix_label(f: Finding) -> str:
    if f.fix is None:
        return "no fix"
    reps = [e.replacement for e in f.fix.edits]
    shown = " | ".join(repr(r) if r else "(delete)" for r in reps[:3])
    return f"{f.fix.safety.value} fix: {shown}"


def category_counts(outcomes: list[FileOutcome]) -> Counter[str]:
    return Counter(f.category for o in outcomes for u in o.units for f in u.findings)


def summary_line(outcomes: list[FileOutcome]) -> str:
    counts = category_counts(outcomes)
    total = sum(counts.values())
    files = sum(1 for o in outcomes if not o.errors)
    articles = sum(len(o.units) for o in outcomes)
    parts = ", ".join(f"{c} {counts[c]}" for c in CATEGORIES if counts[c])
    fixable = sum(1 for o in outcomes for u in o.units for f in u.findings if f.fix and f.fix.safety.value == "safe")
    return (
        f"{total} finding{'s' if total != 1 else ''} in {files} file{'s' if files != 1 else ''}"
        f" ({articles} article{'s' if articles != 1 else ''})"
        + (f": {parts}" if parts else "")
        + (f"; {fixable} with a safe fix (run `fixer fix`)" if fixable else "")
    )


def render(outcomes: list[FileOutcome], console) -> None:
    from rich.markup import escape

    for o in outcomes:
        for u in o.units:
            doc = Document(u.text)
            where = o.path if u.record is None else f"{o.path}[{u.record}]"
            for f in sorted(u.findings, key=Finding.sort_key):
                line, col = doc.line_col(f.start)
                snippet = u.text[f.start : f.end].replace("\n", "⏎")
                if len(snippet) > 70:
                    snippet = snippet[:67] + "…"
                style = STYLE[f.fix.safety.value if f.fix else None]
                console.print(
                    f"[bold]{escape(where)}:{line}:{col}[/]: [cyan]{f.rule}[/] "
                    f"[magenta]\\[{f.category}][/] {escape(f.message)}\n"
                    f"    [dim]{escape(snippet)!s}[/]  →  [{style}]{escape(fix_label(f))}[/]",
                    highlight=False,
                    soft_wrap=True,
                )
    console.print(summary_line(outcomes), highlight=False, soft_wrap=True)
