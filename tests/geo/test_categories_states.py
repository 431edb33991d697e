"""Categories told by the states a text names (evcat29): a lead whose headline names two
states (geo/lead_event.py ``between_states``), a meeting held inside one state
(geo/domestic.py), a race for an office (the ``layers`` of geo/data/senses.yaml) and crime
named as such (geo/data/lead_cues.yaml). Each rule with a text where it fires and one where it
must not; the sentences are written here, in the style of news."""

from __future__ import annotations

from datetime import date

from gazetteer import Gazetteer
from geo.extraction import extract
from geo.model import Article
from tests.geo.test_categories import categories
from tests.geo.test_lead_cues import category as lead_category

# -- a headline naming two states: relations between them --------------------------------------

_LEAD = "Farmers in Ottawa spoke of the plan on Saturday afternoon."


def test_a_headline_of_one_state_towards_another_is_diplomacy(gaz: Gazetteer) -> None:
    assert lead_category("Canada urges Japan to drop its rules on beef", _LEAD, gaz) == [
        "diplomacy"
    ]


def test_a_headline_of_one_state_is_not_diplomacy(gaz: Gazetteer) -> None:
    assert lead_category("Canada drops its rules on beef", _LEAD, gaz) == ["other"]


def test_a_headline_of_a_match_between_two_states_is_not_diplomacy(gaz: Gazetteer) -> None:
    assert lead_category("Canada beat Japan in a friendly match", _LEAD, gaz) == ["other"]


def test_a_headline_of_a_people_of_one_state_in_another_is_not_diplomacy(
    gaz: Gazetteer,
) -> None:
    # "Japanese" is a demonym: the headline names one state by name
    assert lead_category("Japanese painters on show in Canada", _LEAD, gaz) == ["other"]


# -- a meeting inside one state: its politics ---------------------------------------------------


def test_a_president_visiting_his_troops_at_home_is_politics(gaz: Gazetteer) -> None:
    text = "President Roe visited troops of the Nigerian Army in Maiduguri on Monday."
    assert categories(text, gaz) == ["politics"]


def test_a_president_visiting_with_a_foreign_minister_stays_diplomacy(gaz: Gazetteer) -> None:
    text = "President Roe visited troops in Maiduguri on Monday with the foreign minister."
    assert categories(text, gaz) == ["diplomacy"]


def test_a_president_of_another_state_visiting_stays_diplomacy(gaz: Gazetteer) -> None:
    text = "President Roe of Chad visited troops in Maiduguri on Monday."
    assert categories(text, gaz) == ["diplomacy"]


def _in_outlet(text: str, outlet: str, gaz: Gazetteer) -> list[str]:
    """The categories of the events of ``text`` published by ``outlet`` on 10 May 2024."""
    article = Article(id="t", text=text, published=date(2024, 5, 10), outlet=outlet)
    return list(extract([article], gazetteer=gaz).events["category"])


def test_a_president_touring_the_outlets_own_state_is_politics(gaz: Gazetteer) -> None:
    text = "The president toured Ireland on Friday."
    assert _in_outlet(text, "www.irishtimes.ie", gaz) == ["politics"]


def test_a_president_touring_another_state_than_the_outlets_stays_diplomacy(
    gaz: Gazetteer,
) -> None:
    text = "The president toured Ireland on Friday."
    assert _in_outlet(text, "www.cbc.ca", gaz) == ["diplomacy"]


# -- a race for an office ------------------------------------------------------------------------


def test_an_announcement_of_a_race_for_an_office_is_politics(gaz: Gazetteer) -> None:
    text = (
        "The third Democrat to enter the race for first selectman, John Roe, said in "
        "Lancaster on Monday he would run for re-election."
    )
    assert categories(text, gaz) == ["politics"]


def test_an_announcement_of_no_race_is_not_politics(gaz: Gazetteer) -> None:
    text = "The third baker to open a shop, John Roe, said in Lancaster on Monday he would expand."
    assert categories(text, gaz) != ["politics"]


# -- crime named as such in a lead -----------------------------------------------------------------


def test_a_lead_naming_crime_is_a_crime(gaz: Gazetteer) -> None:
    lead = "Knife crime rose in Saskatoon on Saturday afternoon."
    assert lead_category("Saskatoon figures out", lead, gaz) == ["crime"]


def test_a_lead_naming_crime_only_in_quoted_speech_is_not(gaz: Gazetteer) -> None:
    lead = 'Saskatoon residents gathered on Saturday afternoon, "not a crime," one said.'
    assert lead_category("Saskatoon gathers", lead, gaz) != ["crime"]


# -- a death or a shooting in an article that calls it a homicide ---------------------------------


def test_a_death_of_untold_cause_in_a_homicide_story_is_a_crime(gaz: Gazetteer) -> None:
    text = (
        "A body was found on Sunday in a parked car in Lancaster. "
        "Police are investigating the death as a homicide."
    )
    assert "crime" in categories(text, gaz)
    assert "other" not in categories(text, gaz)


def test_a_death_of_untold_cause_in_no_homicide_story_stays_other(gaz: Gazetteer) -> None:
    text = (
        "A body was found on Sunday in a parked car in Lancaster. "
        "Police are investigating the death."
    )
    assert categories(text, gaz) == ["other"]


def test_a_death_in_a_fire_in_a_homicide_story_stays_a_disaster(gaz: Gazetteer) -> None:
    text = (
        "A woman died on Sunday in a house fire in Lancaster. "
        "The county's last homicide was in 2001."
    )
    assert "disaster" in categories(text, gaz)


def test_a_shooting_in_a_homicide_story_naming_an_army_veteran_is_a_crime(
    gaz: Gazetteer,
) -> None:
    text = (
        "A man was shot dead on Sunday in a parking lot in Lancaster. "
        "He was an Army veteran. It is still an unsolved homicide."
    )
    assert categories(text, gaz) == ["crime"]


def test_a_shooting_in_a_story_of_terror_stays_conflict(gaz: Gazetteer) -> None:
    text = (
        "A man was shot dead on Sunday in a parking lot in Lancaster. "
        "He was an Army veteran. Police called the homicide an act of terror."
    )
    assert categories(text, gaz) == ["conflict"]
