"""Categories read from the words right around a trigger (the ``senses`` of
geo/data/senses.yaml that keep the trigger's type but give it another category): a
demonstration of a skill or a product is no protest, and to strike out is no strike of an
armed force. Each rule with a sentence where it fires and one where it must not. The
sentences are written here, in the style of news."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from tests.geo.test_categories import categories

# -- a demonstration of a skill or a product: other -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Visitors learned new skills during timed demonstrations at the garden show in "
        "Lancaster on Saturday.",
        "Chefs gave cooking demonstrations at the food festival in Lancaster on Saturday.",
        "Interactive demonstrations were held at the library in Lancaster on Saturday.",
    ],
)
def test_a_demonstration_of_a_skill_is_no_protest(text: str, gaz: Gazetteer) -> None:
    assert categories(text, gaz) == ["other"], text


@pytest.mark.parametrize(
    "text",
    [
        "Thousands joined demonstrations against the new tax in Lancaster on Saturday.",
        # a protest held in the open air is still a protest
        "Students held street demonstrations in Lancaster on Saturday.",
    ],
)
def test_a_demonstration_against_something_stays_a_protest(text: str, gaz: Gazetteer) -> None:
    assert categories(text, gaz) == ["protest"], text


# -- to strike out: other ---------------------------------------------------------------------


def test_to_strike_out_is_no_strike(gaz: Gazetteer) -> None:
    text = "A veteran swimmer strikes out in a charity marathon in Cambridge on Saturday."
    assert categories(text, gaz) == ["other"]


def test_a_strike_of_an_armed_force_stays_conflict(gaz: Gazetteer) -> None:
    text = "An air strike hit a market in Aleppo on Saturday, the army said."
    assert categories(text, gaz) == ["conflict"]


# -- a ship's cargo of arms: military ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "The cargo ship docked in Limassol on Tuesday, where its cargo of munitions was "
            "offloaded.",
            "military",
        ),
        # counter-example: a cargo of grain
        (
            "The cargo ship docked in Limassol on Tuesday, where its cargo of grain was offloaded.",
            "other",
        ),
    ],
)
def test_a_ship_docking_with_munitions_is_military(
    text: str, category: str, gaz: Gazetteer
) -> None:
    assert categories(text, gaz) == [category], text


# -- a death in a story of a hit-and-run: crime -----------------------------------------------


def test_a_death_of_untold_cause_in_a_hit_and_run_story_is_a_crime(gaz: Gazetteer) -> None:
    text = (
        "A man died on Sunday at a hospital in Lancaster. "
        "Police are searching for the driver in the hit-and-run."
    )
    assert "crime" in categories(text, gaz)
    assert "other" not in categories(text, gaz)


def test_a_death_of_untold_cause_in_a_story_of_no_hit_and_run_stays_other(
    gaz: Gazetteer,
) -> None:
    text = (
        "A man died on Sunday at a hospital in Lancaster. Police are searching for his relatives."
    )
    assert categories(text, gaz) == ["other"]


# -- an attack in a story of football fans: crime ---------------------------------------------


def test_an_attack_by_football_fans_throwing_missiles_is_a_crime(gaz: Gazetteer) -> None:
    text = (
        "Fans attacked the team bus in Manchester on Wednesday before kick-off. "
        "Bottles and missiles were thrown at the bus."
    )
    assert categories(text, gaz) == ["crime"]


def test_a_bombing_at_a_stadium_full_of_fans_stays_conflict(gaz: Gazetteer) -> None:
    text = (
        "A suicide bomber attacked fans outside the stadium in Manchester on Wednesday. "
        "Police called it an act of terror."
    )
    assert "conflict" in categories(text, gaz)
    assert "crime" not in categories(text, gaz)


def test_strikes_flown_out_of_a_base_stay_conflict(gaz: Gazetteer) -> None:
    text = "Jets launched strikes out of a base near Aleppo on Saturday, the army said."
    assert "conflict" in categories(text, gaz)
    assert "other" not in categories(text, gaz)


# -- a drowning: disaster ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("A 2-year-old boy drowned in a pool at a home in Lancaster on Sunday.", "disaster"),
        # counter-examples: a drowning told as a murder is a crime, an overdose stays other
        (
            "A woman was charged with murder after her husband drowned in a bathtub at their "
            "home in Lancaster on Sunday.",
            "crime",
        ),
        ("A man died of an overdose at a home in Lancaster on Sunday.", "other"),
    ],
)
def test_a_drowning_is_a_disaster(text: str, category: str, gaz: Gazetteer) -> None:
    assert categories(text, gaz) == [category], text


# -- a happening told in a sentence of its victims' funeral or memorial: other ---------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "The victims of a helicopter crash off Lancaster were remembered on Sunday at a "
            "prayer service in Lancaster.",
            "other",
        ),
        (
            "Hundreds of mourners filled a church in Lancaster on Sunday for the two victims of "
            "last week's shooting.",
            "other",
        ),
        # counter-examples: the crash and the shooting themselves, and a crash that buried
        # climbers (no funeral)
        ("A helicopter crashed off Lancaster on Sunday, killing two people.", "disaster"),
        ("A gunman killed two people in a shooting in Lancaster on Sunday.", "crime"),
    ],
)
def test_a_happening_told_at_its_victims_memorial_is_the_memorial(
    text: str, category: str, gaz: Gazetteer
) -> None:
    assert set(categories(text, gaz)) == {category}, text


# -- a rescue in an article that names no calamity: other ------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "A woman was rescued from the bank of the river in Lancaster on Sunday after she "
            "jumped from a bridge.",
            "other",
        ),
        # counter-examples: a rescue from a fire and from a sinking told in another sentence
        (
            "Firefighters rescued two people from a burning house in Lancaster on Sunday.",
            "disaster",
        ),
        (
            "A cargo ship sank off Lancaster on Sunday. Passing ships rescued three crew members "
            "off Lancaster on Sunday.",
            "disaster",
        ),
    ],
)
def test_a_rescue_from_no_calamity_is_other(text: str, category: str, gaz: Gazetteer) -> None:
    assert set(categories(text, gaz)) == {category}, text
