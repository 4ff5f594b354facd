"""The shortcuts of the name rules (round 8) answer as the slow way does."""

from __future__ import annotations

import random

from rapidfuzz.distance import Levenshtein

from fixer.detectors import consistency, terminology
from fixer.detectors.merged_words import lexicon
from fixer.engine import Config, Fixer
from fixer.glossary import doc_glossary, fold

_NAMES = ["Vuillerme", "Antananarivo", "Ouagadougou", "Barsalogho", "Mahamadou", "Yamoussoukro", "Ministry",
          "Minister", "Seychelles", "Seychellois", "Mauritania", "Mauritanian", "Traoré", "Hamadou", "Amadou",
          "Zaouatine", "Harmattan", "Maisonneuve", "LeBlanc", "Leblanc", "Burkina", "Québec", "Quebec"]
_FIRSTS = ["Bernard", "Councillor", "Amadou", "The", "After", "Marie", "Jean-Paul"]


def _slip_texts(n: int) -> list[str]:
    """Articles naming a few long names, some one or two letters off."""
    rng = random.Random(5)

    def typo(w: str) -> str:
        i = rng.randrange(2, len(w))
        c = rng.choice("aeiounrstl")
        return rng.choice([w[:i] + c + w[i + 1 :], w[:i] + w[i + 1 :], w[:i] + c + w[i:]])

    texts = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(3, 10)):
            name = rng.choice(_NAMES)
            if rng.random() < 0.3:
                name = typo(name)
            if rng.random() < 0.5:
                name = rng.choice(_FIRSTS) + " " + name
            parts.append(f"{name} {rng.choice(['said', 'met', 'wants', 'in'])} {rng.choice(_NAMES)}.")
        texts.append(" ".join(parts))
    return texts


def _slow_pairs(names: consistency._Names, g, places, min_len: int) -> list[tuple[str, str, int]]:
    """The pairs ``_lone_slips`` compares, found as it did before its gate: every lone long
    name word against every long name word of its opening, then the glossary, places and
    words left out."""
    count = names.count
    pairs = []
    for w in [w for w, n in count.items() if n == 1 and len(w) >= min_len]:
        for v in count:
            if len(v) < min_len - 1 or v == w or v[:2].lower() != w[:2].lower():
                continue
            fv, fw = fold(v), fold(w)
            if fv.startswith(fw) or fw.startswith(fv):
                continue
            d = Levenshtein.distance(fv, fw, score_cutoff=2)
            if 0 < d <= 2:
                pairs.append((w, v, d))
    return [(w, v, d) for w, v, d in pairs if w not in g.name_tokens and w not in places and not consistency._is_word(w)]


def test_slip_gate_passes_every_article_with_a_pair() -> None:
    fixer = Fixer(Config(select=("inconsistency.name-spelling",)))
    found = 0
    for text in _slip_texts(300):
        doc = fixer.document(text)
        g = doc_glossary(doc)
        runs, distinct = consistency._capital_words(doc)
        names = consistency._Names(doc, runs, distinct)
        pairs = _slow_pairs(names, g, lexicon(doc).place_names, 8)
        cands = consistency._may_have_slips(doc, g, 8, distinct)
        assert not pairs or cands, text
        assert {w for w, _v, _d in pairs} <= cands
        found += bool(pairs)
    assert found > 20  # (the texts do hold pairs)


def test_caps_line_counts_the_common_small_letters() -> None:
    rng = random.Random(2)
    chars = [*"etaoinsrhlETAOxyz éèà’\n\ud800ﬁ", "\U0001f600", "\u0301"]
    for _ in range(3000):
        line = "".join(rng.choice(chars) for _ in range(rng.randrange(0, 40)))
        raw = line.encode("utf-8", "surrogatepass")
        fast = len(raw) - len(raw.translate(None, terminology._COMMON_LOWER_BYTES))
        assert fast == sum(map(line.count, terminology._COMMON_LOWER)), repr(line)
