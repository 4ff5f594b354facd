"""The data every part of fixer exchanges: edits, fixes, findings and rules.

Offsets are code points into the original text of one article; line and column numbers are
computed only when a finding is printed (see ``document.Document.line_col``). Everything here is
a frozen dataclass so findings can cross process boundaries and be compared in tests.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Safety(StrEnum):
    """How much a fix may be trusted: ``safe`` fixes are applied by default."""

    SAFE = "safe"
    UNSAFE = "unsafe"


CATEGORIES: tuple[str, ...] = (
    "boilerplate",
    "merged-word",
    "untranslated",
    "terminology",
    "inconsistency",
    "mistranslation",
    "typography",
)
"""The categories of the JSON contract, in the order used to break ties between overlapping
fixes: a deleted boilerplate line beats the merged word inside it."""


@dataclass(frozen=True, slots=True, order=True)
class Edit:
    """Replace ``text[start:end]`` by ``replacement``; an insertion has ``start == end``."""

    start: int
    end: int
    replacement: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "replacement": self.replacement}


@dataclass(frozen=True, slots=True)
class Fix:
    """Edits that must be applied together, sorted and disjoint, with one safety level."""

    edits: tuple[Edit, ...]
    safety: Safety = Safety.SAFE
    title: str = ""

    def __post_init__(self) -> None:
        # (most fixes hold one edit and are built with a Safety already: a finding per few
        # hundred characters of a damaged article makes these checks a measurable cost)
        edits = self.edits
        if type(edits) is not tuple or len(edits) != 1:
            edits = tuple(sorted(edits))
            for a, b in itertools.pairwise(edits):
                if b.start < a.end:
                    raise ValueError(f"overlapping edits in one fix: {a} and {b}")
            object.__setattr__(self, "edits", edits)
        if type(self.safety) is not Safety:
            object.__setattr__(self, "safety", Safety(self.safety))

    @classmethod
    def replace(
        cls, start: int, end: int, replacement: str, safety: Safety | str = Safety.SAFE, title: str = ""
    ) -> Fix:
        """The common case: one edit."""
        return cls((Edit(start, end, replacement),), safety, title)

    @property
    def start(self) -> int:
        return self.edits[0].start if self.edits else 0

    @property
    def end(self) -> int:
        return self.edits[-1].end if self.edits else 0

    def to_json(self) -> dict[str, Any]:
        return {"safety": self.safety.value, "edits": [e.to_json() for e in self.edits]}


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of damage found in a text, with an optional repair.

    ``start``/``end`` delimit the damaged span in the original text. ``fix`` is None when the
    rule can only point at the problem (an untranslated span with no known translation).
    """

    rule: str
    category: str
    start: int
    end: int
    message: str
    explanation: str = ""
    fix: Fix | None = None
    data: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, -self.end, self.rule)


@dataclass(frozen=True, slots=True)
class Example:
    """One example of a rule, run as a test by ``fixer rules test`` and by pytest.

    ``bad`` holds the text with the expected span between ``⟦`` and ``⟧``; ``fixed`` the text
    expected after applying that rule's fix (None: no fix expected); ``keep`` a text the rule
    must leave alone.
    """

    bad: str | None = None
    fixed: str | None = None
    keep: str | None = None
    safety: str | None = None
    expect: str = "pass"
    note: str = ""


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule as declared in a TOML file of ``rules/``.

    ``kind`` names the engine that runs it (``pattern``, ``lines``, ``detector``); ``params``
    holds every other key of the TOML table so each kind and detector reads its own data.
    """

    id: str
    category: str
    kind: str
    message: str
    explanation: str = ""
    safety: Safety = Safety.SAFE
    severity: str = "warning"
    examples: tuple[Example, ...] = ()
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    source: str = ""

    def finding(
        self,
        start: int,
        end: int,
        replacement: str | None = None,
        *,
        message: str | None = None,
        safety: Safety | str | None = None,
        edits: tuple[Edit, ...] | None = None,
        title: str = "",
        data: tuple[tuple[str, str], ...] = (),
    ) -> Finding:
        """Build a finding of this rule; ``replacement`` (or ``edits``) makes it fixable;
        ``data`` travels with it (``fixer.corroboration.WEAK``)."""
        fix = None
        level = self.safety if safety is None else safety  # (Fix turns a string into Safety)
        if edits is not None:
            if type(edits) is tuple and len(edits) == 1 and type(level) is Safety:
                fix = _fix(edits, level, title)  # (what ``Fix.__post_init__`` would leave as it is)
            else:
                fix = Fix(tuple(edits), level, title)
        elif replacement is not None:
            edit = _new(Edit)
            _EDIT_START(edit, start)
            _EDIT_END(edit, end)
            _EDIT_REPLACEMENT(edit, replacement)
            fix = _fix((edit,), level, title) if type(level) is Safety else Fix((edit,), level, title)
        return _finding(self.id, self.category, start, end, message or self.message, self.explanation, fix, data)


# Rules build a finding per few hundred characters of a damaged article: the generated
# ``__init__`` of a frozen dataclass sets each field through ``object.__setattr__`` by name, and
# ``Rule.finding`` sets the slots directly instead (the same objects, about twice as fast).
_new = object.__new__
_EDIT_START, _EDIT_END, _EDIT_REPLACEMENT = (Edit.__dict__[name].__set__ for name in ("start", "end", "replacement"))
_FIX_SLOTS = tuple(Fix.__dict__[name].__set__ for name in ("edits", "safety", "title"))
_FINDING_SLOTS = tuple(
    Finding.__dict__[name].__set__
    for name in ("rule", "category", "start", "end", "message", "explanation", "fix", "data")
)


def _fix(edits: tuple[Edit, ...], safety: Safety, title: str) -> Fix:
    """``Fix(edits, safety, title)`` for one edit and a ``Safety``, which ``__post_init__``
    leaves as they are."""
    fix = _new(Fix)
    set_edits, set_safety, set_title = _FIX_SLOTS
    set_edits(fix, edits)
    set_safety(fix, safety)
    set_title(fix, title)
    return fix


def _finding(
    rule: str, category: str, start: int, end: int, message: str, explanation: str, fix: Fix | None,
    data: tuple[tuple[str, str], ...],
) -> Finding:
    """``Finding(rule, category, start, end, message, explanation, fix, data)``, its slots set
    directly."""
    f = _new(Finding)
    s_rule, s_category, s_start, s_end, s_message, s_explanation, s_fix, s_data = _FINDING_SLOTS
    s_rule(f, rule)
    s_category(f, category)
    s_start(f, start)
    s_end(f, end)
    s_message(f, message)
    s_explanation(f, explanation)
    s_fix(f, fix)
    s_data(f, data)
    return f
