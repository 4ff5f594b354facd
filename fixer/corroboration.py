"""Findings that count only beside other damage.

Some evidence is weak on its own: a French institution's name (`Assemblée nationale`) or a
short French phrase is what a careful English journalist may write on purpose, and what a
machine translation leaves behind. The two are told apart by the rest of the article: a page
that went through machine translation shows other damage (lost elisions, French typography,
untranslated runs, mangled names), a clean English article shows none. A detector marks such
a finding with ``WEAK`` in its ``data``; a full check keeps it only when the article has a
finding of another kind that is not weak and not boilerplate (scraper debris says nothing
about translation: clean English pages carry share prompts too).

A rule run alone (``fixer rules test``, ``Fixer.runner``) keeps its weak findings, so its
examples test the detector itself.

A weak finding may also yield (``YIELDING``): it is dropped when a finding of the same category
from another rule covers its span, so a French word inside a French run already found is not
reported twice. Only findings that ask for it yield; a user's rule never loses its findings.
"""

from __future__ import annotations

from .model import Finding

WEAK: tuple[tuple[str, str], ...] = (("needs", "corroboration"),)
YIELDING: tuple[tuple[str, str], ...] = (("needs", "corroboration"), ("yields", "covered"))


_NEEDS = ("needs", "corroboration")
_YIELDS = ("yields", "covered")


def is_weak(finding: Finding) -> bool:
    return finding.data is WEAK or _NEEDS in finding.data


def corroborated(found: list[Finding]) -> list[Finding]:
    """``found`` without its weak findings when nothing else in the article backs them."""
    # (``is_weak`` inlined: a full check runs this over every finding of the article)
    if not any(_NEEDS in f.data for f in found):
        return found
    if any(f.category != "boilerplate" and _NEEDS not in f.data for f in found):
        return found
    return [f for f in found if _NEEDS not in f.data]


def drop_covered(found: list[Finding]) -> list[Finding]:
    """``found`` without its yielding findings whose span a finding of the same category (and
    of another rule, not yielding itself) covers."""
    yielding = [f for f in found if _YIELDS in f.data]
    if not yielding:
        return found
    cover: dict[str, list[Finding]] = {}  # (by category: a yielding finding looks at its own only)
    for g in found:
        if _YIELDS not in g.data:
            cover.setdefault(g.category, []).append(g)
    dropped = {
        id(f)
        for f in yielding
        if any(g.rule != f.rule and g.start <= f.start and f.end <= g.end for g in cover.get(f.category, ()))
    }
    return [f for f in found if id(f) not in dropped] if dropped else found
