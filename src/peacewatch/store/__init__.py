"""The corpus store: documents, versions, records, clusters and merged events in SQL.

SQLite (a file; the default) or PostgreSQL (``postgresql://...``), one schema through
SQLAlchemy Core, migrated by Alembic (its ``alembic_version`` table holds the revision).

The names below are imported on first use (PEP 562): the command line imports
``peacewatch.store.db`` for its default path and ``store.export`` for its formats, and
``peacewatch analyze`` must not pay for SQLAlchemy, Alembic and datasketch (about 2 s of
start-up, issue 19) to print them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from peacewatch.store.core import Outcome, Store
    from peacewatch.store.db import DEFAULT_DB, normalise_url

__all__ = ["DEFAULT_DB", "Outcome", "Store", "normalise_url"]

_HOME = {
    "Outcome": "peacewatch.store.core",
    "Store": "peacewatch.store.core",
    "DEFAULT_DB": "peacewatch.store.db",
    "normalise_url": "peacewatch.store.db",
}


def __getattr__(name: str) -> object:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(home), name)
