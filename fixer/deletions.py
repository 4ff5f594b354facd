"""Safe fixes inside a line that another rule proposes to delete wait for the reviewer.

A scraper's debris line can hold damage of its own: `Views: 2 341` has a French thousands
space, `[Related] Code orange: what should you do ?` a space before its question mark. When
the line's deletion is only proposed (unsafe), applying the small fix alone leaves a
half-repaired line that the editor will delete anyway, and if the editor keeps it the small
fix is still offered. So such a fix becomes unsafe too: nothing on that line changes until
someone decides about the line. A safe deletion needs nothing of this: it wins the overlap
(``model.CATEGORIES`` order).
"""

from __future__ import annotations

import bisect
import dataclasses

from .model import Finding, Safety

_NOTE = " (for review: the line may be page debris that another rule proposes to delete)"
# a repeated line is a copy of article text: a fix inside it is the fix of its original, and
# deferring it would leave the copies unrepaired pass after pass (one copy stops being a repeat
# only once its original is repaired)
_COPIES = frozenset({"boilerplate.repeated-title", "boilerplate.near-repeat"})


def defer_inside_deletions(found: list[Finding]) -> list[Finding]:
    deletions = [f for f in found if f.category == "boilerplate"]  # (a few of an article's findings)
    if not deletions:
        return found
    spans = sorted(
        (e.start, e.end)
        for f in deletions
        if f.fix is not None and f.fix.safety is Safety.UNSAFE and f.rule not in _COPIES
        for e in f.fix.edits
        if not e.replacement and e.end > e.start
    )
    if not spans:
        return found
    starts = [s for s, _ in spans]
    out = []
    for f in found:
        fix = f.fix
        if fix is not None and fix.safety is Safety.SAFE and f.category != "boilerplate" and fix.edits:
            start, end = fix.edits[0].start, fix.edits[-1].end  # (``fix.start``, ``fix.end``)
            i = bisect.bisect_right(starts, start) - 1
            if i >= 0 and spans[i][0] <= start and end <= spans[i][1]:
                fix = dataclasses.replace(fix, safety=Safety.UNSAFE, title=(fix.title or "") + _NOTE)
                f = dataclasses.replace(f, fix=fix)
        out.append(f)
    return out
