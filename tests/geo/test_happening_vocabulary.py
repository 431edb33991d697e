"""Happenings the lexicon did not know (issue 10): bodies found, fires named by what burns,
thefts told by their verb, police chases, rampages, court hearings, verdicts and orders told by
the court, lawsuits filed, games and classes called off, inductions, contracts approved. Each
form or frame fires on a report of the happening and stays silent on its look-alikes. The
sentences are invented for these tests."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from geo.lexicon import find_triggers
from geo.senses import resolve
from tests.geo.helpers import reports_of


def events(text: str, gaz: Gazetteer) -> list[tuple[str, str, str]]:
    return [(r.type.name, r.place.name, r.dates.start.isoformat()) for r in reports_of(text, gaz)]


def read(text: str) -> list[tuple[str, str]]:
    """The (form, type) of the triggers of ``text`` read in their senses (one sentence)."""
    return [
        (t.form, t.type.name) for t in resolve(text, find_triggers(text), lambda _: (0, len(text)))
    ]


def types(text: str) -> set[str]:
    return {name for _, name in read(text)}


# --- the forms and frames fire ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "form", "type_"),
    [
        # a body found: the verb with its object, or the body as the subject of the passive
        ("Police found the body of a man inside the house.", "found", "death"),
        ("Officers discovered the toddler's body by the road.", "discovered", "death"),
        ("The body of a 22-year-old man was found behind a home.", "was found", "death"),
        ("The body of Ann Roe, 56, was discovered on Saturday.", "was discovered", "death"),
        # fires named by what burns, what it did or where it was
        ("A house fire in the village was put out quickly.", "house fire", "fire"),
        ("Fifteen brush fires were burning in the county.", "brush fires", "fire"),
        ("A fire destroyed the roof of a home on Tuesday.", "fire destroyed", "fire"),
        ("Investigators looked into the March 7 fire at the farm.", "fire at", "fire"),
        # thefts told by their verb
        ("A thief stole $2,600 in tools from the depot.", "stole", "robbery"),
        ("Three puppies were stolen from a farm this week.", "were stolen", "robbery"),
        ("The pickup was reported stolen on Sunday.", "reported stolen", "robbery"),
        ("It was the truck stolen in the city last week.", "stolen in", "robbery"),
        # chases and rampages
        (
            "He led a deputy on a high-speed chase into the next county.",
            "high speed chase",
            "pursuit",
        ),
        ("The suspect was caught after a short foot pursuit.", "foot pursuit", "pursuit"),
        ("A gunman went on a rampage in the nursing home.", "rampage", "crime_assault"),
        # the court: hearings, verdicts and orders
        ("A county jury found the defendant, Ann Roe, 52, guilty.", "found", "trial"),
        ("The judge ruled during a detention hearing on Friday.", "detention hearing", "trial"),
        ("The High Court today sought a response from the minister.", "sought", "ruling"),
        ("A Superior Court judge yesterday denied the request.", "denied", "ruling"),
        ("Judge Jane Roe dismissed the claims last Friday.", "dismissed", "ruling"),
        # lawsuits
        (
            "A man and his mother have launched a lawsuit against the police.",
            "launched a lawsuit",
            "lawsuit",
        ),
        ("The plaintiff filed suit in the county court.", "filed suit", "lawsuit"),
        # games and classes called off; inductions; contracts approved
        (
            "The league on Friday postponed the games in the capital.",
            "postponed the games",
            "disruption",
        ),
        (
            "Colleges canceled classes to help with the sandbagging.",
            "canceled classes",
            "disruption",
        ),
        ("She was inducted into the Hall of Fame at the banquet.", "inducted into", "gathering"),
        ("The board approved a contract with a software firm.", "approved", "adoption"),
    ],
)
def test_a_new_form_or_frame_fires(text: str, form: str, type_: str) -> None:
    assert (form, type_) in read(text)


# --- and stays silent on its look-alikes ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # "found" alone, a body that is no one's, remains that are ruins
        ("Hikers found the trail closed after the storm.", "death"),
        ("Surveyors found a large body of water behind the dam.", "death"),
        ("Archaeologists found the remains of a Roman villa.", "death"),
        # a weapon's fire, a firing verb, a department
        ("The minister came under fire in parliament.", "fire"),
        ("Soldiers began to fire at the crowd.", "fire"),
        ("The fire chief spoke at the school.", "fire"),
        # a scene stolen, a charge of stolen property
        ("She stole the show at the gala.", "robbery"),
        ("He stole second base in the ninth inning.", "robbery"),
        ("He was charged with receiving stolen property.", "robbery"),
        # a chase that is no police chase
        ("The chase for the title goes on.", "pursuit"),
        # the court's look-alikes: no court or jury before the verb, a hearing aid
        ("Police found the defendant's car in a lot.", "trial"),
        # what a court heard is told by its own sentence (test_local_news_events)
        ("The court heard that she fled on foot.", "trial"),
        ("He wears a hearing aid.", "trial"),
        ("Her mother denied the request.", "ruling"),
        ("The judge, who denied any wrongdoing, resigned.", "ruling"),
        # a contract signed is no council's vote
        ("The player signed a contract with the club.", "adoption"),
        # an induction course, a lawsuit threatened
        ("New staff attend an induction course.", "gathering"),
        ("The family threatened legal action.", "lawsuit"),
    ],
)
def test_a_look_alike_is_no_trigger(text: str, type_: str) -> None:
    assert type_ not in types(text)


# --- whole sentences: the happening at its place and day ---------------------------------------


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("On Monday, police found the body of a man in Winnipeg.", "death"),
        ("On Monday, a pickup truck was stolen in Winnipeg.", "robbery"),
        ("A house fire in Winnipeg on Monday displaced six people.", "fire"),
        ("On Monday, a driver led police on a high-speed chase through Winnipeg.", "pursuit"),
    ],
)
def test_a_reported_happening_is_an_event(text: str, type_: str, gaz: Gazetteer) -> None:
    assert (type_, "Winnipeg", "2024-05-13") in events(text, gaz)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Police in Winnipeg said no truck was stolen on Monday.", "robbery"),
        ("In Winnipeg, the man threatened to go on a rampage on Monday.", "crime_assault"),
        ("The game in Winnipeg was not postponed on Monday.", "disruption"),
    ],
)
def test_a_denied_or_threatened_happening_is_no_event(
    text: str, type_: str, gaz: Gazetteer
) -> None:
    assert [e for e in events(text, gaz) if e[0] == type_] == []
