"""The items of a list of street names ending in a plural street noun ("at Orange and White
streets") are streets, not the towns of their names (geo.finding); a place alone before
the noun ("Boston streets") and a list before "roads" ("Iowa and Illinois roads") keep
their reading."""

from __future__ import annotations

from geo.geoparse import geoparse


def _names(text: str, gaz) -> list[str]:
    return [m.text for m in geoparse(text, gazetteer=gaz)]


def test_a_list_of_street_names_names_no_town(gaz):
    text = "A man was shot at Orange and White streets in Massachusetts, police said."
    assert _names(text, gaz) == ["Massachusetts"]


def test_the_last_item_before_the_street_noun(gaz):
    text = "The crash was at Lakeview and Harrison streets in Ohio on Monday."
    assert "Harrison" not in _names(text, gaz)


def test_a_list_of_three_avenues(gaz):
    text = "Crews repaved Rivers, Stokes and Orange avenues in South Carolina last week."
    assert _names(text, gaz) == ["South Carolina"]


def test_one_place_before_streets_is_the_place(gaz):
    # counter-example: "Boston streets" are the streets of Boston
    assert _names("Crews cleared snow from Boston streets on Monday.", gaz) == ["Boston"]


def test_a_list_before_roads_keeps_its_places(gaz):
    # counter-example: "roads" is no street noun of the rule: the states' roads
    text = "Snow covered Iowa and Illinois roads on Monday."
    assert _names(text, gaz) == ["Iowa", "Illinois"]


def test_a_list_of_places_before_another_word_keeps_them(gaz):
    # counter-example: no street noun ends the list
    text = "Police in Orange and Harrison searched the streets on Monday."
    assert "Harrison" in _names(text, gaz)
