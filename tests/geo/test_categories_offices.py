"""Categories of meetings, visits and deaths read from their sentence or their article (the
``layers`` of geo/data/senses.yaml), of collisions on the road (its ``senses``) and of the
lead's happening (geo/data/lead_cues.yaml): each rule with a sentence where it fires and one
where it must not. The sentences are written here, in the style of news."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from tests.geo.test_categories import categories
from tests.geo.test_lead_cues import category as lead_category

# -- a state's own offices: politics, unless the sentence tells relations between states ------


@pytest.mark.parametrize(
    "text",
    [
        "The racetrack's owner met with the governor in Lancaster on Monday.",
        "Three candidates met voters at a forum in Lancaster on Monday.",
        "The company's chief will travel to Washington on Monday to testify before Congress.",
    ],
)
def test_a_meeting_with_a_state_office_of_its_own_is_politics(text: str, gaz: Gazetteer) -> None:
    assert categories(text, gaz) == ["politics"], text


def test_a_governor_meeting_a_foreign_delegation_stays_diplomacy(gaz: Gazetteer) -> None:
    text = "The governor met a trade delegation from Japan in Lancaster on Monday."
    assert categories(text, gaz) == ["diplomacy"]


# -- a ceremony among mourners: "other", whoever attends ---------------------------------------


def test_a_ceremony_among_mourners_is_no_meeting_of_state(gaz: Gazetteer) -> None:
    text = "Gov. Ann Roe came to the ceremony in Lancaster on Monday, standing among the mourners."
    assert categories(text, gaz) == ["other"]


def test_a_ceremony_of_no_mourners_keeps_its_category(gaz: Gazetteer) -> None:
    text = "Gov. Ann Roe came to the ceremony in Lancaster on Monday, standing among the voters."
    assert categories(text, gaz) == ["politics"]


# -- a meeting whose sentence names no office: the article's relations between states ---------

_ABROAD = (
    "The ambassador of Japan left the embassy in Washington last month. "
    "Roe, who met with Smith in Lancaster on Monday, is a banker."
)
_AT_HOME = (
    "The bank of Japan has its branch in Washington. "
    "Roe, who met with Smith in Lancaster on Monday, is a banker."
)


def test_a_meeting_in_a_story_of_embassies_is_diplomacy(gaz: Gazetteer) -> None:
    assert categories(_ABROAD, gaz) == ["diplomacy"]


def test_a_meeting_in_a_story_of_no_state_stays_other(gaz: Gazetteer) -> None:
    assert categories(_AT_HOME, gaz) == ["other"]


def test_a_meeting_in_a_story_of_a_county_commission_is_politics(gaz: Gazetteer) -> None:
    text = (
        "The county commissioners voted to dismiss the assessors last week. "
        "Taxes may double, Roe said at Monday's meeting in Lancaster."
    )
    assert "politics" in categories(text, gaz)
    # a visit in that story is no session of the commission
    visit = (
        "The county commissioners voted to dismiss the assessors last week. "
        "Roe made a personal trip to Lancaster on Monday."
    )
    assert "politics" not in categories(visit, gaz)


# -- a road collision is an accident; a crash in flight from the police is a crime ------------


def test_a_collision_of_a_cyclist_and_a_lorry_is_an_accident(gaz: Gazetteer) -> None:
    text = "A cyclist and a lorry were in a collision on the A120 at Lancaster on Monday."
    assert categories(text, gaz) == ["disaster"]


def test_a_collision_of_ships_stays_an_incident(gaz: Gazetteer) -> None:
    text = "Two warships were in a collision off Lancaster on Monday."
    assert categories(text, gaz) == ["conflict"]


def test_a_thief_struck_by_a_car_as_he_fled_is_a_crime(gaz: Gazetteer) -> None:
    text = "A man who shoplifted a bracelet was struck by a car as he fled in Lancaster on Monday."
    assert categories(text, gaz) == ["crime"]
    text = "A man who bought a bracelet was struck by a car as he crossed in Lancaster on Monday."
    assert categories(text, gaz) == ["disaster"]


# -- a death in a stampede is a disaster -------------------------------------------------------


def test_a_death_in_a_stampede_is_a_disaster(gaz: Gazetteer) -> None:
    text = "Four people died in a stampede at a discotheque in Lancaster on Saturday."
    assert categories(text, gaz) == ["disaster"]
    text = "Four people died at a discotheque in Lancaster on Saturday."
    assert categories(text, gaz) == ["other"]


# -- the lead's happening: offices changing hands, bans and funds are politics; a price
# charged is no crime


@pytest.mark.parametrize(
    ("headline", "lead", "expected"),
    [
        (
            "Former official named to new post",
            "A Saskatoon clerk was named to a county post on Saturday afternoon.",
            "politics",
        ),
        (
            "City bans smoking in parks",
            "Saskatoon banned smoking in its parks on Saturday afternoon.",
            "politics",
        ),
        (
            "Clinics get federal funds",
            "Saskatoon clinics got $198,000 in federal funds on Saturday afternoon.",
            "politics",
        ),
        (
            "Man charged in theft",
            "A Saskatoon man was charged with theft on Saturday afternoon.",
            "crime",
        ),
        (
            "Utilities look at rates",
            "Rates charged by Saskatoon utilities went up on Saturday afternoon.",
            "other",
        ),
    ],
)
def test_cue_words_of_offices_bans_and_charges(
    gaz: Gazetteer, headline: str, lead: str, expected: str
) -> None:
    assert lead_category(headline, lead, gaz) == [expected]


# -- a statement of a state's own government: politics, not diplomacy -------------------------


def test_a_ministers_statement_at_home_is_politics(gaz: Gazetteer) -> None:
    text = (
        "The health minister told a news conference in Ottawa on Monday that the government "
        "would regulate access to cannabis."
    )
    assert categories(text, gaz) == ["politics"]


@pytest.mark.parametrize(
    "text",
    [
        # relations between states
        "The foreign minister told a news conference in Ottawa on Monday that the government "
        "would regulate access to cannabis.",
        # the president of a company
        "The company's president told a news conference in Ottawa on Monday that the firm "
        "would regulate access to its stores.",
    ],
)
def test_a_statement_of_no_home_government_is_no_politics(text: str, gaz: Gazetteer) -> None:
    assert "politics" not in categories(text, gaz), text


# -- a meeting of companies: "other", though it lobbies a bloc ---------------------------------


def test_a_meeting_of_companies_is_other(gaz: Gazetteer) -> None:
    text = (
        "The chief executives of five airlines met in Brussels on Monday to lobby for a new EU "
        "aviation strategy."
    )
    assert categories(text, gaz) == ["other"]


def test_a_meeting_of_companies_with_a_head_of_government_is_no_business(
    gaz: Gazetteer,
) -> None:
    text = (
        "The chief executives of five airlines met the prime minister in Brussels on Monday to "
        "lobby for a new EU aviation strategy."
    )
    assert categories(text, gaz) != ["other"]


# -- a definite description takes the category of the happening it names ---------------------


def test_the_meeting_takes_the_category_of_the_meeting_it_names(gaz: Gazetteer) -> None:
    text = (
        "The chief executives of five airlines met for the first time on Monday to lobby for "
        "lower fares across Europe. The meeting took place in Brussels in response to the EU "
        "consultation."
    )
    assert categories(text, gaz) == ["other"]


def test_the_meeting_of_ministers_stays_diplomacy(gaz: Gazetteer) -> None:
    text = (
        "The foreign ministers of five countries met for the first time on Monday to lobby for "
        "lower fares across Europe. The meeting took place in Brussels in response to the EU "
        "consultation."
    )
    assert categories(text, gaz) == ["diplomacy"]


# -- a person barred from doing something: no clash of forces ---------------------------------


def test_a_person_blocked_from_entering_is_no_incident(gaz: Gazetteer) -> None:
    text = "A youth orchestra's conductor was blocked on Tuesday from entering a camp in Hebron."
    assert categories(text, gaz) == ["other"]


def test_boats_blocked_by_a_ship_stay_an_incident(gaz: Gazetteer) -> None:
    # an incident at sea, military as the guidelines' intercepts (senses.yaml layers; wcat38)
    text = "Two fishing boats were blocked by a coast guard ship in the Yellow Sea on Tuesday."
    assert categories(text, gaz) == ["military"]
