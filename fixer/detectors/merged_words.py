"""Words glued together by scraping and translation, and how to pull them apart.

Each kind of glue needs its own evidence, because a wrong split ruins a correct word:

- ``punct_join``: a closing bracket or quote, a sentence mark, a comma or a number glued to
  the next word at a link or markup edge: ``(AES)This``, ``[au Mali]is``, ``data)which``,
  ``…”slips``, ``2023The``, ``in2023``.
- ``case_join``: a lower-case letter followed by a capital inside one token: ``theAlliance``,
  ``AcledOn``, ``JulyAccording``. Brands and names do this on purpose (``iPhone``,
  ``McDonald``, ``PayPal``), so a split needs both sides to be words and, when both sides are
  capitalised, the right side to be a word that starts sentences (``On``, ``According``).
- ``elision``: a French ``l'``/``d'``/``qu'`` whose apostrophe was lost: ``lattaque``,
  ``dAfrica``; real only when the rest is a word and the whole token is none.
- ``name_join``: a name of the article or of the gazetteer glued to a common word:
  ``Barsaloghoin``.
- ``lost_apostrophe``: ``the army s announcement``, ``don t``, ``dont know``, ``Its the``.

Everything shared (the article's letter runs, where a run stands, spans to leave alone, the
apostrophe the article uses) is computed once per document in ``doc.cache``; word lists and
compiled patterns once per process through ``store.memo``. The five rules share one pass
over the text: its distinct letter runs (``RunIndex``), of which each rule has decided once per
run, across articles, whether it could want it (``RunBook``); only the few wanted runs are
looked for in the text, and the rule's pattern is matched there. The punctuation rule finds its
places by three byte tables (``punct_candidates``). See "fast candidates" and "letter runs"
below for why nothing is lost.
"""

from __future__ import annotations

import bisect
import codecs
import re
import string
import unicodedata
from collections.abc import Callable, Iterable, Iterator, KeysView
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Generic, TypeVar

import regex

from ..document import Document
from ..glossary import fold
from ..lazypattern import lazy
from ..lexicon import common_words_set, zipf
from ..model import Edit, Finding, Rule

RUN_RE = lazy(regex.compile, r"[\p{L}\p{M}]+")
LETTER_RE = lazy(regex.compile, r"[\p{L}\p{M}]")  # one character of a RUN_RE run


# --------------------------------------------------------------------------- fast candidates
#
# The patterns below use the Unicode classes of `regex` (\p{Lu}, \p{N}, …), which it tries at
# every position of the article, slowly. Where that dominates, a pattern of the standard `re`
# (faster at this: PUNCT_RE's scan went from 0.025 to 0.011 CPU s per MB) first finds the few
# positions where the exact pattern could start, and the exact pattern is tried only there
# (``finditer_at``). The `re` pattern
# must match at every such position, so its classes are widened (``wide_class``): the ASCII
# members of the Unicode class, plus every non-ASCII character except some punctuation that
# `regex` itself says is no letter, mark or number. Whatever the Unicode versions of `re` and
# `regex`, nothing is lost; a false candidate only costs one failed match.

# Frequent in articles and never a letter, mark or number: left out of the widened classes.
NOT_WORD_PUNCT = "".join(c for c in "’‘“”«»–—…\u00a0\u202f" if not regex.match(r"[\p{L}\p{M}\p{N}]", c))


def wide_class(ascii_members: str, also: str = "") -> str:
    r"""A `re` class holding ``ascii_members``, ``also`` and every non-ASCII character but
    ``NOT_WORD_PUNCT``: at least every character of the `regex` class whose ASCII members are
    ``ascii_members`` (\p{Lu}: A-Z, \p{Ll}: a-z, \p{L}: both, \p{N}: 0-9, \p{M}: none)."""
    outside = [chr(i) for i in range(128) if chr(i) not in ascii_members + also]
    outside += [c for c in NOT_WORD_PUNCT if c not in also]
    return "[^" + "".join(f"\\u{ord(c):04x}" for c in outside) + "]"


UPPER_WIDE = wide_class(string.ascii_uppercase)  # ⊇ \p{Lu}
LOWER_WIDE = wide_class(string.ascii_lowercase)  # ⊇ \p{Ll} and \p{M}
LETTER_WIDE = wide_class(string.ascii_letters)  # ⊇ \p{L} and \p{M}
DIGIT_WIDE = wide_class(string.digits)  # ⊇ \p{N}
ALNUM_WIDE = wide_class(string.ascii_letters + string.digits)  # ⊇ [\p{L}\p{N}]
UPPER_DIGIT_WIDE = wide_class(string.ascii_uppercase + string.digits)  # ⊇ [\p{Lu}\p{N}]


def finditer_at(exact: regex.Pattern[str], candidates: re.Pattern[str], text: str) -> Iterator[regex.Match[str]]:
    """The matches of ``exact.finditer(text)``, trying ``exact`` only where ``candidates``
    matches. ``candidates`` consumes one character and must match at every position where a
    match of ``exact`` (never empty) can start; `regex` still sees the text before that position
    (look-behinds, ``\\b``), so each match is the one ``finditer`` finds there."""
    return matches_at(exact, text, (c.start() for c in candidates.finditer(text)))


def matches_at(exact: regex.Pattern[str], text: str, positions: Iterable[int]) -> Iterator[regex.Match[str]]:
    """The matches of ``exact.finditer(text)`` when every match starts at one of ``positions``
    (ascending): ``exact`` is tried there only, skipping positions inside the previous match."""
    end = 0
    for pos in positions:
        if pos < end:
            continue  # inside the previous match, where finditer does not look either
        m = exact.match(text, pos)
        if m is not None:
            end = m.end()
            yield m


# --------------------------------------------------------------------------- shared patterns

# A chunk (the non-space run around a candidate) that is a URL, an e-mail address, a hashtag
# or handle, a domain or a file name: no merged-word rule touches it.
LINK_CHUNK_RE = lazy(regex.compile,
    r"://|^[(\[\"“«]*(?:www\.|[#@])|@"
    r"|\.(?:com|org|net|edu|gov|io|fr|ca|uk|de|info|ml|bf|ne|sn|ci|ma|dz|tn|be|ch|co|tv|ly|me|app"
    r"|html?|php|aspx?|pdf|jpe?g|png|gif|js|py|txt|csv)\b",
    regex.IGNORECASE,
)
APOSTROPHES = "'’"
CODE_SPAN_RE = lazy(regex.compile, r"(`+)[^`\n]+?\1")
# A line of code (indented, a prompt, an assignment, a statement ending in `:` or `;`), or a
# fenced block: the punctuation rules stay out.
CODE_LINE_RE = lazy(regex.compile,
    r"^(?: {4,}|\t)\S|^\s*(?:>>>|\.\.\.|def |class |import |from \S+ import |return |@\w)"
    r"|^\s*(?:for|if|elif|else|while|try|except|with)\b.*:\s*$|\S\s?=\s?\S|[;{}]\s*$|\w\(\)"
)
# The alternatives of CODE_LINE_RE anchored at the start of the line: elsewhere in a line it
# can only match at a `=`, `;`, `{`, `}` or `()` (see ``code_line``).
CODE_LINE_START_RE = lazy(regex.compile,
    r"(?: {4,}|\t)\S|\s*(?:>>>|\.\.\.|def |class |import |from \S+ import |return |@\w)"
    r"|\s*(?:for|if|elif|else|while|try|except|with)\b.*:\s*$"
)
# What an editor's bracket holds: words, numbers and light punctuation, not code.
PROSE_CONTENT_RE = lazy(regex.compile, r"[\p{L}\p{M}\p{N}\s,.;:'’\-–—/&%€$]+")
CODE_CHARS = frozenset("_={}<>\\|/")
CODE_CHARS_RE = lazy(re.compile, "[" + re.escape("".join(sorted(CODE_CHARS))) + "]")  # any of them, in one scan
# Where a word may start inside a token: lower→Upper, or ACRONYM→Word (AESThis). Rare in
# clean text, so the case-join pass looks only in the letter runs where this matches.
CASE_JUNCTION_RE = lazy(regex.compile, r"(?<=\p{Ll}\p{M}*)\p{Lu}|(?<=\p{Lu}{2})\p{Lu}\p{Ll}")
# Among runs one a line, at least those holding a CASE_JUNCTION_RE match: a small letter or a
# mark before a capital, or three capitals before a small letter, by the widened classes of the
# standard `re` ("fast candidates" above). `regex` tried the pattern's look-behinds at every
# character of every new run (~0.15 ms per new article); the few extra lines (mostly words
# with accents) only cost a ``decide`` call, which finds the exact junctions.
CASE_JUNCTION_LINE_RE = lazy(re.compile, rf"(?m)^[^\n]*?(?:{LOWER_WIDE}{UPPER_WIDE}|{UPPER_WIDE}{{3}}{LOWER_WIDE})[^\n]*$")
# Among runs one a line, those that open with a capital (CAP_TOKEN_RE).
CAPITAL_LINE_RE = lazy(regex.compile, r"(?m)^\p{Lu}[^\n]*$")


# --------------------------------------------------------------------------- shared state


@dataclass
class Lexicon:
    """Word lists of the rule folders, read once per process."""

    protected: frozenset[str]
    protected_by_head: dict[str, tuple[str, ...]]  # first two letters → words of 4+ letters
    places: frozenset[str]  # whole names and each single word of a multi-word name
    place_names: frozenset[str]  # whole names only (`Saint` of `Saint-Louis` is no name)
    elisions: dict[str, str]
    place_heads: frozenset[str]  # the first word of each hyphenated place (`Ile` of Ile-de-France)
    place_folds: frozenset[str]  # the whole names without accents or case (`ile-de-france`)


def lexicon(doc: Document) -> Lexicon:
    store = doc.cache["store"]

    def build() -> Lexicon:
        protected = frozenset(store.lines("lexicon/protected.txt"))
        by_head: dict[str, list[str]] = {}
        for w in protected:
            if len(w) >= 4:
                by_head.setdefault(w[:2], []).append(w)
        places: set[str] = set()
        for name in store.lines("lexicon/places.txt"):
            places.add(name)
            for part in regex.split(r"[\s\-’']+", name):
                if len(part) >= 3 and part[:1].isupper():
                    places.add(part)
        elisions = {}
        for line in store.lines("lexicon/french-elision-words.txt"):
            glued, _, repaired = line.partition(" ")
            if repaired:
                elisions[glued] = repaired.strip()
        whole = frozenset(store.lines("lexicon/places.txt"))
        heads = {k: tuple(v) for k, v in by_head.items()}
        place_heads = frozenset(p.split("-")[0] for p in whole if "-" in p and p[:1].isupper())
        place_heads |= {fold(h).capitalize() for h in place_heads}  # (`Ile` for `Île`)
        return Lexicon(protected, heads, frozenset(places), whole, elisions, place_heads, frozenset(map(fold, whole)))

    return store.memo("merged_words.lexicon", build)


class Context:
    """What every merged-word rule wants to know about one article, computed on first use."""

    def __init__(self, text: str, lex: Lexicon, book: RunBook, doc: Document | None = None) -> None:
        self.text = text
        self.lex = lex
        self.book = book
        self.doc = doc
        self._runs: dict[str, int] = {}
        self._positions: dict[str, list[int]] = {}
        self._run_index: RunIndex | None = None
        self._code: list[tuple[int, int]] | None = None
        self._fences: list[int] | None = None
        self._code_lines: dict[int, bool] = {}
        self._phrases: dict[str, bool] = {}
        self._apostrophe: str | None = None
        self._encoded: bytes | None = None  # the cp1252 bytes, when asked before the run index

    @property
    def apostrophe(self) -> str:
        """The apostrophe the article uses between letters (curly or straight)."""
        if self._apostrophe is None:
            self._apostrophe = "’" if self.text.count("’") > self.text.count("'") else "'"
        return self._apostrophe

    def skipped(self, start: int, end: int) -> bool:
        """Whether ``start..end`` sits in a URL, an address, a hashtag, a file name or code."""
        a, b = chunk_around(self.text, start, end)
        return link_chunk(self.text[a:b]) or self.in_code_span(start, end)

    def in_code_span(self, start: int, end: int) -> bool:
        """Whether ``start..end`` overlaps a `code span`."""
        text = self.text
        if self._code is None:
            self._code = [m.span() for m in CODE_SPAN_RE.finditer(text)] if "`" in text else []
        return any(s < end and start < e for s, e in self._code)

    def in_code(self, pos: int) -> bool:
        """Whether ``pos`` is on a line of code or inside a fenced code block."""
        text = self.text
        start, end = line_bounds(text, pos)
        known = self._code_lines.get(start)
        if known is None and not (
            (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")
        ):
            known = False  # no line break for thousands of characters: prose, not code
        if known is None:
            line = text[start:end]
            known = self._code_lines[start] = code_line(line)
        if known:
            return True
        if self._fences is None:
            self._fences = fence_starts(text)
        return bisect.bisect_left(self._fences, start) % 2 == 1

    def contains(self, phrase: str) -> bool:
        """Whether the article contains ``phrase`` (cached: one scan per distinct phrase)."""
        got = self._phrases.get(phrase)
        if got is None:
            got = self._phrases[phrase] = phrase in self.text
        return got

    def standalone(self, word: str) -> int:
        """How often ``word`` stands as a whole letter run in the article (cached per word: a
        few dozen words are asked about per article, far cheaper than counting every run)."""
        got = self._runs.get(word)
        if got is None:
            # none for what is no run (a space, a digit, a hyphen); else as many as its positions
            got = self._runs[word] = len(self.positions(word)) if RUN_RE.fullmatch(word) else 0
        return got

    def alone(self, words: Spellings) -> set[str]:
        """Those of ``words`` that stand alone (``standalone(word) > 0``). A whole letter run of
        cp1252 letters is one of the article's runs: a word that is none of them is not searched
        (most of a word list, in most articles); the others are counted by ``standalone``."""
        found = {w for w in words.listed(self.runs(), self.book) if self.positions(w)}  # runs of letters
        return found.union(w for w in words.beyond if self.standalone(w) > 0)

    def runs(self) -> RunIndex:
        """The article's distinct letter runs (see ``RunIndex``), built on first use."""
        if self._run_index is None:
            # the document's word counts, which a full check computes for every article anyway
            # (terminology reads them): their keys are strings whose hashes the
            # count already computed, so the book's two set operations hash nothing, and the
            # cp1252 split is not made at all
            counts = self.doc.word_counts if self.doc is not None else None
            self._run_index = RunIndex(self.text, None if counts is None else counts.keys(), self._encoded)
        return self._run_index

    @property
    def encoded(self) -> bytes:
        """The article in cp1252 (``RunIndex.encoded``), without building the run index (and so
        counting the words) when no rule has: punct-join and link-text read only the bytes."""
        if self._run_index is not None:
            return self._run_index.encoded
        if self._encoded is None:
            self._encoded = encode_cp1252(self.text)
        return self._encoded

    def positions(self, word: str) -> list[int]:
        """Where ``word`` (a run of letters) stands as a whole run, in order, found once per
        article; ``standalone`` learns the count."""
        found = self._positions.get(word)
        if found is None:
            found = self._positions[word] = self.runs().positions(word)
            self._runs[word] = len(found)
        return found

    def is_place(self, word: str) -> bool:
        return word in self.lex.places

    def protected(self, run: str) -> bool:
        return protected_run(self.lex, run)


def protected_run(lex: Lexicon, run: str) -> bool:
    """A brand or name that changes case on purpose, possibly plural or possessive."""
    p = lex.protected
    if run in p:
        return True
    for suffix in ("s", "es", "ers", "er"):
        if run.endswith(suffix) and run[: -len(suffix)] in p:
            return True
    return any(run.startswith(w) for w in lex.protected_by_head.get(run[:2], ()))


def fence_starts(text: str) -> list[int]:
    """Where each ```` ``` ```` of ``text`` starts, left to right without overlap (as
    ``regex.finditer`` finds them), by ``str.find``; first a one-character search (memchr:
    ~0.1 µs for an article without a backtick, where the three-character search takes ~2)."""
    out: list[int] = []
    if "`" not in text:
        return out
    i = text.find("```")
    while i >= 0:
        out.append(i)
        i = text.find("```", i + 3)
    return out


def code_line(line: str) -> bool:
    """``CODE_LINE_RE.search(line) is not None``: its alternatives anchored at the start, then
    each other one alone, and only when the line holds its mark (a search of the whole
    pattern tries every alternative at every position of a long paragraph)."""
    if CODE_LINE_START_RE.match(line):
        return True
    if "=" in line and CODE_EQUALS_RE.search(line):
        return True
    if "()" in line and CODE_CALL_RE.search(line):
        return True
    return (";" in line or "{" in line or "}" in line) and CODE_LINE_END_RE.search(line) is not None


# The other alternatives of CODE_LINE_RE, each searched from its mark (look-behinds instead of
# leading classes: the same lines match).
CODE_EQUALS_RE = lazy(regex.compile, r"(?<=\S\s?)=\s?\S")
CODE_CALL_RE = lazy(regex.compile, r"(?<=\w)\(\)")
CODE_LINE_END_RE = lazy(regex.compile, r"[;{}]\s*$")


class Spellings:
    """A word list for ``Context.alone``: those in cp1252, looked up as runs (``listed``), and
    those beyond."""

    def __init__(self, words: Iterable[str]) -> None:
        inside = []
        beyond = []
        for w in dict.fromkeys(words):
            try:
                w.encode("cp1252")
                inside.append(w)
            except UnicodeEncodeError:
                beyond.append(w)
        self.inside = frozenset(inside)
        self.beyond = tuple(beyond)

    def listed(self, index: RunIndex, book: RunBook) -> list[str]:
        """The words of the list in cp1252 that are runs of the article (``RunIndex.keys``:
        maybe pieces cut by a character beyond cp1252, so not yet whole runs)."""
        return [w for w, _ in book.list_filter(self.inside).select(index, odd=False)]


# --------------------------------------------------------------------------- letter runs
#
# Most words of an article are candidates of no rule, and the same words come back in every
# article. So instead of matching each rule's pattern at every word of every article, the
# article's distinct letter runs are listed once (in C: encode, translate, split, set), each
# rule decides once per distinct run whether it could ever want it (``RunFilter``, remembered
# across articles: a run is a word), and only the few runs it wants are looked for in the text.
#
# cp1252 holds nearly every character of Western news text, one byte per character, so the
# bytes have the offsets of the text. A character beyond it is encoded as the byte 0x81 (which
# cp1252 leaves undefined) and separates runs; the real runs through such characters are
# found apart (``RunIndex.odd``), and a piece cut out by them is no whole run of the text, which
# ``RunIndex.positions`` checks on the text itself.

UNKNOWN_BYTE = b"\x81"


def _unknown_as_x81(err: UnicodeError) -> tuple[bytes, int]:
    if not isinstance(err, UnicodeEncodeError):
        raise err
    return UNKNOWN_BYTE * (err.end - err.start), err.end


CP1252_UNKNOWN = "fixer.merged_words.cp1252_unknown"
codecs.register_error(CP1252_UNKNOWN, _unknown_as_x81)


def encode_cp1252(text: str) -> bytes:
    """``text`` in cp1252, a character beyond it as UNKNOWN_BYTE: one byte per character."""
    return text.encode("cp1252", CP1252_UNKNOWN)


def _cp1252_letter(byte: int) -> bool:
    try:
        char = bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return False  # undefined in cp1252, among them UNKNOWN_BYTE
    return LETTER_RE.match(char) is not None


# A bytes.translate table: cp1252 letters (as `regex` classes them) stay, every other byte
# becomes a space.
CP1252_LETTERS_ONLY = bytes(i if _cp1252_letter(i) else 32 for i in range(256))


class RunIndex:
    """The maximal letter runs (``RUN_RE``) of one article, and which of them a ``RunBook``
    wants.

    The runs are read from the article's word tokens when the document has counted them
    already (``Document.word_counts``, whose keys hold every run: a token is letters, marks and
    numbers joined by apostrophes and hyphens, so each run lies whole in one token); else they
    are split out of the cp1252 bytes."""

    def __init__(self, text: str, tokens: KeysView[str] | None = None, encoded: bytes | None = None) -> None:
        self.text = text
        self._encoded: bytes | None = encoded  # (when the context encoded the text already)
        self.odd: set[str] = set()
        self.keys: KeysView[str] | set[bytes]
        if tokens is not None:
            self.keys = tokens
        else:
            encoded = self.encoded
            # every run of cp1252 letters, as bytes; also pieces of runs cut by an unknown character
            self.keys = set(encoded.translate(CP1252_LETTERS_ONLY).split())
            # the whole runs holding a character beyond cp1252
            if UNKNOWN_BYTE in encoded:
                self.odd = odd_runs(text, encoded)
        self._wanted: set[str] | set[bytes] = set()
        self._generation = -1

    @property
    def encoded(self) -> bytes:
        """The text in cp1252, a character beyond it as UNKNOWN_BYTE: one byte per character."""
        if self._encoded is None:
            self._encoded = encode_cp1252(self.text)
        return self._encoded

    def wanted(self, book: RunBook) -> set[str] | set[bytes]:
        """The keys (runs or tokens) of the article that some filter of ``book`` wants, once
        per article (again when a filter joined the book since)."""
        if self._generation != book.generation:
            book.learn(self.keys)
            self._wanted = self.keys & book.wanted  # iterates the few wanted keys
            self._generation = book.generation
        return self._wanted

    def positions(self, word: str) -> list[int]:
        """Where ``word`` stands as a whole run, in order: an occurrence found by ``str.find`` is
        a whole run when no letter or mark touches it on either side (the next whole run cannot
        start inside an occurrence: its letters would touch it)."""
        text = self.text
        encoded = self.encoded
        letter = CP1252_LETTERS_ONLY  # a space for each byte but a cp1252 letter
        unknown = UNKNOWN_BYTE[0]
        out = []
        size = len(word)
        n = len(text)
        i = text.find(word)
        while i >= 0:
            j = i + size
            # no cp1252 letter on either side; only an unknown character needs a closer look
            k = i - 1
            if (i == 0 or (letter[encoded[k]] == 32 and (encoded[k] != unknown or not LETTER_RE.match(text, k)))) and (
                j == n or (letter[encoded[j]] == 32 and (encoded[j] != unknown or not LETTER_RE.match(text, j)))
            ):
                out.append(i)
            i = text.find(word, j)
        return out


def key_runs(key: str | bytes) -> list[str]:
    """The runs a ``RunIndex`` key stands for: a run of cp1252 bytes, or a word token (one run
    when it is ASCII letters only, as most are)."""
    if isinstance(key, bytes):
        return [key.decode("cp1252")]
    return [key] if key.isascii() and key.isalpha() else RUN_RE.findall(key)


def odd_runs(text: str, encoded: bytes) -> set[str]:
    """The letter runs of ``text`` holding a character that ``encoded`` marks unknown."""
    out = set()
    i = encoded.find(UNKNOWN_BYTE)
    while i >= 0:
        end = i + 1
        if LETTER_RE.match(text, i):
            start = i
            while start > 0 and LETTER_RE.match(text, start - 1):
                start -= 1
            m = RUN_RE.match(text, start)
            if m is not None:
                out.add(m.group())
                end = m.end()
        i = encoded.find(UNKNOWN_BYTE, end)
    return out


T = TypeVar("T")


class RunBook:
    """The decisions of every ``RunFilter`` of one store on every run (or word token) met so
    far, remembered across articles (keyed by the run or token alone, bounded by ``LIMIT``
    keys). The filters of the five rules share one book, so an article costs two set
    operations in all: are all its keys known, and which of them does some filter want."""

    LIMIT = 200_000

    def __init__(self) -> None:
        self.deciders: list[Callable[[str], Any]] = []
        self.word_lists: list[frozenset[str] | None] = []  # a list filter's words: decided by a set operation
        self.shapes: list[re.Pattern[str] | regex.Pattern[str] | None] = []  # the runs a filter may want, one a line
        # per filter: key → (run, decision) for each run of the key the filter wants
        self.decided: list[dict[str | bytes, tuple[tuple[str, Any], ...]]] = []
        self.known: set[str | bytes] = set()  # keys every filter has decided
        self.wanted: set[str | bytes] = set()  # keys some filter wants
        self.generation = 0  # changes whenever ``wanted`` may lose runs or a filter joins
        self.lists: dict[frozenset[str], RunFilter[bool]] = {}

    def join(
        self,
        decide: Callable[[str], Any],
        words: frozenset[str] | None = None,
        shape: re.Pattern[str] | regex.Pattern[str] | None = None,
    ) -> int:
        """Add a filter (``words``: it wants just those runs; ``shape``: a multi-line pattern
        that finds, among runs one a line, every run it may want); its slot in ``decided``.
        Every run is decided again for it."""
        self.deciders.append(decide)
        self.word_lists.append(words)
        self.shapes.append(shape)
        self.decided.append({})
        self.known.clear()
        self.generation += 1
        return len(self.deciders) - 1

    def list_filter(self, words: frozenset[str]) -> RunFilter[bool]:
        """The filter that wants the runs of a word list, one per list."""
        got = self.lists.get(words)
        if got is None:
            got = self.lists[words] = RunFilter(self, lambda word: True if word in words else None, words)
        return got

    def learn(self, keys: KeysView[str] | set[bytes]) -> None:
        """Have every filter decide the runs of those ``keys`` that are new."""
        if self.known.issuperset(keys):  # for a dict's keys too, without building a set (a little faster than `<=`)
            return
        new = set(keys).difference(self.known)
        if len(self.known) + len(new) > self.LIMIT:
            self.known.clear()
            self.wanted.clear()
            for decided in self.decided:
                decided.clear()
            self.generation += 1
        # each distinct run is decided once, and only the keys holding a wanted run are visited;
        # most new keys are words of ASCII letters, each its own one run (``key_runs``): those
        # are picked by two str methods mapped in C, the others split one by one
        plain = set(filter(str.isascii, filter(str.isalpha, new))) if type(next(iter(new))) is str else set()
        keys_of: dict[str, list[str | bytes]] = {key: [key] for key in plain}
        for key in new.difference(plain) if plain else new:
            for run in key_runs(key):
                keys_of.setdefault(run, []).append(key)
        lines = None
        for decide, words, shape, decided in zip(self.deciders, self.word_lists, self.shapes, self.decided, strict=True):
            if words is not None:
                got = dict.fromkeys(words.intersection(keys_of), True)
            else:
                maybe: Iterable[str] = keys_of
                if shape is not None:  # one scan instead of a call per run
                    lines = "\n".join(keys_of) if lines is None else lines
                    maybe = shape.findall(lines)
                got = {run: answer for run in maybe if (answer := decide(run)) is not None}
            for run, answer in got.items():
                for key in keys_of[run]:
                    pairs = decided.get(key, ())
                    if (run, answer) not in pairs:  # a run twice in a token counts once
                        decided[key] = (*pairs, (run, answer))
                    self.wanted.add(key)
        self.known |= new


class RunFilter(Generic[T]):
    """The runs one rule wants: ``decide`` says, once per run, what the rule wants of it
    whatever the article (None: nothing)."""

    def __init__(
        self,
        book: RunBook,
        decide: Callable[[str], T | None],
        words: frozenset[str] | None = None,
        shape: re.Pattern[str] | regex.Pattern[str] | None = None,
    ) -> None:
        self.book = book
        self.decide = decide
        self.slot = book.join(decide, words, shape)

    def select(self, index: RunIndex, odd: bool = True) -> list[tuple[str, T]]:
        """(run, decision) for each run of the article this rule wants, in no order; the runs
        beyond cp1252 (``RunIndex.odd``, rare: decided again in each article) unless told."""
        wanted = index.wanted(self.book)
        decided = self.book.decided[self.slot]
        # (the view first: its `&` iterates the smaller side itself, with no reflected call)
        keys = decided.keys() & wanted if wanted else ()
        if not keys:
            out = []  # most rules in most articles
        elif len(keys) == 1:
            out = list(decided[next(iter(keys))])
        else:
            out = list({run: got for key in keys for run, got in decided[key]}.items())  # a run may lie in several tokens
        if odd:
            for word in index.odd:
                got = self.decide(word)
                if got is not None:
                    out.append((word, got))
        return out


def run_book(store: Any) -> RunBook:
    return store.memo("merged_words.run_book", RunBook)


def context(doc: Document) -> Context:
    ctx = doc.cache.get("merged_words")
    if ctx is None:
        ctx = Context(doc.text, lexicon(doc), run_book(doc.cache["store"]), doc)
        doc.cache["merged_words"] = ctx
    return ctx


LINE_LIMIT = 4000


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    """The line around ``pos``, at most ``LINE_LIMIT`` characters each way, so that a text
    without line breaks still costs a bounded amount per candidate."""
    lo = max(0, pos - LINE_LIMIT)
    start = text.rfind("\n", lo, pos)
    start = start + 1 if start >= 0 else lo
    hi = min(len(text), pos + LINE_LIMIT)
    end = text.find("\n", pos, hi)
    return start, end if end >= 0 else hi


# The floor of the common English words set (``lexicon.common_words_set``) the deciders share:
# a run in it is a word of Zipf COMMON_FLOOR at least, no look-up needed.
COMMON_FLOOR = 3.5


def known_word(word: str, floor: float) -> bool:
    """``word_zipf(word) >= floor``, without a look-up for a common English word when ``floor``
    is at most ``COMMON_FLOOR`` (set membership first: most runs the deciders ask about are such
    words)."""
    if floor <= COMMON_FLOOR and word.lower() in common_words_set(COMMON_FLOOR):
        return True
    return word_zipf(word) >= floor


@lru_cache(maxsize=1 << 16)
def word_zipf(word: str) -> float:
    """Best frequency of a word in English or French, in lower case (cached per word)."""
    low = word.lower()
    return max(zipf(low, "en"), zipf(low, "fr"))


def chunk_around(text: str, start: int, end: int, limit: int = 80) -> tuple[int, int]:
    r"""The run of non-space characters containing ``start..end`` (at most ``limit`` each way).
    The `re` class ``\S`` is ``not str.isspace()``."""
    lo = max(0, start - limit)
    before = UPTO_LAST_SPACE_RE.match(text, lo, start)
    after = CHUNK_HEAD_RE.match(text, end, min(len(text), end + limit))
    return before.end() if before else lo, after.end() if after else end


UPTO_LAST_SPACE_RE = lazy(re.compile, r"(?s).*\s")  # greedy: up to the last white space before the end
CHUNK_HEAD_RE = lazy(re.compile, r"\S*")


@lru_cache(maxsize=1 << 14)
def link_chunk(chunk: str) -> bool:
    """``LINK_CHUNK_RE.search(chunk)`` (on the chunk alone: `^` anchors at it), cached per
    chunk; each alternative needs one of ``.:@#``."""
    return any(c in chunk for c in ".:@#") and LINK_CHUNK_RE.search(chunk) is not None


@lru_cache(maxsize=1 << 14)
def link_or_code_chunk(chunk: str) -> bool:
    """``link_chunk(chunk) or looks_like_code(chunk)``, cached per chunk."""
    return link_chunk(chunk) or looks_like_code(chunk)


def looks_like_code(chunk: str) -> bool:
    return bool(CODE_CHARS_RE.search(chunk)) or "()" in chunk or "." in chunk.strip(".,;:!?…)\"'”’")


def wordish(ctx: Context, word: str, floor: float = 2.0) -> bool:
    """A word of a dictionary, a place, or a name the article spells on its own."""
    return word_zipf(word) >= floor or ctx.standalone(word) > 0 or ctx.is_place(word)


def words_param(doc: Document, rule: Rule, key: str) -> frozenset[str]:
    """A word-list parameter of the rule, lower-cased, built once per process."""
    build = lambda: frozenset(w.lower() for w in rule.params.get(key, ()))  # noqa: E731
    return doc.cache["store"].memo(f"merged_words.param.{rule.id}.{key}", build)


def rule_setup(doc: Document, rule: Rule, build: Callable[[], T]) -> T:
    """What a detector derives from its rule's parameters (word lists, thresholds, filters),
    built once per process: one look-up per article instead of one per parameter."""
    return doc.cache["store"].memo(f"merged_words.setup.{rule.id}", build)


def selected_runs(doc: Document, rule: Rule, build: Callable[[], Any]) -> tuple[Any, Context, list]:
    """A rule's setup (built once per process by ``build``; it holds the rule's ``RunFilter`` as
    ``runs``), the article's context, and the (run, decision) pairs the filter wants in it."""
    setup = rule_setup(doc, rule, build)
    ctx = context(doc)
    return setup, ctx, setup.runs.select(ctx.runs())


def full_stop_safety(rule: Rule) -> str:
    return str(rule.params.get("full_stop_safety", "safe"))


# --------------------------------------------------------------------------- case-join


def case_join(doc: Document, rule: Rule) -> Iterator[Finding]:
    """``theAlliance`` → ``the Alliance``; ``JulyAccording`` → ``July. According``."""
    ctx = context(doc)
    text = ctx.text
    starters, function_words, min_left, ambiguous, prompts, cut_at, runs, heads = rule_setup(
        doc, rule, lambda: case_join_setup(doc, rule)
    )
    wanted = runs.select(ctx.runs())
    if not wanted:
        return
    spots = sorted(
        (pos + a, pos + b, pos, len(word) if cut >= 0 else 0, cut)
        for word, (spans, cut) in wanted
        for pos in ctx.positions(word)
        for a, b in spans
    )
    last_end = -1
    for j_start, j_end, pos, size, cut in spots:  # the matches of CASE_JUNCTION_RE, in order
        if j_start < last_end:
            continue
        start, end = (pos, pos + size) if size else letter_run(text, j_start, j_end)
        last_end = end
        run = text[start:end]
        i = cut if size else cut_at(run)  # a whole run's cut was found with its decision
        if i is None:
            continue
        a, b = chunk_around(text, start, end)
        if link_or_code_chunk(text[a:b]) or ctx.in_code_span(start, end):
            continue  # ``ctx.skipped`` or ``looks_like_code``
        if ctx.in_code(start):
            continue
        hyphened = start > a and text[start - 1] == "-"  # (``text[start]`` is a letter: only the character before can be `-`)
        left, right = run[:i], run[i:]
        if ctx.standalone(run) > 1 and left.lower() not in function_words:
            continue  # spelled the same twice: a name (NextOn), not an accident of scraping
        decision = decide_case_join(ctx, left, right, starters, function_words, min_left, heads)
        if decision is None:
            continue
        if hyphened and not (decision[0] == ". " and left.islower() and _small_compound(text, start)):
            head = WORD_BEFORE_RE.search(text, max(0, start - 40), start - 1)
            if not (decision[0] == ". " and left[:1].isupper() and right.lower() in _CLEAR_STARTERS
                    and head is not None and head.group()[:1].isupper()):
                continue  # `Jean-PierreLe`, `al-Qaeda`: only `quarter-finalThe`, a sentence glued on
            decision = (". ", "unsafe")  # `Kasaï-CentralThe works`: a place's name, then a sentence
        insert, safety = decision
        if insert == ". " and (left.lower() in ambiguous or title_follows(text, end, right)):
            safety = "unsafe"  # told The Associated Press; said The Hague
        elif is_french_word(right):
            safety = "unsafe"  # theOuest: the split leaves French that still needs translating
        elif left.lower() in prompts and line_opens_with(text, start, prompts):
            safety = "unsafe"  # Also readDouble…: a related-article line, to be deleted whole
        yield rule.finding(
            start,
            end,
            edits=(Edit(start + i, start + i, insert),),
            safety=safety if safety != "full-stop" else full_stop_safety(rule),
            message=f"Merged words: '{run}' should read '{left}{insert}{right}'.",
            title=f"{left}{insert}{right}",
        )


# sentence openers that no French compound name ends with (`Le`, `La`, `Des` may: `Jean-PierreLe`)
_CLEAR_STARTERS = frozenset("the this these those according after before during in on at".split())
_SMALL_BEFORE_HYPHEN_RE = lazy(regex.compile, r"(?r)(?<![\p{L}\p{M}])\p{Ll}+-$")  # (from the end, as WORD_BEFORE_RE)


def _small_compound(text: str, start: int) -> bool:
    """Whether the run at ``start`` ends a compound of small words (`quarter-final`), not a name
    (`Jean-Pierre`, `al-Qaeda`) or a code."""
    return _SMALL_BEFORE_HYPHEN_RE.search(text, max(0, start - 30), start) is not None


def case_join_setup(doc: Document, rule: Rule) -> tuple:
    """case_join's word lists and thresholds, its ``CaseCuts`` and its ``RunFilter``."""
    cut_at = CaseCuts(lexicon(doc), float(rule.params.get("max_whole_zipf", 2.0)))
    return (
        words_param(doc, rule, "sentence_starters"),
        words_param(doc, rule, "function_words"),
        float(rule.params.get("min_left_zipf", 3.0)),
        words_param(doc, rule, "ambiguous_left"),
        words_param(doc, rule, "link_prompts"),
        cut_at,
        RunFilter(run_book(doc.cache["store"]), case_join_decider(cut_at), shape=CASE_JUNCTION_LINE_RE),
        words_param(doc, rule, "function_words") | words_param(doc, rule, "titles"),
    )


class CaseCuts:
    """Where case_join may cut a run, by the run alone, or None: not for a brand or name that
    changes case on purpose, not for a word (YouTube, PayPal, OpenAI, Bluesky: wordfreq knows
    the brand as one word), only at its one junction. Remembered per run (a word), bounded."""

    LIMIT = 50_000

    def __init__(self, lex: Lexicon, whole_max: float) -> None:
        self.lex = lex
        self.whole_max = whole_max
        self.known: dict[str, int | None] = {}

    def __call__(self, run: str) -> int | None:
        known = self.known
        if run in known:
            return known[run]
        if len(known) > self.LIMIT:
            known.clear()
        cut = None
        if not protected_run(self.lex, run):
            whole_max = self.whole_max
            if word_zipf(run) < (whole_max if run[0].islower() else min(whole_max, 1.0)):
                cuts = junctions(run)
                if len(cuts) == 1:
                    cut = cuts[0]
        known[run] = cut
        return cut


def case_join_decider(cut_at: CaseCuts) -> Callable[[str], tuple[tuple[tuple[int, int], ...], int] | None]:
    """The spans of the CASE_JUNCTION_RE matches in a run, if case_join may want it, and
    ``cut_at(run)`` when case_join's letter run around them is the whole run (-1 when not).

    The pattern's look-behinds see letters only, so in the text it matches in each whole run
    as in the run alone. case_join looks at the letter run around the first match (str
    methods: for a run of cp1252 letters, the whole run; beyond, `regex` may know letters that
    Python does not yet, so a run holding any is kept for ``cut_at`` to judge in the text)."""

    def decide(word: str) -> tuple[tuple[tuple[int, int], ...], int] | None:
        rest = word[1:]
        if rest.isascii() and rest.islower():
            return None  # most runs: no capital after the first letter, so no junction
        spans = tuple(m.span() for m in CASE_JUNCTION_RE.finditer(word))
        if not spans:
            return None
        try:
            word.encode("cp1252")
        except UnicodeEncodeError:
            return spans, -1
        cut = cut_at(word)
        return None if cut is None else (spans, cut)

    return decide


@lru_cache(maxsize=1 << 16)
def is_french_word(word: str) -> bool:
    """A word of French that English does not use much (``Ouest``, not ``Alliance``); cached
    per word."""
    low = word.lower()
    en, fr = zipf(low, "en"), zipf(low, "fr")
    return fr >= 3.0 and en < 3.0 and fr >= en + 1.0


def line_opens_with(text: str, pos: int, words: frozenset[str]) -> bool:
    """Whether the line holding ``pos`` starts with one of ``words`` (``Also read…``)."""
    line_start, _ = line_bounds(text, pos)
    m = RUN_RE.match(text, line_start)
    return bool(m and m.group().lower() in words)


NEXT_WORD_RE = lazy(regex.compile, r"\s+([\p{L}\p{M}]+)")


def title_follows(text: str, end: int, right: str) -> bool:
    """``The`` followed by a capitalised word may open a title (``The Associated Press``)
    rather than a sentence."""
    if right not in ("The", "A", "An"):
        return False
    m = NEXT_WORD_RE.match(text, end)
    return bool(m and m.group(1)[:1].isupper())


def letter_run(text: str, start: int, end: int) -> tuple[int, int]:
    """The maximal run of letters around ``start..end``."""
    a = start
    while a > 0 and (text[a - 1].isalpha() or unicodedata.category(text[a - 1])[0] == "M"):
        a -= 1
    b = end
    n = len(text)
    while b < n and (text[b].isalpha() or unicodedata.category(text[b])[0] == "M"):
        b += 1
    return a, b


def junctions(run: str) -> list[int]:
    """Where a word could start inside ``run``: lower→Upper, or ACRONYM→Word (``AESThis``)."""
    out = []
    for i in range(1, len(run)):
        c, p = run[i], run[i - 1]
        if not c.isupper():
            continue
        if p.islower():
            out.append(i)
        elif p.isupper() and i + 1 < len(run) and run[i + 1].islower() and i >= 2 and run[:i].isupper():
            out.append(i)
    return out


# Particles of names that some people write glued to the name (Neil deGrasse Tyson).
NAME_PARTICLES = frozenset(
    "de da di du des del della der den van von le la al el bin ibn dos das mc mac".split()
)


def shape(word: str) -> str:
    if word.islower():
        return "lower"
    if word.isupper():
        return "upper"
    if word[0].isupper() and word[1:].islower():
        return "cap"
    return "mixed"


# how common, at most, the word a capitalised head is glued to may be for the pair to be split
# (`Michel` 3.3, `Catherine` 3.9; `Design`, `Star`, `Home` of brands are 5 and more)
NAME_RIGHT_MAX_ZIPF = 4.5


def decide_case_join(
    ctx: Context,
    left: str,
    right: str,
    starters: frozenset[str],
    function_words: frozenset[str],
    min_left: float,
    heads: frozenset[str] = frozenset(),
) -> tuple[str, str] | None:
    """What to insert between ``left`` and ``right`` and how safely, or None to leave it.
    ``heads``: the function words and titles that, capitalised, are no part of a name glued to
    them (`ForMichel`, `MeCatherine`)."""
    ls, rs = shape(left), shape(right)
    if len(left) < 2 or len(right) < 2 or rs not in ("cap", "upper"):
        return None
    low_left = left.lower()
    starter = rs == "cap" and right.lower() in starters
    if ls == "lower":
        is_function = low_left in function_words
        if not is_function and zipf(low_left, "en") < min_left:
            return None
        if rs == "upper":
            # theAES, ofECOWAS: only after a function word; safe for an acronym the article
            # uses alone, proposed for one it does not (`in theDPE, the energy diagnosis`)
            if is_function and ctx.standalone(right) > 0:
                return " ", "safe"
            if is_function and len(right) <= 6:
                return " ", "unsafe"
            return None
        # (after a function word a rarer word will do: `theInterprofessional Council`)
        if not wordish(ctx, right, 1.0 if is_function else 2.0):
            return None
        if starter and not is_function:
            return ". ", "full-stop"
        if low_left in NAME_PARTICLES:
            return " ", "unsafe"  # deGrasse, deVries: a particle may belong to the name
        if is_function:
            return " ", "safe"
        # `forecastsAnalysts`, `cornerLyon`: after a content word the capital may open a new
        # sentence whose full stop was lost too. Measured on 64 clean articles with spaces
        # removed: a bare space was right 466/467 times after a function word, but only about
        # 4 times in 5 after a content word, so there it is only proposed.
        return " ", "unsafe"
    if ls == "cap" and rs == "cap" and low_left in heads and zipf(right.lower(), "en") < NAME_RIGHT_MAX_ZIPF:
        # ForMichel, MeCatherine: a sentence's first word or a title glued to a name (not
        # to a common word: brands are built so, InDesign, OnStar, AtHome)
        return " ", "unsafe"
    if ls in ("cap", "upper") and rs == "cap":
        known_left = ctx.standalone(left) > 0 or ctx.is_place(left) or (ls == "cap" and zipf(low_left, "en") >= min_left)
        if not known_left:
            return None
        if starter:
            return ". ", "full-stop"
        if ctx.standalone(right) > 0 and ctx.standalone(left) > 0 and ctx.contains(f"{left} {right}"):
            return " ", "safe"  # AssimiGoïta where the article also writes Assimi Goïta
    return None


# --------------------------------------------------------------------------- punct-join

# Each alternative consumes its mark first, then looks ahead, and looks behind last: far
# faster than a leading look-behind tried at every position.
PUNCT_RE = lazy(regex.compile,
    r"(?P<bracket>[)\]])(?=\p{L})"
    r"|(?P<close>[”»])(?=[\p{L}“«])(?<=\S[”»]|\p{L}\s»)"
    r"|(?P<open>[“«])(?=[\p{L}\p{N}])(?<=[\p{L}\p{N}.,;:!?][“«])"
    r"|(?P<dbl>\"\")(?=\p{L})(?<=[\p{L}.!?,]\"\")"
    r"|(?P<straight>\")(?=\p{L})(?<=[\p{L}.!?…]\")"
    r"|(?P<stop>[.!?…])(?=\p{Lu}\p{Ll})(?<=\p{Ll}\p{Ll}[.!?…]|(?<![\p{L}\p{N}.,])\p{N}{4}\.)"
    r"|(?P<comma>[,;])(?=\p{L}\p{L})(?<=\p{L}\p{L}[,;])"
    r"|(?P<paren>[(\[])(?=[\p{Lu}\p{N}][^()\[\]\n]+[)\]](?:[\s.,;:!?]|$))(?<=\p{L}\p{L}[(\[])"
    r"|\p{N}(?=\p{Lu}\p{Ll}+\b)(?<=(?<![\p{L}\p{N}])\p{N}{2,4})(?P<digit>)"
    r"|(?P<wordnum>\p{N})(?<=(?<![\p{L}\p{M}\p{N}])\p{Ll}{2,7}\p{N})(?=\p{N}{1,3}\b)"
)
# Wherever PUNCT_RE can match: one of its marks (or a digit), then, by look-arounds that also
# see that character, the widened context of each alternative in the same order. One leading
# character class (not an alternation of them) keeps the `re` scan fast.
PUNCT_CANDIDATE_RE = lazy(re.compile,
    wide_class(string.digits + ')]".!?,;([', also="”»“«…")
    + "(?:"
    + rf"(?<=[)\]])(?={LETTER_WIDE})"  # bracket
    + rf"|(?<=[”»])(?={LETTER_WIDE}|[“«])"  # close
    + rf"|(?<=(?:{ALNUM_WIDE}|[.,;:!?])[“«])(?={ALNUM_WIDE})"  # open
    + rf"|(?<=(?:{LETTER_WIDE}|[.!?…,])\")(?={LETTER_WIDE}|\"{LETTER_WIDE})"  # straight, dbl
    + rf"|(?<={LOWER_WIDE}{LOWER_WIDE}[.!?…]|{DIGIT_WIDE}{DIGIT_WIDE}\.)(?={UPPER_WIDE}{LOWER_WIDE})"  # stop (after a year too)
    + rf"|(?<={LETTER_WIDE}{LETTER_WIDE}[,;])(?={LETTER_WIDE}{LETTER_WIDE})"  # comma
    + rf"|(?<={LETTER_WIDE}{LETTER_WIDE}[(\[])(?={UPPER_DIGIT_WIDE})"  # paren
    + rf"|(?<={DIGIT_WIDE}{DIGIT_WIDE})(?={UPPER_WIDE}{LOWER_WIDE})"  # digit
    + rf"|(?<={LOWER_WIDE}{DIGIT_WIDE})(?={DIGIT_WIDE})"  # wordnum
    + ")"
)


# Where PUNCT_RE can match in a text without characters beyond cp1252, by three bytes: each
# alternative's mark (or digit) at the match, the character before it and the one after it.
# A group of alternatives is one bit: its marks set it in the table for the match, the
# characters they accept before and after set it in the other two tables.
_PUNCT_GROUPS: tuple[tuple[str, str, str], ...] = (
    # (at the match, before it, after it) as `regex` classes
    (r"[)\]”»]", r"[\s\S]", r"[\p{L}“«]"),  # bracket; close (whose look-behind is wider)
    (r"[“«]", r"[\p{L}\p{N}.,;:!?]", r"[\p{L}\p{N}]"),  # open
    (r"\"", r"[\p{L}.!?,…]", r"[\p{L}\"]"),  # straight, dbl
    (r"[.!?…]", r"[\p{Ll}\p{N}]", r"\p{Lu}"),  # stop (after a word, or a year)
    (r"[,;]", r"\p{L}", r"\p{L}"),  # comma
    (r"[(\[]", r"\p{L}", r"[\p{Lu}\p{N}]"),  # paren
    (r"\p{N}", r"\p{N}", r"\p{Lu}"),  # digit
    (r"\p{N}", r"\p{Ll}", r"\p{N}"),  # wordnum
)


def _punct_table(which: int) -> bytes:
    """A bytes.translate table: for each cp1252 byte, the bits of the groups whose class
    ``which`` (0 at the match, 1 before, 2 after) holds its character."""
    out = []
    for i in range(256):
        try:
            char = bytes([i]).decode("cp1252")
        except UnicodeDecodeError:
            out.append(0)
            continue
        out.append(sum(1 << bit for bit, group in enumerate(_PUNCT_GROUPS) if regex.match(group[which], char)))
    return bytes(out)


def _punct_tables() -> tuple[bytes, bytes, bytes]:
    """The three tables, kept in the disk cache: building them asks ``regex`` 6,000 questions
    (about 25 ms of every process's start-up), and the answers change only with the groups and
    the Unicode tables of ``regex``."""
    import unicodedata

    from ..diskcache import cached, digest

    key = digest(repr(_PUNCT_GROUPS), str(getattr(regex, "__version__", "")), unicodedata.unidata_version)
    at, before, after = cached("punct-tables", key, lambda: tuple(_punct_table(k) for k in range(3)))
    return at, before, after


PUNCT_AT, PUNCT_BEFORE, PUNCT_AFTER = _punct_tables()
NONZERO = bytes([0] + [1] * 255)


def punct_candidates(encoded: bytes) -> list[int]:
    """The positions where a group of _PUNCT_GROUPS finds its three characters, in order, and
    0 when the text opens with a bracket (the one alternative without a look-behind). Each byte
    of the three translations becomes a byte of an integer; shifting the integers by a byte
    lines up each character with its neighbours, so three ANDs test every position in C."""
    n = len(encoded)
    at = int.from_bytes(encoded.translate(PUNCT_AT), "big")
    after = int.from_bytes(encoded.translate(PUNCT_AFTER), "big") << 8
    before = int.from_bytes(encoded.translate(PUNCT_BEFORE), "big") >> 8
    hits = at & after & before
    out = [0] if encoded[:1] in (b")", b"]") else []
    if hits:
        flags = hits.to_bytes(n, "big").translate(NONZERO)
        i = flags.find(1)
        while i >= 0:  # never 0: nothing comes before it
            out.append(i)
            i = flags.find(1, i + 1)
    return out


def punct_matches(ctx: Context) -> Iterator[regex.Match[str]]:
    """The matches of ``PUNCT_RE.finditer(ctx.text)`` (see ``finditer_at``)."""
    text = ctx.text
    encoded = ctx.encoded
    if UNKNOWN_BYTE in encoded:
        yield from finditer_at(PUNCT_RE, PUNCT_CANDIDATE_RE, text)  # letters or numbers beyond cp1252
        return
    yield from matches_at(PUNCT_RE, text, punct_candidates(encoded))


NUMBER_AFTER_RE = lazy(regex.compile, r"\p{N}+")
WORD_AFTER_RE = lazy(regex.compile, r"[\p{L}\p{M}]+")
# The run that ends a window (searched with pos and endpos): matched from the end (``(?r)``), the
# same match as a forward search, which tries every position of the window in turn (~6x slower)
WORD_BEFORE_RE = lazy(regex.compile, r"(?r)[\p{L}\p{M}]+$")
TOKEN_BEFORE_RE = lazy(regex.compile, r"(?r)[\p{L}\p{M}\p{N}]+$")


def punct_join(doc: Document, rule: Rule) -> Iterator[Finding]:
    """A bracket, quote or sentence mark glued to the next word: insert the lost space."""
    ctx = context(doc)
    text = ctx.text
    starters, before_numbers, prompts = rule_setup(
        doc, rule, lambda: tuple(words_param(doc, rule, k) for k in ("sentence_starters", "before_numbers", "link_prompts"))
    )
    for m in punct_matches(ctx):
        kind = m.lastgroup or ""
        p0, p1 = m.span(kind)
        if ctx.skipped(p0, p1):
            continue
        right_m = WORD_AFTER_RE.match(text, p1) if kind != "close" or text[p1] not in "“«" else None
        right = right_m.group() if right_m else ""
        if kind == "wordnum":
            lm = WORD_BEFORE_RE.search(text, max(0, p0 - 12), p0)
            # in2023, since2020: a preposition glued to a year or a day (not mp3, top10)
            if lm is None or lm.group() not in before_numbers or ctx.skipped(p0, p1) or ctx.in_code(p0):
                continue
            decision: tuple[int, str, str] | tuple[int, int, str, str] | None = (p0, " ", "safe")
        else:
            decision = decide_punct(ctx, kind, p0, p1, right, starters)
        if decision is None:
            continue
        at, insert, safety = decision[0], decision[-2], decision[-1]
        upto = decision[1] if len(decision) == 4 else at  # a replacement, not an insertion
        if safety != "unsafe" and prompts and line_opens_with(text, p0, prompts):
            safety = "unsafe"  # Also read…Senegal: a related-article line, to be deleted whole
        k = p0  # the span shows the word before, across the marks it ends with (`act."The`)
        while k > p0 - 3 and k > 0 and text[k - 1] in ".!?,;: ":
            k -= 1
        lm = TOKEN_BEFORE_RE.search(text, max(0, k - 40), k)
        span_start = lm.start() if lm else p0
        num = NUMBER_AFTER_RE.match(text, p0) if kind == "wordnum" else None
        span_end = num.end() if num else right_m.end() if right_m and right_m.group() else p1 + 1
        mark = text[p0:p1] or text[span_start:p0]
        yield rule.finding(
            span_start,
            span_end,
            edits=(Edit(at, upto, insert),),
            safety=safety if safety != "full-stop" else full_stop_safety(rule),
            message=(
                f"Missing {'full stop and space' if upto > at else 'space'} "
                f"{'after' if at == p1 or upto > at else 'before'} '{mark}': "
                f"'{text[span_start:span_end]}' should read '{text[span_start:at]}{insert}{text[upto:span_end]}'."
            ),
            title=f"insert {insert!r}" if upto == at else f"{text[at:upto]!r} → {insert!r}",
        )


# small words that open the clause after a comma: after a comma glued to them, whatever the word
# before (a name the dictionaries do not know), only a space was lost
_AFTER_COMMA = frozenset("the a an and but or which who where when while with in on at for from to of as its their his her".split())


def decide_punct(
    ctx: Context, kind: str, p0: int, p1: int, right: str, starters: frozenset[str]
) -> tuple[int, str, str] | tuple[int, int, str, str] | None:
    """(where to insert, what, safety) for one candidate junction, or (start, end, replacement,
    safety) when a mark is rewritten too, or None."""
    text = ctx.text
    a, b = chunk_around(text, p0, p1)
    chunk = text[a:b]
    if CODE_CHARS_RE.search(chunk) or "&" in chunk or ctx.in_code(p0):
        return None
    starter = right[:1].isupper() and right[1:].islower() and right.lower() in starters
    if kind == "bracket":
        opener = find_opener(text, p0)
        if opener is None:
            return None
        if opener > 0 and (text[opener - 1].isalnum()):
            return None  # word(s)he, f(x)
        content = text[opener + 1 : p0]
        if len(content.strip()) < 2 or len(right) < 2 or not PROSE_CONTENT_RE.fullmatch(content):
            return None
        if right[:1].islower():
            if " " not in content and content.islower():
                return None  # (re)building, (un)known
            return p1, " ", "safe"
        if content.rstrip().endswith((".", "!", "?", "…")):
            return p1, " ", "safe"
        if starter:
            return p1, ". ", "unsafe" if title_follows(text, p1 + len(right), right) else "full-stop"
        if wordish(ctx, right):
            return p1, " ", "unsafe"
        return None
    if kind == "close":
        if text[p1] in "“«":
            return p1, " ", "safe"
        if right.lower() in ("s", "t", "d", "m", "re", "ll", "ve"):
            return None  # Macron”s, don”t: a wrong apostrophe, typography's business
        if right[:1].islower():
            return p1, " ", "safe"
        return after_closing_quote(ctx, p0, p1, right, starter)
    if kind == "digit":
        # 2023The, 16September: a number glued to the next word. Only a sentence starter
        # (full stop) or a month (space) counts: 20Minutes, 7Eleven and the like are names.
        if shape(right) != "cap":
            return None
        if starter:
            return p1, ". ", "full-stop"
        if right.lower() in MONTHS:
            return p1, " ", "safe"
        return None
    if kind == "paren":
        # States(AES), data[1]: a bracket opened right after a word. Not word(s), f(x), code.
        if looks_like_code(chunk) or ":" in chunk[:-1]:
            return None
        close = text.find(")" if text[p0] == "(" else "]", p1)
        content = text[p1:close]
        if not (" " in content or content.isupper() or (content.isdigit() and len(content) == 4)):
            return None  # help(SortedDict), Field(Metadata), range(100): calls, not glue
        if not PROSE_CONTENT_RE.fullmatch(content) or (content.isdigit() and text[p0] == "["):
            return None  # a footnote mark: Paris[1]
        return p0, " ", "safe"
    if kind == "open":
        # an opening quote must pair with a closing one later on the line
        close_char = "”" if text[p0] == "“" else "»"
        if close_char not in text[p1 : line_bounds(text, p1)[1]]:
            return None
        return p0, " ", "safe"
    if kind == "dbl":
        if "(" in chunk or not right[:1].isupper():
            return None  # "a""b" in code or CSV
        return p0 + 1, " ", "safe"
    if kind == "straight":
        if "(" in chunk:
            return None
        line_start, line_end = line_bounds(text, p0)
        line = text[line_start:line_end]
        if line.count('"') % 2:
            return None
        before = text.count('"', line_start, p0)
        if before % 2 == 0:
            return p0, " ", "safe"
        if right[:1].isupper():
            return after_closing_quote(ctx, p0, p1, right, starter)
        return p1, " ", "safe"
    if kind == "stop":
        if text[p0 - 1 : p0].isdigit():
            # `closed in 2015.The workers left`: a year ends the sentence (PUNCT_RE wants four
            # figures alone before the stop); the next word must start sentences or be a word
            if looks_like_code(chunk.replace(text[p0], " ", 1)) or not (starter or wordish(ctx, right, 3.0)):
                return None
            return p1, " ", "safe"
        lm = WORD_BEFORE_RE.search(text, max(0, p0 - 40), p0)
        left = lm.group() if lm else ""
        if len(left) < 2 or shape(right) != "cap" or looks_like_code(chunk.replace(text[p0], " ", 1)):
            return None
        if "(" in chunk or ")" in chunk:
            return None  # msgpack.ExtType(…), pint.Unit)
        if ctx.protected(left + text[p0] + right):
            return None
        if not (wordish(ctx, left) and (starter or wordish(ctx, right, 3.0))):
            return None
        if not starter and word_zipf(left) < 3.0:
            return None  # ttk.Notebook, np.Array: a module and its class
        return p1, " ", "safe"
    if kind == "comma":
        if chunk.count(",") + chunk.count(";") > 1 or looks_like_code(chunk):
            return None
        lm = WORD_BEFORE_RE.search(text, max(0, p0 - 40), p0)
        left = lm.group() if lm else ""
        if word_zipf(left) >= 3.0 and word_zipf(right) >= 3.0:
            return p1, " ", "safe"
        if right in _AFTER_COMMA and len(left) >= 3:
            return p1, " ", "safe"  # `around Soubré,the planters`: a name before, a small word after
        return None
    return None


def after_closing_quote(
    ctx: Context, p0: int, p1: int, right: str, starter: bool
) -> tuple[int, str, str] | tuple[int, int, str, str]:
    """A closing quote glued to a capitalised word: ``"counterproductive"The``.

    With a sentence mark or a comma inside the quote (``…act."The``, ``…win,”Traoré``) only
    the space was lost: safe. Without one, the quote may have ended a sentence whose full stop
    was lost too (``"counterproductive." The``) or a name may follow (``"Sahel"Traoré said``):
    a bare space could leave a run-on sentence, so every fix here is only proposed. A word
    that starts sentences, not opening a title (``The Hague``), gets the full stop inside the
    quote, as English news copy writes it (after a French ``»``).
    """
    text = ctx.text
    if text[p0 - 1] in ".!?…,;:":
        return p1, " ", "safe"
    if starter and not title_follows(text, p1 + len(right), right):
        if text[p0] == "»":  # guillemets keep the French order: « … ». The
            return p1, ". ", "unsafe"
        return p0, p1, "." + text[p0:p1] + " ", "unsafe"
    return p1, " ", "unsafe"


MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)


def find_opener(text: str, close: int, limit: int = 400) -> int | None:
    """The matching ``(`` or ``[`` of the bracket at ``close``, on the same line."""
    pair = "(" if text[close] == ")" else "["
    depth = 0
    lo = max(0, close - limit)
    for i in range(close - 1, lo - 1, -1):
        c = text[i]
        if c == "\n":
            return None
        if c == text[close]:
            depth += 1
        elif c == pair:
            if depth == 0:
                return i
            depth -= 1
    return None


# --------------------------------------------------------------------------- elision

# Only l', d' and qu' are tried in general: j', n', s', c' glue into too many rare English
# words (`sexists`, `censuring`); their frequent glued forms are listed in
# lexicon/french-elision-words.txt instead.
ELISION_UPPER_RE = lazy(regex.compile, r"\b(qu|[ld])(\p{Lu}[\p{L}\p{M}]+)\b")
ELISION_LOWER_RE = lazy(regex.compile, r"\b(qu|[ld])([aeiouyhàâäéèêëîïôöûüœæ][\p{Ll}\p{M}]{1,})\b")
JOINERS = "'’-"


def isolated(text: str, start: int, end: int) -> bool:
    """A ``\\b``-delimited match that is also not part of an elided or hyphenated word."""
    return not (start > 0 and text[start - 1] in JOINERS) and not (end < len(text) and text[end] in JOINERS)


def elision(doc: Document, rule: Rule) -> Iterator[Finding]:
    """``lattaque`` → ``l'attaque``, ``dAfrica`` → ``d'Africa``: a French elision lost its
    apostrophe. Unsafe: the text around is usually untranslated French that a person or the
    untranslated-French rule must still translate."""
    ctx = context(doc)
    text = ctx.text
    seen: set[int] = set()
    uppers, lowers, titles = elision_candidates(doc, rule, ctx)
    for m, rest_alone in uppers:  # (ELISION_CAPS_RE and ELISION_ACRONYM_RE matches too)
        head, rest = m.group(m.lastindex - 1), m.group(m.lastindex)
        start, end = m.span()
        if ctx.skipped(start, end):
            continue
        if not isolated(text, start, end) or rest in ctx.lex.place_heads:
            # `lIle-de-France`: the rest opens a hyphenated place name of the gazetteer
            if not _opens_place(ctx, text, start, end, rest) and not _in_compound_name(text, start, end, head, rest):
                continue
        elif rest_alone and not ctx.standalone(rest) > 0 and not (rest.isupper() and rest in _glossary_acronyms(doc)):
            continue  # (`lUEMOA`: an acronym the glossary knows needs no lone mention)
        seen.add(start)
        yield elision_finding(rule, start, end, head, rest, ctx.apostrophe)
    for m in lowers:  # none is a word of English or French (`dotage`, `limply` stay whole)
        head, rest = m.group(3), m.group(4)
        start, end = m.span()
        token = m.group()
        if not isolated(text, start, end) or ctx.skipped(start, end):
            continue
        if ctx.standalone(token.capitalize()) or ctx.standalone(token) > 2:
            continue
        seen.add(start)
        yield elision_finding(rule, start, end, head, rest, ctx.apostrophe)
    # At a sentence start the glued token is capitalised (`Lassaillants`, `Cest`): stricter,
    # since French surnames look the same (Lheureux, Loiseau): no word in either language at
    # all, spelled once, and the rest a French word that English does not use.
    for m in titles:
        head, rest = m.group(5), m.group(6)
        start, end = m.span()
        if ctx.standalone(m.group()) > 1:
            continue
        if not sentence_start(text, start) or not isolated(text, start, end):
            continue
        if ctx.skipped(start, end):
            continue
        seen.add(start)
        yield elision_finding(rule, start, end, head, rest, ctx.apostrophe)
    # the apostrophe turned into a space (`d Haïti`, `l Afrique`): a lone small d or l before a
    # capitalised word is no English word; unsafe like the others. Such a d or l is a word token
    # of its own, so two dict look-ups skip the four searches of the text in most articles.
    counts = doc.word_counts  # (counted already: the run index reads them)
    if ("d" in counts or "l" in counts) and (" d " in text or " l " in text or "\nd " in text or "\nl " in text):
        for m in _SPACED_ELISION_RE.finditer(text):
            start = m.start()
            if start in seen or ctx.skipped(start, m.end()):
                continue
            at = start + 1
            yield rule.finding(
                start, m.end(), edits=(Edit(at, at + 1, ctx.apostrophe),),
                message=f"French elision lost its apostrophe: '{m.group()}' is '{m.group(1)}{ctx.apostrophe}{m.group(2)}'.",
            )
    listed = ctx.lex.elisions
    store = doc.cache["store"]
    spellings = store.memo(
        "merged_words.elision_spellings", lambda: Spellings(w for form in listed for w in (form, form.capitalize()))
    )
    # a listed form (or its capitalised spelling) must stand alone somewhere in the article
    if ctx.alone(spellings):
        pattern = store.memo(
            "merged_words.elision_forms",
            lambda: regex.compile(
                r"\b(?:" + "|".join(sorted(map(regex.escape, listed), key=len, reverse=True)) + r")\b",
                regex.IGNORECASE,
            ),
        )
        for m in pattern.finditer(text):
            token = m.group()
            if token[0].isupper() and (
                token[1:] != token[1:].lower() or not sentence_start(text, m.start()) or zipf(token, "en") >= 3.0
            ):
                continue  # Cest at a sentence start; not CEST, not Jai (a name English knows)
            form = listed.get(token.lower())  # None for `quilſ`: the pattern's case folding matched ſ as s
            if form is not None and m.start() not in seen and isolated(text, *m.span()) and not ctx.skipped(*m.span()):
                repaired = form.replace("'", ctx.apostrophe)
                if token[0].isupper():
                    repaired = repaired[0].upper() + repaired[1:]
                yield rule.finding(
                    m.start(),
                    m.end(),
                    repaired,
                    message=f"French elision lost its apostrophe: '{token}' is '{repaired}'.",
                )


_HYPHEN_TAIL_RE = lazy(regex.compile, r"(?:-[\p{L}\p{M}]+)+")


def _in_compound_name(text: str, start: int, end: int, head: str, rest: str) -> bool:
    """Whether a small ``l`` or ``d`` glued to a capitalised name of ``LONE_NAME_REST`` letters
    or more sits inside a hyphenated name: after a capitalised word and a hyphen (`Côtes-dArmor`,
    `Villeneuve-dAscq`), or before a hyphen and a capital (`lOrient-Le Jour`,
    `lAfrique-Occidentale`). No English word is built so; the gazetteer need not know the name."""
    if head not in ("l", "d") or len(rest) < LONE_NAME_REST or not (rest[0].isupper() and rest[1:].islower()):
        return False
    before = start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha()
    if before:
        word = WORD_BEFORE_RE.search(text, max(0, start - 40), start - 1)
        return word is not None and word.group()[0].isupper() and (end >= len(text) or not text[end].isalnum())
    return (start == 0 or text[start - 1] not in JOINERS) and end + 1 < len(text) and text[end] == "-" and text[end + 1].isupper()


def _opens_place(ctx: Context, text: str, start: int, end: int, rest: str) -> bool:
    """Whether the elided ``rest`` at ``start..end`` is the head of a hyphenated place name of
    the gazetteer (`lIle-de-France`, `dIle-de-France`), with its accents or without."""
    if start > 0 and text[start - 1] in JOINERS:
        return False
    tail = _HYPHEN_TAIL_RE.match(text, end)
    if tail is None:
        return False
    return fold(rest + tail.group()) in ctx.lex.place_folds


# At a sentence start every elided head is tried (C’était, N’avait, S’agissant, J’accuse): the
# gates below (no word in either language, the rest a French word English does not use, a
# sentence start) are strict enough that names such as Sabine, Noémie or Céline never pass,
# since their letters after the capital are no French word.
ELISION_TITLE_RE = lazy(regex.compile, r"\b(Qu|[LDCJNS])([aeiouyhàâäéèêëîïôöûüœæ][\p{Ll}\p{M}]{3,})\b")
# A capital head before a capitalised rest: a name or title that opens with an elision
# (`LExpress`, `LÉquipe`, `DAprès` in a headline): L', D' and Qu' only, as for small heads.
ELISION_CAPS_RE = lazy(regex.compile, r"\b(Qu|[LD])(\p{Lu}\p{Ll}[\p{L}\p{M}]+)\b")
# A capital head before an acronym (`LIDFM` for L'IDFM, `LONU`): only when the acronym stands
# alone elsewhere in the article, since the whole token is an acronym's shape too.
ELISION_ACRONYM_RE = lazy(regex.compile, r"\b([LD])(\p{Lu}{3,6})\b")
# The five elision patterns in one scan: groups 1-2, 3-4, 5-6, 7-8 or 9-10 hold the head and
# the rest, so ``lastindex`` tells which matched. Each match is a whole word (``\b``, word
# characters, ``\b``) and at one place at most one of them can match (a small head before a
# capital, a small head before a small vowel, a capital head before a small vowel, a capital
# head before a capitalised word, a capital head before capitals only), so the scan finds
# exactly the matches of each pattern alone.
ELISION_ANY_RE = lazy(regex.compile,
    r"\b(?:"
    + "|".join(
        p.pattern.removeprefix(r"\b").removesuffix(r"\b")
        for p in (ELISION_UPPER_RE, ELISION_LOWER_RE, ELISION_TITLE_RE, ELISION_CAPS_RE, ELISION_ACRONYM_RE)
    )
    + r")\b"
)


# Among runs one a line, those ELISION_ANY_RE may match whole (its groups made non-capturing,
# so ``findall`` gives the lines): what the elision decider is asked about. A new article
# brings hundreds of runs opening with an elision's head letter (`said`, `Court`, `Niger`);
# only a few have the shape of a glued elision.
ELISION_LINE_RE = lazy(regex.compile,
    r"(?m)^(?:" + re.sub(r"\((?!\?)", "(?:", ELISION_ANY_RE.pattern.removeprefix(r"\b").removesuffix(r"\b")) + r")$"
)
UPPER, LOWER, TITLE, CAPS, ACRONYM = 2, 4, 6, 8, 10  # the ``lastindex`` of each kind of ELISION_ANY_RE match
ELISION_HEADS = frozenset("qldQLDCJNS")  # the letters an ELISION_ANY_RE match starts with


_SPACED_ELISION_RE = lazy(regex.compile, r"(?:^|(?<=[\p{L}\p{N},;:] ))([dl]) (\p{Lu}[\p{Ll}\p{M}]{2,})\b", regex.M)


class _AcronymKeys:
    """``key in`` either of two acronym indexes, without building their union."""

    def __init__(self, english: dict[str, Any], french: dict[str, Any]) -> None:
        self.english, self.french = english, french

    def __contains__(self, key: object) -> bool:
        return key in self.english or key in self.french


def _glossary_acronyms(doc: Document) -> _AcronymKeys:
    """The English and French acronyms of the glossary (its two indexes, looked up by key)."""
    from ..glossary import doc_glossary

    g = doc_glossary(doc)
    return _AcronymKeys(g.acronyms, g.fr_acronyms)


LONE_NAME_REST = 5  # (see elision_decider: `lIseran`; `lIle` alone stays, as it may be a typo of `Ile`)


def elision_decider(rule: Rule, lex: Lexicon) -> Callable[[str], tuple[int, bool] | None]:
    """What the elision rule wants of a letter run, whatever the article: ``(kind, rest_alone)``
    when the run is a glued elision of that kind by everything that depends on the run alone
    (``rest_alone``: an upper-case rest must also stand alone in the article), else None.

    A run matches ELISION_ANY_RE in the text only where it is a whole word, and then with
    the same alternative as alone; lower-case and capitalised tokens that are words (any
    English word or a French one of Zipf ``max_whole_zipf`` or more, in lower case; any word
    at all, capitalised) are no candidates."""
    whole_max = float(rule.params.get("max_whole_zipf", 2.0))
    rest_min = float(rule.params.get("min_rest_zipf", 3.0))
    # rests of two or three letters (`lîle`, `deau`, `dici`) only from the rule's list: short
    # glued tokens are English words or names far more often (`dune`, `lace`, `Lille`)
    short_rests = frozenset(str(w) for w in rule.params.get("short_rests", ()))
    short_en_max = float(rule.params.get("short_max_english_zipf", 1.5))

    # the first words of hyphenated places (`Ile` of Ile-de-France): a glued elision before one
    # is judged in the text, where the place's name must follow (``_opens_place``)
    place_heads = lex.place_heads
    # English words this frequent (the set other merged-word rules load) are known without a
    # look-up: most runs the pattern lets through are such words (`later`, `data`, `Canada`)
    common = common_words_set(COMMON_FLOOR)

    def decide(token: str) -> tuple[int, bool] | None:
        if token[:1] not in ELISION_HEADS:
            return None  # most runs: the pattern opens with one of these letters
        m = ELISION_ANY_RE.fullmatch(token)
        if m is None:
            return None
        which = m.lastindex
        if which == UPPER:
            rest = m.group(2)
            if shape(rest) == "mixed" or len(rest) < 2 or protected_run(lex, token):
                return None
            if rest in place_heads:
                return UPPER, False  # `lIle-de-France`: the text must go on with the place's name
            if not rest.isupper() and zipf(token, "en") >= 1.5:
                return None  # jQuery, dBase: English knows it as one word (French lists hold lunion)
            # a capitalised name of five letters or more after a small l or d (`Col de lIseran`)
            # is an elision whether or not the article spells it alone: no word is built so
            named = len(rest) >= LONE_NAME_REST and shape(rest) == "cap"
            return UPPER, not (word_zipf(rest) >= 2.5 or rest in lex.places or named)
        if which == ACRONYM:
            if protected_run(lex, token) or zipf(token, "en") > 0:
                return None
            return ACRONYM, True  # the acronym must stand alone in the article
        if which == CAPS:
            # no brand and no word English knows as one (Darcy); French web text knows the
            # stripped forms themselves (daprès, léquipe), so French frequency says nothing.
            # LaToya and DeWitt never match: their second letter is small. The rest must be a
            # word, a place, or stand alone elsewhere in the article.
            if protected_run(lex, token) or zipf(token, "en") >= 1.5:
                return None
            rest = m.group(CAPS)
            return CAPS, not (word_zipf(rest) >= 2.5 or rest in lex.places)
        if which == LOWER and len(m.group(LOWER)) < 4:
            # French web text spells these stripped tokens often (dici, deau), so only English
            # frequency can turn them down: junk spellings are rare in English, words are not
            if m.group(LOWER) not in short_rests or token in lex.elisions or zipf(token, "en") >= short_en_max:
                return None
            return LOWER, False
        # most runs that reach here are English words (`later`, `Canada`): the French list,
        # a bisection for a spelling not met before, is only asked about the others
        if token.lower() in common or zipf(token, "en") > 0 or zipf(token, "fr") >= (whole_max if which == LOWER else 1.0):
            return None
        rest = m.group(which)
        if which == LOWER:
            if token in lex.elisions or (zipf(rest, "fr") < rest_min and zipf(rest, "en") < rest_min + 0.5):
                return None
            return LOWER, False
        if zipf(rest, "fr") < rest_min or zipf(rest, "en") >= 3.0 or token in lex.places:
            return None
        return TITLE, False

    return decide


def elision_candidates(doc: Document, rule: Rule, ctx: Context) -> tuple[list, list, list]:
    """The matches of ELISION_UPPER_RE and ELISION_CAPS_RE (with ``rest_alone``, together),
    ELISION_LOWER_RE and ELISION_TITLE_RE in the text that ``elision_decider`` keeps, each kind
    in text order."""
    wanted = rule_setup(
        doc, rule, lambda: RunFilter(ctx.book, elision_decider(rule, ctx.lex), shape=ELISION_LINE_RE)
    ).select(ctx.runs())
    if not wanted:
        return [], [], []
    found = sorted((pos, kind) for word, kind in wanted for pos in ctx.positions(word))
    text = ctx.text
    uppers, lowers, titles = [], [], []
    for pos, (which, rest_alone) in found:
        m = ELISION_ANY_RE.match(text, pos)
        if m is None:
            continue  # a digit or `_` touches it: no whole word
        if which == UPPER or which == CAPS or which == ACRONYM:
            uppers.append((m, rest_alone))
        else:
            (lowers if which == LOWER else titles).append(m)
    return uppers, lowers, titles


def sentence_start(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a sentence: start of a line, or after . ! ? (and quotes)."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\"“«'‘(":
        i -= 1
    return i < 0 or text[i] in "\n.!?…:"


def elision_finding(rule: Rule, start: int, end: int, head: str, rest: str, apo: str) -> Finding:
    at = start + len(head)
    return rule.finding(
        start,
        end,
        edits=(Edit(at, at, apo),),
        message=f"French elision lost its apostrophe: '{head}{rest}' is '{head}{apo}{rest}'.",
        title=f"{head}{apo}{rest}",
    )


# --------------------------------------------------------------------------- name-join

CAP_TOKEN_RE = lazy(regex.compile, r"\b\p{Lu}\p{Ll}[\p{Ll}\p{M}]{4,}\b")


def name_join(doc: Document, rule: Rule) -> Iterator[Finding]:
    """``Barsaloghoin`` → ``Barsalogho in``: a name the article (or the gazetteer) spells on its
    own, glued to a common word. Unsafe: the finding shows the name for a person to confirm."""
    ctx = context(doc)
    text = ctx.text
    suffixes, french_heads, french_tails, min_name, max_name_zipf, runs = rule_setup(
        doc, rule, lambda: name_join_setup(doc, rule)
    )
    wanted = runs.select(ctx.runs())
    found = sorted(pos for token, _ in wanted for pos in ctx.positions(token)) if wanted else ()
    for pos in found:
        m = CAP_TOKEN_RE.match(text, pos)
        if m is None:
            continue  # a digit or `_` touches it: no whole word
        token = m.group()
        start, end = m.span()
        if ctx.standalone(token) > 1 or not isolated(text, start, end) or ctx.skipped(start, end):
            continue
        cut = split_name(ctx, token, suffixes, french_heads, french_tails, min_name, max_name_zipf)
        if cut is None:
            continue
        name, tail = token[:cut], token[cut:]
        if tail in suffixes and tail not in _MAY_END_CLAUSE and CLAUSE_STOP_RE.match(text, end):
            continue  # ``Fanmi Lavalas,``: "Laval as," would leave a preposition with nothing to govern
        yield rule.finding(
            start,
            end,
            edits=(Edit(start + cut, start + cut, " "),),
            message=f"The name '{name}' is glued to '{tail}': '{token}' should read '{name} {tail}'.",
            title=f"{name} {tail}",
        )


def name_join_setup(doc: Document, rule: Rule) -> tuple:
    """name_join's word lists and thresholds, and its ``RunFilter``."""
    suffixes = words_param(doc, rule, "glued_words")
    french_heads = words_param(doc, rule, "french_time_heads")
    french_tails = words_param(doc, rule, "french_time_tails")
    whole_max = float(rule.params.get("max_whole_zipf", 2.0))
    endings = tuple(suffixes | french_tails)
    lex = lexicon(doc)

    def decide(token: str) -> bool | None:
        """Whether a run could be a name glued to a word, whatever the article: a capitalised
        token (CAP_TOKEN_RE, which matches only whole runs) ending like a glued word, no word
        itself, no brand and no place."""
        if token[:1].isascii() and not token[:1].isupper():
            return None  # most runs: no capital first
        if CAP_TOKEN_RE.fullmatch(token) is None or not token.endswith(endings):
            return None
        if known_word(token, whole_max) or protected_run(lex, token) or token in lex.places:
            return None
        return True

    min_name = int(rule.params.get("min_name_length", 4))
    max_name_zipf = float(rule.params.get("max_name_zipf", 3.5))
    runs = RunFilter(run_book(doc.cache["store"]), decide, shape=name_join_shape(endings))
    return suffixes, french_heads, french_tails, min_name, max_name_zipf, runs


def name_join_shape(endings: tuple[str, ...]) -> regex.Pattern[str]:
    """Among runs one a line, those name_join's ``decide`` may want: CAP_TOKEN_RE's shape
    ending like a glued word. A new article brings dozens of capitalised runs (the former shape,
    CAPITAL_LINE_RE, sent each to ``decide``); a few end with a glued word."""
    if not endings:
        return CAPITAL_LINE_RE
    ends = "|".join(sorted(map(regex.escape, endings), key=len, reverse=True))
    return regex.compile(r"(?m)^\p{Lu}\p{Ll}[\p{Ll}\p{M}]{4,}(?<=" + ends + r")$")


# glued words that may end a clause (``… as Mali is.``); the others (in, of, the, as, and…)
# need a word after them, so a split leaving one right before a comma or a stop is no repair
_MAY_END_CLAUSE = frozenset({"is", "was", "had", "have", "are", "were", "will"})
CLAUSE_STOP_RE = lazy(regex.compile, r"[,.;:!?)\]]")


def split_name(
    ctx: Context,
    token: str,
    suffixes: frozenset[str],
    french_heads: frozenset[str],
    french_tails: frozenset[str],
    min_name: int,
    max_name_zipf: float,
) -> int | None:
    """Where the name ends in ``token``, or None: longest name first.

    The name must be a place of the gazetteer, or spelled alone in the article and rare as a
    word (``Just`` at a sentence start does not make ``Justin`` a join), less rare when spelled
    alone twice or more (``REPEATED_NAME_ZIPF``). A name ending in a
    vowel followed by ``is`` is a French demonym (``Bamakois``), not a join.
    """
    for cut in range(len(token) - 2, min_name - 1, -1):
        name, tail = token[:cut], token[cut:]
        if name.lower() in french_heads and tail in french_tails:
            return cut
        if tail not in suffixes:
            continue
        if tail == "is" and name[-1] in "aeiouyéè":
            continue
        if name in ctx.lex.place_names:
            return cut
        alone = ctx.standalone(name)
        if alone and word_zipf(name) < (max_name_zipf if alone == 1 else max(max_name_zipf, REPEATED_NAME_ZIPF)):
            return cut
    return None


# a name the article spells alone twice or more may be as common as this as a word (`Saintes`,
# Zipf 3.7, in `Saintesand`): the article has shown it is a name; common words (`Just`, 6.5)
# still are not
REPEATED_NAME_ZIPF = 4.5


# --------------------------------------------------------------------------- lost apostrophe

LOST_S_RE = lazy(regex.compile, r"(?<=\p{L}\p{M}*) s (?=([\p{L}\p{M}]+))")
# A contraction split at its apostrophe: the lone ending is searched first (fast), then the
# word before it must be one that takes this ending.
LOST_END_RE = lazy(regex.compile, r" (t|m|re|ll|ve)\b")
# Matches wherever LOST_END_RE does (an ASCII letter, digit or `_` is a word character for
# `\b` in any Unicode version), with the standard `re`, which scans plain text several times
# faster: most articles have no lone `t`, `m`, `re`, `ll`, `ve` and skip LOST_END_RE.
LOST_END_GATE = lazy(re.compile, r" (?:t|m|re|ll|ve)(?![A-Za-z0-9_])")
LOST_ENDINGS = Spellings(["t", "m", "re", "ll", "ve"])
CONTRACTED = {
    "t": frozenset(
        "don can won isn aren wasn weren doesn didn hasn haven hadn couldn wouldn shouldn mustn".split()
    ),
    "m": frozenset(["i"]),
    "re": frozenset(["you", "we", "they"]),
    "ll": frozenset(["i", "you", "we", "they", "he", "she"]),
    "ve": frozenset(["i", "you", "we", "they"]),
}


FRENCH_AFTER_S = frozenset(["en", "est", "il", "ils", "y", "agit", "était", "ensuit", "étaient"])


def lost_apostrophe(doc: Document, rule: Rule) -> Iterator[Finding]:
    """``the army s announcement`` → ``the army's announcement``; ``don t`` → ``don't``."""
    ctx = context(doc)
    text = ctx.text
    not_before, not_next, its_next, contractions = rule_setup(doc, rule, lambda: lost_apostrophe_setup(doc, rule))
    # the pattern holds ` s `, whose s is then a word of its own (a dict look-up first: a
    # three-character str search skips little)
    lone_s = "s" in doc.word_counts and " s " in text
    for m in LOST_S_RE.finditer(text) if lone_s else ():
        gap = m.start()  # the space between the owner and the lone s
        lm = WORD_BEFORE_RE.search(text, max(0, gap - 40), gap)
        if lm is None or len(lm.group()) < 2 or (lm.start() > 0 and text[lm.start() - 1] in APOSTROPHES):
            continue
        left, nxt = lm.group(), m.group(1)
        if left.lower() in not_before or nxt.lower() in not_next:
            continue
        if is_french_word(nxt) or nxt.lower() in FRENCH_AFTER_S:
            continue  # ils s en vont: the French s' belongs to the next word
        if ctx.skipped(lm.start(), m.end()) or not wordish(ctx, left):
            continue
        apo = ctx.apostrophe
        yield rule.finding(
            lm.start(),
            gap + 2,
            edits=(Edit(gap, gap + 1, apo),),
            message=f"Possessive lost its apostrophe: '{left} s' is '{left}{apo}s'.",
            title=f"{left}{apo}s",
        )
    # a lone ending is a whole letter run (a space before it, no word character after it)
    lone = bool(LOST_ENDINGS.listed(ctx.runs(), ctx.book))
    # LOST_END_RE only where the gate matches (one `re` scan, not a gate search and then a `regex`
    # scan of the whole text): each match opens with a space, which no gate match holds after
    # its first character, so none is skipped
    endings = matches_at(LOST_END_RE, text, (g.start() for g in LOST_END_GATE.finditer(text))) if lone else ()
    for m in endings:
        gap = m.start()
        lm = WORD_BEFORE_RE.search(text, max(0, gap - 12), gap)
        if lm is None or lm.group().lower() not in CONTRACTED[m.group(1)]:
            continue
        if lm.group() == "i" or (m.group(1) == "m" and lm.group() != "I"):
            continue  # only the pronoun I
        if not isolated(text, lm.start(), m.end()) or ctx.skipped(lm.start(), m.end()):
            continue
        word = text[lm.start() : m.end()]
        apo = ctx.apostrophe
        yield rule.finding(
            lm.start(),
            m.end(),
            edits=(Edit(gap, gap + 1, apo),),
            message=f"Contraction lost its apostrophe: '{word}' is '{word.replace(' ', apo)}'.",
            title=word.replace(" ", apo),
        )
    if contractions is not None:
        yield from glued_contractions(rule, ctx, its_next, *contractions)


def lost_apostrophe_setup(doc: Document, rule: Rule) -> tuple:
    """lost_apostrophe's word lists, and its glued contractions (None without any): the table,
    each form with its capitalised spelling, all of them as ``Spellings``, and each form's
    pattern."""
    lists = tuple(words_param(doc, rule, k) for k in ("not_after", "not_before", "its_before"))
    table: dict[str, str] = rule.params.get("glued_contractions", {})
    if not table:
        return (*lists, None)
    pairs, spellings = contraction_forms(table)
    patterns = _ContractionPatterns()  # (compiled on first use: most articles hold no glued form)
    # each spelling → (rank, form) of the pairs holding it: the forms present, in order, from
    # the few spellings that stand alone
    ranks: dict[str, list[tuple[int, str]]] = {}
    for rank, pair in enumerate(pairs):
        for spelled in dict.fromkeys(pair):
            ranks.setdefault(spelled, []).append((rank, pair[0]))
    return (*lists, (table, ranks, spellings, patterns))


class _ContractionPatterns(dict):
    """A glued form's pattern (``\bform\b`` before a word, any case), compiled when a text first
    holds the form: two dozen patterns compiled at every start cost more than the rule's work
    on most articles."""

    def __missing__(self, form: str) -> regex.Pattern[str]:
        got = self[form] = regex.compile(rf"\b(?i:{form})\b(?= (\p{{L}}+))")
        return got


def glued_contractions(
    rule: Rule,
    ctx: Context,
    its_next: frozenset[str],
    table: dict[str, str],
    ranks: dict[str, list[tuple[int, str]]],
    spellings: Spellings,
    patterns: dict[str, regex.Pattern[str]],
) -> Iterator[Finding]:
    """``dont know`` → ``don't know``, ``Its the`` → ``It's the``: the apostrophe vanished
    without a space. Only spellings that are no English word (`cant`, `wont`, `lets`, `ill`
    are words and stay), `its` only before a word that cannot follow a possessive (`the`,
    `not`, `been`), and French `dont` (of which) only when an English word follows."""
    alone = ctx.alone(spellings)
    present = [form for _, form in sorted({got for w in alone for got in ranks[w]})] if alone else []
    for form in present:
        # `its` is kept only before one of its_next (lower case): most `its` are possessives
        after = tuple(its_next) if form == "its" else ()
        yield from _contraction_hits(contraction_matches(patterns[form], ctx, form, after), rule, ctx, table, its_next)


def contraction_matches(
    pattern: regex.Pattern[str], ctx: Context, form: str, after: tuple[str, ...] = ()
) -> Iterator[regex.Match[str]]:
    """The matches of ``pattern`` (``form`` in any case) that ``_contraction_hits`` can keep:
    those spelled ``form`` or capitalised, found as whole runs (a match is a whole word of
    letters). Any other spelling is neither lower case nor a title, or no listed form in lower
    case (`iſnt`). A capital that lower-cases to the same letter as the form's capital only
    exists for `k` (the Kelvin sign) and beyond ASCII: those forms try every match.
    ``after``: when given, only where the word after the form's space starts with one of them
    (``_contraction_hits`` wants that word among them), tested by ``str.startswith`` before
    the pattern."""
    if not form[:1].isascii() or form[:1] == "k":
        yield from pattern.finditer(ctx.text)
        return
    text = ctx.text
    skip = len(form) + 1  # the form and the space the pattern's look-ahead wants
    for pos in sorted((*ctx.positions(form), *ctx.positions(form.capitalize()))):
        if after and not text.startswith(after, pos + skip):
            continue
        m = pattern.match(text, pos)
        if m is not None:
            yield m


def contraction_forms(table: dict[str, str]) -> tuple[tuple[tuple[str, str], ...], Spellings]:
    """Each glued form (the table's, then `its`) with its capitalised spelling, and all of them
    as ``Spellings``."""
    pairs = tuple((w, w.capitalize()) for w in (*table, "its"))
    return pairs, Spellings(s for pair in pairs for s in pair)


def _contraction_hits(
    matches: Iterable[regex.Match[str]], rule: Rule, ctx: Context, table: dict[str, str], its_next: frozenset[str]
) -> Iterator[Finding]:
    text = ctx.text
    for m in matches:
        word, nxt = m.group(), m.group(1)
        low = word.lower()
        if not (word.islower() or word.istitle()) or not isolated(text, m.start(), m.end()):
            continue
        if low == "its":
            if nxt not in its_next:
                continue  # lower case only: its The Athletic site is a possessive before a title
            repaired = word[:2] + ctx.apostrophe + "s"
        else:
            if low == "dont" and (zipf(nxt, "en") < 3.0 or zipf(nxt, "fr") > zipf(nxt, "en")):
                continue  # dont la, dont il: French
            if low not in table:
                continue  # `iſnt`: the pattern's case folding matched ſ as s; not a listed form
            repaired = table[low].replace("'", ctx.apostrophe)
            if word[0].isupper():
                repaired = repaired[0].upper() + repaired[1:]
        if ctx.skipped(m.start(), m.end()):
            continue
        yield rule.finding(
            m.start(),
            m.end(),
            repaired,
            message=f"Contraction lost its apostrophe: '{word}' is '{repaired}'.",
        )
