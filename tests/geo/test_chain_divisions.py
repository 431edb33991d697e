"""A place its own phrase puts in a wider division that does not hold it takes that
division's place (:mod:`geo.chain_divisions`, session 43, wwfalse43), with cases where the
rule fires and where it must not. Sentences are written for these tests (their shapes from news)."""

from __future__ import annotations

from datetime import date

from geo.chain_divisions import chained_place
from geo.extraction import extract
from geo.model import Article
from geo.recognize import recognize

PUBLISHED = date(2024, 1, 24)


def _places(text: str) -> list[tuple[str, float, float]]:
    """(name, lat, lon) of the events ``text`` gives, published on :data:`PUBLISHED`."""
    found = extract([Article(id="a", text=text, published=PUBLISHED)], on_problem=lambda p: None)
    out = []
    for e in found.event_list:
        pt = e.place.geometry.representative_point()
        out.append((e.place.name, pt.y, pt.x))
    return out


def test_a_village_in_a_named_province_is_not_a_namesake_elsewhere() -> None:
    text = (
        "Crews searched for survivors after a mudslide in Liangshui Village, Tangfang Town in "
        "the city of Zhaotong, southwest China's Yunnan Province."
    )
    mentions = recognize(text)
    village = mentions[0]
    # the resolver alone picks a Liangshui outside Yunnan (north of 29.3°N) ...
    assert village.place.name == "Liangshui"
    assert village.place.geometry.representative_point().y > 29.3
    # ... which the phrase's own province does not hold: the report takes the chain's place
    # that the province holds
    found = chained_place(text, village, mentions)
    assert found is not None
    pt = found.place.geometry.representative_point()
    assert 21 < pt.y < 29.3 and 97 < pt.x < 106.2


def test_a_chain_without_a_wider_division_changes_nothing() -> None:
    # counter-example: "Tangfang Town" names no division wider than the village
    text = "Floods hit Liangshui Village, Tangfang Town, on Monday."
    mentions = recognize(text)
    assert chained_place(text, mentions[0], mentions) is None


def test_a_mountain_range_named_for_its_region_gives_way_to_the_region() -> None:
    text = (
        "Five people died when gas exploded in a block of flats in the Ural Mountains region "
        "of Sverdlovsk on Thursday, officials said."
    )
    places = _places(text)
    assert places
    for name, lat, lon in places:
        assert name != "Ural Mountains"
        assert 55 < lat < 62 and 57 < lon < 67  # the Sverdlovsk region, not the range's middle


def test_a_qualified_town_its_division_holds_stays() -> None:
    # counter-example: the division holds the town the resolver chose
    text = "A tornado destroyed homes in Paris, Texas on Tuesday."
    places = _places(text)
    assert [name for name, _, _ in places] == ["Paris"]
    assert places[0][1] < 40  # Paris, Texas, not the French capital


def test_a_country_after_a_comma_that_speaks_is_no_division() -> None:
    # counter-example: "Israel's military said" is the source, not where Gaza lies; a country
    # is never part of another country's chain
    text = "An air strike hit a school in Gaza, Israel's military said on Tuesday."
    places = _places(text)
    assert [name for name, _, _ in places] == ["Gaza"]


def test_a_town_its_province_holds_far_from_the_province_point_stays() -> None:
    # counter-example: Yunnan is known by a label point 390 km from Zhaotong; the town lies in
    # the province all the same and keeps its place
    text = "A landslide buried homes in Zhaotong, Yunnan Province, on Monday."
    mentions = recognize(text)
    town = next(m for m in mentions if m.place.name == "Zhaotong")
    assert chained_place(text, town, mentions) is None


def test_a_border_town_just_outside_its_state_outline_stays() -> None:
    # counter-example: Jeffersonville on the Ohio River falls just outside Indiana's
    # generalised outline; the state holds it all the same
    text = "A storm flooded streets in Jeffersonville, Indiana, on Saturday."
    mentions = recognize(text)
    assert chained_place(text, mentions[0], mentions) is None
