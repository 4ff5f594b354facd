"""``merged-word.lower-join``: two lower-case words glued where a space was lost (`thenorth`,
`elderlyand`, `ofthe`).

Case-join sees the capital that marks a lost space (`theAlliance`); between two small words
nothing marks it, so the test is the dictionary's. A run of small letters that neither English
nor French knows at all (the frequency lists hold hundreds of thousands of words, so a word
missing from both is rare) and that splits in exactly one way into a short function word and a
common English word is two words. A function word is required on one side: two content words
glued (`crisisresponse`) cut into too many plausible pairs, and names written small
(`lagos`) split into nonsense that a function word rarely explains.

Each distinct run is decided once per process (``merged_words.RunFilter``), so an article costs
a set operation unless one of its runs is such a word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..document import Document
from ..lexicon import common_words_set, zipf_en, zipf_fr
from ..model import Edit, Finding, Rule
from .merged_words import RunFilter, run_book, selected_runs, words_param


@dataclass(frozen=True)
class Setup:
    runs: RunFilter[int]
    max_repeats: int
    sure: frozenset[str]  # words beside which the space is safe


def lower_join(doc: Document, rule: Rule) -> Iterator[Finding]:
    setup, ctx, wanted = selected_runs(doc, rule, lambda: _setup(doc, rule))
    if not wanted:
        return
    text, sure = ctx.text, setup.sure
    for run, cut in sorted(wanted):
        positions = ctx.positions(run)
        if len(positions) > setup.max_repeats:
            continue  # a strange token the article repeats is a name or a term, not an accident
        for start in positions:
            end = start + len(run)
            if _touched(text, start, end) or ctx.skipped(start, end) or ctx.in_code(start):
                continue
            left, right = run[:cut], run[cut:]
            if right in _DETERMINERS and not _word_may_follow(text, end, right):
                continue  # `kan ha diskan singers`: `an` before a consonant, or a determiner before nothing
            yield rule.finding(
                start,
                end,
                edits=(Edit(start + cut, start + cut, " "),),
                safety=None if left in sure or right in sure else "unsafe",
                message=f"Two words glued together: '{run}' is '{left} {right}'.",
                title=f"{left} {right}",
            )


# the function words that must be followed by a word (`an` by one opening with a vowel sound)
_DETERMINERS = frozenset("the an his her its their this".split())
_NEXT_WORD_RE = re.compile(r"[ \t\u00a0]+([^\W\d_])")


def _word_may_follow(text: str, end: int, determiner: str) -> bool:
    """Whether a word follows ``end`` as the split's last word needs: any word after a
    determiner, and after `an` one opening with a vowel or an `h`."""
    m = _NEXT_WORD_RE.match(text, end)
    if m is None:
        return False
    return determiner != "an" or m.group(1).lower() in "aeiouhàâéèêîôû"


def _touched(text: str, start: int, end: int) -> bool:
    """A digit, underscore, address sign or apostrophe against the run (`aarch64`, `snake_case`,
    `@handle`, an elided French word): an identifier or a word of another shape, not prose. A
    hyphen may follow it (`thenorth-east`), not precede it (`-atable`, a suffix named)."""
    return (start > 0 and text[start - 1] in _STUCK_BEFORE) or (end < len(text) and (text[end] in _STUCK or text[end].isdigit()))


_STUCK = frozenset("0123456789_@#/\\'’")
_STUCK_BEFORE = _STUCK | {"-"}  # `-atable`: a suffix named, or the tail of a compound


def _setup(doc: Document, rule: Rule) -> Setup:
    glue = words_param(doc, rule, "function_words")
    decide = lower_join_decider(
        glue,
        min_zipf=float(rule.params.get("min_zipf", 3.0)),
        min_length=int(rule.params.get("min_length", 5)),
        min_part=int(rule.params.get("min_part", 3)),
        typo_zipf=float(rule.params.get("typo_zipf", 3.5)),
    )
    sure = words_param(doc, rule, "safe_words")
    # among runs one a line, those the decider may want (ASCII small letters, min_length at least):
    # one scan of a new article's runs instead of a call for each
    shape = re.compile(rf"(?m)^[a-z]{{{max(1, int(rule.params.get('min_length', 5)))},}}$")
    return Setup(RunFilter(run_book(doc.cache["store"]), decide, shape=shape), int(rule.params.get("max_repeats", 2)), sure)


def lower_join_decider(
    glue: frozenset[str], *, min_zipf: float, min_length: int, min_part: int, typo_zipf: float = 3.5
) -> Callable[[str], int | None]:
    """Where to cut a run, whatever the article: the one split into a function word and a
    common word, or None (no such split, or several: `tothe` is `to the`, but a run that is
    also `tot he` by the rule's measure is left alone)."""
    longest = max(map(len, glue), default=0)

    common = common_words_set(typo_zipf)  # words this frequent are words, even glued ones (`ofthe` is less)

    def decide(run: str) -> int | None:
        if len(run) < min_length or not run.isascii() or not run.isalpha() or not run.islower():
            return None
        if run in common:
            return None  # (most runs: a set test, no look-up)
        if not any(run[:k] in glue or run[-k:] in glue for k in range(1, min(longest, len(run)) + 1)):
            return None  # every answer below cuts off a function word at one end: no look-up
        if zipf_en(run) > 0 or zipf_fr(run) > 0:
            # the lists hold the commonest gluings of an article as typos (`ofthe` 3.3, `inthe`
            # 2.6): a function word glued to `the` is no word whatever its frequency, since no
            # English word is one of them followed by `the` (`lathe`, `bathe` open otherwise)
            head = run[:-3]
            return len(head) if run.endswith("the") and head in glue and zipf_en(run) < typo_zipf else None
        cuts = []
        for cut in range(1, len(run)):
            left, right = run[:cut], run[cut:]
            if cut <= longest and left in glue and (right in glue or (len(right) >= min_part and zipf_en(right) >= min_zipf)):
                cuts.append(cut)
            elif len(right) <= longest and right in glue and len(left) >= min_part and zipf_en(left) >= min_zipf:
                cuts.append(cut)
        return cuts[0] if len(cuts) == 1 else None

    return decide
