"""Remembered review decisions: a suggestion an editor rejected is not proposed again.

A decision is keyed by what the suggestion *says*, never by where it is: the rule id, the
flagged text, the proposed text, and the words around it on the same line (``before`` and
``after``, at most ``CONTEXT_WORDS`` each, case-folded, punctuation and spacing ignored).
Offsets would break as soon as a paragraph above is edited; the words around a span do not,
and editing an unrelated paragraph leaves the key intact. A small edit next to the span still
matches (see ``same_context``); a different sentence does not.

Verdicts:

- ``reject``: the finding is dropped by ``check``, ``fix``, ``review`` and ``report``.
- ``accept``: the reviewer said yes; an unsafe fix becomes safe, so ``fix`` applies it.
- ``edit``: the reviewer typed their own text (``use``); ``fix`` applies that instead.

The file is TOML (``.fixer/decisions.toml`` by default), one ``[[decision]]`` table per
decision, written in a stable order so it reads and diffs well under version control. The
HTML report exports the same format from the browser.
"""

from __future__ import annotations

import json
import os
import tempfile
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import regex

from .data import DataError
from .document import Document
from .model import Edit, Finding, Fix, Safety

CONTEXT_WORDS = 4
NEAR_WORDS = 2
FUZZY_RATIO = 85  # rapidfuzz ratio of the joined context words (one changed word of eight passes)
FUZZY_MIN_CHARS = 12  # below this a one-word change is a different context ("the | is" / "the | was")
VERDICTS = ("reject", "accept", "edit")
DEFAULT_PATH = Path(".fixer") / "decisions.toml"
_WINDOW = 240  # characters searched for context words on each side (keeps the key O(1))
_WORD_RE = regex.compile(r"[\p{L}\p{M}\p{N}]+")

HEADER = """\
# Review decisions for fixer: suggestions an editor accepted, rejected or rewrote.
# `fixer check`, `fix`, `review` and `report` read this file (default .fixer/decisions.toml,
# or --decisions FILE; --no-decisions ignores it).
# A decision matches a finding of the same rule, with the same flagged text and proposed text,
# between the same words (`before`, `after`: up to 4 words each on the same line, lower-cased);
# offsets are not used, so editing another paragraph does not bring a rejected suggestion back.
# verdict: reject = never propose again; accept = apply even if unsafe; edit = apply `use`.
# `file` and `message` are notes for people; they are not part of the key.
"""


@dataclass(frozen=True, slots=True)
class Key:
    """What identifies a suggestion independently of its position in the text."""

    rule: str
    text: str
    proposed: str | None
    before: tuple[str, ...]
    after: tuple[str, ...]

    @property
    def core(self) -> tuple[str, str, str | None]:
        return (self.rule, self.text, self.proposed)


@dataclass(frozen=True, slots=True)
class Decision:
    key: Key
    verdict: str
    use: str | None = None
    file: str = ""
    message: str = ""


# -- keys -------------------------------------------------------------------------------------


def region(f: Finding) -> tuple[int, int]:
    """The span a suggestion covers: the flagged span joined with its fix's edits."""
    if f.fix is None or not f.fix.edits:
        return f.start, f.end
    return min(f.start, f.fix.start), max(f.end, f.fix.end)


def proposed_text(f: Finding, text: str) -> str | None:
    """The region's text after the fix, or None for a warning without a fix."""
    if f.fix is None:
        return None
    start, end = region(f)
    out: list[str] = []
    pos = start
    for e in f.fix.edits:
        out.append(text[pos : e.start])
        out.append(e.replacement)
        pos = max(pos, e.end)
    out.append(text[pos:end])
    return "".join(out)


def _words(s: str) -> list[str]:
    return [m.group().casefold() for m in _WORD_RE.finditer(s)]


def context(text: str, start: int, end: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Up to ``CONTEXT_WORDS`` words before ``start`` and after ``end``, on the same line."""
    lo = max(0, start - _WINDOW)
    left = text[lo:start]
    cut = max(left.rfind("\n"), left.rfind("\r"))
    if cut != -1:
        left = left[cut + 1 :]
    right = text[end : end + _WINDOW]
    stops = [i for i in (right.find("\n"), right.find("\r")) if i != -1]
    if stops:
        right = right[: min(stops)]
    before = _words(left)
    if lo > 0 and cut == -1 and before:
        before = before[1:]  # the first word of the window may be cut in half
    after = _words(right)
    if end + _WINDOW < len(text) and not stops and after:
        after = after[:-1]
    return tuple(before[-CONTEXT_WORDS:]), tuple(after[:CONTEXT_WORDS])


def key_of(f: Finding, text: str) -> Key:
    start, end = region(f)
    before, after = context(text, start, end)
    return Key(f.rule, text[start:end], proposed_text(f, text), before, after)


def same_context(a: Key, b: Key) -> bool:
    """The same words around the span, or nearly.

    Exact; or one side exact and the ``NEAR_WORDS`` nearest words of the other side too; or,
    when both contexts are long enough for a ratio to mean something, a similarity of at least
    ``FUZZY_RATIO``. The last case matters to ``fix``: its second pass re-checks a text in
    which a safe fix next door (``teh`` → ``the``) changed a word of a rejected one's context.
    """
    full_before = a.before == b.before
    full_after = a.after == b.after
    if full_before and full_after:
        return True
    near_before = a.before[-NEAR_WORDS:] == b.before[-NEAR_WORDS:]
    near_after = a.after[:NEAR_WORDS] == b.after[:NEAR_WORDS]
    if (full_before and near_after) or (full_after and near_before):
        return True
    sa = " ".join(a.before) + " | " + " ".join(a.after)
    sb = " ".join(b.before) + " | " + " ".join(b.after)
    if min(len(sa), len(sb)) < FUZZY_MIN_CHARS:
        return False
    from rapidfuzz import fuzz

    return fuzz.ratio(sa, sb) >= FUZZY_RATIO


# -- the decisions file -------------------------------------------------------------------------


def _str(table: dict[str, Any], name: str, where: str, *, required: bool = True) -> str | None:
    value = table.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise DataError(f"{where}: '{name}' must be a string")
    return value


def parse(data: dict[str, Any], name: str) -> list[Decision]:
    """Decisions of a parsed TOML document; a malformed entry is an error naming it."""
    out: list[Decision] = []
    tables = data.get("decision", [])
    if not isinstance(tables, list):
        raise DataError(f"{name}: 'decision' must be an array of tables ([[decision]])")
    for i, t in enumerate(tables, 1):
        where = f"{name}: decision {i}"
        if not isinstance(t, dict):
            raise DataError(f"{where}: must be a table")
        verdict = _str(t, "verdict", where)
        if verdict not in VERDICTS:
            raise DataError(f"{where}: verdict must be one of {', '.join(VERDICTS)}")
        use = _str(t, "use", where, required=verdict == "edit")
        key = Key(
            rule=_str(t, "rule", where) or "",
            text=_str(t, "text", where) or "",
            proposed=_str(t, "proposed", where, required=False),
            before=tuple(_words(_str(t, "before", where, required=False) or "")),
            after=tuple(_words(_str(t, "after", where, required=False) or "")),
        )
        out.append(Decision(key, verdict, use, str(t.get("file", "")), str(t.get("message", ""))))
    return out


def load(path: Path) -> list[Decision]:
    """The decisions of ``path``; a missing file has none."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: invalid decisions file: {exc}") from None
    return parse(data, str(path))


def _toml_str(s: str) -> str:
    """A TOML basic string: JSON's escapes are valid TOML, except that TOML also forbids DEL."""
    return json.dumps(s, ensure_ascii=False).replace("\x7f", "\\u007f")


def dumps(decisions: Iterable[Decision]) -> str:
    parts = [HEADER, "version = 1\n"]
    for d in decisions:
        k = d.key
        rows = [("verdict", d.verdict), ("rule", k.rule), ("text", k.text)]
        if k.proposed is not None:
            rows.append(("proposed", k.proposed))
        if d.use is not None:
            rows.append(("use", d.use))
        rows += [("before", " ".join(k.before)), ("after", " ".join(k.after))]
        if d.file:
            rows.append(("file", d.file))
        if d.message:
            rows.append(("message", d.message))
        parts.append("\n[[decision]]\n" + "".join(f"{n} = {_toml_str(v)}\n" for n, v in rows))
    return "".join(parts)


def _ident(d: Decision) -> tuple[Any, ...]:
    """The key as it reads back from the file (context words re-split), for merging."""
    k = d.key
    return (k.rule, k.text, k.proposed, tuple(_words(" ".join(k.before))), tuple(_words(" ".join(k.after))))


def merge(old: Iterable[Decision], new: Iterable[Decision]) -> list[Decision]:
    """Old decisions updated by new ones with the same key; order: old first, then added."""
    by: dict[tuple[Any, ...], Decision] = {}
    for d in [*old, *new]:
        by[_ident(d)] = d  # dict keeps the first insertion's position, with the latest value
    return list(by.values())


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``path`` (new or existing) through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:  # a new file: what open() would give it
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".fixer-tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def save(path: Path, new: Iterable[Decision]) -> list[Decision]:
    """Merge ``new`` into the decisions of ``path`` and write it atomically; returns them all."""
    merged = merge(load(path), new)
    write_text_atomic(path, dumps(merged))
    return merged


def decide(f: Finding, text: str, verdict: str, *, use: str | None = None, file: str = "") -> Decision:
    if verdict not in VERDICTS:
        raise ValueError(f"unknown verdict {verdict!r}")
    return Decision(key_of(f, text), verdict, use, file, f.message)


# -- applying decisions to findings ----------------------------------------------------------


class Index:
    """Decisions grouped by (rule, text, proposed), so matching a finding is a dict lookup."""

    def __init__(self, decisions: Iterable[Decision]) -> None:
        self.by_core: dict[tuple[str, str, str | None], list[Decision]] = {}
        for d in decisions:
            self.by_core.setdefault(d.key.core, []).append(d)

    def __bool__(self) -> bool:
        return bool(self.by_core)

    def lookup(self, key: Key) -> Decision | None:
        best = None
        for d in self.by_core.get(key.core, ()):
            if d.key.before == key.before and d.key.after == key.after:
                return d
            if best is None and same_context(d.key, key):
                best = d
        return best


_INDEX_CACHE: dict[str, tuple[tuple[int, int], Index]] = {}


def index_for(path: Path) -> Index:
    """The decisions of ``path``, parsed once per process while the file is unchanged."""
    try:
        st = path.stat()
        stamp = (st.st_mtime_ns, st.st_size)
    except OSError:
        stamp = (0, 0)
    cached = _INDEX_CACHE.get(str(path))
    if cached is not None and cached[0] == stamp:
        return cached[1]
    index = Index(load(path))
    _INDEX_CACHE[str(path)] = (stamp, index)
    return index


def with_decision(f: Finding, d: Decision, text: str) -> Finding | None:
    """The finding as the decision leaves it: gone, made safe, or carrying the reviewer's text."""
    if d.verdict == "reject":
        return None
    if d.verdict == "edit":
        start, end = region(f)
        fix = Fix((Edit(start, end, d.use or ""),), Safety.SAFE, "reviewer's text")
        return replace(f, fix=fix)
    if f.fix is not None and f.fix.safety is not Safety.SAFE:
        return replace(f, fix=Fix(f.fix.edits, Safety.SAFE, f.fix.title or "accepted by a reviewer"))
    return f


def apply_index(found: list[Finding], text: str, index: Index) -> list[Finding]:
    if not index:
        return found
    out: list[Finding] = []
    for f in found:
        d = index.lookup(key_of(f, text))
        g = f if d is None else with_decision(f, d, text)
        if g is not None:
            out.append(g)
    return out


def apply_decisions(found: list[Finding], doc: Document, path: Path) -> list[Finding]:
    """Drop rejected findings, make accepted ones safe, swap in reviewers' edits.

    Called by ``engine.filter_decisions`` for every document when a decisions file is set.
    """
    return apply_index(found, doc.text, index_for(Path(path)))
