"""Happenings the lexicon told with no trigger or the wrong one (session 29): pleas, sentences
and testimony in court, a body's decision, a police search, a hoax the police traced, a
vehicle told by what it did and a person struck by one. Each form, frame and sense fires on a
report of the happening and stays silent on its look-alikes. The sentences are invented for
these tests."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from tests.geo.helpers import reports_of
from tests.geo.test_happening_vocabulary import read, types


@pytest.mark.parametrize(
    ("text", "form", "type_"),
    [
        # pleas, sentences and testimony in court
        ("Roe pleaded no contest to the reduced charge.", "pleaded no contest", "trial"),
        ("A federal judge imposed the sentence Friday.", "imposed the sentence", "trial"),
        ("A local man cut a plea deal minutes before trial.", "cut a plea deal", "trial"),
        ("Man gets two years in state jail for fleeing police.", "gets", "trial"),
        ("Doe received a 10-year sentence, all but six months suspended.", "received", "trial"),
        ("The doctor testified Friday before the prosecution rested.", "testified", "trial"),
        # testimony before a legislature's committee is that body's hearing
        ("She testified before the Senate's natural resources committee.", "testified", "session"),
        # a body's decision
        ("School board members decided at a tense meeting Thursday.", "decided", "adoption"),
        ("The board decided at a recent meeting to hold it in May.", "decided", "adoption"),
        # a search told by who searched
        ("FBI agents searched the house on Elm Street.", "searched", "police_raid"),
        ("Investigators searched the property and found drugs.", "searched", "police_raid"),
        # a hoax
        ("The gang threat was just a hoax, police said.", "hoax", "hoax"),
        # a vehicle told by what it did, a person struck by one
        ("A garbage truck slammed into the toll plaza Thursday.", "slammed into", "accident"),
        ("Her car rolled over as she left the highway.", "rolled over", "accident"),
        ("He was driving a pickup that struck a pedestrian.", "struck", "accident"),
        ("The passenger was thrown off and hit by a truck.", "hit by a truck", "accident"),
        ("They were struck by an eastbound car at the corner.", "struck", "accident"),
        ("A driver backed out of a space and ran him over.", "ran him over", "accident"),
    ],
)
def test_new_kinds_fire(text: str, form: str, type_: str) -> None:
    assert (form, type_) in read(text)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # a plea agreement discussed, a term of funding, a letter received
        ("A new plea agreement is being discussed.", "trial"),
        ("The program gets two more years of funding.", "trial"),
        ("He received a letter from the court.", "trial"),
        ("Prosecutors recommended she receive probation.", "trial"),
        ("She testified before the Senate committee last week.", "trial"),
        # a decision of no body
        ("He decided to spend the night at a campground.", "adoption"),
        ("The couple decided to reopen the restaurant.", "adoption"),
        # a hunt, not a search of a place
        ("Police are searching for two suspects.", "police_raid"),
        # a hoax as an opinion
        ("The senator called it a hoax.", "hoax"),
        # what struck is no vehicle, or the vehicle is a bomb
        ("A car bomb struck the market.", "accident"),
        ("The hurricane hit the coast on Monday.", "accident"),
        ("The tree was struck by lightning.", "accident"),
    ],
)
def test_new_kinds_stay_silent(text: str, type_: str) -> None:
    assert type_ not in types(text)


def test_a_pickup_that_struck_a_man_is_no_strike() -> None:
    assert "strike" not in types("Roe was driving a 1996 Dodge pickup that struck Doe.")


def test_a_truck_that_slammed_into_a_plaza_is_an_accident_there(gaz: Gazetteer) -> None:
    got = [
        (r.type.name, r.category, r.place.name)
        for r in reports_of("A garbage truck slammed into a toll plaza in Leeds on Monday.", gaz)
    ]
    assert got == [("accident", "disaster", "Leeds")]


def test_a_plea_is_a_crime_at_its_court(gaz: Gazetteer) -> None:
    got = [
        (r.type.name, r.category, r.place.name)
        for r in reports_of("Roe pleaded no contest on Monday in Leeds to a charge of theft.", gaz)
    ]
    assert ("trial", "crime", "Leeds") in got
