"""Position claim statuses kept up to date write by write (store/statuses.py, issue 19): after
each kind of write the kept statuses equal a computation from scratch, and no write but a
deletion needs one."""

from __future__ import annotations

import random
import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from peacewatch.store import Store, rows, schema, statuses
from peacewatch.store.query import Filters, _versions
from peacewatch.vocab import ClaimStatus

d, v, pos = schema.documents, schema.versions, schema.positions
PARTIES = ["UA", "RU", "TR", None]
ISSUES = ["ceasefire", "territory", "prisoners"]
STANCES = ["demands", "offers", "rejects", "accepts", "discussed"]
_clock = [datetime(2030, 1, 1, tzinfo=UTC)]


def _stamp() -> datetime:
    _clock[0] += timedelta(seconds=1)  # every write later than the last, as in a real store
    return _clock[0]


def _clone(
    conn: sa.Connection, rng: random.Random, src: dict[str, Any], key: str, **kw: Any
) -> str:
    """A new document (or, with ``version``, a new version of ``key``) copying ``src``'s
    version row, with a few positions of random party, issue, stance and day."""
    version = kw.pop("version", 1)
    did = rows.doc_id(key)
    vid = rows.version_id(did, version)
    if version == 1:
        conn.execute(d.insert().values(id=did, key=key, current_version=1))
    else:
        conn.execute(d.update().where(d.c.id == did).values(current_version=version))
    row = {**src, "id": vid, "doc_id": did, "version": version, "cluster_id": vid}
    row.update(input_hash=f"i-{key}-{version}", content_hash=f"c-{key}-{version}")
    row.update({"ingested_at": kw.pop("ingested_at", None) or _stamp(), **kw})
    if row["cluster_id"] == vid:
        conn.execute(schema.clusters.insert().values(id=vid, size=1))
    conn.execute(v.insert().values(**row))
    template = conn.execute(sa.select(pos).limit(1)).mappings().one()
    for idx in range(rng.randrange(1, 4)):
        day = date(2022, 3, 1) + timedelta(days=rng.randrange(12))
        conn.execute(
            pos.insert().values(
                {
                    **template,
                    "version_id": vid,
                    "idx": idx,
                    "party": rng.choice(PARTIES),
                    "issue": rng.choice(ISSUES),
                    "stance": rng.choice(STANCES),
                    "said_on_date": day if rng.random() < 0.7 else None,
                    "said_on": day.isoformat() if rng.random() < 0.7 else None,
                    "status": "denied" if rng.random() < 0.1 else template["status"],
                }
            )
        )
    return vid


def _check(store: Store) -> dict[tuple[str, int], ClaimStatus]:
    cur = _versions(Filters())
    with store.engine.connect() as conn:
        kept = statuses.stored_position_statuses(conn, cur)
        fresh = statuses.full(conn, cur)
    assert kept == fresh.statuses
    assert statuses._known.facts == fresh.facts  # sources too, where no status shows them
    return kept


@pytest.fixture
def store(api_store: str, tmp_path: Path) -> Any:
    path = tmp_path / "copy.db"
    shutil.copy(api_store.split("///", 1)[1], path)
    statuses.forget()
    with Store(f"sqlite:///{path}") as s:
        yield s
    statuses.forget()


def test_kept_statuses_equal_a_full_computation_after_each_write(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(19)
    bulk = _stamp()  # loaded at once, all stamped alike (as benchmarks/big_store.py did)
    with store.engine.begin() as conn:
        src = dict(conn.execute(sa.select(v).limit(1)).mappings().one())
        made = [
            _clone(conn, rng, src, f"k{i}", publisher=f"p{i % 7}", ingested_at=bulk)
            for i in range(60)
        ]
    first = _check(store)
    assert {"corroborated", "contested", "reported", "denied"} <= set(first.values())

    fulls: list[int] = []
    real_full = statuses.full

    def counted(*a: Any) -> statuses.Positions:
        fulls.append(1)
        return real_full(*a)

    monkeypatch.setattr(statuses, "full", counted)
    monkeypatch.setattr(statuses, "FULL_SHARE", 1.0)
    before = dict(first)
    with store.engine.begin() as conn:  # new documents
        for i in range(60, 64):
            _clone(conn, rng, src, f"k{i}", publisher=f"p{i % 7}")
    after = _check(store)
    assert after != before and fulls == [1]  # the check's own full computation only

    with store.engine.begin() as conn:  # new versions replace old ones (their positions go)
        for i in (3, 17):
            _clone(conn, rng, src, f"k{i}", version=2, publisher=f"p{i % 7}")
    _check(store)

    with store.engine.begin() as conn:  # copies of k5 join its cluster; then k5's publisher
        for i in range(64, 67):
            _clone(conn, rng, src, f"k{i}", publisher="x", cluster_id=made[5])
    _check(store)
    with store.engine.begin() as conn:
        stmt = v.update().where(v.c.id == made[5]).values(publisher="p1", ingested_at=_stamp())
        conn.execute(stmt)
    _check(store)

    with store.engine.begin() as conn:  # a rewrite in place: stances change, stamp moves
        conn.execute(pos.update().where(pos.c.version_id == made[9]).values(stance="rejects"))
        conn.execute(v.update().where(v.c.id == made[9]).values(ingested_at=_stamp()))
    _check(store)
    assert fulls == [1] * 5  # each from _check; the kept statuses were never recomputed


def test_a_deleted_document_means_a_full_computation(store: Store) -> None:
    rng = random.Random(7)
    with store.engine.begin() as conn:
        src = dict(conn.execute(sa.select(v).limit(1)).mappings().one())
        made = [_clone(conn, rng, src, f"k{i}", publisher=f"p{i % 5}") for i in range(30)]
    _check(store)
    with store.engine.begin() as conn:
        conn.execute(pos.delete().where(pos.c.version_id == made[0]))
        conn.execute(v.delete().where(v.c.id == made[0]))
        conn.execute(d.delete().where(d.c.id == rows.doc_id("k0")))
        _clone(conn, rng, src, "k99", publisher="p2")  # the next write
    kept = _check(store)
    assert not any(vid == made[0] for vid, _ in kept)
