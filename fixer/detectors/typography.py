"""French typography and scraping scars left in English text: quotes, stops, words, encoding.

Quotation marks are judged per paragraph (one line of the file) by one left-to-right scan,
shared by the quote rules through ``doc.cache``: curly marks and guillemets have a direction,
so a pair, a mark used the wrong way round and a mark left alone can be told apart without
guessing. Straight quotes have no direction; only an isolated one (spaces on both sides) is
flagged. A fix is offered only when the scan leaves no doubt, and is safe only when the
repaired text is the one any editor would write.
"""

from __future__ import annotations

import difflib
import itertools
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..document import Document
from ..model import Edit, Finding, Rule, Safety

OPENERS = {"“": "“", "«": "“"}
CLOSERS = {"”": "”", "»": "”"}
_SPACES = " \u00a0\u202f\u2009"


@dataclass(frozen=True, slots=True)
class Quote:
    """What the scan made of one quotation mark (offsets in the document)."""

    kind: str  # "pair", "reversed", "dangling-open", "dangling-close"
    open: int = -1  # offset of the opening mark (pair, dangling-open, reversed opener)
    close: int = -1  # offset of the closing mark (pair, dangling-close, reversed closer)


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _scan_line(text: str, base: int, next_opens: bool) -> list[Quote]:
    """Pair the curly quotes and guillemets of one paragraph."""
    out: list[Quote] = []
    open_at = -1
    n = len(text)
    for i, ch in enumerate(text):
        if ch not in OPENERS and ch not in CLOSERS:
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < n else " "
        if ch in OPENERS:
            # `Left-handed“,`: an opening mark glued to the word before it and followed by
            # punctuation or space is a closing mark the wrong way round
            if ch == "“" and (_is_word(before) or before in ".,!?…") and (after in _SPACES + ",.;:!?)]" or i + 1 == n):
                if open_at >= 0:
                    out.append(Quote("reversed", open=open_at, close=base + i))
                    open_at = -1
                else:
                    out.append(Quote("reversed", close=base + i))
                continue
            if open_at >= 0:
                out.append(Quote("dangling-open", open=open_at))
            open_at = base + i
        else:
            if open_at < 0 and ch == "”" and before in _SPACES + "([—–" and _is_word(after):
                # `said ”Hello`: a closing mark opening a quotation
                open_at = base + i
                out.append(Quote("reversed", open=base + i))
                continue
            if open_at >= 0:
                out.append(Quote("pair", open=open_at, close=base + i))
                open_at = -1
            else:
                out.append(Quote("dangling-close", close=base + i))
    if open_at >= 0 and not next_opens:
        out.append(Quote("dangling-open", open=open_at))
    return out


_FINISHED_RE = regex.compile(r"[.!?…:;”\"»)\]]\s*$")


def quotes(doc: Document) -> list[Quote]:
    """The scan of every paragraph, computed once per document."""
    key = "typography:quotes"
    if key in doc.cache:
        return doc.cache[key]
    lines = [ln for ln in doc.lines if not ln.blank]
    out: list[Quote] = []
    for i, ln in enumerate(lines):
        if not any(c in ln.text for c in "“”«»"):
            continue
        nxt = lines[i + 1].text.lstrip() if i + 1 < len(lines) else ""
        found = _scan_line(ln.text, ln.start, nxt[:1] in ("“", "«"))
        if i + 1 == len(lines) and not _FINISHED_RE.search(ln.text):
            # an excerpt cut mid-sentence: its last quotation may be closed after the cut
            found = [q for q in found if q.kind != "dangling-open"]
        out.extend(found)
    doc.cache[key] = out
    return out


def _line_start(doc: Document, offset: int) -> int:
    return doc.line_starts[doc.line_col(offset)[0] - 1]


def _spaces_before(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1] in _SPACES:
        pos -= 1
    return pos


def _spaces_after(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _SPACES:
        pos += 1
    return pos


_INNER_MARK_RE = regex.compile(r"[ \u00a0\u202f]+([?!])[ \u00a0\u202f]*(?=$)")


def guillemets(doc: Document, rule: Rule) -> Iterator[Finding]:
    """« » to English quotes, with the French inner spaces removed."""
    text = doc.text
    for q in quotes(doc):
        edits: list[Edit] = []
        safety = Safety.SAFE
        if q.kind == "pair" and not text[q.open + 1 : q.close].strip(_SPACES):
            continue  # `« »`: an empty pair, nothing to quote
        if q.open >= 0 and text[q.open] == "«" and q.kind in ("pair", "dangling-open"):
            edits.append(Edit(q.open, _spaces_after(text, q.open + 1), "“"))
            if q.kind == "dangling-open":
                safety = Safety.UNSAFE
        if q.close >= 0 and text[q.close] == "»" and q.kind in ("pair", "dangling-close"):
            start = _spaces_before(text, q.close)
            prev = text[start - 1] if start else ""
            if q.kind == "dangling-close" and prev not in ".!?…":
                continue  # `Home » News`: an arrow, not a quotation mark
            end, repl = q.close + 1, "”"
            inner = _INNER_MARK_RE.search(text, max(0, start - 12), start)
            line_start = _line_start(doc, q.close)
            if q.kind == "dangling-close" and start - line_start <= 8 and not text[line_start:start].strip(" .!?…"):
                safety = Safety.UNSAFE  # `\n\n. »`: the quotation was cut by a paragraph break
            if inner and inner.end() == start:
                start, repl = inner.start(), inner.group(1) + "”"  # `NEVERMORE ? »` → `NEVERMORE?”`
            elif prev == "." and text.startswith(",", end):
                start, end, repl = start - 1, end + 1, ",”"  # `low. »,` → `low,”`
                safety = Safety.UNSAFE
            edits.append(Edit(start, end, repl))
        if not edits:
            continue
        s = min(e.start for e in edits)
        e = max(e.end for e in edits)
        yield rule.finding(s, e, safety=safety, edits=tuple(edits), title="Use English quotation marks")


def quote_spacing(doc: Document, rule: Rule) -> Iterator[Finding]:
    """`“ This` → `“This`; `priority ”.` → `priority”.`; `, ”said` → `,” said`."""
    text = doc.text
    for q in quotes(doc):
        if q.kind != "pair":
            continue
        if text[q.open] == "“":
            after = _spaces_after(text, q.open + 1)
            if after > q.open + 1 and after < q.close and "\n" not in text[q.open:after]:
                yield rule.finding(q.open, after, "“")
        if text[q.close] == "”":
            start = _spaces_before(text, q.close)
            if start < q.close and start > q.open + 1:
                nxt = text[q.close + 1] if q.close + 1 < len(text) else ""
                repl = "” " if nxt.isalpha() else "”"
                yield rule.finding(start, q.close + 1, repl)


def reversed_quote(doc: Document, rule: Rule) -> Iterator[Finding]:
    """An opening mark closing a quotation (`Left-handed“,`) or the reverse: point at it and
    offer the turned mark (unsafe: a garbled quotation may need more than one mark)."""
    text = doc.text
    for q in quotes(doc):
        if q.kind != "reversed":
            continue
        if q.close >= 0 and text[q.close] == "“":
            yield rule.finding(q.close, q.close + 1, "”", message="An opening quotation mark used to close a quotation.")
        elif q.open >= 0 and text[q.open] == "”":
            yield rule.finding(q.open, q.open + 1, "“", message="A closing quotation mark used to open a quotation.")


_STRAIGHT_SPACED_RE = regex.compile(r'(?<=[ \t])"(?=[ \t])')


_SENTENCE_BREAK_RE = regex.compile(r"[.!?…][”\"’)]*\s+(?=\p{Lu})")


def unbalanced_quote(doc: Document, rule: Rule) -> Iterator[Finding]:
    """A quotation mark with no partner in its paragraph, or a straight quote standing alone
    between spaces: point at it (a quotation split by removed markup or resumed French-style
    after its attribution); no fix, only the writer knows where the quotation runs."""
    text = doc.text
    for q in quotes(doc):
        if q.kind == "dangling-open":
            yield rule.finding(q.open, q.open + 1, message="An opening quotation mark that is never closed.")
        elif q.kind == "dangling-close":
            line_start = _line_start(doc, q.close)
            before = _spaces_before(text, q.close)
            if text[q.close] == "»" and (before <= line_start or text[before - 1] not in ".!?…"):
                continue  # `Home » News`, `Read more »`: an arrow, not a quotation mark
            # point from the start of the sentence the mark closes (looking back a paragraph at most)
            ends = [m.end() for m in _SENTENCE_BREAK_RE.finditer(text, max(line_start, q.close - 1000), q.close)]
            start = ends[-1] if ends else line_start
            yield rule.finding(start, q.close + 1, message="A closing quotation mark with no opening mark.")
    for ln in doc.lines:
        if '"' in ln.text:
            for m in _STRAIGHT_SPACED_RE.finditer(ln.text):
                yield rule.finding(ln.start + m.start(), ln.start + m.end(),
                                   message="A straight quotation mark standing alone between spaces.")
            if ln.text.rstrip().endswith(' "'):
                pos = ln.start + len(ln.text.rstrip()) - 1
                if not _STRAIGHT_SPACED_RE.search(ln.text.rstrip()[-3:]):
                    yield rule.finding(pos, pos + 1, message="A quotation mark alone at the end of a paragraph.")


# --------------------------------------------------------------------------- patterns off debris


def _doomed(doc: Document) -> frozenset[int]:
    """Lines a safe boilerplate rule deletes: no point polishing their typography."""
    key = "typography:doomed"
    if key not in doc.cache:
        from . import boilerplate

        doomed: set[int] = set()
        if doc.cache.get("store") is not None:
            for rule_id in boilerplate.LINE_RULES:
                doomed.update(v.line.number for v in boilerplate.verdicts(doc, rule_id) if v.safety is Safety.SAFE)
        doc.cache[key] = frozenset(doomed)
    return doc.cache[key]


def pattern_off_debris(doc: Document, rule: Rule) -> Iterator[Finding]:
    """The ``pattern`` kind (keys ``pattern`` or ``patterns``, ``replace``), skipping lines that
    a safe boilerplate rule deletes whole, so a deleted line gets one fix, not two."""
    store = doc.cache.get("store")
    pats = rule.params.get("patterns") or [rule.params["pattern"]]

    flags = 0
    for letter in str(rule.params.get("flags", "")):
        flags |= {"i": regex.IGNORECASE, "m": regex.MULTILINE, "s": regex.DOTALL, "x": regex.VERBOSE}.get(letter, 0)

    def build() -> list[regex.Pattern[str]]:
        return [regex.compile(p, flags) for p in pats]

    compiled = store.memo(f"typography:pattern:{rule.id}:{pats}:{flags}", build) if store is not None else build()
    template = rule.params.get("replace")
    doomed = _doomed(doc)
    for pat in compiled:
        try:
            matches = list(pat.finditer(doc.text, timeout=1.0))
        except TimeoutError:
            from ..kinds.pattern import PatternTimeout

            raise PatternTimeout(f"rule {rule.id}: pattern timed out after 1.0s") from None
        for m in matches:
            if doomed and doc.line_col(m.start())[0] in doomed:
                continue
            replacement = None if template is None else m.expand(template)
            if replacement is not None and replacement == m.group():
                continue
            yield rule.finding(m.start(), m.end(), replacement)


# --------------------------------------------------------------------------- numbers

_THOUSANDS_RE = regex.compile(
    r"(?<![\p{N},.][ \u00a0\u202f]?)(?<![\p{N}])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![ \u00a0\u202f]?\p{N})(?![,.]\d)"
)


def french_thousands(doc: Document, rule: Rule) -> Iterator[Finding]:
    """`10 000` → `10,000`: one finding per number."""
    for m in _THOUSANDS_RE.finditer(doc.text):
        yield rule.finding(m.start(), m.end(), regex.sub(r"[ \u00a0\u202f]", ",", m.group()))


# --------------------------------------------------------------------------- repeated text


_DOUBLED_WORD_RE = regex.compile(r"\b(\p{L}+)([ \u00a0]+)(\p{L}+)\b")


def doubled_word(doc: Document, rule: Rule) -> Iterator[Finding]:
    """`the joint joint committee` → `the joint committee`. Words that English (or French, in
    a quotation) legitimately doubles are in the rule's ``allow`` list (`had had`, `that that`);
    two capitalised copies are names (`Bora Bora`) and are left alone."""
    allow = {w.casefold() for w in rule.params.get("allow", [])}
    text = doc.text
    for m in _DOUBLED_WORD_RE.finditer(text, overlapped=True):
        a, b = m.group(1), m.group(3)
        if a.casefold() != b.casefold() or a.casefold() in allow or (len(a) == 1 and a.casefold() != "a"):
            continue
        if b[:1].isupper() or a.isupper():
            continue  # `Bora Bora`, `Walla Walla`, `NO NO`
        if a.isdigit():
            continue
        after = text[m.end(3) : m.end(3) + len(a) + 2]
        before = text[max(0, m.start(1) - len(a) - 2) : m.start(1)]
        if after.strip().casefold().startswith(a.casefold()) or before.strip().casefold().endswith(a.casefold()):
            continue  # `text text text`: a deliberate run, not a slip
        yield rule.finding(m.start(1), m.end(3), a, message=f"The word {a!r} is doubled.")


_DOUBLED_STOP_RE = regex.compile(r"(?<=[\p{L}\p{N})\]”\"’])(\.)[ \u00a0]+\.(?![ \u00a0]*\.)|(?<=[\p{L}\p{N}]),,(?!,)")


def doubled_punctuation(doc: Document, rule: Rule) -> Iterator[Finding]:
    """`landscape. . Indeed` → `landscape. Indeed`; `word,,` → `word,`; `French))` when the
    paragraph closes more brackets than it opens."""
    text = doc.text
    for m in _DOUBLED_STOP_RE.finditer(text):
        repl = "." if m.group(1) else ","
        yield rule.finding(m.start(), m.end(), repl)
    for ln in doc.lines:
        t = ln.text
        excess = t.count(")") - t.count("(")
        if "))" not in t or excess <= 0:
            continue
        for run in regex.finditer(r"\){2,}", t):
            drop = min(excess, len(run.group()) - 1)
            if drop <= 0:
                break
            excess -= drop
            yield rule.finding(ln.start + run.start(), ln.start + run.end(), ")" * (len(run.group()) - drop),
                               message="A doubled closing bracket.")


_STRAY_STOP_RE = regex.compile(r"(?<![\p{L}.])(\p{Ll}[\p{Ll}'’\-]+)\.[ \u00a0]+(\p{Ll}{2,})\b")


_ROMAN_RE = regex.compile(r"[ivxlc]+")
_NAME_PARTICLES = frozenset("de del della der den van von da das di dos du la le al el bin ibn ben ter".split())


def stray_stop(doc: Document, rule: Rule) -> Iterator[Finding]:
    """`the disease. of Covid-19`: a full stop followed by a lower-case word inside a sentence,
    left where the translation dropped or garbled a phrase. Abbreviations (`etc.`, `vs.`,
    `approx.`) are in the rule's ``abbreviations`` list. Warning only: the repair needs the
    sentence's meaning."""
    abbreviations = {w.casefold().rstrip(".") for w in rule.params.get("abbreviations", [])}
    text = doc.text
    for m in _STRAY_STOP_RE.finditer(text):
        if m.group(1).casefold() in abbreviations or _ROMAN_RE.fullmatch(m.group(1)):
            continue
        if m.group(2) in _NAME_PARTICLES:
            continue  # `… said. von der Leyen added`: a name that keeps its lower-case particle
        if not text[text.rfind("\n", 0, m.start()) + 1 : m.start()].strip():
            continue  # `ii. moral rights`: a list marker at the start of a line
        yield rule.finding(m.start(1), m.end(2))


# --------------------------------------------------------------------------- layout scars


_DROP_CAP_RE = regex.compile(r"^([\p{Lu}]) (\p{Lu}{2,}[\p{L}\-]*)", regex.M)


def drop_cap(doc: Document, rule: Rule) -> Iterator[Finding]:
    """`Q UARANTE…`: a paragraph's ornamental first letter split from its word. Safe when the
    joined word is a known English or French word; `A`, `I` and `O` are words of their own."""
    from ..lexicon import zipf_en, zipf_fr

    floor = float(rule.params.get("known_zipf", 3.0))
    for m in _DROP_CAP_RE.finditer(doc.text):
        if m.group(1) in "AIO":
            continue
        joined = m.group(1) + m.group(2)
        head = regex.split(r"[\-]", joined)[0]
        known = max(zipf_en(head), zipf_fr(head)) >= floor
        yield rule.finding(m.start(), m.end(), joined, safety=Safety.SAFE if known else Safety.UNSAFE)


_SPLIT_START_RE = regex.compile(r"^[ \t]*(?:([,;])(?=\s)|(\.)(?=[ \t]*[»”\"]|[ \t]+\p{Lu}))", regex.M)


_LIST_ITEM_RE = regex.compile(r"^[ \t]*(?:[a-z]|[ivxlc]+|\d+)[.)][ \t]")


def split_sentence(doc: Document, rule: Rule) -> Iterator[Finding]:
    """A sentence cut into paragraphs by removed link or italic markup: a paragraph that
    starts with `,`/`;` (joined back, safe) or with a full stop (joined back, unsafe), and a
    paragraph ending in a comma followed by one starting in lower case (joined, unsafe)."""
    lines = [ln for ln in doc.lines if not ln.blank]
    for prev, ln in itertools.pairwise(lines):
        if prev.text.rstrip().endswith(("“", '"')):
            continue
        m = _SPLIT_START_RE.match(ln.text)
        p_end = prev.start + len(prev.text.rstrip())
        if m:
            s = ln.start + (m.start(1) if m.group(1) else m.start(2))
            safety = Safety.SAFE if m.group(1) else Safety.UNSAFE
            yield rule.finding(p_end, s + 1, safety=safety, edits=(Edit(p_end, s, ""),),
                               message="A paragraph that starts with punctuation: the sentence was cut.")
        elif (ln.number > prev.number + 1 and prev.text.rstrip().endswith(",")
              and regex.match(r"[ \t]*\p{Ll}", ln.text) and not _LIST_ITEM_RE.match(ln.text)):
            # only across a paragraph break: a hard-wrapped text breaks lines after commas
            s = ln.start + len(ln.text) - len(ln.text.lstrip())
            yield rule.finding(p_end - 1, s + 1, safety=Safety.UNSAFE, edits=(Edit(p_end, s, " "),),
                               message="A paragraph that ends with a comma before one starting in lower case.")


# --------------------------------------------------------------------------- encoding


def _ftfy_config():  # ftfy is imported lazily
    from ftfy import TextFixerConfig

    # encoding repairs only: keep curly quotes, ligatures, widths, line breaks and Unicode form
    return TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )


_THAI_IN_LATIN_RE = regex.compile(r"[\p{Latin}\u0e00-\u0e7f]*(?:\p{Latin}[\u0e00-\u0e7f]|[\u0e00-\u0e7f]\p{Latin})[\p{Latin}\u0e00-\u0e7f]*")


def mojibake(doc: Document, rule: Rule) -> Iterator[Finding]:
    """Text decoded with the wrong code page (`CÃ´te dâ€™Ivoire`, `Cรดte`), repaired by ftfy
    (or, for the Thai code page ftfy does not try, by Python's own cp874 codec) and reported
    span by span, so the diff shows each repaired word."""
    import ftfy
    from ftfy.badness import is_bad

    store = doc.cache.get("store")
    config = store.memo("typography:ftfy-config", _ftfy_config) if store is not None else _ftfy_config()
    for ln in doc.lines:
        t = ln.text
        if t.isascii():
            continue
        fixed = t
        if is_bad(t):
            fixed = ftfy.fix_text(t, config)
        fixed = _THAI_IN_LATIN_RE.sub(_cp874, fixed)
        if fixed == t:
            continue
        matcher = difflib.SequenceMatcher(None, t, fixed, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op != "equal":
                yield rule.finding(ln.start + i1, ln.start + i2, fixed[j1:j2],
                                   message=f"Mojibake: {t[i1:i2]!r} should read {fixed[j1:j2]!r}.")


def _cp874(m: regex.Match[str]) -> str:
    """`Cรดte` → `Côte`: UTF-8 bytes read as Windows-874 (Thai); kept only when the bytes
    decode as UTF-8 into Latin letters."""
    word = m.group()
    try:
        out = word.encode("cp874").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return word
    return out if regex.fullmatch(r"[\p{Latin}\p{M}]+", out) else word


def is_sentence_end(text: str) -> bool:
    return bool(regex.search(r"[.!?…][\"'”’»)\]]*\s*$", text))


def lowercase_title(doc: Document, rule: Rule) -> Iterator[Finding]:
    """A headline that starts in lower case (`the farm gate price…`): its first words (a
    country or section prefix) were cut by the scraper. Unsafe: the capital is proposed, but
    the missing prefix may matter. Brand names (`iPhone`, `eBay`) are left alone."""
    title = doc.title
    if title is None:
        return
    m = regex.match(r"[ \t]*(\p{Ll}\p{Ll}*)(?=[ \t,:])", title.text)
    if m and len(title.text.split()) >= 3 and not is_sentence_end(title.text) \
            and m.group(1) not in ("by", "updated", "posted", "published", "photo", "source", "via"):
        s = title.start + m.start(1)
        yield rule.finding(s, s + len(m.group(1)), m.group(1)[0].upper() + m.group(1)[1:])


_NAME_RE = regex.compile(r"\b\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)*\b")


def _strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


_PREV_NAME_RE = regex.compile(r"(\p{Lu}[\p{L}\-]+)[ \u00a0]+$")
_NEXT_NAME_RE = regex.compile(r"^[ \u00a0]+(\p{Lu}[\p{L}\-]+)")


def _neighbour_names(text: str, m: regex.Match[str]) -> set[str]:
    out = set()
    before = _PREV_NAME_RE.search(text, max(0, m.start() - 40), m.start())
    after = _NEXT_NAME_RE.match(text[m.end() : m.end() + 40])
    if before:
        out.add("<" + _strip_accents(before.group(1)))
    if after:
        out.add(">" + _strip_accents(after.group(1)))
    return out


def _same_neighbour(text: str, bare: regex.Match[str], accented: list[regex.Match[str]]) -> bool:
    mine = _neighbour_names(text, bare)
    return any(mine & _neighbour_names(text, m) for m in accented)


def accent_consistency(doc: Document, rule: Rule) -> Iterator[Finding]:
    """A name written without its accents once (`Mbappe`) where the article writes it with
    them at least twice (`Mbappé`): the accent was dropped. The reverse (one accented `Québec`
    among many `Quebec`) is left alone: English spelling often drops French accents, while
    names of French bodies keep them."""
    found: dict[str, list[regex.Match[str]]] = {}
    for m in _NAME_RE.finditer(doc.text):
        found.setdefault(m.group(), []).append(m)
    groups: dict[str, list[str]] = {}
    for word in found:
        groups.setdefault(_strip_accents(word), []).append(word)
    minimum = int(rule.params.get("minimum", 2))
    for bare, forms in groups.items():
        if len(forms) < 2 or bare not in found:
            continue
        accented = max((f for f in forms if f != bare), key=lambda f: len(found[f]))
        if len(found[accented]) >= minimum and len(found[accented]) > len(found[bare]) and len(found[bare]) == 1:
            m = found[bare][0]
            # the same person or place: the name next to it is the same (`Kylian Mbappe` and
            # `Kylian Mbappé`; not `Francois Bonnardel` and `François Legault`)
            if not _same_neighbour(doc.text, m, found[accented]):
                continue
            yield rule.finding(m.start(), m.end(), accented,
                               message=f"{bare!r} is written {accented!r} elsewhere in the article.")


_SUPERSCRIPT_RE = regex.compile(r"\b(?:Mr|M)\.?(mes|me|lles|lle)\b(?=[ \u00a0]+\p{Lu})")
_SUPERSCRIPT_FORMS = {"me": "Mrs.", "mes": "Mesdames", "lle": "Miss", "lles": "Misses"}


def superscript_abbreviation(doc: Document, rule: Rule) -> Iterator[Finding]:
    """`Mr.me Speaker`, `M.lle Dupont`: the raised letters of `Mme`/`Mlle` merged after a
    translated `M.`; the English form of address is proposed (unsafe)."""
    for m in _SUPERSCRIPT_RE.finditer(doc.text):
        if m.group() in ("Mme", "Mlle", "Mmes", "Mlles"):
            continue  # the plain French abbreviation: untranslated, not a typography scar
        yield rule.finding(m.start(), m.end(), _SUPERSCRIPT_FORMS[m.group(1)])


_ACCENTED_WORD_RE = regex.compile(r"\b[\p{L}]*[À-ÖØ-öø-ÿ][\p{L}]*\b")


def _accent_index() -> dict[str, tuple[str, float]]:
    """Accent-free French word → its most frequent accented spelling and Zipf frequency."""
    from ..lexicon import _table

    index: dict[str, tuple[str, float]] = {}
    floor = 3.0  # only a common spelling is ever proposed (known_zipf), so rarer ones need no entry
    for word, z in _table("fr").items():
        if z < floor or word.isascii():
            continue
        bare = _strip_accents(word)
        if bare != word and (bare not in index or index[bare][1] < z):
            index[bare] = (word, z)
    return index


def misplaced_accent(doc: Document, rule: Rule) -> Iterator[Finding]:
    """`Méteo France`: an accented word that French spells with other accents (`Météo`), far
    more often (``ratio`` in Zipf units) and commonly (``known_zipf``). Names, whose accents
    French does not know better, are left alone. Unsafe: the usual spelling is proposed."""
    from ..lexicon import zipf_fr

    store = doc.cache.get("store")
    index = store.memo("typography:accent-index", _accent_index) if store is not None else _accent_index()
    known = max(3.0, float(rule.params.get("known_zipf", 3.0)))
    gap = float(rule.params.get("ratio", 2.0))
    for m in _ACCENTED_WORD_RE.finditer(doc.text):
        word = m.group()
        low = word.lower()
        if len(word) < 4 or any(c.isupper() for c in word[1:]):
            continue  # `ä`, `Ré`, `DÉBAT`: too short or shouted to judge
        best = index.get(_strip_accents(low))
        if best is None or best[0] == low or best[1] < known or best[1] - zipf_fr(low) < gap:
            continue
        repl = best[0][0].upper() + best[0][1:] if word[0].isupper() else best[0]
        yield rule.finding(m.start(), m.end(), repl, message=f"French spells it {repl!r}.")


_ARTICLE_RE = regex.compile(r"\b(?P<art>[Aa]n?)[ \u00a0]+(?P<quote>[“\"‘]?)(?P<word>\p{L}[\p{L}\-’']*)")
_PREV_WORD_RE = regex.compile(r"([\p{L}’']+)[\s“\"]*$")


_SENTENCE_START_RE = regex.compile(r"(?:^|[.!?:“\"][ \u00a0]*|\n[ \t]*)$")


def indefinite_article(doc: Document, rule: Rule) -> Iterator[Finding]:
    """`a Ivory Coast team`, `an “free society`: the article does not match the next word's
    first sound (French `un`/`une` has one form). Only clear cases: `a` before a, e, i, o and
    `an` before a consonant other than h; `u`, `h`, acronyms, figures and the exceptions of
    the rule's ``vowel_sound_exceptions`` (`one`, `euro`…) are left alone, as is an article
    after a French word (`il y a`, `l’an`)."""
    from ..lexicon import zipf_en, zipf_fr

    exceptions = tuple(w.casefold() for w in rule.params.get("vowel_sound_exceptions", []))
    common = float(rule.params.get("function_word_zipf", 5.5))
    text = doc.text
    for m in _ARTICLE_RE.finditer(text):
        if m.start() and text[m.start() - 1] in "’'-(":
            continue  # `l’a`, `(a)`: not the English article
        art, word = m.group("art"), m.group("word")
        low = word.casefold()
        if any(c.isupper() for c in word[1:]) or regex.match(r"\p{L}(?:[\-\d]|$)", word):
            continue  # read by letter: `an MP`, `an mRNA vaccine`, `an X-ray`, `an F-16`
        if art[0].isupper() and not _SENTENCE_START_RE.search(text, max(0, m.start() - 3), m.start()):
            continue  # `Plan A offers`, `Group A is`: a letter, not an article
        first = low[0]
        if text[m.end() : m.end() + 1].isdigit():
            continue  # `an mp3`: read by letter
        if art.casefold() == "a":
            if first not in "aeio" or low.startswith(exceptions) or zipf_en(low) >= common:
                continue
            if word[0].isupper() and low.startswith("ou"):
                continue  # `a Ouattara ally`, `a Ouagadougou court`: French `ou` sounds like w
            repl = art + "n"
        else:
            if first in "aeiouhyx" or not first.isalpha() or first in "áàâäéèêëíìîïóòôöúùûü":
                continue
            repl = art[0]
        prev = _PREV_WORD_RE.search(text, max(0, m.start() - 30), m.start())
        if prev and zipf_fr(prev.group(1)) > zipf_en(prev.group(1)):
            continue  # `il y a eu`, `l’an dernier`: French, not an English article
        if zipf_en(low) == 0 and zipf_fr(low) > 0 and not word[0].isupper():
            continue  # a French word after `a`: an untranslated run
        yield rule.finding(m.start("art"), m.end("art"), repl,
                           message=f"Use {repl!r} before {word!r}.")


_ENTITY_RE = regex.compile(r"&(?:#\d{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,9});")


def html_entity(doc: Document, rule: Rule) -> Iterator[Finding]:
    """`It&#8217;s`, `Tom &amp; Jerry`, `&nbsp;`: HTML character references the scraper did not
    decode. The standard library's ``html.unescape`` gives the character; a no-break space
    becomes a plain space. Unknown names (`&foo;`) are left alone."""
    import html

    if "&" not in doc.text:
        return
    for m in _ENTITY_RE.finditer(doc.text):
        char = html.unescape(m.group())
        if char == m.group() or not char or "\ufffd" in char or any(unicodedata.category(c)[0] == "C" for c in char):
            continue
        yield rule.finding(m.start(), m.end(), " " if char == "\u00a0" else char)
