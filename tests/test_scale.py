"""Executors: a process pool and a Dask LocalCluster produce exactly the records of a local run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from peacewatch.pipeline import Analysed, Failed
from peacewatch.scale import Executor, Runner
from peacewatch.scale.store import ingest_with
from peacewatch.sources.files import read_inputs
from peacewatch.store import Store
from peacewatch.store.query import Filters, run_query

ROOT = Path(__file__).parent.parent
KINDS = ("events", "quotes", "places", "positions", "documents", "merged")


def inputs(tmp: Path) -> list[Any]:
    bad = tmp / "not-an-article.html"
    bad.write_text("<html><body><nav>Home</nav></body></html>")
    paths = [ROOT / "samples" / "articles", ROOT / "tests" / "fixtures" / "sources" / "pages", bad]
    return list(read_inputs([str(p) for p in paths]))


def run(executor: Executor, items: list[Any], **kw: Any) -> tuple[list[Any], Runner]:
    # Partitions of 2 articles: several per worker, so order and partitioning are exercised.
    with Runner(executor, workers=2, partition=2, **kw) as runner:
        return list(runner.run(items)), runner


def rows(db: Path) -> dict[str, Any]:
    with Store(f"sqlite:///{db}") as store:
        return {k: run_query(store.engine, k, Filters(limit=None)) for k in KINDS}


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> tuple[list[Any], list[Any]]:
    items = inputs(tmp_path_factory.mktemp("in"))
    return items, run(Executor.local, items)[0]


def test_local_results_are_in_input_order(local: tuple[list[Any], list[Any]]) -> None:
    items, results = local
    assert len(results) == len(items) >= 8
    docs = [r.doc for r in results if isinstance(r, Analysed)]
    assert len(docs) == len(items) - 1 and all(d.parses == () for d in docs)
    bad = results[-1]
    assert isinstance(bad, Failed) and bad.stage == "clean" and bad.source == items[-1].source
    assert [d.meta.source for d in docs] == [i.source for i in items[:-1]]


def test_dask_local_cluster_gives_the_records_of_the_local_run(
    local: tuple[list[Any], list[Any]], tmp_path: Path
) -> None:
    items, expected = local
    # processes=False: the two workers are threads of this process and reuse its loaded model,
    # which keeps the test fast; the partitioning, scheduling and result path are Dask's.
    got, runner = run(Executor.dask, items, dask_processes=False)
    assert got == expected
    assert runner.peaks and all(mb > 0 for mb in runner.peaks.values())
    # And through the store: identical rows, ids and cluster ids included.
    for name, ex in (("local", Executor.local), ("dask", Executor.dask)):
        with (
            Store(f"sqlite:///{tmp_path / name}.db") as store,
            Runner(ex, workers=2, partition=2, dask_processes=False) as r,
        ):
            statuses = [getattr(o, "status", "-") for o in ingest_with(store, items, r)]
            assert statuses.count("stored") == len(items) - 1
            store.corroborate()
    assert rows(tmp_path / "dask.db") == rows(tmp_path / "local.db")


def test_process_pool_gives_the_documents_and_rows_of_the_local_run(tmp_path: Path) -> None:
    everything = inputs(tmp_path)
    items = [*everything[:4], everything[-1]]  # four articles and the page with none
    # The small model keeps the two worker processes' start-up short.
    with (
        Runner(Executor.local, partition=2, model="sm") as local,
        Runner(Executor.processes, workers=2, partition=2, model="sm") as pool,
    ):
        assert list(pool.run(items)) == list(local.run(items))
        # And ingest through each: the same rows (ids, clusters), the same dead letter.
        for name, runner in (("local", local), ("processes", pool)):
            with Store(f"sqlite:///{tmp_path / name}.db") as store:
                statuses = [getattr(o, "status", "-") for o in ingest_with(store, items, runner)]
                assert statuses == ["stored"] * 4 + ["failed"]
                store.corroborate()
    assert rows(tmp_path / "processes.db") == rows(tmp_path / "local.db")
    assert len(pool.peaks) >= 1


def test_rerun_through_the_executor_skips_what_is_stored(tmp_path: Path, nlp: Any) -> None:
    items = inputs(tmp_path)[:3]
    with Store(f"sqlite:///{tmp_path / 's.db'}") as store:
        with Runner(Executor.local) as r:
            first = [o.status for o in ingest_with(store, items, r)]  # type: ignore[union-attr]
        with Runner(Executor.local) as r:
            again = [o.status for o in ingest_with(store, items, r)]  # type: ignore[union-attr]
    assert first == ["stored"] * 3 and again == ["unchanged"] * 3


def test_dask_scheduler_address(local: tuple[list[Any], list[Any]]) -> None:
    """--scheduler ADDRESS: connect to a running cluster instead of starting one."""
    from distributed import LocalCluster

    items, expected = local
    with LocalCluster(  # type: ignore[no-untyped-call]  # distributed is untyped
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        got, _ = run(Executor.dask, items[:3], scheduler=cluster.scheduler_address)
    assert got == expected[:3]
