"""Page prompts that open with a known lead (``rules/lexicon/boilerplate-phrases.txt``): share,
reaction and paywall prompts seen under translated articles, and sentences of an article that
merely begin with the same words and must stay."""

from __future__ import annotations

import pytest

from fixer.engine import Config, Fixer
from fixer.model import Safety

BOILER = Fixer(Config(select=("boilerplate.page-prompt",)))
ARTICLE = "A title for the page\n\nThe minister spoke on Monday about the budget of the region.\n\n{line}\n\nThe debate resumes next week.\n"


@pytest.mark.parametrize("line", [
    "Share this article on Facebook",
    "Be the first to react to this article",
    "Comment on this article",
    "Subscribe to read the rest",
    "Soyez le premier à réagir",
    "Réagissez à cet article",
    "Comments are closed.",
    "Share by email",
    "Sign up to receive our newsletter",
])
def test_prompt_line_is_a_safe_deletion(line: str) -> None:
    text = ARTICLE.format(line=line)
    found = BOILER.check(text)
    assert [(f.rule, text[f.start:f.end].strip()) for f in found] == [("boilerplate.page-prompt", line)]
    assert found[0].fix is not None and found[0].fix.safety is Safety.SAFE


@pytest.mark.parametrize("line", [
    "Comment on the article was not immediately available from the ministry, which said it would reply later.",
    "Subscribers to the scheme will pay less from January, the minister said.",
    "She said she did not like this article of the new law, which limits the right to strike.",
])
def test_sentence_with_a_similar_opening_is_kept(line: str) -> None:
    assert BOILER.check(ARTICLE.format(line=line)) == []


RELATED = Fixer(Config(select=("boilerplate.related-link",)))


@pytest.mark.parametrize("line", [
    "Read also: Lebanon: the IMF asks again for a restructuring of the banking sector",
    "Read also: Nurses in Abitibi say they are exhausted",
])
def test_teaser_whose_title_holds_a_verb_of_saying_is_a_safe_deletion(line: str) -> None:
    text = ARTICLE.format(line=line)
    found = RELATED.check(text)
    assert [text[f.start:f.end].strip() for f in found] == [line]
    assert found[0].fix is not None and found[0].fix.safety is Safety.SAFE


def test_sentence_quoting_a_teaser_lead_is_kept() -> None:
    line = "Read more: that was the only text on the page, investigators said."
    assert RELATED.check(ARTICLE.format(line=line)) == []


def test_credit_photo_in_translated_word_order_is_a_credit_line() -> None:
    credits = Fixer(Config(select=("boilerplate.photo-credit", "boilerplate.photo-caption")))
    line = "Credit photo : Port Autonome de Cotonou"
    text = ARTICLE.format(line=line)
    assert [text[f.start:f.end].strip() for f in credits.check(text)] == [line]


def test_titles_under_a_bare_teaser_header_are_proposed_with_it() -> None:
    text = ("A title for the page\n\nThe minister spoke on Monday.\n\nAlso read:\n"
            "Mali: the junta dissolves all political parties\n\nThe debate resumes.\n\n"
            "Read also :\n- Paris 2024: the metro runs late\n- Strike at the RATP\n\nSee also\n"
            "The strike goes on.\n")
    found = [(text[f.start:f.end].strip(), f.fix.safety) for f in RELATED.check(text) if f.fix]
    assert found == [
        ("Also read:", Safety.SAFE),
        ("Mali: the junta dissolves all political parties", Safety.UNSAFE),
        ("Read also :", Safety.SAFE),
        ("- Paris 2024: the metro runs late", Safety.UNSAFE),
        ("- Strike at the RATP", Safety.UNSAFE),
        ("See also", Safety.SAFE),  # a sentence closed by a full stop is no title
    ]
    assert RELATED.fix(text).text.count("The strike goes on.") == 1


@pytest.mark.parametrize("line, bar", [
    ("Facebook Twitter WhatsApp", True),
    ("Facebook | X | Email", True),
    ("Copy link Print", True),
    ("Facebook", False),  # one name alone may be a heading
    ("Share on Facebook, X and WhatsApp today.", False),
    ("Facebook and X were fined on Monday", False),
    ("Comments (3)", True),
    ("12 comments", True),
    ("Réactions (4)", True),
    ("Comments were made on 3 bills", False),
])
def test_share_bar_is_a_line_of_button_names_only(line: str, bar: bool) -> None:
    text = ARTICLE.format(line=line)
    found = [text[f.start:f.end].strip() for f in BOILER.check(text)]
    assert found == ([line] if bar else [])


@pytest.mark.parametrize("line", [
    # widget wordings of other sites
    "Story continues below advertisement",
    "Advertisement · Content continues below",
    "Did you spot an error? Report it to us",
    "Log in to read the 3 comments",
    "Never miss a verdict: activate notifications for our Justice live coverage",
    # after the pictograph or bullet a widget opens with
    "📩 Don't miss a move: get our Morning Markets briefing every weekday at 7 a.m. Sign up for free ›",
    "● LIVE — Follow the evolution of the storm minute by minute in our live coverage",
    "• Leave a Reply",
    # an embed's caption, a language switcher, a cookie notice in other words
    "A post shared by Festival de Tétouan (@ficmt.officiel)",
    "Read this article in German 🇩🇪 | in Italian 🇮🇹",
    "This site uses tracers to measure its audience. By continuing, you accept their use.",
])
def test_prompts_of_other_sites_and_after_a_pictograph(line: str) -> None:
    fixer = Fixer(Config(select=("boilerplate.page-prompt",)))
    body = "The council approved the budget on Tuesday after a long debate, the mayor said."
    text = f"Snow budget approved\n\n{body}\n\n{line}\n\nThe plan starts in December, officials added."
    assert [text[f.start:f.end].strip() for f in fixer.check(text)] == [line]


def test_the_bundled_openings_keep_their_line_gates() -> None:
    # an opening with a character the gates cannot fold (once: an em dash) turns the gate off,
    # and page-prompt then reads every line of every page: 7x the lines on the benchmark
    from fixer.detectors.boilerplate_common import gate_prefixes, phrases

    doc = Fixer(Config()).document("x")
    for kind in ("label", "lead", "related"):
        assert gate_prefixes(phrases(doc).get(kind, [])) is not None, kind
