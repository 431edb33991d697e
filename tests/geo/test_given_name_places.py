"""A one-word place name that is also a common given name ("Donna", "Lincoln", "Paris"),
with no place cue before it, needs a place of the article nearby: far from everything else
the story names it is a person or a far namesake more often than the place."""

from __future__ import annotations

from geo import geoparse


def _names(text: str) -> list[str]:
    return [m.text for m in geoparse(text) if m.role != "qualifier"]


def test_a_given_name_far_from_the_other_places_is_no_place():
    text = "For tickets to the show in Lyon, France, call Donna after 5 p.m."
    assert _names(text) == ["Lyon, France"]


def test_a_given_name_with_a_locative_preposition_is_kept():
    # counter-example: "in Geneva" is place evidence a reader accepts, far or not
    text = "Fighting went on in Khartoum. Peace talks in Geneva collapsed in August."
    assert "Geneva" in _names(text)


def test_a_far_namesake_gives_way_to_one_near_the_story():
    # counter-example: a Paris in the country of the story's other place, not France's
    found = geoparse("A Paris man was arrested Sunday by Kentucky State Police.")
    assert (found[0].text, found[0].place.country) == ("Paris", "US")


def test_a_text_with_one_place_keeps_it():
    # counter-example: nothing to check it against
    assert _names("A man died Saturday in a Dallas hospital.") == ["Dallas"]


def test_a_given_name_far_from_the_story_is_no_place():
    # the story is in France; the places called Charlotte lie in other countries
    text = "The prize went to Charlotte at a ceremony in Lyon, France, on Monday."
    assert _names(text) == ["Lyon, France"]


def test_a_given_name_near_the_story_is_kept():
    # counter-example: Paris and Lyon, in one country
    assert "Paris" in _names("Trains between Paris and Lyon were cancelled on Monday.")


def test_a_qualified_given_name_is_kept():
    # counter-example: the qualifier is the evidence
    assert _names("A storm hit Augusta, Georgia, on Monday.") == ["Augusta, Georgia"]


def test_a_name_that_is_no_given_name_needs_nothing():
    # counter-example: Chicago is no given name
    assert _names("Snow fell in Chicago on Monday.") == ["Chicago"]
