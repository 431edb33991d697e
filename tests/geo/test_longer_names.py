"""A town's name opening a longer capitalised name ("the Paris Walmart"), and two person
cues that read across a name of a body or a sentence's end (session 33, evfilters33).

Each rule has a sentence where it fires and one where it must not (all sentences invented).
"""

from __future__ import annotations

from datetime import date

import geo
from gazetteer import Gazetteer
from geo.longer_names import towns_in_names
from geo.toponyms import Toponym

DAY = date(2024, 5, 6)


def roles(text: str, gaz: Gazetteer) -> list[tuple[str, str, str]]:
    """(text, place name, role) of every mention, in text order."""
    return [(m.text, m.place_name, m.role) for m in geo.geoparse(text, DAY, gazetteer=gaz)]


def test_a_town_the_text_names_opens_a_longer_name(gaz: Gazetteer) -> None:
    text = "Paris police said a man threatened the Paris Walmart on Monday."
    assert roles(text, gaz) == [
        ("Paris", "Paris", "location"),
        ("Paris", "Paris", "organisation"),
    ]


def test_a_longer_name_alone_names_no_town(gaz: Gazetteer) -> None:
    # no location of the name elsewhere: "Jordan Peterson", "Paris Hilton" stay out
    assert roles("A man threatened the Paris Walmart on Monday.", gaz) == []


def test_a_street_named_after_the_town_is_no_mention_of_it(gaz: Gazetteer) -> None:
    text = "Police in Decatur said the car turned onto Decatur Boulevard."
    assert roles(text, gaz) == [("Decatur", "Decatur", "location")]


def test_a_small_towns_longer_name_is_left_to_the_towns() -> None:
    text = "Decatur and Avondale Estates grew. Avondale Estates voted."
    locations = [Toponym(0, 7, 0, 7, "Decatur"), Toponym(12, 20, 12, 20, "Avondale")]
    in_names = [(12, 20, "avondale"), (35, 43, "avondale")]

    def has_town(name: str) -> bool:
        return name == "Avondale Estates"

    assert towns_in_names(text, [], in_names, locations, has_town) == []
    assert towns_in_names(text, [], in_names, locations, lambda name: False) == in_names


def test_a_town_after_a_capitalised_word_of_the_longer_name(gaz: Gazetteer) -> None:
    text = "Fans in Dublin cheered as the Historic Dublin trail opened."
    assert roles(text, gaz) == [
        ("Dublin", "Dublin", "location"),
        ("Dublin", "Dublin", "organisation"),
    ]


def test_a_given_name_a_stop_word_or_a_country_before_the_name_stays_out(
    gaz: Gazetteer,
) -> None:
    assert roles("Fans in Dublin cheered, and Joshua Dublin sang.", gaz) == [
        ("Dublin", "Dublin", "location")
    ]
    assert roles("Fans in Moscow cheered, and the State Moscow Choir sang.", gaz) == [
        ("Moscow", "Moscow", "location")
    ]
    assert roles("Fans in Jordan cheered, and the Historic Jordan trail opened.", gaz) == [
        ("Jordan", "Jordan", "location")
    ]


def test_a_body_after_a_given_name_makes_no_person(gaz: Gazetteer) -> None:
    # "Columbus Council" is no Mr. Council: the bare "Columbus" stays the town
    text = "Members of Columbus Council voted on Monday. Columbus officials agreed."
    assert roles(text, gaz) == [
        ("Columbus", "Columbus", "organisation"),
        ("Columbus", "Columbus", "location"),
    ]
    # a census surname after the given name still makes the person
    assert roles("Members heard Columbus Smith on Monday. Columbus officials agreed.", gaz) == []


def test_a_title_ending_a_sentence_is_no_title_of_the_next_word(gaz: Gazetteer) -> None:
    assert roles("He met the Judge. Columbus officials agreed.", gaz) == [
        ("Columbus", "Columbus", "location")
    ]
    assert roles("He met Judge Columbus on Monday.", gaz) == []
    assert roles("He met Gov. Columbus on Monday.", gaz) == []
