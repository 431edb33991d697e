"""A country's name that a local story uses as its town's (geo/country_towns.py): the town
near the story's other places, only when the story names nothing abroad. Sentences are
invented."""

from __future__ import annotations

from datetime import date

from geo.geoparse import geoparse

DAY = date(2009, 3, 6)


def _places(text: str, name: str) -> list:
    return [m.place for m in geoparse(text, DAY) if m.text == name]


def test_a_country_beside_local_towns_is_the_town() -> None:
    text = (
        "Mary Doe, 91, died Thursday at a nursing home in Lebanon. She was formerly of "
        "Hershey, Pa., and Annville."
    )
    places = _places(text, "Lebanon")
    assert places and all(p.kind != "country" and p.country == "US" for p in places)


def test_a_trip_abroad_keeps_the_country() -> None:
    # counter-example: the story names a place of the country (a trip abroad)
    text = "Mary Doe of Hershey, Pa., returned from Lebanon on Monday. She flew home from Beirut."
    places = _places(text, "Lebanon")
    assert places and all(p.kind == "country" for p in places)


def test_a_story_naming_another_country_keeps_the_country() -> None:
    # counter-example: a place abroad besides the local towns
    text = "Mary Doe of Hershey, Pa., spent a month in Lebanon and a week in Cyprus."
    places = _places(text, "Lebanon")
    assert places and all(p.kind == "country" for p in places)
