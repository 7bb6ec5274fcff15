"""The corpus store's tables, in SQLAlchemy Core: one schema for SQLite and PostgreSQL.

Design choices, and why:

- Every id is deterministic (derived from the document key, the version number and the record's
  position), never a database sequence. PostgreSQL sequences are not transactional: a process
  killed mid-transaction burns sequence values, so a resumed run would get other ids than a clean
  one. Deterministic ids make "kill -9 and re-run gives exactly the rows of a clean run" true, and
  give exports stable ids.
- A document (one article, keyed by its URL or input id) has versions; a changed article adds a
  version and keeps the old one. Records hang off a version.
- The full JSON output of each version is kept (``versions.document``), so later stages can be
  read back without a migration per field; what queries filter on (event type, actor country,
  place, dates, speaker) is in real, indexed columns.
- Dates are ``DATE`` columns (no time, hence no time-zone shift); partial dates ("2022-03") keep
  their ISO text in ``value`` and their range in ``date_start``/``date_end``.
- ``ingested_at`` is the only wall-clock column; the crash tests compare every other column.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# JSONB on PostgreSQL (indexable, compact), JSON text on SQLite.
JSONType = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
Id = sa.String(200)
# Every other string is TEXT, never VARCHAR(n): PostgreSQL enforces lengths and SQLite does not,
# so a longer value from a later stage would be stored on one backend and rejected on the other.


def _version_fk() -> sa.Column[str]:
    return sa.Column(
        "version_id", Id, sa.ForeignKey("versions.id", ondelete="CASCADE"), nullable=False
    )


def _span() -> list[sa.Column[int]]:
    return [sa.Column("start", sa.Integer, nullable=False), sa.Column("end", sa.Integer)]


documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", Id, primary_key=True),  # "d-" + sha256(key)[:16]
    sa.Column("key", sa.Text, nullable=False, unique=True),  # URL when known, else input id
    sa.Column("current_version", sa.Integer, nullable=False),
)

clusters = sa.Table(
    "clusters",
    metadata,
    # The id of a cluster is the id of its first version: deterministic in input order.
    sa.Column("id", Id, primary_key=True),
    sa.Column("size", sa.Integer, nullable=False),
)

versions = sa.Table(
    "versions",
    metadata,
    sa.Column("id", Id, primary_key=True),  # "<doc id>/v<n>"
    sa.Column("doc_id", Id, sa.ForeignKey("documents.id"), nullable=False, index=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("input_hash", sa.Text, nullable=False),  # raw bytes + metadata
    sa.Column("content_hash", sa.Text, nullable=False, index=True),  # normalised body
    sa.Column("cluster_id", Id, sa.ForeignKey("clusters.id"), nullable=False, index=True),
    sa.Column("dup_kind", sa.Text, nullable=False),  # original | exact | near
    sa.Column("dup_of", Id),  # the version it was matched to
    sa.Column("similarity", sa.Float),  # estimated Jaccard with dup_of
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Date),  # indexed as (published, id) below
    sa.Column("published_source", sa.Text),
    sa.Column("publisher", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("language", sa.Text),
    sa.Column("schema_version", sa.Text, nullable=False),
    sa.Column("pipeline_version", sa.Text, nullable=False),
    sa.Column("body_text", sa.Text, nullable=False),
    sa.Column("document", JSONType, nullable=False),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("doc_id", "version"),
    sa.UniqueConstraint("doc_id", "input_hash"),
)

signatures = sa.Table(
    "signatures",
    metadata,
    sa.Column("version_id", Id, sa.ForeignKey("versions.id"), primary_key=True),
    sa.Column(
        "minhash", sa.LargeBinary, nullable=False
    ),  # uint32 hash values (affine32), little-endian
)

paragraphs = sa.Table(
    "paragraphs",
    metadata,
    _version_fk(),
    sa.Column("idx", sa.Integer, nullable=False),
    *_span(),
    sa.PrimaryKeyConstraint("version_id", "idx"),
)

removed = sa.Table(
    "removed",
    metadata,
    _version_fk(),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.PrimaryKeyConstraint("version_id", "idx"),
)

entities = sa.Table(
    "entities",
    metadata,
    _version_fk(),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("entity_id", sa.Text, nullable=False),  # Entity.id within the document
    sa.Column("name", sa.Text, nullable=False, index=True),
    sa.Column("type", sa.Text, nullable=False),  # indexed as (type, name, ...) below
    sa.Column("role", sa.Text),
    sa.Column("country", sa.Text, index=True),
    sa.Column("role_text", sa.Text),
    sa.Column("role_start", sa.Integer),
    sa.Column("role_end", sa.Integer),
    sa.PrimaryKeyConstraint("version_id", "idx"),
)

mentions = sa.Table(
    "mentions",
    metadata,
    _version_fk(),
    sa.Column("entity_idx", sa.Integer, nullable=False),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    *_span(),
    sa.PrimaryKeyConstraint("version_id", "entity_idx", "idx"),
)

dates = sa.Table(
    "dates",
    metadata,
    _version_fk(),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    *_span(),
    sa.Column("value", sa.Text),
    sa.Column("precision", sa.Text, nullable=False),
    sa.Column("rule", sa.Text, nullable=False),
    sa.Column("date_start", sa.Date, index=True),
    sa.Column("date_end", sa.Date),
    sa.PrimaryKeyConstraint("version_id", "idx"),
)

places = sa.Table(
    "places",
    metadata,
    _version_fk(),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("mention", sa.Text, nullable=False),
    *_span(),
    sa.Column("name", sa.Text, index=True),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("country", sa.Text, index=True),
    sa.Column("admin1", sa.Text),
    sa.Column("feature", sa.Text),
    sa.Column("geonameid", sa.Integer, index=True),
    sa.Column("metonymy", sa.Boolean, nullable=False),
    sa.PrimaryKeyConstraint("version_id", "idx"),
)

quotes = sa.Table(
    "quotes",
    metadata,
    _version_fk(),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    *_span(),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("speaker", sa.Text, index=True),
    sa.Column("speaker_entity", sa.Text),
    sa.Column("cue", sa.Text),
    sa.Column("relay", sa.Text),
    sa.Column("relay_entity", sa.Text),
    sa.Column("said_on", sa.Text),
    sa.Column("said_on_date", sa.Date, index=True),
    sa.Column("evidence_text", sa.Text, nullable=False),
    sa.Column("evidence_start", sa.Integer, nullable=False),
    sa.Column("evidence_end", sa.Integer, nullable=False),
    sa.PrimaryKeyConstraint("version_id", "idx"),
)

events = sa.Table(
    "events",
    metadata,
    _version_fk(),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("type", sa.Text, nullable=False, index=True),
    sa.Column("mode", sa.Text),
    sa.Column("modality", sa.Text, nullable=False),
    sa.Column("cameo", sa.Text, index=True),
    sa.Column("acled", sa.Text),
    sa.Column("quote_idx", sa.Integer),  # the quote (same version) that states the event
    sa.Column("contexts", JSONType, nullable=False),
    sa.Column("magnitude", JSONType, nullable=False),  # [{kind, value, text, start, end}]
    sa.Column("unresolved", JSONType),  # actor mentions no rule resolved ("we"); NULL = none
    sa.Column("place", sa.Text, index=True),
    sa.Column("date", sa.Text),
    sa.Column("date_precision", sa.Text, nullable=False),
    # stated | relative | reported (the publication date, a bound); NULL = undated (0006)
    sa.Column("date_basis", sa.Text),
    sa.Column("date_start", sa.Date),  # indexed as (date_start, version_id, idx, date_end, type)
    sa.Column("date_end", sa.Date),
    sa.Column("evidence_text", sa.Text, nullable=False),
    sa.Column("evidence_start", sa.Integer, nullable=False),
    sa.Column("evidence_end", sa.Integer, nullable=False),
    sa.PrimaryKeyConstraint("version_id", "idx"),
)

# Actors and recipients of events, one row each, so "events by actor country" is an index scan.
event_actors = sa.Table(
    "event_actors",
    metadata,
    _version_fk(),
    sa.Column("event_idx", sa.Integer, nullable=False),
    sa.Column("role", sa.Text, nullable=False),  # actor | recipient
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("name", sa.Text, nullable=False, index=True),
    sa.Column("country", sa.Text, index=True),
    sa.Column("sector", sa.Text),
    sa.Column("entity", sa.Text),
    sa.PrimaryKeyConstraint("version_id", "event_idx", "role", "idx"),
)

# Negotiation positions (party x issue x stance), from Document.negotiation.issues.
positions = sa.Table(
    "positions",
    metadata,
    _version_fk(),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("issue", sa.Text, nullable=False, index=True),
    sa.Column("stance", sa.Text, nullable=False),
    sa.Column("party", sa.Text, index=True),
    sa.Column("by", sa.Text, index=True),
    sa.Column("by_entity", sa.Text),
    sa.Column("said_on", sa.Text),
    sa.Column("said_on_date", sa.Date, index=True),
    sa.Column("detail", sa.Text),
    sa.Column("condition", sa.Text),
    sa.Column("status", sa.Text),  # "denied": the party denies holding it (migration 0004)
    sa.Column("evidence_text", sa.Text, nullable=False),
    sa.Column("evidence_start", sa.Integer, nullable=False),
    sa.Column("evidence_end", sa.Integer, nullable=False),
    sa.PrimaryKeyConstraint("version_id", "idx"),
)

# Inputs that failed analysis or storage, with what is needed to retry them.
dead_letters = sa.Table(
    "dead_letters",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("input_hash", sa.Text, nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("error", sa.Text, nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("raw", JSONType, nullable=False),  # RawInput fields; data as text or base64
    sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
)

# Corroborated events: events of different documents about the same thing, merged.
# Rebuilt as a whole after each ingest (it is derived data), in one transaction.
event_groups = sa.Table(
    "event_groups",
    metadata,
    sa.Column("id", Id, primary_key=True),  # id of its first member event
    sa.Column("type", sa.Text, nullable=False, index=True),
    sa.Column("place", sa.Text, index=True),
    sa.Column("date_start", sa.Date, index=True),
    sa.Column("date_end", sa.Date),
    sa.Column("actors", JSONType, nullable=False),
    sa.Column("n_sources", sa.Integer, nullable=False),
    sa.Column("n_independent", sa.Integer, nullable=False),
    sa.Column("contested", sa.Boolean, nullable=False),
    sa.Column("claims", JSONType, nullable=False),  # [{modality, figures, sources}] side by side
)

event_group_members = sa.Table(
    "event_group_members",
    metadata,
    sa.Column(
        "group_id",
        Id,
        sa.ForeignKey("event_groups.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("version_id", Id, nullable=False),
    sa.Column("event_idx", sa.Integer, nullable=False),
    sa.Column("cluster_id", Id, nullable=False),
    sa.PrimaryKeyConstraint("version_id", "event_idx"),
)

RECORD_TABLES = (
    paragraphs,
    removed,
    entities,
    mentions,
    dates,
    places,
    quotes,
    events,
    event_actors,
    positions,
)

# Indexes for the web API's list endpoints (migration 0002). Each lets a page of a list be read
# in its sort order and stop after ``limit`` rows, instead of sorting every match: on 10,000
# documents the unfiltered lists went from sorting 50,000-90,000 rows per request to reading
# 50 (benchmarks/api.py).
# Documents, places, quotes and positions are listed by the date of their document.
sa.Index(None, versions.c.published, versions.c.id)
# Events by their own date (date_start alone left ties, i.e. all undated events, to a sort).
# date_end and type ride along (migration 0011): a date range's walk tests them in the index.
sa.Index(
    None, events.c.date_start, events.c.version_id, events.c.idx, events.c.date_end, events.c.type
)
# Entities of one type by name; a quote's speaker entity (its country) by id within a version.
sa.Index(None, entities.c.type, entities.c.name, entities.c.version_id, entities.c.idx)
sa.Index(None, entities.c.version_id, entities.c.entity_id)
# The last write (a new version, or ``ingest --reanalyze`` rewriting one): max() of it is part of
# the key of the API's caches of derived data (store/claims.py ``store_state``), read from the
# index instead of the wide versions rows (migration 0003).
sa.Index(None, versions.c.ingested_at)

# Full-text search (migration 0007): FTS5 tables on SQLite, a generated ``search_tsv`` column
# with a GIN index on PostgreSQL. Neither can be declared here (virtual tables, generated
# columns), so schema comparisons leave every object named ``search...`` out.
SEARCH_PREFIX = "search"


# Indexes on lower(column) (migration 0008), also left out of comparisons: alembic compares
# expressions differently on each backend.
# Also search's sort key on PostgreSQL (migration 0009).
EXPRESSION_INDEXES = frozenset(
    {
        "ix_quotes_lower_speaker",
        "ix_event_actors_lower_name",
        "ix_positions_lower_by",
        "ix_versions_day_id",
    }
)


def include_name(name: str | None, type_: str, _parents: object) -> bool:
    """Alembic's ``include_name`` hook: everything but the full-text search objects and the
    expression indexes."""
    if name is None:
        return True
    return not name.removeprefix("ix_").startswith(SEARCH_PREFIX) and name not in EXPRESSION_INDEXES
