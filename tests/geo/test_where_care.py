"""A hospital's town places a death there as a death, never the harm that caused it
(geo/trigger_places.py, ``care_type``; counts in docs/recognition-and-events.md, session 29)."""

from __future__ import annotations

from datetime import date

from gazetteer import Gazetteer
from geo.extraction import extract
from geo.model import Article


def _titles(text: str) -> list[str]:
    article = Article(id="t", text=text, published=date(2009, 3, 23))
    return list(extract([article], gazetteer=Gazetteer.default()).events.title)


def test_a_death_read_as_its_crash_is_a_death_at_the_hospital() -> None:
    # "died" takes the type of its cause (an accident); at the hospital it is the death
    crash = (
        "Jessica Kay, 18, died Saturday in a Dallas hospital from injuries received in the "
        "Friday night collision involving a Ford Bronco driven by James Barnes."
    )
    assert _titles(crash) == ["Death, Dallas"]


def test_a_death_elsewhere_keeps_the_type_of_its_cause() -> None:
    # counter-examples: no hospital, the crash's own town; a death told as a death
    crash = (
        "Jessica Kay, 18, died Saturday in Paris from injuries received in the "
        "Friday night collision involving a Ford Bronco driven by James Barnes."
    )
    assert _titles(crash) == ["Accident, Paris"]
    assert _titles("A man died Saturday at Carle Foundation Hospital in Urbana.") == [
        "Death, Urbana"
    ]
