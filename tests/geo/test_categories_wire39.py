"""Categories of happenings of international wire news read on wire tune2 (session 39,
wcat39): a ship seized by a state or an armed group is military; an evacuation in a story of
a natural calamity is a disaster; ships or aircraft entering another state's waters or air
zone are military; a swearing-in ceremony is politics; a warship's arrival is military
whoever else its sentence names; armed gangs are an armed force; a curfew or a state of
emergency ordered is politics; "sit in bed" is no sit-in, and ash that travels no visit.
Each rule with a sentence where it fires and one where it must not. The sentences are
written here, in the style of wire news."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from tests.geo.test_categories import categories
from tests.geo.test_categories_wire import titles

# -- a ship seized by a navy or an armed group: military -----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran's navy seized an oil tanker in the Gulf of Oman on Thursday.", ["military"]),
        ("Rebels have seized a cargo ship in the Red Sea near Yemen, the army said.", ["military"]),
        # counter-examples: a town captured is a battle's; a boat of drugs seized the police's
        ("Rebels seized an army base in Goma on Thursday after days of fighting.", ["conflict"]),
        ("Police seized a boat carrying cocaine off Mombasa on Thursday.", ["crime"]),
    ],
)
def test_a_ship_seized_by_a_navy_is_military(
    text: str, expected: list[str], gaz: Gazetteer
) -> None:
    assert sorted(set(categories(text, gaz))) == expected, text


# -- an evacuation in a story of a natural calamity: disaster ------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The volcano erupted again on Sunday, covering roads with ash. Villagers began to "
            "evacuate in Lumajang on Sunday on motorcycles.",
            "disaster",
        ),
        (
            "A wildfire grew to 5,000 hectares overnight. Officials ordered the evacuation of "
            "Kamloops on Wednesday.",
            "disaster",
        ),
        # counter-example: an evacuation of no calamity the article names stays "other"
        ("Officials ordered the evacuation of Kamloops on Wednesday.", "other"),
    ],
)
def test_an_evacuation_in_a_calamity_story_is_a_disaster(
    text: str, expected: str, gaz: Gazetteer
) -> None:
    assert categories(text, gaz).count(expected) >= 1, text
    assert "other" not in categories(text, gaz) or expected == "other", text


def test_an_evacuation_in_a_story_of_shelling_is_not_a_disaster(gaz: Gazetteer) -> None:
    text = (
        "Heavy shelling hit the city overnight and a fire broke out in a warehouse. Officials "
        "ordered the evacuation of Kharkiv on Wednesday."
    )
    assert "disaster" not in categories(text, gaz)


# -- ships or aircraft entering another state's waters or air zone: military ---------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Four coast guard vessels entered Japanese territorial waters off the Senkaku "
            "Islands on Monday.",
            "military",
        ),
        # counter-example: fishing boats are no armed force (the deployment layer's "other")
        (
            "Two fishing boats entered Japanese territorial waters off the Senkaku Islands on "
            "Monday.",
            "other",
        ),
    ],
)
def test_ships_entering_territorial_waters_are_military(
    text: str, expected: str, gaz: Gazetteer
) -> None:
    assert categories(text, gaz) == [expected], text


def test_aircraft_entering_an_air_zone_are_deployed(gaz: Gazetteer) -> None:
    text = (
        "Thirty Chinese military aircraft entered the air defense identification zone near "
        "Taiwan on Friday."
    )
    assert ["deployment" in t.lower() for t in titles(text, gaz)] == [True]


def test_entering_a_harbour_is_no_incursion(gaz: Gazetteer) -> None:
    text = "Two fishing boats entered the harbour of Naha on Monday."
    assert categories(text, gaz) == []


# -- a swearing-in ceremony: politics ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The new president has been sworn into office in a ceremony held in Dakar on Tuesday.",
            "politics",
        ),
        # counter-example: a ceremony of no oath is a meeting
        (
            "The foreign ministers of Senegal and Mali attended a ceremony in Dakar on Tuesday.",
            "diplomacy",
        ),
    ],
)
def test_a_swearing_in_ceremony_is_politics(text: str, expected: str, gaz: Gazetteer) -> None:
    assert set(categories(text, gaz)) == {expected}, text


# -- a warship's arrival: military, whoever else the sentence names -----------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "President Maduro condemned the arrival of a British warship in Georgetown on Tuesday.",
            "military",
        ),
        ("The president deploys troops as a naval vessel arrives in Guyana.", "military"),
        # counter-examples: the president's own arrival is a visit, by the noun or the verb
        ("The arrival of the president in Georgetown on Tuesday was delayed by rain.", "diplomacy"),
        (
            "The president arrived in Georgetown on Friday aboard a navy helicopter for talks.",
            "diplomacy",
        ),
    ],
)
def test_a_warships_arrival_is_military(text: str, expected: str, gaz: Gazetteer) -> None:
    assert expected in categories(text, gaz), text
    assert "diplomacy" not in categories(text, gaz) or expected == "diplomacy", text


# -- armed gangs are an armed force --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Armed gangs launched an assault on the main prison in Port-au-Prince on Saturday.",
            "conflict",
        ),
        # counter-example: a gang's shooting with no armed group named is a crime
        ("A gang member opened fire outside a bar in Port-au-Prince on Saturday.", "crime"),
    ],
)
def test_armed_gangs_are_an_armed_force(text: str, expected: str, gaz: Gazetteer) -> None:
    assert set(categories(text, gaz)) == {expected}, text


# -- a curfew or a state of emergency ordered: politics -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Authorities in Haiti have ordered a nighttime curfew after gangs overran two prisons.",
        "The president declared a state of emergency in Santiago on Saturday after riots.",
    ],
)
def test_an_emergency_measure_ordered_is_politics(text: str, gaz: Gazetteer) -> None:
    assert "politics" in categories(text, gaz), text


def test_an_order_of_no_measure_is_no_event(gaz: Gazetteer) -> None:
    text = "The judge in Santiago ordered a new trial on Saturday."
    assert "politics" not in categories(text, gaz)


# -- "sit in bed" is no sit-in; ash that travels is no visit --------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Artists sit in bed in a shop window in Toronto. Two artists sit in bed in a shop "
            "window in downtown Toronto on Friday, forty years after a famous bed-in.",
            [],
        ),
        # counter-example: a sit-in staged
        ("Lawyers staged a sit-in outside the court in Islamabad on Friday.", ["protest"]),
    ],
)
def test_sitting_in_bed_is_no_sit_in(text: str, expected: list[str], gaz: Gazetteer) -> None:
    assert [c for c in categories(text, gaz) if c == "protest"] == expected, text


@pytest.mark.parametrize(
    ("text", "visit"),
    [
        (
            "The volcano in East Java erupted on Monday and threw out hot ash that traveled up "
            "to 7 kilometres from its crater.",
            False,
        ),
        # counter-example: a minister who travels
        ("The foreign minister in East Java traveled on Monday to the crater.", True),
    ],
)
def test_ash_that_travels_is_no_visit(text: str, visit: bool, gaz: Gazetteer) -> None:
    assert any(t.startswith("Visit") for t in titles(text, gaz)) is visit, text
