"""Derived areas on the real gazetteer: the issue's must-work list and hard cases of our own
(other regions, other kinds of event), each checked against places a reader knows."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import Point

from gazetteer.areas import DISTANCES_KM, derive
from gazetteer.compass import COMPASS_FRACTION, DIRECTIONS, aspect_at, equal_area
from gazetteer.core import Context, Gazetteer
from gazetteer.modifiers import Modifier, parse_query
from lonlat.antimeridian import crosses_antimeridian


def area_of(gaz: Gazetteer, query: str, *, at_sea: bool = False, base: str | None = None):
    """Derive ``query`` from its base place (``base`` overrides the base name's lookup)."""
    modifier, name = parse_query(query)
    assert modifier is not None, query
    place = gaz.resolve(base or name)
    assert place is not None, name
    return derive(place, modifier, gaz, at_sea=at_sea)


def assert_derived(place, *, rule: str):
    assert place.kind == "derived"
    assert place.id.startswith(f"derived:{rule}:")
    assert place.derivation.rule == rule
    assert place.derivation.description  # what a reader sees in the popup
    geometry = place.geometry
    assert geometry.is_valid and not geometry.is_empty
    assert geometry.geom_type in {"Polygon", "MultiPolygon"}
    minx, miny, maxx, maxy = geometry.bounds
    assert minx >= -180 and maxx <= 180 and miny >= -90 and maxy <= 90
    for part in shapely.get_parts(geometry):
        west, _, east, north = part.bounds
        assert not (west == -180 and east == 180 and north < 90), "a ring across the map"


def covers(place, lon: float, lat: float) -> bool:
    return place.geometry.covers(Point(lon, lat))


def land_share(gaz: Gazetteer, geometry) -> float:
    """Share of the (equal-area) area of ``geometry`` that lies on land."""
    minx, miny, maxx, maxy = geometry.bounds
    land = shapely.clip_by_rect(gaz.land(), minx - 1, miny - 1, maxx + 1, maxy + 1)
    on_land = geometry.intersection(land)
    if on_land.is_empty:
        return 0.0
    whole, lon0 = equal_area(geometry)
    part, _ = equal_area(on_land, lon0=lon0)
    return part.area / whole.area


# --- the sample's and the places ----------------------------------------------------


def test_northwestern_pacific_is_part_of_the_north_pacific(gaz):
    place = area_of(gaz, "the northwestern Pacific")
    assert_derived(place, rule="compass")
    assert place.name == "Northwestern Pacific Ocean"
    north_pacific = gaz.resolve("North Pacific Ocean")
    assert place.geometry.difference(north_pacific.geometry).area < 1e-6 * place.geometry.area
    assert covers(place, 155, 40)  # east of Japan and the Kurils
    assert not covers(place, -140, 30)  # the northeastern Pacific
    # The 2/5 farthest to the north-west reaches the tropics west of the date line (as the
    # "western North Pacific" of typhoon seasons does), not Hawaii or the eastern tropics.
    assert covers(place, 160, 10)
    assert not covers(place, -160, 20)  # Hawaii
    assert not covers(place, -120, 10)  # the eastern tropical Pacific
    assert "farthest to the north-west" in place.derivation.description
    assert crosses_antimeridian(place.geometry)


def test_near_alaska_at_sea_is_the_sea_off_alaska_with_the_aleutians(gaz):
    place = area_of(gaz, "near Alaska", at_sea=True)
    assert_derived(place, rule="near")
    assert place.name == "Sea near Alaska"
    assert place.derivation.distance_km == pytest.approx(370.4)
    assert covers(place, -168, 58)  # Bering Sea, west of Nunivak
    assert covers(place, -176, 50.8)  # south of Adak, Aleutians
    assert covers(place, -150, 56)  # Gulf of Alaska
    assert not covers(place, -150, 64)  # interior Alaska: land removed
    assert not covers(place, -140, 40)  # the open North Pacific, far away
    assert crosses_antimeridian(place.geometry)  # the Aleutians cross 180°
    assert land_share(gaz, place.geometry) < 0.01


def test_near_alaska_on_land_is_alaska_and_its_surroundings(gaz):
    place = area_of(gaz, "near Alaska", at_sea=False)
    assert place.derivation.rule == "near"
    assert place.derivation.distance_km == DISTANCES_KM["near_land"]
    assert covers(place, -150, 64)  # Alaska itself
    assert covers(place, -140.8, 65)  # a few km into Yukon, across the border


def test_off_the_coast_of_south_carolina_stops_at_its_neighbours(gaz):
    place = area_of(gaz, "off the coast of South Carolina")
    assert_derived(place, rule="coast")
    assert place.name == "Sea off South Carolina"
    assert covers(place, -79.0, 32.5)  # off Charleston
    assert covers(place, -77.5, 31.0)  # 200 km out in the Atlantic
    assert not covers(place, -81.0, 34.0)  # Columbia: land
    assert not covers(place, -75.3, 35.2)  # off Cape Hatteras: nearer North Carolina
    assert not covers(place, -80.5, 30.5)  # off Jacksonville: nearer Florida/Georgia
    assert "median line" in place.derivation.description
    assert land_share(gaz, place.geometry) < 0.01


def test_southern_lebanon(gaz):
    place = area_of(gaz, "southern Lebanon")
    assert_derived(place, rule="compass")
    assert place.name == "Southern Lebanon"
    assert covers(place, 35.48, 33.38)  # Nabatieh
    assert covers(place, 35.3, 33.2)  # near the southern border
    assert not covers(place, 35.5, 33.89)  # Beirut
    assert not covers(place, 36.2, 34.4)  # the north


def test_eastern_ukraine(gaz):
    place = area_of(gaz, "eastern Ukraine")
    assert covers(place, 37.8, 48.0)  # Donetsk
    assert covers(place, 36.25, 50.0)  # Kharkiv
    assert not covers(place, 30.5, 50.45)  # Kyiv
    assert not covers(place, 24.0, 49.8)  # Lviv


def test_swedish_waters_follow_the_median_line(gaz):
    place = area_of(gaz, "Swedish waters")
    assert_derived(place, rule="waters")
    assert place.name == "Waters off Sweden"
    assert covers(place, 17.8, 57.2)  # west of Gotland
    assert covers(place, 19.5, 63.0)  # Gulf of Bothnia, Swedish side
    assert not covers(place, 21.3, 63.0)  # Gulf of Bothnia off Vaasa: Finland's side
    assert not covers(place, 21.5, 57.8)  # off Saaremaa: Estonia's side
    assert not covers(place, 18.0, 59.3)  # Stockholm: land
    assert land_share(gaz, place.geometry) < 0.01


def test_around_taiwan_includes_the_taiwan_strait(gaz):
    place = area_of(gaz, "around Taiwan")
    assert_derived(place, rule="around")
    assert place.name == "Waters around Taiwan"
    strait = gaz.resolve("Taiwan Strait")
    assert strait.kind == "strait"
    missing = strait.geometry.difference(place.geometry).area / strait.geometry.area
    assert missing < 0.05  # land removed, the strait is in
    assert "Taiwan Strait" in place.derivation.description
    assert covers(place, 122.5, 23.5)  # east of Taiwan, Pacific side
    assert not covers(place, 121.0, 23.8)  # Taiwan's mountains
    # "encircling" means the same
    assert area_of(gaz, "encircling Taiwan").geometry.equals(place.geometry)


# --- our own cases --------------------------------------------------------------------------


def test_off_somalia_covers_its_two_coasts_not_yemens(gaz):
    place = area_of(gaz, "off Somalia")
    assert covers(place, 46.0, 1.5)  # off Mogadishu, Indian Ocean
    assert covers(place, 51.8, 10.5)  # off Cape Guardafui
    assert not covers(place, 45.0, 5.0)  # inland
    assert not covers(place, 49.0, 14.3)  # off Mukalla, Yemen's side of the Gulf of Aden


def test_western_australia_the_compass_part_and_the_state(gaz):
    australia = gaz.resolve("Australia")
    assert australia.kind == "country"
    west = derive(australia, Modifier("compass", "west"), gaz)
    assert covers(west, 115.86, -31.95)  # Perth
    assert not covers(west, 151.2, -33.87)  # Sydney
    assert west.id != "ne:admin1:AUS-2651"
    # Written as a proper name, it is the state, not a compass part.
    assert parse_query("Western Australia") == (None, "Western Australia")


def test_around_crete_is_the_sea_around_the_island(gaz):
    place = area_of(gaz, "around Crete")
    assert covers(place, 25.0, 34.6)  # Libyan Sea, south of Crete
    assert covers(place, 24.5, 35.8)  # Sea of Crete, north of it
    assert not covers(place, 25.0, 35.2)  # Crete itself
    assert land_share(gaz, place.geometry) < 0.01


def test_off_japan_and_its_territorial_waters(gaz):
    off = area_of(gaz, "off Japan")
    assert covers(off, 142.5, 38.0)  # off Sendai
    assert not covers(off, 139.7, 35.7)  # Tokyo
    territorial = area_of(gaz, "territorial waters of Japan")
    assert territorial.derivation.distance_km == pytest.approx(22.224)
    assert covers(territorial, 141.2, 38.2)  # 15 km off the coast near Sendai
    assert not covers(territorial, 142.5, 38.0)  # 130 km out: outside 12 nautical miles
    assert territorial.geometry.area < off.geometry.area / 5


def test_northern_norway(gaz):
    place = area_of(gaz, "northern Norway")
    assert covers(place, 23.27, 69.97)  # Alta, Finnmark
    assert covers(place, 15.6, 78.2)  # Svalbard
    assert not covers(place, 10.75, 59.9)  # Oslo
    assert not covers(place, 10.4, 63.43)  # Trondheim


def test_eastern_russia_crosses_the_antimeridian(gaz):
    place = area_of(gaz, "eastern Russia")
    assert_derived(place, rule="compass")
    assert crosses_antimeridian(place.geometry)
    assert covers(place, 158.6, 53.1)  # Petropavlovsk-Kamchatsky
    assert covers(place, -175.0, 66.5)  # Chukotka east of 180°
    assert not covers(place, 37.6, 55.75)  # Moscow
    assert not covers(place, 82.9, 55.0)  # Novosibirsk


def test_coastal_lebanon_is_land(gaz):
    coastal = area_of(gaz, "coastal Lebanon")
    assert coastal.derivation.detail == "coastal"
    assert covers(coastal, 35.52, 33.88)  # Beirut
    assert not covers(coastal, 36.2, 33.9)  # the Bekaa, behind the mountains


@pytest.mark.parametrize(
    ("query", "at_sea", "inside", "reason"),
    [
        ("off Mali", False, (-8.0, 12.65), "Mali has no coast within 200 nautical miles"),
        ("Malian waters", False, (-8.0, 12.65), "Mali has no coast"),
        ("coastal Chad", False, (15.05, 12.11), "Chad has no coast"),
        ("near Kyiv", True, (30.52, 50.45), "Kyiv has no coast within 50 km"),
        ("around Bamako", True, (-8.0, 12.65), "Bamako has no coast within 50 km"),
        ("off the coast of Paraguay", True, (-57.6, -25.3), "Paraguay has no coast"),
    ],
)
def test_a_sea_rule_without_sea_falls_back_to_near_on_land(gaz, query, at_sea, inside, reason):
    """ "off Mali" or drones downed "near Kyiv" (at sea or in the air) still map where they
    are: the place and 50 km around it, saying why, instead of an error that loses the
    mention."""
    place = area_of(gaz, query, at_sea=at_sea)
    assert_derived(place, rule="near")
    assert place.derivation.detail == "inland"
    assert place.derivation.distance_km == DISTANCES_KM["near_land"]
    assert place.derivation.description.startswith(reason)
    assert "read on land" in place.derivation.description
    assert place.id.startswith("derived:near:land-")
    assert covers(place, *inside)
    # the same area as "near X" on land, so events merge with it
    base = place.derivation.base_name
    assert place.geometry.equals(area_of(gaz, f"near {base}").geometry)


def test_port_city_gets_a_sea_side_disc(gaz):
    odesa = gaz.resolve("Odesa")
    place = derive(odesa, Modifier("coast"), gaz)
    assert place.derivation.distance_km == DISTANCES_KM["point_sea"]
    assert covers(place, 30.9, 46.4)  # Odesa Bay
    assert not covers(place, 30.5, 46.6)  # inland, west of the city
    assert land_share(gaz, place.geometry) < 0.01


def test_water_body_modifiers(gaz):
    strait = gaz.resolve("Taiwan Strait")
    assert derive(strait, Modifier("waters", "eez"), gaz) == strait
    near = derive(strait, Modifier("near"), gaz)
    assert near.geometry.area > strait.geometry.area


def test_resolve_goes_through_derive_and_the_result_is_cached(gaz):
    first = gaz.resolve("near Alaska", context=Context(at_sea=True))
    again = gaz.resolve("near Alaska", context=Context(at_sea=True))
    assert first.kind == "derived"
    assert again is first  # computed once


# --- properties -----------------------------------------------------------------------------

SEA_BASES = [
    "Alaska",
    "Taiwan",
    "Crete",
    "Sweden",
    "Japan",
    "Somalia",
    "Chile",
    "Madagascar",
    "Iceland",
    "Sri Lanka",
    "New Zealand",
    "Fiji",
    "Cuba",
    "South Carolina",
    "Norway",
    "Philippines",
]
SEA_MODIFIERS = [
    (Modifier("coast"), False),
    (Modifier("waters", "eez"), False),
    (Modifier("waters", "territorial"), False),
    (Modifier("near"), True),
    (Modifier("around"), True),
]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(name=st.sampled_from(SEA_BASES), case=st.sampled_from(SEA_MODIFIERS))
def test_derived_sea_areas_are_valid_and_at_sea(gaz, name, case):
    modifier, at_sea = case
    base = gaz.resolve(name)
    place = derive(base, modifier, gaz, at_sea=at_sea)
    assert_derived(place, rule=modifier.rule)
    assert land_share(gaz, place.geometry) <= 0.10
    # The band hugs the coast: every part is within the rule's distance of the base.
    assert place.derivation.distance_km is not None
    assert place.country == base.country
    assert place.prominence == base.prominence


@pytest.mark.parametrize(
    ("query", "inside", "outside"),
    [
        # ordinary shapes
        ("northeastern Nigeria", (13.15, 11.85), (3.4, 6.45)),  # Maiduguri; not Lagos
        ("southeastern Nigeria", (7.5, 6.45), (5.24, 13.06)),  # Enugu; not Sokoto
        ("northwestern Pakistan", (71.5, 34.0), (67.0, 24.86)),  # Peshawar; not Karachi
        ("southeastern Brazil", (-43.94, -19.92), (-60.0, -3.1)),  # Belo Horizonte; not Manaus
        ("northeastern Ethiopia", (39.47, 13.5), (36.83, 7.67)),  # Mekele; not Jimma
        ("southwestern Japan", (130.56, 31.6), (139.7, 35.7)),  # Kagoshima; not Tokyo
        # a remote island or overseas land pulls the centroid far from the main body
        ("southeastern Norway", (10.75, 59.91), (18.96, 69.65)),  # Oslo; not Tromsø
        ("northwestern France", (-1.68, 48.11), (5.37, 43.3)),  # Rennes; not Marseille
        ("southeastern France", (5.37, 43.3), (-1.68, 48.11)),
    ],
)
def test_diagonal_compass_parts_of_real_countries(gaz, query, inside, outside):
    """Diagonal parts are the two fifths farthest that way: never empty, and right for places
    whose centroid lies off the main body (a quadrant around it was empty for France's
    north-west and Norway's south-east)."""
    place = area_of(gaz, query)
    assert_derived(place, rule="compass")
    assert covers(place, *inside)
    assert not covers(place, *outside)


COMPASS_BASES = ["Lebanon", "Ukraine", "Russia", "Chile", "Indonesia", "Fiji", "Kenya"]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    name=st.sampled_from(COMPASS_BASES),
    detail=st.sampled_from(["north", "south", "east", "west", "northwest", "southeast"]),
)
def test_compass_parts_of_countries_are_within_and_on_the_right_side(gaz, name, detail):
    base = gaz.resolve(name)
    place = derive(base, Modifier("compass", detail), gaz)
    assert_derived(place, rule="compass")
    outside = shapely.difference(place.geometry, base.geometry, grid_size=1e-9)
    assert outside.area <= 1e-9 + 1e-6 * base.geometry.area
    whole, lon0 = equal_area(base.geometry)
    part, _ = equal_area(place.geometry, lon0=lon0)
    # Two fifths of the area, lying farther in the named direction (diagonals taken as true
    # at the latitude of the place's centroid) than the whole.
    assert part.area == pytest.approx(whole.area * COMPASS_FRACTION, rel=0.02)
    east, north = DIRECTIONS[detail]
    aspect = aspect_at(whole) if east and north else 1.0
    along = (east * aspect, north / aspect)
    assert np.dot(along, part.centroid.coords[0]) >= np.dot(along, whole.centroid.coords[0])
