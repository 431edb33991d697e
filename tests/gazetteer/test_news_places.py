"""Places news names that the sources leave hard to find: an unnamed division, ambiguous
country and water names, regions made of provinces. Each is checked in the gazetteer and
through ``geo.geoparse`` on sentences written for these tests (not from the sample)."""

from __future__ import annotations

import pytest
from shapely.geometry import Point

import geo
from gazetteer import Context


def _mentions(text: str) -> dict[str, tuple[str, str]]:
    """``{mention text: (place id, place kind)}`` for one text."""
    return {m.text: (m.place_id, m.place_kind) for m in geo.geoparse(text)}


# -- 1. divisions the label points leave unnamed -------------------------------------------------


def test_kherson_oblast_is_found_by_its_curated_name(gaz) -> None:
    oblast = gaz.get("ne:admin1:UKR-4827")
    assert oblast.name == "Kherson" and oblast.country == "UA"
    # the central one of its label points (the mainland, not the Arabat spit)
    assert Point(33.4, 46.6).distance(oblast.geometry) < 0.5
    for query in ("Kherson region", "the Kherson oblast", "the province of Kherson"):
        assert gaz.resolve(query).id == "ne:admin1:UKR-4827", query
    assert gaz.resolve("Kherson").kind == "city"  # the bare name stays the city


def test_unnamed_divisions_no_curated_name_names_are_left_out(gaz) -> None:
    # the Åland municipalities have no name in the label points and none curated
    assert "ne:admin1:ALD-4814" not in gaz


@pytest.mark.parametrize(
    ("query", "place_id", "name"),
    [
        ("Zaporizhzhia region", "ne:admin1:UKR-331", "Zaporizhzhia"),
        ("Dnipropetrovsk region", "ne:admin1:UKR-326", "Dnipropetrovsk"),
        ("Dnipro region", "ne:admin1:UKR-326", "Dnipropetrovsk"),
        ("Luhansk region", "ne:admin1:UKR-329", "Luhansk"),
        ("Donetsk region", "ne:admin1:UKR-327", "Donetsk"),
        ("Kyiv region", "ne:admin1:UKR-321", "Kyiv"),
        ("Kiev region", "ne:admin1:UKR-321", "Kyiv"),
        ("Lviv region", "ne:admin1:UKR-291", "Lviv"),
        ("Kharkiv oblast", "ne:admin1:UKR-328", "Kharkiv"),
    ],
)
def test_ukrainian_oblasts_in_news_spelling(gaz, query, place_id, name) -> None:
    oblast = gaz.resolve(query)
    assert oblast.id == place_id
    assert oblast.name == name  # as news writes it, not Natural Earth's "Luhans'k"
    assert gaz.resolve(name).kind in {"city", "capital"}  # the bare name stays the city


def test_geoparse_finds_the_kherson_region_in_a_war_report() -> None:
    found = _mentions(
        "Ukrainian officials said drones struck a ferry crossing in the Kherson region "
        "overnight, while power was cut in parts of the Zaporizhzhia region and in Kherson."
    )
    assert found["Kherson region"] == ("ne:admin1:UKR-4827", "admin1")
    assert found["Zaporizhzhia region"] == ("ne:admin1:UKR-331", "admin1")
    shown = {m.text: m.place_name for m in geo.geoparse("Shelling hit the Luhansk region.")}
    assert shown["Luhansk region"] == "Luhansk"
    assert found["Kherson"] == ("geonames:706448", "city")


# -- 2. "Congo": the DR Congo unless the article is about the Republic ---------------------------


def test_a_short_name_inverted_for_sorting_is_a_name_of_the_country() -> None:
    from gazetteer.source_names import inverted_short_name

    assert inverted_short_name("Congo, Democratic Republic of the") == "Congo"
    assert inverted_short_name("Micronesia, Federated States of") == "Micronesia"
    assert inverted_short_name("Korea, South") is None  # not a form of state
    assert inverted_short_name("Saint Helena, Ascension, and Tristan da Cunha") is None


def test_bare_congo_is_the_more_populous_congo_without_context(gaz) -> None:
    ranked = [c.place.id for c in gaz.candidates("Congo", limit=2)]
    assert ranked == ["iso:CD", "iso:CG"]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Congo said on Friday it had signed a cobalt mining deal with a Gulf investor.", "iso:CD"),
        (
            "Fighting spread in Congo on Monday as rebels advanced on Goma, the capital of "
            "North Kivu, and the government in Kinshasa appealed for help.",
            "iso:CD",
        ),
        (
            "Congo held a presidential election on Sunday; in Brazzaville turnout was low, "
            "and counting began in Pointe-Noire.",
            "iso:CG",
        ),
        ("Oil output in Congo fell after a pipeline leak near Pointe-Noire.", "iso:CG"),
    ],
)
def test_geoparse_reads_congo_from_the_article(text, country) -> None:
    assert _mentions(text)["Congo"] == (country, "country")


def test_the_full_names_of_both_congos_stay_apart() -> None:
    found = _mentions(
        "The Republic of the Congo and the Democratic Republic of the Congo signed a river "
        "transport accord."
    )
    assert found["Republic of the Congo"][0] == "iso:CG"
    assert found["Democratic Republic of the Congo"][0] == "iso:CD"


# -- 3. "the Gulf": the gulf next to the article's places ---------------------------------------


def test_the_gulf_without_context_is_the_best_known_gulf_not_a_far_province(gaz) -> None:
    top = gaz.candidates("the Gulf", limit=1)[0]
    assert top.place.id == "ne:marine:persian-gulf"
    assert "a gulf of this name" in top.reasons


@pytest.mark.parametrize("country", ["Iran", "Saudi Arabia", "Qatar", "United Arab Emirates"])
def test_a_sea_borders_the_countries_on_its_shores(gaz, country) -> None:
    place = gaz.resolve(country)
    top = gaz.candidates("Gulf", context=Context(nearby=(place,)), limit=1)[0]
    assert top.place.id == "ne:marine:persian-gulf"
    assert f"borders on {place.name}" in top.reasons


@pytest.mark.parametrize(
    ("text", "place_id", "kind"),
    [
        (
            "Iran's navy seized a foreign tanker in the Gulf on Thursday, state media said.",
            "ne:marine:persian-gulf",
            "gulf",
        ),
        (
            "Bahrain and Qatar reopened air routes over the Gulf last week.",
            "ne:marine:persian-gulf",
            "gulf",
        ),
        (
            "The storm strengthened over the Gulf before making landfall near Tampa, Florida.",
            "ne:marine:gulf-of-mexico",
            "gulf",
        ),
        (
            "Landslides cut the road to Kerema in Papua New Guinea, and aid reached the Gulf "
            "by boat on Sunday.",
            "ne:admin1:PNG-1244",
            "admin1",
        ),
    ],
)
def test_geoparse_reads_the_gulf_from_the_article(text, place_id, kind) -> None:
    assert _mentions(text)["Gulf"] == (place_id, kind)


def test_a_named_gulf_is_still_itself(gaz) -> None:
    assert gaz.resolve("the Gulf of Oman").id == "ne:marine:gulf-of-oman"
    assert gaz.resolve("Gulf province").id == "ne:admin1:PNG-1244"


# -- 5. compass parts as news readers draw them ----------------------------------------------


@pytest.mark.parametrize(
    ("query", "inside", "outside"),
    [
        ("northern Italy", ["Milan", "Turin", "Venice", "Bologna", "Genoa", "Ravenna"],
         ["Florence", "Pisa", "Ancona", "Rome"]),
        ("southern France", ["Marseille", "Toulouse", "Montpellier", "Bordeaux"],
         ["Lyon", "Paris", "Nantes"]),
        ("northern Spain", ["Bilbao", "Oviedo", "Pamplona", "Zaragoza"], ["Madrid"]),
        ("southern Ukraine", ["Odesa", "Kherson", "Mykolaiv"], ["Kyiv", "Kharkiv", "Lviv"]),
        ("southern Lebanon", ["Nabatieh"], ["Beirut"]),
    ],
)  # fmt: skip
def test_compass_parts_hold_the_towns_readers_put_there(gaz, query, inside, outside) -> None:
    part = gaz.resolve(query).geometry
    for town in inside:  # within 0.05°: coastal towns lie just off generalised outlines
        assert part.distance(gaz.resolve(town).geometry) <= 0.05, (query, town)
    for town in outside:
        assert part.distance(gaz.resolve(town).geometry) > 0.05, (query, town)


def test_geoparse_northern_italy_reaches_emilia_romagna(gaz) -> None:
    mentions = geo.geoparse(
        "Storms brought flash floods to northern Italy on Wednesday, closing schools in "
        "several towns."
    )
    (north,) = [m for m in mentions if m.text == "northern Italy"]
    assert north.place_kind == "derived"
    for town in ("Bologna", "Genoa", "Milan"):
        assert north.geometry.distance(gaz.resolve(town).geometry) <= 0.05, town
    assert north.geometry.distance(gaz.resolve("Florence").geometry) > 0.05


# -- regions hold what they enclose; Taiwan's outlying islands ----------------------------------


@pytest.mark.parametrize(
    ("query", "lon", "lat"),
    [
        ("Asia", 89.3, 29.8),  # the Plateau of Tibet, a hole of Natural Earth's Asia
        ("South America", -60.0, -5.0),  # the Amazon Basin
        ("Malay Archipelago", 114.0, 0.5),  # Borneo
    ],
)
def test_a_region_holds_the_regions_drawn_inside_it(gaz, query, lon, lat) -> None:
    assert gaz.resolve(query).geometry.covers(Point(lon, lat))


def test_a_sea_keeps_its_islands_out(gaz) -> None:
    # counter-example: water bodies keep their holes (the islands in them are land)
    sea = gaz.resolve("Mediterranean Sea").geometry
    assert not sea.covers(Point(14.2, 37.5))  # Sicily


@pytest.mark.parametrize(
    ("query", "place_id"),
    [
        ("Kinmen", "ne:admin1:TWN-3415"),
        ("Quemoy", "ne:admin1:TWN-3415"),
        ("Matsu", "ne:admin1:TWN-5128"),
        ("Matsu Islands", "ne:admin1:TWN-5128"),
        ("Lienchiang", "ne:admin1:TWN-5128"),
    ],
)
def test_taiwans_outlying_islands_by_their_news_names(gaz, query, place_id) -> None:
    place = gaz.resolve(query)
    assert place.id == place_id and place.country == "TW"


def test_geoparse_finds_kinmen_and_matsu() -> None:
    found = _mentions("Coast guard ships sailed near Kinmen on Monday and later off Matsu.")
    assert found["near Kinmen"][0].endswith("ne:admin1:TWN-3415")
    assert found["off Matsu"][0].endswith("ne:admin1:TWN-5128")


# -- unions of countries ----------------------------------------------------------------------


def test_the_eu_is_the_union_of_its_members(gaz) -> None:
    eu = gaz.resolve("European Union")
    assert eu.id == "ne:union:european-union" and eu.kind == "region" and eu.country is None
    assert gaz.resolve("EU").id == eu.id and gaz.resolve("E.U.").id == eu.id
    for lon, lat in ((4.35, 50.85), (13.4, 52.5), (23.7, 37.98)):  # Brussels, Berlin, Athens
        assert eu.geometry.covers(Point(lon, lat))
    for lon, lat in ((10.75, 59.91), (8.54, 47.37), (-0.13, 51.5)):  # Oslo, Zurich, London
        assert not eu.geometry.covers(Point(lon, lat))


def test_geoparse_finds_the_eu_only_in_capitals() -> None:
    found = _mentions("EU ministers met on Monday. Eu Yan Sang opened a shop in Singapore.")
    assert found["EU"][0] == "ne:union:european-union"
    assert "Eu" not in found  # counter-example: a name in title case is no acronym


def test_a_union_needs_known_members(gaz) -> None:
    from gazetteer.errors import GazetteerError
    from gazetteer.unions import unions

    with pytest.raises(GazetteerError, match="XX"):
        unions([], [("test", "Test Union", [], ["XX"])])
