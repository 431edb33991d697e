"""Happenings found in unlabelled news (issue 10): the verbs and nouns of the lead clauses of
LGL, GeoWebNews and TR-News that name a place and a date but no trigger were ranked by
frequency, and the forms that tell a mappable happening and were right on the LGL + GWN event
pairs joined the lexicon: a court appearance in a named court, a fine.
Each fires on a report of the happening and stays silent on its look-alikes. The sentences are
invented for these tests."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from geo.lexicon import find_triggers
from geo.senses import resolve
from tests.geo.helpers import reports_of


def events(text: str, gaz: Gazetteer) -> list[tuple[str, str, str, str]]:
    """(type, place, first day, title) of the reports of ``text``."""
    return [
        (r.type.name, r.place.name, r.dates.start.isoformat(), r.title)
        for r in reports_of(text, gaz)
    ]


def read(text: str) -> list[tuple[str, str]]:
    """The (form, type) of the triggers of ``text`` read in their senses (one sentence)."""
    return [
        (t.form, t.type.name) for t in resolve(text, find_triggers(text), lambda _: (0, len(text)))
    ]


@pytest.mark.parametrize(
    ("text", "form", "type_"),
    [
        # a court appearance: the court named between the verb and "court"
        ("The defendant appeared in Lake County Court on Friday.", "appeared in", "trial"),
        ("He appears in a district court next week.", "appears in", "trial"),
        ("She was remanded after appearing in Wood Green Crown Court.", "appearing in", "trial"),
        ("He appeared in court on Friday.", "appeared in", "trial"),
        # a fine told by its verb
        ("The driver was fined $300 for speeding.", "was fined", "trial"),
        ("Both men were fined and given suspended sentences.", "were fined", "trial"),
    ],
)
def test_a_mined_form_fires(text: str, form: str, type_: str) -> None:
    assert (form, type_) in read(text)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # appearing in public, in a film or a show is no court appearance, even near "court"
        ("The mayor appeared in public with the court's ruling in hand.", "trial"),
        ("She appeared in a film about court life.", "trial"),
        ("He appeared in a show about the court.", "trial"),
        # no court after the verb
        ("The senator appeared in good spirits at the rally.", "trial"),
        # a tally of fines over months, a fine that may come
        ("More than 300 boat owners have been fined for unpaid tax.", "trial"),
        ("Owners who fail to pay could be fined.", "trial"),
    ],
)
def test_a_look_alike_is_no_trigger(text: str, type_: str) -> None:
    assert type_ not in {name for _, name in read(text)}


def test_an_appearance_in_a_named_court_is_an_event_at_its_town(gaz: Gazetteer) -> None:
    found = events("On Monday, John Roe appeared in a Winnipeg court to face fraud charges.", gaz)
    assert ("trial", "Winnipeg", "2024-05-13", "Court appearance, Winnipeg") in found


def test_a_fine_is_an_event_at_its_court(gaz: Gazetteer) -> None:
    found = events("On Monday, Ann Roe was fined $500 in a Winnipeg court for speeding.", gaz)
    assert ("trial", "Winnipeg", "2024-05-13", "Fine, Winnipeg") in found


def test_a_fine_that_may_come_is_no_event(gaz: Gazetteer) -> None:
    assert events("Boat owners in Winnipeg could be fined on Monday.", gaz) == []
