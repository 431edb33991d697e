"""The outlet's home for a story with no dated report, and a coastal town just outside its
division's generalised outline (geo/extraction.py ``outlet_priors``, geo/outlet_towns.py
``_division_of`` and ``settled_town``, geo/lead_place.py ``_anchored``; session 37,
evnoevent37); the two senses written beside them (geo/data/senses.yaml). Sentences and
outlets are invented."""

from __future__ import annotations

from datetime import date

import pytest

from gazetteer import Gazetteer, Place
from geo import Article, extract
from geo.lead_place import _anchored
from geo.lexicon import find_triggers
from geo.nearness import lies_in
from geo.outlet_towns import _division_of, settled_town, shared_town_prior
from geo.senses import resolve

DAY = date(2024, 5, 6)


def _division(gaz: Gazetteer, name: str) -> Place:
    return next(
        c.place
        for c in gaz.candidates(name)
        if c.place.kind == "admin1" and c.place.country == "US"
    )


def _town(gaz: Gazetteer, name: str, state: str) -> Place:
    division = _division(gaz, state)
    return next(
        p
        for p in gaz.towns_named(name.lower())
        if _division_of(gaz, p) is not None and _division_of(gaz, p).id == division.id
    )


# -- a coastal town just outside its division's outline ----------------------------------------


def test_a_coastal_city_outside_the_outline_is_its_states(gaz: Gazetteer) -> None:
    florida = _division(gaz, "Florida")
    miami = _town(gaz, "Miami", "Florida")
    assert not lies_in(miami, florida)  # the generalised outline misses it
    held = _division_of(gaz, miami)
    assert held is not None and held.id == florida.id


def test_an_inland_town_keeps_the_division_that_holds_it(gaz: Gazetteer) -> None:
    # counter-example: a town inside an outline is that division's, never a neighbour's
    joliet = _town(gaz, "Joliet", "Illinois")
    held = _division_of(gaz, joliet)
    assert held is not None and held.id == _division(gaz, "Illinois").id


def test_the_outlets_coastal_town_is_settled_by_its_home(gaz: Gazetteer) -> None:
    town = settled_town(gaz, "miamiherald.com", _division(gaz, "Florida"))
    assert town is not None and town.name == "Miami" and town.country == "US"
    # counter-example: a home that holds no town of the outlet's name
    assert settled_town(gaz, "miamiherald.com", _division(gaz, "Georgia")) is None


def test_the_home_anchors_a_coastal_town_and_no_other_states(gaz: Gazetteer) -> None:
    miami = _town(gaz, "Miami", "Florida")
    text = "Miami man gets 17 years. A federal judge imposed the sentence Friday."
    assert _anchored(text, miami, [], None, _division(gaz, "Florida"))
    # counter-example: the home of another state says nothing of which Miami it is
    assert not _anchored(text, miami, [], None, _division(gaz, "Georgia"))


# -- the outlet's home for a story with no dated report -----------------------------------------

#: A story whose lone town has namesakes in other states; its lead's happening is undated.
UNDATED = (
    "Residents meet on land deal\n\n"
    "Chicopee residents protested plans to build homes on the old farm at a public hearing, "
    "and officials said the city's purchase of the land is near."
)


def _events(gaz: Gazetteer, text: str, outlet: str) -> list[tuple[str, str]]:
    art = Article(id="a", text=text, published=DAY, outlet=outlet, url=f"https://www.{outlet}/a")
    out = extract([art], gazetteer=gaz).event_list
    return [(e.place.name, e.place.country or "") for e in out]


def test_an_undated_story_takes_the_outlets_home_for_its_town(gaz: Gazetteer) -> None:
    # "masslive.com" names its state: the Chicopee of Massachusetts, the one the resolver
    # chose already (the home moves none of the story's places), is now anchored by it
    found = _events(gaz, UNDATED, "masslive.com")
    assert found and all(name == "Chicopee" for name, _ in found)
    chicopee = next(
        e.place
        for e in extract(
            [Article(id="a", text=UNDATED, published=DAY, outlet="masslive.com")], gazetteer=gaz
        ).event_list
    )
    assert lies_in(chicopee, _division(gaz, "Massachusetts"))


def test_an_undated_story_of_an_outlet_with_no_home_stays_unplaced(gaz: Gazetteer) -> None:
    # counter-example: an outlet whose name tells no division leaves the namesake unsettled
    assert _events(gaz, UNDATED, "example-ledger.com") == []


# -- senses written beside the rule ---------------------------------------------------------------


def _read(text: str) -> list[str]:
    found = resolve(text, find_triggers(text), lambda pos: (0, len(text)))
    return [t.type.name for t in found]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The mayor will offer a plan to combat drugs sold in city stores.", "fighting"),
        ("Police said many people locally had received it by Friday.", "meeting"),
    ],
    ids=["combat-drugs", "received-it"],
)
def test_a_fight_against_a_social_ill_and_a_thing_received_are_no_happenings(
    text: str, kind: str
) -> None:
    assert kind not in _read(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # counter-examples: the same words in their sense
        ("Soldiers were killed in combat near the border on Tuesday.", "fighting"),
        ("The president received the prime minister at the palace on Friday.", "meeting"),
    ],
    ids=["combat", "received-a-guest"],
)
def test_the_same_words_keep_their_sense(text: str, kind: str) -> None:
    assert kind in _read(text)


# -- a town the outlet's other articles place in their division -------------------------------


def test_the_division_other_articles_vote_for_holds_the_articles_town(gaz: Gazetteer) -> None:
    florida, georgia = _division(gaz, "Florida"), _division(gaz, "Georgia")
    assert shared_town_prior(gaz, ["Gainesville"], {florida.id: 1.0}) == florida.id
    # counter-examples: two divisions with a Gainesville tie; a division with none
    assert shared_town_prior(gaz, ["Gainesville"], {florida.id: 0.5, georgia.id: 0.5}) is None
    assert shared_town_prior(gaz, ["Gainesville"], {_division(gaz, "Montana").id: 1.0}) is None


#: A student paper's story of its county (it votes for Florida) and an undated story of the
#: town alone.
COUNTY_STORY = (
    "Deputies close road\n\n"
    "Alachua County deputies closed a road near Gainesville after a crash on Monday."
)
TOWN_STORY = (
    "Students line up to vote\n\n"
    "Gainesville voters lined up at the polls, and turnout is quadruple that of the last "
    "city election, the supervisor of elections said."
)


def _batch_places(gaz: Gazetteer, texts: list[str]) -> list[tuple[str, bool]]:
    arts = [
        Article(id=f"a{n}", text=t, published=DAY, outlet="example-alligator.org")
        for n, t in enumerate(texts)
    ]
    florida = _division(gaz, "Florida")
    out = extract(arts, gazetteer=gaz).event_list
    return [
        (e.place.name, lies_in(e.place, florida))
        for e in out
        if any(r.article == f"a{len(texts) - 1}" for r in e.reports)
    ]


def test_an_undated_town_story_takes_the_division_its_outlets_other_story_names(
    gaz: Gazetteer,
) -> None:
    assert _batch_places(gaz, [COUNTY_STORY, TOWN_STORY]) == [("Gainesville", True)]


def test_the_town_story_alone_stays_unplaced(gaz: Gazetteer) -> None:
    # counter-example: with no other article of its outlet, no namesake is settled
    assert _batch_places(gaz, [TOWN_STORY]) == []
