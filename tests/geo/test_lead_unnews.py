"""A lead whose every trigger tells no news of its own (a plan, a denial, background) is read
as a lead with no trigger word (geo/lead_event.py): its news, told with an ordinary verb, is
mapped at the lead's place and dates; a headline's word of the type the lead tells as no
news does not type it."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from tests.geo.test_lead_event import lead_of

#: The council's word on Monday is the news; the vote it tells is still to come.
COUNCIL = (
    "Council weighs parking plan\n\n"
    "Saskatoon city council members said Monday they will vote on a new parking plan. "
    "Saskatchewan paid for most of the lot."
)


@pytest.mark.parametrize(
    "text",
    [
        COUNCIL,
        # the mayor's wish is told as a plan, his word dated Monday
        "Saskatoon mayor backs patrol\n\nSaskatoon Mayor Jim Smith said Monday he wants to "
        "start a pastor on patrol program for the police. Saskatchewan churches agreed.",
    ],
    ids=["plan-of-a-vote", "plan-of-a-patrol"],
)
def test_a_lead_telling_only_a_plan_maps_its_dated_news(gaz: Gazetteer, text: str) -> None:
    assert lead_of(text, gaz) == [("politics", "Saskatoon", "2024-05-13", "2024-05-13", "day")]


def test_an_undated_one_is_dated_around_publication(gaz: Gazetteer) -> None:
    text = COUNCIL.replace(" said Monday they", "")
    assert lead_of(text, gaz) == [("politics", "Saskatoon", "2024-05-14", "2024-05-15", "unknown")]


def test_the_headlines_word_of_the_plans_type_does_not_type_the_lead(gaz: Gazetteer) -> None:
    # "annexation" is an invasion's word: told as a plan in the lead, it types nothing
    text = (
        "Saskatoon annexation plan\n\n"
        "Provincial legislators said Monday they will weigh an annexation plan for Saskatoon. "
        "Saskatchewan towns object."
    )
    assert lead_of(text, gaz) == [("politics", "Saskatoon", "2024-05-13", "2024-05-13", "day")]


@pytest.mark.parametrize(
    "text",
    [
        # counter-examples: a plan of a day after publication (a Wednesday) is not news yet
        COUNCIL.replace(" said Monday they will vote", " will vote Friday"),
        "Premier plans tour\n\nThe premier will visit Saskatoon on Friday to see the new "
        "bridge. Saskatchewan paid for most of it.",
    ],
    ids=["vote-on-friday", "visit-on-friday"],
)
def test_a_plan_of_a_coming_day_gives_nothing(gaz: Gazetteer, text: str) -> None:
    assert lead_of(text, gaz) == []
