"""Rivers, lakes, mountains, ports and airports: found only under a name with a designator."""

from __future__ import annotations

import pytest

import geo
from gazetteer import Gazetteer
from gazetteer.features import designated_names, load_designators


def test_designated_names_keep_a_designator_or_add_one() -> None:
    kinds, abbreviations = load_designators()
    assert designated_names("Thames", kinds["river"], abbreviations) == [
        "Thames River",
        "River Thames",
    ]
    assert designated_names("Cedar Lake", kinds["lake"], abbreviations) == ["Cedar Lake"]
    assert designated_names("Mt. Kenya", kinds["mountain"], abbreviations) == ["Mount Kenya"]
    assert designated_names("Hodeidah Int'l", kinds["airport"], abbreviations) == [
        "Hodeidah International Airport"
    ]


def test_features_resolve_under_their_designated_names(gaz: Gazetteer) -> None:
    assert gaz.resolve("Mississippi River").kind == "river"
    assert gaz.resolve("Mississippi River").geometry.geom_type in {"LineString", "MultiLineString"}
    assert gaz.resolve("Lake Ontario").kind == "lake"
    assert gaz.resolve("Port of Rotterdam").kind == "port"
    assert gaz.resolve("Dulles International Airport").kind == "airport"
    assert gaz.resolve("Port of Rotterdam").precision == 1


def test_a_bare_feature_name_is_not_the_feature(gaz: Gazetteer) -> None:
    # rivers named like states, ports named like their towns
    assert gaz.resolve("Alabama").kind == "admin1"
    assert gaz.resolve("Arkansas").kind == "admin1"
    assert gaz.resolve("Rotterdam").kind == "city"
    assert all(c.place.kind != "lake" for c in gaz.candidates("Ontario", limit=10))


def test_minor_rivers_and_their_namesakes_are_left_out(gaz: Gazetteer) -> None:
    # Natural Earth keeps one of many rivers of these names: the one it has is a guess
    assert gaz.candidates("James River") == []
    assert all(c.place.kind != "river" for c in gaz.candidates("Red River"))


def test_a_point_feature_named_like_a_town_is_left_to_the_town(gaz: Gazetteer) -> None:
    assert all(c.place.kind != "mountain" for c in gaz.candidates("Mount Washington"))


def test_geoparse_finds_a_river_with_its_designator_only() -> None:
    found = geo.geoparse("Barges were stuck on the Mississippi River near the levee.")
    assert [(m.text, m.place.kind) for m in found] == [("Mississippi River", "river")]
    found = geo.geoparse("Mississippi lawmakers met on Tuesday.")
    assert [m.place.kind for m in found] == ["admin1"]


def test_a_compass_part_of_a_river_is_taken_along_it(gaz: Gazetteer) -> None:
    river = gaz.resolve("Mississippi River")
    south = gaz.resolve("southern Mississippi River")
    assert south.kind == "derived" and south.geometry.geom_type in {"Polygon", "MultiPolygon"}
    assert south.geometry.bounds[1] == pytest.approx(river.geometry.bounds[1], abs=0.2)
    assert south.geometry.bounds[3] < river.geometry.bounds[3] - 5  # not the upper river
    assert gaz.resolve("near the Mississippi River").name == "Near the Mississippi River"


def test_a_division_named_with_a_french_article_is_found_without_it(gaz: Gazetteer) -> None:
    # the curated English name (english_names.yaml); the source's form stays a name
    assert gaz.resolve("Artibonite").kind == "admin1"
    assert gaz.resolve("L'Artibonite").id == gaz.resolve("Artibonite").id
