"""Two writers into one store (issue 18): the second waits its turn, both finish, and the
tables equal those of one clean run; on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from peacewatch.store.db import make_engine
from peacewatch.store.lock import WriterBusy, writer_lock
from test_store import dump

ARTICLES = Path(__file__).parent / "fixtures" / "store" / "articles.jsonl"


def ingest(url: str, *extra: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PEACEWATCH_MODEL": "sm"}
    cmd = [sys.executable, "-m", "peacewatch.cli", "ingest", str(ARTICLES), "--db", url, *extra]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_two_concurrent_ingests_both_finish_and_equal_a_clean_run(
    two_dbs: tuple[str, str],
) -> None:
    clean_url, shared_url = two_dbs
    clean = ingest(clean_url)
    first, second = ingest(shared_url), ingest(shared_url)
    for p in (clean, first, second):
        assert p.wait(timeout=300) == 0, p.stderr.read() if p.stderr else ""
    waited = [(p.stderr.read() if p.stderr else b"").decode() for p in (first, second)]
    a, b = make_engine(clean_url), make_engine(shared_url)
    assert dump(b) == dump(a)
    a.dispose()
    b.dispose()
    # One of them found the store busy and said so (or started after the other ended).
    assert any("another peacewatch writer" in w for w in waited) or all(waited)


def test_a_writer_that_cannot_wait_gives_up_with_a_fix(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    told: list[str] = []
    with (
        writer_lock(db),
        pytest.raises(WriterBusy) as busy,
        writer_lock(db, timeout=0.3, on_wait=told.append),
    ):
        pass
    assert "--lock-timeout" in busy.value.fix
    assert told and "waiting up to" in told[0]


def test_the_lock_is_free_again_after_the_holder_ends(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    order: list[str] = []

    def hold() -> None:
        with writer_lock(db):
            order.append("first in")
            time.sleep(0.5)
            order.append("first out")

    t = threading.Thread(target=hold)
    t.start()
    time.sleep(0.1)
    with writer_lock(db, timeout=10):
        order.append("second in")
    t.join()
    assert order == ["first in", "first out", "second in"]


def test_a_busy_store_exits_4_and_writes_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    with writer_lock(db):
        p = ingest(db, "--lock-timeout", "0.5")
        assert p.wait(timeout=120) == 4
    assert not Path(db).exists() or Path(db).stat().st_size == 0
