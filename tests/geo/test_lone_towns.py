"""A lesser city far from a local story is dropped as a namesake the gazetteer lacks
(geo.lone_towns.drop_lone_cities): "Brandon" in a story of Alexandria and Douglas County,
Minnesota, is no Brandon, Florida. Never a well-known city, never with fewer than two of the
story's towns or counties to go by, never when the story names the far city's state."""

from __future__ import annotations

from gazetteer import Gazetteer
from geo.lone_towns import WELL_KNOWN_SOURCE
from geo.recognize import recognize

_STORY = "Flooding closed roads in Alexandria and in Douglas County on Monday. "


def _names(text: str, gaz: Gazetteer) -> dict[str, str]:
    return {r.toponym.name: r.place.kind for r in recognize(text, gazetteer=gaz)}


def test_a_lesser_city_far_from_a_local_story_is_dropped(gaz):
    names = _names(_STORY + "Water covered the highway at Apopka.", gaz)
    assert "Douglas County" in names
    assert "Apopka" not in names


def test_the_local_namesake_is_taken_when_the_gazetteer_has_it(gaz):
    # Brandon, Minnesota (a post-office town of the small-town index) lies in Douglas County
    hits = recognize(_STORY + "Water covered the highway at Brandon.", gazetteer=gaz)
    brandon = [r.place for r in hits if r.toponym.name == "Brandon"]
    assert brandon and brandon[0].kind == "town" and 45.5 < brandon[0].geometry.y < 46.5


def test_a_well_known_city_stays(gaz):
    # counter-example: Nashville is on Natural Earth's populated places
    text = _STORY + "The family had moved from Nashville."
    hits = [r for r in recognize(text, gazetteer=gaz) if r.toponym.name == "Nashville"]
    assert hits and WELL_KNOWN_SOURCE in hits[0].place.source


def test_one_town_of_the_story_is_not_enough(gaz):
    # counter-example: Alexandria alone (no second town or county) is no story to go by
    assert "Brandon" in _names(
        "Flooding closed roads in Alexandria on Monday. Water covered the highway at Brandon.", gaz
    )


def test_the_far_citys_state_named_keeps_it(gaz):
    # counter-example: Florida, named, lies beside Brandon, which is then no lone city
    text = _STORY + "Water covered the highway at Brandon, where a Florida family was stranded."
    assert "Brandon" in _names(text, gaz)


def test_a_populous_borough_stays(gaz):
    # counter-example: Manhattan is on no list of Natural Earth's, yet home to over a million
    text = "Officials in Dallas and Austin said a man from Manhattan was held."
    assert "Manhattan" in _names(text, gaz)
