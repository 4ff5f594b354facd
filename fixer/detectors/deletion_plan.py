"""The shared deletion plan of the boilerplate line rules: how to delete one line so that the
text keeps its paragraph structure whatever subset of the deletions is applied.

Deleting lines one by one leaves gaps when debris comes in blocks (a timestamp, then a hashtag
line, then a comment prompt at the end of the page). So every rule first asks ``plan`` which
lines *any* boilerplate line rule would delete, and shapes its own edits to fit that block:
in the middle of the text a block gives back exactly one blank line; at the end of the text each
line takes the line break before it; at the start, the blank lines after it. The shapes compose:
applying only some of a block's deletions never glues two kept lines into one.
"""

from __future__ import annotations

import bisect

from ..corroboration import WEAK
from ..document import Document, Line
from ..model import Edit, Finding, Rule, Safety
from .boilerplate_common import LINE_RULES, PROFILES, Verdict, verdicts
from .boilerplate_common import numbers as line_numbers
from .site_profiles import profile_verdicts


def plan(doc: Document) -> frozenset[int]:
    """Numbers of the lines that some boilerplate line rule deletes (shared by all rules)."""
    planned = doc.cache.get("boilerplate:plan")
    if planned is None:
        planned = _plan(doc)
    return planned


def plan_safety(doc: Document) -> dict[int, Safety]:
    """Planned line → SAFE when a safe rule deletes it (it goes even without ``--unsafe``)."""
    if "boilerplate:plan-safety" not in doc.cache:
        _plan(doc)
    return doc.cache["boilerplate:plan-safety"]


def _plan(doc: Document) -> frozenset[int]:
    """The plan and its safety, in one pass over the verdicts of every line rule (and of the
    site profiles): a line is SAFE when any verdict on it is, else UNSAFE."""
    safety: dict[int, Safety] = {}
    done = doc.cache.get("boilerplate:verdicts") or {}  # (the rules that already ran, looked up directly)
    found = [done[rule_id] if rule_id in done else verdicts(doc, rule_id) for rule_id in LINE_RULES]
    if doc.cache.get("store") is not None:
        found.append(profile_verdicts(doc, "boilerplate.site-profile", PROFILES))
    safe = Safety.SAFE
    for vs in found:
        for v in vs:
            if v.weak:
                continue  # (it may be dropped: the lines around it must not count on it)
            n = v.line.number
            if safety.get(n) is not safe:
                safety[n] = v.safety
    planned = doc.cache["boilerplate:plan"] = frozenset(safety)
    doc.cache["boilerplate:plan-safety"] = safety
    return planned


def _blocks(doc: Document, planned: frozenset[int], safety: dict[int, Safety]) -> dict[int, tuple[int, int, int]]:
    """Line index → (first, last, taker) of its block of planned lines (no blank line inside):
    a block is a run of consecutive planned non-blank lines, so only the planned lines are
    visited (in order), not every line of the text. The taker is the line that gives back the
    block's blank lines: the last one, or, when the block ends with a safe line, its last unsafe
    one."""
    n = len(doc.lines)
    filled = _filled(doc)
    out: dict[int, tuple[int, int, int]] = {}
    marked = [num - 1 for num in sorted(planned) if 0 < num <= n and num in filled]
    k = 0
    while k < len(marked):
        first = i = marked[k]
        while k + 1 < len(marked) and marked[k + 1] == i + 1:
            k += 1
            i += 1
        if first == i or safety.get(i + 1) is not Safety.SAFE:
            taker = i  # (a block of one line, or one that ends with an unsafe line: its last line)
        else:
            last_unsafe = next((j for j in range(i, first - 1, -1) if safety.get(j + 1) is Safety.UNSAFE), None)
            taker = i if last_unsafe is None else last_unsafe
        for j in range(first, i + 1):
            out[j] = (first, i, taker)
        k += 1
    return out


def deletion_edits(doc: Document, line: Line, planned: frozenset[int] | None = None) -> tuple[Edit, ...]:
    """The edits that delete ``line`` so that, with the other planned deletions, the text keeps
    one blank line between paragraphs and gains no blank line at its start or end.

    A block of debris lines between two paragraphs gives back its blank lines through one of
    its lines: the last one, or, when the block mixes unsafe and safe lines, the last unsafe
    one, so that applying only the safe deletions still leaves the paragraphs apart.

    The blank lines around a line are found by bisection in the numbers of the non-blank lines
    (a blank line's break ends where the next line starts), not by walking them."""
    if planned is None:
        shape = doc.cache.get("boilerplate:shape")
        if shape is None:
            planned = plan(doc)
            at = line_numbers(doc)
            shape = doc.cache["boilerplate:shape"] = (
                [n for n in at if n not in planned], _blocks(doc, planned, plan_safety(doc)), at)
        kept, blocks, numbers = shape
    else:  # a hypothetical plan (tests): computed afresh
        planned = planned | {line.number}
        numbers = line_numbers(doc)
        kept = [n for n in numbers if n not in planned]
        blocks = _blocks(doc, planned, {})
    lines = doc.lines
    number = line.number
    pos = bisect.bisect_left(kept, number)
    has_before, next_kept = pos > 0, (kept[pos] if pos < len(kept) else None)
    if next_kept is None and has_before:
        # tail debris: take the line break before the line and any blank lines between (from
        # the end of the non-blank line before it)
        k = bisect.bisect_left(numbers, number)
        return (Edit(lines[numbers[k - 1] - 1].end if k > 0 else 0, line.end, ""),)
    # head or middle: the line and its break, plus the blank lines after its block when the
    # block had a blank line before it (one blank line survives), or at the head of the text
    idx = number - 1
    first, last, taker = blocks.get(idx, (idx, idx, idx))
    filled = _filled(doc)  # (line ``j`` is blank when ``j + 1`` is not in it)
    if taker != idx or not (
        (not has_before or (first > 0 and first not in filled)) and last + 1 < len(lines) and last + 2 not in filled
    ):
        return (Edit(line.start, doc.break_end(line), ""),)
    # the blank lines after the block, up to the next non-blank line (which the next kept line
    # cannot precede): their breaks end where that line starts
    start = lines[last + 1].start  # (the end of the block's last line break)
    end = start if next_kept is None else lines[numbers[bisect.bisect_right(numbers, last + 1)] - 1].start
    if idx == last:
        return (Edit(line.start, end, ""),)
    if end > start:
        return (Edit(line.start, doc.break_end(line), ""), Edit(start, end, ""))
    return (Edit(line.start, doc.break_end(line), ""),)


def _filled(doc: Document) -> frozenset[int]:
    """The numbers of the non-blank lines (``Line.blank`` is a call per line; this, one per text)."""
    found = doc.cache.get("boilerplate:filled")
    if found is None:
        found = doc.cache["boilerplate:filled"] = frozenset(line_numbers(doc))
    return found


def emit(doc: Document, rule: Rule, verdicts: list[Verdict]) -> list[Finding]:
    """The findings of ``verdicts`` (a list: the engine takes them all at once)."""
    out = []
    finding = rule.finding
    for v in verdicts:
        line = v.line
        if v.span is None:
            out.append(finding(line.start, line.end, message=v.message or None, safety=v.safety,
                               edits=deletion_edits(doc, line, plan(doc) if v.weak else None), title="Delete the line",
                               data=WEAK if v.weak else ()))  # (a weak line is in no plan: its own is the plan and it)
        else:
            s, e = v.span
            out.append(finding(s, e, message=v.message or None, safety=v.safety,
                               edits=(Edit(s, v.edit_end if v.edit_end is not None else e, ""),), title="Delete it"))
    return out
