"""``typography.lowercase-demonym``: `the european union`, `senegalese farmers`: French writes
nationality adjectives in lower case (européen, sénégalais), and the translation kept the case.

English capitalises them always, so the words come from data: every demonym of the glossary's
countries (`demonym = "Malian"`) and the rule's list of regional adjectives (`European`,
`African`). A few set phrases keep the small letter in English (`french fries`), listed in
``keep_before``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document
from ..glossary import doc_glossary
from ..model import Finding, Rule


def _words(doc: Document, rule: Rule) -> frozenset[str]:
    """The lower-case spellings the rule looks for."""
    store = doc.cache["store"]

    def build() -> frozenset[str]:
        g = doc_glossary(doc)
        words = {str(w) for w in rule.params.get("adjectives", [])}
        for e in g.entities:
            d = getattr(e, "demonym", None) or ""
            if d and " " not in d and "-" not in d:
                words.add(d)
        return frozenset(w.lower() for w in words if w[:1].isupper())

    return store.memo(f"lowercase-demonym.words:{rule.id}", build)


def _pattern(doc: Document, rule: Rule) -> re.Pattern[str] | None:
    store = doc.cache["store"]

    def build() -> re.Pattern[str] | None:
        lowered = sorted(_words(doc, rule), key=len, reverse=True)
        if not lowered:
            return None
        keep = "|".join(re.escape(str(k)) for k in rule.params.get("keep_before", []))
        after = rf"(?!\s+(?:{keep})\b)" if keep else ""
        # not inside a URL, an address, a hashtag or a compound (`anglo-french`)
        return re.compile(rf"(?<![\w/@#.\-])(?:{'|'.join(map(re.escape, lowered))})(?![\w\-@]){after}")

    return store.memo(f"lowercase-demonym:{rule.id}", build)


def lowercase_demonym(doc: Document, rule: Rule) -> Iterator[Finding]:
    # most articles hold none of the words in lower case: the article's words (counted once
    # for several rules) tell it without a scan of the text
    if _words(doc, rule).isdisjoint(doc.word_counts):
        return
    pat = _pattern(doc, rule)
    if pat is None:
        return
    for m in pat.finditer(doc.text):
        word = m.group()
        yield rule.finding(m.start(), m.end(), word[0].upper() + word[1:],
                           message=f"Nationality adjective in lower case: {word!r} (English writes {word.capitalize()!r}).")
