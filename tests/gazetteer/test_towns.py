"""Small towns (gazetteer.towns): returned only when the text pins them down."""

from __future__ import annotations

from gazetteer import Context, Gazetteer
from geo.recognize import recognize


def _places(text: str) -> list[tuple[str, str, str | None]]:
    return [(r.toponym.name, r.place.kind, r.place.country) for r in recognize(text)]


def test_a_qualified_small_town_resolves(gaz: Gazetteer) -> None:
    town = gaz.resolve("Glasgow", context=Context(qualifier="Kentucky"))
    assert town is not None and (town.kind, town.country) == ("town", "US")
    assert 36.5 < town.geometry.y < 37.5  # Glasgow, Kentucky, not Glasgow, Delaware
    assert gaz.resolve("Bantam, Conn.").kind == "town"
    assert gaz.resolve("Wainwright, Alberta").country == "CA"


def test_the_bare_name_never_becomes_the_town(gaz: Gazetteer) -> None:
    assert gaz.resolve("Glasgow").country == "GB"
    assert gaz.resolve("Bantam") is None  # only a town: never bare
    assert all(c.place.kind != "town" for c in gaz.candidates("Edmonton"))
    assert gaz.has_town("Bantam") and not gaz.has_town("Qxzv")


def test_a_town_that_does_not_lie_in_the_qualifier_is_not_offered(gaz: Gazetteer) -> None:
    assert gaz.candidates("Bantam", context=Context(qualifier="Texas")) == []


def test_towns_are_points_of_precision_one(gaz: Gazetteer) -> None:
    town = gaz.resolve("Holliday, Texas")
    assert town.kind == "town" and town.precision == 1 and town.id.startswith("geonames:")


def test_nearest_named_within_reach_only(gaz: Gazetteer) -> None:
    cairns = gaz.resolve("Cairns")
    near = gaz.nearest_named("Edmonton", cairns, 50)
    assert near is not None and near.country == "AU"
    assert gaz.nearest_named("Edmonton", gaz.resolve("Sydney"), 50) is None


def test_recognizer_qualified_town() -> None:
    found = _places("Firefighters were called to a barn in Holliday, Texas, on Tuesday night.")
    assert ("Holliday", "town", "US") in found


def test_recognizer_bare_town_name_is_no_place() -> None:
    assert _places("Holliday said the barn was lost.") == []
    # a known city keeps winning when nothing pins the small namesake
    assert ("Edmonton", "city", "CA") in _places("Snow fell on Edmonton overnight.")


def test_recognizer_person_name_before_a_qualifier() -> None:
    # "John Holliday, Texas": part of a longer proper name, not the town
    assert all(kind != "town" for _, kind, _ in _places("Coach Dan Holliday, Texas, said."))


def test_recognizer_dateline_town() -> None:
    found = _places("GLASGOW, Ky. (AP) - A school bus slid off a rural road on Monday.")
    assert found and found[0][1:] == ("town", "US")


def test_recognizer_abbreviated_town_in_running_text() -> None:
    found = _places("The couple moved to Wainwright, Alta., in 1998.")
    assert found == [("Wainwright", "town", "CA"), ("Alta.", "admin1", "CA")]


def test_recognizer_town_linked_to_a_place_within_reach() -> None:
    found = _places("Floodwater reached Edmonton, south of Cairns, on Friday.")
    assert ("Edmonton", "town", "AU") in found


def test_recognizer_link_to_a_far_place_keeps_the_city() -> None:
    found = _places("The storm hit Edmonton, north of Calgary, on Friday.")
    assert ("Edmonton", "city", "CA") in found


def test_recognizer_list_of_countries_is_no_town() -> None:
    found = _places("Talks with Georgia, Armenia and Azerbaijan resumed.")
    assert [kind for _, kind, _ in found] == ["country", "country", "country"]


def test_recognizer_subject_after_the_comma_is_no_qualifier() -> None:
    # "Bantam, Texas's …": the division is the subject of a clause, not a qualifier
    assert all(kind != "town" for _, kind, _ in _places("In Bantam, Texas's governor spoke."))


def test_nearest_named_reach_is_exact_at_its_edge(gaz: Gazetteer) -> None:
    from lonlat.distance import km

    cairns = gaz.resolve("Cairns")
    near = gaz.nearest_named("Edmonton", cairns, 50)
    assert near is not None
    d = km(near.geometry.x, near.geometry.y, cairns.geometry.x, cairns.geometry.y)
    # the latitude shortcut never drops a town inside the reach, however tight
    assert gaz.nearest_named("Edmonton", cairns, d + 1e-6) == near
    assert gaz.nearest_named("Edmonton", cairns, d * (1 - 1e-6)) is None


def _zip(code: str, city: str, state: str, lon: float, lat: float) -> dict:
    # the fields GeoNames' postal-code file holds, and one it does not (never read)
    return {
        "zip_code": code,
        "city": city,
        "state": state,
        "long": str(lon),
        "lat": str(lat),
        "zip_code_type": "UNIQUE",
    }


def test_zip_towns_fill_in_only_what_is_missing() -> None:
    from gazetteer.towns import SCALE, ZIP_BASE, zip_town_rows

    records = [
        _zip("06791", "Harwinton", "CT", -73.06, 41.77),
        _zip("06792", "Harwinton", "CT", -73.08, 41.75),
        _zip("06037", "Berlin", "CT", -72.77, 41.62),  # a town of the name is there
        _zip("77880", "Washington", "TX", -96.22, 30.32),  # a state's name: reserved
        _zip("00901", "San Juan", "PR", -66.1, 18.46),  # a territory: its own country
        _zip("09001", "Apo", "AE", 0.0, 0.0),  # the armed forces' mail: no state
        _zip("12345", "schenectady", "NY", -73.9, 42.8),  # not a name
    ]
    berlin = ("US", 4180000, "Berlin", 20000, round(-72.75 * SCALE), round(41.62 * SCALE))
    states = {"CT", "TX", "NY"}
    rows = zip_town_rows(records, [berlin], [], states, reserved={"washington"})
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [("US", ZIP_BASE + 6791, "Harwinton", 0)]
    assert rows[0][4] == round(-73.07 * SCALE)  # the mean of its ZIPs' points


def test_a_zip_town_near_a_main_place_of_its_name_is_that_place() -> None:
    from gazetteer.towns import zip_town_rows

    records = [_zip("06101", "Hartford", "CT", -72.68, 41.77)]
    main = [("geonames:4835797", "hartford", "US", -72.69, 41.76)]
    assert zip_town_rows(records, [], main, {"CT"}) == []
    assert len(zip_town_rows(records, [], [], {"CT"})) == 1


def test_a_zip_town_is_found_when_pinned_only(gaz: Gazetteer) -> None:
    town = gaz.resolve("Harwinton, Connecticut")
    assert town is not None and town.kind == "town" and town.id == "zip:06791"
    assert town.source == "zipcodes" and 41.5 < town.geometry.y < 42.0
    assert gaz.resolve("Harwinton") is None  # only a town: never bare
    # a state's or the capital's name is never a ZIP town ("Washington" in a Texas story)
    texas = gaz.candidates("Washington", context=Context(qualifier="Texas"))
    assert texas and not any(c.place.id.startswith("zip:") for c in texas)


def test_a_zip_town_named_like_a_common_word_stays_a_word() -> None:
    # Energy, Texas is a post-office town: the word in running text is no place
    assert all(kind != "town" for _, kind, _ in _places("Energy prices rose in Texas on Monday."))
    assert all(kind != "town" for _, kind, _ in _places("Success came late for the team."))


def test_a_town_is_found_under_the_other_spelling_of_its_ending(gaz: Gazetteer) -> None:
    # GeoNames files the New Hampshire town as Hillsborough; the news writes "Hillsboro"
    town = gaz.resolve("Hillsboro, N.H.")
    assert town is not None and (town.kind, town.name) == ("town", "Hillsborough")
    assert 42.9 < town.geometry.y < 43.3


def test_the_other_spelling_neither_displaces_a_town_of_the_name_nor_makes_a_bare_one(
    gaz: Gazetteer,
) -> None:
    # counter-examples: Ohio has its own Hillsboro; the bare name stays the city of its name
    ohio = gaz.resolve("Hillsboro, Ohio")
    assert ohio is not None and ohio.name == "Hillsboro" and 39.0 < ohio.geometry.y < 39.4
    bare = gaz.resolve("Hillsboro")
    assert bare is not None and bare.name == "Hillsboro" and bare.kind == "city"


def _geonames(gid: int, name: str, country: str, population: int, lon: float, lat: float):
    return {
        "geonameid": gid,
        "name": name,
        "countrycode": country,
        "population": population,
        "longitude": lon,
        "latitude": lat,
    }


def test_a_seat_without_a_population_fills_a_gap_only() -> None:
    from gazetteer.towns import town_rows

    records = [
        _geonames(1, "Kalombo", "NG", 0, 12.8, 10.9),  # a seat GeoNames gives no population
        _geonames(2, "Ashby", "GB", 2500, -1.4, 52.7),
        _geonames(3, "Ashby", "GB", 0, -0.6, 53.6),  # a populated Ashby exists: left out
        _geonames(4, "Ashby", "NG", 0, 7.0, 9.0),  # another country's namesake: kept
        _geonames(5, "Dunmore", "IE", 0, -8.7, 53.6),  # a main-index place of its country
        _geonames(6, "Tiny", "GB", 300, -1.0, 52.0),  # a small population stays left out
    ]
    main = [("geonames:99", "dunmore", "IE", -7.0, 52.1)]
    rows = town_rows(records, main)
    assert sorted((r[1], r[2], r[3]) for r in rows) == [
        (1, "Kalombo", 0),
        (2, "Ashby", 2500),
        (4, "Ashby", 0),
    ]


def test_a_seat_without_a_population_is_a_town_where_pinned(gaz: Gazetteer) -> None:
    town = gaz.resolve("Chibok, Borno")
    assert town is not None and (town.kind, town.country, town.prominence) == ("town", "NG", 0)
    assert gaz.resolve("Chibok") is None  # only a town: never bare
    found = _places("Gunmen abducted 12 villagers in Chibok, Nigeria, on Monday.")
    assert ("Chibok", "town", "NG") in found


def test_a_seat_named_like_a_word_or_a_person_stays_a_word() -> None:
    # GeoNames lists seats without a population named "March" (Afghanistan) and
    # "Winston" (England): the month and the man are no places
    assert _places("Fighting resumed in March, Afghanistan, officials said.") == [
        ("Afghanistan", "country", "AF")
    ]
    found = _places("Coach Dale Winston, England, said the side would recover.")
    assert all(kind != "town" for _, kind, _ in found)
    assert _places("Winston said the council would meet again.") == []
