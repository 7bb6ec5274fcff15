from __future__ import annotations

from collections.abc import Iterator
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


# Two empty stores (SQLite files; PostgreSQL databases when PEACEWATCH_TEST_PG_URL is set):
# the killed-ingest and concurrent-writer tests compare one with the other.
@pytest.fixture(params=["sqlite", "postgresql"])
def two_dbs(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    if request.param == "sqlite":
        yield str(tmp_path / "clean.db"), str(tmp_path / "killed.db")
        return
    from test_store import PG_URL, drop_database, pg_database

    if not PG_URL:
        pytest.skip('PEACEWATCH_TEST_PG_URL is not set (eval "$(bash .ci/postgres.sh)")')
    (a, admin_a), (b, admin_b) = pg_database(PG_URL), pg_database(PG_URL)
    try:
        yield a, b
    finally:
        drop_database(admin_a, a)
        drop_database(admin_b, b)
