"""``untranslated.french-word``: a French common noun or adjective left alone inside an English
sentence (`the death of 612 brebis`, `at the criée of Guilvinec`, `without ordonnance`).

``untranslated.french-span`` finds French by its runs of function words and phrases; a single
content word among English ones gives it nothing to hold. The word lists can: a small word
that French uses often and English hardly knows (`brebis` Zipf 3.6 in French, absent from
English) is French. What keeps such a word out of an English article on purpose is its place,
which the rule reads:
- a French proper name around it (`the Conseil d'orientation des retraites`, `Réseau express
  métropolitain (REM)`): names keep their French words;
- a French quotation (`"Le vignoble doit retrouver…"`; a quotation that is English so far is
  no excuse: `"… back to their pharmacie," said the agency`) or a gloss (`known in French as
  arrachage`);
- a loanword or term English keeps (``lexicon/french-allowed.txt``: `formateur`, `hors
  catégorie`).
French words next to it (`réclusion criminelle à perpétuité`) join one finding. No fix: the
word needs a translation, which only a person or a configured translator gives.

The findings are weak and yielding (``fixer.corroboration``): a full check keeps them only in
an article with other translation damage, and not inside a French run another untranslated
rule found. An English writer who keeps one French term on purpose
(`the tribunal correctionnel of Lyon`) writes no other such damage; a machine that left
`brebis` untranslated nearly always left more.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..corroboration import YIELDING
from ..document import Document
from ..frenchscore import appositive_gloss, build_model, talked_about
from ..lazypattern import lazy
from ..lexicon import common_words_set, zipf_en, zipf_fr
from ..model import Finding, Rule
from .merged_words import RunFilter, lexicon, run_book, selected_runs

# the word before a position, and its space (matched backwards from the position: a search in a
# window before it tries every start)
_WORD_BEFORE_RE = lazy(regex.compile, r"(?r)([\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*)[ \u00a0]")
_WORDS_RE = lazy(regex.compile, r"[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*")
_LETTERS_RE = lazy(regex.compile, r"[\p{L}\p{M}]+")
_ELISION_RE = lazy(regex.compile, r"['’]")
_WORD_AFTER_RE = lazy(regex.compile, r"[ \u00a0]([\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*)")
_ACRONYM_AFTER_RE = lazy(regex.compile, r" \(\p{Lu}{2,}")
_LETTER_RE = lazy(regex.compile, r"[\p{L}\p{M}]")


@dataclass(frozen=True)
class Setup:
    runs: RunFilter[bool]
    stop: frozenset[str]  # English words that end the walk back to a name
    quote_english: frozenset[str]  # English words that French never spells (`the`, not `on`)
    links: frozenset[str]  # French small words a French phrase holds (de, la, à)
    glosses: tuple[str, ...]  # what introduces a word quoted as French (`known in French as`)
    phrases: dict[str, tuple[str, ...]]  # word → allowed phrases holding it
    reach: int
    allowed: frozenset[str]  # single words and compounds English keeps (lexicon/french-allowed.txt)
    places: frozenset[str] = frozenset()  # the gazetteer's place names (``_in_name``)


def french_word(doc: Document, rule: Rule) -> Iterator[Finding]:
    setup, ctx, wanted = selected_runs(doc, rule, lambda: _setup(doc, rule))
    if not wanted:
        return
    text = doc.text
    taken: list[tuple[int, int]] = []
    for run, _ in sorted(wanted):
        for start in ctx.positions(run):
            end = start + len(run)
            if any(a <= start < b for a, b in taken):
                continue
            if (start and text[start - 1] == "-") or text.startswith("-", end):
                # a compound (`court-métrage`, `marins-pêcheurs`): French when every part is
                hyphened = _french_compound(text, start, end, setup)
                if hyphened is None:
                    continue
                start, end, run = hyphened
            if _kept(text, start, end, run, setup):
                continue
            a, b = _phrase_around(text, start, end, setup)
            if talked_about(text, a, b):
                continue  # `centres de la petite enfance, known as CPEs`: named on purpose
            if text.startswith(",", b) and appositive_gloss(build_model(doc.cache["store"]), text, b, right_after=True):
                continue  # `the orpailleurs, Senegal's artisanal gold miners,`: explained on purpose
            taken.append((a, b))
    for a, b in sorted(taken):
        yield rule.finding(a, b, message=f"French left untranslated in English text: {text[a:b]!r}.", data=YIELDING)


_COMPOUND_RE = lazy(regex.compile, r"[\p{Ll}\p{M}]+(?:-[\p{Ll}\p{M}]+)+")
_COMPOUND_BEFORE_RE = lazy(regex.compile, r"(?r)(?<![\p{L}\p{M}'’\-])[\p{Ll}\p{M}]+(?:-[\p{Ll}\p{M}]+)*-")


def _french_compound(text: str, start: int, end: int, setup: Setup) -> tuple[int, int, str] | None:
    """The hyphenated compound of small words holding the run at ``start..end``, when every
    part of it is French rather than English (`court-métrage`; not `post-métrage`, nor a
    compound with a capital: `Saint-Étienne`), or None."""
    m = _COMPOUND_BEFORE_RE.match(text, max(0, start - 60), start)
    a = m.start() if m is not None else start
    whole = _COMPOUND_RE.match(text, a)
    if whole is None or whole.end() < end or (whole.end() < len(text) and _LETTER_RE.match(text, whole.end())):
        return None
    token = whole.group()
    parts = token.split("-")
    if token in setup.allowed or any(not _french(part, frozenset()) for part in parts):
        return None
    for part in parts:  # an allowed phrase holding the compound (`tête-à-tête`, `coup d'état`)
        for phrase in setup.phrases.get(part, ()):
            for m in _phrase_pattern(phrase).finditer(text, max(0, a - 60), min(len(text), whole.end() + 60)):
                if m.start() <= a and whole.end() <= m.end():
                    return None
    return a, whole.end(), token


def _kept(text: str, start: int, end: int, run: str, setup: Setup) -> bool:
    """Whether the word at ``start`` is French that English keeps there."""
    if (start and _LETTER_RE.match(text, start - 1)) or _LETTER_RE.match(text, end):
        return True  # part of a longer run (an accented letter beyond the run)
    if (start and text[start - 1] in "-'’") or text.startswith(("-", "'", "’"), end):
        return True  # part of a hyphenated or elided token whose other part decides
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if _quoted(before) and not _english_quote(before, setup):
        return True
    lowered = text[max(line_start, start - 40) : start].lower()
    if any(g in lowered for g in setup.glosses):
        return True
    for phrase in setup.phrases.get(run, ()):
        for m in _phrase_pattern(phrase).finditer(text, max(0, start - 60), min(len(text), end + 60)):
            if m.start() <= start and end <= m.end():
                return True
    return _in_name(text, start, end, setup)


@lru_cache(maxsize=1024)
def _phrase_pattern(phrase: str) -> regex.Pattern[str]:
    """An allowed phrase as a whole-word pattern, either apostrophe (compiled when a candidate
    word of an article first needs it: start-up would otherwise compile hundreds)."""
    body = regex.escape(phrase).replace("’", "['’]")
    return regex.compile(r"(?<![\p{L}\p{M}])" + body + r"(?![\p{L}\p{M}])", regex.IGNORECASE)


def _quoted(before: str) -> bool:
    """Whether a quotation opened earlier on the line is still open."""
    if before.count("“") > before.count("”") or before.count("«") > before.count("»"):
        return True
    return before.count('"') % 2 == 1


def _english_quote(before: str, setup: Setup) -> bool:
    """Whether the open quotation the word stands in is English so far (two English function
    words that French never spells, between its mark and the word): a French word there was left by the translation,
    not quoted on purpose (`"… bring them back to their pharmacie," said the agency`)."""
    opened = max(before.rfind("“"), before.rfind("«"), before.rfind('"'))
    words = _LETTERS_RE.findall(before[opened + 1 :].lower())
    return sum(w in setup.quote_english for w in words) >= 2


def _in_name(text: str, start: int, end: int, setup: Setup) -> bool:
    """A capitalised word reached walking back over the words joined to this one by single
    spaces, before any English function word, or an acronym in parentheses right after: the
    word belongs to a French name. A place the gazetteer knows, reached right away after an
    English `the`, opens no French name: French puts the place after the noun (`conseil
    municipal de Moncton`), English before it (`the Moncton conseil municipal`)."""
    pos = start
    for i in range(setup.reach):
        m = _WORD_BEFORE_RE.match(text, max(0, pos - 60), pos)
        if m is None:
            break
        word = m.group(1)
        if word.lower() in setup.stop:
            break  # (first: `The résultat net`, a sentence's capitalised `The`, opens no name)
        if word[0].isupper():
            if i == 0 and word in setup.places:
                before = _WORD_BEFORE_RE.match(text, max(0, m.start() - 60), m.start())
                if before is not None and before.group(1).lower() == "the":
                    break
            return True
        pos = m.start()
    return _ACRONYM_AFTER_RE.match(text, end) is not None


def _french(word: str, links: frozenset[str]) -> bool:
    low = word.lower()
    if low in links:
        return True
    tail = _ELISION_RE.split(low)[-1]
    return zipf_fr(tail) > zipf_en(tail) + 1.0


def _phrase_around(text: str, start: int, end: int, setup: Setup) -> tuple[int, int]:
    """The word's span grown over the French words around it (`réclusion criminelle à
    perpétuité`), not ending on a small linking word."""
    a, b = start, end
    while True:
        m = _WORD_BEFORE_RE.match(text, max(0, a - 60), a)
        if m is None or m.group(1)[0].isupper() or not _french(m.group(1), setup.links):
            break
        a = m.start()
    while True:
        m = _WORD_AFTER_RE.match(text, b)
        if m is None or m.group(1)[0].isupper() or not _french(m.group(1), setup.links):
            break
        b = m.end()
    # do not end on a linking word (`the criée of`: `of` is English, `de` would be French)
    words = list(_WORDS_RE.finditer(text[a:b]))
    while len(words) > 1 and words[0].group().lower() in setup.links:
        words.pop(0)
    while len(words) > 1 and words[-1].group().lower() in setup.links:
        words.pop()
    return a + words[0].start(), a + words[-1].end()


def french_word_decider(
    allowed: frozenset[str], *, min_fr: float, max_en: float, min_gap: float, min_length: int,
    wide_max_en: float | None = None, wide_min_gap: float | None = None,
) -> Callable[[str], bool | None]:
    """Whether a letter run could be a French word left in English, whatever the article: small
    letters, French common (``min_fr``), English rare (``max_en``), far apart, not allowed; or,
    in the wide band, rarer than ``wide_max_en`` in English and ``wide_min_gap`` apart."""

    wide_en = max_en if wide_max_en is None else max(wide_max_en, max_en)
    wide_gap = min_gap if wide_min_gap is None else wide_min_gap
    common = common_words_set(max(wide_en, 3.0))  # words English uses this much are no leftovers

    def decide(run: str) -> bool | None:
        if len(run) < min_length or not run.islower() or run in allowed:
            return None
        # English first: most runs are common English words (a set test), the others are looked
        # up, and the French list is asked about few runs
        if run in common:
            return None
        en = zipf_en(run)
        if en >= wide_en:
            return None
        fr = zipf_fr(run)
        if en >= max_en:
            return True if fr - en >= wide_gap else None
        return True if fr >= min_fr and fr - en >= min_gap else None

    return decide


def _setup(doc: Document, rule: Rule) -> Setup:
    store = doc.cache["store"]
    single: set[str] = set()
    phrases: dict[str, list[str]] = {}
    for item in store.lines("lexicon/french-allowed.txt"):
        item = item.lower().replace("'", "’")
        words = _LETTERS_RE.findall(item)
        if len(words) == 1 and words[0] == item:
            single.add(item)
            continue
        for w in words:
            phrases.setdefault(w, []).append(item)  # (compiled on first use: most are never asked)
    min_length = int(rule.params.get("min_length", 4))
    decide = french_word_decider(
        frozenset(single),
        min_fr=float(rule.params.get("min_french_zipf", 2.5)),
        max_en=float(rule.params.get("max_english_zipf", 1.0)),
        min_gap=float(rule.params.get("min_gap", 2.5)),
        min_length=min_length,
        wide_max_en=float(rule.params["wide_max_english_zipf"]) if "wide_max_english_zipf" in rule.params else None,
        wide_min_gap=float(rule.params["wide_min_gap"]) if "wide_min_gap" in rule.params else None,
    )
    # every run the decider may want, among the new runs one a line: long enough, and no
    # capital in it (``str.islower`` is false for a run holding one), found by one scan
    shape = regex.compile(rf"(?m)^[^\p{{Lu}}\p{{Lt}}\n]{{{max(1, min_length)},}}$")
    return Setup(
        runs=RunFilter(run_book(store), decide, shape=shape),
        stop=frozenset(str(w).lower() for w in rule.params.get("english_stop", ())),
        quote_english=frozenset(str(w).lower() for w in rule.params.get("english_only", ())),
        links=frozenset(str(w).lower() for w in rule.params.get("french_links", ())),
        glosses=tuple(str(g).lower() for g in rule.params.get("glosses", ())),
        phrases={w: tuple(p) for w, p in phrases.items()},
        reach=int(rule.params.get("name_reach", 6)),
        allowed=frozenset(single),
        places=lexicon(doc).place_names,
    )
