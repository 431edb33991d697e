"""Local happenings told with no trigger word (session 31, evtrigger31): a gathering of a day
told by its kind (a banquet held, a parade that stepped off) and a body's act short of a vote
(an ordinance introduced, a hearing delayed). Each frame fires on what was done and stays
silent on the noun alone (a venue, a series, a habit), on plans and on acts of no body. The
sentences are invented for these tests."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from geo.lexicon import find_triggers, trigger_types
from tests.geo.helpers import rule_reports


def events(text: str, gaz: Gazetteer) -> list[tuple[str, str, str]]:
    return [(r.type.name, r.place.name, r.dates.start.isoformat()) for r in rule_reports(text, gaz)]


def types_of(text: str) -> list[tuple[str, str]]:
    return [(t.form, t.type.name) for t in find_triggers(text)]


def test_a_gathering_is_other_and_drops_its_plans() -> None:
    types = trigger_types()
    assert types["festivity"].category == "other"
    assert types["festivity"].group == types["gathering"].group
    assert types["festivity"].reported_only


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("The chamber of commerce held its annual awards banquet Saturday night.", "held"),
        ("Fire department hosts 19th annual fundraiser Saturday.", "hosts"),
        ("Irish pride abundant as city's parade steps off.", "steps off"),
        ("The festival took place at the fairgrounds on Sunday.", "took place"),
        ("The county fair was held last week.", "was held"),
    ],
)
def test_a_gathering_of_a_day_fires(text: str, form: str) -> None:
    assert (form, "festivity") in types_of(text)


@pytest.mark.parametrize(
    "text",
    [
        # the noun alone: a venue, a series, a habit, a person's past
        "The city's events staff plans concerts and family festivals throughout the year.",
        "The park has an amphitheater for public concerts and ceremonies.",
        "She competed in many pageants and was a straight-A student.",
        # a habit of a venue: plural objects are no gathering of a day
        "The hall has hosted hundreds of concerts since 1996.",
        # where its crowd came from is no place of the festival
        "The three-day festival brought people from all across the country.",
        # held, but no gathering
        "He was held without bail after the hearing.",
    ],
)
def test_the_noun_alone_or_another_holding_is_no_gathering(text: str) -> None:
    assert [t for t in types_of(text) if t[1] == "festivity"] == []


def test_a_gathering_held_is_placed_and_dated(gaz: Gazetteer) -> None:
    text = "In Winnipeg, the orchestra held its spring concert on Tuesday."
    assert events(text, gaz) == [("festivity", "Winnipeg", "2024-05-14")]
    text = "In Winnipeg, the county fair was held on Tuesday."
    assert events(text, gaz) == [("festivity", "Winnipeg", "2024-05-14")]


def test_a_gathering_still_to_be_held_is_no_event(gaz: Gazetteer) -> None:
    text = "In Winnipeg, the fire department will host its annual fundraiser on Saturday."
    assert events(text, gaz) == []
    # a headline's present told as a plan by its lead
    text = (
        "Fire department hosts 19th annual fundraiser Saturday.\n"
        "The Winnipeg fire department will host its annual fundraiser on Saturday."
    )
    assert events(text, gaz) == []


# --- a body's act short of a vote ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "In Winnipeg, the township committee introduced an ordinance on Tuesday.",
        "In Winnipeg, the city council delayed that hearing on Tuesday.",
        "In Winnipeg, the board tabled the proposal on Tuesday.",
    ],
)
def test_a_body_that_introduced_or_tabled_acted(text: str, gaz: Gazetteer) -> None:
    assert events(text, gaz) == [("adoption", "Winnipeg", "2024-05-14")]


def test_who_introduced_or_delayed_must_be_a_body() -> None:
    assert [
        t
        for t in types_of("He introduced his wife to the mayor in Winnipeg.")
        if t[1] == "adoption"
    ] == []
    assert [
        t for t in types_of("Snow delayed the flights in Winnipeg.") if t[1] == "adoption"
    ] == []


def test_a_fair_is_a_gathering_only_by_its_kind() -> None:
    assert ("held", "festivity") in types_of("The 4-H club held its county fair in August.")
    assert [
        t for t in types_of("The judge held that the deal was fair.") if t[1] == "festivity"
    ] == []
