"""Two lead rules for international news (session 36, evgwn36): a report the end of
:func:`geo.events.detect_events` drops as no event does not keep the lead from giving the
story's happening, and a one-spot lead that names no place takes the story's one first-level
division when the body names no town and no county. Each with the texts where it must not
fire."""

from __future__ import annotations

from gazetteer import Gazetteer
from geo.lead_event import LEAD_ROLE
from tests.geo.helpers import reports_of


def events(text: str, gaz: Gazetteer) -> list[tuple[str, str, str]]:
    """(type, place, role) of each report of ``text``."""
    return [(r.type.name, r.place.name, r.role) for r in reports_of(text, gaz)]


# --- an undated count of arrivals, dropped at the end, does not block the lead ------------

ARRIVALS = (
    "Response stepped up in Brazil as Venezuelan arrivals grow\n\n"
    "The refugee agency is ramping up its humanitarian response for the growing number of "
    "Venezuelans. "
)


def test_an_undated_count_of_arrivals_leaves_the_lead_its_happening(gaz: Gazetteer) -> None:
    text = (
        ARRIVALS
        + "More than 52,000 Venezuelans have arrived in Brazil since the beginning of 2017."
    )
    assert events(text, gaz) == [("happening", "Brazil", LEAD_ROLE)]


def test_a_dated_arrival_still_stands_beside_a_lead_with_no_trigger(gaz: Gazetteer) -> None:
    text = ARRIVALS + "More than 800 Venezuelans arrived in Brazil on Tuesday."
    assert events(text, gaz) == [("arrival", "Brazil", "in")]


# --- the story's one first-level division ---------------------------------------------------

PROJECTS = (
    "Army chief opens two projects\n\n"
    "The army chief on Thursday inaugurated two mega projects in the tribal region. "
)


def test_a_one_spot_lead_takes_the_storys_one_division(gaz: Gazetteer) -> None:
    text = PROJECTS + "The projects are part of an uplift programme for Khyber Pakhtunkhwa."
    assert events(text, gaz) == [("opening", "Khyber Pakhtunkhwa", LEAD_ROLE)]


def test_two_divisions_or_a_town_are_no_story_division(gaz: Gazetteer) -> None:
    two = (
        PROJECTS
        + "The projects are part of an uplift programme for Khyber Pakhtunkhwa and Balochistan."
    )
    assert events(two, gaz) == []
    town = (
        PROJECTS
        + "The projects near Quetta are part of an uplift programme for Khyber Pakhtunkhwa."
    )
    assert [p for _, p, _ in events(town, gaz)] == ["Near Quetta"]
