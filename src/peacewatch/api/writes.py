"""The endpoints that run the NLP pipeline: ``POST /api/analyze`` and ``POST /api/documents``.

Both follow the write policy (``State.analyze_policy``): with a server token they need it as
``Authorization: Bearer <token>`` (nothing else is read: a bare token in the header is refused,
so it never ends up in logs of proxies that only mask Bearer credentials); without one the
server is read-only, and analysis is off unless the operator opened it (``--open-analyze``).
Both run on the analysis queue (``api.work``), never on the threads that serve reads.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import math
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header
from pydantic import BaseModel, Field

from peacewatch.api import paging, reads
from peacewatch.api.errors import ANALYZE_RESPONSES, ERROR_RESPONSES, ApiError
from peacewatch.api.routes import St
from peacewatch.api.state import State
from peacewatch.api.work import TimedOut, check_size, timed_out
from peacewatch.records import RawInput

router = APIRouter(responses=ERROR_RESPONSES | ANALYZE_RESPONSES)

# Longest input /analyze takes, in characters, markup included (an HTML page is several times
# its text); the text limits of ``Limits`` apply to what cleaning leaves.
MAX_TEXT = 500_000
Auth = Annotated[str | None, Header(description="Bearer <token>")]


class ArticleIn(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT, description="Article text or HTML.")
    content_type: Literal["text", "html"] = "text"
    published: date | None = None
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    publisher: str | None = Field(default=None, max_length=200)


class StoredOut(BaseModel):
    status: str
    key: str
    doc_id: str | None
    version_id: str | None
    error: str | None


def bearer(authorization: str | None) -> str | None:
    """The credentials of a ``Bearer`` Authorization header (scheme case-insensitive, RFC
    7235), else None."""
    scheme, _, credentials = (authorization or "").strip().partition(" ")
    if scheme.lower() != "bearer":
        return None
    return credentials.strip() or None


def _check_token(want: str, authorization: str | None) -> None:
    given = bearer(authorization) or ""
    # Constant time in the token's content: a wrong guess tells nothing of the right one.
    if not hmac.compare_digest(given.encode(), want.encode()):
        raise ApiError(
            401,
            "unauthorized",
            "missing or wrong token",
            "send 'Authorization: Bearer <token>' (the bare token is not accepted)",
            {"WWW-Authenticate": "Bearer"},
        )


def require_write(st: State, authorization: str | None) -> None:
    if st.settings.token is None:
        raise ApiError(
            403, "read_only", "this server is read-only", "start it with PEACEWATCH_API_TOKEN set"
        )
    _check_token(st.settings.token, authorization)


def require_analyze(st: State, authorization: str | None) -> None:
    policy = st.analyze_policy
    if policy == "off":
        raise ApiError(
            403,
            "analysis_off",
            "analysis is off on this read-only server",
            "use `peacewatch analyze` locally, or ask the operator to start the server with "
            "PEACEWATCH_API_TOKEN (then send it as a Bearer token) or with --open-analyze",
        )
    if policy == "token":
        assert st.settings.token is not None
        _check_token(st.settings.token, authorization)


def _raw(body: ArticleIn) -> RawInput:
    digest = hashlib.sha256(body.text.encode()).hexdigest()[:16]
    return RawInput(
        id=body.url or f"api-{digest}",
        source="api",
        data=body.text,
        content_type=body.content_type,
        published=body.published.isoformat() if body.published else None,
        url=body.url,
        title=body.title,
        publisher=body.publisher,
    )


def _cannot_analyze(exc: Exception) -> ApiError:
    fix = getattr(exc, "fix", None) or "send an article with some text paragraphs"
    return ApiError(422, "cannot_analyze", str(exc)[:300], fix)


@router.post("/analyze")
async def analyze(st: St, body: ArticleIn, authorization: Auth = None) -> dict[str, Any]:
    """Analyse an article (nothing is stored) and return its document record."""
    require_analyze(st, authorization)
    raw = _raw(body)
    published = body.published.isoformat() if body.published else None

    def job(deadline: float) -> dict[str, Any]:
        from peacewatch.clean import CleanError
        from peacewatch.serialize import to_json

        try:
            doc = st.analyse(raw, published, deadline)
        except CleanError as exc:
            raise _cannot_analyze(exc) from exc
        except TimedOut as exc:
            raise timed_out(st.settings.limits.timeout_s) from exc
        out = to_json(doc)
        out["spans"] = reads.record_spans(out)
        return out

    return await st.queue.run(job)


@router.post("/documents", response_model=StoredOut)
async def store_document(st: St, body: ArticleIn, authorization: Auth = None) -> StoredOut:
    """Analyse an article and store it (needs the server's PEACEWATCH_API_TOKEN)."""
    require_write(st, authorization)
    raw = _raw(body)
    published = body.published.isoformat() if body.published else None

    def job(_deadline: float) -> StoredOut:
        from peacewatch.clean import CleanError, clean
        from peacewatch.store import Store

        # A CleanError is left to ingest, which records the input as failed (as the CLI does).
        with contextlib.suppress(CleanError):
            check_size(clean(raw, published=published), st.settings.limits)
        with st.write_lock, Store(st.settings.db) as store:
            # A write that started finishes (no deadline): the client may have gone, the
            # store still gets a consistent document; the length limits bound its cost.
            out = store.ingest(raw, lambda r, p: st.analyse(r, p, math.inf), published)
            if out.status in ("stored", "updated"):
                store.corroborate()
        paging.forget_totals()  # the lists' cached totals (api/paging.py) count it at once
        doc_id = out.version_id.split("/")[0] if out.version_id else None
        return StoredOut(
            status=out.status,
            key=out.key,
            doc_id=doc_id,
            version_id=out.version_id,
            error=out.error,
        )

    return await st.queue.run(job)
