"""A national election and its declared result told in a story of one country's places
(session 41, wtrig41: :mod:`geo.nation_votes` and the ``result`` frame of
``geo/data/triggers.yaml``), each with sentences written here and the counter-examples where
the rule must not fire."""

from __future__ import annotations

from datetime import date
from functools import partial

from gazetteer import Gazetteer
from geo.lexicon import find_triggers
from geo.nation_votes import NATION_ROLE
from geo.senses import resolve
from tests.geo import helpers

PUBLISHED = date(2024, 3, 6)  # a Wednesday

reports = partial(helpers.reports_of, published=PUBLISHED, with_gazetteer=True)


def kinds(text: str) -> list[str]:
    """The trigger types of ``text`` in their senses."""
    return [t.type.name for t in resolve(text, find_triggers(text), lambda _: (0, len(text)))]


def nation(text: str, gaz: Gazetteer) -> list[tuple[str, str, str]]:
    """(type, place, first day) of each report placed at the story's country."""
    return [
        (r.type.name, r.place.name, r.dates.start.isoformat())
        for r in reports(text, gaz)
        if r.role == NATION_ROLE
    ]


# -- the result frame ---------------------------------------------------------------------------


def test_a_winner_declared_is_an_election_result() -> None:
    text = (
        "On Monday the chairwoman of the Electoral Commission (EC) officially declared John "
        "Roe, the candidate of the National Unity Party (NUP), as the winner of the vote."
    )
    assert "result" in kinds(text)


def test_a_declaration_of_another_kind_is_no_result() -> None:
    # counter-examples: a state of emergency, a war, a statement declared; a winner named
    # without a declaration
    assert "result" not in kinds("The governor declared a state of emergency on Monday.")
    assert "result" not in kinds("The team was the winner of the regional cup on Monday.")


# -- the story's one country --------------------------------------------------------------------


STATES = (
    "Roe won in Kano, Kaduna, Lagos, Ogun, Oyo and Enugu, while Doe carried Rivers, Delta, "
    "Benue and Plateau."
)


def test_a_declared_result_is_placed_at_the_country_of_the_story(gaz: Gazetteer) -> None:
    text = (
        "The chairman of the electoral commission declared John Roe the winner of the "
        f"presidential election on Monday. {STATES}"
    )
    got = nation(text, gaz)
    assert ("result", "Nigeria", "2024-03-04") in got


def test_the_polls_keep_their_own_day(gaz: Gazetteer) -> None:
    text = (
        "The chairman disclosed this on Monday after declaring John Roe the winner of the "
        f"February 24 presidential election. {STATES}"
    )
    got = nation(text, gaz)
    assert ("election", "Nigeria", "2024-02-24") in got
    assert ("result", "Nigeria", "2024-03-04") in got


def test_a_story_of_two_countries_places_no_result(gaz: Gazetteer) -> None:
    # counter-example: the story's places lie in two countries
    text = (
        "The chairman of the electoral commission declared John Roe the winner of the "
        "presidential election on Monday. Observers from Ghana, Togo and Benin praised the "
        "count in Lagos and Abuja."
    )
    assert nation(text, gaz) == []


def test_a_local_election_is_not_the_nations(gaz: Gazetteer) -> None:
    # counter-example: an election word with no national word before it (a city's race)
    text = (
        "The city election on Tuesday drew about 2,000 voters. Candidates campaigned in "
        "Springfield, Decatur and Peoria."
    )
    assert nation(text, gaz) == []
