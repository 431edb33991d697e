"""A city placed far from every other place of a story goes to its namesake beside one of the
story's towns (geo.nearness.local_namesakes): "met in Norfolk" in a story of Columbus and
Platte County, Nebraska, is Norfolk, Nebraska. Never when the story names anything of the far
place's state or country, nor for the capital of the local town's own country."""

from __future__ import annotations

from geo.nearness import LOCAL_NAMESAKE_KM
from tests.geo.resolved import place_of, state_of


def test_a_far_city_goes_to_its_namesake_beside_the_storys_towns(gaz):
    text = (
        "A Columbus man was arrested in Platte County on Friday. "
        "The two had met in a park in Norfolk."
    )
    assert state_of(place_of(text, "Norfolk", gaz), gaz) == "Nebraska"


def test_a_state_named_in_the_story_keeps_the_far_city(gaz):
    # counter-example: the story names Virginia, which holds the far Norfolk
    text = (
        "A Columbus man was arrested in Platte County on Friday. "
        "The two had met in a park in Norfolk. Police in Virginia are looking for a third man."
    )
    assert state_of(place_of(text, "Norfolk", gaz), gaz) == "Virginia"


def test_a_french_story_keeps_paris(gaz):
    # counter-example: Paris lies far from Lyon and Grenoble, but no Paris lies beside them
    text = (
        "Police in Lyon and Grenoble arrested two men on Tuesday. The suspects were taken to Paris."
    )
    assert place_of(text, "Paris", gaz).country == "FR"


def test_a_german_story_keeps_berlin(gaz):
    # counter-example: Potsdam lies next to Berlin, which is no stray
    text = "Police in Potsdam said the driver was from Berlin."
    assert place_of(text, "Berlin", gaz).kind == "capital"


def test_the_own_capital_stays_beside_a_town_of_its_name(gaz):
    # counter-example: Washington, Illinois lies beside Peoria, yet the story means the capital
    text = "Officials in Peoria and Pekin said Washington must act on the budget."
    peoria = place_of(text, "Peoria", gaz)
    assert gaz.nearest_named("Washington", peoria, LOCAL_NAMESAKE_KM) is not None
    assert place_of(text, "Washington", gaz).kind == "capital"
