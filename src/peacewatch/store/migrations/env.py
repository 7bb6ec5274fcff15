"""Alembic environment: migrations run from peacewatch.store.open_store, on its connection.

No alembic.ini: the store builds the Config in code (peacewatch.store.db.migrate), so the
migrations ship inside the package and run wherever the package is installed.
"""

from __future__ import annotations

from alembic import context

from peacewatch.store.schema import include_name, metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    # The full-text search objects are not declared in the metadata (migration 0007).
    include_name=include_name,
    # SQLite cannot ALTER most things in place; batch mode copies the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
