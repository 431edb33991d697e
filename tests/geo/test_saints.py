"""A saint's name followed by a possessive and a capitalised word names a holiday, church,
school or business after the saint, not the place ("St. Patrick's Day"); a name right after
"St." is part of a saint's name, never the place of its own name ("St. Paris")."""

from __future__ import annotations

from geo import geoparse


def _names(text: str) -> list[str]:
    return [m.text for m in geoparse(text)]


def test_a_saint_day_is_no_place():
    assert _names("Crowds gathered for St. Patrick's Day in Chicago.") == ["Chicago"]


def test_a_school_named_after_a_saint_is_no_place():
    assert _names("She teaches at St. John's Lutheran School in Denver.") == ["Denver"]


def test_a_name_after_st_is_part_of_the_saint_name():
    assert "Paris" not in _names("Firefighters were called to a fire in St. Paris on Monday.")


def test_a_city_named_for_a_saint_keeps_its_possessive():
    # counter-example: Petersburg is no given name, so the city stays
    # the airport's own name now counts too (tests/geo/test_recognize_airports.py)
    assert _names("Flights land at St. Petersburg's Pulkovo airport.") == [
        "St. Petersburg",
        "Pulkovo airport",
    ]


def test_a_saint_city_without_possessive_stays():
    # counter-example: no possessive after the name
    assert _names("The mayor of St. Paul said on Monday the bridge would reopen.") == ["St. Paul"]
