"""A local body named by its town or county places its votes there (geo.seats, session 30),
and a measure a body imposes or lifts is its vote (geo/data/triggers.yaml). Each rule has
sentences where it fires and where it must not; the sentences are written here."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from tests.geo.test_local_government_events import types_of
from tests.geo.test_seats import seated


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Sign change. The Pottawatomie County Commission Monday authorized application "
            "for $574,000 in federal funds for the trail.",
            "Pottawatomie County",
        ),
        (
            "Pool repairs. The Dublin City Council on Monday approved the budget for the pool.",
            "Dublin",
        ),
    ],
)
def test_a_local_body_votes_at_its_town_or_county(text: str, place: str, gaz: Gazetteer) -> None:
    assert [(k, p) for k, p, _ in seated(text, gaz)] == [("adoption", place)]


def test_a_county_body_votes_at_the_dateline_town_it_holds(gaz: Gazetteer) -> None:
    text = (
        "Assessors dismissed. DANIELSVILLE - Madison County commissioners voted Monday to "
        "dismiss the county's tax assessors."
    )
    assert [(k, p) for k, p, _ in seated(text, gaz)] == [("adoption", "Danielsville")]
    # with no dateline, the county itself
    lead = text.replace("DANIELSVILLE - ", "")
    assert [(k, p) for k, p, _ in seated(lead, gaz)] == [("adoption", "Madison County")]


@pytest.mark.parametrize(
    "text",
    [
        # a headline's vote is the plan the story tells
        "Dublin City Council to vote today on pool budget. The meeting is at 7 p.m.",
        # the owner is no town or county the recognizer read
        "Pool repairs. The Fithian Council on Monday approved the budget for the pool.",
        # planned, not done
        "Pool repairs. The Dublin City Council will vote on Monday on the pool budget.",
        # undated: may be any vote of the body
        "Pool repairs. The Dublin City Council approved the budget for the pool.",
    ],
)
def test_no_local_seat(text: str, gaz: Gazetteer) -> None:
    assert seated(text, gaz) == []


def test_a_measure_imposed_or_lifted_is_a_vote() -> None:
    assert ("lifted", "adoption") in types_of(
        "The county commissioners lifted the five-week-old burn ban Tuesday."
    )
    assert ("imposed", "adoption") in types_of("The council imposed a curfew on Friday.")


def test_lifting_or_imposing_no_measure_is_no_vote() -> None:
    for text in (
        "The sanctions were lifted last year.",
        "He lifted the weight above his head on Friday.",
        "The storm imposed heavy costs on farmers.",
    ):
        assert [t for t in types_of(text) if t[1] == "adoption"] == [], text
