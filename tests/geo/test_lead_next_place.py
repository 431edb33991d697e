"""The place told right after a lead that names none (geo/lead_place.py, ``_next_place``): a
lead that tells a one-spot happening in a story of several towns is placed at the first
place the next two sentences name, never where someone lives, comes from or was treated."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from geo.lead_event import LEAD_ROLE
from geo.lead_place import NEXT_SENTENCES
from tests.geo.helpers import reports_of

HEADLINE = "Two-car accident kills one\n\n"
#: A lead that tells a crash and names no place.
LEAD = (
    "A two-car accident late Saturday claimed the life of a former high school student and "
    "injured several others. "
)
#: Two towns far apart (no one town of the story), named after the lead.
BODY = (
    "Jessica Kay, 18, of Tyler, Texas, was driving the Ford Bronco. "
    "Her family moved there from Amarillo, Texas, last year."
)


def lead_places(text: str, gaz: Gazetteer) -> list[tuple[str, str]]:
    """(category, place) of each lead report of ``text``."""
    return [(r.type.category, r.place.name) for r in reports_of(text, gaz) if r.role == LEAD_ROLE]


def test_a_one_spot_lead_takes_the_place_told_right_after_it(gaz: Gazetteer) -> None:
    assert lead_places(HEADLINE + LEAD + BODY, gaz) == [("disaster", "Tyler")]


@pytest.mark.parametrize(
    "body",
    [
        # where a relative lives, where the parents come from: who, not where
        "Her brother lives in Tyler, Texas. Her parents flew in from Amarillo, Texas.",
        # where she was treated
        "She died Sunday in a Tyler hospital. Her brother lives in Amarillo, Texas, and her "
        "parents live in El Paso, Texas.",
        # a state: too wide to say where
        "It was the third fatal accident this year in Texas. Her brother lives in Amarillo, "
        "Texas. Her sister lives in El Paso.",
    ],
)
def test_no_place_of_people_or_a_state(gaz: Gazetteer, body: str) -> None:
    assert lead_places(HEADLINE + LEAD + body, gaz) == []


def test_a_place_further_on_is_not_the_leads(gaz: Gazetteer) -> None:
    filler = "Her family thanked the first responders. " * NEXT_SENTENCES
    assert lead_places(HEADLINE + LEAD + filler + BODY, gaz) == []


def test_a_lead_with_no_happening_word_is_not_placed_by_the_body(gaz: Gazetteer) -> None:
    text = (
        "Oncologists join faculty\n\n"
        "Maury Rosenstein has been named a professor of radiation oncology. "
        "He worked at a cancer center in Tyler, Texas, and then at a hospital in Amarillo, "
        "Texas."
    )
    assert lead_places(text, gaz) == []
