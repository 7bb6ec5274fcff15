"""Security middleware: response headers (CSP), request size limit, in-process rate limit.

Pure ASGI middleware rather than BaseHTTPMiddleware: they see every request, including those
routing rejects, and can refuse a body while it streams in (no Content-Length needed).
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.exceptions import HTTPException

from peacewatch.api.errors import error_response

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# No inline script or style, nothing from another origin: article text that slipped through
# escaping still could not run. 'data:' images only for the SVG map's nothing-else needs.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(msg: Message) -> None:
            if msg["type"] == "http.response.start":
                have = {k.lower() for k, _ in msg.get("headers", [])}
                msg["headers"] = list(msg.get("headers", [])) + [
                    (k, v) for k, v in HEADERS if k not in have
                ]
            await send(msg)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuse bodies over ``max_bytes`` with 413: by Content-Length up front, else while read."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.max_bytes
        for k, val in scope.get("headers", []):
            if k == b"content-length":
                try:
                    too_big = int(val) > limit
                except ValueError:
                    too_big = False
                if too_big:
                    resp = error_response(
                        413, "too_large", f"body over {limit} bytes", "send a smaller body"
                    )
                    await resp(scope, receive, send)
                    return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            msg = await receive()
            seen += len(msg.get("body", b""))
            if seen > limit:
                # FastAPI re-raises HTTPExceptions met while reading the body; the error
                # handler turns it into the JSON error shape.
                raise HTTPException(413, f"body over {limit} bytes")
            return msg

        await self.app(scope, counted, send)


class RateLimit:
    """A fixed-window counter per client address, in this process only.

    Enough to stop one client from hammering a single-process server; a deployment behind a
    proxy with several workers needs the proxy's limiter instead (documented in the README).
    ``/api/analyze`` and writes cost ``heavy_cost`` requests: they run the NLP pipeline.
    """

    def __init__(
        self, app: ASGIApp, per_minute: int, heavy_cost: int = 10, window_s: float = 60.0
    ) -> None:
        self.app, self.per_minute, self.heavy_cost, self.window_s = (
            app,
            per_minute,
            heavy_cost,
            window_s,
        )
        self._lock = threading.Lock()
        self._counts: dict[str, tuple[float, int]] = {}

    def _take(self, who: str, cost: int) -> float:
        """0 when allowed, else seconds until the window resets."""
        now = time.monotonic()
        with self._lock:
            start, used = self._counts.get(who, (now, 0))
            if now - start >= self.window_s:
                start, used = now, 0
            if used + cost > self.per_minute:
                self._counts[who] = (start, used)
                return self.window_s - (now - start)
            self._counts[who] = (start, used + cost)
            if len(self._counts) > 10_000:  # forget idle clients: bounded memory
                self._counts = {k: v for k, v in self._counts.items() if now - v[0] < self.window_s}
            return 0.0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.per_minute <= 0:
            await self.app(scope, receive, send)
            return
        client = scope.get("client") or ("?", 0)
        heavy = scope.get("method") == "POST"
        wait = self._take(str(client[0]), self.heavy_cost if heavy else 1)
        if wait > 0:
            resp = error_response(
                429,
                "rate_limited",
                f"more than {self.per_minute} requests a minute",
                "wait and retry (see Retry-After)",
                {"Retry-After": str(math.ceil(wait))},
            )
            await resp(scope, receive, send)
            return
        await self.app(scope, receive, send)
