"""Corpus-level analysis across documents: deduplication and corroboration."""

from __future__ import annotations

from datetime import date


def iso_day(value: str | None) -> date | None:
    """The day of an ISO date or timestamp ("2022-03-29", "2022-03-29T10:00"); None for a
    month, a year or anything unreadable (records keep dates at their own precision)."""
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None
