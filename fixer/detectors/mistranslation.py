"""Mistranslation detectors: English words that are right as words and wrong in meaning.

* ``demonym``: ``Nigerian`` in an article about Niger (``Nigerien``), decided from what the
  sentence and the article name: the glossary's context words of each country (Niamey, Tiani
  versus Abuja, Tinubu) and the country of glossary entities (the FPL is from Niger).
* ``false_friend``: a table of French→English calques that native news copy does not use
  (``at the microphone of``, ``in orange vigilance``), in ``rules/lexicon/false-friends.toml``.
* ``number_calque``: French vigesimal numbers rendered word by word: ``eighty-ten`` (quatre-
  vingt-dix, 90), ``sixty-ten`` (soixante-dix, 70), ``four-twenty`` (quatre-vingts, 80).
"""

from __future__ import annotations

import re
import sys
from array import array
from collections.abc import Iterator
from functools import lru_cache
from itertools import chain
from typing import Any, NamedTuple

import regex

from ..document import Document
from ..glossary import _WORD_CHAR_RE, Glossary, _folded_forms, _non_ascii, doc_glossary, mentions
from ..lazypattern import lazy
from ..model import Finding, Rule

# -- mistranslation.demonym --------------------------------------------------------------------


def _country_evidence(g: Glossary, country: str) -> tuple[str, ...]:
    """Words that point at ``country``: its name, capital, context words, and the names of
    glossary entities based there (armed groups, juntas, leaders)."""
    words: list[str] = []
    for e in g.entities:
        if e.kind == "country" and e.name == country:
            words += [e.name, e.capital, *e.context, *e.variants]
            if e.demonym:
                words.append(e.demonym)
        elif e.country == country and e.kind != "country":
            words += [e.name, *([e.acronym] if e.acronym else [])]
    return tuple(dict.fromkeys(w for w in words if w))


def _count(doc: Document, words: tuple[str, ...], start: int = 0, end: int | None = None) -> int:
    """How many times the words occur in text[start:end] (whole words; phrases as written)."""
    whole = start == 0 and end is None
    text = doc.text if whole else doc.text[start:end]
    phrases, plain, other = _count_plan(words)
    n = sum(map(text.count, phrases))
    if whole:
        counts = doc.word_counts
        n += sum(counts.get(w, 0) for w in plain)
    else:
        other = plain + other
    return n + sum(len(_whole_word_re(w).findall(text)) for w in other)


@lru_cache(maxsize=1 << 8)
def _count_plan(words: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """``words`` sorted once per tuple (a country's evidence) for ``_count``: the phrases
    (counted as written), the plain words (looked up in the word counts) and the others."""
    phrases = tuple(w for w in words if " " in w)
    plain = tuple(w for w in words if " " not in w and _PLAIN_WORD.fullmatch(w))
    other = tuple(w for w in words if " " not in w and not _PLAIN_WORD.fullmatch(w))
    return phrases, plain, other


@lru_cache(maxsize=1 << 12)
def _whole_word_re(word: str) -> regex.Pattern[str]:
    """``word`` not inside a longer run of letters and digits, compiled once per word."""
    return regex.compile(r"(?<![\p{L}\p{N}])" + regex.escape(word) + r"(?![\p{L}\p{N}])")


_PLAIN_WORD = lazy(regex.compile, r"[\p{L}\p{M}\p{N}]+")


def _mentions(doc: Document, phrase: str) -> bool:
    """``mentions``, answered by one ``str`` search when the text does not hold the phrase:
    ``mentions`` finds a capitalised phrase as written (a word or a phrase of the text), so
    its absence from the text says no without the document's word counts."""
    if phrase[:1].isupper() and phrase not in doc.text:
        return False
    return mentions(doc, phrase)


def demonym(doc: Document, rule: Rule) -> Iterator[Finding]:
    g = doc_glossary(doc)
    pairs: list[list[str]] = rule.params.get("pairs", [])  # [wrong demonym, its country, right demonym, right country]
    text = doc.text
    for wrong, wrong_country, right, right_country in pairs:
        if not _mentions(doc, wrong):
            continue
        store = doc.cache.get("store")
        ev_right = _evidence(store, g, right_country)
        ev_wrong = tuple(w for w in _evidence(store, g, wrong_country) if w != wrong)
        right_total = _count_country(doc, ev_right, right_country, rule)
        wrong_total = _count_country(doc, ev_wrong, wrong_country, rule)
        ratio = float(rule.params.get("article_ratio", 3))
        minimum = int(rule.params.get("article_minimum", 3))
        if right_total <= wrong_total:
            continue  # the article is about the other country: no occurrence is reported
        # the bare country name is no local evidence: "Nigerian officials say the border
        # with Niger is open" is about Nigeria; Niamey, Tiani or a group based in Niger is
        ev_local = tuple(w for w in ev_right if w != right_country)
        for m in _demonym_re(wrong).finditer(text):
            s_start, s_end = _sentence_span(text, m.start())
            sentence = text[s_start:s_end]
            if _names_any(sentence, ev_wrong):
                continue  # the sentence names the other country
            local_right = _names_any(sentence, ev_local)
            # an article that writes the right demonym too knows the difference: only the
            # sentence's own evidence counts then
            article = (
                not mentions(doc, right)
                and right_total >= minimum
                and right_total >= ratio * max(wrong_total, 1)
            )
            # a headline kicker naming the right country ("Niger: the Nigerian junta
            # announces…") is that line's own evidence
            line_start = text.rfind("\n", 0, m.start()) + 1
            kicker = _kicker_re(right_country).match(text[line_start : m.start()]) is not None
            local_right = local_right or kicker
            if not (local_right or article):
                continue
            fixed = right + m.group()[len(wrong) :]
            why = "this sentence" if local_right else "this article"
            yield rule.finding(
                m.start(), m.end(), fixed,
                message=f"{m.group()} refers to {wrong_country}; {why} is about {right_country} ({fixed}).",
            )


@lru_cache(maxsize=1 << 8)
def _demonym_re(wrong: str) -> regex.Pattern[str]:
    """A demonym (or its plural) not inside a longer run of letters, compiled once per word."""
    return regex.compile(r"(?<![\p{L}])" + regex.escape(wrong) + r"s?(?![\p{L}])")


@lru_cache(maxsize=1 << 8)
def _kicker_re(country: str) -> regex.Pattern[str]:
    """A headline kicker naming ``country`` (``Niger:``), compiled once per country."""
    return regex.compile(regex.escape(country) + r"\s*:")


def _names_any(sentence: str, words: tuple[str, ...]) -> bool:
    """``_count(doc, words, start, end) > 0`` for ``sentence = doc.text[start:end]``: whether
    one of the words occurs in it (phrases as written, other words whole), decided by one
    search for all the single words (``_any_word_re``) instead of counting each."""
    phrases, single = _split_words(words)
    return any(p in sentence for p in phrases) or (single is not None and single.search(sentence) is not None)


@lru_cache(maxsize=1 << 8)
def _split_words(words: tuple[str, ...]) -> tuple[tuple[str, ...], regex.Pattern[str] | None]:
    """The phrases of ``words`` (holding a space: ``_count`` finds them as written) and one
    pattern that finds any of the others as a whole word, as ``_whole_word_re`` does for each:
    at a position where one alternative matches but its look-ahead fails, the search backtracks
    into the next alternative, so it matches wherever one of the words' patterns would.
    Compiled once per tuple of words (a country's evidence)."""
    phrases = tuple(w for w in words if " " in w)
    single = [w for w in words if " " not in w]
    if not single:
        return phrases, None
    alternatives = "|".join(regex.escape(w) for w in single)
    return phrases, regex.compile(r"(?<![\p{L}\p{N}])(?:" + alternatives + r")(?![\p{L}\p{N}])")


_SPACE_RE = lazy(regex.compile, r"\s")  # white space as ``SENTENCE_END_RE`` sees it


def _sentence_span(text: str, p: int) -> tuple[int, int]:
    """The span of the ``Document.sentences`` entry holding ``p``, a character other than
    white space, found near ``p`` instead of splitting the whole text.

    Sentences are what lies between the matches of ``SENTENCE_END_RE``, runs of white space
    only. A search that starts where no such run is cut (at ``p``, or at the start of a run of
    white space after another character) finds the same next match as the scan over the whole
    text. Every line break lies in a match, so the last match before ``p`` is the one holding
    the last line break before it, or one after that: scanning from the start of that break's
    run of white space up to ``p`` finds it."""
    from ..document import SENTENCE_END_RE

    newline = text.rfind("\n", 0, p)
    start = 0
    if newline >= 0:
        start = newline
        while start > 0 and _SPACE_RE.match(text, start - 1) is not None:
            start -= 1
    begin = 0
    for sep in SENTENCE_END_RE.finditer(text, start, p):
        begin = sep.end()
    after = SENTENCE_END_RE.search(text, p)
    return begin, after.start() if after is not None else len(text)


def _evidence(store: Any, g: Glossary, country: str) -> tuple[str, ...]:
    if store is None:
        return _country_evidence(g, country)
    return store.memo(f"demonym.evidence.{country}", lambda: _country_evidence(g, country))


def _count_country(doc: Document, words: tuple[str, ...], country: str, rule: Rule) -> int:
    n = _count(doc, words)
    # "Niger Delta", "Niger State", "River Niger": Nigeria's places, not the country Niger
    for phrase in rule.params.get("not_country", {}).get(country, []):
        n -= doc.text.count(phrase)
    return n


# -- mistranslation.false-friend ---------------------------------------------------------------


class _LazyPattern:
    """A pattern of the table compiled on its first search: an article asks for the few whose
    quick tests it passes, so a process that checks one article compiles only those (the whole
    table took ~40 ms of the first article's start-up). The quick tests themselves are kept
    in the disk cache (see ``_phrases``)."""

    __slots__ = ("_pat", "flags", "source")

    def __init__(self, source: str, flags: int) -> None:
        self.source, self.flags, self._pat = source, flags, None

    @property
    def compiled(self) -> regex.Pattern[str]:
        if self._pat is None:
            self._pat = regex.compile(self.source, self.flags)
        return self._pat

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        return self.compiled.finditer(text)


class _Phrase(NamedTuple):
    """A pattern of the table and the quick tests that tell most articles it cannot match."""

    pattern: _LazyPattern
    suggest: str | None
    note: str
    run: str | None  # the plain run every match holds (``_required_run``)
    alts: tuple[tuple[str, ...], ...]  # sets of plain strings of which every match holds one (``_alternatives``)
    word: bytes | None  # the same two tests in the words of the text (``_word_gate``)
    word_alts: tuple[tuple[bytes, ...], ...]
    run_bytes: bytes | None  # ``run`` and ``alts`` in ASCII bytes (see ``false_friend``)
    alts_bytes: tuple[tuple[bytes, ...], ...]
    whole: tuple[str, ...] | None  # words of which every match holds one whole (``_whole_need``)
    reach: tuple[int, int, int] | None  # how far a match reaches around its run (``_reach``)
    starts: tuple[bytes, ...] | None  # plain strings one of which every match starts with (``_starts``)


def _phrases(store: Any, name: str) -> list[_Phrase]:
    def build() -> list[_Phrase]:
        from ..diskcache import cached, digest

        specs = []
        for t in store.tables(name, "phrase"):
            flags = regex.IGNORECASE if t.get("ignore_case", True) else 0
            specs.append((str(t["pattern"]), flags, t.get("suggest"), str(t.get("note", ""))))
        # the quick tests depend on the patterns and their flags only (and on how ``regex`` and
        # Python's parser read them): kept on disk, so a new process parses no pattern
        key = digest(repr([(src, flags) for src, flags, _s, _n in specs]), str(getattr(regex, "__version__", "")),
                     sys.version, _GATES_VERSION)
        gates = cached("false-friend-gates", key, lambda: [_gates(src, flags) for src, flags, _s, _n in specs])
        return [
            _Phrase(_LazyPattern(src, flags), None if suggest is None else str(suggest), note, *gate)
            for (src, flags, suggest, note), gate in zip(specs, gates, strict=True)
        ]

    return store.memo(f"false-friends.gated:{name}", build)


# (part of the disk cache's key: changed when the quick tests drawn from a pattern change)
_GATES_VERSION = "whole-need, reach, starts"


def _gates(source: str, flags: int) -> tuple[Any, ...]:
    """The quick tests of one pattern, in ``_Phrase`` order after its note (plain values only,
    for the disk cache)."""
    pat = regex.compile(source, flags)
    run = _required_run(source, pat)
    alts = _alternatives(source, pat, around=True, most=_MAX_GATED_ALTERNATIVES)
    word, word_alts = _word_gate(run, alts, _required_words(source, pat))
    whole = _whole_need(source, pat)
    # (a pattern is indexed by its whole words unless searching the words for those ``_by_word``
    # would take instead costs less: ``retirement`` rather than ``of``)
    searched = (word,) if word is not None else max(word_alts, key=lambda alt: min(map(len, alt)), default=None)
    if whole is not None and searched:
        if len(searched) + _PICKED_COST * _presence([w.decode("ascii") for w in searched]) < _PICKED_COST * _presence(whole):
            whole = None
    return (
        run, alts, word, word_alts,
        None if run is None else run.encode("ascii"), tuple(tuple(a.encode("ascii") for a in alt) for alt in alts),
        whole, _reach(source, pat, run), _starts(source, pat),
    )


# Flags under which a literal of a pattern matches as ``str.lower`` compares it (see
# ``_required_run``); any other flag (full case folding, fuzzy matching, another version of
# the syntax) and the pattern is always searched.
_PLAIN_FLAGS = regex.V0 | regex.UNICODE | regex.IGNORECASE | regex.MULTILINE | regex.DOTALL
_RUN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ")


# the counts of a repeat: `{2}`, `{1,2}`, `{1,}`, `{,2}` (a digit in each)
_REPEAT_COUNT_RE = lazy(re.compile, r"\{(?:\d+(?:,\d*)?|,\d+)\}")
# a Unicode property (`\p{Lu}`, `\P{L}`), unknown to Python's parser: read as `\w`, another
# class of one character, in a class or out of one (no run of plain characters goes through it)
_PROPERTY_RE = lazy(re.compile, r"\\[pP]\{[\w=&.\- ]*\}")


def _parsed(source: str, pat: regex.Pattern[str]) -> Any:
    """The pattern as Python's own regular-expression parser reads it (private, but stable since
    3.11), or None when a quick test drawn from it would be unsound: a flag other than
    ``_PLAIN_FLAGS``, a ``{`` other than that of a counted repeat (``{1,2}``, which both
    parsers read alike; fuzzy matching, ``{e<=1}``, reads like a literal to it), or syntax of
    ``regex`` only. A Unicode property is read as ``\\w`` (see ``_PROPERTY_RE``)."""
    return _parse(source, pat.flags)


@lru_cache(maxsize=1 << 10)
def _parse(source: str, flags: int) -> Any:
    """``_parsed``, once per pattern (four quick tests read it; its items are only read)."""
    if "\\\\" not in source:  # (no escaped backslash, which could stand before a `p{`)
        source = _PROPERTY_RE.sub(r"\\w", source)
    if flags & ~_PLAIN_FLAGS or "{" in _REPEAT_COUNT_RE.sub("", source):
        return None
    try:
        from re import _parser

        return _parser.parse(source)
    except Exception:
        return None


def _required_run(source: str, pat: regex.Pattern[str]) -> str | None:
    """The longest run of plain characters (ASCII letters, digits, spaces) that every match of
    the pattern contains, lower-cased, for a quick ``in`` test before the search; None when
    there is none or when unsure.

    The items of the parsed pattern's top level (and of a group there, matched once) are
    matched one after the other, so a run of plain literal items among them is in every match
    (``\\bat the microphone of\\b`` → ``at the microphone of``; in ``manifestations?`` the
    optional ``s`` ends the run; the parser moves the common start of alternatives out:
    ``(?:minister|ministry)`` → ``minist``)."""
    items = _parsed(source, pat)
    return None if items is None else (_longest_run(items) or None)


def _longest_run(items: Any) -> str:
    """``_required_run`` of a sequence of parsed items ('' for none)."""
    from re import _constants

    runs = [""]

    def walk(items: Any) -> None:
        for op, arg in items:
            if op is _constants.LITERAL and chr(arg) in _RUN_CHARS:
                runs[-1] += chr(arg)
            elif op is _constants.SUBPATTERN and not arg[1] and not arg[2]:
                walk(arg[3])  # a group without flags of its own: its items are in line
            else:
                runs.append("")

    walk(items)
    best = max(runs, key=len)
    return best.lower() if len(best.replace(" ", "")) >= 3 else ""


_MAX_ALTERNATIVES = 4
# (the gates of ``_phrases`` test a set's words in the article's words first, which is cheap)
_MAX_GATED_ALTERNATIVES = 8


def _alternatives(
    source: str, pat: regex.Pattern[str], *, around: bool = False, most: int = _MAX_ALTERNATIVES
) -> tuple[tuple[str, ...], ...]:
    """Sets of plain strings (lower-cased) of which every match of the pattern holds one, for
    quick ``in`` tests beside ``_required_run``'s: the alternatives of a choice matched once
    (``a (?:dozen|hundred|thousand)s? of`` holds dozen, hundred or thousand) when each holds a
    run of its own, and what a look-ahead or look-behind that must match holds (``day(?= of
    (?:Ligue 1|...))``): a pattern with no run of its own, or a common one, is searched only
    in articles that can hold a match.

    With ``around``, a choice between plain words takes the plain characters around it too: the
    items of a sequence (groups matched once in line) are matched one after the other, so ``the
    (?:municipal|legislative)s`` holds `` municipals`` or `` legislatives``. At most ``most``
    alternatives in a set."""
    items = _parsed(source, pat)
    if items is None:
        return ()
    from re import _constants

    out: list[tuple[str, ...]] = []

    def plain(op: Any, arg: Any) -> bool:
        return op is _constants.LITERAL and chr(arg) in _RUN_CHARS

    def walk(items: Any) -> None:
        seq = _in_line(items)
        for k, (op, arg) in enumerate(seq):
            if op is _constants.ASSERT:  # (a positive look-around: its text is in the article)
                walk(arg[1])
                run = _longest_run(arg[1])
                if run:
                    out.append((run,))
            elif op is _constants.BRANCH:
                alts = [_longest_run(alt) for alt in arg[1]]
                words = [_in_line(alt) for alt in arg[1]] if around else []
                if words and all(w and all(plain(*it) for it in w) for w in words):
                    j = k
                    while j > 0 and plain(*seq[j - 1]):
                        j -= 1
                    e = k + 1
                    while e < len(seq) and plain(*seq[e]):
                        e += 1
                    before = "".join(chr(a) for _o, a in seq[j:k])
                    after = "".join(chr(a) for _o, a in seq[k + 1 : e])
                    whole = [(before + "".join(chr(a) for _o, a in w) + after).lower() for w in words]
                    alts = [x if len(x.replace(" ", "")) >= 3 else "" for x in whole]
                # (a few: testing many costs more than the search they may spare)
                if all(alts) and len(set(alts)) <= most:
                    out.append(tuple(dict.fromkeys(alts)))

    walk(items)
    return tuple(dict.fromkeys(out))


# (a reach beyond this is as good as none: the windows would cover most of an article)
_MAX_REACH = 400


def _reach(source: str, pat: regex.Pattern[str], run: str | None) -> tuple[int, int, int] | None:
    """How far a match reaches around the run every match holds (``_required_run``): at most
    how many characters it holds before the run and after it, and how far past a position of
    the match a look-around may look; None when any is unbounded (or over ``_MAX_REACH``), or
    no run. Then every match lies within that reach of an occurrence of the run, and only
    there is it searched for (``_windowed``)."""
    items = None if run is None else _parsed(source, pat)
    if items is None:
        return None
    from re import _constants, _parser

    seq = _in_line(items)

    def plain(k: int) -> bool:
        return seq[k][0] is _constants.LITERAL and chr(seq[k][1]) in _RUN_CHARS

    runs: list[tuple[int, int]] = []  # (the plain runs of the top level, as ``_longest_run`` sees them)
    k = 0
    while k < len(seq):
        e = k
        while e < len(seq) and plain(e):
            e += 1
        if e > k:
            runs.append((k, e))
        k = e + 1 if e == k else e
    if not runs:
        return None
    start, end = max(runs, key=lambda r: r[1] - r[0])  # (the first longest, as ``_longest_run`` takes)
    if "".join(chr(a) for _op, a in seq[start:end]).lower() != run:
        return None
    before = _parser.SubPattern(items.state, seq[:start]).getwidth()[1]
    after = _parser.SubPattern(items.state, seq[end:]).getwidth()[1]
    look = _look_reach(items)
    return None if max(before, after, look) > _MAX_REACH else (before, after, look)


def _look_reach(items: Any) -> int:
    """How far past the position where it stands a look-around of the parsed items may look
    (look-arounds inside look-arounds add up): the widths ``getwidth`` leaves out."""
    from re import _constants

    most = 0
    for op, arg in items:
        if op in (_constants.ASSERT, _constants.ASSERT_NOT):
            most = max(most, arg[1].getwidth()[1] + _look_reach(arg[1]))
        elif op is _constants.SUBPATTERN:
            most = max(most, _look_reach(arg[3]))
        elif op is _constants.BRANCH:
            most = max([most, *map(_look_reach, arg[1])])
        elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT):
            most = max(most, _look_reach(arg[2]))
        elif op in (_constants.GROUPREF_EXISTS, _constants.ATOMIC_GROUP) or op not in _SIMPLE_OPS:
            return _MAX_REACH + 1  # (unsure: no windows)
    return most


def _simple_ops() -> frozenset[Any]:
    from re import _constants

    return frozenset({_constants.LITERAL, _constants.NOT_LITERAL, _constants.IN, _constants.ANY, _constants.AT,
                      _constants.CATEGORY, _constants.RANGE, _constants.NEGATE})


_SIMPLE_OPS = _simple_ops()


# (more starts than this, or a start of fewer than three letters or figures, and the places
# to try may outnumber what one search of the text costs)
_MAX_STARTS = 8


def _starts(source: str, pat: regex.Pattern[str]) -> tuple[bytes, ...] | None:
    """Plain strings (ASCII bytes, lower-cased) one of which every match of the pattern starts
    with, or None: where a pattern without a bounded reach (``\\d+``, a look-behind first) can
    match is then found by a few ``bytes.find`` instead of trying it at every position of the
    text (``_started``). ``(?<=\\btwo )(?:billion|million)`` starts with billion or million,
    ``\\bsince (\\d+|two)`` with ``since ``."""
    items = _parsed(source, pat)
    found = None if items is None else _starts_of(_in_line(items))
    if not found or len(set(found)) > _MAX_STARTS or any(len(s.replace(" ", "")) < 3 for s in found):
        return None
    return tuple(s.encode("ascii") for s in dict.fromkeys(found))


def _starts_of(seq: list[tuple[Any, Any]]) -> list[str] | None:
    """``_starts`` of a sequence of parsed items (put in line): past the items that match no
    character (word boundaries, look-arounds), the run of plain characters there, or the starts
    of each alternative of a choice, or those of a repeat matched at least once; None when
    unsure."""
    from re import _constants

    k = 0
    while k < len(seq) and seq[k][0] in (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT):
        k += 1
    if k == len(seq):
        return None
    op, arg = seq[k]
    if op is _constants.LITERAL and chr(arg) in _RUN_CHARS:
        run = ""
        while k < len(seq) and seq[k][0] is _constants.LITERAL and chr(seq[k][1]) in _RUN_CHARS:
            run += chr(seq[k][1])
            k += 1
        return [run.lower()]
    if op is _constants.BRANCH:
        out: list[str] = []
        for alt in arg[1]:
            got = _starts_of(_in_line(alt))
            if not got:
                return None
            out += got
        return out
    if op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT) and arg[0] >= 1:
        return _starts_of(_in_line(arg[2]))
    return None


def _started(pat: regex.Pattern[str], text: str, low: bytes, starts: tuple[bytes, ...]) -> list[regex.Match[str]]:
    """``list(pat.finditer(text))``, the pattern matched only where one of ``starts`` stands in
    ``low`` (``text``'s ASCII bytes lowered, one byte a character).

    Every match starts with one of them (``_starts``): as a plain character matches only its
    own cases when the text holds no case partner (``_low_bytes``), the lowered text holds it
    there. ``finditer`` takes the first position where the pattern matches, then goes on from
    the end of that match; trying the places in order, those before the last match's end
    skipped, does the same (a match at one place is the one a search finds there: it sees the
    text before it, for look-behinds and word boundaries, as the search does)."""
    places: set[int] = set()
    for s in starts:
        i = low.find(s)
        while i >= 0:
            places.add(i)
            i = low.find(s, i + 1)
    found: list[regex.Match[str]] = []
    end = 0
    for p in sorted(places):
        if p < end:
            continue
        m = pat.match(text, p)
        if m is not None:
            found.append(m)
            end = m.end()
    return found


def _windowed(pat: regex.Pattern[str], text: str, low: bytes, run: bytes, first: int,
              reach: tuple[int, int, int]) -> list[regex.Match[str]] | None:
    """``list(pat.finditer(text))`` searched only around the occurrences of ``run`` in ``low``
    (``text``'s ASCII bytes lowered, one byte a character; ``first`` the first occurrence),
    or None when a window cannot tell (then the caller searches the text).

    Every match holds the run (``_required_run``) with at most ``before`` characters before
    it and ``after`` after it (``_reach``), so each lies in the window of one occurrence; the
    windows that overlap are merged, and no match starts between two of them, so ``finditer``
    over the text finds, window after window, what a search from each window's start finds.
    Such a search sees the text before its start (look-behinds, word boundaries); past its end
    it sees nothing, so it ends ``look`` + 2 characters past the window, and a match that ends
    so near the end that a look-around may have met it is not trusted."""
    before, after, look = reach
    size = len(run)
    windows: list[list[int]] = []
    i = first
    while i >= 0:
        a, b = i - before, i + size + after
        if windows and a <= windows[-1][1]:
            windows[-1][1] = b
        else:
            windows.append([max(0, a), b])
        i = low.find(run, i + 1)
    found: list[regex.Match[str]] = []
    n = len(text)
    for a, b in windows:
        end = b + look + 2
        if end >= n:
            found += pat.finditer(text, a)
            break  # (to the end of the text: through the windows after this one too)
        for m in pat.finditer(text, a, end):
            if m.end() + look + 1 >= end:
                return None
            found.append(m)
    return found


def _in_line(items: Any) -> list[tuple[Any, Any]]:
    """The parsed items of a sequence with its groups matched once (no flags of their own) put
    in line: all are matched one after the other."""
    from re import _constants

    out: list[tuple[Any, Any]] = []
    for op, arg in items:
        if op is _constants.SUBPATTERN and not arg[1] and not arg[2]:
            out += _in_line(arg[3])
        else:
            out.append((op, arg))
    return out


_PIECE_RE = lazy(re.compile, r"[a-z0-9]+")
_WHOLE_RE = lazy(re.compile, r"[A-Za-z0-9]+")


def _whole_need(source: str, pat: regex.Pattern[str]) -> tuple[str, ...] | None:
    """Words (runs of ASCII letters and figures, lower-cased) of which every match of the
    pattern holds one whole, the rarest such set: no letter nor figure stands beside the word
    in the text, so it is one of the article's whole words (``_whole_words``) and a set tells,
    without a search. None when there is none (see ``_needs``)."""
    items = _parsed(source, pat)
    if items is None:
        return None
    needs = _needs(_in_line(items))
    return min(needs, key=_need_order) if needs else None


def _need_order(need: tuple[str, ...]) -> tuple[float, tuple[str, ...]]:
    """The rarest set first: the sum of its words' frequencies in English (``zipf_en``): ``of``
    is in every article, ``transition`` in few."""
    return sum(map(_rarity, need)), need


def _needs(seq: list[tuple[Any, Any]], depth: int = 2) -> list[tuple[str, ...]]:
    """The sets of words of which every match of a parsed sequence holds one whole (see
    ``_whole_need``). A run of plain characters (see ``_longest_run``) holds whole the words
    between two of its spaces, and those at an end of the run where the pattern puts a
    character that is no letter nor figure (``_bounded``), or a plain ending that may be
    left out before one (``manifestations?``: manifestation or manifestations); a choice
    whose every alternative is plain holds one of the words of each, read with the plain
    characters around the choice; another choice, a set from the sequence with each of its
    alternatives put in its place (``\\b(?:a of b|c d)\\b``: one of b's set or one of c's or d's),
    ``depth`` choices deep."""
    from re import _constants

    needs: list[tuple[str, ...]] = []

    def plain(op: Any, arg: Any) -> bool:
        return op is _constants.LITERAL and chr(arg) in _RUN_CHARS

    def text(items: list[tuple[Any, Any]]) -> str:
        return "".join(chr(a) for _op, a in items)

    def pieces(run: str, left: bool, endings: tuple[str, ...]) -> list[tuple[str, ...]]:
        out = []
        for m in _WHOLE_RE.finditer(run):
            if m.start() > 0 or left:
                w = m.group().lower()
                if m.end() < len(run):
                    out.append((w,))
                elif endings:
                    out.append(tuple(w + end for end in endings))
        return out

    k = 0
    while k < len(seq):
        op, arg = seq[k]
        if plain(op, arg):
            e = k
            while e < len(seq) and plain(*seq[e]):
                e += 1
            needs += pieces(text(seq[k:e]), _bounded(seq, k, -1), _endings(seq, e))
            k = e
            continue
        if op is _constants.BRANCH:
            alts = [_in_line(alt) for alt in arg[1]]
            if all(all(plain(*it) for it in alt) for alt in alts):
                # with the plain characters around the choice (``the (?:municipal|cantonal)s``)
                j, e = k, k + 1
                while j > 0 and plain(*seq[j - 1]):
                    j -= 1
                while e < len(seq) and plain(*seq[e]):
                    e += 1
                before, after = text(seq[j:k]), text(seq[k + 1 : e])
                left, endings = _bounded(seq, j, -1), _endings(seq, e)
                found = [pieces(before + text(alt) + after, left, endings) for alt in alts]
            elif depth > 0:
                found = [_needs(seq[:k] + alt + seq[k + 1 :], depth - 1) for alt in alts]
            else:
                found = []
            if found and all(found):
                needs.append(tuple(dict.fromkeys(chain.from_iterable(min(f, key=_need_order) for f in found))))
        k += 1
    return needs


def _endings(seq: list[tuple[Any, Any]], e: int) -> tuple[str, ...]:
    """What may stand between a run that ends before item ``e`` and a character that is no
    letter nor figure (``_bounded``): nothing (``("",)``), or nothing or the plain letters of
    an optional item there (``s?``: ``("", "s")``); none (``()``) when unsure."""
    from re import _constants

    if _bounded(seq, e, 1):
        return ("",)
    if e < len(seq) and seq[e][0] is _constants.MAX_REPEAT and seq[e][1][:2] == (0, 1):
        sub = _in_line(seq[e][1][2])
        if sub and all(op is _constants.LITERAL and chr(a).isascii() and chr(a).isalnum() for op, a in sub):
            if _bounded(seq, e + 1, 1):
                return ("", "".join(chr(a) for _op, a in sub).lower())
    return ()


# What a pattern let through the index costs (its quick tests in Python), in searches of the
# article's words (``_gates``); and the frequency in English (per billion words) of a word
# that a news article of some 500 words holds about once in two.
_PICKED_COST = 3.0
_COMMON = 2e6


def _presence(words: Any) -> float:
    """About how likely a news article is to hold one of ``words``."""
    return min(1.0, sum(map(_rarity, words)) / _COMMON)


def _rarity(word: str) -> float:
    """How often ``word`` occurs in English text (per billion words, from ``zipf_en``)."""
    from ..lexicon import zipf_en

    return 10 ** zipf_en(word)


def _bounded(seq: list[tuple[Any, Any]], k: int, step: int) -> bool:
    """Whether the character just before item ``k`` of a sequence (``step`` -1), or the one at
    item ``k`` (``step`` 1), is always one that is no letter nor figure, given that a letter or
    a figure stands on the other side: a word boundary, an ASCII literal that is none (a
    space) or a class of such, a repeat or a choice each of whose matches starts (or ends) with one (a repeat that
    may match nothing: the item beyond it tells), a look-behind (look-ahead) that ends (starts)
    with one; other look-arounds match nothing and are skipped."""
    from re import _constants

    j = k - 1 if step < 0 else k
    while 0 <= j < len(seq):
        op, arg = seq[j]
        if op is _constants.AT:
            return arg is _constants.AT_BOUNDARY
        if op is _constants.LITERAL:
            return _not_word(arg)
        if op is _constants.IN:
            return _class_not_word(arg)
        if op in (_constants.ASSERT, _constants.ASSERT_NOT):
            if op is _constants.ASSERT and (arg[0] < 0) == (step < 0) and _edge_not_word(arg[1], step):
                return True
        elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT):
            if not _edge_not_word(arg[2], step):
                return False
            if arg[0] >= 1:
                return True
        elif op is _constants.BRANCH:
            return all(_edge_not_word(alt, step) for alt in arg[1])
        else:
            return False
        j += step
    return False


def _not_word(code: int) -> bool:
    """Whether a literal is an ASCII character that is no letter nor figure (case-insensitive
    matching pairs it with itself alone)."""
    return code < 128 and not chr(code).isalnum()


def _edge_not_word(items: Any, step: int) -> bool:
    """Whether every match of the parsed items ends (``step`` -1) or starts (1) with a
    character that is no letter nor figure."""
    from re import _constants

    seq = _in_line(items)
    if not seq:
        return False
    op, arg = seq[-1] if step < 0 else seq[0]
    if op is _constants.LITERAL:
        return _not_word(arg)
    if op is _constants.IN:
        return _class_not_word(arg)
    if op is _constants.BRANCH:
        return all(_edge_not_word(alt, step) for alt in arg[1])
    return False


def _class_not_word(items: Any) -> bool:
    """Whether a parsed character class (``[- ]``) holds only ASCII characters that are no
    letters nor figures."""
    from re import _constants

    return bool(items) and all(op is _constants.LITERAL and _not_word(a) for op, a in items)


def _word_gate(
    run: str | None, alts: tuple[tuple[str, ...], ...], required: tuple[str, ...]
) -> tuple[bytes | None, tuple[tuple[bytes, ...], ...]]:
    """``run``, ``alts`` and ``required`` as tests of pieces of words (indexed by ``_by_word``,
    looked for in ``_low_bytes``): the longest piece of letters and figures of the run, or
    else the longest of the pieces every
    match holds (``_required_words``, four characters at least: shorter ones tell little);
    then the sets of alternatives' pieces, of which every match holds one, and the other
    required pieces, each a set of one."""
    def piece(s: str, but: bytes | None = None) -> bytes:
        found = [p.encode("ascii") for p in _PIECE_RE.findall(s)]
        return max([p for p in found if p != but] or found, key=len)

    words = [w.encode("ascii") for w in required if len(w) >= 4]
    word = piece(run) if run is not None else max(words, key=len) if words else None
    # (an alternative's piece other than the word, which is looked for already)
    sets = [tuple(dict.fromkeys(piece(a, word) for a in alt)) for alt in alts]
    sets += [(w,) for w in words if w != word and (w,) not in sets]
    return word, tuple(sets)


def _required_words(source: str, pat: regex.Pattern[str]) -> tuple[str, ...]:
    """The pieces of letters and figures (lower-cased, in the pattern's order) that every match
    of the pattern holds, wherever they are: those of its runs of plain characters matched once
    (in line, in a look-around that must match, in a repeat matched at least once), and those
    that every alternative of a choice holds (``(?:days? of dead city|dead[- ]city days?)``
    holds dead and city, which neither ``_required_run`` nor ``_alternatives`` tells)."""
    items = _parsed(source, pat)
    return () if items is None else _required_in(items)


def _required_in(items: Any) -> tuple[str, ...]:
    from re import _constants

    out: dict[str, None] = {}
    run = ""
    for op, arg in [*_in_line(items), (None, None)]:
        if op is _constants.LITERAL and chr(arg) in _RUN_CHARS:
            run += chr(arg)
            continue
        out.update(dict.fromkeys(p.lower() for p in _WHOLE_RE.findall(run)))
        run = ""
        if op is _constants.BRANCH:
            first, *others = (_required_in(alt) for alt in arg[1])
            out.update(dict.fromkeys(w for w in first if all(w in o for o in others)))
        elif op is _constants.ASSERT:  # (a positive look-around: its text is in the article)
            out.update(dict.fromkeys(_required_in(arg[1])))
        elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT) and arg[0] >= 1:
            out.update(dict.fromkeys(_required_in(arg[2])))
    return tuple(out)


@lru_cache(maxsize=1)
def _case_strangers() -> str:
    """The characters that case-insensitive ``regex`` matches with a plain character but whose
    ``str.lower`` is not it (``ſ`` for s, ``İ`` for i), found by asking ``regex`` itself once
    (~50 ms over all of Unicode, so the answer is kept in the disk cache for each version of
    ``regex`` and of Python's Unicode tables)."""
    import unicodedata

    from ..diskcache import cached, digest

    key = digest(str(getattr(regex, "__version__", "")), unicodedata.unidata_version)
    return cached("case-strangers", key, _find_case_strangers)


@lru_cache(maxsize=1)
def _case_strangers_re() -> regex.Pattern[str]:
    """``_case_strangers`` as one character class, for when they are many."""
    strangers = _case_strangers()
    return regex.compile("[" + "".join(map(regex.escape, strangers)) + "]" if strangers else r"(?!)")


def _has_stranger(text: str) -> bool:
    """Whether ``text`` holds one of ``_case_strangers``: a ``str`` search for each when they
    are few (two in current Unicode: each search runs at memory speed), else one regex search."""
    strangers = _case_strangers()
    if len(strangers) <= 8:
        return any(c in text for c in strangers)
    return _case_strangers_re().search(text) is not None


@lru_cache(maxsize=1)
def _case_partners() -> str:
    """Every character outside ASCII that case-insensitive ``regex`` matches with a plain
    character: the strangers, and those whose lower case is the plain character (the Kelvin sign
    for k). Found by asking ``regex`` once, kept in the disk cache like ``_case_strangers``."""
    import unicodedata

    from ..diskcache import cached, digest

    key = digest(str(getattr(regex, "__version__", "")), unicodedata.unidata_version)
    return cached("case-partners", key, lambda: "".join(_find_case_partners()))


def _find_case_partners() -> list[str]:
    codes = array("I", range(0x80, 0xD800)) + array("I", range(0xE000, 0x110000))
    if codes.itemsize == 4:  # every non-ASCII character, decoded in C
        chars = codes.tobytes().decode("utf-32-le" if sys.byteorder == "little" else "utf-32-be")
    else:
        chars = "".join(map(chr, codes))
    return regex.findall(r"[a-z0-9 ]", chars, regex.IGNORECASE)


def _find_case_strangers() -> str:
    others = _find_case_partners()
    strangers = [
        c
        for c in others
        if any(regex.fullmatch(regex.escape(a), c, regex.IGNORECASE) and c.lower() != a.lower() for a in _RUN_CHARS)
    ]
    return "".join(strangers)


def _lowered(doc: Document) -> str | None:
    """The document in lower case, for quick ``in`` tests of plain words before a
    case-insensitive search; None when it holds one of the rare strangers (then no quick test
    is sound). Every character a case-insensitive match pairs with a plain character lowers to
    that character's lower case, so a plain word a match needs is in the lowered text."""
    key = "mistranslation.lowered"
    if key not in doc.cache:
        text = doc.text
        doc.cache[key] = None if _has_stranger(text) else text.lower()
    return doc.cache[key]


def _whole_words(low: bytes) -> frozenset[str]:
    """The runs of ASCII letters and figures of ``_low_bytes`` (where each character outside
    ASCII is a ``?``): a run of them in the text with no letter nor figure beside it is one of
    these (see ``_whole_need``)."""
    return frozenset(low.translate(_NOT_WORD_TO_SPACE).decode("ascii").split())


def _doc_whole_words(doc: Document, low: bytes) -> frozenset[str]:
    """``_whole_words(low)``, or a set that serves as well where the glossary rules make it
    anyway: the folds of the text's runs of letters, marks and figures
    (``glossary._folded_forms``, which the terminology rules read in every article).

    Why sound: the words ``_whole_need`` gives are runs of ASCII letters and figures (with no
    case partner in the text, see ``_low_bytes``) beside which a match puts a space (an ASCII
    character that is no letter nor figure) or a word boundary (a character that is no ``\\w``
    of ``regex``). When the text holds no letter, mark nor figure that is no ``\\w`` (``²``,
    ``½``: ``_odd_word_char``), neither is a letter, mark nor figure, so the word is a whole
    run of them, and its fold is its lower case: one of the folded runs. (Other runs, such as
    ``quebec``, are in that set too: a set holding more words spares fewer searches, nothing
    else.)"""
    if any(map(_odd_word_char, _non_ascii(doc))):
        return _whole_words(low)
    return _folded_forms(doc)


@lru_cache(maxsize=1 << 12)
def _odd_word_char(c: str) -> bool:
    """Whether ``c`` is a letter, a mark or a figure (a character of the glossary's words) that
    is no ``\\w`` of ``regex`` (``²``, ``½``)."""
    return _WORD_CHAR_RE.match(c) is not None and _W_RE.match(c) is None


_W_RE = lazy(regex.compile, r"\w")
# every byte but the lower-case ASCII letters and the figures as a space (``_low_bytes`` is lowered)
_NOT_WORD_TO_SPACE = bytes(c if 97 <= c <= 122 or 48 <= c <= 57 else 32 for c in range(256))


def _low_bytes(doc: Document) -> bytes | None:
    """The text's ASCII bytes in lower case, each character outside ASCII as one ``?`` (one
    byte a character, so offsets are the text's), when a rule has counted the words already
    (``doc.word_counts``: a full check) and the text holds no case partner; else None (then the
    lowered text tells). The quick tests of ``false_friend`` and ``number_calque`` look there
    for runs and for pieces of words alike: one translation of the text, where the pieces were
    looked for in the distinct words joined (a third shorter, but a join of every word and a
    second encoding to make, where only a few searches are made).

    Why sound: a piece of letters and figures that a match of a plain pattern holds is made of
    characters that ``regex`` matches case-insensitively with ASCII letters and figures; when the
    text holds no such character outside ASCII (``_case_partners``), they are ASCII letters and
    figures, and the piece, lowered, is in these bytes."""
    key = "mistranslation.low"
    if key not in doc.cache:
        doc.cache[key] = (
            None if doc.computed("word_counts") is None or not _partner_set().isdisjoint(_non_ascii(doc))
            else doc.text.encode("ascii", "replace").lower()
        )
    return doc.cache[key]


@lru_cache(maxsize=1)
def _partner_set() -> frozenset[str]:
    """``_case_partners`` as a set: a document holds one when one is among its distinct
    characters beyond ASCII (``glossary._non_ascii``, which the glossary rules read in every
    article), a set probe per such character instead of a search of the text per partner."""
    return frozenset(_case_partners())


def _by_word(store: Any, name: str) -> tuple[dict[str, list[int]], dict[bytes, list[int]], list[int]]:
    """The indices of the patterns of ``_phrases`` by the words of the text they need: by the
    words of which each holds one whole (``_whole_need``, looked up in ``_whole_words``); else by its word
    (``_word_gate``), or, for a pattern with none, each word of its set of alternatives whose
    words are the longest (one of them is needed), searched in the lowered text (``_low_bytes``); and the indices of
    the other patterns."""
    def build() -> tuple[dict[str, list[int]], dict[bytes, list[int]], list[int]]:
        by_whole: dict[str, list[int]] = {}
        by_word: dict[bytes, list[int]] = {}
        others: list[int] = []
        for i, phrase in enumerate(_phrases(store, name)):
            if phrase.whole is not None:
                for word in phrase.whole:
                    by_whole.setdefault(word, []).append(i)
                continue
            if phrase.word is not None:
                needs: tuple[bytes, ...] = (phrase.word,)
            elif phrase.word_alts:
                needs = max(phrase.word_alts, key=lambda alt: min(map(len, alt)))
            else:
                others.append(i)
                continue
            for word in needs:
                by_word.setdefault(word, []).append(i)
        return by_whole, by_word, others

    return store.memo(f"false-friends.by-word:{name}", build)


def false_friend(doc: Document, rule: Rule) -> Iterator[Finding]:
    store = doc.cache.get("store")
    if store is None:
        from ..data import DataStore

        store = doc.cache["store"] = DataStore()
    name = str(rule.params.get("table", "lexicon/false-friends.toml"))
    text = doc.text
    # A pattern whose required run, or none of whose alternatives, is in the lower-cased text
    # cannot match: with the words counted and no case partner in the text (see
    # ``_low_bytes``), the text's ASCII bytes lowered tell (each other character is one ``?``),
    # several times quicker to make than the lowered text.
    low = _low_bytes(doc)
    phrases = _phrases(store, name)
    if low is not None:
        # the patterns whose word is in the text, and those without one, in the table's order:
        # one search of the text for each distinct word (in C), not one Python step per pattern
        by_whole, by_word, others = _by_word(store, name)
        whole = _doc_whole_words(doc, low)
        picked = {
            *others,
            *chain.from_iterable(map(by_whole.__getitem__, filter(whole.__contains__, by_whole))),
            *chain.from_iterable(map(by_word.__getitem__, filter(low.__contains__, by_word))),
        }
        phrases = [phrases[i] for i in sorted(picked)]
    lowered: str | bool | None = False  # (False: not made yet)
    for pat, suggest, note, run, alts, _word, word_alts, run_bytes, alts_bytes, _whole, reach, starts in phrases:
        found = None
        if low is not None:
            # the runs first (they turn away most of the patterns the index lets through; the
            # run's first place is wanted anyway)
            first = -1
            if run_bytes is not None:
                first = low.find(run_bytes)
                if first < 0:
                    continue
            if alts_bytes and not all(any(a in low for a in alt) for alt in alts_bytes):
                continue
            if word_alts and not all(any(w in low for w in alt) for alt in word_alts):
                continue
            if reach is not None and first >= 0:
                # searched only around the run (see ``_windowed``)
                found = _windowed(pat.compiled, text, low, run_bytes, first, reach)
            if found is None and starts is not None:
                # matched only where a match may start (see ``_started``)
                found = _started(pat.compiled, text, low, starts)
        elif run is not None or alts:
            if lowered is False:
                lowered = _lowered(doc)
            if lowered is not None:
                if run is not None and run not in lowered:
                    continue
                if alts and not all(any(a in lowered for a in alt) for alt in alts):
                    continue
        for m in pat.finditer(text) if found is None else found:
            replacement = None
            if suggest is not None:
                replacement = _keep_case(m.group(), m.expand(suggest))
            msg = f"{m.group()!r}: {note}" if note else None
            yield rule.finding(m.start(), m.end(), replacement, message=msg)


def _keep_case(found: str, replacement: str) -> str:
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


# -- mistranslation.number-calque --------------------------------------------------------------

_UNITS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TENS = {70: "seventy", 80: "eighty", 90: "ninety"}
_ONES = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}

_SEP = r"(?:\s*[-–—]\s*|\s+and\s+|-and-|\s+)"
_NUMBER_RE = lazy(regex.compile,
    r"(?<![\p{L}-])(?P<head>sixty|eighty|four[-\s]twenty)"
    + _SEP
    + r"(?P<tail>ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?![\p{L}-])"
    + r"|(?<![\p{L}-])(?P<fourtwenty>four-twenty|four\s*[–—]\s*twenty)(?:"
    + _SEP
    + r"(?P<unit>one|two|three|four|five|six|seven|eight|nine))?(?![\p{L}-])",
    regex.IGNORECASE,
)


def _words(n: int) -> str:
    tens, ones = divmod(n, 10)
    word = _TENS[tens * 10]
    return f"{word}-{_ONES[ones]}" if ones else word


def number_calque(doc: Document, rule: Rule) -> Iterator[Finding]:
    text = doc.text
    # every match holds sixty, eighty, or four and twenty (see ``_NUMBER_RE``), in the lowered
    # bytes (see ``_low_bytes``)
    low = _low_bytes(doc)
    if low is not None:
        if not (b"sixty" in low or b"eighty" in low or (b"four" in low and b"twenty" in low)):
            return
    elif (lowered := _lowered(doc)) is not None and not (
        "sixty" in lowered or "eighty" in lowered or ("four" in lowered and "twenty" in lowered)
    ):
        return
    for m in _NUMBER_RE.finditer(text):
        # The pattern is case-insensitive, so it also matches spellings the tables do not hold
        # (`ſixty`, whose ſ folds to s; `four\ttwenty`): those are skipped, not looked up blindly.
        if m.group("head"):
            head = regex.sub(r"[-\s]+", "-", m.group("head").lower())
            base = {"sixty": 60, "eighty": 80, "four-twenty": 80}.get(head)
            unit = _UNITS.get(m.group("tail").lower())
            if base is None or unit is None:
                continue
            value = base + unit
        else:
            # bare "four-twenty" is also a time of day (4:20) and a slang term: only before a noun
            after = text[m.end() : m.end() + 30]
            if m.group("unit") is None and not regex.match(r"\s+(?:[a-z]+\s+)?[a-z]+s\b", after):
                continue
            if regex.search(r"(?i)\b(at|past|to)\s*$", text[max(0, m.start() - 10) : m.start()]):
                continue
            small = _SMALL.get(m.group("unit").lower()) if m.group("unit") else 0
            if small is None:
                continue
            value = 80 + small
        if value >= 100:
            continue
        yield rule.finding(
            m.start(), m.end(), _words(value),
            message=f"{m.group()!r} renders a French number word by word; it means {value}.",
        )



# -- mistranslation.translated-name ------------------------------------------------------------

# A capitalised compound of two ordinary English words standing alone inside a sentence, right
# before punctuation: "falls after Left-handed“," (a place name translated word by word).
_COMPOUND_NAME_RE = lazy(regex.compile, r"(?<=[\p{Ll},;]\s+)(?P<w>\p{Lu}\p{Ll}+-\p{Ll}+)(?=\s*[“”\"'’,.;:!?)])")


_LETTERS_BEFORE_RE = lazy(regex.compile, r"\p{L}*", regex.REVERSE)


@lru_cache(maxsize=1)
def _hyphen_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Two `re` patterns (see ``_compound_names``): a hyphen before a character that may be a
    lower-case letter, and a character that may be one (``LOWER_WIDE`` ⊇ ``\\p{Ll}``)."""
    from .merged_words import LOWER_WIDE

    return re.compile(f"-(?={LOWER_WIDE})"), re.compile(LOWER_WIDE)


def _compound_names(text: str) -> Iterator[regex.Match[str]]:
    """The matches of ``_COMPOUND_NAME_RE.finditer(text)``, found from the hyphens between two
    lower-case letters (a few per article, found by a literal `re` search) instead of trying the
    pattern's look-behind at every position of the text.

    A match's only hyphen follows and precedes a lower-case letter, and the match starts after
    white space, at a capital followed by letters up to that hyphen: at the start of the run of
    letters that ends at the hyphen. Trying the pattern there, in order, skipping hyphens inside
    the last match, finds what ``finditer`` finds."""
    hyphen_re, lower_re = _hyphen_res()
    end = 0
    for h in hyphen_re.finditer(text):
        at = h.start()
        if at < end or at == 0 or lower_re.match(text, at - 1) is None:
            continue
        start = _LETTERS_BEFORE_RE.match(text, 0, at).start()
        if start < end:
            continue
        m = _COMPOUND_NAME_RE.match(text, start)
        if m is not None:
            end = m.end()
            yield m


def _proper_adjectives(doc: Document, rule: Rule) -> frozenset[str]:
    """Languages and demonyms in lower case (the rule's list and the glossary's demonyms): words
    English capitalises in any compound."""
    def build() -> frozenset[str]:
        words = {str(w).lower() for w in rule.params.get("proper_adjectives", ())}
        words.update(e.demonym.lower() for e in doc_glossary(doc).entities if e.demonym)
        return frozenset(words)

    store = doc.cache.get("store")
    return store.memo(f"mistranslation.proper-adjectives.{rule.id}", build) if store is not None else build()


def translated_name(doc: Document, rule: Rule) -> Iterator[Finding]:
    """Point at a name that looks translated word by word; only a person with the original can
    repair it, so there is no fix."""
    from ..lexicon import zipf_en

    floor = float(rule.params.get("common_word_zipf", 4.0))
    proper: frozenset[str] | None = None
    for m in _compound_names(doc.text):
        first, second = m.group("w").lower().split("-", 1)
        if zipf_en(first) >= floor and zipf_en(second) >= floor:
            if proper is None:
                proper = _proper_adjectives(doc, rule)
            if first in proper:
                continue  # `English-speaking`, `French-born`: a proper adjective takes its capital
            yield rule.finding(
                m.start("w"), m.end("w"),
                message=f"{m.group('w')!r} is two ordinary words capitalised like a name: probably a name "
                "(a place, a person) translated word by word; check the original.",
            )
