"""A local story alone from its outlet, with no dated report and no town a home would move,
is read again at home in the division of the outlet's own town when the towns it names lie
near one namesake of it (geo/extraction.py ``outlet_priors``, ``named_towns``; session 31).
The stories are invented; the outlet's name names a town with namesakes in several states."""

from __future__ import annotations

from datetime import date

import pytest

from gazetteer import Gazetteer
from geo import Article, extract

#: An outlet named after a town that several states have.
OUTLET = "newarkadvocate.com"
DAY = date(2024, 5, 6)


def _story(town: str) -> str:
    """A fire told under a byline whose date hides the dateline, in a town of one name."""
    return (
        f"{town} shop owners rebuild after blaze\n\n"
        f"BY JANE ROE Advocate Reporter May 6, 2024 {town.upper()} -- The April 27 fire, "
        "which investigators have labeled an arson, gutted most of a block of shops. "
        "Owners said they hope to reopen by the summer."
    )


def _places(text: str, outlet: str, gaz: Gazetteer) -> list[str]:
    article = Article(id="a", text=text, published=DAY, outlet=outlet)
    return [e.place.name for e in extract([article], gazetteer=gaz).event_list]


def test_a_story_alone_from_its_outlet_is_read_at_the_outlets_home(gaz: Gazetteer) -> None:
    # the town has no namesake to move, so only the outlet's own town near it tells the home
    assert _places(_story("Reynoldsburg"), OUTLET, gaz) == ["Reynoldsburg"]


@pytest.mark.parametrize(
    ("town", "outlet"),
    [
        # counter-example: the story's town lies near no namesake of the outlet's town
        ("Tucumcari", OUTLET),
        # counter-example: an outlet whose name names no town
        ("Reynoldsburg", "example-ledger.com"),
    ],
    ids=["far-from-the-outlets-town", "no-town-in-name"],
)
def test_no_home_for_a_story_the_outlets_town_does_not_pin(
    gaz: Gazetteer, town: str, outlet: str
) -> None:
    assert _places(_story(town), outlet, gaz) == []
