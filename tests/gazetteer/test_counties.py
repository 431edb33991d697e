"""US counties: named with their designator ("Adair County", "Rapides Parish"), placed in
their state by the article's context, never the bare name, never before a same-named city."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from shapely.geometry import Polygon, mapping

import geo
from gazetteer import Context, Gazetteer, GazetteerError
from gazetteer.counties import county_name, load_rules, us_counties
from gazetteer.records import Record


def _state(gaz: Gazetteer, name: str) -> str:
    return next(c.place.id for c in gaz.candidates(name) if c.place.kind == "admin1")


def _counties(text: str) -> list[tuple[str, str | None]]:
    return [(m.place.name, m.place.parent) for m in geo.geoparse(text) if m.place.kind == "county"]


def test_a_county_is_an_outline_in_its_state(gaz):
    place = gaz.resolve("Rapides Parish")
    assert place is not None and place.kind == "county" and place.country == "US"
    assert place.parent == _state(gaz, "Louisiana")
    assert place.geometry.geom_type in {"Polygon", "MultiPolygon"}
    assert gaz.get(place.parent).geometry.contains(place.geometry.representative_point())
    assert place.precision == 2  # a local area, finer than a state


def test_a_qualified_county_resolves_in_its_state(gaz):
    kentucky = _state(gaz, "Kentucky")
    assert gaz.resolve("Adair County, Kentucky").parent == kentucky
    assert gaz.resolve("Adair County, Ky.").parent == kentucky
    assert gaz.resolve("Monroe County", context=Context(qualifier="Missouri")).parent == (
        _state(gaz, "Missouri")
    )


def test_the_articles_state_picks_among_namesake_counties(gaz):
    iowa, kentucky = _state(gaz, "Iowa"), _state(gaz, "Kentucky")
    assert gaz.resolve("Adair County", context=Context(nearby=(gaz.get(iowa),))).parent == iowa
    louisville = gaz.resolve("Louisville", context=Context(qualifier="Kentucky"))
    assert gaz.resolve("Adair County", context=Context(nearby=(louisville,))).parent == kentucky


def test_a_news_story_places_its_county_by_the_state_it_names(gaz):
    text = (
        "Deputies were called to a farm in Adair County late Friday. The Iowa State Patrol "
        "said the driver was taken to a hospital in Des Moines."
    )
    assert _counties(text) == [("Adair County", _state(gaz, "Iowa"))]
    text = (
        "GLASGOW, Ky. (AP) - A Barren County woman was arrested after a crash in Adair "
        "County, state police said. She was held at the Adair County Regional Jail."
    )
    kentucky = _state(gaz, "Kentucky")
    assert _counties(text) == [("Barren County", kentucky)] + [("Adair County", kentucky)] * 2


def test_a_county_inside_an_organisation_name_is_still_the_county(gaz):
    text = "The Monroe County Sheriff's Office in Missouri is investigating."
    assert _counties(text) == [("Monroe County", _state(gaz, "Missouri"))]


def test_the_bare_name_is_no_county(gaz):
    assert all(c.place.kind != "county" for c in gaz.candidates("Adair"))
    assert _counties("Coach Adair said the team played well in Kentucky.") == []


def test_a_city_beats_its_namesake_county_without_the_word_county(gaz):
    los_angeles = gaz.resolve("Los Angeles")
    assert los_angeles is not None and los_angeles.kind == "city"
    assert gaz.resolve("Los Angeles County").kind == "county"
    places = geo.geoparse("Fires burned in Los Angeles as Los Angeles County crews watched.")
    assert [m.place.kind for m in places] == ["city", "county"]


def test_independent_cities_and_city_boroughs_are_left_to_the_city(gaz):
    # Virginia's independent city of Richmond is the city; Richmond County is the county
    assert gaz.resolve("Richmond County", context=Context(qualifier="Virginia")).kind == "county"
    assert all(c.place.kind != "county" for c in gaz.candidates("Anchorage"))
    assert gaz.resolve("North Slope Borough").parent == _state(gaz, "Alaska")


def test_county_names_take_their_designator():
    rules = load_rules()
    assert county_name("Adair", "Kentucky", "21001", rules) == "Adair County"
    assert county_name("Rapides", "Louisiana", "22079", rules) == "Rapides Parish"
    assert county_name("Bethel", "Alaska", "02050", rules) == "Bethel Census Area"


def test_the_source_reader_skips_independent_cities_and_needs_a_known_state(tmp_path):
    square = mapping(Polygon([(0, 0), (1, 0), (1, 1), (0, 1)]))
    features = [
        {"type": "Feature", "geometry": square, "properties": p}
        for p in (
            {"fips": "51001", "name": "Accomack", "state": "Virginia"},
            {"fips": "51760", "name": "Richmond", "state": "Virginia"},
        )
    ]
    path = Path(tmp_path) / "counties.json"

    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    state = Record("ne:admin1:USA-1", "Virginia", "admin1", Polygon([(0, 0), (2, 0), (2, 2)]))
    towns = [{"countrycode": "US", "longitude": 0.5, "latitude": 0.5, "population": 1200}]
    (county,) = us_counties(path, [state], towns)
    assert (county.id, county.name, county.parent) == (
        "census:county:51001",
        "Accomack County",
        state.id,
    )
    assert county.prominence == 1200
    with pytest.raises(GazetteerError, match="unknown state"):
        us_counties(path, [], towns)


def test_a_dateline_abbreviation_places_the_county(gaz):
    # the dateline's town is not in the gazetteer; its abbreviation still names the state
    text = "ELEANOR, W.Va. - Deputies from Putnam County found two missing teenagers on Sunday."
    assert _counties(text) == [("Putnam County", _state(gaz, "West Virginia"))]
    # counter-example: with no dateline, the most populous Putnam County
    default = gaz.resolve("Putnam County")
    assert _counties("Deputies from Putnam County found two missing teenagers.") == [
        ("Putnam County", default.parent)
    ]


def test_the_capital_named_washington_is_no_state_context(gaz):
    # "Washington" is the capital far ahead of the state: Clark County stays Nevada's
    text = "Officials in Washington said Clark County will get more money for roads."
    assert _counties(text) == [("Clark County", _state(gaz, "Nevada"))]
    text = "Officials in Washington state said Clark County will get more money for roads."
    assert _counties(text) == [("Clark County", _state(gaz, "Washington"))]
