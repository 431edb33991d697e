"""Dates for people: the labels popups, lists and images show."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from layers import SiteError
from layers.dates import date_label, parse_day


@pytest.mark.parametrize(
    ("start", "end", "precision", "expected"),
    [
        ("2024-10-14", "2024-10-14", "day", "14 Oct 2024"),
        ("2024-10-14", "2024-10-15", "day", "14–15 Oct 2024"),
        ("2024-09-30", "2024-10-02", "day", "30 Sep – 2 Oct 2024"),
        ("2024-12-30", "2025-01-02", "day", "30 Dec 2024 – 2 Jan 2025"),
        ("2024-10-07", "2024-10-13", "week", "week of 7 Oct 2024"),
        ("2024-10-07", "2024-10-20", "week", "7–20 Oct 2024"),
        ("2024-09-01", "2024-09-30", "month", "September 2024"),
        ("2024-09-10", "2024-10-04", "month", "September – October 2024"),
        ("2023-12-01", "2024-01-31", "month", "December 2023 – January 2024"),
        ("2024-06-01", "2024-08-31", "season", "summer 2024"),
        ("2024-03-01", "2024-05-31", "season", "spring 2024"),
        ("2024-09-01", "2024-11-30", "season", "autumn 2024"),
        ("2024-12-01", "2025-02-28", "season", "winter 2024–25"),
        ("2025-01-01", "2025-02-28", "season", "winter 2024–25"),
        ("2024-05-01", "2024-07-31", "season", "May – July 2024"),
        ("2024-01-01", "2024-12-31", "year", "2024"),
        ("2023-01-01", "2024-12-31", "year", "2023–2024"),
        ("2024-10-14", "2024-10-14", "unknown", "around 14 Oct 2024"),
        ("2024-10-14", "2024-10-16", "unknown", "around 14–16 Oct 2024"),
    ],
)
def test_labels_match_precision(start: str, end: str, precision: str, expected: str) -> None:
    assert date_label(start, end, precision) == expected


def test_accepts_dates_datetimes_and_timestamps() -> None:
    pd = pytest.importorskip("pandas")
    assert date_label(date(2025, 3, 2), datetime(2025, 3, 2, 23, 59), "day") == "2 Mar 2025"
    assert date_label(pd.Timestamp("2025-03-02"), "2025-03-02T10:00:00", "day") == "2 Mar 2025"


def test_parse_day_rejects_non_dates_naming_the_value() -> None:
    with pytest.raises(SiteError, match="'last Tuesday'"):
        parse_day("last Tuesday")
    with pytest.raises(SiteError, match="None"):
        parse_day(None)


def test_end_before_start_is_an_error() -> None:
    with pytest.raises(SiteError, match="ends before it starts"):
        date_label("2024-10-15", "2024-10-14", "day")


def test_unknown_precision_names_the_value() -> None:
    with pytest.raises(SiteError, match="'fortnight'"):
        date_label("2024-10-14", "2024-10-14", "fortnight")
