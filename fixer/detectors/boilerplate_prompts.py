"""Prompts and teasers of the page template: comment, share and newsletter buttons, tag lines,
calls to action (``boilerplate.page-prompt``) and related-article links
(``boilerplate.related-link``).
"""

from __future__ import annotations

import re
import unicodedata

import regex

from ..document import Document, Line
from ..lazypattern import lazy
from ..model import Safety
from .boilerplate_common import (
    _SENTENCE_ENDS,
    GATE_CHARS,
    PHRASES,
    VERDICT_LINE,
    Verdict,
    _memo,
    by_first_word,
    by_last,
    classifier,
    digit_led,
    gate_prefixes,
    gateable_head,
    gated_lines,
    is_sentence,
    key_list,
    lexicon_re,
    line_key,
    lines_holding,
    may_open,
    nonblank,
    norm,
    opening_chars,
    page_non_ascii,
    phrases,
    prompt_set,
    strip_lead,
    word_count,
)
from .boilerplate_widgets import interface_safety, vocabulary

_NEXT_SENTENCE_RE = lazy(regex.compile, r"[.?!]\s+")


def _short_sentences_after_first(text: str) -> bool:
    """A call to action may go on with short sentences of the widget (`This site uses cookies.
    By continuing to browse, you accept their use.`, `…reserved for subscribers. Already
    subscribed? Log in`): each after the first at most ten words. A longer one is prose."""
    if ". " not in text and "? " not in text and "! " not in text:
        return True
    return all(word_count(part) <= 10 for part in _NEXT_SENTENCE_RE.split(text)[1:])


def _label_re(doc: Document) -> regex.Pattern[str]:
    return lexicon_re(doc, "label", r"^\s*(?:{alt})\s*:\s*(?P<items>\S.*)$")


# notices and prompts of page templates, each told by its whole shape: a feed footer, a paywall,
# cookies, an app, a disclaimer, a reader prompt, a video block, a follow invitation
_TEMPLATE_NOTICE_RE = lazy(regex.compile,
    r"^\s*The post .{1,250}? appeared first on .{1,100}?\.?\s*$|"
    # the paywall notice of news sites, in English and in French
    r"^\s*You have \d{1,3}\s?% of this article left to read\b.{0,120}$|"
    r"^\s*Il vous reste \d{1,3}\s?% de cet article à lire\b.{0,120}$|"
    # a metered paywall's count (`You have 3 free articles left this month. Subscribe…`)
    r"^\s*You have (?:\d{1,2}|one|two|three|four|five) (?:free )?articles? (?:left|remaining)\b.{0,160}$|"
    r"^\s*Il vous reste (?:\d{1,2}|un|deux|trois) articles? gratuits?\b.{0,160}$|"
    # a reader prompt asking about the article (`Did you see this show? Give us your opinion in the comments (0)`)
    r"^\s*(?:Did you|You) (?:see|like|liked|enjoy|enjoyed|read) (?:this|our)\b.{0,50}\?\s*(?:Give us|Share|Tell us|Leave|Comment|Réagissez|Partagez)\b.{0,80}$|"
    # a video block's title (`Videos: the goals of the match and the joy of the supporters`)
    r"^\s*(?:VIDEOS?|Videos?|VIDÉOS?|Vidéos?)\s*[:–—]\s*[^\n]{5,120}(?<![.!?])$|"
    # a press release's contact line: a telephone and an address (`Tel. 05 59 40 70 00 – presse@univ-pau.fr`)
    r"^\s*(?:Tel|Tél|Phone|Telephone|Téléphone)\.?\s*:?\s*\+?[\d ().\-]{8,22}\s*[–—|,/-]\s*[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+\s*$|"
    # a cookie banner's notice (`We use cookies to ensure you the best experience … Accept | Refuse`)
    r"^\s*(?:We use|This (?:web)?site uses|Our (?:web)?site uses|Nous utilisons|Ce site utilise) (?:des )?cookies\b"
    r".{0,200}?\b(?:site|website|experience|browsing|navigation|accept|consent|expérience|acceptez|accepter)\b.{0,200}$|"
    # an opinion page's disclaimer (`The opinions expressed in this column are those of their author …`)
    # (it names the author or says `necessarily`: `The views expressed by residents were mixed` stays)
    r"^\s*(?:The (?:opinions|views)|Opinions|Views|Les opinions|Les propos) (?:expressed|exprimées|exprimés|tenus)\b"
    r".{0,120}?\b(?:authors?|auteurs?|writers?|necessarily|nécessairement|n['’]engagent)\b.{0,160}$|"
    # an invitation to install the site's app (`Get the Radio-Canada Info app to receive …`)
    # (a line of buttons, `Get the app: App Store | Google Play`, is page-widget's)
    r"^\s*(?:Get|Download|Install) (?:the|our)\b.{0,40}?\bapp (?:to|for|and)\b.{0,160}?\b(?:App Store|Google Play|Play Store|notifications?|alerts?|iOS|Android|free)\b.{0,120}$|"
    r"^\s*(?:Téléchargez|Installez) (?:l['’]application|notre application)\b.{0,160}$|"
    # an invitation to follow the site on a platform (`Follow Le Soir Express on Google News`)
    # (`Guyane la 1ère`: a channel's name may hold a figure)
    r"^\s*Follow (?:us|\p{Lu}[\p{L}'’\-]*(?: [\p{Lu}\d][\p{L}\d'’\-]*){0,3}) on (?:Google News|Google Actualités|WhatsApp"
    r"|Telegram|Instagram|Facebook|X|Twitter|LinkedIn|TikTok|YouTube|Threads|Bluesky)\s*[.!]?\s*$",
    regex.IGNORECASE,
)


def _tag_list(items: str) -> bool:
    """`Mali, Sahel, AES` or `Mali | Sahel`: short items, no sentence."""
    parts = [p.strip() for p in regex.split(r"[,|;/·•]", items) if p.strip()]
    return bool(parts) and not is_sentence(items) and all(word_count(p) <= 5 for p in parts) and len(parts) <= 25


def _opening(doc: Document, kind: str, extra: str = "") -> frozenset[str]:
    """``opening_chars`` of a lexicon pattern ``^\\s*(?:{items of kind})…`` (case-insensitive),
    ``extra`` being the other characters that may open it."""
    return opening_chars(extra + "".join(p[0] for p in phrases(doc).get(kind, []) if p), regex.IGNORECASE)


# each alternative of _TEMPLATE_NOTICE_RE opens with one of these (`The post`, `You have`, `Il vous`, `Follow`, `Get`…)
_TEMPLATE_NOTICE_OPENING = opening_chars("TYIFGDOVLWNCP", regex.IGNORECASE)  # (Did, You, Video…)
_TEMPLATE_NOTICE_OPENINGS = ("The post", "You have", "Il vous reste", "Follow", "Get ", "Download", "Install", "Téléchargez",
                         "The opinions", "The views", "Opinions", "Views", "Les opinions", "Les propos",
                         "We use", "This site", "This website", "Our site", "Our website", "Nous utilisons", "Ce site",
                         "Did you", "You ", "Video", "Vidéo", "VIDEO", "VIDÉO", "Tel", "Tél", "Phone")  # (see gate_prefixes)


def _lead_re(doc: Document) -> regex.Pattern[str]:
    return lexicon_re(doc, "lead", r"^\s*(?:{alt})\b")


def _lead_index(doc: Document) -> tuple[dict[str, tuple[tuple[str, str], ...]], tuple[str, ...]]:
    """The ``lead:`` items of the lexicon written in ``GATE_CHARS``, each with its ``norm``, by
    the first character of that; and the other items (which no key can tell), once per process."""
    def build() -> tuple[dict[str, tuple[tuple[str, str], ...]], tuple[str, ...]]:
        by_first: dict[str, list[tuple[str, str]]] = {}
        others = []
        for p in phrases(doc).get("lead", []):
            k = norm(p)
            if k and GATE_CHARS.issuperset(p):
                by_first.setdefault(k[0], []).append((k, p))
            else:
                others.append(p)
        return {c: tuple(ps) for c, ps in by_first.items()}, tuple(others)

    return _memo(doc, f"boilerplate:lead-index:{PHRASES}", build)


# patterns of a few lead items (see _leads_match), by the items: kept across documents (the items
# are the lexicon's, not a page's text), bounded
_LEAD_PATTERNS: dict[tuple[str, ...], regex.Pattern[str]] = {}
_MAX_LEAD_PATTERNS = 256


def _leads_match(doc: Document, text: str, leads: regex.Pattern[str]) -> bool:
    """Whether ``leads`` (``_lead_re``) matches ``text``, told by a pattern of only the items
    that may match it: those whose ``norm`` starts ``norm(text)`` (see ``keys_gate``: for a text
    that NFC leaves as it is and that holds neither `İ` nor `ı`, a pattern ``^\\s*P`` matching it
    needs that, P written in ``GATE_CHARS``), and those no key can tell. The pattern of all of
    them (a few hundred alternatives) takes 20 ms to compile, most of a first article's time in
    this rule; a page asks it of a line or two, opening with a few of them."""
    if "\u0130" in text or "\u0131" in text or not unicodedata.is_normalized("NFC", text):
        return leads.match(text) is not None
    by_first, others = _lead_index(doc)
    key = norm(text)
    items = tuple(p for k, p in by_first.get(key[:1], ()) if key.startswith(k)) + others
    if not items:
        return False
    pattern = _LEAD_PATTERNS.get(items)
    if pattern is None:
        if len(_LEAD_PATTERNS) >= _MAX_LEAD_PATTERNS:
            _LEAD_PATTERNS.clear()
        # (the alternatives written as ``lexicon_re`` writes them: a match of one is a match of
        # the whole pattern, and the whole pattern matches only through one of them)
        alt = "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in sorted(items, key=len, reverse=True))
        pattern = _LEAD_PATTERNS[items] = regex.compile(rf"^\s*(?:{alt})\b", regex.IGNORECASE)
    return pattern.match(text) is not None


# A prompt quoted by a sentence goes on with a clause of saying: `Click here to verify your
# account, the fake messages urged`, `Follow us on Facebook, the group wrote`, `Read more: that
# was the only text on the page, investigators said`. Such a line is a sentence of the article.
_SAYING = ("said|says|say|wrote|writes|urged|urges|added|adds|told|tells|explained|explains|warned|warns|noted|"
           "notes|stated|states|claimed|claims|insisted|insists|asked|asks|announced|announces|tweeted|posted|"
           "declared|declares|reported|reports|replied|promised|suggested|recalled|admitted|continued|"
           "concluded|according|quipped|joked|boasted|urging|saying|promising|warning")


def _reported_re(marks: str) -> regex.Pattern[str]:
    """A mark of ``marks``, up to five words, and a verb of saying (or `read`: `the sign reads`)."""
    return lazy(regex.compile,
        rf"[{marks}]\s*(?:[\p{{L}}\p{{N}}'’\-]+\s+){{0,5}}?(?:{_SAYING})\b|[{marks}]\s*(?:[\p{{L}}'’\-]+\s+){{1,5}}?(?:read|reads)\b",
        regex.IGNORECASE,
    )


_REPORTED_RE = _reported_re(",;:—–")
# a clause running on after a comma or a semicolon: `Subscribe to our newsletter, it is free`
_CLAUSE_RE = lazy(regex.compile, r";|,\s*(?!(?:and|or|et|ou)\s+\p{Lu})\p{Ll}")


# a verb of _REPORTED_RE alone, as a word: a match of _REPORTED_RE has one after its mark
_SAYING_WORD_RE = lazy(regex.compile, rf"\b(?:{_SAYING}|read|reads)\b", regex.IGNORECASE)
_CLAUSE_MARK_RE = lazy(regex.compile, r"[,;:—–]")


# the verbs of _SAYING_WORD_RE as words of ASCII letters (see _may_say)
_SAYING_WORDS = frozenset([*_SAYING.split("|"), "read", "reads"])
_ASCII_WORD_RE = lazy(re.compile, r"[a-z]+")


def reported(text: str) -> bool:
    """The line quotes the prompt inside a sentence (`…, the group wrote`). The full pattern is
    slow; a match starts at a mark and holds a verb after it, a word of its own (white space or
    the mark before it, a word boundary after it), so a line without a verb after its first
    mark is told by two quick searches."""
    mark = _CLAUSE_MARK_RE.search(text)
    if mark is None or not _may_say(text[mark.start() :]):
        return False
    return bool(_REPORTED_RE.search(text))


def _may_say(tail: str) -> bool:
    """False when ``_SAYING_WORD_RE`` finds no verb in ``tail`` (which opens with a mark), told
    without it in most cases: the characters it matches with a verb's letters case-fold to them
    (but ``İ`` and ``ı``, left to the pattern), no character outside its words (``\\w``) folds to
    an ASCII letter, so a verb it finds is a whole run of ASCII letters of the folded tail."""
    if "\u0130" in tail or "\u0131" in tail:
        return bool(_SAYING_WORD_RE.search(tail))
    return not _SAYING_WORDS.isdisjoint(_ASCII_WORD_RE.findall(tail.casefold()))


# After a related-article lead, a colon opens the linked title, and a title may hold a verb of
# saying (`Read also: Lebanon: the IMF asks again…`): only a clause after a comma, a semicolon
# or a dash attributes the line to someone (`Read more: that was all, investigators said.`).
_ATTRIBUTED_RE = _reported_re(",;—–")


def attributed(rest: str) -> bool:
    """The text after a teaser's lead goes on with a clause of saying: the line is a sentence
    quoting the lead, not a teaser."""
    return (("," in rest or ";" in rest or "—" in rest or "–" in rest)
            and _may_say(rest) and bool(_ATTRIBUTED_RE.search(rest)))


def _debris_shaped(text: str, max_words: int) -> bool:
    """Short, one clause, and not a prose sentence closed by a full stop after many words:
    the shape of a button or a teaser, the only shape a SAFE deletion accepts."""
    n = word_count(text)
    long_sentence = text.rstrip().endswith(".") and not text.rstrip().endswith("..") and n > 8
    return n <= max_words and not _CLAUSE_RE.search(text) and not long_sentence


_PAGE_PROMPT_KEY = f"boilerplate:page-prompt:{PHRASES}"  # what page-prompt compiles, once per process


@classifier("boilerplate.page-prompt")
def classify_page_prompt(doc: Document) -> list[Verdict]:
    """A line that is exactly a known comment, share, newsletter or navigation prompt, a tag or
    category line (`Tags: Mali, Sahel`), or WordPress's `The post … appeared first on …`: safe.
    A call to action (`Click here to subscribe`) is safe only in the shape of a button (short,
    one clause, no closing full stop after many words); longer, unsafe; and a line that quotes
    the prompt in a sentence (`…, the fake messages urged`) is left alone."""
    prompts, labels, label_opening, leads, lead_opening, gate = _memo(
        doc,
        _PAGE_PROMPT_KEY,
        lambda: (prompt_set(doc), _label_re(doc), _opening(doc, "label"), _lead_re(doc), _opening(doc, "lead"),
                 gate_prefixes([*phrases(doc).get("label", []), *phrases(doc).get("lead", []), *_TEMPLATE_NOTICE_OPENINGS])),
    )
    out = []
    # a verdict needs the line's key to be a prompt or to open like a label, a lead or a footer
    keys = key_list(doc)
    hits = prompts.intersection(keys)
    for ln in gated_lines(doc, gate, [i for i, k in enumerate(keys) if k in hits] if hits else ()):
        # (after the bullets, arrows and pictographs a widget may open with: `📩 Don't miss…`)
        text = strip_lead(ln.text.lstrip("\t"))
        if not text.lstrip("«“\"' ")[:1].isupper():
            continue  # a prompt is a label (`Leave a Reply`); `like this:` is a wrapped sentence
        if len(text) <= 80 and line_key(doc, ln) in prompts:
            out.append(Verdict("boilerplate.page-prompt", ln, Safety.SAFE, f"Page prompt left by the scraper: {text.strip()!r}."))
        elif (
            len(text) <= 400
            and ":" in text
            and text[-1] not in _SENTENCE_ENDS  # the items end the line, and a tag list no sentence
            and may_open(text, label_opening)
            and (m := labels.match(text))
            and _tag_list(m.group("items"))
        ):
            out.append(Verdict("boilerplate.page-prompt", ln, Safety.SAFE, "A tag or category line of the page."))
        elif (
            may_open(text, lead_opening)
            and _leads_match(doc, text, leads)
            and _short_sentences_after_first(text)
            and word_count(text) <= 20
            and not reported(text)
        ):
            safety = Safety.SAFE if _debris_shaped(text, 12) else Safety.UNSAFE
            out.append(Verdict("boilerplate.page-prompt", ln, safety, "A call to action of the page."))
        elif len(text) <= 400 and may_open(text, _TEMPLATE_NOTICE_OPENING) and _TEMPLATE_NOTICE_RE.match(text):
            out.append(Verdict("boilerplate.page-prompt", ln, Safety.SAFE, "A notice or prompt of the page's template (feed footer, paywall, cookies, app, comments)."))
    taken = set(map(VERDICT_LINE, out))
    out.extend(_prompt_chains(doc, taken))
    out.extend(_share_bars(doc, taken.union(map(VERDICT_LINE, out))))
    out.extend(_trailed(doc, taken.union(map(VERDICT_LINE, out))))
    return out


def _trail_items(doc: Document) -> dict[str, tuple[str, ...]]:
    """The ``trail:`` items of the lexicon, normalised, by their last character (longest first)."""
    def build() -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = {}
        for p in sorted({norm(p) for p in phrases(doc).get("trail", [])}, key=len, reverse=True):
            if p:
                out.setdefault(p[-1], []).append(p)
        return {c: tuple(ps) for c, ps in out.items()}

    return _memo(doc, f"boilerplate:trail-items:{PHRASES}", build)


# what a button's label stands after at the end of a widget's line (`… every Friday 📩 — I
# subscribe`, `… in 2027? → Calculate now`): a dash, an arrow, a bar, a bullet; a comma only
# proposes the deletion (`To follow the news, join our Telegram channel`)
_TRAIL_SEPARATORS = "—–-|·•→⟶➜➔>»/:!?"
TRAIL_MAX_WORDS = 25


def _trailed(doc: Document, taken: set[int]) -> list[Verdict]:
    """A short line that ends with a widget's button (the lexicon's ``trail:`` items) after a
    separator: a newsletter, app or account prompt whose first words change with every site
    (`Get the culture agenda every Friday 📩 — I subscribe`). Safe after a dash, an arrow or a
    bar; after a comma only proposed. Found from the lines whose key ends like an item."""
    items = _trail_items(doc)
    if not items:
        return []
    ends = by_last(doc)
    keys = key_list(doc)
    lines = nonblank(doc)
    out = []
    for c, ps in items.items():
        for i in ends.get(c, ()):
            key = keys[i]
            if not key.endswith(ps) or lines[i].number in taken:
                continue  # (most keys ending like an item end with none: one test of them all)
            item = next(p for p in ps if key.endswith(p))
            before = key[: len(key) - len(item)].rstrip()
            if not before or before[-1] not in _TRAIL_SEPARATORS + ",":
                continue  # the whole line (a prompt's) or a word of a sentence (`students learn more`)
            text = lines[i].text
            if word_count(text, TRAIL_MAX_WORDS + 1) > TRAIL_MAX_WORDS or reported(text):
                continue
            safety = Safety.SAFE if before[-1] in _TRAIL_SEPARATORS else Safety.UNSAFE
            out.append(Verdict("boilerplate.page-prompt", lines[i], safety, "A widget's line ending with its button."))
            taken.add(lines[i].number)
    return out


def _chain_items(doc: Document) -> tuple[str, ...]:
    """The known prompts and link-block headers (`ALSO ON THE WEB — Sponsored content` chains
    a header and a prompt), normalised, longest first."""
    def build() -> tuple[str, ...]:
        headers = {norm(p) for p in phrases(doc).get("header", [])}
        return tuple(sorted(prompt_set(doc) | headers, key=len, reverse=True))

    return _memo(doc, f"boilerplate:prompt-chain-items:{PHRASES}", build)


def _chain_firsts(doc: Document) -> dict[str, tuple[str, ...]]:
    """``_chain_items`` by their first word: a line opening with none of them is no chain."""
    def build() -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = {}
        for p in _chain_items(doc):
            out.setdefault(p.split(" ", 1)[0], []).append(p)
        return {w: tuple(ps) for w, ps in out.items()}

    return _memo(doc, f"boilerplate:prompt-chain-firsts:{PHRASES}", build)


def _chain_re(doc: Document) -> regex.Pattern[str]:
    """Two or more of ``_chain_items`` in a row: compiled on the first line that may be a chain
    (a few hundred alternatives; most processes never need it)."""
    def build() -> regex.Pattern[str]:
        alt = "|".join(regex.escape(p) for p in _chain_items(doc)) or "(?!)"
        # (between the items: marks, or the pictographs a button row draws, `⭐ Send to a friend`)
        return regex.compile(rf"(?:{alt})(?:[\s\-—–|·•:.,!?*\p{{So}}\ufe0f]+(?:{alt}))+[\s.…!:*]*")

    return _memo(doc, f"boilerplate:prompt-chain-re:{PHRASES}", build)


_CHAIN_SEPARATORS = " -—–|·•:.,!?*"


def _opens_item(rest: str, firsts: dict[str, tuple[str, ...]]) -> bool:
    """Whether ``rest`` opens with one of the items (``_chain_firsts``)."""
    return any(rest.startswith(p) for p in firsts.get(rest.split(" ", 1)[0], ()))


def _prompt_chains(doc: Document, taken: set[int]) -> list[Verdict]:
    """A line made of known prompts one after another (`Add a comment Cancel reply`, `Leave a
    comment — Your email address will not be published. Required fields are marked *`): a
    comment form or a button row flattened into one line, safe to delete as each prompt is."""
    firsts = _chain_firsts(doc)
    out: list[Verdict] = []
    lines = nonblank(doc)
    opened = by_first_word(doc)
    common = opened.keys() & firsts.keys()  # (most lines: the first word opens no prompt)
    if not common:
        return out
    for i in sorted([i for w in common for i in opened[w]]) if len(common) > 1 else opened[next(iter(common))]:
        ln = lines[i]
        if len(ln.text) > 200:
            continue  # (a paragraph)
        if ln.number in taken or not strip_lead(ln.text.lstrip(" \t"))[:1].isupper():
            continue
        key = line_key(doc, ln)
        # (a chain opens with a whole item and another one follows: `Also read: Senegal: …`
        # opens with one and goes on with a title; most lines opening with `the` hold none)
        if not any(_opens_item(strip_lead(key[len(p):].lstrip(_CHAIN_SEPARATORS)).lstrip(_CHAIN_SEPARATORS), firsts)
                   for p in firsts[key.split(" ", 1)[0]] if key.startswith(p) and len(key) > len(p)):
            continue
        if _chain_re(doc).fullmatch(key):
            out.append(Verdict("boilerplate.page-prompt", ln, Safety.SAFE, "Page prompts left by the scraper, run together."))
    return out


# `Comments (3)`, `3 comments`, `Réactions (12)`: the counter of the comment section
_COUNTER_RE = lazy(regex.compile,
    r"^(?:(?:comments?|reactions?|réactions?|commentaires?)\s*[(\[]?\d{1,5}[)\]]?"
    r"|\d{1,5}\s+(?:comments?|reactions?|réactions?|commentaires?))$",
    regex.I,
)
_BAR_SEPARATORS_RE = lazy(regex.compile, r"\s*[|/,·•]\s*|\s+")


# the label before a share bar, and what its icons leave as text after it (a letter or a
# symbol per network: `f` Facebook, `X`, `in` LinkedIn, `✉` email)
_SHARE_LABEL_RE = lazy(regex.compile,
    r"(?i)(?:share(?: this(?: article| story)?)?|partager|partagez|follow us(?: on)?|suivez-nous)\s*[:→⟶➜➔▸►▶>»›|—–]\s*")
_ICONS = frozenset({"f", "x", "𝕏", "in", "✉", "📧", "🔗", "p", "t", "w", "g+", "@"})


def _share_bars(doc: Document, taken: set[int]) -> list[Verdict]:
    """A line made only of two or more share-button names (`Facebook Twitter WhatsApp`,
    `Facebook | X | Email`): the page's share bar, safe to delete. A sentence naming the
    networks has other words (`on Facebook and X`). Also a comment counter (`Comments (3)`)."""
    names, gate = _memo(doc, f"boilerplate:share-names:{PHRASES}", lambda: (
        frozenset(p.casefold() for p in phrases(doc).get("share", [])),
        # (a bar opens with a button's name, `copy` or `copier` among them, cut before a character
        # no gate takes; a labelled bar with its label; a counter with its word or figure)
        gate_prefixes([*map(gateable_head, phrases(doc).get("share", [])), "copy", "copier",
                       "comment", "reaction", "réaction", "share", "partag", "follow us", "suivez"])))
    if not names:
        return []
    out = []
    # a bar opens with a button's name, a counter with its word or its figure (see gated_lines)
    for ln in gated_lines(doc, gate, digit_led(doc)):
        text = ln.text.strip()
        if ln.number in taken or len(text) > 120:
            continue
        if len(text) <= 24 and ("c" in text or "C" in text) and _COUNTER_RE.match(text):  # (each word holds a c)
            out.append(Verdict("boilerplate.page-prompt", ln, Safety.SAFE, "A comment counter of the page."))
            continue
        if not text[:1].isupper():
            continue
        label = _SHARE_LABEL_RE.match(text)
        if label is not None:
            text = text[label.end():]  # `Share: f  X  in  ✉`: the bar's label, then its icons
        head = text.split(None, 1)[0].casefold().rstrip("|/,·•") if text.strip() else ""
        if head not in names and head != "copy" and head != "copier" and not (label and head in _ICONS):
            continue  # (most short lines: the first word is no button)
        parts = [p for p in _BAR_SEPARATORS_RE.split(text.casefold()) if p]
        # two-word names (`copy link`) are joined back before the test
        items, i = [], 0
        while i < len(parts):
            pair = f"{parts[i]} {parts[i + 1]}" if i + 1 < len(parts) else ""
            if pair in names:
                items.append(pair)
                i += 2
            else:
                items.append(parts[i])
                i += 1
        if label is not None and all(p in names for p in items):
            continue  # `Share: Facebook | X`: a labelled strip of names, page-widget's finding
        if len(items) >= 2 and all(p in names or (label and p in _ICONS) for p in items):
            out.append(Verdict("boilerplate.page-prompt", ln, Safety.SAFE, "The share bar of the page."))
    return out


# what a related line may open with that its pattern reads itself (the arrows and brackets of
# ``_related_re``): such a line is matched as it is, any other has its widget's pictograph stripped
_RELATED_OWN_OPENINGS = frozenset(">»›[")


def _related_re(doc: Document) -> regex.Pattern[str]:
    return lexicon_re(
        doc, "related",
        r"^\s*(?:>>|»|›|\[)?\s*(?P<lead>{alt})(?P<sep>\s*(?:[:>»›|\-–—…\]→⟶➜➔▶►▸]|\.{2,})+\s*|\s*|(?=\p{Lu}|\d))(?P<rest>.*)$",
    )


_ARROW_LINK_RE = lazy(regex.compile, r"^\s*(?:>>|»»|→|►|▶|▸|➜|➔|⟶)\s*\S")
_ARROWS = frozenset(">»→►▶›▸➜➔⟶")  # what an arrow line opens with, after its white space
# a short label, then an arrow and a linked title (`READ NEXT ▸ Mali: …`, `More in Health ➜ Kenya:
# …`, `VIDEO ▶ The goals of the final`)
# (not `›` nor `»`, breadcrumb separators: `Home › Belgium › Liège` is page-widget's)
_LABEL_ARROW_RE = lazy(regex.compile, r"^\s*\p{Lu}[\p{L}'’]*(?: [\p{L}'’]+){0,3}\s*(?:►|▶|▸|➜|➔|⟶|→)\s+[\p{Lu}\p{N}«“\"]")
_ARROW_CHARS = tuple(sorted(_ARROWS))
_LABEL_ARROWS = frozenset("►▶▸➜➔⟶→")  # one of them is in every match of _LABEL_ARROW_RE (all non-ASCII)
# one arrow before a kicker and a title (`› Mayotte: the water cuts resume`, `» Fespaco 2023:
# …`, `> Rennes: rents rise`): a teaser's shape; unsafe, as a quoted line may open with `»`
_ARROW_KICKER_RE = lazy(regex.compile, r"^\s*[›»>]\s+\p{Lu}[^:\n]{1,40}:\s+\S")


def _title_shaped(rest: str) -> bool:
    """What follows `Also read:` is the linked title: it starts like a title (a capital, a
    figure, a quotation mark) and is not a long sentence closed by a full stop."""
    return rest[:1].isupper() or rest[:1].isdigit() or rest[:1] in "\"“«'‘"


_LIST_MARK_RE = lazy(regex.compile, r"^\s*(?:[-–•*›»→▸►▶]|\d{1,2}[.)])\s+")  # (a bullet, an arrow or a number)


def _titles_under(doc: Document, header: Line, unmarked: bool = False) -> list[Verdict]:
    """The link titles under a bare teaser header (`Also read:`, then `Mali: the junta…`): the
    line right under it, or after one blank line, when it has a title's shape (a capital or
    a figure first, at most 20 words, no closing full stop), and the lines after it while they
    carry the same list mark (`- …`, `1. …`), or, with ``unmarked`` (under a list header such as
    `Most read`), while they keep a title's shape. Unsafe: a short subheading has the same shape."""
    lines, out = doc.lines, []
    first_mark = None
    below = lines[header.number : header.number + 9]  # (``number`` is 1-based: the next line)
    if below and not below[0].text.strip():
        below = below[1:]  # one blank line between the header and its first title (`Read also`, blank, titles)
    for nxt in below[:8]:
        text = nxt.text.strip()
        if not text:
            break
        mark = _LIST_MARK_RE.match(text)
        if out and not unmarked and (first_mark is None or mark is None):
            break  # after the first title, only a list goes on
        title = text[mark.end():] if mark else text
        if not _title_shaped(title) or word_count(title) > 20 or title.endswith("."):
            break
        first_mark = mark
        out.append(Verdict("boilerplate.related-link", nxt, Safety.UNSAFE, "A linked title under a related-article header."))
    return out


# a link whose arrow closes it (`EDF H1 results: net income up 12% >>`, `Find a pharmacy near you
# →`): the arrows, and the line before them
_TRAIL_ARROWS = (">", "»", "›", "→", "⟶", "➜", "➔", "►", "▶", "▸")
_TRAIL_ARROW_SET = frozenset(_TRAIL_ARROWS)
_TRAILING_ARROW_RE = lazy(regex.compile, r"^\s*(?P<title>[\p{Lu}\p{N}][^«“\n]*?(?:[^\s.!?…,;:]|(?<=[ap]\.m)\.))\s*(?:>>|>|»|›|→|⟶|➜|➔|►|▶)\s*$")


def _trailing_arrow_link(text: str) -> bool:
    """A short title closed by an arrow, not a sentence nor a quotation (a `»` closing a quote
    has its `«` on the line, which the pattern refuses)."""
    m = _TRAILING_ARROW_RE.match(text)
    if m is None:
        return False
    title = m.group("title")
    return word_count(title) <= 15 and not (is_sentence(title + ".") and word_count(title) > 12)


_RELATED_KEY = f"boilerplate:related-link:{PHRASES}"  # what related-link compiles, once per process


@classifier("boilerplate.related-link")
def classify_related_link(doc: Document) -> list[Verdict]:
    """A related-article teaser: a known lead (`Also read`, `Lire aussi`) glued to or followed
    by a colon, an arrow or an ellipsis and a linked title, or a `>>` link line. Safe in those
    forms when the rest has the shape of a title (a capital first, at most 25 words, no full stop
    after many words); unsafe when the lead is followed by a plain space and a capital, which a
    sentence could also do, or when the rest does not look like a title. A line that quotes the
    lead in a sentence (`Read more: that was all, investigators said.`) is left alone."""
    pat, opening, gate = _memo(doc, _RELATED_KEY, lambda: (
        _related_re(doc), _opening(doc, "related", ">»›["), gate_prefixes(phrases(doc).get("related", []))))
    text = doc.text
    # an arrow line needs `>>`, `»»`, `→`, `►` or `▶`: the lines holding an arrow are found by
    # one search of the text per arrow (most lines hold none)
    lines = nonblank(doc)
    holding = lines_holding(doc, _ARROW_CHARS)
    arrows = bool(holding)
    out = []
    # a verdict needs a line opening with a lead (its key tells, see gated_lines) or an arrow; a
    # lead after `»` is taken with the arrows (the key turns `»` into a quote mark, which it keeps)
    also = [i for i in holding if lines[i].text.lstrip()[:1] in _ARROWS]
    with_arrow = holding  # (the lines holding one of _TRAIL_ARROWS: the same characters as _ARROWS)
    trailing = [i for i in with_arrow if lines[i].text.rstrip()[-1:] in _TRAIL_ARROW_SET]
    labelled = [] if _LABEL_ARROWS.isdisjoint(page_non_ascii(doc)) else \
        [i for i in with_arrow if _LABEL_ARROW_RE.match(lines[i].text)]
    if labelled:
        also = sorted({*also, *labelled})
    if trailing:  # `Our live coverage of the fire ›`: a link whose arrow closes it
        also = sorted({*also, *trailing})
    if "[" in text:  # `[ALSO ON OUR SITE] Gabon: …`: a bracketed lead
        also = sorted({*also, *(i for i in lines_holding(doc, ("[",)) if lines[i].text.lstrip()[:1] == "[")})
    if "«" in text or "‹" in text:  # `« Previous article: …`: a blog's navigation arrow
        also = sorted({*also, *(i for i in lines_holding(doc, ("«", "‹")) if lines[i].text.lstrip()[:1] in "«‹")})
    for ln in gated_lines(doc, gate, also):
        text = ln.text
        if len(text) > 300:
            continue
        body = strip_lead(text.lstrip().lstrip("«‹ ")) if text[:1] not in _RELATED_OWN_OPENINGS else text  # (`👉 Also read: …`)
        m = pat.match(body) if body and may_open(body, opening) else None  # (a line of marks only: `»`)
        if m:
            rest, sep = m.group("rest").strip(), m.group("sep")
            if not rest and line_key(doc, ln) in prompt_set(doc):
                out.extend(_titles_under(doc, ln))  # (its titles are still teasers)
                continue  # a bare `Read more` is a page prompt: one finding, not two
            if rest and attributed(rest):
                continue  # `Read more: that was the only text on the page, investigators said.`
            if not rest:
                safety = Safety.SAFE
            elif sep.strip() or (sep == "" and (rest[:1].isupper() or rest[:1].isdigit())):
                # `Also readDouble attack…`, `Read also: …`, `Also read…Senegal: …`
                shaped = _title_shaped(rest) and word_count(rest) <= 25 and \
                    not (rest.endswith(".") and not rest.endswith("..") and word_count(rest) > 8)
                safety = Safety.SAFE if shaped else Safety.UNSAFE
            elif rest[:1].isupper() and not is_sentence(text) and " " in m.group("lead").strip():
                safety = Safety.UNSAFE  # `See also The report…` (a one-word lead such as `Related Rights` reads on)
            else:
                continue
            out.append(Verdict("boilerplate.related-link", ln, safety, "A related-article link line."))
            if not rest or (rest.endswith(":") and word_count(rest) <= 3):
                # `Also read:` alone, or a section's block (`Also in Education:`): the linked
                # titles are the lines right under it
                out.extend(_titles_under(doc, ln))
        elif arrows and _ARROW_LINK_RE.match(text) and not is_sentence(text) and word_count(text) <= 25:
            out.append(Verdict("boilerplate.related-link", ln, Safety.SAFE, "A `>>` link line."))
        elif _ARROW_KICKER_RE.match(text) and not is_sentence(text) and word_count(text) <= 25:
            out.append(Verdict("boilerplate.related-link", ln, Safety.UNSAFE, "A linked title after an arrow."))
        elif labelled and _LABEL_ARROW_RE.match(text) and not is_sentence(text) and word_count(text) <= 30:
            out.append(Verdict("boilerplate.related-link", ln, Safety.UNSAFE, "A labelled link after an arrow."))
        elif trailing and _trailing_arrow_link(text):
            out.append(Verdict("boilerplate.related-link", ln, Safety.UNSAFE, "A link line closed by an arrow."))
    # the titles under a list header of the page (`Most read`, `Similar articles`), which the
    # header's own rule (page-prompt, page-widget) deletes
    headers = _memo(doc, f"boilerplate:list-headers:{PHRASES}",
                    lambda: frozenset(norm(p) for p in phrases(doc).get("header", [])))
    if headers:
        keys = key_list(doc)
        tailed = _tailed_headers(keys, by_first_word(doc), headers, _memo(
            doc, f"boilerplate:list-header-firsts:{PHRASES}", lambda: frozenset(h.split(" ", 1)[0] for h in headers)))
        if tailed or not headers.isdisjoint(keys):  # (most pages have no list header)
            taken = set(map(VERDICT_LINE, out))
            lines = nonblank(doc)
            exact = [i for i, k in enumerate(keys) if k in headers]
            prompts = prompt_set(doc)
            # the header itself is deleted here, with a tail (`Most read on the site this week ↓`)
            # or without one, unless it is a page prompt too (then page-prompt deletes it) or a
            # widget of interface words only one of which makes it sure (`Sponsored links`:
            # page-widget deletes it, safely)
            vocab = vocabulary(doc)
            for i in sorted({*tailed, *(i for i in exact if keys[i] not in prompts)}):
                if lines[i].number not in taken and (i in tailed or interface_safety(lines[i].text, vocab) is not Safety.SAFE):
                    out.append(Verdict("boilerplate.related-link", lines[i], Safety.UNSAFE, "The header of a list of links."))
            for i in sorted({*tailed, *exact}):
                ln = lines[i]
                out.extend(v for v in _titles_under(doc, ln, unmarked=True) if v.line.number not in taken)
        out.sort(key=lambda v: v.line.number)
    if len(out) > 1:  # one verdict a line: a title under a header may also be an arrow's link line
        seen: set[int] = set()
        out = [v for v in out if not (v.line.number in seen or seen.add(v.line.number))]
    return out


def _tailed_headers(keys: list[str], opened: dict[str, list[int]], headers: frozenset[str], firsts: frozenset[str]) -> list[int]:
    """The indices of the keys that are a list header and at most three more words (`most read
    on the site this week`, `related articles in health`): the page's own variant of a header.
    Only short keys whose first word opens some header are tried (``opened``: the keys' indices
    by their first word, see ``by_first_word``)."""
    out: list[int] = []
    common = firsts.intersection(opened)
    if not common:
        return out
    for i in sorted([i for w in common for i in opened[w]]) if len(common) > 1 else opened[next(iter(common))]:
        k = keys[i]
        if len(k) > 60 or k in headers:
            continue
        words = k.split(" ")
        if len(words) > 10 or k[-1:] in ".?!":
            continue
        if any(" ".join(words[:n]) in headers for n in range(max(1, len(words) - 3), len(words))):
            out.append(i)
    return out
