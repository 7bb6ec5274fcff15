"""``ingest --reanalyze``: a stored input analysed again has its records replaced in place."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from typer.testing import CliRunner

from peacewatch.records import Body, Paragraph
from peacewatch.store import Store, schema
from test_store import BODY, _raw, built_document, db_url, dump, fake_analyze

__all__ = ["db_url"]  # the fixture, re-used from test_store (SQLite, and PostgreSQL in CI)


def _reanalyse(store: Store, raw: Any, doc: Any) -> Any:
    assert store.known(raw, None, reanalyze=True) is None  # stored, but analysed again
    return store.put(raw, doc, None)


def test_reanalysis_replaces_the_records_of_the_same_version(db_url: str) -> None:
    first = built_document("a")
    better = replace(first, events=first.events[:1])  # a pipeline that drops one event
    with Store(db_url) as store:
        stored = store.ingest(_raw("a"), fake_analyze({"a": first}))
        assert store.known(_raw("a"), None) is not None  # without the flag: skipped
        out = _reanalyse(store, _raw("a"), better)
        assert out.status == "reanalysed" and out.version_id == stored.version_id
        assert out.cluster_id == stored.cluster_id
        counts = store.counts()
        assert (counts["versions"], counts["events"]) == (1, 1)
        with store.engine.connect() as conn:
            ev = conn.execute(
                sa.select(
                    schema.events.c.evidence_text,
                    schema.events.c.evidence_start,
                    schema.events.c.evidence_end,
                )
            ).all()
            doc = conn.execute(sa.select(schema.versions.c.document)).scalar_one()
        assert [BODY[s:e] == t for t, s, e in ev] == [True]
        assert len(doc["events"]) == 1


def test_reanalysis_with_the_same_result_changes_nothing(db_url: str) -> None:
    doc = built_document("a")
    with Store(db_url) as store:
        store.ingest(_raw("a"), fake_analyze({"a": doc}))
        before = dump(store.engine)
        assert _reanalyse(store, _raw("a"), doc).status == "unchanged"
        assert dump(store.engine) == before


def test_later_copies_match_the_reanalysed_body(db_url: str) -> None:
    first = built_document("a")
    # The cleaner improved: the re-analysed body is longer (another paragraph kept).
    text = BODY + " Talks will resume in Geneva next week, both delegations confirmed."
    longer = replace(first, body=Body(text, (Paragraph(0, len(text)),)))
    with Store(db_url) as store:
        a = store.ingest(_raw("a"), fake_analyze({"a": first}))
        _reanalyse(store, _raw("a"), longer)
        copy = replace(longer, meta=replace(longer.meta, id="b"))
        b = store.ingest(_raw("b", text), fake_analyze({"b": copy}))
    assert (b.dup_kind, b.cluster_id) == ("exact", a.cluster_id)


def test_cli_reanalyze_is_idempotent(tmp_path: Path, fixtures: Path) -> None:
    from peacewatch.cli import app

    db = str(tmp_path / "s.db")
    article = str(fixtures / "talks-sample.txt")
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", article, "--db", db])
    assert first.exit_code == 0, first.output
    again = runner.invoke(app, ["ingest", article, "--db", db, "--reanalyze"])
    assert again.exit_code == 0, again.output
    # The same code analyses the same input the same way: nothing to refresh.
    assert "1 unchanged" in again.output


def test_reanalysis_changes_the_key_of_the_api_caches(db_url: str) -> None:
    from peacewatch.store.claims import store_state

    first = built_document("a")
    with Store(db_url) as store:
        store.ingest(_raw("a"), fake_analyze({"a": first}))
        with store.engine.connect() as conn:
            before = store_state(conn)
        _reanalyse(store, _raw("a"), replace(first, events=first.events[:1]))
        with store.engine.connect() as conn:
            after = store_state(conn)
    # Same number of documents and versions: only the write stamp tells the caches.
    assert before != after


def test_a_reanalysis_that_succeeds_clears_the_failure_before_it(db_url: str) -> None:
    first = built_document("a")
    with Store(db_url) as store:
        store.ingest(_raw("a"), fake_analyze({"a": first}))
        store.fail(_raw("a"), None, RuntimeError("the re-analysis crashed"))
        assert store.counts()["dead_letters"] == 1
        outs = store.retry_failed(fake_analyze({"a": replace(first, events=first.events[:1])}))
        assert [o.status for o in outs] == ["reanalysed"]
        assert store.counts()["dead_letters"] == 0


def test_the_dedup_index_after_a_reanalysis_is_the_one_a_new_process_builds() -> None:
    from peacewatch.corpus import dedup

    old, new = "one two three four five six seven", "eight nine ten eleven twelve thirteen"
    idx = dedup.DedupIndex()
    for vid, text, cluster in (("a", old, "a"), ("b", old, "a")):
        idx.add(vid, dedup.content_hash(text), dedup.minhash(text), cluster)
    idx.replace("a", dedup.content_hash(new), dedup.minhash(new))
    rebuilt = dedup.DedupIndex()
    rebuilt.add("a", dedup.content_hash(new), dedup.minhash(new), "a")
    rebuilt.add("b", dedup.content_hash(old), dedup.minhash(old), "a")
    for text in (old, new):
        probe = (dedup.content_hash(text), dedup.minhash(text))
        assert idx.match("c", *probe) == rebuilt.match("c", *probe)
