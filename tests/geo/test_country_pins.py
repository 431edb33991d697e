"""A small town pinned by its country without a comma (geo.country_pins): "X in Italy",
"Italy's X"; sentences written for the tests."""

from __future__ import annotations

from gazetteer import Gazetteer
from geo.recognize import Recognizer


def places(text: str, gaz: Gazetteer) -> list[tuple[str, str, str]]:
    return [
        (r.toponym.name, r.place.kind, r.place.country) for r in Recognizer(gaz).recognize(text)
    ]


def test_a_small_town_before_in_and_its_country(gaz: Gazetteer) -> None:
    text = "Three people died on Saturday when a fishing boat capsized off Marettimo in Italy."
    assert ("Marettimo", "town", "IT") in places(text, gaz)


def test_a_small_town_after_its_countrys_possessive(gaz: Gazetteer) -> None:
    text = "A fishing boat capsized off Italy's Marettimo on Saturday, the coastguard said."
    assert ("Marettimo", "town", "IT") in places(text, gaz)


def test_a_country_that_holds_no_town_of_the_name_pins_nothing(gaz: Gazetteer) -> None:
    # counter-example: Marettimo is a town of Italy only
    text = "A fishing boat capsized off Marettimo in France on Saturday."
    assert all(name != "Marettimo" for name, _, _ in places(text, gaz))
    text = "A fishing boat capsized off France's Marettimo on Saturday."
    assert all(name != "Marettimo" for name, _, _ in places(text, gaz))


def test_a_bare_small_town_stays_unpinned(gaz: Gazetteer) -> None:
    # counter-example: no country written next to the name
    text = "A fishing boat capsized off Marettimo on Saturday, the coastguard said."
    assert all(name != "Marettimo" for name, _, _ in places(text, gaz))
