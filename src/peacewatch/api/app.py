"""The FastAPI application: JSON API under /api, the web UI under / (static files).

``create_app(Settings(db=...))`` builds it; ``peacewatch serve`` runs it with uvicorn.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import sqlalchemy as sa
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from peacewatch.api import errors, security
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


def static_dir() -> str:
    return str(resources.files("peacewatch.web").joinpath("static"))


def create_app(settings: Settings) -> FastAPI:
    from peacewatch.api.routes import router

    app = FastAPI(
        title="peacewatch",
        version="1",
        description="Evidence-linked records of peace negotiations, read from the store.",
        openapi_url="/api/openapi.json",
        # The Swagger/ReDoc pages load scripts from a CDN: off (offline, and the CSP forbids it).
        docs_url=None,
        redoc_url=None,
    )
    app.state.pw = State(settings)
    errors.install(app)
    app.include_router(router, prefix="/api")
    static = static_dir()
    app.mount("/static", StaticFiles(directory=static), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(os.path.join(static, "index.html"))

    # Middleware: the last added runs first. Rate limit, then size limit, then the app;
    # security headers wrap everything, errors from the limits included.
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(security.BodyLimit, max_bytes=settings.max_body)
    app.add_middleware(security.RateLimit, per_minute=settings.rate_per_minute)
    app.add_middleware(security.SecurityHeaders)
    return app
