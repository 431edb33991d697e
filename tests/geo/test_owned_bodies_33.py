"""A body named with its owner places its acts at the owner's capital (geo.seats) also when
its name runs into the trigger's words ("Ohio's Supreme Court ruled"), when it is written in
lower case ("Slovakia's parliament"), and when a parliament or a cabinet votes (the
`adoption` frame of geo/data/triggers.yaml); a national legislature whose own name tells its
country ("the State Duma") sits at that country's capital. Session 33, evpolitics33. Each
rule has sentences where it fires and where it must not; the sentences are written here."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from tests.geo.test_seats import seated


@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        # the body's name ends inside the trigger ("court ruled")
        (
            "Ohio's Supreme Court ruled Monday that the school funding system is unfair.",
            "ruling",
            "Columbus",
        ),
        # a local body whose name runs into the trigger ("council meeting")
        (
            "Pool repairs. Residents spoke during the Dublin City Council meeting on Monday.",
            "session",
            "Dublin",
        ),
        # a body in lower case after its owner
        ("Slovakia's parliament on Tuesday approved the budget.", "adoption", "Bratislava"),
        ("The Pakistani cabinet on Wednesday approved the budget.", "adoption", "Islamabad"),
        # a parliament's vote is the body's act, seated
        (
            "The Slovak parliament voted on Tuesday to approve a new government.",
            "adoption",
            "Bratislava",
        ),
    ],
)
def test_an_owned_body_acts_at_its_seat(text: str, kind: str, place: str, gaz: Gazetteer) -> None:
    assert [(k, p) for k, p, _ in seated(text, gaz)] == [(kind, place)]


@pytest.mark.parametrize(
    "text",
    [
        # "house" in lower case is a home, owner or not
        "A Texas house was approved for demolition on Tuesday.",
        # a lower-case body with no owner names no state
        "The parliament voted on Tuesday to approve a new government.",
        # a court that is no body of a state
        "The Fithian supreme court of the chess club ruled on Tuesday that he won.",
        # planned, not done
        "Slovakia's parliament will vote on Thursday on the budget.",
        # undated: may be any vote of the body
        "Slovakia's parliament approved the budget.",
    ],
)
def test_no_owned_seat(text: str, gaz: Gazetteer) -> None:
    assert seated(text, gaz) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Meanwhile, the State Duma on Friday approved in a final third reading a bill.",
            "Moscow",
        ),
        ("The Knesset voted on Monday to dissolve itself.", "Jerusalem"),
        ("The Bundestag on Thursday approved the budget.", "Berlin"),
    ],
)
def test_a_named_national_legislature_sits_in_its_capital(
    text: str, place: str, gaz: Gazetteer
) -> None:
    assert [p for _, p, _ in seated(text, gaz)] == [place]


@pytest.mark.parametrize(
    "text",
    [
        # a name several states' bodies bear is not listed
        "The Bundesrat on Friday approved the budget.",
        # the sentence names another place: the vote is about it
        "The Knesset voted on Monday to send aid to Haiti.",
        # planned, not done
        "The Knesset will vote on Monday on the budget.",
    ],
)
def test_no_named_seat(text: str, gaz: Gazetteer) -> None:
    assert seated(text, gaz) == []
