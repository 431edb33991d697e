"""Merging event reports across articles into events that list every source.

Two reports are the same event when (documented in docs/recognition-and-events.md):

- **kind**: their trigger types share a merge group (a visit, an arrival and talks are one
  "meeting" group; drills and exercises are one "exercise" group);
- **place**: the same place id, or one place contains the other (a city in its country, a
  point inside a sea or a derived area), or their areas overlap by at least half of the
  smaller one;
- **dates** (:func:`geo.reports.dates_compatible`): the ranges overlap, or are at most
  ``DAY_TOLERANCE`` day apart (meetings on 14 and 15 October are one visit); a report dated
  only by its publication date (precision ``unknown``) matches dates up to
  ``UNKNOWN_TOLERANCE`` days away.

A report joins a cluster only when it matches every report already in it, so chains cannot
drift across a map or a month. The merged event takes the finest place its sources give
(a city over its country; at equal precision the smaller area), the dates of its most
precise sources (their union), the title of its strongest trigger, and one source entry per
article (the article's best quote).

A cluster dated only by publication dates that matches nothing in time joins the latest
earlier dated event of the same kind and place (of the same type when that event comes from
other articles): "Moscow invaded Ukraine" without a date, in an article of October 2024, is
the invasion other sources date to February 2022, but a storm with no date is not last
year's flood. Reports with dates of their own are clustered first.

Background never outweighs the news (see :mod:`geo.events` for the statuses). A *floating*
report (background with no date of its own: "shortly before Moscow launched its attack on
Ukraine") never starts an event: it joins, as one more source, the latest event that began by
its article's publication day (one its own article reports first), of the same kind at a
compatible place (else of the same category at the same place: the attack on Ukraine is the
invasion of Ukraine), or it is dropped. An event takes its place, title and dates from its
reported or planned sources first and from background only when it has nothing else; its
confidence starts from the best of those sources, and an article that only mentions it as
background adds half the boost of one that reports it. An event that every source gives as a
plan or a possibility carries a note saying so.

When two events of one kind at compatible dates sit in places that neither contain nor
overlap each other, and their sources tell it in strongly overlapping words (one article
says the coast guards' joint patrol was in the Arctic Ocean, another in the North Pacific),
both events are kept and each gets a note naming the other place, so the disagreement stays
visible on the map.

Ids are deterministic: the first 16 hex digits of the SHA-1 of "group|place id|start".

The work is done in modules of their own: :mod:`geo.compatibility` (whether two places or two
types can be one event's), :mod:`geo.stories` (which articles tell one story),
:mod:`geo.undated` (undated clusters), :mod:`geo.background` (floating reports),
:mod:`geo.merged_event` (the event a cluster makes, and the notes of disagreeing events) and
:mod:`geo.fold` (the events of one article that tell one happening by triggers of several
groups, made one).
This module clusters the reports and puts the passes together.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any

from geo.background import attach_floating
from geo.blocking import KeyIndex, buckets, place_keys
from geo.compatibility import (
    LABEL_POINT_KM,
    Divisions,
    default_divisions,
    places_compatible,
    types_apart,
    within,
)
from geo.fold import fold_events
from geo.merged_event import Event, cluster_event, event_id, event_with, note_disagreements
from geo.reports import DAY_TOLERANCE, EventReport, dates_compatible
from geo.stories import Stories
from geo.undated import attach_undated

__all__ = [
    "REFERENCE_KM",
    "Divisions",
    "Event",
    "event_id",
    "merge_reports",
    "places_compatible",
    "types_apart",
]


#: A definite description joins the event it names only when their places are at most this
#: far apart: one happening told twice ("central Peru", "off the coast of Ica") names places
#: near each other; "the exercises in the Gulf of Mexico" after drills in the Bay of Bengal
#: are other exercises.
REFERENCE_KM = 500.0


def merge_reports(
    reports: Sequence[EventReport],
    articles: Mapping[str, Any] | None = None,
    *,
    gazetteer: Any = None,
    blocking: bool = True,
) -> list[Event]:
    """Merge ``reports`` (from any number of articles) into events, sorted by start date,
    title and id. ``articles`` maps article ids to objects with ``title``, ``outlet``,
    ``url`` and ``published`` for the source entries; ``gazetteer`` gives the label points of
    divisions (:class:`Divisions`; the bundled gazetteer by default). The places of one list
    in one article ("the Odesa, Mykolaiv and Kherson regions") stay separate events.

    A report is compared only with the clusters it can possibly join (:mod:`geo.blocking`),
    so the cost grows about linearly with the reports; ``blocking=False`` compares it with
    every cluster of its group instead, and gives the same events (the reference the
    blocked merge is tested against)."""
    articles = articles or {}
    divisions = (default_divisions() if gazetteer is None else Divisions(gazetteer)).for_merge()
    stories = Stories(reports, articles)
    floating = [r for r in reports if r.floating]
    ordered = sorted(
        (r for r in reports if not r.floating),
        key=lambda r: (
            r.type.group,
            r.refers_to is not None,  # after the report it names
            r.dates.precision == "unknown",
            r.dates.start,
            r.article or "",
            r.char_start,
            r.place.id,
        ),
    )
    clusters: list[list[EventReport]] = []
    by_group: dict[str, list[int]] = defaultdict(list)
    index = KeyIndex()  # the reports' (article, offset), for definite descriptions
    # the clusters by their first report's keys: a cluster fits only when that report's
    # place and dates are compatible with r's, so they share a key
    starters = KeyIndex()
    for r in ordered:
        group = r.type.group
        keys = _report_keys(r)
        if blocking:
            near = [
                i
                for i in starters.near(keys)
                if places_compatible(r.place, (head := clusters[i][0]).place, divisions)
                and dates_compatible(r.dates, head.dates)
            ]
            first = None if r.refers_to is None else index.first(_named_key(r, r.refers_to))
            named_pool = [first] if first is not None else []
        else:
            near = named_pool = by_group[group]
        named = _named_cluster(r, [clusters[i] for i in named_pool])
        if named is not None:
            named.append(r)  # "The quake was centred off Ica": the quake of central Peru
            index.add([_named_key(r, r.char_start)], _ordinal(clusters, named, named_pool))
            continue
        fits = [
            cluster
            for cluster in (clusters[i] for i in near)
            if all(
                places_compatible(r.place, o.place, divisions)
                and dates_compatible(r.dates, o.dates)
                and not _listed_apart(r, o)
                and not _after_its_news(r, o)
                and not types_apart(r.type, o.type)
                for o in cluster
            )
            and stories.allow(r, cluster)
        ]
        if fits:
            # the closest fit: "the incident in the South China Sea on Tuesday" joins
            # Tuesday's incident near a shoal, not a collision "earlier this month"
            cluster = min(fits, key=lambda c: _fit(r, c))
            cluster.append(r)
            ordinal = _ordinal(clusters, cluster, near)
        else:
            cluster = [r]
            ordinal = len(clusters)
            by_group[group].append(ordinal)
            clusters.append(cluster)
            starters.add(keys, ordinal)
        index.add([_named_key(r, r.char_start)], ordinal)
    clusters = attach_undated(clusters, divisions, stories, blocking)
    attach_floating(clusters, floating, divisions, blocking)
    events = [cluster_event(c, articles, divisions) for c in clusters]
    # one article telling one happening by triggers of several groups: one event
    events = fold_events(
        events, articles, lambda reports: cluster_event(reports, articles, divisions)
    )
    events = note_disagreements(events, divisions, blocking)
    seen: Counter[str] = Counter()
    unique = []
    for e in sorted(events, key=lambda e: (e.dates.start, e.id, e.title)):
        seen[e.id] += 1
        if seen[e.id] > 1:
            e = event_with(e, id=f"{e.id}-{seen[e.id]}")
        unique.append(e)
    return sorted(unique, key=lambda e: (e.dates.start.isoformat(), e.title, e.id))


def _report_keys(r: EventReport) -> list[Any]:
    """The blocking keys of ``r`` (:mod:`geo.blocking`): its group, each spatial key of its
    place, each time bucket of its dates."""
    spots = place_keys(r.place, LABEL_POINT_KM)
    return [(r.type.group, spot, b) for spot in spots for b in buckets(r.dates)]


def _named_key(r: EventReport, offset: int) -> tuple[str, str, str, int]:
    """The key of the report of ``r``'s article and group at ``offset`` (what a definite
    description names, :attr:`EventReport.refers_to`)."""
    return ("named", r.type.group, r.article or "", offset)


def _ordinal(
    clusters: Sequence[list[EventReport]], cluster: list[EventReport], near: Sequence[int]
) -> int:
    """The position in ``clusters`` of ``cluster``, one of the positions ``near``."""
    return next(i for i in near if clusters[i] is cluster)


def _named_cluster(
    r: EventReport, clusters: Sequence[list[EventReport]]
) -> list[EventReport] | None:
    """The cluster holding the report of ``r``'s article that ``r`` names by a definite
    description (:attr:`EventReport.refers_to`), when their dates are compatible and their
    places are one happening told at two scales: one of them a region, a sea or a country
    (precision 3), at most :data:`REFERENCE_KM` from the other ("central Peru" and "off the
    coast of Ica"). Two towns stay two places."""
    if r.refers_to is None:
        return None
    for cluster in clusters:
        named = [o for o in cluster if o.article == r.article and o.char_start == r.refers_to]
        if named:
            # a description at another scale (a region and the sea off a town in it), near
            # it; two towns are two places, whatever the wording
            if all(
                dates_compatible(r.dates, o.dates) and not types_apart(r.type, o.type)
                for o in cluster
            ) and all(
                max(r.place.precision, o.place.precision) == 3
                and within(r.place, o.place, REFERENCE_KM)
                for o in named
            ):
                return cluster
            return None
    return None


def _fit(r: EventReport, cluster: Sequence[EventReport]) -> tuple[int, int, int, int]:
    """How loosely ``r`` fits a cluster it is compatible with (smaller is closer): the gap
    between its date precision and the cluster's finest, the days between its dates and the
    cluster's finest dates (0 when they overlap: Saturday's floods in a province join
    Saturday's floods in its districts, not Friday's breach nearby), the days the cluster's
    finest dates span, and whether no report of the cluster has its place."""
    finest = min(o.dates.rank for o in cluster)
    first = min(o.dates.start for o in cluster if o.dates.rank == finest)
    last = max(o.dates.end for o in cluster if o.dates.rank == finest)
    apart = max(0, (r.dates.start - last).days, (first - r.dates.end).days)
    return (
        abs(r.dates.rank - finest),
        apart,
        (last - first).days,
        int(all(o.place.id != r.place.id for o in cluster)),
    )


def _after_its_news(a: EventReport, b: EventReport) -> bool:
    """True when one of two reports of different articles is dated only by its article's
    publication and the other begins more than :data:`DAY_TOLERANCE` days after that: an
    article cannot report as done what happened after it was published ("Israel killed a
    top commander … in a strike on south Lebanon" of January 8 is not the strike of January
    10 another article tells)."""
    if a.article == b.article:
        return False
    return any(
        guess.date_source == "published"
        and other.dates.start > guess.dates.end + timedelta(days=DAY_TOLERANCE)
        for guess, other in ((a, b), (b, a))
    )


def _listed_apart(a: EventReport, b: EventReport) -> bool:
    """True when ``a`` and ``b`` are two places of one list in one article: separate places
    ("the Odesa, Mykolaiv and Kherson regions"), whatever their label points say."""
    return (
        a.list_start is not None
        and a.list_start == b.list_start
        and a.article == b.article
        and a.place.id != b.place.id
    )
