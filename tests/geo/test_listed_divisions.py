"""An item of a list ending in a plural designator that the automaton does not hold as a name
is the division the gazetteer holds of that name and designator ("Kanawha and Putnam
counties": geo.phrase_finding, session 33); an item that is no such division, or that the
list does not end with a designator, stays unplaced."""

from __future__ import annotations

from gazetteer import Gazetteer
from geo.geoparse import geoparse


def _places(text: str, gaz: Gazetteer) -> dict[str, tuple[str, str]]:
    """Each mention's text → (kind, name) of its place."""
    return {m.text: (m.place.kind, m.place.name) for m in geoparse(text, gazetteer=gaz)}


def test_two_counties(gaz):
    text = "Flooding closed roads in Kanawha and Putnam counties on Monday, West Virginia said."
    places = _places(text, gaz)
    assert places["Kanawha"] == ("county", "Kanawha County")
    assert places["Putnam"] == ("county", "Putnam County")


def test_a_longer_list_with_an_opener(gaz):
    text = "In Becker, Clay and Polk counties, Minnesota deputies warned of floods."
    places = _places(text, gaz)
    assert places["Becker"] == ("county", "Becker County")
    assert places["Polk"] == ("county", "Polk County")
    assert "In Becker" not in places


def test_a_two_word_county(gaz):
    text = "Residents of Otter Tail and Wilkin counties, Minnesota, were told to leave."
    assert _places(text, gaz)["Otter Tail"] == ("county", "Otter Tail County")


def test_no_designator_no_county(gaz):
    # counter-example: the same names with no "counties" after them name no county
    text = "Kanawha and Putnam met the Minnesota deputies on Monday."
    places = _places(text, gaz)
    assert "Kanawha" not in places
    assert places.get("Putnam", ("", ""))[0] != "county"


def test_an_item_no_county_bears(gaz):
    # counter-example: no county is named Zorbatown
    text = "Floods hit Zorbatown and Putnam counties in West Virginia on Monday."
    assert "Zorbatown" not in _places(text, gaz)
