"""Schema fuzzing: schemathesis generates requests from the OpenAPI spec and checks that
responses match it (status codes, bodies, the error shape), with a bounded number of examples
per operation so the whole run stays well under a minute.

Driven through Hypothesis directly, one test per operation: schemathesis' lazy pytest fixture
loader fails under pytest 9 ('Function' object has no attribute '_nodeid').
The POST operations are left out: they run the NLP pipeline (seconds per example) or write;
tests/test_api.py covers them.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import positive_data_acceptance

from peacewatch.api import Settings, create_app

GET_PATHS = [
    "/api/health",
    "/api/documents",
    "/api/documents/{doc_id}",
    "/api/events",
    "/api/quotes",
    "/api/places",
    "/api/positions",
    "/api/entities",
    "/api/merged",
    "/api/negotiation",
    "/api/facets",
    "/api/track",
    "/api/search",
    "/api/tracks",
    "/api/export/events",
    "/api/export/quotes",
    "/api/export/places",
    "/api/export/positions",
    "/api/export/documents",
    "/api/changes",
    "/api/map",
]


@pytest.fixture(scope="module")
def api_schema(api_store: str) -> Any:
    app = create_app(Settings(db=api_store, rate_per_minute=0))
    return schemathesis.openapi.from_asgi("/api/openapi.json", app)


def test_every_get_operation_is_fuzzed(api_schema: Any) -> None:
    spec_paths = {p for p, ops in api_schema.raw_schema["paths"].items() if "get" in ops}
    assert spec_paths == set(GET_PATHS)


def _without_cursor(case: Any) -> Any:
    if case.query:
        case.query.pop("cursor", None)
    return case


@pytest.mark.parametrize("path", GET_PATHS)
def test_api_matches_its_spec(api_schema: Any, path: str) -> None:
    op = api_schema[path]["GET"]

    # A cursor is opaque: only the next_cursor of a page is one, which no schema can say, so
    # generated strings are rightly refused (422). tests/test_api.py tests cursors, good and bad.
    @given(case=op.as_strategy().map(_without_cursor))
    @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
    def fuzz(case: Any) -> None:
        # A search query is a small language (store/search.py) that no schema can describe:
        # a schema-valid q may be unreadable ("-x", a lone quote) and rightly refused with a
        # 422 and a fix (tests/test_api_search.py); every other check still applies.
        skip = [positive_data_acceptance] if path == "/api/search" else []
        case.call_and_validate(excluded_checks=skip)

    fuzz()
