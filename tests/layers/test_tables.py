"""Reading tables from anywhere and writing the site's downloads."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from shapely.geometry import Point, shape

from layers import (
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    SiteError,
    read_events,
    read_mentions,
    table_text,
    write_tables,
)
from layers.columns import RowError, parse_date
from layers.tables import events_frame
from tests.layers.site_builders import world_events, world_mentions

DATA = Path(__file__).resolve().parent.parent / "data"


def _problems() -> tuple[list[str], object]:
    seen: list[str] = []
    return seen, seen.append


def test_foreign_geojson_gets_contract_columns_and_defaults() -> None:
    problems, sink = _problems()
    frame = read_events(DATA / "foreign_events.geojson", on_problem=sink)
    assert list(frame.columns[: len(EVENT_COLUMNS)]) == list(EVENT_COLUMNS)
    assert frame.crs.to_epsg() == 4326
    assert len(frame) == 3
    flood = frame.set_index("id").loc["flood-sylhet-2022"]  # the Feature-level id
    assert flood["title"] == "Flash floods cut off Sylhet"
    assert flood["category"] == "disaster"  # a known category, matched without case
    assert flood["place_name"] == "Sylhet, Bangladesh"
    assert (flood["start"], flood["end"], flood["date_precision"]) == (
        "2022-06-17",
        "2022-06-21",
        "day",
    )
    assert flood["sources"] == [
        {
            "article": "https://news.example.com/sylhet-floods",
            "title": None,
            "outlet": "Dhaka Herald",
            "url": "https://news.example.com/sylhet-floods",
            "published": None,
            "quote": "Water levels in Sylhet rose above the danger mark on Friday.",
        }
    ]
    assert flood["source_count"] == 1
    assert flood["geo_precision"] == 1
    assert flood["confidence"] == 1.0
    plebiscite = frame[frame["title"] == "Constitutional plebiscite"].iloc[0]
    # a month-only date spans the month; an id is made from the row
    assert (plebiscite["start"], plebiscite["end"]) == ("2022-09-01", "2022-09-30")
    assert plebiscite["date_precision"] == "month"
    assert plebiscite["id"].startswith("r-")
    assert plebiscite["geo_precision"] == 3
    bering = frame[frame["title"].str.startswith("Fishing")].iloc[0]
    assert bering["notes"] == ["Reports disagree on the number of boats"]
    assert bering["sources"] == []
    # one problem per bad row, naming the file and the row
    assert len(problems) == 2
    assert all(str(DATA / "foreign_events.geojson") in p for p in problems)
    assert "feature 4" in problems[0] and "no geometry" in problems[0]
    assert "feature 5" in problems[1] and "last spring" in problems[1]


def test_ids_made_from_rows_are_stable() -> None:
    first = read_events(DATA / "foreign_events.geojson", on_problem=lambda m: None)
    second = read_events(DATA / "foreign_events.geojson", on_problem=lambda m: None)
    assert list(first["id"]) == list(second["id"])


def test_acled_like_csv() -> None:
    problems, sink = _problems()
    frame = read_events(DATA / "acled_like.csv", on_problem=sink)
    assert list(frame["id"]) == ["MLI3301", "BFA8812"]
    djenne = frame.iloc[0]
    assert djenne["start"] == "2024-10-14"  # "14 October 2024"
    assert djenne["category"] == "Battles"
    assert djenne["place_name"] == "Djenne"
    assert djenne.geometry.equals(Point(-4.5533, 13.9061))
    assert djenne["sources"][0]["outlet"] == "Studio Tamani"
    assert djenne["notes"] == ['Clashes near the town; "several" casualties reported.']
    assert len(problems) == 2
    assert "line 4" in problems[0] and "ambiguous" in problems[0]
    assert "line 5" in problems[1] and "no geometry" in problems[1]


def test_acled_like_csv_keeps_its_other_columns_by_name(tmp_path: Path) -> None:
    frame = read_events(DATA / "acled_like.csv", on_problem=lambda m: None)
    # every column no contract field was read from, in the table's order; admin1 lost to
    # location as the place name, so it is one of them; lon/lat made the geometry
    assert frame.iloc[0]["fields"] == [
        ["year", "2024"],
        ["sub_event_type", "Armed clash"],
        ["actor1", "Militia"],
        ["admin1", "Mopti"],
    ]
    # the site's downloads carry them, and a table read back from them keeps them
    write_tables(frame, None, tmp_path)
    for name in ("events.geojson", "events.csv"):
        again = read_events(tmp_path / name, on_problem=lambda m: None)
        assert list(again["fields"]) == list(frame["fields"]), name


def test_tables_without_other_columns_get_no_fields_column() -> None:
    frame = read_events(DATA / "foreign_events.geojson", on_problem=lambda m: None)
    assert "fields" not in frame.columns
    assert "fields" not in events_frame(world_events()).columns


def test_gdelt_like_csv_keeps_bad_urls_out_of_links_but_in_the_table() -> None:
    frame = read_events(DATA / "gdelt_like.csv", on_problem=lambda m: None)
    assert list(frame["id"]) == ["1187654321", "1187654322"]
    assert list(frame["start"]) == ["2024-04-05", "2024-04-06"]
    assert list(frame["category"]) == ["other", "other"]
    assert frame.iloc[0]["place_name"] == "Port Moresby, National Capital, Papua New Guinea"
    assert frame.iloc[0]["title"] == frame.iloc[0]["place_name"]
    assert frame.iloc[1]["sources"][0]["url"] == "javascript:alert(1)"  # data kept as given


def test_wkt_csv_with_month_dates() -> None:
    problems, sink = _problems()
    frame = read_events(DATA / "wkt_events.csv", on_problem=sink)
    assert list(frame["id"]) == ["lake-chad-drought"]
    assert frame.iloc[0]["end"] == "2024-07-31"
    assert frame.iloc[0].geometry.geom_type == "Polygon"
    assert len(problems) == 1 and "invalid geometry" in problems[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-10-14", ("2024-10-14", "2024-10-14", "day")),
        ("2024-10-14T23:10:00Z", ("2024-10-14", "2024-10-14", "day")),
        ("20241014", ("2024-10-14", "2024-10-14", "day")),
        ("2024-02", ("2024-02-01", "2024-02-29", "month")),
        ("2024", ("2024-01-01", "2024-12-31", "year")),
        ("14 Oct 2024", ("2024-10-14", "2024-10-14", "day")),
        ("October 14, 2024", ("2024-10-14", "2024-10-14", "day")),
        (20241014, ("2024-10-14", "2024-10-14", "day")),
    ],
)
def test_parse_date(text: object, expected: tuple[str, str, str]) -> None:
    parsed = parse_date(text)
    assert (parsed.first.isoformat(), parsed.last.isoformat(), parsed.precision) == expected


@pytest.mark.parametrize("text", ["04/10/2024", "2024-02-30", "yesterday", ""])
def test_parse_date_refuses(text: str) -> None:
    with pytest.raises(RowError):
        parse_date(text)


def test_unreadable_files_raise_site_error_naming_them(tmp_path: Path) -> None:
    with pytest.raises(SiteError, match="no such file"):
        read_events(tmp_path / "missing.geojson")
    bad = tmp_path / "bad.geojson"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(SiteError, match=r"bad\.geojson is not valid JSON"):
        read_events(bad)
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"type": "Topology"}', encoding="utf-8")
    with pytest.raises(SiteError, match="not a GeoJSON FeatureCollection"):
        read_events(wrong)
    nogeo = tmp_path / "nogeo.csv"
    nogeo.write_text("id,date\n1,2024-01-01\n", encoding="utf-8")
    with pytest.raises(SiteError, match=r"nogeo\.csv has no geometry"):
        read_events(nogeo)
    latin = tmp_path / "latin.csv"
    latin.write_bytes("id,date,lat,lon\n1,2024-01-01,1,2,caf\xe9\n".encode("latin-1"))
    with pytest.raises(SiteError, match="not UTF-8"):
        read_events(latin)


def test_out_of_range_coordinates_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "projected.csv"
    path.write_text("id,date,x,y\nutm,2024-01-01,500000,4649776\n", encoding="utf-8")
    problems, sink = _problems()
    assert len(read_events(path, on_problem=sink)) == 0
    assert "EPSG:4326" in problems[0]


def test_duplicate_ids_are_made_unique(tmp_path: Path) -> None:
    path = tmp_path / "dupes.csv"
    path.write_text("id,date,lat,lon\nx,2024-01-01,1,2\nx,2024-01-02,3,4\n", encoding="utf-8")
    problems, sink = _problems()
    assert list(read_events(path, on_problem=sink)["id"]) == ["x", "x-2"]
    assert "duplicate" in problems[0]


def test_write_tables_round_trip(tmp_path: Path) -> None:
    events = world_events()
    paths = write_tables(events, world_mentions(), tmp_path / "data")
    assert sorted(p.name for p in paths) == [
        "events.csv",
        "events.geojson",
        "mentions.csv",
        "mentions.geojson",
        "places.csv",
        "places.geojson",
    ]
    for name in ("events.geojson", "events.csv"):
        back = read_events(tmp_path / "data" / name)
        assert list(back["id"]) == list(events["id"])
        assert list(back["sources"]) == list(events["sources"])
        assert list(back["notes"]) == list(events["notes"])
        assert back.geometry.geom_equals_exact(events.geometry, tolerance=1e-6).all()
    geojson = json.loads((tmp_path / "data" / "events.geojson").read_text(encoding="utf-8"))
    assert list(geojson["features"][0]["properties"])[: len(EVENT_COLUMNS)] == list(EVENT_COLUMNS)
    assert isinstance(geojson["features"][0]["properties"]["sources"], list)  # nested
    header = (tmp_path / "data" / "events.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",")[-3:] == ["lon", "lat", "geometry"]
    mentions = read_mentions(tmp_path / "data" / "mentions.geojson")
    assert list(mentions.columns[: len(MENTION_COLUMNS)]) == list(MENTION_COLUMNS)
    assert mentions.iloc[3]["char_start"] == world_mentions().iloc[3]["char_start"]
    assert mentions.iloc[3]["start"] is None  # an undated mention stays undated


def test_csv_gives_spreadsheets_a_point_and_keeps_large_areas_readable(tmp_path: Path) -> None:
    events = world_events().iloc[:1].copy()
    # a detailed sea band: its WKT is larger than the csv module's default 128 KB field limit
    ring = Point(20.0, 60.0).buffer(3.0, quad_segs=2000).exterior.buffer(0.5, quad_segs=64)
    events.loc[events.index[0], "geometry"] = ring
    write_tables(events, None, tmp_path / "data")
    text = (tmp_path / "data" / "events.csv").read_text(encoding="utf-8")
    assert len(text) > 131_072
    header = text.splitlines()[0].split(",")
    assert header[-3:] == ["lon", "lat", "geometry"]
    back = read_events(tmp_path / "data" / "events.csv")
    assert back.geometry.iloc[0].equals_exact(ring, tolerance=1e-6)
    csv.field_size_limit(64 * 1024 * 1024)
    record = next(csv.DictReader(io.StringIO(text)))
    assert ring.contains(Point(float(record["lon"]), float(record["lat"])))


def test_write_tables_is_deterministic_and_handles_no_mentions(tmp_path: Path) -> None:
    write_tables(world_events(), None, tmp_path / "a")
    write_tables(world_events(), None, tmp_path / "b")
    for name in ("events", "mentions", "places"):
        for suffix in (".geojson", ".csv"):
            a, b = (tmp_path / d / f"{name}{suffix}" for d in "ab")
            assert a.read_bytes() == b.read_bytes()
    assert json.loads((tmp_path / "a" / "mentions.geojson").read_text())["features"] == []
    assert json.loads((tmp_path / "a" / "places.geojson").read_text())["features"] == []


def test_a_place_mentioned_often_is_written_once_in_full_and_thinned_in_mentions(
    tmp_path: Path,
) -> None:
    # a detailed country-sized outline (4,000 vertices) named in 30 mentions of 3 articles
    outline = Point(60.0, 55.0).buffer(15.0, quad_segs=1000)
    mentions = pd.concat([world_mentions().iloc[:1]] * 30, ignore_index=True)
    mentions["article"] = [f"a{i % 3}" for i in range(30)]
    mentions["place_id"] = "ne:country:XX"
    mentions["place_name"] = "Exampleland"
    mentions = mentions.set_geometry(gpd.GeoSeries([outline] * 30, crs="EPSG:4326"))
    write_tables(world_events(), mentions, tmp_path)

    places = features_of(tmp_path / "places.geojson")
    assert [f["properties"] for f in places] == [
        {
            "place_id": "ne:country:XX",
            "place_name": "Exampleland",
            "place_kind": "capital",
            "mentions": 30,
            "articles": 3,
        }
    ]
    full = shape(places[0]["geometry"])
    assert full.equals_exact(outline, tolerance=1e-6)  # once, at full detail

    drawn = [shape(f["geometry"]) for f in features_of(tmp_path / "mentions.geojson")]
    assert len(drawn) == 30
    for geom in drawn:
        assert geom.is_valid
        assert shapely.get_num_coordinates(geom) <= 600
        assert geom.hausdorff_distance(outline) < 0.1  # a few km: what the map shows
    weight = (tmp_path / "mentions.geojson").stat().st_size
    assert weight < 30 * len(json.dumps(places[0]["geometry"])) / 5


def features_of(path: Path) -> list[dict]:
    """The features of a GeoJSON file, read as plain JSON."""
    return json.loads(path.read_text(encoding="utf-8"))["features"]


def test_table_text_formats() -> None:
    events = world_events()
    geojson = json.loads(table_text(events, "geojson"))
    assert len(geojson["features"]) == len(events)
    lines = table_text(events, "jsonl").splitlines()
    assert len(lines) == len(events)
    first = json.loads(lines[0])
    assert first["id"] == "addis-ceasefire" and first["geometry"]["type"] == "Point"
    csv_text = table_text(events, "csv")
    assert csv_text.count("\n") == len(events) + 1
    assert '""outlet"":""Horn Observer""' in csv_text  # sources JSON-encoded
    with pytest.raises(SiteError, match="unknown table format"):
        table_text(events, "xlsx")


def test_jsonl_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text(table_text(world_events(), "jsonl"), encoding="utf-8")
    assert list(read_events(path)["id"]) == list(world_events()["id"])


def test_reprojected_input_is_brought_back_to_lon_lat(tmp_path: Path) -> None:
    from layers.tables import events_frame

    mercator = world_events().to_crs("EPSG:3857")
    frame = events_frame(mercator)
    assert frame.crs.to_epsg() == 4326
    assert frame.geometry.iloc[0].x == pytest.approx(38.7469)


def test_mentions_defaults(tmp_path: Path) -> None:
    frame = gpd.GeoDataFrame(
        [{"place_name": "Goma", "geometry": Point(29.2, -1.68)}], geometry="geometry"
    )
    path = tmp_path / "m.geojson"
    path.write_text(table_text(frame, "geojson"), encoding="utf-8")
    mentions = read_mentions(path)
    row = mentions.iloc[0]
    assert row["place_name"] == "Goma" and row["place_id"].startswith("r-")
    assert row["start"] is None and row["date_precision"] == "unknown"
