"""Rules from the missed required events of the wire tune2 set (session 39, wmiss39), each
with sentences written here and the counter-examples where the rule must not fire."""

from __future__ import annotations

from datetime import date
from functools import partial

from gazetteer import Gazetteer
from geo.lexicon import find_triggers
from geo.nation_courts import COURT_ROLE
from geo.senses import resolve
from tests.geo import helpers

PUBLISHED = date(2024, 3, 6)  # a Wednesday


#: The reports of a text published on :data:`PUBLISHED`, and (type, place, first day) of
#: each, with every pass on (:func:`tests.geo.helpers.reports_of`, ``with_gazetteer``).
reports = partial(helpers.reports_of, published=PUBLISHED, with_gazetteer=True)
placed = partial(helpers.placed, published=PUBLISHED)


def kinds(text: str) -> list[str]:
    """The trigger types of ``text`` in their senses."""
    return [t.type.name for t in resolve(text, find_triggers(text), lambda _: (0, len(text)))]


# -- a volcano's verb ---------------------------------------------------------------------------


def test_a_volcano_that_erupted_is_a_disaster(gaz: Gazetteer) -> None:
    text = "The Merapi volcano on Java island erupted on Monday, spewing ash over nearby villages."
    assert "disaster" in kinds(text)
    assert ("disaster", "Java", "2024-03-04") in placed(text, gaz)


def test_fighting_that_erupted_is_no_disaster() -> None:
    # counter-example: violence, protests and gunfire erupt too
    assert "disaster" not in kinds("Fighting erupted in the capital on Monday, witnesses said.")
    assert "disaster" not in kinds("Protests erupted across the country after the vote.")


# -- a measure told in the passive --------------------------------------------------------------


def test_a_curfew_imposed_in_the_passive_is_a_measure(gaz: Gazetteer) -> None:
    text = "Curfews have been imposed in Valparaiso and Quilpue overnight on Monday."
    got = placed(text, gaz)
    assert ("adoption", "Quilpué", "2024-03-04") in got


def test_a_curfew_in_the_passive_needs_the_measure_noun() -> None:
    # counter-example: taxes, sentences and conditions are imposed too
    assert "adoption" not in kinds("New taxes have been imposed on imports since Monday.")


# -- a place set off after a background clause keeps the clause's time -------------------------


def test_a_place_set_off_after_a_background_clause_takes_its_time(gaz: Gazetteer) -> None:
    text = (
        "Relatives waited on the shore after a boat capsized late on Sunday in the river, "
        "in southern Malawi's Nsanje district."
    )
    got = placed(text, gaz)
    assert ("accident", "Nsanje", "2024-03-03") in got


def test_a_place_of_its_own_clause_does_not_take_the_background_time(gaz: Gazetteer) -> None:
    # counter-example: the place's clause is no preposition phrase set off after the trigger's
    text = (
        "Relatives waited on the shore after a boat capsized late on Sunday, "
        "and divers searched Lake Malawi."
    )
    got = [(r.type.name, r.dates.start.isoformat()) for r in reports(text, gaz)]
    assert ("accident", "2024-03-03") not in got


# -- an undated background happening gives its place to the day a later sentence tells -------


def test_a_later_dated_sentence_takes_the_place_of_an_undated_background(gaz: Gazetteer) -> None:
    text = (
        "The kidnapped pupils of the secondary school in Kaduna have regained their freedom.\n\n"
        "The pupils were abducted from their school in the early hours of Friday."
    )
    got = placed(text, gaz)
    assert ("abduction", "Kaduna", "2024-03-01") in got


def test_an_old_day_takes_no_place_from_an_undated_background(gaz: Gazetteer) -> None:
    # counter-example: a happening dated long before publication is another one
    text = (
        "The kidnapped pupils of a school in Kaduna State have regained their freedom.\n\n"
        "Other pupils were abducted from a school on March 4, 2021."
    )
    got = placed(text, gaz)
    assert not any(k == "abduction" and d.startswith("2021") for k, _, d in got)
    # and the same story with a recent day does take the state
    recent = text.replace("March 4, 2021", "Friday")
    assert ("abduction", "Kaduna", "2024-03-01") in placed(recent, gaz)


# -- a nation's court ---------------------------------------------------------------------------


def test_a_nations_court_places_its_sentence_at_the_nation(gaz: Gazetteer) -> None:
    text = "A Honduran court on Tuesday sentenced a former minister to 12 years in prison."
    got = [(r.type.name, r.place.name, r.role) for r in reports(text, gaz)]
    assert ("trial", "Honduras", COURT_ROLE) in got


def test_a_nations_court_filed_from_another_country_is_still_the_nations(gaz: Gazetteer) -> None:
    text = (
        "MEXICO CITY (Wire) - A Honduran Court for Organised Crime has sentenced a former "
        "minister to 12 years in prison, a newspaper reported on Tuesday."
    )
    got = [(r.place.name, r.role) for r in reports(text, gaz)]
    assert ("Honduras", COURT_ROLE) in got


def test_a_nations_court_in_a_sentence_naming_a_town_is_left_to_the_town(gaz: Gazetteer) -> None:
    # counter-examples: the sentence names where, or the story's dateline is in the nation
    text = "A Honduran court in San Pedro Sula on Tuesday sentenced a former minister."
    assert all(r.role != COURT_ROLE for r in reports(text, gaz))
    text = "TEGUCIGALPA, Honduras (Wire) - A Honduran court on Tuesday sentenced a minister."
    assert all(r.role != COURT_ROLE for r in reports(text, gaz))


def test_a_nations_people_are_no_court(gaz: Gazetteer) -> None:
    # counter-example: a demonym with no court word before the trigger
    text = "A Honduran man was sentenced on Tuesday to 12 years in prison."
    assert all(r.role != COURT_ROLE for r in reports(text, gaz))


# -- the skies and the waters of a place --------------------------------------------------------


def test_the_skies_of_a_territory_place_an_exercise(gaz: Gazetteer) -> None:
    text = (
        "After three weeks of flying, the air exercise over the skies of the Northern "
        "Territory ended on Tuesday."
    )
    got = placed(text, gaz)
    assert ("exercise", "Northern Territory", "2024-03-05") in got


def test_an_undated_background_named_later_gives_no_place(gaz: Gazetteer) -> None:
    # counter-example: the donor must be named before the dated sentence, and be of its type
    text = (
        "Gunmen abducted pupils from a school on Friday, officials said.\n\n"
        "A storm hit the coast on Monday.\n\n"
        "The kidnapped pupils of a school in Kaduna State have regained their freedom."
    )
    assert not any(k == "abduction" and d == "2024-03-01" for k, _, d in placed(text, gaz))
