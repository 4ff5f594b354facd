"""What every boilerplate line rule shares: the verdict type, line normalisation, the phrase
lexicon, and the registry of line classifiers (one per ``boilerplate.*`` line rule).

Rules judge one another's lines (a near repeat skips exact repeats, a caption sits above a
credit line, the deletion plan unites them all), so each classifier runs at most once per
document and its verdicts are cached in ``doc.cache``. Classifier modules register themselves
with ``@classifier(rule_id)``; they are imported on first use, never at start-up.
"""

from __future__ import annotations

import bisect
import importlib
import operator
import unicodedata
from collections.abc import Callable, Iterable
from typing import NamedTuple

import regex

from ..document import Document, Line
from ..lazypattern import lazy
from ..model import Safety

PHRASES = "lexicon/boilerplate-phrases.txt"
PROFILES = "profiles/*.toml"

# quote styles and the no-break space, each replaced by one plain character (no output is a key,
# so replacing one after the other is the same as ``str.translate``, and several times faster)
_QUOTES = (("’", "'"), ("‘", "'"), ("`", "'"), ("“", '"'), ("”", '"'), ("«", '"'), ("»", '"'), ("\u00a0", " "))
_WS_RE = lazy(regex.compile, r"\s+")
_LINE_WS_RE = lazy(regex.compile, r"[^\S\n]+")  # white space within a line: lines joined by "\n" stay apart
# what regex's ``\s`` matches besides the space and the line break (Unicode's White_Space)
_OTHER_WS = (
    "\t\x0b\x0c\r\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
# once every run of white space (regex's ``\s``) is one space, stripping the runs of these
# characters at the ends is what the regexes ``^[\s•·*>»›\-–—]+`` and ``[\s:.…!>»›|\-–—]+$`` did
_LEAD_CHARS = " •·*>»›-–—●■◆▪►▶➤➜➔→☞👉📩📣🔔🔴✅📌📰🔒⊞ℹ\ufe0f\u200d"  # (bullets, arrows and pictographs a widget opens with)
LEAD_CHARS = _LEAD_CHARS  # what a key strips from the start of its line (for the classifiers that read the line)
# symbols a line keeps at its start: they say what follows (`© AFP`, `° C`), no widget's icon
_KEPT_SYMBOLS = frozenset("©®℗™°")


def _lead_symbol(c: str) -> bool:
    """Whether ``c`` is a pictograph or arrow a widget may open with beyond ``_LEAD_CHARS``
    (`📻`, `⭐`, `🎟`, `⟶`): any other symbol (Unicode So), or a mathematical one past ASCII and
    Latin-1 (arrows and boxes are Sm), not one of ``_KEPT_SYMBOLS``. Each site draws its widgets
    with other icons, so a list of them never ends."""
    cat = unicodedata.category(c)
    return (cat == "So" and c not in _KEPT_SYMBOLS) or (cat == "Sm" and c > "\u2000")


def strip_lead(text: str) -> str:
    """``text`` without the bullets, arrows and pictographs it opens with (and the spaces
    between them): ``_LEAD_CHARS`` by ``str.lstrip``, then, only when a character outside them
    is left that is no letter or figure, the ``_lead_symbol`` ones."""
    text = text.lstrip(_LEAD_CHARS)
    if text and not text[0].isalnum() and _lead_symbol(text[0]):
        i, n = 1, len(text)
        while i < n and (text[i] in _LEAD_CHARS or _lead_symbol(text[i])):
            i += 1
        text = text[i:]
    return text
_TRAIL_CHARS = " :.…!>»›|-–—↑↓→⟶➜➔▶►"  # (arrows: `Back to top ↑`)
_SENTENCE_CLOSERS = "\"'”’»)]"
_SENTENCE_ENDS = ".!?…"
_WORD_RE = lazy(regex.compile, r"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*")
KICKER_RE = lazy(regex.compile,
    r"^\s*(?:[«“\"]\s*)?(?P<label>\p{Lu}[\p{Lu}\p{N}'’\- ]{2,40}?)(?:\s*[?!])?(?:\s*[»”\"])?\s*:\s+(?=[«“\"]?\p{Lu})"
)


def may_kick(text: str) -> bool:
    """False when ``KICKER_RE`` cannot match ``text``, told by its first two characters after
    the white space and an opening quote: the label opens with a capital (``\\p{Lu}``) followed by
    no lowercase letter. Only ASCII characters are judged here (what ``regex`` calls a capital
    may be unknown to ``str``); most lines open with a capitalised word."""
    t = text.lstrip()
    if t[:1] in ("«", "“", '"'):
        t = t[1:].lstrip()
    first, second = t[:1], t[1:2]
    if first.isascii() and not "A" <= first <= "Z":
        return False  # (an empty ``first`` too)
    return not ("a" <= second <= "z")


class Verdict(NamedTuple):
    """One line a rule wants deleted (or, with ``span``, a part of a line to delete). A
    NamedTuple, not a dataclass: a page makes dozens and a tuple is several times cheaper."""

    rule: str
    line: Line
    safety: Safety
    message: str = ""
    span: tuple[int, int] | None = None  # a part of the line; None = the whole line
    edit_end: int | None = None  # end of the deleted text when it goes past the span
    weak: bool = False  # kept only beside translation damage (``fixer.corroboration``); not planned


# a verdict's line number, mapped over a list of verdicts without a Python step each (most lists
# a rule reads are empty or short: ``set(map(VERDICT_LINE, found))`` spares a comprehension's frame)
VERDICT_LINE = operator.attrgetter("line.number")


# --------------------------------------------------------------------------- text helpers


def _fold(text: str) -> str:
    """NFC, one quote style, no-break spaces as spaces, case folded: all character by character
    (no character composes with, or folds into, a line break), so a text of several lines
    folds to the lines folded one by one."""
    return _unquoted(unicodedata.normalize("NFC", text)).casefold()


def _unquoted(text: str) -> str:
    """One quote style, no-break spaces as spaces (see ``_fold``)."""
    for old, new in _QUOTES:
        if old in text:
            text = text.replace(old, new)
    return text


def strip_trail(text: str) -> str:
    """``text`` without the marks and arrows it ends with (``_TRAIL_CHARS``) and, as
    ``strip_lead`` does at the start, the pictographs a button ends with (`… favourites ♡`)."""
    text = text.rstrip(_TRAIL_CHARS)
    if text and not text[-1].isalnum() and _lead_symbol(text[-1]):
        i = len(text) - 1
        while i > 0 and (text[i - 1] in _TRAIL_CHARS or _lead_symbol(text[i - 1])):
            i -= 1
        text = text[:i].rstrip(_TRAIL_CHARS)
    return text


def _trim(spaced: str) -> str:
    """The end of ``norm``, on a text whose white space runs are already single spaces."""
    return strip_trail(strip_lead(spaced.strip()))


def norm(text: str) -> str:
    """Compare lines as a reader would: case, quote style, spacing and end marks ignored."""
    folded = _fold(text)
    # (without a line break, ``_single_spaced`` is the same substitution, mostly without a regex call)
    return _trim(_WS_RE.sub(" ", folded) if "\n" in folded else _single_spaced(folded))


_NON_ASCII_SET: list[Callable[[Document], frozenset[str]]] = []  # typography_patterns.non_ascii_set, once imported


def page_non_ascii(doc: Document) -> frozenset[str]:
    """The distinct non-ASCII characters of the page: ``typography_patterns.non_ascii_set``,
    computed once per document and shared with the typography rules (imported on first use:
    that module imports this one)."""
    if not _NON_ASCII_SET:
        from .typography_patterns import non_ascii_set

        _NON_ASCII_SET.append(non_ascii_set)
    return _NON_ASCII_SET[0](doc)


_NON_ASCII_QUOTES = tuple((old, new) for old, new in _QUOTES if not old.isascii())
_OTHER_WS_ASCII = tuple(c for c in _OTHER_WS if c.isascii())
_OTHER_WS_NON_ASCII = frozenset(c for c in _OTHER_WS if not c.isascii())


def _plain(text: str, present: frozenset[str]) -> str:
    """``_single_spaced(_unquoted(text))`` for a text whose non-ASCII characters are among
    ``present`` (the page's, shared with the typography rules): a quote or a white space
    character the page lacks is not looked for (each test is a scan of the text)."""
    if "`" in text:
        text = text.replace("`", "'")
    for old, new in _NON_ASCII_QUOTES:
        if old in present:
            text = text.replace(old, new)  # (no output is a key: the order does not matter)
    if "  " in text or any(map(text.__contains__, _OTHER_WS_ASCII)) or (
        not _OTHER_WS_NON_ASCII.isdisjoint(present) and any(map(text.__contains__, _OTHER_WS_NON_ASCII & present))
    ):
        return _LINE_WS_RE.sub(" ", text)
    return text


def _single_spaced(text: str) -> str:
    """Every run of white space within a line as one space. Most texts have none to change,
    which a few substring tests tell much faster than the regex scan."""
    if "  " in text or any(map(text.__contains__, _OTHER_WS)):
        return _LINE_WS_RE.sub(" ", text)
    return text


def key_list(doc: Document) -> list[str]:
    """``norm`` of every line of ``nonblank(doc)``, in a list parallel to it, computed once per
    document in one pass over the joined lines (several rules compare lines; a call per line
    costs several times more) -- except that the key of a line in ``key_heads(doc)`` is only
    its head (see ``_keyed``). Equal to ``norm`` line by line: a line holds no line break,
    folding works character by character (NFC composes nothing with a line break), and the
    white space pattern here stops at the line breaks."""
    return (doc.cache.get("boilerplate:keyed") or _keyed(doc))[1]


def key_heads(doc: Document) -> frozenset[int]:
    """The indices (in ``nonblank(doc)``) whose ``key_list`` entry is only the first
    ``HEAD_LEN`` characters or more of the key (see ``_keyed``); ``full_key`` gives the key."""
    return (doc.cache.get("boilerplate:keyed") or _keyed(doc))[3]


def full_key(doc: Document, i: int) -> str:
    """The key of line ``i`` of ``nonblank(doc)``, completed when ``key_list`` holds its head."""
    _lines, keys, _by_first, heads = doc.cache.get("boilerplate:keyed") or _keyed(doc)
    if i not in heads:
        return keys[i]
    done = doc.cache.setdefault("boilerplate:full-keys", {})
    if i not in done:
        done[i] = norm(nonblank(doc)[i].text)
    return done[i]


_TEXT = operator.itemgetter(3)  # ``Line.text``, mapped over the lines without a Python step each

# A line longer than _LONG is folded only up to the first space after _CUT characters (the rest
# of a paragraph is seldom compared, and folding is most of the cost of the keys); what that
# gives is a head of the key when it holds HEAD_LEN characters that no trailing strip removes.
# _LONG stays above 80: page-prompt finds its prompts (lines of 80 characters at most) among the
# entries of key_list; digit_ended asks the line itself when its entry is a head.
_LONG, _CUT, HEAD_LEN = 100, 72, 64
# the characters that ``norm`` may strip from the end of a key: ``str.strip``'s white space
# (regex's ``\\s`` and \x1c-\x1f, see tests/test_perf_boiler.py) and _TRAIL_CHARS
_END_STRIP = _TRAIL_CHARS + _OTHER_WS + " \n\x1c\x1d\x1e\x1f"


def _keyed(doc: Document) -> tuple[list[Line], list[str], dict[str, list[int]] | None, frozenset[int]]:
    """``nonblank(doc)``, its keys (heads for some long lines), the indices of its lines by the
    first character of their key (None when the keys may not gate patterns, see ``keys_gate``),
    and the indices whose key is a head, all built in one pass.

    Why a head is a prefix of the key: the line is cut before a space, which composes with
    nothing under NFC and stops any reordering of marks, so NFC, the quotes, case folding and
    the white space runs give the cut text a prefix of what they give the whole line; its
    leading white space and marks are stripped as the whole line's are, since the head goes on
    past them; and the strip at the end of the key cannot reach into the head before its last
    character outside ``_END_STRIP``, where the head is cut."""
    lines = nonblank(doc)
    lead, trail = _LEAD_CHARS, _TRAIL_CHARS
    texts = list(map(_TEXT, lines))
    cut = [i for i, n in enumerate(map(len, texts)) if n > _LONG]
    for i in cut:
        j = texts[i].find(" ", _CUT)
        if j != -1:
            texts[i] = texts[i][:j]
    text = "\n".join(texts)
    nfc = unicodedata.normalize("NFC", text)
    # (case folded line by line: ``casefold`` is quick on an ASCII line, slow on any other, and
    # most lines are ASCII once their quotes are plain; folding maps white space to itself and
    # nothing else to white space, so it may come after the runs of white space are made one)
    if nfc is text:
        present = page_non_ascii(doc)
        plain = _plain(nfc, present)
        symbols = _has_lead_symbol(present)
    else:
        plain = _single_spaced(_unquoted(nfc))
        symbols = True  # (NFC made characters the page's set does not hold: every key is asked)
    folded = [k.casefold() for k in plain.split("\n")] if lines else []
    keys = [k.strip().lstrip(lead).rstrip(trail) for k in folded]  # (``_trim`` inlined)
    if symbols:
        for i in [i for i, k in enumerate(keys) if k[:1] and not k[:1].isalnum() and _lead_symbol(k[0])]:
            keys[i] = strip_lead(keys[i])  # (a widget's pictograph: `📻 listen to the segment`)
        for i in [i for i, k in enumerate(keys) if k[-1:] and not k[-1:].isalnum() and _lead_symbol(k[-1])]:
            keys[i] = strip_trail(keys[i])  # (a button's: `put this article in your favourites ♡`)
    heads = set()
    for i in cut:
        if len(texts[i]) < len(lines[i].text):
            head = strip_lead(folded[i].lstrip()).rstrip(_END_STRIP)
            if len(head) >= HEAD_LEN:
                keys[i] = head
                heads.add(i)
            else:  # too little left to tell: the whole key
                keys[i] = norm(lines[i].text)
    by_first: dict[str, list[int]] | None = None
    ends: dict[str, list[int]] = {}  # (``by_last``, built in the same pass: every page asks)
    openers: dict[str, list[int]] = {}  # (``by_first_word``, likewise)
    if _gateable(text, nfc):
        by_first = {}
        for i, k in enumerate(keys):
            c = k[:1]
            if c in by_first:
                by_first[c].append(i)
            else:
                by_first[c] = [i]
            c = k[-1:]
            if c in ends:
                ends[c].append(i)
            else:
                ends[c] = [i]
            c = k.partition(" ")[0]
            if c in openers:
                openers[c].append(i)
            else:
                openers[c] = [i]
    else:
        for i, k in enumerate(keys):
            c = k[-1:]
            if c in ends:
                ends[c].append(i)
            else:
                ends[c] = [i]
            c = k.partition(" ")[0]
            if c in openers:
                openers[c].append(i)
            else:
                openers[c] = [i]
    doc.cache["boilerplate:by-last"] = ends
    doc.cache["boilerplate:by-first-word"] = openers
    found = doc.cache["boilerplate:keyed"] = (lines, keys, by_first, frozenset(heads))
    return found


# characters met on pages, by whether ``_lead_symbol`` holds (kept across documents: a
# character is no text of a document; bounded by _MAX_SYMBOLS_MET)
_SYMBOLS_MET: set[str] = set()
_NOT_SYMBOLS_MET: set[str] = set()
_MAX_SYMBOLS_MET = 4096


def _has_lead_symbol(present: frozenset[str]) -> bool:
    """Whether one of ``present`` (the page's non-ASCII characters) is a ``_lead_symbol``: when
    none is, no key opens or ends with one, and the keys are not asked one by one. (No ASCII
    character is one; every character a key holds is the page's, its quotes and spaces made
    ASCII, or a case fold of it, and no case fold of a character that is not one is one:
    checked against every code point by tests/test_perf_boiler9.py.)"""
    if not present.isdisjoint(_SYMBOLS_MET):
        return True
    new = present.difference(_NOT_SYMBOLS_MET)
    if not new:
        return False
    if len(_NOT_SYMBOLS_MET) + len(_SYMBOLS_MET) > _MAX_SYMBOLS_MET:
        _SYMBOLS_MET.clear()
        _NOT_SYMBOLS_MET.clear()
    found = False
    for c in new:
        if _lead_symbol(c):
            _SYMBOLS_MET.add(c)
            found = True
        else:
            _NOT_SYMBOLS_MET.add(c)
    return found


def _gateable(text: str, nfc: str) -> bool:
    """NFC left the text as it was (``nfc``), and it holds neither ``İ`` nor ``ı``, which
    ``regex`` matches with ``i`` and ``I`` case-insensitively but which do not case-fold to them
    (see ``keys_gate``). (``normalize`` hands back the text itself when its quick check says so.)"""
    return (nfc is text or nfc == text) and "\u0130" not in text and "\u0131" not in text


def keys_gate(doc: Document) -> bool:
    """True when a line's key starting with ``norm(P)`` is a necessary condition for a pattern
    ``^\\s*P`` (IGNORECASE, white space in P as ``\\s+``) to match the line, P written in
    ``GATE_CHARS``. Why: the key is the line with its leading white space (and bullet marks)
    removed, its runs of white space as one space, its quotes unified and case-folded; with NFC
    changing nothing, each of those steps maps the matched P to ``norm(P)`` character by
    character (``regex`` matches a character of ``GATE_CHARS`` case-insensitively only with
    characters of the same case fold, but for ``İ`` and ``ı``, which the text then lacks), and
    the trailing marks that ``norm`` strips end neither P's normal form nor the line before it."""
    return (doc.cache.get("boilerplate:keyed") or _keyed(doc))[2] is not None


# the characters of a pattern's opening whose case-insensitive matches by ``regex`` all
# case-fold like them, but ``i``/``I`` (which ``keys_gate`` handles); checked against every
# code point by tests/test_perf_boiler.py
GATE_CHARS = frozenset(
    " #&'(),-./0123456789:?ABCDEFGHIJKLMNOPQRSTUVWXYZ[]abcdefghijklmnopqrstuvwxyzÀÂÄÆÇÈÉÊËÎÏÔÖÙÛÜàâãäæçèéêëîïôöùûüÿŒœŸ’–—"
)


class Gate(NamedTuple):
    """The keys' prefixes that gate some patterns (see ``keys_gate``), by their first character
    (a line is tested against the few prefixes opening like its key, not all of them)."""

    by_first: dict[str, tuple[str, ...]]
    any_line: bool  # an empty prefix: every line may match


def gate_prefixes(openings: list[str] | tuple[str, ...]) -> Gate | None:
    """The gate of patterns opening with ``openings`` (see ``keys_gate``), or None when an
    opening has a character outside ``GATE_CHARS`` (its lines cannot be gated). Each gate is
    made once per process (a module constant, or kept in ``store.memo``) and joins the table
    that picks the lines of every gate in one pass (see ``_picks``)."""
    if any(not GATE_CHARS.issuperset(o) or len(o) > HEAD_LEN for o in openings):
        return None  # (a longer opening could pass the head of a long line's key)
    by_first: dict[str, list[str]] = {}
    for p in sorted({norm(o) for o in openings}):
        by_first.setdefault(p[:1], []).append(p)
    gate = Gate({c: tuple(ps) for c, ps in by_first.items()}, "" in by_first)
    if not gate.any_line and len(_JOINED) < _MAX_JOINED:
        _join(gate)
    return gate


def gateable_head(opening: str) -> str:
    """The longest start of ``opening`` written in ``GATE_CHARS`` (at most ``HEAD_LEN``
    characters): a line that a pattern opening with ``opening`` matches opens with it too, so a
    gate of heads picks a superset of the lines a gate of the whole openings would (``BlogThis!``,
    whose ``!`` no gate takes, gates as ``blogthis`` rather than leaving every line to test)."""
    for k, c in enumerate(opening[:HEAD_LEN]):
        if c not in GATE_CHARS:
            return opening[:k]
    return opening[:HEAD_LEN]


# Every gate's prefixes by their first character, joined: a line is tested once against all
# the prefixes opening like its key (most lines open like none), and only a line that passes
# against each gate's own. ``_JOINED`` keeps the gates alive, so that their ids stay theirs;
# past ``_MAX_JOINED`` (many stores in one process) a gate picks its own lines, as before.
_JOINED: dict[int, tuple[int, Gate]] = {}  # id(gate) → (its number, the gate)
_BY_FIRST: dict[str, tuple[tuple[str, ...], tuple[tuple[int, tuple[str, ...]], ...]]] = {}
_MAX_JOINED = 256


def _join(gate: Gate) -> None:
    n = len(_JOINED)
    _JOINED[id(gate)] = (n, gate)
    for c, prefixes in gate.by_first.items():
        every, gates = _BY_FIRST.get(c, ((), ()))
        _BY_FIRST[c] = (tuple(dict.fromkeys((*every, *prefixes))), (*gates, (n, prefixes)))


def _picks(doc: Document) -> dict[int, list[int]]:
    """The number of each joined gate → the indices (in order) of the lines its prefixes pick,
    for all of them in one pass over the keys (see ``gated_indices``); computed again when a
    gate joined since."""
    found = doc.cache.get("boilerplate:picks")
    if found is not None and found[0] == len(_JOINED):
        return found[1]
    _lines, keys, by_first, _heads = doc.cache.get("boilerplate:keyed") or _keyed(doc)
    picks: dict[int, list[int]] = {}
    table = _BY_FIRST
    for c in by_first.keys() & table.keys() if by_first else ():
        every, gates = table[c]
        for i in by_first[c]:
            k = keys[i]
            if k.startswith(every):
                for n, prefixes in gates:
                    if k.startswith(prefixes):
                        if n in picks:
                            picks[n].append(i)
                        else:
                            picks[n] = [i]
    for at in picks.values():
        at.sort()
    doc.cache["boilerplate:picks"] = (len(_JOINED), picks)
    return picks


def gated_lines(doc: Document, gate: Gate | None, also: Iterable[int] = ()) -> list[Line]:
    """The non-blank lines whose key starts with a prefix of ``gate``, and those at the indices
    ``also`` (of ``nonblank(doc)``): a superset of the lines that the patterns behind ``gate``
    match (see ``keys_gate``); every non-blank line when the keys cannot tell. Only the lines
    whose key opens like a prefix are looked at."""
    lines = (doc.cache.get("boilerplate:keyed") or _keyed(doc))[0]
    picked = gated_indices(doc, gate, also)
    return lines if picked is None else [lines[i] for i in picked]


def gated_indices(doc: Document, gate: Gate | None, also: Iterable[int] = ()) -> list[int] | None:
    """The indices (in ``nonblank(doc)``, in order) of ``gated_lines``; None for every line."""
    _lines, keys, by_first, _heads = doc.cache.get("boilerplate:keyed") or _keyed(doc)
    if by_first is None or gate is None or gate.any_line:
        return None
    joined = _JOINED.get(id(gate))
    if joined is not None and joined[1] is gate:
        done = doc.cache.get("boilerplate:picks")  # (``_picks`` read directly when up to date)
        got = (done[1] if done is not None and done[0] == len(_JOINED) else _picks(doc)).get(joined[0], ())
        return sorted({*got, *also}) if also else list(got)
    prefixes = gate.by_first
    common = by_first.keys() & prefixes.keys()  # (most lines open with none of the prefixes)
    picked = [i for c in common for i in by_first[c] if keys[i].startswith(prefixes[c])] if common else []
    if also:
        picked.extend(also)
    elif not picked:
        return picked
    return sorted(set(picked))


def digit_led(doc: Document) -> list[int]:
    """The indices (in ``nonblank(doc)``) of the lines whose key opens with what may be a figure
    of ``regex``'s ``\\d``: a digit for Python, or a character beyond the BMP (``regex`` knows
    decimal digits of newer Unicode versions than ``str.isdigit``; all lie there). Meaningful
    when ``keys_gate(doc)``."""
    found = doc.cache.get("boilerplate:digit-led")
    if found is None:  # (two rules ask)
        by_first = (doc.cache.get("boilerplate:keyed") or _keyed(doc))[2] or {}
        found = doc.cache["boilerplate:digit-led"] = [i for c, at in by_first.items() if c.isdigit() or c > "\uffff" for i in at]
    return found


def by_last(doc: Document) -> dict[str, list[int]]:
    """The indices (in ``nonblank(doc)``, in order) of the entries of ``key_list`` by their last
    character ('' for an empty one), computed once per document: several rules want the lines
    whose key ends with a figure, a bracket or a word, and a look-up here replaces a pass over
    the keys for each."""
    found = doc.cache.get("boilerplate:by-last")
    if found is None:
        _keyed(doc)  # (which builds it with the keys)
        found = doc.cache["boilerplate:by-last"]
    return found


def by_first_word(doc: Document) -> dict[str, list[int]]:
    """The indices (in ``nonblank(doc)``, in order) of the entries of ``key_list`` by their
    first word (what comes before their first space; an entry that is a head gives its head's),
    computed with the keys: the rules that look for lines opening with one of a few hundred
    phrases take the phrases' first words and this table's in one set operation, instead of
    splitting every key."""
    found = doc.cache.get("boilerplate:by-first-word")
    if found is None:
        _keyed(doc)  # (which builds it with the keys)
        found = doc.cache["boilerplate:by-first-word"]
    return found


def digit_ended(doc: Document, max_len: int | None = None) -> list[int]:
    """The indices of the lines whose key ends with what may be a figure (see ``digit_led``),
    leaving out, when ``max_len`` is given, long lines whose entry in ``key_list`` is a head.
    The entry of a line in ``key_heads`` is only the head of its key: the line itself tells
    instead, by its last character before those the key's end strips (no character folds to a
    figure nor to one of those, so the key ends with the fold of that one)."""
    lines, _keys, _by_first, heads = doc.cache.get("boilerplate:keyed") or _keyed(doc)
    found = [i for c, at in by_last(doc).items() if c.isdigit() or c > "\uffff" for i in at]
    if not heads:
        return found
    found = [i for i in found if i not in heads]
    texts = [(i, lines[i].text) for i in heads]
    return found + [
        i for i, t in texts
        if (max_len is None or len(t) <= max_len) and ((c := t.rstrip(_END_STRIP)[-1:]).isdigit() or c > "\uffff")
    ]


def line_key(doc: Document, line: Line) -> str:
    """``norm`` of a line, computed once per document (several rules compare lines)."""
    i = _index(doc).get(line.number)
    return norm(line.text) if i is None else full_key(doc, i)


def key_is(doc: Document, line: Line, key: str) -> bool:
    """``line_key(doc, line) == key``, told by the head of a long line's key when they differ
    there (without folding the rest of the line)."""
    i = _index(doc).get(line.number)
    if i is not None and i in key_heads(doc) and not key.startswith(key_list(doc)[i]):
        return False
    return line_key(doc, line) == key


_LINE_NUMBER = operator.itemgetter(0)  # ``Line.number``, mapped over the lines without a Python step each
_LINE_START = operator.itemgetter(1)  # ``Line.start``, likewise


def numbers(doc: Document) -> list[int]:
    """The numbers of the lines of ``nonblank(doc)``, in order, once per document (the deletion
    plan, the line index and the captions ask)."""
    found = doc.cache.get("boilerplate:numbers")
    if found is None:
        found = doc.cache["boilerplate:numbers"] = list(map(_LINE_NUMBER, nonblank(doc)))
    return found


def _index(doc: Document) -> dict[int, int]:
    """Line number → index in ``nonblank(doc)`` (shared: credits, captions, video titles and
    line keys look lines up by number)."""
    found = doc.cache.get("boilerplate:index")
    if found is None:
        at = numbers(doc)
        found = doc.cache["boilerplate:index"] = dict(zip(at, range(len(at)), strict=True))
    return found


def _starts(doc: Document) -> list[int]:
    """Where each line of ``nonblank(doc)`` starts in ``doc.text``, in order (for bisection)."""
    found = doc.cache.get("boilerplate:starts")
    if found is None:
        found = doc.cache["boilerplate:starts"] = list(map(_LINE_START, nonblank(doc)))
    return found


def lines_holding(doc: Document, needles: tuple[str, ...]) -> list[int]:
    """The indices (in ``nonblank(doc)``, in order, once each) of the lines holding one of
    ``needles``, strings without white space (so in no line break nor blank line): a few
    ``str.find`` over the whole text and a bisection per hit, instead of a test of every line
    (most lines hold none, and a page holds few hits; one ``find`` per needle is much quicker
    than a pattern of alternatives). A line's text is the text between its start and its end
    (``Document.lines``), so a hit lies in the line it starts in. Computed once per document
    and needles (several rules ask for the colons): the caller must not change the list."""
    done = doc.cache.setdefault("boilerplate:holding", {})  # (several rules ask for the colons)
    if needles in done:
        return done[needles]
    text = doc.text
    found: set[int] = set()
    starts = None
    present = None
    for needle in needles:
        if not needle.isascii():
            # (a needle with a character the page lacks is in none of its lines: told by the
            # set of the page's non-ASCII characters, shared with the typography rules,
            # without a scan of the text; most arrows and signs are on no page)
            if present is None:
                present = page_non_ascii(doc)
            if (needle not in present) if len(needle) == 1 else not present.issuperset([c for c in needle if not c.isascii()]):
                continue
        j = text.find(needle)
        if j == -1:
            continue
        if starts is None:
            starts = _starts(doc)
        lines = nonblank(doc)
        while j != -1:
            i = bisect.bisect_right(starts, j) - 1
            found.add(i)
            j = text.find(needle, lines[i].end)  # (the next line holding it)
    got = done[needles] = sorted(found)
    return got


def words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


# characters that are neither a letter nor a figure (``[\p{L}\p{N}]``), stripped from the ends of
# a chunk of text by ``word_count``: punctuation, quotes, brackets, dashes and the word joiners
_NOT_WORD_EDGES = "\"'()[]{}<>,.;:!?…“”‘’«»‹›„-–—/|*•·#%&+=@\\^_`~$€£©®°"


def word_count(text: str, stop: int = 1 << 30) -> int:
    """``len(words(text))``, mostly without the pattern (several times faster: the rules count
    the words of a line far more often than they read them). No match of ``_WORD_RE`` spans
    white space, so the words of the text are those of its chunks; a match opens and ends with
    a letter or figure, so stripping other characters from a chunk's ends changes none; and a
    chunk that is then all ``str.isalnum`` is one word (every such character is ``\\p{L}`` or
    ``\\p{N}`` for ``regex``; checked by tests/test_perf_boiler3.py). Other chunks are counted by
    the pattern. The count stops once it reaches ``stop`` (the answer is then ``stop`` or more):
    a rule asking whether a caption has two words need not count all of them."""
    n = 0
    for chunk in text.split():
        if chunk.isalnum():
            n += 1
        else:
            chunk = chunk.strip(_NOT_WORD_EDGES)
            if chunk:
                n += 1 if chunk.isalnum() else len(_WORD_RE.findall(chunk))
        if n >= stop:
            break
    return n


def is_sentence(text: str) -> bool:
    """A line that ends like a sentence of running text: an end mark, then only closing quotes
    or brackets (the regex ``[.!?…]["'”’»)\\]]*$`` on the text without its trailing white space).
    Most lines are told by their last character alone (an end mark, or none of the characters
    that ``rstrip`` removes)."""
    last = text[-1:]
    if last and last in _SENTENCE_ENDS:
        return True
    if last and last not in _SENTENCE_CLOSERS and not last.isspace():
        return False  # the last character is the end of the body, and no end mark
    body = text.rstrip().rstrip(_SENTENCE_CLOSERS)
    return body != "" and body[-1] in _SENTENCE_ENDS


def opening_chars(first: str, flags: int = 0) -> frozenset[str]:
    """The ASCII characters a line can open with when a pattern ``^\\s*X`` matches it, X
    opening with one of the characters of ``first`` under ``flags`` (``regex`` itself is asked
    about each ASCII character, so case-insensitive pairs such as ``s``/``ſ`` count), plus the
    ASCII white space that ``\\s*`` may skip. See ``may_open``."""
    cls = regex.compile("[" + "".join(regex.escape(c) for c in sorted(set(first))) + "]", flags) if first else None
    return frozenset(c for c in map(chr, range(128)) if c.isspace() or (cls is not None and cls.match(c)))


def may_open(text: str, chars: frozenset[str]) -> bool:
    """False when the non-empty ``text`` opens with an ASCII character outside ``chars`` (see
    ``opening_chars``), so that its pattern cannot match; a non-ASCII first character is left
    to the pattern. Most lines of prose open with a capital the pattern cannot take."""
    c = text[0]
    return c in chars or not c.isascii()


def heading_like(text: str, max_words: int = 30) -> bool:
    """Short and not ending like a sentence: a title, a caption, a label."""
    return not is_sentence(text) and 0 < word_count(text, max_words + 1) <= max_words


def phrases(doc: Document) -> dict[str, list[str]]:
    """The lexicon of known phrases, by kind, normalised (read once per process)."""
    store = doc.cache["store"]

    def build() -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for item in store.lines(PHRASES):
            kind, sep, phrase = item.partition(":")
            if sep and phrase.strip():
                out.setdefault(kind.strip().casefold(), []).append(phrase.strip())
        return out

    return store.memo(f"boilerplate:phrases:{PHRASES}", build)


def _memo(doc: Document, key: str, build: Callable[[], object]) -> object:
    store = doc.cache.get("store")
    return store.memo(key, build) if store is not None else build()


def nonblank(doc: Document) -> list[Line]:
    found = doc.cache.get("boilerplate:nonblank")
    if found is None:
        # (``Line.blank`` inlined: a text that is not empty nor all white space has a character
        # that ``strip`` keeps)
        found = doc.cache["boilerplate:nonblank"] = [ln for ln in doc.lines if ln.text and not ln.text.isspace()]
    return found


def prompt_set(doc: Document) -> frozenset[str]:
    """The normalised ``prompt:`` items of the lexicon (lines that are a prompt and nothing else)."""
    return _memo(doc, f"boilerplate:prompts:{PHRASES}", lambda: frozenset(norm(p) for p in phrases(doc).get("prompt", [])))


def lexicon_re(doc: Document, kind: str, template: str, flags: int = regex.IGNORECASE) -> regex.Pattern[str]:
    """One regex over the lexicon items of ``kind`` (longest first, any run of spaces between
    words), put in ``template`` as ``{alt}``; compiled once per process."""
    def build() -> regex.Pattern[str]:
        items = sorted(phrases(doc).get(kind, []), key=len, reverse=True)
        alt = "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in items) or "(?!)"
        return lazy(regex.compile, template.replace("{alt}", alt), flags)

    return _memo(doc, f"boilerplate:re:{kind}:{template}:{PHRASES}", build)


# --------------------------------------------------------------------------- registry

# every line rule, in the order of rules/boilerplate.toml; each is judged by one classifier
LINE_RULES = (
    "boilerplate.repeated-title", "boilerplate.near-repeat", "boilerplate.page-prompt",
    "boilerplate.related-link", "boilerplate.unix-timestamp", "boilerplate.hashtag-line",
    "boilerplate.reading-time", "boilerplate.source-footer", "boilerplate.photo-credit",
    "boilerplate.photo-caption", "boilerplate.video-title", "boilerplate.byline",
    "boilerplate.page-slug", "boilerplate.update-stamp", "boilerplate.page-widget",
)
_MODULES = ("boilerplate_repeats", "boilerplate_prompts", "boilerplate_metadata", "boilerplate_credits", "boilerplate_widgets")
_CLASSIFIERS: dict[str, Callable[[Document], list[Verdict]]] = {}


def classifier(rule_id: str) -> Callable[[Callable[[Document], list[Verdict]]], Callable[[Document], list[Verdict]]]:
    """Register the function that judges the lines of ``rule_id``."""
    def register(fn: Callable[[Document], list[Verdict]]) -> Callable[[Document], list[Verdict]]:
        _CLASSIFIERS[rule_id] = fn
        return fn

    return register


def classifier_of(rule_id: str) -> Callable[[Document], list[Verdict]]:
    if rule_id not in _CLASSIFIERS:
        for name in _MODULES:
            importlib.import_module(f"{__package__}.{name}")
    return _CLASSIFIERS[rule_id]


def verdicts(doc: Document, rule_id: str) -> list[Verdict]:
    """The verdicts of one line classifier on ``doc``, computed once per document."""
    cache = doc.cache.get("boilerplate:verdicts")
    if cache is None:
        cache = doc.cache["boilerplate:verdicts"] = {}
    elif rule_id in cache:
        return cache[rule_id]
    found = cache[rule_id] = (_CLASSIFIERS.get(rule_id) or classifier_of(rule_id))(doc)  # (may ask for others)
    return found
