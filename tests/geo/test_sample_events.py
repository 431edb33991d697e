"""The events the five bundled sample articles must show (issue 4, "What the sample must
show"): right place, geometry, dates and sources."""

from __future__ import annotations

from datetime import date

import geopandas as gpd
import pytest
from shapely.geometry import Point
from shapely.ops import unary_union

from gazetteer import Gazetteer
from geo.extraction import extract
from geo.readers import read_articles, sample_paths


@pytest.fixture(scope="module")
def tables(gaz: Gazetteer):
    return extract(read_articles(sample_paths()), gazetteer=gaz)


@pytest.fixture(scope="module")
def events(tables) -> gpd.GeoDataFrame:
    return tables.events


def d(s: str) -> date:
    return date.fromisoformat(s)


def overlaps(row, start: str, end: str) -> bool:
    return d(row["start"]) <= d(end) and d(start) <= d(row["end"])


def one(frame: gpd.GeoDataFrame, mask, what: str):
    rows = frame[mask]
    assert len(rows) >= 1, f"no event for {what}; titles: {sorted(frame['title'])}"
    return rows.sort_values("source_count", ascending=False).iloc[0]


def test_beijing_talks_span_14_and_15_october_with_all_five_sources(events) -> None:
    row = one(
        events,
        (events.place_name == "Beijing") & (events.category == "diplomacy"),
        "the Beijing talks",
    )
    assert row["start"] == "2024-10-14" and row["end"] == "2024-10-15"
    assert row["date_precision"] == "day"
    assert row["source_count"] == 5
    assert {s["article"][:3] for s in row["sources"]} == {"000", "001", "002", "003", "004"}
    assert all(s["quote"] for s in row["sources"])


def test_brics_summit_in_kazan_next_week(events) -> None:
    row = one(events, events.place_name == "Kazan", "the Kazan summit")
    assert overlaps(row, "2024-10-22", "2024-10-24")
    assert "Summit" in row["title"]
    assert row["geometry"].x == pytest.approx(49.1, abs=0.3)  # Kazan, Russia (lon)


def test_premiers_meeting_in_islamabad_on_16_october(events) -> None:
    row = one(events, events.place_name == "Islamabad", "the Islamabad meeting")
    assert row["start"] <= "2024-10-16" <= row["end"]
    assert row["category"] == "diplomacy"


def test_coast_guard_patrol_in_the_arctic_ocean_early_october(events) -> None:
    row = one(
        events,
        (events.place_name == "Arctic Ocean") & (events.category == "military"),
        "the Arctic patrol",
    )
    assert overlaps(row, "2024-10-01", "2024-10-10")
    assert "patrol" in row["title"].lower()
    # 002 places the same patrol in the North Pacific: the disagreement stays visible
    assert any("Pacific" in note for note in row["notes"])


def test_joint_drills_in_the_sea_of_japan_last_month(events) -> None:
    row = one(events, events.place_name == "Sea of Japan", "the Sea of Japan drills")
    assert (row["start"], row["end"]) == ("2024-09-01", "2024-09-30")
    assert row["date_precision"] == "month"
    assert row["source_count"] == 3


def test_joint_drill_in_the_northwestern_pacific_on_14_october(events, gaz: Gazetteer) -> None:
    row = one(
        events,
        events.place_name.str.contains("Pacific") & (events.start == "2024-10-14"),
        "the northwestern Pacific drill",
    )
    assert row["end"] == "2024-10-14"
    assert row["place_kind"] == "derived"
    inside = row["geometry"].representative_point()  # the area may be split at ±180°
    assert inside.y > 0 and (inside.x > 120 or inside.x < -150)  # north-west Pacific
    assert not row["geometry"].intersects(Point(-120, -30))  # not the south-east Pacific


def test_chinese_drills_around_taiwan_include_the_taiwan_strait(events, gaz: Gazetteer) -> None:
    row = one(
        events,
        events.place_name.str.contains("Taiwan") & (events.category == "military"),
        "the drills around Taiwan",
    )
    assert row["start"] == row["end"] == "2024-10-14"
    strait = gaz.resolve("Taiwan Strait")
    assert strait is not None
    shared = row["geometry"].intersection(strait.geometry).area
    assert shared > 0.5 * strait.geometry.area


def test_joint_bomber_patrol_off_alaska_in_summer_2024(events, gaz: Gazetteer) -> None:
    row = one(
        events,
        events.place_name.str.contains("Alaska") & (events.category == "military"),
        "the exercises near Alaska",
    )
    assert overlaps(row, "2024-06-01", "2024-08-31")
    assert row["date_precision"] == "season"
    alaska = gaz.resolve("Alaska")
    assert alaska is not None
    area = row["geometry"]
    assert area.intersects(alaska.geometry.buffer(1.0))
    land = unary_union([alaska.geometry])
    assert area.intersection(land).area < 0.2 * area.area  # a sea area, not the land


def test_nothing_from_the_advertisement(tables) -> None:
    text = next(a for a in read_articles(sample_paths()) if a.id.startswith("003")).text
    ad_start = text.index("Do you agree with Elon Musk?")
    ad_end = text.index("1776 Coalition Sponsored") + len("1776 Coalition Sponsored")
    mentions = tables.mentions[tables.mentions.article.str.startswith("003")]
    inside = mentions[(mentions.char_start >= ad_start) & (mentions.char_start < ad_end)]
    assert inside.empty, list(inside.text)
    for _, row in tables.events.iterrows():
        for source in row["sources"]:
            assert "Lebanon" not in source["quote"]
            assert "Washington putting America" not in source["quote"]


def test_person_names_in_the_sample_are_not_places(tables) -> None:
    names = set(tables.mentions.place_name)
    assert "Vladimir" not in names  # "President Vladimir Putin", "President (Vladimir) Putin"


def test_the_same_input_gives_the_same_ids(events, gaz: Gazetteer) -> None:
    again = extract(read_articles(sample_paths()), gazetteer=gaz).events
    assert list(again["id"]) == list(events["id"])
    assert events["id"].is_unique


# -- plans, possibilities and background (issue 4) ---------------------------------------------


def test_a_hypothetical_visit_does_not_borrow_last_months_date(events) -> None:
    # "This would be Xi's second visit to Russia after …", after a sentence about last month
    diplomacy = events[(events.category == "diplomacy") & events.place_name.isin(["Russia"])]
    assert diplomacy.empty, list(diplomacy.title)
    for _, row in events[events.place_name == "Kazan"].iterrows():
        assert row["start"] >= "2024-10-21"


def test_the_kazan_summit_is_a_plan(events) -> None:
    row = one(events, events.place_name == "Kazan", "the Kazan summit")
    assert any(note.startswith("Planned") for note in row["notes"])
    assert row["source_count"] == 3


def test_background_references_to_the_invasion_join_it(events) -> None:
    ukraine = events[events.place_name == "Ukraine"]
    # "shortly before Moscow launched its attack on Ukraine", "… ordered an invasion of
    # Ukraine": no event at the publication date, but sources of the invasion
    assert list(ukraine.title) == ["Invasion, Ukraine"]
    row = ukraine.iloc[0]
    assert (row["start"], row["end"], row["date_precision"]) == (
        "2022-02-01",
        "2022-02-28",
        "month",
    )
    assert {s["article"][:3] for s in row["sources"]} == {"000", "001", "003", "004"}
    beijing = one(events, events.place_name == "Beijing", "the Beijing talks")
    assert row["confidence"] < beijing["confidence"]  # named in passing, not reported


def test_nothing_is_dated_by_publication_alone_when_a_source_dates_it(events) -> None:
    for _, row in events[events.date_precision == "unknown"].iterrows():
        assert row["start"] < row["end"], row["title"]  # never a single "unknown" day
