"""A venue owned by a named owner before a place ("at Carter's Lanexa home") places a
happening there, as "at a Lanexa home" does (geo.where, session 33); the owner's name before
a place with no venue after it does not."""

from __future__ import annotations

from gazetteer import Gazetteer
from tests.geo.helpers import reports_of


def _placed(text: str, gaz: Gazetteer) -> list[tuple[str, str]]:
    return [(r.place.name, r.role) for r in reports_of(text, gaz, with_gazetteer=True)]


def test_an_owners_home_places_the_shooting(gaz):
    text = "Virginia police said Christopher Greene was shot dead Oct. 14 at Carter's Lanexa home."
    assert ("Lanexa", "at") in _placed(text, gaz)


def test_an_owners_name_with_no_venue_does_not(gaz):
    # counter-example: a rally is no venue: the owner's town is not where "at" places it
    text = "Virginia police said Christopher Greene was shot dead Oct. 14 at Carter's Lanexa rally."
    assert ("Lanexa", "at") not in _placed(text, gaz)
