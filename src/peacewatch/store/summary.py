"""A short account of what a store holds: the end of `make run`."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from peacewatch.store import schema


@dataclass(frozen=True)
class StoreSummary:
    counts: dict[str, int]
    event_types: list[tuple[str, int]]
    speakers: list[tuple[str, int]]
    places: list[tuple[str, int]]
    issues: list[tuple[str, int]]

    def lines(self) -> list[str]:
        c = self.counts
        out = [
            f"documents {c['versions']} (clusters {c['clusters']}), "
            f"entities {c['entities']}, places {c['places']}, quotes {c['quotes']}, "
            f"events {c['events']} (merged into {c['event_groups']}), "
            f"positions {c['positions']}, failed {c['dead_letters']}",
        ]
        for title, rows in (
            ("event types", self.event_types),
            ("speakers", self.speakers),
            ("places", self.places),
            ("issues", self.issues),
        ):
            if rows:
                out.append(f"top {title}: " + ", ".join(f"{k} ({n})" for k, n in rows))
        return out


def _top(conn: sa.Connection, col: sa.ColumnElement[str], n: int = 5) -> list[tuple[str, int]]:
    count = sa.func.count().label("n")
    stmt = sa.select(col, count).where(col.is_not(None)).group_by(col).order_by(count.desc(), col)
    return [(str(k), int(v)) for k, v in conn.execute(stmt.limit(n))]


def summarize(engine: sa.Engine, counts: dict[str, int]) -> StoreSummary:
    with engine.connect() as conn:
        return StoreSummary(
            counts=counts,
            event_types=_top(conn, schema.events.c.type),
            speakers=_top(conn, schema.quotes.c.speaker),
            places=_top(conn, schema.places.c.name),
            issues=_top(conn, schema.positions.c.issue),
        )
