"""Map units (Wales, Flanders, Iraqi Kurdistan) drawn from admin-1 label points."""

from __future__ import annotations

import json

import pytest
from shapely.geometry import MultiPolygon, Point, box

from gazetteer import GazetteerError
from gazetteer.mapunits import load_map_units, map_units
from gazetteer.records import Record


def _label_points(tmp_path, points):
    features = [
        {
            "type": "Feature",
            "properties": {"sr_adm0_a3": country, "sr_gu_a3": unit, "name": name},
            "geometry": {"type": "Point", "coordinates": [x, y]},
        }
        for country, unit, name, x, y in points
    ]
    path = tmp_path / "ne_10m_admin_1_label_points.json"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return tmp_path


def _country(geometry):
    return Record(
        id="iso:ZZ", name="Zedland", kind="country", geometry=geometry, country="ZZ", codes=["ZZL"]
    )


def test_a_country_is_split_by_its_nearest_label_points(tmp_path):
    # Zedland, 4° by 2°; the west holds two divisions of unit WZ, the east two of unit EZ.
    ne = _label_points(
        tmp_path,
        [
            ("ZZL", "WZ", "a", 0.5, 0.5),
            ("ZZL", "WZ", "b", 0.5, 1.5),
            ("ZZL", "EZ", "c", 3.5, 0.5),
            ("ZZL", "EZ", "d", 3.5, 1.5),
            ("XXL", "WZ", "elsewhere", 50.0, 50.0),  # another country's points are ignored
        ],
    )
    table = {"WZ": ("West Zedland", ["Westland"]), "EZ": ("East Zedland", [])}
    units = {r.name: r for r in map_units(ne, [_country(box(0, 0, 4, 2))], table)}
    assert set(units) == {"West Zedland", "East Zedland"}
    west = units["West Zedland"]
    assert west.id == "ne:mapunit:WZ" and west.kind == "admin1" and west.country == "ZZ"
    assert west.names == ["Westland"]
    # the border is the line halfway between the western and eastern label points
    assert west.geometry.symmetric_difference(box(0, 0, 2, 2)).area < 1e-9
    assert units["East Zedland"].geometry.covers(Point(3, 1))


def test_land_across_water_goes_to_the_unit_it_borders(tmp_path):
    # Two islands: the north one holds unit N's point near its south coast, the south one
    # holds unit S's points far to the south-west. N's cell reaches across the channel onto
    # the south island's north-east corner, which then belongs to S, the unit it borders.
    north, south = box(0, 2, 4, 4), box(0, -2, 4, 1.6)
    ne = _label_points(
        tmp_path,
        [
            ("ZZL", "N", "n", 3.5, 2.1),
            ("ZZL", "S", "s1", 0.2, -1.8),
            ("ZZL", "S", "s2", 0.2, 0.5),
        ],
    )
    table = {"N": ("North Zedland", []), "S": ("South Zedland", [])}
    units = {r.name: r for r in map_units(ne, [_country(MultiPolygon([north, south]))], table)}
    assert units["North Zedland"].geometry.difference(north).area < 1e-9
    assert units["South Zedland"].geometry.covers(Point(3.9, 1.5))


def test_only_named_units_become_places(tmp_path):
    ne = _label_points(tmp_path, [("ZZL", "WZ", "a", 0.5, 1.0), ("ZZL", "EZ", "c", 3.5, 1.0)])
    units = map_units(ne, [_country(box(0, 0, 4, 2))], {"WZ": ("West Zedland", [])})
    assert [r.name for r in units] == ["West Zedland"]


def test_the_map_units_table_is_checked(tmp_path):
    bad = tmp_path / "units.tsv"
    bad.write_text("# comment\nWLS\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"units\.tsv:2"):
        load_map_units(bad)
    assert load_map_units()["WLS"] == ("Wales", ["Cymru"])


@pytest.mark.parametrize(
    ("name", "inside", "outside"),
    [
        (
            "Wales",
            [(-3.18, 51.48), (-2.99, 53.05), (-4.08, 52.41)],
            [(-2.59, 51.45), (-2.89, 53.19)],
        ),
        ("Scotland", [(-4.25, 55.86), (-3.19, 55.95)], [(-2.93, 54.89), (-1.62, 54.97)]),
        ("Northern Ireland", [(-5.93, 54.6)], [(-6.26, 53.35)]),
        ("England", [(-0.13, 51.5), (-3.6, 51.2)], [(-3.18, 51.48)]),
        ("Flanders", [(4.40, 51.22), (3.72, 51.05)], [(4.87, 50.47), (5.57, 50.63)]),
        ("Iraqi Kurdistan", [(44.01, 36.19), (45.43, 35.56)], [(43.13, 36.34), (44.37, 33.31)]),
    ],
)
def test_constituent_countries_and_regions_resolve_to_their_areas(gaz, name, inside, outside):
    """Cardiff, Wrexham and Aberystwyth are in Wales; Bristol and Chester are not; Exmoor,
    across the Bristol Channel from Welsh counties, is England."""
    place = gaz.resolve(name)
    assert place.id.startswith("ne:mapunit:")
    assert place.geometry.geom_type in {"Polygon", "MultiPolygon"}
    for lon, lat in inside:
        assert place.geometry.covers(Point(lon, lat)), (name, lon, lat)
    for lon, lat in outside:
        assert not place.geometry.covers(Point(lon, lat)), (name, lon, lat)


def test_wales_is_the_country_and_the_alaskan_village_needs_its_qualifier(gaz):
    assert gaz.resolve("Wales").country == "GB"
    village = gaz.resolve("Wales, Alaska")  # on the coast, just off the generalised outline
    assert (village.kind, village.country) == ("city", "US")
    cardiff = gaz.candidates("Cardiff, Wales")[0]
    assert cardiff.place.country == "GB"
    assert "qualifier matches Wales" in cardiff.reasons
