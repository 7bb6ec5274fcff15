"""The last day of a stated day range (extract/dates/ranges.py)."""

from __future__ import annotations

import pytest

from peacewatch.extract.dates.ranges import range_end


@pytest.mark.parametrize(
    ("after", "start", "end"),
    [
        ("-13.", "2021-06-06", "2021-06-13"),
        (" to 10 to support", "2021-06-03", "2021-06-10"),
        (" to June 6.", "2021-05-31", "2021-06-06"),
        (" through January 2", "2021-12-30", "2022-01-02"),
        (" to discuss", "2021-06-03", None),
        (" to 10,000 people", "2021-06-03", None),
        (" and 5", "2021-06-03", None),  # two days, not a range
        ("-2", "2021-06-03", None),  # would end before it starts
        ("-13", "2021-06", None),  # a month is no first day
    ],
)
def test_range_end(after: str, start: str, end: str | None) -> None:
    assert range_end(after, start) == end
