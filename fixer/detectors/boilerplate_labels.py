"""Debris inside a line rather than a whole line: a section label glued to the first sentence,
an update stamp opening a paragraph, the site's name after the headline.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..document import Document
from ..lazypattern import lazy
from ..model import Edit, Finding, Rule, Safety
from .boilerplate_common import (
    KICKER_RE,
    PHRASES,
    _memo,
    gate_prefixes,
    gated_lines,
    heading_like,
    lines_holding,
    may_kick,
    may_open,
    nonblank,
    norm,
    opening_chars,
    phrases,
    verdicts,
    word_count,
)
from .deletion_plan import emit, plan

_GLUED_LABEL_RE = lazy(regex.compile,
    r"^\s*(?P<label>\p{Lu}[\p{L}'’\-]+(?: (?:\p{Lu}[\p{L}'’\-]+|of|de|du|la|le|the|and|et)){0,3})\. (?=[\"“«]?\p{Lu})"
)
_UPDATE_STAMP_OPENING = opening_chars("[")  # (see may_open)
_UPDATE_STAMP_GATE = gate_prefixes(["["])  # (see gated_lines)
_UPDATE_STAMP_RE = lazy(regex.compile,
    r"^\s*\[(?:updated?|update|last updated|mis à jour|mise à jour|maj|màj|publié)\b[^\[\]\n]{0,60}\]\s*", regex.I
)


def _is_dateline(doc: Document, label: str) -> bool:
    """`NEW DELHI`, `NIAMEY/BAMAKO`, `NICE, FRANCE`: a place opening the lead, not a kicker."""
    places = _memo(doc, f"boilerplate:datelines:{PHRASES}",
                   lambda: frozenset(norm(p) for p in phrases(doc).get("dateline", [])))
    parts = [norm(p) for p in regex.split(r"[/,]", label) if p.strip()]
    return bool(parts) and all(p in places for p in parts)


def _may_glue(text: str) -> bool:
    """False when ``_GLUED_LABEL_RE`` cannot match ``text``: its label holds no full stop, so
    the stop after it is the first of the line, followed by a space, and the label has four
    words at most, one space apart. The first sentence of most leads is longer."""
    k = text.find(".")
    return k > 0 and text[k + 1 : k + 2] == " " and text[:k].lstrip().count(" ") <= 3


def section_label(doc: Document, rule: Rule) -> Iterator[Finding]:
    """A section or kicker label glued to the start of a paragraph: `END OF SERVICE: Due to…`,
    `« NEVERMORE ? »: The…`, or in the headline and lead, `Ivory Coast. "It's…`, where a one- to
    four-word capitalised label ends with a full stop. Unsafe: the label may be a short sentence.

    The full stop of an abbreviation (`Florida Gov. Ron DeSantis`, `Mount St. Helens`, `Martin
    Luther King Jr. Day`) ends no label: a label whose last word is one of the rule's
    ``abbreviations`` is a name running on, wherever it sits in the name."""
    lines = nonblank(doc)
    planned = plan(doc)
    # a kicker ends with a colon; a glued label is in one of the first two lines
    maybe = {0, 1, *lines_holding(doc, (":",))}  # (the colons found in the whole text)
    for i in sorted(maybe):
        if i >= len(lines):
            break
        ln = lines[i]
        text = ln.text
        if ln.number in planned:
            continue  # the whole line goes (`READ ALSO: …` is a related link, not a label)
        m = KICKER_RE.match(text) if ":" in text and may_kick(text) else None  # a kicker ends with a colon
        # a kicker opens the lead, right under a headline; mid-article capitals (`WHAT'S NEXT:`)
        # are the outlet's own subheads, and a headline under the section's name keeps its own
        # kicker (`CULTURE` / `FEMUA 2025: Anoumabo celebrates…`: the second line, a title)
        if (m and i > 0 and heading_like(lines[i - 1].text) and not (i == 1 and heading_like(text))
                and not _is_dateline(doc, m.group("label"))):
            label = m.group("label").strip()
            letters = [c for c in label if c.isalpha()]
            if len(letters) >= 3 and all(c.isupper() for c in letters) and len(label.split()) <= 5 \
                    and word_count(text[m.end():], 4) >= 4:
                lead = len(text) - len(text.lstrip())
                yield rule.finding(ln.start + lead, ln.start + m.end(), "", safety=Safety.UNSAFE,
                                   message="A section label glued to the first sentence.")
                continue
        if i > 1:
            continue
        g = _GLUED_LABEL_RE.match(text) if _may_glue(text) else None
        if g and word_count(text[g.end():], 5) >= 5:
            label = g.group("label")
            parts = label.casefold().split()
            not_labels = {w.casefold() for w in rule.params.get("not_labels", [])}
            abbreviations = {w.casefold().rstrip(".") for w in rule.params.get("abbreviations", [])}
            if label.casefold() in not_labels or parts[0] in not_labels or parts[-1] in abbreviations:
                continue
            yield rule.finding(ln.start + g.start("label"), ln.start + g.end(), "", safety=Safety.UNSAFE,
                               message="A section label glued to the headline or the lead.")


def update_stamp(doc: Document, rule: Rule) -> Iterator[Finding]:
    """`[Updated March 13, 2023 at 7:34 p.m.]` opening a paragraph, or `Updated 23/06/2024 at
    21:40` on a line of its own (deleted with the other debris lines of the deletion plan)."""
    yield from emit(doc, rule, verdicts(doc, rule.id))
    planned = plan(doc)
    if "[" not in doc.text:
        return  # the stamp opens with `[`
    for ln in gated_lines(doc, _UPDATE_STAMP_GATE):
        if ln.number in planned:
            continue
        m = _UPDATE_STAMP_RE.match(ln.text) if may_open(ln.text, _UPDATE_STAMP_OPENING) else None
        if m and len(m.group().strip()) < len(ln.text.strip()):
            s = ln.start + ln.text.index("[")
            e = ln.start + ln.text.index("]", s - ln.start) + 1
            yield rule.finding(s, e, message=None, safety=rule.safety, edits=(Edit(s, ln.start + m.end(), ""),),
                               title="Delete the update stamp")


# a bar, or a dash with spaces around it, then one to five capitalised words to the end of the line
# a site name: a capitalised word (or a domain, `lefaso.net`), then up to four capitalised words,
# the small words of names (`Journal du Cameroun`, `Voice of America`) or `news` / `info`
_SITE_SUFFIX_RE = lazy(regex.compile,
    r"\s+[|\-–—]\s+(?:\p{Lu}[\p{L}\p{N}.'’&\-]*|[\p{Ll}\p{N}\-]+\.(?:com|net|org|info|fr|ca|be|ch|sn|ci|ml|bf|cm|ga|td|bj|tg|ne|ma|dz|tn)\b)"
    r"(?:\s+(?:[\p{Lu}\p{N}][\p{L}\p{N}.'’&\-]*|de|du|des|la|le|les|of|the|and|et|d['’]\p{Lu}\p{L}*|l['’]\p{Lu}\p{L}*|news|info|infos|online)){0,4}\s*$"
)


def title_site_suffix(doc: Document, rule: Rule) -> Iterator[Finding]:
    """` | CBC News` or ` - Caribbean Dispatch` after the headline: the source site's name from
    the HTML title."""
    title = doc.title
    if title is None or not ("|" in title.text or " - " in title.text or "–" in title.text or "—" in title.text):
        return  # (the suffix follows a bar or a dash)
    m = _SITE_SUFFIX_RE.search(title.text)
    if m and word_count(title.text[: m.start()]) >= 3:
        s, e = title.start + m.start(), title.start + m.end()
        yield rule.finding(s, e, "", safety=rule.safety)
