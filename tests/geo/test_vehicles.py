"""Vehicles named like places ("a 2005 Honda Odyssey", "the Honda") are no places
(geo/vehicles.py, geo/recognize.py). Sentences are invented."""

from __future__ import annotations

import pytest

from geo.recognize import recognize
from geo.vehicles import vehicle_spans


def _named(text: str) -> list[str]:
    return [text[s:e] for s, e in vehicle_spans(text)]


def test_a_make_after_a_model_year_is_a_vehicle_with_its_model() -> None:
    assert _named("He was driving a 2005 Honda Odyssey east.") == ["Honda Odyssey"]
    assert _named("Police stopped a 1993 brown Cadillac on Main Street.") == ["Cadillac"]


def test_later_uses_after_a_determiner_are_the_same_vehicle() -> None:
    text = "Their red 1991 Honda broke down. The Honda's driver walked to Honda Street."
    assert _named(text) == ["Honda", "Honda"]  # not the street's bare "Honda"


@pytest.mark.parametrize(
    "text",
    [
        "The 2009 Walker County Fair opens on Friday.",  # a year before a place: no make
        "Honda officials said the plant would stay open.",  # a make with no model year
        "The team flew to Toyota for the 2019 final.",
        "A 2009 Dodge City council vote approved it.",  # a designator after the make
    ],
)
def test_no_vehicle_without_a_model_year_and_a_make(text: str) -> None:
    # counter-examples
    assert not any(name.startswith(("Honda", "Toyota", "Dodge")) for name in _named(text))


def test_a_vehicle_is_no_place_mention() -> None:
    text = (
        "A 1992 Toyota Corolla driven by a woman from Tucson collided with a truck. "
        "The Toyota failed to yield, police said."
    )
    names = [r.toponym.name for r in recognize(text)]
    assert "Toyota" not in names
    assert "Tucson" in names


def test_a_make_that_names_a_place_without_a_model_year_stays_a_place() -> None:
    # counter-example: the city of Toyota in a story about no car
    text = "Workers at the plant in Toyota, Japan, went on strike on Monday."
    assert "Toyota" in [r.toponym.name for r in recognize(text)]
