"""Categories of happenings of international wire news that the lexicon filed otherwise than
the guidelines (session 38, wcat38): a death of an epidemic's disease is a disaster; a
confrontation of ships at sea and an arrival of warplanes are military; a junta names no
coup, and a seizure of power is one; "firing" is an exercise's word only among drills; a ship
hijacked is a crime; warships that passed through a strait are deployed. Each rule with a
sentence where it fires and one where it must not. The sentences are written here, in the
style of wire news."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from geo.extraction import extract
from geo.model import Article
from tests.geo.helpers import PUBLISHED
from tests.geo.test_categories import categories
from tests.geo.test_lead_cues import category as lead_category

# -- a death of an epidemic's disease: disaster ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Forty people have died of cholera in Lilongwe since Monday, the ministry said.",
            "disaster",
        ),
        ("Nine children died of measles in Lilongwe on Monday, the ministry said.", "disaster"),
        # counter-example: a disease a person has for life tells no outbreak
        ("A former mayor died of cancer in Lilongwe on Monday, his family said.", "other"),
    ],
)
def test_a_death_of_an_epidemic_is_a_disaster(text: str, expected: str, gaz: Gazetteer) -> None:
    assert set(categories(text, gaz)) == {expected}, text


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Cholera toll rises to 19", "disaster"),
        ("Dengue cases climb", "disaster"),
        # counter-example: no disease, no cue word
        ("Toll rises to 19", "other"),
    ],
)
def test_a_lead_naming_an_epidemic_is_a_disaster(
    headline: str, expected: str, gaz: Gazetteer
) -> None:
    lead = "The count in Saskatoon rose to 19 on Saturday afternoon."
    assert lead_category(headline, lead, gaz) == [expected]


# -- a confrontation of ships at sea: military --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Coast guard ships fired water cannons at two supply boats near the Spratly Islands "
            "on Sunday.",
            "military",
        ),
        (
            "A warship rammed a fishing boat in the South China Sea on Sunday, the navy said.",
            "military",
        ),
        # counter-examples: water cannon of the police on a crowd at a port, and a death that
        # makes it a clash of arms
        (
            "Police fired water cannons at a crowd that tried to board the ship in Mombasa on "
            "Sunday.",
            "crime",
        ),
        (
            "Two sailors were killed when a warship rammed a fishing boat in the South China Sea "
            "on Sunday.",
            "conflict",
        ),
    ],
)
def test_a_confrontation_at_sea_is_military(text: str, expected: str, gaz: Gazetteer) -> None:
    assert set(categories(text, gaz)) == {expected}, text


# -- an arrival of warships or warplanes: military -------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Twenty fighter jets and four bombers flew into the zone near Taiwan on Friday, the "
            "defense ministry said.",
            "military",
        ),
        ("The aircraft carrier and two destroyers arrived in Busan on Tuesday.", "military"),
        # counter-example: a minister's arrival aboard a military aircraft is a visit
        (
            "The defence minister arrived in Damascus on Tuesday aboard a military aircraft.",
            "diplomacy",
        ),
    ],
)
def test_an_arrival_of_warplanes_is_military(text: str, expected: str, gaz: Gazetteer) -> None:
    assert set(categories(text, gaz)) == {expected}, text


# -- a junta names no coup; a seizure of power is one --------------------------------------------


def test_junta_airstrikes_are_airstrikes(gaz: Gazetteer) -> None:
    text = "Eleven villagers were killed in two junta airstrikes in Sagaing on Tuesday."
    assert set(categories(text, gaz)) == {"conflict"}


def test_a_seizure_of_power_is_a_coup(gaz: Gazetteer) -> None:
    text = "Army officers announced the seizure of power in Libreville on Wednesday."
    assert set(categories(text, gaz)) == {"politics"}


def test_a_seizure_of_drugs_is_no_coup(gaz: Gazetteer) -> None:
    text = "Police announced the seizure of 20 kilograms of cocaine in Libreville on Wednesday."
    assert set(categories(text, gaz)) == {"crime"}


# -- "firing": an attack, a launch, or a drill -------------------------------------------------


def titles(text: str, gaz: Gazetteer) -> list[str]:
    """The titles of the events of ``text``."""
    article = Article(id="t", text=text, published=PUBLISHED)
    return list(extract([article], gazetteer=gaz).events["title"])


def test_firing_at_ships_is_an_attack(gaz: Gazetteer) -> None:
    text = "Rebels have been firing missiles at ships in the Red Sea since Monday."
    assert set(categories(text, gaz)) == {"conflict"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Soldiers fanned out across Harare on Monday, firing at people burning tyres.",
            ["conflict"],
        ),
        # counter-example: tear gas fired is the protest's, told by its own words, or none
        (
            "Soldiers fanned out across Harare on Monday, firing tear gas at people burning tyres.",
            [],
        ),
    ],
)
def test_firing_at_people_is_an_attack_but_tear_gas_is_not(
    text: str, expected: list[str], gaz: Gazetteer
) -> None:
    assert categories(text, gaz) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pyongyang carried out another test on Sunday, firing what appeared to be a missile "
            "off Wonsan.",
            "Missile launch",
        ),
        # counter-example: firing among drills is the drill's, whatever it is aimed at
        (
            "The navy held drills off Wonsan on Sunday, firing at mock targets.",
            "Naval drill",
        ),
    ],
)
def test_firing_a_missile_is_a_launch(text: str, expected: str, gaz: Gazetteer) -> None:
    assert [t.split(",")[0].split(" off ")[0] for t in titles(text, gaz)] == [expected], text


# -- a ship hijacked: crime ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The cargo ship was hijacked off the coast of Somalia on Monday.", "crime"),
        ("Pirates seized a fishing vessel off the coast of Somalia on Monday.", "crime"),
        # counter-examples: the navy's seizure of the pirates' ship, and a hijacking of war,
        # are no crime: the seizure of a ship by an armed force, military (wcat39)
        ("The navy seized the pirate ship off the coast of Somalia on Monday.", "military"),
        ("Houthi rebels hijacked a cargo ship in the Red Sea on Monday.", "military"),
    ],
)
def test_a_ship_hijacked_is_a_crime(text: str, expected: str, gaz: Gazetteer) -> None:
    assert set(categories(text, gaz)) == {expected}, text


# -- warships that passed through a strait: deployed ---------------------------------------------


def test_warships_that_passed_through_a_strait_are_deployed(gaz: Gazetteer) -> None:
    text = (
        "Two warships passed through the Tsugaru Strait on Monday on their way to the Pacific, "
        "officials said."
    )
    assert "military" in categories(text, gaz)


def test_a_storm_that_passed_through_is_no_deployment(gaz: Gazetteer) -> None:
    text = "A storm passed through the Tsushima Strait on Thursday, the agency said."
    assert "military" not in categories(text, gaz)
