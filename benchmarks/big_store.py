"""Big stores (issue 19): build a synthetic store of N documents, then time every read.

    nice -n 10 .venv/bin/python benchmarks/big_store.py build --docs 100000 \\
        [--db var/big-100000.db | --db postgresql://...] [--templates analysed.jsonl]
    .venv/bin/python benchmarks/big_store.py measure --db ... [--requests 200] [--workers 8]
    .venv/bin/python benchmarks/big_store.py ingest --db ... [--docs 200]

``build`` writes rows straight into the tables (bulk inserts, COPY on PostgreSQL): the records
are real pipeline output (``--templates``: ``peacewatch analyze DIR -f jsonl`` of a corpus,
e.g. official-2022; default: the sample articles, analysed once), re-dated and re-attributed
with realistic distributions: publication dates over 2018-2026 (2 % undated), 300 outlets,
20,000 speakers and 2,000 actors drawn from Zipf laws (a few speak often, most once), parties
from 60 ISO codes (Zipf), 15 % of documents syndicated copies of a recent one, and a paragraph
of 120 words drawn from the templates' own word frequencies appended to each body (so that
search terms have a long tail, not 195 bodies repeated). Left out: mentions, dates, removed
text and paragraphs (no read of the API lists them), the merged events (``corroborate``
is a batch job), and from each document's JSON everything but its meta, negotiation and
actors (``_lean``: the bytes written per document halve; the reads of the JSON are the
negotiation views). The full-text indexes are filled by the store's own triggers (SQLite) and
generated columns (PostgreSQL), as in a real ingest.

``measure`` serves the store (``peacewatch serve``, rate limit off) and sends ``--requests``
requests per endpoint from ``--workers`` threads: p50/p95 in ms, with the 1-minute load
average before and after each line (the machine is shared). ``ingest`` times ``Store.put`` of
real documents into the store (its dedup index loaded first, timed apart).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
import sqlite3
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
BATCH = 2000
TABLES = ("entities", "places", "quotes", "events", "event_actors", "positions")


def load_templates(path: str | None) -> list[Any]:
    """Analysed documents: a JSONL of ``peacewatch analyze -f jsonl``, else the samples."""
    from peacewatch.serialize import from_json

    if path:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        return [from_json(json.loads(line)) for line in lines if line.strip()]
    from peacewatch.parse.nlp import load
    from peacewatch.pipeline import Analysed, analyze_stream
    from peacewatch.sources.files import read_inputs

    inputs = read_inputs([str(ROOT / "samples" / "articles")])
    return [r.doc for r in analyze_stream(inputs, nlp=load()) if isinstance(r, Analysed)]


class Zipf:
    """Draws from ``names`` with P(rank k) ~ 1/k^s: a few very often, most rarely."""

    def __init__(self, names: list[str], rng: random.Random, s: float = 1.1) -> None:
        self.names, self.rng = names, rng
        weights = [1 / (k**s) for k in range(1, len(names) + 1)]
        self.cum = list(itertools.accumulate(weights))

    def draw(self) -> str:
        return self.rng.choices(self.names, cum_weights=self.cum)[0]

    def draws(self, k: int) -> list[str]:
        return self.rng.choices(self.names, cum_weights=self.cum, k=k)


class Synth:
    """Everything random about one store, seeded: the same arguments build the same store."""

    def __init__(self, templates: list[Any], seed: int = 19) -> None:
        from peacewatch.store import rows

        self.rng = rng = random.Random(seed)
        self.templates = []
        for t in templates:
            recs = rows.record_rows(t, "")
            vrow = rows.version_row(t, "", 1, "", "")  # once: to_json of a document is slow
            vrow["document"] = _lean(vrow["document"])
            self.templates.append((t, vrow, {k: recs[k] for k in TABLES}))
        words = Counter(w for t in templates for w in re.findall(r"[a-z]{3,}", t.body.text.lower()))
        self.words = Zipf([w for w, _ in words.most_common()], rng, 1.0)
        people = sorted({n for t in templates for n in _people(t)}) or ["Speaker"]
        self.speakers = Zipf([*people, *(f"Speaker {i}" for i in range(20_000))], rng)
        self.actors = Zipf([f"Actor {i}" for i in range(2_000)], rng)
        codes = ["UA", "RU", "US", "TR", "BY", "FR", "DE", "GB", "CN", "IL", "PS", "SY"]
        codes += [f"{a}{b}" for a, b in itertools.product("ABCDEGHJKLMN", "QWXZ")][:48]
        self.parties = Zipf(codes, rng)
        self.countries = Zipf(codes + [f"X{c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"] * 5, rng)
        self.outlets = Zipf([f"outlet-{i}.example" for i in range(300)], rng)
        self.start = date(2018, 1, 1)

    def day(self) -> date | None:
        if self.rng.random() < 0.02:
            return None
        return self.start + timedelta(days=self.rng.randrange(9 * 365))

    def paragraph(self) -> str:
        return " ".join(self.words.draws(120)) + "."


# The parts of a document's JSON that reads of the JSON use (the negotiation reads: rounds,
# positions, actors); records with columns of their own and the body are left out of the
# JSON to halve the bytes written per document (the build is CPU-bound on a shared machine).
_LEAN = ("schema_version", "document", "negotiation", "actors", "warnings")


def _lean(doc_json: dict[str, Any]) -> dict[str, Any]:
    out = {k: doc_json[k] for k in _LEAN if k in doc_json}
    out["body"] = {"text": "", "paragraphs": []}
    return out


def _people(doc: Any) -> list[str]:
    return [e.name for e in doc.entities if e.type == "PERSON"]


def documents(synth: Synth, n: int, first: int = 0) -> Iterator[dict[str, list[dict[str, Any]]]]:
    """Rows of documents ``first`` .. n-1, a batch (table name -> rows) at a time."""
    from peacewatch.store import rows

    rng = synth.rng
    clusters: list[str] = []
    now = datetime.now(UTC)
    for lo in range(first, n, BATCH):
        batch: dict[str, list[dict[str, Any]]] = {k: [] for k in ("documents", "clusters")}
        batch.update({k: [] for k in ("versions", "signatures", *TABLES)})
        for i in range(lo, min(n, lo + BATCH)):
            doc, vrow, recs = synth.templates[rng.randrange(len(synth.templates))]
            doc_json = vrow["document"]
            did = rows.doc_id(f"synthetic-{i}")
            vid = rows.version_id(did, 1)
            day = synth.day()
            dup = clusters and rng.random() < 0.15
            cid = clusters[-rng.randrange(1, min(len(clusters), 500) + 1)] if dup else vid
            if not dup:
                clusters.append(vid)
                batch["clusters"].append({"id": vid, "size": 1})
            body = doc.body.text + "\n\n" + synth.paragraph()
            meta = {**doc_json["document"], "id": f"synthetic-{i}", "published": _iso(day)}
            batch["documents"].append({"id": did, "key": f"synthetic-{i}", "current_version": 1})
            batch["versions"].append(
                {
                    **vrow,
                    "id": vid,
                    "doc_id": did,
                    "input_hash": f"i{i}",
                    "content_hash": f"c{i}",
                    "document": {**doc_json, "document": meta},
                    "body_text": body,
                    "title": " ".join(body.split()[:9]),
                    "published": day,
                    "publisher": synth.outlets.draw(),
                    "cluster_id": cid,
                    "dup_kind": "exact" if dup else "original",
                    "dup_of": cid if dup else None,
                    "similarity": 1.0 if dup else None,
                    "ingested_at": now + timedelta(microseconds=i),  # one write each
                }
            )
            batch["signatures"].append({"version_id": vid, "minhash": rng.randbytes(512)})
            for table, recs_rows in recs.items():
                batch[table] += [_vary(synth, table, r, vid, day) for r in recs_rows]
        yield batch


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _vary(synth: Synth, table: str, row: dict[str, Any], vid: str, day: date | None) -> Any:
    out = {**row, "version_id": vid}
    if table == "quotes":
        out.update(speaker=synth.speakers.draw(), speaker_entity=None, said_on_date=day)
    elif table == "positions":
        out.update(party=synth.parties.draw(), by=synth.speakers.draw(), said_on_date=day)
    elif table == "events":
        late = day + timedelta(days=synth.rng.randrange(3)) if day else None
        out.update(date_start=day, date_end=late)
    elif table == "event_actors":
        out.update(name=synth.actors.draw(), country=synth.countries.draw())
    elif table == "entities" and out["type"] == "PERSON":
        out.update(name=synth.speakers.draw())
    return out


def insert(conn: sa.Connection, name: str, batch: list[dict[str, Any]]) -> None:
    from peacewatch.store import schema

    if not batch:
        return
    table = schema.metadata.tables[name]
    cols = [c.name for c in table.c]
    if conn.dialect.name == "sqlite":
        # The driver's executemany: SQLAlchemy's per-row parameter processing was a third of
        # the build's time. Values as SQLAlchemy stores them on SQLite (ISO dates, JSON text).
        names = ", ".join(f'"{c}"' for c in cols)
        sql = f"INSERT INTO {name} ({names}) VALUES ({', '.join('?' * len(cols))})"
        rows_ = [[_lite(r.get(c)) for c in cols] for r in batch]
        conn.connection.driver_connection.executemany(sql, rows_)  # type: ignore[union-attr]
        return
    quoted = ", ".join(f'"{c}"' for c in cols)
    cur = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cur.copy(f"COPY {name} ({quoted}) FROM STDIN") as copy:
        for r in batch:
            copy.write_row([_pg(r.get(c)) for c in cols])


def _lite(x: object) -> object:
    if isinstance(x, datetime):
        return x.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(x, date):
        return x.isoformat()
    return json.dumps(x) if isinstance(x, dict | list) else x


def _pg(x: object) -> object:
    return json.dumps(x) if isinstance(x, dict | list) else x


def build(url: str, n: int, templates: str | None) -> None:
    from peacewatch.store import Store, schema

    with Store(url) as store, store.engine.connect() as conn:
        have = conn.execute(sa.select(sa.func.count()).select_from(schema.versions)).scalar_one()
    if have >= n and not _deferred_left(url):
        print(f"store: {have} documents already in {url}", file=sys.stderr)
        return
    synth = Synth(load_templates(templates))
    engine = Store(url).engine
    sa.event.listen(engine, "connect", _bulk_pragmas)
    engine.dispose()
    with engine.begin() as conn:
        _defer(conn)
    t0 = time.perf_counter()
    sizes: Counter[str] = Counter()
    for k, batch in enumerate(documents(synth, n, have)):
        with engine.begin() as conn:
            for name, rows_ in batch.items():
                insert(conn, name, rows_)
        sizes.update(r["cluster_id"] for r in batch["versions"] if r["dup_kind"] != "original")
        done = have + (k + 1) * BATCH
        if done % 10_000 == 0 or done >= n:
            rate = (done - have) / (time.perf_counter() - t0)
            print(f"build: {min(done, n)}/{n} ({rate:.0f} docs/s)", file=sys.stderr)
    c = schema.clusters
    with engine.begin() as conn:
        stmt = c.update().where(c.c.id == sa.bindparam("cid")).values(size=1 + sa.bindparam("n"))
        if sizes:  # (none when a stopped build is run again only to restore its indexes)
            conn.execute(stmt, [{"cid": cid, "n": m} for cid, m in sizes.items()])
    loaded = time.perf_counter()
    with engine.begin() as conn:
        _restore(conn)
        conn.exec_driver_sql("ANALYZE")
    took = time.perf_counter() - t0
    print(
        f"build: {n - have} documents in {took:.0f} s ({time.perf_counter() - loaded:.0f} s"
        " of it indexes, full-text rebuild and ANALYZE)",
        file=sys.stderr,
    )


def _bulk_pragmas(dbapi_conn: Any, _record: object) -> None:
    # The build's own connections only (the served store keeps db.py's settings). Foreign
    # keys are right by construction here; a build killed half-way is rebuilt, not recovered,
    # so the sync on every commit buys nothing. Record keys start with a hashed id, so inserts
    # land all over the primary-key B-trees: a 1 GB page cache keeps them off the disk.
    if isinstance(dbapi_conn, sqlite3.Connection):
        for pragma in ("foreign_keys=OFF", "synchronous=OFF", "cache_size=-1000000"):
            dbapi_conn.execute(f"PRAGMA {pragma}")
        dbapi_conn.execute("PRAGMA temp_store=MEMORY")
        return
    with dbapi_conn.cursor() as cur:  # PostgreSQL: the same trade, and room to sort indexes
        cur.execute("SET synchronous_commit = off")
        cur.execute("SET maintenance_work_mem = '1GB'")
    dbapi_conn.commit()


# SQLite: the secondary indexes and the full-text insert triggers are dropped for the load and
# made again after it (one sort per index, one FTS5 'rebuild' per search table), the bulk-load
# recipe of SQLite's documentation. Kept in a table of the store itself, so that a build
# stopped half-way and started again still restores them.
DEFERRED = "build_deferred"
_FTS = ("search_documents", "search_quotes", "search_positions")


def _deferred_left(url: str) -> bool:
    from peacewatch.store.db import make_engine

    engine = make_engine(url)
    try:
        return sa.inspect(engine).has_table(DEFERRED)
    finally:
        engine.dispose()


def _defer(conn: sa.Connection) -> None:
    conn.exec_driver_sql(f"CREATE TABLE IF NOT EXISTS {DEFERRED} (kind TEXT, name TEXT, sql TEXT)")
    if conn.dialect.name == "sqlite":
        found = conn.exec_driver_sql(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND"
            " (type = 'index' OR (type = 'trigger' AND name LIKE 'search%ai'))"
        ).all()
    else:  # indexes that back no constraint (primary keys and unique ones stay)
        found = conn.exec_driver_sql(
            "SELECT 'index', indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"
            " AND indexname NOT IN (SELECT conname FROM pg_constraint)"
        ).all()
    table = sa.table(DEFERRED, sa.column("kind"), sa.column("name"), sa.column("sql"))
    for kind, name, sql in found:
        conn.execute(table.insert().values(kind=kind, name=name, sql=sql))
        conn.exec_driver_sql(f'DROP {kind.upper()} "{name}"')


def _restore(conn: sa.Connection) -> None:
    for kind, sql in conn.exec_driver_sql(f"SELECT kind, sql FROM {DEFERRED}").all():
        t = time.perf_counter()
        conn.exec_driver_sql(sql)
        if time.perf_counter() - t > 1:
            print(f"  {kind}: {time.perf_counter() - t:.1f} s {sql[:70]}", file=sys.stderr)
    for fts in _FTS if conn.dialect.name == "sqlite" else ():  # (PostgreSQL: generated columns)
        t = time.perf_counter()
        conn.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
        print(f"  {fts} rebuilt: {time.perf_counter() - t:.1f} s", file=sys.stderr)
    conn.exec_driver_sql(f"DROP TABLE {DEFERRED}")


def load() -> float:
    return os.getloadavg()[0]


def endpoints(base: str) -> list[str]:
    """Every list (plain, filtered, a deep cursor page), facets, search, negotiation reads."""
    import httpx

    deep = "/api/quotes?limit=50"
    cursor = None
    with httpx.Client(base_url=base, timeout=120) as client:
        for _ in range(20):  # the 21st page, by cursor
            page = client.get(deep + (f"&cursor={cursor}" if cursor else "")).json()
            cursor = page["next_cursor"]
    paths = endpoints_static()
    paths.insert(
        paths.index("/api/quotes?limit=50&speaker=Speaker 17000") + 1,
        f"/api/quotes?limit=50&cursor={cursor}",
    )
    return paths


def endpoints_static() -> list[str]:
    return [
        "/api/documents?limit=50",
        "/api/documents?limit=50&since=2022-03-01&until=2022-06-30",
        "/api/events?limit=50",
        "/api/events?limit=50&type=CONSULT&since=2022-03-01&until=2022-06-30",
        "/api/events?limit=50&actor=UA",
        "/api/events?limit=50&actor=Actor 1500",
        "/api/events?limit=50&claim_status=corroborated",
        "/api/quotes?limit=50",
        "/api/quotes?limit=50&speaker=Speaker 3",
        "/api/quotes?limit=50&speaker=Speaker 17000",
        "/api/places?limit=50&bbox=22,44,41,53",
        "/api/positions?limit=50",
        "/api/positions?limit=50&issue=ceasefire",
        "/api/positions?limit=50&actor=RU",
        "/api/positions?limit=50&claim_status=reported",
        "/api/entities?limit=50&type=PERSON",
        "/api/merged?limit=50",
        "/api/facets",
        "/api/search?q=ceasefire",
        "/api/search?q=ceasefire&kind=quotes",
        '/api/search?q="humanitarian corridor"&kind=all',
        "/api/search?q=negotiations -Russia&kind=documents",
        "/api/negotiation?since=2022-03-01&until=2022-03-31",
        "/api/track?since=2022-03-01&until=2022-03-31",
    ]


def rare_word(url: str) -> str:
    """A word of one synthetic paragraph in about a thousand (a long-tail search)."""
    from peacewatch.store import Store
    from peacewatch.store.search import search

    with Store(url) as store, store.engine.connect() as conn:
        body = str(conn.execute(sa.text("SELECT body_text FROM versions LIMIT 1")).scalar_one())
        for w in sorted(set(body.split("\n\n")[-1].rstrip(".").split()), key=len, reverse=True):
            if 20 <= search(conn, w, "documents", 1, count_cap=5000).total <= 2000:
                return str(w)
    return "zzz"


def measure(
    url: str, requests: int, workers: int, only: str, start_at: str = "", processes: int = 1
) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from api import measure as timed
    from serving import serving

    rare = rare_word(url)
    extra = ("--workers", str(processes)) if processes > 1 else ()
    with serving(url, wait_s=120, settle_s=1800, extra=extra) as base:
        _db_idle(url)
        paths = endpoints(base)
        at = paths.index("/api/negotiation?since=2022-03-01&until=2022-03-31")
        paths[at:at] = [f"/api/search?q={rare}", f"/api/search?q={rare[:4]}*"]
        print(
            f"{url.split(':', 1)[0]}, {requests} requests x {workers} clients per endpoint,"
            f" serve --workers {processes}"
        )
        print(f"{'endpoint':<66} {'req/s':>6} {'p50':>7} {'p95':>7}  load before/after")
        start = next((i for i, p in enumerate(paths) if start_at and p.startswith(start_at)), 0)
        for path in [p for p in paths[start:] if only in p]:
            before = load()
            t = time.perf_counter()
            import httpx

            httpx.get(base + path, timeout=600).raise_for_status()  # cold (caches filled)
            cold = (time.perf_counter() - t) * 1000
            rps, p50, p95 = timed(base, path, requests, workers)
            shown = path if len(path) < 66 else path[:40] + "…" + path[-25:]
            print(
                f"{shown:<66} {rps:6.1f} {p50:7.1f} {p95:7.1f}  {before:.1f}/{load():.1f}"
                f"  (first {cold:.0f} ms)",
                flush=True,
            )


def _db_idle(url: str, limit_s: float = 1800) -> None:
    """On PostgreSQL, wait until no other session of the store's database runs a statement
    for 3 s in a row: the server's warm-up (position statuses, facets) runs there, not in the
    server's processes that ``serving.settle`` watches (it reported 1-4 s at 442,300 documents
    and the first positions request then took 138 s)."""
    if not url.startswith(("postgresql", "postgres")):
        return
    from peacewatch.store.db import make_engine

    engine = make_engine(url)
    busy = sa.text(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
        " AND state = 'active' AND pid <> pg_backend_pid()"
    )
    t0, quiet = time.monotonic(), 0
    with engine.connect() as conn:
        while quiet < 3 and time.monotonic() - t0 < limit_s:
            time.sleep(1)
            quiet = quiet + 1 if conn.execute(busy).scalar_one() == 0 else 0
            conn.rollback()
    engine.dispose()
    print(f"database idle after {time.monotonic() - t0:.0f} s", flush=True)


def ingest(url: str, n: int, templates: str | None) -> None:
    """Store.put of ``n`` analysed documents under new keys: documents/s, with the load; then
    the position claim statuses brought up to date after those writes (store/statuses.py),
    against computing them from scratch."""
    from peacewatch.records import RawInput
    from peacewatch.store import Store, statuses
    from peacewatch.store.query import Filters, _versions

    docs = load_templates(templates)
    cur = _versions(Filters())
    with Store(url) as store:
        t = time.perf_counter()
        store.index()
        opened = time.perf_counter() - t
        with store.engine.connect() as conn:
            t = time.perf_counter()
            statuses.stored_position_statuses(conn, cur)  # from scratch: nothing kept yet
            cold = time.perf_counter() - t
        before, t = load(), time.perf_counter()
        tag = f"{time.time():.0f}"
        for i in range(n):
            doc = docs[i % len(docs)]
            key = f"ingest-{tag}-{i}"
            raw = RawInput(id=key, source=key, data=doc.body.text, content_type="text")
            store.put(raw, replace(doc, meta=replace(doc.meta, id=key)), "2022-03-01")
        rate = n / (time.perf_counter() - t)
        after = load()
        with store.engine.connect() as conn:
            t = time.perf_counter()
            kept = statuses.stored_position_statuses(conn, cur)
            kept_s = time.perf_counter() - t
            t = time.perf_counter()
            same = statuses.full(conn, cur).statuses == kept
            full_s = time.perf_counter() - t
    print(
        f"ingest: {n} documents at {rate:.1f} docs/s into {url} (dedup index loaded in "
        f"{opened:.1f} s; load {before:.1f}/{after:.1f})\n"
        f"position statuses: {cold:.2f} s from scratch before the writes; after them "
        f"{kept_s:.3f} s kept up to date against {full_s:.2f} s from scratch (equal: {same})"
    )


def explain(url: str, only: str) -> None:
    """Each endpoint's SQL statements (captured from an in-process request), its time and
    the database's plan for it: the evidence for the indexes of migration 0007."""
    from fastapi.testclient import TestClient

    from peacewatch.api import Settings, create_app

    app = create_app(Settings(db=url, rate_per_minute=0))
    seen: list[tuple[float, str, Any]] = []
    engine = app.state.pw.engine
    starts: dict[int, float] = {}

    def before(conn: Any, cur: Any, stmt: str, params: Any, ctx: Any, many: bool) -> None:
        starts[id(cur)] = time.perf_counter()

    def after(conn: Any, cur: Any, stmt: str, params: Any, ctx: Any, many: bool) -> None:
        seen.append((time.perf_counter() - starts.pop(id(cur), 0.0), stmt, params))

    sa.event.listen(engine, "before_cursor_execute", before)
    sa.event.listen(engine, "after_cursor_execute", after)
    with TestClient(app) as client:
        for path in [p for p in endpoints_static() if only in p]:
            seen.clear()
            client.get(path).raise_for_status()
            print(f"== {path}")
            for took, stmt, params in sorted(seen, key=lambda x: -x[0])[:2]:
                if took < 0.005 or not stmt.lstrip().upper().startswith(("SELECT", "WITH")):
                    continue
                prefix = "EXPLAIN QUERY PLAN " if engine.dialect.name == "sqlite" else "EXPLAIN "
                with engine.connect() as conn:
                    plan = conn.exec_driver_sql(prefix + stmt, params).all()
                print(f"  {took * 1000:.0f} ms: {' '.join(stmt.split())[:160]}")
                for row in plan:
                    print("    " + str(row[-1]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("what", choices=["build", "measure", "ingest", "explain"])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--db", default=None, help="store URL (default var/big-<docs>.db)")
    ap.add_argument("--templates", default=None, help="peacewatch analyze -f jsonl output")
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--workers", type=int, default=8)
    ap.add_argument("--only", default="", help="endpoints containing this text")
    ap.add_argument("--start-at", default="", help="skip the endpoints before this one")
    ap.add_argument("--serve-workers", type=int, default=1, help="serve --workers (measure)")
    args = ap.parse_args()
    (ROOT / "var").mkdir(exist_ok=True)
    url = args.db or f"sqlite:///{ROOT / 'var' / f'big-{args.docs}.db'}"
    if args.what == "build":
        build(url, args.docs, args.templates)
    elif args.what == "explain":
        explain(url, args.only)
    elif args.what == "measure":
        measure(url, args.requests, args.workers, args.only, args.start_at, args.serve_workers)
    else:
        ingest(url, args.docs, args.templates)


if __name__ == "__main__":
    main()
