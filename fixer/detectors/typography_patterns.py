"""Pattern rules of typography that skip the lines a safe boilerplate rule deletes whole, so a
deleted line gets one fix, not two (a prompt line is not polished before it goes).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from typing import NamedTuple

import regex

from ..data import bundled_dir
from ..document import Document
from ..lazypattern import lazy
from ..model import Finding, Rule, Safety
from .boilerplate_common import LINE_RULES, verdicts


def doomed(doc: Document) -> frozenset[int]:
    """Lines a safe boilerplate rule deletes: no point polishing their typography."""
    got = doc.cache.get("typography:doomed")
    if got is None:
        lines: set[int] = set()
        if doc.cache.get("store") is not None:
            # the verdicts the boilerplate rules already computed, looked up directly (fourteen
            # calls of ``verdicts`` cost more than the loop); ``verdicts`` computes the others
            done = doc.cache.get("boilerplate:verdicts") or {}
            for rule_id in LINE_RULES:
                found = done.get(rule_id)
                if found is None:
                    found = verdicts(doc, rule_id)
                for v in found:
                    if v.safety is Safety.SAFE:
                        lines.add(v.line.number)
        got = doc.cache["typography:doomed"] = frozenset(lines)
    return got


def lines_holding(gate: regex.Pattern[str], text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text`` that holds a match of ``gate``, in order; ``end``
    is the offset of the line's ``\\n`` (or the end of the text).

    For a pattern whose every match holds a match of ``gate`` and no line break, searching
    these spans (``finditer(text, start, end)``) finds the same matches as searching the
    whole text, provided the pattern reads nothing past a line break (what it sees at
    ``end`` is then the same as at the end of the text): a search that reaches a line starts
    afresh there, since no match runs over from the line before."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while (m := gate.search(text, pos)) is not None:
        end = text.find("\n", m.start())
        end = len(text) if end < 0 else end
        spans.append((text.rfind("\n", 0, m.start()) + 1, end))
        pos = end + 1
    return spans


_ASCII = bytes(range(128))
_FOLD_DIGITS = bytes.maketrans(b"123456789", b"000000000")
_DIGIT_RE = lazy(regex.compile, r"\d")


def byte_view(doc: Document) -> bytes:
    """The text in UTF-8 with every ASCII digit written ``0``, once per document: the family's
    literal gates (``literal_gate``) look for their strings in it with ``bytes.find``, which runs
    at memchr speed, many times faster than a regex scan of the text, and one string ``0`` then
    stands for any digit. UTF-8 is self-synchronising: an encoded string is found only where
    the text holds it."""
    key = "typography:bytes"
    view = doc.cache.get(key)
    if view is None:
        view = doc.cache[key] = doc.text.encode("utf-8", "surrogatepass").translate(_FOLD_DIGITS)
    return view


def non_ascii(doc: Document) -> str:
    """Every non-ASCII character of the text, in order (deleting the ASCII bytes of
    ``byte_view`` leaves whole UTF-8 sequences): what the family's rules about accents,
    mojibake and quotation marks test before any scan of the text."""
    key = "typography:non-ascii"
    chars = doc.cache.get(key)
    if chars is None:
        chars = doc.cache[key] = byte_view(doc).translate(None, _ASCII).decode("utf-8", "surrogatepass")
    return chars


def non_ascii_set(doc: Document) -> frozenset[str]:
    """The distinct non-ASCII characters of the text (few: an article's accents and marks)."""
    key = "typography:non-ascii-set"
    chars = doc.cache.get(key)
    if chars is None:
        chars = doc.cache[key] = frozenset(non_ascii(doc))
    return chars


def literal_digits_only(doc: Document) -> bool:
    """Whether every digit (``\\d``) of the text is an ASCII one, so that ``0`` in
    ``byte_view`` stands for every digit there is."""
    key = "typography:ascii-digits"
    if key not in doc.cache:
        doc.cache[key] = _DIGIT_RE.search(non_ascii(doc)) is None
    return doc.cache[key]


_MAX_STRINGS = 64
_ESCAPE_RE = lazy(regex.compile, r"\\.", regex.DOTALL)
_BRACE_RE = lazy(regex.compile, r"\{(?!\d*(?:,\d*)?\})")


def _same_in_re(pattern: str) -> bool:
    """False for syntax that Python's ``re`` parser (which ``literal_gate`` reads the pattern
    with) accepts but reads otherwise than ``regex``: POSIX and nested classes (``[[:alpha:]]``)
    and braces that are not a repeat count (``regex`` fuzzy matching, ``{e<=1}``)."""
    bare = _ESCAPE_RE.sub("", pattern)
    return "[[" not in bare and "[:" not in bare and _BRACE_RE.search(bare) is None


def literal_gate(pattern: str, flags: int = 0) -> StringGate | None:
    """Strings (UTF-8, digits written ``0`` as in ``byte_view``) such that every match of
    ``pattern`` starts with one of them, as a ``StringGate``, or None when the pattern is not of a shape this can
    tell: characters, classes of characters and ``\\d``, groups, alternatives and bounded
    repeats, read until the first item of another kind (a lookaround, an unbounded repeat),
    where the strings stop: what precedes such an item is a prefix of every match. Case-
    insensitive patterns and classes of more than a few characters are not expanded."""
    try:
        from re import _constants as sre  # Python 3.11+
        from re import _parser as parser
    except ImportError:  # pragma: no cover
        import sre_constants as sre  # type: ignore[no-redef]
        import sre_parse as parser  # type: ignore[no-redef]

    if flags & (regex.IGNORECASE | regex.VERBOSE) or not _same_in_re(pattern):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # re's FutureWarning on `[[`, refused above anyway
            tree = parser.parse(pattern)
    except Exception:  # regex-only syntax (\p{L}…): no literal gate
        return None
    if tree.state.flags & (sre.SRE_FLAG_IGNORECASE | sre.SRE_FLAG_VERBOSE):
        return None  # an inline (?i) or (?x)

    def chars(op, av) -> set[str] | None:
        if op is sre.LITERAL:
            return {chr(av)}
        if op is not sre.IN:
            return None
        out: set[str] = set()
        for o, a in av:
            if o is sre.LITERAL:
                out.add(chr(a))
            elif o is sre.RANGE and a[1] - a[0] < 16:
                out.update(map(chr, range(a[0], a[1] + 1)))
            elif o is sre.CATEGORY and a is sre.CATEGORY_DIGIT:
                out.add("0")
            else:
                return None
        return out

    def seq(items) -> tuple[set[str], bool] | None:
        """(prefixes, complete): strings every match of ``items`` starts with, and whether
        they are the whole matches (so that what follows may extend them)."""
        done = {""}
        for op, av in items:
            got = alt(op, av)
            if got is None:
                return done, False
            strings, complete = got
            done = {a + b for a in done for b in strings}
            if len(done) > _MAX_STRINGS:
                return None
            if not complete:
                return done, False
        return done, True

    def alt(op, av) -> tuple[set[str], bool] | None:
        c = chars(op, av)
        if c is not None:
            return c, True
        if op is sre.SUBPATTERN and not av[1] and not av[2]:
            return seq(av[3])
        if op is sre.BRANCH:
            outs = [seq(b) for b in av[1]]
            if any(o is None or not all(o[0]) for o in outs):
                return None
            return set().union(*(o[0] for o in outs)), all(o[1] for o in outs)
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            lo, hi, item = av
            got = seq(item)
            if got is None:
                return None
            strings, complete = got
            if complete and hi is not sre.MAXREPEAT and hi <= 4:
                out: set[str] = set()
                run = {""}
                for k in range(hi + 1):
                    if k >= lo:
                        out |= run
                    run = {a + b for a in run for b in strings}
                    if len(out) + len(run) > _MAX_STRINGS:
                        break
                else:
                    return out, True  # every count from lo to hi
            return (strings, False) if lo >= 1 else None  # one copy: a prefix of every match
        return None

    items = list(tree)
    not_after: set[str] | None = None
    if len(items) > 1 and items[-1][0] is sre.ASSERT_NOT and items[-1][1][0] == 1 and len(items[-1][1][1]) == 1:
        # a final negative lookahead of ASCII characters (`\d,\d{1,2}(?![\d,])`): when what
        # precedes it gives whole matches, the strings are searched with it
        ahead = chars(*items[-1][1][1][0])
        head = seq(items[:-1]) if ahead is not None and all(map(str.isascii, ahead)) else None
        if head is not None and head[1]:
            not_after, items = ahead, items[:-1]
    got = seq(items)
    if got is None or not got[0] or not all(got[0]) or any("\n" in x for x in got[0]):
        return None
    return StringGate((x.translate(_FOLD_DIGITS_STR) for x in got[0]),
                      None if not_after is None else {x.translate(_FOLD_DIGITS_STR) for x in not_after})


_FOLD_DIGITS_STR = str.maketrans("123456789", "000000000")


def _everywhere(ch: str) -> bool:
    """A character that fills ordinary text (a letter or a space): no place to start a search."""
    return ch == " " or (ch.isascii() and ch.isalpha())


class StringGate:
    """A gate given as strings (digits written ``0``), looked for in ``byte_view`` by Python's
    ``re``, which finds a literal prefix shared by the alternatives of a pattern at memchr
    speed. The strings are searched from the end that is not a letter or a space (backwards
    in the reversed view when that is their last character: `` ;`` as ``; ``), all from the
    same end when they can, and grouped by the character they are searched from, so that every
    search has a literal prefix. With ``not_after`` (ASCII characters, digits written ``0``) a
    string counts only where none of them follows it, and every string is searched forwards."""

    def __init__(self, strings: Iterable[str], not_after: Iterable[str] | None = None) -> None:
        self.strings = tuple(sorted(set(strings)))
        self.not_after = None if not_after is None else "".join(sorted(set(not_after)))
        self.digits = any("0" in x for x in self.strings) or "0" in (self.not_after or "")  # `0`: any digit
        firsts, lasts = {x[0] for x in self.strings}, {x[-1] for x in self.strings}
        if self.not_after is not None:
            ways = {x: False for x in self.strings}  # the lookahead reads forwards
        elif not any(map(_everywhere, firsts)) and (len(firsts) <= len(lasts) or any(map(_everywhere, lasts))):
            ways = {x: False for x in self.strings}  # all forwards: the fewest searches
        elif not any(map(_everywhere, lasts)):
            ways = {x: True for x in self.strings}  # all backwards
        else:  # each its own way, joining a group another string needs when it can
            ways = {x: _everywhere(x[0]) for x in self.strings if _everywhere(x[0]) != _everywhere(x[-1])}
            keys = {(back, x[-1] if back else x[0]) for x, back in ways.items()}
            for x in self.strings:
                if x not in ways:
                    ways[x] = (True, x[-1]) in keys and (False, x[0]) not in keys
        groups: dict[tuple[bool, str], list[bytes]] = {}
        for x, back in ways.items():
            raw = x.encode("utf-8", "surrogatepass")
            groups.setdefault((back, x[-1] if back else x[0]), []).append(raw[::-1] if back else raw)
        ahead = b"" if self.not_after is None else b"(?![" + re.escape(self.not_after.encode()) + b"])"
        self.searches = [(back, re.compile(b"|".join(re.escape(r) + ahead for r in sorted(g, key=len, reverse=True))))
                         for (back, _), g in sorted(groups.items())]

    def usable(self, doc: Document) -> bool:
        """Whether ``0`` stands for every digit of the text, when a string holds one."""
        return not self.digits or literal_digits_only(doc)

    def holds(self, doc: Document) -> bool:
        """Whether the text holds one of the strings."""
        view = byte_view(doc)
        return any(pat.search(reversed_view(doc) if back else view) is not None for back, pat in self.searches)

    def lines(self, doc: Document) -> list[tuple[int, int]]:
        """``lines_holding`` for this gate: the (start, end) of each line holding one of the
        strings, in order (``end`` is the offset of the line break or the end of the text).
        After a hit the search goes on from the next line (backwards: the line before)."""
        view = doc.cache.get("typography:bytes") or byte_view(doc)
        n = len(view)
        hits: list[int] = []
        for back, pat in self.searches:
            if back:
                rview = doc.cache.get("typography:bytes-reversed") or reversed_view(doc)
                pos = 0
                while (m := pat.search(rview, pos)) is not None:
                    start = n - m.end()  # where the string starts in the view
                    hits.append(start)
                    pos = n - view.rfind(b"\n", 0, start)  # past the line break before the line
            else:
                first_hit_per_line(view, pat, hits)
        return hit_lines(doc, view, hits) if hits else []


def first_hit_per_line(view: bytes, pat: re.Pattern[bytes], hits: list[int]) -> None:
    """Append to ``hits`` where ``pat`` first matches on each line of ``view`` (after a hit the
    search goes on from the next line: the rules want lines, not every match)."""
    pos = 0
    while (m := pat.search(view, pos)) is not None:
        hits.append(m.start())
        pos = view.find(b"\n", m.start()) + 1
        if pos == 0:
            break


def byte_gate_lines(doc: Document, *pats: re.Pattern[bytes]) -> list[tuple[int, int]]:
    """The (start, end) of each line of ``doc`` where one of ``pats`` (Python ``re`` patterns
    over ``byte_view``: UTF-8, ASCII digits written ``0``) matches, as ``hit_lines`` gives them.
    For a gate that a ``StringGate`` cannot state, such as a letter that must not follow
    (`17 h` but not `17 hours`): a bytes pattern still runs at ``re``'s literal-prefix speed."""
    view = byte_view(doc)
    hits: list[int] = []
    for pat in pats:
        first_hit_per_line(view, pat, hits)
    return hit_lines(doc, view, hits)


def hit_lines(doc: Document, view: bytes, hits: list[int]) -> list[tuple[int, int]]:
    """The (start, end) of each line holding one of ``hits`` (offsets in ``byte_view``, whose
    offsets are the text's), in order and once each; ``end`` is the offset of the line break
    or the end of the text."""
    if not hits:
        return []
    hits.sort()
    starts, count = doc.line_starts, len(doc.line_starts)
    spans: list[tuple[int, int]] = []
    line, pos, last = 0, 0, -1
    for h in hits:
        line += view.count(b"\n", pos, h)
        pos = h
        if line != last:
            last = line
            spans.append((starts[line], starts[line + 1] - 1 if line + 1 < count else len(doc.text)))
    return spans


def reversed_view(doc: Document) -> bytes:
    """``byte_view`` backwards, for the strings of a ``StringGate`` searched from their end."""
    key = "typography:bytes-reversed"
    view = doc.cache.get(key)
    if view is None:
        view = doc.cache[key] = byte_view(doc)[::-1]
    return view


def _flags(letters: str) -> int:
    flags = 0
    for letter in letters:
        flags |= {"i": regex.IGNORECASE, "m": regex.MULTILINE, "s": regex.DOTALL, "x": regex.VERBOSE}.get(letter, 0)
    return flags


class _Compiled(NamedTuple):
    """A rule of ``pattern_off_debris``, compiled once."""

    gate: regex.Pattern[str] | None
    strings: StringGate | None  # the gate as ``literal_gate`` strings, when it has that shape
    patterns: list[regex.Pattern[str]]
    gate_lines: bool


# compiled rules by the identity of their params (each entry holds its params, so an identity
# is never reused while its entry lives): no key to build and hash per document
_COMPILED: dict[int, tuple[dict, _Compiled]] = {}


def _compiled(rule: Rule) -> _Compiled:
    entry = _COMPILED.get(id(rule.params))
    if entry is not None and entry[0] is rule.params:
        return entry[1]
    params = rule.params
    pats = params.get("patterns") or [params["pattern"]]
    flags = _flags(str(params.get("flags", "")))
    gate_pat = params.get("gate")
    # the bundled rules' patterns are compiled on first use (start-up: most are never searched on
    # a first article); a user's, at once, so that a bad one stops the run before any text
    bundled = rule.source.startswith(str(bundled_dir()))
    compiled = _Compiled(None if gate_pat is None else regex.compile(gate_pat, flags),
                         None if gate_pat is None else literal_gate(gate_pat, flags),
                         [lazy(regex.compile, p, flags) if bundled else regex.compile(p, flags) for p in pats],
                         bool(params.get("gate_lines")))
    if len(_COMPILED) > 1 << 10:
        _COMPILED.clear()  # bounded: tests build rules by the thousand
    _COMPILED[id(params)] = (params, compiled)
    return compiled


def pattern_off_debris(doc: Document, rule: Rule) -> list[Finding]:
    """The ``pattern`` kind (keys ``pattern`` or ``patterns``, ``replace``), skipping lines that
    a safe boilerplate rule deletes whole, so a deleted line gets one fix, not two.

    An optional ``gate`` key is a pattern that every match of the rule's patterns contains or
    touches (a necessary condition, such as the space and the comma of ``space-before-comma``):
    a text in which it is not found is not searched with the slower patterns at all. With
    ``gate_lines = true`` the rule also declares that its matches lie within one line and read
    nothing past a line break, so only the lines holding the gate are searched (see
    ``lines_holding``). A gate made of characters, classes of characters and ``\\d`` (see
    ``literal_gate``) is looked for as plain strings, without a regex scan of the text.

    A list, not a generator, and the compiled rule looked up inline: twelve rules run this on
    every article, most of them finding no line that holds their gate."""
    entry = _COMPILED.get(id(rule.params))
    gate, strings, compiled, gate_lines = (
        entry[1] if entry is not None and entry[0] is rule.params else _compiled(rule))
    text = doc.text
    spans = [(0, len(text))]
    if gate is not None:
        # the gate's strings with bytes.find when it has that shape (and, for a digit, every
        # digit of the text is an ASCII one), else the gate pattern
        literal = strings is not None and (not strings.digits or literal_digits_only(doc))
        if gate_lines:
            spans = strings.lines(doc) if literal else lines_holding(gate, text)
            if not spans:
                return []  # no line holds the gate (most texts, most rules): no search at all
        elif not (strings.holds(doc) if literal else gate.search(text) is not None):
            return []
    template = rule.params.get("replace")
    skip: frozenset[int] | None = None
    out: list[Finding] = []
    for pat in compiled:
        try:
            matches = [m for start, end in spans for m in pat.finditer(text, start, end, timeout=1.0)]
        except TimeoutError:
            from ..kinds.pattern import PatternTimeout

            raise PatternTimeout(f"rule {rule.id}: pattern timed out after 1.0s") from None
        if matches and skip is None:
            skip = doomed(doc)  # only a text with a match needs the boilerplate verdicts
        for m in matches:
            if skip and doc.line_col(m.start())[0] in skip:
                continue
            replacement = None if template is None else m.expand(template)
            if replacement is not None and replacement == m.group():
                continue
            out.append(rule.finding(m.start(), m.end(), replacement))
    return out


def _needs(rule: Rule) -> tuple[str, ...] | None:
    """What a text must hold for ``pattern_off_debris`` to find anything for ``rule`` (see
    ``engine.rule_needs``): of each string of its literal gate, the first character that is
    neither an ASCII letter or figure nor white space (`:` of ` :`, `”` of `” “`), which the
    text holds wherever the gate matches, and which few texts hold (one search each, at memchr
    speed, before the rule is called); None when the gate is not of that shape or a string has
    no such character (`0e `: every text holds an `e` and a space)."""
    strings = _compiled(rule).strings
    if strings is None:
        return None
    marks = [next((c for c in x if not (c.isascii() and c.isalnum()) and not c.isspace()), None) for x in strings.strings]
    return None if None in marks else tuple(dict.fromkeys(marks))


pattern_off_debris.needs = _needs  # type: ignore[attr-defined]
