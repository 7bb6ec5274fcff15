"""What the API's routes share: the settings, the engine and the analyser (``State``).

Its own module so that the routes (which read it) and the app (which builds it and mounts the
routes) do not import each other.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from peacewatch.records import Document, RawInput
from peacewatch.store.db import make_engine

Analyze = Callable[[RawInput, str | None], Document]


@dataclass(frozen=True)
class Settings:
    db: str
    # Write endpoints exist only with a token; None (the default) makes the API read-only.
    token: str | None = None
    # Origins allowed to call the API from a browser; empty: no CORS headers at all.
    cors_origins: tuple[str, ...] = ()
    # 1 MB: the longest articles of the sample and official corpora are under 100 kB of text;
    # ten times that leaves room for HTML pages with their markup.
    max_body: int = 1_000_000
    rate_per_minute: int = 600
    analyze: Analyze | None = field(default=None, compare=False)

    @classmethod
    def from_env(cls, db: str, **kw: Any) -> Settings:
        cors = tuple(o for o in os.environ.get("PEACEWATCH_CORS_ORIGINS", "").split(",") if o)
        token = os.environ.get("PEACEWATCH_API_TOKEN") or None
        return cls(db=db, token=token, cors_origins=cors, **kw)


class State:
    """What the routes share: the engine, the settings, and the analyser loaded once."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        # A read-only server does not migrate: it opens what ``peacewatch ingest`` made.
        self.engine: sa.Engine = make_engine(settings.db)
        self._analyze = settings.analyze
        # spaCy pipelines are not documented as thread-safe; FastAPI runs sync routes in a
        # thread pool, so one analysis at a time.
        self.analyze_lock = threading.Lock()
        self.write_lock = threading.Lock()

    def analyzer(self) -> Analyze:
        if self._analyze is None:
            from peacewatch.parse.nlp import load
            from peacewatch.pipeline import analyze

            nlp = load()  # once per process

            def run(raw: RawInput, published: str | None) -> Document:
                return analyze(raw, published=published, nlp=nlp)

            self._analyze = run
        return self._analyze
