"""Merging event reports across articles: kinds, places, dates, ids, disagreements.

Reports here are built by hand with small square places, so each rule is tested alone.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from types import SimpleNamespace

from shapely.geometry import Point, box

from gazetteer import Place
from geo.lexicon import trigger_types
from geo.merge import event_id, merge_reports, places_compatible
from geo.merged_event import PLANNED_NOTE, POSSIBLE_NOTE
from geo.model import DateRange
from geo.reports import EventReport, dates_compatible

TYPES = trigger_types()

CITY = Place("test:city", "Testville", "city", Point(10.5, 10.5), country="XX", prominence=1e5)
OTHER_CITY = Place("test:city2", "Otherton", "city", Point(30.5, 10.5), prominence=1e5)
REGION = Place("test:region", "Testland", "country", box(10, 10, 12, 12), country="XX")
SEA_A = Place("test:sea-a", "Arctic Test Sea", "sea", box(0, 60, 20, 70))
SEA_B = Place("test:sea-b", "Pacific Test Sea", "sea", box(40, 30, 60, 40))
HALF = Place("test:half", "Half Sea", "sea", box(0, 60, 14, 70))


def day(d: str, precision: str = "day") -> DateRange:
    x = date.fromisoformat(d)
    return DateRange(x, x, precision)


def report(
    article: str,
    place: Place,
    dates: DateRange,
    kind: str = "meeting",
    quote: str = "Ministers met for talks.",
    conf: float = 0.9,
) -> EventReport:
    t = TYPES[kind]
    return EventReport(
        article=article,
        type=t,
        trigger=kind,
        role="in",
        place=place,
        char_start=0,
        char_end=len(place.name),
        text=place.name,
        dates=dates,
        date_source="clause",
        quote=quote,
        title=f"{t.label}, {place.name}",
        confidence=conf,
    )


def test_dates_compatible_rules() -> None:
    assert dates_compatible(day("2024-10-14"), day("2024-10-14"))
    assert dates_compatible(day("2024-10-14"), day("2024-10-15"))  # one day apart
    assert not dates_compatible(day("2024-10-14"), day("2024-10-17"))
    month = DateRange(date(2024, 9, 1), date(2024, 9, 30), "month")
    assert dates_compatible(month, day("2024-09-12"))
    assert not dates_compatible(month, day("2024-10-02"))
    unknown = day("2024-10-16", "unknown")
    assert dates_compatible(unknown, day("2024-10-10"))  # within a week of publication
    assert not dates_compatible(unknown, day("2024-09-01"))


def test_places_compatible_rules() -> None:
    assert places_compatible(CITY, CITY)
    assert places_compatible(CITY, REGION)  # the city lies in the country
    assert not places_compatible(OTHER_CITY, REGION)
    assert not places_compatible(SEA_A, SEA_B)
    assert places_compatible(SEA_A, HALF)  # overlap of at least half the smaller area
    sliver = Place("test:sliver", "Sliver", "sea", box(19, 60, 40, 70))
    assert not places_compatible(SEA_A, sliver)  # they touch, but barely overlap


def test_a_division_known_by_its_label_point_holds_nearby_cities_but_no_other_division() -> None:
    division = Place("test:adm-a", "Testshire", "admin1", Point(10.0, 10.0), country="XX")
    neighbour = Place("test:adm-b", "Othershire", "admin1", Point(11.0, 10.0), country="XX")
    town = Place("test:town", "Testtown", "city", Point(10.5, 10.2), country="XX")
    assert places_compatible(division, town)  # ~60 km: the division may hold the town
    assert places_compatible(town, division)
    assert not places_compatible(division, neighbour)  # two divisions are two places


def test_reports_of_one_meeting_merge_into_one_event_with_every_source() -> None:
    reports = [
        report("a", CITY, day("2024-10-14"), "arrival"),
        report("b", CITY, day("2024-10-15"), "meeting"),
        report("c", REGION, day("2024-10-14"), "talks"),
        report("c", CITY, day("2024-10-14"), "talks", quote="Talks were held in Testville."),
    ]
    articles = {
        "a": SimpleNamespace(title="A", outlet="Outlet A", url="u:a", published=date(2024, 10, 14)),
        "b": SimpleNamespace(title="B", outlet=None, url=None, published=None),
    }
    (event,) = merge_reports(reports, articles)
    assert event.place == CITY  # the finest place
    assert (event.dates.start, event.dates.end) == (date(2024, 10, 14), date(2024, 10, 15))
    assert event.source_count == 3
    assert [s["article"] for s in event.sources] == ["a", "b", "c"]
    assert event.sources[0] == {
        "article": "a",
        "title": "A",
        "outlet": "Outlet A",
        "url": "u:a",
        "published": "2024-10-14",
        "quote": "Ministers met for talks.",
    }
    assert event.sources[2]["quote"] == "Talks were held in Testville."  # its best report
    assert event.confidence > 0.9  # more sources, more confidence
    assert event.category == "diplomacy"


def test_different_kinds_places_or_dates_stay_apart() -> None:
    reports = [
        report("a", CITY, day("2024-10-14"), "meeting"),
        report("b", CITY, day("2024-10-14"), "protest"),
        report("c", OTHER_CITY, day("2024-10-14"), "meeting"),
        report("d", CITY, day("2024-11-20"), "meeting"),
    ]
    assert len(merge_reports(reports)) == 4


def test_clusters_do_not_chain_across_days() -> None:
    reports = [report(x, CITY, day(f"2024-10-{10 + i}")) for i, x in enumerate("abcde")]
    events = merge_reports(reports)
    assert len(events) >= 2
    for e in events:
        assert (e.dates.end - e.dates.start).days <= 1


def test_precise_sources_set_the_dates() -> None:
    reports = [
        report("a", CITY, day("2024-10-16", "unknown")),
        report("b", CITY, DateRange(date(2024, 10, 14), date(2024, 10, 20), "week")),
        report("c", CITY, day("2024-10-15")),
    ]
    (event,) = merge_reports(reports)
    assert (event.dates.start, event.dates.end, event.dates.precision) == (
        date(2024, 10, 15),
        date(2024, 10, 15),
        "day",
    )


def test_ids_are_deterministic_hashes_of_the_key() -> None:
    assert event_id("meeting", "test:city", date(2024, 10, 14)) == event_id(
        " Meeting ", "test:city", date(2024, 10, 14)
    )
    assert event_id("meeting", "test:city", date(2024, 10, 14)) != event_id(
        "meeting", "test:city", date(2024, 10, 15)
    )
    reports = [report("a", CITY, day("2024-10-14")), report("b", SEA_A, day("2024-10-14"))]
    first = [e.id for e in merge_reports(reports)]
    second = [e.id for e in merge_reports(list(reversed(reports)))]
    assert first == second
    assert len(set(first)) == 2


def test_disagreeing_sources_keep_both_places_with_notes() -> None:
    arctic = report(
        "x",
        SEA_A,
        DateRange(date(2024, 9, 16), date(2024, 10, 16), "unknown"),
        "patrol",
        quote="Chinese and Russian coast guards conducted their first joint patrol in the Arctic.",
    )
    pacific = report(
        "y",
        SEA_B,
        DateRange(date(2024, 10, 7), date(2024, 10, 13), "week"),
        "patrol",
        quote="Russian and Chinese border guards completed their first joint patrol in the south.",
    )
    events = {e.place.id: e for e in merge_reports([arctic, pacific])}
    assert len(events) == 2
    assert events["test:sea-a"].notes == ("Other sources place this in Pacific Test Sea (y)",)
    assert events["test:sea-b"].notes == ("Other sources place this in Arctic Test Sea (x)",)


def test_unrelated_wording_is_not_a_disagreement() -> None:
    a = report("x", SEA_A, day("2024-10-10"), "patrol", quote="Fishing fleets were patrolled.")
    b = report("y", SEA_B, day("2024-10-10"), "patrol", quote="A border unit watched smugglers.")
    assert all(e.notes == () for e in merge_reports([a, b]))


def test_wording_compared_once_per_pair_still_leaves_out_each_pairs_place_names() -> None:
    # four patrols told in one quote, in four seas; two of the seas are named by the
    # quote's own words, which leave nothing to compare between those two, so they note
    # each other not (the comparisons are remembered by wording: the test fails when the
    # wording of an event is taken without the place names it leaves out)
    quote = "Zorblax Quenfield patrols."
    seas = [
        Place(f"t:sea{k}", name, "sea", box(20 * k, 0, 20 * k + 5, 5))
        for k, name in enumerate(["Arctic Sea", "Pacific Sea", "Zorblax", "Quenfield Patrols"])
    ]
    reports = [
        report(f"a{k}", sea, day("2024-10-10"), "patrol", quote=quote) for k, sea in enumerate(seas)
    ]
    notes = {e.place.name: e.notes for e in merge_reports(reports)}
    assert not any("Quenfield" in n for n in notes["Zorblax"])
    assert not any("Zorblax" in n for n in notes["Quenfield Patrols"])
    assert any("Pacific Sea" in n for n in notes["Arctic Sea"])
    assert any("Zorblax" in n for n in notes["Arctic Sea"])


def test_one_article_naming_two_places_is_not_a_disagreement() -> None:
    quote = "Joint patrols were held in both seas."
    a = report("x", SEA_A, day("2024-10-10"), "patrol", quote=quote)
    b = report("x", SEA_B, day("2024-10-10"), "patrol", quote=quote)
    assert all(e.notes == () for e in merge_reports([a, b]))


def test_derivation_is_described_for_derived_places() -> None:
    from gazetteer import Derivation

    derived = Place(
        "derived:near:test",
        "Near Testville",
        "derived",
        box(10, 10, 11, 11),
        derivation=Derivation("test:city", "Testville", "near", distance_km=50),
    )
    (event,) = merge_reports([report("a", derived, day("2024-10-10"), "earthquake")])
    assert event.derivation == "near 50 km from Testville"
    (plain,) = merge_reports([replace(report("a", CITY, day("2024-10-10")))])
    assert plain.derivation is None


def test_undated_background_joins_the_earlier_dated_event_of_its_kind_and_place() -> None:
    february = DateRange(date(2022, 2, 1), date(2022, 2, 28), "month")
    dated = report("a", REGION, february, "invasion")
    background = report("b", REGION, day("2024-10-14", "unknown"), "invasion")
    (event,) = merge_reports([dated, background])
    assert (event.dates.start, event.dates.end) == (february.start, february.end)
    assert event.source_count == 2
    elsewhere = report("c", SEA_B, day("2024-10-14", "unknown"), "invasion")
    assert len(merge_reports([dated, elsewhere])) == 2  # another place: its own event
    later = report("d", REGION, day("2021-01-05", "unknown"), "invasion")
    assert len(merge_reports([dated, later])) == 2  # nothing dated before it


def background(
    article: str,
    place: Place,
    published: str,
    kind: str = "invasion",
    quote: str = "Ties grew shortly before the invasion.",
) -> EventReport:
    """A floating background report: no date of its own, the publication week as placeholder."""
    end = date.fromisoformat(published)
    week = DateRange(end - timedelta(days=6), end, "unknown")
    return replace(
        report(article, place, week, kind, quote, conf=0.6),
        status="background",
        date_source="none",
    )


def test_floating_background_joins_the_dated_event_it_refers_to() -> None:
    february = DateRange(date(2022, 2, 1), date(2022, 2, 28), "month")
    dated = report("a", REGION, february, "invasion")
    (event,) = merge_reports([dated, background("b", REGION, "2024-10-14")])
    assert (event.dates.start, event.dates.end, event.dates.precision) == (
        february.start,
        february.end,
        "month",
    )
    assert [s["article"] for s in event.sources] == ["a", "b"]
    assert event.source_count == 2


def test_floating_background_alone_is_not_an_event() -> None:
    assert merge_reports([background("b", REGION, "2024-10-14")]) == []
    later = report("a", REGION, day("2024-12-01"), "invasion")  # after the article: not it
    (event,) = merge_reports([later, background("b", REGION, "2024-10-14")])
    assert event.source_count == 1


def test_floating_background_falls_back_to_the_same_category_at_the_same_place() -> None:
    february = DateRange(date(2022, 2, 1), date(2022, 2, 28), "month")
    invasion = report("a", REGION, february, "invasion")
    attack = background("b", REGION, "2024-10-14", kind="attack")  # "launched its attack on"
    (event,) = merge_reports([invasion, attack])
    assert event.type == "invasion" and event.source_count == 2
    in_city = background("c", CITY, "2024-10-14", kind="attack")  # same category, other place
    assert len(merge_reports([invasion, in_city])) == 1  # dropped, not joined
    protest = background("d", REGION, "2024-10-14", kind="protest")  # another category
    assert len(merge_reports([invasion, protest])) == 1


def test_background_never_outweighs_the_reported_event() -> None:
    reported = report("a", REGION, day("2024-10-14", "unknown"), "meeting", conf=0.7)
    # a precise background mention of the same meeting, placed in a city of the region
    aside = replace(report("b", CITY, day("2024-10-13"), "meeting", conf=0.95), status="background")
    dated = report("c", REGION, day("2024-10-12"), "meeting", conf=0.8)
    (event,) = merge_reports([reported, aside, dated])
    assert event.place == REGION  # not the background's finer city
    assert (event.dates.start, event.dates.precision) == (date(2024, 10, 12), "day")
    assert event.confidence < 0.95  # the background's own confidence is not the base
    only = merge_reports([reported, aside])[0]
    assert (only.dates.start, only.dates.end) == (date(2024, 10, 13), date(2024, 10, 13))


def test_background_sources_add_less_confidence_than_reports() -> None:
    dated = report("a", REGION, day("2024-10-14"), "invasion", conf=0.8)
    with_report = merge_reports([dated, report("b", REGION, day("2024-10-14"), "invasion")])
    with_background = merge_reports([dated, background("b", REGION, "2024-10-16")])
    assert with_background[0].confidence < with_report[0].confidence
    assert with_background[0].confidence > 0.8


def test_events_only_planned_or_possible_say_so() -> None:
    week = DateRange(date(2024, 10, 21), date(2024, 10, 27), "week")
    planned = replace(report("a", CITY, week, "summit"), status="planned")
    possible = replace(
        report("b", OTHER_CITY, week, "meeting", quote="Envoys could meet there."),
        status="possible",
    )
    events = {e.place.id: e for e in merge_reports([planned, possible])}
    assert events["test:city"].notes == (PLANNED_NOTE,)
    assert events["test:city2"].notes == (POSSIBLE_NOTE,)
    happened = report("c", CITY, day("2024-10-22"), "summit")
    (both,) = merge_reports([planned, happened])
    assert both.notes == ()


def test_floating_background_refers_first_to_its_own_articles_event() -> None:
    # "the night before the stabbing": the stabbing its own article dates, not a later crime
    # of the same kind at the place that another article reports
    own = report("a", CITY, DateRange(date(2014, 11, 1), date(2014, 11, 30), "month"), "murder")
    later = report("b", CITY, day("2016-04-26"), "murder")
    aside = replace(background("a", CITY, "2016-06-27", kind="murder"), char_start=200)
    events = merge_reports([own, later, aside])
    sources = {e.dates.start: [s["article"] for s in e.sources] for e in events}
    assert sources == {date(2014, 11, 1): ["a"], date(2016, 4, 26): ["b"]}


def test_floating_background_of_an_article_without_such_event_joins_another_article() -> None:
    # counter-example: nothing of its kind in its own article, so the latest elsewhere (two
    # weeks before its publication: recent news)
    later = report("b", CITY, day("2016-04-26"), "murder")
    (event,) = merge_reports([later, background("a", CITY, "2016-05-10", kind="murder")])
    assert event.source_count == 2
