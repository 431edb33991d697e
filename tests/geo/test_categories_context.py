"""Categories read from the words around a report (the ``layers`` of geo/data/senses.yaml):
an attack in a story of people displaced by fighting or of a named armed group is conflict,
and a party politician's visit or campaign stop is politics. Each rule with a sentence where
it fires and one where it must not. The sentences are written here, in the style of news."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from tests.geo.test_categories import categories

# -- an attack in a story of displaced people or of an armed group: conflict ------------------


@pytest.mark.parametrize(
    "text",
    [
        # the people the attack drove from their homes
        "Gunmen attacked a village near Maiduguri on Monday, killing five people. "
        "Survivors fled to a camp for internally displaced people in the city.",
        "Gunmen attacked a village near Maiduguri on Monday, killing five people. "
        "Hundreds of them now live in IDP camps.",
        # an armed group named as such, with no word of troops or war
        "A gunman killed three people at a market in Maiduguri on Sunday. "
        "Boko Haram claimed the attack.",
    ],
)
def test_an_attack_in_a_story_of_displacement_or_an_armed_group_is_conflict(
    text: str, gaz: Gazetteer
) -> None:
    assert categories(text, gaz) == ["conflict"], text


@pytest.mark.parametrize(
    "text",
    [
        # "displaced" alone: a family's home lost to a fire, not to fighting
        "A gunman killed three people at a market in Lancaster on Sunday. "
        "One of the victims had been displaced from her home by a fire last year.",
        # a refugee who settled in the town is no camp of displaced people
        "A teenager was attacked in a park in Lancaster on Saturday night. "
        "The victim came to the town as a refugee.",
    ],
)
def test_an_attack_in_a_story_of_no_fighting_stays_a_crime(text: str, gaz: Gazetteer) -> None:
    assert categories(text, gaz) == ["crime"], text


# -- a party politician's visit, a campaign stop: politics ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Senate nominee visited a senior center in Torrington on Sunday.",
        "Two Republicans visited a factory in Lancaster on Monday.",
        "A GOP hopeful visited a diner in Lancaster on Monday, campaigning for the seat.",
    ],
)
def test_a_party_politicians_visit_is_politics(text: str, gaz: Gazetteer) -> None:
    assert categories(text, gaz) == ["politics"], text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # an award's nominee is no candidate: a private visit
        ("The Oscar nominee visited a children's hospital in Leeds on Sunday.", "other"),
        # the Senate's leader meeting a foreign president: relations between states
        (
            "The Senate majority leader met the Ukrainian president in Washington on Tuesday.",
            "diplomacy",
        ),
    ],
)
def test_a_visit_of_no_party_politics_keeps_its_category(
    text: str, category: str, gaz: Gazetteer
) -> None:
    assert categories(text, gaz) == [category], text
