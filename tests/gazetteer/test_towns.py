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
