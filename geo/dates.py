"""Temporal tagging: the dates a news text speaks of, anchored on its publication date.

:func:`find_dates` finds candidate spans with one compiled regex (month names only when
capitalised and backed by a day, a year or a preposition; weekdays; "yesterday"; "last week";
"two days later"…) and resolves each into a :class:`~geo.model.DateRange`. No date parser is
run over the text: "may attend", "march on", bare numbers and "Sunday Times" are not dates.

Anchoring on the publication date P (see ``docs/dates.md`` for the full rules):

- "Oct. 15" without a year takes the year that puts it nearest P; when its clause is past
  tense, the latest such day on or before P; when future, the first on or after P.
- "on Monday": the latest Monday on or before P in a past clause (P itself when P is a
  Monday), the first Monday after P in a future clause ("will", "is set to", "is expected to",
  "scheduled", "next"…).
- "last week" / "next week" / "this week": Monday–Sunday weeks (precision ``week``);
  "last month": the whole previous month; "last year": the previous calendar year.
- "this summer", "over the summer": meteorological seasons of the Northern hemisphere
  (summer = June–August); a past clause before June means last year's summer.
- "in August": the latest August up to P in a past clause, else the next one.
- "recently": precision ``unknown``, range P-30 days..P.
- Anaphoric expressions ("the day before", "a day earlier", "on the same day", "the following
  day", "two days later", "the subsequent week") are relative to the nearest preceding
  resolved expression in the text, falling back to P.

With no publication date, expressions that need P are skipped; absolute dates with a year,
and anaphoric expressions after one, still resolve.

This module is the public entry; the work is done in passes of their own modules:
:mod:`geo.date_grammar` (the words and the candidate regex), :mod:`geo.tense` (the tense of a
clause), :mod:`geo.date_arithmetic` (calendar arithmetic), :mod:`geo.date_resolvers`
(expressions that name their dates), :mod:`geo.relative_dates` (expressions relative to P or
to the last date), :mod:`geo.date_relations` (expressions relative to a happening the text
tells) and :mod:`geo.told_ahead` (a lead told on the day after its page's date). It joins
ranges ("from March 11 to March 13") and infers a publication date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from geo.date_arithmetic import coarser, date_range, month_range, month_year, safe_date
from geo.date_grammar import DATE_DATA, MONTH_NAMES, MONTHS, RANGE_WORDS, candidates
from geo.date_relations import event_reference, resolve_on_events, undated_clauses
from geo.date_resolvers import (
    KINDS,
    DateContext,
    TimeExpression,
    day_number,
    resolve_bare_month,
    resolve_deictic,
    resolve_dmy,
    resolve_iso,
    resolve_month_year,
    resolve_named,
    resolve_nth_weekday,
    resolve_numeric,
    resolve_season_year,
    resolve_weekday,
    resolve_year,
    resolve_ymd,
    trim_start,
)
from geo.errors import GeoError
from geo.model import DateRange
from geo.relative_dates import (
    resolve_ago,
    resolve_anaphor,
    resolve_evrel,
    resolve_period,
    resolve_vague,
)
from geo.tense import present_perfect
from geo.told_ahead import told_day_ahead
from geo.vocabulary import alternation

__all__ = [
    "KINDS",
    "TimeExpression",
    "event_reference",
    "find_dates",
    "infer_published",
    "present_perfect",
    "start_only",
    "year_before",
]


_Resolver = Callable[[DateContext, "re.Match[str]"], "tuple[DateRange, str] | None"]

_RESOLVERS: dict[str, _Resolver] = {
    "iso": resolve_iso,
    "ymd": resolve_ymd,
    "numeric": resolve_numeric,
    "dmy": lambda ctx, m: resolve_dmy(ctx, m, "dmy"),
    "mdy": lambda ctx, m: resolve_dmy(ctx, m, "mdy"),
    "my": resolve_month_year,
    "season_y": resolve_season_year,
    "bare_m": resolve_bare_month,
    "year": resolve_year,
    "nth_wd": resolve_nth_weekday,
    "weekday": resolve_weekday,
    "named": resolve_named,
    "deictic": resolve_deictic,
    "period": resolve_period,
    "ago": resolve_ago,
    "anaphor": resolve_anaphor,
    "evrel": resolve_evrel,
    "vague": resolve_vague,
}


#: The expressions that name a month or a year with its number ("January 2024", "in 2024"):
#: in a past clause the one that holds P stops at P (:func:`_done_by_publication`; a month
#: without a year is cut in :func:`geo.date_resolvers.resolve_bare_month`).
_CALENDAR_PERIODS = frozenset({"my", "year"})


def _done_by_publication(ctx: DateContext, rng: DateRange, start: int, end: int) -> DateRange:
    """``rng`` cut at the publication day when it holds that day and the clause is past:
    what is told as done is done by publication ("a marked increase observed between
    mid-December 2023 and January 2024" in news of January 29 ends on the 29th; "cases
    rose in 2024" in news of January 29 is January 1-29), as "this month" and P's own month
    named bare are. A future or untensed clause keeps the whole period ("schools will open
    in February 2024")."""
    p = ctx.published
    if p is None or not rng.start <= p < rng.end or ctx.tense(start, end) != "past":
        return rng
    return date_range(rng.start, p, rng.precision)


def find_dates(text: str, published: date | None) -> list[TimeExpression]:
    """Time expressions in ``text``, in text order, resolved against ``published``.

    Spans do not overlap; each carries a :class:`DateRange` with its precision (day, week,
    month, season, year or unknown) and its kind (absolute, weekday, relative, anaphoric,
    vague). Expressions that need the publication date are skipped when it is ``None``.
    """
    if published is not None and not isinstance(published, date):
        raise GeoError(f"published must be a date or None, got {published!r}")
    out: list[TimeExpression] = []
    ctx = DateContext(text, published)
    for m in candidates(text):
        group = m.lastgroup
        if group is None:
            continue
        try:
            resolved = _RESOLVERS[group](ctx, m)
        except (ValueError, OverflowError):
            resolved = None  # arithmetic past year 1 or 9999: not a date we can place
        if resolved is None:
            continue
        rng, kind = resolved
        end = m.end()
        start = trim_start(text, m.start(), end, group)
        if group in _CALENDAR_PERIODS:
            rng = _done_by_publication(ctx, rng, start, end)
        out.append(TimeExpression(start, end, text[start:end], rng, kind))
        ctx.note_day(rng, start, end)
        ctx.anchor = rng
        ctx.anchor_start = start
        ctx.anchor_end = end
    if ctx.on_events:
        out = resolve_on_events(ctx, out)
    if ctx.relations:
        out = sorted([*out, *undated_clauses(text, ctx.relations, out)], key=lambda t: t.start)
    return _join_ranges(text, told_day_ahead(text, out, published))


#: Between two dates of one range: "Oct. 22 to Oct. 24", "Monday until Wednesday", "March 3 –
#: March 5"; "and" only after "between" or for consecutive days ("on Monday and Tuesday").
_RANGE_GAP = re.compile(rf"\s*(?:({RANGE_WORDS})|(and)|[-–—])\s*", re.IGNORECASE)
_RANGE_BETWEEN = re.compile(r"\bbetween\s+\Z", re.IGNORECASE)
#: The longest range two dates may make (a year and a day).
MAX_RANGE_DAYS = 366


def _join_ranges(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """Join two expressions that make one range ("from March 11 to March 13", "between Oct. 22
    and Oct. 24", "on Monday and Tuesday") into one expression from the first's start to the
    second's end, with the coarser precision of the two."""
    out: list[TimeExpression] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        gap = _RANGE_GAP.fullmatch(text, a.end, b.start) if b is not None else None
        if b is not None and gap is not None and a.kind == b.kind == "weekday":
            b = _weekday_after(a, b)
        if b is not None and gap is not None and _joins(text, a, b, gap):
            rng = DateRange(
                a.range.start, b.range.end, coarser(a.range.precision, b.range.precision)
            )
            out.append(TimeExpression(a.start, b.end, text[a.start : b.end], rng, a.kind))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _weekday_after(a: TimeExpression, b: TimeExpression) -> TimeExpression:
    """The second weekday of "Monday through Friday" is the first one after the first, whatever
    tense each was read in alone."""
    if b.range.start >= a.range.start or a.range.precision != "day":
        return b
    ahead = (b.range.start.weekday() - a.range.start.weekday()) % 7
    d = a.range.start + timedelta(days=ahead)
    return TimeExpression(b.start, b.end, b.text, date_range(d, d, "day"), b.kind)


def _joins(text: str, a: TimeExpression, b: TimeExpression, gap: re.Match[str]) -> bool:
    ra, rb = a.range, b.range
    if "unknown" in (ra.precision, rb.precision) or rb.end < ra.start:
        return False
    if (rb.end - ra.start).days > MAX_RANGE_DAYS or rb.start < ra.start:
        return False
    if gap.group(2):  # "and": "between X and Y", or two days in a row
        return bool(_RANGE_BETWEEN.search(text, max(0, a.start - 12), a.start)) or (
            ra.precision == rb.precision == "day" and (rb.start - ra.end).days == 1
        )
    return True


#: "the 2016 election": the words that open a year modifying the noun after it.
_YEAR_DETERMINERS = frozenset(DATE_DATA["year_determiners"])
#: A determiner, a year, at most one lower-case word, up to the end of the searched span.
_YEAR_BEFORE = re.compile(r"(?<!\w)(\w+)\ (1[89]\d\d|20\d\d)\ (?:[a-z][a-z-]*\ )?\Z")


#: A determiner, a month's full name (not May, a modal verb too), at most one lower-case word,
#: up to the searched span's end ("the August death", "an October candidates forum").
_MONTH_BEFORE = re.compile(
    rf"(?<!\w)(\w+)\ ({'|'.join(n for n in MONTH_NAMES if n != 'May')})"
    r"\ (?:[a-z][a-z-]*\ )?\Z"
)
_MONTH_DETERMINERS = frozenset(DATE_DATA["month_determiners"])


def month_before(
    text: str, pos: int, published: date, tense: Callable[[], str]
) -> DateRange | None:
    """The month that modifies the word at ``pos`` ("in the August death of", "an October
    candidates forum"): when a determiner of ``month_determiners`` opens it, at most one
    lower-case word between the month and ``pos``; in a future clause (``tense()``) the next
    such month from ``published``'s on, else (news tells what happened) the latest up to it.
    ``None`` otherwise."""
    m = _MONTH_BEFORE.search(text, max(0, pos - 40), pos)
    if m is None or m.group(1).lower() not in _MONTH_DETERMINERS:
        return None
    month = MONTHS[m.group(2)]
    year = month_year(published, month, ahead=tense() == "future")
    return date_range(*month_range(year, month), "month")


def year_before(text: str, pos: int) -> DateRange | None:
    """The year that modifies the word at ``pos`` ("fraud in the 2016 election", "the 2009
    presidential vote"): that year when a determiner of ``year_determiners`` opens it, at most
    one lower-case word between the year and ``pos``; else ``None``."""
    m = _YEAR_BEFORE.search(text, max(0, pos - 40), pos)
    if m is None or m.group(1).lower() not in _YEAR_DETERMINERS:
        return None
    year = int(m.group(2))
    return date_range(date(year, 1, 1), date(year, 12, 31), "year")


#: Words right before a time expression that make it the start of what the clause reports,
#: not its whole span: "is scheduled to start on Oct. 22", "kicks off on Monday", "opens
#: Tuesday", "from March 3" (without "to"/"until" after it).
_STARTS_BEFORE = re.compile(
    rf"\b(?:(?:{alternation(DATE_DATA['start_verbs'])})"
    r"(?:\s+off)?|(?:gets?|got|getting)\s+under\s*way|from|as\s+of)\s+(?:on\s+|in\s+)?\Z",
    re.IGNORECASE,
)
#: What closes a range after its start: "from Oct. 22 to 24", "from Monday until Friday",
#: "from Monday's talks" (a possessive names a day, not a start).
_CLOSES_AFTER = re.compile(rf"\s*(?:(?:{RANGE_WORDS}|and)\b|[-–—]\s*\d|['’]s\b)", re.IGNORECASE)


_RANGE_INSIDE = re.compile(rf"\s(?:{RANGE_WORDS}|and)\s|\d\s*[-–—]\s*\d", re.I)


def start_only(text: str, start: int, end: int) -> bool:
    """True when the time expression ``text[start:end]`` gives only when something begins:
    "the summit is scheduled to start on Oct. 22", "talks kick off on Monday", "the fair opens
    Tuesday", "from March 3" (but not "from March 3 to 5": a range). The range of such an
    expression is the first day, not the span of what the clause reports."""
    if not _STARTS_BEFORE.search(text, max(0, start - 40), start):
        return False
    if _RANGE_INSIDE.search(text, start, end):
        return False  # "from Oct. 22 to Oct. 24", "from Oct. 22-24": a whole range
    return not _CLOSES_AFTER.match(text, end)


# ---------------------------------------------------------------------------------------------
# Publication date inference

_SNIPPET = 60


#: A stated date counts as the news of the day only if the text's dates without a year (the
#: current year, by news convention) are at most this many days before it.
_SAME_NEWS_CYCLE = timedelta(days=7)


def infer_published(text: str) -> tuple[date, str] | None:
    """A publication date inferred from the text, with the evidence, or ``None``.

    News reports what happened up to the day it was written, so the publication date is the
    latest date the text reports as past (not in a future clause), if the text states its
    year:

    - the latest full date (day, month, year, or ISO) reported as past is the candidate;
    - dates without a year (news style omits the current year) are placed in its year: any
      later one becomes the candidate; one more than a week *before* it means the full date
      is background from another year (a photo caption from 2022 in a 2024 story) and the
      year of the story is not stated: ``None``;
    - with no full date, ``None``: a bare "Oct. 16" does not say which year.

    The evidence is the expression with a few words around it, e.g.
    ``"the minister said on Oct. 16, 2024, that the talks"``.
    """
    best: tuple[date, int, int] | None = None
    yearless: list[tuple[int, int, int, int]] = []  # (month, day, start, end)
    ctx = DateContext(text, None)
    for m in candidates(text):
        group = m.lastgroup
        if group not in ("iso", "ymd", "numeric", "dmy", "mdy"):
            continue
        if ctx.tense(m.start(), m.end()) == "future":
            continue
        if group in ("iso", "ymd", "numeric"):
            resolved = _RESOLVERS[group](ctx, m)
            d = None if resolved is None else resolved[0].start
        else:
            month = MONTHS[m.group(f"{group}_m").rstrip(".")]
            day = day_number(m.group(f"{group}_d2") or m.group(f"{group}_d1"))
            year = m.group(f"{group}_y")
            if not year:
                yearless.append((month, day, m.start(), m.end()))
                continue
            d = safe_date(int(year), month, day)
        if d is not None and (best is None or d > best[0]):
            best = (d, m.start(), m.end())
    if best is None:
        return None
    stated = best[0]
    for month, day, start, end in yearless:
        d = safe_date(stated.year, month, day)
        if d is None:
            continue
        if d < stated - _SAME_NEWS_CYCLE:
            return None
        if d > best[0]:
            best = (d, start, end)
    d, start, end = best
    return d, _snippet(text, start, end)


def _snippet(text: str, start: int, end: int) -> str:
    """The expression with up to a few words of context, on one line."""
    lo = max(0, start - _SNIPPET // 2)
    hi = min(len(text), end + _SNIPPET // 2)
    lo = text.rfind(" ", 0, lo) + 1 if lo > 0 else 0
    cut = text.find(" ", hi)
    hi = len(text) if cut < 0 or hi >= len(text) else cut
    snippet = " ".join(text[lo:hi].split())
    return snippet
