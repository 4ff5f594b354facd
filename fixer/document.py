"""One article and what several detectors want to know about it, computed once and lazily.

Detectors receive a ``Document`` rather than a bare string so that line splitting, tokens,
sentences and the acronyms the article defines (``Alliance of Sahel States (AES)``) are
computed once per article, not once per rule. Anything else a detector wants to share goes in
``doc.cache`` under a key named after the detector.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any, NamedTuple

import regex

from .model import Edit

WORD_RE = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*")
_Match = type(WORD_RE.match("a"))  # regex's Match class, whose methods ``tokens`` maps
# The same words found by the standard library's ``re``, about 1.5x faster. ``[^\W_]`` is
# ``str.isalnum``, which leaves out combining marks (\p{M}) and, where Python's Unicode tables
# are older or newer than regex's, a few code points; ``_OUTSIDE_FAST`` finds any character
# outside the blocks where the two classes were checked equal (tests/test_document.py checks
# them on the running interpreter), and such a text takes ``WORD_RE``.
FAST_WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
FAST_BLOCKS = ((0, 0x2FF), (0x370, 0x482), (0x1E00, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x2BFF), (0x1F300, 0x1FAFF))
_OUTSIDE_FAST = re.compile("[^" + "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in FAST_BLOCKS) + "]")


def word_pattern(text: str) -> Any:
    """The pattern that finds ``WORD_RE``'s words in ``text`` fastest."""
    return WORD_RE if _OUTSIDE_FAST.search(text) else FAST_WORD_RE


def offsets_of(text: str, needles: Iterable[str]) -> list[int]:
    """The offsets in ``text`` of every occurrence of each of ``needles``, in order: one
    ``str.find`` run per needle, at memchr speed (for the few rare characters or marks an
    article holds, far faster than a regex scan of the text for the set)."""
    out: list[int] = []
    for c in needles:
        i = text.find(c)
        while i >= 0:
            out.append(i)
            i = text.find(c, i + 1)
    out.sort()
    return out


# A sentence ends at . ! ? … (optionally followed by closing quotes/brackets) before white
# space, or at a line break. Good enough to give detectors a notion of "sentence start".
SENTENCE_END_RE = regex.compile(r"(?<=[.!?…][\"'”’»)\]]*)\s+|\n+")
ACRONYM_DEF_RE = regex.compile(
    r"((?:\p{Lu}[\p{L}\-’']*\s+)(?:(?:of|the|for|and|de|du|des|la|le|l’|d’|et|in|on|to)\s+|"
    r"[\p{Lu}][\p{L}\-’']*\s+){0,12}?[\p{Lu}\p{Ll}][\p{L}\-’']*)\s*\((\p{Lu}[\p{Lu}\p{N}\-&/]{1,11})\)"
)
# The "(ACR)" that ends every ``ACRONYM_DEF_RE`` match, and the characters the long name
# before it may hold (letters, - ’ ' and white space), matched backwards from the "(".
ACRONYM_PAREN_RE = regex.compile(r"\(\p{Lu}[\p{Lu}\p{N}\-&/]{1,11}\)")
_LONG_NAME_CHARS_BEFORE_RE = regex.compile(r"[\p{L}\-’'\s]*", regex.REVERSE)


class Line(NamedTuple):
    """A line of the text without its line break; ``end`` excludes the break. A NamedTuple
    like ``Token``: every article builds all its lines, and a tuple is cheaper to build."""

    number: int  # 1-based
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


_TOKEN_TEXT = operator.itemgetter(2)


class Token(NamedTuple):
    """A word of the text. A NamedTuple, not a dataclass: an article has thousands of tokens
    and a tuple is several times cheaper to build, with the same attribute access."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


class Document:
    """The text of one article plus lazily computed views of it."""

    def __init__(self, text: str, path: str = "") -> None:
        self.text = text
        self.path = path
        self.cache: dict[str, Any] = {}

    def computed(self, view: str) -> Any:
        """The view named ``view`` (``tokens``, ``word_counts``...) if something has computed it
        already, else None: a detector that can use it when it is free asks this rather than
        paying for it (``cached_property`` keeps a computed view in the instance dict)."""
        return self.__dict__.get(view)

    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        text = self.text
        i = text.find("\n")
        while i != -1:
            starts.append(i + 1)
            i = text.find("\n", i + 1)
        return starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a code-point offset."""
        i = bisect.bisect_right(self.line_starts, offset) - 1
        return i + 1, offset - self.line_starts[i] + 1

    @cached_property
    def lines(self) -> list[Line]:
        out = []
        new = tuple.__new__  # no Python-level __new__ per line (see ``tokens``)
        start = 0
        for n, part in enumerate(self.text.split("\n"), 1):
            end = start + len(part)
            if part.endswith("\r"):
                out.append(new(Line, (n, start, end - 1, part[:-1])))
            else:
                out.append(new(Line, (n, start, end, part)))
            start = end + 1
        return out

    def break_end(self, line: Line) -> int:
        """Where ``line`` ends with its line break (CRLF, LF or CR) included."""
        text = self.text
        if text.startswith("\r\n", line.end):
            return line.end + 2
        if text.startswith(("\n", "\r"), line.end):
            return line.end + 1
        return line.end

    def line_span_with_break(self, line: Line) -> tuple[int, int]:
        """The span that deletes ``line`` whole: its text, its line break, and one of the blank
        lines around it when it sits between two blank lines, so no double gap is left."""
        text = self.text
        end = self.break_end(line)
        start = line.start
        lines = self.lines
        idx = line.number - 1
        prev_blank = idx > 0 and lines[idx - 1].blank
        next_blank = idx + 1 < len(lines) and lines[idx + 1].blank and end < len(text)
        at_top = all(ln.blank for ln in lines[:idx])
        if next_blank and (prev_blank or at_top):
            end = self.break_end(lines[idx + 1])
        elif end == len(text) and prev_blank and idx > 0:
            # last line of the file after a blank line: take the blank line(s) before it too,
            # so the file does not end with a dangling empty line.
            j = idx - 1
            while j >= 0 and lines[j].blank:
                j -= 1
            start = lines[j].end if j >= 0 else 0
            if j >= 0:
                # keep the final newline of the last kept line if the file had one at the end
                if text.endswith("\n") or text.endswith("\r"):
                    start = lines[j + 1].start
        return start, end

    def line_deletion(self, line: Line) -> Edit:
        """The edit that deletes ``line`` whole (see ``line_span_with_break``)."""
        start, end = self.line_span_with_break(line)
        return Edit(start, end, "")

    @cached_property
    def tokens(self) -> list[Token]:
        # tuple.__new__ and the Match methods mapped over the matches build the NamedTuples
        # with no Python-level call per token (about 2x faster than Token(...) in a loop)
        pat = word_pattern(self.text)
        ms = list(pat.finditer(self.text))
        match = _Match if pat is WORD_RE else re.Match
        fields = zip(map(match.start, ms), map(match.end, ms), map(match.group, ms), strict=True)
        return list(map(tuple.__new__, [Token] * len(ms), fields))

    @cached_property
    def sentences(self) -> list[Sentence]:
        out = []
        text = self.text
        pos = 0
        for m in SENTENCE_END_RE.finditer(text):
            if m.start() > pos:
                out.append(Sentence(pos, m.start(), text[pos : m.start()]))
            pos = m.end()
        if pos < len(text):
            out.append(Sentence(pos, len(text), text[pos:]))
        return out

    @cached_property
    def title(self) -> Line | None:
        """The first non-blank line: scraped pages start with the headline."""
        for line in self.lines:
            if not line.blank:
                return line
        return None

    @cached_property
    def acronyms(self) -> dict[str, str]:
        """Acronyms the article defines as ``Long Name (ACR)``: acronym → long name.

        The matches of ``ACRONYM_DEF_RE.finditer`` over the text, found without scanning the
        text with it: that pattern tries a dozen words ahead of every capital, while an article
        holds few "(ACR)". A definition is a long name made of letters, - ’ ' and white space
        only, then "(ACR)": so it lies in the stretch of such characters right before one
        "(ACR)" (``ACRONYM_PAREN_RE``), and holds no other "(ACR)" (parentheses are none of
        those characters). The stretches are disjoint and in text order, and the pattern has
        no look-around, so searching each stretch (at most one definition ends at its "(ACR)")
        finds exactly the definitions ``finditer`` finds, in the same order."""
        found: dict[str, str] = {}
        text = self.text
        for paren in ACRONYM_PAREN_RE.finditer(text):
            start = _LONG_NAME_CHARS_BEFORE_RE.match(text, 0, paren.start()).start()
            m = ACRONYM_DEF_RE.search(text, start, paren.end())
            if m is not None:
                found.setdefault(m.group(2), m.group(1).strip())
        return found

    @cached_property
    def word_counts(self) -> dict[str, int]:
        # Counting the matched strings directly (not the Token objects) is several times faster;
        # when the tokens exist already their texts are those strings, so no second regex pass.
        # A plain dict (not a Counter) so a missing word still raises KeyError.
        if self.computed("tokens") is not None:
            return dict(Counter(map(_TOKEN_TEXT, self.tokens)))
        text = self.text
        # (whether every character lies in FAST_BLOCKS, as ``word_pattern`` asks: the rules
        # before have found it most times, ``terminology._fast_doc``, and need no second scan)
        fast = self.cache.get("terminology.fast")
        if fast is None:
            fast = word_pattern(text) is FAST_WORD_RE
        if not fast:
            pat = WORD_RE
        else:
            # The same words, about 15% cheaper: possessive runs (a run of word characters is
            # followed by none, so giving some back never lets a joiner match), and ``\w``
            # (``[^\W_]`` and the underscore) tested as one class when the text holds no "_".
            # (``re.compile`` answers from the module's own cache after the first call.)
            pat = re.compile(r"\w++(?:['’\-]\w++)*+" if "_" not in text else r"[^\W_]++(?:['’\-][^\W_]++)*+")
        return dict(Counter(pat.findall(text)))
