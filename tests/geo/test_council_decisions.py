"""Decisions of local and state bodies and their members (t28 politics misses): a body that
agreed or hired, an official who resigned, a candidate who filed for a seat. Each trigger
fires on what was done and stays silent on its plans and its look-alikes ("agreed that",
"resigned as president of the club", "filed for bankruptcy"). The sentences are invented."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from geo.lexicon import find_triggers, trigger_types
from tests.geo.helpers import rule_reports


def events(text: str, gaz: Gazetteer) -> list[tuple[str, str, str]]:
    return [(r.type.name, r.place.name, r.dates.start.isoformat()) for r in rule_reports(text, gaz)]


def types_of(text: str) -> list[tuple[str, str]]:
    return [(t.form, t.type.name) for t in find_triggers(text)]


def test_the_new_types_are_politics_and_drop_their_plans() -> None:
    types = trigger_types()
    assert types["resignation"].category == types["candidacy"].category == "politics"
    assert types["resignation"].reported_only and types["candidacy"].reported_only


# --- a body's decision: "agreed", "hired" ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "In Winnipeg, the board unanimously agreed on Tuesday to extend the deadlines.",
        "In Winnipeg, a conference committee agreed Tuesday on a budget.",
        "In Winnipeg on Tuesday, the school board hired a new superintendent.",
        "In Winnipeg, the council granted the developer a zone change on Tuesday.",
    ],
)
def test_a_body_that_agreed_or_hired_decided(text: str, gaz: Gazetteer) -> None:
    assert events(text, gaz) == [("adoption", "Winnipeg", "2024-05-14")]


def test_who_agreed_or_hired_must_be_a_body() -> None:
    assert types_of("Residents agreed that the park in Winnipeg is too small.") == []
    assert types_of("The restaurant hired new cooks in Winnipeg.") == []
    # "named" is no decision verb: a board may be named after someone
    assert types_of("The board named after her was founded in Winnipeg.") == []
    # nor is "denied": members deny wrongdoing
    assert types_of("Council members denied any wrongdoing in Winnipeg.") == []


def test_a_body_that_has_not_agreed_decided_nothing(gaz: Gazetteer) -> None:
    assert events("In Winnipeg, the committee has not agreed on a budget.", gaz) == []


# --- an official resigns -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "In Winnipeg, Councilman John Roe resigned from the city council on Tuesday.",
        "Mayor John Roe resigned on Tuesday in Winnipeg.",
    ],
)
def test_an_official_who_resigned_left_office(text: str, gaz: Gazetteer) -> None:
    assert events(text, gaz) == [("resignation", "Winnipeg", "2024-05-14")]


def test_a_job_left_is_no_resignation_from_office() -> None:
    assert types_of("He resigned from his position at the bank in Winnipeg.") == []
    assert types_of("She resigned as president of the club in Winnipeg.") == []


def test_a_resignation_to_come_is_no_event(gaz: Gazetteer) -> None:
    text = "In Winnipeg, the mayor will resign from the council next month."
    assert events(text, gaz) == []


# --- a candidate files for a seat --------------------------------------------------------------


def test_a_candidate_who_filed_for_a_seat(gaz: Gazetteer) -> None:
    text = "In Winnipeg, two planning commissioners filed for the council seat on Tuesday."
    assert events(text, gaz) == [("candidacy", "Winnipeg", "2024-05-14")]


def test_filing_for_bankruptcy_is_no_candidacy() -> None:
    assert types_of("The company filed for bankruptcy in Winnipeg on Tuesday.") == []
    assert types_of("She filed for divorce in Winnipeg.") == []
