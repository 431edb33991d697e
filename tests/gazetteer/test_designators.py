"""A city and the division of the same name: the bare name is the city, a designator word
("province", "State", "division", "region", "oblast"…) asks for the division."""

from __future__ import annotations

import pytest

from gazetteer import Context, GazetteerError
from gazetteer.designators import find_designator, split_designator


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Kano State", ("Kano", "state")),
        ("Sylhet Division", ("Sylhet", "division")),
        ("the Kharkiv region", ("Kharkiv", "region")),
        ("Idlib governorate", ("Idlib", "governorate")),
        ("the province of Herat", ("Herat", "province")),
        ("State of Mexico", ("Mexico", "state")),
        ("Kano", None),
        ("Province", None),
        ("the region", None),
    ],
)
def test_split_designator(query, expected):
    assert split_designator(query) == expected


def test_find_designator_after_a_name():
    text = "Troops entered Kano State and then Idlib province; KANO STATE said no."
    assert find_designator(text, text.index(" State")) == (text.index(" and"), "state")
    end = text.index(" province")
    assert find_designator(text, end) == (end + len(" province"), "province")
    assert find_designator(text, text.index(" STATE")) is None  # shouting: not a designator
    assert find_designator(text, text.index(" and")) is None
    assert find_designator("Kano Statement", 4) is None  # a longer word


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Sylhet", "BD"),
        ("Kano", "NG"),
        ("Kharkiv", "UA"),
        ("Idlib", "SY"),
        ("Herat", "AF"),
    ],
)
def test_the_bare_name_is_the_city_and_the_designated_name_the_division(gaz, name, country):
    city = gaz.resolve(name)
    assert city.kind in {"city", "capital"} and city.country == country
    for word in ("province", "State", "division", "region"):
        division = gaz.resolve(f"{name} {word}")
        assert division.kind == "admin1", (name, word)
        assert division.country == country


@pytest.mark.parametrize(
    ("query", "division"),
    [
        ("Herat province", "Hirat"),
        ("Odesa region", "Odesa"),  # curated English names now match their cities
        ("Aleppo governorate", "Aleppo (Halab)"),
        ("Aden governorate", "Aden"),
        ("Mykolaiv Oblast", "Mykolaiv"),
    ],
)
def test_a_division_spelled_apart_from_its_namesake_city(gaz, query, division):
    """The sources spell the city and its division differently: the division of the city's
    country nearby with a name like the city's is meant."""
    place = gaz.resolve(query)
    assert (place.kind, place.name) == ("admin1", division)
    city = gaz.resolve(query.rsplit(" ", 1)[0])
    assert city.kind in {"city", "capital"} and city.country == place.country


def test_designators_pick_the_division_even_over_a_big_city(gaz):
    assert gaz.resolve("New York").kind == "city"
    state = gaz.resolve("New York state")
    assert (state.kind, state.country) == ("admin1", "US")
    assert gaz.resolve("Washington state").id == "ne:admin1:USA-3519"
    assert gaz.resolve("Dhaka division").kind == "admin1"
    assert gaz.resolve("Dhaka").kind == "capital"


def test_the_reason_is_given_and_context_can_carry_the_designator(gaz):
    top = gaz.candidates("Sylhet Division")[0]
    assert top.place.kind == "admin1"
    assert "the text says 'division'" in top.reasons
    by_context = gaz.resolve("Sylhet", context=Context(designator="division"))
    assert by_context.id == top.place.id
    with pytest.raises(GazetteerError, match="designator 'shire'"):
        Context(designator="shire")


def test_a_designator_without_such_a_division_matches_nothing(gaz):
    # No division or county is named Kazan: "Kazan County" is not the city of Kazan.
    # ("Orange County" was the example before the gazetteer had US counties.)
    assert gaz.resolve("Kazan County") is None
    assert gaz.candidates("Kazan County") == []


def test_a_designator_works_with_modifiers(gaz):
    place = gaz.resolve("northern Kano State")
    assert place.derivation.base_id == gaz.resolve("Kano State").id
