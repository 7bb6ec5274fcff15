"""Keyset paging for the list endpoints: opaque cursors, and totals counted once per filter.

A cursor holds the sort key of the last row of a page (query.py's ORDER BY of that list);
the next page starts after it with a WHERE on the index order, so page 1,000 costs what page 1
does (an ``offset`` walks every row before it). The token is base64 of JSON, not signed: it
says where to start, which any client may ask for anyway, and every value in it is bound.

Totals: a list's total does not depend on the page, so it is counted once per filter and
store state (store/claims.py ``store_state``, in the key the caller passes) and reused until
the state changes: paging through a list, or eight clients reading the same first page, count
once. A write from any process (``peacewatch ingest`` too) changes the state, so totals are
never stale; the pages themselves are always read fresh. (A 2 s lifetime was the rule before:
on 100,000 documents one request in each 2 s paid a bounded count of 0.2-0.8 s, the p95 tail
of the lists with 8 clients, BENCHMARKS.md.)
"""

from __future__ import annotations

import base64
import binascii
import json
import threading
from collections.abc import Hashable, Mapping
from datetime import date

from peacewatch.api.errors import ApiError

NEGOTIATION_KINDS = ("rounds", "commitments", "agreements")
# The sort key of each list, as fields of its rows, in query.py's ORDER BY order.
KEYS: dict[str, tuple[str, ...]] = {
    "events": ("date_start", "version_id", "idx"),
    "quotes": ("published", "version_id", "idx"),
    "places": ("published", "version_id", "idx"),
    "positions": ("published", "version_id", "idx"),
    "documents": ("published", "id"),
    # Full-text search (store/search.py): newest first, then the kind and place in a document.
    "search": ("day", "version_id", "rank", "idx"),
    # /negotiation, one cursor per section (api/reads.negotiation_page): document order.
    **{f"negotiation.{k}": ("published", "version_id", "idx") for k in NEGOTIATION_KINDS},
}
_MAX_TOTALS = 512

BAD = "pass the next_cursor of the previous page unchanged (or leave cursor out for page 1)"


def encode(kind: str, row: Mapping[str, object]) -> str:
    key = [["d", x.isoformat()] if isinstance(x, date) else x for x in map(row.get, KEYS[kind])]
    raw = json.dumps({"k": kind, "a": key}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(kind: str, cursor: str) -> tuple[object, ...]:
    """The sort key a cursor of list ``kind`` holds; 422 for anything else."""
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if raw["k"] != kind or len(raw["a"]) != len(KEYS[kind]):
            raise ValueError(f"a cursor of {raw['k']!r}")
        out = tuple(_value(x) for x in raw["a"])
    except (ValueError, KeyError, TypeError, binascii.Error) as exc:
        raise ApiError(422, "invalid_request", f"cursor: not a cursor of /{kind}", BAD) from exc
    if any(x is None for x in out[1:]):  # only the first key (a date) can be missing
        raise ApiError(422, "invalid_request", f"cursor: not a cursor of /{kind}", BAD)
    return out


def _value(x: object) -> object:
    if isinstance(x, list) and len(x) == 2 and x[0] == "d":
        return date.fromisoformat(x[1])
    if x is None or (isinstance(x, str | int) and not isinstance(x, bool)):
        return x
    raise ValueError(f"unexpected value {x!r}")


_totals: dict[Hashable, int] = {}
_lock = threading.Lock()


def cached_total(key: Hashable) -> int | None:
    with _lock:
        return _totals.get(key)


def keep_total(key: Hashable, total: int) -> None:
    with _lock:
        if len(_totals) >= _MAX_TOTALS:
            _totals.clear()  # bounded memory; the next requests count again
        _totals[key] = total


def forget_totals() -> None:
    """After a write through the API: its own totals are never stale."""
    with _lock:
        _totals.clear()
