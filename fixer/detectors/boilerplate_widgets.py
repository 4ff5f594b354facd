"""Lines of the page's interface copied into the article: `Sponsored content`, `Font size: A- A+`,
`Share: Facebook | X | WhatsApp`, `Home › Belgium › Liège`, `00:00 / 03:41`.

Every site words its widgets its own way, so a list of whole phrases (``page-prompt``) never
catches up with them. What they share is their shape: a short line made only of the words of
page interfaces (rules/lexicon/interface-words.txt), or a strip of short items between the
separators of navigation bars. One classifier, ``boilerplate.page-widget``, judges that shape;
it joins the deletion plan like the other line rules, and leaves a line another line rule
already deletes to that rule.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from ..document import Document, Line
from ..lazypattern import lazy
from ..model import Finding, Rule, Safety
from .boilerplate_common import (
    LINE_RULES,
    VERDICT_LINE,
    Verdict,
    _memo,
    classifier,
    nonblank,
    phrases,
    verdicts,
    word_count,
)
from .boilerplate_metadata import _MONTHS as _MONTH_NAMES
from .deletion_plan import emit
from .typography_patterns import non_ascii_set

RULE_ID = "boilerplate.page-widget"
WORDS = "lexicon/interface-words.txt"
MAX_CHARS = 160  # longer lines are prose (the longest widget line of the review sets had 96)
MAX_WORDS = 12
HEADER_LINES = 6  # nonblank lines above the first paragraph: rubric, title, byline, stamps
PROSE_WORDS = 20  # a line of more words is a paragraph: the header ends there
FOOTER_LINES = 3

# a line splits into items at navigation separators and into words at white space and marks
_SPLIT_RE = lazy(regex.compile, r"[\s|·•›»/—–:()\[\],?!.;]+")
_FIGURES_RE = lazy(regex.compile, r"[\d:.,'’ ]+[km]?", regex.I)


def _is_figures(word: str) -> bool:
    """``_FIGURES_RE`` matches the whole ``word``: told without the pattern for a run of
    decimal digits (each a ``\\d`` for ``regex``: tests/test_perf_boiler6.py), most counters,
    and for a word of letters only (the pattern needs a figure or a mark before `k` or `m`)."""
    if word.isdecimal():
        return True
    return not word.isalpha() and _FIGURES_RE.fullmatch(word) is not None


# a line led by a pictograph (`👁 1.4k views`, `📍 Kourou`, `⏱ 4 min`): widgets, not prose
_PICTOGRAPH_RE = lazy(regex.compile, r"^\s*[\U0001F300-\U0001FAFF\u2300-\u23FF\u2600-\u27BF\u2B00-\u2BFF]")
# the signature line of an embedded post: `— FWA (@FWA_asbl) October 6, 2025`
_TWEET_SIGNATURE_RE = lazy(regex.compile,
    r"^\s*(?:(?:pic\.twitter\.com|https?://t\.co)/\S+\s+)?[—–-]\s*[^()\n]{1,60}\(@\w{1,30}\)\s+\p{L}+\.?\s+\d{1,2},?\s+\d{4}\s*$"
)


def _may_be_pictograph(text: str) -> bool:
    """False when ``_PICTOGRAPH_RE`` cannot match ``text`` (not empty): it opens with white
    space (``regex``'s ``\\s`` is white space for ``str`` too) or a character of its ranges, all
    from U+2300 on."""
    c = text[0]
    return c >= "\u2300" or c.isspace()


def _may_be_player(text: str) -> bool:
    """False when ``_PLAYER_RE`` cannot match ``text``: after its white space (``regex``'s is
    white space for ``str``), it opens with a figure (``\\d``: a digit for ``str``, or, for a
    newer Unicode version, one beyond the BMP)."""
    c = text.lstrip()[:1]
    return c.isdigit() or c > "\uffff"


_PLAYER_RE = lazy(regex.compile, r"^\s*\d{1,2}:\d{2}(?::\d{2})?\s*/\s*\d{1,2}:\d{2}(?::\d{2})?\s*$")
_CRUMB_SEPARATORS = ("›", " » ", " > ", " / ")
_STRIP_SEPARATORS = (" | ", " — ", " – ", " · ", " • ", " ● ", " ▪ ", " - ")
# what else may separate a breadcrumb's items once one of ``_CRUMB_SEPARATORS`` is there
# (`Technology > Telecoms · Canton of Neuchâtel`)
_CRUMB_MIXED_RE = lazy(regex.compile, r"\s*(?:›|»|>|·|▪|\|)\s*")
_WIDE_GAP_RE = lazy(regex.compile, r"\s{2,}")
# a reading time as a strip item: `Reading time: 2 min.`, `⏱ 3 minutes`, `🕒 3 min`
_READING_TIME_ITEM_RE = lazy(regex.compile,
    r"^[^\w\s]{0,2}\s*(?:(?:reading time|read time|time to read|temps de lecture|lecture)\s*:?\s*)?"
    r"\d{1,2}\s*(?:min|mins|minutes?|mn)\.?(?:\s+(?:read|reading|de lecture))?$", regex.I)
_TIME_ENDS = ("a.m.", "p.m.", "A.M.", "P.M.")  # (`26 Nov. 2026, 7:52 a.m.`: a stamp, not a sentence)
_INITIAL_END_RE = lazy(regex.compile, r"(?:^|\s)\p{Lu}\.$")  # `Kodjo A.`, `By Teva T.`: an initial, not a sentence


def vocabulary(doc: Document) -> dict[str, str]:
    """Interface word → its kind (``strong``, ``ui``, ``function``), plus the one-word share
    buttons of the phrase lexicon as ``strong``."""

    def build() -> dict[str, str]:
        store = doc.cache["store"]
        out: dict[str, str] = {}
        for item in store.lines(WORDS):
            kind, sep, words = item.partition(":")
            if sep:
                for w in words.split():
                    out.setdefault(w.casefold(), kind.strip().casefold())
        for name in phrases(doc).get("share", []):
            if " " not in name.strip():
                out[name.strip().casefold()] = "strong"
        return out

    return _memo(doc, f"boilerplate:interface-words:{WORDS}", build)


_WORD_EDGES = "-'’\"“”«»"  # stripped from each word's ends
# the characters that ``str.split`` takes for white space and ``regex``'s ``\s`` does not
_NOT_REGEX_SPACE = ("\x1c", "\x1d", "\x1e", "\x1f")
_CHUNK_WORDS: dict[str, list[str]] = {}  # a white-space chunk → its words (across documents)
_MAX_CHUNKS = 20_000


def _words(text: str) -> list[str]:
    """The words of ``text`` between the separators of ``_SPLIT_RE``, stripped of quotes and
    dashes. The pattern splits at white space too, so the words are those of the text's white
    space chunks (``str.split``, which also splits at \\x1c-\\x1f: such a text goes to the
    pattern whole), and a chunk's words are kept across documents: the pattern is slow, and
    the lines asked are short and made of a few common words."""
    if any(map(text.__contains__, _NOT_REGEX_SPACE)):
        return _split_words(text)
    out: list[str] = []
    for chunk in text.split():
        got = _CHUNK_WORDS.get(chunk)
        out += _chunk_words(chunk) if got is None else got
    return out


def _chunk_words(chunk: str) -> list[str]:
    """The words of a white-space chunk (see ``_words``), kept for the next time."""
    got = _CHUNK_WORDS.get(chunk)
    if got is None:
        if len(_CHUNK_WORDS) >= _MAX_CHUNKS:
            _CHUNK_WORDS.clear()
        # (a chunk of letters and figures holds no separator nor an edge to strip)
        got = _CHUNK_WORDS[chunk] = [chunk] if chunk.isalnum() else _split_words(chunk)
    return got


def _split_words(text: str) -> list[str]:
    return [w.strip(_WORD_EDGES) for w in _SPLIT_RE.split(text) if w.strip(_WORD_EDGES)]


def interface_safety(text: str, vocab: dict[str, str]) -> Safety | None:
    """How surely ``text`` is a widget made of interface words: SAFE when one of its words is
    found only in page interfaces (`Advertisement`, `Subscribe`, `Print`), UNSAFE when it is
    interface words of wider use (`Latest news`, `Most read`, `LIVE`), None for anything else:
    a word outside the list, or no word at all."""
    if _first_word_not_interface(text, vocab):
        return None  # (most lines: told by their first word, without the others)
    counts = {"strong": 0, "ui": 0, "function": 0}
    n = figures = 0
    for w in _words(text):
        folded = w.casefold()
        if folded in ("a-", "a+", "a−"):  # the font-size buttons
            counts["strong"] += 1
        elif _is_figures(w):
            figures += 1  # counters and times (`Comments (14)`, `Views: 2 341`, `1.4k`)
            continue
        elif not any(c.isalnum() for c in w):
            continue  # stars, arrows, pictographs (`★★★★☆`, `↑`, `👁`)
        else:
            kind = vocab.get(folded)
            if kind is None or kind == "section":
                return None
            counts["ui" if kind == "home" else kind] += 1
        n += 1
        if n > MAX_WORDS:
            return None
    if counts["strong"]:
        return Safety.SAFE
    if text.rstrip()[-1:] in (".", "!"):
        return None  # a sentence (`No comment.`) unless a word of its own says interface
    # one wider interface word with a figure is a counter only when labelled (`Views: 2 341`,
    # `Comments (14)`); `72 hours` is a fact of the article
    labelled = not figures or ":" in text or "(" in text
    if counts["ui"] >= 2 or (counts["ui"] == 1 and n <= 3 and labelled):
        return Safety.UNSAFE
    return None


def _first_word(text: str) -> str | None:
    """The first of ``_words(text)``: the first word of the first white-space chunk, when that
    chunk has words (and the text holds no character that ``str.split`` alone takes for white
    space); None when it cannot be told so."""
    head = text.split(None, 1)
    if not head or any(map(text.__contains__, _NOT_REGEX_SPACE)):
        return None
    ws = _chunk_words(head[0])
    return ws[0] if ws else None


def _first_word_not_interface(text: str, vocab: dict[str, str]) -> bool:
    """``interface_safety`` returns None on the first of the words of ``text``: a word with a
    letter or figure, no font button nor figure, and no interface word."""
    w = _first_word(text)
    if w is None:
        return False
    folded = w.casefold()
    if vocab.get(folded) not in (None, "section"):
        return False
    if w.isalpha():
        return True  # (most words: no font button, no figure, and a letter)
    return folded not in ("a-", "a+", "a−") and not _is_figures(w) and any(c.isalnum() for c in w)


def _is_section(item: str, vocab: dict[str, str]) -> bool:
    """One to three words, one of them a section name and the rest function words."""
    return _section_words(_words(item), vocab)


def _section_words(words: list[str], vocab: dict[str, str]) -> bool:
    """``_is_section`` of an item made of ``words`` (its length first: most lines are longer)."""
    if not 0 < len(words) <= 3:
        return False
    kinds = [vocab.get(w.casefold()) for w in words]
    return "section" in kinds and all(k in ("section", "function") for k in kinds)


def _place_in_capitals(doc: Document, text: str) -> bool:
    """A header line that is only a place of the gazetteer, in capitals (`ALGERIA`, `BURKINA
    FASO`): the section of the page a country desk files under, not a headline."""
    name = text.strip()
    if not name.isupper() or len(name) > 40 or not name.replace(" ", "").replace("-", "").isalpha():
        return False
    from ..glossary import fold
    from .merged_words import lexicon

    return fold(name) in lexicon(doc).place_folds


def section_safety(text: str, vocab: dict[str, str]) -> Safety | None:
    """A rubric name alone on a line (`Markets`, `Culture`, `Faits divers`): one to three words,
    one of them a section word. Only asked of the page's header lines; unsafe, since a short
    subheading can be one word."""
    if text.rstrip()[-1:] in (".", "!", "?"):
        return None
    if not text[0].isspace() and (w := _first_word(text)) is not None and \
            vocab.get(w.casefold()) not in ("section", "function"):
        # (the first word opens the text and the first item of the strip: neither is a section)
        return None
    words = _words(text)
    if _section_words(words, vocab) or (len(words) <= 4 and all(_is_section(p, vocab) for p in _split_strip(text))):
        return Safety.UNSAFE  # (`SCIENCE & ENVIRONMENT`, `SPORT / ATHLETICS`)
    return None


_STRIP_SPLIT_RE = lazy(regex.compile, r"\s+(?:[|/&·•●›»>]|and|et)\s+")


def _split_strip(text: str) -> list[str]:
    return [p for p in _STRIP_SPLIT_RE.split(text) if p.strip()]


def _items(text: str, separator: str) -> list[str]:
    return [p.strip() for p in text.split(separator)]


def crumb_safety(text: str, vocab: dict[str, str], in_header: bool = False) -> Safety | None:
    """A breadcrumb (`Home › Belgium › Liège`, `Home / News / Society`): items of at most four
    words between `›`, `»`, `>` or a spaced `/`. SAFE when it opens with the site's home item;
    UNSAFE for three items or more (not with `/`, which lists alternatives in prose too), or,
    among the page's header lines, for two with a section name (`Culture › Exhibitions`)."""
    for separator in _CRUMB_SEPARATORS:
        if separator in text:
            items = _items(text, separator)
            break
    else:
        return None
    if separator != " / " and any(len(p.split()) > 4 for p in items):
        items = [p.strip() for p in _CRUMB_MIXED_RE.split(text)]  # (a crumb whose last items a dot joins)
    if len(items) < 2 or any(not p or len(p.split()) > 4 or p[-1] in ".!?" for p in items):
        return None
    if vocab.get(items[0].casefold()) == "home":
        return Safety.SAFE
    if len(items) >= 3 and separator != " / ":
        return Safety.UNSAFE
    return Safety.UNSAFE if in_header and any(_is_section(p, vocab) for p in items) else None


def _strip_items(text: str) -> list[str] | None:
    """The items of a strip: between the first of ``_STRIP_SEPARATORS`` the line holds or, for
    a line with none, between runs of two spaces or more, which is how a template's spans come
    out once their markup is gone (`Last update: 11/02/2026   A-  A+   🖨`)."""
    for separator in _STRIP_SEPARATORS:
        if separator in text:
            return _items(text, separator)
    if "  " in text.strip():
        return _WIDE_GAP_RE.split(text.strip())
    return None


def _sentence_item(item: str, vocab: dict[str, str]) -> bool:
    """Whether a strip item ends like a sentence: with `.`, `!` or `?`, and is not an initial
    (`Kodjo A.`), a time (`7:52 a.m.`), a reading time (`2 min.`) or a button (`BlogThis!`)."""
    return (item[-1] in ".!?" and not _INITIAL_END_RE.search(item) and not item.endswith(_TIME_ENDS)
            and not _reading_time(item) and vocab.get(item.casefold()) != "strong")


def strip_safety(text: str, vocab: dict[str, str], max_words: int = 6) -> Safety | None:
    """A header or footer strip of short items between spaced pipes (`Transport | Morocco`,
    `By Editorial staff | Published on 14/11/2025 | Updated on …`, `FT | Algeria 2-0 Guinea`):
    every item at most ``max_words`` words and none a sentence. Only asked of the page's header
    and footer lines; unsafe: a kicker and its headline can take the same shape."""
    items = _strip_items(text)
    if items is None:
        return None
    if max_words < 6 and any(_COUNTER_RE.match(p) or interface_safety(p, vocab) is not None for p in items if p):
        max_words = 6  # a counter or a button beside it: no headline's `| Site` (`Posted in Culture, Haiti | 14 comments | Print`)
    if any(not p or (len(p.split()) > max_words and not _stamp_or_counter(p) and not _dated_byline(p)
                     and interface_safety(p, vocab) is None)
           or _sentence_item(p, vocab) for p in items):
        return None
    if len(items) >= 4 and all(p[:1].isupper() and len(p.split()) <= 3 and not any(c.isdigit() for c in p)
                               for p in items):
        return Safety.UNSAFE  # a strip of four names or more (`Crypto | Lugano | Ticino | Bitcoin`): the page's tags
    if not any(_marks_strip(p, vocab) for p in items):
        return None  # `Stage 14 | Pau to Luchon | 182.6 km`: a deck of the article's own
    return Safety.UNSAFE


def byline_strip(text: str, vocab: dict[str, str]) -> bool:
    """Whether the only page furniture of a strip is a byline (`By Kenji Watanabe | Tokyo`,
    `By Jane Doe | Reuters`): no stamp, section or interface item beside it."""
    items = _strip_items(text)
    if items is None:
        return False
    bylines = [p for p in items if _BYLINE_RE.match(p)]
    return bool(bylines) and not any(_marks_strip(p, vocab) for p in items if p not in bylines)


_BYLINE_RE = lazy(regex.compile,
    r"^(?:(?:(?:written |posted |published )?by|par|de)\s+\p{Lu}|(?:text|words|photos?|video|credits?|texte)\s*:)", regex.I
)
# the month names of the page's date lines (boilerplate_metadata), and their abbreviations
_MONTHS = rf"(?:{_MONTH_NAMES}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
# a date or a time as a page prints it: `14/11/2025`, `10:42`, `9 June 2026`, `Friday, 6 February
# 2026`, `June 9, 2026`, or a publication word
_STAMP_RE = lazy(regex.compile,
    r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\b\d{1,2}[:h]\d{2}\b|^(?:published|updated|posted|publié|mis à jour)\b"
    rf"|\b\d{{1,2}}(?:er)?\.?\s+{_MONTHS}\.?\s+\d{{4}}\b|\b{_MONTHS}\.?\s+\d{{1,2}},?\s+\d{{4}}\b",
    regex.I,
)


_STAMP_LINKS = frozenset("on at the of le à a , – - ·".split())
_UPDATE_NOTE_RE = lazy(regex.compile, r"\s*\((?:updated|modified|mis à jour)\b[^()]{0,30}\)", regex.I)
# a count the page prints beside a story: `12 shares`, `👁 1 245 views`, `3 comments`
_COUNTER_RE = lazy(regex.compile,
    r"^\W{0,3}\d[\d\s,.\u00a0\u202f]*k?\s*(?:views?|shares?|comments?|reactions?|likes?|reads?|vues|partages|commentaires)$",
    regex.I,
)


def _stamp_or_counter(item: str) -> bool:
    """Whether a strip item longer than the first line allows is a date (`Thursday, November 26,
    2026`) or a counter (as the interface words of `✉ Send to a friend` are, see ``strip_safety``):
    a headline run into a strip is none of them, so the limit need not hold."""
    item = _UPDATE_NOTE_RE.sub("", item)  # (`8 Oct 2025 at 06:00 (updated at 09:14)`: one stamp)
    if len(item.split()) > 9:
        return False
    if _COUNTER_RE.match(item):
        return True
    # the dates, times and publication words, and the small words between them (`Published on
    # 25 Nov. 2026 at 14:12`); at most one other word (a weekday) may be left
    rest, stamps = _STAMP_RE.subn(" ", item)
    return stamps > 0 and len([w for w in rest.split() if w.casefold() not in _STAMP_LINKS]) <= 1


def _dated_byline(item: str) -> bool:
    """`Posted by Newsroom on November 24, 2026`: a byline and its date, as one strip item of at
    most ten words."""
    return len(item.split()) <= 10 and _BYLINE_RE.match(item) is not None and _STAMP_RE.search(item) is not None


def _reading_time(item: str) -> bool:
    return any(c.isdigit() for c in item) and _READING_TIME_ITEM_RE.match(item) is not None


def _marks_strip(item: str, vocab: dict[str, str]) -> bool:
    """Whether one item of a pipe strip is page furniture: a section name, a byline, a date or
    time stamp, a reading time, or interface words."""
    if _BYLINE_RE.match(item) or _STAMP_RE.search(item) or _COUNTER_RE.match(item) or _reading_time(item):
        return True
    if item.isupper() and len(item.split()) <= 3 and sum(c.isalpha() for c in item) >= 4:
        return True  # `OUTAOUAIS | MUNICIPAL POLITICS`: section names set in capitals
    return _is_section(item, vocab) or interface_safety(item, vocab) is not None


_SOURCE_RE = lazy(regex.compile, r"^\s*(?:sources?|crédits?|credits?)\s*:\s*(\S.*?)\s*$", regex.I)


def source_safety(text: str) -> Safety | None:
    """`Source: AGP`, `Sources: AFP, Reuters`: a source note of at most four words at the foot of
    the page. Unsafe: a table's or a chart's source note is written the same way."""
    m = _SOURCE_RE.match(text)
    if m is None or len(m.group(1).split()) > 4 or m.group(1)[-1:] in ".!?":
        return None
    return Safety.UNSAFE


_TAG_ITEM_RE = lazy(regex.compile, r"^[\p{Lu}\d][\p{L}\p{M}\d'’\-]*(?: [\p{L}\p{M}\d'’\-]+){0,2}$")


def tag_list_safety(text: str) -> Safety | None:
    """The page's tags with no label, on one of its last lines: `Barrick, Mali, Gold, Loulo,
    Mining`: four items or more between commas, each one to three words opening with a capital
    or a figure, and no sentence mark. Unsafe: a list of names can close an article too."""
    items = [p.strip() for p in text.split(",")]
    if len(items) < 4 or text.rstrip()[-1:] in ".!?:;":
        return None
    if all(_TAG_ITEM_RE.match(p) for p in items):
        return Safety.UNSAFE
    return None


_SMALL_WORDS = frozenset("a an the of and or in on at to for by with from is are was were de du des la le les et en au aux".split())


def spaced_tags_safety(text: str) -> Safety | None:
    """The page's tags run together with spaces only, on one of its last lines (`Markets Airbus
    Aeronautics Toulouse Occitanie`, `Tôlanaro Ilmenite QMM Rio Tinto Anosy Mining royalties`):
    four to twelve words, nearly all capitalised, no small word of a sentence (`of`, `the`,
    `by`) and no punctuation. Unsafe: a last line of names can be a signature too."""
    if any(c in text for c in ".,;:!?()\"“”«»|"):
        return None
    words = text.split()
    if not 4 <= len(words) <= 12 or any(w.casefold() in _SMALL_WORDS for w in words):
        return None
    capitals = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return Safety.UNSAFE if capitals >= len(words) - 1 and capitals * 4 >= len(words) * 3 else None


_MESSAGES = {
    "interface": "A line of the page's interface (buttons, widgets, labels).",
    "player": "The time counter of an audio or video player.",
    "crumb": "The page's breadcrumb navigation.",
    "strip": "A strip of page labels between separators (section, byline, date).",
    "section": "The name of the page's section or rubric.",
    "pictograph": "A page widget led by a pictograph (views, place, reading time, comments).",
    "symbols": "A ticker, weather box, rating or share bar made of widget symbols.",
    "source": "A source note at the foot of the page.",
    "tags": "The page's tags, without their label.",
    "tweet": "The signature line of an embedded social-media post.",
    "masthead": "The site's name above the page's header.",
}


@classifier(RULE_ID)
def classify_page_widget(doc: Document) -> list[Verdict]:
    lines = nonblank(doc)
    if not lines:
        return []
    vocab = vocabulary(doc)
    done = doc.cache.get("boilerplate:verdicts") or {}  # (the rules judged already, looked up directly)
    taken: set[int] = set()
    for rid in LINE_RULES:
        if rid != RULE_ID:
            found = done[rid] if rid in done else verdicts(doc, rid)
            if found:
                taken.update(map(VERDICT_LINE, found))
    # the page's header (the lines above the first paragraph) and footer, where section names,
    # bylines and label strips sit; only there are they told from subheadings by shape alone
    header = set()
    for ln in lines[:HEADER_LINES]:
        if len(ln.text.split(None, PROSE_WORDS)) > PROSE_WORDS:  # (a paragraph split no further)
            break  # the first paragraph
        header.add(ln.number)
    footer = {ln.number for ln in lines[-FOOTER_LINES:]} - header
    edges = header | footer
    first = lines[0].number
    symbols = not _WIDGET_SYMBOLS.isdisjoint(non_ascii_set(doc))  # (most pages hold none)
    out = []
    for ln in lines:
        text = ln.text
        if len(text) > MAX_CHARS or ln.number in taken:
            continue
        kind, safety = "interface", interface_safety(text, vocab)
        if safety is None and ":" in text and _may_be_player(text) and _PLAYER_RE.match(text):
            kind, safety = "player", Safety.SAFE
        if safety is None:
            kind, safety = "crumb", crumb_safety(text, vocab, ln.number in header)
        if safety is None and _may_be_pictograph(text) and _PICTOGRAPH_RE.match(text) and len(text.split()) <= MAX_WORDS:
            kind, safety = "pictograph", Safety.UNSAFE
        if safety is None and "(@" in text and _TWEET_SIGNATURE_RE.match(text):
            kind, safety = "tweet", Safety.UNSAFE
        if safety is None and symbols and _symbol_widget(text):
            kind, safety = "symbols", Safety.UNSAFE
        weak = False
        if safety is None and ln.number in edges:
            # (a headline's `| Site` is title-site-suffix's: on the first line, short items only)
            kind, safety = "strip", strip_safety(text, vocab, 3 if ln.number == first else 6)
            # a byline and its place (`By Kenji Watanabe | Tokyo`) stand in clean wire copy
            # too: only beside translation damage (annotators of translated pages take them)
            weak = safety is not None and byline_strip(text, vocab)
        if safety is None and ln.number in header:
            kind, safety = "section", section_safety(text, vocab)
            if safety is None and _place_in_capitals(doc, text):
                safety = Safety.UNSAFE  # `ALGERIA`, `LEBANON`: the page's country section
        if safety is None and ln.number in footer:
            kind, safety = "source", source_safety(text)
            if safety is None:
                kind, safety = "tags", tag_list_safety(text) or spaced_tags_safety(text)
        if safety is not None:
            out.append(Verdict(RULE_ID, ln, safety, _MESSAGES[kind], weak=weak))
    top = _masthead(lines, taken.union(map(VERDICT_LINE, out)))
    if top is not None:
        out.insert(0, Verdict(RULE_ID, top[0], Safety.UNSAFE, _MESSAGES[top[1]]))
    return out


def _masthead(lines: list[Line], furniture: set[int]) -> tuple[Line, str] | None:
    """The page's first line when it is the site's name or rubric rather than the headline:
    `VOTATIONS 29.11.2026` (a rubric in capitals and the date), or a name of at most four
    capitalised words (`AFRICA NEWS NETWORK`, `Middle East Daily Digest`) with page furniture
    right under it (a breadcrumb, an update stamp) and a title-shaped line after that, the
    headline. A short headline has its byline or date under it too, but then prose, not a
    second title."""
    if len(lines) < 3 or lines[0].number in furniture:
        return None
    text = lines[0].text.strip()
    words = text.split()
    if not words or len(words) > 6 or text[-1] in ".!?:;,\"”»":
        return None
    stamp = _STAMP_RE.search(text) if any(c.isdigit() for c in text) else None
    if stamp is not None:
        rest = (text[: stamp.start()] + text[stamp.end() :]).split()
        if 1 <= len(rest) <= 3 and all(w.isupper() and w.isalpha() for w in rest):
            return lines[0], "section"
        return None
    if len(words) > 4 or any(not w[:1].isupper() for w in words if len(w) > 3) or ":" in text:
        return None
    below, title = lines[1], lines[2].text.strip()
    if below.number not in furniture or lines[2].number in furniture:
        return None
    if not title or title[-1] in ".\"”»" or word_count(title) > 25:
        return None
    return lines[0], "masthead"


# the symbols of tickers, weather boxes, rating stars and share icons (`USD/LBP 89,500 ▲ | BLOM 2.10
# ▼`, `Fort-de-France 29°C ☀ | Pointe-à-Pitre 30°C ⛅`, `☆☆☆☆☆`, `f | 𝕏 | in | ✉`)
_WIDGET_SYMBOL_RE = lazy(regex.compile, r"[▲▼△▽▴▾⬆⬇☀⛅☁☂☔❄⛈☆★✩✪✉☎✆𝕏☰]|[\U0001F324-\U0001F32C\U0001F4C8\U0001F4C9\U0001F50D\U0001F50E]")
# the characters ``_WIDGET_SYMBOL_RE`` matches, all non-ASCII: whether a page holds one is told
# by the set of its non-ASCII characters (made once per document and shared with the typography
# rules), not by a regex scan of the whole text (the family's costliest search)
_WIDGET_SYMBOLS = frozenset("▲▼△▽▴▾⬆⬇☀⛅☁☂☔❄⛈☆★✩✪✉☎✆𝕏☰\U0001F4C8\U0001F4C9\U0001F50D\U0001F50E") | frozenset(map(chr, range(0x1F324, 0x1F32D)))


def _symbol_widget(text: str) -> bool:
    """A short line holding two widget symbols or more and no sentence: a ticker, a weather box,
    rating stars or a share bar (unsafe: a list of figures with arrows could be the article's)."""
    if len(_WIDGET_SYMBOL_RE.findall(text)) < 2:
        return False
    return len(text.split()) <= 30 and text.rstrip()[-1:] not in ".!?"


def headline(doc: Document) -> Line | None:
    """The article's headline: its first line that no shape of this module takes for page
    furniture (`BUSINESS | 25.11.2025` or `Markets` above it is the rubric, not the title).
    Other rules ask it so as not to take the headline for a caption."""
    got = doc.cache.get("boilerplate:headline", False)
    if got is not False:
        return got
    lines = nonblank(doc)
    vocab = vocabulary(doc) if lines else {}
    found = lines[0] if lines else None
    for i, ln in enumerate(lines[:HEADER_LINES]):
        text = ln.text
        if (
            interface_safety(text, vocab) is None
            and crumb_safety(text, vocab, True) is None
            and strip_safety(text, vocab, 3 if i == 0 else 6) is None
            and section_safety(text, vocab) is None
        ):
            found = ln
            break
    doc.cache["boilerplate:headline"] = found
    return found


def page_widget(doc: Document, rule: Rule) -> Iterable[Finding]:
    """The whole-line deletions of ``boilerplate.page-widget`` (see ``classify_page_widget``)."""
    done = doc.cache.get("boilerplate:verdicts")
    found = done[RULE_ID] if done is not None and RULE_ID in done else verdicts(doc, RULE_ID)
    return emit(doc, rule, found) if found else ()
