"""An airport named by the distinctive part of its name ("Heathrow airport", "O'Hare
Airport"), the designator in either case; no airport without such a name."""

from __future__ import annotations

from gazetteer import Gazetteer
from gazetteer.features import _without_city
from geo.recognize import recognize


def spans(text: str, gaz: Gazetteer) -> list[tuple[str, str]]:
    return [(text[r.start : r.end], r.place.kind) for r in recognize(text, gazetteer=gaz)]


def test_distinctive_name_and_airport_in_either_case(gaz: Gazetteer) -> None:
    assert spans("Flights were cancelled at Heathrow airport on Monday.", gaz) == [
        ("Heathrow airport", "airport")
    ]
    assert spans("Passengers waited at Gatwick Airport.", gaz) == [("Gatwick Airport", "airport")]
    assert spans("He flew into O'Hare airport on Sunday.", gaz) == [("O'Hare airport", "airport")]


def test_no_airport_without_a_distinctive_name(gaz: Gazetteer) -> None:
    assert spans("Airport security was tightened across the country.", gaz) == []
    assert spans("He drove to the airport on Monday.", gaz) == []
    # a city's airport written with its city's name stays the city
    assert spans("A man was arrested at Newark airport.", gaz) == [("Newark", "city")]
    assert spans("Fog closed Dublin airport on Monday.", gaz) == [("Dublin", "capital")]
    # a lower-case word other than a designator still ends the name
    assert spans("Heathrow staff went on strike.", gaz) == []


def test_the_town_and_generic_words_are_not_the_distinctive_part() -> None:
    towns, cities = {"london", "detroit", "port", "chicago"}, {"london", "columbus", "detroit"}
    assert _without_city("London Heathrow", towns, cities) == ["Heathrow"]
    assert _without_city("Chicago O'Hare Int'l", towns, cities) == ["O'Hare"]
    assert _without_city("Detroit City", towns, cities) == []  # "City Airport" names none
    assert _without_city("Beirut Int'l", towns, cities) == []  # no town opens it
    assert _without_city("Port Columbus Int'l", towns, cities) == []  # a city's name is left
