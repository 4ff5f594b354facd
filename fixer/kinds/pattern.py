"""The ``pattern`` kind: a regular expression, optionally with a replacement template.

Keys: ``pattern`` (or ``patterns``, a list), ``replace`` (a ``regex`` expansion template such as
``"\\1 \\2"``; absent means the rule only warns), ``flags`` (letters of ``imsx``), ``group`` (the
group whose span is reported and replaced; default the whole match), ``needs`` (optional: strings
of which every match holds one, as written, where the pattern's own literals cannot say so: a
text holding none is not searched). Patterns run under the
``regex`` module's timeout so a user's backtracking pattern is reported, not obeyed forever.
"""

from __future__ import annotations

import regex

from ..document import Document
from ..model import Finding, Rule

TIMEOUT_S = 1.0
FLAG_BITS = {"i": regex.IGNORECASE, "m": regex.MULTILINE, "s": regex.DOTALL, "x": regex.VERBOSE}


class PatternTimeout(Exception):
    """A rule's pattern ran past the time limit on one text."""


def compile_rule(rule: Rule) -> list[regex.Pattern[str]]:
    flags = regex.V1 if rule.params.get("v1") else 0
    for letter in str(rule.params.get("flags", "")):
        flags |= FLAG_BITS.get(letter, 0)
    pats = rule.params.get("patterns") or [rule.params.get("pattern")]
    return [regex.compile(p, flags) for p in pats if p]


def find(
    doc: Document, rule: Rule, compiled: list[regex.Pattern[str]], needles: list[str | None] | None = None
) -> list[Finding]:
    """The rule's findings: ``needles`` (parallel to ``compiled``, from ``required_literals``)
    are strings that every match of their pattern holds; a text without one is not searched
    with that pattern (``str.find`` speed instead of a regex scan)."""
    template = rule.params.get("replace")
    group = rule.params.get("group", 0)
    text = doc.text
    out: list[Finding] = []
    for k, pat in enumerate(compiled):
        if needles is not None and needles[k] is not None and needles[k] not in text:
            continue
        try:
            matches = list(pat.finditer(text, timeout=TIMEOUT_S))
        except TimeoutError:
            raise PatternTimeout(f"rule {rule.id}: pattern timed out after {TIMEOUT_S}s") from None
        for m in matches:
            start, end = m.span(group)
            if start < 0 or (start == end and template is None):
                continue
            replacement = None
            if template is not None:
                # (with a group: expanded relative to the whole match, the group's span replaced)
                replacement = m.expand(template)
                if replacement == text[start:end]:
                    continue
            out.append(rule.finding(start, end, replacement))
    return out


def required_literals(rule: Rule) -> list[str | None]:
    """For each pattern of ``compile_rule(rule)``, in order, ``required_literal`` of it under
    the rule's flags."""
    v1 = bool(rule.params.get("v1"))
    flags = 0
    for letter in str(rule.params.get("flags", "")):
        flags |= FLAG_BITS.get(letter, 0)
    pats = rule.params.get("patterns") or [rule.params.get("pattern")]
    return [None if v1 else required_literal(p, flags) for p in pats if p]


_SPECIAL = frozenset("\\.^$*+?{}[]|()")
_REPEATS = frozenset("*+?{")
_GROUP_OPENERS = frozenset(":=!<>|")  # what may follow ``(?`` without setting a flag


def required_literal(pattern: str, flags: int = 0) -> str | None:
    """The longest string that every match of ``pattern`` (``regex`` syntax, version 0) holds,
    read from the characters of its top level (outside any group or class) that no repeat
    follows; None when there is none or the pattern is of a shape not read here: an
    alternative at the top level, case-insensitive or verbose flags (given or inline), classes
    holding a ``[``. A run of such characters is matched as it stands, one character after the
    other, by every match. Most rules' patterns hold one (`Qaïda`, `‘`), and a text without it
    (most texts) needs no regex scan."""
    if flags & (regex.IGNORECASE | regex.VERBOSE):
        return None
    best, run = "", ""
    depth, i, n = 0, 0, len(pattern)
    while i < n:
        c = pattern[i]
        literal = None
        if c == "\\":
            nxt = pattern[i + 1 : i + 2]
            if not nxt:
                return None
            if nxt.isascii() and not (nxt.isalnum() or nxt.isspace()):
                literal, i = nxt, i + 2  # an escaped punctuation mark
            else:
                i = _escape_end(pattern, i)
                if i < 0:
                    return None
        elif c == "[":
            i = _class_end(pattern, i)
            if i < 0:
                return None
        elif c == "(":
            if pattern.startswith("(?", i):
                after = pattern[i + 2 : i + 3]
                if after not in _GROUP_OPENERS and not (after == "P" and pattern[i + 3 : i + 4] in ("<", "=", ">")):
                    return None  # a flag (`(?i)`, `(?x:`), a comment, a recursion: not read here
            depth += 1
            i += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                return None
            i += 1
        elif c == "|":
            if depth == 0:
                return None
            i += 1
        elif c == "{":
            close = pattern.find("}", i)
            if close < 0:
                return None
            i = close + 1
        elif c in _SPECIAL:
            i += 1
        else:
            literal, i = c, i + 1
        if literal is not None and depth == 0 and pattern[i : i + 1] not in _REPEATS:
            run += literal  # (a character that a repeat follows is not in every match)
            continue
        if len(run) > len(best):
            best = run
        run = ""
    if depth != 0:
        return None
    if len(run) > len(best):
        best = run
    return best or None


def _escape_end(pattern: str, i: int) -> int:
    """Where the escape at ``i`` ends: a class, an anchor, a reference, a character given by
    its code or any other escape that ``required_literal`` does not read as a literal; -1 when
    unsure."""
    kind = pattern[i + 1]
    j = i + 2
    if kind in "pPNxgku" and pattern[j : j + 1] in ("{", "<"):
        close = pattern.find("}" if pattern[j] == "{" else ">", j)
        return -1 if close < 0 else close + 1
    if kind in "pP":
        return j + 1  # `\pL`
    if kind == "x":
        return j + 2
    if kind == "u":
        return j + 4
    if kind == "U":
        return j + 8
    if kind.isdigit():
        while pattern[j : j + 1].isdigit():
            j += 1  # (an octal code or a group number: its figures are no literal)
        return j
    return j


def _class_end(pattern: str, i: int) -> int:
    """Where the class opening at ``i`` ends (past its ``]``); -1 for a class holding a ``[``
    (a nested set or a POSIX class) or none closing."""
    j = i + 1
    if pattern[j : j + 1] == "^":
        j += 1
    if pattern[j : j + 1] == "]":
        j += 1  # a first `]` is a member
    n = len(pattern)
    while j < n:
        c = pattern[j]
        if c == "\\":
            if pattern[j + 1 : j + 2] in ("p", "P", "N", "x", "u") and pattern[j + 2 : j + 3] == "{":
                close = pattern.find("}", j)
                if close < 0:
                    return -1
                j = close + 1
            else:
                j += 2
        elif c == "[":
            return -1
        elif c == "]":
            return j + 1
        else:
            j += 1
    return -1
