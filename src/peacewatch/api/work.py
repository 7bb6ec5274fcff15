"""Analysis off the request threads: a bounded queue, length limits, a time limit.

Why: one 490,000-character request once ran for 280 s while 45 small ones queued behind it
held every worker thread of the server, so ``/api/health`` timed out (issue 18). Now:

- analysis runs on a pool of its own (``AnalysisQueue``), never on the thread pool that serves
  reads, and the analysis routes are ``async``: a waiting analysis holds no thread at all;
- the queue is bounded: when ``workers + depth`` analyses are running or waiting, the next one
  is answered 503 with Retry-After at once instead of piling up;
- the cleaned text is measured before spaCy sees it (``check_size``): the parse and the
  negotiation stage grow faster than linearly with a paragraph's length (2.5 s at 80,000
  characters), so both one paragraph and the whole text have a limit;
- the request waits at most ``timeout`` seconds. A Python thread cannot be killed, so an
  analysis past its deadline stops at the next stage boundary (``staged``); the length limits
  bound what is left of it.
"""

from __future__ import annotations

import asyncio
import math
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from peacewatch.api.errors import ApiError
from peacewatch.limits import Limits
from peacewatch.records import Document

T = TypeVar("T")


def check_size(doc: Document, limits: Limits) -> None:
    """Refuse (413) a cleaned document whose text or one paragraph is over its limit."""
    lengths = [p.end - p.start for p in doc.body.paragraphs]
    total = sum(lengths)
    if total > limits.max_chars:
        raise ApiError(
            413,
            "text_too_long",
            f"the article's text has {total:,} characters; the limit is {limits.max_chars:,}",
            "send a shorter article or split it; the server's operator can raise the limit "
            "with `peacewatch serve --max-chars`",
        )
    longest = max(lengths, default=0)
    if longest > limits.max_paragraph:
        at = lengths.index(longest) + 1
        raise ApiError(
            413,
            "paragraph_too_long",
            f"paragraph {at} has {longest:,} characters; the limit is {limits.max_paragraph:,}",
            "separate its paragraphs with blank lines (news paragraphs run under 5,000 "
            "characters); the operator can raise the limit with `peacewatch serve "
            "--max-paragraph`",
        )


class TimedOut(Exception):
    """An analysis passed its deadline; raised between stages, so the worker is freed."""


class AnalysisQueue:
    """A thread pool with a bound on running plus waiting jobs."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self._pool = ThreadPoolExecutor(limits.workers, thread_name_prefix="pw-analysis")
        self._lock = threading.Lock()
        self.in_flight = 0  # running plus waiting
        # Seconds the last finished analysis took: the Retry-After a full queue answers.
        self._last_s = 1.0

    def _take(self) -> bool:
        with self._lock:
            if self.in_flight >= self.limits.workers + self.limits.depth:
                return False
            self.in_flight += 1
            return True

    def _release(self, _fut: object = None) -> None:
        with self._lock:
            self.in_flight -= 1

    def submit(self, job: Callable[[], T]) -> Future[T]:
        if not self._take():
            with self._lock:
                wait = max(1, math.ceil(self._last_s))
            raise ApiError(
                503,
                "busy",
                "the server is analysing as many articles as it queues",
                "retry after the seconds in Retry-After",
                {"Retry-After": str(wait)},
            )

        def timed() -> T:
            start = time.monotonic()
            try:
                return job()
            finally:
                with self._lock:
                    self._last_s = time.monotonic() - start

        try:
            fut = self._pool.submit(timed)
        except BaseException:
            self._release()
            raise
        fut.add_done_callback(self._release)
        return fut

    async def run(self, job: Callable[[float], T]) -> T:
        """``job(deadline)`` on the pool; 503 when the queue is full or the time limit passes.

        A job still waiting in the queue at its deadline is cancelled (wrap_future passes the
        cancellation on); a running one is told by its deadline to stop at the next stage.
        """
        timeout = self.limits.timeout_s
        deadline = time.monotonic() + timeout
        fut = self.submit(lambda: job(deadline))
        try:
            return await asyncio.wait_for(asyncio.wrap_future(fut), timeout)
        except TimeoutError as exc:
            raise timed_out(timeout) from exc

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def timed_out(timeout: float) -> ApiError:
    return ApiError(
        503,
        "analysis_timeout",
        f"the analysis took longer than {timeout:g} s",
        "send a shorter article; the operator can raise the limit with `peacewatch serve "
        "--analyze-timeout`",
    )
