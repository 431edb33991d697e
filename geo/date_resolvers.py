"""Resolving the time expressions that name their own dates: full and partial dates
("Oct. 15", "15 October 2024", "February 2022", "16.10.2024", "in 2019", "the summer of
2021"), weekdays ("on Monday"), months without a year ("in August") and "yesterday", "today"
or "tonight"; the :class:`TimeExpression` they become and the context resolution reads and
writes (the publication date, the tense of each clause, the last resolved expression).

Each resolver takes the context and a candidate match of :mod:`geo.date_grammar` and returns
the range and the kind of the expression, or ``None`` when it is no date it can place.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta

from geo.date_arithmetic import (
    date_range,
    month_part,
    month_range,
    month_year,
    safe_date,
    season_range,
    week_of,
    year_part,
)
from geo.date_grammar import DATE_DATA, DAY_PART, MONTH, MONTHS, NAMED_DAYS, WEEKDAY, WEEKDAYS
from geo.errors import GeoError
from geo.model import DateRange
from geo.tense import TOKEN, clause_tense, nearest
from geo.text import Span, containing, sentences
from geo.vocabulary import alternation

#: The kinds of time expression, from most to least self-contained.
KINDS: tuple[str, ...] = ("absolute", "weekday", "relative", "anaphoric", "vague")


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One time expression: ``text`` is ``source[start:end]``; ``range`` its resolved dates."""

    start: int
    end: int
    text: str
    range: DateRange
    kind: str

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise GeoError(f"bad time expression offsets {self.start}..{self.end}")
        if len(self.text) != self.end - self.start:
            raise GeoError(f"time expression {self.text!r} does not span {self.start}..{self.end}")
        if self.kind not in KINDS:
            raise GeoError(f"unknown time expression kind {self.kind!r}; expected one of {KINDS}")


#: Parts of a month ("early October", "the end of May").
_PARTS = frozenset(
    (*DATE_DATA["month_part_adjectives"], *(f"{w} of" for w in DATE_DATA["month_part_nouns"]))
)

#: Prepositions that put a past happening inside the month they name ("in", "during"): the
#: publication month so named in a past clause ends on the publication day (session 39).
_CURRENT_PAST_PREPS = frozenset(DATE_DATA["current_period_past_prepositions"])

#: "through Wednesday", "until Friday" without a tense marker: a deadline ahead.
_WEEKDAY_UNTIL = frozenset(DATE_DATA["weekday_until"])

#: Week-like words that are names when they follow a weekday ("Black Friday").
_WEEKDAY_NAME_BEFORE = frozenset(DATE_DATA["weekday_name_before"])
_WORD_BEFORE = re.compile(r"(\w+)\W*$")


@dataclass(slots=True)
class DateContext:
    """What resolving the expressions of one text reads and writes, in text order."""

    text: str
    published: date | None
    anchor: DateRange | None = None  # the last resolved expression
    _sentences: list[Span] | None = None
    #: Expressions relative to an event the text names ("two days after the summit"): the
    #: match and its shift (days, or a unit and a count), resolved once every date is known.
    on_events: list[tuple[re.Match[str], int, str]] = field(default_factory=list)
    #: Where the last resolved expression starts (``anchor``'s position).
    anchor_start: int = -1
    #: Where the last resolved expression ends.
    anchor_end: int = -1
    #: The happenings of clauses "N days after <clause>" dates, at their "after"/"before".
    relations: list[TimeExpression] = field(default_factory=list)
    #: The last day the text dates with its year, before P's year, and where it starts: the
    #: day of an old story it tells (:meth:`story_year`).
    story_day: tuple[date, int] | None = None

    def tense(self, start: int, end: int) -> str:
        """The tense of the clause around ``start..end``, from the words of its sentence
        within ``_TENSE_WINDOW`` characters of it."""
        if self._sentences is None:
            self._sentences = sentences(self.text)
        sentence = containing(self._sentences, start)
        if sentence is None:
            return ""
        return clause_tense(self.text, sentence, start, end)

    def note_day(self, rng: DateRange, start: int, end: int) -> None:
        """Remember ``rng`` as :attr:`story_day` when it is a day the text gives with its
        year ("July 1, 1999") and that year lies before P's, or a day :meth:`story_year`
        put in the story's year ("July 7"): the story goes on. Any other expression ends
        it (the story day must be the last date told)."""
        told = self.story_day
        self.story_day = None
        if self.published is None or rng.precision != "day":
            return
        if not _YEAR_DIGITS.search(self.text, start, end):
            if told is not None and rng.start.year == told[0].year:
                self.story_day = (rng.start, start)
            return
        if rng.start.year < self.published.year:
            before = _WORDS_BEFORE.findall(self.text, max(0, start - 30), start)
            life = _STORY_NOT_AFTER.intersection(w.lower() for w in before)
            self.story_day = None if life else (rng.start, start)

    def story_year(self, month: int, day: int, start: int) -> int | None:
        """The year of :attr:`story_day` when a year-less day at ``start`` follows it within
        :data:`STORY_DAY_SENTENCES` sentences, no other date between, and in that year lies
        at most :data:`STORY_DAY_DAYS` days after it: "found dead on July 1, 1999 … It was there on
        July 7 that the brothers were arrested" tells the same old story, not last July.
        ``None`` otherwise."""
        if self.story_day is None:
            return None
        told, told_at = self.story_day
        d = safe_date(told.year, month, day)
        if d is None or not 0 <= (d - told).days <= STORY_DAY_DAYS:
            return None
        if self._sentences is None:
            self._sentences = sentences(self.text)
        starts = [s.start for s in self._sentences]
        if bisect_right(starts, start) - bisect_right(starts, told_at) > STORY_DAY_SENTENCES:
            return None
        return told.year

    def past_verb_governs(self, start: int) -> bool:
        """True when a past verb is right before the expression at ``start``, at most a
        preposition between them ("started on Oct. 20", "responded April 20"), or the verb's
        object named by capitalised words and a preposition ("attacked Israel on October
        7": the attack's day, not a plan's; "called a general election on June 25" names a
        plan)."""
        tokens = TOKEN.findall(self.text, max(0, start - 40), start)
        hit = nearest(tokens, range(len(tokens) - 1, -1, -1))
        if hit is None or hit[1] != "p" or hit[2]:
            return False
        if hit[0] <= 1:
            return True
        named = tokens[len(tokens) - hit[0] : -1]
        return (
            len(named) <= _NAMED_OBJECT_WORDS
            and all(w[:1].isupper() for w in named)
            and tokens[-1].islower()
        )


#: At most this many capitalised words name a past verb's object before its day ("attacked
#: Israel on October 7", "invaded South Sudan on …").
_NAMED_OBJECT_WORDS = 3


def day_number(s: str) -> int:
    """The day of a day numeral ("3rd" → 3)."""
    return int(s.rstrip("stndrh"))


#: A year-less day at most this far ahead of P stays in P's year in a past clause.
_PLAN_AHEAD = timedelta(days=60)
#: A year-less day at most this many sentences after a day of an old story (no other date
#: between), and at most
#: :data:`STORY_DAY_DAYS` days after it in its year, is in that story's year.
STORY_DAY_SENTENCES = 6
STORY_DAY_DAYS = 31
_YEAR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")
#: Words right before a day that start a life or a body, not a story of days.
_STORY_NOT_AFTER = frozenset(DATE_DATA["story_day_not_after"])
_WORDS_BEFORE = re.compile(r"[A-Za-z]+")


def _year_for(
    ctx: DateContext, month: int, day: int, start: int, end: int, last: int | None = None
) -> int | None:
    """The year of a day-month date without a year (see :mod:`geo.dates`). ``last`` is the
    last day of a range of days in the month ("Nov 3-6"): in a future clause the range is
    the first one that has not ended by P (one under way is this year's: "the exercise is
    between Nov 3-6" published on Nov. 4)."""
    p = ctx.published
    if p is None:
        return None
    story = ctx.story_year(month, day, start)
    if story is not None:
        return story
    tense = ctx.tense(start, end)
    candidates = [
        (y, d) for y in (p.year - 1, p.year, p.year + 1) if (d := safe_date(y, month, day))
    ]
    if not candidates:
        return None
    if tense == "past":
        ahead = safe_date(p.year, month, day)
        if (
            ahead is not None
            and timedelta(0) < ahead - p <= _PLAN_AHEAD
            and not ctx.past_verb_governs(start)
        ):
            # "pilots voted to strike from Dec. 23", "called a general election on June 25": a
            # day shortly ahead in a past clause is a plan, not that day a year back (news
            # would name the year); "the fire started on Oct. 20" stays a year back
            return p.year
        past = [c for c in candidates if c[1] <= p]
        if past:
            return past[-1][0]
    elif tense == "future":
        future = [c for c in candidates if _range_end(c, month, last) >= p]
        if future:
            return future[0][0]
    return min(candidates, key=lambda c: abs((c[1] - p).days))[0]


def _range_end(candidate: tuple[int, date], month: int, last: int | None) -> date:
    """The last day of a candidate ``(year, first day)`` of a range of days ending on day
    ``last`` of ``month`` (the first day itself when there is no range, or no such day)."""
    year, first = candidate
    end = safe_date(year, month, last) if last is not None else None
    return end if end is not None and end >= first else first


def resolve_dmy(ctx: DateContext, m: re.Match[str], prefix: str) -> tuple[DateRange, str] | None:
    """A day and month, with or without a year ("3 May 2024", "May 3"), or None."""
    month = MONTHS[m.group(f"{prefix}_m").rstrip(".")]
    d1 = day_number(m.group(f"{prefix}_d1"))
    d2s = m.group(f"{prefix}_d2")
    d2 = day_number(d2s) if d2s else d1
    ys = m.group(f"{prefix}_y")
    rel = m.group(f"{prefix}_ry")
    if ys:
        year = int(ys)
    elif rel and ctx.published is not None:
        year = ctx.published.year + {"last": -1, "this": 0, "next": 1}[rel]
        if not m.group(prefix).endswith("year"):  # "April 7 last": the latest April 7
            latest = safe_date(ctx.published.year, month, d1)
            year += latest is not None and latest <= ctx.published
    else:
        year = _year_for(ctx, month, d1, m.start(), m.end(), d2 if d2s else None)
    if year is None:
        return None
    a, b = safe_date(year, month, d1), safe_date(year, month, d2)
    if a is None or b is None or b < a:
        return None
    return date_range(a, b, "day"), "absolute"


def resolve_named(ctx: DateContext, m: re.Match[str]) -> tuple[DateRange, str] | None:
    """A day named by a fixed holiday ("on Christmas Day", "New Year's Eve 2016"): its year
    if given, else the year of a day without one (:func:`_year_for`)."""
    month, day = NAMED_DAYS[" ".join(m.group("nd").split())]
    ys = m.group("nd_y")
    year = int(ys) if ys else _year_for(ctx, month, day, m.start(), m.end())
    if year is None:
        return None
    d = safe_date(year, month, day)
    return None if d is None else (date_range(d, d, "day"), "absolute")


_WEEKDAY_ORDINALS: dict[str, int] = {
    str(k): int(v) for k, v in DATE_DATA["weekday_ordinals"].items()
}


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date | None:
    """The ``n``-th ``weekday`` (0 = Monday) of the month (``n`` = -1: the last), or
    ``None`` when the month has no such day (a fifth Monday)."""
    first, last = month_range(year, month)
    if n < 0:
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    d = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    return d if d <= last else None


def resolve_nth_weekday(ctx: DateContext, m: re.Match[str]) -> tuple[DateRange, str] | None:
    """ "the fourth Thursday in November", "the last Monday of May 2016": that day of the
    month's year if given, else of the year a day-month date without one would take
    (:func:`_year_for`, asked with the day it falls on in P's year)."""
    month = MONTHS[m.group("nw_m")]
    weekday = WEEKDAYS[m.group("nw_wd")]
    n = _WEEKDAY_ORDINALS[m.group("nw_n").lower()]
    ys = m.group("nw_y")
    if ys:
        year: int | None = int(ys)
    else:
        if ctx.published is None:
            return None
        day = _nth_weekday(ctx.published.year, month, weekday, n)
        if day is None:
            return None
        year = _year_for(ctx, month, day.day, m.start(), m.end())
    if year is None:
        return None
    d = _nth_weekday(year, month, weekday, n)
    return None if d is None else (date_range(d, d, "day"), "absolute")


def resolve_month_year(ctx: DateContext, m: re.Match[str]) -> tuple[DateRange, str] | None:
    """A month with its year, or a part of it ("early May 2024")."""
    month = MONTHS[m.group("my_m").rstrip(".")]
    year = int(m.group("my_y"))
    start, end = month_range(year, month)
    part = m.group("my_part")
    if part:
        return month_part(start, end, part.lower()), "absolute"
    return date_range(start, end, "month"), "absolute"


def _month_ahead(published_month: int, month: int) -> bool:
    """True when ``month`` comes sooner after ``published_month`` than it last came before
    it: with no tense in its clause ("is up for re-election in November", "runs through
    June", "the Tour de France in July"), a month without a year is the nearest one; on a
    tie (six months either way) and in P's own month, the one before."""
    ahead = (month - published_month) % 12
    return 0 < ahead < 12 - ahead


def _next_month_plan(ctx: DateContext, published_month: int, month: int, start: int) -> bool:
    """True when ``month`` is the one right after ``published_month`` in the same calendar
    year and no past verb governs it: in a past clause ("earned a place in the state
    championships in April", "declared April Fair Housing Month", published in March) it
    names the coming month, as a day shortly ahead does (:data:`_PLAN_AHEAD`): news names a
    month eleven months back with "last" or its year. "The plant closed in April" keeps the
    April a year back; "in January" in December news is this year's, eleven months back."""
    return month == published_month + 1 and not ctx.past_verb_governs(start)


def resolve_bare_month(ctx: DateContext, m: re.Match[str]) -> tuple[DateRange, str] | None:
    """A month named without a year ("last September", "in May"), or None. P's own month
    after "in", "during" or "throughout" in a past clause ends on P ("Earlier in December,
    the minister visited …" in December news), as "earlier this month" does."""
    p = ctx.published
    if p is None:
        return None
    month = MONTHS[m.group("bm_m").rstrip(".")]
    prep = " ".join(m.group("bm_prep").lower().split())
    rel = m.group("bm_ry")
    past_inside = False
    if rel:  # "in May last year", "in March this year": the year named relative to P
        year = p.year + {"last": -1, "this": 0, "next": 1}[rel.lower()]
    elif prep in ("last", "past"):  # "last September", "this past September"
        year = p.year if month < p.month else p.year - 1
    elif prep == "next":
        year = p.year if month > p.month else p.year + 1
    elif prep == "this":
        year = p.year
    else:
        tense = ctx.tense(m.start(), m.end())
        past_inside = tense == "past" and prep in _CURRENT_PAST_PREPS
        if prep in ("since", "after", "from") and tense != "future":
            tense = "past"
        if prep in ("until", "till", "by", "before") and tense == "":
            tense = "future" if month > p.month else "past"
        ahead = (
            tense == "future"
            or (tense == "" and _month_ahead(p.month, month))
            or (tense == "past" and _next_month_plan(ctx, p.month, month, m.start()))
        )
        year = month_year(p, month, ahead)
    start, end = month_range(year, month)
    part = m.group("bm_part")
    if part:  # "early last December": a part of the month the relative word names
        return month_part(start, end, " ".join(part.lower().split())), "relative"
    if prep.removeprefix("the ") in _PARTS:
        return month_part(start, end, prep), "relative"
    if past_inside and start <= p < end:
        end = p  # "Earlier in December, the minister visited …" in December news: so far
    return date_range(start, end, "month"), "relative"


def resolve_weekday(ctx: DateContext, m: re.Match[str]) -> tuple[DateRange, str] | None:
    """A weekday near the publication day ("on Monday", "next Friday"), or None."""
    p = ctx.published
    if p is None:
        return None
    wd = WEEKDAYS[m.group("wd")]
    prep = (m.group("wd_prep") or "").lower()
    if not prep:
        # A bare weekday before a capitalised word is a name ("Sunday Times"), as is one
        # after "Black", "Good"… ("Black Friday").
        after = ctx.text[m.end() : m.end() + 2]
        possessive = m.group(0).endswith(("'s", "’s"))  # "Friday's Darke County crash"
        if len(after) == 2 and after[0] == " " and after[1].isupper() and not possessive:
            return None
        before = _WORD_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start())
        if before and before.group(1).lower() in _WEEKDAY_NAME_BEFORE:
            return None
    back = (p.weekday() - wd) % 7  # days back to the latest such weekday on or before P
    ahead = (wd - p.weekday()) % 7  # days forward to the first one on or after P
    if prep in ("last", "past"):
        d = p - timedelta(days=back or 7)
    elif prep in ("next", "coming"):
        d = p + timedelta(days=ahead or 7)
    elif prep == "this":
        d = week_of(p)[0] + timedelta(days=wd)
    else:
        tense = ctx.tense(m.start(), m.end())
        if tense == "" and prep in _WEEKDAY_UNTIL and not _ends_range(ctx.text, m.start()):
            tense = "future"  # "the road is closed through Wednesday": a deadline ahead
        # News names the publication day by its weekday ("talks resume Wednesday" in a
        # Wednesday story is today); a week later would be "next Wednesday".
        d = p + timedelta(days=ahead) if tense == "future" else p - timedelta(days=back)
    return date_range(d, d, "day"), "weekday"


_DATE_WORD_BEFORE = re.compile(
    rf"(?:{WEEKDAY}|{MONTH}|\d|{DAY_PART}|a\.?m\.?|p\.?m\.?)[,.]?[ \t]*\Z",
    re.IGNORECASE,
)


def _ends_range(text: str, pos: int) -> bool:
    """True when the expression at ``pos`` ("through Friday") closes a range that a date or a
    time right before it opens ("Monday through Friday", "9 a.m. until Friday")."""
    return bool(_DATE_WORD_BEFORE.search(text, max(0, pos - 20), pos))


def resolve_deictic(ctx: DateContext, m: re.Match[str]) -> tuple[DateRange, str] | None:
    """ "yesterday", "today", "tomorrow"… from the publication day, or None."""
    p = ctx.published
    if p is None:
        return None
    raw = m.group("deictic")
    if raw[0].isupper() and _after_capitalised_word(ctx.text, m.start()):
        return None  # a name: "USA Today", "Good Morning Today"
    word = " ".join(raw.lower().split())
    offset = {
        "yesterday": -1,
        "last night": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
    }.get(word, 0)
    d = p + timedelta(days=offset)
    return date_range(d, d, "day"), "relative"


def _after_capitalised_word(text: str, pos: int) -> bool:
    """True when ``pos`` follows a capitalised word in the same sentence ("USA Today")."""
    before = _WORD_BEFORE.search(text, max(0, pos - 30), pos)
    return bool(before and before.group(1)[0].isupper() and text[before.end(1) : pos].strip() == "")


def resolve_year(ctx: DateContext, m: re.Match[str]) -> tuple[DateRange, str] | None:
    """A bare year ("in 2024"), or a third of it ("in late 2014", "by the end of 2018",
    "mid-2016": :func:`geo.date_arithmetic.year_part`)."""
    year = int(m.group("y_y"))
    part = m.group("y_part") or m.group("y_part2")
    if part:
        return year_part(year, " ".join(part.lower().split())), "absolute"
    return date_range(date(year, 1, 1), date(year, 12, 31), "year"), "absolute"


def resolve_season_year(ctx: DateContext, m: re.Match[str]) -> tuple[DateRange, str] | None:
    """A season with its year ("summer 2024")."""
    return date_range(*season_range(int(m.group("sy_y")), m.group("sy_s").lower()), "season"), (
        "absolute"
    )


def resolve_ymd(ctx: DateContext, m: re.Match[str]) -> tuple[DateRange, str] | None:
    """A year, month and day in that order, or None when it does not exist."""
    d = safe_date(int(m.group("ymd")[:4]), int(m.group("ymd_m")), int(m.group("ymd_d")))
    return None if d is None else (date_range(d, d, "day"), "absolute")


def resolve_numeric(ctx: DateContext, m: re.Match[str]) -> tuple[DateRange, str] | None:
    """``16.10.2024`` (day.month.year), ``16/10/2024`` and ``10/16/2024`` when one part
    cannot be a month; ``10/11/2024`` is ambiguous and skipped."""
    d = _numeric_date(m)
    return None if d is None else (date_range(d, d, "day"), "absolute")


def _numeric_date(m: re.Match[str]) -> date | None:
    a, b, year = int(m.group("n_a")), int(m.group("n_b")), int(m.group("n_y"))
    if m.group("n_sep") == ".":
        day, month = (a, b) if b <= 12 else (b, a)
    elif a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a or a == b:
        day, month = b, a
    else:
        return None
    return safe_date(year, month, day)


def resolve_iso(ctx: DateContext, m: re.Match[str]) -> tuple[DateRange, str] | None:
    """An ISO date (``2024-05-03``), or None when it does not exist."""
    d = _iso(m.group("iso"))
    return None if d is None else (date_range(d, d, "day"), "absolute")


def _iso(s: str) -> date | None:
    try:
        return date.fromisoformat(s)
    except ValueError:
        return None


_LEADING_PREPOSITION = re.compile(
    rf"(?i)(?:{alternation(DATE_DATA['leading_prepositions'])})\s+(?!the\b)"
)


def trim_start(text: str, start: int, end: int, group: str) -> int:
    """Start of the expression without a leading preposition ("in May" → "May")."""
    if group in ("bare_m", "year", "weekday", "anaphor"):
        m = _LEADING_PREPOSITION.match(text, start, end)
        if m is not None and m.end() < end:
            return m.end()
    return start
