"""One JSON error shape for every error the API returns: {"error": {code, message, fix}}.

Clients (and the web UI) read one shape whatever went wrong: a missing record, a bad filter,
a body too large, too many requests, or a bug. A 500 never carries the exception text: it may
hold article text or SQL, and the server log has it anyway.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("peacewatch.api")


class ErrorDetail(BaseModel):
    code: str
    message: str
    fix: str


class ErrorBody(BaseModel):
    error: ErrorDetail


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        fix: str,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.fix = status, code, message, fix
        self.headers = headers


# Codes and fixes for errors raised by Starlette itself (routing, methods, body reading).
_BY_STATUS = {
    400: ("bad_request", "send a well-formed request"),
    401: ("unauthorized", "send 'Authorization: Bearer <PEACEWATCH_API_TOKEN>'"),
    403: ("forbidden", "set PEACEWATCH_API_TOKEN on the server and send it as a Bearer token"),
    404: ("not_found", "check the path and the id (see /api/openapi.json)"),
    405: ("method_not_allowed", "use a method listed in the Allow header"),
    413: ("too_large", "send a smaller body"),
    429: ("rate_limited", "wait and retry (see Retry-After)"),
    503: ("busy", "wait and retry (see Retry-After)"),
}


def error_response(
    status: int, code: str, message: str, fix: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    body = {"error": {"code": code, "message": message, "fix": fix}}
    return JSONResponse(body, status_code=status, headers=headers)


def _http_error(_req: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code, fix = _BY_STATUS.get(exc.status_code, ("http_error", "see the message"))
    message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
    return error_response(exc.status_code, code, message, fix, dict(exc.headers or {}))


def _api_error(_req: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message, exc.fix, exc.headers)


def _where(err: dict[str, Any]) -> str:
    return ".".join(str(x) for x in err.get("loc", ()))


def _validation_error(_req: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errs = list(exc.errors())
    # The offending input is left out on purpose: it is untrusted and may be large.
    parts = [f"{_where(e)}: {e.get('msg', 'invalid')}" for e in errs[:5]]
    return error_response(
        422, "invalid_request", "; ".join(parts) or "invalid request", "fix the named fields"
    )


def _server_error(_req: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error", exc_info=exc)
    return error_response(
        500, "internal_error", "the server failed on this request", "retry; report it if it recurs"
    )


def install(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _server_error)


# Documented on every route so that the OpenAPI spec describes the real error bodies.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": desc}
    for status, desc in (
        (404, "Not found"),
        (413, "Body too large"),
        (422, "Invalid request"),
        (429, "Rate limited"),
        (500, "Server error"),
    )
}
# The analysis endpoints' further errors (token, limits, queue).
ANALYZE_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": desc}
    for status, desc in (
        (401, "No or wrong token (only 'Authorization: Bearer <token>' is read)"),
        (403, "Analysis is off on this server"),
        (413, "Body, text or a paragraph over its limit"),
        (503, "Analysis queue full (see Retry-After), or the time limit passed"),
    )
}
