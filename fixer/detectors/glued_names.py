"""Words glued to a name or an acronym, and link texts glued between two sentences.

``merged-word.name-word``: an acronym or a name with a small word stuck to its end, where a
link or markup edge ate the space (`the ANSMwebsite`, `the N-VAin the majority`,
`Météo-Franceforecasts a return`). Case-join sees a small letter before a capital; here the
capital comes first, so nothing in the letters marks the cut, and the article must: the acronym
or name stands alone elsewhere in it, the rest is a common English word, and the glued token is
no word. ``name-join`` keeps names glued to a short function word (`Barsaloghoin`); this rule
takes acronyms glued to any word and names glued to a content word.

``merged-word.link-text``: the text of a link wedged between two sentences with neither space
(`in thousands.GerlandThe district`, `in November.StrasbourgOn Thursday`): a scraper flattened
an in-text link or a tag into the prose. The repair drops the link text and restores the space.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import regex

from ..document import Document
from ..glossary import doc_glossary
from ..lazypattern import lazy
from ..lexicon import common_words_set
from ..model import Edit, Finding, Rule
from .merged_words import (
    COMMON_FLOOR,
    UPPER_WIDE,
    RunFilter,
    context,
    known_word,
    protected_run,
    run_book,
    selected_runs,
    words_param,
)

_NAME_RE = lazy(regex.compile, r"\p{Lu}\p{Ll}{2,}")


@dataclass(frozen=True)
class NameWordSetup:
    runs: RunFilter[tuple[int, ...]]
    small: frozenset[str]  # function words a name-join already handles after a name
    known: frozenset[str]  # acronyms of the glossary and of lexicon/english-acronyms.txt


def name_word(doc: Document, rule: Rule) -> Iterator[Finding]:
    setup, ctx, wanted = selected_runs(doc, rule, lambda: _name_word_setup(doc, rule))
    if not wanted:
        return
    for run, cuts in sorted(wanted):
        if ctx.standalone(run) > 1:
            continue  # spelt so twice: a name of its own
        cut = next((c for c in cuts if _backed(ctx, run[:c], run[c:], setup)), None)
        if cut is None:
            continue
        left, right = run[:cut], run[cut:]
        acronym = left.isupper()
        for start in ctx.positions(run):
            end = start + len(run)
            if ctx.skipped(start, end) or ctx.in_code(start):
                continue
            yield rule.finding(
                start,
                end,
                edits=(Edit(start + cut, start + cut, " "),),
                safety="safe" if acronym else "unsafe",
                message=f"'{right}' is glued to the {'acronym' if acronym else 'name'} '{left}': '{run}' should read '{left} {right}'.",
                title=f"{left} {right}",
            )


def _backed(ctx: Any, left: str, right: str, setup: NameWordSetup) -> bool:
    """The article spells ``left`` alone, or ``left`` is an acronym English news knows
    (`5% of GDPfor the first time`); a name glued to a small word is name-join's."""
    if not left.isupper() and right in setup.small:
        return False
    return ctx.standalone(left) > 0 or (left.isupper() and left in setup.known)


def name_word_decider(
    small: frozenset[str], suffixes: frozenset[str], *, min_zipf: float, max_whole_zipf: float, protected: Callable[[str], bool]
) -> Callable[[str], tuple[int, ...] | None]:
    """The cuts of a run that could be a word glued to an acronym or a name, whatever the
    article: the head an acronym (two capitals or more) or a capitalised name, the rest small
    letters that make a common English word (or a function word), no suffix (`NGOs`, `DJing`),
    and the whole run no word and no brand."""

    common: frozenset[str] = common_words_set(min_zipf)
    # a capitalised common word (`However`, `Government`) is a word whatever its cuts (the test
    # below, ``known_word``): answered by a set test before the loop over its cuts
    words = common_words_set(COMMON_FLOOR) if max_whole_zipf <= COMMON_FLOOR else frozenset()

    def decide(run: str) -> tuple[int, ...] | None:
        if not run[:1].isupper() or run.isupper() or len(run) < 4:
            return None
        if run.lower() in words and run[1:].islower():
            return None
        # the cuts first, by set look-ups; the tests of the whole run (a brand, a word: a look-up
        # in two frequency lists for a run not met before) only for a run that has one, since
        # most capitalised runs (names, sentence openers) end with no common word
        cuts = []
        for i in range(2, len(run) - 1):
            rest = run[i:]
            if not (rest in small or (len(rest) >= 3 and rest in common)):
                continue
            head = run[:i]
            if not rest.islower() or not (head.isupper() or _NAME_RE.fullmatch(head)) or rest in suffixes:
                continue
            cuts.append(i)
        if not cuts or protected(run):
            return None
        if run[1:].islower() and known_word(run, max_whole_zipf):
            return None  # a word with its capital (`Vain`); `VAin`, two capitals, is none
        return tuple(sorted(cuts, key=lambda c: -c))

    return decide


def _name_word_setup(doc: Document, rule: Rule) -> NameWordSetup:
    small = words_param(doc, rule, "function_words")
    suffixes = words_param(doc, rule, "suffixes")
    lex = context(doc).lex
    decide = name_word_decider(
        small,
        suffixes,
        min_zipf=float(rule.params.get("min_zipf", 3.5)),
        max_whole_zipf=float(rule.params.get("max_whole_zipf", 1.0)),
        protected=lambda run: protected_run(lex, run),
    )
    store = doc.cache["store"]
    known = frozenset(doc_glossary(doc).acronyms) | store.word_set("lexicon/english-acronyms.txt")
    return NameWordSetup(RunFilter(run_book(store), decide, shape=_NAME_WORD_SHAPE), small, known)


# Among runs one a line, those name-word's decider may want: a capital first (``str.isupper``:
# ``UPPER_WIDE`` holds every such character) and four letters at least. A new article brings
# hundreds of runs; the small ones are never asked about.
_NAME_WORD_SHAPE = lazy(re.compile, rf"(?m)^{UPPER_WIDE}.{{3,}}$")


def _stop_capital_byte(byte: int) -> int:
    """What ``_STOP_CAPITAL`` makes of a cp1252 byte: ``.`` for a stop, ``A`` for a capital or
    a byte that may stand for one (a character beyond cp1252), a space for any other."""
    try:
        char = bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return ord("A")  # undefined in cp1252, among them merged_words.UNKNOWN_BYTE
    if char in ".!?…":
        return ord(".")
    return ord("A") if regex.match(r"\p{Lu}", char) else ord(" ")


# A bytes.translate table for the article's cp1252 bytes (``Context.encoded``): where
# ``_link_pattern`` may match is where ``.A`` stands in the translation (a stop, then a capital),
# found by ``bytes.find`` instead of a scan of the text for every stop
_STOP_CAPITAL = bytes(_stop_capital_byte(i) for i in range(256))


def _stop_before_capital(encoded: bytes) -> list[int]:
    """The positions of a stop followed by a capital (or by a character beyond cp1252), in
    order: every place where ``_link_pattern`` can match, since it opens with both."""
    flags = encoded.translate(_STOP_CAPITAL)
    out = []
    i = flags.find(b".A")
    while i >= 0:
        out.append(i)
        i = flags.find(b".A", i + 2)
    return out


def _link_pattern(starters: list[str]) -> regex.Pattern[str]:
    words = "|".join(sorted((regex.escape(w) for w in starters), key=len, reverse=True))
    # the stop first (a character class the engine scans for), the letter before it last
    return regex.compile(
        r"[.!?…](?=\p{Lu})(?<=[\p{Ll}\p{N}].)"
        r"(\p{Lu}[\p{L}\p{M}'’\-]*?(?: \p{Lu}[\p{L}\p{M}'’\-]*?){0,3})"
        rf"(?:{words})(?=[ ,])"
    )


def link_text(doc: Document, rule: Rule) -> Iterator[Finding]:
    ctx = context(doc)
    text = ctx.text
    hits = _stop_before_capital(ctx.encoded)  # (the bytes punct-join translates too)
    if not hits:
        return
    pattern = doc.cache["store"].memo(
        f"glued_names.link.{rule.id}", lambda: _link_pattern([str(w) for w in rule.params.get("sentence_starters", ())])
    )
    for at in hits:
        m = pattern.match(text, at)
        if m is None:
            continue
        start, end = m.span(1)
        linked = m.group(1)
        if linked.split()[-1][-1:].isupper():
            continue  # `ECOWASThe`: an acronym before the starter is case-join's to judge
        if ctx.skipped(start - 1, end) or ctx.in_code(start):
            continue
        yield rule.finding(
            start,
            end,
            edits=(Edit(start, end, " "),),
            message=f"Link text '{linked}' glued between two sentences: drop it and restore the space.",
            title=f"drop '{linked}'",
        )
