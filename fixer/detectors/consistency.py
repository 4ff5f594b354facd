"""Consistency detectors: one article spelling one acronym or one name two ways.

* ``acronym``: an acronym that is a permutation or one letter away from an acronym the article
  defines or the glossary knows (``ESA`` beside ``AES``, ``CSP-PDA`` beside ``CSP-DPA``,
  ``AEC`` beside ``AES``), and ``CEGEPS`` beside ``CEGEPs``.
* ``name_spelling``: a person's or place's name written two ways (``Killian``/``Kylian
  Mbappé``, ``Mbappe``/``Mbappé``, ``Yamoussokro``/``Yamoussoukro``) or one letter away from
  a glossary name the article's context confirms (``General Ciani`` in an article about Niger:
  ``Tiani``). Without the glossary only accent variants are compared: two names a letter apart
  are as often two people (Ibrahim and Ibrahima Traoré).
* ``defined_name``: a name written unlike the article's own ``Long Name (ACR)`` definition
  (words reordered or glued), so bodies no glossary knows are covered too.

The form to keep: the glossary's, then the article's majority. Fixes are ``unsafe``, except
accents restored where the glossary and the majority agree.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Container, Iterable, Iterator
from functools import cached_property, lru_cache
from itertools import chain, compress, filterfalse
from operator import not_

import regex
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from ..corroboration import WEAK, YIELDING
from ..document import ACRONYM_PAREN_RE, FAST_BLOCKS, Document
from ..glossary import (
    FRENCH_CONNECTORS,
    Entity,
    Glossary,
    Piece,
    deletions,
    doc_glossary,
    fold,
    has_context,
    split_pieces,
)
from ..lazypattern import lazy
from ..model import Finding, Rule
from .merged_words import lexicon
from .terminology import (
    _WORD_RE,
    _align,
    _char_class,
    _continues,
    _doc_spans,
    _fast_doc,
    _piece_weights,
    _WordKeys,
    caps_line,
    span_runs,
    token_spans,
)

_ACRONYM_RE = lazy(regex.compile, r"^\p{Lu}[\p{Lu}\p{N}]*(?:-\p{Lu}[\p{Lu}\p{N}]*)*$")


@lru_cache(maxsize=1 << 14)
def _is_acronym(tok: str) -> bool:
    if len(tok) < 3 or not (tok[0].isupper() and tok[1].isupper()):
        return False
    letters = [c for c in tok if c.isalpha()]
    return len(letters) >= 3 and bool(_ACRONYM_RE.match(tok))


def _one_apart(a: str, b: str) -> str:
    """'permutation' or 'substitution' when the acronyms are that close, else ''."""
    if len(a) != len(b) or a == b:
        return ""
    if sorted(a) == sorted(b):
        return "permutation"
    if sum(x != y for x, y in zip(a, b, strict=True)) == 1:
        return "substitution"
    return ""


def _defined(doc: Document) -> dict[str, str]:
    """``doc.acronyms`` (acronym → long name): found from the article's "(ACR)" alone, so
    asking for it costs next to nothing in an article without any."""
    return doc.acronyms


# words an English or French long name may hold that give its acronym no letter
_SPELLED_SKIP = frozenset({"of", "the", "for", "and", "in", "on", "to", "de", "du", "des", "la", "le", "et", "&"})
_WORDS_BEFORE_RE = lazy(regex.compile, r"[\p{L}\-’'&]+")


def _spelled_out(doc: Document, acr: str) -> bool:
    """Whether the article spells ``acr`` out in lower case: ``a public interest litigation
    (PIL)``, ``the consumer price index (CPI)``. ``ACRONYM_DEF_RE`` wants a capitalised long
    name, but words right before "(ACR)" whose initials are its letters, in order, define it
    just as well: such an acronym is the article's own, not a shuffled copy of another.

    Asked only for the acronyms ``acronym`` may report: the "(ACR)" of one acronym are the
    occurrences of that string ("(" and ")" are no characters of ``ACRONYM_PAREN_RE``'s
    inside, so its matches never overlap), found by ``str.find``."""
    needle = f"({acr})"
    text = doc.text
    at = text.find(needle)
    if at < 0 or not ACRONYM_PAREN_RE.fullmatch(needle):
        return False
    letters = [c.lower() for c in acr if c.isalpha()]
    if len(letters) < 2 or len(letters) != len([c for c in acr if not c.isdigit()]):
        return False
    while at >= 0:
        words = _WORDS_BEFORE_RE.findall(text, max(0, at - 160), at)
        i = len(letters) - 1
        for w in reversed(words):
            if i < 0:
                break
            lw = w.lower()
            if lw in _SPELLED_SKIP:
                continue
            if lw[0] != letters[i]:
                break
            i -= 1
        if i < 0:
            return True
        at = text.find(needle, at + 1)
    return False


def _known(g: Glossary, doc: Document, acr: str) -> bool:
    """Whether a glossary entity with this English acronym is one the article's context
    confirms (the first such entity settles it)."""
    return any(has_context(doc, e, acronym=False) for e in g.entity_for_acronym(acr))


# A whole token (as ``Document.tokens`` splits the text: ``WORD_RE``) made of capitals and
# digits in segments joined by hyphens, each segment starting with a capital: the shape
# ``_ACRONYM_RE`` requires, at least two characters long. The pattern starts with its first
# two characters so the regex engine skips to two capitals in a row; the look-behinds then
# keep only token starts (no token character before, nor a joiner after one), and the
# look-ahead only token ends.
_ACRONYM_TOKEN_RE = lazy(regex.compile,
    r"\p{Lu}[\p{Lu}\p{N}](?<![\p{L}\p{M}\p{N}]..)(?<![\p{L}\p{M}\p{N}]['’\-]..)"
    r"[\p{Lu}\p{N}]*+(?:-\p{Lu}[\p{Lu}\p{N}]*+)*+(?![\p{L}\p{M}\p{N}]|['’\-][\p{L}\p{M}\p{N}])"
)


# The capitalised words ``acronym`` and ``name_spelling`` both want, found by one scan of the
# text: a whole token of the shape of an acronym (``_ACRONYM_TOKEN_RE``), or else a run of
# letters and marks from a capital (as ``_CAP_LETTERS_FAST_RE`` finds them) that holds a letter
# or mark which is no capital. ``name_spelling`` wants only runs that are name words, and those
# hold a small letter (``_is_name_word``), which no capital is; the runs of capitals alone are
# left out (about as many words as the acronym tokens, so the one scan costs little more than
# the scan of the runs alone). The two kinds never share a character: inside an acronym token
# every letter is a capital, and an acronym token starts at no letter. So the acronym tokens
# found are those of ``_ACRONYM_TOKEN_RE``, and the name words among the runs those of
# ``_CAP_LETTERS_FAST_RE``, in order; no run is an acronym (``_is_acronym`` wants capitals
# only), nor acronym token a name word (its only lower-case characters can be numerals: ⅲ).
_CAPITAL_WORDS_RE = lazy(regex.compile,
    _ACRONYM_TOKEN_RE.pattern + r"|\p{Lu}(?<![\p{L}\p{M}].)\p{Lu}*+[\p{L}\p{M}]++"
)


@lru_cache(maxsize=1)
def _fast_capital_words() -> re.Pattern[str]:
    """``_CAPITAL_WORDS_RE`` in the standard library's ``re``, for a text whose characters all
    lie in ``document.FAST_BLOCKS`` (``terminology._fast_doc``, most articles): its classes
    are spelt out as the characters of those blocks that ``regex`` puts in them, so on such a
    text it finds the same words, at about half the cost (``re`` builds each match's string
    cheaper, and an article holds a capitalised word every few words). Built on first use."""
    chars = "".join(chr(c) for lo, hi in FAST_BLOCKS for c in range(lo, hi + 1))

    def cls(prop: str) -> str:
        return _char_class(regex.findall(prop, chars))

    upper, upper_digit = cls(r"\p{Lu}"), cls(r"[\p{Lu}\p{N}]")
    letter, token = cls(r"[\p{L}\p{M}]"), cls(r"[\p{L}\p{M}\p{N}]")
    return re.compile(
        f"[{upper}][{upper_digit}](?<![{token}]..)(?<![{token}]['’\\-]..)"
        f"[{upper_digit}]*+(?:-[{upper}][{upper_digit}]*+)*+(?![{token}]|['’\\-][{token}])"
        f"|[{upper}](?<![{letter}].)[{upper}]*+[{letter}]++"
    )


def _scan_capital_words(text: str, fast: bool = False) -> list[str]:
    """``_CAPITAL_WORDS_RE.findall(text)``; ``fast``: every character of ``text`` lies in
    ``document.FAST_BLOCKS`` (then ``_fast_capital_words`` finds them)."""
    return (_fast_capital_words() if fast else _CAPITAL_WORDS_RE).findall(text)


def _capital_words(doc: Document) -> tuple[list[str], set[str]]:
    """``_scan_capital_words`` of a document, and the distinct ones: once for both rules."""
    got = doc.cache.get("consistency.capital-words")
    if got is None:
        words = _scan_capital_words(doc.text, _fast_doc(doc))
        got = doc.cache["consistency.capital-words"] = (words, set(words))
    return got


def scanned_capital_words(doc: Document) -> set[str] | None:
    """The distinct ``_capital_words`` of a document if a rule has scanned them already, else
    None (for a rule to which they are worth it only when free: ``name_variants``)."""
    got = doc.cache.get("consistency.capital-words")
    return got[1] if got is not None else None


class _WordsSeen:
    """The capitalised words seen (``_capital_words``) and those among them that pass a test
    (``_is_acronym``; a capital inside), for all documents of a data store: an article's words
    that pass are then two set operations in C, and only its words never seen before are tested."""

    def __init__(self, test: Callable[[str], bool]) -> None:
        self.test = test
        self.seen: set[str] = set()
        self.passed: set[str] = set()

    def among(self, words: set[str]) -> set[str]:
        """The words among ``words`` that pass the test."""
        new = words.difference(self.seen)
        if new:
            if len(self.seen) > 1 << 16:
                self.seen.clear()
                self.passed.clear()
                new = words
            self.seen.update(new)
            self.passed.update(filter(self.test, new))
        return self.passed.intersection(words)


def _acronym_words(text: str, fast: bool = False) -> set[str]:
    """The words of a document that are acronyms: the tokens of the shape ``_is_acronym``
    wants, found by one regex search over the text instead of a test of every word of
    ``Document.word_counts`` (``_scan_capital_words``), then the exact test on each distinct
    one. (``acronym`` takes the same from ``_capital_words`` and ``_WordsSeen``.)"""
    return set(filter(_is_acronym, set(_scan_capital_words(text, fast))))


def _is_token(doc: Document, word: str) -> bool:
    """``word in doc.word_counts`` for a word that is itself a token, without the word
    counts: an occurrence that is a whole token (``token_spans``), memoised per document."""
    memo: dict[str, bool] = doc.cache.setdefault("consistency.is-token", {})
    got = memo.get(word)
    if got is None:
        got = memo[word] = word in doc.text and bool(token_spans(doc.text, (word,)))
    return got


def _plural(doc: Document, a: str) -> str:
    """``a`` with its final capital S made small (CEGEPS → CEGEPs) when the article writes that
    form as a word, else ''."""
    if len(a) >= 4 and a.endswith("S") and _is_token(doc, a[:-1] + "s"):
        return a[:-1] + "s"
    return ""


def _involved(acronyms: Iterable[str], doc: Document) -> set[str]:
    """The acronyms ``acronym`` can say anything about: those one permutation or one letter
    from another of them, and plurals in capital S beside one in small s. None of this needs
    the article's lines, definitions or glossary, so an article without any skips them, and
    the others are never counted: an acronym that differs from no other acronym of the article
    is neither reported nor the right form of one. (Only acronyms of one length can be one
    permutation or letter apart.) ``acronyms``: distinct."""
    out = {a for a in acronyms if a[-1:] == "S" and _plural(doc, a)}
    # two acronyms are one apart exactly when they share an ``_apart_keys`` key
    keys = list(chain.from_iterable(map(_apart_keys, acronyms)))
    if len(set(keys)) < len(keys):
        shared = {k for k, n in Counter(keys).items() if n > 1}
        out.update(a for a in acronyms if not shared.isdisjoint(_apart_keys(a)))
    return out


@lru_cache(maxsize=1 << 14)
def _apart_keys(a: str) -> tuple[str, ...]:
    """Keys that two distinct acronyms share exactly when ``_one_apart`` says they are:
    their letters sorted (a permutation), or the acronym with one position blanked out (one
    letter changed there; each position gives another key, so one acronym never repeats a
    key). The tags are characters no acronym holds."""
    return ("\1" + "".join(sorted(a)), *(f"{a[:i]}\0{a[i + 1 :]}" for i in range(len(a))))


def acronym(doc: Document, rule: Rule) -> Iterator[Finding]:
    # whether a token is an acronym depends on its spelling only
    doc_glossary(doc)  # (sets the data store of a bare document)
    seen: _WordsSeen = doc.cache["store"].memo("consistency.acronyms-seen", lambda: _WordsSeen(_is_acronym))
    acronyms = _involved(seen.among(_capital_words(doc)[1]), doc)
    # (the forms counted below are some of these: if no two of these can differ, none can)
    if not acronyms:
        return
    counts: Counter[str] = Counter()
    where: dict[str, list[tuple[int, int]]] = {}
    g = doc_glossary(doc)
    for start, end, word in token_spans(doc.text, acronyms):
        if not caps_line(doc, start):
            counts[word] += 1
            where.setdefault(word, []).append((start, end))
    # (with every acronym counted, those involved are all of them: each one apart from
    # another has that other among them, and a plural stays one)
    if len(counts) < len(acronyms) and not _involved(counts, doc):
        return
    defined = set(_defined(doc))
    # authority of a form: defined in the article, or a glossary acronym the context confirms
    authority = {a: (a in defined) + _known(g, doc, a) for a in counts}
    common = doc.cache["store"].word_set("lexicon/english-acronyms.txt")
    for wrong in counts:
        if wrong in defined or _spelled_out(doc, wrong):
            continue
        # a well-known acronym of its own (CBS beside the CBC) that the glossary does not know
        if wrong in common and not g.entity_for_acronym(wrong):
            continue
        best: tuple[int, int, str, str] | None = None
        for right in counts:
            kind = _one_apart(wrong, right)
            if not kind or authority[right] == 0:
                continue
            # a wrong form the glossary knows as another entity of this article stays
            if g.entity_for_acronym(wrong) and (authority[wrong] or kind == "substitution"):
                continue
            if authority[wrong] >= authority[right] and counts[wrong] >= counts[right]:
                continue
            if kind == "substitution" and (len(wrong) < 3 or counts[wrong] > 2 or not authority[right]):
                continue
            cand = (authority[right], counts[right], right, kind)
            if best is None or cand > best:
                best = cand
        if best is None:
            continue
        _, _, right, kind = best
        msg = f"{wrong} is a {kind} of {right}, the acronym this article uses; probably {right}."
        # one letter swapped is weak alone: a clean article names two bodies one letter apart
        # (DGSE and DGSI, AMSF and AMAF); translation reorders letters (ESA for AES), which
        # stays a finding of its own (fixer.corroboration)
        data = WEAK if kind == "substitution" else ()
        for s, e in where[wrong]:
            yield rule.finding(s, e, right, message=msg, data=data)
    # plural of an acronym with a capital S beside the usual lower-case s (CEGEPS / CEGEPs)
    for w in counts:
        plural = _plural(doc, w)
        if plural:
            for s, e in where[w]:
                yield rule.finding(s, e, plural, message=f"{w} is written {plural} elsewhere in this article.")


# -- inconsistency.name-spelling ---------------------------------------------------------------



# a whole run of letters (as ``[\p{L}\p{M}]+`` finds them) not starting with a-z
_CAP_LETTERS_RE = lazy(regex.compile, r"(?<![\p{L}\p{M}])(?![a-z])[\p{L}\p{M}]+")
# The runs ``_Names`` wants, found faster: a name word starts with a character ``str.isupper``
# calls upper case, and among letters and marks those are all ``\p{Lu}`` (the regex module's
# Unicode tables are at least Python's), so the pattern starts with ``\p{Lu}`` and the regex
# engine skips from capital to capital (followed by a letter or mark: a name word holds a small
# letter after its capital, so a run of one letter is none); the look-behind then keeps only
# run starts. The runs it leaves out (one capital alone, or starting with another letter or mark
# than a-z) are no name words, and no name word pairs with a neighbour across one of them (see
# ``_walk``).
_CAP_LETTERS_FAST_RE = lazy(regex.compile, r"\p{Lu}[\p{L}\p{M}](?<![\p{L}\p{M}]..)[\p{L}\p{M}]*+")
_NAME_GAPS = frozenset({" ", "-", "\u00a0"})
_LETTER_OR_MARK_RE = lazy(regex.compile, r"[\p{L}\p{M}]")
# the run of letters and marks from an offset, and the one that ends at an offset (backwards)
_LETTERS_AFTER_RE = lazy(regex.compile, r"[\p{L}\p{M}]*+")
_LETTERS_BEFORE_RE = lazy(regex.compile, r"[\p{L}\p{M}]*+", regex.REVERSE)


@lru_cache(maxsize=1 << 16)
def _is_name_word(w: str) -> bool:
    """A capitalised word with a lower-case letter (Mali, McDonald; not NATO). A small roman
    numeral (ⅲ) is lower case but no letter: among ``_capital_words`` an acronym token may
    hold one (Aⅲ), and it is no name word. (No letter or mark is numeric and lower case, so
    for a run of letters and marks this is any lower-case character.)"""
    # (w[1:].islower() implies a lower-case character, a letter when all are letters: a
    # cheap first test for "Mali")
    return w[0].isupper() and (
        (w[1:].islower() and w.isalpha()) or any(c.islower() and not c.isnumeric() for c in w[1:])
    )


class _Names:
    """Capitalised words of one article: how often each occurs (``count``, in the order of
    their first occurrence), and, computed only when asked for, where (``occ``) and which
    names stand next to them (``neighbours``). Most articles never need the second walk."""

    def __init__(self, doc: Document, runs: list[str] | None = None, distinct: set[str] | None = None) -> None:
        """``runs``: the text's capitalised runs, if found already; only the name words among
        them count, so other words may be among them (``_capital_words``); ``distinct``: the
        set of ``runs``, if built already."""
        self.text = doc.text
        self._runs = runs
        self._distinct = distinct if runs is not None else None
        self._near: dict[str, set[str]] = {}  # see neighbours_of

    @cached_property
    def count(self) -> dict[str, int]:
        """How often each name word occurs, in the order of their first occurrence (counted
        when first asked for: whether two names share a neighbour needs no counts)."""
        runs = self._runs
        # Counter keeps first-occurrence order, like the walk below fills ``occ``
        found = Counter(_CAP_LETTERS_FAST_RE.findall(self.text) if runs is None else runs)
        # (compress and map over the cached test: no Python frame per word)
        return dict(compress(found.items(), map(_is_name_word, found)))

    def is_name(self, w: str) -> bool:
        """``w in self.count``, without counting the runs when their set is known: the
        counted words are the name words among them."""
        if self._distinct is None or "count" in self.__dict__:
            return w in self.count
        return w in self._distinct and _is_name_word(w)

    @cached_property
    def _walk(self) -> tuple[dict[str, list[tuple[int, int]]], dict[str, set[str]]]:
        occ: dict[str, list[tuple[int, int]]] = {}
        neighbours: dict[str, set[str]] = {}
        text = self.text
        prev: tuple[str, int] | None = None
        # Only words that can start with a capital are visited (none starts with a-z); the
        # previous name word is a neighbour only across a one-character gap, which no other
        # word can sit in, so skipping the lower-case words changes nothing.
        for m in _CAP_LETTERS_FAST_RE.finditer(text):
            w = m.group()
            if w not in self.count:
                prev = None
                continue
            occ.setdefault(w, []).append(m.span())
            # the gap is exactly one space, hyphen or no-break space
            if prev is not None and text[prev[1] : m.start()] in _NAME_GAPS:
                neighbours.setdefault(w, set()).add(fold(prev[0]))
                neighbours.setdefault(prev[0], set()).add(fold(w))
            prev = (w, m.end())
        return occ, neighbours

    @property
    def occ(self) -> dict[str, list[tuple[int, int]]]:
        """Spans of each name word."""
        return self._walk[0]

    @property
    def neighbours(self) -> dict[str, set[str]]:
        """Folded name words right next to each name word (one space, hyphen or no-break space)."""
        return self._walk[1]

    def neighbours_of(self, w: str) -> set[str]:
        """``neighbours.get(w, set())``, found around the occurrences of ``w`` alone (cached)."""
        got = self._near.get(w)
        if got is None:
            got = self._near[w] = self._find_neighbours(w) if self.is_name(w) else set()
        return got

    def _find_neighbours(self, w: str) -> set[str]:
        """The walk in ``_walk`` pairs two name words when one ends a character before the
        other starts and that character is a gap (nothing else can sit between the two runs
        of letters it visits). So the neighbours of ``w`` are the name words that are whole
        runs of letters on the other side of a gap from a whole-run occurrence of ``w``."""
        text = self.text
        n = len(text)
        is_letter = _LETTER_OR_MARK_RE.match
        out: set[str] = set()
        i = text.find(w)
        while i >= 0:
            e = i + len(w)
            if (i == 0 or is_letter(text, i - 1) is None) and (e == n or is_letter(text, e) is None):
                if i >= 2 and text[i - 1] in _NAME_GAPS:
                    j = _LETTERS_BEFORE_RE.match(text, 0, i - 1).start()  # (the run's start)
                    if self.is_name(text[j : i - 1]):
                        out.add(fold(text[j : i - 1]))
                if e + 1 < n and text[e] in _NAME_GAPS:
                    k = _LETTERS_AFTER_RE.match(text, e + 1).end()  # (the run's end)
                    if self.is_name(text[e + 1 : k]):
                        out.add(fold(text[e + 1 : k]))
            i = text.find(w, i + 1)
        return out


def _zipf(w: str) -> float:
    from ..lexicon import zipf_en

    return zipf_en(w)


def _is_word(w: str) -> bool:
    return _zipf(w) >= 2.5


def name_spelling(doc: Document, rule: Rule) -> Iterator[Finding]:
    g = doc_glossary(doc)
    min_len = int(rule.params.get("min_length", 5))
    lone_len = int(rule.params.get("lone_min_length", 8))
    yield from _hyphen_variants(doc, rule, g)
    yield from _connector_variants(doc, rule)
    # (the name words among them are the runs ``_Names`` wants: see ``_CAPITAL_WORDS_RE``)
    runs, distinct = _capital_words(doc)
    yield from _spacing_variants(doc, rule, distinct)
    names = _Names(doc, runs, distinct)
    yield from _case_variants(doc, rule, names, distinct)
    slips = _lone_slips(doc, names, g, int(rule.params.get("slip_min_length", 8)), distinct)
    gates = _name_gates(doc, g, min_len, lone_len)
    steps, ambiguous = gates.steps(distinct)
    if not steps:
        yield from _slip_findings(rule, names, slips, set())
        return
    glossary_words = g.name_tokens
    # The forms (name words of ``min_len`` letters or more) in the order of their first
    # occurrence, from the runs by a filter in C rather than by counting them; step 1 alone
    # walks only the ambiguous ones, so then only those are taken.
    wanted = gates.forms_among(distinct) if steps != {1} else ambiguous
    forms = list(dict.fromkeys(filter(wanted.__contains__, runs)))
    flagged: set[str] = set()

    def winner(a: str, b: str) -> tuple[str, str] | None:
        """(wrong, right) for two spellings, or None when no side is clearly right."""
        ga, gb = a in glossary_words, b in glossary_words
        if ga != gb:
            return (b, a) if ga else (a, b)
        ca_, cb_ = a in g.canonical_tokens, b in g.canonical_tokens
        if ca_ != cb_:  # both known spellings: the glossary's canonical one wins (Elisabeth Borne)
            return (b, a) if ca_ else (a, b)
        ca, cb = names.count[a], names.count[b]
        if ca == cb:
            return None
        return (a, b) if ca < cb else (b, a)

    def emit(wrong: str, right: str, why: str, safety: str | None = None) -> Iterator[Finding]:
        if wrong in flagged:
            return
        flagged.add(wrong)
        for s, e in names.occ[wrong]:
            if not after_french_link(names.text, s):
                yield rule.finding(s, e, right, message=f"{wrong} is spelt {right} {why}.", safety=safety)

    # 0. accents in the wrong place on a glossary word (Méteo for Météo): never a style choice
    for w in filterfalse(str.isascii, forms) if 0 in steps else ():
        if w in flagged:
            continue
        known = g.spellings.get(fold(w), set())
        low = w.lower()
        if not known or w in known or any(k.lower() == low for k in known):
            continue  # the glossary's spelling, maybe in another case (`générale` in a French name)
        accented = [k for k in known if not k.isascii()]
        if len(accented) == 1:
            right = accented[0]
            if w[:1].isupper():
                right = right[:1].upper() + right[1:]
            yield from emit(w, right, "in the glossary")
    # 1. accent-only variants sharing a neighbour name (Kylian Mbappe / Kylian Mbappé): only
    #    when two forms share a fold (both then among the ``ambiguous`` forms of the gates)
    if 1 in steps:
        by_fold: dict[str, list[str]] = {}
        for w in forms:
            if w in ambiguous:
                by_fold.setdefault(fold(w), []).append(w)
        for variants in by_fold.values():
            if len(variants) < 2:
                continue
            for i, a in enumerate(variants):
                for b in variants[i + 1 :]:
                    if not (names.neighbours_of(a) & names.neighbours_of(b)):
                        continue
                    # (a tie goes to the accents, unless step 0 found them misplaced: Méteo)
                    pair = winner(a, b) or (None if a in flagged or b in flagged else _accented_wins(a, b))
                    if pair:
                        wrong, right = pair
                        # the article's majority and the glossary's canonical name agree on the
                        # accents (Mbappe → Mbappé): restoring them cannot make the text worse
                        sure = right in g.canonical_tokens and names.count[right] > names.count[wrong]
                        yield from emit(wrong, right, "elsewhere in this article", "safe" if sure else None)
    # 2. one or two edits apart, sharing a neighbour (Killian / Kylian Mbappé, Success / Succès Masra),
    #    or one edit apart without one when long and the right one is a glossary name (Yamoussokro)
    keys: list[str] = []
    first: dict[str, str] = {}
    if 2 in steps:
        # the first form of each fold (assigned last when walking the forms backwards)
        first = dict(zip(reversed(list(map(fold, forms))), reversed(forms), strict=True))
        keys = sorted(first)
    cutoffs = _anchor_cutoffs(doc, g, lone_len)
    for i, j, d in _close_pairs(keys, [first[k] for k in keys], cutoffs, g.known_words, lone_len) if keys else ():
        ka, kb = keys[i], keys[j]
        a, b = first[ka], first[kb]
        pair = winner(a, b)
        if pair is None:
            continue
        wrong, right = pair
        # Without the glossary two close names are as often two people as one misspelt
        # (Amadou and Hamadou Traoré): only the glossary's spelling can win here.
        if right not in glossary_words or wrong in g.known_words:
            continue  # (Guinean beside Guinea: another correct word, not a misspelling)
        if (ka.startswith(kb) or kb.startswith(ka)) and _zipf(wrong) < float(rule.params.get("common_name_zipf", 3.0)):
            continue  # Ibrahima beside Ibrahim Traoré: another name; Success for Succès: translated
        shared = names.neighbours_of(a) & names.neighbours_of(b)
        if shared and _glossary_pair(g, right, shared):
            yield from emit(wrong, right, "elsewhere in this article and in the glossary")
        elif not shared and d == 1 and min(len(ka), len(kb)) >= lone_len and not _is_word(wrong):
            yield from emit(wrong, right, "elsewhere in this article and in the glossary")
    # 3. one letter away from a glossary name the article does not write but whose context it
    #    confirms (General Ciani in an article about Niger → Tiani)
    for w in _near_people_forms(doc, g, forms) if 3 in steps else ():
        if w in glossary_words or w in flagged or _is_word(w) or names.count[w] > 2:
            continue
        for gw, ents in _near_people_cache(doc)[0][w]:
            if gw in names.count:
                continue
            people = [e for e in ents if has_context(doc, e)]
            if len(people) == 1:
                yield from emit(w, gw, f"in the glossary ({people[0].name})")
                break
    yield from _slip_findings(rule, names, slips, flagged)


def _slip_findings(rule: Rule, names: _Names, slips: list[tuple[str, str, str]], flagged: set[str]) -> Iterator[Finding]:
    """The findings of ``_lone_slips`` that the steps above did not make. They yield to a
    finding of their category on the same span (name-variant often reports the same slip) and
    are weak: a lone near-twin in an article without other damage is left to its writer."""
    for wrong, right, why in slips:
        if wrong not in flagged:
            for s, e in names.occ[wrong]:
                if not after_french_link(names.text, s):
                    yield rule.finding(s, e, right, message=f"{wrong} is spelt {right} {why}.", data=YIELDING)


# a French preposition or article right before a name: the name is spelt the French way inside a
# French name the article keeps (`Groupement inter-patronal du Cameroun`), no slip of the writer's
_FRENCH_LINK_BEFORE_RE = lazy(regex.compile, r"(?:(?<![\p{L}\p{M}])(?:du|de|des|à|au|aux|en)[ \u00a0]|(?<![\p{L}\p{M}])d['’])$")


def after_french_link(text: str, start: int) -> bool:
    """Whether ``start`` follows a French `du`, `de`, `des`, `à`, `au`, `aux`, `en` or `d'`
    (name-spelling, french-exonym: a name there stands in French text or a French name)."""
    return _FRENCH_LINK_BEFORE_RE.search(text, max(0, start - 5), start) is not None


# a capitalised word (a first name, a title or a sentence's first word) and one space before a
# position (searched in a window that ends there); also french_demonyms'
FIRST_NAME_BEFORE_RE = lazy(regex.compile, r"(?<![\p{L}\p{M}])(\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?)[ \u00a0]$")


def _lone_slips(doc: Document, names: _Names, g: Glossary, min_len: int, distinct: set[str]) -> list[tuple[str, str, str]]:
    """(wrong, right, why) for a long name written once, one letter off a name written before
    it: a person's surname given earlier with a first name (`Bernard Vuillerme` … `Vuillerne
    wants`), or, two letters off at most, a place of the gazetteer (`Antananarivo` … `In
    Antanarivo`). Translation and scraping do not invent such near-twins; a writer's slip or a
    second transcription does. The first mention, written with the person's full name, is taken
    as the right one. Not when the lone form is a word, a glossary name, or follows a first name
    the earlier one never has (two people: `Amadou Traoré`, `Hamadou Traore`).

    ``distinct``: the article's distinct capitalised runs (``_capital_words``). Whether a word
    may be the lone form (``_SlipForms``) depends on the word alone, so the article's
    candidates are a set operation, and most articles, which have none, are not counted."""
    cands = _may_have_slips(doc, g, min_len, distinct)
    if not cands:
        return []
    count = names.count
    lone = [w for w in compress(count, map(cands.__contains__, count)) if count[w] == 1]
    if not lone:
        return []
    # a slip keeps the name's first two letters: only names opening alike are compared (folded
    # only then: most long names share their opening with no other)
    by_start: dict[str, list[str]] = {}
    for v in count:
        if len(v) >= min_len - 1:
            by_start.setdefault(v[:2].lower(), []).append(v)
    pairs = []
    for w in lone:
        alike = by_start[w[:2].lower()]
        if len(alike) < 2:
            continue
        fw = fold(w)
        for v in alike:
            if v == w:
                continue
            fv = fold(v)
            if fv.startswith(fw) or fw.startswith(fv):
                continue  # (another word of the family: Mauritania, Mauritanian)
            d = Levenshtein.distance(fv, fw, score_cutoff=2)
            if 0 < d <= 2:
                pairs.append((w, v, d))
    if not pairs:
        return []
    # (each lone form is no glossary name nor place, see ``_SlipForms``)
    pairs = [(w, v, d) for w, v, d in pairs if not _is_word(w)]
    places = lexicon(doc).place_names
    text, out, taken = doc.text, [], set()
    for w, v, d in pairs:
        if w in taken:
            continue
        (ws, _we), (vs, _ve) = names.occ[w][0], names.occ[v][0]
        if vs > ws:
            continue  # the first mention is the considered spelling
        if v in places:
            # (a demonym changes the place's ending: Seychelles, Seychellois; a slip keeps it)
            if len(v) >= min_len + 1 and fold(v)[-2:] == fold(w)[-2:]:
                out.append((w, v, "as the place is named earlier in this article"))
                taken.add(w)
            continue
        if d != 1:
            continue
        # a first name or a title before the earlier form (`Bernard Vuillerme`, `Councillor
        # Vuillerme`), not a sentence's first word (`The`, `After`: far commoner as words)
        firsts = {m.group(1) for s, _e in names.occ[v] if (m := FIRST_NAME_BEFORE_RE.search(text, max(0, s - 40), s))
                  and _zipf(m.group(1)) < 5.8}
        firsts -= {w, v}
        if not firsts:
            continue  # no full name given before: two names as likely as one misspelt
        before = FIRST_NAME_BEFORE_RE.search(text, max(0, ws - 40), ws)
        if before is not None and before.group(1) not in firsts and count.get(before.group(1)) is not None:
            continue  # another first name: another person
        out.append((w, v, f"as {sorted(firsts)[0]} {v} is named earlier in this article"))
        taken.add(w)
    return out


class _SlipForms:
    """The capitalised runs that may be the lone form of ``_lone_slips`` (``cands``): a name
    word of ``min_len`` letters or more that is no glossary name and no place of the gazetteer
    (what ``_lone_slips`` requires of it, besides being no word: that costs a look-up in the
    word frequencies, asked only of the few with a near-twin); and the long name words it is
    compared with (``longs``, ``min_len - 1`` letters or more). Learnt once per word for all
    documents of a data store, in C (compress, filter), so an article's are set operations."""

    def __init__(self, g: Glossary, places: frozenset[str], min_len: int) -> None:
        self.g = g
        self.places = places
        self.min_len = min_len
        self.seen: set[str] = set()
        self.longs: set[str] = set()
        self.cands: set[str] = set()
        self.openings = _Openings()

    def among(self, words: set[str]) -> set[str]:
        """The candidates among ``words``."""
        new = words.difference(self.seen)
        if new:
            if len(self.seen) > 1 << 16:
                self.seen.clear()
                self.longs.clear()
                self.cands.clear()
                new = words
            self.seen.update(new)
            longs = set(filter(_is_name_word, compress(new, map((self.min_len - 1).__le__, map(len, new)))))
            if longs:
                self.longs.update(longs)
                long_enough = compress(longs, map(self.min_len.__le__, map(len, longs)))
                self.cands.update(filterfalse(self.places.__contains__, filterfalse(self.g.name_tokens.__contains__, long_enough)))
        return self.cands.intersection(words)

    def longs_among(self, words: set[str]) -> set[str]:
        """The long name words among ``words``, once ``among`` has learnt them."""
        return self.longs.intersection(words)


class _Openings(dict):
    """Word → its first two letters in small letters (how ``_lone_slips`` groups names),
    computed on first use, per word."""

    def __missing__(self, word: str) -> str:
        if len(self) > 1 << 16:
            self.clear()
        got = self[word] = word[:2].lower()
        return got


def _slip_forms(doc: Document, g: Glossary, min_len: int) -> _SlipForms:
    """The ``_SlipForms`` of a data store for ``min_len`` (rebuilt for another glossary or
    gazetteer)."""
    places = lexicon(doc).place_names  # (the gazetteer, as merged-word reads it)
    store = doc.cache["store"]
    got: _SlipForms = store.memo(f"consistency.slip-forms.{min_len}", lambda: _SlipForms(g, places, min_len))
    return got if got.g is g and got.places is places else _SlipForms(g, places, min_len)


def _may_have_slips(doc: Document, g: Glossary, min_len: int, distinct: set[str]) -> set[str]:
    """The article's candidates (``_SlipForms``) if ``_lone_slips`` may find a pair, else an
    empty set, known from the article's distinct capitalised runs alone: it may when a
    candidate that is no word has a long name word of the same opening one or two edits away,
    as ``_lone_slips`` compares them (its lone forms are candidates written once, compared
    with the long name words). Most articles have no candidate, or none that shares its
    opening with another long name word: set operations and a count in C."""
    slip_forms = _slip_forms(doc, g, min_len)
    cands = slip_forms.among(distinct)
    if not cands:
        return cands
    longs = list(slip_forms.longs_among(distinct))  # (every candidate is one)
    openings = slip_forms.openings
    opened = list(map(openings.__getitem__, longs))
    for w in cands:
        opening = openings[w]
        if opened.count(opening) < 2 or _is_word(w):
            continue
        fw = fold(w)
        for v in compress(longs, map(opening.__eq__, opened)):
            if v == w:
                continue
            fv = fold(v)
            if not (fv.startswith(fw) or fw.startswith(fv)) and 0 < Levenshtein.distance(fv, fw, score_cutoff=2) <= 2:
                return cands
    return set()


def _accented_wins(a: str, b: str) -> tuple[str, str] | None:
    """(wrong, right) for two spellings of one name used as often, one with accents and one
    without: the accents were dropped (damage strips them; it does not invent them)."""
    if a.isascii() == b.isascii():
        return None
    return (a, b) if a.isascii() else (b, a)


# two capitalised words joined by a hyphen (Jean-Pierre, Guinea-Bissau), as a whole
_HYPHENED_PAIR_RE = lazy(regex.compile, r"(?<![\p{L}\p{M}\-])(\p{Lu}\p{Ll}+)-(\p{Lu}\p{Ll}+)(?![\p{L}\p{M}\-])")
_PAIR_RE = lazy(regex.compile, r"(\p{Lu}\p{Ll}+)([ \-])(?=(\p{Lu}\p{Ll}+))")
# The two words of each ``_HYPHENED_PAIR_RE`` match, found from its hyphen: that pattern opens
# with a look-behind, so the regex engine tries it at every character, while a hyphen is rare
# and skipped to. Its matches never overlap (each starts at a capital that no letter, mark or
# hyphen precedes, which no position inside another match is), so each is found from its hyphen.
_HYPHENED_PAIR_AT_HYPHEN_RE = lazy(regex.compile,
    r"-(?<=(?<![\p{L}\p{M}\-])(\p{Lu}\p{Ll}+)-)(\p{Lu}\p{Ll}+)(?![\p{L}\p{M}\-])"
)


def _known_pairs(doc: Document, g: Glossary) -> frozenset[str]:
    """Every pair of capitalised words the glossary or the gazetteer (``lexicon/places.txt``)
    writes with a space or a hyphen between them, as written (``Burkina Faso``,
    ``Guinea-Bissau``)."""
    store = doc.cache.get("store")
    places = store.lines("lexicon/places.txt") if store else []
    forms = chain((form for e in g.entities for form in e.accepted), places)
    return frozenset(f"{m.group(1)}{m.group(2)}{m.group(3)}" for form in forms for m in _PAIR_RE.finditer(form))


_WORD_BEFORE_RE = lazy(regex.compile, r"(\p{L}+)[ \u00a0]$")
_WORD_AFTER_RE = lazy(regex.compile, r"[ \u00a0](\p{L}+)")


def _names_a_place(text: str, start: int, end: int, places: frozenset[str]) -> bool:
    """Whether the word right before ``start`` is a kind of place or prize named after a person
    (`Stade`, `Avenue`, `Lycée`, `Prix`), or, in English order, the word right after ``end``
    (`the Ahmadou-Kourouma prize`, `the Jean-Moulin high school`)."""
    m = _WORD_BEFORE_RE.search(text, max(0, start - 30), start)
    if m is not None and m.group(1) in places:
        return True
    m = _WORD_AFTER_RE.match(text, end)
    return m is not None and m.group(1).capitalize() in places


def _hyphen_variants(doc: Document, rule: Rule, g: Glossary) -> Iterator[Finding]:
    """A compound name written with a hyphen and with a space in one article (`Jean-Robert
    Altidor`, `Jean Robert Altidor`): the hyphen was lost, as French compound first names and
    many place names take one, unless the glossary writes only the spaced form (`Burkina
    Faso`, never `Burkina-Faso`). Unsafe: a person decides."""
    text = doc.text
    if "-" not in text:
        return
    pairs = set(_HYPHENED_PAIR_AT_HYPHEN_RE.findall(text))
    if not pairs:
        return
    known: frozenset[str] | None = None
    places: frozenset[str] | None = None  # (built for the first pair written both ways)
    for a, b in sorted(pairs):
        if f"{a} {b}" not in text:
            continue  # (most pairs: written one way only)
        spaced_re = regex.compile(rf"(?<![\p{{L}}\p{{M}}\-]){a} {b}(?![\p{{L}}\p{{M}}\-])")
        spaced = list(spaced_re.finditer(text))
        if not spaced:
            continue
        if known is None:
            store = doc.cache.get("store")
            known = store.memo("consistency.known-pairs", lambda: _known_pairs(doc, g)) if store else _known_pairs(doc, g)
        if places is None:
            places = frozenset(str(w) for w in rule.params.get("named_places", ()))
        hyphened, blank = f"{a}-{b}", f"{a} {b}"
        joined = [m for m in _HYPHENED_PAIR_RE.finditer(text) if m.group() == hyphened]
        if joined and all(_names_a_place(text, m.start(), m.end(), places) for m in joined):
            continue  # `Stade Alassane-Ouattara` beside `Alassane Ouattara`: French hyphenates a person's name in a place named after them
        why = " and in the glossary"
        if blank in known and hyphened in known:
            # the glossary takes both (`Météo-France`, `Météo France`), but one article writes one:
            # its canonical name, if one of them is, else leave it
            canonical = _canonical_names(doc, g)
            if (hyphened in canonical) == (blank in canonical):
                continue
            wrong, right, why = (spaced, hyphened, " (the glossary's name)") if hyphened in canonical else \
                (joined, blank, " (the glossary's name)")
        elif blank in known:
            wrong, right = joined, blank
        elif hyphened in known:
            wrong, right = spaced, hyphened
        elif len(joined) >= len(spaced):  # the article's majority; as often, the hyphen was lost
            wrong, right, why = spaced, hyphened, ""
        else:  # New York three times, New-York once
            wrong, right, why = joined, blank, ""
        for m in wrong:
            yield rule.finding(m.start(), m.end(), right,
                               message=f"{m.group()} is written {right} elsewhere in this article{why}.")


def _spacing_variants(doc: Document, rule: Rule, distinct: set[str]) -> Iterator[Finding]:
    """A name written as one word and as two capitalised words in one article (`Benmoussa`,
    `Ben Moussa`; `Ouldbaba`, `Ould Baba`): transliterated names with a particle are spelt
    both ways, but one article keeps to one. The article's more frequent form wins, and on a
    tie the one it uses first, where it introduces the person. Unsafe: a person decides."""
    from ..lexicon import common_words_set

    text = doc.text
    min_len = int(rule.params.get("joined_min_length", 6))
    common = common_words_set(3.0)  # (loaded by french-word too: a set test, not a look-up per new word)

    def may_join(w: str) -> bool:
        # `Newport` beside `New Port`, `Southwest`, `Macdonald`: English writes these whole
        return len(w) >= min_len and w.isalpha() and w[1:].islower() and w.lower() not in common

    seen: _WordsSeen = doc.cache["store"].memo(f"consistency.joined-seen.{min_len}", lambda: _WordsSeen(may_join))
    for whole in seen.among(distinct):
        for i in range(2, len(whole) - 2):
            head, tail = whole[:i], whole[i].upper() + whole[i + 1 :]
            if head not in distinct or tail not in distinct or f"{head} {tail}" not in text:
                continue
            spaced = list(regex.finditer(rf"(?<![\p{{L}}\p{{M}}\-]){head} {tail}(?![\p{{L}}\p{{M}}\-])", text))
            joined = list(regex.finditer(rf"(?<![\p{{L}}\p{{M}}\-]){whole}(?![\p{{L}}\p{{M}}\-])", text))
            if not spaced or not joined:
                break
            if len(joined) != len(spaced):
                wrong, right = (spaced, whole) if len(joined) > len(spaced) else (joined, f"{head} {tail}")
            else:
                wrong, right = (spaced, whole) if joined[0].start() < spaced[0].start() else (joined, f"{head} {tail}")
            for m in wrong:
                yield rule.finding(m.start(), m.end(), right,
                                   message=f"{m.group()} is written {right} elsewhere in this article.")
            break


def _canonical_names(doc: Document, g: Glossary) -> frozenset[str]:
    """The glossary's entity names as written (`Météo-France`), per data store."""
    store = doc.cache.get("store")
    build = lambda: frozenset(e.name for e in g.entities)  # noqa: E731
    return store.memo("consistency.canonical-names", build) if store else build()


# the small words that French place names join with hyphens (`Carleton-sur-Mer`,
# `Châlons-en-Champagne`, `Saint-Martin-de-Ré`), each between hyphens as such a name holds it
_CONNECTORS = "sur|sous|en|de|du|des|la|le|les|lès|aux"
_CONNECTOR_GATE_RE = lazy(re.compile, rf"-(?:{_CONNECTORS})-")
_CONNECTOR_NAME_RE = lazy(regex.compile,
    rf"(?<![\p{{L}}\p{{M}}\-])\p{{Lu}}[\p{{Ll}}\p{{M}}]+(?:-(?:\p{{Lu}}[\p{{Ll}}\p{{M}}]+|{_CONNECTORS}))*"
    rf"-(?:{_CONNECTORS})-\p{{Lu}}[\p{{Ll}}\p{{M}}]+(?![\p{{L}}\p{{M}}\-])"
)


def _connector_variants(doc: Document, rule: Rule) -> Iterator[Finding]:
    """A place name joined by hyphens around a small French word (`Carleton-sur-Mer`) written
    elsewhere in the article with spaces (`Carleton sur Mer`): such names take their hyphens
    (the pairs of capitalised words are ``_hyphen_variants``'). Unsafe: a person decides."""
    text = doc.text
    if _CONNECTOR_GATE_RE.search(text) is None:
        return
    for name in dict.fromkeys(m.group() for m in _CONNECTOR_NAME_RE.finditer(text)):
        blank = name.replace("-", " ")
        if blank not in text:
            continue
        for m in regex.finditer(rf"(?<![\p{{L}}\p{{M}}\-]){regex.escape(blank)}(?![\p{{L}}\p{{M}}\-])", text):
            yield rule.finding(m.start(), m.end(), name, message=f"{blank} is written {name} elsewhere in this article.")


# a capitalised word with a capital inside after a small letter (`LeBlanc`, `McDonald`, `MacKenzie`),
# in the Latin letters of such names
_INNER_CAPITAL_RE = lazy(re.compile, r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ]*")


def _has_inner_capital(w: str) -> bool:
    return _INNER_CAPITAL_RE.fullmatch(w) is not None


def _case_variants(doc: Document, rule: Rule, names: _Names, distinct: set[str]) -> Iterator[Finding]:
    """A name written with a capital inside in one place and without it in another (`Chantal
    LeBlanc`, `Chantal Leblanc`; `MacKenzie`, `Mackenzie`): one person's name has one spelling.
    The form written first is taken as the right one (the later one is reported); forms in
    capitals only (a heading) are not compared. Unsafe."""
    seen: _WordsSeen = doc.cache["store"].memo("consistency.inner-capital-seen", lambda: _WordsSeen(_has_inner_capital))
    inner = seen.among(distinct)  # (the capitalised runs: every such word is one)
    if not inner:  # (most articles: no name with a capital inside)
        return
    # (the plain form of each name with a capital inside, when the article writes it too: a
    # name word among the runs, so first among them, and the name words counted only then)
    pairs = [(w, plain) for w in inner if not w.isupper() and (plain := w[0] + w[1:].lower()) in distinct]
    if not pairs:
        return
    count, text = names.count, names.text
    pairs = [(w, plain) for w, plain in pairs if w in count and plain in count]
    for w, plain in pairs:
        right, wrong = (w, plain) if text.find(w) < text.find(plain) else (plain, w)
        for s, e in names.occ[wrong]:
            yield rule.finding(s, e, right, message=f"{wrong} is written {right} earlier in this article.")


class _NameGates:
    """What each capitalised run can take part in, learnt once per word for all documents of a
    data store, so that an article where ``name_spelling`` can find nothing (most) costs one
    regex search and a few set operations, not its forms, folds, pairs and near surnames.

    Each step of ``name_spelling`` needs a form (a name word of ``min_len`` letters or more)
    with a property of its own or shared with another form of the article: step 0 a form
    whose accents the glossary corrects (``accent``); step 1 two forms with one fold (both
    in ``ambiguous``: their fold is shared by another form seen); step 2 an anchor and an
    unknown form within its cutoff (``_near_anchor``); step 3 a form one letter from a
    glossary surname (``people``). Each test here is implied by what the step needs, so an
    article failing all of them gets nothing from the steps."""

    def __init__(self, doc: Document, g: Glossary, min_len: int, lone_len: int) -> None:
        self.g = g
        self.cutoffs = _anchor_cutoffs(doc, g, lone_len)
        self.surnames = _surnames_by_length(doc, g)
        self.near_people = _near_people_cache(doc)
        self.min_len = min_len
        self.lone_len = lone_len
        self._reset()

    def _reset(self) -> None:
        self.seen: set[str] = set()
        self.forms: set[str] = set()
        self.accent: set[str] = set()
        self.by_fold: dict[str, set[str]] = {}
        self.ambiguous: set[str] = set()
        self.people: set[str] = set()
        # anchor → the unknown forms compared with it, and those within its cutoff
        self.compared: dict[str, tuple[set[str], set[str]]] = {}
        self.compared_size = 0

    def steps(self, runs: Collection[str]) -> tuple[set[int], set[str]]:
        """The steps of ``name_spelling`` that may find something in an article whose
        capitalised runs (``_CAP_LETTERS_FAST_RE``) are ``runs``, and its forms that share
        their fold with a form seen (every form of a fold the article writes two ways). Only
        the name words among ``runs`` count (the forms are name words), so other words may
        be among them (``_capital_words``). (A set is not copied.)"""
        distinct = runs if isinstance(runs, set) else set(runs)
        new = distinct.difference(self.seen)
        if new:
            if len(self.seen) > 1 << 16:
                self._reset()
                new = distinct
            for w in new:
                self._learn(w)
        out: set[int] = set()
        forms = self.forms.intersection(distinct)
        if not forms:
            return out, forms
        if not self.accent.isdisjoint(forms):
            out.add(0)
        amb = self.ambiguous.intersection(forms)
        if len(amb) > 1 and len(set(map(fold, amb))) < len(amb):
            out.add(1)
        anchors = self.cutoffs.keys() & forms
        if anchors:
            unknown = forms.difference(self.g.known_words)
            if unknown and any(self._near_anchor(a, unknown) for a in anchors):
                out.add(2)
        if not self.people.isdisjoint(forms):
            out.add(3)
        return out, amb

    def forms_among(self, runs: set[str]) -> set[str]:
        """The forms among an article's distinct capitalised runs, once ``steps`` has learnt
        them."""
        return self.forms.intersection(runs)

    def _learn(self, w: str) -> None:
        """Record what the run ``w``, seen for the first time, can take part in."""
        self.seen.add(w)
        if len(w) < self.min_len or not _is_name_word(w):
            return
        self.forms.add(w)
        g = self.g
        f = fold(w)
        same = self.by_fold.setdefault(f, set())
        if same:
            self.ambiguous.add(w)
            self.ambiguous.update(same)
        same.add(w)
        if not w.isascii():
            known = g.spellings.get(f, set())
            if known and w not in known and sum(not k.isascii() for k in known) == 1:
                self.accent.add(w)
        near_people, hits = self.near_people
        if w in near_people:
            found = w in hits
        else:
            # (as ``_near_people_forms`` learns it, which then finds it known)
            near = _near_people(g, w) if _may_be_near_surname(self.surnames, w) else []
            found = bool(near)
            if len(near_people) <= 1 << 16:
                near_people[w] = near
                if found:
                    hits.add(w)
        if found:
            self.people.add(w)

    def _near_anchor(self, a: str, unknown: set[str]) -> bool:
        """Whether one of the ``unknown`` forms (glossary-unknown) is a pair ``_close_pairs``
        may find with the anchor ``a``: another fold within ``a``'s cutoff (and, for a cutoff
        of 1, of ``lone_len`` letters or more). Each form is compared with an anchor once per
        store (the answer depends on the two words only), the new ones by one rapidfuzz call."""
        got = self.compared.get(a)
        if got is None:
            if self.compared_size > 1 << 18:
                self.compared.clear()
                self.compared_size = 0
            got = self.compared[a] = (set(), set())
        compared, close = got
        new = unknown.difference(compared)
        if new:
            fa = fold(a)
            cutoff = self.cutoffs[a]
            forms = list(new)
            folds = list(map(fold, forms))
            for f, _, i in process.extract(fa, folds, scorer=Levenshtein.distance, score_cutoff=cutoff, limit=None):
                if f != fa and (cutoff != 1 or len(f) >= self.lone_len):
                    close.add(forms[i])
            compared.update(new)
            self.compared_size += len(new)
        return not close.isdisjoint(unknown)


def _name_gates(doc: Document, g: Glossary, min_len: int, lone_len: int) -> _NameGates:
    """The ``_NameGates`` of a data store for these parameters (shared by its documents)."""
    return doc.cache["store"].memo(
        f"consistency.name-gates.{min_len}.{lone_len}", lambda: _NameGates(doc, g, min_len, lone_len)
    )


def _close_pairs(keys: list[str], firsts: list[str], cutoffs: dict[str, int], known: Container[str],
                 lone_len: int) -> list[tuple[int, int, int]]:
    """(i, j, distance) for the pairs i < j of ``keys`` within two edits of each other that
    ``name_spelling`` may report, in the order of a loop over every pair; ``firsts``: the
    form each key stands for; ``cutoffs``: ``_anchor_cutoffs``.

    The right spelling of a reported pair must be a glossary name (an anchor) and the wrong
    one a word the glossary does not know, so only pairs of an anchor and an unknown form are
    looked for, each anchor only as far as ``cutoffs`` says it can win: one rapidfuzz call per
    anchor (the comparisons run in C) over the unknown forms finds them all."""
    anchor_at = list(compress(range(len(firsts)), map(cutoffs.__contains__, firsts)))
    if not anchor_at:
        return []
    # (compress and map keep the per-form tests in C)
    unknown = dict(compress(enumerate(keys), map(not_, map(known.__contains__, firsts))))
    if not unknown:
        return []
    long: dict[int, str] | None = None
    found: dict[tuple[int, int], int] = {}
    for i in anchor_at:
        cutoff = cutoffs[firsts[i]]
        choices = unknown
        if cutoff == 1:
            if long is None:
                long = {j: k for j, k in unknown.items() if len(k) >= lone_len}
            choices = long
        for _, d, j in process.extract(keys[i], choices, scorer=Levenshtein.distance, score_cutoff=cutoff, limit=None):
            if j != i:
                found[min(i, j), max(i, j)] = d
    return sorted((i, j, d) for (i, j), d in found.items())


def _anchor_cutoffs(doc: Document, g: Glossary, lone_len: int) -> dict[str, int]:
    """For each glossary name word, how many edits from an unknown form ``name_spelling`` can
    find it the right spelling of (a word absent can find none): 2 for a person's name (with a
    shared neighbour), 1 for another name of ``lone_len`` letters or more (alone), as its
    step 2 requires. The reported wrong form is one the glossary does not know, so the right
    one is the glossary name: this holds when every glossary name word is a known word, else
    every glossary name word gets 2 (all pairs are looked at). Once per data store."""

    def build() -> dict[str, int]:
        words = g.name_tokens
        if not words.keys() <= g.known_words:
            return dict.fromkeys(words, 2)
        out = {}
        for w, ents in words.items():
            if any(e.kind == "person" for e in ents):
                out[w] = 2
            elif len(fold(w)) >= lone_len:
                out[w] = 1
        return out

    return doc.cache["store"].memo(f"consistency.anchor-cutoffs.{lone_len}", build)


def _near_people_forms(doc: Document, g: Glossary, forms: list[str]) -> list[str]:
    """The forms, in order, that are one letter from a glossary surname (``_near_people`` not
    empty): computed once per word for all documents of a data store, and found among an
    article's forms by set operations, so the many forms near no surname cost no Python
    loop."""
    near_people, hits = _near_people_cache(doc)
    if len(near_people) > 1 << 16:
        near_people.clear()
        hits.clear()
    new = set(forms).difference(near_people)
    if new:
        surnames = _surnames_by_length(doc, g)
        for w in new:
            near = near_people[w] = _near_people(g, w) if _may_be_near_surname(surnames, w) else []
            if near:
                hits.add(w)
    if hits.isdisjoint(forms):
        return []
    return [w for w in forms if w in hits]


def _near_people_cache(doc: Document) -> tuple[dict[str, list[tuple[str, list[Entity]]]], set[str]]:
    """``_near_people`` of each word seen, and the words for which it is not empty, shared by
    all documents of a data store (it depends on the word and the glossary only)."""
    store = doc.cache["store"]  # set by doc_glossary
    return store.memo("consistency.near-people-hits", lambda: ({}, set()))


def _surnames_by_length(doc: Document, g: Glossary) -> dict[int, list[tuple[str, str]]]:
    """The glossary name words ``_near_people`` can return (the last word of a form of a
    person's name), with their folds, by length: once per data store."""

    def build() -> dict[int, list[tuple[str, str]]]:
        out: dict[int, list[tuple[str, str]]] = {}
        for gw, ents in g.name_tokens.items():
            if any(e.kind == "person" and any(f.split()[-1] == gw for f in (e.name, *e.variants)) for e in ents):
                out.setdefault(len(gw), []).append((gw, fold(gw)))
        return out

    return doc.cache["store"].memo("consistency.surnames-by-length", build)


def _may_be_near_surname(surnames: dict[int, list[tuple[str, str]]], w: str) -> bool:
    """Whether ``_near_people(g, w)`` can be non-empty: it keeps only surnames of the length
    of ``w`` (``_surnames_by_length``) that ``_near_glossary`` finds, with the first letter
    changed or, ``w`` of 6 letters or more, one edit from it. A few comparisons instead of the
    symmetric-delete lookup, for the many words seen for the first time that are near none."""
    fw = fold(w)
    for gw, fgw in surnames.get(len(w), ()):
        if gw == w:
            continue
        if gw[1:] == w[1:] or (len(w) >= 6 and Levenshtein.distance(fgw, fw, score_cutoff=1) == 1):
            return True
    return False


def _near_people(g: Glossary, w: str) -> list[tuple[str, list[Entity]]]:
    """The glossary surnames one letter from ``w`` (``_near_glossary``, in its order), each
    with the people whose surname it is, when ``w`` could be that surname misspelt: only the
    last word of a person's name, one letter changed in place (Ciani for Tiani; Mamadou is not
    Amadou, a first name one letter longer). Entries without such a person are left out."""
    out = []
    for gw, ents in _near_glossary(g, w):
        people = [
            e
            for e in ents
            if e.kind == "person"
            and len(gw) == len(w)
            and any(form.split()[-1] == gw for form in (e.name, *e.variants))
        ]
        if people:
            out.append((gw, people))
    return out


def _glossary_pair(g: Glossary, right: str, neighbours: set[str]) -> bool:
    """Whether a glossary person is named ``right`` next to one of ``neighbours`` (folded):
    Kylian beside Mbappé is Kylian Mbappé."""
    fr = fold(right)
    for e in g.name_tokens.get(right, ()):
        if e.kind != "person":
            continue
        for form in (e.name, *e.variants):
            words = [fold(w) for w in form.split()]
            if fr in words and neighbours & set(words):
                return True
    return False


def _near_glossary(g: Glossary, w: str) -> Iterator[tuple[str, list[Entity]]]:
    """Glossary name tokens one edit from ``w`` (symmetric-delete lookup, no scan)."""
    fw = fold(w)
    seen: set[str] = set()
    # sorted: sets iterate in an order that depends on the hash seed, and the first surname
    # found is the one reported, so the output must not
    for d in sorted(deletions(fw)):
        for gw in sorted(g.near.get(d, ())):
            if gw in seen or gw == w:
                continue
            seen.add(gw)
            if len(gw) == len(w) and gw[1:] == w[1:]:
                yield gw, g.name_tokens[gw]  # first letter swapped: Ciani / Tiani
            elif len(w) >= 6 and Levenshtein.distance(fold(gw), fw, score_cutoff=1) == 1:
                yield gw, g.name_tokens[gw]


# -- inconsistency.defined-name ----------------------------------------------------------------


_LEADING_ARTICLE_RE = lazy(regex.compile, r"^(?:(?:the|an?|la|les?)\s+|l['’])", regex.IGNORECASE)


def defined_name(doc: Document, rule: Rule) -> Iterator[Finding]:
    """A name the article defines as ``Long Name (ACR)`` written elsewhere with its words
    reordered, half French or glued (``Liberation Front of Macina`` beside ``Macina
    Liberation Front (FLM)``): the article's own definition is the reference, so this works for
    bodies no glossary knows."""
    defined = _defined(doc)
    if not defined:
        return
    g = doc_glossary(doc)
    text = doc.text
    min_ratio = float(rule.params.get("token_ratio", 85))
    references = _chunk_keys(doc, g).references(_chunk_flags(doc, g))
    refs = []
    for acr, long in defined.items():
        ref = references[long]
        if ref is not None:
            refs.append((acr, *ref))
    if not refs:
        return
    # the spans with enough content keys for a window of a definition; a span is split into
    # runs only if each key of a definition is equal or close to one of its keys, or no
    # window of it can align whole. (``_near_keys`` over the keys of all these spans: a run
    # holds only keys of its span, so what it finds in a run is what it would find over the
    # runs' keys alone.)
    spans = _keyed_spans(doc, g, min(len(keys) for _, _, keys in refs))
    if not spans:
        return
    closeness = doc.cache["store"].memo(f"consistency.close-keys.{min_ratio}", lambda: _CloseKeys(min_ratio))
    near = _near_keys(set().union(*[keys for _, _, keys in spans]), refs, min_ratio, closeness)
    tests = [(len(keys), [by_key[t] for t in keys]) for (_, _, keys), (by_key, _) in zip(refs, near, strict=True)]
    # (a span none of whose keys is close to a key of a definition passes none of the tests)
    relevant = set().union(*[c for _, close in tests for c in close])
    for start, end, span_keys in spans:
        if relevant.isdisjoint(span_keys):
            continue
        have = set(span_keys)
        passing = [ref for ref, (n, close) in zip(refs, tests, strict=True)
                   if n <= len(span_keys) and all(not have.isdisjoint(c) for c in close)]
        # (the definitions' own spans, most of those passing, are not split: see ``_is_own_span``)
        if all(_is_own_span(text, start, end, span_keys, ref, references) for ref in passing):
            continue
        for run in span_runs(doc, g, start, end):
            content = [i for i, p in enumerate(run) if p.key]
            have = {run[i].key for i in content}
            for (acr, long, keys), (by_key, acc) in zip(refs, near, strict=True):
                # each key equal or close to one of the run's, or no window of it can align whole
                if len(content) >= len(keys) and all(not have.isdisjoint(by_key[t]) for t in keys):
                    yield from _defined_in_run(rule, g, text, run, content, acr, long, keys, min_ratio, acc)


def _is_own_span(text: str, start: int, end: int, span_keys: tuple[str, ...], ref: tuple[str, str, tuple[str, ...]],
                 references: _References) -> bool:
    """Whether the span [start, end) with these content keys can give ``ref`` (acronym, long
    name, keys) no finding because it is that definition's own name (``The Macina Liberation
    Front`` before ``(FLM)``), known without splitting the span into pieces.

    So it is when the span ends with the long name after white space (or is it) and has its
    keys exactly: the words before the name then give no key (a span's keys are its
    whitespace chunks' in turn), so the span's content pieces are the name's, the only
    window of as many pieces is all of them, and when the name starts and ends with a content
    piece (``_References.whole``) that window's text is the name, which ``_defined_in_run``
    passes over. (A run of the span with fewer content pieces holds no window at all.)"""
    _, long, keys = ref
    if span_keys != keys or not references.whole(long):
        return False
    at = end - len(long)
    return at >= start and text.startswith(long, at) and (at == start or text[at - 1].isspace())


def _keyed_spans(doc: Document, g: Glossary, min_keys: int) -> list[tuple[int, int, tuple[str, ...]]]:
    """``terminology.keyed_spans``, with the keys of each span taken from its whitespace
    chunks (``str.split``, cached keys per chunk) instead of a regex search of the span for its
    words: no word holds white space, so the span's words are those of its chunks in order."""
    text = doc.text
    spans = _doc_spans(doc)
    # (one lookup per span: the runs of capitalised words recur from article to article)
    found = map(_chunk_keys(doc, g).spans.__getitem__, [text[start:end] for start, end in spans])
    return [(start, end, got) for (start, end), got in zip(spans, found, strict=True) if len(got) >= min_keys]


class _ChunkKeys(dict):
    """Whitespace chunk → the content keys of its words (``terminology._WordKeys`` of each
    ``terminology._WORD_RE`` word, in order); computed on first use, per chunk."""

    def __init__(self, g: Glossary, words: dict[str, tuple[str, ...]]) -> None:
        super().__init__()
        self.g = g
        self.words = words
        self.spans = _SpanKeys(self)
        self._references: _References | None = None

    def references(self, flags: _ChunkFlags) -> _References:
        """The ``_References`` of these keys and ``flags`` (those of the same glossary)."""
        if self._references is None or self._references.flags is not flags:
            self._references = _References(self, flags)
        return self._references

    def __missing__(self, chunk: str) -> tuple[str, ...]:
        if len(self) > 1 << 16:
            self.clear()
        got = self[chunk] = tuple(chain.from_iterable(map(self.words.__getitem__, _WORD_RE.findall(chunk))))
        return got


class _SpanKeys(dict):
    """Text of a span (``terminology._doc_spans``) → the content keys of its words: those of
    its whitespace chunks in order (``_ChunkKeys``; no word holds white space); computed on
    first use, per span text."""

    def __init__(self, chunks: _ChunkKeys) -> None:
        super().__init__()
        self.chunks = chunks

    def __missing__(self, span: str) -> tuple[str, ...]:
        if len(self) > 1 << 15:
            self.clear()
        got = self[span] = tuple(chain.from_iterable(map(self.chunks.__getitem__, span.split())))
        return got


class _References(dict):
    """Long name of a definition (``Document.acronyms``) → what ``defined_name`` compares with
    the article: the name without its leading article and its content keys; None for a name
    that is no reference (fewer than 3 keys, a glued word, a French connector). Computed on
    first use, per name."""

    def __init__(self, chunks: _ChunkKeys, flags: _ChunkFlags) -> None:
        super().__init__()
        self.chunks = chunks
        self.flags = flags
        self._whole: dict[str, bool] = {}  # see ``whole``

    def whole(self, long: str) -> bool:
        """Whether the first content piece of the name ``long`` (``split_pieces``, pieces
        with a key) starts it and its last one ends it; computed on first use, per name."""
        got = self._whole.get(long)
        if got is None:
            if len(self._whole) > 1 << 14:
                self._whole.clear()
            content = [p for p in split_pieces(long, 0, self.chunks.g.words) if p.key]
            got = self._whole[long] = bool(content) and content[0].start == 0 and content[-1].end == len(long)
        return got

    def __missing__(self, name: str) -> tuple[str, tuple[str, ...]] | None:
        if len(self) > 1 << 14:
            self.clear()
        self[name] = got = self._reference(name)
        return got

    def _reference(self, name: str) -> tuple[str, tuple[str, ...]] | None:
        long = _LEADING_ARTICLE_RE.sub("", name)
        # (the pieces of a long name are those of its whitespace chunks: see ``_chunk_keys``)
        chunks = long.split()
        keys = tuple(chain.from_iterable(map(self.chunks.__getitem__, chunks)))
        flags = [self.flags[c] for c in chunks]
        if len(keys) < 3 or any(merged for merged, _ in flags):
            return None
        if any(french for _, french in flags):
            return None  # a half-French definition is no reference (Alliance of States du Sahel)
        return long, keys


class _ChunkFlags(dict):
    """Whitespace chunk → whether a piece of it (``split_pieces``) is merged, and whether one is
    a French connector; computed on first use, per chunk."""

    def __init__(self, g: Glossary) -> None:
        super().__init__()
        self.g = g

    def __missing__(self, chunk: str) -> tuple[bool, bool]:
        if len(self) > 1 << 16:
            self.clear()
        pieces = split_pieces(chunk, 0, self.g.words)
        got = self[chunk] = (any(p.merged for p in pieces), any(p.text in FRENCH_CONNECTORS for p in pieces))
        return got


def _chunk_flags(doc: Document, g: Glossary) -> _ChunkFlags:
    """The ``_ChunkFlags`` of the document's glossary, shared by the documents of a store."""
    got = doc.cache["store"].memo("consistency.chunk-flags", lambda: _ChunkFlags(g))
    return got if got.g is g else _ChunkFlags(g)


def _chunk_keys(doc: Document, g: Glossary) -> _ChunkKeys:
    """The ``_ChunkKeys`` of the document's glossary, shared by the documents of a store."""

    def build() -> _ChunkKeys:
        return _ChunkKeys(g, _piece_weights(doc, g, _WordKeys))

    got = doc.cache["store"].memo("consistency.chunk-keys", build)
    return got if got.g is g and got.words is _piece_weights(doc, g, _WordKeys) else build()


def _near_keys(
    have: set[str], refs: list[tuple[str, str, tuple[str, ...]]], min_ratio: float, close: _CloseKeys | None = None
) -> list[tuple[dict[str, set[str]], set[str] | None]]:
    """For each definition, the keys of ``have`` (every content key of the article's runs)
    that ``_align`` may match to each of its keys: the key itself, and, both 4 letters or more,
    the keys ``min_ratio`` close to it (found by one rapidfuzz call per key over the keys never
    compared with it, instead of comparing every key of every run); and the union of these (None when ``min_ratio``
    is not positive: then ``_align`` may match other keys too). Each key of a definition must
    find one of these in a run for a window of it to align whole. ``close``: the pairs of keys
    already compared (for this ``min_ratio``), whose answers need no second rapidfuzz call."""
    if close is None:
        close = _CloseKeys(min_ratio)
    # (compress and map keep the per-key test in C)
    longer = set(compress(have, map((4).__le__, map(len, have))))
    out = []
    for _, _, keys in refs:
        by_key: dict[str, set[str]] = {}
        for t in keys:
            if t not in by_key:
                got = {t} & have
                if len(t) >= 4:
                    got.update(close.among(t, longer))
                by_key[t] = got
        out.append((by_key, set().union(*by_key.values()) if min_ratio > 0 else None))
    return out


class _CloseKeys:
    """For each key of a definition seen, the keys of 4 letters or more ``min_ratio`` close
    to it (``fuzz.ratio``) among those compared with it so far: the same keys recur in every
    article (and a definition's keys in many), so most articles compare none afresh."""

    def __init__(self, min_ratio: float) -> None:
        self.min_ratio = min_ratio
        self.close: dict[str, set[str]] = {}
        self.checked: dict[str, set[str]] = {}
        self.size = 0  # keys held in ``checked``

    def among(self, t: str, keys: set[str]) -> set[str]:
        """The keys of ``keys`` (4 letters or more) close to ``t``: ``process.extract`` of ``t``
        over them, asked only about the keys never compared with ``t``."""
        checked = self.checked.get(t)
        if checked is None:
            if self.size > 1 << 18 or len(self.checked) > 1 << 14:
                self.close.clear()
                self.checked.clear()
                self.size = 0
            checked = self.checked[t] = set()
            self.close[t] = set()
        close = self.close[t]
        new = keys.difference(checked)
        if new:
            close.update(k for k, _, _ in process.extract(t, list(new), scorer=fuzz.ratio, score_cutoff=self.min_ratio, limit=None))
            checked.update(new)
            self.size += len(new)
        return close.intersection(keys)


def _defined_in_run(
    rule: Rule,
    g: Glossary,
    text: str,
    run: list[Piece],
    content: list[int],
    acr: str,
    long: str,
    keys: tuple[str, ...],
    min_ratio: float,
    acc: set[str] | None = None,
) -> Iterator[Finding]:
    """``defined_name``'s finding (the first window) for one definition in one run of
    capitalised words; ``content``: the indexes of the run's pieces with a content key;
    ``acc``: the keys ``_align`` can match to one of ``keys`` (``_near_keys``), if known.

    Every test of a window is a filter without side effects, so the cheap ones come first:
    a window with a key ``_align`` cannot match, or that is the definition as written, is
    passed over before any alignment."""
    n = len(keys)
    for s in range(0, len(content) - n + 1):
        sel = content[s : s + n]
        if not (run[sel[0]].text[:1].isupper() and run[sel[-1]].text[:1].isupper()):
            continue
        window = [run[i].key for i in sel]
        if acc is not None and not acc.issuperset(window):
            continue  # (a key no target is close to is left unmatched)
        start, end = run[sel[0]].start, run[sel[-1]].end
        found = text[start:end]
        if found == long:
            continue
        m, pos, _missing = _align(window, keys, min_ratio)
        if m != n:
            continue
        if _continues(run, sel[0], -1, g.places) or _continues(run, sel[-1], 1, g.places):
            continue
        if g.is_accepted(found) is not None:
            continue
        pieces = run[sel[0] : sel[-1] + 1]
        reordered = pos != sorted(pos)
        if n > 2 and pos == [*range(1, n), 0] and run[sel[-1]].text != long.split()[0]:
            # `Peleforo Gon Coulibaly University` beside `Université Peleforo Gon Coulibaly
            # (UPGC)`: the head word translated and moved to the end is English word order
            continue
        damaged = reordered or any(p.merged for p in pieces)
        if not damaged:
            continue
        if reordered and _OF_RE.search(long) and not _OF_RE.search(found):
            # `Coffee-Cocoa Council` beside the definition `Council of the Coffee-Cocoa (CCC)`:
            # the compact form is English word order, the definition may be the French one
            # (Conseil du café-cacao), so which to keep is for a person
            yield rule.finding(start, end, message=f"{found!r} and the definition {long!r} ({acr}) name one body"
                               " in two word orders; the definition may keep the French order.")
            break
        yield rule.finding(
            start, end, long,
            message=f"{found!r} is {long!r} ({acr}) as this article defines it.",
        )
        break


_OF_RE = lazy(regex.compile, r" (?:of|de|du|des)\b")
