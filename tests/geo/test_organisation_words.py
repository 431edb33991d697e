"""Places named inside the name of a body, an office, a party's members, games or a venue
("the Ohio Senate", "a Connecticut Democrat", "the Alexandria Zoo"): mentions of the place
with the ``organisation`` role, which never place an event by themselves.

Each word list entry has a sentence where it fires and one where it must not (all sentences
invented).
"""

from __future__ import annotations

from datetime import date

import pytest

import geo
from gazetteer import Gazetteer
from geo import Article

DAY = date(2024, 5, 6)


def roles(text: str, gaz: Gazetteer) -> list[tuple[str, str]]:
    """(text, role) of every mention, in text order."""
    return [(m.text, m.role) for m in geo.geoparse(text, DAY, gazetteer=gaz)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The bill went to the Ohio Senate on Tuesday.", "Ohio"),
        ("The Florida Legislature met on Tuesday.", "Florida"),
        ("Rep. Tom Hawk, a Manhattan Democrat, said the bill was dead.", "Manhattan"),
        ("The Oklahoma Republicans said the bill was dead.", "Oklahoma"),
        ("Two cubs were born at the Alexandria Zoo last week.", "Alexandria"),
        ("Boats were moored at the Hammond Marina all winter.", "Hammond"),
        ("More than 900 athletes will compete in the Tennessee Senior Olympics.", "Tennessee"),
        ("The film opened the Nashville Film Festival last year.", "Nashville"),
        ("Call Gainesville Environmental Services for a pickup.", "Gainesville"),
        ("Figures were released by Texas Comptroller Susan Combs.", "Texas"),
    ],
)
def test_a_place_opening_such_a_name_is_an_organisation_mention(
    text: str, name: str, gaz: Gazetteer
) -> None:
    assert roles(text, gaz) == [(name, "organisation")]


@pytest.mark.parametrize(
    "text",
    [
        "Shares of Boston Scientific rose on Monday.",  # a company: no listed word
        "Members of the Sam Houston Republicans met in the hall.",  # named for a person
        "Patients of the Andrew Jackson Hospital were moved on Monday.",
        "A band played at the George Washington Festival on Monday.",
    ],
)
def test_a_name_with_no_listed_word_or_named_for_a_person_is_no_mention(
    text: str, gaz: Gazetteer
) -> None:
    assert roles(text, gaz) == []


def _events(text: str, gaz: Gazetteer) -> list[str]:
    article = Article(id="a", text=text, title="Report", published=DAY)
    return list(geo.extract([article], gazetteer=gaz).events.place_name)


def test_such_a_mention_places_no_event_by_itself(gaz: Gazetteer) -> None:
    assert _events("A man was arrested at the Santa Ana Zoo on Monday, police said.", gaz) == []
    assert _events("The Washington Post reported the shooting on Monday.", gaz) == []
    # the same sentence with a location does make one: the role is what keeps it out
    assert _events("A man was arrested in Santa Ana on Monday, police said.", gaz) == ["Santa Ana"]
