"""A yearless day just before publication under a future verb stays in that year."""

from __future__ import annotations

import datetime as dt

from peacewatch.extract.dates.rules import resolve_absolute

BASE = dt.date(2021, 6, 1)


def test_a_trip_under_way_is_this_years() -> None:
    got = resolve_absolute("May 31", BASE, False, "future")
    assert got is not None and got.value == "2021-05-31"


def test_a_future_day_months_back_is_next_years() -> None:
    got = resolve_absolute("March 3", BASE, False, "future")
    assert got is not None and got.value == "2022-03-03"
