"""Round 6 shortcuts of the boilerplate rules: character sets that stand for a pattern or for a
list of substring tests must be exactly what they replace."""

from __future__ import annotations

from fixer.detectors import boilerplate_prompts as prompts
from fixer.detectors import boilerplate_widgets as widgets


def test_widget_symbols_are_what_the_symbol_pattern_matches() -> None:
    matched = {chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000 and widgets._WIDGET_SYMBOL_RE.fullmatch(chr(i))}
    assert matched == set(widgets._WIDGET_SYMBOLS)
    assert all(not c.isascii() for c in matched)  # (told by the page's non-ASCII characters)


def test_trailing_arrows_are_the_arrows_of_arrow_lines() -> None:
    # related-link finds the lines holding either with one lines_holding call
    assert prompts._TRAIL_ARROW_SET == prompts._ARROWS == set(prompts._ARROW_CHARS)


def test_plain_is_unquoted_then_single_spaced() -> None:
    import random

    from fixer.detectors import boilerplate_common as bc

    rng = random.Random(6)
    alphabet = "ab é\n" + "".join(o for o, _n in bc._QUOTES) + bc._OTHER_WS + "`'\"\u2002"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(12)))
        present = frozenset(c for c in text if not c.isascii())
        extra = frozenset(rng.sample([c for c in alphabet if not c.isascii()], 3))  # (the page may hold more)
        assert bc._plain(text, present | extra) == bc._single_spaced(bc._unquoted(text))


def test_is_hashtag_is_the_hashtag_pattern() -> None:
    import random

    from fixer.detectors import boilerplate_metadata as metadata

    rng = random.Random(7)
    bits = ["a", "É", "3", "_", ".", ",", ";", ":", "#", "-", "é", "\u0301", "½", "ǅ", "\U00010d50", "’"]
    for _ in range(20000):
        token = "#" + "".join(rng.choice(bits) for _ in range(rng.randrange(6)))
        assert metadata._is_hashtag(token) == bool(metadata._HASHTAG_RE.match(token)), token


def test_a_date_line_ends_as_may_end_date_says() -> None:
    import random

    import regex

    from fixer.detectors import boilerplate_metadata as metadata

    everything = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    # (the letters that end a time, matched case-insensitively, are only those of the set)
    assert set(regex.findall(r"(?i)[mtc]", everything)) <= metadata._DATE_LINE_ENDS
    rng = random.Random(8)

    def pick(*options: str) -> str:
        return rng.choice(options)

    matched = 0
    for _ in range(30000):
        date = pick("22/11/2024", "2024-11-22", "22.11.24", "Saturday, 21 October, 2017", "November 22, 2024",
                    "21st mai 2023", "mardi 3 juin 2025", "22 November 2024")
        time = pick("", " at 7:34", " à 18h02", ", 10:05 a.m.", " - 9 pm", " 06:20 GMT", " 5 p.m. CEST+2", " 7:34 utc",
                    " 21:40 ET", " 8.15 am")
        text = pick("", " ", "Published on ", "publiée le : ") + date + time + pick("", " ", "\t", "\u2003", ".", "x")
        if metadata._DATE_LINE_RE.match(text):
            matched += 1
            assert metadata._may_end_date(text), text
            assert metadata.may_open(text, metadata._DATE_LINE_OPENING), text
    assert matched > 10000
    # every word a date line may open with (after its white space) opens as the gate allows
    words = [*metadata._MONTHS.split("|"), *metadata._WEEKDAYS, "published", "posted", "publié", "publiée"]
    for w in words:
        for text in (w + " 3, 2024", w.upper() + " 3, 2024", w.capitalize() + " 3, 2024"):
            assert metadata.may_open(text, metadata._DATE_LINE_OPENING), text


def test_a_section_date_has_five_chunks_at_most() -> None:
    import random

    from fixer.detectors import boilerplate_metadata as metadata

    rng = random.Random(11)
    spaces = [" ", "  ", "\t", "\u2003", " \u00a0"]
    matched = 0
    for _ in range(20000):
        section = rng.choice(["News", "Faits-divers", "World News", "Économie Générale", "Sport"])
        section = section.replace(" ", rng.choice(spaces))
        date = rng.choice(["21 October", "October 21", "3 mai", "juin 30", "1 Janvier"]).replace(" ", rng.choice(spaces))
        text = rng.choice(["", " "]) + section + rng.choice(spaces) + date + rng.choice(["", ","]) + rng.choice(spaces) \
            + "2017" + rng.choice(["", " ", "\t"])
        if metadata._SECTION_DATE_RE.match(text):
            matched += 1
            assert len(text.split(None, 5)) <= 5, text
    assert matched > 10000


def test_python_decimals_are_regex_digits_and_figures() -> None:
    import random

    import regex

    everything = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    digits = set(regex.findall(r"\d", everything))
    assert [c for c in everything if c.isdecimal() and c not in digits] == []
    # (no letter is a figure or a mark of the pattern, whatever its case)
    assert regex.findall(r"(?i)[\d:.,'’ ]", "".join(c for c in everything if c.isalpha())) == []
    rng = random.Random(9)
    bits = ["1", "٣", "0", ":", ".", ",", "'", "’", " ", "k", "M", "a", "½", "²"]
    for _ in range(20000):
        word = "".join(rng.choice(bits) for _ in range(rng.randrange(1, 6)))
        assert widgets._is_figures(word) == (widgets._FIGURES_RE.fullmatch(word) is not None), word


def test_one_run_of_letters_and_figures_is_no_date_nor_section_date() -> None:
    import random

    from fixer.detectors import boilerplate_metadata as metadata

    rng = random.Random(10)
    bits = ["1711900800", "22", "2024", "November", "Published", "on", "News", "mai", "x", "7", "pm", "GMT"]
    for _ in range(20000):
        text = " " * rng.randrange(2) + "".join(rng.choice(bits) for _ in range(rng.randrange(1, 5))) + " " * rng.randrange(2)
        assert text.strip().isalnum()
        assert not metadata._DATE_LINE_RE.match(text) and not metadata._SECTION_DATE_RE.match(text), text
    for _ in range(20000):  # (a section date opens with a letter)
        text = rng.choice(["", " ", "\t"]) + rng.choice("0123456789") + " ".join(rng.choice(bits) for _ in range(3))
        assert not metadata._SECTION_DATE_RE.match(text), text


def test_folding_makes_no_ascii_digit() -> None:
    # (reading-time takes an ASCII digit at either end of a key for a figure of the line)
    everything = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    assert [c for c in everything if c not in "0123456789" and any(d in c.casefold() for d in "0123456789")] == []


def test_only_m_matches_m_case_insensitively() -> None:
    import regex

    # (reading-time asks the bare-minutes pattern only of a line holding `m` or `M`)
    everything = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    assert sorted(regex.findall("(?i)m", everything)) == ["M", "m"]
