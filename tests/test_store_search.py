"""Full-text search (store/search.py, migration 0007) on SQLite and PostgreSQL.

The PostgreSQL variants run when PEACEWATCH_TEST_PG_URL is set (``eval "$(bash .ci/postgres.sh)"``).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa

from peacewatch.records import Document, Metadata
from peacewatch.store import Store, schema
from peacewatch.store.search import (
    CLOSE,
    OPEN,
    SearchSyntaxError,
    fts5,
    parse,
    rebuild,
    search,
)
from test_store import BODY, _raw, built_document, db_url, fake_analyze

__all__ = ["db_url"]  # the fixture, imported for pytest

EXTRA = " Later talks in Istanbul discussed a prisoner exchange and negotiations."


def _doc(doc_id: str, published: str | None, body: str = BODY) -> Document:
    doc = built_document(doc_id, body)
    return replace(doc, meta=Metadata(id=doc_id, title=f"Title {doc_id}", published=published))


def _store(url: str) -> Store:
    """Three documents: a (2022-04-02), b (2022-05-01, with the Istanbul sentence), c undated."""
    docs = {
        "a": _doc("a", "2022-04-02"),
        "b": _doc("b", "2022-05-01", BODY + EXTRA),
        "c": _doc("c", None, BODY + " Nothing else."),
    }
    store = Store(url)
    for rid in ("a", "b", "c"):
        assert store.ingest(_raw(rid, docs[rid].body.text), fake_analyze(docs)).status == "stored"
    return store


def test_search_finds_bodies_quotes_and_positions_newest_first(db_url: str) -> None:
    with _store(db_url) as store, store.engine.connect() as conn:
        docs = search(conn, "Istanbul", "documents")
        assert [r["title"] for r in docs.rows] == ["Title b"] and docs.total == 1
        hit = docs.rows[0]
        assert hit["kind"] == "documents" and hit["document_id"].startswith("d-")
        assert f"{OPEN}Istanbul{CLOSE}" in hit["snippet"]
        s, e = hit["marks"][0]
        assert hit["snippet"][s:e] == "Istanbul"
        # Stemmed: "buses" in the query, "buses" in the quote; "leaving" matches "leave".
        quotes = search(conn, "buses leaving", "quotes")
        assert quotes.total == 3 and {r["speaker"] for r in quotes.rows} == {"Ukraine"}
        # Newest first; the undated document last.
        assert [r["title"] for r in quotes.rows] == ["Title b", "Title a", "Title c"]
        assert [str(r["date"]) for r in quotes.rows] == ["2022-05-01", "2022-04-02", "None"]
        positions = search(conn, "buses", "positions")
        assert positions.total == 3
        assert {(r["party"], r["issue"]) for r in positions.rows} == {("UA", "humanitarian")}
        everything = search(conn, "buses", "all")
        kinds = [r["kind"] for r in everything.rows]
        # Per document: the body, then its quote, then its position.
        assert kinds == ["documents", "quotes", "positions"] * 3
        assert search(conn, "kangaroo", "all").rows == []


def test_query_language_phrases_prefixes_or_and_not(db_url: str) -> None:
    with _store(db_url) as store, store.engine.connect() as conn:

        def titles(text: str) -> list[str]:
            return [r["title"] for r in search(conn, text, "documents").rows]

        assert titles('"prisoner exchange"') == ["Title b"]
        assert titles('"exchange prisoner"') == []
        assert titles("istan*") == titles("prison*") == ["Title b"]
        assert titles("Istanbul OR nothing") == ["Title b", "Title c"]
        assert titles("Geneva -Istanbul") == ["Title a", "Title c"]
        assert titles("geneva istanbul") == ["Title b"]  # both words


def test_keyset_pages_cover_every_match_once(db_url: str) -> None:
    with _store(db_url) as store, store.engine.connect() as conn:
        everything = search(conn, "Ukraine", "all", limit=100).rows
        seen, after = [], None
        while True:
            page = search(conn, "Ukraine", "all", limit=2, after=after)
            seen += page.rows
            if page.next_key is None:
                break
            after = page.next_key
        assert [r["id"] for r in seen] == [r["id"] for r in everything] and len(
            seen
        ) == 6  # bodies and quotes (speaker)
        capped = search(conn, "Ukraine", "all", limit=1, count_cap=4)
        assert capped.total == 5 and not capped.total_exact


@pytest.mark.parametrize("text", ["Ukraine", "buses", "buses OR Istanbul", "Ukraine -Istanbul"])
def test_common_words_read_by_date_give_the_same_pages(
    db_url: str, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A kind with more than COMMON matches is read from the date index (SQLite): the same
    rows, order, pages and totals as the sort of every match."""
    from peacewatch.store import search as search_mod

    def pages(limit: int) -> list[list[str]]:
        out, after = [], None
        while True:
            page = search(conn, text, "all", limit=limit, after=after, count_cap=3)
            out.append([r["id"] + r["snippet"] for r in page.rows] + [str(page.total)])
            if page.next_key is None:
                return out
            after = page.next_key

    with _store(db_url) as store, store.engine.connect() as conn:
        sorted_pages = [pages(n) for n in (1, 2, 50)]
        monkeypatch.setattr(search_mod, "COMMON", 0)
        assert [pages(n) for n in (1, 2, 50)] == sorted_pages
        assert sorted_pages[2][0][:-1]  # (the search matched)


def test_index_follows_reanalysis_and_deletes(db_url: str) -> None:
    with _store(db_url) as store:
        changed = {"b": _doc("b", "2022-05-01", BODY + " Talks moved to Antalya.")}
        out = store.ingest(_raw("b", BODY + EXTRA), fake_analyze(changed), reanalyze=True)
        assert out.status == "reanalysed"
        with store.engine.connect() as conn:
            assert search(conn, "Istanbul", "documents").rows == []
            assert [r["title"] for r in search(conn, "Antalya", "all").rows] == ["Title b"]
        with store.engine.begin() as conn:
            conn.execute(schema.positions.delete())
            conn.execute(schema.quotes.delete())
        with store.engine.begin() as conn:
            assert search(conn, "buses", "quotes").rows == []
            assert search(conn, "buses", "positions").rows == []
            rebuild(conn)  # after a VACUUM: the same answers
            assert search(conn, "buses", "documents").total == 3


@pytest.mark.parametrize(
    "text",
    ['"unclosed', "OR ceasefire", "ceasefire OR", "-ceasefire", "cease*fire", "!!", " " * 3],
)
def test_bad_syntax_is_refused_with_a_fix(text: str) -> None:
    with pytest.raises(SearchSyntaxError) as err:
        parse(text)
    assert err.value.fix


def test_words_never_reach_fts5_as_syntax() -> None:
    # FTS5 operators and column filters typed as words are quoted words.
    got = fts5(parse("NEAR(a b) body_text:x AND"))
    assert got == '("near a") AND ("b") AND ("body_text x") AND ("and")'


def test_bad_kind_is_refused() -> None:
    engine = sa.create_engine("sqlite://")
    with engine.connect() as conn, pytest.raises(SearchSyntaxError):
        search(conn, "x", "events")  # type: ignore[arg-type]


def test_search_command_prints_matches_and_refuses_bad_syntax(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from peacewatch.cli import app

    db = str(tmp_path / "store.db")
    _store(db).close()
    ok = CliRunner().invoke(app, ["search", "Istanbul", "--db", db, "--jsonl"])
    assert ok.exit_code == 0, ok.output
    rows = [json.loads(line) for line in ok.output.splitlines()]
    assert [(r["kind"], r["title"]) for r in rows] == [("documents", "Title b")]
    bad = CliRunner().invoke(app, ["search", '"Istanbul', "--db", db])
    assert bad.exit_code == 2 and "Fix" in bad.output
    missing = CliRunner().invoke(app, ["search", "x", "--db", str(tmp_path / "nope.db")])
    assert missing.exit_code == 2
