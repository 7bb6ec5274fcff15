"""The corpus store: documents, versions, records, clusters and merged events in SQL.

SQLite (a file; the default) or PostgreSQL (``postgresql://...``), one schema through
SQLAlchemy Core, migrated by Alembic (its ``alembic_version`` table holds the revision).
"""

from peacewatch.store.core import Outcome, Store
from peacewatch.store.db import DEFAULT_DB, normalise_url

__all__ = ["DEFAULT_DB", "Outcome", "Store", "normalise_url"]
