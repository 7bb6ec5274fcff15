"""Derived data computed once per store state (issue 19): facets, the negotiation index,
position statuses.

On 100,000 documents each of these reads every current document (seconds); recomputed per
request they made /api/facets and /api/negotiation the slowest reads. A value is kept for the
store state it was computed from (store/claims.py ``store_state``) and recomputed when that
changes. A lock per name makes concurrent misses compute once: eight clients arriving
together on a cold server otherwise each computed the same seconds-long value.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")

_values: dict[str, tuple[Hashable, object]] = {}
_locks: dict[str, threading.Lock] = {}
_guard = threading.Lock()


def per_state(name: str, state: Hashable, compute: Callable[[], T]) -> T:
    """The value ``compute()`` gave for ``state``: kept until the state changes (one state per
    name: a server reads one store state at a time)."""
    hit = _values.get(name)  # one lookup: another thread may replace it meanwhile
    if hit is not None and hit[0] == state:
        return hit[1]  # type: ignore[return-value]
    with _guard:
        lock = _locks.setdefault(name, threading.Lock())
    with lock:
        hit = _values.get(name)
        if hit is not None and hit[0] == state:  # computed while this thread waited
            return hit[1]  # type: ignore[return-value]
        value = compute()
        _values[name] = (state, value)
        return value


def forget() -> None:
    """Drop every cached value (tests that rewrite a store in place)."""
    _values.clear()
