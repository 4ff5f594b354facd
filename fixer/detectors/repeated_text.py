"""Text typed twice or a stop left in the middle of a sentence: `the joint joint committee`,
`landscape. . Indeed`, `French))`, `the disease. of Covid-19`.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Iterable, Iterator

import regex

from ..document import Document
from ..lazypattern import lazy
from ..model import Finding, Rule
from .typography_patterns import byte_gate_lines, byte_view, non_ascii_set

_DOUBLED_WORD_RE = lazy(regex.compile, r"\b(\p{L}+)([ \u00a0]+)(\p{L}+)\b")
# In the case-folded text: a whole word (the run of word characters before the spaces) and the
# same word after them. Searching from the spaces, with the word captured by a lookbehind, is
# about a third faster than the same pattern started at every word.
_SAME_WORD_TWICE_RE = lazy(regex.compile, r"(?<=\b(\w+))[ \u00a0]+\1\b")
_WORD_CHAR_RE = lazy(regex.compile, r"\w")
_ASCII = bytes(range(128))
# ASCII letters to lower case (what case folding does to them), any other ASCII byte to a space
_ASCII_WORDS = bytes(b if b >= 0x80 else (b | 0x20) if chr(b).isalpha() else 0x20 for b in range(256))
# non-ASCII character → (its UTF-8, its bytes in the word view), or None when kept as it is
_FOLDS: dict[str, tuple[bytes, bytes] | None] = {}


def _punctuation_re(block: range) -> tuple[frozenset[str], re.Pattern[bytes]]:
    """The non-word characters of ``block`` (code points whose UTF-8 share all bytes but the
    last) and a pattern finding any of them in UTF-8: ``_word_view`` writes them all as a space
    with one ``re.sub`` (its literal prefix found at memchr speed), not one ``bytes.replace``
    (two passes over the text) each."""
    chars = [chr(cp) for cp in block if _WORD_CHAR_RE.match(chr(cp)) is None]
    raw = [c.encode("utf-8") for c in chars]
    return frozenset(chars), re.compile(re.escape(raw[0][:-1]) + b"[" + re.escape(bytes(r[-1] for r in raw)) + b"]")


# the quotation marks, dashes and ellipsis (U+2000-U+203F: E2 80 xx) and the no-break space,
# guillemets and signs of Latin-1 (U+0080-U+00BF: C2 xx): most of an article's non-ASCII
# punctuation (the few word characters of each block, such as ZWJ and µ, are left out)
_PUNCTUATION_BLOCKS = (_punctuation_re(range(0x2000, 0x2040)), _punctuation_re(range(0x80, 0xC0)))


def _fold_bytes(c: str) -> tuple[bytes, bytes] | None:
    """What ``_word_view`` writes for the non-ASCII character ``c`` (with the character's own
    UTF-8): a space for a non-word character, the UTF-8 of its case folding for a word
    character that folding changes, None for the others (kept as they are). Kept per
    character: texts share their characters."""
    if c not in _FOLDS:
        if len(_FOLDS) > 1 << 14:
            _FOLDS.clear()
        raw = c.encode("utf-8", "surrogatepass")
        if _WORD_CHAR_RE.match(c) is None:
            _FOLDS[c] = (raw, b" ")
        else:
            folded = c.casefold()
            _FOLDS[c] = None if folded == c else (raw, folded.encode("utf-8", "surrogatepass"))
    return _FOLDS[c]


def _word_view(text: str, doc: Document | None = None) -> bytes:
    """The case-folded text in UTF-8 with every non-word character and every ASCII digit and
    underscore written as a space: its runs of non-space bytes are the runs of letters (and
    marks and other non-ASCII word characters) of ``text.casefold()``, cut at digits.

    Built with bytes operations only: ``str.casefold`` maps each character on its own, so the
    ASCII bytes are folded by one ``bytes.translate`` and each distinct non-ASCII character of
    the text (there are few) by one ``bytes.replace`` (an encoded character is found only where
    the text holds it: UTF-8 is self-synchronising). With ``doc`` (whose text is ``text``) the
    family's byte view and set of non-ASCII characters are used (its digits, written 0, become
    spaces here as any digit does)."""
    if doc is None:
        raw = text.encode("utf-8", "surrogatepass")
        chars: Iterable[str] = set(raw.translate(None, _ASCII).decode("utf-8", "surrogatepass"))
    else:
        raw, chars = byte_view(doc), non_ascii_set(doc)
    view = raw.translate(_ASCII_WORDS)
    blocks = [False] * len(_PUNCTUATION_BLOCKS)
    for c in chars:
        for k, (punct, _) in enumerate(_PUNCTUATION_BLOCKS):
            if c in punct:
                blocks[k] = True
                break
        else:
            fold = _fold_bytes(c)
            if fold is not None:
                view = view.replace(*fold)
    for (_, pattern), present in zip(_PUNCTUATION_BLOCKS, blocks, strict=True):
        if present:
            view = pattern.sub(b" ", view)
    return view


def may_hold_doubled_word(text: str, doc: Document | None = None) -> bool:
    """False only if no two words of ``text`` separated by spaces are equal case-folded, the
    first test of any ``doubled_word`` finding, decided with C-speed bytes and list operations
    (a regex search of every space of the text was the rule's whole cost).

    Why a finding's words ``a`` and ``b`` (``a.casefold() == b.casefold()``) are found: a
    letter folds to word characters only, and never to an ASCII digit or underscore, while a
    non-word character folds to non-word characters only (tests/test_typography.py and
    tests/test_perf_typo.py check both over all of Unicode); the spaces fold to themselves.
    ``a`` is a whole run of letters after a non-word character and before the spaces, ``b``
    one after the spaces and before a non-word character, so in ``_word_view`` their foldings
    are two whole runs of non-space bytes with only spaces between them: two equal neighbours
    of its ``split()``. Each such word ``w`` is then checked in the folded text: a whole run
    of word characters, spaces, the same run (a necessary condition, as the regex test of every
    space was)."""
    runs = _word_view(text, doc).split()
    if not any(map(operator.eq, runs, itertools.islice(runs, 1, None))):
        return False
    folded = text.casefold()
    spaced = "\u00a0" in folded or "  " in folded
    return any(_twice_in(folded, w.decode("utf-8", "surrogatepass"), spaced)
               for w in {a for a, b in itertools.pairwise(runs) if a == b})


_ASCII_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def _twice_in(folded: str, word: str, spaced: bool) -> bool:
    """Whether the folded text may hold ``word``, spaces and ``word`` again, each a whole run of
    word characters (never False when it does; ``spaced``: the text holds a no-break space or
    two spaces in a row). One space between them is looked for with ``str.find``, and only an
    ASCII word character on either side rules an occurrence out: a neighbour of two equal runs
    of the word view is mostly a figure or a stop (`the round of 16 of`), whose regex search
    (compiled anew for each word) cost more than the rest of the test. Other spaces: at each
    place where ``word`` is followed by a space, ``_SAME_RUN_AGAIN`` (compiled once) is tried,
    which matches there whenever the word is doubled there."""
    pair = f"{word} {word}"
    i = folded.find(pair)
    while i >= 0:
        j = i + len(pair)
        if (not i or folded[i - 1] not in _ASCII_WORD_CHARS) and (j == len(folded) or folded[j] not in _ASCII_WORD_CHARS):
            return True
        i = folded.find(pair, i + 1)
    if spaced:
        for after in (" ", "\u00a0"):
            i = folded.find(word + after)
            while i >= 0:
                if (not i or folded[i - 1] not in _ASCII_WORD_CHARS) and _SAME_RUN_AGAIN.match(folded, i):
                    return True
                i = folded.find(word + after, i + 1)
    return False


# a run of word characters, spaces and the same run again: at the start of a doubled word, the
# greedy run is the whole word (a space follows it), so this matches there
_SAME_RUN_AGAIN = lazy(regex.compile, r"(\w+)[ \u00a0]+\1(?!\w)")


def doubled_word(doc: Document, rule: Rule) -> Iterator[Finding]:
    """`the joint joint committee` → `the joint committee`. Words that English (or French, in
    a quotation) legitimately doubles are in the rule's ``allow`` list (`had had`, `that that`);
    two capitalised copies are names (`Bora Bora`) and are left alone."""
    if not may_hold_doubled_word(doc.text, doc):
        return
    allow = {w.casefold() for w in rule.params.get("allow", [])}
    text = doc.text
    for m in _DOUBLED_WORD_RE.finditer(text, overlapped=True):
        a, b = m.group(1), m.group(3)
        if a.casefold() != b.casefold() or a.casefold() in allow or (len(a) == 1 and a.casefold() != "a"):
            continue
        if b[:1].isupper() or a.isupper():
            continue  # `Bora Bora`, `Walla Walla`, `NO NO`
        if a.isdigit():
            continue
        after = text[m.end(3) : m.end(3) + len(a) + 2]
        before = text[max(0, m.start(1) - len(a) - 2) : m.start(1)]
        if after.strip().casefold().startswith(a.casefold()) or before.strip().casefold().endswith(a.casefold()):
            continue  # `text text text`: a deliberate run, not a slip
        yield rule.finding(m.start(1), m.end(3), a, message=f"The word {a!r} is doubled.")


_DOUBLED_STOP_RE = lazy(regex.compile, r"(?<=[\p{L}\p{N})\]”\"’])(\.)[ \u00a0]+\.(?![ \u00a0]*\.)|(?<=[\p{L}\p{N}]),,(?!,)")


# what every match of _DOUBLED_STOP_RE holds, `.` spaces `.` (first branch) or `,,` (second), in
# ``byte_view`` (UTF-8: the no-break space is C2 A0), each for Python's ``re``, which finds a
# literal first character at memchr speed: faster than a ``str`` search for `,,` (a two-character
# needle skips little) and a ``regex`` search of the text (one pattern for both, without a
# literal first character, is slower than the two)
_STOP_SPACE_STOP_BYTES_RE = lazy(re.compile, rb"\.(?: |\xc2\xa0)+\.")
_DOUBLED_COMMA_RE = lazy(re.compile, rb",,")


def doubled_punctuation(doc: Document, rule: Rule) -> Iterator[Finding]:
    """`landscape. . Indeed` → `landscape. Indeed`; `word,,` → `word,`; `French))` when the
    paragraph closes more brackets than it opens."""
    text = doc.text
    view = byte_view(doc)
    if _DOUBLED_COMMA_RE.search(view) is not None or _STOP_SPACE_STOP_BYTES_RE.search(view) is not None:
        for m in _DOUBLED_STOP_RE.finditer(text):
            repl = "." if m.group(1) else ","
            yield rule.finding(m.start(), m.end(), repl)
    if _DOUBLED_BRACKET_RE.search(view) is None:
        return  # no paragraph holds a doubled bracket
    for ln in doc.lines:
        t = ln.text
        excess = t.count(")") - t.count("(")
        if "))" not in t or excess <= 0:
            continue
        for run in regex.finditer(r"\){2,}", t):
            drop = min(excess, len(run.group()) - 1)
            if drop <= 0:
                break
            excess -= drop
            yield rule.finding(ln.start + run.start(), ln.start + run.end(), ")" * (len(run.group()) - drop),
                               message="A doubled closing bracket.")


_DOUBLED_BRACKET_RE = lazy(re.compile, rb"\)\)")  # `))`: a literal ``re`` search runs at memchr speed


_STRAY_STOP_RE = lazy(regex.compile, r"(?<![\p{L}.])(\p{Ll}[\p{Ll}'’\-]+)\.[ \u00a0]+(\p{Ll}{2,})\b")


# what every match of _STRAY_STOP_RE holds (and no line break), in ``byte_view`` for Python's
# ``re`` (a literal first `.`, found at memchr speed): two characters of [\p{Ll}'’-] (each an
# ASCII one of a-z ' - or a non-ASCII one, whose last UTF-8 bytes are 0x80 or more), the stop,
# spaces and two lower-case letters, the first of them a-z or a character that starts with the
# lead byte of a lower-case letter (in C2 only µ; never E2 80, U+2000-U+203F, the quotation
# marks and dashes that open so many sentences). The pattern's last look, a word boundary,
# holds at a line break as at the end of a text, so only the lines holding this need a search
# (see ``lines_holding``); `p.m. on` and `said. “The` are none.
_STOP_BEFORE_LOWER_BYTES_RE = lazy(re.compile,
    rb"\.(?<=[a-z'\-\x80-\xff]{2}\.)(?: |\xc2\xa0)+(?:[a-z]|\xc2\xb5|[\xc3-\xe1\xe3-\xf4]|\xe2[\x81-\xbf])[a-z\x80-\xff]"
)


_ROMAN_RE = lazy(regex.compile, r"[ivxlc]+")
_NAME_PARTICLES = frozenset("de del della der den van von da das di dos du la le al el bin ibn ben ter".split())


def stray_stop(doc: Document, rule: Rule) -> Iterator[Finding]:
    """`the disease. of Covid-19`: a full stop followed by a lower-case word inside a sentence,
    left where the translation dropped or garbled a phrase. Abbreviations (`etc.`, `vs.`,
    `approx.`) are in the rule's ``abbreviations`` list. Warning only: the repair needs the
    sentence's meaning."""
    text = doc.text
    spans = byte_gate_lines(doc, _STOP_BEFORE_LOWER_BYTES_RE)
    if not spans:
        return
    abbreviations = {w.casefold().rstrip(".") for w in rule.params.get("abbreviations", [])}
    for m in (m for start, end in spans for m in _STRAY_STOP_RE.finditer(text, start, end)):
        if m.group(1).casefold() in abbreviations or _ROMAN_RE.fullmatch(m.group(1)):
            continue
        if m.group(2) in _NAME_PARTICLES:
            continue  # `… said. von der Leyen added`: a name that keeps its lower-case particle
        if not text[text.rfind("\n", 0, m.start()) + 1 : m.start()].strip():
            continue  # `ii. moral rights`: a list marker at the start of a line
        yield rule.finding(m.start(1), m.end(2))
