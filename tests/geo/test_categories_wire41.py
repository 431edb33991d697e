"""Categories read on wire tune4 (session 41, wcat41), a set never tuned on: armed violence
told with no trigger word (plural blasts, militants, gunfire) is a conflict lead; workers'
strikes told by their cause (pensions, unions, walkouts) are a protest, not an armed force's
strikes; a craft that went missing is a disaster, not a missing person; a state visit is
diplomacy though its sentence names a council. Each rule with a sentence where it fires and
one where it must not. The sentences are written here, in the style of wire news."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from tests.geo.test_categories import categories
from tests.geo.test_lead_cues import category

# -- armed violence with no trigger word: a conflict lead ---------------------------------------


@pytest.mark.parametrize(
    ("headline", "lead"),
    [
        (
            "Dozens dead in Saskatoon hotel blasts",
            "Multiple explosions rocked three Saskatoon hotels on Saturday afternoon, leaving "
            "dozens dead.",
        ),
        (
            "Saskatoon streets empty",
            # (gunfire is a trigger word since wpair41: tests/geo/test_gunfire_heard.py)
            "Jihadist militants held the old town of Saskatoon on Saturday afternoon.",
        ),
    ],
)
def test_a_lead_of_armed_violence_is_conflict(headline: str, lead: str, gaz: Gazetteer) -> None:
    assert category(headline, lead, gaz) == ["conflict"]


@pytest.mark.parametrize(
    ("headline", "lead", "expected"),
    [
        # a college team's name and a lead with no cue word name no armed violence
        (
            "Rebels hold Saskatoon",
            "The Rebels held Saskatoon to a draw on Saturday afternoon.",
            "other",
        ),
        (
            "Saskatoon hotels fill up",
            "Three Saskatoon hotels were full on Saturday afternoon, leaving dozens without rooms.",
            "other",
        ),
    ],
)
def test_a_lead_with_no_armed_violence_is_not_conflict(
    headline: str, lead: str, expected: str, gaz: Gazetteer
) -> None:
    assert category(headline, lead, gaz) == [expected]


# -- workers' strikes told by their cause: a protest ---------------------------------------------


def test_strikes_over_pensions_are_a_protest(gaz: Gazetteer) -> None:
    text = (
        "Strikes in Belgium brought trains to a halt on Thursday as unions marched against "
        "plans to raise the retirement age."
    )
    assert categories(text, gaz) == ["protest"]


@pytest.mark.parametrize(
    "text",
    [
        # counter-examples: an armed force's strikes, with protesters or wages named elsewhere
        "Air strikes in Belgium killed 12 people on Thursday, officials said.",
        "Air strikes in Belgium killed 12 protesters on Thursday, officials said.",
    ],
)
def test_an_armed_forces_strikes_stay_conflict(text: str, gaz: Gazetteer) -> None:
    assert categories(text, gaz) == ["conflict"], text


# -- a craft that went missing: a disaster -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A fishing boat that went missing off Crete on Sunday was found on Tuesday.",
        "A navy submarine went missing in the Bali Sea on Wednesday with 53 crew aboard.",
    ],
)
def test_a_craft_gone_missing_is_a_disaster(text: str, gaz: Gazetteer) -> None:
    assert categories(text, gaz) == ["disaster"], text


def test_a_person_gone_missing_stays_a_police_matter(gaz: Gazetteer) -> None:
    text = "A teenager who went missing in Leeds on Sunday was found on Tuesday, police said."
    assert categories(text, gaz) == ["crime"]


# -- a state visit is diplomacy, though its sentence names a council -----------------------------


def test_a_state_visit_beside_a_council_of_heads_of_state_is_diplomacy(gaz: Gazetteer) -> None:
    text = (
        "The president arrived in Samarkand on Wednesday to pay a state visit to Uzbekistan "
        "and attend the meeting of the Council of Heads of State."
    )
    assert categories(text, gaz) == ["diplomacy"]


def test_a_governor_meeting_a_city_council_stays_politics(gaz: Gazetteer) -> None:
    text = "The governor arrived in Samarkand on Wednesday to meet the city council."
    assert categories(text, gaz) == ["politics"]
