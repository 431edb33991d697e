"""Happenings the lexicon told with no trigger word (session 36, evnotrigger36): a charge told
by who laid it, a plea told by its noun, vandals and desecration. Each fires on a report of the
happening and stays silent on its look-alikes. The sentences are invented for these tests."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from tests.geo.helpers import reports_of
from tests.geo.test_happening_vocabulary import read, types


@pytest.mark.parametrize(
    ("text", "form", "type_"),
    [
        # a charge told by who charged
        ("County prosecutors last week charged Ann Roe with robbing a bank.", "charged", "arrest"),
        ("Police charged Doe with third-degree assault.", "charged", "arrest"),
        ("The county police department has charged a 27-year-old man.", "charged", "arrest"),
        ("Detectives have charged a local woman with fraud.", "charged", "arrest"),
        # a plea told by its noun
        ("Guilty plea in Leeds killings.", "guilty plea", "trial"),
        ("The court entered a not guilty plea on his behalf.", "guilty plea", "trial"),
        # vandals and desecration
        ("Vandals desecrate graves near the church.", "desecrate", "robbery"),
        ("Vandals striking local businesses.", "vandals", "robbery"),
        ("Unknown assailants desecrated three graves.", "desecrated", "robbery"),
    ],
)
def test_new_kinds_fire(text: str, form: str, type_: str) -> None:
    assert (form, type_) in read(text)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # a fee, a battery, a rush: no subject of the police, or a charge at something
        ("The store charged $5 for parking.", "arrest"),
        ("The phone charged overnight.", "arrest"),
        ("The officers charged at the crowd.", "arrest"),
        ("Police charged into the building.", "arrest"),
        ("The cavalry charged the hill.", "arrest"),
        ("Riot police charged the crowd outside parliament.", "arrest"),
        ("Police charged protesters with batons and tear gas.", "arrest"),
        # a plea bargain talked about is no plea ("plea agreement" stays out)
        ("A new plea agreement is being discussed.", "trial"),
    ],
)
def test_new_kinds_stay_silent(text: str, type_: str) -> None:
    assert type_ not in types(text)


def test_a_charge_is_a_crime_at_its_place(gaz: Gazetteer) -> None:
    got = [
        (r.type.name, r.category, r.place.name)
        for r in reports_of("Leeds police charged Doe on Monday with burglary.", gaz)
    ]
    assert ("arrest", "crime", "Leeds") in got
