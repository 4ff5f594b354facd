"""The French→English phrase table (``rules/phrases/*.toml``): matching and translating.

Entries are token sequences, matched case-insensitively with ``’`` and ``'`` folded, so
``D’après`` and ``d'après`` are one entry. An elided word also matches without its apostrophe
(``l'attaque`` ↔ ``lattaque``), because scrapers drop apostrophes at link edges; ``also`` lists
half-translated spellings (``to loccasion of``). ``{name}`` is a slot for a capitalised name
(``au {name}`` → ``in {name}``). A run is translated by covering its words left to right with
the longest entries; names and numbers pass through; any French word left uncovered means the
table cannot translate the run, and the detector then only points at it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import is_not
from typing import Any

import regex

from .data import DataError
from .document import WORD_RE
from .frenchscore import CHUNK_WORDS, ELISION_RE, ELISION_STUBS, chunk_words, norm, soft_gap
from .lazypattern import lazy

SLOT = "{name}"
SLOT_TOKEN_RE = lazy(regex.compile, r"^\p{Lu}")
TIME_RE = lazy(regex.compile, r"^(\d{1,2})h(\d{2})?$")
ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December")


@dataclass(frozen=True)
class Entry:
    fr: str
    en: str
    pattern: tuple[str, ...]  # normalised tokens, SLOT for a name
    safe: bool = False
    alone: bool = False
    source: str = ""


@dataclass
class PhraseTable:
    by_first: dict[str, list[Entry]]
    # for each entry flagged wherever found, the word a line must hold to be searched for it
    # (``alone_key``)
    alone_keys: frozenset[str] = frozenset()
    # first words of the titles written before a name (``Madame {name}``): a name never runs on
    # into one, or the next pass would find the title left untranslated inside the name
    titles: frozenset[str] = frozenset()
    _openers: dict[str, bool] = field(default_factory=dict)  # see opens_entry
    _leads: dict[str, bool | str] = field(default_factory=dict)  # see _lead
    _first_keys: dict[str, str] = field(default_factory=dict)  # see _first_key
    # ``match_at`` tries an entry only when it has one word, a slot second (``loose``: their
    # first words) or the second word that follows (``pairs``: the first two words of the
    # others): a word whose key and the next one's fit neither is turned down by set tests
    loose: frozenset[str] = field(init=False)
    pairs: frozenset[tuple[str, str]] = field(init=False)
    # the entries of a first word that ``match_at`` tries before a given second word (those
    # of one word, with a slot second or with that second word), in ``by_first``'s order:
    # under (first, second) for the second words of its entries, under first for any other
    by_pair: dict[tuple[str, str], list[Entry]] = field(init=False)
    loose_entries: dict[str, list[Entry]] = field(init=False)

    def __post_init__(self) -> None:
        entries = [e.pattern for lst in self.by_first.values() for e in lst]
        self.loose = frozenset(p[0] for p in entries if len(p) == 1 or p[1] == SLOT)
        self.pairs = frozenset((p[0], p[1]) for p in entries if len(p) > 1)
        self.by_pair = {(p[0], p[1]): [e for e in self.by_first[p[0]]
                                       if len(e.pattern) == 1 or e.pattern[1] in (p[1], SLOT)]
                        for p in entries if len(p) > 1 and p[1] != SLOT}
        self.loose_entries = {key: [e for e in lst if len(e.pattern) == 1 or e.pattern[1] == SLOT]
                              for key, lst in self.by_first.items()}

    def match_at(self, words: list[tuple[int, int, str]], text: str, i: int,
                 keys: list[str] | None = None,
                 bound: int | None = None) -> tuple[Entry, int, tuple[int, int] | None] | None:
        """The longest entry matching ``words`` from index ``i``: (entry, next index, slot span).
        ``keys``, when given, holds ``norm`` of each word (computed once by the caller).
        ``bound``, when given: ``words`` is cut short and its words from that index on may
        differ from the whole list's; ``Cut`` is raised where the answer would read them."""
        key = keys[i] if keys is not None else norm(words[i][2])
        left = len(words) - i
        if bound is not None and i + 1 >= bound:
            raise Cut  # the second word (or the lack of one) is not known
        second = keys[i + 1] if keys is not None and left > 1 else None
        if second is None:
            cands = self.by_first.get(key)
        else:  # only the entries the second word leaves (the test below would skip the others)
            cands = self.by_pair.get((key, second))
            if cands is None:
                cands = self.loose_entries.get(key)
        if not cands:
            return None
        for entry in cands:  # longest first
            pat = entry.pattern
            if second is not None and len(pat) > 1 and pat[1] != second and pat[1] != SLOT:
                continue  # _match would stop at the second word
            if len(pat) > left:
                if bound is not None:
                    raise Cut  # the whole list may hold enough words
                continue  # _match would run out of words
            got = _match(entry, words, text, i, keys, self.titles, bound)
            if got is not None:
                return entry, got[0], got[1]
        return None


class Cut(Exception):
    """A match on a list of words cut short would read a word the cut may have changed."""


def _match(entry: Entry, words: list[tuple[int, int, str]], text: str, i: int,
           keys: list[str] | None = None, titles: frozenset[str] = frozenset(),
           bound: int | None = None) -> tuple[int, tuple[int, int] | None] | None:
    k = i
    slot: tuple[int, int] | None = None
    end = len(words) if bound is None else bound  # the words that may be read
    for n, item in enumerate(entry.pattern):
        if k >= end:
            if bound is not None:
                raise Cut
            return None
        if n:
            gap = text[words[k - 1][1] : words[k][0]]
            if gap != " " and not soft_gap(gap):  # one space, the usual gap, settled inline
                return None
        if item == SLOT:
            if not SLOT_TOKEN_RE.match(words[k][2]):
                return None
            s = words[k][0]
            k += 1
            # a name is a chain of capitalised words (Burkina Faso, Tin Zaouatine); it stops before
            # a title (``au Mali Madame Borne``: Madame opens the next phrase)
            while (k < end and SLOT_TOKEN_RE.match(words[k][2])
                   and text[words[k - 1][1] : words[k][0]] == " "
                   and not (titles and norm(words[k][2]) in titles)):
                k += 1
            if k >= end and bound is not None:
                raise Cut  # the name may run on into the words cut off
            slot = (s, words[k - 1][1])
            continue
        if (keys[k] if keys is not None else norm(words[k][2])) != item:
            return None
        k += 1
    return k, slot


def variants(fr: str) -> list[tuple[str, ...]]:
    """Token sequences of an entry: as written, and with each elided article glued on."""
    toks = [norm(m.group()) if m.group() != SLOT else SLOT for m in regex.finditer(r"\{name\}|" + WORD_RE.pattern, fr)]
    out: list[list[str]] = [[]]
    for t in toks:
        m = ELISION_RE.match(t) if t != SLOT else None
        forms = [t]
        if m and m.group(1) in ("l", "d", "qu"):
            forms.append(m.group(1) + m.group(2))
        out = [[*seq, f] for seq in out for f in forms]
    return [tuple(seq) for seq in out]


def alone_key(pattern: tuple[str, ...]) -> str:
    """The word of an ``alone`` entry's pattern that a line must hold to be searched for it:
    its rarest literal word in English (the longer at equal rarity), so that `le kilo` sends
    only the lines holding `kilo` to phrase matching, not every line holding `le`."""
    from .lexicon import zipf_en

    return min((w for w in pattern if w != SLOT), key=lambda w: (zipf_en(w), -len(w)))


def build_table(store: Any) -> PhraseTable:
    def build() -> PhraseTable:
        by_first: dict[str, list[Entry]] = {}
        counts: dict[str, int] = {}
        for t in store.tables("phrases/*.toml", "phrase"):
            n = counts[t["_file"]] = counts.get(t["_file"], 0) + 1
            fr, en, also = t.get("fr"), t.get("en"), t.get("also", [])
            if isinstance(also, str):
                also = [also]
            if not isinstance(fr, str) or not isinstance(en, str) or not fr.strip() or not isinstance(also, list):
                raise DataError(f"{t['_file']}: [[phrase]] #{n}: 'fr' and 'en' must be strings, 'also' a list")
            for spelling in [fr, *also]:
                for pat in variants(spelling):
                    if not pat or pat[0] == SLOT:
                        continue
                    e = Entry(fr, en, pat, bool(t.get("safe", False)), bool(t.get("alone", False)), t["_file"])
                    by_first.setdefault(pat[0], []).append(e)
        for lst in by_first.values():
            # longest first; at equal length a literal word beats a {name} slot (au Sahel > au {name})
            lst.sort(key=lambda e: (len(e.pattern), -e.pattern.count(SLOT)), reverse=True)
        alone = frozenset(alone_key(e.pattern) for lst in by_first.values() for e in lst if e.alone)
        titles = frozenset(e.pattern[0] for lst in by_first.values() for e in lst
                           if SLOT in e.pattern and e.fr[:1].isupper())
        return PhraseTable(by_first, alone, titles=titles)

    return store.memo("frenchphrases.table", build)


SPACED_APOSTROPHE_RE = lazy(regex.compile, r"\s?['’]\s?")


def _case_forms(word: str) -> set[str]:
    """Every way of writing the ASCII ``word`` in upper and lower case."""
    out = {""}
    for ch in word:
        out = {f + c for f in out for c in {ch.lower(), ch.upper()}}
    return out


# the spellings whose lower case is an elision stub: ASCII ones only, since no other character
# has a lower case made of the stubs' letters (only İ and the Kelvin sign lower to ASCII, into
# i + a combining dot and k)
STUB_FORMS = frozenset(f for stub in ELISION_STUBS for f in _case_forms(stub))


def words_in(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The words of ``text[start:end]`` as (start, end, word); an elided article cut off by a
    space (``l’ attaque``) is joined back to its word so the table still matches it."""
    piece = text[start:end]
    return _words_of_chunks(text, start, piece, piece.split(), 0)


def _words_of_chunks(text: str, start: int, piece: str, chunks: list[str], pos: int) -> list[tuple[int, int, str]]:
    """``words_in`` of ``piece`` (``text[start:…]``) from ``pos`` on, where ``chunks`` are the
    chunks of ``piece[pos:].split()``: a caller that has split the piece already (to find
    where to start) does not split it again."""
    out: list[tuple[int, int, str]] = []
    # the words chunk by chunk, as ``split_words`` finds them (inlined: one list, not two)
    find = piece.find
    cache = CHUNK_WORDS
    stubs = STUB_FORMS
    last_end = 0
    after_stub = False  # whether the last word in ``out`` is a stub
    for chunk in chunks:
        pos = find(chunk, pos)  # the next chunk: white space before it cannot hold its start
        base = start + pos
        pos += len(chunk)
        got = cache.get(chunk)
        if got is None:
            got = chunk_words(chunk, cache)
        if len(got) == 1 and not after_stub:  # the usual chunk: one word, nothing to join it to
            rs, re_, w = got[0]
            last_end = base + re_
            out.append((base + rs, last_end, w))
            after_stub = w in stubs
            continue
        for rs, re_, w in got:
            s = base + rs
            if after_stub and SPACED_APOSTROPHE_RE.fullmatch(text, last_end, s):
                last_end = base + re_
                ps, _pe, pw = out[-1]
                out[-1] = (ps, last_end, f"{pw}'{w}")
                after_stub = False  # a joined word holds an apostrophe: no stub
                continue
            last_end = base + re_
            out.append((s, last_end, w))
            after_stub = w in stubs
    return out


_KEYS: dict[str, str] = {}  # norm of each word seen, kept per word


def word_keys(words: list[tuple[int, int, str]]) -> list[str]:
    """``norm`` of each word of ``words``, looked up in a per-word cache."""
    get = _KEYS.get
    return [get(w) or _key(w) for _s, _e, w in words]


def _key(word: str) -> str:
    key = norm(word)
    if len(_KEYS) < 500_000:
        _KEYS[word] = key
    return key


_OPENERS_MAX = 500_000


def opens_entry(table: PhraseTable, chunk: str) -> bool:
    """Whether a word of ``chunk`` (no white space in it) may open an entry in ``words_in``'s
    words: its ``norm`` is the first word of an entry, or it is an elision stub that may be
    joined to the next word (``l’ attaque``); kept per chunk."""
    got = table._openers.get(chunk)
    if got is None:
        got = any(norm(w) in table.by_first or (len(w) <= 6 and w.lower() in ELISION_STUBS)
                  for _s, _e, w in chunk_words(chunk, CHUNK_WORDS))
        if len(table._openers) < _OPENERS_MAX:
            table._openers[chunk] = got
    return got


def _first_live_index(table: PhraseTable, chunks: list[str]) -> int:
    """The index of the first of ``chunks`` where a match may open, or -1: a chunk that
    ``opens_entry`` and, when its one word needs a second word (``_lead``), is followed by a
    chunk whose first word (the next word) is one of them. Before it no word opens a match
    (``match_at`` would try no entry at any) and none is a stub that could join the next word
    (a chunk holding a stub may open one), so the search from it finds what it would from the
    first opener."""
    openers, leads, first_keys, pairs = table._openers, table._leads, table._first_keys, table.pairs
    last = len(chunks) - 1
    for i, chunk in enumerate(chunks):
        got = openers.get(chunk)
        if not (got or (got is None and opens_entry(table, chunk))):
            continue
        lead = leads.get(chunk)
        if lead is None:
            lead = _lead(table, chunk)
        if lead is True:
            return i
        if i == last:
            continue  # the piece's last word: only an entry of one word could match it
        nxt = first_keys.get(chunks[i + 1])
        if nxt is None:
            nxt = _first_key(table, chunks[i + 1])
        if not nxt or (lead, nxt) in pairs:
            return i  # ("": the next word lies further on)
    return -1


def _lead(table: PhraseTable, chunk: str) -> bool | str:
    """For a chunk that ``opens_entry``: the key of its one word when that word (no stub) has
    only entries of two words or more and no slot second (``match_at`` tries one only before
    its second word), else True. Kept per chunk."""
    words = chunk_words(chunk, CHUNK_WORDS)
    got: bool | str = True
    if len(words) == 1 and words[0][2] not in STUB_FORMS:
        key = _KEYS.get(words[0][2]) or _key(words[0][2])
        if key in table.by_first and key not in table.loose:
            got = key
    if len(table._leads) < _OPENERS_MAX:
        table._leads[chunk] = got
    return got


def _first_key(table: PhraseTable, chunk: str) -> str:
    """The key (``norm``) of the first word of ``chunk``, "" when it has none; kept per chunk."""
    words = chunk_words(chunk, CHUNK_WORDS)
    got = (_KEYS.get(words[0][2]) or _key(words[0][2])) if words else ""
    if len(table._first_keys) < _OPENERS_MAX:
        table._first_keys[chunk] = got
    return got


def find_matches(table: PhraseTable, text: str, start: int, end: int,
                 chunks: list[str] | None = None) -> list[tuple[int, int, Entry]]:
    """Non-overlapping phrase matches in ``text[start:end]``, longest first, left to right.
    ``chunks``, when given, is ``text[start:end].split()`` (a whole line's, split already)."""
    # the words before the first chunk where a match may open open none and join no stub to
    # the words after them: the search is the same from that chunk on (``_first_live_index``)
    # (the piece is split once: its chunks serve the opener test and the words both)
    piece = text[start:end]
    if chunks is None:
        chunks = piece.split()
    first = _first_live_index(table, chunks)
    if first < 0:
        return []
    if len(chunks) - first > ISLAND_MIN_CHUNKS:
        try:
            return _island_matches(table, text, start, piece, chunks, first)
        except Cut:
            pass  # a match near the end of an island: the words of the whole piece decide
    skip = len(piece) - len(piece.split(None, first)[-1])
    words = _words_of_chunks(text, start, piece, chunks[first:], skip)
    return _matches_in(table, text, words)


def _matches_in(table: PhraseTable, text: str, words: list[tuple[int, int, str]],
                bound: int | None = None) -> list[tuple[int, int, Entry]]:
    """``find_matches`` over ``words`` (``bound``: see ``PhraseTable.match_at``)."""
    keys = word_keys(words)
    by_first, loose, pairs = table.by_first, table.loose, table.pairs
    out = []
    k = 0  # where the last match ended: the search goes on from there
    last = len(keys) - 1
    # most words open no entry (match_at would say None): only the others are tried, and of
    # those only the ones whose next word can follow (``PhraseTable.pairs``; `the` before
    # anything but `attaque` opens none)
    for i in [i for i, key in enumerate(keys) if key in by_first]:
        if i < k:
            continue
        if bound is not None and i + 1 >= bound:
            raise Cut  # the next word (or the lack of one) is not known
        if keys[i] not in loose and (i == last or (keys[i], keys[i + 1]) not in pairs):
            continue  # match_at would try no entry: a second word that fits none, or none
        got = table.match_at(words, text, i, keys, bound)
        if got is None:
            continue
        entry, k, _ = got
        out.append((words[i][0], words[k - 1][1], entry))
    return out


# A long piece (a whole line searched for ``alone`` entries) is searched in islands: the words
# of each live chunk (one where ``_first_live_index``'s test, made conservative, says a match
# may open) and of the ``ISLAND_PAD`` chunks after it, runs of them merged; the words between
# islands are never built. Why the matches are the same: a word of the whole list that opens
# an entry lies in a chunk that opens one; outside the islands every such chunk has one word
# that needs a second word which cannot follow it (the next chunk's first word, not a stub
# that the next word joins), so the whole list's search passes it over too. No stub ends the
# chunk before an island (that chunk would be live: it would join the island), so the words
# of an island are those of the whole list there, except perhaps its last (a stub the next
# word joins; any other last word is the whole list's); a search that would read a word that
# may differ, or one beyond the island (``Cut``), is made over the whole list instead.
# Matches never cross islands, so the search's place carries over unchanged.
ISLAND_PAD = 8  # chunks after a live chunk: more than the longest entry's words (6)
ISLAND_MIN_CHUNKS = 3 * ISLAND_PAD  # shorter pieces are searched whole


def _island_matches(table: PhraseTable, text: str, start: int, piece: str, chunks: list[str],
                    first: int) -> list[tuple[int, int, Entry]]:
    """``find_matches`` of a long piece from chunk ``first`` (its first live chunk), island by
    island (see above); raises ``Cut`` when the whole list must decide."""
    n = len(chunks)
    islands: list[list[int]] = []
    for j in _live_indices(table, chunks, first):
        if islands and j <= islands[-1][1] + 1:
            islands[-1][1] = min(n - 1, j + ISLAND_PAD)
        else:
            islands.append([j, min(n - 1, j + ISLAND_PAD)])
    out: list[tuple[int, int, Entry]] = []
    rest, at = piece.lstrip(), 0  # the piece from chunk ``at`` on (as allowed_spans splits)
    for a, b in islands:
        if a > at:
            rest, at = rest.split(None, a - at)[-1], a
        words = _words_of_chunks(text, start, piece, chunks[a : b + 1], len(piece) - len(rest))
        if b == n - 1:
            bound = None  # the island ends the piece: its words are the whole list's
        else:  # only a stub is joined to the word after it: any other last word is the same
            bound = len(words) - 1 if words and words[-1][2] in STUB_FORMS else len(words)
        out += _matches_in(table, text, words, bound)
    return out


def _live_indices(table: PhraseTable, chunks: list[str], first: int) -> list[int]:
    """``first`` and the later indices of ``chunks`` where ``_first_live_index``'s test holds,
    made conservative: a one-word chunk that needs a second word is live also before a chunk
    opening with an elision stub (the next word may be the stub joined to the word after it)."""
    openers, leads, first_keys, pairs = table._openers, table._leads, table._first_keys, table.pairs
    last = len(chunks) - 1
    out = [first]
    # most chunks were judged as opening no entry (False): only the others are looked at
    for j in compress(range(first + 1, last + 1), map(is_not, map(openers.get, chunks[first + 1 :]), repeat(False))):
        chunk = chunks[j]
        if openers.get(chunk) is None and not opens_entry(table, chunk):
            continue
        lead = leads.get(chunk)
        if lead is None:
            lead = _lead(table, chunk)
        if lead is not True:
            if j == last:
                continue  # only an entry of one word could match its one word
            nxt = first_keys.get(chunks[j + 1])
            if nxt is None:
                nxt = _first_key(table, chunks[j + 1])
            if nxt and nxt not in ELISION_STUBS and (lead, nxt) not in pairs:
                continue
        out.append(j)
    return out


@dataclass
class Translation:
    text: str
    entries: list[Entry]
    # the entry matching the whole span from its first word, if one does (``translate_span``
    # tries it first): only then may a safe entry make the fix safe
    whole: Entry | None = None


GLUED_WORDS = ("in", "on", "at", "of", "to", "and", "the")


def unglue_place(word: str, places: frozenset[str]) -> str:
    """``Barsaloghoin`` → ``Barsalogho in``: a place name glued to the English word after it
    (a lost space at a link edge), split only when the place is in ``lexicon/places.txt``."""
    if not places or word.lower() in places:
        return word
    for tail in GLUED_WORDS:
        if not word.endswith(tail):
            continue  # most words: no slice made
        head = word[: -len(tail)]
        if len(head) >= 3 and head.lower() in places:
            return f"{head} {tail}"
    return word


def translate_span(table: PhraseTable, text: str, start: int, end: int, french: set[int],
                   places: frozenset[str] = frozenset(),
                   words: list[tuple[int, int, str]] | None = None) -> Translation | None:
    """English for ``text[start:end]`` from the table, or None when a French word is left.

    ``french`` holds the start offsets of the words the scorer judged French; any other word
    (a name, a number, an English word of a half-translated phrase) passes through unchanged.
    ``words``, when given, is ``words_in(text, start, end)`` (computed once by the caller).
    """
    if words is None:
        words = words_in(text, start, end)
    keys = word_keys(words)
    pieces: list[str] = []
    used: list[Entry] = []
    whole: Entry | None = None
    i = 0
    prev_end = start
    while i < len(words):
        s, e, w = words[i]
        gap = text[prev_end:s]
        got = table.match_at(words, text, i, keys)
        if got is not None:
            entry, k, slot = got
            if i == 0 and k == len(words):
                whole = entry
            out = entry.en
            if slot is not None:
                out = out.replace(SLOT, text[slot[0] : slot[1]])
            if out.startswith("– ") or out.startswith("— "):
                gap = gap.rstrip().rstrip(",") + " "
            pieces.append(gap + out)
            used.append(entry)
            prev_end = words[k - 1][1]
            i = k
            continue
        t = TIME_RE.match(w)
        if t:
            pieces.append(gap + _clock(int(t.group(1)), int(t.group(2) or 0)))
        elif s in french:
            return None
        else:
            pieces.append(gap + unglue_place(w, places))
        prev_end = e
        i += 1
    out = "".join(pieces).strip()
    out = _english_dates(out)
    if words and words[0][2][:1].isupper() and out[:1].islower() and _sentence_start(text, start):
        out = out[0].upper() + out[1:]
    return Translation(out, used, whole)


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip(" \t\ufeff")
    return not before or before[-1] in ".!?[(\"“«\n:"


def _clock(h: int, m: int) -> str:
    suffix = "a.m." if h < 12 else "p.m."
    h12 = h % 12 or 12
    return f"{h12}:{m:02d} {suffix}"


_DATE_RE = lazy(regex.compile, r"\b(?:on )?(\d{1,2}) (" + "|".join(ENGLISH_MONTHS) + r")(?: (\d{4}))?\b")


def _english_dates(s: str) -> str:
    """``19 October 2022`` → ``October 19, 2022``: the order of English news datelines."""

    def fix(m: regex.Match[str]) -> str:
        prefix = "on " if m.group(0).startswith("on ") else ""
        year = f", {m.group(3)}" if m.group(3) else ""
        return f"{prefix}{m.group(2)} {m.group(1)}{year}"

    return _DATE_RE.sub(fix, s)
