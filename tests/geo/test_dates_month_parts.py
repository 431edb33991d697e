"""A part of a month told with "in" ("early in March 2018") dates as "early March 2018" does;
"early in the morning" before a month is no part of it."""

from __future__ import annotations

from datetime import date

from geo.dates import find_dates
from geo.model import DateRange

PUBLISHED = date(2018, 4, 5)


def _ranges(text: str) -> list[DateRange]:
    return [e.range for e in find_dates(text, PUBLISHED)]


def test_early_in_a_month_is_its_first_days() -> None:
    assert _ranges("Early in March 2018, the firm installed a buoy.") == [
        DateRange(date(2018, 3, 1), date(2018, 3, 10), "week")
    ]
    assert _ranges("Late in January 2018, the firm installed a buoy.") == [
        DateRange(date(2018, 1, 21), date(2018, 1, 31), "week")
    ]


def test_early_in_the_morning_is_no_part_of_the_month() -> None:
    assert _ranges("It happened early in the morning in March 2018.") == [
        DateRange(date(2018, 3, 1), date(2018, 3, 31), "month")
    ]
