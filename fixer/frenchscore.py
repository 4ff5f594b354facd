"""Find runs of French inside English text from token-level evidence.

Why tokens and not a language identifier: langdetect calls ``au Mali`` Swahili and
``D’après l’ONG Acled`` Catalan, costs milliseconds a segment and cannot say where the French
starts and stops. Here every word gets a kind from cheap evidence (French function words,
elided articles ``l’``/``d’``, elisions that lost their apostrophe ``lattaque``, French-minus-
English word frequency from wordfreq), and a run is a stretch of French words plus the names
they govern (``au Mali``). Capitalised words inside a sentence are names, never evidence, and a
run made only of name connectors (``de``, ``du``, ``la``) is part of a name (``Stade de
France``) unless it hangs on a plainly English word (``Alliance of States du Sahel``).

Everything derived from the rule data is built once per ``DataStore`` (``store.memo``); the
scan of a document is cached in ``doc.cache`` so the span, line and note rules share it.

langdetect is not used, because it did not help when measured. Seeded (``DetectorFactory.seed
= 0``) and asked only about the 29 spans this scorer flags in the seed, the dev corpus, the
samples and a set of tricky English sentences, it would have vetoed 2 of the 10 true spans of
three words or more (``to loccasion of`` → en, ``Vert de Saint-Etienne`` → de). It would have
vetoed none of the doubtful ones (``tribunal correctionnel de Paris`` → fr). It also costs ~18 ms
a call against microseconds here.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
import string
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import compress
from typing import Any, NamedTuple, TypeVar

import regex

from .document import WORD_RE
from .lazypattern import lazy
from .lexicon import zipf_en, zipf_fr

# French evidence, capitalised name, number, English/other, French that English keeps (allowed)
F, C, N, E, X = "F", "C", "N", "E", "X"

# French elides only before a vowel or mute h: l’attaque, d’après, qu’il; never c's or n't
ELISION_RE = lazy(regex.compile, r"^(jusqu|lorsqu|puisqu|qu|[ldnsjcmt])['’]([aeiouyhàâéèêëîïôûœ].*)$", regex.IGNORECASE)
MERGED_ELISION_RE = lazy(regex.compile, r"^(l|d|qu)([aeiouyhàâéèêëîïôûœ]\p{Ll}{3,})$")
MERGED_NAME_RE = lazy(regex.compile, r"^(l|d)(\p{Lu}\p{Ll}{2,})$")  # lUnion, dAfrique: l’/d’ lost before a name
DIACRITIC_RE = lazy(regex.compile, r"[àâçéèêëîïôûùüÿœæ]")
NDLR_RE = lazy(regex.compile, r"^(?:NDLR|Ndlr|ndlr|NDT|N\.D\.L\.R)$")
# Prepositions and articles that take an object: the name after them belongs to the run.
GOVERNING = frozenset(
    "de du des la le les à au aux dans entre selon après avec chez vers sur sous depuis pendant "
    "contre parmi malgré lors durant envers auprès et ou en".split()
)


def norm(word: str) -> str:
    """Lower case with the typographic apostrophe folded to the ASCII one."""
    return word.replace("’", "'").lower()


def deaccent(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


class Tok(NamedTuple):
    """A word with its kind. ``content`` marks French evidence that is not a name connector;
    ``strong`` evidence that no English sentence produces by chance (an elided article before a
    lower-case word, an elision that lost its apostrophe, NDLR)."""

    start: int
    end: int
    text: str
    kind: str
    initial: bool
    content: bool = False
    strong: bool = False
    governs: bool = False
    english: bool = False  # a capitalised word that is plainly English (States, Community)


@dataclass
class Run:
    """A stretch of French found in one line: its span, its words and why it was kept."""

    start: int
    end: int
    toks: list[Tok]
    reason: str = ""


@dataclass
class FrenchModel:
    """The rule data compiled for scanning: built once per store."""

    function_words: frozenset[str]
    connectors: frozenset[str]
    allowed: dict[str, list[str]]  # first word → allowed phrases starting with it, longest first
    places: frozenset[str]
    lex_gap: float = 1.5
    lex_en_max: float = 3.6
    lex_fr_min: float = 3.0
    _cache: dict[str, tuple[float, float]] = field(default_factory=dict)
    _kinds: dict[tuple[str, bool], tuple[str, bool, bool, bool, bool]] = field(default_factory=dict)
    _words: dict[str, WordInfo] = field(default_factory=dict)  # see _word_info
    _judged: set[str] = field(default_factory=set)  # words may_hold_french has judged
    _french_words: set[str] = field(default_factory=set)  # those of them French (kind F)
    _chunks: dict[str, ChunkInfo] = field(default_factory=dict)  # see judge_chunk
    _seen_chunks: set[str] = field(default_factory=set)  # the keys of _chunks, as a set
    _french_chunks: set[str] = field(default_factory=set)  # those with a word that can be F
    _opener_chunks: set[str] = field(default_factory=set)  # those with a word opening a phrase
    _held_known: set[str] = field(default_factory=set)  # chunks may_hold_french has judged alone
    _held_chunks: set[str] = field(default_factory=set)  # those it holds for
    _barriers: dict[str, bool] = field(default_factory=dict)  # see barrier_chunk
    _after_names: dict[str, bool] = field(default_factory=dict)  # see _after_name
    # the ASCII words the frequency tests of ``_classify`` may call French (``lexical_french_ascii``)
    lexical_ascii: frozenset[str] = field(init=False)
    # the norm of every ASCII word that may be F or open an allowed phrase (``plain_chunk``)
    suspects: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        self.lexical_ascii = lexical_french_ascii(self.lex_fr_min, self.lex_gap, self.lex_en_max)
        # ``_mask_info`` finds phrases for a word whose norm is a key of ``allowed``, or that
        # key with an s (its plural rule; keys are normed, so such a word holds no ’)
        openers = {*self.allowed, *(key + "s" for key in self.allowed)}
        self.suspects = self.function_words | self.lexical_ascii | NDLR_LOWER | openers

    def freqs(self, low: str) -> tuple[float, float]:
        got = self._cache.get(low)
        if got is None:
            got = (zipf_en(low), zipf_fr(low))
            self._cache[low] = got
        return got

    def is_lexical_french(self, low: str) -> bool:
        en, fr = self.freqs(low)
        return fr >= self.lex_fr_min and fr - en >= self.lex_gap and en <= self.lex_en_max

    def is_plain_english(self, low: str) -> bool:
        en, fr = self.freqs(low)
        return en >= 3.0 and en - fr >= 1.5


def build_model(store: Any) -> FrenchModel:
    def build() -> FrenchModel:
        words: set[str] = set()
        connectors: set[str] = set()
        for item in store.lines("lexicon/french-function-words.txt"):
            word, _, tag = item.partition(" ")
            words.add(norm(word))
            if tag.strip() == "=connector":
                connectors.add(norm(word))
        allowed: dict[str, list[str]] = {}
        for item in store.lines("lexicon/french-allowed.txt"):
            phrase = " ".join(norm(item).split())
            first = WORD_RE.match(phrase)
            if first is not None and first.start() == 0:
                allowed.setdefault(first.group(), []).append(phrase)
        for lst in allowed.values():
            lst.sort(key=len, reverse=True)
        places = frozenset(norm(p) for p in store.lines("lexicon/places.txt"))
        return FrenchModel(frozenset(words), frozenset(connectors), allowed, places)

    return store.memo("frenchscore.model", build)


# The frequency tests of ``_classify`` (after the function words and the elisions) make a word
# French only when its French Zipf is at least 2.5: ``is_lexical_french`` needs ``lex_fr_min``
# (3.0), the accented rule an accent (never in an ASCII word), the unaccented rule 2.5 and an
# English Zipf of 0. So the ASCII words those tests can call French are a fixed set, read off
# the two word lists once (``lexical_french_ascii``); a word outside it needs no lookup there.
LEXICAL_FR_FLOOR = 2.5


@functools.lru_cache(maxsize=4)
def lexical_french_ascii(fr_min: float, gap: float, en_max: float) -> frozenset[str]:
    """The ASCII words of the French list that ``is_lexical_french`` (with these bounds) or the
    unaccented rule of ``_classify`` (English Zipf 0, eight letters or more) takes for French,
    computed with the very Zipf values ``freqs`` returns. Kept in the disk cache under the keys
    of both lists (building it reads the whole English list, ~0.2 s); once per process."""
    from . import lexicon

    def build() -> frozenset[str]:
        en = dict(lexicon.common_words("en", -1.0))  # a word missing from the list has Zipf 0.0
        floor = min(LEXICAL_FR_FLOOR, fr_min)
        out = set()
        for word, fr in lexicon.common_words("fr", floor - 0.5):
            if not word.isascii() or fr < floor:
                continue
            e = en.get(word, 0.0)
            if (fr >= fr_min and fr - e >= gap and e <= en_max) or (e == 0.0 and len(word) >= 8):
                out.add(word)
        return frozenset(out)

    return lexicon.derived(("en", "fr"), "french-lexical-ascii", build, repr((LEXICAL_FR_FLOOR, fr_min, gap, en_max)))


EDGE_PUNCT = string.punctuation + "‘’“”«»–—…"  # punctuation often around a word, none of it a word character
NDLR_LOWER = frozenset({"ndlr", "ndt", "n.d.l.r"})  # the lower case of what NDLR_RE matches


def never_french(model: FrenchModel, word: str) -> bool:
    """Whether ``_classify`` gives ``word`` (a ``WORD_RE`` match) a kind other than F, initial or
    not; False when it may be F, and for any word whose ``norm`` (``low``, the key ``freqs``
    looks up) is not ASCII. Its F branches are: an NDLR mark; an elision (``ELISION_RE``); a
    merged name or elision (``lUnion``, ``lattaque``: their regexes); a function word;
    ``is_lexical_french`` or the unaccented rule, both only for the words of
    ``model.lexical_ascii``; the accented rule (needs an accent, so never for an ASCII ``low``)."""
    low = norm(word)
    if not low.isascii() or low in model.function_words or low in model.lexical_ascii or low in NDLR_LOWER:
        return False
    if "'" in low:
        return ELISION_RE.match(word) is None  # neither merged regex admits an apostrophe
    return not (word[0] in "ldq" and merged_may_be_french(word, low))


def merged_may_be_french(word: str, low: str) -> bool:
    """Whether ``_classify`` may call ``word`` (``low``: its ``norm``) French as a merged name
    (``lUnion``) or a merged elision (``lattaque``); the latter needs an English Zipf below 1
    (``freqs(low)[0]``), which rules out most English words the pattern fits (``later``)."""
    if MERGED_NAME_RE.match(word):
        return True
    return MERGED_ELISION_RE.match(word) is not None and zipf_en(low) < 1.0


_SHARED: dict[tuple[type, tuple], Any] = {}
TupleT = TypeVar("TupleT", bound=tuple)


def shared(value: TupleT) -> TupleT:
    """One instance of each of the few distinct values of the kind tuples and ``ChunkInfo``s kept
    per word or chunk: fewer objects kept means fewer for the garbage collector to count and
    traverse (on text never seen before, new objects are made for each new word)."""
    return _SHARED.setdefault((type(value), value), value)


def classify(model: FrenchModel, text: str, start: int, end: int, initial: bool) -> Tok:
    """The kind of one word (see the module docstring); cached per spelling and position."""
    key = (text, initial)
    got = model._kinds.get(key)
    if got is None:
        t = _classify(model, text, initial)
        got = shared((t.kind, t.content, t.strong, t.governs, t.english))
        if len(model._kinds) < 500_000:
            model._kinds[key] = got
    return Tok(start, end, text, got[0], initial, got[1], got[2], got[3], got[4])


def _classify(model: FrenchModel, text: str, initial: bool) -> Tok:
    start = end = 0
    low = norm(text)
    first = text[0]
    if not text.isalpha() and any(ch.isdigit() for ch in text):  # a digit is never alphabetic
        return Tok(start, end, text, N, initial)
    if NDLR_RE.match(text):
        return Tok(start, end, text, F, initial, content=True, strong=True)
    m = ELISION_RE.match(text)
    if m:
        prefix, rest = m.group(1), m.group(2)
        if prefix[0].isupper() and not initial:
            return Tok(start, end, text, C, initial)  # N’Djamena, D’Angelo
        if rest[0].isupper():
            # l’Azawad, d’Ivoire, l’ONG: an article glued to a name; a connector
            return Tok(start, end, text, F, initial, governs=False)
        return Tok(start, end, text, F, initial, content=True, strong=True)
    mn = MERGED_NAME_RE.match(text)
    if mn and model.freqs(mn.group(2).lower())[1] >= 3.0:
        # lUnion, lÉquipe: an article glued to a French noun; the lost apostrophe is evidence
        return Tok(start, end, text, F, initial, content=True)
    if first.isupper():
        if text.isupper() and len(text) > 1:
            return Tok(start, end, text, C, initial)  # acronym
        if not initial:
            return Tok(start, end, text, C, initial, english=model.is_plain_english(low))
        if low in model.places:
            return Tok(start, end, text, C, initial)
        if low in model.function_words:
            return Tok(start, end, text, F, initial, content=low not in model.connectors, governs=low in GOVERNING)
        if model.is_lexical_french(low):
            return Tok(start, end, text, F, initial, content=True)
        en, _ = model.freqs(low)
        if en >= 3.0:
            return Tok(start, end, text, E, initial, english=model.is_plain_english(low))
        return Tok(start, end, text, C, initial, english=model.is_plain_english(low))
    if low in model.function_words:
        return Tok(start, end, text, F, initial, content=low not in model.connectors, governs=low in GOVERNING)
    en, fr = model.freqs(low)
    mm = MERGED_ELISION_RE.match(text)
    if mm and en < 1.0:
        rest_en, rest_fr = model.freqs(mm.group(2))
        if rest_fr >= 3.0 or rest_en >= 3.5:
            return Tok(start, end, text, F, initial, content=True, strong=True)
    if model.is_lexical_french(low):
        # strong when English never prints it, nor its unaccented spelling (débuts → debuts)
        strong = (en < 0.5 and (len(low) >= 8 or DIACRITIC_RE.search(low) is not None)
                  and model.freqs(deaccent(low))[0] < 1.0)
        return Tok(start, end, text, F, initial, content=True, strong=strong)
    if en < 0.5 and fr >= 1.5 and len(low) >= 6 and DIACRITIC_RE.search(low) and model.freqs(deaccent(low))[0] < 1.0:
        # a rarer French word English never prints (déconfinement); accented, so not a typo
        return Tok(start, end, text, F, initial, content=True, strong=True)
    if en == 0.0 and fr >= 2.5 and len(low) >= 8 and not DIACRITIC_RE.search(low):
        # a French word English never prints, unaccented (intersyndicale)
        return Tok(start, end, text, F, initial, content=True, strong=True)
    return Tok(start, end, text, E, initial)


URL_RE = lazy(re.compile, r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")
START_CHARS = frozenset(".!?:;\"“«([—–•*#")


ELISION_STUBS = frozenset({"l", "d", "qu", "n", "s", "j", "c", "m", "t", "jusqu", "lorsqu", "puisqu"})
SPACED_ELISION_RE = lazy(re.compile, r"(?: ['’]|['’] )[aeiouyhàâéèêëîïôûœAEIOUYHÀÂÉÈÊÎÔ]")


LOWER_RE = lazy(re.compile, r"[^\W\d_A-ZÀ-ÖØ-Þ]")
UPPER_RE = lazy(re.compile, r"[A-ZÀ-ÖØ-Þ]")


def shouting(line: str) -> bool:
    """A line written in capitals (a scraped headline): at least four words and nine letters
    in ten upper case, so acronyms in an ordinary line do not count."""
    upper = len(UPPER_RE.findall(line))
    if upper < 15 or len(line.split()) < 4:
        return False  # decided before counting the (many) lower-case letters
    # upper // 9 + 1 lower-case letters in a row already make too many: found in the first
    # words of an ordinary line, where counting them all would read the whole line
    run = upper // 9 + 1
    if run < len(LOWER_RUNS) and LOWER_RUNS[run].search(line):
        return False
    lower = len(LOWER_RE.findall(line))
    return upper >= 9 * lower


LOWER_RUNS = [re.compile(LOWER_RE.pattern + "{" + str(n) + "}") for n in range(12)]  # n lower-case letters in a row


def _mask_info(allowed: dict[str, list[str]], word: str) -> tuple[str, list[str] | None]:
    """A word's lower case and the allowed phrases (``french-allowed.txt``) it may open,
    looked up as ``line_tokens`` always did: as written, with ’ folded to ', or as the plural
    of an allowed word (protégés, communiqués)."""
    low = word.lower()
    cands = allowed.get(low) or (allowed.get(low.replace("’", "'")) if "’" in low else None)
    if not cands and low[-1:] == "s" and low[:-1] in allowed.get(low[:-1], ()):
        cands = [low]
    return low, cands or None


class WordInfo(NamedTuple):
    """What ``line_tokens`` needs to know of one spelling, wherever it stands."""

    low: str
    phrases: list[str] | None  # the allowed phrases it may open (``_mask_info``)
    stub: bool  # an elision stub (``ELISION_STUBS``): l, d, qu…
    plain: tuple[str, bool, bool, bool, bool, bool]  # Tok fields from kind on, not initial
    initial: tuple[str, bool, bool, bool, bool, bool]  # the same when initial


def _word_info(model: FrenchModel, word: str) -> WordInfo:
    """A spelling's ``WordInfo``: its mask lookup and its kind in both places (``classify``).
    ``initial`` only matters to a word that opens with a capital (``_classify``: the capitalised
    branch and a capitalised elision), so any other word is classified once."""
    low, phrases = _mask_info(model.allowed, word)
    if not word[0].isupper() and never_french(model, word):
        # ``_classify`` of such a word: N when it holds a digit, otherwise E by its last line
        kind = N if not word.isalpha() and any(ch.isdigit() for ch in word) else E
        return WordInfo(low, phrases, low in ELISION_STUBS, shared((kind, False, False, False, False, False)),
                        shared((kind, True, False, False, False, False)))
    # ``_classify`` itself: its result is kept here, in the WordInfo
    a = _classify(model, word, False)
    plain = shared((a.kind, False, a.content, a.strong, a.governs, a.english))
    if word[:1].isupper():
        b = _classify(model, word, True)
        initial = shared((b.kind, True, b.content, b.strong, b.governs, b.english))
    else:
        initial = shared((a.kind, True, a.content, a.strong, a.governs, a.english))
    return WordInfo(low, phrases, low in ELISION_STUBS, plain, initial)


def phrase_end(line_text: str, ms: int, phrases: list[str]) -> int:
    """Where the first of ``phrases`` (allowed French, longest first) written at ``ms`` ends, or
    -1: the phrase as a whole word sequence, white space folded, not glued to what follows.
    ``ms`` is where a word starts."""
    cap = len(phrases[0])
    seg = line_text[ms : ms + cap]
    low = norm(seg)
    # the usual case, settled by slicing one lower-case copy: lower case kept every offset
    # (no İ, no context-dependent Σ) and the only white space is single spaces, so a piece of
    # ``low`` is the piece's lower case, and folding its white space changes it only by a
    # trailing space (the piece starts at a word), which makes it one character too short
    plain = len(low) == len(seg) and "Σ" not in seg and low.isprintable() and "  " not in low
    if plain and not low.startswith(tuple(phrases)):
        return -1  # none is written there: the loop below would compare them one by one
    for phrase in phrases:
        n = len(phrase)
        pe = ms + n
        if plain and n <= cap:
            if low[:n] != phrase:
                continue
        elif " ".join(norm(line_text[ms:pe]).split()) != phrase:
            continue
        if not (pe < len(line_text) and (line_text[pe].isalnum() or line_text[pe] == "-")):
            return pe
    return -1


# the words of each chunk (``chunk_words``), shared by the scan and the phrase lookups
# (fixer.frenchphrases): they depend on the chunk alone
CHUNK_WORDS: dict[str, tuple[tuple[int, int, str], ...]] = {}


def chunk_words(chunk: str, cache: dict[str, tuple[tuple[int, int, str], ...]]) -> tuple[tuple[int, int, str], ...]:
    """``(start, end, word)`` of the ``WORD_RE`` words of one chunk, kept in ``cache``."""
    got = cache.get(chunk)
    if got is None:
        got = tuple((m.start(), m.end(), m.group()) for m in WORD_RE.finditer(chunk))
        if len(cache) < _CACHE_MAX:
            cache[chunk] = got
    return got


def split_words(text: str, cache: dict[str, tuple[tuple[int, int, str], ...]]) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of every ``WORD_RE`` match in ``text``, found chunk by chunk
    (``str.split()``): a word never holds white space, so a chunk has the same words alone as
    in the text. ``cache`` keeps each chunk's words (a chunk is a word with its punctuation)."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    find = text.find
    for chunk in text.split():
        pos = find(chunk, pos)  # the next chunk: white space before it cannot hold its start
        got = cache.get(chunk)
        for rs, re_, word in got if got is not None else chunk_words(chunk, cache):
            out.append((pos + rs, pos + re_, word))
        pos += len(chunk)
    return out


def line_tokens(model: FrenchModel, line_start: int, line_text: str,
                masked: list[tuple[int, int]] | None = None) -> list[Tok]:
    """Tokens of one line, classified. Words inside French that English keeps
    (``french-allowed.txt``) get the kind X, which ends a run without counting as English, and
    their spans are appended to ``masked``; words inside a URL or an e-mail address are E."""
    toks: list[Tok] = []
    maybe_url = "://" in line_text or "www." in line_text or "@" in line_text
    urls = [m.span() for m in URL_RE.finditer(line_text)] if maybe_url else []
    openers = _chunk_tokens(model, line_start, line_text, line_text.split(), 0, 0, True, urls,
                            shouting(line_text), masked, toks)
    _name_openers(model, line_start, line_text, toks, openers)
    return toks


def _chunk_tokens(model: FrenchModel, line_start: int, line_text: str, chunks: list[str], pos: int, prev_end: int,
                  at_start: bool, urls: list[tuple[int, int]], caps: bool, masked: list[tuple[int, int]] | None,
                  toks: list[Tok], mask_end: int = -1, found: dict[int, int] | None = None) -> list[int]:
    """Append to ``toks`` the tokens of ``chunks``, consecutive chunks of ``line_text`` from the
    one at ``pos`` on; ``prev_end`` is where the word before them ends in the line, and
    ``at_start`` says there is none; ``mask_end``, where the last allowed phrase found before
    them ends; ``found``, when given, the line's allowed phrases (start → end, from
    ``allowed_spans``, which tries the same words in the same order), read instead of
    ``phrase_end``. Returns the indices (in ``toks``) of the initial F words, for
    ``_name_openers``."""
    new = tuple.__new__  # builds a Tok without its Python-level __new__ (a hot loop)
    words = model._words
    openers: list[int] = []  # indices of the initial F words, for the name test
    # the words chunk by chunk, as split_words finds them (inlined: this is the hot loop)
    find = line_text.find
    cache = CHUNK_WORDS
    for chunk in chunks:
        pos = find(chunk, pos)
        chunk_start = pos
        pos += len(chunk)
        got = cache.get(chunk)
        for rs, re_, word in got if got is not None else chunk_words(chunk, cache):
            ms, me = chunk_start + rs, chunk_start + re_
            if caps:  # a headline in capitals: judge its words as if written in lower case
                word = word.lower()
            if ms - prev_end == 1 and toks and line_text[prev_end] == " ":
                initial = False  # the usual case: one space after the previous word
            else:
                g = line_text[prev_end:ms].rstrip()
                initial = (not toks and at_start) or (bool(g) and g[-1] in START_CHARS)
            prev_end = me
            s, e = ms + line_start, me + line_start
            if urls and any(a <= ms < b for a, b in urls):
                toks.append(new(Tok, (s, e, word, E, initial, False, False, False, False)))
                continue
            # per spelling, cached: the allowed phrases it may open and its kinds (WordInfo)
            info = words.get(word)
            if info is None:
                info = _word_info(model, word)
                if len(words) < 500_000:
                    words[word] = info
            _low, cands, stub, plain, init = info
            if cands and ms >= mask_end:
                pe = phrase_end(line_text, ms, cands) if found is None else found.get(ms, -1)
                if pe >= 0:
                    mask_end = pe
                    if masked is not None:
                        masked.append((s, pe + line_start))
            if ms < mask_end:
                toks.append(new(Tok, (s, e, word, X, initial, False, False, False, False)))
                continue
            if stub and SPACED_ELISION_RE.match(line_text, me):
                # l’ attaque, d ’après: an elided article cut off from its word by a space
                if initial:
                    openers.append(len(toks))
                toks.append(new(Tok, (s, e, word, F, initial, True, True, False, False)))
                continue
            if initial:
                if init[0] == F:
                    openers.append(len(toks))
                toks.append(new(Tok, (s, e, word, *init)))
            else:
                toks.append(new(Tok, (s, e, word, *plain)))
    return openers


def _name_openers(model: FrenchModel, line_start: int, line_text: str, toks: list[Tok], openers: list[int]) -> None:
    """A capitalised French word opening a sentence and followed by another capitalised word is
    a first name or the head of a name (François Legault, Forces armées…), not evidence."""
    for k in openers:
        t = toks[k]
        if k + 1 < len(toks) and t.text[:1].isupper():
            nxt = toks[k + 1]
            if (nxt.text[:1].isupper() and norm(t.text) not in model.function_words
                    and not ELISION_RE.match(t.text)
                    and line_text[t.end - line_start : nxt.start - line_start] == " "):
                toks[k] = Tok(t.start, t.end, t.text, C, t.initial)


# Most lines that reach the word-by-word scan are long English paragraphs with a few French
# words. ``window_tokens`` classifies only the words around those: the stretches of chunks
# around each chunk that can hold an F word, widened until some chunks in a row are barriers
# (``barrier_chunk``, and no word of an allowed phrase: ``allowed_spans``) before and after
# (``chunk_windows``). Why the result is the same: a barrier's words are E wherever they stand
# (never initial-dependent, never X, never a cut-off elision), so no run, name
# (``continues_name``) or stretch crosses one. Every word the scan reads beside a French word
# lies inside the window: the two before it (``judge``: ``left``, ``in_english_name``), the
# eight before it when the line holds an acronym in parentheses (``named_with_acronym``, whose
# pattern needs one: ``acronym_paren_in``), the one after it (``_lone_words``,
# ``_name_openers``, ``continues_name``). Two windows are at least ``PAD_BEFORE + PAD_AFTER``
# words apart, more than ``bridge`` reaches (BRIDGE_MAX + 1 words), so it finds no F word
# outside the window it starts in, in the line as in the windows. Words outside the windows are never F, so the French sets of the spans
# (``_spans_of_line``) are the same, and the words skipped between two windows make the gap
# between their tokens hard (neither ``soft_gap`` nor one space). Only the count of English
# words of ``_is_french_line`` needs the whole line: the caller classifies the whole line when
# the windows' words cannot settle it.
PAD_BEFORE = 2
PAD_BEFORE_ACRONYM = 8  # when the line holds an acronym in parentheses (``named_with_acronym``)
PAD_AFTER = 3  # PAD_BEFORE + PAD_AFTER > BRIDGE_MAX


def barrier_chunk(model: FrenchModel, chunk: str) -> bool:
    """Whether every word of ``chunk`` (one at least) is of kind E, initial or not, opens no
    allowed phrase and is no elision stub; kept per model."""
    got = model._barriers.get(chunk)
    if got is None:
        words = chunk_words(chunk, CHUNK_WORDS)
        got = bool(words)
        for _s, _e, word in words:
            info = word_info(model, word)
            if info.phrases is not None or info.stub or info.plain[0] != E or info.initial[0] != E:
                got = False
                break
        if len(model._barriers) < _CACHE_MAX:
            model._barriers[chunk] = got
    return got


def indices_in(chunks: list[str], wanted: set[str] | frozenset[str]) -> list[int]:
    """The indices of the chunks of ``chunks`` that are in ``wanted``, ascending, found by set
    and list operations in C: a line has many chunks, and few of them are wanted."""
    return indices_of(chunks, wanted.intersection(chunks))


def indices_of(chunks: list[str], present: set[str]) -> list[int]:
    """``indices_in`` when ``present``, the wanted chunks that ``chunks`` holds, is known: one
    pass of set lookups in C over the chunks (a count and an index run per wanted chunk cost
    more, and a sort)."""
    return list(compress(range(len(chunks)), map(present.__contains__, chunks)))


def chunk_start(line_text: str, i: int) -> int:
    """Where chunk ``i`` of ``line_text.split()`` starts: the rest of the line after ``i``
    splits starts with it."""
    return len(line_text) - len(line_text.split(None, i)[-1])


def allowed_spans(model: FrenchModel, line_text: str, chunks: list[str],
                  facts: LineFacts | None = None) -> tuple[list[tuple[int, int]], set[int]]:
    """The allowed phrases ``line_tokens`` finds in a line with no URL, not in capitals, as
    (start, end) in the line, and the indices of the chunks they reach. Only the words of the
    chunks that may open one (``model._opener_chunks``: all the line's chunks must be kept) are
    tried, in order, each where no phrase found before it still runs, as ``line_tokens`` does.
    ``facts``: what ``_masked_chunks`` found in the line already (``LineFacts``)."""
    spans: list[tuple[int, int]] = []
    reached: set[int] = set()
    openers = model._opener_chunks
    mask_end = -1
    # where each opener chunk starts (``chunk_start``), splitting only the rest of the line
    # after the last one found: one split of the line in all, not one per opener
    rest, at = line_text.lstrip(), 0  # the line from chunk ``at`` on
    known = facts.get(OPENERS) if facts else None
    for i in indices_in(chunks, openers) if known is None else indices_of(chunks, known):
        if i > at:
            rest, at = rest.split(None, i - at)[-1], i
        pos = len(line_text) - len(rest)
        for rs, _re, word in chunk_words(chunks[i], CHUNK_WORDS):
            ms = pos + rs
            cands = word_info(model, word).phrases
            if not cands or ms < mask_end:
                continue
            pe = facts.get(ms) if facts else None  # the first opener's, when _masked_chunks tried it
            if pe is None:
                pe = phrase_end(line_text, ms, cands)
            if pe < 0:
                continue
            mask_end = pe
            spans.append((ms, pe))
            j, p = i, pos
            while j < len(chunks) and p < pe:  # the chunks from this one that start before its end
                reached.add(j)
                p += len(chunks[j])
                j += 1
                if j < len(chunks):
                    p = line_text.find(chunks[j], p)
    return spans, reached


def chunk_windows(model: FrenchModel, chunks: list[str], hot: list[int], masked: set[int],
                  pad_before: int = PAD_BEFORE) -> list[tuple[int, int]]:
    """The windows (first and last chunk index) around the chunks ``hot`` (ascending), see
    above; ``masked``: the chunks an allowed phrase reaches. A window does not start right
    after a chunk without words, so the word before a window is in the chunk before it."""
    barriers = model._barriers
    out: list[tuple[int, int]] = []
    n = len(chunks)
    for i in hot:
        if out and i <= out[-1][1]:
            continue  # inside the last window already
        j, run = i - 1, 0
        while j >= 0 and run < pad_before:
            c = chunks[j]
            b = barriers.get(c)
            if b is None:
                b = barrier_chunk(model, c)
            run = run + 1 if b and j not in masked else 0
            j -= 1
        while j >= 0 and not chunk_words(chunks[j], CHUNK_WORDS):
            j -= 1
        a = j + 1
        j, run = i + 1, 0
        while j < n and run < PAD_AFTER:
            c = chunks[j]
            b = barriers.get(c)
            if b is None:
                b = barrier_chunk(model, c)
            run = run + 1 if b and j not in masked else 0
            j += 1
        if out and a <= out[-1][1] + 1:
            out[-1] = (out[-1][0], j - 1)
        else:
            out.append((a, j - 1))
    return out


def window_tokens(model: FrenchModel, line_start: int, line_text: str, chunks: list[str],
                  windows: list[tuple[int, int]], spans: list[tuple[int, int]]) -> list[Tok]:
    """The tokens of the chunks of ``windows`` (``chunk_windows``) of a line with no URL, not
    in capitals, whose allowed phrases are ``spans`` (``allowed_spans``), as ``line_tokens``
    classifies them in the whole line."""
    toks: list[Tok] = []
    openers: list[int] = []
    found = dict(spans)
    for a, b in windows:
        if a == 0:
            pos, prev_end = 0, 0
        else:
            pos = chunk_start(line_text, a - 1)
            prev_end = pos + chunk_words(chunks[a - 1], CHUNK_WORDS)[-1][1]
            pos += len(chunks[a - 1])
        # the end of the last phrase found before the window: where line_tokens's search stands
        mask_end = -1
        for ms, pe in spans:
            if ms >= pos:
                break
            mask_end = pe
        openers += _chunk_tokens(model, line_start, line_text, chunks[a : b + 1], pos, prev_end, a == 0, [],
                                 False, None, toks, mask_end, found)
    _name_openers(model, line_start, line_text, toks, openers)
    return toks


# an accent in a lower-case word (accents in names, Goïta, Faladié, prove nothing), a
# guillemet, or an elided article
TRIGGER_RE = lazy(re.compile, r"(?<!\w)[a-zà-ÿœæ]*[àâçéèêëîïôûùüÿœæ]|[«»]|(?<!\w)(?:[Qq]u|[ldnsjcmtLDNSJCMT])['’]\w")
SIMPLE_WORD_RE = lazy(re.compile, r"\w+")
VOWELS = frozenset("aeiouyh")


def may_hold_french(model: FrenchModel, line: str) -> bool:
    """A cheap test that lets most English lines skip the word-by-word scan. French evidence
    needs a French accent or guillemet, an elided article, a function word, or an elision that
    lost its apostrophe (``lattaque``), or a word the scorer takes for French; the words' kinds
    are cached, so a line costs a set of its words and one dict probe per distinct word.
    (The three tests are tried cheapest first: ``TRIGGER_RE`` costs the most per line.)"""
    words = set(SIMPLE_WORD_RE.findall(line.lower()))
    if not model.function_words.isdisjoint(words):
        return True
    # Each word's kind (as a non-initial word) is judged once per model: the words judged so
    # far and those found French are kept as sets, so a line costs two set operations.
    judged, french = model._judged, model._french_words
    known = model._words
    for w in words - judged:
        info = known.get(w)  # a spelling's WordInfo holds its kind, when it was judged
        if info is not None:
            kind = info.plain[0]
        elif never_french(model, w):
            # set tests for the usual new word (w is lower case, so no capitalised branch):
            # ``_classify`` would look its frequencies up only to say it is not F
            kind = E
        else:
            kind = classify(model, w, 0, 0, False).kind
        if len(judged) < 500_000:
            judged.add(w)
            if kind == F:
                french.add(w)
        if kind == F:
            return True
    return not words.isdisjoint(french) or TRIGGER_RE.search(line) is not None


# Which lines of a document can yield French at all. ``scan`` in fixer/detectors/french.py
# scores a line word by word; most English lines hold no word that can be French evidence, and
# a document-wide pass finds the few that may, so the word-by-word scan runs on those only.
#
# Why the test is a necessary condition. A line yields something only through a run that
# ``judge`` keeps, a lone word (``_lone_words``) or a French line (``_is_french_line``, three
# French words). Each needs a token of kind F with ``content``, and, with a single F token in
# the line, that token must be strong, govern a name (``judge``) or pass the lone-word bounds
# (``LONE_*``); ``bridge`` makes words F only between two F words, and without content. The
# exception is a half-translated name (``States du Sahel``): a French word right after a
# capitalised word and white space (``judge``: ``attached``), which needs no content.
# ``line_tokens`` makes a token F only as (1) ``classify(word, initial)``, where ``initial``
# holds for the first word of the line and after one of ``START_CHARS``; (2) any word of a line
# in capitals (``shouting``), judged in lower case; (3) an elided article cut off by a space
# (``SPACED_ELISION_RE``); the other steps (URLs, allowed phrases, names) only take evidence away.
# Words never cross white space, so (1) is judged once per chunk of ``str.split()`` (a word
# with its punctuation, ``(CNSP),``) and cached like the kinds of words; inside a chunk
# ``initial`` is exact, for its first word both values are tried. (2) and (3) are found by
# position, with regexes over the whole text.

TOKEN = r"[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*"  # document.WORD_RE
LAST_TOKEN_RE = lazy(regex.compile, TOKEN + "$")
TOKEN_CHAR_RE = lazy(regex.compile, r"[\p{L}\p{M}\p{N}]")
# A line in capitals (``shouting``) has at least 15 capitals and at most one lower-case letter
# per nine capitals, so five capitals follow each other with no lower-case letter between (15
# capitals in one group, or at least 9n in n + 1 groups: one group holds 5). Classes as there.
# Between two capitals: ``(?:[^\w\n]|[\d_])*``, written unrolled and possessive (no capital is
# one of those characters, so nothing is given back), four times over: the same matches, but
# most capitals (one followed by a lower-case letter) fail at once, ~2x faster over a text.
_CAPITALS_GAP = r"[^\w\n]*+(?:[\d_]++[^\w\n]*+)*+"
CAPITALS_RUN_RE = lazy(re.compile, r"[A-ZÀ-ÖØ-Þ]" + (r"(?:" + _CAPITALS_GAP + r"[A-ZÀ-ÖØ-Þ])") * 4)
# what follows an elision stub cut off from its word (``SPACED_ELISION_RE``): a space and an
# apostrophe in either order, then one of the vowels; found from the apostrophes (one
# ``str.find`` run for each, at memchr speed), whose neighbours are then read
SPACED_GAP_MARKS = ("'", "’")
SPACED_GAP_VOWELS = frozenset("aeiouyhàâéèêëîïôûœAEIOUYHÀÂÉÈÊÎÔ")
# the lone-word bounds of ``_lone_words`` (fixer/detectors/french.py, where they are explained)
LONE_EN_MAX = 1.5
LONE_FR_MIN = 4.0
LONE_MIN_LEN = 5
_CACHE_MAX = 500_000


class ChunkInfo(NamedTuple):
    """What the words of one chunk can be, whatever their place in a line."""

    french: int  # words that can be of kind F
    content: bool  # a word that is F with content where it stands (its first word: not initial)
    lead_content: bool  # its first word is F with content when it opens a sentence
    solo: bool  # a content word that can yield a run or a lone word without a second F word
    head: bool  # it opens with a word that is F when not initial (``du`` in ``States du Sahel``)
    opener: bool  # a word of it may open an allowed phrase (``_mask_info``)


def _yields_alone(model: FrenchModel, word: str, kind: tuple[str, bool, bool, bool, bool, bool]) -> bool:
    """Whether ``word``, of kind ``kind`` (``WordInfo.plain`` or ``.initial``: F with content),
    can be kept with no other F word in its line: strong or governing (``judge``), or within
    the lone-word bounds (``_lone_words``)."""
    if kind[3] or kind[4]:  # strong, governs
        return True
    if len(word) < LONE_MIN_LEN or not word.islower():
        return False
    en, fr = model.freqs(norm(word))
    return en < LONE_EN_MAX and fr >= LONE_FR_MIN


def word_info(model: FrenchModel, word: str) -> WordInfo:
    """``_word_info`` of a spelling, kept per model (``line_tokens`` reads the same cache)."""
    info = model._words.get(word)
    if info is None:
        info = _word_info(model, word)
        if len(model._words) < _CACHE_MAX:
            model._words[word] = info
    return info


def plain_chunk(suspects: frozenset[str], chunk: str) -> bool:
    """Whether ``chunk`` is ``NO_FRENCH`` for sure, the usual chunk: one ASCII word, perhaps
    with punctuation around it (which holds no letter, mark or digit, so that word is the
    chunk's only WORD_RE word), never F (``never_french``, whose set tests ``suspects``, the
    model's, covers) and opening no allowed phrase."""
    core = chunk.strip(EDGE_PUNCT)
    if not (core.isascii() and core.isalnum()):
        return False
    low = core.lower()
    return low not in suspects and not (core[0] in "ldq" and merged_may_be_french(core, low))


def judge_plain_chunks(model: FrenchModel, chunks: set[str]) -> Iterable[str]:
    """Keep the chunks of ``chunks`` (never judged) that ``plain_chunk`` settles as
    ``NO_FRENCH`` all at once, as ``judge_chunk`` would one by one, and return the others,
    to be judged one by one. When the cache has no room for them all, nothing is kept."""
    if len(model._chunks) + len(chunks) >= _CACHE_MAX:
        return chunks
    suspects = model.suspects
    plain = [c for c in chunks if plain_chunk(suspects, c)]
    if not plain:
        return chunks
    model._chunks.update(dict.fromkeys(plain, NO_FRENCH))
    model._seen_chunks.update(plain)
    return chunks.difference(plain)


def judge_chunk(model: FrenchModel, chunk: str) -> ChunkInfo:
    """The ``ChunkInfo`` of a chunk (no white space in it), kept per model."""
    got = model._chunks.get(chunk)
    if got is not None:
        return got
    if plain_chunk(model.suspects, chunk):
        return _keep_chunk(model, chunk, NO_FRENCH)
    core = chunk.strip(EDGE_PUNCT)
    known = model._words.get(chunk)
    if known is None and not (core.isascii() and core.isalnum()):
        # several words, or words with an apostrophe or an accent: when none can be F
        # (``never_french``), the ChunkInfo below has nothing set but ``opener``
        words = [w for _s, _e, w in chunk_words(chunk, CHUNK_WORDS)]
        if all(never_french(model, w) for w in words):
            opener = any(_mask_info(model.allowed, w)[1] is not None for w in words)
            return _keep_chunk(model, chunk, shared(ChunkInfo(0, False, False, False, False, opener)))
    french = 0
    content = lead = solo = head = opener = False
    prev_end = 0
    # the usual chunk is one word already seen: a string WORD_RE matched whole is its own
    # only word, so the search can be skipped; so can it for one ASCII word in punctuation
    if known is not None:
        words: Iterable[tuple[int, int, str]] = ((0, len(chunk), chunk),)
    elif core.isascii() and core.isalnum():
        off = chunk.find(core)  # the punctuation before it holds no letter or digit
        words = ((off, off + len(core), core),)
    else:
        words = chunk_words(chunk, CHUNK_WORDS)
    for k, (start, end, word) in enumerate(words):
        info = known if known is not None else word_info(model, word)
        opener = opener or info.phrases is not None
        if k == 0:
            plain, init = info.plain, info.initial
            head = plain[0] == F and start == 0
            content = plain[0] == F and plain[2]
            lead = init[0] == F and init[2]
            french += plain[0] == F or init[0] == F
            for kind in (plain, init):
                solo = solo or (kind[0] == F and kind[2] and _yields_alone(model, word, kind))
        else:  # the gap from the previous word has no white space: ``initial`` as in line_tokens
            kind = info.initial if chunk[prev_end:start][-1] in START_CHARS else info.plain
            if kind[0] == F:
                french += 1
                if kind[2]:  # content
                    content = True
                    solo = solo or _yields_alone(model, word, kind)
        prev_end = end
    return _keep_chunk(model, chunk, shared(ChunkInfo(french, content, lead, solo, head, opener)))


NO_FRENCH = shared(ChunkInfo(0, False, False, False, False, False))


def _keep_chunk(model: FrenchModel, chunk: str, chunk_info: ChunkInfo) -> ChunkInfo:
    """``chunk_info``, kept as the ``ChunkInfo`` of ``chunk`` while the cache has room."""
    if len(model._chunks) < _CACHE_MAX:
        model._chunks[chunk] = chunk_info
        model._seen_chunks.add(chunk)
        if chunk_info.french:
            model._french_chunks.add(chunk)
        if chunk_info.opener:
            model._opener_chunks.add(chunk)
    return chunk_info


def _may_open_sentence(chunks: list[str], i: int) -> bool:
    """Whether the first word of ``chunks[i]`` may be initial in ``line_tokens``: the first word
    of the line, or after a gap ending with a sentence mark. False only when it cannot be."""
    if i == 0 or not TOKEN_CHAR_RE.match(chunks[i]):
        return True  # first chunk, or punctuation before the word inside the chunk
    prev = chunks[i - 1]
    return prev[-1] in START_CHARS or TOKEN_CHAR_RE.search(prev) is None


def _after_name(model: FrenchModel, prev: str) -> bool:
    """Whether the chunk ``prev`` ends with a capitalised, plainly English word (``States`` in
    ``States du``): ``judge`` keeps a name with no French content only after a word whose
    ``english`` is set, and ``classify`` sets it only when ``is_plain_english`` holds. Kept
    per chunk."""
    got = model._after_names.get(prev)
    if got is None:
        m = LAST_TOKEN_RE.search(prev)
        got = m is not None and m.group()[0].isupper() and model.is_plain_english(norm(m.group()))
        if len(model._after_names) < _CACHE_MAX:
            model._after_names[prev] = got
    return got


def line_may_yield(model: FrenchModel, chunks: list[str], french: set[str] | None = None, line: str | None = None,
                   hits: list[int] | None = None, facts: LineFacts | None = None) -> bool:
    """Whether a line made of ``chunks`` (``str.split()``), not in capitals, can yield a French
    run, lone word or line, judged from its words alone; False only when it cannot (see the
    comment above). ``french``, when given, holds every chunk of the line that has a word that
    can be F; ``line``, when given, is the line's text, to leave out the words of its first
    allowed phrase (``_masked_chunks``); ``hits``, when given, the indices of the chunks of
    ``chunks`` in ``french``; ``facts``, when given, receives what ``_masked_chunks`` finds."""
    if hits is None:
        hits = list(range(len(chunks))) if french is None else indices_in(chunks, french)
    if not _may_yield_from(model, chunks, hits):
        return False
    masked = _masked_chunks(model, chunks, line, hits[-1], facts) if line is not None and hits else ()
    return not masked or _may_yield_from(model, chunks, [i for i in hits if i not in masked])


def _may_yield_from(model: FrenchModel, chunks: list[str], hits: Iterable[int]) -> bool:
    """``line_may_yield`` counting only the chunks ``chunks[i]`` for ``i`` in ``hits``."""
    n_french = 0
    content = solo = False
    for i in hits:
        chunk = chunks[i]
        info = judge_chunk(model, chunk)
        if not info.french:
            continue
        n_french += info.french
        content = content or info.content or (info.lead_content and _may_open_sentence(chunks, i))
        solo = solo or info.solo
        if info.head and i and _after_name(model, chunks[i - 1]):
            return True  # perhaps a half-translated name
    return content and (solo or n_french >= 2)


# What the line gate (``_masked_chunks``) finds of a line that the windows (``allowed_spans``)
# need again: under ``OPENERS``, the line's opener chunks (``model._opener_chunks`` among its
# chunks; their indices are listed only for a line that passes the gate); under the start of
# the first opener word, the end ``phrase_end`` found for it (-1: none). The opener set does
# not change in between: every chunk of the line was judged before the gate.
LineFacts = dict[object, Any]
OPENERS = "openers"


def _masked_chunks(model: FrenchModel, chunks: list[str], line: str, last: int | None = None,
                   facts: LineFacts | None = None) -> range | tuple[()]:
    """Indices of chunks all of whose words ``line_tokens`` marks X (allowed French: Côte
    d'Ivoire, coup d'état), from the first word of the line that may open an allowed phrase,
    when it opens its chunk: no phrase before it can cover it, so ``line_tokens`` tries its
    phrases, and every word starting before the phrase's end is X. Nothing is claimed for a
    line with a URL or an e-mail address (their words skip the phrase test), nor, when ``last``
    is given, when the first opener comes after chunk ``last`` (the caller's last chunk that
    matters: nothing it would leave out)."""
    if "://" in line or "www." in line or "@" in line:
        return ()
    openers = model._opener_chunks
    if facts is None:
        if openers.isdisjoint(chunks):
            return ()
        o = min(map(chunks.index, openers.intersection(chunks)), default=None)
    else:  # the same first index, the opener chunks kept for allowed_spans (one pass in all)
        present = facts[OPENERS] = openers.intersection(chunks)
        o = min(map(chunks.index, present), default=None)
    if o is None or (last is not None and o > last) or not model._seen_chunks.issuperset(chunks[:o]):
        return ()  # no opener, none before ``last``, or a chunk before it judged but not kept
    words = chunk_words(chunks[o], CHUNK_WORDS)
    if not words or words[0][0] != 0:
        return ()
    phrases = word_info(model, words[0][2]).phrases
    if not phrases:
        return ()  # the opener is a later word of the chunk
    ms = chunk_start(line, o)  # one split in C, not a find per chunk before it
    pe = phrase_end(line, ms, phrases)
    if facts is not None:
        facts[ms] = pe
    if pe < 0:
        return ()
    q = o + 1
    pos = ms + len(chunks[o])
    while q < len(chunks):
        pos = line.find(chunks[q], pos)
        last = chunk_words(chunks[q], CHUNK_WORDS)
        if pos >= pe or not last or pos + last[-1][0] >= pe:
            break
        pos += len(chunks[q])
        q += 1
    if words[-1][0] + ms >= pe:
        return ()  # the opener's own chunk runs past the phrase
    return range(o, q)


@dataclass
class Evidence:
    """Where French evidence may sit in one document (see ``find_evidence``)."""

    model: FrenchModel
    lines: set[int]  # numbers of the lines found by position (capitals, cut-off elisions)

    def may_yield(self, number: int, line: str) -> bool:
        """Whether line ``number`` (its text ``line``) can yield a French run, lone word or
        line; False only when it cannot."""
        if number in self.lines:
            return True
        chunks = line.split()
        french = self.french_chunks(chunks)
        return french is not None and line_may_yield(self.model, chunks, french, line)

    def french_chunks(self, chunks: list[str]) -> set[str] | None:
        """A set holding every chunk of ``chunks`` (a line's ``str.split()``) that has a word
        that can be F, or None when there is none: then the line cannot yield French unless it
        is one of ``lines``. Chunks never seen are judged now, most of them at once."""
        model = self.model
        french = model._french_chunks
        if not model._seen_chunks.issuperset(chunks):
            for chunk in judge_plain_chunks(model, set(chunks).difference(model._seen_chunks)):
                if judge_chunk(model, chunk).french and chunk not in french:
                    french = french | {chunk}  # the cache is full: kept for this line only
        return None if french.isdisjoint(chunks) else french

    def may_hold_french(self, line: str, chunks: list[str] | None = None) -> bool:
        """``may_hold_french(model, line)``, from its chunks (``chunks``: ``line.split()``, if
        known): each of its three tests looks at pieces of the line that never hold white space
        (a piece of ``\\w+``, a ``TRIGGER_RE`` match) and lower case does not look across white
        space, so it holds for the line exactly when it holds for one of its chunks alone; that
        is kept per chunk."""
        model = self.model
        if chunks is None:
            chunks = line.split()
        known, held = model._held_known, model._held_chunks
        if not held.isdisjoint(chunks):
            return True
        for chunk in set(chunks).difference(known):
            if may_hold_french(model, chunk):
                if len(known) < _CACHE_MAX:
                    held.add(chunk)
                return True
            if len(known) < _CACHE_MAX:
                known.add(chunk)
        return False


def find_evidence(model: FrenchModel, text: str, line_starts: list[int]) -> Evidence:
    """The lines of ``text`` (whose lines start at ``line_starts``) where French evidence is
    found by position: a regex pass and a few ``str.find`` runs over the whole text. The
    words of the other lines are judged per chunk by ``Evidence.may_yield``."""
    lines: set[int] = set()
    judged: set[int] = set()
    for m in CAPITALS_RUN_RE.finditer(text):
        n = bisect.bisect_right(line_starts, m.start())
        if n not in judged:
            judged.add(n)
            end = line_starts[n] - 1 if n < len(line_starts) else len(text)
            if shouting(text[line_starts[n - 1] : end]):  # a trailing \r counts neither way
                lines.add(n)
    vowels = SPACED_GAP_VOWELS
    for mark in SPACED_GAP_MARKS:
        i = text.find(mark)
        while i >= 0:
            # the gap starts at the space before the apostrophe (`` ’a``) or at the apostrophe
            # (``’ a``); the two exclude each other (the character after it is a vowel or a space)
            if i and text[i - 1] == " " and text[i + 1 : i + 2] in vowels:
                gap = i - 1
            elif text[i + 1 : i + 2] == " " and text[i + 2 : i + 3] in vowels:
                gap = i
            else:
                gap = -1
            if gap >= 0:
                # the word before the gap, whole: a stub has at most 6 letters, so a longer word
                # cut by the 8-character window is never taken for one
                stub = LAST_TOKEN_RE.search(text, max(0, gap - 8), gap)
                if stub is not None and stub.group().lower() in ELISION_STUBS:
                    lines.add(bisect.bisect_right(line_starts, gap))
            i = text.find(mark, i + 1)
    return Evidence(model, lines)


SOFT_GAP_RE = lazy(re.compile, r"[ \u00a0\u202f]{1,2}|[ \u00a0\u202f]?,[ \u00a0\u202f]{1,2}|[ \u00a0]?['’][ \u00a0]?")


def soft_gap(text: str) -> bool:
    """Whether two words can belong to one run: one space, a comma and a space, or an
    apostrophe with a space (``l’ attaque``). Tabs, runs of spaces (tables), quotes,
    underscores and any other punctuation separate runs."""
    return text == " " or SOFT_GAP_RE.fullmatch(text) is not None  # one space: the usual gap


def find_runs(model: FrenchModel, text: str, toks: list[Tok], acronyms: bool = True) -> list[Run]:
    """Group tokens into candidate runs and keep those with enough French evidence.
    ``acronyms``: False when no acronym in parentheses follows any of them (``judge``)."""
    runs: list[Run] = []
    n = len(toks)
    after = 0  # where the previous stretch ended
    # a stretch starts at a word that is neither E nor X; the words bridge turns into F lie
    # inside the stretch that bridged them, so the starts can be listed before the loop
    for i in [k for k, kind in enumerate(map(TOK_KIND, toks)) if kind != E and kind != X]:
        if i < after:
            continue
        j = i
        french = toks[i].kind == F  # judge keeps nothing from a stretch without an F word
        while j + 1 < n:
            gap = text[toks[j].end : toks[j + 1].start]
            if gap != " " and SOFT_GAP_RE.fullmatch(gap) is None:  # soft_gap, inlined
                break
            kind = toks[j + 1].kind
            if kind not in (E, X):
                j += 1
                french = french or kind == F
                continue
            if toks[j].kind != F:
                break  # bridge starts only from a French word (it would return j)
            k = bridge(model, text, toks, j)
            if k <= j:
                break
            for m in range(j + 1, k):  # words of both languages, French in this context
                t = toks[m]
                toks[m] = Tok(t.start, t.end, t.text, F, t.initial)
            j = k
            french = True  # bridge stops on an F word
        run = judge(model, text, toks, i, j, acronyms) if french else None
        if run is not None:
            runs.append(run)
        after = j + 1
    return runs


TOK_KIND = operator.itemgetter(3)  # Tok.kind, read by position in C (map)
TOK_START = operator.itemgetter(0)  # Tok.start

BRIDGE_MAX = 4


def bridge(model: FrenchModel, text: str, toks: list[Tok], j: int) -> int:
    """After the French word ``toks[j]``, up to ``BRIDGE_MAX`` words written the same in both
    languages (``ne``, ``face``, ``violence``, an allowed ``à la``) followed by another French
    word are French too; returns the index of that French word, or ``j`` when there is none."""
    if toks[j].kind != F:
        return j
    for k in range(j + 1, min(len(toks), j + 2 + BRIDGE_MAX)):
        t = toks[k]
        if not soft_gap(text[toks[k - 1].end : t.start]):
            return j
        if t.kind == F:
            return k if k > j + 1 else j
        if t.text[:1].isupper() or t.kind not in (E, X):
            return j
        if t.kind == E:
            en, fr = model.freqs(norm(t.text))
            if fr < 3.0 or fr < en - 0.5:
                return j
    return j


def continues_name(text: str, prev: Tok, nxt: Tok) -> bool:
    """Whether ``nxt`` extends the name ending at ``prev``: one space between them, and a
    capitalised word, a number, or a word of an allowed name (Côte d’Ivoire)."""
    if text[prev.end : nxt.start] != " ":
        return False
    if nxt.kind in (C, N):
        return True
    return nxt.kind == X and (nxt.text[:1].isupper() or prev.kind == X)


def judge(model: FrenchModel, text: str, toks: list[Tok], i: int, j: int, acronyms: bool = True) -> Run | None:
    """Trim a candidate stretch to its French part and decide whether it is French.
    ``acronyms``: False when no acronym in parentheses can follow (``acronym_paren_in``), so
    ``named_with_acronym`` need not be asked."""
    a = i
    while a <= j and toks[a].kind != F:
        a += 1
    if a > j:
        return None
    last_f = j  # the last F word of the stretch (toks[a] is one)
    while toks[last_f].kind != F:
        last_f -= 1
    b = last_f
    if toks[last_f].governs:
        # the name it governs: capitalised words joined by single spaces (Burkina Faso,
        # Côte d’Ivoire), never across a comma (…de la Santé, 300 people…)
        while b + 1 < len(toks) and continues_name(text, toks[b], toks[b + 1]):
            b += 1
    else:
        while b + 1 <= j and toks[b + 1].kind == N:  # the year after a month: 19 octobre 2022
            b += 1
    part = toks[a : b + 1]
    if len(part) > 1 and all(len(t.text) <= 2 for t in part):
        return None  # a list of codes (de, en, es, et), not a sentence
    frs = [t for t in part if t.kind == F]
    content = [t for t in frs if t.content]
    governed = b > last_f
    # what the run hangs on: a capitalised word right before it (a name it continues)
    left = toks[a - 1] if a > 0 else None
    attached = (left is not None and left.kind in (C, E, X) and left.text[:1].isupper()
                and text[left.end : part[0].start].strip() == "")
    if not content:
        # only connectors: a French name (Stade de France) unless glued to an English word
        named = governed or any(not t.content and ELISION_RE.match(t.text) for t in frs)
        if attached and left is not None and left.english and named and in_english_name(text, toks, a - 1):
            # the English head noun belongs to the span: States du Sahel → Sahel States
            return Run(left.start, part[-1].end, [left, *part], "half-translated name")
        return None
    if attached and left is not None and not left.english:
        return None  # Caisse de dépôt…, Mouvement pour la justice: a French name
    if len(frs) == 1 and NDLR_RE.match(frs[0].text):
        return None  # a lone editor's mark in an English note: rule untranslated.editor-note
    if len(frs) >= 2 or any(t.strong for t in content) or (governed and any(t.governs for t in content)):
        if (in_gloss(text, part[0].start, part[-1].end) or glossed_after(model, text, part[-1].end)
                or talked_about(text, part[0].start, part[-1].end)):
            return None
        if acronyms and named_with_acronym(text, toks, a, b):
            return None
        if in_french_quote(model, text, part[0].start, part[-1].end):
            return None
        return Run(part[0].start, part[-1].end, part, "French words")
    return None


WINDOW = 600


def line_window(text: str, start: int, end: int) -> tuple[int, int]:
    """The line around ``start:end``, at most ``WINDOW`` characters each side, so that a text
    without line breaks still costs a bounded amount per run."""
    lo = max(0, start - WINDOW)
    ls = text.rfind("\n", lo, start)
    ls = lo if ls < 0 else ls + 1
    hi = min(len(text), end + WINDOW)
    le = text.find("\n", end, hi)
    return ls, hi if le < 0 else le


def in_english_name(text: str, toks: list[Tok], k: int) -> bool:
    """Whether the English word ``toks[k]`` sits inside an English name, after ``of`` or after
    another plainly English capitalised word (``Alliance of States``, ``Joint Force``), rather
    than being a first name (``Will de Vries``, ``Hope de la Cruz``)."""
    if k < 1 or text[toks[k - 1].end : toks[k].start] != " ":
        return False
    prev = toks[k - 1]
    return prev.text == "of" or (prev.text[:1].isupper() and prev.english and not prev.initial)


def in_gloss(text: str, start: int, end: int) -> bool:
    """A French original given on purpose: a capitalised French name in parentheses after its
    English name (``Anatomy of a Fall (Anatomie d'une chute)``, ``the National Rally
    (Rassemblement national)``), or a quotation followed by its translation in parentheses."""
    ls, le = line_window(text, start, end)
    before, after = text[ls:start], text[end:le]
    op = before.rfind("(")
    if op >= 0 and ")" not in before[op:]:
        cl = after.find(")")
        if cl >= 0 and "(" not in after[:cl]:
            inner = (before[op + 1 :] + text[start:end]).strip()
            word = before[:op].rstrip().split()
            if inner[:1].isupper() and word and word[-1][:1].isupper():
                return True
    b, a = before.rstrip(), after.lstrip()
    if b and a and b[-1] in "«“\"" and a[0] in "»”\"":
        return a[1:].lstrip(" ,").startswith("(")
    return False


MENTION_BEFORE_RE = lazy(regex.compile,
    r"(?:\b(?:French|Québécois|Quebec)\s+)?\b(?:word|words|phrase|expression|term|saying|slogan|motto|verb|noun"
    r"|idiom|nickname|dubbed|called|known\s+as|so-called)\s*[:,]?\s*[‘“«\"']?\s*$", regex.IGNORECASE)
MENTION_TAIL = ":,‘“«\"' \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
# the last letters of MENTION_BEFORE_RE's keywords (``known as`` ends with ``as``)
MENTION_ENDS = ("word", "words", "phrase", "expression", "term", "saying", "slogan", "motto", "verb", "noun", "idiom",
                "nickname", "dubbed", "called", "as")
MEANING_AFTER_RE = lazy(regex.compile,
    r"[’”»\"']?\s*,?\s*(?:which\s+|that\s+)?(?:means|meaning|literally|translates|translated|roughly|"
    r"loosely|in\s+English|\(literally|known\s+as|also\s+called)\b", regex.IGNORECASE)


def talked_about(text: str, start: int, end: int) -> bool:
    """French named as French on purpose: ``the French expression se débrouiller``,
    ``… débrouillardise, which means resourcefulness``, ``centres de la petite enfance, known as
    CPEs``. English writing about the language, or naming a French thing and its short name."""
    lo = max(0, start - 40)
    # the pattern ends with its keyword and then only white space, a colon or comma, a quote
    # mark: without those, the window must end with the keyword (``str.casefold`` folds at
    # least what IGNORECASE does), which most runs' windows do not
    if text[lo:start].rstrip(MENTION_TAIL).casefold().endswith(MENTION_ENDS) and MENTION_BEFORE_RE.search(text, lo, start):
        return True
    return MEANING_AFTER_RE.match(text, end) is not None


GLOSS_AFTER_RE = lazy(regex.compile, r"[’'”»\"]?\s*\(([^()\n]{2,80})\)")


# the English after a dash: ``“… c’est pareil — it’s the same.”``, ``une grève — a strike —``:
# a short clause that closes the quotation or the dashed aside. (A dash clause that merely
# ends a sentence is not enough: that is as often the machine's own English going on.)
DASH_GLOSS_RE = lazy(regex.compile, r"[’'”»\"]?\s*[—–]\s*([^—–()\n.!?;:\"“”«»]{2,60}?)(?=[.!?,]?[\"”»]|\s*[—–])")
DASH_GLOSS_MAX_WORDS = 6
DASH_ASIDE_MAX_WORDS = 10


# the English as an appositive between commas, a word or two after the French at most: ``the
# projet de loi de finances, the annual budget bill, …``, ``the orpailleurs, Senegal's artisanal
# gold miners, …`` (a clause such as ``, the mayor said,``
# has a verb of saying or being, which no such gloss holds)
APPOSITIVE_GLOSS_RE = lazy(regex.compile,
    r"(?:[ \u00a0][\p{L}\p{M}’'\-]+){0,2},\s+(?:the|a|an|\p{Lu}[\p{L}\p{M}\-]+['’]s)\s+([^,.;:()\n\"“”«»]{2,60}?),")
APPOSITIVE_VERBS = frozenset("said says added told explained noted was is are were has have had will would can could".split())


def glossed_after(model: FrenchModel, text: str, end: int) -> bool:
    """A French term followed by its English in parentheses: ``the bouclier tarifaire
    (tariff shield)``, after a dash: ``c’est pareil — it’s the same.``, or between commas:
    ``the projet de loi de finances, the annual budget bill,``. The writer kept the French on
    purpose and explained it."""
    m = GLOSS_AFTER_RE.match(text, end)
    if m is not None and looks_english(model, m.group(1)):
        return True
    m = DASH_GLOSS_RE.match(text, end)
    if m is not None:
        # an aside closed by a second dash may explain at more length: ``the non-lieu — a
        # ruling that there is no case to answer —``
        limit = DASH_ASIDE_MAX_WORDS if text[m.end() : m.end() + 2].lstrip()[:1] in "—–" else DASH_GLOSS_MAX_WORDS
        if len(m.group(1).split()) <= limit and looks_english(model, m.group(1)):
            return True
    return "," in text[end : end + 40] and appositive_gloss(model, text, end)


# the same appositive right after the French, with no word between (a lone French word's gloss)
APPOSITIVE_RIGHT_AFTER_RE = lazy(regex.compile,
    r",\s+(?:the|a|an|\p{Lu}[\p{L}\p{M}\-]+['’]s)\s+([^,.;:()\n\"“”«»]{2,60}?),")


def appositive_gloss(model: FrenchModel, text: str, end: int, right_after: bool = False) -> bool:
    """Whether an English appositive between commas explains the French ending at ``end``: a
    word or two after it (``APPOSITIVE_GLOSS_RE``), or, with ``right_after``, at once (a lone
    word: `the orpailleurs, Senegal's artisanal gold miners,`). Six words at most, and no verb
    of saying or being (`, the mayor said,` is a clause)."""
    m = (APPOSITIVE_RIGHT_AFTER_RE if right_after else APPOSITIVE_GLOSS_RE).match(text, end)
    if m is None:
        return False
    gloss = m.group(1).split()
    return (len(gloss) <= DASH_GLOSS_MAX_WORDS and APPOSITIVE_VERBS.isdisjoint(w.lower() for w in gloss)
            and looks_english(model, m.group(1)))


def looks_english(model: FrenchModel, text: str) -> bool:
    """Every word at least as English as French, and most of them plainly English."""
    words = [norm(w.group()) for w in WORD_RE.finditer(text)]
    if not words or any(w[:1].isdigit() for w in words):
        return False
    scores = [model.freqs(w) for w in words]
    if any(fr > en + 0.5 for en, fr in scores):
        return False
    return sum(en >= 3.0 and en > fr for en, fr in scores) * 2 >= len(words)


ACRONYM_AFTER_RE = lazy(regex.compile, r"[^.!?;:()\[\]\n]{0,80}?\s\((?=[^)]*\p{Lu}[^)]*\p{Lu})\p{Lu}[\p{L}\p{N}\-&]{1,11}\)")
ACRONYM_PAREN_RE = lazy(regex.compile, r"\((?=[^)]*\p{Lu}[^)]*\p{Lu})\p{Lu}[\p{L}\p{N}\-&]{1,11}\)")  # its last part


def acronym_paren_in(text: str, start: int, end: int) -> bool:
    """Whether an acronym in parentheses (``ACRONYM_PAREN_RE``) opens in ``text[start:end]``:
    ``ACRONYM_AFTER_RE`` needs one, so without it ``named_with_acronym`` is False (most lines
    with a parenthesis hold an aside, ``(north-west)``, not an acronym)."""
    i = text.find("(", start, end)
    while i >= 0:
        if ACRONYM_PAREN_RE.match(text, i):
            return True
        i = text.find("(", i + 1, end)
    return False


def named_with_acronym(text: str, toks: list[Tok], a: int, b: int) -> bool:
    """A French body named with its acronym (``the Conseil national pour la sauvegarde de la
    patrie (CNSP)``): the name is kept in French on purpose, as English news often does."""
    if not ACRONYM_AFTER_RE.match(text, toks[b].end):
        return False
    if toks[a].text[:1].isupper() and not toks[a].initial:
        return True
    k = a - 1
    while k >= 0 and a - k <= 8 and soft_gap(text[toks[k].end : toks[k + 1].start]):
        if toks[k].text[:1].isupper():
            return True
        k -= 1
    return False


SHORT_QUOTE_WORDS = 6
OPEN_QUOTES = "“«‘"
CLOSE_QUOTES = "”»’"


def quote_around(text: str, start: int, end: int) -> tuple[int, int, int, int] | None:
    """``(ls, le, qs, qe)`` when ``start:end`` sits between quote marks on its line: the line
    window (``line_window``), the opening mark's offset in it and the closing mark's offset in
    the text; None otherwise. A straight double quote opens when the line has an odd number of
    them before the run."""
    ls, le = line_window(text, start, end)
    before = text[ls:start]
    qs = -1
    for q, c in zip(OPEN_QUOTES, CLOSE_QUOTES, strict=True):
        i = before.rfind(q)
        if i > before.rfind(c):
            qs = max(qs, i)
    if before.count('"') % 2 == 1:
        qs = max(qs, before.rfind('"'))
    if qs < 0:
        return None
    after = text[end:le]
    close = [i for i in (after.find(c) for c in CLOSE_QUOTES + '"') if i >= 0]
    if not close:
        return None
    return ls, le, qs, end + min(close)


def in_french_quote(model: FrenchModel, text: str, start: int, end: int) -> bool:
    """A quotation given in French on purpose: the run sits inside quote marks whose words are
    all French or names, and the quotation is short (a title, a slogan) or stands next to its
    translation (``« On est là » (“We are here”)``). A long French quotation with no
    translation is left to be flagged: the translator skipped it."""
    around = quote_around(text, start, end)
    if around is None:
        return False
    ls, le, qs, qe = around
    quote = text[ls + qs + 1 : qe]
    if has_plain_english(model, quote):
        return False
    if len(quote.split()) <= SHORT_QUOTE_WORDS:
        return True  # a title, a slogan, a chant: "Non, je ne regrette rien"
    # a longer French quotation is on purpose only when its translation stands next to it
    after_q = text[qe + 1 : le].lstrip(" ,")
    before_q = text[ls : ls + qs].rstrip(" ,:")
    return (after_q[:1] != "" and after_q[0] in "(“\"[") or (before_q[-1:] != "" and before_q[-1] in ")”\"]")


def has_plain_english(model: FrenchModel, text: str) -> bool:
    """Whether ``text`` holds a word only English uses often (the, of, will, which…)."""
    for m in WORD_RE.finditer(text):
        en, fr = model.freqs(norm(m.group()))
        if en >= 4.0 and en - fr >= 1.0:
            return True
    return False
