"""Boilerplate rules: the seed's debris, block deletions, site profiles, the dev corpus, and a
property test that an article with no debris comes out byte for byte the same."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fixer.apply import apply_fixes, resolve
from fixer.data import DataError, DataStore, read_toml_file
from fixer.detectors.boilerplate import profile_example_problems
from fixer.document import Document
from fixer.engine import Config, Fixer
from fixer.examples import check_example
from fixer.model import Example, Safety

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seed" / "aes-one-year-later.txt"
DEV = SHARED / "corpus" / "dev"
OURS = Fixer(Config(select=("boilerplate", "typography")))
BOILER = Fixer(Config(select=("boilerplate",)))


def _seed() -> str:
    if not SEED.is_file():
        pytest.skip("../shared is not present")
    return SEED.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- the seed

# ARTIFACTS.md: line → (rule, safety) of every boilerplate artifact of the seed
SEED_LINES = {
    3: ("boilerplate.repeated-title", Safety.SAFE),
    20: ("boilerplate.related-link", Safety.SAFE),
    26: ("boilerplate.repeated-title", Safety.SAFE),
    27: ("boilerplate.photo-caption", Safety.UNSAFE),
    39: ("boilerplate.video-title", Safety.UNSAFE),
    41: ("boilerplate.photo-credit", Safety.SAFE),
    63: ("boilerplate.unix-timestamp", Safety.SAFE),
    64: ("boilerplate.hashtag-line", Safety.SAFE),
    66: ("boilerplate.page-prompt", Safety.SAFE),
}


def test_seed_boilerplate_found_with_listed_safety() -> None:
    text = _seed()
    doc = BOILER.document(text)
    got = {}
    for f in BOILER.check_document(doc):
        got.setdefault(doc.line_col(f.start)[0], []).append((f.rule, f.fix.safety if f.fix else None))
    for line, want in SEED_LINES.items():
        assert want in got.get(line, []), f"line {line}: {got.get(line)}"
    assert set(got) == set(SEED_LINES), f"unexpected lines flagged: {sorted(set(got) - set(SEED_LINES))}"


def test_seed_reversed_quote_is_pointed_at() -> None:
    text = _seed()
    found = [f for f in OURS.check(text) if f.category == "typography"]
    assert [(text[f.start - 11 : f.end + 1], f.fix.edits[0].replacement, f.fix.safety) for f in found] == [
        ("Left-handed“,", "”", Safety.UNSAFE)
    ]


def test_seed_fix_deletes_only_debris_lines() -> None:
    text = _seed()
    lines = text.split("\n")
    safe = OURS.fix(text).text
    kept = [ln for i, ln in enumerate(lines, 1) if SEED_LINES.get(i, ("", Safety.UNSAFE))[1] is not Safety.SAFE]
    assert [ln for ln in safe.split("\n") if ln] == [ln for ln in kept if ln]
    assert not safe.endswith("\n") and safe.endswith("AES confederation.")
    everything = OURS.fix(text, unsafe=True).text
    for n in (27, 39):
        assert lines[n - 1] not in everything
    # every body sentence survives
    body = [ln for i, ln in enumerate(lines, 1) if ln and i not in SEED_LINES and i != 1]
    for ln in body:
        assert ln in everything or ln.replace("Left-handed“,", "Left-handed”,") in everything


def test_seed_no_new_blank_runs() -> None:
    text = _seed()
    out = OURS.fix(text, unsafe=True).text
    runs_before = text.count("\n\n\n")
    assert out.count("\n\n\n") <= runs_before
    assert out.count("\n\n\n\n") <= text.count("\n\n\n\n")


# --------------------------------------------------------------------------- deletion plan


def _fix(text: str, unsafe: bool = True) -> str:
    return OURS.fix(text, unsafe=unsafe).text


def test_block_of_debris_in_the_middle_leaves_one_blank_line() -> None:
    text = "Title of the piece\n\nFirst paragraph.\n\n1727014146\n#one #two\nLeave a Reply\n\nSecond paragraph.\n"
    assert _fix(text) == "Title of the piece\n\nFirst paragraph.\n\nSecond paragraph.\n"


def test_debris_at_the_end_leaves_no_trailing_blank_line() -> None:
    text = "Title of the piece\n\nLast paragraph.\n\n1727014146\n#one #two\n\nLeave a Replay"
    assert _fix(text) == "Title of the piece\n\nLast paragraph."
    assert _fix(text + "\n") == "Title of the piece\n\nLast paragraph.\n"


def test_debris_at_the_start_leaves_no_leading_blank_line() -> None:
    text = "1727014146\n\nTitle of the piece\n\nA paragraph.\n"
    assert _fix(text) == "Title of the piece\n\nA paragraph.\n"


def test_partial_application_never_glues_lines() -> None:
    """Applying any subset of a block's deletions keeps each kept line on its own line."""
    text = "Title of the piece\n\nFirst paragraph.\n\n1727014146\n#one #two\nLeave a Reply\n\nSecond paragraph."
    doc = OURS.document(text)
    found = [f for f in OURS.check_document(doc) if f.fix is not None]
    assert len(found) == 3
    for mask in range(1, 8):
        chosen = [f for i, f in enumerate(found) if mask >> i & 1]
        out = apply_fixes(text, [f.fix for f in chosen])
        for line in ("Title of the piece", "First paragraph.", "Second paragraph."):
            assert f"{line}\n" in out + "\n"
        assert "First paragraph." in out.split("\n")


def test_crlf_line_breaks_are_kept() -> None:
    text = "Title of the piece\r\n\r\nA paragraph.\r\n\r\nLeave a Reply\r\n\r\nAnother one.\r\n"
    assert _fix(text) == "Title of the piece\r\n\r\nA paragraph.\r\n\r\nAnother one.\r\n"


def test_caption_and_credit_block() -> None:
    text = ("Ministers named\n\nHe took charge.\n\nNew Transport Minister, Genevieve Guilbault\n\n"
            "Photo: Radio-Canada / SYLVAIN ROY\n\nThus, she remains deputy premier.")
    assert _fix(text, unsafe=False) == ("Ministers named\n\nHe took charge.\n\nNew Transport Minister, Genevieve "
                                        "Guilbault\n\nThus, she remains deputy premier.")
    assert _fix(text) == "Ministers named\n\nHe took charge.\n\nThus, she remains deputy premier."


def test_a_photo_line_whose_credit_is_followed_by_a_gallerys_credits() -> None:
    caption = ("Photo: A patrol near the village of Kfar Kila, on 24 November 2026. © Anwar Amro / AFP — "
               "Credits gallery: Hussein Malla / AP; Mohamed Azakir / Reuters (1/9)")
    text = f"Talks resume\n\nNegotiators met again on Wednesday.\n\n{caption}\n\nThe next round is in December."
    assert _fix(text) == "Talks resume\n\nNegotiators met again on Wednesday.\n\nThe next round is in December."


# --------------------------------------------------------------------------- site profiles


def _bundled_profiles() -> list[dict]:
    return DataStore().tables("profiles/*.toml", "profile")


def test_profiles_have_examples() -> None:
    profiles = _bundled_profiles()
    assert profiles
    for prof in profiles:
        kinds = {("bad" if "bad" in ex else "keep") for ex in prof.get("example", [])}
        assert kinds == {"bad", "keep"}, prof["site"]


@pytest.mark.parametrize(
    "example", [ex for prof in _bundled_profiles() for ex in prof.get("example", [])], ids=lambda ex: str(ex)[:40]
)
def test_profile_examples(example: dict) -> None:
    fx = Fixer(Config(select=("boilerplate.site-profile",)))
    rule = fx.rules[0]
    ok, detail = check_example(fx.runner(rule.id), rule, Example(**example))
    assert ok, detail


def test_profile_example_problems_reports_a_failing_user_example(tmp_path: Path) -> None:
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "x.toml").write_text(
        "[[profile]]\nsite = 'x'\nlines = ['^Trending now$']\n"
        '  [[profile.example]]\n  bad = "A\\n\\n⟦Trending now⟧\\n\\nB"\n  fixed = "A\\n\\nB"\n'
        "  [[profile.example]]\n  keep = 'Trending now is a phrase'\n"
        "  [[profile.example]]\n  keep = 'Trending now'\n",
        encoding="utf-8",
    )
    problems = profile_example_problems((tmp_path,))
    assert len(problems) == 1 and "profile 'x' example 3" in problems[0]


def test_bad_profile_pattern_is_a_data_error(tmp_path: Path) -> None:
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "bad.toml").write_text("[[profile]]\nsite = 'bad'\nlines = ['(unclosed']\n")
    fx = Fixer(Config(select=("boilerplate",), rule_dirs=(tmp_path,)))
    with pytest.raises(DataError, match=r"bad\.toml: profile 'bad'"):
        fx.check("A title for it\n\nSome text.")


def test_user_profile_folder(tmp_path: Path) -> None:
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "gazette.toml").write_text(
        "[[profile]]\nsite = 'gazette'\nwhen = ['The Example Gazette']\nfooter = ['^Printed by the Gazette press$']\n"
        "safety = 'safe'\n",
        encoding="utf-8",
    )
    fx = Fixer(Config(select=("boilerplate",), rule_dirs=(tmp_path,)))
    text = "The Example Gazette\n\nA paragraph.\n\nPrinted by the Gazette press"
    assert fx.fix(text).text == "The Example Gazette\n\nA paragraph."
    other = "Another site\n\nA paragraph.\n\nPrinted by the Gazette press"
    assert fx.fix(other).text == other  # `when` does not match: the profile stays off
    assert read_toml_file(tmp_path / "profiles" / "gazette.toml")["profile"][0]["site"] == "gazette"


def test_profile_window_zero_means_no_header_or_footer_zone(tmp_path: Path) -> None:
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "gazette.toml").write_text(
        "[[profile]]\nsite = 'gazette'\nwindow = 0\nfooter = ['^Printed by the Gazette press$']\nsafety = 'safe'\n",
        encoding="utf-8",
    )
    fx = Fixer(Config(select=("boilerplate.site-profile",), rule_dirs=(tmp_path,)))
    text = "A title\n\nAll rights reserved\n\nA paragraph.\n\nAll rights reserved"
    assert fx.fix(text).text == text  # no footer zone at all, not the whole text as footer


# --------------------------------------------------------------------------- the dev corpus


def _gold_spans(text: str, gold: dict) -> list[tuple[int, int, dict]]:
    out = []
    for art in gold["artifacts"]:
        pos = -1
        for _ in range(art.get("nth", 1)):
            pos = text.find(art["find"], pos + 1)
        if pos >= 0:
            out.append((pos, pos + len(art["find"]), art))
    return out


def _dev_files() -> list[Path]:
    if not DEV.is_dir():
        pytest.skip("../shared is not present")
    return sorted(DEV.glob("dev-*.txt"))


def test_dev_safe_deletions_are_precise() -> None:
    """Target: precision of safe boilerplate deletions ≥ 0.98 on the dev corpus."""
    good = bad = 0
    for path in _dev_files():
        text = path.read_text(encoding="utf-8")
        spans = _gold_spans(text, json.loads(path.with_suffix("").with_suffix(".gold.json").read_text()))
        for f in BOILER.check(text):
            if f.fix is None or f.fix.safety is not Safety.SAFE:
                continue
            hit = any(s < f.end and f.start < e and art["category"] == "boilerplate" for s, e, art in spans)
            good, bad = good + hit, bad + (not hit)
    assert good >= 20
    assert good / (good + bad) >= 0.98


def test_clean_articles_give_no_finding() -> None:
    for path in _dev_files():
        if int(path.stem[-2:]) < 21:
            continue
        text = path.read_text(encoding="utf-8")
        spans = _gold_spans(text, json.loads(path.with_suffix("").with_suffix(".gold.json").read_text()))
        for f in OURS.check(text):
            assert any(s < f.end and f.start < e for s, e, _ in spans), (path.name, f.rule, text[f.start : f.end])


def test_fix_is_idempotent_on_dev() -> None:
    for path in _dev_files():
        once = OURS.fix(path.read_text(encoding="utf-8"), unsafe=True).text
        assert OURS.fix(once, unsafe=True).text == once, path.name


# --------------------------------------------------------------------------- no debris, no change

# Our own sentences (written for this test): news prose with quotes, figures, times, lists.
SENTENCES = [
    "The council met on Tuesday to discuss the budget for 2025.",
    "“We will not raise taxes this year,” the mayor said after the vote.",
    "About 10,000 people attended the rally, according to the police.",
    "The meeting started at 10:30 and ended shortly before noon.",
    "Prices rose by 3.5% in March, the statistics office said.",
    "She listed three priorities: housing, transport and schools.",
    "The minister, who took office in 2022, declined to comment.",
    "Officials said the bridge would reopen on Friday (weather permitting).",
    "“It is a historic day for the region,” said Marie Dupont, a local teacher.",
    "He had had enough of the delays, he told reporters.",
    "The team won 2-1 against Lyon in front of 45,000 fans.",
    "Read the full report on the council's website, a spokesman said.",
    "Is this the end of the crisis? Nobody knows yet.",
    "The plan includes a new tram line; work starts in May.",
    "Leave a reply to this letter was the advice of the lawyer.",
    "Photo opportunities were limited during the summit, organisers said.",
]
TITLES = ["City council votes its budget after a long night", "Mayor rules out tax rise", "The tram line is back"]
HEADINGS = ["Budget talks", "A long night in the capital", "What comes next", "Reactions"]


@st.composite
def articles(draw: st.DrawFn) -> str:
    title = draw(st.sampled_from(TITLES))
    parts = [title]
    sentences = draw(st.permutations(SENTENCES))
    headings = draw(st.permutations(HEADINGS))
    for _ in range(draw(st.integers(1, 4))):
        if draw(st.booleans()) and len(parts) > 1 and headings:
            parts.append(headings.pop())
        size = draw(st.integers(1, 4))
        parts.append(" ".join(sentences[:size]))
        sentences = sentences[size:]
    sep = draw(st.sampled_from(["\n\n", "\n", "\n\n\n"]))
    text = sep.join(parts)
    text += draw(st.sampled_from(["", "\n", "\n\n"]))
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return text


FULL: list[Fixer] = []


@settings(max_examples=60, deadline=None)
@given(articles())
def test_article_without_debris_is_unchanged(text: str) -> None:
    if not FULL:
        FULL.append(Fixer())
    assert FULL[0].fix(text).text == text
    assert OURS.check(text) == []


def test_known_prompt_mentioned_in_a_sentence_is_kept() -> None:
    doc = Document("A title for the story\n\nLeave a reply to this letter was the advice of the lawyer.")
    doc.cache["store"] = OURS.store
    assert OURS.check_document(doc) == []


def test_resolve_prefers_the_line_deletion_over_edits_inside_it() -> None:
    text = "A title for the story\n\nThe text.\n\nAlso readDouble attack in Bamako : Mali faces limits\n\nMore text."
    chosen, _ = resolve(OURS.check(text))
    assert [f.rule for f in chosen] == ["boilerplate.related-link"]


def test_mixed_block_keeps_paragraphs_apart_in_safe_mode() -> None:
    """An unsafe caption above a safe credit line: safe-only output keeps the caption as its own
    paragraph; with --unsafe the whole block goes and one blank line stays."""
    text = ("Ministers named\n\nHe took charge.\n\nA caption of the event, in Washington. © Reuters\n"
            "Photo: Radio-Canada / SYLVAIN ROY\n\nThus, she remains deputy premier.")
    assert _fix(text, unsafe=False) == ("Ministers named\n\nHe took charge.\n\nA caption of the event, in "
                                        "Washington. © Reuters\n\nThus, she remains deputy premier.")
    assert _fix(text) == "Ministers named\n\nHe took charge.\n\nThus, she remains deputy premier."


SAFE_DEBRIS = ["Leave a Reply", "1727014146", "#a #b #c", "Also readDouble attack in Bamako", "Photo: AFP / X",
               "Read more", "Share this article", "Tags: Mali, Sahel", "source site-29"]
ALL_DEBRIS = [*SAFE_DEBRIS, "Some caption of the scene © Reuters", "By: Jean Dupont Follow", "QMI agency"]
BODY = ["The council met on Tuesday to vote.", "Prices rose by 3% in March, officials said.",
        "He said he would return soon.", "The mayor declined to comment on the plan."]


@st.composite
def debris_articles(draw: st.DrawFn, debris: list[str]) -> tuple[str, list[tuple[str, str]]]:
    """An article of body lines and debris lines; returns the text and, for each pair of
    consecutive body lines, the separator they must keep (a blank line if there was one)."""
    body = draw(st.permutations(BODY))
    seq = ["A title for the whole story today"]
    for line in body[: draw(st.integers(1, 4))]:
        seq.extend(draw(st.lists(st.sampled_from(debris), max_size=3)))
        seq.append(line)
    seq.extend(draw(st.lists(st.sampled_from(debris), max_size=3)))
    seps = [draw(st.sampled_from(["\n", "\n\n"])) for _ in seq[1:]]
    text = seq[0] + "".join(sep + line for sep, line in zip(seps, seq[1:], strict=True))
    kept = [i for i, line in enumerate(seq) if line not in debris]
    pairs = []
    for i, j in itertools.pairwise(kept):
        pairs.append((seq[i] + ("\n\n" if "\n\n" in seps[i:j] else "\n") + seq[j], seq[j]))
    return text, pairs


@settings(max_examples=80, deadline=None)
@given(debris_articles(SAFE_DEBRIS))
def test_safe_deletions_keep_the_paragraph_structure(case: tuple[str, list[tuple[str, str]]]) -> None:
    text, pairs = case
    out = BOILER.fix(text).text
    for joined, _ in pairs:
        assert joined in out
    assert not out.startswith("\n") and "\n\n\n" not in out


@settings(max_examples=80, deadline=None)
@given(debris_articles(ALL_DEBRIS))
def test_all_deletions_keep_the_paragraph_structure(case: tuple[str, list[tuple[str, str]]]) -> None:
    text, pairs = case
    out = BOILER.fix(text, unsafe=True).text
    for joined, _ in pairs:
        assert joined in out
    assert not out.startswith("\n") and "\n\n\n" not in out


def _check_time(text: str) -> float:
    import time

    start = time.perf_counter()
    BOILER.check(text)
    return time.perf_counter() - start


def test_long_block_of_debris_lines_is_linear() -> None:
    """A page of thousands of consecutive debris lines: each block is measured once, not walked
    again for each of its lines (that walk took 36 s for 8,000 lines)."""
    def block(n: int) -> str:
        return "Title here\n\nFirst para.\n\n" + "#a #b #c\nLeave a Reply\n" * n + "\nLast para."

    _check_time(block(50))
    small, big = _check_time(block(500)), _check_time(block(4000))
    assert big < 20 * small + 1.0, (small, big)


def test_prompt_quoted_in_a_sentence_is_never_a_safe_deletion() -> None:
    """Red-team lines: a prompt inside a sentence of the article is not debris."""
    for line in ("Click here to verify your account, the fake messages urged, often with a PayPal logo.",
                 "Follow us on Facebook, the group wrote, and join the protest on Saturday.",
                 "Subscribe to our newsletter, the pop-up said; readers who did so lost money.",
                 "Read more: that was the only text on the page, investigators said."):
        text = f"A scam unmasked\n\nThe police spoke.\n\n{line}\n\nTwo men were arrested."
        assert _fix(text, unsafe=False) == text
        assert not BOILER.check(text), line


@pytest.mark.parametrize("line", ["By " + "a" * 400 + "1 follow", "By " + "Ab" * 300 + " Follow x", "par " + "É" * 500])
def test_byline_pattern_does_not_backtrack_on_long_names(line: str) -> None:
    """A long run of letters once made the byline pattern try every way to cut it into five
    names (a minute for 160 letters); the regex timeout turns a relapse into a failure here."""
    from fixer.detectors.boilerplate_credits import _BYLINE_RES

    for pat in _BYLINE_RES:
        pat.search(line, timeout=2.0)


@pytest.mark.parametrize(
    ("line", "byline"),
    [("By John SmithFollow", True), ("By John Smith + follow", True), ("Par Éric Dupont Suivre", True),
     ("By John Smith Follow", True), ("By one two three four five six Follow", False), ("By -x Follow", False)],
)
def test_byline_names_taken_whole_accept_the_same_lines(line: str, byline: bool) -> None:
    from fixer.detectors.boilerplate_credits import _BYLINE_RES

    assert bool(_BYLINE_RES[2].search(line)) is byline
