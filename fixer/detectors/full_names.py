"""``inconsistency.full-name``: one person's full name written two ways in an article (`Karine
Delporte` … `Karine Delport`, `Ousmane Diarra` … `Oumane Diarra`, `Yvan Degroote` … `Yvan De
Groote`, `Renaud Sauvage` … `Renaud Sauvages`).

name-variant and name-spelling compare single words, and must leave first names alone: two
people may spell `Mohamed` differently. A full name carries its own evidence: the same first
name with a surname one letter (or one space) away, or the same surname with a first name one
letter away, is one person typed twice, not two people. The spelling met first stands (the
article's first, full mention: `spelt Delporte earlier`), unless the other is used more often.
Names that are words (`South Africa` / `South African`) are left alone: the words that differ
must both be rare in English. Accent-only differences are name-spelling's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from itertools import compress
from operator import itemgetter, not_

from rapidfuzz.distance import Levenshtein

from ..document import Document
from ..lexicon import zipf_en
from ..model import Finding, Rule

# a capitalised word of Latin letters (`re`, which scans far faster than `regex`; names in other
# scripts are not looked at), a hyphenated one (`Jean-Marc`), and a particle before a surname.
# The runs of small letters are possessive: what may follow one (a hyphen, a space, or no word
# character) is no small letter, so giving letters back never lets the pattern match, and a
# capitalised word not followed by a name is given up at once instead of letter by letter.
_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
_WORD = rf"[{_UP}][{_LOW}]++(?:-[{_UP}][{_LOW}]++)?"


def _pattern(particles: tuple[str, ...]) -> re.Pattern[str]:
    joined = "|".join(re.escape(p) for p in particles)
    # the first name (its capital first, so the scan looks for a capital; the look-behind after
    # it), then (looked ahead, so the surname may open the next pair) the surname
    return re.compile(
        rf"(?P<first>[{_UP}](?<![\w'’-][{_UP}])[{_LOW}]++(?:-[{_UP}][{_LOW}]++)?)[ \u00a0]"
        rf"(?=(?P<last>(?:(?:{joined})[ \u00a0])?{_WORD})(?![\w'’-]))"
    )


_FIRST, _LAST = itemgetter(0), itemgetter(1)


def _bare(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.casefold()) if not unicodedata.combining(c))


def _key(word: str) -> str:
    """A word without accents, case, spaces or hyphens (`De Groote` and `Degroote` agree)."""
    return _bare(word).replace(" ", "").replace("\u00a0", "").replace("-", "")


def _close(a: str, b: str, min_length: int) -> bool:
    """Two different spellings of one name: one edit apart (two for a long name whose first
    four letters agree: ``LONG_NAME``), or equal once spaces and hyphens go, not only by
    accents, long enough for one letter to be a slip."""
    if _bare(a) == _bare(b):
        return False  # the same letters: accents or case only
    ka, kb = _key(a), _key(b)
    if ka == kb:
        return True  # a space or a hyphen (`De Groote`, `Degroote`)
    shortest = min(len(ka), len(kb))
    if shortest < min_length:
        return False
    distance = Levenshtein.distance(ka, kb)
    # a long name may slip twice at its end (`Rabineau`, `Rabinaud`), its opening kept
    return distance <= 1 or (distance == 2 and shortest >= LONG_NAME and ka[:4] == kb[:4])


# a name this long (letters, without accents, spaces or hyphens) may differ by two edits after
# its first four letters and still be one person's, with the same first name or surname beside it
LONG_NAME = 8


def _setup(doc: Document, rule: Rule) -> tuple[re.Pattern[str], frozenset[str]]:
    """The pattern of ``rule``'s ``particles`` and its ``not_first_names`` as a set: built
    once per rule and data store, not in every article, while the rule holds the same lists
    (the memo keeps them, so that an equal id means the same lists)."""
    params = rule.params
    lists = (params.get("particles", ()), params.get("not_first_names", ()))

    def build() -> tuple[tuple[object, object], re.Pattern[str], frozenset[str]]:
        particles = tuple(str(p) for p in lists[0])
        return lists, _pattern(particles), frozenset(str(w) for w in lists[1])

    got = doc.cache["store"].memo(f"full_names.setup.{rule.id}", build)
    if got[0][0] is not lists[0] or got[0][1] is not lists[1]:
        got = build()
    return got[1], got[2]


def full_name(doc: Document, rule: Rule) -> Iterator[Finding]:
    text = doc.text
    rare = float(rule.params.get("max_word_zipf", 3.5))
    min_length = int(rule.params.get("min_length", 5))
    pattern, stop = _setup(doc, rule)
    # the distinct names, in order of first mention (``findall`` and ``dict.fromkeys`` run in
    # C; where a name stands and how often is only looked up for the few that are wrong)
    found = dict.fromkeys(pattern.findall(text))
    if len(found) < 2:
        return
    # (compress and map keep the per-name tests in C)
    names = list(compress(found, map(not_, map(stop.__contains__, map(_FIRST, found)))))
    # a pair to compare shares a first name or a surname: most articles have none (their
    # shared first words are in ``not_first_names``: The, In)
    if len(set(map(_FIRST, names))) == len(names) and len(set(map(_LAST, names))) == len(names):
        return
    order = {n: k for k, n in enumerate(names)}
    # only names sharing a first name (or a surname) are compared: a few small groups
    by_first: dict[str, list[tuple[str, str]]] = {}
    by_last: dict[str, list[tuple[str, str]]] = {}
    for n in order:
        by_first.setdefault(n[0], []).append(n)
        by_last.setdefault(n[1], []).append(n)
    pairs = []
    for shared, side in ((by_first, 1), (by_last, 0)):
        for group in shared.values():
            if len(group) < 2:
                continue
            for i, a in enumerate(group):
                for b in group[i + 1 :]:
                    if _close(a[side], b[side], min_length):
                        pairs.append((order[a], a, b, (a[side], b[side])))
    if not pairs:
        return
    mentions: dict[tuple[str, str], list[int]] = {}
    for m in pattern.finditer(text):
        mentions.setdefault((m.group("first"), m.group("last")), []).append(m.start())
    done: set[tuple[str, str]] = set()
    for _, a, b, differ in sorted(pairs):
        if a in done or b in done:
            continue
        if any(zipf_en(w.replace(" ", "")) >= rare for w in differ):
            continue  # words, not names (`South Africa` / `South African`)
        x, y = sorted(differ, key=len)
        if y == x + "s" and zipf_en(a[0]) >= rare:
            continue  # a plural after a common word (`Terminal Emulators`): a title, not a person
        if y == x + "n" and x[-1:] in "ae":
            continue  # a place and its people (`French Polynesia` / `French Polynesian`)
        # the spelling met first stands, unless the other is used more often
        right, wrong = (a, b) if len(mentions[a]) >= len(mentions[b]) else (b, a)
        done.add(wrong)
        target = f"{right[0]} {right[1]}"
        for at in mentions[wrong]:
            end = at + len(wrong[0]) + 1 + len(wrong[1])
            yield rule.finding(
                at, end, target,
                message=f"{text[at:end]!r} is written {target!r} elsewhere in the article: one person, one spelling.",
            )
