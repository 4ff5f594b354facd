"""Terminology detectors: names and acronyms of the glossary that translation broke.

* ``french_acronym``: a French acronym kept in English text (``CEDEAO`` for ECOWAS,
  ``GSIM`` for JNIM), including the gloss ``(Jnim or GSIM)`` that puts both side by side.
* ``mangled_name``: a long capitalised name that is a glossary name translated word by word,
  reordered or half-French (``Economic Community of States dAfrica of theOuest``), found by
  fuzzy token alignment (rapidfuzz) and only flagged with evidence of damage.
* ``acronym_case``: a glossary acronym in title case (``Jnim``, ``Acled``) in an article whose
  house style writes such acronyms in capitals.
* ``name_case``: a glossary name whose capitals broke (``hydro-Québec``, ``ministry of Health
  and social Services``, a lower-case gloss of an acronym).

Everything is proposed for review (``unsafe``): a name may be right in a way no glossary
knows.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import accumulate, chain, compress, repeat
from operator import itemgetter, methodcaller, not_
from typing import Any, NamedTuple

import regex
from rapidfuzz import fuzz, process

from ..corroboration import WEAK
from ..document import FAST_BLOCKS, FAST_WORD_RE, Document, word_pattern
from ..glossary import (
    _WORD_RE,
    CONNECTORS,
    FRENCH_CONNECTORS,
    Entity,
    Glossary,
    NameForm,
    PhraseIndex,
    Piece,
    _folded_forms,
    _non_ascii,
    case_stable,
    doc_glossary,
    find,
    fold,
    folded_text,
    folds_to_something,
    has_context,
    is_token,
    joined_runs,
    mentions,
    phrase_words,
    split_pieces,
    word_parts,
)
from ..lazypattern import lazy
from ..model import Finding, Rule

# A French acronym explained as French right next to it is legitimate ("GSIM in French").
_FRENCH_GLOSS_BEFORE = lazy(regex.compile,
    r"(?i)(French|francophone)\s+(acronym|initials|abbreviation|name)s?(\s+(is|was|of|for))?\W*$"
    r"|\b(known|called|abbreviated|written)?\s*in French(\s+(as|by))?\W*$|\bFrench:\s*$"
)
_FRENCH_GLOSS_AFTER = lazy(regex.compile, r"(?i)^\s*(in French|,? its French (acronym|name|initials)|,? the French (acronym|name|initials)|\(French\))")


def caps_line(doc: Document, offset: int) -> bool:
    """Whether ``offset`` lies in a line written in capitals (a shouted headline): there a
    French-looking acronym may be an English word (``YOU CAN``)."""
    i = bisect.bisect_right(doc.line_starts, offset) - 1
    cache: dict[int, bool] = doc.cache.setdefault("terminology.caps-lines", {})
    if i not in cache:
        line = doc.lines[i].text
        # (the count of those letters in the line: they are single bytes of its UTF-8, which
        # no other character's bytes are; one deletion in C instead of ten counts)
        raw = line.encode("utf-8", "surrogatepass")
        if 10 * (len(raw) - len(raw.translate(None, _COMMON_LOWER_BYTES))) >= 3 * len(line) + 10:
            # Prose. The line's capitals are at most its characters other than these small
            # letters, and with at least 0.3 of the characters (plus one) small letters they
            # cannot make 0.7 of its letters: the exact count below would say no.
            cache[i] = False
            return False
        # filter/map keep the per-character loop in C (same test as a comprehension)
        letters = "".join(filter(str.isalpha, line))
        cache[i] = len(line.split()) >= 2 and sum(map(str.isupper, letters)) >= 0.7 * len(letters)
    return cache[i]


_COMMON_LOWER = "etaoinsrhl"  # the commonest small letters of English and French text
_COMMON_LOWER_BYTES = _COMMON_LOWER.encode("ascii")


# A character of a token (``document.WORD_RE``), and the joiners a token may hold inside.
_TOKEN_CHAR_RE = lazy(regex.compile, r"[\p{L}\p{M}\p{N}]")
_JOINERS = "'’-"


def token_spans(text: str, words: Iterable[str]) -> list[tuple[int, int, str]]:
    """(start, end, word) of every token of ``text`` (as ``Document.tokens`` splits it) that is
    one of ``words`` (themselves tokens), in text order.

    Detectors that look for a few known words use this instead of walking every token: each
    word is found with ``str.find`` and kept where it is a whole token. ``WORD_RE`` tokens are
    maximal runs of letters, marks and digits, joined through one apostrophe or hyphen, so an
    occurrence is a whole token exactly when neither side continues it: no token character
    next to it, and no joiner followed (after the end) or preceded (before the start) by a
    token character."""
    spans: list[tuple[int, int, str]] = []
    n = len(text)
    is_char = _TOKEN_CHAR_RE.match
    for w in words:
        size = len(w)
        i = find(text, w)
        while i >= 0:
            e = i + size
            glued_before = i > 0 and (
                is_char(text, i - 1) is not None
                or (i > 1 and text[i - 1] in _JOINERS and is_char(text, i - 2) is not None)
            )
            glued_after = e < n and (
                is_char(text, e) is not None or (e + 1 < n and text[e] in _JOINERS and is_char(text, e + 1) is not None)
            )
            if not glued_before and not glued_after:
                spans.append((i, e, w))
            i = find(text, w, i + 1)
    spans.sort()
    return spans


def _pick(doc: Document, entities: list[Entity], need_context: bool) -> Entity | None:
    """The one entity the article is about, or None when unsure (the article's context is
    asked only when it decides)."""
    if len(entities) == 1 and not need_context:
        return entities[0]
    confirmed = [e for e in entities if has_context(doc, e)]
    return confirmed[0] if len(confirmed) == 1 else None


# -- terminology.french-acronym ----------------------------------------------------------------


def french_acronym(doc: Document, rule: Rule) -> Iterator[Finding]:
    yield from _elided_french_acronyms(doc, rule)
    yield from _bare_french_acronyms(doc, rule)


# `l’ONU`, `L'Otan`, `l’ ONG`: the French article elided before an acronym, one token with it
# (so the bare-acronym pass, which wants whole tokens, never sees `ONU` there)
_ELIDED_ACRONYM_RE = lazy(regex.compile,
    r"(?<![\p{L}\p{M}\p{N}'’\-])([lL])['’] ?(\p{Lu}[\p{L}\p{N}]{1,11})(?![\p{L}\p{M}\p{N}]|['’\-][\p{L}\p{N}])"
)

# a necessary condition of _ELIDED_ACRONYM_RE in the standard library's ``re``, several times
# faster (every \p{Lu} lies in A-Z or beyond U+00BF)
_ELIDED_GATE_RE = lazy(re.compile, "[lL]['’] ?[A-Z\u00c0-\U0010ffff]")


def _elided_french_acronyms(doc: Document, rule: Rule) -> Iterator[Finding]:
    """`members of l’OTAN` → `members of the NATO` (the article as the bare-acronym pass gives
    it: `the ECOWAS`; the fix is unsafe, so a reviewer drops it where English says `NATO`).
    The same tests as the bare pass: the one entity the article is about, context for
    ambiguous acronyms, no line in capitals, no gloss that names the French form."""
    text = doc.text
    # a gate match starts with one of the pairs: searched from the first of them, and only once
    pair = _first_elided_pair(text)
    first = _ELIDED_GATE_RE.search(text, pair) if pair >= 0 else None
    if first is None:
        return  # the usual case: no elided article before a capital (no l’ at all, mostly)
    g = doc_glossary(doc)
    for m in _elided_acronyms(text, first):
        acr = m.group(2)
        ents = _french_acronym_entities(g, acr)
        if not ents:
            continue
        start, end = m.span()
        ent = _entity_here(doc, rule, ents, start, m.start(2), end)
        if ent is None:
            continue
        english = ent.acronym or ent.name
        article = "The" if m.group(1) == "L" else "the"
        msg = f"French article and acronym {m.group()} of {ent.label()}; English text uses {english}."
        yield rule.finding(start, end, f"{article} {english}", message=msg)


def _first_elided_pair(text: str) -> int:
    """Where the first of ``l’``, ``l'``, ``L’``, ``L'`` (what ``_ELIDED_GATE_RE`` starts
    with) occurs in ``text``, or -1: found from the apostrophes, as a search for one character
    skips through the text many times faster than one for two (most texts hold few
    apostrophes, many hold none)."""
    first = -1
    for quote in "’'":
        i = text.find(quote, 1)
        while i >= 0 and (first < 0 or i <= first):
            if text[i - 1] in "lL":
                first = i - 1
                break
            i = text.find(quote, i + 1)
    return first




def _elided_acronyms(text: str, first: Any = None) -> Iterator[Any]:
    """``_ELIDED_ACRONYM_RE.finditer(text)``, tried only where ``_ELIDED_GATE_RE`` matches:
    every match starts where the gate does (searched again from the next character, so no gate
    match hides another), and a match found is skipped over as ``finditer`` does. ``first``:
    the first gate match, when the caller has found it."""
    gate = _ELIDED_GATE_RE.search
    match = _ELIDED_ACRONYM_RE.match
    pos = 0
    while True:
        g = first if first is not None else gate(text, pos)
        first = None
        if g is None:
            return
        m = match(text, g.start())
        if m is None:
            pos = g.start() + 1
        else:
            yield m
            pos = m.end()


def _entity_here(doc: Document, rule: Rule, ents: list[Entity], start: int, acr_start: int, end: int) -> Entity | None:
    """The entity a French acronym at ``acr_start``-``end`` (reported as ``start``-``end``)
    stands for, or None where the rule leaves it: no single entity the article is about, a line
    in capitals, an ambiguous acronym without its context, or a gloss naming the French form."""
    ent = _pick(doc, ents, any(e.fr_ambiguous for e in ents) or len(ents) > 1)
    if ent is None or caps_line(doc, start):
        return None
    if ent.fr_ambiguous and not _ambiguous_ok(doc, ent, acr_start, end, int(rule.params.get("context_window", 250))):
        return None
    text = doc.text
    window = int(rule.params.get("gloss_window", 40))
    before, after = text[max(0, start - window) : start], text[end : end + window]
    if _names_french(before) and _FRENCH_GLOSS_BEFORE.search(before):
        return None
    if _names_french(after) and _FRENCH_GLOSS_AFTER.search(after):
        return None
    if _GLOSS_INTRO_RE.search(before) and _named_before(text, ent, start, 120):
        return None  # `the Rouen University Hospital, known as the CHU`: the writer's own gloss
    return ent


# the words that introduce an acronym or a name as the short form of what comes before it
_GLOSS_INTRO_RE = lazy(regex.compile, r"(?i)\b(?:known\s+(?:locally\s+|in\s+France\s+)?as|called|abbreviated(?:\s+as)?)(?:\s+the)?\s*[\"“‘']?$")


def _named_before(text: str, ent: Entity, start: int, reach: int) -> bool:
    """Whether the entity's English name (or an accepted variant) is written in the ``reach``
    characters before ``start``, in the same sentence: the French form after it is a gloss."""
    before = text[max(0, start - reach) : start]
    cut = max(before.rfind(". "), before.rfind("\n"))
    before = before[cut + 1 :].casefold()
    return any(form and form.casefold() in before for form in (ent.name, *ent.variants))


def _names_french(window: str) -> bool:
    """Whether ``window`` holds ``french`` or ``francophone`` in any case: every branch of
    ``_FRENCH_GLOSS_BEFORE`` and ``_FRENCH_GLOSS_AFTER`` needs one (no other character folds
    to these letters), so most windows skip the two searches."""
    low = window.lower()
    return "french" in low or "francophone" in low


def _bare_french_acronyms(doc: Document, rule: Rule) -> Iterator[Finding]:
    g = doc_glossary(doc)
    text = doc.text
    # The entities of a token depend on its spelling only: judged once per distinct word of
    # the article, so the walk over every token is one dict probe, and most articles skip it.
    found = _french_acronym_words(doc, g)
    if found is None:
        # Only a French acronym as written, or a word starting with a capital (title case,
        # see ``_title_case_french``), can have entities: the capital test is mapped in C
        # over every word, and the exact test runs on what is left.
        words = doc.word_counts
        cands = list({*compress(words, map(str.isupper, map(_FIRST, words))), *(g.fr_acronyms.keys() & words.keys())})
    elif not found:
        return
    else:
        cands = list(found)
    known = _french_acronym_cache(doc)
    judged = list(map(known.get, cands))  # (one probe per word, in C)
    if None in judged:  # words never seen before: judge them
        for i, word in enumerate(cands):
            if judged[i] is None:
                if len(known) > 1 << 16:
                    known.clear()
                judged[i] = known[word] = _french_acronym_entities(g, word)
    # the words with entities (an empty list is false), picked in C
    ents_of: dict[str, list[Entity]] = dict(zip(compress(cands, judged), filter(None, judged), strict=True))
    if not ents_of:
        return
    for tok_start, tok_end, tok_text in token_spans(text, ents_of):
        if _ELIDED_ACRONYM_RE.match(text, max(0, tok_start - 3), tok_end) is not None:
            continue  # `l’ ONU`: the elided pass reports it with its article
        ent = _entity_here(doc, rule, ents_of[tok_text], tok_start, tok_start, tok_end)
        if ent is None:
            continue
        english = ent.acronym or ent.name
        gloss = _gloss(text, tok_start, tok_end, ent)
        msg = f"French acronym {tok_text} of {ent.label()}; English text uses {english}."
        if gloss is not None:
            start, end = gloss
            yield rule.finding(start, end, english, message=msg)
        else:
            yield rule.finding(tok_start, tok_end, english, message=msg)


_FIRST = itemgetter(slice(None, 1))


def _french_acronym_words(doc: Document, g: Glossary) -> set[str] | None:
    """The words of a document that may have entities (``_french_acronym_entities``), found
    from the whole document, or None when this shortcut cannot say (the words are then
    judged one by one). Some may be parts of longer tokens: ``token_spans`` drops those.

    A word has entities only if it is a French acronym as written or, written in title case
    with 4 letters or more, its fold in capitals is one. When no acronym holds a joiner, such
    a fold holds none, so the word is one run of letters (``_folded_forms``); in a
    case-stable document (``case_stable``) its fold is then the acronym in small letters;
    where no character folds to nothing (``folds_to_something``) the acronym has at least as
    many letters as the word, and the word is the run of letters that starts where its fold
    starts in the folded text. So: two set intersections, and a ``str.find`` for the few
    acronyms left."""
    small = _small_french_acronyms(doc, g)
    if small is None or not case_stable(doc) or not folds_to_something(doc):
        return None
    found = _written_french_acronyms(doc, g)
    titled = small & _folded_forms(doc)
    if titled:
        text = doc.text
        folded = folded_text(doc)
        find = folded.text.find
        for acr in titled:
            i = find(acr)
            while i >= 0:
                for start in folded.text_offsets(i):
                    m = _WORD_RE.match(text, start)
                    if m is not None:
                        found.add(m.group())
                i = find(acr, i + 1)
    return found


def _written_french_acronyms(doc: Document, g: Glossary) -> set[str]:
    """The French acronyms the document holds as written, as tokens, with maybe a few that
    are only inside longer tokens (``token_spans`` drops those), found without the word
    counts: when every acronym is two capitals A-Z or more, a token that is one of them is a
    maximal run of such capitals (its neighbours are no token characters), so the set of those
    runs of the text (``_CAPITALS_RE``) holds it."""
    fr = g.fr_acronyms
    counts = doc.computed("word_counts")
    if counts is None and _plain_french_acronyms(doc, g):
        return fr.keys() & _capital_runs(doc)
    return fr.keys() & doc.word_counts.keys()


_CAPITALS_RE = lazy(re.compile, r"[A-Z][A-Z]+")  # (the runs [A-Z]{2,} finds, found twice as fast)


def _plain_french_acronyms(doc: Document, g: Glossary) -> bool:
    """Whether every French acronym is two capitals A-Z or more (once per store)."""

    def build() -> bool:
        return all(re.fullmatch(r"[A-Z]{2,}", k) for k in g.fr_acronyms)

    store = doc.cache.get("store")
    return store.memo("terminology.plain-french-acronyms", build) if store is not None else build()


def _small_french_acronyms(doc: Document, g: Glossary) -> frozenset[str] | None:
    """The French acronyms of 4 letters or more in small letters, or None if an acronym holds
    a joiner (once per store)."""

    def build() -> frozenset[str] | None:
        if any(j in k for k in g.fr_acronyms for j in "'’-"):
            return None
        return frozenset(k.lower() for k in g.fr_acronyms if len(k) >= 4)

    store = doc.cache.get("store")
    return store.memo("terminology.small-french-acronyms", build) if store is not None else build()


def _french_acronym_entities(g: Glossary, word: str) -> list[Entity]:
    """The entities whose French acronym ``word`` is, as written or in title case."""
    ents = g.fr_acronyms.get(word)
    if not ents or word != word.upper():
        ents = _title_case_french(g, word)
    return ents


def _french_acronym_cache(doc: Document) -> dict[str, list[Entity]]:
    """``_french_acronym_entities`` of each word seen, shared by the documents of a data store
    (it depends on the word, the glossary and the word frequencies only)."""
    return doc.cache["store"].memo("terminology.french-acronym-words", dict)  # (store set by doc_glossary)


def _title_case_french(g: Glossary, word: str) -> list[Entity]:
    """French press writes acronyms said as words in title case, with accents: ``Cédéao``,
    ``Otan``, ``Aqmi``. Such a word whose capitals are a French acronym, and that is no English
    word, is that acronym."""
    if len(word) < 4 or not (word[0].isupper() and word[1:].islower()):
        return []
    ents = g.fr_acronyms.get(fold(word).upper(), [])
    if ents and _is_english(word):
        return []
    return ents


def _ambiguous_ok(doc: Document, ent: Entity, start: int, end: int, window: int) -> bool:
    """A French acronym that is also English (CPI, BCE, CAN) counts only when the article
    never uses the English acronym (else the letters mean something else: ICC and CPI, the
    consumer price index), no number precedes it (500 BCE), and a context word of the entity
    stands near it."""
    text = doc.text
    if ent.acronym and mentions(doc, ent.acronym):
        return False
    if _NUMBER_BEFORE_RE.search(text[max(0, start - 6) : start]):
        return False
    if end - start <= 2 and _SURNAME_AFTER_RE.match(text[end : end + 4]):
        return False  # initials before a surname: JO Smith
    before = text[max(0, start - 80) : start]
    if before.endswith("(") and any(before[:-1].rstrip().endswith(n) for n in (ent.name, *ent.variants) if n):
        return True  # `Federal Statistical Office (OFS)`: the French acronym glosses the body's English name
    near = text[max(0, start - window) : end + window]
    return any(_context_re(c).search(near) for c in ent.context)


_NUMBER_BEFORE_RE = lazy(regex.compile, r"\d\s*$")
_SURNAME_AFTER_RE = lazy(regex.compile, r"\.?\s+\p{Lu}\p{Ll}")


@lru_cache(maxsize=4096)
def _context_re(word: str) -> regex.Pattern[str]:
    """A context word of the glossary as a whole word (any case unless capitalised), compiled
    once per word rather than looked up in the regex module's cache at every use."""
    return regex.compile(r"(?<![\p{L}])" + regex.escape(word) + r"(?![\p{L}])", 0 if word[:1].isupper() else regex.IGNORECASE)


_GLOSS_SPLIT_RE = lazy(regex.compile, r"\s+(?:or|ou)\s+|\s*[,/]\s*")


def _gloss(text: str, start: int, end: int, ent: Entity) -> tuple[int, int] | None:
    """The inside of ``(JNIM or GSIM)`` / ``(GSIM, JNIM)`` when the other half is the English
    acronym in any case: the whole gloss becomes the English acronym."""
    if not ent.acronym:
        return None
    open_ = text.rfind("(", max(0, start - 30), start)
    close = text.find(")", end, end + 30)
    if open_ < 0 or close < 0 or "\n" in text[open_:close]:
        return None
    inner = text[open_ + 1 : close]
    parts = [p.strip() for p in _GLOSS_SPLIT_RE.split(inner)]
    if len(parts) == 2 and any(p.upper() == ent.acronym.upper() for p in parts):
        return open_ + 1, close
    return None


# -- terminology.mangled-name ------------------------------------------------------------------

_GAP_RE = lazy(regex.compile, r"[ \t\u00a0\-'’]*")
# A cheap first pass: stretches of two or more capitalised words joined by spaces, hyphens,
# apostrophes and connectors (also glued: "dAfrica", "theOuest"); only these are split into
# pieces and aligned with the glossary.
_CONNECTOR_ALT = "of|the|for|and|in|on|to|at|a|an|by|with|from|de|du|des|d|l|la|le|les|et|en|au|aux|dans|pour|sur|par|avec"
# A word holding a capital ("Alliance", glued "theOuest"): anchored at a word start and
# possessive, so a long run of letters is scanned once, never backtracked into.
_CAP_WORD = r"(?<![\p{L}\p{M}\p{N}])(?=[\p{L}\p{M}]*\p{Lu})[\p{L}\p{M}\p{N}]++"
# Between two capitalised words: connectors and a few lower-case words (French sentence-case
# names translated word by word: "National movement for the liberation of Azawad"). Possessive
# everywhere: a failed stretch is given up, never re-split.
_LOWER_WORD = r"\p{Ll}[\p{Ll}\p{M}]*+"
_RUN_RE = lazy(regex.compile,
    rf"{_CAP_WORD}(?:[ \t\u00a0\-'’]++(?:{_LOWER_WORD}[ \t\u00a0'’\-]++){{0,6}}+{_CAP_WORD})+"
)
# The same runs found faster: ``_RUN_RE`` tries its look-arounds at every character, while a
# pattern that starts with ``\p{Lu}`` lets the regex engine skip straight to the capitals. A
# capitalised word holds a capital among its leading letters, so the run is tried from the
# word's first capital (the look-behind checks that only letters lie between it and the word
# start) and its start moved back to the word start (``_run_spans``). Whatever the outcome,
# (*SKIP) then resumes the search after the word: no run starts inside a word, and a run from
# a later capital of the word would end where this one does. So the spans are exactly
# ``_RUN_RE``'s, and a long word of capitals stays linear.
_RUN_FROM_CAPITAL_RE = lazy(regex.compile,
    r"\p{Lu}(?:(?<=(?<![\p{L}\p{M}\p{N}])[\p{L}\p{M}]*\p{Lu})[\p{L}\p{M}\p{N}]*+(*SKIP)"
    + _RUN_RE.pattern[len(_CAP_WORD) :]
    + r"|[\p{L}\p{M}\p{N}]*+(*SKIP)(*FAIL))"
)
_LETTER_RE = lazy(regex.compile, r"[\p{L}\p{M}]")
MAX_LOWER = 2  # lower-case content words in a row inside a name


def _run_spans(text: str, fast: bool | None = None) -> Iterator[tuple[int, int]]:
    """The spans of ``_RUN_RE.finditer(text)``, found from their first capital (or by
    ``_fast_run_spans`` in a text it can read: ``fast``, found when None)."""
    if fast if fast is not None else _is_fast(text):
        yield from _fast_run_spans(text)
        return
    is_letter = _LETTER_RE.match
    for m in _RUN_FROM_CAPITAL_RE.finditer(text):
        start = m.start()
        while start > 0 and is_letter(text, start - 1) is not None:
            start -= 1  # a word glued to its article: "theOuest", "dAfrica"
        yield start, m.end()


_Span = re.Match.span


def _is_fast(text: str) -> bool:
    """Whether every character of ``text`` lies in ``document.FAST_BLOCKS``, where the
    standard library's patterns of ``_fast_runs`` read it as ``regex`` does."""
    return word_pattern(text) is FAST_WORD_RE


def _fast_doc(doc: Document) -> bool:
    """``_is_fast`` of a document's text, once per document: from its distinct characters
    beyond ASCII (``glossary._non_ascii``, which the rules before have found), as ASCII lies in
    the first block."""
    got = doc.cache.get("terminology.fast")
    if got is None:
        got = doc.cache["terminology.fast"] = all(map(_in_fast_blocks, _non_ascii(doc)))
    return got


@lru_cache(maxsize=1 << 12)
def _in_fast_blocks(c: str) -> bool:
    """Whether the character ``c`` lies in ``document.FAST_BLOCKS``."""
    return any(lo <= ord(c) <= hi for lo, hi in FAST_BLOCKS)


def _fast_run_spans(text: str) -> list[tuple[int, int]]:
    """``_RUN_RE``'s spans in a text whose characters all lie in ``document.FAST_BLOCKS``,
    found with the standard library's ``re`` (``_FastRuns``), several times faster.

    A span starts at a word whose leading letters hold a capital: mostly a word that starts
    with one (``starts_capital``, which skips straight to capitals). The others (``theOuest``,
    ``dAfrica``) have a small letter just before their first capital: a pair. Both kinds of
    capital are found in one scan (``capital_or_pair``): its matches are the spans of
    ``starts_capital.finditer`` and the pairs that lie outside them (a pair is no place where
    a span starts, so it hides none; a pair inside a span lies in a word of that span). Each
    word holding a pair is looked at once, and its start kept when only small letters come
    before that capital. Then the spans are taken left to right as ``finditer`` takes them:
    from whichever of the two kinds of start comes first and matches (``_merge_run_starts``)."""
    fast = _fast_runs()
    found = list(fast.capital_or_pair.finditer(text))
    pairs = list(compress(found, map(_PAIR_MARK, found)))
    if not pairs:
        return list(map(_Span, found))
    inner = []  # (start, span from there) of each such word that starts a span
    word_end = 0
    for m in pairs:
        i = m.start() - 1
        if i < word_end:
            continue  # (a later pair of a word already looked at)
        start = i
        while start > 0 and fast.word.match(text, start - 1) is not None:
            start -= 1
        word_end = fast.word_run.match(text, i).end()
        if fast.small_run.match(text, start).end() == i + 1:
            # only small letters before the word's first capital
            span = fast.starts_small.match(text, start)
            if span is not None:
                inner.append(span.span())
    capital = list(map(_Span, compress(found, map(not_, map(_PAIR_MARK, found)))))
    if not inner:
        return capital
    spans = _merge_run_starts(capital, inner)
    return spans if spans is not None else _fast_run_spans_searched(text, [s for s, _e in inner])


_PAIR_MARK = methodcaller("group", 1)  # (of a ``capital_or_pair`` match: the capital of a pair, None for a span)


def _merge_run_starts(capital: list[tuple[int, int]], inner: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """The spans ``_fast_run_spans_searched`` takes, from the spans of
    ``starts_capital.finditer`` (``capital``) instead of a search after each span taken, and
    the spans from words with small letters before their first capital (``inner``, both in
    text order). The next capital span starting at or after ``pos`` is what the search from
    ``pos`` finds, as ``finditer`` tried every capital from the end of the span before it,
    unless a span runs across ``pos`` (then None: the caller searches). (A span taken from a
    word before its first capital ends where any span from a capital word inside it ends, so
    that does not happen.) An inner span is taken where it starts before the next capital
    span; the search tries the inner starts in the same order, and where one matches does
    not depend on ``pos``. The capital spans (which do not overlap) between two inner spans
    taken are taken in one slice: inner spans are few."""
    spans: list[tuple[int, int]] = []
    pos = 0
    j = 0
    for start, end in inner:
        if start < pos:
            continue
        k = bisect.bisect_left(capital, (start,), j)  # the capital spans before this start
        if k > j:
            spans += capital[j:k]
            pos = capital[k - 1][1]
            j = k
            if start < pos:
                continue
        spans.append((start, end))
        pos = end
        k = bisect.bisect_left(capital, (end,), j)  # those starting inside the span taken
        if k > j and capital[k - 1][1] > end:
            return None
        j = k
    spans += capital[j:]
    return spans


def _fast_run_spans_searched(text: str, inner: list[int]) -> list[tuple[int, int]]:
    """The spans left to right, a search for the next capital span after each span taken,
    ``inner`` the starts of words with small letters before their first capital."""
    fast = _fast_runs()
    spans = []
    pos = 0
    k = 0
    search = fast.starts_capital.search
    match_at = fast.starts_small.match
    while True:
        m = search(text, pos)
        first = m.start() if m is not None else len(text) + 1
        while k < len(inner) and inner[k] < pos:
            k += 1
        chosen = None
        while k < len(inner) and inner[k] < first:
            chosen = match_at(text, inner[k])
            k += 1
            if chosen is not None:
                break
        if chosen is None:
            chosen = m
        if chosen is None:
            return spans
        spans.append(chosen.span())
        pos = chosen.end()


class _FastRuns(NamedTuple):
    """The standard library patterns of ``_fast_run_spans``."""

    starts_capital: re.Pattern[str]  # a span from a word that starts with a capital
    starts_small: re.Pattern[str]  # a span from a word of small letters up to its first capital
    pair: re.Pattern[str]  # a capital after a small letter (or mark)
    capital_or_pair: re.Pattern[str]  # a pair (group 1 its capital) or a span of ``starts_capital``
    word: re.Pattern[str]  # a word character
    word_run: re.Pattern[str]  # word characters
    small_run: re.Pattern[str]  # letters and marks that are no capital
    words: re.Pattern[str]  # a run of word characters (``glossary._WORD_RE``)
    title_word: re.Pattern[str]  # ``_TITLE_WORD_RE``


@lru_cache(maxsize=1)
def _fast_runs() -> _FastRuns:
    """``_RUN_RE`` in the standard library's ``re`` for a text whose characters all lie in
    ``document.FAST_BLOCKS`` (``word_pattern``): its classes are spelt out as the characters
    of those blocks that ``regex`` puts in them (no mark lies there), so on such a text they
    are the same classes. (Built on first use.)"""
    chars = "".join(chr(c) for lo, hi in FAST_BLOCKS for c in range(lo, hi + 1))

    def found(prop: str) -> set[str]:
        return set(regex.findall(prop, chars))

    capitals = found(r"\p{Lu}")
    upper, lower = _char_class(capitals), _char_class(found(r"\p{Ll}"))
    other = _char_class(found(r"[\p{L}\p{M}]") - capitals)  # letters and marks that are no capital
    word = _char_class(found(r"[\p{L}\p{M}\p{N}]"))
    gap = r"[ \t\u00a0\-'’]++"
    cap_word = f"(?=[{other}]*+[{upper}])[{word}]++"  # (after a gap: no word character before it)
    rest = f"[{word}]*+(?:{gap}(?:[{lower}][{lower}]*+{gap}){{0,6}}+{cap_word})+"
    return _FastRuns(
        lazy(re.compile, f"[{upper}](?<![{word}][{upper}]){rest}"),
        lazy(re.compile, f"[{other}]*+[{upper}]{rest}"),
        lazy(re.compile, f"[{upper}](?<=[{other}][{upper}])"),  # (from the capital: the engine skips to capitals)
        # (the two lookbehinds exclude each other: [other] lies in [word])
        lazy(re.compile, f"[{upper}](?:(?<=[{other}]([{upper}]))|(?<![{word}][{upper}]){rest})"),
        lazy(re.compile, f"[{word}]"),
        lazy(re.compile, f"[{word}]*+"),
        lazy(re.compile, f"[{other}]*+"),
        lazy(re.compile, f"[{word}]+"),
        lazy(re.compile, f"[{upper}](?<![{word}][{upper}])[{lower}]+(?=[{upper}]|[^{word}]|$)"),
    )


def _char_class(chars: Iterable[str]) -> str:
    """The inside of a ``re`` character class holding ``chars``, as ranges."""
    codes = sorted(set(map(ord, chars)))
    out = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        lo, hi = re.escape(chr(codes[i])), re.escape(chr(codes[j]))
        out.append(lo if i == j else f"{lo}-{hi}")
        i = j + 1
    return "".join(out)


_DIGIT_RE = lazy(regex.compile, r"\d")
_PAREN_RE = lazy(regex.compile, r"[ \t\u00a0]*\(([^()\n]{1,30})\)")


def _runs(pieces: list[Piece], text: str, joined: bool = False) -> Iterator[list[Piece]]:
    """Maximal runs of capitalised words and connectors, trimmed to start and end on a
    capitalised word, with at least two content words. ``joined``: the pieces are those of
    one ``_RUN_RE`` span, where every gap between two words is made of ``_GAP_RE``'s
    characters, so the gap test can be skipped."""
    run: list[Piece] = []

    def flush() -> Iterator[list[Piece]]:
        while run and not run[-1].text[:1].isupper():
            run.pop()
        while run and not run[0].text[:1].isupper():
            run.pop(0)
        if sum(1 for p in run if p.key) >= 2:
            yield list(run)

    prev: Piece | None = None
    lower = 0  # lower-case content words in a row
    for p in pieces:
        word, key = p.text, p.key
        cap = word[:1].isupper()
        if cap:
            lower = 0
        elif key:
            lower += 1
        ok = cap or (word.islower() and (not key or (run and lower <= MAX_LOWER)))
        # (the gap matters only when a run is open)
        if run and not (joined or (prev is not None and _GAP_RE.fullmatch(text, prev.end, p.start) is not None)):
            yield from flush()
            run = []
        if ok:
            run.append(p)
        else:
            yield from flush()
            run = []
        prev = p
    yield from flush()


def _align(keys: list[str], target: tuple[str, ...], min_ratio: float) -> tuple[int, list[int], list[int]]:
    """Greedy one-to-one alignment of window keys to target keys (``_align_rows`` of their
    similarity rows).

    Returns (matched count, target index per window key or -1, unmatched target indexes)."""
    return _align_rows([_row(k, target) for k in keys], len(target), min_ratio)


def _row(key: str, target: tuple[str, ...]) -> tuple[float, ...]:
    """``_EQUAL`` where a target key equals ``key``, the ratio of two keys of 4 letters or more,
    else -1.0 (never compared): how ``_align_rows`` sees ``key`` against each target key."""
    if len(key) < 4:
        return tuple([_EQUAL if key == t else -1.0 for t in target])
    ratio = fuzz.ratio
    return tuple([_EQUAL if key == t else (ratio(key, t) if len(t) >= 4 else -1.0) for t in target])


_EQUAL = 1000.0  # in a similarity row: the two keys are equal (no ratio is this high)


def _similarity_row(g: Glossary, key: str, idx: int) -> tuple[tuple[float, ...], float]:
    """How ``_align`` sees ``key`` against each key of the name form ``g.names[idx]``:
    ``_EQUAL``, the ratio of two keys of 4 letters or more, or -1.0 (never compared); and the
    highest of these. Cached per key and form (it depends on nothing else)."""
    cache = g.similarity
    got = cache.get((key, idx))
    if got is None:
        if len(cache) > 1 << 16:
            cache.clear()
        row = _row(key, g.names[idx].keys)
        got = cache[key, idx] = (row, max(row))
    return got


def _fill_similarity(g: Glossary, keys: list[str], forms: list[int]) -> None:
    """Put ``_similarity_row`` of each of ``keys`` against each name form of ``forms`` in its
    cache, the ratios of a key against all those forms' keys found in one ``process.extract``
    call (in C, the same ``fuzz.ratio``) instead of one call per pair: what a run never seen
    costs (an article of new names) is mostly these ratios."""
    cache = g.similarity
    names = g.names
    long_keys, short_keys = _keys_by_length(g)
    for key in dict.fromkeys(keys):
        todo = [idx for idx in forms if (key, idx) not in cache]
        if not todo:
            continue
        if len(cache) > 1 << 16:
            cache.clear()
        if len(key) < 4:
            for idx in todo:
                row = tuple([_EQUAL if key == t else -1.0 for t in names[idx].keys])
                cache[key, idx] = (row, max(row))
            continue
        # every key of the forms as the row reads it: the key itself equal, a short key never
        # compared, the others by their ratio (the rows then read off in C)
        targets = set(chain.from_iterable(map(long_keys.__getitem__, todo)))
        targets.discard(key)
        ratio = {t: score for t, score, _i in process.extract(key, list(targets), scorer=fuzz.ratio, processor=None, limit=None)}
        ratio.update(dict.fromkeys(chain.from_iterable(map(short_keys.__getitem__, todo)), -1.0))
        ratio[key] = _EQUAL
        get = ratio.__getitem__
        for idx in todo:
            row = tuple(map(get, names[idx].keys))
            cache[key, idx] = (row, max(row))


class _CloseKeys:
    """For one key of 4 letters or more, at one ``min_ratio``: the name-form keys compared
    with it so far, and those among them whose ratio reaches ``min_ratio``, with that ratio."""

    __slots__ = ("near", "seen")

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.near: dict[str, float] = {}


_NO_NEAR: dict[str, float] = {}  # (the close keys of a key of fewer than 4 letters: none)


def _close_scores(g: Glossary, keys: list[str], forms: list[int], min_ratio: float) -> list[dict[str, float]]:
    """For each of ``keys``, the keys of 4 letters or more of the name forms ``forms`` (other
    than itself) whose ratio with it reaches ``min_ratio`` (a cutoff rapidfuzz takes: above 0,
    at most 100), with that ratio: what ``best_match`` reads of ``_similarity_row`` at that
    ``min_ratio``, without a row per key and form. A ratio below ``min_ratio`` is only ever compared with ``min_ratio`` (is a key
    close?) and with the other ratios of its row (``_align_rows`` takes the highest, and only
    one that reaches ``min_ratio``): read as 0.0 it answers both the same (``_close_row``).
    So a key needs only the few form keys near it, found by one ``process.extract`` per key
    over the form keys never compared with it (kept per key across documents, bounded); given
    ``min_ratio`` as cutoff, rapidfuzz returns only those and gives up early on the others.
    A form then holds a close key when the key is one of its keys or one of those near it,
    and only the forms with enough close keys get rows: most have too few."""
    cache: dict[str, _CloseKeys] = g.close_keys.setdefault(min_ratio, {})
    long_keys = _keys_by_length(g)[0]
    out = []
    targets: set[str] | None = None
    for key in keys:
        if len(key) < 4:
            out.append(_NO_NEAR)
            continue
        got = cache.get(key)
        if got is None:
            if len(cache) > 1 << 13:
                cache.clear()
            got = cache[key] = _CloseKeys()
        if targets is None:
            targets = set(chain.from_iterable(map(long_keys.__getitem__, forms)))
        new = targets.difference(got.seen)
        if new:
            if len(got.seen) > 1 << 8:  # (bounded: compared again when met again)
                got.seen.clear()
                got.near.clear()
                new = set(targets)
            got.seen |= new
            new.discard(key)
            got.near.update((t, score) for t, score, _i in process.extract(
                key, list(new), scorer=fuzz.ratio, processor=None, limit=None, score_cutoff=min_ratio))
        out.append(got.near)
    return out


def _close_row(key: str, near: dict[str, float], target: tuple[str, ...]) -> tuple[float, ...]:
    """``_row`` of ``key`` against ``target`` as ``best_match`` reads it at the ``min_ratio``
    of ``near`` (``_close_scores``): a ratio below it as 0.0."""
    if len(key) < 4:
        return tuple([_EQUAL if key == t else -1.0 for t in target])
    get = near.get
    return tuple([_EQUAL if key == t else (get(t, 0.0) if len(t) >= 4 else -1.0) for t in target])


def _keys_by_length(g: Glossary) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """Each name form's keys of 4 letters or more (those ``_row`` compares by ratio) and its
    shorter ones, by form index; once per glossary."""
    got = g.form_keys_by_length
    if got is None:
        got = g.form_keys_by_length = (
            [tuple(t for t in form.keys if len(t) >= 4) for form in g.names],
            [tuple(t for t in form.keys if len(t) < 4) for form in g.names],
        )
    return got


def _align_rows(rows: list[tuple[float, ...]], n: int, min_ratio: float) -> tuple[int, list[int], list[int]]:
    """``_align`` of the window keys whose ``_similarity_row`` are ``rows`` against a target
    of ``n`` keys: the same greedy choice, from ratios computed once per run and form."""
    used = [False] * n
    pos = [-1] * len(rows)
    for i, row in enumerate(rows):
        best, best_j = 0.0, -1
        for j in range(n):
            if used[j]:
                continue
            r = row[j]
            if r == _EQUAL:
                best, best_j = 100.0, j
                break
            if r > best:
                best, best_j = r, j
        if best_j >= 0 and best >= min_ratio:
            used[best_j] = True
            pos[i] = best_j
    return sum(1 for p in pos if p >= 0), pos, [j for j, u in enumerate(used) if not u]


class NameMatch:
    """A window of a text aligned with a glossary name form."""

    __slots__ = ("damage", "end", "form", "keys", "missing", "pieces", "score", "start")

    def __init__(self, form: NameForm, pieces: list[Piece], score: float, damage: str) -> None:
        self.form = form
        self.pieces = pieces
        self.score = score
        self.damage = damage
        self.start = pieces[0].start
        self.end = pieces[-1].end
        self.keys: list[str] = []
        self.missing: list[str] = []


def _is_english(word: str) -> bool:
    from ..lexicon import zipf_en

    return zipf_en(word) >= 3.0


def _needed(n: int) -> int:
    """How many keys of a window must match a name form of ``n`` keys (the checks after
    aligning in ``best_match`` ask for that many)."""
    return max(2, n - (1 if n >= 4 else 0))


def best_match(g: Glossary, run: list[Piece], text: str, threshold: float, min_ratio: float = 85.0) -> NameMatch | None:
    """The best-scoring glossary name form for a window of ``run`` that passes every check
    (coverage, no unexplained English word, score), damaged or not; None if nothing fits."""
    content = [i for i, p in enumerate(run) if p.key]
    content_keys = [run[i].key for i in content]
    capital = [run[i].text[:1].isupper() for i in content]
    cands = g.candidate_names(content_keys)
    best: NameMatch | None = None
    size = len(content_keys)
    known = g.similarity.get
    forms = [idx for idx in sorted(cands) if _needed(len(g.names[idx].keys)) <= size]
    scores = None
    if 0 < min_ratio <= 100:  # (a cutoff rapidfuzz takes)
        scores = _close_scores(g, content_keys, forms, min_ratio)  # (the ratios not known yet, in one go per key)
    else:
        _fill_similarity(g, content_keys, forms)  # (every ratio, in one go per key)
    for idx in forms:  # sorted: ties between forms must not depend on the hash seed
        form = g.names[idx]
        n = len(form.keys)
        # (fewer keys than close keys needed, see below, were left out: nothing to compare)
        needed = _needed(n)
        # each content key against each key of the form (what ``_align`` compares); a key is
        # close when one of those can match it, and every key a window matches is close
        if scores is not None:
            fkeys = form.keys
            close = [k in fkeys or not near.keys().isdisjoint(fkeys) for k, near in zip(content_keys, scores, strict=True)]
            if sum(close) < needed:
                continue  # no window holds enough close keys
            rows = [_close_row(k, near, fkeys) for k, near in zip(content_keys, scores, strict=True)]
        else:
            similar = list(map(known, zip(content_keys, repeat(idx))))  # (``_similarity_row``'s cache, in C)
            if None in similar:
                similar = [_similarity_row(g, k, idx) for k in content_keys]
            close = [top >= min_ratio for _row, top in similar]
            if sum(close) < needed:
                continue  # no window holds enough close keys
            rows = [row for row, _top in similar]
        # A window must start and end on a capital, and on a matched (so close) key: see the
        # checks below
        edge = [c and k for c, k in zip(capital, close, strict=True)]
        # running counts: a window's count of close keys and of keys in the form's keyset
        close_upto = list(accumulate(close, initial=0))
        keyset = form.keyset
        keyset_upto = list(accumulate((k in keyset or k[:4] in keyset for k in content_keys), initial=0))
        for length in (n - 1, n, n + 1):
            if length < 2 or length > len(content):
                continue
            for s in range(0, len(content) - length + 1):
                e = s + length
                if not (edge[s] and edge[e - 1]):
                    continue  # a name starts and ends with a capital (and a matched key)
                if keyset_upto[e] - keyset_upto[s] < 2:
                    continue
                # at most this many keys can match: too few to pass the checks below?
                most = min(close_upto[e] - close_upto[s], n)
                if most < needed or 100.0 * 2 * most / (length + n) < threshold:
                    continue
                sel = content[s : s + length]
                keys = content_keys[s : s + length]
                m, pos, missing = _align_rows(rows[s : s + length], n, min_ratio)
                if m < 2 or len(missing) > (1 if n >= 4 else 0):
                    continue
                extra = [run[i] for i, p in zip(sel, pos, strict=True) if p < 0]
                if len(extra) > 1 or any(_is_english(p.text) or p.text.isupper() or p.text in g.known_words for p in extra):
                    continue
                if pos[0] < 0 or pos[-1] < 0:
                    continue  # a stray word at the edge belongs to the context, not to the name
                score = 100.0 * 2 * m / (length + n)
                if score < threshold:
                    continue
                pieces = run[sel[0] : sel[-1] + 1]
                if g.is_accepted(text[pieces[0].start : pieces[-1].end]) is form.entity:
                    score += 1.0  # the window is this entity's own correct name: it wins ties
                if best is not None and (score, length) <= (best.score, len(best.keys)):
                    continue
                if _continues(run, sel[0], -1, g.places) or _continues(run, sel[-1], 1, g.places):
                    continue  # part of a longer name: West African Development Bank
                best = NameMatch(form, pieces, score, _damage(g, pieces, pos, form, bool(extra)))
                best.keys = keys
                best.missing = [form.keys[j] for j in missing]
    return best


def all_matches(g: Glossary, run: list[Piece], text: str, threshold: float, min_ratio: float = 85.0) -> Iterator[NameMatch]:
    """``_all_matches``, cached by the run's text: the same names recur in article after
    article, and the alignment is the costly part."""
    key = (text[run[0].start : run[-1].end], threshold, min_ratio)
    cache = g.match_cache
    cached = cache.get(key)
    if cached is None:
        if len(cache) > 20000:
            cache.clear()
        cached = []
        for m in _all_matches(g, run, text, threshold, min_ratio):
            first = run.index(m.pieces[0])
            cached.append((m.form, first, first + len(m.pieces), m.score, m.damage, m.keys, m.missing))
        cache[key] = cached
    for form, a, b, score, damage, keys, missing in cached:
        m = NameMatch(form, run[a:b], score, damage)
        m.keys = keys
        m.missing = missing
        yield m


def _all_matches(g: Glossary, run: list[Piece], text: str, threshold: float, min_ratio: float = 85.0) -> Iterator[NameMatch]:
    """Every name of a run: the best match, then the best of what is left on each side of it
    ("Avenir Québec Coalition and François Legault" holds two names)."""
    match = best_match(g, run, text, threshold, min_ratio)
    if match is None:
        return
    yield match
    first = run.index(match.pieces[0])
    last = run.index(match.pieces[-1])
    for part in (run[:first], run[last + 1 :]):
        while part and not part[-1].text[:1].isupper():
            part = part[:-1]
        while part and not part[0].text[:1].isupper():
            part = part[1:]
        if sum(1 for p in part if p.key) >= 2:
            yield from _all_matches(g, part, text, threshold, min_ratio)


_LOOSE = frozenset({"the", "a", "an"})
_LOWER_DAMAGE = "words of the name in lower case"
# Words that rarely sit inside a name and often link it to what follows ("… on May 13",
# "… Coalition and François Legault")
_BREAKS = frozenset({"on", "at", "by", "with", "from", "to", "and"})
_DATES = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


def _continues(run: list[Piece], i: int, step: int, places: set[str] = frozenset()) -> bool:
    """Whether the name around run[i] goes on in direction ``step`` (another content word,
    directly or through a connector such as "of"), so a window ending at i is only part of it.
    "… Coalition in Quebec", "… on May 13": a place or a date after a preposition is not."""
    between: list[str] = []
    j = i + step
    while 0 <= j < len(run):
        p = run[j]
        if p.key:
            if not p.text[:1].isupper():
                return False  # a lower-case word after a name is the sentence going on
            if fold(p.text) in _DATES or any(fold(c) in _BREAKS for c in between):
                return False
            if step > 0 and between and p.text in places:
                return False
            return not between or any(fold(c) not in _LOOSE for c in between)
        between.append(p.text)
        j += step
    return False


def _damage(g: Glossary, pieces: list[Piece], pos: list[int], form: NameForm, extra: bool) -> str:
    """Why the window is not a correct English name ("" if it may well be one)."""
    if form.origin in ("mangled", "fr"):
        return "a known mistranslated form" if form.origin == "mangled" else "the French name"
    if any(p.merged for p in pieces):
        return "words merged together"
    if any(fold(p.text) in FRENCH_CONNECTORS and p.text.islower() for p in pieces if len(p.text) > 1):
        return "French words left inside"
    for p in pieces:
        f = fold(p.text)
        if p.key and f in g.words and g.words[f] != f and not _is_english(p.text):
            return "French words left inside"
    order = [j for j in pos if j >= 0]
    if order != sorted(order):
        return "words in the wrong order"
    if any(p.key and p.text[:1].islower() for p in pieces):
        return _LOWER_DAMAGE
    if extra:
        return "a stray word inside"
    return ""


def _accepted_overlap(g: Glossary, run: list[Piece], text: str, start: int, end: int) -> bool:
    """Whether a correct form of any entity overlaps [start, end) inside the run without lying
    inside it ("Organization of the United Nations" may be damaged around "United Nations";
    "Alliance of Sahel States Summit" is a correct name plus a word)."""
    caps = [i for i, p in enumerate(run) if p.text[:1].isupper()]
    for a in caps:
        for b in caps:
            if b <= a or b - a > 12:
                continue  # one word alone (Québec) does not make a window a correct name
            s, e = run[a].start, run[b].end
            if s < end and start < e and not (start <= s and e <= end) and g.is_accepted(text[s:e]) is not None:
                return True
    return False


def name_runs(doc: Document, g: Glossary) -> list[list[Piece]]:
    """All the runs of capitalised words of a document (``_RUN_RE`` spans split into pieces
    and cut by ``_runs``), in order; the rules take only the runs they can use
    (``glossary_runs``, ``keyed_spans``)."""
    return [run for start, end in _doc_spans(doc) for run in span_runs(doc, g, start, end)]


def keyed_spans(doc: Document, g: Glossary, min_keys: int) -> list[tuple[int, int, tuple[str, ...]]]:
    """The ``_RUN_RE`` spans of a document whose words have ``min_keys`` pieces with a
    content key or more, with these keys in order (``_WordKeys``): the runs ``_runs`` cuts
    from a span hold only its pieces, so defined-name, whose definitions have three keys or
    more, tests the keys of a span before splitting it (``span_runs``)."""
    text = doc.text
    keys = _piece_weights(doc, g, _WordKeys).__getitem__
    spans = _doc_spans(doc)
    words = (_fast_runs().words if _fast_doc(doc) else _WORD_RE).findall  # (the same words)
    out = []
    for start, end in spans:
        got = tuple(chain.from_iterable(map(keys, words(text, start, end))))
        if len(got) >= min_keys:
            out.append((start, end, got))
    return out


def span_runs(doc: Document, g: Glossary, start: int, end: int) -> list[list[Piece]]:
    """``_runs`` of the span [start, end), split once per document for all its users
    (defined-name, ``glossary_runs``)."""
    done = doc.cache.get("terminology.span-runs")
    if done is None:
        done = doc.cache["terminology.span-runs"] = {}
    got = done.get(start)
    if got is None:
        text = doc.text
        got = done[start] = list(_runs(split_pieces(text[start:end], start, g.words), text, joined=True))
    return got


def _doc_spans(doc: Document) -> list[tuple[int, int]]:
    """``_run_spans`` of a document, once per document (``keyed_spans``, ``glossary_runs``)."""
    got = doc.cache.get("terminology.spans")
    if got is None:
        text = doc.text
        got = _fast_run_spans(text) if _fast_doc(doc) else list(_run_spans(text, False))
        doc.cache["terminology.spans"] = got
    return got


def glossary_runs(doc: Document, g: Glossary) -> list[list[Piece]]:
    """The runs of capitalised words (``_RUN_RE`` spans split into pieces and cut by
    ``_runs``) that may hold a glossary name, in order: a run matches a name form only when
    two of its content keys index that form (``Glossary.candidate_names``), so a run with
    fewer than two pieces whose key indexes any form is left out, and a span with fewer than
    two such pieces is not split at all. The pieces of a span are those of its words taken one
    by one, so counting them is one ``findall`` and a lookup per word (``_piece_weights``)."""
    got = doc.cache.get("terminology.glossary-runs")
    if got is None:
        text = doc.text
        weight = _piece_weights(doc, g).__getitem__
        words = _WORD_RE.findall
        indexes = g.indexes_key
        got = [run for start, end in _doc_spans(doc) if sum(map(weight, words(text, start, end))) >= 2
               for run in span_runs(doc, g, start, end) if sum(1 for p in run if p.key and indexes(p.key)) >= 2]
        doc.cache["terminology.glossary-runs"] = got
    return got


class _PieceWeights(dict):
    """Word → how many of its pieces (``split_pieces``) have a content key that indexes a
    name form; computed on first use, per word."""

    def __init__(self, g: Glossary) -> None:
        super().__init__()
        self.g = g

    def __missing__(self, word: str) -> int:
        g = self.g
        if len(self) > 1 << 16:
            self.clear()
        n = self[word] = sum(1 for part in word_parts(word, g.words) if part[3] and g.indexes_key(part[3]))
        return n


class _WordKeys(_PieceWeights):
    """Word → the content keys of its pieces (``split_pieces``), "" keys left out
    (``keyed_spans``)."""

    def __missing__(self, word: str) -> tuple[str, ...]:  # type: ignore[override]
        if len(self) > 1 << 16:
            self.clear()
        got = self[word] = tuple(part[3] for part in word_parts(word, self.g.words) if part[3])
        return got


class _WordShapes(_PieceWeights):
    """Word → its pieces (``split_pieces``) as ``_runs`` sees them, one kind character each
    (``_part_kind``, which also tells a content key that indexes a name form); and where each
    piece starts and ends in the word."""

    def __missing__(self, word: str) -> tuple[str, tuple[tuple[int, int], ...]]:  # type: ignore[override]
        g = self.g
        if len(self) > 1 << 16:
            self.clear()
        parts = word_parts(word, g.words)  # (what ``split_pieces`` gives for the word alone)
        if len(parts) == 1:  # (most words)
            a, b, sub, key, _m = parts[0]
            got = self[word] = (_part_kind(sub, key, g), ((a, b),))
            return got
        kinds = "".join([_part_kind(sub, key, g) for _s, _e, sub, key, _m in parts])
        got = self[word] = (kinds, tuple((a, b) for a, b, _t, _k, _m in parts))
        return got


def _part_kind(word: str, key: str, g: Glossary) -> str:
    """What ``_runs`` reads of a piece (its text and content key), as one character: ``C`` a
    capitalised word with a content key (``W`` when the key indexes a name form), ``D`` one
    without (The), ``k`` a word in small letters with a key (``w`` when it indexes a form),
    ``c`` one without (a connector), ``x`` anything else (a number, a word in mixed case):
    never in a run."""
    if word[:1].isupper():
        return ("W" if g.indexes_key(key) else "C") if key else "D"
    if not word.islower():
        return "x"
    return ("w" if g.indexes_key(key) else "k") if key else "c"


# The runs ``_runs`` cuts from a span, over the kinds of its pieces (``_part_kind``): in a
# run every piece is allowed (``ok``), so between two capitalised words stand only words in
# small letters, at most MAX_LOWER (2) of them with a key, and a run starts and ends on a
# capitalised word (trimmed). Any other piece ends the run at the capitalised word before it.
_KIND_RUN_RE = lazy(re.compile, r"[CDW](?:c*(?:[kw]c*){0,2}[CDW])*")
_KINDS = itemgetter(0)


def _glossary_run_bounds(doc: Document, g: Glossary) -> list[tuple[int, int, int, int]]:
    """(start, end, span start, span end) of each run ``glossary_runs`` gives, in the same
    order, found without splitting any span into pieces, and for all the spans of the
    document at once: the kinds of the pieces of every span (``_ChunkKinds``, per whitespace
    chunk: no word holds white space) are joined into one string, ``|`` between spans, which
    one ``split`` cuts back into the spans' kinds. The runs of a span's kinds
    (``_indexed_runs``, per kinds string) are those ``_KIND_RUN_RE`` finds with two pieces or
    more whose content key indexes a name form; most spans have none, and only the others
    are looked at. A rule that needs a run's pieces takes them from ``span_runs``; most runs
    are judged from their text alone (``mangled_name``)."""
    got = doc.cache.get("terminology.run-bounds")
    if got is not None:
        return got
    got = doc.cache["terminology.run-bounds"] = []
    spans = _doc_spans(doc)
    if not spans:
        return got
    text = doc.text
    chunks = _chunk_kinds(doc, g)
    # (a span holds no NUL: a lone NUL chunk stands between two spans, kind ``|``)
    joined = " \0 ".join([text[start:end] for start, end in spans])
    per_span = "".join(map(chunks.__getitem__, joined.split())).split("|")
    found = list(map(_indexed_runs, per_span))
    word_re = _fast_runs().words if _fast_doc(doc) else _WORD_RE  # (the same words)
    shape = chunks.words.__getitem__
    for k in compress(range(len(spans)), found):
        start, end = spans[k]
        kinds = per_span[k]
        runs = found[k]
        if runs[0] == (0, len(kinds)):
            # the run is the whole span (most are): its first piece starts the span's first
            # word, its last piece ends the last word, and the span is whole words
            got.append((start, end, start, end))
            continue
        # the first and last piece of each run, located through their words
        ms = list(word_re.finditer(text, start, end))
        shapes = [shape(w.group()) for w in ms]
        ends = None if len(kinds) == len(shapes) else list(accumulate(map(len, map(_KINDS, shapes))))
        for a, b in runs:
            wa, pa = _piece_of(ends, a)
            wb, pb = _piece_of(ends, b - 1)
            got.append((ms[wa].start() + shapes[wa][1][pa][0], ms[wb].start() + shapes[wb][1][pb][1], start, end))
    return got


class _ChunkKinds(dict):
    """Whitespace chunk of a span → the kinds of its pieces (``_WordShapes`` of each of its
    ``_WORD_RE`` words, joined); a NUL (``_glossary_run_bounds``'s separator) → ``|``.
    Computed on first use, per chunk. A span holds only word characters and the gap
    characters of ``_RUN_RE`` (white space, hyphens, apostrophes), so the words of a chunk are
    what is left between its hyphens and apostrophes."""

    def __init__(self, words: _WordShapes) -> None:
        super().__init__()
        self.words = words

    def __missing__(self, chunk: str) -> str:
        if len(self) > 1 << 16:
            self.clear()
        if chunk == "\0":
            got = self[chunk] = "|"
            return got
        words = chunk.replace("’", "'").replace("-", "'").split("'")
        got = self[chunk] = "".join([self.words[w][0] for w in words if w])
        return got


def _chunk_kinds(doc: Document, g: Glossary) -> _ChunkKinds:
    """The ``_ChunkKinds`` of the document's glossary, shared by the documents of a store."""
    words = _piece_weights(doc, g, _WordShapes)
    store = doc.cache.get("store")
    if store is None:
        return _ChunkKinds(words)  # type: ignore[arg-type]
    chunks = store.memo("terminology._ChunkKinds", lambda: _ChunkKinds(words))  # type: ignore[arg-type]
    if chunks.words is not words:
        chunks = _ChunkKinds(words)  # type: ignore[arg-type]
    return chunks


@lru_cache(maxsize=1 << 12)
def _indexed_runs(kinds: str) -> tuple[tuple[int, int], ...]:
    """The runs ``_KIND_RUN_RE`` finds in the piece kinds of a span that have two pieces or
    more whose content key indexes a name form (else no name form shares two keys with
    them), as piece index ranges. Cached per kinds string: it is a shape, not text, and a
    few shapes (``WW``, ``WcW``, ``DW``) make most spans of any article."""
    return tuple(m.span() for m in _KIND_RUN_RE.finditer(kinds) if m.group().count("W") + m.group().count("w") >= 2)


def _piece_of(ends: list[int] | None, i: int) -> tuple[int, int]:
    """The word holding piece ``i`` of a span and the piece's place in it, from the running
    count of pieces per word (None: one piece per word)."""
    if ends is None:
        return i, 0
    w = bisect.bisect_right(ends, i)
    return w, i - (ends[w - 1] if w else 0)


def _piece_weights(doc: Document, g: Glossary, kind: type[_PieceWeights] = _PieceWeights) -> _PieceWeights:
    """The ``kind`` word weights of the document's glossary, shared by the documents of a store."""
    store = doc.cache.get("store")
    if store is None:
        return kind(g)
    weights = store.memo(f"terminology.{kind.__name__}", lambda: kind(g))
    return weights if weights.g is g else kind(g)


def mangled_name(doc: Document, rule: Rule) -> Iterator[Finding]:
    g = doc_glossary(doc)
    text = doc.text
    threshold = float(rule.params.get("threshold", 80))
    min_ratio = float(rule.params.get("token_ratio", 85))
    seen: set[int] = set()
    cache = g.match_cache
    for start, end, span_start, span_end in _glossary_run_bounds(doc, g):
        known = cache.get((text[start:end], threshold, min_ratio))
        if known is not None and not any(map(_DAMAGE, known)):
            continue  # (what ``all_matches`` gives for this run text: nothing damaged)
        run = next(r for r in span_runs(doc, g, span_start, span_end) if r[0].start == start)
        for match in all_matches(g, run, text, threshold, min_ratio):
            if not match.damage or match.start in seen:
                continue
            ent = match.form.entity
            if match.form.origin != "mangled" and not has_context(doc, ent):
                continue
            window = text[match.start : match.end]
            same = g.is_accepted(window)
            if same is not None and (match.damage != _LOWER_DAMAGE or window.replace("’", "'") in same.accepted):
                continue  # the window is itself a correct name (its capitals aside, unless broken)
            if _accepted_overlap(g, run, text, match.start, match.end):
                continue
            if match.missing and _missing_nearby(g, text, match):
                continue  # "ministry of Health and social Services": the name goes on in lower case
            seen.add(match.start)
            yield _name_finding(rule, text, match)
    yield from _french_names(doc, rule, g)


_DAMAGE = itemgetter(4)  # of a cached match (``all_matches``)
_BEFORE_WORDS_RE = lazy(regex.compile, r"([\p{L}\p{M}]+)[^\p{L}\p{M}\n]+(?:(?:of|the|for|and|de|du|des|la|le)[^\p{L}\p{M}\n]+)*$")
_AFTER_WORDS_RE = lazy(regex.compile, r"^[^\p{L}\p{M}\n]+(?:(?:of|the|for|and|de|du|des|la|le)[^\p{L}\p{M}\n]+)*([\p{L}\p{M}]+)")


def _missing_nearby(g: Glossary, text: str, match: NameMatch) -> bool:
    """Whether a word the window lacks stands just outside it: then the real name is longer
    than the window and replacing the window would double it."""
    from ..glossary import content_key

    words = []
    before = _BEFORE_WORDS_RE.search(text, max(0, match.start - 40), match.start)
    after = _AFTER_WORDS_RE.match(text[match.end : match.end + 40])
    for m in (before, after):
        if m:
            words.append(content_key(m.group(1), g.words))
    return any(w and (w == k or (len(w) >= 4 and len(k) >= 4 and fuzz.ratio(w, k) >= 85)) for w in words for k in match.missing)


def _name_finding(rule: Rule, text: str, match: NameMatch) -> Finding:
    ent = match.form.entity
    target = match.form.text if match.form.origin == "variant" and " " in match.form.text else ent.name
    start, end = match.start, match.end
    replacement = target
    paren = _PAREN_RE.match(text, end)
    if paren and ent.acronym:
        inner = paren.group(1).strip()
        if inner != ent.acronym and not _DIGIT_RE.search(inner) and len(inner.split()) <= 3:
            end = paren.end()
            replacement = f"{target} ({ent.acronym})"
    msg = f"{text[match.start:match.end]!r} looks like {ent.label()} ({match.damage})."
    return rule.finding(start, end, replacement, message=msg)


def _french_names_index(g: Glossary) -> PhraseIndex:
    """French names of entities whose English name differs and is what English press uses
    (kept in the disk cache with the glossary's index, entities by id)."""
    def build() -> PhraseIndex:
        phrases = []
        for e in g.entities:
            fr = e.fr_name
            if not fr or e.fr_ok or len(fr.split()) < 2 or g.is_accepted(fr) is not None:
                continue
            phrases.append((fr, e))
        return PhraseIndex(phrases)

    return _cached_index(g, "french-names", build, lambda e: e.id, g.by_id.__getitem__)


def _cached_index(g: Glossary, name: str, build: Callable[[], PhraseIndex], payload_id: Callable[[Any], Any],
                  payload_of: Callable[[Any], Any]) -> PhraseIndex:
    """A phrase index derived from the glossary, from the disk cache when the glossary's index
    has a key there (building one folds and splits every name: tens of ms at each start)."""
    if g.cache_key is None:
        return build()
    from ..diskcache import cached, digest

    data = cached(f"terminology-{name}", digest(g.cache_key, name, "phrase-index-1"),
                  lambda: build().to_data(payload_id))
    return PhraseIndex.from_data(data, payload_of)


def _french_names(doc: Document, rule: Rule, g: Glossary) -> Iterator[Finding]:
    store = doc.cache.get("store")
    index = store.memo("terminology.french-names", lambda: _french_names_index(g)) if store else _french_names_index(g)
    text = doc.text
    for start, end, ent in index.finditer(text, phrase_words(doc, index)):
        if not text[start].isupper() or _named_before(text, ent, start, 80):
            continue  # (`the regional health agency, the Agence régionale de santé`: a gloss)
        # weak alone: English reporters write some French names on purpose (the Assemblée
        # nationale); kept where the article shows other damage (fixer.corroboration)
        yield rule.finding(start, end, ent.name, message=f"French name of {ent.label()} left untranslated.", data=WEAK)


# A title-case word, also when glued to the next word (``AcledOn``).
_TITLE_WORD_RE = lazy(regex.compile, r"(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+(?=\p{Lu}|[^\p{L}\p{N}]|$)")


# -- terminology.acronym-case ------------------------------------------------------------------


def acronym_case(doc: Document, rule: Rule) -> Iterator[Finding]:
    """``Jnim`` → ``JNIM`` where the article writes long acronyms in capitals."""
    g = doc_glossary(doc)
    min_len = int(rule.params.get("min_length", 4))
    markers = set(rule.params.get("title_style_markers", []))
    text = doc.text
    if markers and _any_marker(doc, tuple(sorted(markers))):
        return  # British house style (Nato, Unicef): title-case acronyms are intended
    # (only the glossary's acronyms can be evidence)
    caps_evidence = any(not caps_line(doc, text.find(w)) for w in _caps_acronyms(doc, g, min_len))
    if not caps_evidence:
        return
    titled = _titled_acronyms(doc, g, min_len)
    if not titled:
        return
    for m in _title_words(doc.text, titled):
        w = m.group()
        up = w.upper()
        ents = g.acronyms[up]
        if _is_english(w) or any(e.name == w for e in ents):
            continue
        if not any(e.acronym.upper() == up or up in e.variants for e in ents):
            continue
        if not any(has_context(doc, e) or mentions(doc, up) for e in ents) and len(ents) > 1:
            continue
        yield rule.finding(m.start(), m.end(), up, message=f"Acronym {w} is written {up} elsewhere in this style.")


def _any_marker(doc: Document, markers: tuple[str, ...]) -> bool:
    """Whether one of ``markers`` is a token of the document (``is_token``). A marker that is
    one run of letters is a token only if its fold is one of the document's folded runs
    (``_folded_forms``, which the rules before have built): a set probe first, as most
    articles hold none."""
    forms = _folded_forms(doc)
    return any(is_token(doc, m) for m, f in _marker_folds(markers) if f is None or f in forms)


@lru_cache(maxsize=64)
def _marker_folds(markers: tuple[str, ...]) -> tuple[tuple[str, str | None], ...]:
    """Each marker with its fold when it is one run of letters, marks and digits, else None."""
    return tuple((m, fold(m) if _WORD_RE.fullmatch(m) else None) for m in markers)


def _caps_acronyms(doc: Document, g: Glossary, min_len: int) -> list[str]:
    """The glossary's acronyms (``Glossary.acronyms``) of ``min_len`` characters or more in
    capitals that are tokens of the document, found without the word counts: the maximal runs
    of two capitals A-Z or more of a token are maximal runs of the text too (its neighbours are
    no capitals), so an acronym can be a token only where its longest such run is one of the
    document's (``_capital_runs``); each acronym left is checked as a token (``is_token``).
    Acronyms with no such run are checked one by one."""
    counts = doc.computed("word_counts")
    if counts is not None:
        # (each of the document's words probed in the set of those acronyms)
        return list(_caps_acronym_set(doc, g, min_len).intersection(counts))
    by_run, loose = _caps_acronym_index(doc, g, min_len)
    cands = [w for run in _capital_runs(doc) & by_run.keys() for w in by_run[run]]
    cands += [w for w in loose if w in doc.text]
    return [w for w in cands if is_token(doc, w)]


def _caps_acronym_index(doc: Document, g: Glossary, min_len: int) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """The glossary's acronyms of ``min_len`` characters or more in capitals, by their longest
    run of capitals A-Z (``_caps_acronyms``), and those with none of two or more (once per
    store)."""

    def build() -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
        by_run: dict[str, list[str]] = {}
        loose = []
        for w in sorted(g.acronyms):
            if len(w) < min_len or not w.isupper():
                continue
            runs = _CAPITALS_RE.findall(w)
            if runs:
                by_run.setdefault(max(runs, key=len), []).append(w)
            else:
                loose.append(w)
        return {k: tuple(v) for k, v in by_run.items()}, tuple(loose)

    store = doc.cache.get("store")
    return store.memo(f"terminology.caps-acronyms-{min_len}", build) if store is not None else build()


def _caps_acronym_set(doc: Document, g: Glossary, min_len: int) -> frozenset[str]:
    """The glossary's acronyms of ``min_len`` characters or more in capitals (once per store)."""

    def build() -> frozenset[str]:
        return frozenset(w for w in g.acronyms if len(w) >= min_len and w.isupper())

    store = doc.cache.get("store")
    return store.memo(f"terminology.caps-acronym-set-{min_len}", build) if store is not None else build()


def _capital_runs(doc: Document) -> set[str]:
    """The maximal runs of two capitals A-Z or more of a document, once per document."""
    got = doc.cache.get("terminology.capital-runs")
    if got is None:
        got = doc.cache["terminology.capital-runs"] = set(_CAPITALS_RE.findall(doc.text))
    return got


def _titled_acronyms(doc: Document, g: Glossary, min_len: int) -> set[str]:
    """The distinct ``_TITLE_WORD_RE`` matches of a document of ``min_len`` letters or more
    that are a glossary acronym in title case (``Jnim``). A match is made of letters, so it
    lies inside one maximal run of letters, marks and digits; its look-behind and look-ahead
    see either that run or a character that is no letter or digit. The runs are the tokens of
    ``doc.word_counts`` split at their joiners, so when the words are counted already the same
    pattern over those runs joined by NUL finds the same words; else the text is scanned.
    Either is scanned by the standard library's ``re`` where it can read the text
    (``_fast_runs``)."""
    title_word = _fast_runs().title_word if _fast_doc(doc) else _TITLE_WORD_RE
    if doc.computed("word_counts") is not None:
        # (the runs' characters are the text's and NUL, which lies in the first fast block)
        words = set(title_word.findall(joined_runs(doc)))
    else:
        words = set(title_word.findall(doc.text))
    acronyms = g.acronyms
    return {w for w in compress(words, map(acronyms.__contains__, map(str.upper, words))) if len(w) >= min_len}


def _title_words(text: str, words: set[str]) -> list[Any]:
    """The ``_TITLE_WORD_RE`` matches of ``text`` that are one of ``words``, in text order
    (what ``_TITLE_WORD_RE.finditer`` yields, filtered): each word is found with
    ``str.find`` and kept where the pattern matches there. Matches cannot overlap (one starts
    after no letter and holds only letters), so every place the pattern matches is one that
    ``finditer`` yields."""
    found = []
    match = _TITLE_WORD_RE.match
    for w in words:
        i = text.find(w)
        while i >= 0:
            m = match(text, i)
            if m is not None and m.end() == i + len(w):
                found.append((i, m))
            i = text.find(w, i + 1)
    found.sort(key=_FIRST_ITEM)
    return [m for _i, m in found]


_FIRST_ITEM = itemgetter(0)


# -- terminology.name-case ---------------------------------------------------------------------


def _name_case_index(g: Glossary) -> tuple[PhraseIndex, frozenset[str]]:
    # the body's own French name, spelt as it spells it (`Haute Autorité de santé`), has no
    # broken capitals even where English copy capitalises it otherwise
    exact = frozenset(f for e in g.entities for f in (*e.accepted, e.fr_name) if f)

    def build() -> PhraseIndex:
        canon: dict[str, str] = {}
        for e in g.entities:
            for form in (e.name, *e.variants):
                if (" " in form or "-" in form) and sum(c.isupper() for c in form) >= 2:
                    canon.setdefault(form.casefold(), form)
        return PhraseIndex((form, form) for form in canon.values())

    return _cached_index(g, "name-case", build, str, str), exact


def name_case(doc: Document, rule: Rule) -> Iterator[Finding]:
    """A glossary name with broken capitals: ``hydro-Québec``; ``Acled (Armed conflict location
    and event data)`` where the acronym's gloss must carry the name's capitals."""
    g = doc_glossary(doc)
    store = doc.cache.get("store")
    index, exact = store.memo("terminology.name-case", lambda: _name_case_index(g)) if store else _name_case_index(g)
    text = doc.text
    for start, end, right in index.finditer(text, phrase_words(doc, index)):
        found = text[start:end]
        if found == right or found.casefold() != right.casefold() or found in exact:
            continue
        ent = g.is_accepted(right)
        first = found.split()[0]
        broken_start = first[0].islower() and any(c.isupper() for c in first[1:])
        acr = ent.acronym if ent else ""
        glossed = bool(acr) and (
            _gloss_before_re(acr).search(text[max(0, start - 20) : start])
            or _gloss_after_re(acr).match(text[end : end + 20])
        )
        if not (broken_start or glossed or _mixed_case(found, right, g.places)) or found.isupper():
            continue
        # a compound glossary name that starts in lower case with a capital inside (hydro-Québec)
        # has one right form: that repair is safe; re-capitalising a gloss is a review
        safety = "safe" if broken_start and "-" in first and " " not in found else None
        yield rule.finding(start, end, right, message=f"{found!r} is written {right!r}.", safety=safety)


@lru_cache(maxsize=4096)
def _gloss_before_re(acr: str) -> regex.Pattern[str]:
    """``ACR (`` just before a name: the name glosses the acronym (compiled once per acronym)."""
    return regex.compile(r"(?i)" + regex.escape(acr) + r"\s*\($")


@lru_cache(maxsize=4096)
def _gloss_after_re(acr: str) -> regex.Pattern[str]:
    """`` (ACR)`` just after a name: the acronym glosses the name (compiled once per acronym)."""
    return regex.compile(r"\s*\(" + regex.escape(acr) + r"\)", regex.IGNORECASE)


def _mixed_case(found: str, right: str, places: set[str]) -> bool:
    """Whether a name of three or more common words starts in lower case and capitalises some
    of the others, where the glossary capitalises them all: ``ministry of Health and social
    Services``. A name wholly in lower case is a style choice; half and half is damage. Place
    names are capitalised anyway and say nothing; a phrase that starts with a capital (an
    Islamic state in the greater Sahara) is not this damage."""
    pairs = [
        (f, r) for f, r in zip(found.split(), right.split(), strict=False)
        if fold(r) not in CONNECTORS and r[:1].isupper() and r not in places
    ]
    if len(pairs) < 3 or pairs[0][0][:1].isupper():
        return False
    caps = [f[:1].isupper() for f, _r in pairs]
    return any(caps) and not all(caps)


def recognise(g: Glossary, text: str, threshold: float = 80.0, min_ratio: float = 85.0) -> list[NameMatch]:
    """Every glossary name recognised in ``text``, damaged or not (for tests and benchmarks)."""
    out = []
    for run in _runs(split_pieces(text, 0, g.words), text):
        out.extend(all_matches(g, run, text, threshold, min_ratio))
    return out
