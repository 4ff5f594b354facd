"""Related-article blocks in their other shapes: titles under a list header (`Most read`,
`Similar articles`), under a bare `Related:` that is also a page prompt, bracketed leads, and
calls to action that go on with short sentences of the widget."""

from __future__ import annotations

import pytest

from fixer.engine import Config, Fixer

FIXER = Fixer(Config(select=("boilerplate",)))
BODY = (
    "The tram line to the airport will open in 2028, the transport minister said on Monday, after"
    " three years of works and two delays."
)


def _deleted(text: str) -> list[tuple[str, str]]:
    return [(f.rule, text[f.start:f.end]) for f in FIXER.check(text)]


@pytest.mark.parametrize("header", ["Most commented\n", "Read also\n\n"])
def test_titles_under_a_list_header(header: str) -> None:
    """Titles under a list header, and under a bare `Read also` after one blank line."""
    text = (
        f"Tram to the airport\n\n{BODY}\n\n{header}Housing: rents continue to rise in the capital\n"
        f"Football: the national team without its captain\n\n{BODY}\n"
    )
    found = _deleted(text)
    assert ("boilerplate.related-link", "Housing: rents continue to rise in the capital") in found
    assert ("boilerplate.related-link", "Football: the national team without its captain") in found


def test_a_paragraph_under_a_list_header_stays() -> None:
    text = f"Tram to the airport\n\n{BODY}\n\nLatest news\n{BODY}\n"
    assert not any(rule == "boilerplate.related-link" for rule, _ in _deleted(text))


def test_bulleted_titles_under_a_related_prompt() -> None:
    text = f"Tram to the airport\n\n{BODY}\n\nRelated:\n• Senegal: teachers suspend their strike\n• UCAD: grants still late\n\n{BODY}\n"
    found = _deleted(text)
    assert ("boilerplate.related-link", "• Senegal: teachers suspend their strike") in found
    assert ("boilerplate.related-link", "• UCAD: grants still late") in found


def test_bracketed_and_arrowed_leads() -> None:
    text = (
        f"Tram to the airport\n\n{BODY}\n\n[ALSO ON OUR SITE] Gabon: port traffic breaks a record\n\n"
        f"SEE ALSO ⟶ Water: 400 km of pipes to replace by 2030\n\n{BODY}\n"
    )
    found = [s for rule, s in _deleted(text) if rule == "boilerplate.related-link"]
    assert found == ["[ALSO ON OUR SITE] Gabon: port traffic breaks a record",
                     "SEE ALSO ⟶ Water: 400 km of pipes to replace by 2030"]


def test_call_to_action_with_short_widget_sentences() -> None:
    line = "This content is reserved for subscribers. Already subscribed? Log in"
    text = f"Tram to the airport\n\n{BODY}\n\n{line}\n\n{BODY}\n"
    assert ("boilerplate.page-prompt", line) in _deleted(text)
    prose = ("Join our campaign, the mayor told the crowd. She said the tram would change the life of"
             " everyone who works at the airport.")
    assert _deleted(f"Tram to the airport\n\n{BODY}\n\n{prose}\n") == []


def test_credits_closing_a_caption_or_opening_a_line() -> None:
    caption = "A woman receives a dose at the Panzi hospital in Bukavu. Credit: Justin Kabuya / AFP"
    bracket = "The Rhône Glacier in Valais, pictured here in August. (Keystone/ATS/Jean-Christophe Bott)"
    credit = "© Musée du quai Branly – Jacques Chirac, photo Léo Delafontaine"
    text = f"Tram to the airport\n\n{BODY}\n\n{caption}\n\n{bracket}\n\n{credit}\n\nThe end of the article, with more words.\n"
    found = {(rule, s) for rule, s in _deleted(text)}
    assert ("boilerplate.photo-caption", caption) in found
    assert ("boilerplate.photo-caption", bracket) in found
    assert ("boilerplate.photo-credit", credit) in found
    prose = "The minister said: credit: that is what the banks want, he added in Bukavu on Monday."
    assert _deleted(f"Tram to the airport\n\n{BODY}\n\n{prose}\n") == []


def test_single_arrow_teasers_signatures_and_footers() -> None:
    lines = [
        "› Mayotte: the water cuts resume in the south of the island",
        "— FWA (@FWA_asbl) October 6, 2025",
        "© 2025 Afrique Culture Média. All rights reserved. Reproduction prohibited.",
    ]
    text = f"Tram to the airport\n\n{BODY}\n\n" + "\n\n".join(lines) + f"\n\n{BODY}\n"
    found = {s for _, s in _deleted(text)}
    assert all(line in found for line in lines), found
    caption = "The maternity ward in Mamoudzou, on September 29. PHOTO AFP / MORGAN FACHE"
    found = {(r, s) for r, s in _deleted(f"Tram to the airport\n\n{BODY}\n\n{caption}\n\n{BODY}\n")}
    assert ("boilerplate.photo-caption", caption) in found
    quote = "» Nobody: will stop us now, the mayor said to the crowd gathered in the square on Monday."
    assert _deleted(f"Tram to the airport\n\n{BODY}\n\n{quote}\n") == []


def test_a_sections_block_header_and_its_list_of_titles() -> None:
    from fixer.engine import Config, Fixer

    fixer = Fixer(Config(select=("boilerplate",)))
    body = "The university asked the region for an emergency envelope to open a second grocery, the president said."
    block = ("Also in Education:\n- Beauvais: the high school will have its new gymnasium in 2028\n"
             "- Saint-Quentin: the IUT opens a work-study course in logistics")
    text = f"Student meals at one euro\n\n{body}\n\n{block}\n\nThe Crous said more meals would follow in January."
    assert [text[f.start:f.end].strip() for f in fixer.check(text)] == block.split("\n")
    prose = f"Student meals\n\n{body}\n\nAlso in the north, prices rose by ten percent last year, said the mayor."
    assert fixer.check(prose) == []


@pytest.mark.parametrize("block", [
    # a header with a few more words, deleted by related-link with its titles
    "Most read on the site this week ↓\nMorocco: wheat imports rise again\nRabat: the tram extension opens",
    # a header alone, which the lexicon does not list as a prompt too
    "Most seen this week\n1. Snowstorm: up to 30 cm expected on Friday\n2. King Street: a restaurant closes",
])
def test_a_list_header_and_its_titles(block: str) -> None:
    from fixer.engine import Config, Fixer

    fixer = Fixer(Config(select=("boilerplate",)))
    body = "The central bank kept its key rate at 2.75% on Tuesday, as inflation slowed, the governor said."
    text = f"Key rate unchanged\n\n{body}\n\n{block}"
    assert [text[f.start:f.end].strip() for f in fixer.check(text)] == block.split("\n")
    # a sentence that opens like a header is not one
    prose = f"Key rate unchanged\n\n{body}\n\nMost read the report as a sign of caution."
    assert fixer.check(prose) == []


def test_previous_and_next_post_links_and_a_line_of_marks_only() -> None:
    """A blog's `« Previous article: …` navigation is a related link; a line made only of marks
    (`»`) leaves no text to match after its lead is stripped, and must not break the rule."""
    text = (
        f"Tram to the airport\n\n{BODY}\n\n« Previous article: Djerba: the season extended until November\n"
        f"Next post: Port-Gentil: the refinery resumes its activity\n\n»\n\n{BODY}\n"
    )
    found = _deleted(text)
    assert ("boilerplate.related-link", "« Previous article: Djerba: the season extended until November") in found
    assert ("boilerplate.related-link", "Next post: Port-Gentil: the refinery resumes its activity") in found


@pytest.mark.parametrize("line, flagged", [
    ("Written by: Staff Writer", True),
    ("Written by: F.N.N. with agencies", True),
    ("By Staff Reporter", False),
])
def test_generic_bylines_only_with_a_template_label(line: str, flagged: bool) -> None:
    """`Written by: Staff Writer` is an aggregator's template; a newspaper's own `By Staff
    Reporter` stands in clean copy too."""
    text = f"Tram to the airport\n\n{line}\n\n{BODY}\n\n{BODY}\n"
    assert (("boilerplate.byline", line) in _deleted(text)) is flagged


@pytest.mark.parametrize("marks", ["→", "»", "« ‹", "👉", "[", "➜ ➜", "▶"])
def test_a_line_of_marks_only_breaks_no_rule(marks: str) -> None:
    """A line made only of an arrow or a bullet is stripped to nothing before the related-link
    patterns: it once raised an IndexError and stopped the whole check of the page."""
    text = f"Tram to the airport\n\n{BODY}\n\n{marks}\n\n{BODY}\n"
    assert isinstance(Fixer(Config()).check(text), list)

