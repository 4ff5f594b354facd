"""boilerplate.page-widget: interface lines are told by their words and shape, and article
lines that share some of those words are left alone."""

from __future__ import annotations

import pytest

from fixer.engine import Config, Fixer

FIXER = Fixer(Config(select=("boilerplate.page-widget",)))
RUN = FIXER.runner("boilerplate.page-widget")
BODY = (
    "The regional exchange closed at a record on Monday, driven by bank and telecom shares that rose for the"
    " fifth week in a row, traders said."
)


def _found(text: str) -> list[tuple[str, str]]:
    doc = FIXER.document(text)
    return [(text[f.start:f.end], f.fix.safety.value if f.fix else "") for f in RUN(doc)]


@pytest.mark.parametrize("line, safety", [
    ("Sponsored links", "safe"),
    ("— Sponsored links —", "safe"),  # (`— Sponsored content —` is a lead of the lexicon: page-prompt's)
    ("ADVERTISEMENT - SCROLL TO CONTINUE", "safe"),
    ("Font size: A- A+", "safe"),
    ("Print this article", "safe"),
    ("Share: Facebook | X | WhatsApp | Email", "safe"),
    ("Get the app: App Store | Google Play", "unsafe"),
    ("00:00 / 03:41", "safe"),
    ("Popular videos", "unsafe"),  # (`Popular articles` is a list header of the lexicon: related-link's)
    ("Latest videos", "unsafe"),
    ("LIVE", "unsafe"),
    ("Did you find this article useful? Yes No", "unsafe"),
    ("Add your comment", "unsafe"),
    ("👁 1.4k views", "unsafe"),
    ("Rate this article ★★★★☆ (12 votes)", "unsafe"),
    ("Print this page ↑", "safe"),
])
def test_interface_line_in_the_body(line: str, safety: str) -> None:
    text = f"Record at the BRVM\n\n{BODY}\n\n{line}\n\n{BODY}"
    assert _found(text) == [(line, safety)]


@pytest.mark.parametrize("line", [
    "No comment.",
    "Share prices fell.",
    "Print media in crisis",
    "The latest figures",
    "Stage 14 | Pau to Luchon | 182.6 km",
    "Mali | Niger | Burkina Faso",
    "Markets",  # a section name is only debris among the page's first lines
    "Buyers / sellers",
    "Mali — Niger — Burkina Faso",
])
def test_article_lines_stay(line: str) -> None:
    text = f"Record at the BRVM\n\n{BODY}\n\n{line}\n\n{BODY}"
    assert _found(text) == []


def test_header_labels() -> None:
    text = (
        "Markets\nBRVM: the Abidjan exchange at a record\nWritten by Claire Moreau | Culture\n"
        f"Home › Economy › Markets\n\n{BODY}"
    )
    assert _found(text) == [
        ("Markets", "unsafe"),
        ("Written by Claire Moreau | Culture", "unsafe"),
        ("Home › Economy › Markets", "safe"),
    ]


def test_header_ends_at_the_first_paragraph() -> None:
    text = f"BRVM at a record\n\n{BODY}\n\nCulture\n\n{BODY}\n\n{BODY}\n\n{BODY}\n\n{BODY}"
    assert _found(text) == []


def test_a_line_another_rule_deletes_is_left_to_it() -> None:
    fixer = Fixer(Config(select=("boilerplate",)))
    text = f"Record at the BRVM\n\n{BODY}\n\nLeave a Reply\n\nFont size: A- A+\n"
    rules = sorted(f.rule for f in fixer.check(text))
    assert rules == ["boilerplate.page-prompt", "boilerplate.page-widget"]


def test_fix_deletes_the_widget_lines() -> None:
    text = f"Record at the BRVM\n\n{BODY}\n\nSponsored content\n\n{BODY}\n"
    fixed = Fixer().fix(text).text
    assert "Sponsored" not in fixed and fixed.count(BODY) == 2


def test_header_strips_and_crumbs_of_other_shapes() -> None:
    text = (
        "SPORT / ATHLETICS\nTogo: the Lomé marathon draws a record field\n"
        "Kodjo A. | 23/11/2025 - 18:40 | 💬 4\nBy Editorial Team — November 24, 2025 — 6 min read\n"
        f"\n{BODY}"
    )
    assert [s for s, _ in _found(text)] == [
        "SPORT / ATHLETICS", "Kodjo A. | 23/11/2025 - 18:40 | 💬 4", "By Editorial Team — November 24, 2025 — 6 min read",
    ]


def test_the_headline_under_a_rubric_strip_is_no_caption() -> None:
    fixer = Fixer(Config(select=("boilerplate",)))
    text = f"BUSINESS | 25.11.2025\nTourism: Mauritius on course for a record year\nPhoto credit: Archives\n\n{BODY}\n"
    found = {(f.rule, text[f.start:f.end]) for f in fixer.check(text)}
    assert ("boilerplate.page-widget", "BUSINESS | 25.11.2025") in found
    assert not any(s.startswith("Tourism") for _, s in found)


def test_footer_source_notes_and_tag_lists() -> None:
    text = f"Gold output rises\n\n{BODY}\n\n{BODY}\n\nSource: AGP\nBarrick, Mali, Gold, Loulo, Mining\n"
    assert _found(text) == [("Source: AGP", "unsafe"), ("Barrick, Mali, Gold, Loulo, Mining", "unsafe")]
    kept = f"Gold output rises\n\n{BODY}\n\nSource: AGP\n\nBarrick, Mali and Gold met.\n\n{BODY}\n\n{BODY}\n\n{BODY}\n"
    assert _found(kept) == []


def test_back_to_top_with_an_arrow_is_a_prompt() -> None:
    fixer = Fixer(Config(select=("boilerplate",)))
    text = f"Gold output rises\n\n{BODY}\n\nBack to top ↑\n"
    assert [(f.rule, text[f.start:f.end]) for f in fixer.check(text)] == [("boilerplate.page-prompt", "Back to top ↑")]



HEADLINE = "Council approves the snow-clearing budget for the winter"


@pytest.mark.parametrize("first", [
    "Radio-Baie Info | Thursday, November 26, 2026 | 12 shares",  # a date longer than 3 words, a counter
    "Oran | Economy | 26-11-2026 | 👁 1 245 views",
    "Mali / Health — Thursday 26 November 2026",
    "A- A+ | 🖨 Print | ✉ Send to a friend",  # interface items
    "VOTATIONS 29.11.2026",  # a rubric in capitals and the date
])
def test_first_line_strips_with_long_furniture_items(first: str) -> None:
    text = f"{first}\n\n{HEADLINE}\n\n{BODY}"
    assert [s for s, _ in _found(text)] == [first]


@pytest.mark.parametrize("first", [
    "Storm hits Valais | Floods close three roads in the canton",  # a headline and its deck
    "Floods of 26 November 2026 kill three in Valais | Radio X",
])
def test_a_headline_in_a_strip_stays(first: str) -> None:
    assert _found(f"{first}\n\n{BODY}\n\n{BODY}") == []


def test_site_name_above_the_header_furniture() -> None:
    text = f"AFRICA NEWS NETWORK\n\nHome › World › Africa\n\n{HEADLINE}\n\n{BODY}"
    assert ("AFRICA NEWS NETWORK", "unsafe") in _found(text)


def test_a_short_headline_over_its_byline_and_prose_stays() -> None:
    text = f"Macron Resigns\n\nHome › World › Europe\n\n{BODY}\n\n{BODY}"
    assert "Macron Resigns" not in [s for s, _ in _found(text)]


def test_a_masthead_with_menu_and_search_icons() -> None:
    line = "ATLANTIC COAST DAILY   ☰ Menu   🔍   Log in"
    assert _found(f"{line}\n\n{HEADLINE}\n\n{BODY}") == [(line, "unsafe")]
