from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def nlp() -> Language:
    from peacewatch.parse.nlp import load

    loaded: Language = load()
    return loaded


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def api_store(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> str:
    """URL of a SQLite store with the API fixture articles (tests/api_fixtures.py)."""
    from api_fixtures import build_store

    return build_store(tmp_path_factory.mktemp("api") / "store.db", nlp)
