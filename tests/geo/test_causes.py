"""Arrests placed by the crime they follow (geo/causes.py): where it fires and where not.
The sentences are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from gazetteer import Gazetteer
from tests.geo.helpers import reports_of

PUBLISHED = date(2016, 12, 8)  # a Thursday


def arrests(text: str, gaz: Gazetteer) -> list[tuple[str, str, str, str]]:
    return [
        (r.place.name, r.role, r.dates.start.isoformat(), r.status)
        for r in reports_of(text, gaz, PUBLISHED)
        if r.type.name == "arrest"
    ]


def test_an_arrest_takes_the_place_of_the_shooting_it_follows(gaz: Gazetteer) -> None:
    text = (
        "Police say William Goble, 26, was arrested Thursday at 2:41 a.m., following a "
        "shooting on Dean Woods Road in Adair County, Kentucky."
    )
    assert arrests(text, gaz) == [("Adair County", "inherited", "2016-12-08", "reported")]


@pytest.mark.parametrize(
    "text",
    [
        # the arrest has a place of its own
        "A man was arrested Thursday in Louisville following a shooting in Adair County, Kentucky.",
        # no date of its own: the arrest could be any day
        "A man was arrested following a shooting in Adair County, Kentucky.",
        # what it follows is no crime
        "A man was arrested Thursday following a flood in Adair County, Kentucky.",
        # a plan, not an arrest made
        "Police hope to arrest a man Thursday following a shooting in Adair County, Kentucky.",
    ],
)
def test_no_arrest_is_placed_by_its_crime(text: str, gaz: Gazetteer) -> None:
    assert all(role != "inherited" for _, role, _, _ in arrests(text, gaz))
