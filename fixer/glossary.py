"""The glossary of named entities (bodies, armed groups, countries, people) and its indexes.

Terminology, consistency and demonym rules all ask the same questions: is this token an
acronym we know, in English or French? Which entity does this broken name stand for? Which
country do these words point at? The glossary answers them from ``rules/glossary/*.toml``
(one ``[[entity]]`` table per entity, format in ``rules/glossary/bodies.toml``), indexed once
per process through ``DataStore.memo``.

Name matching works on *content tokens*: lower case, no accents, connectors (of, the, de,
du…) dropped, French words of institution names mapped to English (``_name-words.toml``) and
merged words split (``dAfrica`` → ``d`` + ``Africa``, ``theOuest`` → ``the`` + ``Ouest``). A
mangled name and its English form then share their content tokens, possibly in another
order; ``rapidfuzz`` compares tokens so spelling variants (defense/defence, African/Africa)
still align.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import itemgetter
from typing import Any, NamedTuple

import regex

from .lazypattern import lazy

GLOSSARY_GLOB = "glossary/*.toml"
WORDS_GLOB = "glossary/_name-words.toml"

# Function words of English and French names; they carry no identity.
CONNECTORS = frozenset(
    "of the for and in on to at a an by with from de du des d l la le les et en au aux dans pour sur "
    "par avec".split()
)
# French function words: their presence inside an English name is evidence of damage.
FRENCH_CONNECTORS = frozenset("de du des d l la le les et en au aux dans pour sur par avec".split())

# Name-ish tokens: letters with inner apostrophes/hyphens; camel junctions are split later.
_WORD_RE = lazy(regex.compile, r"[\p{L}\p{M}\p{N}]+")
_CAMEL_RE = lazy(regex.compile, r"(?<=\p{Ll})(?=\p{Lu})")
_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'"})


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case without accents: the key two spellings of one name share."""
    if text.isascii():
        # (most words: NFKD leaves ASCII as it is and marks none, and casefold is lower;
        # of the apostrophes only ` is ASCII)
        return text.replace("`", "'").lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=1 << 14)
def form_key(text: str) -> str:
    """A whole name reduced for exact comparison: folded, apostrophes and dashes unified."""
    return " ".join(_DASHES_RE.sub(" ", fold(text)).split())


_DASHES_RE = lazy(regex.compile, r"[\-–—'’]")
_UN_RE = lazy(regex.compile, r"\bun\b")


class Piece(NamedTuple):
    """One word of a name as it appears in a text: offsets, surface, and its content key.
    A NamedTuple rather than a frozen dataclass: every capitalised run of every article is
    split into pieces, and a tuple is several times cheaper to build."""

    start: int
    end: int
    text: str
    key: str  # folded, French mapped to English; "" for connectors
    merged: bool = False  # came out of a split merged token (dAfrica, theOuest)


_new_piece = tuple.__new__  # a Piece without the NamedTuple's Python-level __new__ (same tuple)


def split_pieces(text: str, offset: int = 0, words: dict[str, str] | None = None) -> list[Piece]:
    """Words of ``text`` with merged junctions split, each with its content key."""
    words = words or {}
    cache = getattr(words, "keys_cache", None)
    parts_cache = getattr(words, "parts_cache", None)
    out: list[Piece] = []
    append = out.append
    for m in _WORD_RE.finditer(text):
        tok = m.group()
        base = offset + m.start()
        if tok[1:].islower():
            # the common case, one plain word: no upper-case letter after the first, so no
            # camel junction and no glued d/l article (both need one)
            key = cache.get(tok) if cache is not None else None
            if key is None:
                key = content_key(tok, words)
            append(_new_piece(Piece, (base, base + len(tok), tok, key, False)))
            continue
        # an acronym, a camel junction or a glued article: split once per distinct word
        for p, e, sub, key, merged in _cached_parts(tok, words, parts_cache):
            append(_new_piece(Piece, (base + p, base + e, sub, key, merged)))
    return out


def word_parts(tok: str, words: dict[str, str]) -> tuple[tuple[int, int, str, str, bool], ...]:
    """``split_pieces`` of one word (a run of letters, marks and digits) as (start, end, text,
    key, merged) tuples, without a scan of the word: what the per-word caches of the rules
    build for each new word."""
    if tok[1:].islower():
        return ((0, len(tok), tok, content_key(tok, words), False),)
    return _cached_parts(tok, words, getattr(words, "parts_cache", None))


def _cached_parts(tok: str, words: dict[str, str],
                  parts_cache: dict[str, tuple[tuple[int, int, str, str, bool], ...]] | None
                  ) -> tuple[tuple[int, int, str, str, bool], ...]:
    """``_token_parts`` of ``tok``, kept in ``parts_cache`` (bounded) when there is one."""
    parts = parts_cache.get(tok) if parts_cache is not None else None
    if parts is None:
        parts = _token_parts(tok, words)
        if parts_cache is not None:
            if len(parts_cache) > 1 << 14:
                parts_cache.clear()
            parts_cache[tok] = parts
    return parts


def _token_parts(tok: str, words: dict[str, str]) -> tuple[tuple[int, int, str, str, bool], ...]:
    """The pieces of one token holding a capital after its first letter, as (start, end,
    text, key, merged) relative to the token (``split_pieces``)."""
    parts = []
    pos = 0
    bounds = [b.start() for b in _CAMEL_RE.finditer(tok)]
    # "dAfrica", "lattaque": a lost apostrophe after d/l glued the article to the word
    if len(tok) > 2 and tok[0] in "dl" and tok[1].isupper():
        bounds = [1, *bounds]
    for b in [*bounds, len(tok)]:
        if b > pos:
            sub = tok[pos:b]
            parts.append((pos, b, sub, content_key(sub, words), bool(bounds)))
        pos = b
    return tuple(parts)


class NameWords(dict):
    """French → English words of names (``_name-words.toml``), with a cache of the content
    keys computed with them: the same words recur in every article."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.keys_cache: dict[str, str] = {}
        self.parts_cache: dict[str, tuple[tuple[int, int, str, str, bool], ...]] = {}  # (split_pieces)


def content_key(word: str, words: dict[str, str]) -> str:
    """The content key of one word (cached when ``words`` is a ``NameWords``)."""
    cache = getattr(words, "keys_cache", None)
    if cache is None:
        return _content_key(word, words)
    key = cache.get(word)
    if key is None:
        if len(cache) > 1 << 16:
            cache.clear()
        key = cache[word] = _content_key(word, words)
    return key


def _content_key(word: str, words: dict[str, str]) -> str:
    f = fold(word)
    if f in CONNECTORS:
        return ""
    f = words.get(f, f)
    if len(f) > 4 and f.endswith("ies"):
        f = f[:-3] + "y"
    elif len(f) > 4 and f.endswith("s") and not f.endswith("ss"):
        f = f[:-1]
    return f


@dataclass(frozen=True)
class Entity:
    id: str
    kind: str
    name: str
    acronym: str = ""
    fr_name: str = ""
    fr_acronym: str = ""
    fr_ambiguous: bool = False
    fr_ok: bool = False
    variants: tuple[str, ...] = ()
    mangled: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    country: str = ""
    demonym: str = ""
    fr_demonym: str = ""
    capital: str = ""
    source: str = ""
    examples: tuple[dict[str, Any], ...] = ()

    @property
    def accepted(self) -> tuple[str, ...]:
        """Every form of the entity that is correct English (never flagged)."""
        forms = [self.name, *self.variants]
        if self.acronym:
            forms.append(self.acronym)
        if self.fr_ok and self.fr_name:
            forms.append(self.fr_name)
        return tuple(forms)

    def label(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


@dataclass(frozen=True)
class NameForm:
    """A multi-word name of an entity, as content keys in order."""

    entity: Entity
    text: str
    keys: tuple[str, ...]
    origin: str  # name, variant, mangled, fr
    keyset: frozenset[str] = frozenset()  # keys and their 4-letter prefixes, for a quick pre-test


class GlossaryError(ValueError):
    """A glossary entry that cannot be used; the message names the file and the entry."""


def _as_tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def parse_entity(table: dict[str, Any]) -> Entity:
    source = str(table.get("_file", ""))
    eid = table.get("id")
    name = table.get("name")
    if not isinstance(eid, str) or not eid:
        raise GlossaryError(f"{source}: an entity has no 'id'")
    if not isinstance(name, str) or not name:
        raise GlossaryError(f"{source}: entity {eid!r} has no 'name'")
    fr = table.get("fr", {}) or {}
    if not isinstance(fr, dict):
        raise GlossaryError(f"{source}: entity {eid!r}: 'fr' must be a table {{ name = …, acronym = … }}")
    return Entity(
        id=eid,
        kind=str(table.get("kind", "")),
        name=name,
        acronym=str(table.get("acronym", "")),
        fr_name=str(fr.get("name", "")),
        fr_acronym=str(fr.get("acronym", "")),
        fr_ambiguous=bool(fr.get("ambiguous", False)),
        fr_ok=bool(table.get("fr_ok", False)),
        variants=_as_tuple(table.get("variants")),
        mangled=_as_tuple(table.get("mangled")),
        context=_as_tuple(table.get("context")),
        country=str(table.get("country", "")),
        demonym=str(table.get("demonym", "")),
        fr_demonym=str(fr.get("demonym", "")),
        capital=str(table.get("capital", "")),
        source=source,
        examples=tuple(e for e in table.get("example", []) if isinstance(e, dict)),
    )


@dataclass
class Glossary:
    """All entities plus the lookups the detectors need, built once per data store."""

    entities: tuple[Entity, ...]
    words: dict[str, str] = field(default_factory=NameWords)
    by_id: dict[str, Entity] = field(default_factory=dict)
    acronyms: dict[str, list[Entity]] = field(default_factory=dict)  # English acronym → entities
    fr_acronyms: dict[str, list[Entity]] = field(default_factory=dict)  # French-only acronym → entities
    accepted_keys: dict[str, Entity] = field(default_factory=dict)  # form_key of a correct form
    names: list[NameForm] = field(default_factory=list)
    by_key: dict[str, list[int]] = field(default_factory=dict)  # content key → indexes in names
    name_tokens: dict[str, list[Entity]] = field(default_factory=dict)  # word of a person/place name
    spellings: dict[str, set[str]] = field(default_factory=dict)  # folded word → glossary spellings
    places: set[str] = field(default_factory=set)  # first word of a country, capital or city name
    near: dict[str, set[str]] = field(default_factory=dict)  # deletion key → name tokens (fold)
    known_words: set[str] = field(default_factory=set)  # every word of every correct form and demonym
    match_cache: dict[Any, Any] = field(default_factory=dict)  # run text → name matches (terminology)
    similarity: dict[tuple[str, int], Any] = field(default_factory=dict)  # (key, name form) → ratios (terminology)
    close_keys: dict[float, dict[str, Any]] = field(default_factory=dict)  # min ratio → key → form keys near it (terminology)
    key_forms: dict[str, frozenset[int]] = field(default_factory=dict)  # content key → name forms (forms_of_key)
    canonical_tokens: set[str] = field(default_factory=set)  # words of the canonical names of people and places
    # (terminology) each name form's keys of 4 letters or more, and its shorter ones, by index
    form_keys_by_length: tuple[list[tuple[str, ...]], list[tuple[str, ...]]] | None = None
    # what the glossary's index was built from (``_index_key``), for indexes derived from it
    # that the disk cache keeps too (terminology's phrase indexes); None: not cached
    cache_key: str | None = None

    @classmethod
    def build(
        cls, tables: Iterable[dict[str, Any]], word_tables: Iterable[dict[str, Any]] = (), cache_key: str | None = None
    ) -> Glossary:
        by_id: dict[str, Entity] = {}
        for t in tables:
            e = parse_entity(t)
            if e.id in by_id:
                if by_id[e.id].source == e.source:
                    raise GlossaryError(f"{e.source}: duplicate entity id {e.id!r}")
                # a later folder (the user's) replaces a bundled entry of the same id
            by_id[e.id] = e
        entities = list(by_id.values())
        words = NameWords((fold(str(w["fr"])), fold(str(w["en"]))) for w in word_tables if "fr" in w and "en" in w)
        g = cls(tuple(entities), words)
        g.cache_key = cache_key
        if cache_key is None:
            g._index()
        else:
            from .diskcache import cached

            g._restore(cached("glossary-index", cache_key, g._indexed_data))
        return g

    def _indexed_data(self) -> tuple:
        """``_index``'s lookups as plain data (entities by id), which the disk cache can keep:
        splitting every name into content keys and listing the near spellings is most of the time
        a fresh process spends on the glossary."""
        self._index()

        def ids(d: dict[str, list[Entity]]) -> dict[str, list[str]]:
            return {k: [e.id for e in v] for k, v in d.items()}

        return (
            ids(self.acronyms), ids(self.fr_acronyms), {k: e.id for k, e in self.accepted_keys.items()},
            [(n.entity.id, n.text, n.keys, n.origin, n.keyset) for n in self.names], self.by_key,
            ids(self.name_tokens), self.spellings, self.places, self.near, self.known_words,
            self.canonical_tokens,
        )

    def _restore(self, data: tuple) -> None:
        """The lookups of ``_index`` from ``_indexed_data`` (the same values, rebuilt around this
        glossary's entities)."""
        (acronyms, fr_acronyms, accepted, names, by_key, name_tokens, spellings, places, near, known,
         canonical) = data
        by_id = {e.id: e for e in self.entities}
        self.by_id.update(by_id)

        def entities(d: dict[str, list[str]]) -> dict[str, list[Entity]]:
            return {k: [by_id[i] for i in v] for k, v in d.items()}

        self.acronyms = entities(acronyms)
        self.fr_acronyms = entities(fr_acronyms)
        self.accepted_keys = {k: by_id[i] for k, i in accepted.items()}
        self.names = [NameForm(by_id[i], text, tuple(keys), origin, frozenset(keyset)) for i, text, keys, origin, keyset in names]
        self.by_key = by_key
        self.name_tokens = entities(name_tokens)
        self.spellings = spellings
        self.places = places
        self.near = near
        self.known_words = known
        self.canonical_tokens = canonical

    def _index(self) -> None:
        for e in self.entities:
            self.by_id[e.id] = e
            if e.acronym:
                self.acronyms.setdefault(e.acronym.upper(), []).append(e)
            for v in e.variants:
                if _looks_acronym(v):
                    self.acronyms.setdefault(v.upper(), []).append(e)
            for form in e.accepted:
                self.accepted_keys.setdefault(form_key(form), e)
        for e in self.entities:
            fa = e.fr_acronym.upper()
            if fa and fa not in self.acronyms and fa not in {f.upper() for f in e.accepted}:
                self.fr_acronyms.setdefault(fa, []).append(e)
        for e in self.entities:
            forms = [(e.name, "name")] + [(v, "variant") for v in e.variants] + [(m, "mangled") for m in e.mangled]
            if e.fr_name and not e.fr_ok:
                forms.append((e.fr_name, "fr"))
            for text, origin in forms:
                keys = tuple(p.key for p in split_pieces(text, 0, self.words) if p.key)
                if len(keys) < 2:
                    continue
                idx = len(self.names)
                keyset = frozenset(keys) | {k[:4] for k in keys if len(k) > 4}
                self.names.append(NameForm(e, text, keys, origin, keyset))
                for k in set(keys) | {k[:4] for k in keys if len(k) > 4}:
                    self.by_key.setdefault(k, []).append(idx)
            for form in (*e.accepted, e.demonym):
                for w in _WORD_RE.findall(form):
                    self.known_words.add(w)
                    if len(w) >= 4:
                        self.spellings.setdefault(fold(w), set()).add(w)
            if e.kind in ("capital", "city", "country"):
                for form in (e.name, *e.variants):
                    self.places.add(form.split()[0])
            if e.kind in ("person", "capital", "city", "country"):
                self.canonical_tokens.update(w for w in _WORD_RE.findall(e.name) if len(w) >= 4)
                for form in (e.name, *e.variants):
                    for w in _WORD_RE.findall(form):
                        if len(w) >= 4 and w[0].isupper():
                            holders = self.name_tokens.setdefault(w, [])
                            if e not in holders:
                                holders.append(e)

        for w in self.name_tokens:
            for d in deletions(fold(w)):
                self.near.setdefault(d, set()).add(w)

    # -- lookups -------------------------------------------------------------------------------

    def entity_for_acronym(self, acr: str) -> list[Entity]:
        return self.acronyms.get(acr.upper(), [])

    def is_accepted(self, text: str) -> Entity | None:
        """The entity ``text`` is a correct English form of, if any: as listed, or with `UN`
        and `United Nations` taken for each other (`United Nations Industrial Development
        Organization` beside the listed `UN Industrial Development Organization`)."""
        key = form_key(text)
        got = self.accepted_keys.get(key)
        if got is None and "united nations" in key:
            got = self.accepted_keys.get(key.replace("united nations", "un"))
        elif got is None and (key.startswith("un ") or " un " in key):
            got = self.accepted_keys.get(_UN_RE.sub("united nations", key))
        return got

    def countries(self) -> Iterator[Entity]:
        return (e for e in self.entities if e.kind == "country")

    def candidate_names(self, keys: Iterable[str]) -> set[int]:
        """Indexes of name forms sharing at least two content keys with ``keys``: those met
        again among the forms of a later key (set operations in C, no count per form)."""
        seen: set[int] = set()
        found: set[int] = set()
        for k in set(keys):
            forms = self.forms_of_key(k)
            found |= seen & forms
            seen |= forms
        return found

    def indexes_key(self, key: str) -> bool:
        """Whether ``forms_of_key(key)`` holds a form, without building that set (the lists of
        ``by_key`` are never empty)."""
        return key in self.by_key or (len(key) > 4 and key[:4] in self.by_key)

    def forms_of_key(self, key: str) -> frozenset[int]:
        """The name forms indexed under ``key`` or, for a key of more than 4 letters, under its
        4-letter prefix; cached per key."""
        got = self.key_forms.get(key)
        if got is None:
            if len(self.key_forms) > 1 << 16:
                self.key_forms.clear()
            found = set(self.by_key.get(key, ()))
            if len(key) > 4:
                found.update(self.by_key.get(key[:4], ()))
            got = self.key_forms[key] = frozenset(found)
        return got


def _looks_acronym(text: str) -> bool:
    return bool(_ACRONYM_RE.fullmatch(text)) and any(c.isalpha() for c in text)


_ACRONYM_RE = lazy(regex.compile, r"[\p{Lu}][\p{Lu}\p{N}\-&]{1,11}")


def _index_key(tables: list[dict[str, Any]], words: list[dict[str, Any]]) -> str | None:
    """What the glossary's index is built from (every entity and word table, as marshal writes
    them), for the disk cache; None when a table holds something marshal cannot write."""
    import marshal

    from .diskcache import digest

    try:
        return digest(marshal.dumps((tables, words)), "glossary-index-1")
    except ValueError:
        return None


def load_glossary(store: Any) -> Glossary:
    """The glossary of a data store (bundled + user folders), built once per store."""

    def build() -> Glossary:
        tables = [t for t in store.tables(GLOSSARY_GLOB, "entity")]
        words = store.tables(GLOSSARY_GLOB, "word")
        return Glossary.build(tables, words, cache_key=_index_key(tables, words))

    return store.memo("glossary", build)


def doc_glossary(doc: Any) -> Glossary:
    """The glossary for a document (through its data store; a bare Document gets the bundled one),
    kept in the document once found: the rules of a check ask for it a dozen times."""
    g = doc.cache.get("glossary.glossary")
    if g is not None and doc.cache.get("glossary.store") is doc.cache.get("store"):
        return g
    store = doc.cache.get("store")
    if store is None:
        from .data import DataStore

        store = doc.cache["store"] = DataStore()
    g = doc.cache["glossary.glossary"] = load_glossary(store)
    doc.cache["glossary.store"] = store
    return g


# -- what a document mentions ------------------------------------------------------------------


def _doc_folds(doc: Any) -> frozenset[str]:
    """The folds of the document's words (``mentions``), computed once per document."""
    cached = doc.cache.get("glossary.folds")
    if cached is None:
        # map over the words' dict: no Python frame per word and no set of the words as
        # written first; (``fold`` is cached per word, and its strings keep their hashes:
        # faster here than ``fold_all`` of the joined words, whose split gives new strings
        # to hash)
        cached = doc.cache["glossary.folds"] = frozenset(map(fold, doc.word_counts))
    return cached


def mentions(doc: Any, phrase: str) -> bool:
    """Whether the document names ``phrase``: a whole word (capitalised words must keep their
    capital, lower-case ones match any case), or a multi-word phrase found as written.
    Answered once per document and phrase (the rules ask about the same context words and
    acronyms again for each candidate)."""
    known = doc.cache.get("glossary.mentions")
    if known is None:
        known = doc.cache["glossary.mentions"] = {}
    got = known.get(phrase)
    if got is None:
        got = known[phrase] = _mentions(doc, phrase)
    return got


def _mentions(doc: Any, phrase: str) -> bool:
    """``mentions``, asked of the text."""
    kind, f = _mention_kind(phrase)
    if kind == _AS_WRITTEN:
        return find(doc.text, phrase) >= 0
    if kind == _CAPITALISED:
        counts = doc.computed("word_counts")
        if counts is not None:
            return phrase in counts  # (``is_token``: a token is a substring of the text)
        # a token equal to the phrase is a substring of the text: the substring test first spares
        # most articles counting their words at all
        return find(doc.text, phrase) >= 0 and is_token(doc, phrase)
    folds = doc.cache.get("glossary.folds")
    if folds is not None or not f:
        return f in (folds if folds is not None else _doc_folds(doc))
    forms = doc.cache.get("glossary.folded-forms")
    if forms is not None and f not in forms and "'" not in f and "-" not in f:
        # a token folding to ``f``, which holds no joiner's fold, is one run of letters,
        # marks and digits, whose fold is among the document's folded runs
        return False
    return _folded_token(doc, f)


_AS_WRITTEN, _CAPITALISED, _ANY_CASE = range(3)


@lru_cache(maxsize=1 << 12)
def _mention_kind(phrase: str) -> tuple[int, str]:
    """How ``mentions`` looks for ``phrase`` (a phrase or a word with a joiner that is no
    single word: as written; a capitalised word; a word in any case), and its fold for the
    last; once per phrase (the glossary's context words recur in every article)."""
    if " " in phrase or not _WORD_RE.fullmatch(phrase.replace("-", "a").replace("'", "a").replace("’", "a")):
        return _AS_WRITTEN, ""
    if phrase[:1].isupper():
        return _CAPITALISED, ""
    return _ANY_CASE, fold(phrase)


def find(text: str, needle: str, start: int = 0) -> int:
    """``text.find(needle, start)``, for a needle of two characters searched from the rarer
    one (``_rare_place``): a search for one character skips through a text many times faster
    than one for two, which the standard library reads almost character by character, and
    capitals, digits and rare letters occur seldom. Other needles are searched as a whole."""
    k = _rare_place(needle)
    if k < 0:
        return text.find(needle, start)
    c = needle[k]
    i = text.find(c, start + k)
    while i >= 0:
        if text.startswith(needle, i - k):
            return i - k
        i = text.find(c, i + 1)
    return -1


@lru_cache(maxsize=1 << 12)
def _rare_place(needle: str) -> int:
    """Where ``find`` looks for ``needle`` from: the offset of its rarer character in prose,
    or -1 when both are common (``_COMMON``) or the needle is no pair (one character is
    searched so already; from three on, the whole search skips well)."""
    if len(needle) != 2:
        return -1
    rarity = [r if r >= 0 else len(_COMMON) for r in map(_COMMON.find, needle)]  # (not listed: rarer)
    best = max(rarity)
    return -1 if best < _COMMON_CUT else rarity.index(best)


# Characters by how often they occur in English and French prose, commonest first; the first
# _COMMON_CUT of them are too common to search for alone (the rest of the ASCII letters then)
_COMMON = " etaoinsrhldcumfpgwybvkxjqz"
_COMMON_CUT = 12


def is_token(doc: Any, word: str) -> bool:
    """``word in doc.word_counts``, without counting the words when nothing has: ``word`` is
    a token only if it has a token's shape (``document.WORD_RE``), and then exactly where an
    occurrence of it is not glued to a token character, directly or through a joiner (see
    ``terminology.token_spans``)."""
    counts = doc.computed("word_counts")
    if counts is not None:
        return word in counts
    from .document import WORD_RE

    if WORD_RE.fullmatch(word) is None:
        return False
    text = doc.text
    n = len(text)
    size = len(word)
    is_char = _WORD_CHAR_RE.match
    i = find(text, word)
    while i >= 0:
        e = i + size
        glued_before = i > 0 and (
            is_char(text, i - 1) is not None or (i > 1 and text[i - 1] in _JOINERS and is_char(text, i - 2) is not None)
        )
        glued_after = e < n and (
            is_char(text, e) is not None or (e + 1 < n and text[e] in _JOINERS and is_char(text, e + 1) is not None)
        )
        if not glued_before and not glued_after:
            return True
        i = find(text, word, i + 1)
    return False


def _folded_token(doc: Any, f: str) -> bool:
    """Whether a token of the document (``Document.word_counts``) folds to ``f`` (not empty),
    without folding every word: the fold of a text is the folds of its characters in turn, so
    such a token's fold occurs in the folded text where the fold of its first character starts.
    Each occurrence of ``f`` there is mapped back to the text, and kept when a token starts at
    that offset (no token goes on through it) and folds to ``f``. A few ``str.find`` for the few
    small-letter words the rules ask about (context words), instead of the fold of every word
    (``_doc_folds``)."""
    from .document import WORD_RE

    folded = folded_text(doc)
    ftext = folded.text
    text = doc.text
    is_char = _WORD_CHAR_RE.match
    i = find(ftext, f)
    while i >= 0:
        for s in folded.text_offsets(i):
            glued = s > 0 and (
                is_char(text, s - 1) is not None
                or (s > 1 and text[s - 1] in _JOINERS and is_char(text, s - 2) is not None)
            )
            if not glued:
                m = WORD_RE.match(text, s)
                if m is not None and fold(m.group()) == f:
                    return True
        i = find(ftext, f, i + 1)
    return False


_JOINERS = "'’-"  # what joins two runs of letters into one token (``document.WORD_RE``)


def has_context(doc: Any, entity: Entity, *, acronym: bool = True) -> bool:
    """Whether the document confirms ``entity``: one of its context words, or its acronym
    (unless ``acronym`` is False: the acronym is what is being judged). Answered once per
    document and entity (the rules ask again for each mention of an acronym or a name)."""
    known = doc.cache.get("glossary.has-context")
    if known is None:
        known = doc.cache["glossary.has-context"] = {}
    key = (entity.id, acronym)
    got = known.get(key)
    if got is None:
        got = known[key] = _has_context(doc, entity, acronym)
    return got


def _has_context(doc: Any, entity: Entity, acronym: bool) -> bool:
    """``has_context``, asked of the document."""
    if acronym and entity.acronym and mentions(doc, entity.acronym):
        return True
    return any(mentions(doc, c) for c in entity.context)


# -- fast phrase lookup ------------------------------------------------------------------------

_SCAN_RE = lazy(regex.compile, r"[\p{L}\p{M}\p{N}]+")
_Match = type(_SCAN_RE.match("a"))  # regex's Match class, whose methods ``scan_words`` maps


class PhraseIndex:
    """Find known phrases in a text in one pass over its words, case- and accent-blind.

    A big case-insensitive alternation of hundreds of names costs ~5 ms per article; indexing
    the phrases by their first word and comparing the folded text at each candidate word is
    linear in the text and ~10x cheaper. ``payload`` is whatever the caller wants back."""

    def __init__(self, phrases: Iterable[tuple[str, Any]]) -> None:
        self.by_first: dict[str, list[tuple[str, int, Any]]] = {}
        self.key_words: dict[str, tuple[str, ...]] = {}  # folded key → its words (``phrase_words``)
        # (``phrase_words``) the keys with their folded first word, under their rarest word
        # (a key without words under ""): a document holding every word of a key holds that one
        self.by_rare: dict[str, set[tuple[str, str]]] = {}
        self.anchors: dict[str, tuple[str, int]] = {}  # folded key → its longest word and its offset
        for phrase, payload in phrases:
            words = _SCAN_RE.findall(phrase)
            if not words:
                continue
            key = fold(phrase)
            first = fold(words[0])
            self.key_words[key] = kw = tuple(_SCAN_RE.findall(key))
            self.by_first.setdefault(first, []).append((key, len(phrase), payload))
            self.by_rare.setdefault(_rarest(kw), set()).add((key, first))
            if kw:
                # the key's longest word, and where it starts in the key: ``phrase_starts``
                # looks for it rather than for the key (a long word is seldom in a text)
                anchor = max(_SCAN_RE.finditer(key), key=lambda m: len(m.group()))
                self.anchors[key] = (anchor.group(), anchor.start())
        for cands in self.by_first.values():
            cands.sort(key=lambda c: -c[1])  # longest first
        # (``phrase_keys``) under each rarest word, its keys with every word a document must
        # hold for them (the folded first word and the key's words) as one set, and the
        # rarest words as a set (intersected with a document's words in C)
        self.needs: dict[str, tuple[tuple[str, frozenset[str]], ...]] = {
            rare: tuple((key, frozenset({first, *self.key_words[key]})) for key, first in sorted(pairs))
            for rare, pairs in self.by_rare.items()
        }
        self.rare_words = frozenset(self.by_rare)

    def to_data(self, payload_id: Callable[[Any], Any]) -> tuple:
        """The index as plain data the disk cache can keep (``marshal``), each payload replaced
        by ``payload_id(payload)``: folding and splitting hundreds of names is most of what
        building one costs a fresh process."""
        by_first = {k: [(key, n, payload_id(p)) for key, n, p in v] for k, v in self.by_first.items()}
        return (by_first, self.key_words, self.by_rare, self.anchors, self.needs, self.rare_words)

    @classmethod
    def from_data(cls, data: tuple, payload_of: Callable[[Any], Any]) -> PhraseIndex:
        """The index ``to_data`` wrote, each payload id turned back by ``payload_of``."""
        index = cls(())
        by_first, index.key_words, index.by_rare, index.anchors, index.needs, index.rare_words = data
        index.by_first = {k: [(key, n, payload_of(i)) for key, n, i in v] for k, v in by_first.items()}
        return index

    def finditer(self, text: str, words: list[tuple[int, str]] | None = None) -> Iterator[tuple[int, int, Any]]:
        """Matches, longest first at each word; ``words`` (from ``scan_words``) saves the scan."""
        pos = 0
        n = len(text)
        by_first = self.by_first
        if words is None:
            words = scan_words(text)
        elif not isinstance(words, list):
            words = list(words)  # (read twice below)
        # only the words that start a phrase (picked in C: most words start none)
        for start, folded in compress(words, map(by_first.__contains__, map(_FOLDED, words))):
            if start < pos:
                continue
            cands = by_first[folded]
            if not cands:
                continue
            for key, length, payload in cands:
                end = start + length
                if end > n or (end < n and text[end].isalnum()):
                    continue
                if fold(text[start:end]) == key:
                    yield start, end, payload
                    pos = end
                    break


_FOLDED = itemgetter(1)


def scan_words(text: str) -> list[tuple[int, str]]:
    """(start, folded word) of every word, for ``PhraseIndex.finditer``."""
    # map over the Match methods keeps the per-word loop in C (~1.6x faster than a comprehension)
    ms = list(_SCAN_RE.finditer(text))
    return list(zip(map(_Match.start, ms), map(fold, map(_Match.group, ms)), strict=True))


def doc_words(doc: Any) -> list[tuple[int, str]]:
    """``scan_words`` of a document, computed once and shared by the phrase indexes."""
    words = doc.cache.get("glossary.scan")
    if words is None:
        words = doc.cache["glossary.scan"] = scan_words(doc.text)
    return words


# -- phrase candidates from the folded text -----------------------------------------------------

# ``fold`` works character by character: NFKD decomposes each character on its own, the
# canonical reordering it does only moves combining characters (all of which fold drops), and
# the apostrophe mapping and ``casefold`` take no context. So fold(text) is the concatenation of
# the folds of the text's characters. An ASCII character folds to itself in lower case (` to
# '); the few distinct other characters of a text are replaced one by one (``folded_text``).
_FOLD_TABLE: dict[int, str] = {}  # code point → its fold: ASCII, and every other character seen
_FOLD_NOT_ONE: set[str] = set()  # those whose fold is not exactly one character (… ß ﬁ, marks)
_FOLD_UNSAFE: set[str] = set()  # those ``folded_text`` cannot replace in turn (see there)
_FOLD_NOT_PLAIN: set[str] = set()  # those whose fold may move word boundaries (see _learn_fold)
_FOLD_CASE_ODD: set[str] = set()  # those whose fold changes when put in capitals and back (see _learn_fold)
_FOLD_EMPTY: set[str] = set()  # those whose fold is empty (combining marks)
_NON_ASCII_RE = lazy(regex.compile, r"[^\x00-\x7f]")
_WORD_CHAR_RE = lazy(regex.compile, r"[\p{L}\p{M}\p{N}]")


def _learn_fold(c: str) -> None:
    """Put the non-ASCII character ``c`` in the per-character fold tables."""
    f = _FOLD_TABLE[ord(c)] = fold.__wrapped__(c)
    if len(f) != 1:
        _FOLD_NOT_ONE.add(c)
    if not f:
        _FOLD_EMPTY.add(c)
    # replaced in turn and then lower-cased, c becomes f only if no later replacement touches
    # f (its non-ASCII characters fold to themselves) and lower case leaves f alone
    if f.lower() != f or any(not d.isascii() and fold.__wrapped__(d) != d for d in f):
        _FOLD_UNSAFE.add(c)
    # plain: a word character (of ``_SCAN_RE``, and for ``str.isalnum``) that folds to word
    # characters only, or another character that folds to other characters only; never to
    # nothing. Folding a text of plain characters keeps its words: the words of the folded
    # text are the folds of the text's words.
    word = _WORD_CHAR_RE.match(c) is not None
    if not f or c.isalnum() != word or any((_WORD_CHAR_RE.match(d) is not None) != word for d in f):
        _FOLD_NOT_PLAIN.add(c)
    # case-stable: each character of the fold comes back from capitals to itself (the sigmas
    # excepted, whose small form depends on the next letter): a folded word of such
    # characters is the small form of its capitals (``case_stable``)
    if any(d.upper().lower() != d or d in "σς" for d in f):
        _FOLD_CASE_ODD.add(c)


for _i in range(128):
    _FOLD_TABLE[_i] = fold.__wrapped__(chr(_i))


class FoldedText:
    """``fold`` of a whole text, and where its characters come from. Most characters fold to
    one character; ``odd`` lists the others, (offset in the text, offset of its fold in the
    folded text, length of its fold), in text order. Between two of them offsets differ by a
    constant."""

    __slots__ = ("_at", "_ends", "odd", "plain", "size", "text")

    def __init__(self, text: str, odd: list[tuple[int, int, int]], size: int, plain: bool) -> None:
        self.text = text
        self.odd = odd
        self.size = size  # length of the text that was folded
        self.plain = plain  # every character of the text is plain (see _learn_fold)
        self._ends = [f + n for _p, f, n in odd]  # (sorted, as the folds follow each other)
        self._at: dict[int, list[int]] = {}  # folded offset → the odd characters whose fold starts there
        for p, f, _n in odd:
            self._at.setdefault(f, []).append(p)

    def text_offsets(self, i: int) -> list[int]:
        """The offsets of the characters of the text whose fold starts at ``i`` of the folded
        text (one, or several where folds are empty; none inside a longer fold)."""
        odd = self.odd
        if not odd:
            return [i]
        out = list(self._at.get(i, ()))
        # the last odd character whose fold ends at or before i: a plain character after it
        # (and before the next odd one) has the offset shift it leaves
        k = bisect.bisect_right(self._ends, i) - 1
        low, shift = (0, 0) if k < 0 else (odd[k][0] + 1, odd[k][1] + odd[k][2] - odd[k][0] - 1)
        high = odd[k + 1][0] if k + 1 < len(odd) else self.size
        s = i - shift
        if low <= s < high:
            out.append(s)
        return sorted(out)


def fold_all(text: str) -> str:
    """``fold(text)`` with no Python call per character (see ``_fold_all``)."""
    return _fold_all(text)[0]


def _fold_all(text: str, others: set[str] | None = None) -> tuple[str, set[str]]:
    """``fold(text)`` and the distinct non-ASCII characters of ``text``: "`" replaced by "'",
    each distinct non-ASCII character replaced by its fold (found in a per-character table),
    then ``str.lower`` for the ASCII letters. Replacing in turn equals folding each character
    when no fold holds a character replaced later and lower case changes no fold
    (``_learn_fold``); otherwise ``str.translate`` with the table. ``others``: those
    characters when known already (learnt)."""
    if others is None:
        others = set(_NON_ASCII_RE.findall(text))
        for c in others:
            if ord(c) not in _FOLD_TABLE:
                _learn_fold(c)
    if not others.isdisjoint(_FOLD_UNSAFE):
        return text.translate(_FOLD_TABLE), others
    folded = text.replace("`", "'")
    for c in others:
        f = _FOLD_TABLE[ord(c)]
        if f != c:
            folded = folded.replace(c, f)
    return folded.lower(), others


def folded_text(doc: Any) -> FoldedText:
    """``fold(doc.text)`` (``fold_all``) with its offsets, once per document."""
    cached = doc.cache.get("glossary.folded-text")
    if cached is None:
        text = doc.text
        folded, others = _fold_all(text, _non_ascii(doc))
        odd_offsets = []
        for c in others & _FOLD_NOT_ONE:
            i = text.find(c)
            while i >= 0:
                odd_offsets.append(i)
                i = text.find(c, i + 1)
        odd = []
        shift = 0
        for p in sorted(odd_offsets):
            n = len(_FOLD_TABLE[ord(text[p])])
            odd.append((p, p + shift, n))
            shift += n - 1
        plain = others.isdisjoint(_FOLD_NOT_PLAIN)
        cached = doc.cache["glossary.folded-text"] = FoldedText(folded, odd, len(text), plain)
    return cached


def _folded_forms(doc: Any) -> frozenset[str]:
    """The folded words ``scan_words`` would find in a document, as a set, once per document.
    Every run of letters, marks and digits lies inside one token (``Document.word_counts``),
    and the runs are the tokens split at their joiners (' ’ -): one join, replace and split
    over the distinct tokens, folded in one go (``fold_all``: folding works character by
    character, and NUL neither occurs in a token nor comes out of a fold), no scan of the
    text and no Python call per word."""
    cached = doc.cache.get("glossary.folded-forms")
    if cached is None and doc.computed("word_counts") is None:
        cached = _folded_runs(doc)
        if cached is not None:
            doc.cache["glossary.folded-forms"] = cached
    if cached is None:
        runs = joined_runs(doc)
        # (no empty run, as a token never starts or ends with a joiner nor holds two in a row:
        # each piece of the split is the fold of one run; the runs' characters beyond ASCII
        # are among the document's, known already: replacing one that is not there changes
        # nothing. An empty run would leave an empty piece: only then is one looked for.)
        cached = frozenset(_fold_all(runs, _non_ascii(doc))[0].split("\0")) if runs else None
        if cached is not None and "" in cached and ("\0\0" in runs or runs[0] == "\0" or runs[-1] == "\0"):
            cached = None
        if cached is None:
            forms = set(runs.split("\0"))
            forms.discard("")
            cached = frozenset(map(fold, forms))
        doc.cache["glossary.folded-forms"] = cached
    return cached


def _folded_runs(doc: Any) -> frozenset[str] | None:
    """``_folded_forms`` read off the folded text (``folded_text``), or None when this way
    cannot say: no word scan and no word counts. In a document of plain characters
    (``_learn_fold``) the runs of letters, marks and digits of the folded text are the folds
    of the text's runs. The folded text's characters are ASCII ones and the folds of the
    document's other characters: those that are no word character become spaces, and when
    what is left is ASCII, one byte table turns every other character but a letter or a digit
    into a space, and a whitespace split gives the runs."""
    folded = folded_text(doc)
    if not folded.plain:
        return None
    ftext = folded.text
    beyond = {d for c in _non_ascii(doc) for d in _FOLD_TABLE[ord(c)] if not d.isascii()}
    for d in beyond:
        if _WORD_CHAR_RE.match(d) is not None:
            return None  # (a letter beyond ASCII: the byte table cannot keep it)
        ftext = ftext.replace(d, " ")
    if not ftext.isascii():
        return None
    return frozenset(ftext.encode("ascii").translate(_ASCII_RUN_BYTES).decode("ascii").split())


# ASCII letters and digits kept, every other byte a space (``_folded_runs``)
_ASCII_RUN_BYTES = bytes(c if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256))


def joined_runs(doc: Any) -> str:
    """The document's tokens (``doc.word_counts``) split at their joiners (' ’ -) into its
    runs of letters, marks and digits, joined by NUL: what a pattern over words can scan
    instead of the text (each distinct token once), once per document."""
    cached = doc.cache.get("glossary.joined-runs")
    if cached is None:
        joined = "\0".join(doc.word_counts)
        cached = joined.replace("'", "\0").replace("’", "\0").replace("-", "\0")
        doc.cache["glossary.joined-runs"] = cached
    return cached


def phrase_words(doc: Any, index: PhraseIndex) -> list[tuple[int, str]]:
    """The entries of ``doc_words(doc)`` at which a phrase of ``index`` may start, for
    ``index.finditer`` (which then yields exactly what it yields from ``doc_words``).

    ``finditer`` yields a phrase at a word only when the fold of the text from there starts
    with the phrase's folded key, so the key occurs in the folded text where that word's fold
    starts. Only the keys of phrases whose first word the document holds are looked for (one
    ``str.find`` each), and the words whose fold starts at an occurrence are the candidates.
    Other words yield nothing and move nothing in ``finditer``, so leaving them out changes
    nothing, and the costly part, folding every word of the text, is skipped.

    In a text of plain characters (``_learn_fold``) a key can only occur where ``finditer``
    compares it if every word of the key is the fold of a word of the text: the match starts at
    a word and ends where ``str.isalnum`` is false, so the key's words are whole words of the
    folded text, which are the folds of the text's words. A key missing one is not searched."""
    return phrase_starts(doc, index, phrase_keys(doc, index))


def phrase_keys(doc: Any, index: PhraseIndex) -> set[str]:
    """The folded keys of ``index`` that ``phrase_words`` looks for in a document."""
    forms = _folded_forms(doc)
    keys: set[str] = set()
    if _plain(doc):
        # a key is looked for when the document holds its first word and all its words: the
        # set of its rarest word with the document's words leaves few keys to test
        needs = index.needs
        for rare in forms & index.rare_words:
            keys.update(key for key, need in needs[rare] if need <= forms)
        keys.update(key for key, first in index.by_rare.get("", ()) if first in forms)
    else:
        by_first = index.by_first
        for first in forms & by_first.keys():
            keys.update(key for key, _length, _payload in by_first[first])
    return keys


def phrase_starts(doc: Any, index: PhraseIndex, keys: Iterable[str]) -> list[tuple[int, str]]:
    """The entries of ``doc_words(doc)`` whose fold starts where one of ``keys`` (of
    ``index``) occurs in the folded text (``phrase_words``).

    Each key holds its longest word (``PhraseIndex.anchors``) at a known offset: the key occurs
    where that word occurs, that offset earlier, followed by the rest of the key. So the
    folded text is searched once per such word (several keys share one, and most keys do
    not occur at all), and each occurrence is checked with ``str.startswith``."""
    if not keys:
        return []
    folded = folded_text(doc)
    ftext = folded.text
    find = ftext.find
    starts_with = ftext.startswith
    found: set[int] = set()
    by_word: dict[str, list[tuple[str, int]]] = {}
    anchors = index.anchors
    for key in keys:
        anchor = anchors.get(key)
        if anchor is None:
            i = find(key)
            while i >= 0:
                found.add(i)
                i = find(key, i + 1)
        else:
            by_word.setdefault(anchor[0], []).append((key, anchor[1]))
    for word, placed in by_word.items():
        i = find(word)
        while i >= 0:
            for key, at in placed:
                if i >= at and starts_with(key, i - at):
                    found.add(i - at)
            i = find(word, i + 1)
    text = doc.text
    if folded.odd:
        starts = sorted({s for i in found for s in folded.text_offsets(i)})
    else:
        starts = sorted(found)  # (every character folds to one: the offsets are the same)
    out = []
    word_at = _WORD_START_RE.match
    for s in starts:
        m = word_at(text, s)  # (None where no word starts)
        if m is not None:
            out.append((s, fold(m.group())))
    return out


# A word of ``_SCAN_RE`` that starts where the match is tried (no word character before it).
_WORD_START_RE = lazy(regex.compile, r"(?<![\p{L}\p{M}\p{N}])[\p{L}\p{M}\p{N}]+")


def _plain(doc: Any) -> bool:
    """Whether every character of the document is plain (``_learn_fold``), known without
    folding it: ``folded_text(doc).plain``."""
    return _non_ascii(doc).isdisjoint(_FOLD_NOT_PLAIN)


def case_stable(doc: Any) -> bool:
    """Whether no character of the document folds to a case-odd one (``_learn_fold``): then
    every folded word ``f`` of it is ``f.upper().lower()``, so the words whose fold in
    capitals is some ``K`` are those whose fold is ``K.lower()``."""
    return _non_ascii(doc).isdisjoint(_FOLD_CASE_ODD)


def folds_to_something(doc: Any) -> bool:
    """Whether no character of the document folds to nothing: then distinct offsets of the
    text start the folds of distinct characters (``FoldedText.text_offsets`` gives one)."""
    return _non_ascii(doc).isdisjoint(_FOLD_EMPTY)


def _non_ascii(doc: Any) -> set[str]:
    """The distinct non-ASCII characters of a document, each learnt in the fold tables,
    once per document."""
    cached = doc.cache.get("glossary.non-ascii")
    if cached is None:
        cached = set(_NON_ASCII_RE.findall(doc.text))
        for c in cached:
            if ord(c) not in _FOLD_TABLE:
                _learn_fold(c)
        doc.cache["glossary.non-ascii"] = cached
    return cached


def _rarest(words: tuple[str, ...]) -> str:
    """The word of a phrase a document is least likely to hold (English word frequency, then
    length), "" for none: ``PhraseIndex.by_rare`` files the phrase under it."""
    if not words:
        return ""
    from .lexicon import zipf_en

    return min(words, key=lambda w: (zipf_en(w), -len(w), w))


def deletions(word: str) -> set[str]:
    """The word and every form of it with one letter removed (symmetric-delete index keys)."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}
