"""Abbreviated divisions standing alone ("the S.C. Highway Patrol", "a Ga. pastor") are
mentions of the division; where the abbreviation may be a word, a title or a year they are
not."""

from __future__ import annotations

import pytest

from geo import geoparse
from geo.abbreviations import find_abbreviations


def _mentions(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.place_name, m.role) for m in geoparse(text)]


def test_an_abbreviation_before_a_lower_case_word_is_the_division():
    assert ("Ga.", "Georgia", "location") in _mentions("A retired Ga. teacher won the prize.")


def test_an_abbreviation_opening_an_organisation_is_an_organisation_mention():
    found = _mentions("The S.C. Highway Patrol asked drivers to slow down.")
    assert found == [("S.C.", "South Carolina", "organisation")]


def test_a_party_and_state_names_the_office_holder_state():
    found = _mentions("Rep. Jane Doe, D-N.D., voted against the bill.")
    assert ("N.D.", "North Dakota", "organisation") in found


def test_a_road_number_after_the_abbreviation():
    assert ("S.C.", "South Carolina", "location") in _mentions("The crash closed S.C. 9 overnight.")


def test_a_qualifier_is_a_mention_of_its_own_role():
    found = _mentions("The plant in Bowling Green, Ky., will close.")
    assert found == [
        ("Bowling Green, Ky.", "Bowling Green", "location"),
        ("Ky.", "Kentucky", "qualifier"),
    ]


def test_a_full_name_qualifier_is_a_mention_too():
    found = _mentions("The plant in Paris, Texas, will close.")
    assert found == [("Paris, Texas", "Paris", "location"), ("Texas", "Texas", "qualifier")]


def test_a_division_that_places_the_name_itself_is_one_mention():
    # counter-example: a town the gazetteer lacks is placed at its qualifier; the division is
    # then the place of the whole phrase, not a second mention
    found = _mentions("A wildfire burned homes in Piedmont, South Dakota on Monday.")
    assert [(text, role) for text, _, role in found] == [("Piedmont, South Dakota", "location")]


def test_a_list_is_no_qualifier_mention():
    # counter-example: "Georgia, Armenia and Azerbaijan" is a list of countries
    found = _mentions("Envoys from Georgia, Armenia and Azerbaijan met.")
    assert all(role == "location" for _, _, role in found)


@pytest.mark.parametrize(
    "text",
    [
        "The temple was built around 300 B.C. by the king.",  # a year
        "She went to Mass. The priest spoke of peace.",  # a word ending a sentence
        "Former Del. Brian Moore spoke first.",  # a title before a name
        "Officials met in Perth, where WA. officials spoke.",  # not one division
    ],
)
def test_no_abbreviation_where_it_may_be_a_word(text, gaz):
    assert list(find_abbreviations(text, gaz.abbreviation, frozenset())) == []
