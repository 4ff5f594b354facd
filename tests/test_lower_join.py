"""The lower-join decider: only unknown runs with exactly one function-word cut."""

from fixer.detectors.lower_join import lower_join_decider

GLUE = frozenset({"the", "an", "of", "to", "in", "on", "for", "and", "with", "is"})


def decide(run: str) -> int | None:
    return lower_join_decider(GLUE, min_zipf=3.0, min_length=5, min_part=3)(run)


def test_cuts_an_unknown_run_after_a_function_word():
    assert decide("thenorth") == 3
    assert decide("elderlyand") == 7


def test_function_word_glued_to_the_is_cut_even_when_the_lists_know_it_as_a_typo():
    assert decide("ofthe") == 2
    assert decide("inthe") == 2


def test_words_of_the_lists_stay_whole():
    for word in ("into", "within", "forgo", "byword", "inlay", "atone", "theme", "income", "onset"):
        assert decide(word) is None, word


def test_capitals_digits_and_short_runs_are_not_asked():
    assert decide("theNorth") is None
    assert decide("then0rth") is None
    assert decide("ofa") is None


def test_a_run_with_two_cuts_is_left_alone():
    # `theseat` is `the seat` or `these at`: no reading is sure enough to be made
    glue = frozenset({"the", "these", "at"})
    d = lower_join_decider(glue, min_zipf=3.0, min_length=5, min_part=3)
    assert d("theseat") is None
    assert d("thesea") == 3
