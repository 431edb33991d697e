"""Happenings whose kind the lexicon lacked (session 28): a person shot and wounded told by the
wound, a water main or a sewer that broke or spilled, diplomats expelled. Each form or frame
fires on a report of the happening and stays silent on its look-alikes. The sentences are
invented for these tests."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from tests.geo.helpers import reports_of
from tests.geo.test_happening_vocabulary import read, types


@pytest.mark.parametrize(
    ("text", "form", "type_"),
    [
        # a wound told without "shooting"
        ("A 27-year-old man was shot twice early Tuesday near the park.", "shot twice", "gunshot"),
        (
            "The driver was shot multiple times and died at the scene.",
            "shot multiple times",
            "gunshot",
        ),
        ("A cyclist was shot in the back on a county road.", "shot in the back", "gunshot"),
        ("Two men were treated for gunshot wounds at the hospital.", "gunshot wounds", "gunshot"),
        ("One robber shot him in the leg with a revolver.", "shot him in the", "gunshot"),
        # a water main or a sewer
        (
            "Crews repaired a water main break on the access road.",
            "water main break",
            "utility_failure",
        ),
        ("The 16-inch main broke about 4:30 p.m. Monday.", "main broke", "utility_failure"),
        (
            "A wastewater overflow sent 5,400 gallons into the creek.",
            "wastewater overflow",
            "utility_failure",
        ),
        (
            "The area is under a boil water advisory until Thursday.",
            "boil water advisory",
            "utility_failure",
        ),
        # diplomats expelled: the verb with its object, or the diplomats as its subject
        ("The government expelled 23 diplomats on Wednesday.", "expelled", "expulsion"),
        ("Moscow will expel 60 US diplomats and close a consulate.", "expel", "expulsion"),
        ("Some of the 60 diplomats being expelled boarded a bus.", "expelled", "expulsion"),
        ("The ambassador was declared persona non grata.", "persona non grata", "expulsion"),
    ],
)
def test_new_kinds_fire(text: str, form: str, type_: str) -> None:
    assert (form, type_) in read(text)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # a film's shooting, idioms of the arm and the foot
        ("The movie was shot in 18 days on 35-millimeter film.", "gunshot"),
        ("The grant is a shot in the arm for the downtown merchants.", "gunshot"),
        ("The party shot itself in the foot with the new rule.", "gunshot"),
        ("The photos were shot in the studio last spring.", "gunshot"),
        # mains and sewers as things, not as failures
        ("The city will replace the water main along Elm Street next year.", "utility_failure"),
        ("The sewage treatment plant needs an upgrade.", "utility_failure"),
        # expelled from school, expelling air, expelled people who are no envoys
        ("The student was expelled from school last year.", "expulsion"),
        ("The thrusts expel air and force out the object.", "expulsion"),
        ("Thousands were expelled from their homes in the war.", "expulsion"),
    ],
)
def test_new_kinds_stay_silent(text: str, type_: str) -> None:
    assert type_ not in types(text)


def test_a_wound_told_by_the_police_is_a_crime(gaz: Gazetteer) -> None:
    text = (
        "SPRINGFIELD, Mass. - A 27-year-old man was shot twice early Tuesday at Orange Street "
        "in Springfield, police said."
    )
    shootings = [r for r in reports_of(text, gaz) if r.type.name == "gunshot"]
    assert shootings
    assert all(r.category == "crime" for r in shootings)


def test_a_wound_in_a_story_of_war_stays_conflict(gaz: Gazetteer) -> None:
    text = (
        "Two soldiers were shot and wounded by militants at a checkpoint in Kandahar on "
        "Tuesday, the army said."
    )
    shootings = [r for r in reports_of(text, gaz) if r.type.name == "gunshot"]
    assert shootings
    assert all(r.category == "conflict" for r in shootings)


def test_a_water_main_break_is_a_disaster_at_its_place(gaz: Gazetteer) -> None:
    got = [
        (r.type.name, r.category, r.place.name)
        for r in reports_of("A water main break in Leeds closed a street on Monday.", gaz)
    ]
    assert got == [("utility_failure", "disaster", "Leeds")]
