"""The recognizer keeps a mention whose sea modifier finds no sea ("near Bamako" in the air)."""

from __future__ import annotations

from geo.recognize import recognize


def test_an_inland_place_near_an_event_in_the_air_is_kept(gaz):
    text = "A cargo plane was forced to land near Ulaanbaatar, officials said."
    hits = recognize(text, gazetteer=gaz)
    assert [text[r.start : r.end] for r in hits] == ["near Ulaanbaatar"]
    place = hits[0].place
    assert place.derivation.base_id == hits[0].base.id
    assert hits[0].base.country == "MN"
    assert place.derivation.detail == "inland"
    assert "read on land" in place.derivation.description
    assert place.geometry.covers(hits[0].base.geometry)


def test_off_a_landlocked_country_is_kept_as_near_it(gaz):
    text = "Officials said the barges were seen off Paraguay last week."
    hits = recognize(text, gazetteer=gaz)
    assert [r.place.derivation.base_name for r in hits if r.place.derivation] == ["Paraguay"]
    assert hits[0].place.derivation.rule == "near"
