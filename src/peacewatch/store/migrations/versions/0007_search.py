"""Full-text search over document bodies, quotes and positions (issues 17 and 19).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 07:10:00

SQLite: FTS5 tables with external content (the text stays in versions, quotes and positions;
the FTS table holds only the index), kept in sync by triggers on insert, update and delete, so
every writer (ingest, ``--reanalyze``, a delete by hand) keeps them right without Python code.
They key on the content tables' rowid; a ``VACUUM`` may renumber rowids of tables without an
INTEGER PRIMARY KEY, so run ``peacewatch.store.search.rebuild`` after one.

PostgreSQL: a stored generated ``tsvector`` column per table with a GIN index: the database
computes it on every insert and update, so it cannot fall out of sync either.

Both use English stemming (FTS5 ``porter``, PostgreSQL ``english``). Names of these objects
start with ``search`` (schema.SEARCH_PREFIX): they are not in the SQLAlchemy metadata
(virtual tables and generated columns), and schema comparisons leave them out.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# FTS table -> (content table, indexed columns). The first column is the one snippets show.
TABLES = {
    "search_documents": ("versions", ("body_text", "title")),
    "search_quotes": ("quotes", ("text", "speaker")),
    "search_positions": ("positions", ("evidence_text", "issue", "detail")),
}
# Composite indexes chosen from EXPLAIN on the benchmark stores (benchmarks/big_store.py).
INDEXES: list[tuple[str, str, list[str]]] = []


def _sqlite_upgrade() -> None:
    for fts, (table, cols) in TABLES.items():
        names = ", ".join(cols)
        new = ", ".join(f"new.{c}" for c in cols)
        old = ", ".join(f"old.{c}" for c in cols)
        op.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content='{table}', "
            "content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2')"
        )
        # The FTS5 documentation's recipe for external content tables.
        op.execute(
            f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, {names}) VALUES (new.rowid, {new}); END"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.rowid, {old}); END"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {names} ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.rowid, {old}); "
            f"INSERT INTO {fts}(rowid, {names}) VALUES (new.rowid, {new}); END"
        )
        op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def _pg_upgrade() -> None:
    for fts, (table, cols) in TABLES.items():
        text = " || ' ' || ".join(f"coalesce({c}, '')" for c in cols)
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS "
            f"(to_tsvector('english'::regconfig, {text})) STORED"
        )
        op.execute(f"CREATE INDEX ix_{fts} ON {table} USING gin (search_tsv)")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_upgrade()
    else:
        _pg_upgrade()
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)
    op.execute("ANALYZE")


def downgrade() -> None:
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
    sqlite = op.get_bind().dialect.name == "sqlite"
    for fts, (table, _) in TABLES.items():
        if sqlite:
            for suffix in ("ai", "ad", "au"):
                op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
            op.execute(f"DROP TABLE IF EXISTS {fts}")
        else:
            op.execute(f"DROP INDEX IF EXISTS ix_{fts}")
            op.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_tsv")
