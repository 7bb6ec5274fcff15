"""Positions by a common issue are read by walking the date index (store/query.py
``_position_issue``): the same rows, in the same order, as through the issue index."""

from __future__ import annotations

import pytest

from peacewatch.store import Store, query
from peacewatch.store.query import Filters


def test_common_issue_walk_gives_the_same_rows(
    api_store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(api_store) as store, store.engine.connect() as conn:
        every = query.positions(conn, Filters(limit=None))
        issues = sorted({r["issue"] for r in every})
        assert issues
        for issue in issues:
            f = Filters(limit=None, issue=issue, with_total=True)
            monkeypatch.setattr(query, "RARE_ACTOR", 10_000)  # the issue index
            indexed = query.positions(conn, f)
            monkeypatch.setattr(query, "RARE_ACTOR", 0)  # the walk (unary plus)
            walked = query.positions(conn, f)
            assert walked == indexed and indexed
            assert [r["issue"] for r in walked] == [issue] * len(walked)
