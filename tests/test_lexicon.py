

def test_common_word_sets_of_two_floors_are_both_kept_in_the_disk_cache(tmp_path, monkeypatch):
    """Each floor has its own disk-cache entry: entries of one name replace each other, and two
    floors sharing a name rebuilt each other at every start (68 ms of the first article)."""
    from fixer import lexicon

    monkeypatch.setenv("FIXER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(lexicon, "_COMMON_SETS", {})
    high, low = lexicon.common_words_set(3.5), lexicon.common_words_set(3.0)
    assert high < low and "the" in high
    assert len(list(tmp_path.glob("common-words-*.bin"))) == 2
