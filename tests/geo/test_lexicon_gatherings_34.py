"""Local gatherings of a day (session 34, evgathering34): a gathering its day owns
("Saturday's fundraiser"), a gathering in full swing, a longer holder's phrase ("held its
annual membership and awards banquet"), and the town that names a gathering's host or the
gathering itself ("The Winnipeg Chamber of Commerce held …"), which places that gathering and
nothing else. The sentences are invented for these tests."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from geo.lexicon import find_triggers
from geo.where import host_seat
from tests.geo.helpers import rule_reports


def events(text: str, gaz: Gazetteer) -> list[tuple[str, str, str]]:
    return [(r.type.name, r.place.name, r.dates.start.isoformat()) for r in rule_reports(text, gaz)]


def festive(text: str) -> list[str]:
    return [t.form for t in find_triggers(text) if t.type.name == "festivity"]


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("She hoped Saturday's fundraiser, which raised $500, would be the first.", "saturday's"),
        ("He told the audience at Monday’s open forum that scores rose.", "monday’s"),
        ("On his way into Sunday's dinner, the minister spoke to reporters.", "sunday's"),
        ("The Old Time Music Festival was in full swing on Saturday.", "was in full swing"),
        ("The chamber held its annual membership and awards banquet Saturday night.", "held"),
        ("Students practiced songs for the concert held at the school later that day.", "held"),
    ],
)
def test_a_gathering_of_a_day_fires(text: str, form: str) -> None:
    assert form in festive(text)


@pytest.mark.parametrize(
    "text",
    [
        # a day's possessive before what is no gathering, or before many
        "Saturday's best in show went to an Airedale terrier.",
        "Monday's events were cancelled because of the snow.",
        "Tuesday's vote was 5-2.",
        # in full swing, but no gathering
        "By then the harvest was in full swing.",
        # held, but not a gathering held
        "The suspect held at the county jail was released.",
    ],
)
def test_no_gathering_no_trigger(text: str) -> None:
    assert festive(text) == []


def test_a_gathering_its_day_owns_is_placed_and_dated(gaz: Gazetteer) -> None:
    text = "In Winnipeg, Tuesday's banquet raised $5,000 for the food bank."
    assert events(text, gaz) == [("festivity", "Winnipeg", "2024-05-14")]


@pytest.mark.parametrize(
    "text",
    [
        "In Winnipeg, the mayor will speak at Tuesday's banquet.",
        # no past marker: a preview, which the date resolver would put on the day before
        "In Winnipeg, tickets for Saturday's concert are $10.",
        "Volunteers are needed for Saturday's event in Winnipeg.",
        "In Winnipeg, proceeds from Saturday's fundraiser go to the food bank.",
    ],
)
def test_a_gathering_its_day_owns_still_to_come_is_no_event(text: str, gaz: Gazetteer) -> None:
    assert [e for e in events(text, gaz) if e[0] == "festivity"] == []


def test_a_gathering_its_day_owns_told_in_the_past_is_one(gaz: Gazetteer) -> None:
    text = "In Winnipeg, Mayor Roe praised Saturday's fundraiser, which drew 30 people."
    assert events(text, gaz) == [("festivity", "Winnipeg", "2024-05-11")]


@pytest.mark.parametrize(
    ("text", "town", "expected"),
    [
        ("The Winnipeg Chamber of Commerce held", "Winnipeg", True),
        ("The Winnipeg Old Time Music & Dulcimer Festival was", "Winnipeg", True),
        ("The Winnipeg Rotary Club hosted", "Winnipeg", True),
        ("Winnipeg police said", "Winnipeg", False),
        ("Winnipeg residents held", "Winnipeg", False),
        ("The Winnipeg Jets won", "Winnipeg", False),
    ],
)
def test_a_town_that_names_a_host(text: str, town: str, expected: bool) -> None:
    assert host_seat(text, text.index(town) + len(town)) is expected


def test_a_host_town_places_its_gathering(gaz: Gazetteer) -> None:
    text = "The Winnipeg Chamber of Commerce held its annual banquet on Tuesday."
    assert events(text, gaz) == [("festivity", "Winnipeg", "2024-05-14")]


def test_a_host_town_places_nothing_else(gaz: Gazetteer) -> None:
    # the chamber is named before a crash it did not host: no crash at Winnipeg by its name
    text = "The Winnipeg Chamber of Commerce said a car crash on Tuesday closed the road."
    assert [e for e in events(text, gaz) if e[1] == "Winnipeg"] == []
