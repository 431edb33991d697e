"""One happening told twice in an article: the undated telling takes the dated one's day.

News tells its happening first in a summary that gives no day ("A federal judge has
dismissed all claims against …", "Two men have been arrested in a drive-by shooting") and
then, further down, the day ("Judge Ericksen dismissed the claims last Friday", "Coker was
arrested Friday night"). The summary's report is dated around publication (its
``date_source`` is ``published``, or ``lead`` for a present-perfect lead); left so, it makes
a second event beside the dated one, a day or a week off. :func:`retold_dates` gives such a
report the date of the article's dated report of the same kind at the same place, when that
date lies in the days just before it (:data:`RETOLD_DAYS`) and is the only one the article
gives for that kind and place. When the dated telling names no place of its own ("… has been
indicted in Anderson County" … "He was indicted March 4 on the felony charge"), the same word
told again with a date is the same happening: :func:`trigger_told_dates` dates the summary
by it, however long before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta

from shapely.ops import nearest_points

from geo.clauses import Sentence
from geo.lexicon import Trigger, TriggerType
from geo.model import DateRange
from geo.references import told_from
from geo.reports import WIDE_KINDS, EventReport
from geo.status import Reading
from geo.timeline import Timeline
from lonlat.distance import km

__all__ = [
    "RETOLD_DAYS",
    "RETOLD_KM",
    "STEM_LETTERS",
    "TOLD_PRECISIONS",
    "retold_dates",
    "same_word",
    "trigger_told_dates",
    "week_told_days",
]

#: How many days before the undated report's last day the dated telling may lie: a summary
#: of the news retells the happenings of the last days, not an older one of the same kind
#: ("the second shooting in the town since one on Jan. 3").
RETOLD_DAYS = 7
#: How far apart two places may lie and still be one happening's (a town and its
#: neighbourhood, a street and its town); countries and first-level divisions must be the
#: same place.
RETOLD_KM = 25.0
#: Date sources of a report dated only by the publication.
UNDATED_SOURCES = frozenset({"published", "lead"})
#: Date sources of a report dated by the text itself.
TOLD_SOURCES = frozenset({"clause", "sentence"})
#: How precisely another sentence must date a happening for an undated report of its kind to
#: take the date (:func:`trigger_told_dates`): a season or a year is background, not its day.
TOLD_PRECISIONS = frozenset({"day", "week", "month"})
#: A month told again must end at most this many days before publication: "This month, a
#: judge … declared him incompetent" is the news month; "In October one of the jets crashed"
#: in a March story, or "the November 2015 Paris attacks" in a February one, is another
#: happening of the same word, not the day's.
TOLD_MONTH_DAYS = 31
#: How many first letters two trigger words must share to be one word told again.
STEM_LETTERS = 5
#: How many sentences after a report dated to a week may give the days of its happening
#: (:func:`week_told_days`).
NARROW_SENTENCES = 2


def _old_month(dates: DateRange, published: date | None) -> bool:
    """True when ``dates`` is a month that ended more than :data:`TOLD_MONTH_DAYS` days
    before ``published``: not the news month (:func:`trigger_told_dates`)."""
    return (
        dates.precision == "month"
        and published is not None
        and dates.end < published - timedelta(days=TOLD_MONTH_DAYS)
    )


def _same_place(a: EventReport, b: EventReport) -> bool:
    """True when the two reports' places are one, or near enough and neither is wide."""
    if a.place.id == b.place.id:
        return True
    if WIDE_KINDS & {a.place.kind, b.place.kind}:
        return False
    p, q = nearest_points(a.place.geometry, b.place.geometry)
    return km(p.x, p.y, q.x, q.y) <= RETOLD_KM


def _undated_told(r: EventReport) -> bool:
    """True when ``r`` is a reported happening dated only around publication (or by its
    lead's news): one a dated telling of it elsewhere in the article may date."""
    return r.status == "reported" and r.date_source in UNDATED_SOURCES


def _said_told(r: EventReport, triggers: Sequence[Trigger], timeline: Timeline) -> bool:
    """True when ``r`` is a reported happening that only the day it was told dates
    (:meth:`geo.timeline.Timeline.told_on` at its place or its trigger: "… has won the
    parliamentary elections, the commission announced on Friday"), which a telling of it
    elsewhere in the article with a day of its own may better."""
    if r.status != "reported" or r.date_source != "sentence" or r.dates.precision != "day":
        return False
    at = [r.char_start] + [
        t.start
        for t in triggers
        if t.form == r.trigger and r.sentence_start <= t.start < r.sentence_end
    ]
    return any(timeline.date_at(p)[0] == r.dates and timeline.told_on(p) for p in at)


def retold_dates(reports: Sequence[EventReport]) -> list[EventReport]:
    """``reports`` where a reported happening dated only by the publication takes the day of
    the article's report of the same kind (merge group) at the same place that its own
    sentence dates to a day, within :data:`RETOLD_DAYS` days before the undated report's
    last day and not after it, when the article gives one such day only (two days are two
    happenings, or one told at two times: which one is summed up is not known). Reports of
    another status (planned, possible, background) and dated reports are unchanged."""
    told = [
        r
        for r in reports
        if r.status == "reported"
        and r.date_source in TOLD_SOURCES
        and r.dates.precision == "day"
        and not r.floating
    ]
    if not told:
        return list(reports)
    out: list[EventReport] = []
    for r in reports:
        if _undated_told(r):
            earliest = r.dates.end - timedelta(days=RETOLD_DAYS)
            found = {
                o.dates
                for o in told
                if earliest <= o.dates.start
                and o.dates.end <= r.dates.end
                and _same_types(o.type, r.type)
                and _same_place(o, r)
            }
            if len(found) == 1:
                r = replace(r, dates=found.pop(), date_source="previous")
        out.append(r)
    return out


def _same_types(a: TriggerType, b: TriggerType) -> bool:
    """True when happenings of the two types may be one: one merge group, not kept apart."""
    return a.group == b.group and a.name not in b.apart and b.name not in a.apart


def same_word(a: str, b: str) -> bool:
    """True when the trigger forms ``a`` and ``b`` open with one word, inflected or not:
    "indicted" and "indictment", "crash" and "crashed" (their first words share their first
    :data:`STEM_LETTERS` letters, or all of the shorter one's)."""
    x, y = a.split(" ", 1)[0].lower(), b.split(" ", 1)[0].lower()
    need = min(STEM_LETTERS, len(x), len(y))
    return need > 0 and x[:need] == y[:need]


def trigger_told_dates(
    text: str,
    reports: Sequence[EventReport],
    triggers: Sequence[Trigger],
    timeline: Timeline,
    read: Callable[[Sentence, Trigger], Reading | None],
) -> list[EventReport]:
    """``reports`` where a reported happening dated only by the publication takes the date
    another sentence of the article gives it in the same word, where no place of that sentence
    holds it ("A … man who fled from an officer … has been indicted" … "was indicted March 4
    on the felony charge"): a trigger of the same merge group whose first word is the undated
    report's (:func:`same_word`), reported (not planned, negated, nor the happening another
    time is told from: "since his indictment"), dated by its own clause or sentence to a day,
    a week or a month (:data:`TOLD_PRECISIONS`) that ends on or before the undated report's
    last day, in another sentence with no report of that kind at another place. Only when the
    article gives one such date (two dates are two happenings, or one told at two times).
    A report that only the day it was told dates (:func:`_said_told`: "… has won the
    parliamentary elections, the commission announced on Friday" … "the parliamentary
    election held last Saturday") takes such a date too, when it lies in the
    :data:`RETOLD_DAYS` days up to that day; and such a telling's day is never the date told
    again."""
    said = {id(r) for r in reports if r.trigger and _said_told(r, triggers, timeline)}
    words = [r for r in reports if r.trigger and (_undated_told(r) or id(r) in said)]
    if not words:
        return list(reports)
    placed: dict[int, list[EventReport]] = {}
    for r in reports:
        placed.setdefault(timeline.sentence_index(r.char_start), []).append(r)
    told: list[tuple[int, Trigger, DateRange]] = []
    for t in triggers:
        if not any(same_word(t.form, r.trigger) for r in words):
            continue
        i = timeline.sentence_index(t.start)
        if i >= len(timeline):
            continue
        dates, source = timeline.date_at(t.start)
        if dates is None or source not in TOLD_SOURCES or dates.precision not in TOLD_PRECISIONS:
            continue
        if _old_month(dates, timeline.published) or timeline.told_on(t.start):
            continue  # another happening's month, or the day a happening was told
        sent = timeline.sentence(i)
        reading = read(sent, t)
        if reading is None or reading.mood != "reported" or told_from(text, sent.start, t):
            continue
        told.append((i, t, dates))
    if not told:
        return list(reports)
    out: list[EventReport] = []
    for r in reports:
        if r.trigger and (_undated_told(r) or id(r) in said):
            own = {timeline.sentence_index(r.char_start), timeline.sentence_index(r.sentence_start)}
            # a day an attribution gives bounds the happening to the week before it
            earliest = r.dates.end - timedelta(days=RETOLD_DAYS) if id(r) in said else None
            found = {
                dates
                for i, t, dates in told
                if i not in own
                and _same_types(t.type, r.type)
                and same_word(t.form, r.trigger)
                and dates.end <= r.dates.end
                and (earliest is None or earliest <= dates.start)
                and not any(
                    _same_types(o.type, t.type) and not _same_place(o, r) for o in placed.get(i, ())
                )
            }
            if len(found) == 1:
                r = replace(r, dates=found.pop(), date_source="previous")
        out.append(r)
    return out


def week_told_days(
    reports: Sequence[EventReport],
    triggers: Sequence[Trigger],
    timeline: Timeline,
) -> list[EventReport]:
    """``reports`` where a happening its own clause or sentence dates to a week ("… during a
    trilateral meeting to be held in Beijing next week") takes the days one of the next
    :data:`NARROW_SENTENCES` sentences gives it in the same word inside that week ("… whether
    they will meet bilaterally during the talks, which is to be held from Tuesday to
    Thursday"): a trigger of the same merge group (not kept apart) whose first word is the
    report's (:func:`same_word`), dated by its own clause or sentence to a day or days that
    lie inside the week, in a sentence with no report of that kind at another place. Only
    when the next sentences give one such date (two dates are two happenings). A week told
    otherwise (publication, a lead, the sentence before) and the week a start runs ("the
    drills begin on Monday") are unchanged."""
    weeks = {
        id(r)
        for r in reports
        if r.trigger
        and not r.opens
        and r.date_source in TOLD_SOURCES
        and r.dates.precision == "week"
    }
    if not weeks:
        return list(reports)
    placed: dict[int, list[EventReport]] = {}
    for r in reports:
        placed.setdefault(timeline.sentence_index(r.char_start), []).append(r)
    out: list[EventReport] = []
    for r in reports:
        if id(r) in weeks:
            found = _days_told_after(r, triggers, timeline, placed)
            if len(found) == 1:
                r = replace(r, dates=found.pop())
        out.append(r)
    return out


def _days_told_after(
    r: EventReport,
    triggers: Sequence[Trigger],
    timeline: Timeline,
    placed: dict[int, list[EventReport]],
) -> set[DateRange]:
    """The dates of :func:`week_told_days`: those the next :data:`NARROW_SENTENCES` sentences
    after ``r``'s give a trigger of its kind in its word, to a day, inside ``r``'s week."""
    own = timeline.sentence_index(r.sentence_start)
    found: set[DateRange] = set()
    for t in triggers:
        i = timeline.sentence_index(t.start)
        if not own < i <= own + NARROW_SENTENCES:
            continue
        if not (_same_types(t.type, r.type) and same_word(t.form, r.trigger)):
            continue
        dates, source = timeline.date_at(t.start)
        if dates is None or source not in TOLD_SOURCES or dates.precision != "day":
            continue
        if not r.dates.start <= dates.start <= dates.end <= r.dates.end:
            continue
        if any(_same_types(o.type, t.type) and not _same_place(o, r) for o in placed.get(i, ())):
            continue  # "… next week. On Tuesday the ministers meet in Oslo": another meeting
        found.add(dates)
    return found
