"""Calendar arithmetic for resolving time expressions: months, weeks, weekends, seasons and
parts of a month as date ranges, shifts, and the coarser of two precisions."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from geo.date_grammar import SEASON_START
from geo.model import PRECISIONS, DateRange


def month_range(year: int, month: int) -> tuple[date, date]:
    """First and last day of ``month`` in ``year``."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def month_year(published: date, month: int, ahead: bool) -> int:
    """The year of ``month`` named without one, from ``published``: with ``ahead`` the next
    such month from ``published``'s on (its own month included), else the latest up to it."""
    if ahead:
        return published.year if month >= published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """``(year, month)`` moved by ``delta`` months (negative goes back)."""
    k = year * 12 + (month - 1) + delta
    return k // 12, k % 12 + 1


def week_of(d: date) -> tuple[date, date]:
    """Monday and Sunday of the week holding ``d``."""
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def season_range(year: int, season: str) -> tuple[date, date]:
    """The season that starts in ``year`` (winter: December ``year`` to February)."""
    first = SEASON_START[season]
    y2, m2 = add_months(year, first, 2)
    return date(year, first, 1), month_range(y2, m2)[1]


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date ``year-month-day``, or None when it does not exist."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def coarser(a: str, b: str) -> str:
    """The coarser of the precisions ``a`` and ``b`` (by :data:`PRECISIONS`)."""
    return a if PRECISIONS.index(a) >= PRECISIONS.index(b) else b


def shift_range(r: DateRange, days: int, precision: str | None = None) -> DateRange:
    """``r`` moved by ``days`` days, at ``precision`` if given else ``r``'s."""
    delta = timedelta(days=days)
    return DateRange(r.start + delta, r.end + delta, precision or r.precision)


def date_range(start: date, end: date, precision: str) -> DateRange:
    """A :class:`DateRange` from ``start`` to ``end`` at ``precision``."""
    return DateRange(start, end, precision)


def month_part(start: date, end: date, part: str) -> DateRange:
    """Early (1–10), mid (11–20) or late (21–end) month; precision ``week``."""
    part = part.removeprefix("the ").removesuffix(" in")
    if part in ("early", "beginning of", "start of"):
        return date_range(start, start.replace(day=10), "week")
    if part in ("mid", "middle of"):
        return date_range(start.replace(day=11), start.replace(day=20), "week")
    return date_range(start.replace(day=21), end, "week")


def year_part(year: int, part: str) -> DateRange:
    """Early (January–April), mid (May–August) or late (September–December) ``year``, as
    a part of a month is its thirds (:func:`month_part`, the same words: "late 2014", "the
    end of last year", "mid-2016"); precision ``season``."""
    part = part.removeprefix("the ").removesuffix(" in")
    if part in ("early", "beginning of", "start of"):
        return date_range(date(year, 1, 1), date(year, 4, 30), "season")
    if part in ("mid", "middle of"):
        return date_range(date(year, 5, 1), date(year, 8, 31), "season")
    return date_range(date(year, 9, 1), date(year, 12, 31), "season")


def period_step(d: date, unit: str, step: int) -> DateRange:
    """The week, weekend, month or year containing ``d``, moved by ``step`` of them."""
    if unit in ("week", "weekend"):
        monday = week_of(d)[0] + timedelta(weeks=step)
        if unit == "weekend":
            return date_range(monday + timedelta(days=5), monday + timedelta(days=6), "day")
        return date_range(monday, monday + timedelta(days=6), "week")
    if unit == "month":
        y, mo = add_months(d.year, d.month, step)
        return date_range(*month_range(y, mo), "month")
    return date_range(date(d.year + step, 1, 1), date(d.year + step, 12, 31), "year")


def season_step(d: date, season: str, step: int) -> DateRange:
    """The season named ``season``: the last one ended before ``d`` (step -1), the first
    one starting after it (step 1), or the one of ``d``'s season-year (step 0)."""
    year = d.year - 1 if season == "winter" and d.month <= 2 else d.year
    start, end = season_range(year, season)
    if step < 0 and end >= d:
        year -= 1
    elif step > 0 and start <= d:
        year += 1
    return date_range(*season_range(year, season), "season")
