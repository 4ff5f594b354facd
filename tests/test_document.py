"""Document views that every detector relies on."""

from __future__ import annotations

import pytest

from fixer.apply import apply_edits
from fixer.document import Document


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A\n\nJUNK\n\nB\n", "A\n\nB\n"),  # between paragraphs: no double gap left
        ("A\nJUNK\nB\n", "A\nB\n"),
        ("A\n\nB\n\nJUNK\n", "A\n\nB\n"),  # last line: the blank line before it goes too
        ("A\n\nB\n\nJUNK", "A\n\nB"),  # no final newline stays without one
        ("JUNK\n\nA\n", "A\n"),  # first line
        ("A\r\n\r\nJUNK\r\n\r\nB\r\n", "A\r\n\r\nB\r\n"),  # CRLF
    ],
)
def test_line_deletion_leaves_no_double_gap(text: str, expected: str) -> None:
    doc = Document(text)
    (line,) = [ln for ln in doc.lines if ln.text == "JUNK"]
    assert apply_edits(text, [doc.line_deletion(line)]) == expected


def test_line_col_and_lines_exclude_cr() -> None:
    doc = Document("ab\r\ncd\nef")
    assert [ln.text for ln in doc.lines] == ["ab", "cd", "ef"]
    assert doc.line_col(0) == (1, 1)
    assert doc.line_col(5) == (2, 2)
    assert doc.line_col(8) == (3, 2)


def test_acronyms_defined_in_the_article() -> None:
    doc = Document("the Alliance of Sahel States (AES) said. The Group for the Support of Islam and Muslims (JNIM) too.")
    assert doc.acronyms["AES"] == "Alliance of Sahel States"
    assert doc.acronyms["JNIM"].endswith("Islam and Muslims")


def test_title_is_first_non_blank_line() -> None:
    doc = Document("\n\nHeadline here\n\nBody.")
    assert doc.title is not None and doc.title.text == "Headline here"


def test_fast_word_pattern_agrees_with_word_re_in_its_blocks() -> None:
    """The stdlib fast path is only taken for texts inside FAST_BLOCKS; on the running
    interpreter's Unicode tables every code point there must be a word character for both
    patterns or for neither, or the fast path would split words differently."""
    import re

    from fixer.document import FAST_BLOCKS

    slow = re.compile(r"[^\W_]")
    import regex

    fast = regex.compile(r"[\p{L}\p{M}\p{N}]")
    differ = [hex(c) for lo, hi in FAST_BLOCKS for c in range(lo, hi + 1)
              if bool(slow.match(chr(c))) != bool(fast.match(chr(c)))]
    assert differ == []


@pytest.mark.parametrize(
    "text",
    ["L’ONG a dit qu’aujourd’hui — well-known 3½ ways_to x", "Ødegaard, Mbappé: « oui » 2024-09-22",
     "cafe\u0301 with a combining accent", "Ιωάννης and Сергей", "emoji 🎉 end", ""],
)
def test_tokens_and_word_counts_same_on_both_paths(text: str) -> None:
    from collections import Counter

    from fixer.document import WORD_RE

    doc = Document(text)
    assert [t.text for t in doc.tokens] == WORD_RE.findall(text)
    assert [(t.start, t.end) for t in doc.tokens] == [m.span() for m in WORD_RE.finditer(text)]
    assert doc.word_counts == dict(Counter(WORD_RE.findall(text)))
