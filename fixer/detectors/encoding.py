"""Text decoded with the wrong code page (mojibake, repaired by ftfy) and HTML character
references the scraper did not decode.
"""

from __future__ import annotations

import difflib
import os
import re
import sys
import unicodedata
from collections.abc import Iterator
from itertools import repeat

import regex

from ..document import Document
from ..lazypattern import lazy
from ..model import Finding, Rule
from .typography_patterns import non_ascii_set


def _ftfy_config():  # ftfy is imported lazily
    from ftfy import TextFixerConfig

    # encoding repairs only: keep curly quotes, ligatures, widths, line breaks and Unicode form
    return TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )


# a run of Latin and Thai letters (one pass, no backtracking); `_cp874` keeps only the runs where
# a Thai letter touches a Latin one
_THAI_IN_LATIN_RE = lazy(regex.compile, r"[\p{Latin}\u0e00-\u0e7f]+")
_MIXED_RE = lazy(regex.compile, r"\p{Latin}[\u0e00-\u0e7f]|[\u0e00-\u0e7f]\p{Latin}")
_THAI = frozenset(map(chr, range(0x0E00, 0x0E80)))
_DIFF_LIMIT = 400  # longest changed stretch compared character by character


def _changes(old: str, new: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, replacement) of each change from ``old`` to ``new``, in linear time for the
    usual case: the text is compared space-separated chunk by chunk (a repair never moves a
    space), and only a changed chunk goes to difflib, whose worst case is quadratic; a changed
    stretch longer than ``_DIFF_LIMIT`` is reported whole."""
    a, b = old.split(" "), new.split(" ")
    if len(a) != len(b):
        a, b = [old], [new]
    pos = 0
    for x, y in zip(a, b, strict=True):
        if x != y:
            p = 0
            while p < min(len(x), len(y)) and x[p] == y[p]:
                p += 1
            s = 0
            while s < min(len(x), len(y)) - p and x[-1 - s] == y[-1 - s]:
                s += 1
            x2, y2 = x[p : len(x) - s], y[p : len(y) - s]
            if max(len(x2), len(y2)) > _DIFF_LIMIT:
                yield pos + p, pos + p + len(x2), y2
            else:
                for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, x2, y2, autojunk=False).get_opcodes():
                    if op != "equal":
                        yield pos + p + i1, pos + p + i2, y2[j1:j2]
        pos += len(x) + 1


class _BadnessGate:
    """Whether some line of a text may be one that ftfy's ``is_bad`` finds bad, with one search
    of a few short stretches of the text instead of one search of every line.

    ftfy's badness pattern is compiled with ``re.MULTILINE``: a match inside one line is then
    also a match in the whole text at the same offset, since the pattern has no lookaround,
    word boundary or ``$``, and its only anchor, ``^``, matches at every line start (checked on
    the parsed pattern by ``_key_characters``). Every match is at most ``width`` characters
    long and holds one of the pattern's key characters (rare non-ASCII ones, see
    ``_key_characters``), so it lies within ``width`` characters of one, and the line break a
    ``^`` needs within ``width + 1``. The stretches of ``width + 1`` characters on each side of
    every key character, joined by line breaks, therefore hold every match (and maybe a few
    more, which only costs a line-by-line check). ``False`` is exact; ``True`` is checked line
    by line. When the pattern is not of that shape, the gate always answers ``True``."""

    def __init__(self) -> None:
        # The shape comes from the disk cache when it can: importing ftfy to read its pattern
        # costs ~60 ms, which a text without any key character (most of them) never needs.
        source, flags, self.reach, keys, singles = _cached_gate_shape()
        self._source, self._flags = source, flags
        self._pattern: re.Pattern[str] | None = None
        # re, not regex: the regex module scans for a class of hundreds of characters slowly
        self.keys = re.compile("[" + "".join(re.escape(c) for c in sorted(keys)) + "]") if keys else None
        self.key_set = frozenset(keys)
        self.singles = frozenset(singles)

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._pattern is None:
            self._pattern = re.compile(self._source, self._flags)
        return self._pattern

    def any_bad_line(self, text: str, chars: frozenset[str] | None = None) -> bool:
        """``chars``, when given, holds every non-ASCII character of ``text`` (each once, in
        any order): the key characters it lacks are not looked for, and the others are found with
        ``str.find``, much faster than a regex scan of the text for hundreds of characters."""
        if self.keys is None:
            return True
        if chars is None:
            starts = [m.start() for m in self.keys.finditer(text)]
        else:
            starts = []
            for c in self.key_set.intersection(chars):
                i = text.find(c)
                while i >= 0:
                    starts.append(i)
                    i = text.find(c, i + 1)
            starts.sort()
        near_keys = "\n".join([w for w in map(self._window, repeat(text), starts) if w])
        return bool(near_keys) and self.pattern.search(near_keys) is not None

    def _window(self, text: str, i: int) -> str:
        """The stretch around the key character at ``i``, or "" when it cannot hold a match:
        every match holds two non-ASCII characters or more, unless it is of a branch that
        needs one only (``singles`` holds what that one may be; see ``_key_characters``), so
        a key character outside ``singles`` with no other non-ASCII character within reach
        needs no look (a French `é` among ASCII letters, the usual case)."""
        k = self.reach
        lo = max(0, i - k)
        window = text[lo : i + k]
        if text[i] in self.singles or not window[: i - lo].isascii() or not window[i - lo + 1 :].isascii():
            return window
        return ""


def _gate_shape() -> tuple[str, int, int, str, str]:
    """ftfy's badness pattern (source and flags, multi-line), the reach around a key character,
    the key characters ("" when the pattern is not of the shape the gate needs) and the
    characters that may be the only non-ASCII one of a match."""
    from ftfy.badness import BADNESS_RE

    shape = _key_characters(BADNESS_RE)
    source, flags = BADNESS_RE.pattern, int(BADNESS_RE.flags | re.MULTILINE)
    if shape is None:
        return source, flags, 0, "", ""
    width, keys, singles = shape
    return source, flags, width + 1, "".join(sorted(keys)), "".join(sorted(singles))


def _cached_gate_shape() -> tuple[str, int, int, str, str]:
    """``_gate_shape``, kept in the disk cache for the installed ftfy (its files' identity)."""
    import importlib.util

    from ..diskcache import cached, digest

    spec = importlib.util.find_spec("ftfy")  # not "ftfy.badness": that would import ftfy
    origin = os.path.join(os.path.dirname(spec.origin), "badness.py") if spec is not None and spec.origin else ""
    if not os.path.isfile(origin):
        return _gate_shape()
    st = os.stat(origin)
    key = digest("ftfy-badness", origin, str(st.st_size), str(st.st_mtime_ns), str(sys.version_info[:2]))
    return tuple(cached("ftfy-badness-gate2", key, _gate_shape))  # type: ignore[return-value]


# how often characters fill ordinary English and French news text (curly quotes most): a branch
# of the badness pattern is keyed on its required class with the fewest of them
_EVERYDAY = {"’": 3, "“": 3, "”": 3, "–": 1, "—": 1, "…": 1, "«": 1, "»": 1, "é": 1}


def _key_characters(pattern: re.Pattern[str]) -> tuple[int, frozenset[str], frozenset[str]] | None:
    """The longest match of ``pattern``, a set of non-ASCII characters every match holds, and
    the characters that may be the only non-ASCII character of a match (those of the branches
    that require one class of non-ASCII characters only: a branch that requires two or more
    matches two non-ASCII characters or more),
    if the pattern is built only of characters, classes, repeats, groups, alternatives and the
    anchor ``^`` and every alternative requires a class (or literal) of non-ASCII characters
    only; else None. Of an alternative's required classes the one with the fewest everyday
    characters is taken, so that ordinary text holds few key characters."""
    try:
        from re import _constants as sre  # Python 3.11+
        from re import _parser as parser
    except ImportError:  # pragma: no cover
        import sre_constants as sre  # type: ignore[no-redef]
        import sre_parse as parser  # type: ignore[no-redef]

    if pattern.flags & re.IGNORECASE:
        return None  # a non-ASCII letter may then match an ASCII one (K, the Kelvin sign)
    plain_ops = {sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY, sre.MAX_REPEAT, sre.MIN_REPEAT, sre.BRANCH,
                 sre.SUBPATTERN}

    def plain(items) -> bool:
        for op, av in items:
            if op is sre.AT:
                if av is not sre.AT_BEGINNING:
                    return False
            elif op not in plain_ops:
                return False
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and not plain(av[2]):
                return False
            elif op is sre.BRANCH and not all(plain(b) for b in av[1]):
                return False
            elif op is sre.SUBPATTERN and not plain(av[3]):
                return False
        return True

    def non_ascii(op, av) -> frozenset[str] | None:
        """The characters of a literal or class made only of non-ASCII characters."""
        if op is sre.LITERAL:
            return frozenset(chr(av)) if av > 0x7F else None
        if op is not sre.IN:
            return None
        chars: set[str] = set()
        for o, a in av:
            if o is sre.LITERAL and a > 0x7F:
                chars.add(chr(a))
            elif o is sre.RANGE and a[0] > 0x7F:
                chars.update(map(chr, range(a[0], a[1] + 1)))
            else:
                return None
        return frozenset(chars)

    tree = parser.parse(pattern.pattern, pattern.flags)
    if not plain(tree):
        return None
    keys: set[str] = set()
    singles: set[str] = set()
    for branch in tree[0][1][1] if len(tree) == 1 and tree[0][0] is sre.BRANCH else [tree]:
        required = [chars for chars in (non_ascii(op, av) for op, av in branch) if chars]
        if not required:
            return None
        keys |= min(required, key=lambda chars: (sum(_EVERYDAY.get(c, 0) for c in chars), len(chars)))
        if len(required) == 1:
            singles |= required[0]
    width = tree.getwidth()[1]
    return (width, frozenset(keys), frozenset(singles)) if width <= 64 else None


def mojibake(doc: Document, rule: Rule) -> Iterator[Finding]:
    """Text decoded with the wrong code page (`CÃ´te dâ€™Ivoire`, `Cรดte`), repaired by ftfy
    (or, for the Thai code page ftfy does not try, by Python's own cp874 codec) and reported
    span by span, so the diff shows each repaired word.

    Two whole-text tests come first: a line changes only when ftfy finds it bad (then
    ``_BadnessGate`` says so) or when it holds a Thai letter next to a Latin one (the only
    words ``_cp874`` changes); a text with neither has nothing to repair."""
    store = doc.cache.get("store")
    gate = store.memo("typography:badness-gate", _BadnessGate) if store is not None else _BadnessGate()
    chars = non_ascii_set(doc)  # the distinct non-ASCII characters: one look at each, not a scan
    thai = not chars.isdisjoint(_THAI)  # a Thai letter (a set test: no Python step per character)
    if not thai and not gate.any_bad_line(doc.text, chars):
        return
    import ftfy
    from ftfy.badness import is_bad

    config = store.memo("typography:ftfy-config", _ftfy_config) if store is not None else _ftfy_config()
    for ln in doc.lines:
        t = ln.text
        if t.isascii():
            continue
        fixed = t
        if is_bad(t):
            fixed = ftfy.fix_text(t, config)
        if thai:
            fixed = _THAI_IN_LATIN_RE.sub(_cp874, fixed)
        if fixed == t:
            continue
        for i1, i2, repl in _changes(t, fixed):
            yield rule.finding(ln.start + i1, ln.start + i2, repl,
                               message=f"Mojibake: {t[i1:i2]!r} should read {repl!r}.")


def _cp874(m: regex.Match[str]) -> str:
    """`Cรดte` → `Côte`: UTF-8 bytes read as Windows-874 (Thai); kept only when the bytes
    decode as UTF-8 into Latin letters."""
    word = m.group()
    if not _MIXED_RE.search(word):
        return word
    try:
        out = word.encode("cp874").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return word
    return out if regex.fullmatch(r"[\p{Latin}\p{M}]+", out) else word


_ENTITY_RE = lazy(regex.compile, r"&(?:#\d{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,9});")


def html_entity(doc: Document, rule: Rule) -> Iterator[Finding]:
    """`It&#8217;s`, `Tom &amp; Jerry`, `&nbsp;`: HTML character references the scraper did not
    decode. The standard library's ``html.unescape`` gives the character; a no-break space
    becomes a plain space. Unknown names (`&foo;`) are left alone."""
    import html

    if "&" not in doc.text:
        return
    for m in _ENTITY_RE.finditer(doc.text):
        char = html.unescape(m.group())
        if char == m.group() or not char or "\ufffd" in char or any(unicodedata.category(c)[0] == "C" for c in char):
            continue
        yield rule.finding(m.start(), m.end(), " " if char == "\u00a0" else char)
