"""Properties of check and fix that must hold for any text, tested with hypothesis.

Texts are built from fragments that carry the kinds of damage the rules look for (written for
this test, not taken from any corpus) mixed with clean sentences, random text and different
line endings, so most examples give the rules something to do. One hypothesis test checks all
the properties on each example, because checking a text is the expensive part:

- ``fix`` is idempotent;
- a text with no findings comes back byte for byte (BOM and line endings included);
- applying by hand the edits of the JSON output, with the overlap policy contract.md states,
  gives the same text as ``fix``;
- no fix deletes a sentence that contains no finding;
- JSON offsets slice the original text to the reported ``text`` (and line/column agree).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fixer.batch import Guard, Options, process_decoded_chunk
from fixer.document import Document
from fixer.engine import Fixer
from fixer.model import CATEGORIES
from fixer.textio import Decoded, decode

FRAGMENTS = [
    "The minister announced theReform of the pension system on Monday.",
    "According to the prefecture, the demonstration gathered 3,000 people .",
    "Also read : Strikes on the railways continue",
    "Published on 12/03/2024 at 10:45",
    "The mayor of Lyon said : « we will not give up ».",
    "He met the président de la République on Tuesday.",
    "The National Assembly (NA) voted the text. The NA will vote again.",
    "Photo © AFP",
    "#politics #france #reform",
    "Leave a Reply",
    "It is 2 p.m. in Paris ; the train is late !",
    "The Economic Community of West African States (ECOWAS)threatened sanctions.",
    "lattaque of the convoy took place in the north.",
    "1727014146",
    "The the committee met in Brussels.",
    "Inflation reached 5,2 % in October, according to the INSEE.",
    "The committee will meet again next week to review the budget.",
    "Prices rose by 2.5% in October, the statistics office said.",
    "She has lived in Montreal since 2019 and works as a nurse.",
    "Why does it matter? Because the vote is close.",
    "Dans le nord du pays, the rains have stopped.",
    "Read also: the farmers' protest",
    # the detections added in the sixth stop: dates alone, glued words, titles, race times…
    "November 22, 2024",
    "Heavy rain fell in thenorth-east, said M. Sarr and Me Anne Roy.",
    "The list is on the ANSMwebsite. The ANSM said so in thousands.GerlandThe district.",
    "He ran 9''94 at – 30 degrees before the 31 december, at +6\u00a0°C.",
    "Karine Delporte spoke. Karine Delport left; 612 brebis died.",
    "USD/LBP 89,500 ▲ | BLOM 2.10 ▼",
    "Our live coverage of the fire ›",
]
SEPARATORS = [" ", "\n", "\n\n", "\r\n", "\r\n\r\n"]

piece = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.sampled_from(FRAGMENTS),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30),
)
texts = st.builds(
    lambda parts, seps, tail: "".join(p + seps[i % len(seps)] for i, p in enumerate(parts)) + tail,
    st.lists(piece, min_size=1, max_size=8),
    st.lists(st.sampled_from(SEPARATORS), min_size=1, max_size=3),
    st.sampled_from(["", "\n", " "]),
)

_GUARD: Guard | None = None


def guard() -> Guard:
    global _GUARD
    if _GUARD is None:
        _GUARD = Guard(Fixer())
    return _GUARD


def json_findings(text: str) -> list[dict]:
    """The findings exactly as ``fixer check --format json`` prints them."""
    chunk = process_decoded_chunk(guard(), Decoded(text, "utf-8"), "t.txt", Options())
    assert not chunk.problems, chunk.problems  # no rule may fail on any text
    (entry,) = chunk.entries
    return json.loads(json.dumps(entry))["findings"]


def apply_by_hand(text: str, findings: list[dict]) -> str:
    """contract.md's policy, written from its words: safe fixes only; at one start the wider
    fix wins, then category order, then rule id; a fix is dropped when one of its edits
    touches characters an earlier kept edit changes; identical fixes apply once."""
    rank = {c: i for i, c in enumerate(CATEGORIES)}
    fixes = [f for f in findings if f["fix"] and f["fix"]["safety"] == "safe"]
    fixes.sort(key=lambda f: (f["fix"]["edits"][0]["start"],
                              -(f["fix"]["edits"][-1]["end"] - f["fix"]["edits"][0]["start"]),
                              rank[f["category"]], f["rule"], f["start"]))
    kept: list[tuple[int, int]] = []
    seen: set[str] = set()
    chosen: list[dict] = []

    def clash(a: tuple[int, int], b: tuple[int, int]) -> bool:
        if a[0] == a[1] and b[0] == b[1]:
            return a[0] == b[0]
        if a[0] == a[1]:
            return b[0] < a[0] < b[1]
        if b[0] == b[1]:
            return a[0] < b[0] < a[1]
        return a[0] < b[1] and b[0] < a[1]

    for f in fixes:
        key = json.dumps(f["fix"]["edits"])
        if key in seen:
            continue
        spans = [(e["start"], e["end"]) for e in f["fix"]["edits"]]
        if any(clash(s, k) for s in spans for k in kept):
            continue
        kept.extend(spans)
        seen.add(key)
        chosen.extend(f["fix"]["edits"])
    out = text
    for e in sorted(chosen, key=lambda e: (e["start"], e["end"]), reverse=True):
        out = out[: e["start"]] + e["replacement"] + out[e["end"] :]
    return out


def hand_fix(text: str) -> str:
    for _ in range(4):  # fix_until_stable's MAX_PASSES
        new = apply_by_hand(text, json_findings(text))
        if new == text:
            break
        text = new
    return text


def check_properties(text: str) -> None:
    g = guard()
    findings = json_findings(text)
    # JSON offsets slice the original text to the reported text; line/column agree
    doc = Document(text)
    for f in findings:
        assert 0 <= f["start"] <= f["end"] <= len(text)
        assert text[f["start"] : f["end"]] == f["text"]
        assert doc.line_starts[f["line"] - 1] + f["column"] - 1 == f["start"]
    fixed = g.fix(text, "t.txt").text
    # idempotent
    assert g.fix(fixed, "t.txt").text == fixed
    # the JSON edits applied by hand give the same text
    assert hand_fix(text) == fixed
    # no findings: byte for byte, BOM and line endings included
    if not findings:
        assert fixed == text
        raws = [text.encode("utf-8"), b"\xef\xbb\xbf" + text.encode("utf-8")]
        for raw in raws if "\x00" not in text and not text.startswith("\ufeff") else []:
            d = decode(raw, "t.txt")
            chunk = process_decoded_chunk(g, d, "t.txt", Options(fix=True, entries=False))
            assert not chunk.changed and chunk.output is None
    # no safe fix deletes a sentence in which nothing was found
    spans = [(f["start"], f["end"]) for f in findings]
    for f in findings:
        if not f["fix"] or f["fix"]["safety"] != "safe":
            continue
        for e in f["fix"]["edits"]:
            for s in doc.sentences:
                if not s.text.strip() or not (e["start"] <= s.start and s.end <= e["end"]):
                    continue
                assert any(a < s.end and s.start < b for a, b in spans), (f["rule"], s.text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_properties_hold_on_generated_texts(text: str) -> None:
    check_properties(text)


def test_properties_hold_on_the_seed(shared_dir: Path) -> None:
    seed = (shared_dir / "seed" / "aes-one-year-later.txt").read_text(encoding="utf-8")
    check_properties(seed)
    check_properties(seed.replace("\n", "\r\n"))


@pytest.mark.parametrize("text", ["", "\n", " \r\n", "\ufeff", "Fine.", FRAGMENTS[0] + "\r\n" + FRAGMENTS[2]])
def test_properties_on_edge_cases(text: str) -> None:
    check_properties(text)
