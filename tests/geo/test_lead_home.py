"""The lead's town told by the outlet's home, and a town's possessive as the lead's place
(geo/lead_event.py: ``_anchored``, ``_placed``)."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer, Place
from geo.events import detect_events
from geo.geoparse import analyze
from geo.lead_event import LEAD_ROLE
from tests.geo.helpers import PUBLISHED

#: A dateline town of many namesakes (Texas, Ohio, England …) and a lead whose trigger
#: ("authorized") names a council's vote.
COUNCIL = (
    "Council OKs refinancing\n\n"
    "MANSFIELD — The City Council on Monday authorized the refinancing of $10.3 million of "
    "city debt at lower interest rates."
)


def _division(gaz: Gazetteer, name: str) -> Place:
    return next(c.place for c in gaz.candidates(name) if c.place.kind == "admin1")


def lead_at(text: str, gaz: Gazetteer, home: Place | None) -> list[tuple[str, str, str]]:
    """(type, place, start day) of each lead report of ``text``, resolved and judged with the
    outlet's ``home`` division (as :func:`geo.extraction.extract_article` does)."""
    a = analyze(text, PUBLISHED, gazetteer=gaz, prior=home)
    reports = detect_events(text, a.recognized, a.timeline, article="t", home=home)
    return [
        (r.type.name, r.place.name, r.dates.start.isoformat())
        for r in reports
        if r.role == LEAD_ROLE
    ]


def test_the_outlets_home_tells_which_namesake_the_leads_town_is(gaz: Gazetteer) -> None:
    texas = _division(gaz, "Texas")
    found = lead_at(COUNCIL, gaz, texas)
    assert found == [("adoption", "Mansfield", "2024-05-13")]


@pytest.mark.parametrize(
    ("text", "home"),
    [
        # counter-example: no home, and the text never says which Mansfield
        (COUNCIL, None),
        # counter-example: a lead told with no word of its kind (a feature, often) is not
        # placed by the outlet's home
        (
            "Downtown fills up\n\nMANSFIELD — Hundreds of residents filled the downtown "
            "streets on Saturday afternoon.",
            "Texas",
        ),
    ],
    ids=["no-home", "plain-happening"],
)
def test_leads_the_home_does_not_place(gaz: Gazetteer, text: str, home: str | None) -> None:
    assert lead_at(text, gaz, None if home is None else _division(gaz, home)) == []


def test_a_towns_possessive_places_the_lead(gaz: Gazetteer) -> None:
    text = (
        "Restaurant closed for rodents\n\n"
        "Saskatoon's oldest vegetarian restaurant was shut down on Saturday afternoon by "
        "health inspectors. Inspectors in Saskatchewan found 19 violations."
    )
    assert lead_at(text, gaz, None) == [("happening", "Saskatoon", "2024-05-11")]


def test_a_capitals_possessive_is_its_government_not_the_place(gaz: Gazetteer) -> None:
    # counter-example: "Kyiv's envoy" is Ukraine's, not someone at Kyiv
    text = (
        "Answer awaited\n\n"
        "Kyiv's envoy gave a long speech about trade on Saturday afternoon. Delegates left "
        "the hall."
    )
    assert lead_at(text, gaz, None) == []
