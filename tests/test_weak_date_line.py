"""The page's date alone on a header line is a weak deletion: kept only beside translation
damage, and left out of the shared deletion plan, so its own edits are computed with the plan
and itself (a date line alone in a text once raised an IndexError there)."""

from fixer.engine import Config, Fixer

FIXER = Fixer(Config(unsafe=True))


def _fixed(text: str) -> str:
    result = FIXER.fix(text)
    return result.text if hasattr(result, "text") else result


def test_a_date_line_alone_or_at_the_end_is_left_without_damage_and_raises_nothing():
    for text in ("November 22, 2024\n", "November 22, 2024", "Title\n\nNovember 22, 2024\n"):
        assert _fixed(text) == text


def test_a_date_line_goes_beside_translation_damage_and_leaves_one_blank_line():
    text = "Title\nNovember 22, 2024\n\nBody lîle text said lONG.\n"
    assert _fixed(text) == "Title\n\nBody l'île text said the NGO.\n"


def test_other_deletions_around_a_kept_date_line_still_apply():
    assert _fixed("November 22, 2024\n\nLeave a Reply\n") == "November 22, 2024\n"


def test_a_blog_engines_account_after_the_date_is_part_of_the_date_line():
    for account in ("admin", "Editor", "webmaster"):
        text = f"Title\nPosted on November 26, 2026 by {account}\n\nBody lîle text said lONG.\n"
        assert _fixed(text) == "Title\n\nBody l'île text said the NGO.\n"
    # a person's name is a byline, which stays
    text = "Title\nPosted on November 26, 2026 by Jean Dupont\n\nBody lîle text said lONG.\n"
    assert "Posted on November 26, 2026 by Jean Dupont" in _fixed(text)
