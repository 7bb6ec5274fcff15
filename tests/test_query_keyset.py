"""Keyset paging (store/query.py ``_keyset``) over a sort key whose first column may be NULL:
walking the pages gives the whole ORDER BY, undated rows included (SQLite sorts them first)."""

from __future__ import annotations

from datetime import date, timedelta

import sqlalchemy as sa

from peacewatch.store.query import Filters, _keyset


def test_pages_after_a_cursor_walk_every_row_once_nulls_included() -> None:
    meta = sa.MetaData()
    t = sa.Table(
        "t",
        meta,
        sa.Column("day", sa.Date),
        sa.Column("vid", sa.Text),
        sa.Column("idx", sa.Integer),
    )
    engine = sa.create_engine("sqlite://")
    meta.create_all(engine)
    rows = [
        {
            "day": None if i % 4 == 0 else date(2022, 3, 1) + timedelta(days=i % 3),
            "vid": f"v{i % 5}",
            "idx": i,
        }
        for i in range(40)
    ]
    stmt = sa.select(t.c.day, t.c.vid, t.c.idx).order_by(t.c.day, t.c.vid, t.c.idx)
    with engine.begin() as conn:
        conn.execute(t.insert(), rows)
        every = [tuple(r) for r in conn.execute(stmt)]
        assert every[0][0] is None and every[-1][0] is not None  # both kinds, NULL first
        walked: list[tuple[object, ...]] = []
        after = None
        for _ in range(len(every)):  # bounded: a page per row at most
            page = [
                tuple(r)
                for r in conn.execute(_keyset(stmt, Filters(after=after), "sqlite").limit(3))
            ]
            walked += page
            if len(page) < 3:
                break
            after = page[-1]
    assert walked == every
