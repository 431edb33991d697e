"""Happenings the lexicon had no word for (session 37, evlexicon37): a body's refusal by its
vote, an autopsy done. Each fires on a report of the
happening and stays silent on its look-alikes. The sentences are invented for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from gazetteer import Gazetteer
from geo.extraction import extract
from geo.model import Article
from tests.geo.test_happening_vocabulary import read, types


@pytest.mark.parametrize(
    ("text", "form", "type_"),
    [
        # a body's refusal by its vote
        ("The parliament refused to consider the bills.", "refused to consider", "adoption"),
        ("The board had voted down a stricter transfer policy.", "voted down", "adoption"),
        ("The city council Monday turned down the rezoning.", "turned down", "adoption"),
        # an autopsy done
        ("The medical examiner conducted an autopsy yesterday.", "conducted an autopsy", "autopsy"),
        ("An autopsy was performed on Friday.", "autopsy was performed", "autopsy"),
    ],
)
def test_new_kinds_fire(text: str, form: str, type_: str) -> None:
    assert (form, type_) in read(text)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # a refusal to speak is no act of the body; a person's refusal is no body's
        ("The council refused to comment on the lawsuit.", "adoption"),
        ("Roe turned down the offer.", "adoption"),
        # an autopsy's finding or its plan is no autopsy done
        ("An autopsy showed blunt-force trauma to the head.", "autopsy"),
        ("An autopsy was scheduled.", "autopsy"),
        ("He was unsure whether an autopsy would be performed.", "autopsy"),
    ],
)
def test_new_kinds_stay_silent(text: str, type_: str) -> None:
    assert type_ not in types(text)


def test_an_autopsy_takes_the_place_of_the_body_and_keeps_its_own_day(gaz: Gazetteer) -> None:
    """The autopsy's sentence names no place: it takes the body's town (one group), and is
    never one event with the death (``apart``): each keeps its own day."""
    text = (
        "The body found on Wednesday along the shore of the lake in Laconia has been "
        "identified.\n\n"
        "The state medical examiner's office conducted an autopsy yesterday, identifying the "
        "body."
    )
    events = extract([Article(id="t", text=text, published=date(2024, 3, 29))], gazetteer=gaz)
    got = {(row.title, row.category, str(row.start)[:10]) for row in events.events.itertuples()}
    assert ("Autopsy, Laconia", "crime", "2024-03-28") in got
    assert any(title.startswith("Death, Laconia") and day == "2024-03-27" for title, _, day in got)
