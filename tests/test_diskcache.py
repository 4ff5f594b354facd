"""The disk cache may only ever make things faster: same values, never stale, never fatal."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fixer import diskcache, lexicon
from fixer.data import DataError, read_toml_file


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("FIXER_CACHE_DIR", str(folder))
    return folder


def counting(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_second_call_reads_the_stored_value(cache: Path) -> None:
    build, calls = counting({"a": [1, 2.5, "x"]})
    assert diskcache.cached("thing", "k1", build) == {"a": [1, 2.5, "x"]}
    assert diskcache.cached("thing", "k1", build) == {"a": [1, 2.5, "x"]}
    assert calls == [1]
    assert len(list(cache.glob("thing-*.bin"))) == 1


def test_a_new_key_rebuilds_and_replaces_the_old_entry(cache: Path) -> None:
    diskcache.cached("thing", "k1", lambda: 1)
    build, calls = counting(2)
    assert diskcache.cached("thing", "k2", build) == 2
    assert calls == [1]
    assert [p.name for p in cache.glob("thing-*.bin")] == ["thing-k2.bin"]


def test_a_damaged_or_foreign_entry_is_rebuilt(cache: Path) -> None:
    diskcache.cached("thing", "k1", lambda: "good")
    entry = cache / "thing-k1.bin"
    for junk in (b"", b"\x00garbage", entry.read_bytes()[:-3]):
        entry.write_bytes(junk)
        build, calls = counting("rebuilt")
        assert diskcache.cached("thing", "k1", build) == "rebuilt"
        assert calls == [1]
    # an intact record stored under another key is not trusted either
    diskcache.cached("other", "k9", lambda: "other value")
    entry.write_bytes((cache / "other-k9.bin").read_bytes())
    assert diskcache.cached("thing", "k1", lambda: "mine") == "mine"


def test_an_empty_setting_turns_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIXER_CACHE_DIR", "")
    monkeypatch.chdir(tmp_path)
    build, calls = counting(5)
    assert diskcache.cached("thing", "k", build) == 5
    assert diskcache.cached("thing", "k", build) == 5
    assert calls == [1, 1]
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_cache_folder_is_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("FIXER_CACHE_DIR", str(blocker / "cache"))
    assert diskcache.cached("thing", "k", lambda: [1]) == [1]


def test_values_marshal_cannot_write_are_returned_uncached(cache: Path) -> None:
    import datetime

    value = {"when": datetime.date(2024, 1, 2)}
    assert diskcache.cached("thing", "k", lambda: value) == value
    assert not list(cache.glob("thing-*"))


def test_an_edited_toml_file_is_read_again(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text('[[rule]]\nid = "a"\n', encoding="utf-8")
    assert read_toml_file(path) == {"rule": [{"id": "a"}]}
    stat = path.stat()
    path.write_text('[[rule]]\nid = "b"\n', encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size and time: keyed by content
    assert read_toml_file(path) == {"rule": [{"id": "b"}]}


def test_toml_errors_are_still_reported(cache: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[[rule]\n", encoding="utf-8")
    with pytest.raises(DataError, match="invalid TOML"):
        read_toml_file(bad)
    bad.write_bytes(b'x = "\xff"\n')
    with pytest.raises(DataError, match="not UTF-8"):
        read_toml_file(bad)


def test_cached_word_frequencies_equal_wordfreqs_buckets(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sorted list read back from the cache gives every word the Zipf value its bucket says."""
    lexicon._lexicon.cache_clear()
    try:
        first = lexicon._lexicon("fr")  # built, then stored
        lexicon._lexicon.cache_clear()
        again = lexicon._lexicon("fr")  # read back
        assert again.words == first.words and again.codes == first.codes and again.key == first.key
        buckets = lexicon._buckets("fr")
        expected: dict[str, float] = {}
        for i in range(len(buckets) - 1, -1, -1):
            for w in buckets[i]:
                expected[w] = round(9 - i / 100, 2)
        for word in [*list(expected)[::997], "état", "de", "pas-un-mot"]:
            assert again.lookup(word) == expected.get(word, 0.0)
            assert again.lookup(word.upper()) == expected.get(word, 0.0)
        assert dict(lexicon.common_words("fr", 5.0)) == {w: z for w, z in expected.items() if z >= 5.0}
        assert max(again.codes) < len(lexicon._ZIPF)
        # after enough new words a batch switches from bisection to a dict: same answers
        monkeypatch.setattr(lexicon._Lexicon, "SWITCH_AFTER", 3)
        again.memo.clear()
        probe = [*list(expected)[::1999], "Être", "XYZZY-not-a-word"]
        for word in probe:
            assert again.lookup(word) == expected.get(word.lower(), 0.0)
        assert again.table is not None
    finally:
        lexicon._lexicon.cache_clear()
