"""A trigger and a place in one sentence that made no event (issue 10, second round). Each
rule with a sentence where it must not fire. All sentences are invented."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from tests.geo.helpers import linked as events

# --- a head noun before the name ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "town"),
    [
        ("in capital Seoul", "Seoul"),
        ("in the Kenyan capital Nairobi", "Nairobi"),
        ("in the Kenyan capital, Nairobi,", "Nairobi"),
    ],
)
def test_a_head_noun_after_the_preposition_keeps_its_role(
    gaz: Gazetteer, phrase: str, town: str
) -> None:
    text = f"Two men were arrested {phrase} on Monday after a brawl outside a bar."
    assert ("arrest", "in", town, "2024-05-13") in events(text, gaz)


def test_a_head_noun_without_a_preposition_places_nothing(gaz: Gazetteer) -> None:
    # counter-example: "capital" is no preposition; the name is the sentence's subject
    text = "The Kenyan capital Nairobi said on Monday that two men were arrested."
    assert not [e for e in events(text, gaz) if e[2] == "Nairobi"]


# --- a court's name is no police force's ------------------------------------------------------


def test_a_high_court_places_its_ruling_at_its_seat(gaz: Gazetteer) -> None:
    text = "The ban stands. The Lahore High Court on Monday ruled that the ban was lawful."
    assert ("ruling", "at", "Lahore", "2024-05-13") in events(text, gaz)


def test_a_police_force_does_not_place_a_ruling(gaz: Gazetteer) -> None:
    # counter-example: a police force places crimes only, and a court only its own acts
    text = (
        "The ban stands. Lahore police on Monday ruled out foul play, and the Lahore High "
        "Court said a fire destroyed two homes."
    )
    assert not [e for e in events(text, gaz) if e[2] == "Lahore"]


# --- what a police force investigates ----------------------------------------------------------


def test_a_police_force_places_the_body_it_found(gaz: Gazetteer) -> None:
    text = "A woman was missing for two days. Leeds police found her body on Monday."
    assert ("death", "force", "Leeds", "2024-05-13") in events(text, gaz)


def test_a_police_force_places_no_statement_or_meeting(gaz: Gazetteer) -> None:
    # counter-example: a statement a force issues, a grant it receives, happen anywhere
    text = (
        "A woman was missing for two days. A statement issued by Leeds police on Monday said "
        "the money Leeds police received on Monday paid for overtime."
    )
    assert not [e for e in events(text, gaz) if e[2] == "Leeds"]


# --- "outside" a town -----------------------------------------------------------------------------


def test_outside_a_town_is_near_it(gaz: Gazetteer) -> None:
    text = "Four people died in a stampede at a disco in a small village outside Leeds on Monday."
    assert ("death", "near", "Near Leeds", "2024-05-13") in events(text, gaz)


def test_someone_from_outside_a_town_is_no_happening_there(gaz: Gazetteer) -> None:
    # counter-example: where a person comes from or lives is not where the arrest was
    text = (
        "A man from outside Leeds was arrested in York on Monday. Police arrested a woman "
        "who lives outside Leeds on Monday."
    )
    assert not [e for e in events(text, gaz) if "Leeds" in e[2]]


def test_a_police_force_named_after_the_incident_places_nothing(gaz: Gazetteer) -> None:
    # counter-example: a force that speaks of the incident, or is to be called about it
    text = (
        "A man was stabbed at a party on Monday. No one else was injured in the incident, said "
        "Leeds police. Anyone with information about the incident is asked to call Leeds police."
    )
    assert not [e for e in events(text, gaz) if e[0] == "incident"]


# --- two names joined inside a locative chain -----------------------------------------------------


def test_a_chain_runs_through_an_intersection_of_two_streets(gaz: Gazetteer) -> None:
    text = (
        "A Spokane man remains hospitalized after a two-vehicle crash at the intersection of "
        "North Elm Street and Darling Avenue near the Re/Max realty office in Spokane Monday."
    )
    assert ("accident", "in", "Spokane", "2024-05-13") in events(text, gaz)


def test_a_clause_joined_by_and_still_breaks_the_chain(gaz: Gazetteer) -> None:
    # counter-example: "and" between lower-case words joins clauses, not names; the crash and
    # Spokane are far apart
    text = (
        "A driver was hurt on Monday in a two-vehicle crash at the corner of two busy streets "
        "and his brother, who was visiting from out of state, later moved to a small flat in "
        "a quiet suburb near the river in Spokane."
    )
    assert not [e for e in events(text, gaz) if e[2] == "Spokane"]


def test_a_police_force_places_no_count_of_happenings(gaz: Gazetteer) -> None:
    # counter-example: "three crashes" is a tally, not one happening in the force's town
    text = "A report came out. Leeds police officers were blamed for three crashes on Monday."
    assert not [e for e in events(text, gaz) if e[2] == "Leeds"]
