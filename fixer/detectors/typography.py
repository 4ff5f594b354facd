"""French typography and scraping scars left in English text: the ``typography.*`` rules.

This module is the entry point named by rules/typography.toml (``typography:function``) and
holds the indefinite-article check; the other rules live in modules with one job each:
``quotes`` (quotation marks), ``typography_patterns`` (pattern rules off debris lines),
``typography_numbers`` (number and time formats), ``repeated_text`` (doubled words and stops),
``layout_scars`` (drop caps, split sentences, cut headlines, superscripts), ``encoding``
(mojibake, HTML entities) and ``accents``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from ..document import Document
from ..lazypattern import lazy
from ..model import Finding, Rule
from .accents import accent_consistency, misplaced_accent
from .encoding import html_entity, mojibake
from .layout_scars import drop_cap, lost_full_stop, lowercase_title, split_sentence, superscript_abbreviation
from .quotes import guillemets, quote_spacing, reversed_quote, unbalanced_quote
from .repeated_text import doubled_punctuation, doubled_word, stray_stop
from .typography_numbers import currency_after, french_chrono, french_thousands, french_time, swiss_thousands
from .typography_patterns import byte_view, first_hit_per_line, hit_lines, pattern_off_debris

__all__ = [
    "accent_consistency", "currency_after", "doubled_punctuation", "doubled_word", "drop_cap", "french_chrono",
    "french_thousands", "french_time",
    "guillemets", "html_entity", "indefinite_article", "lost_full_stop", "lowercase_title", "misplaced_accent", "mojibake",
    "pattern_off_debris", "quote_spacing", "reversed_quote", "split_sentence", "stray_stop",
    "superscript_abbreviation", "swiss_thousands", "unbalanced_quote",
]


_ARTICLE_RE = lazy(regex.compile, r"\b(?P<art>[Aa]n?)[ \u00a0]+(?P<quote>[“\"‘]?)(?P<word>\p{L}[\p{L}\-’']*)")
_PREV_WORD_RE = lazy(regex.compile, r"([\p{L}’']+)[\s“\"]*$")


_SENTENCE_START_RE = lazy(regex.compile, r"(?:^|[.!?:“\"][ \u00a0]*|\n[ \t]*)$")
# first letters (case-folded) that `an` may come before: vowels, h, y, x and accented vowels
_NOT_BEFORE_AN = frozenset("aeiouhyx" "áàâäéèêëíìîïóòôöúùûü")
# what every reported article starts: `a` before a vowel a, e, i or o (or any non-ASCII letter,
# whose case folding may start with one: `İ`) or `an` before anything but an ASCII vowel, h, y
# or x; an article and its word stay on one line, so only the lines holding this are searched
_MISMATCH_RE = lazy(regex.compile,
    r"\b[Aa](?:[ \u00a0]+[“\"‘]?(?:[aeioAEIO]|[^\x00-\x7f])|n[ \u00a0]+[“\"‘]?(?![aeiouhyxAEIOUHYX]))"
)


# _MISMATCH_RE in UTF-8 for ``byte_view``, one pattern per case of the article so that Python's
# ``re`` finds its literal first letter at memchr speed (several times faster than ``regex``
# scans the text for a class): a non-ASCII character is a byte of 0x80 or more there, and the
# view's digits, written 0, are neither vowels nor letters. The word boundary before the article
# is a lookbehind after it (so that the pattern still starts with its letter), which lets any
# non-ASCII character through: these find the lines of _MISMATCH_RE, and maybe a few more.
_MISMATCH_TAIL = (rb'(?:(?: |\xc2\xa0)+(?:\xe2\x80\x9c|"|\xe2\x80\x98)?(?:[aeioAEIO]|[\x80-\xff])'
                  rb'|n(?: |\xc2\xa0)+(?:\xe2\x80\x9c|"|\xe2\x80\x98)?(?![aeiouhyxAEIOUHYX]))')
_MISMATCH_BYTES_RES = tuple(re.compile(a + rb"(?<![A-Za-z0-9_]" + a + b")" + _MISMATCH_TAIL) for a in (b"a", b"A"))


def _mismatch_lines(doc: Document) -> list[tuple[int, int]]:
    """``lines_holding(_MISMATCH_RE, doc.text)``, or a few more lines (never fewer), found in
    the byte view by ``_MISMATCH_BYTES_RES``."""
    view = byte_view(doc)
    hits: list[int] = []
    for pat in _MISMATCH_BYTES_RES:
        first_hit_per_line(view, pat, hits)
    return hit_lines(doc, view, hits)


def indefinite_article(doc: Document, rule: Rule) -> Iterator[Finding]:
    """`a Ivory Coast team`, `an “free society`: the article does not match the next word's
    first sound (French `un`/`une` has one form). Only clear cases: `a` before a, e, i, o and
    `an` before a consonant other than h; `u`, `h`, acronyms, figures and the exceptions of
    the rule's ``vowel_sound_exceptions`` (`one`, `euro`…) are left alone, as is an article
    after a French word (`il y a`, `l’an`)."""
    spans = _mismatch_lines(doc)
    if not spans:
        return  # the usual case: every article fits its word
    from ..lexicon import zipf_en, zipf_fr

    exceptions = tuple(w.casefold() for w in rule.params.get("vowel_sound_exceptions", []))
    common = float(rule.params.get("function_word_zipf", 5.5))
    text = doc.text
    for m in (m for start, end in spans for m in _ARTICLE_RE.finditer(text, start, end)):
        art, word = m.group("art", "word")
        low = word.casefold()
        if (low[0] not in "aeio") if len(art) == 1 else (low[0] in _NOT_BEFORE_AN or not low[0].isalpha()):
            continue  # the usual case, the article fits its word: tested first, as again below
        if m.start() and text[m.start() - 1] in "’'-(":
            continue  # `l’a`, `(a)`: not the English article
        if any(c.isupper() for c in word[1:]) or regex.match(r"\p{L}(?:[\-\d]|$)", word):
            continue  # read by letter: `an MP`, `an mRNA vaccine`, `an X-ray`, `an F-16`
        if art[0].isupper() and not _SENTENCE_START_RE.search(text, max(0, m.start() - 3), m.start()):
            continue  # `Plan A offers`, `Group A is`: a letter, not an article
        first = low[0]
        if text[m.end() : m.end() + 1].isdigit():
            continue  # `an mp3`: read by letter
        if art.casefold() == "a":
            if first not in "aeio" or low.startswith(exceptions) or zipf_en(low) >= common:
                continue
            if word[0].isupper() and low.startswith("ou"):
                continue  # `a Ouattara ally`, `a Ouagadougou court`: French `ou` sounds like w
            repl = art + "n"
        else:
            if first in _NOT_BEFORE_AN or not first.isalpha():
                continue
            repl = art[0]
        prev = _PREV_WORD_RE.search(text, max(0, m.start() - 30), m.start())
        if prev and zipf_fr(prev.group(1)) > zipf_en(prev.group(1)):
            continue  # `il y a eu`, `l’an dernier`: French, not an English article
        if zipf_en(low) == 0 and zipf_fr(low) > 0 and not word[0].isupper():
            continue  # a French word after `a`: an untranslated run
        yield rule.finding(m.start("art"), m.end("art"), repl,
                           message=f"Use {repl!r} before {word!r}.")
