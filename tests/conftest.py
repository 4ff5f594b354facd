"""Shared fixtures: where the repository, its samples and the team's shared folder are."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="module")
def store():
    """The bundled rules and data, loaded once per test module."""
    from fixer.data import DataStore

    return DataStore()


@pytest.fixture(scope="module")
def g(store):
    """The bundled glossary."""
    from fixer.glossary import load_glossary

    return load_glossary(store)


@pytest.fixture(scope="module")
def doc_of(store):
    """A function making a ``Document`` of a text with the bundled data store, as a check does."""
    from fixer.document import Document

    def make(text: str) -> Document:
        doc = Document(text)
        doc.cache["store"] = store
        return doc

    return make


@pytest.fixture(autouse=True, scope="session")
def _private_disk_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Point fixer's disk cache (``fixer.diskcache``) at a folder of this test session, so the
    suite neither reads a developer's cache nor leaves files in their home folder."""
    import os

    os.environ["FIXER_CACHE_DIR"] = str(tmp_path_factory.mktemp("fixer-cache"))
