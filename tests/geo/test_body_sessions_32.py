"""A body's sitting named by its kind ("regular session", "special meeting") and owned by the
body ("during Dublin City Council's regular session Monday", session 32, evpolitics32): the
sitting of a day is a happening of the body's town, as "the council's meeting Monday" in
lower case always was; a plan, a habit and a name's own happening stay what they were. The
sentences are invented for these tests."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from geo.lexicon import find_triggers
from geo.named_happenings import named_reference
from tests.geo.helpers import reports_of


def events(text: str, gaz: Gazetteer) -> list[tuple[str, str, str, str]]:
    """The reports of ``text`` with the seats pass on (a body's town places its sitting)."""
    return [
        (r.type.name, r.place.name, r.dates.start.isoformat(), r.role)
        for r in reports_of(text, gaz, with_gazetteer=True)
    ]


def sessions(text: str) -> list[str]:
    return [t.form for t in find_triggers(text) if t.type.name == "session"]


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("The board met in a special meeting on Friday.", "special meeting"),
        ("Council adjourned to a closed session for discussion of personnel.", "closed session"),
        ("The commissioners went into executive session after the vote.", "executive session"),
        ("Residents spoke during the council's regular session Monday.", "regular session"),
    ],
)
def test_a_sitting_named_by_its_kind_fires(text: str, form: str) -> None:
    assert form in sessions(text)


def test_a_regular_habit_is_no_sitting() -> None:
    assert sessions("The council holds its regular sessions on the first Monday.") == []


def test_a_body_owning_its_sitting_is_no_name() -> None:
    text = "A resident spoke during Winnipeg City Council's regular session Monday."
    start = text.index("regular session")
    assert not named_reference(text, 0, start, "regular session")
    # a person's or a country's happening is still one the reader is assumed to know
    text = "Officials recalled Putin's first visit to China."
    assert named_reference(text, 0, text.index("visit"), "visit")


def test_the_sitting_of_a_day_is_the_body_towns_happening(gaz: Gazetteer) -> None:
    text = (
        '"We are close to our goal," a committee member said during Winnipeg City Council\'s '
        "regular session on Tuesday."
    )
    assert events(text, gaz) == [("session", "Winnipeg", "2024-05-14", "seat")]


def test_a_sitting_still_to_come_is_no_event(gaz: Gazetteer) -> None:
    text = "A second reading is expected during Winnipeg City Council's regular meeting on May 20."
    assert events(text, gaz) == []
    text = "Winnipeg City Council will consider the plan at its special meeting on Tuesday."
    assert events(text, gaz) == []
