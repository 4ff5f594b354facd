"""Apply fixes to a text without ever applying two edits to the same characters.

Policy, in order (deterministic, so two runs give the same text):

1. Candidates are the findings that carry a fix whose safety is allowed: ``safe`` always,
   ``unsafe`` only with ``allow_unsafe`` (``--unsafe``) or when a reviewer accepted it.
2. A fix identical to one already chosen (same edits, from another rule) is applied once.
3. Fixes are sorted by (first edit start, longest span first, category rank, rule id): at one
   start the wider repair wins, so a deleted boilerplate line beats the merged word inside it.
4. A sweep keeps a fix only when none of its edits intersects an edit already kept. Touching
   edits are allowed (``]is`` → ``] is`` right after ``[au Mali]`` → ``[in Mali]``), but two
   insertions at the same point, or an insertion strictly inside a kept edit, conflict.
5. The kept edits are applied in one pass over slices of the original text. The result is
   checked again and fixed again while a pass still changes something, at most ``MAX_PASSES``
   times; a text that does not settle keeps the last result and is reported as not converged.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .model import CATEGORIES, Edit, Finding, Fix, Safety

MAX_PASSES = 4
_RANK = {c: i for i, c in enumerate(CATEGORIES)}


@dataclass
class FixResult:
    text: str
    applied: list[Finding] = field(default_factory=list)
    skipped: list[Finding] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)
    passes: int = 0
    converged: bool = True

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def _conflicts(a: Edit, b: Edit) -> bool:
    if a.start == a.end and b.start == b.end:
        return a.start == b.start
    if a.start == a.end:
        return b.start < a.start < b.end
    if b.start == b.end:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


class _KeptEdits:
    """Kept edits sorted by start; they never overlap, so their ends are sorted too and a new
    edit only needs to be compared with the few kept edits around it (not all of them)."""

    def __init__(self) -> None:
        self.edits: list[Edit] = []
        self.ends: list[int] = []

    def conflicts(self, e: Edit) -> bool:
        i = bisect.bisect_left(self.ends, e.start)
        while i < len(self.edits) and self.edits[i].start <= e.end:
            if _conflicts(e, self.edits[i]):
                return True
            i += 1
        return False

    def add(self, e: Edit) -> None:
        i = bisect.bisect_right(self.edits, e)
        self.edits.insert(i, e)
        self.ends.insert(i, e.end)


def allowed(f: Finding, allow_unsafe: bool, accepted: set[int] | None = None) -> bool:
    if f.fix is None:
        return False
    if f.fix.safety is Safety.SAFE or allow_unsafe:
        return True
    return accepted is not None and id(f) in accepted


def resolve(findings: Iterable[Finding], allow_unsafe: bool = False, accepted: set[int] | None = None
            ) -> tuple[list[Finding], list[Finding]]:
    """Choose the fixes to apply; returns (chosen, skipped because of an overlap)."""
    cands = [f for f in findings if allowed(f, allow_unsafe, accepted)]
    cands.sort(key=lambda f: (f.fix.start, -(f.fix.end - f.fix.start), _RANK.get(f.category, 99), f.rule, f.start))
    kept = _KeptEdits()
    seen: set[tuple[Edit, ...]] = set()
    chosen: list[Finding] = []
    skipped: list[Finding] = []
    for f in cands:
        assert f.fix is not None
        if f.fix.edits in seen:
            continue
        if any(kept.conflicts(e) for e in f.fix.edits):
            skipped.append(f)
            continue
        for e in f.fix.edits:
            kept.add(e)
        seen.add(f.fix.edits)
        chosen.append(f)
    return chosen, skipped


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply disjoint edits in one pass over slices of ``text``."""
    out: list[str] = []
    pos = 0
    for e in sorted(edits):
        out.append(text[pos : e.start])
        out.append(e.replacement)
        pos = max(pos, e.end)
    out.append(text[pos:])
    return "".join(out)


def apply_fixes(text: str, fixes: Iterable[Fix]) -> str:
    return apply_edits(text, [e for fx in fixes for e in fx.edits])


def fix_until_stable(
    text: str,
    check: Callable[[str], list[Finding]],
    *,
    allow_unsafe: bool = False,
    accept: Callable[[Finding], bool] | None = None,
) -> FixResult:
    """Check, resolve, apply; repeat until a pass changes nothing (at most ``MAX_PASSES``)."""
    result = FixResult(text)
    current = text
    for n in range(1, MAX_PASSES + 1):
        findings = check(current)
        accepted = {id(f) for f in findings if accept is not None and f.fix is not None and accept(f)}
        chosen, skipped = resolve(findings, allow_unsafe, accepted)
        result.passes = n
        if n == 1:
            result.skipped = skipped
        if not chosen:
            result.remaining = findings
            result.text = current
            return result
        new = apply_fixes(current, [f.fix for f in chosen if f.fix is not None])
        if new == current:
            result.remaining = findings
            result.text = current
            return result
        if n == 1:
            result.applied = chosen
        else:
            result.applied.extend(chosen)
        current = new
    result.text = current
    result.remaining = check(current)
    result.converged = not any(allowed(f, allow_unsafe) for f in result.remaining)
    return result
