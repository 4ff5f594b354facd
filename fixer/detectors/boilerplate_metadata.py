"""Page metadata lines: unix timestamps, hashtag lines, reading times and publication stamps,
page slugs and the aggregator's source footer. Each is recognised by its shape (digits, tags,
a date), never by the words of one site.
"""

from __future__ import annotations

import regex

from ..document import Document
from ..lazypattern import lazy
from ..model import Safety
from .boilerplate_common import (
    VERDICT_LINE,
    Verdict,
    classifier,
    digit_ended,
    digit_led,
    gate_prefixes,
    gated_indices,
    gated_lines,
    key_list,
    keys_gate,
    lines_holding,
    may_open,
    nonblank,
    norm,
    opening_chars,
)

_TIMESTAMP_RE = lazy(regex.compile, r"^\s*(\d{10}|\d{13})\s*$")
# a page's machine timestamp alone on a line (`2025-09-12T19:48:03-04:00`): the `T` between date
# and time is ISO 8601's, which no prose writes
_ISO_STAMP_RE = lazy(regex.compile, r"^\s*\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+\-]\d{2}:?\d{2})?\s*$")
# characters that are neither a figure (``\d``) nor white space (``\s``) in any Unicode version
_PROSE_ENDS = frozenset(".,;:!?…\"'”’»)]")
# unix seconds between 2001-09-09 and 2038-01-19: page render stamps, not figures of the text
_TS_MIN, _TS_MAX = 1_000_000_000, 2_147_483_647


@classifier("boilerplate.unix-timestamp")
def classify_unix_timestamp(doc: Document) -> list[Verdict]:
    """A bare unix timestamp alone on a line (`1727014146`): safe."""
    out = []
    lines = nonblank(doc)
    if keys_gate(doc):  # (see keys_gate) the key of a matching line is its figures alone
        keys = key_list(doc)
        lines = [lines[i] for i in digit_led(doc) if len(keys[i]) in (10, 13) or "t" in keys[i]]
    for ln in lines:
        if ln.text[-1] in _PROSE_ENDS:
            continue  # the pattern ends with a figure or white space; most lines end with a stop
        m = _TIMESTAMP_RE.match(ln.text)
        if m:
            value = int(m.group(1)[:10])
            if _TS_MIN <= value <= _TS_MAX:
                out.append(Verdict("boilerplate.unix-timestamp", ln, Safety.SAFE, "A unix timestamp left by the page."))
        elif _ISO_STAMP_RE.match(ln.text):
            out.append(Verdict("boilerplate.unix-timestamp", ln, Safety.SAFE, "A machine timestamp (ISO 8601) left by the page."))
    return out


_HASHTAG_RE = lazy(regex.compile, r"^#[\p{L}\p{N}_]+[.,;]?$")


def _is_hashtag(token: str) -> bool:
    r"""``_HASHTAG_RE`` matches ``token`` (which opens with `#`): told without the pattern when
    what follows the `#` (and one closing `.`, `,` or `;`) is all ``str.isalnum``, each such
    character being a ``\p{L}`` or ``\p{N}`` for ``regex`` (tests/test_perf_boiler3.py); other
    tokens are left to the pattern."""
    body = token[1:-1] if token[-1] in ".,;" else token[1:]
    return body.isalnum() or bool(_HASHTAG_RE.match(token))


@classifier("boilerplate.hashtag-line")
def classify_hashtag_line(doc: Document) -> list[Verdict]:
    """A line of tags: all hashtags (safe), or mostly hashtags (unsafe)."""
    out = []
    if "#" not in doc.text:
        return out  # every verdict needs two tokens starting with `#`
    lines = nonblank(doc)
    for ln in map(lines.__getitem__, lines_holding(doc, ("#",))):  # (the lines holding a `#`)
        toks = ln.text.split()
        tags = sum(1 for t in toks if t[0] == "#" and _is_hashtag(t))  # (the pattern opens with `#`)
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


_PUBLISHED_UPDATED_RE = lazy(regex.compile,
    # (a time's `p.m.` is no sentence's end)
    r"^\s*(?:published|posted|publié)\b(?:[ap]\.m\.|[^.!?]){0,60}?\d(?:[ap]\.m\.|[^.!?]){0,40}?\b(?:updated|mis à jour|modified)\b[^!?]{0,60}?\d[^!?]{0,30}$",
    regex.I,
)


_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre")
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi "
                      "samedi dimanche today yesterday".split())
# a publication stamp before the date (`Published June 4, 2025`) is a dateline, not a section:
# left alone like a bare date
_STAMP_WORDS = frozenset("published posted updated modified publié publiée modifié".split())
# `News 21 October, 2017`: a breadcrumb (section name) run into the page date
_SECTION_DATE_RE = lazy(regex.compile,
    rf"^\s*(?P<section>\p{{Lu}}[\p{{L}}\-]+(?:\s+\p{{Lu}}[\p{{L}}\-]+)?)\s+"
    rf"(?:\d{{1,2}}\s+(?:{_MONTHS})|(?:{_MONTHS})\s+\d{{1,2}}),?\s+\d{{4}}\s*$",
    regex.IGNORECASE,
)


_DIGIT_RE = lazy(regex.compile, r"\d")
_ASCII_DIGITS = frozenset("0123456789")
# the openings of _READING_TIME_RES (`reading time`, `read time`, `time to read`, `temps`, `lecture`,
# a figure, `published`, `posted`, `publié`) and of _PUBLISHED_UPDATED_RE
_READING_TIME_OPENING = opening_chars("rtlp0123456789", regex.I)
_PUBLISHED_OPENING = opening_chars("p", regex.I)
# the words that open the first pattern of _READING_TIME_RES, and those that open its last one and
# _PUBLISHED_UPDATED_RE (see gated_lines); the second opens with a figure
_READING_TIME_WORDS = ("reading time", "read time", "time to read", "temps de lecture", "lecture")
_PUBLISHED_WORDS = ("published", "posted", "publié")
_READING_TIME_GATE = gate_prefixes([*_READING_TIME_WORDS, *_PUBLISHED_WORDS])
_READING_TIME_KEYS = tuple(norm(w) for w in _READING_TIME_WORDS)
_PUBLISHED_KEYS = tuple(norm(w) for w in _PUBLISHED_WORDS)


def _holds_update(folded: str) -> bool:
    """The case-folded line holds a word that the last pattern of _READING_TIME_RES and
    _PUBLISHED_UPDATED_RE both require (case-insensitively: each character that ``regex``
    matches with one of their letters folds to it, but `İ` and `ı`)."""
    return "updated" in folded or "modified" in folded or "mis à jour" in folded


@classifier("boilerplate.reading-time")
def classify_reading_time(doc: Document) -> list[Verdict]:
    """`Reading time: 1 min`, a bare `1 min`, `Published … Updated … Reading time: 2 min`: safe.
    `Published on … Updated on …` without a reading time: unsafe (a dateline may be wanted)."""
    out = []
    lines = nonblank(doc)
    if keys_gate(doc):
        # (see keys_gate) a match opens with a figure or one of the words of its patterns, or
        # (the breadcrumb and date) ends with the figures of a year; how the key opens tells
        # which of the patterns a line may match
        keys, led = key_list(doc), digit_led(doc)
        picked = gated_indices(doc, _READING_TIME_GATE, [*led, *digit_ended(doc, 200)])  # (see below)
        candidates = [(lines[i], keys[i], i in led) for i in (range(len(lines)) if picked is None else picked)]
    else:
        candidates = [(ln, None, True) for ln in lines]
    rt_words, rt_figure, rt_published = _READING_TIME_RES
    for ln, key, figure in candidates:
        text = ln.text
        if len(text) > 200:
            continue
        # each pattern below needs a figure (minutes, a date, a year): a key opening or ending with
        # an ASCII digit shows one (folding makes no digit of another character)
        if (key is None or (key[:1] not in _ASCII_DIGITS and key[-1:] not in _ASCII_DIGITS)) and not _DIGIT_RE.search(text):
            continue
        # (each test before a pattern is a condition of it: how its lines open or end)
        if key is None:
            published = may_open(text, _PUBLISHED_OPENING)
            reading = may_open(text, _READING_TIME_OPENING) and any(p.match(text) for p in _READING_TIME_RES)
        else:
            # (both patterns of a publication line also need the word of its update, which
            # the folded line holds: keys_gate leaves out the texts with `İ` or `ı`)
            published = key.startswith(_PUBLISHED_KEYS) and _holds_update(text.casefold())
            reading = (
                (figure and ("m" in text or "M" in text) and rt_figure.match(text))  # (min, mn: a unix time has none)
                or (published and rt_published.match(text))
                or (key.startswith(_READING_TIME_KEYS) and rt_words.match(text))
            )
        if reading:
            out.append(Verdict("boilerplate.reading-time", ln, Safety.SAFE, "Reading-time or publication metadata of the page."))
        elif published and _PUBLISHED_UPDATED_RE.match(text):
            out.append(Verdict("boilerplate.reading-time", ln, Safety.UNSAFE, "Publication and update times of the page."))
        elif (
            text[-1] not in _PROSE_ENDS  # the page date ends the line
            and text.lstrip()[:1] not in _ASCII_DIGITS  # (the section opens with a letter: not a timestamp)
            and len(text.split(None, 5)) <= 5  # (a section of two words at most, a date: five chunks at most)
            and (m := _SECTION_DATE_RE.match(text))
            and not (_WEEKDAYS | _STAMP_WORDS) & set(m.group("section").casefold().split())
        ):
            out.append(Verdict("boilerplate.reading-time", ln, Safety.UNSAFE, "A breadcrumb and the page date."))
    return out


_SLUG_RE = lazy(regex.compile, r"^\s*[a-z0-9]+(?:[-_][a-z0-9]+){2,}\s*$")
_SLUG_OPENING = opening_chars("abcdefghijklmnopqrstuvwxyz0123456789")


@classifier("boilerplate.page-slug")
def classify_page_slug(doc: Document) -> list[Verdict]:
    """`rf-2-sports`: a page slot or category slug alone on one of the first or last three lines."""
    lines = nonblank(doc)
    edge = lines if len(lines) <= 6 else lines[:3] + lines[-3:]  # (the first and last three, in order)
    return [
        Verdict("boilerplate.page-slug", ln, Safety.SAFE, "A page slug or slot name left by the scraper.")
        for ln in edge
        if may_open(ln.text, _SLUG_OPENING)
        and ("-" in ln.text or "_" in ln.text)  # (the pattern needs two of them; most edge lines hold none)
        and _SLUG_RE.match(ln.text)
        and any(c.isalpha() for c in ln.text)
    ]


_SOURCE_OPENING = opening_chars("s", regex.I)  # (see may_open)
_SOURCE_RE = lazy(regex.compile,
    r"^\s*sources?\s*:?\s*(?:site-\d+|https?://\S+|www\.\S+|[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|fr|ca|info|news|ro|be|ch)/?\S*)\s*$",
    regex.I,
)
_SOURCE_GATE = gate_prefixes(["source"])  # (see gated_lines)


@classifier("boilerplate.source-footer")
def classify_source_footer(doc: Document) -> list[Verdict]:
    """`source site-29`, `Source: example.com`: the aggregator's footer pointing at its source."""
    return [
        Verdict("boilerplate.source-footer", ln, Safety.SAFE, "The aggregator's source footer.")
        for ln in gated_lines(doc, _SOURCE_GATE)
        if may_open(ln.text, _SOURCE_OPENING) and _SOURCE_RE.match(ln.text)
    ]


# a page's update stamp alone on its line: `Updated 23/06/2024 at 21:40`, `Last updated: March 4,
# 2024, 10:05 a.m. ET`, `[Mis à jour le 12 mai 2023 à 18h02]`. A date is required (a bare
# `Updated` is a prompt or a word); nothing may follow the date and time.
_DATE = (rf"(?:\d{{1,2}}[/.\-]\d{{1,2}}[/.\-](?:\d{{4}}|\d{{2}})|\d{{4}}-\d{{2}}-\d{{2}}|"
         rf"(?:(?:{'|'.join(sorted(_WEEKDAYS))}),?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th|er)?\s+(?:{_MONTHS})|"
         rf"(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?),?\s+\d{{4}})")
_TIME = (r"\d{1,2}(?:[:h.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?"
         r"(?:\s*(?:GMT|UTC|CET|CEST|ET|EST|EDT|PT|PST|PDT|WAT|EAT)(?:\s*[+\-]\s*\d{1,2})?)?")
# the line opens with `[`, `(`, `last`, `updated`, `modified`, `mis`/`mise`, `maj` or `màj`
_UPDATE_LINE_OPENING = opening_chars("[(lum", regex.IGNORECASE)
_UPDATE_LINE_RE = lazy(regex.compile,
    rf"^\s*[\[(]?\s*(?:last\s+)?(?:updated?|modified|mis\s+à\s+jour|mise\s+à\s+jour|maj|màj)\s*(?:on|le)?\s*:?\s*"
    rf"(?:{_DATE}(?:\s*(?:at|à|,|-|–|\|)?\s*{_TIME})?|(?:\d{{1,3}}|an?|one)\s+(?:minutes?|mins?|hours?|days?|weeks?)\s+ago"
    rf"|il\s+y\s+a\s+\d{{1,3}}\s+(?:minutes?|heures?|jours?))\s*[\])]?\.?\s*$",
    regex.IGNORECASE,
)
# how the lines of _UPDATE_LINE_RE open (see gated_lines)
_UPDATE_LINE_GATE = gate_prefixes(["[", "(", "last", "update", "modified", "mis à jour", "mise à jour", "maj", "màj"])


# the page's date alone on one of the first lines: `November 22, 2024`, `Saturday, 21 October,
# 2017 06:20`, `Published on 22 January 2026 at 18:30`, `21/11/2025 17h15`
_DATE_LINE_RE = lazy(regex.compile,
    rf"^\s*(?:(?:published|posted|publié|publiée)\s*(?:on|le)?\s*:?\s*)?{_DATE}(?:\s*(?:at|à|,|-|–|\|)?\s*{_TIME})?\s*$",
    regex.IGNORECASE,
)
_HEADER_LINES = 5
# the account a blog engine signs its posts with, after the date (`Posted on November 26, 2026 by
# admin`): a user name in lower case or a role, never a person's name (a byline is kept)
_BY_ACCOUNT_RE = lazy(regex.compile,
    r"\s+(?:by|par)\s+(?:(?i:admin|administrator|administrateur|editor|webmaster|staff|rédaction|redaction)"
    r"|\p{Ll}[\p{Ll}\p{N}._\-]{1,20})\s*$"
)
# how the lines of _DATE_LINE_RE open: a figure, a publication word, a weekday or a month (see may_open)
_DATE_LINE_OPENING = opening_chars(
    "0123456789" + "".join({w[0] for w in (*_MONTHS.split("|"), *_WEEKDAYS, "published", "posted", "publié")}),
    regex.IGNORECASE,
)
# what a match of _DATE_LINE_RE ends with before its white space: a figure (a year, a time, a
# zone's offset), `m` or `.` (a.m., p.m.), or the last letter of a time zone (GMT, UTC, CEST…)
_DATE_LINE_ENDS = frozenset("mM.tTcC")


def _may_end_date(text: str) -> bool:
    r"""False when ``_DATE_LINE_RE`` cannot match ``text``: its last character before the white
    space (``str.rstrip`` strips all that ``\s`` does) is no figure (``\d``: a digit for
    ``str``, or beyond the BMP) nor an end of a time. Most headlines end with a word."""
    c = text.rstrip()[-1:]
    return c in _DATE_LINE_ENDS or c.isdigit() or c > "\uffff"


@classifier("boilerplate.update-stamp")
def classify_update_line(doc: Document) -> list[Verdict]:
    """`Updated 23/06/2024 at 21:40` alone on a line: the page's update stamp (unsafe, like the
    stamp that opens a paragraph: an editor may want the time kept in another form). The
    page's date alone on one of its first lines is weak as well: annotators of translated pages
    delete it with the rest of the header, while an English page keeps its dateline, so it is
    proposed only where the article shows translation damage too."""
    found = [
        Verdict("boilerplate.update-stamp", ln, Safety.UNSAFE, "The page's update stamp on a line of its own.")
        for ln in gated_lines(doc, _UPDATE_LINE_GATE)
        if len(ln.text) <= 120 and may_open(ln.text, _UPDATE_LINE_OPENING) and _UPDATE_LINE_RE.match(ln.text)
    ]
    taken = set(map(VERDICT_LINE, found))
    for ln in nonblank(doc)[:_HEADER_LINES]:
        text = ln.text
        if (" by " in text or " par " in text) and (len(text) <= 80 or len(text[80:].split(None, 2)) <= 2):
            # (the date goes on only when what is left before the account is 80 characters at
            # most: then all after the 80th is white space, `by` and the account, two chunks)
            account = _BY_ACCOUNT_RE.search(text)
            text = text[: account.start()] if account else text
        if (ln.number not in taken and len(text) <= 80 and _may_end_date(text)
                # (a date holds white space or `/.-` inside: one run of letters and figures, such
                # as a unix timestamp, is none)
                and not text.strip().isalnum() and may_open(text, _DATE_LINE_OPENING)
                and _DIGIT_RE.search(text) and _DATE_LINE_RE.match(text)):
            found.append(Verdict("boilerplate.update-stamp", ln, Safety.UNSAFE, "The page's date on a line of its own.", weak=True))
    return found
