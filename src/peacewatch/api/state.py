"""What the API's routes share: the settings, the engine and the analyser (``State``).

Its own module so that the routes (which read it) and the app (which builds it and mounts the
routes) do not import each other.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import sqlalchemy as sa

from peacewatch.api.work import AnalysisQueue, TimedOut, check_size
from peacewatch.limits import Limits
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
    # /api/analyze on a server without a token: off unless the operator opens it
    # (``serve --open-analyze``); with a token it always needs the token.
    open_analyze: bool = False
    limits: Limits = field(default_factory=Limits)
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
        # spaCy pipelines are not documented as thread-safe: one analysis at a time, on the
        # queue's pool (the lock also covers a pool configured with more workers).
        self.queue = AnalysisQueue(settings.limits)
        self.analyze_lock = threading.Lock()
        self.write_lock = threading.Lock()

    @property
    def analyze_policy(self) -> Literal["token", "open", "off"]:
        """Who may analyse: token holders, anyone, or no one (a read-only server)."""
        if self.settings.token is not None:
            return "token"
        return "open" if self.settings.open_analyze else "off"

    def analyse(self, raw: RawInput, published: str | None, deadline: float) -> Document:
        """Clean, check the lengths (413), then analyse, stopping between stages once
        ``deadline`` (time.monotonic) has passed. The stages are those of
        ``pipeline.analyze``, so the record is the same."""
        from peacewatch.clean import clean
        from peacewatch.parse.nlp import load, parse
        from peacewatch.pipeline import STAGES

        doc = clean(raw, published=published)
        check_size(doc, self.settings.limits)
        with self.analyze_lock:
            if self._analyze is not None:  # injected (tests): one opaque step
                return self._analyze(raw, published)
            doc = parse(doc, load())
            for stage in STAGES:
                if time.monotonic() > deadline:
                    raise TimedOut(stage.name)
                doc = stage.run(doc)
        return doc
