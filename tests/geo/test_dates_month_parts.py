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


def test_a_part_before_last_or_next_month_narrows_that_month() -> None:
    assert _ranges("Police found the car early last December.") == [
        DateRange(date(2017, 12, 1), date(2017, 12, 10), "week")
    ]
    assert _ranges("The works end in late next May.") == [
        DateRange(date(2018, 5, 21), date(2018, 5, 31), "week")
    ]


def test_a_part_before_last_week_or_a_comma_is_no_part_of_a_month() -> None:
    # counter-examples: "early" before "last week" or set off by a comma stays out
    assert _ranges("He left early last week.") == [
        DateRange(date(2018, 3, 26), date(2018, 4, 1), "week")
    ]
    assert _ranges("We left early, last December.") == [
        DateRange(date(2017, 12, 1), date(2017, 12, 31), "month")
    ]
