"""A claim's time is not the claim's own, and a clause without a subject shares the plan of
the clause it hangs on (issue 10). Each rule has sentences where it must fire and
counter-examples where it must not; the sentences are written here, in the style of news."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from geo.clauses import analyse_sentence
from geo.factuality import borrows_future
from tests.geo.helpers import reports_of, rule_reports

# --- claims -------------------------------------------------------------------------------


def test_the_time_of_a_claim_does_not_date_the_clause_before_it(gaz: Gazetteer) -> None:
    text = (
        "TULSA — A man and his mother have filed a lawsuit against Tulsa police, alleging "
        "that officers beat him when they stopped his car in March."
    )
    got = [r for r in reports_of(text, gaz) if r.type.name == "lawsuit"]
    assert got
    assert all(r.dates.start.month == 5 for r in got)


def test_a_lawsuit_dated_in_its_own_clause_keeps_its_date(gaz: Gazetteer) -> None:
    # counter-example: the time is the lawsuit's own
    text = (
        "TULSA — A man and his mother filed a lawsuit against Tulsa police in March, alleging "
        "that officers beat him."
    )
    got = [r for r in reports_of(text, gaz) if r.type.name == "lawsuit"]
    assert got
    assert all(r.dates.start.month == 3 for r in got)


# --- clauses that share a plan --------------------------------------------------------------


def clause_starts(text: str) -> tuple[int, ...]:
    return analyse_sentence(text, 0, len(text), ()).clauses


@pytest.mark.parametrize(
    ("text", "k"),
    [
        (
            "Making his first trip to Fresno as governor, Newsom is scheduled to arrive at noon.",
            0,
        ),
        ("Newsom is scheduled to arrive at noon, then take part in a town hall meeting.", 1),
    ],
)
def test_a_clause_without_a_subject_shares_a_plan(text: str, k: int) -> None:
    clauses = clause_starts(text)
    assert borrows_future(text, clauses, len(text), k)


@pytest.mark.parametrize(
    ("text", "k"),
    [
        # the main clause is no plan; a new subject; a plan that is only said
        ("Making his first trip to Fresno as governor, Newsom arrived at noon.", 0),
        ("Newsom will arrive at noon, then the mayor hosted a town hall meeting.", 1),
        ("Touring Fresno on Monday, Newsom said the state will send more aid.", 0),
        ("Newsom arrived at noon, then took part in a town hall meeting.", 1),
    ],
)
def test_a_clause_with_a_subject_or_no_plan_keeps_its_mood(text: str, k: int) -> None:
    clauses = clause_starts(text)
    assert not borrows_future(text, clauses, len(text), k)


def test_a_plan_shared_makes_no_reported_event(gaz: Gazetteer) -> None:
    text = (
        "Making his first visit to Fresno as governor, Newsom is scheduled to arrive at the "
        "airport, then take part in a town hall meeting in Fresno."
    )
    assert not [r for r in reports_of(text, gaz) if r.status == "reported"]


# --- a happening held on a day, subject of a verb in the future ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A meeting in Fresno will discuss the new bus routes.",
        "The town hall meetings, which will take place in Fresno, will include a vote.",
    ],
)
def test_a_meeting_that_will_do_something_is_not_yet_held(gaz: Gazetteer, text: str) -> None:
    # undated and yet to come: a plan with no day of its own is no event
    assert [r.type.name for r in rule_reports(text, gaz)] == []


def test_a_dated_meeting_that_will_do_something_is_planned(gaz: Gazetteer) -> None:
    got = rule_reports("A meeting in Fresno will discuss the bus routes on Friday.", gaz)
    assert [(r.type.name, r.status, r.dates.start.isoformat()) for r in got] == [
        ("meeting", "planned", "2024-05-17")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # counter-examples: a happening that took place, of a type not held on a day, and
        # a meeting that did something
        "The attack in Fresno will be investigated by the state police.",
        "A meeting in Fresno discussed the new bus routes on Monday.",
    ],
)
def test_what_follows_a_happening_is_no_plan_of_it(gaz: Gazetteer, text: str) -> None:
    got = rule_reports(text, gaz)
    assert got
    assert all(r.status == "reported" for r in got)
