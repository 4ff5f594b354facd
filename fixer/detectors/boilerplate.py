"""Page debris that aggregators copy around a translated article: whole lines to delete.

Each ``boilerplate.*`` rule judges lines from the structure of the page rather than from exact
strings alone: where a line sits (head, tail, next to a credit), whether it repeats another
line, whether it is a sentence at all (final punctuation, length), and what it is made of
(hashtags, digits, a credit sign). Known phrases come from ``lexicon/boilerplate-phrases.txt``.

Deleting lines one by one leaves gaps when debris comes in blocks (a timestamp, then a hashtag
line, then a comment prompt at the end of the page). So every rule first asks ``_plan`` which
lines *any* boilerplate line rule would delete, and shapes its own edits to fit that block:
in the middle of the text a block gives back exactly one blank line; at the end of the text each
line takes the line break before it; at the start, the blank lines after it. The shapes compose:
applying only some of a block's deletions never glues two kept lines into one.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import regex

from ..data import DataError
from ..document import Document, Line
from ..model import Edit, Finding, Rule, Safety

PHRASES = "lexicon/boilerplate-phrases.txt"
PROFILES = "profiles/*.toml"

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "«": '"', "»": '"', "\u00a0": " "})
_WS_RE = regex.compile(r"\s+")
_TRAIL_RE = regex.compile(r"[\s:.…!>»›|\-–—]+$")
_LEAD_RE = regex.compile(r"^[\s•·*>»›\-–—]+")
_SENTENCE_END_RE = regex.compile(r"[.!?…][\"'”’»)\]]*$")
_WORD_RE = regex.compile(r"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*")


@dataclass(frozen=True, slots=True)
class Verdict:
    """One line a rule wants deleted (or, with ``span``, a part of a line to delete)."""

    rule: str
    line: Line
    safety: Safety
    message: str = ""
    span: tuple[int, int] | None = None  # a part of the line; None = the whole line
    edit_end: int | None = None  # end of the deleted text when it goes past the span


# --------------------------------------------------------------------------- text helpers


def norm(text: str) -> str:
    """Compare lines as a reader would: case, quote style, spacing and end marks ignored."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES).casefold()
    text = _WS_RE.sub(" ", text).strip()
    return _TRAIL_RE.sub("", _LEAD_RE.sub("", text))


def line_key(doc: Document, line: Line) -> str:
    """``norm`` of a line, computed once per document (several rules compare lines)."""
    keys = doc.cache.setdefault("boilerplate:keys", {})
    key = keys.get(line.number)
    if key is None:
        key = keys[line.number] = norm(line.text)
    return key


def words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def is_sentence(text: str) -> bool:
    """A line that ends like a sentence of running text."""
    return bool(_SENTENCE_END_RE.search(text.rstrip()))


def heading_like(text: str, max_words: int = 30) -> bool:
    """Short and not ending like a sentence: a title, a caption, a label."""
    return not is_sentence(text) and 0 < len(words(text)) <= max_words


def phrases(doc: Document) -> dict[str, list[str]]:
    """The lexicon of known phrases, by kind, normalised (read once per process)."""
    store = doc.cache["store"]

    def build() -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for item in store.lines(PHRASES):
            kind, sep, phrase = item.partition(":")
            if sep and phrase.strip():
                out.setdefault(kind.strip().casefold(), []).append(phrase.strip())
        return out

    return store.memo(f"boilerplate:phrases:{PHRASES}", build)


def _memo(doc: Document, key: str, build: Callable[[], object]) -> object:
    store = doc.cache.get("store")
    return store.memo(key, build) if store is not None else build()


def nonblank(doc: Document) -> list[Line]:
    key = "boilerplate:nonblank"
    if key not in doc.cache:
        doc.cache[key] = [ln for ln in doc.lines if not ln.blank]
    return doc.cache[key]


# --------------------------------------------------------------------------- classifiers
# Each classifier returns the verdicts of one rule; the rule ids are those of rules/boilerplate.toml.


def classify_repeated_title(doc: Document) -> list[Verdict]:
    """A later copy of a line already seen (the title, an item title, a timestamp): safe for a
    heading, unsafe for a sentence (a refrain in a speech is repeated on purpose).

    Exact copies only, ignoring case, quote style and spacing; a line needs three words so
    that short labels (`Photo`, a name) are left to the rules that know them."""
    out = []
    seen: dict[str, bool] = {}  # normalised line → whether its first copy ends like a sentence
    for line in nonblank(doc):
        key = line_key(doc, line)
        if key in seen and key.count(" ") >= 2 and len(words(key)) >= 3:
            if seen[key] != is_sentence(line.text):
                continue  # `Storm hits Britain` then `Storm hits Britain.`: a headline and its lead
            # a repeated heading is furniture; a repeated sentence may be a refrain of a speech
            stripped = line.text.strip()
            whole = heading_like(stripped) and stripped[-1] not in ",;:-–—(" and not stripped[0].islower()
            safety = Safety.SAFE if whole else Safety.UNSAFE
            out.append(Verdict("boilerplate.repeated-title", line, safety, "A repeated copy of an earlier line."))
        seen.setdefault(key, is_sentence(line.text))
    return out


def classify_near_repeat(doc: Document) -> list[Verdict]:
    """A heading that repeats the heading just before it, cut short or with a prefix, and a
    teaser line that repeats the start of the paragraph after it: unsafe (which copy is the
    better one is a judgement)."""
    out = []
    lines = nonblank(doc)
    exact = {v.line.number for v in verdicts(doc, "boilerplate.repeated-title")} | set(_credit_lines(doc))
    for i, line in enumerate(lines):
        if line.number in exact:
            continue
        key = line_key(doc, line)
        nkey = len(words(key))
        if heading_like(line.text) and nkey >= 4:
            for prev in lines[max(0, i - 1) : i]:
                pkey = line_key(doc, prev)
                if pkey == key or not heading_like(prev.text):
                    continue
                shorter = min(nkey, len(words(pkey)))
                # cut short (`…cocoa set`) or with a tag prefix (`Death of Nahel: …`); a line that
                # goes on after the heading is a subtitle and stays
                if shorter >= 4 and (pkey.startswith(key) or key.endswith(pkey)):
                    out.append(Verdict("boilerplate.near-repeat", line, Safety.UNSAFE,
                                       "A truncated or extended copy of the heading above it."))
                    break
        elif i <= 2 and is_sentence(line.text) and nkey >= 6:
            # a standfirst that repeats the first sentence of the lead (after a kicker label)
            for nxt in lines[i + 1 : i + 4]:
                body = norm(_KICKER_RE.sub("", nxt.text, count=1))
                if len(body) > len(key) + 20 and body.startswith(key):
                    out.append(Verdict("boilerplate.near-repeat", line, Safety.UNSAFE,
                                       "A teaser line repeating the start of the lead below it."))
                    break
    return out


def _prompt_set(doc: Document) -> frozenset[str]:
    return _memo(doc, f"boilerplate:prompts:{PHRASES}", lambda: frozenset(norm(p) for p in phrases(doc).get("prompt", [])))


def _label_re(doc: Document) -> regex.Pattern[str]:
    def build() -> regex.Pattern[str]:
        items = sorted(phrases(doc).get("label", []), key=len, reverse=True)
        alt = "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in items) or "(?!)"
        return regex.compile(rf"^\s*(?:{alt})\s*:\s*(?P<items>\S.*)$", regex.IGNORECASE)

    return _memo(doc, f"boilerplate:labels:{PHRASES}", build)


_POST_FOOTER_RE = regex.compile(
    r"^\s*The post .{1,250}? appeared first on .{1,100}?\.?\s*$|"
    # the paywall notice of news sites, in English and in French
    r"^\s*You have \d{1,3}\s?% of this article left to read\b.{0,120}$|"
    r"^\s*Il vous reste \d{1,3}\s?% de cet article à lire\b.{0,120}$",
    regex.IGNORECASE,
)


def _tag_list(items: str) -> bool:
    """`Mali, Sahel, AES` or `Mali | Sahel`: short items, no sentence."""
    parts = [p.strip() for p in regex.split(r"[,|;/·•]", items) if p.strip()]
    return bool(parts) and not is_sentence(items) and all(len(words(p)) <= 5 for p in parts) and len(parts) <= 25


def _lead_re(doc: Document) -> regex.Pattern[str]:
    def build() -> regex.Pattern[str]:
        items = sorted(phrases(doc).get("lead", []), key=len, reverse=True)
        alt = "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in items) or "(?!)"
        return regex.compile(rf"^\s*(?:{alt})\b", regex.IGNORECASE)

    return _memo(doc, f"boilerplate:leads:{PHRASES}", build)


def classify_page_prompt(doc: Document) -> list[Verdict]:
    """A line that is exactly a known comment, share, newsletter or navigation prompt, a tag or
    category line (`Tags: Mali, Sahel`), or WordPress's `The post … appeared first on …`: safe."""
    prompts = _prompt_set(doc)
    labels = _label_re(doc)
    out = []
    for ln in nonblank(doc):
        text = ln.text
        first = text.lstrip(" \t•·*>»›-–—")[:1]
        if not first.isupper():
            continue  # a prompt is a label (`Leave a Reply`); `like this:` is a wrapped sentence
        if len(text) <= 80 and line_key(doc, ln) in prompts:
            out.append(Verdict("boilerplate.page-prompt", ln, Safety.SAFE, f"Page prompt left by the scraper: {text.strip()!r}."))
        elif len(text) <= 400 and (m := labels.match(text)) and _tag_list(m.group("items")):
            out.append(Verdict("boilerplate.page-prompt", ln, Safety.SAFE, "A tag or category line of the page."))
        elif len(words(text)) <= 20 and _lead_re(doc).match(text) and text.count(". ") == 0:
            out.append(Verdict("boilerplate.page-prompt", ln, Safety.SAFE, "A call to action of the page."))
        elif len(text) <= 400 and _POST_FOOTER_RE.match(text):
            out.append(Verdict("boilerplate.page-prompt", ln, Safety.SAFE, "The feed footer of the source site."))
    return out


def _related_re(doc: Document) -> regex.Pattern[str]:
    def build() -> regex.Pattern[str]:
        items = sorted(phrases(doc).get("related", []), key=len, reverse=True)
        alt = "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in items) or "(?!)"
        return regex.compile(rf"^\s*(?:>>|»|›)?\s*(?P<lead>{alt})(?P<sep>\s*[:>»›|\-–—]+\s*|\s*|(?=\p{{Lu}}|\d))(?P<rest>.*)$",
                             regex.IGNORECASE)

    return _memo(doc, f"boilerplate:related:{PHRASES}", build)


_ARROW_LINK_RE = regex.compile(r"^\s*(?:>>|»»|→|►|▶)\s*\S")


def classify_related_link(doc: Document) -> list[Verdict]:
    """A related-article teaser: a known lead (`Also read`, `Lire aussi`) glued to or followed
    by a colon and a linked title, or a `>>` link line. Safe in those forms; unsafe when the lead
    is followed by a plain space and a capital, which a sentence could also do."""
    pat = _related_re(doc)
    out = []
    for ln in nonblank(doc):
        text = ln.text
        if len(text) > 300:
            continue
        m = pat.match(text)
        if m:
            rest, sep = m.group("rest").strip(), m.group("sep")
            if not rest and line_key(doc, ln) in _prompt_set(doc):
                continue  # a bare `Read more` is a page prompt: one finding, not two
            if not rest:
                safety = Safety.SAFE
            elif sep.strip() or (sep == "" and (rest[:1].isupper() or rest[:1].isdigit())):
                safety = Safety.SAFE  # `Also readDouble attack…`, `Read also: …`
            elif rest[:1].isupper() and not is_sentence(text) and " " in m.group("lead").strip():
                safety = Safety.UNSAFE  # `See also The report…` (a one-word lead such as `Related Rights` reads on)
            else:
                continue
            out.append(Verdict("boilerplate.related-link", ln, safety, "A related-article link line."))
        elif _ARROW_LINK_RE.match(text) and not is_sentence(text) and len(words(text)) <= 25:
            out.append(Verdict("boilerplate.related-link", ln, Safety.SAFE, "A `>>` link line."))
    return out


_TIMESTAMP_RE = regex.compile(r"^\s*(\d{10}|\d{13})\s*$")
# unix seconds between 2001-09-09 and 2038-01-19: page render stamps, not figures of the text
_TS_MIN, _TS_MAX = 1_000_000_000, 2_147_483_647


def classify_unix_timestamp(doc: Document) -> list[Verdict]:
    """A bare unix timestamp alone on a line (`1727014146`): safe."""
    out = []
    for ln in nonblank(doc):
        m = _TIMESTAMP_RE.match(ln.text)
        if m:
            value = int(m.group(1)[:10])
            if _TS_MIN <= value <= _TS_MAX:
                out.append(Verdict("boilerplate.unix-timestamp", ln, Safety.SAFE, "A unix timestamp left by the page."))
    return out


_HASHTAG_RE = regex.compile(r"^#[\p{L}\p{N}_]+[.,;]?$")


def classify_hashtag_line(doc: Document) -> list[Verdict]:
    """A line of tags: all hashtags (safe), or mostly hashtags (unsafe)."""
    out = []
    for ln in nonblank(doc):
        toks = ln.text.split()
        tags = sum(1 for t in toks if _HASHTAG_RE.match(t))
        if tags >= 2 and tags == len(toks):
            out.append(Verdict("boilerplate.hashtag-line", ln, Safety.SAFE, "A line of hashtags."))
        elif tags >= 3 and tags / len(toks) >= 0.6:
            out.append(Verdict("boilerplate.hashtag-line", ln, Safety.UNSAFE, "A line made mostly of hashtags."))
    return out


_READING_TIME_RES = [
    regex.compile(r"^\s*(?:reading time|read time|time to read|temps de lecture|lecture)\s*:?\s*\d{1,2}\s*(?:min|mins|minutes?|mn)\.?\s*$", regex.I),
    regex.compile(r"^\s*\d{1,2}\s*(?:min|mins|minutes?|mn)(?:\s*(?:read|reading|de lecture))?\.?\s*$", regex.I),
    regex.compile(r"^\s*(?:published|posted|publié)\b.{0,80}?\b(?:updated|mis à jour|modified)\b.{0,80}?"
                  r"(?:reading time|read time|temps de lecture)\s*:?\s*\d{1,2}\s*(?:min|mins|minutes?|mn)\.?\s*$", regex.I),
]


_PUBLISHED_UPDATED_RE = regex.compile(
    r"^\s*(?:published|posted|publié)\b[^.!?]{0,60}?\d[^.!?]{0,40}?\b(?:updated|mis à jour|modified)\b[^!?]{0,60}?\d[^!?]{0,30}$",
    regex.I,
)


_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre")
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi "
                      "samedi dimanche today yesterday".split())
# `News 21 October, 2017`: a breadcrumb (section name) run into the page date
_SECTION_DATE_RE = regex.compile(
    rf"^\s*(?P<section>\p{{Lu}}[\p{{L}}\-]+(?:\s+\p{{Lu}}[\p{{L}}\-]+)?)\s+"
    rf"(?:\d{{1,2}}\s+(?:{_MONTHS})|(?:{_MONTHS})\s+\d{{1,2}}),?\s+\d{{4}}\s*$",
    regex.IGNORECASE,
)


def classify_reading_time(doc: Document) -> list[Verdict]:
    """`Reading time: 1 min`, a bare `1 min`, `Published … Updated … Reading time: 2 min`: safe.
    `Published on … Updated on …` without a reading time: unsafe (a dateline may be wanted)."""
    out = []
    for ln in nonblank(doc):
        if len(ln.text) > 200:
            continue
        if any(p.match(ln.text) for p in _READING_TIME_RES):
            out.append(Verdict("boilerplate.reading-time", ln, Safety.SAFE, "Reading-time or publication metadata of the page."))
        elif _PUBLISHED_UPDATED_RE.match(ln.text):
            out.append(Verdict("boilerplate.reading-time", ln, Safety.UNSAFE, "Publication and update times of the page."))
        elif (m := _SECTION_DATE_RE.match(ln.text)) and not _WEEKDAYS & set(m.group("section").casefold().split()):
            out.append(Verdict("boilerplate.reading-time", ln, Safety.UNSAFE, "A breadcrumb and the page date."))
    return out


_SLUG_RE = regex.compile(r"^\s*[a-z0-9]+(?:[-_][a-z0-9]+){2,}\s*$")


def classify_page_slug(doc: Document) -> list[Verdict]:
    """`rf-2-sports`: a page slot or category slug alone on one of the first or last three lines."""
    lines = nonblank(doc)
    edge = {ln.number for ln in lines[:3] + lines[-3:]}
    return [
        Verdict("boilerplate.page-slug", ln, Safety.SAFE, "A page slug or slot name left by the scraper.")
        for ln in lines
        if ln.number in edge and _SLUG_RE.match(ln.text) and any(c.isalpha() for c in ln.text)
    ]


_SOURCE_RE = regex.compile(
    r"^\s*sources?\s*:?\s*(?:site-\d+|https?://\S+|www\.\S+|[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|fr|ca|info|news|ro|be|ch)/?\S*)\s*$",
    regex.I,
)


def classify_source_footer(doc: Document) -> list[Verdict]:
    """`source site-29`, `Source: example.com`: the aggregator's footer pointing at its source."""
    return [
        Verdict("boilerplate.source-footer", ln, Safety.SAFE, "The aggregator's source footer.")
        for ln in nonblank(doc)
        if _SOURCE_RE.match(ln.text)
    ]


def _credit_re(doc: Document) -> regex.Pattern[str]:
    def build() -> regex.Pattern[str]:
        items = sorted(phrases(doc).get("credit", []), key=len, reverse=True)
        alt = "|".join(regex.escape(p) for p in items) or "(?!)"
        # (BERTRAND GUAY / AFP), (Photo AFP), (AFP), (Name/Reuters)
        return regex.compile(
            rf"\(\s*(?:(?:photo|crédit|credit|image)s?\s*:?\s*)?(?:[\p{{L}}.'’\- ]{{2,60}}?\s*/\s*)?(?:{alt})"
            rf"(?:\s*/\s*[\p{{L}} ]{{2,30}})?\s*\)\s*$",
            regex.I,
        )

    return _memo(doc, f"boilerplate:credit:{PHRASES}", build)


_PHOTO_LINE_RE = regex.compile(
    r"^\s*(?:photo|photos|photo credit|photo credits|credit|credits|crédit|crédits|crédit photo|image|illustration|"
    r"photo d['’]illustration|video|vidéo)\s*:\s*\S.{0,80}$",
    regex.I,
)
_COPYRIGHT_RE = regex.compile(r"(?:©|\(c\)|copyright\b)\s*", regex.I)


_CREDIT_PARTICLES = frozenset("de du des la le van von der den da di via and et for images photo photos".split())


def _credit_text(text: str) -> bool:
    """What follows `©` is a credit: a few names, agencies or a year, not a sentence."""
    ws = words(text)
    return 0 < len(ws) <= 10 and len(text) <= 80 and all(
        w[0].isupper() or w[0].isdigit() or w in _CREDIT_PARTICLES for w in ws
    )


def _credit_lines(doc: Document) -> dict[int, tuple[str, str]]:
    """Line number → (kind, caption text before the credit) for every line carrying a credit."""
    key = "boilerplate:credits"
    if key in doc.cache:
        return doc.cache[key]
    cre = _credit_re(doc)
    out: dict[int, tuple[str, str]] = {}
    for ln in nonblank(doc):
        text = ln.text
        if len(text) > 600:
            continue
        m = _COPYRIGHT_RE.search(text)
        if m and "©" in m.group() and _credit_text(text[m.end() :]):
            out[ln.number] = ("copyright", text[: m.start()].strip())
            continue
        if _PHOTO_LINE_RE.match(text) and not is_sentence(text) and len(words(text)) <= 14:
            rest = text.split(":", 1)[1]
            # `Photo: Radio-Canada / NAME` is a bare credit; `Photo: Biden speaks… (AP Photo/…)` a caption
            out[ln.number] = ("photo-line", "" if _credit_text(rest.replace("/", " ")) else rest.strip())
            continue
        b = cre.search(text)
        if b and (b.start() == len(text) - len(text.lstrip()) or "/" in b.group() or len(words(text)) <= 30):
            out[ln.number] = ("bracket", text[: b.start()].strip())
    doc.cache[key] = out
    return out


def _neighbours(doc: Document, line: Line, span: int = 3) -> Iterator[Line]:
    lines = nonblank(doc)
    if "boilerplate:index" not in doc.cache:
        doc.cache["boilerplate:index"] = {ln.number: i for i, ln in enumerate(lines)}
    idx = doc.cache["boilerplate:index"][line.number]
    yield from lines[max(0, idx - span) : idx]
    yield from lines[idx + 1 : idx + 1 + span]


def classify_photo_credit(doc: Document) -> list[Verdict]:
    """A credit line: `Photo: Radio-Canada / NAME`, `(NAME / AFP)` or `© Reuters` alone, or a
    title that repeats a nearby line followed by `© France 24` (a video embed): safe."""
    out = []
    for ln in nonblank(doc):
        found = _credit_lines(doc).get(ln.number)
        if not found:
            continue
        _kind, caption = found
        ckey = norm(caption) if caption else ""
        if not caption or (len(words(caption)) >= 2 and any(line_key(doc, n) == ckey for n in _neighbours(doc, ln))):
            out.append(Verdict("boilerplate.photo-credit", ln, Safety.SAFE, "A photo or video credit line."))
    return out


def classify_photo_caption(doc: Document) -> list[Verdict]:
    """A caption: a line ending with a credit (`… © Name, Reuters`, `… (NAME / AFP)`), or a
    short line without final punctuation right above a credit line: unsafe."""
    credits = _credit_lines(doc)
    safe_credit = {v.line.number for v in verdicts(doc, "boilerplate.photo-credit")}
    lines = nonblank(doc)
    out = []
    for i, ln in enumerate(lines):
        found = credits.get(ln.number)
        if found and ln.number not in safe_credit and found[1]:
            out.append(Verdict("boilerplate.photo-caption", ln, Safety.UNSAFE, "A photo caption with its credit."))
        elif (
            not found
            and i + 1 < len(lines)
            and credits.get(lines[i + 1].number, ("", "x"))[1] == ""
            and heading_like(ln.text, 40)
            and ln is not doc.title
        ):
            out.append(Verdict("boilerplate.photo-caption", ln, Safety.UNSAFE, "A photo caption above its credit line."))
    return out


def classify_video_title(doc: Document) -> list[Verdict]:
    """The title of an embedded video: a heading repeated just below with a `© credit`."""
    credits = _credit_lines(doc)
    lines = nonblank(doc)
    out = []
    for i, ln in enumerate(lines):
        if ln.number in credits or not heading_like(ln.text) or len(words(ln.text)) < 2:
            continue
        for nxt in lines[i + 1 : i + 3]:
            found = credits.get(nxt.number)
            if found and found[0] == "copyright" and norm(found[1]) == line_key(doc, ln):
                out.append(Verdict("boilerplate.video-title", ln, Safety.UNSAFE, "The title of an embedded video."))
                break
    return out


_AGENCY_LINE_RE = regex.compile(r"^\s*\p{Lu}{2,6}\s+(?:news\s+|press\s+)?(?:agency|Agency|AGENCY)\s*$")
_BYLINE_RE = regex.compile(
    r"^\s*(?:(?:article )?written by|article rédigé par|rédigé par|by|par)\s*:?\s*"
    r"(?:\p{Lu}[\p{L}'’.\-]*\s*){1,5}(?:follow|suivre|\+ follow)\s*$|"
    r"^\s*(?:article written by|article rédigé par)\b.{0,80}$|"
    r"^\s*(?:by|par)\s*:?\s+(?:the\s+|la\s+)?(?:editorial\s+(?:staff|team|board)|staff|newsroom|rédaction|editor|admin)\s*$",
    regex.I,
)


def classify_byline(doc: Document) -> list[Verdict]:
    """`Article written by …`, `By: Name Follow` (the social button's text), and an agency
    credit line (`QMI agency`): unsafe."""
    return [
        Verdict("boilerplate.byline", ln, Safety.UNSAFE, "A byline or credit line with page furniture.")
        for ln in nonblank(doc)
        if not is_sentence(ln.text) and (_BYLINE_RE.match(ln.text) or _AGENCY_LINE_RE.match(ln.text))
    ]


_LINE_CLASSIFIERS: dict[str, Callable[[Document], list[Verdict]]] = {
    "boilerplate.repeated-title": classify_repeated_title,
    "boilerplate.near-repeat": classify_near_repeat,
    "boilerplate.page-prompt": classify_page_prompt,
    "boilerplate.related-link": classify_related_link,
    "boilerplate.unix-timestamp": classify_unix_timestamp,
    "boilerplate.hashtag-line": classify_hashtag_line,
    "boilerplate.reading-time": classify_reading_time,
    "boilerplate.source-footer": classify_source_footer,
    "boilerplate.photo-credit": classify_photo_credit,
    "boilerplate.photo-caption": classify_photo_caption,
    "boilerplate.video-title": classify_video_title,
    "boilerplate.byline": classify_byline,
    "boilerplate.page-slug": classify_page_slug,
}


# --------------------------------------------------------------------------- deletion plan


def _plan(doc: Document) -> frozenset[int]:
    """Numbers of the lines that some boilerplate line rule deletes (shared by all rules)."""
    key = "boilerplate:plan"
    if key not in doc.cache:
        marked: set[int] = set()
        for rule_id in _LINE_CLASSIFIERS:
            marked.update(v.line.number for v in verdicts(doc, rule_id))
        if doc.cache.get("store") is not None:
            marked.update(v.line.number for v in profile_verdicts(doc, "boilerplate.site-profile", PROFILES))
        doc.cache[key] = frozenset(marked)
    return doc.cache[key]


def _break_end(doc: Document, line: Line) -> int:
    text = doc.text
    if text.startswith("\r\n", line.end):
        return line.end + 2
    if text.startswith("\n", line.end) or text.startswith("\r", line.end):
        return line.end + 1
    return line.end


def _plan_safety(doc: Document) -> dict[int, Safety]:
    """Planned line → SAFE when a safe rule deletes it (it goes even without ``--unsafe``)."""
    key = "boilerplate:plan-safety"
    if key not in doc.cache:
        out: dict[int, Safety] = {}
        for rule_id in _LINE_CLASSIFIERS:
            for v in verdicts(doc, rule_id):
                if out.get(v.line.number) is not Safety.SAFE:
                    out[v.line.number] = v.safety
        if doc.cache.get("store") is not None:
            for v in profile_verdicts(doc, "boilerplate.site-profile", PROFILES):
                if out.get(v.line.number) is not Safety.SAFE:
                    out[v.line.number] = v.safety
        doc.cache[key] = out
    return doc.cache[key]


def deletion_edits(doc: Document, line: Line, planned: frozenset[int] | None = None) -> tuple[Edit, ...]:
    """The edits that delete ``line`` so that, with the other planned deletions, the text keeps
    one blank line between paragraphs and gains no blank line at its start or end.

    A block of debris lines between two paragraphs gives back its blank lines through one of
    its lines: the last one, or, when the block mixes unsafe and safe lines, the last unsafe
    one, so that applying only the safe deletions still leaves the paragraphs apart."""
    safety = _plan_safety(doc) if planned is None else {}
    if planned is None:
        planned = _plan(doc)
        if "boilerplate:kept" not in doc.cache:
            doc.cache["boilerplate:kept"] = [ln.number for ln in nonblank(doc) if ln.number not in planned]
        kept = doc.cache["boilerplate:kept"]
    else:
        planned = planned | {line.number}
        kept = [ln.number for ln in nonblank(doc) if ln.number not in planned]
    lines = doc.lines
    idx = line.number - 1
    pos = bisect.bisect_left(kept, line.number)
    has_before, next_kept = pos > 0, (kept[pos] if pos < len(kept) else None)
    if next_kept is None and has_before:
        # tail debris: take the line break before the line and any blank lines between
        j = idx - 1
        while j >= 0 and lines[j].blank:
            j -= 1
        start = lines[j].end if j >= 0 else 0
        return (Edit(start, line.end, ""),)
    # head or middle: the line and its break, plus the blank lines after its block when the
    # block had a blank line before it (one blank line survives), or at the head of the text
    first = idx
    while first > 0 and not lines[first - 1].blank and lines[first - 1].number in planned:
        first -= 1
    last = idx
    while last + 1 < len(lines) and not lines[last + 1].blank and lines[last + 1].number in planned:
        last += 1
    block = range(first, last + 1)
    gives_back = (not has_before or (first > 0 and lines[first - 1].blank)) and last + 1 < len(lines) \
        and lines[last + 1].blank
    edits = [Edit(line.start, _break_end(doc, line), "")]
    if gives_back:
        unsafe = [i for i in block if safety.get(i + 1) is Safety.UNSAFE]
        taker = unsafe[-1] if unsafe and safety.get(last + 1) is Safety.SAFE else last
        if taker == idx:
            j, end = last + 1, _break_end(doc, lines[last])
            start = end
            while j < len(lines) and lines[j].blank and next_kept is not None and lines[j].number < next_kept:
                end = _break_end(doc, lines[j])
                j += 1
            if idx == last:
                edits = [Edit(line.start, end, "")]
            elif end > start:
                edits.append(Edit(start, end, ""))
    return tuple(edits)


def emit(doc: Document, rule: Rule, verdicts: list[Verdict]) -> Iterator[Finding]:
    for v in verdicts:
        if v.span is None:
            edits = deletion_edits(doc, v.line)
            yield rule.finding(v.line.start, v.line.end, message=v.message or None, safety=v.safety, edits=edits,
                               title="Delete the line")
        else:
            s, e = v.span
            yield rule.finding(s, e, message=v.message or None, safety=v.safety,
                               edits=(Edit(s, v.edit_end if v.edit_end is not None else e, ""),), title="Delete it")


LINE_RULES = tuple(_LINE_CLASSIFIERS)


def verdicts(doc: Document, rule_id: str) -> list[Verdict]:
    """The verdicts of one line classifier on ``doc``, computed once per document."""
    key = f"boilerplate:verdicts:{rule_id}"
    if key not in doc.cache:
        doc.cache[key] = _LINE_CLASSIFIERS[rule_id](doc)
    return doc.cache[key]


def _line_rule(rule_id: str) -> Callable[[Document, Rule], Iterator[Finding]]:
    def detect(doc: Document, rule: Rule) -> Iterator[Finding]:
        yield from emit(doc, rule, verdicts(doc, rule_id))

    detect.__doc__ = _LINE_CLASSIFIERS[rule_id].__doc__
    return detect


repeated_title = _line_rule("boilerplate.repeated-title")
near_repeat = _line_rule("boilerplate.near-repeat")
page_prompt = _line_rule("boilerplate.page-prompt")
related_link = _line_rule("boilerplate.related-link")
unix_timestamp = _line_rule("boilerplate.unix-timestamp")
hashtag_line = _line_rule("boilerplate.hashtag-line")
reading_time = _line_rule("boilerplate.reading-time")
source_footer = _line_rule("boilerplate.source-footer")
photo_credit = _line_rule("boilerplate.photo-credit")
photo_caption = _line_rule("boilerplate.photo-caption")
video_title = _line_rule("boilerplate.video-title")
byline = _line_rule("boilerplate.byline")
page_slug = _line_rule("boilerplate.page-slug")


# --------------------------------------------------------------------------- parts of lines

_KICKER_RE = regex.compile(
    r"^\s*(?:[«“\"]\s*)?(?P<label>\p{Lu}[\p{Lu}\p{N}'’\- ]{2,40}?)(?:\s*[?!])?(?:\s*[»”\"])?\s*:\s+(?=[«“\"]?\p{Lu})"
)
_GLUED_LABEL_RE = regex.compile(
    r"^\s*(?P<label>\p{Lu}[\p{L}'’\-]+(?: (?:\p{Lu}[\p{L}'’\-]+|of|de|du|la|le|the|and|et)){0,3})\. (?=[\"“«]?\p{Lu})"
)
_UPDATE_STAMP_RE = regex.compile(
    r"^\s*\[(?:updated?|update|last updated|mis à jour|mise à jour|maj|màj|publié)\b[^\[\]\n]{0,60}\]\s*", regex.I
)


def _is_dateline(doc: Document, label: str) -> bool:
    """`NEW DELHI`, `NIAMEY/BAMAKO`, `NICE, FRANCE`: a place opening the lead, not a kicker."""
    places = _memo(doc, f"boilerplate:datelines:{PHRASES}",
                   lambda: frozenset(norm(p) for p in phrases(doc).get("dateline", [])))
    parts = [norm(p) for p in regex.split(r"[/,]", label) if p.strip()]
    return bool(parts) and all(p in places for p in parts)


def section_label(doc: Document, rule: Rule) -> Iterator[Finding]:
    """A section or kicker label glued to the start of a paragraph: `END OF SERVICE: Due to…`,
    `« NEVERMORE ? »: The…`, or in the headline and lead, `Ivory Coast. "It's…`, where a one- to
    four-word capitalised label ends with a full stop. Unsafe: the label may be a short sentence."""
    not_labels = {w.casefold() for w in rule.params.get("not_labels", [])}
    lines = nonblank(doc)
    planned = _plan(doc)
    for i, ln in enumerate(lines):
        text = ln.text
        if ln.number in planned:
            continue  # the whole line goes (`READ ALSO: …` is a related link, not a label)
        m = _KICKER_RE.match(text)
        # a kicker opens the lead, right under a headline; mid-article capitals (`WHAT'S NEXT:`)
        # are the outlet's own subheads
        if m and i > 0 and heading_like(lines[i - 1].text) and not _is_dateline(doc, m.group("label")):
            label = m.group("label").strip()
            letters = [c for c in label if c.isalpha()]
            if len(letters) >= 3 and all(c.isupper() for c in letters) and len(label.split()) <= 5 \
                    and len(words(text[m.end():])) >= 4:
                lead = len(text) - len(text.lstrip())
                yield rule.finding(ln.start + lead, ln.start + m.end(), "", safety=Safety.UNSAFE,
                                   message="A section label glued to the first sentence.")
                continue
        if i > 1:
            continue
        g = _GLUED_LABEL_RE.match(text)
        if g and len(words(text[g.end():])) >= 5:
            label = g.group("label")
            if label.casefold() in not_labels or label.split()[0].casefold() in not_labels:
                continue
            yield rule.finding(ln.start + g.start("label"), ln.start + g.end(), "", safety=Safety.UNSAFE,
                               message="A section label glued to the headline or the lead.")


def update_stamp(doc: Document, rule: Rule) -> Iterator[Finding]:
    """`[Updated March 13, 2023 at 7:34 p.m.]` opening a paragraph: the page's update stamp."""
    for ln in nonblank(doc):
        m = _UPDATE_STAMP_RE.match(ln.text)
        if m and len(m.group().strip()) < len(ln.text.strip()):
            s = ln.start + ln.text.index("[")
            e = ln.start + ln.text.index("]", s - ln.start) + 1
            yield rule.finding(s, e, message=None, safety=rule.safety, edits=(Edit(s, ln.start + m.end(), ""),),
                               title="Delete the update stamp")


_SITE_SUFFIX_RE = regex.compile(r"\s+\|\s+(?:\p{Lu}[\p{L}\p{N}.'’&\-]*)(?:\s+[\p{Lu}\p{N}][\p{L}\p{N}.'’&\-]*){0,4}\s*$")


def title_site_suffix(doc: Document, rule: Rule) -> Iterator[Finding]:
    """` | CBC News` after the headline: the source site's name from the HTML title."""
    title = doc.title
    if title is None:
        return
    m = _SITE_SUFFIX_RE.search(title.text)
    if m and len(words(title.text[: m.start()])) >= 3:
        s, e = title.start + m.start(), title.start + m.end()
        yield rule.finding(s, e, "", safety=rule.safety)


# --------------------------------------------------------------------------- site profiles


def _profiles(doc: Document, pattern: str) -> list[dict]:
    store = doc.cache["store"]

    def build() -> list[dict]:
        out = []
        for table in store.tables(pattern, "profile"):
            where = f"{table.get('_file', '?')}: profile {table.get('site', '?')!r}"
            flags = regex.IGNORECASE if table.get("ignorecase") else 0
            try:
                out.append({
                    "site": table.get("site", "?"),
                    **{key: [regex.compile(p, flags) for p in table.get(key, [])]
                       for key in ("when", "header", "footer", "lines")},
                    "window": int(table.get("window", 6)),
                    "safety": Safety(table.get("safety", "unsafe")),
                })
            except (regex.error, ValueError, TypeError) as exc:
                raise DataError(f"{where}: {exc}") from None
        return out

    return store.memo(f"boilerplate:profiles:{pattern}", build)


def profile_verdicts(doc: Document, rule_id: str, pattern: str) -> list[Verdict]:
    lines = nonblank(doc)
    out: dict[int, Verdict] = {}
    for prof in _profiles(doc, pattern):
        if prof["when"] and not any(p.search(doc.text, timeout=1.0) for p in prof["when"]):
            continue
        w = prof["window"]
        zones = ((prof["header"], lines[:w]), (prof["footer"], lines[-w:]), (prof["lines"], lines))
        for pats, zone in zones:
            for ln in zone:
                try:
                    hit = ln.number not in out and any(p.search(ln.text, timeout=1.0) for p in pats)
                except TimeoutError:
                    raise DataError(f"profile {prof['site']!r}: a pattern timed out on line {ln.number}") from None
                if hit:
                    out[ln.number] = Verdict(rule_id, ln, prof["safety"],
                                             f"Page debris of {prof['site']} (site profile).")
    return sorted(out.values(), key=lambda v: v.line.number)


def site_profile(doc: Document, rule: Rule) -> Iterator[Finding]:
    """Lines matched by a site profile (``profiles/*.toml`` of every rules folder)."""
    verdicts = profile_verdicts(doc, rule.id, str(rule.params.get("profiles", PROFILES)))
    yield from emit(doc, rule, verdicts)


def profile_example_problems(rule_dirs: tuple[Path, ...] = ()) -> list[str]:
    """Run the ``[[profile.example]]`` of every site profile (bundled and in ``rule_dirs``)
    as rule examples of ``boilerplate.site-profile``; returns one line per failing example."""
    from ..engine import Config, Fixer
    from ..examples import check_example
    from ..model import Example

    fixer = Fixer(Config(select=("boilerplate.site-profile",), rule_dirs=rule_dirs))
    rule = fixer.rules[0]
    problems = []
    for table in fixer.store.tables(PROFILES, "profile"):
        for i, ex in enumerate(table.get("example", [])):
            ok, detail = check_example(fixer.runner(rule.id), rule, Example(**ex))
            if not ok:
                problems.append(f"{table.get('_file')}: profile {table.get('site')!r} example {i + 1}: {detail}")
    return problems
