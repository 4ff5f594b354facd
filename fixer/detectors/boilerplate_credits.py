"""Photo and video credits and the captions and titles that go with them, and bylines. A credit
(`©`, `(NAME / AFP)`, `Photo: …`) marks its line; a caption is a line ending with one, or a
short line right above a credit line.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..document import Document, Line
from ..lazypattern import lazy
from ..model import Safety
from .boilerplate_common import (
    PHRASES,
    VERDICT_LINE,
    Verdict,
    _index,
    _memo,
    by_last,
    classifier,
    gate_prefixes,
    gated_lines,
    heading_like,
    is_sentence,
    key_heads,
    key_is,
    key_list,
    lines_holding,
    may_open,
    nonblank,
    norm,
    opening_chars,
    phrases,
    verdicts,
    word_count,
    words,
)
from .boilerplate_widgets import HEADER_LINES, headline


def _credit_re(doc: Document) -> regex.Pattern[str]:
    def build() -> regex.Pattern[str]:
        items = sorted(phrases(doc).get("credit", []), key=len, reverse=True)
        alt = "|".join(regex.escape(p) for p in items) or "(?!)"
        # (BERTRAND GUAY / AFP), (Photo AFP), (AFP), (Name/Reuters)
        return lazy(regex.compile,
            rf"\(\s*(?:(?:photo|crédit|credit|image)s?\s*:?\s*)?(?:[\p{{L}}.'’\- ]{{2,60}}?\s*/\s*)?(?:{alt})"
            rf"(?:\s*/\s*[\p{{L}}.'’\- ]{{2,30}})?\s*\)\s*$",
            regex.I,
        )

    return _memo(doc, _CREDIT_KEY, build)


_CREDIT_KEY = f"boilerplate:credit:{PHRASES}"  # (one string, not one per call)


_PHOTO_LINE_RE = lazy(regex.compile,
    r"^\s*(?:photo|photos|photo credit|photo credits|credit|credits|credit photo|crédit|crédits|crédit photo|image|illustration|"
    r"photo d['’]illustration|video|vidéo)\s*:\s*\S.{0,80}$",
    regex.I,
)
# a credit opening its caption: `Photo © MAP – Reconstruction work in a village…`
_LEADING_CREDIT_RE = lazy(regex.compile,
    r"^\s*(?:(?:photo|image|crédit|credit)s?\s*:?\s*)?©\s*(?P<credit>[^–—|]{2,40}?)\s+[–—|-]\s+(?P<caption>\S.*)$", regex.I
)
_COPYRIGHT_RE = lazy(regex.compile, r"(?:©|\(c\)|copyright\b)\s*", regex.I)


_CREDIT_PARTICLES = frozenset(
    "de du des la le van von der den da di via and et for images photo photos archives archive collection"
    " private personal family courtesy handout".split()
)


def _credit_text(text: str) -> bool:
    """What follows `©` is a credit: a few names, agencies or a year, not a sentence."""
    ws = words(text)
    return 0 < len(ws) <= 10 and len(text) <= 80 and all(
        w[0].isupper() or w[0].isdigit() or w in _CREDIT_PARTICLES for w in ws
    )


def credit_lines(doc: Document) -> dict[int, tuple[str, str]]:
    """Line number → (kind, caption text before the credit) for every line carrying a credit."""
    key = "boilerplate:credits"
    if key in doc.cache:
        return doc.cache[key]
    cre = _credit_re(doc)
    out: dict[int, tuple[str, str]] = {}
    for ln in gated_lines(doc, _PHOTO_LINE_GATE, _credit_shaped(doc)):
        text = ln.text
        if len(text) > 600:
            continue
        # each pattern needs a character of its own (in its place): skip the regex when the line
        # lacks it
        m = _copyright_sign(text) if "©" in text else None
        if m and (_credit_text(text[m.end() :]) or (
                _PHOTO_LABEL_RE.match(text) and _credit_text(_CREDIT_PIECE_END_RE.split(text[m.end() :], 1)[0]))):
            # (a photo line's credit may be followed by more: `… 2026. © Name / AFP — Credits gallery: …`)
            out[ln.number] = ("copyright", text[: m.start()].strip())
            continue
        if text.lstrip().startswith("©") and word_count(text) <= 16 and (
            not is_sentence(text) or "reserved" in text or "réservés" in text
        ):
            out[ln.number] = ("copyright", "")  # `© Musée du quai Branly – Jacques Chirac, photo Léo D.`
            continue
        if _may_trail(text) and (t := _TRAILING_CREDIT_RE.search(text)) and _credit_text(t.group("credit").replace("/", " ")):
            out[ln.number] = ("bracket", text[: t.start()].strip())
            continue
        if ":" in text and not is_sentence(text) and _PHOTO_LINE_RE.match(text) and word_count(text) <= 14:
            rest = text.split(":", 1)[1]
            # `Photo: Radio-Canada / NAME` is a bare credit; `Photo: Biden speaks… (AP Photo/…)` a caption
            out[ln.number] = ("photo-line", "" if _credit_text(rest.replace("/", " ")) else rest.strip())
            continue
        closes = text[-1] == ")" or (text[-1].isspace() and text.rstrip().endswith(")"))
        b = cre.search(text) if closes and "(" in text else None  # `(… AFP)` closes the line
        if b and (b.start() == len(text) - len(text.lstrip()) or "/" in b.group() or word_count(text) <= 30):
            out[ln.number] = ("bracket", text[: b.start()].strip())
        elif m and (lead := _LEADING_CREDIT_RE.match(text)) and _credit_text(lead.group("credit")):
            out[ln.number] = ("bracket", lead.group("caption").strip())  # `Photo © MAP – Work in Talat…`
    _slash_credits(doc, out)
    doc.cache[key] = out
    return out


def _slash_credit_re(doc: Document) -> regex.Pattern[str]:
    """A credit of names and an agency between slashes, without brackets, alone on its line
    or after the caption's last sentence: `Keystone-ATS / Laurent Gillieron`, `… of Bodio.
    KEYSTONE/Ti-Press/Samuel Golay`, `Laurent Gillieron / AFP`."""
    def build() -> regex.Pattern[str]:
        items = sorted(phrases(doc).get("credit", []), key=len, reverse=True)
        alt = "|".join(regex.escape(p) for p in items) or "(?!)"
        part = r"[\p{L}][\p{L}.'’\- ]{1,40}?"
        return regex.compile(
            rf"(?:^|(?<=[.!?»”\"])\s+)\s*(?P<credit>(?:{part}\s*/\s*)*(?i:{alt})(?:\s*/\s*{part}){{0,3}})\s*$"
        )

    return _memo(doc, _SLASH_CREDIT_KEY, build)


_SLASH_CREDIT_KEY = f"boilerplate:slash-credit:{PHRASES}"


def _slash_credits(doc: Document, out: dict[int, tuple[str, str]]) -> None:
    """Add the lines whose credit is ``_slash_credit_re``'s to ``out`` (they hold a slash,
    found with one search of the text)."""
    if "/" not in doc.text:
        return
    lines = nonblank(doc)
    for i in lines_holding(doc, ("/",)):
        ln = lines[i]
        text = ln.text
        if ln.number in out or len(text) > 400 or "://" in text:
            continue
        m = _slash_credit_re(doc).search(text)
        if m is None or "/" not in m.group("credit") or not _credit_text(m.group("credit").replace("/", " ")):
            continue
        caption = text[: m.start("credit")].strip()
        out[ln.number] = ("photo-line", "") if not caption else ("bracket", caption)


_CREDIT_PIECE_END_RE = lazy(regex.compile, r"\s+[—–|]\s+|\s*;\s*")
_PHOTO_LABEL_RE = lazy(regex.compile, r"^\s*(?:photos?|image|illustration|caption|légende)\s*:", regex.I)


def _copyright_sign(text: str) -> regex.Match[str] | None:
    """The first match of ``_COPYRIGHT_RE`` in ``text`` (which holds `©`) when it is a `©`,
    else None. A match before the first `©` is a `(c)` or a `copyright`, whose letters the
    pattern matches only with ASCII letters of either case: when the text before the `©` holds
    neither (in lower case), the first match is the `©`, and the slow search is left out."""
    i = text.find("©")
    head = text[:i].lower()
    if "(c)" in head or "copyr" in head:
        m = _COPYRIGHT_RE.search(text)
        return m if m and "©" in m.group() else None
    return _COPYRIGHT_RE.match(text, i)


def _may_trail(text: str) -> bool:
    """False when ``_TRAILING_CREDIT_RE`` cannot match ``text``: its credit follows a colon
    (then the line's last: the credit and the white space around it hold none) and is 80
    characters at most, or follows an upper-case `PHOTO`, `PHOTOS`, `CREDIT` or `CRÉDIT`. A
    long caption's last colon is far from its end, and the pattern is slow on a long line."""
    k = text.rfind(":")
    if k != -1 and len(text[k + 1 :].strip()) <= 80:
        return True
    return "PHOTO" in text or "CREDIT" in text or "CRÉDIT" in text


# how the lines of _PHOTO_LINE_RE open (see gated_lines)
_PHOTO_LINE_GATE = gate_prefixes(["photo", "credit", "crédit", "image", "illustration", "video", "vidéo"])


def _credit_shaped(doc: Document) -> list[int]:
    """The indices (in ``nonblank(doc)``) of the lines holding `©` or a word of a trailing credit
    (``_CREDIT_WORDS``), or whose key ends with `)`: besides the photo lines (gated on their
    opening), the only lines that can carry a credit (the bracket credit closes the line;
    ``norm`` strips no `)`). ``gated_lines`` sorts them and drops the doubles."""
    text = doc.text
    marked = lines_holding(doc, ("©",)) + _trailing_credit_lines(doc)
    if ")" not in text:
        return marked
    lines = nonblank(doc)
    found = list(by_last(doc).get(")", ()))
    # (the key of a long line is only its head: how the line itself ends tells instead)
    found += [i for i in key_heads(doc) if lines[i].text.rstrip().endswith(")")]
    return found + marked


# a caption sentence closed by its credit: `… in Bukavu. Credit: Justin Kabuya / AFP`
_TRAILING_CREDIT_RE = lazy(regex.compile,
    r"(?:(?<=[.!?»”\"])\s+|\s+[-–—|]\s+)(?:(?i:photo credit|photo|photos|credit|credits|crédit|crédits|image)\s*:|"
    r"(?:PHOTO|PHOTOS|CREDIT|CRÉDIT)(?=\s+\p{Lu}))\s*(?P<credit>[^:]{2,80}?)\s*$",
)


# a word each _TRAILING_CREDIT_RE match holds (the lines holding one are searched by credit_lines)
_CREDIT_WORDS = ("redit", "rédit", "REDIT", "RÉDIT", "hoto", "HOTO", "mage", "MAGE")
_UPPER_CREDITS = ("PHOTO", "CREDIT", "CRÉDIT")  # (each holds a credit word)


def _trailing_credit_lines(doc: Document) -> list[int]:
    """The indices (in ``nonblank(doc)``) of the lines holding a credit word that ``_may_trail``:
    those whose last colon is close to their end, and those holding an upper-case credit word,
    each kind found by searching the whole text (a colon, one character, is found quickly;
    searching every credit word everywhere took longer than the rest of the rule)."""
    lines = nonblank(doc)
    found = []
    for i in lines_holding(doc, (":",)):
        t = lines[i].text
        if len(t[t.rfind(":") + 1 :].strip()) <= 80 and any(map(t.__contains__, _CREDIT_WORDS)):
            found.append(i)
    upper = lines_holding(doc, _UPPER_CREDITS)
    return sorted({*found, *upper}) if upper else found


def caption_key(doc: Document, number: int) -> str:
    """``norm`` of the caption before the credit of line ``number`` (a line of ``credit_lines``),
    once per document: the credit and the video title both compare it with the lines around,
    and a caption may be a long sentence."""
    done = doc.cache.get("boilerplate:caption-keys")
    if done is None:
        done = doc.cache["boilerplate:caption-keys"] = {}
    if number not in done:
        done[number] = norm(credit_lines(doc)[number][1])
    return done[number]


def _repeats_near(doc: Document, line: Line, key: str) -> bool:
    """A line within three of ``line`` has the key ``key``."""
    return any(key_is(doc, n, key) for n in _neighbours(doc, line))


def _neighbours(doc: Document, line: Line, span: int = 3) -> Iterator[Line]:
    lines = nonblank(doc)
    idx = _index(doc)[line.number]
    yield from lines[max(0, idx - span) : idx]
    yield from lines[idx + 1 : idx + 1 + span]


@classifier("boilerplate.photo-credit")
def classify_photo_credit(doc: Document) -> list[Verdict]:
    """A credit line: `Photo: Radio-Canada / NAME`, `(NAME / AFP)` or `© Reuters` alone, or a
    title that repeats a nearby line followed by `© France 24` (a video embed): safe."""
    out = []
    credits = credit_lines(doc)
    if not credits:
        return out
    lines = doc.lines
    for number, found in credits.items():  # (in the order of the lines)
        ln = lines[number - 1]
        caption = found[1]
        if not caption or (word_count(caption, 2) >= 2 and _repeats_near(doc, ln, caption_key(doc, number))):
            out.append(Verdict("boilerplate.photo-credit", ln, Safety.SAFE, "A photo or video credit line."))
    return out


@classifier("boilerplate.photo-caption")
def classify_photo_caption(doc: Document) -> list[Verdict]:
    """A caption: a line ending with a credit (`… © Name, Reuters`, `… (NAME / AFP)`), or a
    short line without final punctuation right above a credit line: unsafe."""
    credits = credit_lines(doc)
    out: list[Verdict] = []
    if not credits:
        return out  # both kinds of caption need a credit line
    safe_credit = set(map(VERDICT_LINE, verdicts(doc, "boilerplate.photo-credit")))
    lines = nonblank(doc)
    # a caption is a credit line or the line right above one
    at = _index(doc)  # (line number → index in ``lines``)
    near = sorted({j for n in credits for j in (at[n] - 1, at[n]) if j >= 0})
    for i in near:
        ln = lines[i]
        found = credits.get(ln.number)
        if found and ln.number not in safe_credit and found[1]:
            out.append(Verdict("boilerplate.photo-caption", ln, Safety.UNSAFE, "A photo caption with its credit."))
        elif (
            not found
            and i + 1 < len(lines)
            and credits.get(lines[i + 1].number, ("", "x"))[1] == ""
            and heading_like(ln.text, 40)
            and ln is not doc.title
            and (i > HEADER_LINES or ln is not headline(doc))
        ):
            out.append(Verdict("boilerplate.photo-caption", ln, Safety.UNSAFE, "A photo caption above its credit line."))
    return out


@classifier("boilerplate.video-title")
def classify_video_title(doc: Document) -> list[Verdict]:
    """The title of an embedded video: a heading repeated just below with a `© credit`."""
    credits = credit_lines(doc)
    out: list[Verdict] = []
    if not any(kind == "copyright" for kind, _caption in credits.values()):
        return out  # a video title needs a `©` credit below it
    lines = nonblank(doc)
    # the lines of the `©` credits, whose normalised captions (``caption_key``) the lines
    # above them are compared with
    captions = [n for n, (kind, _caption) in credits.items() if kind == "copyright"]
    # only a line one or two above a `©` credit can be its title
    at = _index(doc)  # (line number → index in ``lines``)
    for i in sorted({j for n in captions for j in (at[n] - 2, at[n] - 1) if j >= 0}):
        ln = lines[i]
        if ln.number in credits:
            continue
        for nxt in lines[i + 1 : i + 3]:
            found = credits.get(nxt.number)
            if found and found[0] == "copyright" and key_is(doc, ln, caption_key(doc, nxt.number)):
                # the credit repeats the line: a title if the line has the shape of one
                if heading_like(ln.text) and word_count(ln.text, 2) >= 2:
                    out.append(Verdict("boilerplate.video-title", ln, Safety.UNSAFE, "The title of an embedded video."))
                break
    return out


_AGENCY_LINE_RE = lazy(regex.compile, r"^\s*\p{Lu}{2,6}\s+(?:news\s+|press\s+)?(?:agency|Agency|AGENCY)\s*$")
# the three shapes of a byline, tried one by one (a line is a byline if one matches). In the
# last, each name is taken whole (possessive) and stops only before the closing `Follow`
# (`John SmithFollow`): a name that could be split anywhere made the pattern try every split,
# and `By ` + 160 letters + `1 follow` took a minute. Taking names whole accepts the same lines
# (checked against the splitting pattern on 300,000 random lines), in linear time.
_NAME_STOP = r"(?!(?:follow|suivre)\s*$)"
_BYLINE_RES = tuple(
    lazy(regex.compile, p, regex.I)
    for p in (
        r"^\s*(?:(?:written|posted|published)\s+by|by|par|rédigé\s+par)\s*:?\s+(?:the\s+|la\s+)?(?:editorial\s+(?:staff|team|board)|staff|newsroom|rédaction|editor|admin|web\s+desk)\s*$",
        r"^\s*(?:article written by|article rédigé par)\b.{0,80}$",
        r"^\s*(?:(?:article )?written by|article rédigé par|rédigé par|by|par)\s*:?\s*"
        rf"(?:{_NAME_STOP}\p{{Lu}}(?:{_NAME_STOP}[\p{{L}}'’.\-])*+\s*+){{1,5}}(?:follow|suivre|\+ follow)\s*$",
        # a template's label before a generic writer (`Written by: Staff Writer`); a newspaper's
        # own `By Staff Reporter` is a byline of clean copy too
        r"^\s*(?:(?:(?:written|posted|published)\s+by|by)\s*:|(?:written|posted|published)\s+by)\s*(?:a\s+|the\s+)?staff\s+(?:writer|reporter)\s*$",
    )
)


def _with_agency_re(doc: Document) -> regex.Pattern[str]:
    """`With AFP`, `(With AFP and Reuters)`, `Avec AFP`, `With agencies`: the wire credit that
    French papers put under a rewritten dispatch (`Avec AFP`), translated or not."""
    def build() -> regex.Pattern[str]:
        items = sorted(phrases(doc).get("credit", []), key=len, reverse=True)
        agency = "|".join(regex.escape(p) for p in items) + "|agencies|agences"
        return regex.compile(
            rf"^\s*\(?\s*(?:with|avec)\s+(?:the\s+)?(?:{agency})(?:\s*(?:,|/|and|et|&)\s*(?:{agency}))*\s*\)?\.?\s*$",
            regex.IGNORECASE,
        )

    return _memo(doc, _WITH_AGENCY_KEY, build)


_WITH_AGENCY_KEY = f"boilerplate:with-agency:{PHRASES}"
_WITH_AGENCY_OPENING = opening_chars("(wa", regex.IGNORECASE)  # `(`, `with`, `avec` (see may_open)


@classifier("boilerplate.byline")
def classify_byline(doc: Document) -> list[Verdict]:
    """`Article written by …`, `By: Name Follow` (the social button's text), an agency credit
    line (`QMI agency`), and a wire credit (`With AFP`) as the last line of the text: unsafe.
    Only the last line: a credit followed by more text (`With The Canadian Press` above a share
    prompt) is kept by the samples' annotators as part of the article's signature."""
    lines = nonblank(doc)
    tail = {lines[-1].number} if len(lines) > 2 else set()
    # a byline opens with its lead (gated on the keys), an agency line ends with `agency`, and
    # the wire credit is the last line
    also = _agency_ended(doc)
    if tail:
        also.append(len(lines) - 1)
    return [
        Verdict("boilerplate.byline", ln, Safety.UNSAFE, "A byline or credit line with page furniture.")
        for ln in gated_lines(doc, _BYLINE_GATE, also)
        if (not is_sentence(ln.text) and (_byline_shaped(ln.text) or _by_with_agency(doc, ln.text)))
        or (ln.number in tail and len(ln.text) <= 60 and may_open(ln.text, _WITH_AGENCY_OPENING)
            and _with_agency_re(doc).match(ln.text))
    ]


def _by_with_agency(doc: Document, text: str) -> bool:
    """`By The editorial staff with AFP`, `Written by: The newsroom with AFP`, `By Radio Okapi
    with agencies`: a byline that credits a wire agency, anywhere in the page (the lines the
    byline gate lets through)."""
    if len(text) > 80 or not text.rstrip().endswith(_agency_credit_ends(doc)):
        return False
    return _by_with_agency_re(doc).match(text) is not None


def _agency_alternation(doc: Document) -> str:
    items = sorted(phrases(doc).get("credit", []), key=len, reverse=True)
    return "|".join(regex.escape(p) for p in items) + "|agencies|agences"


def _agency_credit_ends(doc: Document) -> tuple[str, ...]:
    """The last words a credit may end with (each credit item, `agencies`), for a cheap test
    before the pattern."""
    return _memo(doc, _AGENCY_ENDS_KEY, lambda: tuple(
        {w for p in [*phrases(doc).get("credit", []), "agencies", "agences"] for w in (p, p.upper(), p.lower())}))


def _by_with_agency_re(doc: Document) -> regex.Pattern[str]:
    return _memo(doc, _BY_WITH_AGENCY_KEY, lambda: regex.compile(
        r"^\s*(?:(?:article\s+)?written\s+by|by|par)\s*:?\s+(?:[^\s,;:!?]+\s+){1,5}?(?:with|avec)\s+(?:the\s+)?"
        rf"(?:{_agency_alternation(doc)})(?:\s*(?:,|/|and|et|&)\s*(?:{_agency_alternation(doc)}))*\s*$",
        regex.IGNORECASE,
    ))


_AGENCY_ENDS_KEY = f"boilerplate:agency-ends:{PHRASES}"
_BY_WITH_AGENCY_KEY = f"boilerplate:by-with-agency:{PHRASES}"


def _agency_ended(doc: Document) -> list[int]:
    """The indices (in ``nonblank(doc)``) of the lines that may end with `agency` in one of
    ``_AGENCY_ENDS`` before their white space: those whose key ends with `agency` (folding
    keeps the word and the key's end strip stops at its `y`), a long line whose key is a head
    asked itself. The keys ending with `y` are few (``by_last``)."""
    keys, heads = key_list(doc), key_heads(doc)
    found = [i for i in by_last(doc).get("y", ()) if keys[i][-6:] == "agency"]
    if heads:
        lines = nonblank(doc)
        found += [i for i in heads if lines[i].text.rstrip().endswith(_AGENCY_ENDS)]
    return found


# how the lines of _BYLINE_RES open (see gated_lines), and how those of _AGENCY_LINE_RE end
_BYLINE_GATE = gate_prefixes(["by", "par", "article", "written by", "rédigé par"])
_AGENCY_ENDS = ("agency", "Agency", "AGENCY")


# the first letter of each lead of _BYLINE_RES (`written by`, `article …`, `rédigé par`, `by`, `par`)
_BYLINE_INITIALS = "wabrp"
# the last word of a _BYLINE_RES line that does not open with `article` (its `Follow` button, or
# `staff`, `newsroom`…), with the same case rule; tried on the end of the line only
_BYLINE_LAST_WORD_RE = lazy(regex.compile, r"(?:follow|suivre|staff|team|board|newsroom|rédaction|editor|admin|writer|reporter|desk)$", regex.I)


def _byline_shaped(text: str) -> bool:
    r"""A pattern of ``_BYLINE_RES`` or ``_AGENCY_LINE_RE`` matches ``text``. Each needs words
    of its own at the ends of the line (after white space, which ``strip`` removes: a superset
    of ``\s``), so cheap tests of the first letter and the last word skip the slow regexes on
    almost every line."""
    initial = (text[0] if not text[0].isspace() else text.lstrip()[:1]).casefold()  # (``text`` is not empty)
    if (
        initial in _BYLINE_INITIALS
        and (initial == "a" or _BYLINE_LAST_WORD_RE.search(text.rstrip()[-12:]))
        and any(p.match(text) for p in _BYLINE_RES)
    ):
        return True
    end = text if not text[-1].isspace() else text.rstrip()
    return end.endswith(("agency", "Agency", "AGENCY")) and bool(_AGENCY_LINE_RE.match(text))
