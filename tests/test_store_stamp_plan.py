"""store/statuses.full reads the latest stamp through ix_versions_ingested_at even when the
planner's statistics say every row shares one stamp (sqlite_stat1 after a bulk load, as in
/tmp/h8/big-100k.db: ``100000 100000``), where ``ingested_at = ?`` scanned the table."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa

from peacewatch.store import schema, statuses
from peacewatch.store.query import Filters, _versions


def test_full_reads_the_stamp_by_index() -> None:
    engine = sa.create_engine("sqlite://")
    schema.metadata.create_all(engine)
    seen: list[str] = []
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("ANALYZE")
        raw.execute("DELETE FROM sqlite_stat1")
        raw.execute(
            "INSERT INTO sqlite_stat1 VALUES ('versions', 'ix_versions_ingested_at', "
            "'100000 100000')"
        )
        raw.execute("INSERT INTO sqlite_stat1 VALUES ('versions', NULL, '100000')")
        raw.execute("ANALYZE sqlite_schema")  # reload the statistics
        stamp = datetime(2030, 1, 1, tzinfo=UTC)
        cur = _versions(Filters())
        orig = statuses._latest
        statuses._latest = lambda c: stamp  # type: ignore[assignment]
        raw.set_trace_callback(seen.append)  # type: ignore[union-attr]
        try:
            statuses.full(conn, cur)
        finally:
            raw.set_trace_callback(None)  # type: ignore[union-attr]
            statuses._latest = orig  # type: ignore[assignment]
        stamped = [s for s in seen if "ingested_at" in s and "WHERE" in s]
        assert stamped
        for sql in stamped:
            plan = " ".join(r[3] for r in raw.execute("EXPLAIN QUERY PLAN " + sql))
            assert "SCAN versions" not in plan, (sql, plan)
