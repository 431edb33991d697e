"""A legislator's party before the hyphen of the home town ("D-Oakland", "DFL-Minneapolis")
does not make the town part of a hyphenated name (``party_prefixes`` in
geo/data/toponym_filters.yaml)."""

from __future__ import annotations

from gazetteer import Gazetteer
from tests.geo.test_recognize import found as found_with_kind


def found(text: str, gaz: Gazetteer) -> list[tuple[str, str]]:
    """(phrase, place name) for each location phrase, in text order."""
    return [(phrase, name) for phrase, name, _ in found_with_kind(text, gaz)]


def test_the_home_town_after_a_party_letter_is_a_place(gaz: Gazetteer) -> None:
    text = (
        "Rep. Barbara Lee, D-Oakland, introduced the bill. "
        "Senate Majority Leader Larry Pogemiller, DFL-Minneapolis, said cuts may come."
    )
    assert found(text, gaz) == [("Oakland", "Oakland"), ("Minneapolis", "Minneapolis")]


def test_other_hyphenated_prefixes_still_hide_the_name(gaz: Gazetteer) -> None:
    # counter-examples: a prefix that is no party ("NATO-Russia"), a party letter in lower
    # case, and a hyphenated place name whose first part is no place ("Ust-Luga")
    text = (
        "The NATO-Russia Council met again. "
        "The d-Oakland label was a typo. "
        "Tankers loaded at Ust-Luga."
    )
    assert found(text, gaz) == []


def test_a_country_after_a_demonym_and_a_hyphen_is_a_place(gaz: Gazetteer) -> None:
    # "Egyptian-US relations": two peoples' ties name both countries
    assert found("Egyptian-US relations improved.", gaz) == [("US", "United States")]


def test_a_prefix_that_is_no_demonym_still_hides_the_name(gaz: Gazetteer) -> None:
    # counter-example: "Sino" and "Afro" are combining forms, not a people's adjective
    assert found("The Sino-Japan summit and the Afro-Cuba festival opened.", gaz) == []
