"""A capitalised compass word before a place name names a part of it ("Northeast Georgia",
"Southern California"): no longer proper name that hides the place (``compass_words`` in
geo/data/toponym_filters.yaml)."""

from __future__ import annotations

from gazetteer import Gazetteer
from tests.geo.test_recognize import found


def test_a_capitalised_compass_word_names_a_part_of_the_place(gaz: Gazetteer) -> None:
    text = (
        "Most school districts in Northeast Georgia are reviewing their policies. "
        "Wildfires burned across Southern California on Monday. "
        "Storms hit Western Pennsylvania and Southwest Florida."
    )
    hits = found(text, gaz)
    assert [h[0] for h in hits] == [
        "Northeast Georgia",
        "Southern California",
        "Western Pennsylvania",
        "Southwest Florida",
    ]
    assert all(kind == "derived" for _, _, kind in hits)
    assert hits[0][1] == "Northeastern Georgia"


def test_names_that_open_with_a_compass_word_stay_whole(gaz: Gazetteer) -> None:
    # a gazetteer name with the compass word in it is the longer match, not a part
    text = "Officials from Northern Ireland and Western Australia met in London."
    assert [(p, k) for p, _, k in found(text, gaz)] == [
        ("Northern Ireland", "admin1"),
        ("Western Australia", "admin1"),
        ("London", "capital"),
    ]


def test_a_compass_word_opening_an_organisation_is_no_region(gaz: Gazetteer) -> None:
    # counter-examples: the compass word opens an organisation's name, not a place phrase
    text = (
        "She studied at Eastern Illinois University. "
        "She flew Southwest Airlines to Denver. "
        "The Western Pennsylvania Kennel Association held its show."
    )
    assert [p for p, _, _ in found(text, gaz)] == ["Denver"]


def test_central_is_not_read_as_a_compass_part(gaz: Gazetteer) -> None:
    # "Central Anatolia" is a region of its own, not the middle third of Anatolia: central
    # stays out of the list
    assert found("The blast hit Kayseri, a hub in Central Anatolia.", gaz) == [
        ("Kayseri", "Kayseri", "city")
    ]
