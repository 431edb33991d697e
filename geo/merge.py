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
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from typing import Any

from shapely.errors import GEOSException

from gazetteer import GazetteerError, Place
from geo.blocking import KeyIndex, buckets, place_keys
from geo.model import PRECISIONS, DateRange
from geo.reports import EventReport, dates_compatible
from geo.titles import place_title, title_core
from geo.vocabulary import LazyWords
from lonlat.distance import km as great_circle_km

__all__ = [
    "REFERENCE_KM",
    "Divisions",
    "Event",
    "event_id",
    "merge_reports",
    "places_compatible",
    "types_apart",
]

#: Share of the smaller area two areas must overlap by to be "the same place".
AREA_OVERLAP = 0.5
#: How far from a division's label point a place of its country may lie at most to be taken
#: as inside it (a guard against divisions the gazetteer lacks; see :class:`Divisions`).
LABEL_POINT_KM = 600.0
#: A place lies in a division known by its label point when that label point is at most this
#: many times as far as the nearest label point of the country's divisions: label points are
#: not centres, so a place near the edge of two cells may belong to either.
LABEL_POINT_MARGIN = 1.25
#: A definite description joins the event it names only when their places are at most this
#: far apart: one happening told twice ("central Peru", "off the coast of Ica") names places
#: near each other; "the exercises in the Gulf of Mexico" after drills in the Bay of Bengal
#: are other exercises.
REFERENCE_KM = 500.0
#: Content-word overlap (Jaccard) above which two reports tell the same story.
SAME_WORDING = 0.25
#: Content-word overlap (Jaccard) of two whole articles above which they tell one story: the
#: outlets of one story share 0.13-0.39 (the bundled sample); two unrelated articles of LGL and
#: GeoWebNews share at most 0.07 in 99 pairs of 100 and 0.09 in 999 of 1000.
SAME_STORY = 0.1
#: Each further source removes this share of the remaining doubt.
SOURCE_BOOST = 0.4
#: A further source that only names the event as background removes this share.
BACKGROUND_BOOST = 0.2
#: Notes for events that no source reports as having happened.
PLANNED_NOTE = "Planned: the sources report it before it took place"
POSSIBLE_NOTE = "Possible: the sources say it may take place"
#: Note naming a place a source also gives for the event (a definite description elsewhere).
ALSO_NOTE = "The sources also place it in"
#: Note of an event that only the article's focus places (geo/focus.py).
FOCUS_NOTE = "Placed at the town the article is about: the sentence names no place"
#: Note of an event whose sources give the day it begins but not its end (the day follows).
OPENS_NOTE = "Start only: the sources give no end; it begins on"

_WORDS = re.compile(r"[^\W\d_]{4,}")
#: Words too common to tell two quotes apart (data: ``quote_stop_words`` in grammar.yaml).
_STOP = LazyWords("quote_stop_words")


@dataclass(frozen=True, slots=True)
class Event:
    """One event, merged from one or more reports."""

    id: str
    title: str
    type: str
    category: str
    place: Place
    dates: DateRange
    sources: tuple[Mapping[str, Any], ...]
    source_count: int
    confidence: float
    reports: tuple[EventReport, ...] = field(repr=False)
    notes: tuple[str, ...] = ()

    @property
    def derivation(self) -> str | None:
        """How the place was derived (a sentence), for derived areas."""
        d = self.place.derivation
        if d is None:
            return None
        if d.description:
            return d.description
        dist = f" {d.distance_km:g} km" if d.distance_km else ""
        detail = f" ({d.detail})" if d.detail else ""
        return f"{d.rule}{detail}{dist} from {d.base_name}"


def event_id(group: str, place_id: str, start: date) -> str:
    """The stable id of an event: a hash of its normalized key (not Python's ``hash``)."""
    key = f"{group.strip().lower()}|{place_id.strip()}|{start.isoformat()}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _area(geom: Any) -> float:
    """Area in square degrees scaled by cos(latitude): good enough to compare overlaps."""
    if geom.geom_type not in {"Polygon", "MultiPolygon"}:
        return 0.0
    lat = geom.centroid.y
    return geom.area * max(0.05, math.cos(math.radians(lat)))


def places_compatible(a: Place, b: Place, divisions: Divisions | None = None) -> bool:
    """True when ``a`` and ``b`` can be the place of one event: the same id, one inside the
    other, or areas overlapping by :data:`AREA_OVERLAP` of the smaller. Whether a division
    known only by its label point holds a place is asked of ``divisions`` (by default, the
    label points of the bundled gazetteer)."""
    divisions = divisions or _default_divisions()
    memo = divisions.memo
    if memo is None:
        return _places_compatible(a, b, divisions)
    key = (a.id, b.id)
    hit = memo.get(key)
    if hit is None:
        hit = memo[key] = _places_compatible(a, b, divisions)
    return hit


def _places_compatible(a: Place, b: Place, divisions: Divisions) -> bool:
    if a.id == b.id:
        return True
    if divisions.holds(a, b) or divisions.holds(b, a):
        return True
    ga, gb = a.geometry, b.geometry
    try:
        if not ga.intersects(gb):
            return False
        area_a, area_b = _area(ga), _area(gb)
        if area_a == 0 or area_b == 0:
            return True  # a point (or line) touching or inside an area
        overlap = _area(ga.intersection(gb))
        return overlap >= AREA_OVERLAP * min(area_a, area_b)
    except Exception:  # pragma: no cover - invalid geometries: compare ids only
        return False


class Divisions:
    """Approximate containment for first-level divisions the gazetteer knows only by their
    label points (no outline): a place lies in such a division when it is in the same
    country, within :data:`LABEL_POINT_KM` of the division's label point, and that label point
    is the nearest of the country's division label points, give or take
    :data:`LABEL_POINT_MARGIN` (a Voronoi cell of the label points, widened at its edges
    because label points are not centres). A city that gives its name to a division of its
    country lies in that division and no other (the city of Odesa is in the Odesa region,
    though the Mykolaiv region's label point is nearer to it). So "the Odesa region" holds
    Odesa and Izmail, "Sindh" holds Dadu and Karachi, Balochistan holds Quetta, and Sindh
    does not. Two divisions, or a division and a country, never hold each other (the Kharkiv
    and Sumy regions are two places, however near)."""

    def __init__(self, gazetteer: Any = None) -> None:
        self._gazetteer = gazetteer
        self._held: dict[tuple[str, str], bool] = {}
        #: Answers of :func:`places_compatible` by pair of place ids, during one merge.
        self.memo: dict[tuple[str, str], bool] | None = None

    def for_merge(self) -> Divisions:
        """A view of these divisions that remembers which places are compatible, by id:
        within one merge a place id names one place, and the same pairs come back often."""
        view = Divisions(self._gazetteer)
        view._held = self._held
        view.memo = {}
        return view

    @property
    def gazetteer(self) -> Any:
        if self._gazetteer is None:
            from gazetteer import Gazetteer

            self._gazetteer = Gazetteer.default()
        return self._gazetteer

    def holds(self, division: Place, other: Place) -> bool:
        """True when ``division`` is a first-level division known only by its label point
        that may hold ``other`` (see the class docstring)."""
        if division.kind != "admin1" or division.geometry.geom_type != "Point":
            return False
        if other.kind in _NEVER_INSIDE_A_DIVISION:
            return False
        if division.country is None or division.country != other.country:
            return False
        key = (division.id, other.id)
        hit = self._held.get(key)
        if hit is None:
            hit = self._held[key] = self._holds(division, other)
        return hit

    def _holds(self, division: Place, other: Place) -> bool:
        from shapely.geometry import box

        q = other.geometry.representative_point()
        reach = _km(division.geometry, q)
        if reach > LABEL_POINT_KM:
            return False
        namesakes = self._namesakes(other)
        if namesakes:
            # a division named after its centre holds it, and no neighbour does: the city of
            # Odesa is in the Odesa region even where the Mykolaiv region's label point is
            # nearer to it
            return division.id in namesakes
        dlat = reach / 111.0 + 0.01
        dlon = dlat / max(0.05, math.cos(math.radians(q.y)))
        near = self.gazetteer.intersecting(
            box(q.x - dlon, q.y - dlat, q.x + dlon, q.y + dlat), kinds=("admin1",)
        )
        nearest = min(
            (
                _km(p.geometry, q)
                for p in near
                if p.country == division.country and p.geometry.geom_type == "Point"
            ),
            default=reach,
        )
        return reach <= LABEL_POINT_MARGIN * nearest

    def _namesakes(self, place: Place) -> frozenset[str]:
        """Ids of the divisions known by label points in ``place``'s country that bear its
        name (the Kano state for the city of Kano)."""
        if place.kind not in _CENTRE_KINDS:
            return frozenset()
        from gazetteer.normalize import normalize

        try:
            cands = self.gazetteer.candidates(normalize(f"{place.name} region"))
        except GazetteerError:  # pragma: no cover - a gazetteer that cannot look the name up
            return frozenset()
        return frozenset(
            c.place.id
            for c in cands
            if c.place.kind == "admin1"
            and c.place.country == place.country
            and c.place.geometry.geom_type == "Point"
        )


#: Kinds of place that may be the centre a division is named after.
_CENTRE_KINDS = frozenset({"city", "capital"})


@cache
def _default_divisions() -> Divisions:
    return Divisions()


#: Kinds of place a first-level division never holds.
_NEVER_INSIDE_A_DIVISION = frozenset({"admin1", "country"})


def _km(p: Any, q: Any) -> float:
    """Great-circle distance between two lon/lat points, in km."""
    return great_circle_km(p.x, p.y, q.x, q.y)


def _content_words(quote: str, exclude: set[str]) -> set[str]:
    return {w for w in _lower_words(quote) if w not in _STOP} - exclude


@lru_cache(maxsize=65536)
def _lower_words(text: str) -> frozenset[str]:
    """The words of ``text`` (:data:`_WORDS`), lowercased; the same quotes and place names
    come back for every pair of events compared."""
    return frozenset(x.lower() for x in _WORDS.findall(text))


def _wording_overlap(a: Sequence[EventReport], b: Sequence[EventReport]) -> float:
    exclude = set()
    for r in (*a, *b):
        exclude |= _lower_words(r.place.name)
        exclude |= _lower_words(r.text)
    best = 0.0
    for x in a:
        wx = _content_words(x.quote, exclude)
        for y in b:
            wy = _content_words(y.quote, exclude)
            if wx and wy:
                best = max(best, _jaccard(wx, wy))
    return best


def _precision_rank(r: EventReport) -> int:
    return PRECISIONS.index(r.dates.precision)


def _merged_dates(reports: Sequence[EventReport]) -> tuple[DateRange, bool]:
    """The union of the most precise reports' dates (the overlap of windows of unknown
    precision, when they overlap), and whether its start is only a start
    (a report that gives the first day and no end, :attr:`EventReport.opens`). Such a report
    starts the event on its day, and the windows the other most precise reports give end it:
    "scheduled to start on Oct. 22" with "next week" (21–27 Oct) is 22–27 Oct."""
    finest = min(_precision_rank(r) for r in reports)
    chosen = [r for r in reports if _precision_rank(r) == finest]
    precision = PRECISIONS[finest]
    opening = [r.dates for r in chosen if r.opens]
    if not opening:
        dates = [r.dates for r in chosen]
        if precision == "unknown":
            # "around publication" windows of articles published days apart: the happening
            # lies in each of them, so in their overlap (their union only when they miss)
            start, end = max(d.start for d in dates), min(d.end for d in dates)
            if start <= end:
                return DateRange(start, end, precision), False
        return DateRange(min(d.start for d in dates), max(d.end for d in dates), precision), False
    start = min(d.start for d in opening)
    ends = [r.dates.end for r in chosen if not r.opens and r.dates.end >= start]
    end = min(ends) if ends else max(d.end for d in opening)
    return DateRange(start, end, precision), True


def _pick_place(reports: Sequence[EventReport]) -> Place:
    counts = Counter(r.place.id for r in reports)
    by_id = {r.place.id: r.place for r in reports}
    return min(
        by_id.values(),
        key=lambda p: (p.precision, _area(p.geometry), -counts[p.id], p.id),
    )


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
    divisions = (_default_divisions() if gazetteer is None else Divisions(gazetteer)).for_merge()
    stories = _Stories(reports, articles)
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
    index = KeyIndex()
    for r in ordered:
        group = r.type.group
        keys = _report_keys(r)
        if blocking:
            near = index.near(keys)
            first = None if r.refers_to is None else index.first(_named_key(r, r.refers_to))
            named_pool = [first] if first is not None else []
        else:
            near = named_pool = by_group[group]
        named = _named_cluster(r, [clusters[i] for i in named_pool])
        if named is not None:
            named.append(r)  # "The quake was centred off Ica": the quake of central Peru
            index.add([*keys, _named_key(r, r.char_start)], _ordinal(clusters, named, named_pool))
            continue
        fits = [
            cluster
            for cluster in (clusters[i] for i in near)
            if all(
                places_compatible(r.place, o.place, divisions)
                and dates_compatible(r.dates, o.dates)
                and not _listed_apart(r, o)
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
        index.add([*keys, _named_key(r, r.char_start)], ordinal)
    clusters = _attach_undated(clusters, divisions, stories, blocking)
    _attach_floating(clusters, floating, divisions, blocking)
    events = [_event(c, articles, divisions) for c in clusters]
    events = _note_disagreements(events, divisions, blocking)
    seen: Counter[str] = Counter()
    unique = []
    for e in sorted(events, key=lambda e: (e.dates.start, e.id, e.title)):
        seen[e.id] += 1
        if seen[e.id] > 1:
            e = _replace(e, id=f"{e.id}-{seen[e.id]}")
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


class _Stories:
    """Which articles tell one story: two articles whose content words overlap by
    :data:`SAME_STORY` (Jaccard, over the whole text, or over the quotes of their reports when
    the text is not given). Across articles, a report joins a cluster at another place
    ("Russia" and "Kazan", a town and its country) only when its article tells one story with
    an article of the cluster: in a newsroom's week, a town inside a country is many unrelated
    happenings. The same place, or the same article, needs no story link. Links are computed
    only for the pairs of articles whose reports could merge, once each, so the cost follows
    the candidate merges, not the square of the number of articles."""

    def __init__(self, reports: Sequence[EventReport], articles: Mapping[str, Any]) -> None:
        self._quotes: dict[str, list[str]] = defaultdict(list)
        for r in reports:
            self._quotes[r.article or ""].append(r.quote)
        self._articles = articles
        self._words: dict[str, frozenset[str]] = {}
        self._links: dict[tuple[str, str], bool] = {}

    def _content(self, article_id: str) -> frozenset[str]:
        words = self._words.get(article_id)
        if words is None:
            text = getattr(self._articles.get(article_id), "text", None)
            text = text or " ".join(self._quotes.get(article_id, ()))
            # whole texts are not kept in the cache of short quotes' words (_lower_words)
            words = self._words[article_id] = frozenset(
                w for w in (x.lower() for x in _WORDS.findall(text)) if w not in _STOP
            )
        return words

    def linked(self, a: str, b: str) -> bool:
        """True when articles ``a`` and ``b`` tell one story (computed once per pair)."""
        key = (a, b) if a <= b else (b, a)
        hit = self._links.get(key)
        if hit is None:
            hit = self._links[key] = _jaccard(self._content(a), self._content(b)) >= SAME_STORY
        return hit

    def allow(self, r: EventReport, cluster: Sequence[EventReport]) -> bool:
        """True when ``r`` may join ``cluster`` as far as stories go: every report of the
        cluster at ``r``'s place or of ``r``'s article, or ``r``'s article linked to an
        article of the cluster."""
        article = r.article or ""
        if all(o.place.id == r.place.id for o in cluster):
            return True
        if any((o.article or "") == article for o in cluster):
            return True  # its own article tells the story at the other place too
        return any(self.linked(article, o.article or "") for o in cluster)


def _jaccard(a: AbstractSet[str], b: AbstractSet[str]) -> float:
    """The Jaccard overlap of two word sets (0 when both are empty)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


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
                and _within(r.place, o.place, REFERENCE_KM)
                for o in named
            ):
                return cluster
            return None
    return None


def _within(a: Place, b: Place, km: float) -> bool:
    """True when the nearest points of ``a`` and ``b`` are at most ``km`` apart."""
    from shapely.ops import nearest_points

    try:
        p, q = nearest_points(a.geometry, b.geometry)
    except GEOSException:  # pragma: no cover - invalid geometries
        return False
    return _km(p, q) <= km


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


def types_apart(a: Any, b: Any) -> bool:
    """True when trigger types ``a`` and ``b`` of one group are never one happening (their
    lexicon's ``apart``: a wildfire and a flood)."""
    return b.name in getattr(a, "apart", ()) or a.name in getattr(b, "apart", ())


def _quote_with_antecedent(r: EventReport, cluster: Sequence[EventReport]) -> str:
    """The quote of ``r``, preceded by the sentence it names by a definite description when
    that report is in ``cluster``: "The quake was centred off the coast of Valparaíso" alone
    says neither what happened nor when; "A magnitude 6.3 earthquake shook central Chile on
    Saturday night … The quake was centred off …" does."""
    if r.refers_to is None:
        return r.quote
    named = next(
        (o for o in cluster if o.article == r.article and o.char_start == r.refers_to), None
    )
    if named is None or named.quote == r.quote or r.quote in named.quote:
        return r.quote
    return f"{named.quote} … {r.quote}"


def _listed_apart(a: EventReport, b: EventReport) -> bool:
    """True when ``a`` and ``b`` are two places of one list in one article: separate places
    ("the Odesa, Mykolaiv and Kherson regions"), whatever their label points say."""
    return (
        a.list_start is not None
        and a.list_start == b.list_start
        and a.article == b.article
        and a.place.id != b.place.id
    )


def _attach_undated(
    clusters: list[list[EventReport]],
    divisions: Divisions,
    stories: _Stories,
    blocking: bool = True,
) -> list[list[EventReport]]:
    """A cluster dated only by publication dates ("Moscow invaded Ukraine", no date) that
    matches no dated cluster in time is background to the latest earlier dated event of
    the same type and place ("the invasion of Ukraine in February 2022") that its article,
    or one telling the same story (:class:`_Stories`), dates: it joins it."""
    is_dated = [any(r.dates.precision != "unknown" for r in c) for c in clusters]
    dated = [c for c, d in zip(clusters, is_dated, strict=True) if d]
    # a target holds a place compatible with the cluster's first: they share a spatial key
    index = KeyIndex()
    for i, c in enumerate(dated):
        index.add(((c[0].type.group, spot) for spot in place_keys(c[0].place, LABEL_POINT_KM)), i)
    ends = [max(r.dates.end for r in c) for c in dated]  # kept up to date as clusters grow
    out = list(dated)
    for cluster, cluster_dated in zip(clusters, is_dated, strict=True):
        if cluster_dated:
            continue
        if any(r.headline for r in cluster):
            out.append(cluster)  # a headline tells the article's news, not its background
            continue
        start = min(r.dates.start for r in cluster)
        group = cluster[0].type.group
        articles = {r.article for r in cluster}
        if blocking:
            spots = place_keys(cluster[0].place, LABEL_POINT_KM)
            near: Sequence[int] = index.near((group, spot) for spot in spots)
        else:
            near = range(len(dated))
        # the latest target (by end, then as made) is the first in this order that fits
        pool = sorted((i for i in near if ends[i] < start), key=lambda i: (-ends[i].toordinal(), i))
        latest = next(
            (
                c
                for c in (dated[i] for i in pool)
                if c[0].type.group == group
                # from another article, the same type, not only the same group: "Moscow invaded
                # Ukraine" is the invasion of 2022, but a storm with no date is no flood of last
                # year; in one article, the undated summit is the visit it dates elsewhere
                and any(r.article in articles or r.type.name == cluster[0].type.name for r in c)
                and max(r.dates.end for r in c) < start
                and not any(types_apart(r.type, o.type) for r in cluster for o in c)
                and all(places_compatible(r.place, o.place, divisions) for r in cluster for o in c)
                and any(
                    r.article in articles or stories.linked(a or "", r.article or "")
                    for r in c
                    for a in articles
                )
            ),
            None,
        )
        if latest is not None:
            latest.extend(cluster)
            at = next(i for i in near if dated[i] is latest)
            ends[at] = max(ends[at], max(r.dates.end for r in cluster))
        else:
            out.append(cluster)
    return out


def _start(cluster: Sequence[EventReport]) -> date:
    return min(r.dates.start for r in cluster if not r.floating)


def _attach_floating(
    clusters: list[list[EventReport]],
    floating: Sequence[EventReport],
    divisions: Divisions,
    blocking: bool = True,
) -> None:
    """Add each floating background report to the event it refers to: the latest one that
    began by its article's publication day, of the same kind at a compatible place, else of
    the same category at the same place; an event its own article reports comes before
    those of other articles. A report that refers to nothing is dropped."""
    ordered = sorted(floating, key=lambda r: (r.article or "", r.char_start, r.place.id))
    # a candidate's first report has a place compatible with r's: they share a spatial key
    index = KeyIndex()
    if blocking:
        for i, c in enumerate(clusters):
            index.add(place_keys(c[0].place, LABEL_POINT_KM), i)
    starts = [_start(c) for c in clusters]  # floating reports, the only ones added, keep it
    by_article: dict[str | None, set[int]] = {}
    for i, c in enumerate(clusters):
        for o in c:
            by_article.setdefault(o.article, set()).add(i)
    for r in ordered:
        published = r.dates.end  # a floating report's placeholder ends on publication day
        if blocking:
            near: Sequence[int] = index.near(place_keys(r.place, LABEL_POINT_KM))
        else:
            near = range(len(clusters))
        # the latest candidates first: the target begins on the latest day of those that fit
        # (of the same kind, else of the same category and place), so the walk stops there
        latest = sorted(
            (i for i in near if starts[i] <= published), key=lambda i: (-starts[i].toordinal(), i)
        )
        # what its own article reports first: "the night before the stabbing" is the
        # stabbing the article tells of, not a later one another article tells of
        own = by_article.get(r.article, set())
        target = _referent(r, [i for i in latest if i in own], clusters, starts, divisions)
        if target is None:
            target = _referent(r, latest, clusters, starts, divisions)
        if target is not None:
            target.append(r)


def _referent(
    r: EventReport,
    latest: Sequence[int],
    clusters: Sequence[list[EventReport]],
    starts: Sequence[Any],
    divisions: Divisions,
) -> list[EventReport] | None:
    """The cluster among ``latest`` (indices, latest start first) that the floating report
    ``r`` refers to: the latest of the same kind at a compatible place, else of the same
    category at the same place; ``None`` when none fits."""
    kind: list[int] = []
    other: list[int] = []
    for i in latest:
        if kind and starts[i] < starts[kind[0]]:
            break
        c = clusters[i]
        if not (
            all(places_compatible(r.place, o.place, divisions) for o in c)
            and not any(types_apart(r.type, o.type) for o in c)
        ):
            continue
        if c[0].type.group == r.type.group:
            kind.append(i)
        elif (not other or starts[i] == starts[other[0]]) and (
            c[0].type.category == r.type.category and any(o.place.id == r.place.id for o in c)
        ):
            other.append(i)
    same = [clusters[i] for i in sorted(kind or other)]
    if not same:
        return None
    return max(same, key=lambda c: (_start(c), sorted(o.place.id for o in c)))


def _replace(e: Event, **changes: Any) -> Event:
    values = {f: getattr(e, f) for f in Event.__dataclass_fields__}
    values.update(changes)
    return Event(**values)


def _event(
    cluster: Sequence[EventReport], articles: Mapping[str, Any], divisions: Divisions
) -> Event:
    core = [r for r in cluster if not r.floating]
    # reported and planned sources first: background never outweighs them
    fore = [r for r in core if r.status != "background"] or core
    place = _pick_place(fore)
    dates, opened = _merged_dates(
        [r for r in fore if r.dates.precision != "unknown"]
        or [r for r in core if r.dates.precision != "unknown"]
        or fore
    )
    lead = max(
        fore,
        key=lambda r: (
            r.type.strength,
            r.place.id == place.id,
            r.confidence,
            -(ord(r.article[0]) if r.article else 0),
        ),
    )
    # "Statement, Washington, D.C.": the place name may hold a comma itself
    title = place_title(title_core(lead.title, lead.place), place)
    leading = set(map(id, fore))

    def rank(r: EventReport) -> tuple[bool, bool, bool, float, int]:
        # a sentence of the body before the headline that sums it up: "A magnitude 6.3
        # earthquake struck western Afghanistan on Oct. 7", not "Second strong quake hits…"
        return (
            id(r) in leading,
            r.place.id == place.id,
            not r.headline,
            r.confidence,
            -r.char_start,
        )

    best_by_article: dict[str, EventReport] = {}
    for r in cluster:
        key = r.article or ""
        cur = best_by_article.get(key)
        if cur is None or rank(r) > rank(cur):
            best_by_article[key] = r
    sources = []
    for article_id in sorted(best_by_article):
        r = best_by_article[article_id]
        meta = articles.get(article_id)
        published = getattr(meta, "published", None)
        sources.append(
            {
                "article": article_id or None,
                "title": getattr(meta, "title", None),
                "outlet": getattr(meta, "outlet", None),
                "url": getattr(meta, "url", None),
                "published": published.isoformat() if published else None,
                "quote": _quote_with_antecedent(r, cluster),
            }
        )
    n = len(best_by_article)
    primary = sum(1 for r in best_by_article.values() if id(r) in leading)
    base = max(r.confidence for r in fore)
    doubt = (1 - base) * (1 - SOURCE_BOOST) ** (primary - 1)
    confidence = round(1 - doubt * (1 - BACKGROUND_BOOST) ** (n - primary), 3)
    statuses = {r.status for r in fore}
    notes: tuple[str, ...] = ()
    if statuses <= {"planned", "possible"}:
        notes = (POSSIBLE_NOTE if statuses == {"possible"} else PLANNED_NOTE,)
    if all(r.role == "focus" for r in fore):
        notes = (*notes, FOCUS_NOTE)
    if opened:
        notes = (*notes, f"{OPENS_NOTE} {dates.start.day} {dates.start:%B %Y}")
    # a definite description joins its event whatever its place ("The quake was centred off
    # Ica"): the event keeps the finest place, and the others stay visible as notes
    apart = {
        r.place.id: r.place.name for r in fore if not places_compatible(r.place, place, divisions)
    }
    notes = (*notes, *(f"{ALSO_NOTE} {name}" for _, name in sorted(apart.items())))
    return Event(
        id=event_id(lead.type.group, place.id, dates.start),
        title=title,
        type=lead.type.name,
        category=lead.type.category,
        place=place,
        dates=dates,
        sources=tuple(sources),
        source_count=n,
        confidence=confidence,
        reports=tuple(cluster),
        notes=notes,
    )


def _note_disagreements(
    events: list[Event], divisions: Divisions, blocking: bool = True
) -> list[Event]:
    notes: dict[int, list[str]] = defaultdict(list)
    # two events of one group at compatible dates share a (group, time bucket) key
    index = KeyIndex()
    keys = [[(e.reports[0].type.group, b) for b in buckets(e.dates)] for e in events]
    for j in reversed(range(len(events))) if blocking else ():
        index.add(keys[j], j)
    for i, a in enumerate(events):
        later = [j for j in index.near(keys[i]) if j > i] if blocking else range(i + 1, len(events))
        for j in later:
            b = events[j]
            if a.reports[0].type.group != b.reports[0].type.group:
                continue
            if not dates_compatible(a.dates, b.dates):
                continue
            if places_compatible(a.place, b.place, divisions):
                continue
            arts_a = {r.article for r in a.reports}
            arts_b = {r.article for r in b.reports}
            if arts_a & arts_b:
                continue  # one article naming two places: two events, not a disagreement
            if _wording_overlap(a.reports, b.reports) < SAME_WORDING:
                continue
            notes[i].append(_note(b))
            notes[j].append(_note(a))
    return [
        _replace(e, notes=(*e.notes, *sorted(set(notes[i])))) if i in notes else e
        for i, e in enumerate(events)
    ]


def _note(other: Event) -> str:
    articles = ", ".join(sorted({r.article or "?" for r in other.reports}))
    return f"Other sources place this in {other.place.name} ({articles})"
