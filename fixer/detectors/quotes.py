"""Quotation marks: French guillemets, spacing inside quotes, reversed and unbalanced marks.

Quotation marks are judged per paragraph (one line of the file) by one left-to-right scan,
shared by the quote rules through ``doc.cache``: curly marks and guillemets have a direction,
so a pair, a mark used the wrong way round and a mark left alone can be told apart without
guessing. Straight quotes have no direction; only an isolated one (spaces on both sides) is
flagged. A fix is offered only when the scan leaves no doubt, and is safe only when the
repaired text is the one any editor would write.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import NamedTuple

import regex

from ..document import Document, offsets_of
from ..lazypattern import lazy
from ..model import Edit, Finding, Rule, Safety

OPENERS = {"“": "“", "«": "“"}
CLOSERS = {"”": "”", "»": "”"}
_SPACES = " \u00a0\u202f\u2009"


class Quote(NamedTuple):
    """What the scan made of one quotation mark (offsets in the document). A NamedTuple: an
    article holds dozens and a tuple is several times cheaper to build than a dataclass."""

    kind: str  # "pair", "reversed", "dangling-open", "dangling-close"
    open: int = -1  # offset of the opening mark (pair, dangling-open, reversed opener)
    close: int = -1  # offset of the closing mark (pair, dangling-close, reversed closer)


_MARKS = "".join(OPENERS) + "".join(CLOSERS)
_AFTER_REVERSED_OPENER = _SPACES + ",.;:!?)]"
_BEFORE_REVERSED_CLOSER = _SPACES + "([—–"


def mark_offsets(text: str) -> list[int]:
    """The offsets of the quotation marks of ``text``, in order, found by ``str.find`` (an
    article holds few marks: far faster than a regex class scan of the text)."""
    return offsets_of(text, _MARKS)


# Feet and inches (5’11, 6'2): the ” after them is a double prime.
_FEET_INCHES_RE = lazy(regex.compile, r"\d[’′']\d{1,2}$")


def _pair_marks(text: str, base: int, marks: list[int]) -> tuple[list[Quote], int]:
    """Pair the curly quotes and guillemets of one paragraph (``marks``: the offsets of its
    marks in ``text``): the quotes found and the offset of the mark left open at the end (-1
    if none), which is dangling unless the next paragraph opens a quotation (``quotes`` looks
    at that paragraph only then)."""
    out: list[Quote] = []
    append = out.append
    open_at = -1
    n = len(text)
    for i in marks:  # the marks only, not a Python step per character
        ch = text[i]
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < n else " "
        if ch in OPENERS:
            # `Left-handed“,`: an opening mark glued to the word before it and followed by
            # punctuation or space is a closing mark the wrong way round
            if ch == "“" and (before.isalnum() or before in ".,!?…") and (after in _AFTER_REVERSED_OPENER or i + 1 == n):
                if open_at >= 0:
                    append(Quote("reversed", open_at, base + i))
                    open_at = -1
                else:
                    append(Quote("reversed", -1, base + i))
                continue
            if open_at >= 0:
                append(Quote("dangling-open", open_at))
            open_at = base + i
        else:
            if ch == "”" and before.isdigit() and (open_at < 0 or _FEET_INCHES_RE.search(text, max(0, i - 8), i)):
                continue  # 5’11”, a 27” screen: an inch mark (a prime), not a quotation mark
            if open_at < 0 and ch == "”" and before in _BEFORE_REVERSED_CLOSER and after.isalnum():
                # `said ”Hello`: a closing mark opening a quotation
                open_at = base + i
                append(Quote("reversed", base + i))
                continue
            if open_at >= 0:
                append(Quote("pair", open_at, base + i))
                open_at = -1
            else:
                append(Quote("dangling-close", -1, base + i))
    return out, open_at


_FINISHED_RE = lazy(regex.compile, r"[.!?…:;”\"»)\]]\s*$")


def quotes(doc: Document) -> list[Quote]:
    """The scan of every paragraph, computed once per document.

    Only the lines holding a mark are visited (``mark_offsets`` finds them all at once), so the
    many lines without a quotation mark cost no Python step. What the
    scan of a line needs from the others (does the next non-blank line open a quotation, is
    this the last non-blank line) is looked up for those lines alone."""
    key = "typography:quotes"
    if key in doc.cache:
        return doc.cache[key]
    out: list[Quote] = []
    doc.cache[key] = out
    text = doc.text
    marks = mark_offsets(text)
    if not marks:
        return out
    lines, starts = doc.lines, doc.line_starts
    last = len(lines) - 1
    while last >= 0 and lines[last].blank:
        last -= 1
    k = 0
    while k < len(marks):
        i = bisect.bisect_right(starts, marks[k]) - 1
        ln = lines[i]
        k_end = bisect.bisect_left(marks, ln.end, k)
        base = ln.start
        found, open_at = _pair_marks(ln.text, base, [p - base for p in marks[k:k_end]])
        if open_at >= 0:
            j = i + 1
            while j < len(lines) and lines[j].blank:
                j += 1
            nxt = lines[j].text.lstrip() if j < len(lines) else ""
            if nxt[:1] not in ("“", "«"):  # the next paragraph does not go on with the quotation
                found.append(Quote("dangling-open", open_at))
        if i == last and not _FINISHED_RE.search(ln.text):
            # an excerpt cut mid-sentence: its last quotation may be closed after the cut
            found = [q for q in found if q.kind != "dangling-open"]
        out.extend(found)
        k = k_end
    return out


def _line_start(doc: Document, offset: int) -> int:
    return doc.line_starts[doc.line_col(offset)[0] - 1]


def _spaces_before(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1] in _SPACES:
        pos -= 1
    return pos


def _spaces_after(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _SPACES:
        pos += 1
    return pos


_INNER_MARK_RE = lazy(regex.compile, r"[ \u00a0\u202f]+([?!])[ \u00a0\u202f]*(?=$)")


def guillemets(doc: Document, rule: Rule) -> Iterator[Finding]:
    """« » to English quotes, with the French inner spaces removed."""
    text = doc.text
    for q in quotes(doc):
        edits: list[Edit] = []
        safety = Safety.SAFE
        if q.kind == "pair" and not text[q.open + 1 : q.close].strip(_SPACES):
            continue  # `« »`: an empty pair, nothing to quote
        if q.open >= 0 and text[q.open] == "«" and q.kind in ("pair", "dangling-open"):
            edits.append(Edit(q.open, _spaces_after(text, q.open + 1), "“"))
            if q.kind == "dangling-open":
                safety = Safety.UNSAFE
        if q.close >= 0 and text[q.close] == "»" and q.kind in ("pair", "dangling-close"):
            start = _spaces_before(text, q.close)
            prev = text[start - 1] if start else ""
            if q.kind == "dangling-close" and prev not in ".!?…":
                continue  # `Home » News`: an arrow, not a quotation mark
            end, repl = q.close + 1, "”"
            inner = _INNER_MARK_RE.search(text, max(0, start - 12), start)
            line_start = _line_start(doc, q.close)
            if q.kind == "dangling-close" and start - line_start <= 8 and not text[line_start:start].strip(" .!?…"):
                safety = Safety.UNSAFE  # `\n\n. »`: the quotation was cut by a paragraph break
            if inner and inner.end() == start:
                start, repl = inner.start(), inner.group(1) + "”"  # `NEVERMORE ? »` → `NEVERMORE?”`
                if text.startswith(",", end) and q.kind == "pair":
                    end += 1  # `December ! », sighs` → `December!” sighs`: no comma after ! or ?
            elif prev == "." and text.startswith(",", end):
                start, end, repl = start - 1, end + 1, ",”"  # `low. »,` → `low,”`
                safety = Safety.UNSAFE
            edits.append(Edit(start, end, repl))
        if not edits:
            continue
        s = min(e.start for e in edits)
        e = max(e.end for e in edits)
        yield rule.finding(s, e, safety=safety, edits=tuple(edits), title="Use English quotation marks")


def quote_spacing(doc: Document, rule: Rule) -> Iterator[Finding]:
    """`“ This` → `“This`; `priority ”.` → `priority”.`; `, ”said` → `,” said`."""
    text = doc.text
    for q in quotes(doc):
        if q.kind != "pair":
            continue
        if text[q.open] == "“":
            after = _spaces_after(text, q.open + 1)
            if after > q.open + 1 and after < q.close and "\n" not in text[q.open:after]:
                yield rule.finding(q.open, after, "“")
        if text[q.close] == "”":
            start = _spaces_before(text, q.close)
            if start < q.close and start > q.open + 1:
                nxt = text[q.close + 1] if q.close + 1 < len(text) else ""
                repl = "” " if nxt.isalpha() else "”"
                yield rule.finding(start, q.close + 1, repl)
    if '"' in text and _STRAIGHT_SPACED_ANY_RE.search(text) is not None:
        yield from _straight_quote_spacing(doc, rule)


# a straight mark that can only close a quotation: after a space, before a comma or full stop
# (`at -5 ", smiled`), or one that can only open one: at a line's start or after a sentence's
# end or a colon, before a space and a capital (`said: " We`)
_STRAIGHT_CLOSE_SPACED_RE = lazy(regex.compile, r'(?<=\S)[ \u00a0\u202f]+"(?=[,.;:!?](?:\s|$))')
# what one of the two holds, searched once in the whole text with the standard `re` (most texts
# with straight quotes have neither): a space before a mark before a stop, or a mark before a space
_STRAIGHT_SPACED_ANY_RE = lazy(re.compile, r'[ \u00a0\u202f]"[,.;:!?]|"[ \u00a0\u202f]+[^\W\d_]')
_STRAIGHT_OPEN_SPACED_RE = lazy(regex.compile, r'(?:^|(?<=[.:!?] ))"[ \u00a0\u202f]+(?=\p{Lu})')


def _straight_quote_spacing(doc: Document, rule: Rule) -> Iterator[Finding]:
    """The straight-quote form of the spaces French sets inside its marks: `even at -5 ",`
    → `even at -5",`. Straight marks have no direction, so only a paragraph whose straight
    marks pair up (an even count) is looked at, and only a mark whose surroundings say which
    end it is: before the comma or stop that follows a quotation, or opening a sentence before
    a capital."""
    for ln in doc.lines:
        line = ln.text
        if '"' not in line or line.count('"') % 2:
            continue
        marks = [i for i, ch in enumerate(line) if ch == '"']
        closing = set(marks[1::2])
        for m in _STRAIGHT_CLOSE_SPACED_RE.finditer(line):
            if m.end() - 1 in closing:
                yield rule.finding(ln.start + m.start(), ln.start + m.end(), '"')
        for m in _STRAIGHT_OPEN_SPACED_RE.finditer(line):
            if m.start() not in closing:
                yield rule.finding(ln.start + m.start(), ln.start + m.end(), '"')


def reversed_quote(doc: Document, rule: Rule) -> Iterator[Finding]:
    """An opening mark closing a quotation (`Left-handed“,`) or the reverse: point at it and
    offer the turned mark (unsafe: a garbled quotation may need more than one mark)."""
    text = doc.text
    for q in quotes(doc):
        if q.kind != "reversed":
            continue
        if q.close >= 0 and text[q.close] == "“":
            yield rule.finding(q.close, q.close + 1, "”", message="An opening quotation mark used to close a quotation.")
        elif q.open >= 0 and text[q.open] == "”":
            yield rule.finding(q.open, q.open + 1, "“", message="A closing quotation mark used to open a quotation.")


_STRAIGHT_SPACED_RE = lazy(regex.compile, r'(?<=[ \t])"(?=[ \t])')


_SENTENCE_BREAK_RE = lazy(regex.compile, r"[.!?…][”\"’)]*\s+(?=\p{Lu})")


def unbalanced_quote(doc: Document, rule: Rule) -> Iterator[Finding]:
    """A quotation mark with no partner in its paragraph, or a straight quote standing alone
    between spaces: point at it (a quotation split by removed markup or resumed French-style
    after its attribution); no fix, only the writer knows where the quotation runs."""
    text = doc.text
    for q in quotes(doc):
        if q.kind == "dangling-open":
            yield rule.finding(q.open, q.open + 1, message="An opening quotation mark that is never closed.")
        elif q.kind == "dangling-close":
            line_start = _line_start(doc, q.close)
            before = _spaces_before(text, q.close)
            if text[q.close] == "»" and (before <= line_start or text[before - 1] not in ".!?…"):
                continue  # `Home » News`, `Read more »`: an arrow, not a quotation mark
            # point from the start of the sentence the mark closes (looking back a paragraph at most)
            ends = [m.end() for m in _SENTENCE_BREAK_RE.finditer(text, max(line_start, q.close - 1000), q.close)]
            start = ends[-1] if ends else line_start
            yield rule.finding(start, q.close + 1, message="A closing quotation mark with no opening mark.")
    if '"' not in text:
        return  # no straight quote: no line to look at
    for ln in doc.lines:
        if '"' in ln.text:
            for m in _STRAIGHT_SPACED_RE.finditer(ln.text):
                yield rule.finding(ln.start + m.start(), ln.start + m.end(),
                                   message="A straight quotation mark standing alone between spaces.")
            if ln.text.rstrip().endswith(' "'):
                pos = ln.start + len(ln.text.rstrip()) - 1
                if not _STRAIGHT_SPACED_RE.search(ln.text.rstrip()[-3:]):
                    yield rule.finding(pos, pos + 1, message="A quotation mark alone at the end of a paragraph.")
