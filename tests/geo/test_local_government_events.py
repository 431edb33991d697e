"""Happenings of local government and civic life (issue 10): votes and budgets adopted,
council and board sittings, openings, court awards. Each trigger family fires on a report of
what was done and stays silent on its plans, possibilities and look-alikes. The sentences are
invented for these tests."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from geo.lexicon import find_triggers, trigger_types
from tests.geo.helpers import reports_of


def events(text: str, gaz: Gazetteer) -> list[tuple[str, str, str, str]]:
    return [
        (r.type.name, r.place.name, r.dates.start.isoformat(), r.dates.end.isoformat())
        for r in reports_of(text, gaz)
    ]


def types_of(text: str) -> list[tuple[str, str]]:
    return [(t.form, t.type.name) for t in find_triggers(text)]


def test_categories_follow_the_guidelines() -> None:
    types = trigger_types()
    assert types["adoption"].category == types["session"].category == "politics"  # votes held
    assert types["opening"].category == "other"
    assert all(types[n].reported_only for n in ("adoption", "session", "opening"))


# --- votes and budgets adopted -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The provincial legislature in Winnipeg on Monday passed a $2.1 billion budget.",
        "In Winnipeg, the city council unanimously voted on Monday to ban fireworks.",
        "In Winnipeg on Monday, the school board approved the levy.",
    ],
)
def test_a_vote_held_is_a_vote(text: str, gaz: Gazetteer) -> None:
    assert events(text, gaz) == [("adoption", "Winnipeg", "2024-05-13", "2024-05-13")]


@pytest.mark.parametrize(
    "text",
    [
        "The city council in Winnipeg will vote next week on the budget.",
        "In Winnipeg, the school board is expected to vote on the levy.",
        "In Winnipeg, the council could vote on the levy on Monday.",
        "In Winnipeg, the council plans to adopt the budget next month.",
        "The council in Winnipeg approved the budget in 1998.",
    ],
)
def test_a_planned_possible_or_old_vote_is_no_event(text: str, gaz: Gazetteer) -> None:
    assert [e for e in events(text, gaz) if e[0] in {"adoption", "election"}] == []


def test_a_verb_without_its_nouns_is_no_vote() -> None:
    assert types_of("He passed the ball to a teammate in the final minute.") == []
    assert types_of("Her doctor approved a new diet for the summer.") == []
    # voters vote in an election; a council votes on a measure
    assert ("vote", "adoption") not in types_of("Voters will vote on Tuesday.")


# --- sittings of councils, boards and committees -----------------------------------------------


def test_a_board_that_met_is_a_sitting(gaz: Gazetteer) -> None:
    text = "The school board met on Monday in Winnipeg to review the plan."
    assert events(text, gaz) == [("session", "Winnipeg", "2024-05-13", "2024-05-13")]


@pytest.mark.parametrize(
    "text",
    [
        "The council will hold a public hearing on Thursday in Winnipeg.",
        "The committee meeting in Winnipeg on Monday was postponed.",
        "A public hearing in Winnipeg is scheduled for next Tuesday.",
    ],
)
def test_a_planned_or_called_off_sitting_is_no_event(text: str, gaz: Gazetteer) -> None:
    assert events(text, gaz) == []


def test_who_heard_a_council_is_no_sitting() -> None:
    assert types_of("She heard the council's decision on the radio.") == []


# --- openings ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A new library opened on Tuesday in Winnipeg.",
        "The mayor cut the ribbon at the grand opening of a clinic in Winnipeg on Tuesday.",
        "On Tuesday the premier inaugurated two new schools in Winnipeg.",
    ],
)
def test_an_opening_is_its_day(text: str, gaz: Gazetteer) -> None:
    assert events(text, gaz) == [("opening", "Winnipeg", "2024-05-14", "2024-05-14")]


@pytest.mark.parametrize(
    "text",
    [
        "The company plans to open a new store in Winnipeg next year.",
        "The new bridge will open in Winnipeg on Friday.",
        "The store opened in 1985 in Winnipeg.",
    ],
)
def test_a_planned_or_old_opening_is_no_event(text: str, gaz: Gazetteer) -> None:
    assert events(text, gaz) == []


def test_what_else_opens_is_no_opening() -> None:
    assert ("opened fire", "attack") in types_of("Police opened fire on a car in Winnipeg.")
    assert types_of("Police opened an investigation into the matter.") == []
    assert types_of("The fund was inaugurated by the first president.") == [
        ("inaugurated", "election")
    ]
    assert types_of("A committee dedicated to preserving the school was formed.") == []


# --- court awards --------------------------------------------------------------------------


def test_a_jury_award_is_a_ruling(gaz: Gazetteer) -> None:
    text = "A jury awarded $2 million to the family in Winnipeg on Monday."
    assert events(text, gaz) == [("ruling", "Winnipeg", "2024-05-13", "2024-05-13")]
    assert types_of("Judge Jane Roe awarded damages to the artists.")[0] == ("awarded", "ruling")


def test_a_prize_or_grant_awarded_is_no_ruling() -> None:
    assert types_of("On Monday a foundation awarded a grant to the school.") == []
    assert types_of("The committee awarded the prize to a poet.") == []
