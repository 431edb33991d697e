"""Categories of happenings of international wire news read on wire tune3 (session 40,
wcat40): tribes and clans at war and the defence forces sent against them are armed forces
(a fight of theirs is conflict, not a crime); the forces at sea and in the air and their
craft are cue words of a military lead; a trigger inside the lead's attribution ("according
to figures announced by …") is the news's source, not its happening; a structure's collapse
and its rubble are cue words of a disaster lead; a weapon's fire told by its kind
("unprovoked fire in …") is an attack, not a blaze; gunmen who kidnap make an abduction;
"a clash" is fighting, but not a game's or a protest's; bombers' "joint flight" is a patrol.
Each rule with a sentence where it fires and one where it must not. The sentences are
written here, in the style of wire news."""

from __future__ import annotations

from datetime import date

import pytest

from gazetteer import Gazetteer
from geo.extraction import extract
from geo.model import Article
from tests.geo.test_categories import categories
from tests.geo.test_lead_cues import category

# -- tribes and clans at war are armed forces: their fights are conflict -------------------------


@pytest.mark.parametrize(
    "text",
    [
        "At least 30 men were killed in a gunfight on Sunday in Wabag, where warring tribes have "
        "fought over land for years.",
        "Nine people were killed last week in Wabag by their tribal enemies, police said.",
        "At least 30 men were killed in a gunfight on Sunday in Wabag. Police and defence forces "
        "were sent to the area.",
    ],
)
def test_a_fight_of_warring_tribes_is_conflict(text: str, gaz: Gazetteer) -> None:
    assert "conflict" in categories(text, gaz), text
    assert "crime" not in categories(text, gaz), text


@pytest.mark.parametrize(
    "text",
    [
        # counter-examples: tribal elders and a police gunfight with a robber name no war
        "A man was killed in a gunfight with police on Sunday in Wabag, police said.",
        "A man was killed in a gunfight on Sunday in Wabag. Tribal elders called for calm.",
    ],
)
def test_a_gunfight_with_no_armed_community_stays_a_crime(text: str, gaz: Gazetteer) -> None:
    assert categories(text, gaz) == ["crime"], text


# -- craft of the forces at sea and in the air: cue words of a military lead ---------------------


@pytest.mark.parametrize(
    ("headline", "lead"),
    [
        (
            "Bombers seen near the coast",
            "Four bombers were seen near Saskatoon on Saturday afternoon, officials said.",
        ),
        (
            "Navy ships pass by",
            "Two navy destroyers were seen near Saskatoon on Saturday afternoon.",
        ),
    ],
)
def test_craft_of_a_navy_or_an_air_force_make_a_military_lead(
    headline: str, lead: str, gaz: Gazetteer
) -> None:
    assert category(headline, lead, gaz) == ["military"], lead


@pytest.mark.parametrize(
    ("headline", "lead"),
    [
        # counter-examples: police cruisers and a club named an air force are no military
        (
            "Officers hurt on the way to a call",
            "Two Saskatoon police cruisers collided on Saturday afternoon.",
        ),
        (
            "Old plane takes to the sky",
            "A restored plane of the Commemorative Air Force circled Saskatoon on Saturday "
            "afternoon.",
        ),
    ],
)
def test_cruisers_and_an_air_force_club_are_no_military_lead(
    headline: str, lead: str, gaz: Gazetteer
) -> None:
    assert "military" not in category(headline, lead, gaz), lead


# -- a trigger in the lead's attribution is the source, not the news -----------------------------


def headed(title: str, text: str, gaz: Gazetteer) -> list[str]:
    """The categories of the events of ``text`` under the headline ``title``."""
    article = Article(id="t", text=text, title=title, published=date(2024, 5, 10))
    return list(extract([article], gazetteer=gaz).events["category"])


def test_a_statement_in_the_leads_attribution_does_not_type_it(gaz: Gazetteer) -> None:
    text = (
        "The NPP remains in power in Ghana. According to provisional figures announced by the "
        "Electoral Commission (EC), when 97 percent of the votes had been counted, the party "
        "that has ruled Ghana since independence won the general elections with 52 percent."
    )
    title = "Ghana: with most of the votes counted, the ruling party is in the lead"
    assert headed(title, text, gaz) == ["politics"]


def test_a_statement_told_as_the_leads_news_still_types_it(gaz: Gazetteer) -> None:
    # counter-example: the commission's announcement is the lead's own news, no source
    text = (
        "The NPP remains in power in Ghana. The Electoral Commission (EC) announced provisional "
        "figures on Thursday, when 97 percent of the votes had been counted."
    )
    assert headed("Ghana: the commission speaks", text, gaz) == ["other"]


# -- a structure's collapse in a lead with no trigger word: a disaster ---------------------------


@pytest.mark.parametrize(
    ("headline", "lead", "expected"),
    [
        (
            "Tower comes down",
            "An office tower under construction in Saskatoon collapsed on Saturday afternoon, "
            "trapping workers under the rubble.",
            ["disaster"],
        ),
        # counter-example: a lead that names no collapse stays "other"
        (
            "Tower goes up",
            "An office tower under construction in Saskatoon grew by two floors on Saturday "
            "afternoon.",
            ["other"],
        ),
    ],
)
def test_a_collapse_is_a_disaster_lead(
    headline: str, lead: str, expected: list[str], gaz: Gazetteer
) -> None:
    assert category(headline, lead, gaz) == expected, lead


# -- a weapon's fire told by its kind: an attack, not a fire -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The army accused troops across the border of ‘unprovoked’ fire in Kotli on Wednesday.",
        "Soldiers blamed cross-border fire in Kotli on Wednesday for the damage.",
    ],
)
def test_unprovoked_fire_is_an_attack(text: str, gaz: Gazetteer) -> None:
    assert categories(text, gaz) == ["conflict"], text


def test_a_fire_in_a_town_stays_a_fire(gaz: Gazetteer) -> None:
    # counter-example: a blaze named with no kind of weapon's fire
    text = "A large fire in Kotli destroyed twenty shops on Wednesday."
    assert categories(text, gaz) == ["disaster"]


# -- gunmen who kidnap: an abduction, a crime ----------------------------------------------------


def test_gunmen_who_kidnap_make_an_abduction(gaz: Gazetteer) -> None:
    text = (
        "Gunmen in Zaria kidnapped a number of students from a school on Thursday, the army said."
    )
    assert categories(text, gaz) == ["crime"]


def test_gunmen_who_attack_stay_an_attack(gaz: Gazetteer) -> None:
    # counter-example: gunmen who storm a hotel, no kidnapping told, in a story of militants
    text = "Gunmen in Zaria stormed a hotel on Thursday, militants said, and the army responded."
    assert categories(text, gaz) == ["conflict"]


# -- "a clash": fighting, not a game's or a protest's --------------------------------------------


def test_a_clash_of_soldiers_is_fighting(gaz: Gazetteer) -> None:
    # the deaths read as the clash of their sentence, not as the kidnappings named before
    text = (
        "The rebels are notorious for kidnappings. On Friday, 11 soldiers were killed in a "
        "clash with rebels near Mosul, the army said."
    )
    assert categories(text, gaz) == ["conflict"]


@pytest.mark.parametrize(
    "text",
    [
        "The two teams will clash again in Ismailia on Friday in the cup's second leg.",
        "Protesters, police clash in Lyon on Friday over pension changes.",
    ],
)
def test_a_clash_of_teams_or_protesters_is_no_fighting(text: str, gaz: Gazetteer) -> None:
    assert "conflict" not in categories(text, gaz), text


# -- bombers' joint flight: a patrol, military ---------------------------------------------------


def test_a_joint_flight_of_bombers_is_a_patrol(gaz: Gazetteer) -> None:
    text = "Two bombers made a joint flight over the Sea of Japan on Tuesday, the ministry said."
    assert categories(text, gaz) == ["military"]


def test_a_flight_alone_is_no_patrol(gaz: Gazetteer) -> None:
    # counter-example: an airliner's flight is no form of the patrol
    text = "An airliner made a flight over the Sea of Japan on Tuesday, the airline said."
    assert "military" not in categories(text, gaz)
