"""The FastAPI application: JSON API under /api, the web UI under / (static files).

``create_app(Settings(db=...))`` builds it; ``peacewatch serve`` runs it with uvicorn.
"""

from __future__ import annotations

import os
from importlib import resources

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from peacewatch.api import changes, errors, exports, security, track, writes
from peacewatch.api.routes import router
from peacewatch.api.state import Settings, State

__all__ = ["Settings", "State", "create_app", "static_dir"]


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
