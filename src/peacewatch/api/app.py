"""The FastAPI application: JSON API under /api, the web UI under / (static files).

``create_app(Settings(db=...))`` builds it; ``peacewatch serve`` runs it with uvicorn.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, replace
from importlib import resources

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from peacewatch.api import changes, errors, exports, security, track, writes
from peacewatch.api.routes import router
from peacewatch.api.state import Settings, State
from peacewatch.limits import Limits

__all__ = ["Settings", "State", "app_from_env", "create_app", "static_dir"]

# ``serve --workers N``: the settings each worker process builds its app from (cli/api.py).
SETTINGS_ENV = "PEACEWATCH_SERVE_SETTINGS"


def static_dir() -> str:
    return str(resources.files("peacewatch.web").joinpath("static"))


def create_app(settings: Settings) -> FastAPI:
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
    app.include_router(writes.router, prefix="/api")
    app.include_router(track.router, prefix="/api")
    app.include_router(exports.router, prefix="/api")
    app.include_router(changes.router, prefix="/api")
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


def settings_json(settings: Settings, **changes: object) -> str:
    """The settings a worker process needs, as JSON (the token and CORS origins stay in the
    environment, where ``Settings.from_env`` reads them)."""
    s = replace(settings, **changes)  # type: ignore[arg-type]
    return json.dumps(
        {
            "db": s.db,
            "rate_per_minute": s.rate_per_minute,
            "open_analyze": s.open_analyze,
            "max_body": s.max_body,
            "limits": asdict(s.limits),
        }
    )


def app_from_env() -> FastAPI:
    """uvicorn's app factory in each process of ``serve --workers N``: the app of the settings
    in SETTINGS_ENV, with its caches warming in the background (api/track.py ``warm``)."""
    from peacewatch.api.track import warm

    raw = json.loads(os.environ[SETTINGS_ENV])
    limits = Limits(**raw.pop("limits"))
    app = create_app(Settings.from_env(raw.pop("db"), limits=limits, **raw))
    warm(app.state.pw.engine)
    return app
