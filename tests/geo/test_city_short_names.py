"""Short names news gives a city, as curated aliases (gazetteer/data/aliases.yaml): "L.A."
is Los Angeles, as "D.C." is Washington."""

from __future__ import annotations

from gazetteer import Gazetteer
from tests.geo.test_recognize import found as found_with_kind


def found(text: str, gaz: Gazetteer) -> list[tuple[str, str]]:
    """(phrase, place name) for each location phrase, in text order."""
    return [(phrase, name) for phrase, name, _ in found_with_kind(text, gaz)]


def test_la_with_full_stops_is_los_angeles(gaz: Gazetteer) -> None:
    assert found("Tour traces L.A.'s spiritual diversity.", gaz) == [("L.A", "Los Angeles")]
    hits = found("Two men were hospitalized after being shot in South L.A. on Friday.", gaz)
    assert hits == [("South L.A", "Southern Los Angeles")]


def test_la_without_full_stops_or_in_a_name_is_not_los_angeles(gaz: Gazetteer) -> None:
    # counter-examples: the Spanish article, "La" opening a town's name, "LA" with no stops
    assert found("Officials in La Crosse said the river rose.", gaz) == [("La Crosse", "La Crosse")]
    assert found("He sang la vie en rose at a club in LA last night.", gaz) == []
