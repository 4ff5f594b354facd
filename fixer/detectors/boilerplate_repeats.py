"""Lines that repeat another line of the page: the headline printed twice, a heading cut
short under itself, a teaser repeating the lead. Exact copies are judged by
``boilerplate.repeated-title``, near copies by ``boilerplate.near-repeat``.
"""

from __future__ import annotations

from itertools import pairwise

from ..document import Document, Line
from ..model import Safety
from .boilerplate_common import (
    KICKER_RE,
    Verdict,
    classifier,
    heading_like,
    is_sentence,
    key_list,
    line_keys,
    nonblank,
    norm,
    verdicts,
    words,
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
    if len(set(keys)) == len(keys):
        return out  # no two lines alike (most pages)
    seen: dict[str, str] = {}  # normalised line → the text of its first copy
    for line, key in zip(nonblank(doc), keys, strict=True):
        first = seen.get(key)
        if first is None:
            seen[key] = line.text  # (whether it ends like a sentence is asked only of a repeat)
        elif key.count(" ") >= 2 and len(words(key)) >= 3:
            if is_sentence(first) != is_sentence(line.text):
                continue  # `Storm hits Britain` then `Storm hits Britain.`: a headline and its lead
            # a repeated heading is furniture; a repeated sentence may be a refrain of a speech
            stripped = line.text.strip()
            whole = heading_like(stripped) and stripped[-1] not in ",;:-–—(" and not stripped[0].islower()
            safety = Safety.SAFE if whole else Safety.UNSAFE
            out.append(Verdict("boilerplate.repeated-title", line, safety, "A repeated copy of an earlier line."))
    return out


@classifier("boilerplate.near-repeat")
def classify_near_repeat(doc: Document) -> list[Verdict]:
    """A heading that repeats the heading just before it, cut short or with a prefix, and a
    teaser line that repeats the start of the paragraph after it: unsafe (which copy is the
    better one is a judgement)."""
    out = []
    lines = nonblank(doc)
    klist = key_list(doc)
    # the lines that can be judged: one of the first three (a teaser), or a line whose key starts
    # the key of the line above or ends with it (see _cuts_heading_above)
    maybe = [i for i, (pk, k) in enumerate(pairwise(klist), 1) if pk != k and (pk.startswith(k) or k.endswith(pk))]
    maybe = sorted({*range(min(3, len(lines))), *maybe})
    exact = {v.line.number for v in verdicts(doc, "boilerplate.repeated-title")} | set(credit_lines(doc))
    keys = line_keys(doc)
    for i in maybe:
        line = lines[i]
        if line.number in exact:
            continue
        key = keys[line.number]
        if not is_sentence(line.text):
            if i > 0 and _cuts_heading_above(line, key, lines[i - 1], keys[lines[i - 1].number]):
                out.append(Verdict("boilerplate.near-repeat", line, Safety.UNSAFE,
                                   "A truncated or extended copy of the heading above it."))
        elif i <= 2:
            # a standfirst of six words or more that repeats the first sentence of the lead
            # (after a kicker label); its words are counted last, for the rare line that does
            for nxt in lines[i + 1 : i + 4]:
                # the line without a kicker label: the label can only open it (the pattern is
                # anchored), and without one the line's key is its norm
                kicker = KICKER_RE.match(nxt.text) if ":" in nxt.text else None  # a kicker ends with a colon
                body = keys[nxt.number] if kicker is None else norm(nxt.text[kicker.end() :])
                if len(body) > len(key) + 20 and body.startswith(key):
                    if len(words(key)) >= 6:
                        out.append(Verdict("boilerplate.near-repeat", line, Safety.UNSAFE,
                                           "A teaser line repeating the start of the lead below it."))
                    break
    return out


def _cuts_heading_above(line: Line, key: str, prev: Line, pkey: str) -> bool:
    """``line`` (not a sentence, normalised ``key``) is the heading ``prev`` cut short
    (`…cocoa set`) or with a tag prefix (`Death of Nahel: …`), both headings of four words or
    more; a line that goes on after the heading is a subtitle and stays. The cheap string
    tests come first: most lines share no start or end with the line above."""
    if pkey == key or not (pkey.startswith(key) or key.endswith(pkey)):
        return False
    if not heading_like(line.text) or not heading_like(prev.text):
        return False
    return min(len(words(key)), len(words(pkey))) >= 4
