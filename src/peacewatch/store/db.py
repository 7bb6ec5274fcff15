"""Opening a store: URL normalisation, engine settings per backend, Alembic migrations."""

from __future__ import annotations

import sqlite3
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

# SQLAlchemy and Alembic are imported where used: the command line imports this module for
# DEFAULT_DB, and ``peacewatch analyze`` never opens a store (issue 19: start-up).
if TYPE_CHECKING:
    import sqlalchemy as sa
    from alembic.config import Config

DEFAULT_DB = "peacewatch.db"


def normalise_url(url: str) -> str:
    """A SQLAlchemy URL from what a user types: a file path, sqlite:///..., postgresql://...

    ``postgresql://`` would pick psycopg2 in SQLAlchemy; we ship psycopg 3 (binary wheels, no
    compiler needed), so the driver is named explicitly.
    """
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" in url:
        return url
    return f"sqlite:///{Path(url).expanduser()}"


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite store (None for PostgreSQL and in-memory SQLite).

    Read commands check it exists before opening: SQLite creates a missing file, so a
    misspelled path would otherwise answer every query with an empty, new store.
    """
    from sqlalchemy.engine import make_url

    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() != "sqlite":
        return None
    name = parsed.database
    if not name or name == ":memory:" or name.startswith("file:"):
        return None
    return Path(name)


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    # Python's sqlite3 (3.11) commits DDL implicitly, outside any transaction: a process killed
    # during a migration would leave half a schema. Turning its own transaction handling off
    # and emitting BEGIN ourselves (_sqlite_begin) makes DDL transactional, as on PostgreSQL.
    # This is SQLAlchemy's documented recipe ("Serializable isolation / Savepoints / DDL").
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    # WAL + synchronous=NORMAL: a killed process never loses a committed transaction (only a
    # power loss could lose the last ones), and writers do not block readers.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    # A 32 MB page cache per connection (SQLite's default is 2 MB): on the 100,000-document
    # store a search page took ~10 % less CPU (26.7 -> 23.9 ms for "ceasefire", the B-tree
    # pages of its walk stay in the connection instead of being copied from the OS cache
    # again); mmap (1 GB) gained less. Filled only as pages are read, so a small store's
    # connections stay small; a server pools up to 15 connections per process.
    cur.execute("PRAGMA cache_size=-32000")
    cur.close()


def _sqlite_begin(conn: sa.Connection) -> None:
    conn.exec_driver_sql("BEGIN")


def make_engine(url: str) -> sa.Engine:
    import sqlalchemy as sa

    engine = sa.create_engine(normalise_url(url))
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        sa.event.listen(engine, "begin", _sqlite_begin)
    return engine


def _alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option(
        "script_location", str(resources.files("peacewatch.store").joinpath("migrations"))
    )
    return cfg


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def current_revision(engine: sa.Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: sa.Engine) -> None:
    """Bring the schema to the newest revision (a no-op when it is there already)."""
    if current_revision(engine) == head_revision():
        return
    from alembic import command

    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
