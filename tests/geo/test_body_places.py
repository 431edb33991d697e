"""A happening placed by the body that did it when the headline and lead name no location:
a local body named after its place (geo/lead_event.py, ``_body_place``), and a state's
legislature named with no owner in an outlet at home in that state (geo/seats.py,
``_home_owner``)."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer, Place
from geo.events import detect_events
from geo.geoparse import analyze
from tests.geo.helpers import PUBLISHED


def _division(gaz: Gazetteer, name: str) -> Place:
    return next(c.place for c in gaz.candidates(name) if c.place.kind == "admin1")


def placed(
    text: str, gaz: Gazetteer, home: Place | None = None, country: str | None = None
) -> list[tuple[str, str, str]]:
    """(role, place, start day) of each report of ``text``, resolved and judged with the
    gazetteer, the outlet's ``home`` division and the ``country`` its address tells (as
    geo.extraction.extract_article does)."""
    a = analyze(text, PUBLISHED, gazetteer=gaz, prior=home)
    reports = detect_events(
        text,
        a.recognized,
        a.timeline,
        article="t",
        gazetteer=gaz,
        home=home,
        home_country=country,
    )
    return [(r.role, r.place.name, r.dates.start.isoformat()) for r in reports]


#: A lead whose body ("the Winnipeg Fire Paramedic Service") is its only place.
FIRES = (
    "Crews battle two apartment fires\n\nThe Winnipeg Fire Paramedic Service was busy "
    "fighting two apartment fires overnight."
)


@pytest.mark.parametrize(
    ("text", "country", "place"),
    [
        (FIRES, "CA", "Winnipeg"),
        (
            "Dublin Arts Council awards grants\n\nThe Dublin Arts Council announced on Monday "
            "that it is awarding grants to three local groups. All three are in central Ohio.",
            "US",
            "Dublin",
        ),
    ],
    ids=["fire-service", "council"],
)
def test_a_bodys_own_act_is_at_the_place_its_name_names(
    gaz: Gazetteer, text: str, country: str, place: str
) -> None:
    assert [p for role, p, _ in placed(text, gaz, country=country) if role == "lead"] == [place]


def test_a_body_of_a_town_the_text_does_not_anchor_places_nothing(gaz: Gazetteer) -> None:
    # counter-example: no outlet country, and the text never says which Winnipeg
    assert [p for role, p, _ in placed(FIRES, gaz) if role == "lead"] == []


@pytest.mark.parametrize(
    "text",
    [
        # the lead names where: the body's town is not the happening's
        "Man held\n\nThe Winnipeg Police Service arrested a man in Brandon on Monday.",
        # the body is the news's source, not its actor
        "1 dead in crash\n\nA motorcycle wreck on Rivers Avenue killed a passenger on "
        "Sunday, the Winnipeg Police Service reported.",
        # two bodies of two places: which one acted is not said
        "Two held\n\nThe Winnipeg Police Service and the Calgary Police Service arrested two "
        "men on Monday.",
    ],
    ids=["lead-names-place", "source", "two-bodies"],
)
def test_no_body_place(gaz: Gazetteer, text: str) -> None:
    found = [p for role, p, _ in placed(text, gaz, country="CA") if role == "lead"]
    assert "Winnipeg" not in found


#: A lead that names its body with no owner ("A House-Senate conference committee").
BUDGET = (
    "Budget would reduce funding for public schools\n\n"
    "A House-Senate conference committee agreed on Tuesday on a state budget that reduces "
    "funding for public school districts."
)


def test_an_ownerless_legislature_sits_in_the_outlets_home_capital(gaz: Gazetteer) -> None:
    kansas = _division(gaz, "Kansas")
    assert ("seat", "Topeka", "2024-05-14") in placed(BUDGET, gaz, kansas)


@pytest.mark.parametrize(
    ("text", "home"),
    [
        # no home: whose legislature is not known
        (BUDGET, None),
        # the sentence makes the body the nation's
        (
            "Bill advances\n\nIn Congress, the House voted on Tuesday to pass the farm bill.",
            "Kansas",
        ),
    ],
    ids=["no-home", "national"],
)
def test_no_home_seat(gaz: Gazetteer, text: str, home: str | None) -> None:
    division = None if home is None else _division(gaz, home)
    assert [p for role, p, _ in placed(text, gaz, division) if role == "seat"] == []


def test_a_national_dateline_keeps_an_ownerless_senate_national(gaz: Gazetteer) -> None:
    # counter-example: a wire story from the nation's capital in a state paper
    text = (
        "Stimulus advances\n\nWASHINGTON (AP) — Lawmakers returned from their recess on "
        "Monday. The Senate approved the stimulus bill on Tuesday."
    )
    kansas = _division(gaz, "Kansas")
    assert [p for role, p, _ in placed(text, gaz, kansas) if role == "seat"] == []
