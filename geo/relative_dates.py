"""Resolving the time expressions that are relative to the publication date or to the last
date of the text: periods ("last week", "earlier this month", "this summer", "over the
weekend"), counts ("three days ago", "two weeks later"), anaphors ("the day before", "on the
same day", "that week") and vague spans ("recently", "in the coming days")."""

from __future__ import annotations

import re
from datetime import date, timedelta

from geo.date_arithmetic import (
    add_months,
    coarser,
    date_range,
    month_part,
    month_range,
    period_step,
    safe_date,
    season_step,
    shift_range,
    week_of,
    year_part,
)
from geo.date_grammar import DATE_DATA, NUMBERS, SEASON_START
from geo.date_relations import dates_a_clause, event_follows
from geo.date_resolvers import DateContext
from geo.model import PRECISIONS, DateRange
from geo.vocabulary import alternation


def resolve_period(ctx: DateContext, m: re.Match[str]) -> tuple[DateRange, str] | None:
    """ "last week", "the following month", "in the past year", a third of a year or month
    named relative to P ("late last year", "early next month")…, or None."""
    unit = m.group("p_unit").lower()
    mod2 = m.group("p_mod2")
    mod = " ".join((mod2 or m.group("p_mod")).lower().split())
    if mod2 is not None and mod in ("last", "coming"):
        mod = "past" if mod == "last" else "next"  # "in the last week": the past seven days
    anaphoric = mod in ("previous", "following", "subsequent", "same") or (
        mod2 is not None and mod == "next"
    )
    if anaphoric:
        base = ctx.anchor or (DateRange.day(ctx.published) if ctx.published is not None else None)
        if base is None:
            return None
        step = {"previous": -1, "same": 0}.get(mod, 1)
        if unit in SEASON_START:
            return season_step(base.start, unit, step), "anaphoric"
        return period_step(base.start, unit, step), "anaphoric"
    p = ctx.published
    if p is None:
        return None
    if mod == "past" and unit in ("week", "month", "year"):
        days = {"week": 7, "month": 30, "year": 365}[unit]
        return date_range(p - timedelta(days=days), p, unit), "relative"
    if mod in ("over the", "in the", "during the", "at the", "throughout the"):
        # "will graduate in the spring": the season of P's season-year unless it is over
        # (:func:`_season` moves it by the clause's tense), so in March this spring
        mod = "this"
        if unit in ("week", "month", "year"):
            return None  # "in the week" is not a date on its own
    step = {"last": -1, "next": 1, "coming": 1}.get(mod, 0)
    if unit in SEASON_START:
        return _season(ctx, m, p, unit, step, past=mod == "past"), "relative"
    if mod == "past" and unit == "weekend":
        mod = "last"
    if mod == "a":
        # "at a weekend rally", "in a weekend statement": news names the weekend just gone
        # (6 of the 7 uses on LGL, GeoWebNews and TR-News; the seventh generic)
        mod = "last" if p.weekday() < 5 else "this"
    if unit == "weekend":
        return _weekend(ctx, m, p, mod), "relative"
    r = period_step(p, unit, step)
    part = m.group("p_part")
    if part and unit in ("year", "month"):
        # "late last year", "early next month", "the end of this year": a third of it
        part = " ".join(part.lower().split())
        r = year_part(r.start.year, part) if unit == "year" else month_part(r.start, r.end, part)
    if mod == "earlier this":
        return date_range(r.start, max(r.start, p), unit), "relative"
    if mod == "later this":
        return date_range(min(p, r.end), r.end, unit), "relative"
    if mod == "this" and r.end > p and ctx.tense(m.start(), m.end()) == "past":
        # "traveled to Nashville this week": what is told as done is done by publication
        return date_range(r.start, max(r.start, p), r.precision), "relative"
    return r, "relative"


def _season(
    ctx: DateContext, m: re.Match[str], p: date, season: str, step: int, *, past: bool = False
) -> DateRange:
    """ "last summer", "next winter", "this summer", "over the summer" relative to P; with
    ``past`` ("this past summer") the latest one begun by P, whatever the clause's tense."""
    if step:
        return season_step(p, season, step)
    r = season_step(p, season, 0)
    tense = "past" if past else ctx.tense(m.start(), m.end())
    if tense == "past" and r.start > p:
        return season_step(p, season, -1)
    if tense == "future" and r.end < p:
        return season_step(p, season, 1)
    return r


def _weekend(ctx: DateContext, m: re.Match[str], p: date, mod: str) -> DateRange:
    """Saturday–Sunday: "last weekend" ended before P, "next weekend" starts after it,
    "this/over the weekend" is the latest one up to P in a past clause, else this week's."""
    saturday = week_of(p)[0] + timedelta(days=5)
    if mod == "last":
        if saturday + timedelta(days=1) >= p:
            saturday -= timedelta(days=7)
    elif mod in ("next", "coming"):
        if saturday <= p:
            saturday += timedelta(days=7)
    elif ctx.tense(m.start(), m.end()) != "future" and saturday > p:
        saturday -= timedelta(days=7)
    return date_range(saturday, saturday + timedelta(days=1), "day")


#: The days "recently" reaches back from publication (and "in the coming days" ahead): what
#: a report with no date tells as recent news (:func:`geo.compatibility.recalled`).
RECENTLY_DAYS = 30

#: A comma and an optional opener between a date and a count set off after it (see
#: ``apposed_count_openers`` in ``geo/data/dates.yaml``).
_APPOSED_COUNT = re.compile(
    rf"\s*,\s*(?:(?:{alternation(DATE_DATA['apposed_count_openers'])})\s+)?",
    re.IGNORECASE,
)


#: A word right after "N days after/before": the phrase goes on to name what it is
#: relative to ("two days after heavy rain", "a week before talks"), whereas "two days
#: after, …" and "a week before." count from the last date.
_WORD_NEXT = re.compile(r"[ \t]+[A-Za-z]")


def resolve_ago(ctx: DateContext, m: re.Match[str]) -> tuple[DateRange, str] | None:
    """ "three days ago", "two weeks later", "a month after"…, or None."""
    raw = " ".join(m.group("ago_n").lower().split())
    n = int(raw) if raw.isdigit() else NUMBERS.get(raw)
    if n is None:
        return None
    unit = m.group("ago_u").lower().rstrip("s")
    direction = m.group("ago_dir").lower()
    sign = 1 if direction in ("later", "after", "since") else -1
    if direction in ("after", "before") and dates_a_clause(ctx, m, -sign * n, unit):
        return None
    if direction in ("after", "before") and event_follows(ctx.text, m.end()):
        # "two days after the summit": relative to an event, dated once the text's dates
        # are known (:func:`resolve_on_events`)
        ctx.on_events.append((m, sign * n, unit))
        return None
    if direction in ("after", "before") and _WORD_NEXT.match(ctx.text, m.end()):
        # "three days after heavy rainfall broke its banks": relative to a happening the
        # text does not date here, not to the last date or the publication day
        return None
    if (
        direction != "ago"
        and ctx.anchor is not None
        and _APPOSED_COUNT.fullmatch(ctx.text, ctx.anchor_end, m.start())
    ):
        # "On Monday, about three months later, …": the count restates Monday's distance
        # from an earlier happening; Monday is the date
        return ctx.anchor, "anaphoric"
    if direction == "ago" and m.group("ago_today") and ctx.published is not None:
        return _ago_today(ctx.published, n, unit, m.group("ago_today").lower()), "relative"
    if direction == "ago":
        base = DateRange.day(ctx.published) if ctx.published is not None else None
        kind = "relative"
    else:
        base = ctx.anchor or (DateRange.day(ctx.published) if ctx.published is not None else None)
        kind = "anaphoric"
    if base is None:
        return None
    d = base.start
    if unit == "day":
        return shift_range(base, sign * n), kind
    if unit == "week":
        if base.rank > PRECISIONS.index("week"):  # "three weeks before" a month: shift it
            return shift_range(base, 7 * sign * n), kind
        return date_range(*week_of(d + timedelta(weeks=sign * n)), "week"), kind
    if unit == "month":
        y, mo = add_months(d.year, d.month, sign * n)
        return date_range(*month_range(y, mo), coarser(base.precision, "month")), kind
    return date_range(date(d.year + sign * n, 1, 1), date(d.year + sign * n, 12, 31), "year"), kind


def _ago_today(p: date, n: int, unit: str, today: str) -> DateRange:
    """ "15 years ago today": the publication day (or its week or month, for "ago this week")
    moved back N units, as precise as the anniversary word."""
    if unit == "day":
        d = p - timedelta(days=n)
    elif unit == "week":
        d = p - timedelta(weeks=n)
    else:
        months = n * (12 if unit == "year" else 1)
        y, mo = add_months(p.year, p.month, -months)
        d = safe_date(y, mo, p.day) or month_range(y, mo)[1]
    if today == "today":
        return date_range(d, d, "day")
    if today == "this week":
        return date_range(*week_of(d), "week")
    return date_range(*month_range(d.year, d.month), "month")


def resolve_anaphor(ctx: DateContext, m: re.Match[str]) -> tuple[DateRange, str] | None:
    """ "the next day", "that week"… from the last resolved date, or None."""
    base = ctx.anchor or (DateRange.day(ctx.published) if ctx.published is not None else None)
    if base is None:
        return None
    phrase = " ".join(m.group("anaphor").lower().split())
    if phrase.endswith(("after", "before")) and event_follows(ctx.text, m.end()):
        # "the day after the vote": relative to an event, not to the last date
        ctx.on_events.append((m, 1 if phrase.endswith("after") else -1, "day"))
        return None
    if phrase.endswith("week"):
        return period_step(base.start, "week", 0), "anaphoric"
    if phrase.endswith("month"):
        return period_step(base.start, "month", 0), "anaphoric"
    if any(w in phrase for w in ("before", "previous", "preceding", "earlier")):
        return shift_range(base, -1), "anaphoric"
    if any(w in phrase for w in ("after", "next", "following")) or phrase.startswith(
        ("a day later", "one day later", "the day later")
    ):
        return shift_range(base, 1), "anaphoric"
    return base, "anaphoric"  # the same day, that day, hours later


def resolve_evrel(ctx: DateContext, m: re.Match[str]) -> tuple[DateRange, str] | None:
    """ "Hours after the earthquake", "days before the vote": only ever relative to an event
    the text dates (:func:`resolve_on_events`); nothing on its own."""
    if event_follows(ctx.text, m.end()):
        sign = 1 if m.group("ev_dir").lower() == "after" else -1
        ctx.on_events.append((m, sign, m.group("ev_u").lower()))
    return None


def resolve_vague(ctx: DateContext, m: re.Match[str]) -> tuple[DateRange, str] | None:
    """ "recently", "in the coming weeks"… as a wide range around the publication day, or None."""
    p = ctx.published
    if p is None:
        return None
    phrase = m.group("vague").lower()
    if "coming" in phrase or "future" in phrase:
        days = 90 if "month" in phrase else RECENTLY_DAYS
        return date_range(p, p + timedelta(days=days), "unknown"), "vague"
    days = RECENTLY_DAYS
    if "month" in phrase:
        days = 180
    elif "year" in phrase:
        days = 3 * 365
    elif "days" in phrase:
        days = 10
    return date_range(p - timedelta(days=days), p, "unknown"), "vague"
