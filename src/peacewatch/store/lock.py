"""One writer at a time per store (issue 18): a second ``ingest`` or ``watch`` waits its turn.

Two writers into one SQLite file used to crash the second with a raw "database is locked"
(SQLite allows one writing transaction; our per-document transactions interleave with the
other run's migrations and corroboration). The lock is taken for the whole run, before the
store is opened (so migrations never race either) and released when the run ends, crashes or
is killed: the OS drops a file lock with its process, PostgreSQL an advisory lock with its
session.

- SQLite: ``fcntl.flock`` on ``<database>.lock`` beside the file (an in-memory store has no
  other writer). Why not the ``filelock`` package: it is not among our dependencies and
  ``flock`` is the one call it would make on Linux and macOS.
- PostgreSQL: ``pg_try_advisory_lock`` on a session kept open for the run.

The waiting writer says so once, then polls; after ``timeout`` seconds it gives up with
``WriterBusy`` (the CLI exits 4), having written nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

from peacewatch.store.db import normalise_url

# Any constant of our own: the advisory lock key space is shared by every client of the server.
ADVISORY_KEY = 0x70656163  # "peac"
POLL = 0.2  # seconds between tries: a run holds the lock for minutes, not milliseconds


class WriterBusy(RuntimeError):
    """Another writer held the store for longer than we were told to wait."""

    def __init__(self, store: str, waited: float) -> None:
        super().__init__(f"another peacewatch writer holds {store}; gave up after {waited:.0f} s")
        self.fix = (
            "wait for the other ingest/watch to finish, or pass a longer --lock-timeout "
            "(0 waits forever)"
        )


def _sqlite_path(url: sa.URL) -> Path | None:
    db = url.database
    return None if not db or db == ":memory:" else Path(db)


def _wait(
    try_once: Callable[[], bool], store: str, timeout: float, on_wait: Callable[[str], None]
) -> None:
    start = time.monotonic()
    told = False
    while not try_once():
        waited = time.monotonic() - start
        if timeout and waited >= timeout:
            raise WriterBusy(store, waited)
        if not told:
            limit = f"up to {timeout:.0f} s" if timeout else "until it finishes"
            on_wait(f"another peacewatch writer holds {store}; waiting {limit}")
            told = True
        time.sleep(POLL)


@contextmanager
def writer_lock(
    db: str, timeout: float = 600.0, on_wait: Callable[[str], None] = lambda _: None
) -> Iterator[None]:
    """Hold the store's writer lock for the ``with`` block; ``timeout`` 0 waits forever."""
    url = sa.make_url(normalise_url(db))
    if url.get_backend_name() == "sqlite":
        path = _sqlite_path(url)
        if path is None:
            yield
            return
        import fcntl

        lock_path = path.with_name(path.name + ".lock")
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        with lock_path.open("a") as fh:

            def try_once() -> bool:
                try:
                    fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    return False
                return True

            _wait(try_once, str(path), timeout, on_wait)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)
        return
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:

            def try_pg() -> bool:
                got = conn.execute(sa.text("SELECT pg_try_advisory_lock(:k)"), {"k": ADVISORY_KEY})
                conn.commit()
                return bool(got.scalar())

            _wait(try_pg, url.render_as_string(hide_password=True), timeout, on_wait)
            try:
                yield
            finally:
                conn.execute(sa.text("SELECT pg_advisory_unlock(:k)"), {"k": ADVISORY_KEY})
                conn.commit()
    finally:
        engine.dispose()
