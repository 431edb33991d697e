"""The recognizer reads "Kano State" as the state and "Kano" as the city."""

from __future__ import annotations

from gazetteer import Gazetteer
from geo.recognize import recognize


def spans(text: str, gaz: Gazetteer) -> list[tuple[str, str]]:
    return [(text[r.start : r.end], r.place.kind) for r in recognize(text, gazetteer=gaz)]


def test_designated_divisions_and_their_cities(gaz):
    text = (
        "Floods cut roads across Sylhet Division on Monday. In Sylhet, the city, shops closed. "
        "Gunmen attacked a village in Kano State; markets in Kano stayed open."
    )
    assert spans(text, gaz) == [
        ("Sylhet Division", "admin1"),
        ("Sylhet", "city"),
        ("Kano State", "admin1"),
        ("Kano", "city"),
    ]


def test_region_after_an_oblast_name(gaz):
    text = "Shelling was reported in the Kharkiv region, and drones struck Kharkiv at night."
    assert spans(text, gaz) == [("Kharkiv region", "admin1"), ("Kharkiv", "city")]


def test_a_designator_with_a_modifier(gaz):
    text = "Clashes broke out in northern Idlib province late on Friday."
    hits = recognize(text, gazetteer=gaz)
    assert [text[r.start : r.end] for r in hits] == ["northern Idlib province"]
    assert hits[0].base.kind == "admin1"
    assert hits[0].place.derivation.rule == "compass"
