"""``GET /api/search``: full-text search over document bodies, quotes and positions.

The page has the shape of the other lists (``total``, ``total_exact``, ``items``,
``next_cursor``); ``total`` counts matches up to COUNT_CAP (then COUNT_CAP + 1 and
``total_exact`` false). Items are newest first: ``kind`` (documents | quotes | positions),
``id`` (the record's id, as in the other lists), ``document_id``, ``version_id``, ``title``
and ``date`` of the document, ``snippet`` with each match between « and », ``marks`` (the
[start, end) offsets of the matches in ``snippet``: the text may hold « » itself), and
``speaker`` for quotes, ``party``, ``issue`` and ``stance`` for positions. The query language
is store/search.py's; a query it cannot read is a 422 with the cause and how to write it.
"""

from __future__ import annotations

from datetime import date
from typing import TypedDict

import sqlalchemy as sa

from peacewatch.api import paging
from peacewatch.api.errors import ApiError
from peacewatch.store.query import Row
from peacewatch.store.search import SearchKind, SearchSyntaxError, search


class SearchPage(TypedDict):
    """The fields of api/routes.py's ``Page``."""

    total: int
    total_exact: bool
    limit: int
    offset: int
    items: list[Row]
    next_cursor: str | None


def search_page(
    engine: sa.Engine, q: str, kind: SearchKind, limit: int, cursor: str | None, cap: int | None
) -> SearchPage:
    """One search request's page (422 for a query or cursor that cannot be read)."""
    after = None
    if cursor is not None:
        day, vid, rank, idx = paging.decode("search", cursor)
        if not isinstance(day, date) or not isinstance(vid, str):
            raise ApiError(422, "invalid_request", "cursor: not a cursor of /search", paging.BAD)
        after = (day, vid, int(str(rank)), int(str(idx)))
    try:
        with engine.connect() as conn:
            found = search(conn, q.replace("\x00", ""), kind, limit, after, cap)
    except SearchSyntaxError as exc:
        raise ApiError(422, "invalid_query", f"q: {exc.message}", exc.fix) from exc
    nxt = None
    if found.next_key is not None:
        day, vid, rank, idx = found.next_key
        nxt = paging.encode("search", {"day": day, "version_id": vid, "rank": rank, "idx": idx})
    return {
        "total": found.total,
        "total_exact": found.total_exact,
        "limit": limit,
        "offset": 0,
        "items": found.rows,
        "next_cursor": nxt,
    }
