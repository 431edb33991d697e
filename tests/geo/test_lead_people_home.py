"""The lead's happening is not placed at a region or a country named only as where its people
come from (geo/lead_event.py, ``_home_of``; counts in docs/recognition-and-events.md,
session 29)."""

from __future__ import annotations

from gazetteer import Gazetteer
from geo.lead_event import LEAD_ROLE
from tests.geo.helpers import reports_of


def _lead_places(text: str, gaz: Gazetteer) -> list[str]:
    return [r.place.name for r in reports_of(text, gaz) if r.role == LEAD_ROLE]


def test_a_county_before_a_word_for_people_is_no_place_of_a_lead(gaz: Gazetteer) -> None:
    text = (
        "Hampshire racing driver Rob Collard has set his goals high ahead of the new "
        "British Touring Car season."
    )
    assert "Hampshire" not in _lead_places(text, gaz)


def test_a_country_after_from_is_no_place_of_a_lead(gaz: Gazetteer) -> None:
    text = (
        "Dulcimer festival draws fans from across U.S.. It was all about dulcimers and music "
        "on Saturday."
    )
    assert "United States" not in _lead_places(text, gaz)


def test_a_town_of_its_people_and_a_region_of_the_news_still_place_a_lead(
    gaz: Gazetteer,
) -> None:
    # counter-examples: local news is its people's town; a region named as a place places it
    town = (
        "Teenagers save dog from icy pond\n\n"
        "Two Saskatoon teenagers pulled a dog from a frozen pond on Saturday afternoon. "
        "Firefighters in Saskatchewan praised the pair."
    )
    assert _lead_places(town, gaz) == ["Saskatoon"]
    region = "Strong winds toppled 13 vehicles in central Kansas on Saturday afternoon."
    assert _lead_places(region, gaz) != []


def test_a_town_of_its_people_yields_to_a_place_its_sentence_tells(gaz: Gazetteer) -> None:
    # "Rollover near Brandon injures Albany driver": the headline says where the crash was
    # and whose town the other is (geo/lead_place.py, ``_without_homes``; session 37)
    text = (
        "Rollover near Fresno injures Madera driver\n\n"
        "A woman was driving on Highway 99 on Saturday when she lost control of the vehicle "
        "and it overturned, according to the California Highway Patrol."
    )
    places = _lead_places(text, gaz)
    assert places and "Madera" not in places
    assert "Fresno" in places[0]


def test_a_town_of_its_people_stays_without_a_place_in_its_own_sentence(
    gaz: Gazetteer,
) -> None:
    # counter-example: the place is told only in another sentence; the people's town stays
    text = (
        "Madera driver injured in rollover\n\n"
        "A woman was driving on Highway 99 near Fresno on Saturday when she lost control of "
        "the vehicle and it overturned, according to the California Highway Patrol."
    )
    assert _lead_places(text, gaz) == ["Madera"]
