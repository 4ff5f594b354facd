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
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

import regex

from .document import WORD_RE, Document
from .lexicon import zipf_en, zipf_fr

F, C, N, E = "F", "C", "N", "E"  # French evidence, capitalised name, number, English/other

# A gap between two words that ends a run: sentence or clause punctuation, brackets, quotes,
# dashes, slashes. Commas and plain spaces keep a run going (``le Mali, le Niger et …``).
HARD_GAP_RE = regex.compile(r"[.!?;:()\[\]{}\"“”«»‘—–|/\n]|\s-\s")
SENTENCE_START_RE = regex.compile(r"[.!?:;\"“«(\[—–•*#]\s*$")
ELISION_RE = regex.compile(r"^(jusqu|lorsqu|puisqu|qu|[ldnsjcmt])['’](.+)$", regex.IGNORECASE)
MERGED_ELISION_RE = regex.compile(r"^(l|d|qu)([aeiouyhàâéèêëîïôûœ]\p{Ll}{3,})$")
DIACRITIC_RE = regex.compile(r"[àâçéèêëîïôûùüÿœæ]")
NDLR_RE = regex.compile(r"^(?:NDLR|Ndlr|ndlr|NDT|N\.D\.L\.R)$")
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


@dataclass(frozen=True, slots=True)
class Tok:
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
    """A stretch of French: token indices ``i..j`` (inclusive) of one line's tokens."""

    start: int
    end: int
    toks: list[Tok]
    reason: str = ""
    phrase_only: bool = False


@dataclass
class FrenchModel:
    """The rule data compiled for scanning: built once per store."""

    function_words: frozenset[str]
    connectors: frozenset[str]
    allowed_re: Any
    places: frozenset[str]
    lex_gap: float = 1.5
    lex_en_max: float = 3.6
    lex_fr_min: float = 3.0
    _cache: dict[str, tuple[float, float]] = field(default_factory=dict)

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
        phrases = sorted({norm(p) for p in store.lines("lexicon/french-allowed.txt")}, key=len, reverse=True)
        alts = []
        for p in phrases:
            # apostrophes interchangeable, any run of spaces, word boundaries on both sides
            pat = regex.escape(p, special_only=True, literal_spaces=False)
            pat = pat.replace("'", "['’]").replace("\\ ", r"\s+").replace(" ", r"\s+")
            alts.append(pat)
        allowed_re = regex.compile(
            r"(?<![\p{L}\p{M}\p{N}])(?:" + "|".join(alts) + r")(?![\p{L}\p{M}\p{N}])", regex.IGNORECASE
        ) if alts else None
        places = frozenset(norm(p) for p in store.lines("lexicon/places.txt"))
        return FrenchModel(frozenset(words), frozenset(connectors), allowed_re, places)

    return store.memo("frenchscore.model", build)


def classify(model: FrenchModel, text: str, start: int, end: int, initial: bool) -> Tok:
    """The kind of one word (see the module docstring)."""
    low = norm(text)
    first = text[0]
    if any(ch.isdigit() for ch in text):
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
            return Tok(start, end, text, E, initial)
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
        return Tok(start, end, text, F, initial, content=True, strong=en < 0.5)
    if en < 0.5 and fr >= 1.5 and len(low) >= 6 and DIACRITIC_RE.search(low) and model.freqs(deaccent(low))[0] < 1.0:
        # a rarer French word English never prints (déconfinement); accented, so not a typo
        return Tok(start, end, text, F, initial, content=True, strong=True)
    return Tok(start, end, text, E, initial)


def line_tokens(model: FrenchModel, doc: Document, line_start: int, line_text: str,
                masked: list[tuple[int, int]]) -> list[Tok]:
    """Tokens of one line, with allowed phrases turned into English-kind tokens."""
    toks: list[Tok] = []
    prev_end = 0
    mi = 0
    for m in WORD_RE.finditer(line_text):
        s, e = m.start() + line_start, m.end() + line_start
        gap = line_text[prev_end : m.start()]
        initial = not toks or bool(SENTENCE_START_RE.search(gap))
        while mi < len(masked) and masked[mi][1] <= s:
            mi += 1
        if mi < len(masked) and masked[mi][0] <= s and e <= masked[mi][1]:
            toks.append(Tok(s, e, m.group(), E, initial))
        else:
            toks.append(classify(model, m.group(), s, e, initial))
        prev_end = m.end()
    return toks


def allowed_spans(model: FrenchModel, text: str) -> list[tuple[int, int]]:
    if model.allowed_re is None:
        return []
    return [m.span() for m in model.allowed_re.finditer(text)]


def soft_gap(text: str) -> bool:
    return not HARD_GAP_RE.search(text)


def find_runs(model: FrenchModel, text: str, toks: list[Tok]) -> list[Run]:
    """Group tokens into candidate runs and keep those with enough French evidence."""
    runs: list[Run] = []
    i = 0
    n = len(toks)
    while i < n:
        if toks[i].kind == E:
            i += 1
            continue
        j = i
        while j + 1 < n and toks[j + 1].kind != E and soft_gap(text[toks[j].end : toks[j + 1].start]):
            j += 1
        run = judge(model, text, toks, i, j)
        if run is not None:
            runs.append(run)
        i = j + 1
    return runs


def judge(model: FrenchModel, text: str, toks: list[Tok], i: int, j: int) -> Run | None:
    """Trim a candidate stretch to its French part and decide whether it is French."""
    a = i
    while a <= j and toks[a].kind != F:
        a += 1
    if a > j:
        return None
    last_f = max(k for k in range(a, j + 1) if toks[k].kind == F)
    b = last_f
    if toks[last_f].governs:
        while b + 1 <= j and toks[b + 1].kind in (C, N):
            b += 1
    else:
        while b + 1 <= j and toks[b + 1].kind == N:  # the year after a month: 19 octobre 2022
            b += 1
    part = toks[a : b + 1]
    frs = [t for t in part if t.kind == F]
    content = [t for t in frs if t.content]
    governed = b > last_f
    # what the run hangs on: a capitalised word right before it (a name it continues)
    left = toks[a - 1] if a > 0 else None
    attached = left is not None and left.kind == C and text[left.end : part[0].start].strip() == ""
    if not content:
        # only connectors: a French name (Stade de France) unless glued to an English word
        named = governed or any(not t.content and ELISION_RE.match(t.text) for t in frs)
        if attached and left is not None and left.english and named:
            return Run(part[0].start, part[-1].end, part, "half-translated name")
        return None
    if attached and left is not None and not left.english:
        return None  # Caisse de dépôt…, Mouvement pour la justice: a French name
    if len(frs) == 1 and NDLR_RE.match(frs[0].text):
        return None  # a lone editor's mark in an English note: rule untranslated.editor-note
    if len(frs) >= 2 or any(t.strong for t in content) or (governed and any(t.governs for t in content)):
        if in_gloss(text, part[0].start, part[-1].end, toks[a - 1] if a > 0 else None):
            return None
        return Run(part[0].start, part[-1].end, part, "French words")
    return None


def in_gloss(text: str, start: int, end: int, left: Tok | None) -> bool:
    """A French original given on purpose: ``the National Rally (Rassemblement national)`` or
    a quotation followed by its translation in parentheses."""
    before = text[:start].rstrip()
    after = text[end:].lstrip()
    if before.endswith("(") and after.startswith(")") and text[start].isupper():
        word = before[:-1].rstrip()
        return bool(word) and (word[-1].isupper() or word.split()[-1][:1].isupper())
    if before[-1:] in "«“\"" and after[:1] in "»”\"":
        rest = after[1:].lstrip(" ,")
        return rest.startswith("(")
    return False
