"""Three gates of the lead's happening (geo/lead_event.py, geo/lead_demonym.py), each with
the leads it lets through and those it must still refuse: a lead whose only place is a
nation's people or state, a lead dated only to the year of publication, and a lead that
tells the coming parts of a happening its headline tells as under way."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from geo.lead_event import LEAD_ROLE
from tests.geo.helpers import reports_of


def leads(text: str, gaz: Gazetteer) -> list[tuple[str, str, str, str]]:
    """(category, place, first day, last day) of each lead report of ``text``."""
    return [
        (r.type.category, r.place.name, r.dates.start.isoformat(), r.dates.end.isoformat())
        for r in reports_of(text, gaz)
        if r.role == LEAD_ROLE
    ]


# --- a nation's people or state, and no other place -------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Canadians to get emergency alerts on their phones\n\n"
            "Starting today, Canadians won't have to be near a television or radio to receive "
            "emergency alerts. Life-threatening emergencies will now be broadcast on "
            "compatible mobile phones.",
            "Canada",
        ),
        (
            "Chinese officials order factory checks\n\n"
            "Chinese officials ordered safety checks at chemical factories on Monday. The "
            "checks follow a fire that killed three workers.",
            "China",
        ),
    ],
)
def test_a_lead_naming_only_a_nations_people_is_placed_in_it(
    gaz: Gazetteer, text: str, place: str
) -> None:
    assert [p for _, p, _, _ in leads(text, gaz)] == [place]


@pytest.mark.parametrize(
    "text",
    [
        # a thing of the nation, not its people: the fireball was seen elsewhere
        "Meteor or spacecraft part caused fireball, expert says\n\n"
        "A fireball and big boom that people witnessed Sunday night could have been caused by "
        "a meteor or even a falling part from a Russian spacecraft, experts say. Several "
        "people reported a light similar to fireworks.",
        # a kind of restaurant
        "Chinese restaurant wins award\n\n"
        "A Chinese restaurant won a national award on Monday. The owners thanked their staff.",
        # a person of one nation, the state of another: which country?
        "Iraqi national found dead\n\n"
        "The body of an Iraqi national was discovered on Monday, and Lebanese officials "
        "opened an investigation. The cause of death has not been confirmed.",
    ],
)
def test_a_demonym_of_a_thing_a_person_or_two_nations_places_nothing(
    gaz: Gazetteer, text: str
) -> None:
    assert leads(text, gaz) == []


# --- a lead dated only to the year of publication ---------------------------------------

TRUCKS = (
    "Town to allow food trucks\n\n"
    "Officials in Saskatoon, Saskatchewan, have decided to allow food trucks downtown, but "
    "they will charge new fees this year. "
)


def test_a_lead_of_this_year_takes_the_day_the_body_tells(gaz: Gazetteer) -> None:
    text = TRUCKS + "Council members settled the matter on Saturday night."
    assert leads(text, gaz) == [("politics", "Saskatoon", "2024-05-11", "2024-05-11")]


@pytest.mark.parametrize(
    "text",
    [
        # no day in the body: the year alone does not date the news
        TRUCKS + "Council members thanked the owners.",
        # a past year: background, as before
        TRUCKS.replace("they will charge new fees this year", "they charged new fees last year")
        + "Council members settled the matter on Saturday night.",
    ],
)
def test_a_lead_of_a_year_with_no_day_or_of_a_past_year_gives_nothing(
    gaz: Gazetteer, text: str
) -> None:
    assert leads(text, gaz) == []


# --- a headline's happening under way, the lead's parts to come ---------------------------

VISIT = (
    "Senior Military Official Visits Georgia\n\n"
    "Gen. Cartwright, vice chairman of the Joint Chiefs of Staff, will meet with President "
    "Saakashvili and Defense Minister Davit Sikharulidze. He will also travel to the town of "
    "Gori."
)


def test_a_lead_planning_the_parts_of_the_headlines_visit_maps_the_visit(
    gaz: Gazetteer,
) -> None:
    assert leads(VISIT, gaz) == [("diplomacy", "Georgia", "2024-05-14", "2024-05-15")]


def test_a_lead_that_plans_the_headlines_own_happening_is_typed_by_its_cue_words(
    gaz: Gazetteer,
) -> None:
    # one word in the headline and the lead: the lead's "will" tells it is to come, so the
    # headline's visit does not type it; read as a lead with no trigger word (session 36),
    # its cue words ("Joint Chiefs of Staff") do
    text = VISIT.replace("will meet with", "will visit")
    assert leads(text, gaz) == [("military", "Georgia", "2024-05-14", "2024-05-15")]


def test_a_lead_that_plans_a_later_day_gives_nothing(gaz: Gazetteer) -> None:
    # counter-example: a coming day of the lead's own
    assert leads(VISIT.replace("Sikharulidze.", "Sikharulidze on May 20."), gaz) == []
