"""The corpus store, on SQLite and on a real PostgreSQL server.

The PostgreSQL variants need PEACEWATCH_TEST_PG_URL (``eval "$(bash .ci/postgres.sh)"`` sets
it; .ci/run does); each test gets a database of its own, dropped afterwards.
"""

from __future__ import annotations

import csv
import io
import json
import os
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from peacewatch.records import (
    Actor,
    Body,
    Document,
    Entity,
    Event,
    Evidence,
    IssueRecord,
    Mention,
    Metadata,
    Negotiation,
    Paragraph,
    Place,
    Position,
    Quote,
    RawInput,
    Speaker,
    TimeExpression,
)
from peacewatch.store import Store, schema
from peacewatch.store.export import ExportFormat, export
from peacewatch.store.query import Filters, run_query
from peacewatch.vocab import EventType, Modality

ARTICLES = Path(__file__).parent / "fixtures" / "store" / "articles.jsonl"
PG_URL = os.environ.get("PEACEWATCH_TEST_PG_URL")
WALL_CLOCK = {"ingested_at", "failed_at"}


def pg_database(base: str) -> tuple[str, sa.Engine]:
    """A fresh database on the test server: its URL and an admin engine to drop it."""
    from peacewatch.store import normalise_url

    admin = sa.create_engine(normalise_url(base), isolation_level="AUTOCOMMIT")
    name = f"pw_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    return base.rsplit("/", 1)[0] + "/" + name, admin


def drop_database(admin: sa.Engine, url: str) -> None:
    name = url.rsplit("/", 1)[1]
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    if not PG_URL:
        pytest.skip('PEACEWATCH_TEST_PG_URL is not set (eval "$(bash .ci/postgres.sh)")')
    url, admin = pg_database(PG_URL)
    try:
        yield url
    finally:
        drop_database(admin, url)


def dump(engine: sa.Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted, without wall-clock columns."""
    out = {}
    with engine.connect() as conn:
        for name, table in sorted(schema.metadata.tables.items()):
            cols = [c for c in table.c if c.name not in WALL_CLOCK]
            rows = conn.execute(sa.select(*cols)).all()
            out[name] = sorted(
                (
                    tuple(
                        json.dumps(x, sort_keys=True) if isinstance(x, dict | list) else x
                        for x in r
                    )
                    for r in rows
                ),
                key=repr,
            )
    return out


def raw_articles() -> list[RawInput]:
    out = []
    for line in ARTICLES.read_text(encoding="utf-8").splitlines():
        a = json.loads(line)
        out.append(
            RawInput(
                id=a["id"],
                source=f"{ARTICLES}:{a['id']}",
                data=a["text"],
                content_type="text",
                published=a["published"],
                url=a["url"],
                title=a["title"],
                publisher=a["publisher"],
            )
        )
    return out


@pytest.fixture(scope="module")
def analyze_fn(nlp: Any) -> Any:
    from peacewatch.pipeline import analyze

    def run(raw: RawInput, published: str | None) -> Document:
        return analyze(raw, published=published, nlp=nlp)

    return run


# -- a hand-built document: every record kind, including events ------------------------------

BODY = (
    "Delegations from Ukraine and Russia met in Geneva on Friday. "
    "Ukraine said 40 buses would leave. Russia denied any attack on the convoy."
)


def _span(text: str) -> tuple[int, int]:
    start = BODY.index(text)
    return start, start + len(text)


def _ev(type_: EventType, text: str, country: str, modality: Modality = "asserted") -> Event:
    s, e = _span(text)
    return Event(
        type=type_,
        evidence=Evidence(text, s, e),
        actors=(Actor(name=country, country=country),),
        recipients=(Actor(name="convoy"),),
        place="Geneva",
        date="2022-04-01",
        date_precision="day",
        modality=modality,
    )


def built_document(doc_id: str, body: str = BODY) -> Document:
    ua, ru, gva = _span("Ukraine"), _span("Russia"), _span("Geneva")
    quote = "40 buses would leave"
    qs, qe = _span(quote)
    said = _span("Ukraine said 40 buses would leave.")
    return Document(
        meta=Metadata(id=doc_id, title="Talks", published="2022-04-02", url=None),
        body=Body(body, (Paragraph(0, len(body)),)),
        entities=(
            Entity("E1", "Ukraine", "STATE", (Mention("Ukraine", *ua),), country="UA"),
            Entity("E2", "Russia", "STATE", (Mention("Russia", *ru),), country="RU"),
        ),
        dates=(TimeExpression("Friday", *_span("Friday"), "2022-04-01", "day", "weekday"),),
        places=(
            Place(
                "Geneva",
                *gva,
                name="Geneva",
                lat=46.20222,
                lon=6.14569,
                country="CH",
                feature="city",
                geonameid=2660646,
            ),
        ),
        quotes=(
            Quote(
                quote,
                qs,
                qe,
                "indirect",
                Speaker("Ukraine", "E1"),
                "said",
                None,
                "2022-04-01",
                Evidence(BODY[said[0] : said[1]], *said),
            ),
        ),
        negotiation=Negotiation(
            issues=(
                IssueRecord(
                    "humanitarian",
                    "Humanitarian corridors",
                    None,
                    (Evidence(quote, qs, qe),),
                    positions=(
                        Position(
                            "humanitarian",
                            "supports",
                            Evidence(quote, qs, qe),
                            party="UA",
                            by="Ukraine",
                            by_entity="E1",
                            said_on="2022-04-01",
                        ),
                    ),
                ),
            )
        ),
        events=(
            _ev("CONSULT", "Delegations from Ukraine and Russia met in Geneva on Friday.", "UA"),
            _ev("ASSAULT", "Russia denied any attack on the convoy.", "RU", modality="denied"),
        ),
    )


def fake_analyze(docs: dict[str, Document]) -> Any:
    def run(raw: RawInput, published: str | None) -> Document:
        return docs[raw.id]

    return run


def _raw(rid: str, text: str = BODY) -> RawInput:
    return RawInput(id=rid, source=rid, data=text, content_type="text")


# -- tests -------------------------------------------------------------------------------------


def test_migrations_build_the_declared_schema(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from peacewatch.store.db import current_revision, head_revision

    with Store(db_url) as store:
        assert current_revision(store.engine) == head_revision() is not None
        with store.engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"include_name": schema.include_name})
            assert compare_metadata(ctx, schema.metadata) == []
    Store(db_url).close()  # opening again is a no-op


def test_ingest_twice_changes_nothing(db_url: str, analyze_fn: Any) -> None:
    with Store(db_url) as store:
        first = [store.ingest(r, analyze_fn).status for r in raw_articles()]
        store.corroborate()
        before = dump(store.engine)
        second = [store.ingest(r, analyze_fn).status for r in raw_articles()]
        store.corroborate()
        assert first == ["stored"] * 6 and second == ["unchanged"] * 6
        assert dump(store.engine) == before
        counts = store.counts()
    assert counts["documents"] == counts["versions"] == counts["clusters"] == 6
    assert counts["paragraphs"] >= 6 and counts["entities"] > 0 and counts["quotes"] > 0


def test_records_are_stored_with_their_evidence(db_url: str) -> None:
    doc = built_document("a")
    with Store(db_url) as store:
        assert store.ingest(_raw("a"), fake_analyze({"a": doc})).status == "stored"
        with store.engine.connect() as conn:
            for name, fields in (("quotes", "text"), ("places", "mention"), ("dates", "text")):
                t = schema.metadata.tables[name]
                for text, s, e in conn.execute(sa.select(t.c[fields], t.c.start, t.c.end)):
                    assert BODY[s:e] == text
            ev = conn.execute(
                sa.select(
                    schema.events.c.evidence_text,
                    schema.events.c.evidence_start,
                    schema.events.c.evidence_end,
                )
            ).all()
            assert all(BODY[s:e] == t for t, s, e in ev) and len(ev) == 2
            stored = conn.execute(sa.select(schema.versions.c.document)).scalar_one()
        assert stored["body"]["text"] == BODY and len(stored["events"]) == 2


def test_changed_article_becomes_a_new_version(db_url: str) -> None:
    v1, v2 = built_document("a"), built_document("a", BODY.replace("Friday", "Monday"))
    with Store(db_url) as store:
        assert store.ingest(_raw("a"), fake_analyze({"a": v1})).status == "stored"
        out = store.ingest(_raw("a", v2.body.text), fake_analyze({"a": v2}))
        assert out.status == "updated" and out.version_id and out.version_id.endswith("/v2")
        # The new version is a near-copy of the old one: the same story, the same cluster.
        assert out.dup_kind == "near"
        counts = store.counts()
        assert (counts["documents"], counts["versions"], counts["events"]) == (1, 2, 4)
        current = run_query(store.engine, "events", Filters())
        every = run_query(store.engine, "events", Filters(all_versions=True))
        assert {r["version_id"] for r in current} == {out.version_id}
        assert len(every) == 4
        again = store.ingest(_raw("a"), fake_analyze({"a": v1}))
        assert again.status == "unchanged"  # the old input is known: no third version


def test_failed_document_is_dead_lettered_and_retried(db_url: str) -> None:
    def broken(raw: RawInput, published: str | None) -> Document:
        raise RuntimeError("parser exploded")

    with Store(db_url) as store:
        out = store.ingest(_raw("a"), broken)
        assert out.status == "failed" and "parser exploded" in (out.error or "")
        assert store.ingest(_raw("b"), fake_analyze({"b": built_document("b")})).status == "stored"
        assert store.ingest(_raw("a"), broken).status == "skipped"  # not retried by default
        store.ingest(_raw("a"), broken, retry=True)
        with store.engine.connect() as conn:
            letter = conn.execute(sa.select(schema.dead_letters)).one()
        assert letter.attempts == 2 and letter.raw["text"] == BODY
        assert store.counts()["versions"] == 1
        outs = store.retry_failed(fake_analyze({"a": built_document("a")}))
        assert [o.status for o in outs] == ["stored"]
        assert store.counts()["dead_letters"] == 0


def test_syndicated_copies_form_one_cluster_and_one_source(db_url: str) -> None:
    from peacewatch.corpus.variants import syndicated_variants

    text = json.loads(ARTICLES.read_text(encoding="utf-8").splitlines()[0])["text"]
    variants = [text, *syndicated_variants(text)]
    with Store(db_url) as store:
        for i, t in enumerate(variants):
            d = replace(
                built_document(f"s{i}"),
                body=Body(t, (Paragraph(0, len(t)),)),
                quotes=(),
                places=(),
                dates=(),
                entities=(),
            )
            d = replace(
                d, events=tuple(replace(e, evidence=Evidence(t[:5], 0, 5)) for e in d.events[:1])
            )
            store.ingest(_raw(f"s{i}", t), fake_analyze({f"s{i}": d}))
        other = built_document("other")
        store.ingest(_raw("other"), fake_analyze({"other": other}))
        assert store.corroborate() == 2
        docs = run_query(store.engine, "documents", Filters())
        merged = run_query(store.engine, "merged", Filters(type="CONSULT"))
    clusters = {r["cluster_id"] for r in docs if r["key"].startswith("s")}
    assert len(clusters) == 1 and len(docs) == 12
    (g,) = merged
    assert (g["n_sources"], g["n_independent"]) == (12, 2)


def test_queries_filter_by_actor_type_place_and_date(db_url: str) -> None:
    with Store(db_url) as store:
        store.ingest(_raw("a"), fake_analyze({"a": built_document("a")}))
        store.corroborate()

        def q(kind: str, **kw: Any) -> list[dict[str, Any]]:
            return run_query(store.engine, kind, Filters(**kw))

        assert [r["type"] for r in q("events", actor="RU")] == ["ASSAULT"]
        assert [r["type"] for r in q("events", actor="ru", type="CONSULT")] == []
        assert len(q("events", place="geneva", since=date(2022, 4, 1))) == 2
        assert q("events", until=date(2022, 3, 31)) == []
        assert [r["speaker_country"] for r in q("quotes", actor="UA")] == ["UA"]
        assert q("quotes", actor="RU") == []
        assert [r["country"] for r in q("places", place="CH")] == ["CH"]
        (pos,) = q("positions", actor="UA", type="humanitarian")
        assert (pos["stance"], pos["said_on_date"], pos["id"][-3:]) == (
            "supports",
            date(2022, 4, 1),
            "#s0",
        )
        assert q("positions", actor="RU") == [] and q("positions", since=date(2022, 4, 2)) == []
        (g,) = q("merged", actor="UA")
        assert g["n_sources"] == 1
        assert q("events")[0]["id"].endswith("#e0")


def test_exports_have_stable_ids_and_iso_dates(db_url: str, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    with Store(db_url) as store:
        store.ingest(_raw("a"), fake_analyze({"a": built_document("a")}))
        rows = {k: run_query(store.engine, k, Filters()) for k in ("events", "places", "quotes")}
    outs = []
    for _ in range(2):
        buf = io.StringIO()
        export(rows["events"], ExportFormat.csv, None, buf)
        outs.append(buf.getvalue())
    assert outs[0] == outs[1]
    parsed = list(csv.DictReader(io.StringIO(outs[0])))
    assert parsed[0]["date_start"] == "2022-04-01" and parsed[0]["id"].endswith("/v1#e0")

    buf = io.StringIO()
    export(rows["quotes"], ExportFormat.jsonl, None, buf)
    assert json.loads(buf.getvalue().splitlines()[0])["said_on_date"] == "2022-04-01"

    buf = io.StringIO()
    export(rows["places"], ExportFormat.geojson, None, buf)
    (feature,) = json.loads(buf.getvalue())["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [6.14569, 46.20222]}
    assert feature["properties"]["published"] == "2022-04-02"

    path = tmp_path / "events.parquet"
    export(rows["events"], ExportFormat.parquet, path, io.StringIO())
    table = pq.read_table(path)
    assert str(table.schema.field("date_start").type) == "date32[day]"
    assert table.column("date_start").to_pylist()[0] == date(2022, 4, 1)


def test_query_and_export_commands(db_url: str, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from peacewatch.cli import app

    with Store(db_url) as store:
        store.ingest(_raw("a"), fake_analyze({"a": built_document("a")}))
        store.corroborate()
    runner = CliRunner()
    res = runner.invoke(app, ["query", "events", "--db", db_url, "--actor", "UA", "-f", "jsonl"])
    assert res.exit_code == 0, res.output
    (line,) = [x for x in res.stdout.splitlines() if x.startswith("{")]
    assert json.loads(line)["type"] == "CONSULT"
    out = tmp_path / "places.geojson"
    res = runner.invoke(app, ["export", "places", "--db", db_url, "-f", "geojson", "-o", str(out)])
    assert res.exit_code == 0 and json.loads(out.read_text())["features"][0]["id"].endswith("#p0")
    res = runner.invoke(app, ["export", "merged", "--db", db_url, "-f", "parquet"])
    assert res.exit_code == 2  # Parquet needs a file
    res = runner.invoke(app, ["query", "quotes", "--db", db_url, "--since", "April"])
    assert res.exit_code == 2


def test_refused_document_rolls_back_whole_and_is_dead_lettered(db_url: str) -> None:
    good = built_document("a")
    bad = replace(good, events=(replace(good.events[0], type=None),))  # type: ignore[arg-type]  # NOT NULL violated
    with Store(db_url) as store:
        out = store.ingest(_raw("a"), fake_analyze({"a": bad}))
        assert out.status == "failed" and "IntegrityError" in (out.error or "")
        counts = store.counts()
        # The transaction was rolled back whole: not a row of the document is left.
        assert counts["dead_letters"] == 1
        assert sum(n for t, n in counts.items() if t != "dead_letters") == 0
        assert store.ingest(_raw("b"), fake_analyze({"b": built_document("b")})).status == "stored"


def test_events_carry_the_coordinates_of_their_place(db_url: str) -> None:
    with Store(db_url) as store:
        store.ingest(_raw("a"), fake_analyze({"a": built_document("a")}))
        rows = run_query(store.engine, "events", Filters())
    assert {(r["lat"], r["lon"]) for r in rows} == {(46.20222, 6.14569)}


def test_document_whose_rows_cannot_be_built_is_dead_lettered(db_url: str) -> None:
    good = built_document("a")
    bad = replace(good, events=(replace(good.events[0], evidence=None),))  # type: ignore[arg-type]  # a broken record
    with Store(db_url) as store:
        out = store.ingest(_raw("a"), fake_analyze({"a": bad}))
        assert out.status == "failed" and "AttributeError" in (out.error or "")
        assert store.counts()["versions"] == 0 and store.counts()["dead_letters"] == 1


def test_batched_ingest_stores_what_one_by_one_ingest_does(
    db_url: str, tmp_path: Path, nlp: Any, analyze_fn: Any
) -> None:
    from peacewatch.records import InputError
    from peacewatch.scale import Runner
    from peacewatch.scale.store import ingest_with
    from peacewatch.store import Outcome

    raws = raw_articles()
    empty = RawInput(id="empty", source="empty", data="   ", content_type="text")
    unreadable = InputError(source="x.bin", message="binary", fix="none")
    with Store(db_url) as store, Runner(partition=4) as runner:
        outs = list(ingest_with(store, [*raws[:3], empty, unreadable, *raws[3:]], runner))
        again = list(ingest_with(store, raws, runner))
        batched = dump(store.engine)
    statuses = [o.status if isinstance(o, Outcome) else "input-error" for o in outs]
    assert sorted(statuses) == ["failed", "input-error"] + ["stored"] * 6
    assert {o.status for o in again if isinstance(o, Outcome)} == {"unchanged"}
    with Store(str(tmp_path / "one-by-one.db")) as other:
        for r in raws:
            other.ingest(r, analyze_fn)
        other.fail(empty, None, ValueError("the input is empty"))
        single = dump(other.engine)
    # Same rows whichever way the articles were batched (the error text aside).
    batched.pop("dead_letters")
    single.pop("dead_letters")
    assert batched == single


def test_events_with_an_unresolved_actor_stay_apart_in_the_store(db_url: str) -> None:
    """Issue 14: "CONSULT by we" in two releases is not one event; the store keeps the
    unresolved mention, and corroboration reads it back."""
    base = built_document("a")
    ev = Event(
        "CONSULT",
        Evidence("Delegations from Ukraine and Russia met in Geneva on Friday.", 0, 60),
        unresolved=("we",),
    )
    docs = {rid: replace(base, meta=replace(base.meta, id=rid), events=(ev,)) for rid in ("a", "b")}
    with Store(db_url) as store:
        for rid in docs:
            store.ingest(_raw(rid, BODY + " " + rid), fake_analyze(docs))
        refs = store.event_refs()
        assert [r.event.unresolved for r in refs] == [("we",), ("we",)]
        store.corroborate()
        with store.engine.connect() as conn:
            groups = conn.execute(sa.select(sa.func.count()).select_from(schema.event_groups))
            assert groups.scalar() == 2


def test_date_precision_and_basis_are_stored_and_reported_dates_do_not_merge(
    db_url: str,
) -> None:
    """Issue 16: the store keeps where an event's date comes from, and corroboration reads it
    back: an event dated only by its report does not merge with one stated for that day."""
    base = built_document("a")
    text = "Delegations from Ukraine and Russia met in Geneva on Friday."
    stated = replace(base.events[0], date="2022-04-02", date_basis="stated")
    reported = replace(stated, date_precision="before", date_basis="reported")
    year = replace(stated, date="2021", date_precision="year", date_basis="stated")
    docs = {
        "a": replace(base, events=(stated,)),
        "b": replace(base, meta=replace(base.meta, id="b"), events=(reported,)),
        "c": replace(base, meta=replace(base.meta, id="c"), events=(year,)),
    }
    assert all(text in d.body.text for d in docs.values())
    with Store(db_url) as store:
        for rid in docs:
            store.ingest(_raw(rid, BODY + " " + rid), fake_analyze(docs))
        got = sorted(
            (r.event.date, r.event.date_precision, r.event.date_basis) for r in store.event_refs()
        )
        assert got == [
            ("2021", "year", "stated"),
            ("2022-04-02", "before", "reported"),
            ("2022-04-02", "day", "stated"),
        ]
        assert store.corroborate() == 3
        rows = {r["date_precision"]: r for r in run_query(store.engine, "events", Filters())}
        # A year stays a year in what the API and the exports read: its range, not 1 January.
        assert (rows["year"]["date"], rows["year"]["date_basis"]) == ("2021", "stated")
        assert str(rows["year"]["date_end"]) == "2021-12-31"


def test_a_date_range_finds_events_that_started_long_before_it(db_url: str) -> None:
    """An event overlaps [since, until] by its end: the lower bound on date_start that keeps
    the date index usable (query._longest_span) must not lose one that started a year
    before ``since``."""
    base = built_document("a")
    year = replace(base.events[0], date="2021", date_precision="year", date_basis="stated")
    day = replace(base.events[0], date="2021-12-30", date_precision="day", date_basis="stated")
    docs = {"a": replace(base, events=(year, day))}
    with Store(db_url) as store:
        store.ingest(_raw("a", BODY), fake_analyze(docs))

        def precisions(since: str, until: str) -> list[str]:
            f = Filters(since=date.fromisoformat(since), until=date.fromisoformat(until))
            return sorted(r["date_precision"] for r in run_query(store.engine, "events", f))

        assert precisions("2021-12-31", "2022-02-01") == ["year"]
        assert precisions("2021-12-30", "2021-12-30") == ["day", "year"]
        assert precisions("2022-01-01", "2022-02-01") == []
        assert precisions("2021-06-01", "2021-06-01") == ["year"]
