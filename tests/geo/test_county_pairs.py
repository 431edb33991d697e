"""A county and a town the same story names pin each other down ("Paris and Henry County" is
Paris, Tennessee), unless the story names the state or two counties tie."""

from __future__ import annotations

from gazetteer import Gazetteer
from geo.pairs import county_pairs
from geo.recognize import recognize


def _states(text: str, gaz: Gazetteer) -> dict[str, str]:
    out = {}
    for r in recognize(text, gazetteer=gaz):
        point = r.place.geometry.representative_point()
        states = gaz.intersecting(point, kinds=("admin1",))
        out[r.toponym.name] = states[0].name if states else ""
    return out


def test_a_town_and_its_county_pick_the_state_that_has_both(gaz):
    text = "Volunteers in Paris and Henry County collected food for the shelter on Saturday."
    assert _states(text, gaz) == {"Paris": "Tennessee", "Henry County": "Tennessee"}


def test_a_named_state_keeps_its_county(gaz):
    # counter-example: another Monroe County holds a Columbia, but the story is in Missouri
    text = "A Missouri trooper stopped a driver in Monroe County. The driver was from Columbia."
    states = _states(text, gaz)
    assert states["Monroe County"] == "Missouri"
    assert states["Columbia"] == "Missouri"


def test_two_counties_holding_a_town_each_tie(gaz):
    # counter-example: Columbia lies in one Monroe County, Paris in another: no pair wins
    names = [
        ("monroe county", "Monroe County", gaz.candidates("Monroe County", limit=50)),
        ("columbia", "Columbia", gaz.candidates("Columbia")),
        ("paris", "Paris", gaz.candidates("Paris")),
    ]
    assert county_pairs(names, gaz.nearest_named, gaz.has_town) == {}


def test_a_county_without_namesakes_pairs_nothing(gaz):
    names = [
        ("los angeles county", "Los Angeles County", gaz.candidates("Los Angeles County")),
        ("paris", "Paris", gaz.candidates("Paris")),
    ]
    assert county_pairs(names, gaz.nearest_named, gaz.has_town) == {}
