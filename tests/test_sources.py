"""Sources: a WARC, an ARC, a feed (served on loopback) and a news-crawl dump of the sample
articles store the same records as the plain files; what a source has seen is remembered."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from peacewatch.records import InputError, RawInput
from peacewatch.scale import Runner
from peacewatch.scale.store import ingest_with
from peacewatch.sources.files import read_inputs
from peacewatch.sources.state import SourceState, load_state, save_state
from peacewatch.sources.watch import mark_seen, poll, unseen
from peacewatch.store import Store
from peacewatch.store.query import Filters, run_query

SRC = Path(__file__).parent / "fixtures" / "sources"
KINDS = ("events", "quotes", "places", "positions", "documents")
# Where an input came from (path, archive offset) and the hash of the input as read: not
# records. ``document`` is the whole Document JSON, whose meta names the source path.
SOURCE = frozenset({"source", "input_hash", "document"})
# A feed's pages have other URLs (loopback) than the saved pages, and document and cluster ids
# derive from the URL: the records must still be the same.
URL_DERIVED = SOURCE | {"id", "doc_id", "version_id", "key", "url", "cluster_id"}


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The fixture folder on 127.0.0.1: nothing in these tests reaches the internet."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(SRC)))
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def stored(
    tmp: Path,
    name: str,
    items: list[RawInput | InputError],
    nlp: Any,
    drop: frozenset[str] = SOURCE,
) -> dict[str, Any]:
    """Every stored record (without where it came from), per kind, in a stable order."""
    with Store(f"sqlite:///{tmp / name}.db") as store, Runner() as runner:
        outs = list(ingest_with(store, items, runner))
        assert all(getattr(o, "status", None) == "stored" for o in outs), outs
        out = {}
        for kind in KINDS:
            rows = run_query(store.engine, kind, Filters(limit=None))
            clean = [{k: v for k, v in r.items() if k not in drop} for r in rows]
            out[kind] = sorted(clean, key=repr)
    return out


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("plain")
    return stored(tmp, "plain", list(read_inputs([str(SRC / "pages")])), nlp)


def without(records: dict[str, Any], drop: frozenset[str]) -> dict[str, Any]:
    return {
        k: sorted(({c: v for c, v in r.items() if c not in drop} for r in rows), key=repr)
        for k, rows in records.items()
    }


@pytest.mark.parametrize("archive", ["samples.warc.gz", "samples.arc.gz"])
def test_archive_stores_the_records_of_the_plain_files(
    archive: str, plain: dict[str, Any], tmp_path: Path, nlp: Any
) -> None:
    items = list(read_inputs([str(SRC / archive)]))
    # Only the four article pages: the request records, the image and the 404 are skipped.
    assert [i.url for i in items if isinstance(i, RawInput)] == [
        f"https://sample.invalid/news/{n}"
        for n in ("sample-belarus-border-round", "voa-8008456", "voa-8010842")
    ] + ["https://sample.invalid/news/sample-istanbul-round"]
    assert all(isinstance(i, RawInput) and i.published == "2022-04-02" for i in items)
    got = stored(tmp_path, "archive", items, nlp)
    assert plain["events"] and plain["quotes"]
    assert got == plain


def test_feed_on_loopback_stores_the_records_of_the_plain_files(
    server: str, plain: dict[str, Any], tmp_path: Path, nlp: Any
) -> None:
    result = poll(f"{server}/linked.rss")
    assert result.error is None
    raws = [i for i in result.items if isinstance(i, RawInput)]
    assert len(raws) == 4
    assert raws[0].url == f"{server}/pages/sample-belarus-border-round.html"
    got = stored(tmp_path, "feed", result.items, nlp, URL_DERIVED)
    assert got == without(plain, URL_DERIVED)


def test_feed_url_as_an_input(server: str) -> None:
    items = list(read_inputs([f"{server}/linked.rss", f"{server}/nothing.rss"]))
    assert sum(isinstance(i, RawInput) for i in items) == 4
    (err,) = [i for i in items if isinstance(i, InputError)]
    assert err.source.endswith("/nothing.rss") and "404" in err.message


def test_feed_state_skips_what_was_seen(server: str) -> None:
    state = SourceState()
    first = poll(f"{server}/linked.rss")
    assert len(unseen(first.items, state)) == 4
    mark_seen(first.items, state)
    again = poll(f"{server}/linked.rss", seen=set(state.seen))
    assert unseen(again.items, state) == []


def test_unreachable_feed_is_a_failed_poll() -> None:
    result = poll("http://127.0.0.1:9/feed.rss")  # the discard port: nothing listens
    assert result.items == [] and result.error is not None
    st = SourceState(listed=[10, 10, 10])
    assert (st.health(None, result.error) or "").startswith("failed")


def test_volume_drop_is_flagged() -> None:
    st = SourceState(listed=[20, 22, 21, 20])
    assert st.health(20, None) is None
    assert "volume dropped" in (st.health(3, None) or "")
    assert SourceState(listed=[2, 2]).health(0, None) is None  # too small a baseline to judge


def test_feed_file_with_full_content() -> None:
    items = list(read_inputs([str(SRC / "content.atom")]))
    raws = [i for i in items if isinstance(i, RawInput)]
    assert len(raws) == 4 and all(r.content_type == "html" for r in raws)
    assert raws[1].url == "https://sample.invalid/news/voa-8008456"
    assert raws[1].published == "2025-03-12" and raws[1].title == "voa-8008456"
    assert "<p>" in str(raws[1].data)


def test_newscrawl_layout() -> None:
    items = list(read_inputs([str(SRC / "newscrawl.jsonl")]))
    raws = [i for i in items if isinstance(i, RawInput)]
    assert len(raws) == 3
    voa = raws[1]
    assert voa.url is not None and voa.url.startswith("https://www.voanews.com/")
    assert voa.published == "2025-03-12" and voa.publisher == "sample.invalid"
    assert voa.content_type == "text" and voa.title is not None


def test_newscrawl_line_without_text_is_an_error(tmp_path: Path) -> None:
    f = tmp_path / "dump.jsonl"
    f.write_text('{"url": "https://x.invalid/a", "maintext": null, "title": "T"}\n')
    (err,) = read_inputs([str(f)])
    assert isinstance(err, InputError) and "maintext" in err.message


def test_broken_archive_is_an_error(tmp_path: Path) -> None:
    f = tmp_path / "broken.warc.gz"
    f.write_bytes(b"\x1f\x8b\x08\x00garbage")
    (err,) = read_inputs([str(f)])
    assert isinstance(err, InputError) and "web archive" in err.message


def test_state_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    state = load_state(path)
    s = state.source("feed")
    s.seen["https://x.invalid/a"] = "abc"
    s.record("2022-03-29T10:00:00Z", 5, None)
    state.memory["stance"] = {"UA|neutrality": "support"}
    save_state(state, path)
    back = load_state(path)
    assert back.source("feed").seen == {"https://x.invalid/a": "abc"}
    assert back.source("feed").listed == [5]
    assert back.memory == state.memory
