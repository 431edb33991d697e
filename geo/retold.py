"""One happening told twice in an article: the undated telling takes the dated one's day.

News tells its happening first in a summary that gives no day ("A federal judge has
dismissed all claims against …", "Two men have been arrested in a drive-by shooting") and
then, further down, the day ("Judge Ericksen dismissed the claims last Friday", "Coker was
arrested Friday night"). The summary's report is dated around publication (its
``date_source`` is ``published``, or ``lead`` for a present-perfect lead); left so, it makes
a second event beside the dated one, a day or a week off. :func:`retold_dates` gives such a
report the date of the article's dated report of the same kind at the same place, when that
date lies in the days just before it (:data:`RETOLD_DAYS`) and is the only one the article
gives for that kind and place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta

from shapely.ops import nearest_points

from geo.reports import WIDE_KINDS, EventReport
from lonlat.distance import km

__all__ = ["RETOLD_DAYS", "RETOLD_KM", "retold_dates"]

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


def _same_place(a: EventReport, b: EventReport) -> bool:
    """True when the two reports' places are one, or near enough and neither is wide."""
    if a.place.id == b.place.id:
        return True
    if WIDE_KINDS & {a.place.kind, b.place.kind}:
        return False
    p, q = nearest_points(a.place.geometry, b.place.geometry)
    return km(p.x, p.y, q.x, q.y) <= RETOLD_KM


def _same_kind(a: EventReport, b: EventReport) -> bool:
    """True when the two reports may tell one happening: one merge group, not kept apart."""
    return (
        a.type.group == b.type.group
        and a.type.name not in b.type.apart
        and b.type.name not in a.type.apart
    )


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
        if r.status == "reported" and r.date_source in UNDATED_SOURCES:
            earliest = r.dates.end - timedelta(days=RETOLD_DAYS)
            found = {
                o.dates
                for o in told
                if earliest <= o.dates.start
                and o.dates.end <= r.dates.end
                and _same_kind(o, r)
                and _same_place(o, r)
            }
            if len(found) == 1:
                r = replace(r, dates=found.pop(), date_source="previous")
        out.append(r)
    return out
