"""Namesakes told apart by the article (geo/article_context.py): the national capital is
never moved by the article's own home, and a city an organisation's name names is context
for the other names. Sentences are invented."""

from __future__ import annotations

from gazetteer import Gazetteer
from tests.geo.resolved import place_of, state_of


def test_the_capital_stays_in_a_story_at_home_in_a_state(gaz: Gazetteer) -> None:
    # two qualified towns make Oklahoma the story's home; a Washington lies there, yet
    # national news means the capital
    text = (
        "A veteran from Norman, Okla., stopped in Moore, Okla., on his ride. "
        "He hopes to reach Washington by June."
    )
    assert place_of(text, "Washington", gaz).kind == "capital"


def test_a_foreign_capital_still_moves_to_the_home(gaz: Gazetteer) -> None:
    # counter-example: the capital of another country is a namesake like any other
    text = (
        "A veteran from Tyler, Texas, stopped in Sherman, Texas, on his ride. "
        "He hopes to reach Paris by June."
    )
    assert state_of(place_of(text, "Paris", gaz), gaz) == "Texas"


def test_an_organisations_city_tells_a_namesake_apart(gaz: Gazetteer) -> None:
    text = "The Nashville Film Festival director spoke in Columbia on Tuesday."
    assert state_of(place_of(text, "Columbia", gaz), gaz) == "Tennessee"


def test_an_organisation_naming_no_leading_city_adds_nothing(gaz: Gazetteer) -> None:
    # counter-examples: no organisation, and one named after a name with many namesakes
    for text in (
        "The festival director spoke in Columbia on Tuesday.",
        "The Springfield Rotary Club director spoke in Columbia on Tuesday.",
    ):
        assert state_of(place_of(text, "Columbia", gaz), gaz) != "Tennessee"
