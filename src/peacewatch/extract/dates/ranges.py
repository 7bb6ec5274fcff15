"""The last day of a stated day range: "June 6-13", "from June 3 to 10", "May 31 to June 6".

The date stage resolves the first day of such a phrase (its TimeExpression); a trip or a
conference that spans the range keeps its end too (records.Round.date_end). Read from the text
right after the first day's expression, so only a range written as one phrase counts.
"""

from __future__ import annotations

import datetime as dt
import re

from peacewatch.extract.dates.rules import MONTH_RE, month_number

_END = re.compile(
    rf"^\s*(?:-|–|—|to|through|until)\s*(?:(?P<month>{MONTH_RE})\.?\s+)?(?P<day>\d{{1,2}})\b"
    r"(?!\s*(?:,\d|\d|%|percent|people|per))"
)


def range_end(after: str, start: str) -> str | None:
    """ISO last day of the range whose first day ``start`` (ISO, day precision) is followed by
    the text ``after``; None when no range follows or it would end before it starts."""
    m = _END.match(after)
    if m is None or len(start) != 10:
        return None
    first = dt.date.fromisoformat(start)
    month = month_number(m.group("month")) if m.group("month") else first.month
    year = first.year + (1 if month < first.month else 0)  # "December 30 to January 2"
    try:
        last = dt.date(year, month, int(m.group("day")))
    except ValueError:
        return None
    return last.isoformat() if first < last <= first + dt.timedelta(days=62) else None
