"""Dates written for people, with the precision the source gave them.

One implementation for every place the site shows a date (popups, the event list, embeds,
static images)::

    >>> from datetime import date
    >>> date_label(date(2024, 10, 14), date(2024, 10, 14), "day")
    '14 Oct 2024'
    >>> date_label("2024-09-01", "2024-09-30", "month")
    'September 2024'
    >>> date_label("2024-06-01", "2024-08-31", "season")
    'summer 2024'

Seasons are the meteorological seasons of the northern hemisphere (spring Mar–May, summer
Jun–Aug, autumn Sep–Nov, winter Dec–Feb), which is how "this summer" is written in the news
the project reads. Ranges that do not match their precision (a "month" event running from
10 Sep to 4 Oct) are written with the months they touch ("September – October 2024"), so a
label never claims more precision than the dates carry, nor less.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from layers.errors import SiteError
from layers.schema import DATE_PRECISIONS

__all__ = ["date_label", "parse_day"]

#: The site's own English date labels ("12 March 2024", "spring 2024"): an output format,
#: like the templates' text, not words read in news (those are geo/data/dates.yaml).
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_SEASONS = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}
_DASH = "–"  # en dash: closed up between numbers, spaced between words


def parse_day(value: Any) -> date:
    """Return ``value`` as a :class:`datetime.date`.

    Accepts a ``date``, a ``datetime`` (or pandas ``Timestamp``; the time is dropped) or an ISO
    string (``YYYY-MM-DD``, optionally followed by a time). Raises :class:`SiteError` naming
    the value otherwise.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            pass
    raise SiteError(f"not a date: {value!r}; expected an ISO date such as 2024-10-14")


def _day(d: date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1][:3]} {d.year}"


def _day_range(start: date, end: date) -> str:
    if start == end:
        return _day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}{_DASH}{end.day} {_MONTHS[start.month - 1][:3]} {start.year}"
    if start.year == end.year:
        return f"{start.day} {_MONTHS[start.month - 1][:3]} {_DASH} {_day(end)}"
    return f"{_day(start)} {_DASH} {_day(end)}"


def _month_range(start: date, end: date) -> str:
    first = _MONTHS[start.month - 1]
    last = _MONTHS[end.month - 1]
    if (start.year, start.month) == (end.year, end.month):
        return f"{first} {start.year}"
    if start.year == end.year:
        return f"{first} {_DASH} {last} {start.year}"
    return f"{first} {start.year} {_DASH} {last} {end.year}"


def _season_start(d: date) -> tuple[int, int]:
    """(year, first month) of the meteorological season containing ``d``."""
    if d.month == 12:
        return d.year, 12
    if d.month <= 2:
        return d.year - 1, 12
    return d.year, d.month - (d.month % 3)


def _season(start: date, end: date) -> str | None:
    """'summer 2024' when start and end fall in one season, else ``None``."""
    first = _season_start(start)
    if first != _season_start(end):
        return None
    year, month = first
    name = _SEASONS[month]
    if month == 12:
        return f"{name} {year}{_DASH}{str(year + 1)[-2:]}"
    return f"{name} {year}"


def _year_range(start: date, end: date) -> str:
    if start.year == end.year:
        return str(start.year)
    return f"{start.year}{_DASH}{end.year}"


def date_label(start: Any, end: Any, precision: str) -> str:
    """Write the inclusive range ``start``..``end`` for people, at ``precision``.

    ``precision`` is one of ``day``, ``week``, ``month``, ``season``, ``year``, ``unknown``
    (see :data:`layers.schema.DATE_PRECISIONS`). Examples of what it returns:

    - day: ``14 Oct 2024``, ``14–15 Oct 2024``, ``30 Sep – 2 Oct 2024``,
      ``30 Dec 2024 – 2 Jan 2025``
    - week: ``week of 7 Oct 2024`` (a range of up to seven days; longer ranges are written
      as day ranges)
    - month: ``September 2024``, ``September – October 2024``,
      ``December 2024 – January 2025``
    - season: ``summer 2024``, ``winter 2024–25`` (a range outside one season is written
      as its months)
    - year: ``2024``, ``2023–2024``
    - unknown: ``around 14 Oct 2024`` (the day range prefixed with "around")

    ``start`` and ``end`` may be dates or ISO strings. Raises :class:`SiteError` for a value
    that is not a date, an end before the start, or an unknown precision.
    """
    first = parse_day(start)
    last = parse_day(end)
    if last < first:
        raise SiteError(f"date range ends before it starts: {first} > {last}")
    if precision == "day":
        return _day_range(first, last)
    if precision == "week":
        if (last - first).days <= 6:
            return f"week of {_day(first)}"
        return _day_range(first, last)
    if precision == "month":
        return _month_range(first, last)
    if precision == "season":
        return _season(first, last) or _month_range(first, last)
    if precision == "year":
        return _year_range(first, last)
    if precision == "unknown":
        return f"around {_day_range(first, last)}"
    raise SiteError(
        f"unknown date precision {precision!r}; expected one of {', '.join(DATE_PRECISIONS)}"
    )
