"""The blocked merge gives exactly the events of the exhaustive one (geo/blocking.py).

Blocking is only worth having if it loses nothing: these tests put reports that merge on
either side of a spatial cell edge, of the antimeridian and of a time bucket edge, check the
keys against the rules they are derived from on many generated cases, and compare the two
merges on the real reports of the events-dev corpus.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, box

from gazetteer import Place
from geo.blocking import BUCKET_DAYS, CELL_DEGREES, buckets, place_keys
from geo.compatibility import LABEL_POINT_KM
from geo.merge import Divisions, merge_reports, places_compatible
from geo.model import PRECISIONS, DateRange
from geo.reports import dates_compatible
from tests.geo.test_merge import TYPES, day, report

EVENTS_DEV = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora" / "events-dev"


def _table(events: list) -> list[tuple]:
    return [
        (
            e.id,
            e.title,
            e.place.id,
            e.dates,
            tuple(s["article"] for s in e.sources),
            e.confidence,
            e.notes,
        )
        for e in events
    ]


def _both(reports: list, articles: dict | None = None) -> list[tuple]:
    blocked = _table(merge_reports(reports, articles))
    assert blocked == _table(merge_reports(reports, articles, blocking=False))
    return blocked


def test_reports_on_either_side_of_a_cell_edge_merge() -> None:
    edge = CELL_DEGREES  # a cell boundary: the region lies east of it
    region = Place("t:reg", "Edgeland", "country", box(edge, 0, edge + 3, 3), country="XX")
    on_edge = Place("t:touch", "Touch", "city", Point(edge, 1.0), country="XX")
    inside = Place("t:east", "Eastham", "city", Point(edge + 0.5, 0.5), country="XX")
    west = Place("t:west", "Westham", "city", Point(edge - 0.01, 0.5), country="XX")
    for town in (on_edge, inside):
        (event,) = _both(
            [report("a", region, day("2024-10-14")), report("b", town, day("2024-10-14"))]
        )
        assert event[2] == town.id and event[4] == ("a", "b")
    # just west of the edge is outside the region: two events, both ways
    assert (
        len(_both([report("a", region, day("2024-10-14")), report("b", west, day("2024-10-14"))]))
        == 2
    )


def test_a_division_label_point_holds_a_town_across_the_antimeridian() -> None:
    division = Place("t:adm", "Farshire", "admin1", Point(179.8, 65.0), country="XX")
    town = Place("t:town", "Overtown", "city", Point(-179.5, 65.1), country="XX")
    assert places_compatible(division, town, Divisions(_NoGazetteer()))
    assert set(place_keys(division, LABEL_POINT_KM)) & set(place_keys(town, LABEL_POINT_KM))


class _NoGazetteer:
    def intersecting(self, *_args: object, **_kwargs: object) -> list:
        return []

    def candidates(self, *_args: object, **_kwargs: object) -> list:
        return []


def test_reports_on_either_side_of_a_bucket_edge_merge() -> None:
    # the last day of a bucket and the first of the next, one day apart: one meeting
    last = date.fromordinal((date(2024, 10, 1).toordinal() // BUCKET_DAYS + 1) * BUCKET_DAYS - 1)
    a = report("a", Place("t:c", "Testville", "city", Point(1.5, 1.5)), DateRange.day(last))
    b = report("b", a.place, DateRange.day(last + timedelta(days=1)))
    assert len(_both([a, b])) == 1
    # an undated report a week after a dated one, across buckets
    c = report(
        "c", a.place, DateRange(last + timedelta(days=8), last + timedelta(days=8), "unknown")
    )
    assert len(_both([a, c])) == 1


_DAY0 = date(2024, 1, 1).toordinal()


@st.composite
def _ranges(draw: st.DrawFn) -> DateRange:
    start = date.fromordinal(_DAY0 + draw(st.integers(0, 400)))
    length = draw(st.sampled_from([0, 0, 0, 6, 29, 90, 364]))
    return DateRange(start, start + timedelta(days=length), draw(st.sampled_from(PRECISIONS)))


@settings(max_examples=400, deadline=None)
@given(_ranges(), _ranges())
def test_compatible_dates_always_share_a_bucket(a: DateRange, b: DateRange) -> None:
    if dates_compatible(a, b):
        assert set(buckets(a)) & set(buckets(b))


@st.composite
def _places(draw: st.DrawFn) -> Place:
    lon = draw(st.floats(-180, 179.9, allow_nan=False))
    lat = draw(st.floats(-80, 80, allow_nan=False))
    kind = draw(st.sampled_from(["city", "admin1", "sea", "country"]))
    n = draw(st.integers(0, 10_000))
    if kind in {"city", "admin1"}:
        return Place(f"t:{kind}:{n}", "P", kind, Point(lon, lat), country="XX")
    w, h = draw(st.floats(0.1, 40)), draw(st.floats(0.1, 15))
    return Place(f"t:{kind}:{n}", "P", kind, box(lon, lat, min(180, lon + w), min(85, lat + h)))


@settings(max_examples=400, deadline=None)
@given(_places(), _places())
def test_compatible_places_always_share_a_key(a: Place, b: Place) -> None:
    if places_compatible(a, b, Divisions(_NoGazetteer())):
        assert set(place_keys(a, LABEL_POINT_KM)) & set(place_keys(b, LABEL_POINT_KM))


@pytest.mark.slow
@pytest.mark.skipif(not EVENTS_DEV.is_dir(), reason="the shared events-dev corpus is not here")
def test_the_blocked_merge_equals_the_exhaustive_one_on_real_reports() -> None:
    from datetime import timedelta as td

    from geo import extract, read_articles

    articles = read_articles([EVENTS_DEV / "articles"])
    result = extract(articles)
    reports = [r for e in result.event_list for r in e.reports]
    # every report again, a day later, in other articles: more to merge, and across buckets
    from dataclasses import replace

    shifted = [
        replace(
            r,
            article=f"{r.article}-b",
            dates=replace(r.dates, start=r.dates.start + td(1), end=r.dates.end + td(1)),
        )
        for r in reports
    ]
    by_id = {a.id: a for a in articles} | {
        f"{a.id}-b": replace(a, id=f"{a.id}-b") for a in articles
    }
    assert len(_both(reports + shifted, by_id)) >= len(result.event_list)


def test_an_undated_cluster_joins_the_target_whose_end_grew_latest_first() -> None:
    # the blocked walk reads each key's targets by end: a target that an undated cluster
    # joined ends later from then on, and must be met at its new place in that order
    region = Place("t:r", "Testland", "country", box(10, 10, 12, 12), country="XX")
    city = Place("t:c", "Testville", "city", Point(10.5, 10.5), country="XX")
    troops = "Troops crossed the northern border at dawn."
    farmers = "Farmers protested about grain prices yesterday."
    january = report("a", region, DateRange(date(2022, 1, 1), date(2022, 1, 31), "month"))
    june = report("b", region, DateRange(date(2022, 6, 1), date(2022, 6, 30), "month"))
    # undated, at a town of the region, in January's article: background to January
    # (June's article tells another story, so it joins no June cluster), ending in December
    spring = report("a", city, DateRange(date(2022, 3, 1), date(2022, 12, 31), "unknown"))
    late = report("c", region, day("2024-10-14", "unknown"), quote=f"{troops} {farmers}")
    reports = [
        replace(january, type=TYPES["invasion"], quote=troops),
        replace(june, type=TYPES["invasion"], quote=farmers),
        replace(spring, type=TYPES["invasion"], quote=troops),
        replace(late, type=TYPES["invasion"]),
    ]
    events = _both(reports)
    assert len(events) == 2
    # the late report joins January's event, which now ends in December, not June's
    assert sorted((e[3].start, e[4]) for e in events) == [
        (date(2022, 1, 1), ("a", "c")),
        (date(2022, 6, 1), ("b",)),
    ]


def test_an_undated_cluster_skips_a_later_target_at_a_place_of_its_cell_it_is_not_in() -> None:
    # the undated walk reads only targets whose first place is compatible with the cluster's:
    # a later invasion at a town of the same cell outside the region is not the one meant
    region = Place("t:r", "Testland", "country", box(10, 10, 12, 12), country="XX")
    town = Place("t:c", "Testville", "city", Point(10.5, 10.5), country="XX")
    outside = Place("t:o", "Outerton", "city", Point(13.5, 14.5), country="XX")
    troops = "Troops crossed the northern border at dawn."
    january = report("a", region, DateRange(date(2022, 1, 1), date(2022, 1, 31), "month"))
    june = report("b", outside, DateRange(date(2022, 6, 1), date(2022, 6, 30), "month"))
    undated = report("c", town, day("2024-10-14", "unknown"))
    reports = [replace(r, type=TYPES["invasion"], quote=troops) for r in (january, june, undated)]
    events = _both(reports)
    assert sorted((e[3].start, e[4]) for e in events) == [
        (date(2022, 1, 1), ("a", "c")),
        (date(2022, 6, 1), ("b",)),
    ]


def test_a_floating_report_finds_an_event_at_the_place_another_one_gave_it() -> None:
    # a background attack in a town joins the invasion of its country when a background
    # invasion in that town joined it first: the event is filed under the town from then on
    # (the test fails when the category index is not brought up to date)
    region = Place("t:r", "Testland", "country", box(10, 10, 12, 12), country="XX")
    town = Place("t:c", "Testville", "city", Point(10.5, 10.5), country="XX")
    february = DateRange(date(2022, 2, 1), date(2022, 2, 28), "month")
    invasion = replace(report("a", region, february), type=TYPES["invasion"])
    week = DateRange(date(2024, 10, 8), date(2024, 10, 14), "unknown")

    def floating(article: str, kind: str) -> object:
        r = replace(report(article, town, week), type=TYPES[kind], quote="Shortly before it.")
        return replace(r, status="background", date_source="none")

    (event,) = _both([invasion, floating("b", "invasion"), floating("c", "attack")])
    assert event[4] == ("a", "b", "c")
    # without the background invasion, the attack in the town names no event there
    (alone,) = _both([invasion, floating("c", "attack")])
    assert alone[4] == ("a",)
