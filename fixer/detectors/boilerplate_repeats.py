"""Lines that repeat another line of the page: the headline printed twice, a heading cut
short under itself, a teaser repeating the lead. Exact copies are judged by
``boilerplate.repeated-title``, near copies by ``boilerplate.near-repeat``.
"""

from __future__ import annotations

from operator import itemgetter

import regex

from ..document import Document, Line
from ..lazypattern import lazy
from ..model import Safety
from .boilerplate_common import (
    _SENTENCE_CLOSERS,
    _SENTENCE_ENDS,
    HEAD_LEN,
    KICKER_RE,
    VERDICT_LINE,
    Verdict,
    classifier,
    full_key,
    heading_like,
    is_sentence,
    key_heads,
    key_list,
    may_kick,
    nonblank,
    norm,
    verdicts,
    word_count,
)
from .boilerplate_credits import credit_lines


@classifier("boilerplate.repeated-title")
def classify_repeated_title(doc: Document) -> list[Verdict]:
    """A later copy of a line already seen (the title, an item title, a timestamp): safe for a
    heading, unsafe for a sentence (a refrain in a speech is repeated on purpose).

    Exact copies only, ignoring case, quote style and spacing; a line needs three words so
    that short labels (`Photo`, a name) are left to the rules that know them."""
    out: list[Verdict] = []
    keys = key_list(doc)
    # two lines with the same key have the same first HEAD_LEN characters of it, which every
    # entry of key_list holds (see key_heads): only the lines sharing those can be copies
    starts = list(map(_START, keys))
    met: set[str] = set()
    twice = set()  # (the starts met more than once, in one pass: a Counter costs several times more)
    for k in starts:
        if k in met:
            twice.add(k)
        else:
            met.add(k)
    if not twice:
        return out  # no two lines alike (most pages)
    seen: dict[str, str] = {}  # normalised line → the text of its first copy
    for i, line in enumerate(nonblank(doc)):
        if starts[i] not in twice:
            continue  # (a line unlike every other is never a copy, nor copied)
        key = full_key(doc, i)
        first = seen.get(key)
        if first is None:
            seen[key] = line.text  # (whether it ends like a sentence is asked only of a repeat)
        elif key.count(" ") >= 2 and word_count(key, 3) >= 3:
            if is_sentence(first) != is_sentence(line.text):
                continue  # `Storm hits Britain` then `Storm hits Britain.`: a headline and its lead
            # a repeated heading is furniture; a repeated sentence may be a refrain of a speech
            stripped = line.text.strip()
            whole = heading_like(stripped) and stripped[-1] not in ",;:-–—(" and not stripped[0].islower()
            safety = Safety.SAFE if whole else Safety.UNSAFE
            out.append(Verdict("boilerplate.repeated-title", line, safety, "A repeated copy of an earlier line."))
    return out


_START = itemgetter(slice(None, HEAD_LEN))


@classifier("boilerplate.near-repeat")
def classify_near_repeat(doc: Document) -> list[Verdict]:
    """A heading that repeats the heading just before it, cut short or with a prefix, a teaser
    line that repeats the start of the paragraph after it, and a pull quote: unsafe (which copy
    is the better one is a judgement)."""
    out = []
    lines = nonblank(doc)
    klist = key_list(doc)
    heads = key_heads(doc)
    # the lines that can be judged: one of the first three (a teaser), or a heading whose key
    # starts the key of the heading above or ends with it (see _cuts_heading_above: both lines
    # must be headings, and most lines of a page end like a sentence, so the pairs of
    # non-sentences are few and their keys are compared whole)
    loose = _non_sentences(lines)
    maybe = sorted({*range(min(3, len(lines))),
                    *[i for i in loose if i - 1 in loose and _alike(full_key(doc, i - 1), full_key(doc, i))]})
    for i in maybe:
        line = lines[i]
        if i in loose:
            # (the heading above, or the title when a widget line stands between: `▶ Listen`)
            if (i > 0 and _cuts_heading_above(line, full_key(doc, i), lines[i - 1], full_key(doc, i - 1))) or (
                    i == 2 and 0 in loose and _cuts_heading_above(line, full_key(doc, i), lines[0], full_key(doc, 0))):
                out.append(Verdict("boilerplate.near-repeat", line, Safety.UNSAFE,
                                   "A truncated or extended copy of the heading above it."))
        elif i <= 2:
            # a standfirst of six words or more that repeats the first sentence of the lead
            # (after a kicker label); its words are counted last, for the rare line that does
            key, k = None, klist[i]
            for j in range(i + 1, min(i + 4, len(lines))):
                nxt = lines[j]
                # the line without a kicker label: the label can only open it (the pattern is
                # anchored), and without one the line's key is its norm
                kicker = KICKER_RE.match(nxt.text) if ":" in nxt.text and may_kick(nxt.text) else None  # a kicker ends with a colon
                body = klist[j] if kicker is None else norm(nxt.text[kicker.end() :])
                if not body.startswith(k) and (kicker is not None or not k.startswith(body)):
                    # (entries of key_list are keys or heads of them, so the keys agree where
                    # both entries go: when they differ there, the body cannot start with the key;
                    # a body after a kicker is whole, and must start with the key's head too)
                    continue
                if key is None:
                    key = full_key(doc, i)
                if kicker is None and j in heads:
                    body = full_key(doc, j)
                if len(body) > len(key) + 20 and body.startswith(key):
                    if word_count(key, 6) >= 6:
                        out.append(Verdict("boilerplate.near-repeat", line, Safety.UNSAFE,
                                           "A teaser line repeating the start of the lead below it."))
                    break
    out.extend(_pull_quotes(doc, lines))
    if out:  # a line that an exact repeat or a credit deletes whole is theirs (asked of a verdict only)
        exact = set(map(VERDICT_LINE, verdicts(doc, "boilerplate.repeated-title"))).union(credit_lines(doc))
        out = [v for v in out if v.line.number not in exact]
    return out


_QUOTE_OPENERS = "\"“«"
# a pull quote's line: the quotation, then maybe a dash and whom it is from
_PULL_QUOTE_RE = lazy(regex.compile, r"^\s*[\"“«]\s*(?P<inner>[^\"“”«»\n]{30,400}?)\s*[\"”»](?:\s*[–—-]\s*[^\n]{2,60})?\s*$")
PULL_QUOTE_PROBE = 40  # characters of the quotation looked for in the body


def _pull_quotes(doc: Document, lines: list[Line]) -> list[Verdict]:
    """A line that is only a quotation (and whom it is from) repeating words the body quotes
    (`"If one of the bridges closes, …"` set apart from the paragraph that holds it): the page's
    pull quote, printed twice once its layout is gone. Only quotations of 30 characters or more,
    found again in a longer line."""
    out = []
    text = doc.text
    for ln in lines:
        t = ln.text
        if t.lstrip()[:1] not in _QUOTE_OPENERS:
            continue
        m = _PULL_QUOTE_RE.match(t)
        if m is None:
            continue
        probe = m.group("inner")[:PULL_QUOTE_PROBE]
        at = text.find(probe)
        while at >= 0:
            if not (ln.start <= at < ln.end):
                line_start = text.rfind("\n", 0, at) + 1
                line_end = text.find("\n", at)
                if (len(text) if line_end < 0 else line_end) - line_start > len(t):
                    out.append(Verdict("boilerplate.near-repeat", ln, Safety.UNSAFE,
                                       "A pull quote: a quotation of the body printed again on its own."))
                    break
            at = text.find(probe, at + 1)
    return out


def _non_sentences(lines: list[Line]) -> frozenset[int]:
    """The indices of the lines that do not end like a sentence (``is_sentence`` inlined for the
    lines its last character tells: most end with a full stop)."""
    ends, closers = _SENTENCE_ENDS, _SENTENCE_CLOSERS
    return frozenset([
        i for i, ln in enumerate(lines)
        if (c := ln.text[-1]) not in ends and ((c not in closers and not c.isspace()) or not is_sentence(ln.text))
    ])


def _alike(pk: str, k: str) -> bool:
    """The key ``pk`` of the line above starts with ``k`` or ``k`` ends with it (and they differ)."""
    return pk != k and (pk.startswith(k) or k.endswith(pk))


def _cuts_heading_above(line: Line, key: str, prev: Line, pkey: str) -> bool:
    """``line`` (not a sentence, normalised ``key``) is the heading ``prev`` cut short
    (`…cocoa set`) or with a tag prefix (`Death of Nahel: …`), both headings of four words or
    more; a line that goes on after the heading is a subtitle and stays. The cheap string
    tests come first: most lines share no start or end with the line above."""
    if pkey == key:
        return False
    if not (pkey.startswith(key) or key.endswith(pkey)):
        # the heading's part after its kicker (`Oxygen loss in the St. Lawrence: Rimouski
        # researchers sound the alarm` → `Rimouski researchers sound the alarm`)
        if not (pkey.endswith(key) and ":" in prev.text and norm(prev.text.rpartition(":")[2]) == key):
            return False
    if not heading_like(line.text) or not heading_like(prev.text):
        return False
    return word_count(key, 4) >= 4 and word_count(pkey, 4) >= 4
