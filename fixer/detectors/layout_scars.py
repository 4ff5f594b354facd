"""Scars of the page layout: a drop cap split from its word, a sentence cut into paragraphs by
removed markup, a headline whose first words were cut, a superscript merged into its word.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import regex

from ..document import Document
from ..lazypattern import lazy
from ..model import Edit, Finding, Rule, Safety

_DROP_CAP_RE = lazy(regex.compile, r"^([\p{Lu}]) (\p{Lu}{2,}[\p{L}\-]*)", regex.M)
# what a match of _DROP_CAP_RE not at the start of the text follows and begins with (``^`` of
# ``regex.M`` matches after `\n` only): searched first, it spares the scan of every line start;
# for Python's ``re``, which finds the literal line break faster, with every non-ASCII character
# standing in for the capitals beyond A-Z (a wider gate: the exact pattern decides)
_DROP_CAP_AFTER_BREAK_RE = lazy(re.compile, "\n[A-Z\u0080-\U0010ffff] [A-Z\u0080-\U0010ffff]{2}")


def drop_cap(doc: Document, rule: Rule) -> Iterator[Finding]:
    """`Q UARANTE…`: a paragraph's ornamental first letter split from its word. Safe when the
    joined word is a known English or French word; `A`, `I` and `O` are words of their own."""
    if _DROP_CAP_RE.match(doc.text) is None and _DROP_CAP_AFTER_BREAK_RE.search(doc.text) is None:
        return
    from ..lexicon import zipf_en, zipf_fr

    floor = float(rule.params.get("known_zipf", 3.0))
    for m in _DROP_CAP_RE.finditer(doc.text):
        if m.group(1) in "AIO":
            continue
        joined = m.group(1) + m.group(2)
        head = regex.split(r"[\-]", joined)[0]
        known = max(zipf_en(head), zipf_fr(head)) >= floor
        yield rule.finding(m.start(), m.end(), joined, safety=Safety.SAFE if known else Safety.UNSAFE)


_SPLIT_START_RE = lazy(regex.compile, r"^[ \t]*(?:([,;])(?=\s)|(\.)(?=[ \t]*[»”\"]|[ \t]+\p{Lu}))", regex.M)


_LIST_ITEM_RE = lazy(regex.compile, r"^[ \t]*(?:[a-z]|[ivxlc]+|\d+)[.)][ \t]")
# what every finding needs (one search of the text each, instead of a look at every line): a
# line after a line break that starts with `,` `;` or `.` after blanks, or a line that ends with
# a comma, then what ``str.rstrip`` removes (the characters of ``str.isspace`` but the line
# break: tests/test_perf_typo.py checks the list) and a line break
# (Python's ``re``: these hold literal characters and classes of them only, which it reads as
# ``regex`` does, and it finds their literal first character faster)
_PUNCT_AFTER_BREAK_RE = lazy(re.compile, r"\n[ \t]*[,;.]")
_STRIPPED = "\t\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_COMMA_BEFORE_BREAK_RE = lazy(re.compile, f",[{_STRIPPED}]*\n")


def split_sentence(doc: Document, rule: Rule) -> Iterator[Finding]:
    """A sentence cut into paragraphs by removed link or italic markup: a paragraph that
    starts with `,`/`;` (joined back, safe) or with a full stop (joined back, unsafe), and a
    paragraph ending in a comma followed by one starting in lower case (joined, unsafe)."""
    if _PUNCT_AFTER_BREAK_RE.search(doc.text) is None and _COMMA_BEFORE_BREAK_RE.search(doc.text) is None:
        return  # no line starts with punctuation, none ends with a comma: nothing to join
    lines = [ln for ln in doc.lines if not ln.blank]
    for prev, ln in itertools.pairwise(lines):
        if prev.text.rstrip().endswith(("“", '"')):
            continue
        m = _SPLIT_START_RE.match(ln.text)
        p_end = prev.start + len(prev.text.rstrip())
        if m:
            s = ln.start + (m.start(1) if m.group(1) else m.start(2))
            safety = Safety.SAFE if m.group(1) else Safety.UNSAFE
            yield rule.finding(p_end, s + 1, safety=safety, edits=(Edit(p_end, s, ""),),
                               message="A paragraph that starts with punctuation: the sentence was cut.")
        elif (ln.number > prev.number + 1 and prev.text.rstrip().endswith(",")
              and regex.match(r"[ \t]*\p{Ll}", ln.text) and not _LIST_ITEM_RE.match(ln.text)):
            # only across a paragraph break: a hard-wrapped text breaks lines after commas
            s = ln.start + len(ln.text) - len(ln.text.lstrip())
            yield rule.finding(p_end - 1, s + 1, safety=Safety.UNSAFE, edits=(Edit(p_end, s, " "),),
                               message="A paragraph that ends with a comma before one starting in lower case.")


_SENTENCE_END_RE = lazy(regex.compile, r"[.!?…][\"'”’»)\]]*\s*$")
_LOWER_FIRST_WORD_RE = lazy(regex.compile, r"[ \t]*(\p{Ll}\p{Ll}*)(?=[ \t,:])")


def is_sentence_end(text: str) -> bool:
    return bool(_SENTENCE_END_RE.search(text))


def lowercase_title(doc: Document, rule: Rule) -> Iterator[Finding]:
    """A headline that starts in lower case (`the farm gate price…`): its first words (a
    country or section prefix) were cut by the scraper. Unsafe: the capital is proposed, but
    the missing prefix may matter. Brand names (`iPhone`, `eBay`) are left alone."""
    title = doc.title
    if title is None:
        return
    m = _LOWER_FIRST_WORD_RE.match(title.text)
    if m and len(title.text.split()) >= 3 and not is_sentence_end(title.text) \
            and m.group(1) not in ("by", "updated", "posted", "published", "photo", "source", "via"):
        s = title.start + m.start(1)
        yield rule.finding(s, s + len(m.group(1)), m.group(1)[0].upper() + m.group(1)[1:])


_SUPERSCRIPT_RE = lazy(regex.compile, r"\b(?:Mr|M)\.?(mes|me|lles|lle)\b(?=[ \u00a0]+\p{Lu})")
_SUPERSCRIPT_FORMS = {"me": "Mrs.", "mes": "Mesdames", "lle": "Miss", "lles": "Misses"}
# what every match of _SUPERSCRIPT_RE holds, for Python's ``re``, which finds the literal `M`
# at memchr speed (``regex`` tries the word boundary first at every position of the text)
_SUPERSCRIPT_GATE_RE = lazy(re.compile, r"Mr?\.?(?:me|lle)")


def superscript_abbreviation(doc: Document, rule: Rule) -> Iterator[Finding]:
    """`Mr.me Speaker`, `M.lle Dupont`: the raised letters of `Mme`/`Mlle` merged after a
    translated `M.`; the English form of address is proposed (unsafe)."""
    if _SUPERSCRIPT_GATE_RE.search(doc.text) is None:
        return
    for m in _SUPERSCRIPT_RE.finditer(doc.text):
        if m.group() in ("Mme", "Mlle", "Mmes", "Mlles"):
            continue  # the plain French abbreviation: untranslated, not a typography scar
        yield rule.finding(m.start(), m.end(), _SUPERSCRIPT_FORMS[m.group(1)])


# connectives that open a sentence and never stand capitalised inside one: after a lowercase
# word, one of them means the full stop before it was lost (`young people Despite the …`)
_OPENERS = frozenset(
    "Despite However Meanwhile Although According Nevertheless Moreover Furthermore Therefore "
    "Indeed Besides Instead Consequently Nonetheless Hence Thus Yesterday".split()
)
_LOWER_WORD_BEFORE_RE = lazy(regex.compile, r"(?r)(?<![\p{L}\p{M}'’\-])\p{Ll}[\p{Ll}\p{M}]+ ")


def lost_full_stop(doc: Document, rule: Rule) -> Iterator[Finding]:
    """`clashes with young people Despite the mobilisation`: a sentence opener capitalised
    after a lowercase word, with a lowercase word after it; the full stop between the two
    sentences was lost (unsafe: a title may read so, `the film Despite Everything`, whose next
    word is capitalised too and is left alone)."""
    text = doc.text
    counts = doc.word_counts
    present = [w for w in _OPENERS if w in counts]  # (most articles: none, and no search)
    for word in present:
        needle = f" {word} "
        i = text.find(needle)
        while i >= 0:
            after = i + len(needle)
            m = _LOWER_WORD_BEFORE_RE.match(text, max(0, i - 40), i + 1)
            if m is not None and after < len(text) and text[after].islower() and not _title_line(doc, i):
                yield rule.finding(
                    m.start(), i + len(word) + 1, edits=(Edit(i, i, "."),),
                    message=f"A sentence runs into the next: '{word}' opens a new one after a lost full stop.",
                )
            i = text.find(needle, after)


def _title_line(doc: Document, pos: int) -> bool:
    """Whether the line holding ``pos`` is a title in title case (most of its words capitalised)."""
    text = doc.text
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    words = regex.findall(r"\p{L}+", text[start : end if end >= 0 else len(text)])
    return len(words) <= 15 and sum(w[0].isupper() for w in words) * 2 >= len(words)
