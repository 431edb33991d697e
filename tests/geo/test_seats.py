"""A body that sits in a capital places its votes and rulings there (geo.seats)."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from geo.seats import capital_of
from tests.geo.helpers import reports_of


def seated(text: str, gaz: Gazetteer) -> list[tuple[str, str, str]]:
    return [
        (r.type.name, r.place.name, r.dates.start.isoformat())
        for r in reports_of(text, gaz, with_gazetteer=True)
        if r.role == "seat"
    ]


def test_a_state_house_votes_in_the_state_capital(gaz: Gazetteer) -> None:
    text = "The Minnesota House unanimously voted on Tuesday to support the bill."
    assert seated(text, gaz) == [("adoption", "Saint Paul", "2024-05-14")]


def test_a_national_senate_named_by_its_demonym_sits_in_the_capital(gaz: Gazetteer) -> None:
    text = "The Mexican Senate on Tuesday approved a resolution on water."
    assert [(k, p) for k, p, _ in seated(text, gaz)] == [("adoption", "Mexico City")]


@pytest.mark.parametrize(
    "text",
    [
        # a house is someone's home; a body of no state or country sits nowhere we know
        "The family's house was approved for demolition on Tuesday.",
        "The Fithian House board voted on Tuesday to sell the building.",
        # a sentence that names another place is about it
        "The Ohio Senate voted on Tuesday to send aid to Haiti.",
        # undated: may be any vote of the body
        "The Minnesota House voted to support the bill.",
        # planned, not done
        "The Minnesota House will vote on Thursday on the bill.",
    ],
)
def test_no_seat(text: str, gaz: Gazetteer) -> None:
    assert seated(text, gaz) == []


def test_the_capital_of_a_division_and_of_a_country(gaz: Gazetteer) -> None:
    ohio = gaz.resolve("Ohio")
    france = gaz.resolve("France")
    assert ohio is not None and france is not None
    assert (capital_of(ohio, gaz) or ohio).name == "Columbus"
    assert (capital_of(france, gaz) or france).name == "Paris"
    paris = gaz.resolve("Paris")
    assert paris is not None and capital_of(paris, gaz) is None  # a town has no capital
