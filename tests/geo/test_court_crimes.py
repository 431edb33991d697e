"""The crime a court story retells with its old day, placed at its court's seat
(geo/court_crimes.py, session 32): a county court tries the crimes of its county. Not for a
court of a state, two courts' seats, the week's news, a crime's name the court's day dates,
a year, a hypothetical, a life's dates or an anniversary that gives no day."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from geo import events
from tests.geo.test_focus import run

#: A story with no focus whose one court is a county's ("Clarke County Superior Court").
COURT = (
    "Lawyer says client not fit for trial.\n"
    "His lawyer argued in papers filed last month in Clarke County Superior Court that he is "
    "not competent.\n"
)
RETOLD = (
    "Authorities say the man attacked the officer with a kitchen knife on Dec. 11, 2022, as "
    "she worked a security job at a grocery store.\nShe spent two weeks in a coma."
)


def court_placed(text: str, gaz: Gazetteer) -> list[tuple[str, str, str]]:
    """The reports of ``text`` the court pass adds, as (type, place, first day): those
    :func:`geo.events.detect_events` gives without the pass left out; the text has no
    focus."""
    focus, reports = run(text, gaz)
    assert focus is None
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(events, "court_crime_reports", lambda *args, **kwargs: [])
        _, without = run(text, gaz)
    return [
        (r.type.name, r.place.name, r.dates.start.isoformat()) for r in reports if r not in without
    ]


def test_a_retold_crime_with_its_day_is_placed_at_the_county_court(gaz: Gazetteer) -> None:
    assert court_placed(COURT + RETOLD, gaz) == [("attack", "Clarke County", "2022-12-11")]


def test_a_crime_named_as_a_landmark_with_its_day_is_placed_too(gaz: Gazetteer) -> None:
    # "since the Dec. 11, 2022, stabbing": the stabbing took place on that day
    text = COURT + "He has been held at a hospital since the Dec. 11, 2022, stabbing.\nShe healed."
    assert court_placed(text, gaz) == [("murder", "Clarke County", "2022-12-11")]


def test_a_state_court_or_courts_of_two_seats_place_nothing(gaz: Gazetteer) -> None:
    # counter-examples: a state's court is too wide to say where; two seats, which one?
    state = COURT.replace("Clarke County Superior Court", "the Georgia Supreme Court")
    assert court_placed(state + RETOLD, gaz) == []
    two = COURT.replace(
        "not competent.",
        "not competent, and a Fulton County jury convicted him of theft in 2021.",
    )
    assert court_placed(two + RETOLD, gaz) == []


def test_the_weeks_crime_or_a_charge_is_not_retold(gaz: Gazetteer) -> None:
    # counter-example: "pleaded guilty Monday to attempted robbery" names a charge, dated by
    # the court's day
    text = COURT + "Two other defendants pleaded guilty Monday to attempted robbery.\nThey wept."
    assert court_placed(text, gaz) == []


def test_no_day_no_deed_no_crime(gaz: Gazetteer) -> None:
    # counter-examples: a year, a hypothetical, a birth day, a founding year, an anniversary
    # that gives no day
    for sentence in (
        "Authorities say the man attacked the officer with a kitchen knife in 2022.",
        "Even if he had attacked the officer on Dec. 11, 2022, he could not have known it.",
        "The man was born on May 2, 1963, and has a history of illness.",
        "The grocery store was founded in 1887 and was robbed in 1990.",
        "On Monday, friends of the officer held a vigil on the tenth anniversary of the stabbing.",
    ):
        assert court_placed(COURT + sentence + "\nShe healed.", gaz) == [], sentence
