"""The shortcuts of the fifth round of boilerplate speed work must tell what the patterns they
spare would tell: the words of a widget line taken chunk by chunk, the first-word test of
``interface_safety``, the pictograph, trailing-credit and copyright gates, the lines found by
``lines_holding``, keys folded line by line, and the Unicode facts they rest on."""

from __future__ import annotations

import random

import regex

from fixer.detectors import boilerplate_common as bc
from fixer.detectors import boilerplate_credits as credits
from fixer.detectors import boilerplate_widgets as widgets
from fixer.document import Document

_ALL = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)


def test_regex_white_space_is_python_white_space_but_four() -> None:
    spaces = set(regex.findall(r"\s", _ALL))
    assert {c for c in _ALL if c.isspace()} - spaces == set(widgets._NOT_REGEX_SPACE)
    assert {c for c in spaces if not c.isspace()} == set()


def test_case_folding_keeps_white_space_apart() -> None:
    spaces = set(regex.findall(r"\s", _ALL))
    assert [c for c in spaces if c.casefold() != c] == []
    assert [c for c in _ALL if c not in spaces and (spaces & set(c.casefold()))] == []


def _old_words(text: str) -> list[str]:
    return [w.strip("-'’\"“”«»") for w in widgets._SPLIT_RE.split(text) if w.strip("-'’\"“”«»")]


def _old_interface_safety(text: str, vocab: dict[str, str]) -> object:
    counts = {"strong": 0, "ui": 0, "function": 0}
    n = figures = 0
    for w in _old_words(text):
        folded = w.casefold()
        if folded in ("a-", "a+", "a−"):
            counts["strong"] += 1
        elif widgets._FIGURES_RE.fullmatch(w):
            figures += 1
            continue
        elif not any(c.isalnum() for c in w):
            continue
        else:
            kind = vocab.get(folded)
            if kind is None or kind == "section":
                return None
            counts["ui" if kind == "home" else kind] += 1
        n += 1
        if n > widgets.MAX_WORDS:
            return None
    if counts["strong"]:
        return "safe"
    if text.rstrip()[-1:] in (".", "!"):
        return None
    labelled = not figures or ":" in text or "(" in text
    if counts["ui"] >= 2 or (counts["ui"] == 1 and n <= 3 and labelled):
        return "unsafe"
    return None


_BITS = ["Share", "share", "Home", "Culture", "Paris", "and", "A+", "a-", "A−", "12", "1.4k", "2 341", "★", "↑", "|", "›",
         "/", ":", "(", ")", " ", "  ", "\t", "\x1c", "\x1f", "\u00a0", "\u2003", ".", "!", "-", "«", "»", "’", "'", "&",
         "Views:", "(14)", "é", "ß"]


def test_words_and_interface_safety_as_with_the_split_pattern() -> None:
    vocab = {"share": "strong", "home": "home", "culture": "section", "and": "function", "views": "ui", "paris": "ui"}
    rng = random.Random(5)
    for _ in range(20000):
        text = "".join(rng.choice(_BITS) + rng.choice(["", " ", " | "]) for _ in range(rng.randint(1, 8)))
        assert widgets._words(text) == _old_words(text), text
        if text.strip():
            got = widgets.interface_safety(text, vocab)
            assert (got.value if got is not None else None) == _old_interface_safety(text, vocab), text


def test_pictograph_and_player_gates() -> None:
    assert [c for c in _ALL if widgets._PICTOGRAPH_RE.match(c + "x") and not widgets._may_be_pictograph(c + "x")] == []
    digits = regex.findall(r"\d", _ALL)
    assert [c for c in digits if not (c.isdigit() or c > "\uffff")] == []
    for c in digits[::7]:
        assert widgets._may_be_player(f" {c}:00 / 1:00") and widgets._PLAYER_RE.match(f" {c}:00 / 1:00")


def test_section_safety_as_before() -> None:
    def old(text: str, vocab: dict[str, str]) -> object:
        if text.rstrip()[-1:] in (".", "!", "?"):
            return None
        if widgets._is_section(text, vocab) or (
                len(_old_words(text)) <= 4 and all(widgets._is_section(p, vocab) for p in widgets._split_strip(text))):
            return widgets.Safety.UNSAFE
        return None

    vocab = {"culture": "section", "sport": "section", "and": "function", "de": "function", "share": "strong"}
    rng = random.Random(9)
    bits = ["Culture", "SPORT", "Paris", "and", "de", "Share", "&", "|", "/", "—", "-", ".", "x", " ", "\t", "\x1c"]
    for _ in range(20000):
        text = rng.choice(["", "", " ", "\t", " & ", " | "]) + "".join(
            rng.choice(bits) + rng.choice(["", " ", " ", " | ", " & ", " and "]) for _ in range(rng.randint(1, 6)))
        if text.strip():
            assert widgets.section_safety(text, vocab) == old(text, vocab), text


def test_trailing_credit_and_copyright_gates() -> None:
    rng = random.Random(7)
    bits = ["Photo", "photo", "PHOTO", "PHOTOS", "CREDIT", "CRÉDIT", "Crédit", "credit", "image", "İmage", "cOpyright",
            "copyrİght", "(C)", "(c)", "©", ":", " : ", ". ", " - ", " | ", "AFP", "Name", " ", "  ", "\t", "x" * 30, "/", "é",
            "»", "\x1c", "\u00a0", "a", "B"]
    matched = 0
    for _ in range(40000):
        text = "".join(rng.choice(bits) for _ in range(rng.randint(1, 12))) + " " * rng.choice([0, 0, 3, 60])
        if credits._TRAILING_CREDIT_RE.search(text):
            matched += 1
            assert credits._may_trail(text), text
        if "©" in text:
            m = credits._COPYRIGHT_RE.search(text)
            want = m.span() if m and "©" in m.group() else None
            got = credits._copyright_sign(text)
            assert (got.span() if got else None) == want, text
    assert matched > 100


def test_lines_holding_and_folded_keys() -> None:
    rng = random.Random(11)
    bits = ["Mot", "É", "ß", ":", "#", "©", "hoto", "REDIT", " ", "  ", "\t", "\u00a0", "\u2003", "\n", "\n", "\r\n", "’", "«"]
    for _ in range(3000):
        doc = Document("".join(rng.choice(bits) for _ in range(rng.randint(0, 40))))
        lines = bc.nonblank(doc)
        for needles in ((":",), ("#",), ("©", "hoto", "REDIT")):
            assert bc.lines_holding(doc, needles) == [i for i, ln in enumerate(lines) if any(n in ln.text for n in needles)]
        assert [bc.full_key(doc, i) for i in range(len(lines))] == [bc.norm(ln.text) for ln in lines]
