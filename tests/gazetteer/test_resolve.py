"""Name lookups and ranking: the places readers see on the map."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import Point

from gazetteer import Candidate, Context, GazetteerError, Place

# -- the sample's places and the must-resolve list -------------------------------------

MUST_RESOLVE = [
    # name, id, kind, country, a lon/lat inside or at the place
    ("Beijing", "geonames:1816670", "capital", "CN", (116.40, 39.90)),
    ("Kazan", "geonames:551487", "city", "RU", (49.12, 55.79)),
    ("Islamabad", "geonames:1176615", "capital", "PK", (73.04, 33.72)),
    ("the Arctic Ocean", "ne:marine:arctic-ocean", "ocean", None, (0.0, 85.0)),
    ("the Sea of Japan", "ne:marine:sea-of-japan", "sea", None, (135.0, 40.0)),
    ("Taiwan", "iso:TW", "country", "TW", (121.0, 23.5)),
    ("Alaska", "ne:admin1:USA-3563", "admin1", "US", (-150.0, 64.0)),
    ("Taiwan Strait", "ne:marine:taiwan-strait", "strait", None, (119.5, 24.0)),
    ("South China Sea", "ne:marine:south-china-sea", "sea", None, (114.0, 12.0)),
    ("North Pacific Ocean", "ne:marine:north-pacific-ocean", "ocean", None, (-150.0, 30.0)),
    ("Pacific Ocean", "ne:marine:pacific-ocean", "ocean", None, (-140.0, -20.0)),
    ("New York City", "geonames:5128581", "city", "US", (-74.0, 40.71)),
    ("Ukraine", "iso:UA", "country", "UA", (31.0, 49.0)),
]


@pytest.mark.parametrize(("name", "place_id", "kind", "country", "inside"), MUST_RESOLVE)
def test_must_resolve(gaz, name, place_id, kind, country, inside) -> None:
    place = gaz.resolve(name)
    assert place is not None
    assert (place.id, place.kind, place.country) == (place_id, kind, country)
    if place.geometry.geom_type == "Point":
        assert place.geometry.distance(Point(inside)) < 0.3
    else:
        assert place.geometry.buffer(0.05).contains(Point(inside))
    assert place.geometry.is_valid


def test_areas_are_polygons_and_cities_are_points(gaz) -> None:
    for name in ("Alaska", "Taiwan", "Ukraine", "Sea of Japan", "Pacific Ocean"):
        assert gaz.resolve(name).geometry.geom_type in {"Polygon", "MultiPolygon"}, name
    for name in ("Beijing", "Kazan", "Islamabad", "New York City"):
        assert gaz.resolve(name).geometry.geom_type == "Point", name


def test_pacific_ocean_is_both_halves(gaz) -> None:
    whole = gaz.resolve("Pacific Ocean").geometry
    for half in ("North Pacific Ocean", "South Pacific Ocean"):
        assert whole.buffer(0.01).contains(gaz.resolve(half).geometry)
    atlantic = gaz.resolve("Atlantic Ocean")
    assert atlantic.geometry.buffer(0.01).contains(Point(-30.0, 0.0))


# -- matching ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "place_id"),
    [
        ("ARCTIC OCEAN", "ne:marine:arctic-ocean"),
        ("NORTH PACIFIC OCEAN", "ne:marine:north-pacific-ocean"),
        ("Japan Sea", "ne:marine:sea-of-japan"),
        ("East Sea", "ne:marine:sea-of-japan"),
        ("THE SEA OF JAPAN", "ne:marine:sea-of-japan"),
        ("Strait of Taiwan", "ne:marine:taiwan-strait"),
        ("Okhotsk Sea", "ne:marine:sea-of-okhotsk"),
        ("Krakow", "geonames:3094802"),
        ("KRAKÓW", "geonames:3094802"),
        ("Saint Petersburg", "geonames:498817"),
        ("St. Petersburg", "geonames:498817"),
        ("São Paulo", "geonames:3448439"),
        ("Sao Paulo", "geonames:3448439"),
        ("Peking", "geonames:1816670"),
        ("Bombay", "geonames:1275339"),
        ("Kiev", "geonames:703448"),
        ("Kyiv", "geonames:703448"),
        ("Odessa", "geonames:698740"),
    ],
)
def test_matching_ignores_case_diacritics_the_and_common_variants(gaz, name, place_id) -> None:
    assert gaz.resolve(name).id == place_id


@pytest.mark.parametrize(
    ("name", "place_id"),
    [
        ("U.S.", "iso:US"),
        ("USA", "iso:US"),
        ("the United States", "iso:US"),
        ("UK", "iso:GB"),
        ("Britain", "iso:GB"),
        ("Burma", "iso:MM"),
        ("Ivory Coast", "iso:CI"),
        ("Czech Republic", "iso:CZ"),
        ("Russian Federation", "iso:RU"),
        ("Washington", "geonames:4140963"),
        ("Pacific", "ne:marine:pacific-ocean"),
        ("North Pacific", "ne:marine:north-pacific-ocean"),
        ("Gaza Strip", "ne:disputed:gaza"),
        ("Donbas", "ne:disputed:donbass"),
        ("Democratic Republic of Congo", "iso:CD"),
        # divisions Natural Earth names in a local or old form
        ("Sindh", "ne:admin1:PAK-1114"),
        ("Sindh province", "ne:admin1:PAK-1114"),
        ("Khyber Pakhtunkhwa", "ne:admin1:PAK-1123"),
        ("Bavaria", "ne:admin1:DEU-1591"),
        ("Lower Saxony", "ne:admin1:DEU-1576"),
        ("Saxony", "ne:admin1:DEU-1601"),
        ("North Kivu", "ne:admin1:COD-1898"),
        ("Tibet", "ne:admin1:CHN-1662"),
        ("Bayern", "ne:admin1:DEU-1591"),  # the source's own names still find them
        ("N.W.F.P.", "ne:admin1:PAK-1123"),
        # a division sharing a city's name is found by its designator; the name is the city
        ("Odesa", "geonames:698740"),
        ("the Odesa region", "ne:admin1:UKR-322"),
    ],
)
def test_curated_aliases_and_country_name_variants(gaz, name, place_id) -> None:
    assert gaz.resolve(name).id == place_id


@pytest.mark.parametrize(
    ("name", "place_id"),
    [
        ("South China Sea", "ne:marine:south-china-sea"),
        ("East China Sea", "ne:marine:east-china-sea"),
        ("North Korea", "iso:KP"),
        ("South Sudan", "iso:SS"),
        ("West Bank", "ne:disputed:west-bank"),
        ("Ivory Coast", "iso:CI"),
        ("Southern Ocean", "ne:marine:southern-ocean"),
    ],
)
def test_names_that_look_like_modifiers_are_not_split(gaz, name, place_id) -> None:
    assert gaz.resolve(name).id == place_id
    assert gaz.candidates(name)[0].place.id == place_id


def test_unknown_names_resolve_to_none(gaz) -> None:
    assert gaz.resolve("Xqzzyville") is None
    assert gaz.candidates("Xqzzyville") == []
    assert gaz.resolve("") is None


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=60))
def test_any_text_gets_ranked_candidates_or_none(gaz, text) -> None:
    ranked = gaz.candidates(text, limit=5)
    assert len(ranked) <= 5
    assert [c.score for c in ranked] == sorted((c.score for c in ranked), reverse=True)
    assert isinstance(gaz.suggest(text, limit=2), list)


def test_suggest_offers_near_spellings(gaz) -> None:
    assert gaz.suggest("Kazna")[0] == "Kazan"
    assert gaz.suggest("Moskow")[0] == "Moscow"
    assert gaz.suggest("Carribean Sea")[0] == "Caribbean Sea"
    assert "Islamabad" in gaz.suggest("Islamabd")
    assert any("Taiwan" in s for s in gaz.suggest("Taiwn Strait"))
    assert len(gaz.suggest("Kazna", limit=2)) <= 2
    assert gaz.suggest("") == []


# -- ranking ----------------------------------------------------------------------------------


def test_prominence_ranks_the_big_city_first(gaz) -> None:
    ranked = gaz.candidates("Kazan")
    assert [c.place.country for c in ranked[:2]] == ["RU", "TR"]
    assert ranked[0].score > ranked[1].score


def test_a_country_beats_a_same_named_state_without_context(gaz) -> None:
    assert gaz.resolve("Georgia").id == "iso:GE"


def test_capital_and_city_beat_same_named_provinces(gaz) -> None:
    assert gaz.resolve("Beijing").kind == "capital"
    assert gaz.resolve("Khartoum").kind == "capital"
    assert gaz.resolve("New York").id == "geonames:5128581"


def test_a_state_polygon_beats_the_same_named_natural_region(gaz) -> None:
    ranked = gaz.candidates("Alaska")
    assert ranked[0].place.kind == "admin1"
    assert any(c.place.kind == "region" for c in ranked[1:])


def test_historic_alternate_names_do_not_beat_places_named_so_today(gaz) -> None:
    # "Victoria" is an old name of Hong Kong in GeoNames; the state and the cities come first
    assert gaz.resolve("Victoria").id != "geonames:1819729"
    assert all(c.place.id != "geonames:1819729" for c in gaz.candidates("Victoria", limit=3))


def test_an_admin1_label_point_gives_way_to_the_same_named_area(gaz) -> None:
    place = gaz.resolve("Crimea")
    assert place.geometry.geom_type in {"Polygon", "MultiPolygon"}
    assert place.geometry.contains(Point(34.1, 44.95))  # Simferopol


# -- context ----------------------------------------------------------------------------------


def test_nearby_places_bias_towards_their_country(gaz) -> None:
    tbilisi, atlanta = gaz.resolve("Tbilisi"), gaz.resolve("Atlanta")
    assert gaz.resolve("Georgia", context=Context(nearby=(tbilisi,))).id == "iso:GE"
    state = gaz.resolve("Georgia", context=Context(nearby=(atlanta,)))
    assert (state.kind, state.country) == ("admin1", "US")
    assert state.geometry.contains(atlanta.geometry)


@pytest.mark.parametrize("qualifier", ["Texas", "TX", "Tex.", "texas"])
def test_a_state_qualifier_picks_the_town_in_that_state(gaz, qualifier) -> None:
    place = gaz.resolve("Paris", context=Context(qualifier=qualifier))
    assert (place.country, place.kind) == ("US", "city")
    assert gaz.resolve("Texas").geometry.contains(place.geometry)


@pytest.mark.parametrize(
    ("query", "country"),
    [("Paris, Texas", "US"), ("Kazan, Turkey", "TR"), ("Valencia, Venezuela", "VE")],
)
def test_a_qualifier_written_in_the_name_is_used(gaz, query, country) -> None:
    assert gaz.resolve(query).country == country
    assert gaz.candidates(query)[0].place.country == country


def test_a_comma_inside_a_known_name_is_not_a_qualifier(gaz) -> None:
    assert gaz.resolve("Washington, D.C.").id == "geonames:4140963"
    assert gaz.resolve("Nowhere, Texas") is None


def test_without_qualifier_paris_is_the_capital_of_france(gaz) -> None:
    assert gaz.resolve("Paris").id == "geonames:2988507"


@pytest.mark.parametrize(
    ("name", "qualifier", "country"),
    [
        ("Kazan", "Russia", "RU"),
        ("Kazan", "Turkey", "TR"),
        ("Kazan", "RUS", "RU"),
        ("Kazan", "Tatarstan", "RU"),  # a label-point province: same country and near it
        ("Valencia", "Venezuela", "VE"),
        ("Valencia", "Spain", "ES"),
        ("Victoria", "British Columbia", "CA"),
        ("Perth", "Western Australia", "AU"),
    ],
)
def test_country_and_province_qualifiers(gaz, name, qualifier, country) -> None:
    candidate = gaz.candidates(name, context=Context(qualifier=qualifier))[0]
    assert candidate.place.country == country
    assert any("qualifier" in r for r in candidate.reasons)


@pytest.mark.parametrize(
    ("name", "qualifier", "lonlat"),
    [
        ("Springfield", "Illinois", (-89.64, 39.80)),
        ("Springfield", "Massachusetts", (-72.59, 42.10)),
        ("Birmingham", "Alabama", (-86.80, 33.52)),
        ("Birmingham", "AL", (-86.80, 33.52)),
        ("San José", "California", (-121.89, 37.34)),
    ],
)
def test_us_towns_with_state_qualifiers(gaz, name, qualifier, lonlat) -> None:
    place = gaz.resolve(name, context=Context(qualifier=qualifier))
    assert place.geometry.distance(Point(lonlat)) < 0.2


def test_nearby_cities_pick_the_neighbouring_namesake(gaz) -> None:
    beirut, karachi = gaz.resolve("Beirut"), gaz.resolve("Karachi")
    assert gaz.resolve("Tripoli").country == "LY"
    assert gaz.resolve("Tripoli", context=Context(nearby=(beirut,))).country == "LB"
    assert gaz.resolve("Hyderabad").country == "IN"
    assert gaz.resolve("Hyderabad", context=Context(nearby=(karachi,))).country == "PK"


def test_the_countries_a_text_is_about_bias_the_reading(gaz) -> None:
    assert gaz.resolve("Córdoba").country == "AR"
    assert gaz.resolve("Córdoba", context=Context(countries=("ES",))).country == "ES"


def test_a_place_already_resolved_in_the_text_is_preferred(gaz) -> None:
    springfield_ma = gaz.resolve("Springfield", context=Context(qualifier="Massachusetts"))
    again = gaz.resolve("Springfield", context=Context(nearby=(springfield_ma,)))
    assert again.id == springfield_ma.id


def test_context_validates_its_values() -> None:
    with pytest.raises(GazetteerError, match="alpha-2"):
        Context(countries=("Russia",))
    with pytest.raises(GazetteerError, match="Place"):
        Context(nearby=("Tbilisi",))  # type: ignore[arg-type]


# -- candidates -------------------------------------------------------------------------------


def test_candidates_are_ranked_explained_and_limited(gaz) -> None:
    ranked = gaz.candidates("Springfield", limit=4)
    assert len(ranked) == 4
    assert all(isinstance(c, Candidate) and isinstance(c.place, Place) for c in ranked)
    assert [c.score for c in ranked] == sorted((c.score for c in ranked), reverse=True)
    assert all(c.reasons and c.matched == "Springfield" for c in ranked)
    assert len({c.place.id for c in ranked}) == 4
    assert gaz.candidates("Springfield", limit=0) == []


def test_candidates_report_the_alias_that_matched(gaz) -> None:
    top = gaz.candidates("Peking")[0]
    assert (top.place.name, top.matched) == ("Beijing", "Peking")
    assert "alternate name" in top.reasons
    assert "curated alias" in gaz.candidates("U.S.")[0].reasons


def test_resolve_applies_modifiers_through_derive(gaz, monkeypatch) -> None:
    calls = []

    def fake_derive(base, modifier, gazetteer, *, at_sea=False):
        calls.append((base.id, modifier.rule, gazetteer, at_sea))
        return base

    monkeypatch.setattr("gazetteer.areas.derive", fake_derive)
    gaz.resolve("off Alaska", context=Context(at_sea=True))
    assert calls == [("ne:admin1:USA-3563", "coast", gaz, True)]
    # the candidates of a modified name are those of its base name
    assert gaz.candidates("off Alaska")[0].place.id == "ne:admin1:USA-3563"


# -- places, keys, features, geometry queries -----------------------------------------------


def test_get_and_contains(gaz) -> None:
    assert gaz.get("iso:RU").name == "Russia"
    assert "iso:RU" in gaz
    assert "iso:XX" not in gaz
    assert 40_000 < len(gaz) < 60_000
    with pytest.raises(GazetteerError, match="'iso:XX'"):
        gaz.get("iso:XX")


def test_places_are_cached_value_objects(gaz) -> None:
    assert gaz.get("iso:RU") is gaz.get("iso:RU")
    assert gaz.resolve("Kazan") == gaz.get("geonames:551487")


def test_name_keys_are_normalized_unique_and_complete(gaz) -> None:
    from gazetteer import normalize

    keys = list(gaz.name_keys())
    assert len(keys) == len(set(keys)) > 100_000
    assert {"kazan", "sea of japan", "japan sea", "u.s", "taiwan strait"} <= set(keys)
    assert all(normalize(k) == k for k in keys[::97])


def test_acronym_keys_are_flagged_case_sensitive(gaz) -> None:
    keys = gaz.case_sensitive_keys()
    assert {"us", "uk", "uae", "nyc"} <= keys
    assert "kazan" not in keys and "georgia" not in keys


def test_to_feature_is_geojson(gaz) -> None:
    feature = gaz.to_feature(gaz.resolve("Taiwan Strait"), rank=1)
    assert feature["type"] == "Feature"
    assert feature["geometry"]["type"] in {"Polygon", "MultiPolygon"}
    assert feature["properties"]["id"] == "ne:marine:taiwan-strait"
    assert feature["properties"]["rank"] == 1
    json.dumps(feature)  # serializable as is


def test_intersecting_finds_the_straits_beside_an_island(gaz) -> None:
    island = gaz.get("ne:region:taiwan").geometry
    straits = gaz.intersecting(island.buffer(0.5), kinds={"strait", "channel"})
    assert "ne:marine:taiwan-strait" in {p.id for p in straits}
    assert all(p.kind in {"strait", "channel"} for p in straits)


def test_intersecting_a_point(gaz) -> None:
    found = {p.id for p in gaz.intersecting(Point(2.35, 48.85), kinds={"country"})}
    assert found == {"iso:FR"}
    assert gaz.intersecting(Point(-30.0, 10.0), kinds={"country"}) == []
    oceans = {p.id for p in gaz.intersecting(Point(-30.0, 10.0), kinds={"ocean"})}
    assert {"ne:marine:north-atlantic-ocean", "ne:marine:atlantic-ocean"} <= oceans


def test_land_separates_land_from_sea(gaz) -> None:
    land = gaz.land()
    assert land.is_valid
    assert land.contains(Point(2.35, 48.85))  # Paris
    assert land.contains(Point(-150.0, 64.0))  # interior Alaska
    assert not land.contains(Point(-30.0, 10.0))  # mid-Atlantic
    assert not land.contains(Point(135.0, 40.0))  # Sea of Japan


# -- whole texts: names in the order a story mentions them, each resolved with the places
# resolved before it as context (as the pipeline does). Hand-written scenarios, other regions.

STORIES = {
    "a hurricane on the US Gulf coast": [
        ("Florida", "ne:admin1:USA-3542"),
        ("Tampa", "geonames:4174757"),
        ("Gulf of Mexico", "ne:marine:gulf-of-mexico"),
        ("Fort Myers", "geonames:4155995"),
        ("Naples", "geonames:4165565"),  # Naples, Florida, not Italy
        ("Cuba", "iso:CU"),
        ("Georgia", "ne:admin1:USA-3543"),  # the state next door, not the country
        ("Savannah", "geonames:4221552"),
    ],
    "a cyclone in Mozambique": [
        ("Mozambique", "iso:MZ"),
        ("Beira", "geonames:1052373"),
        ("Sofala", "ne:admin1:MOZ-1905"),
        ("Mozambique Channel", "ne:marine:mozambique-channel"),
        ("Quelimane", "geonames:1028434"),
        ("Malawi", "iso:MW"),
        ("Blantyre", "geonames:931755"),
    ],
    "fighting in the Sahel": [
        ("Mali", "iso:ML"),
        ("Timbuktu", "geonames:2449067"),  # the town, not the region's label point
        ("Gao", "geonames:2457163"),
        ("Niger", "iso:NE"),
        ("Niamey", "geonames:2440485"),
        ("Sahel", "ne:region:sahel"),
    ],
    "drills in the Baltic": [
        ("Estonia", "iso:EE"),
        ("Gulf of Finland", "ne:marine:gulf-of-finland"),
        ("Narva", "geonames:590031"),
        ("Kaliningrad", "geonames:554234"),
        ("Gotland", "ne:region:gotland"),
        ("Baltic Sea", "ne:marine:baltic-sea"),
    ],
}


@pytest.mark.parametrize("story", sorted(STORIES))
def test_stories_resolve_in_context(gaz, story) -> None:
    nearby: list[Place] = []
    for name, place_id in STORIES[story]:
        place = gaz.resolve(name, context=Context(nearby=tuple(nearby)))
        assert place is not None and place.id == place_id, (name, place and place.id)
        nearby.append(place)


def test_divisions_named_locally_at_the_source_show_their_english_name(gaz) -> None:
    for local, english in [("Bayern", "Bavaria"), ("Sind", "Sindh"), ("Xizang", "Tibet")]:
        assert gaz.resolve(local).name == english
    assert gaz.resolve("N.W.F.P.").name == "Khyber Pakhtunkhwa"
