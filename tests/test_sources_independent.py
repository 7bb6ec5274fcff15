"""Independent sources: syndicated copies are one source, and so are one publisher's reports."""

from __future__ import annotations

import json
from dataclasses import replace

from peacewatch.corpus.variants import syndicated_variants
from peacewatch.records import Body, Evidence, Paragraph
from peacewatch.store import Store
from peacewatch.store.load import load_documents
from peacewatch.store.query import Filters, run_query
from test_store import ARTICLES, _raw, built_document, db_url, fake_analyze

__all__ = ["db_url"]  # the fixture, re-used from test_store (SQLite, and PostgreSQL in CI)


def _report(doc_id: str, text: str, publisher: str | None):  # type: ignore[no-untyped-def]
    d = replace(
        built_document(doc_id),
        body=Body(text, (Paragraph(0, len(text)),)),
        quotes=(),
        places=(),
        dates=(),
        entities=(),
    )
    d = replace(d, meta=replace(d.meta, publisher=publisher))
    return replace(
        d, events=tuple(replace(e, evidence=Evidence(text[:5], 0, 5)) for e in d.events[:1])
    )


def test_one_publishers_reports_and_a_wire_storys_copies_each_count_once(db_url: str) -> None:
    texts = [json.loads(line)["text"] for line in ARTICLES.read_text("utf-8").splitlines()[:3]]
    copy = syndicated_variants(texts[0])[0]
    reports = [
        ("a", texts[0], "Wire Service"),
        ("b", texts[1], "Kremlin"),
        ("c", texts[2], " kremlin"),  # the same publisher, another story: not a second source
        ("d", copy, "Daily Planet"),  # a reprint of a: the wire's story, not Daily Planet's
    ]
    with Store(db_url) as store:
        for key, text, publisher in reports:
            store.ingest(_raw(key, text), fake_analyze({key: _report(key, text, publisher)}))
        store.corroborate()
        (group,) = run_query(store.engine, "merged", Filters(type="CONSULT"))
        sources = {s.doc.meta.id: s.source for s in load_documents(store.engine)}
    assert (group["n_sources"], group["n_independent"]) == (4, 2)
    assert sources["b"] == sources["c"] == "kremlin"
    assert sources["a"] == sources["d"] == "wire service"


def test_without_a_publisher_the_cluster_is_the_source(db_url: str) -> None:
    texts = [json.loads(line)["text"] for line in ARTICLES.read_text("utf-8").splitlines()[:2]]
    with Store(db_url) as store:
        for key, text in zip("ab", texts, strict=True):
            store.ingest(_raw(key, text), fake_analyze({key: _report(key, text, None)}))
        store.corroborate()
        (group,) = run_query(store.engine, "merged", Filters(type="CONSULT"))
    assert (group["n_sources"], group["n_independent"]) == (2, 2)


def test_a_blank_publisher_is_no_publisher(db_url: str) -> None:
    texts = [json.loads(line)["text"] for line in ARTICLES.read_text("utf-8").splitlines()[:2]]
    with Store(db_url) as store:
        for key, text in zip("ab", texts, strict=True):
            store.ingest(_raw(key, text), fake_analyze({key: _report(key, text, " ")}))
        store.corroborate()
        (group,) = run_query(store.engine, "merged", Filters(type="CONSULT"))
    assert group["n_independent"] == 2
