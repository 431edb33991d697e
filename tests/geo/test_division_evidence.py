"""The divisions an article names are evidence for its namesakes however their votes were
counted (issue 11): a state named alone and once inside an organisation's name keeps the
full weight of a named division, and a state named only inside an organisation's name is
named all the same.

Every sentence here is invented for the test."""

from __future__ import annotations

from gazetteer import Gazetteer
from geo.home_votes import evidence_divisions
from geo.recognize import Recognizer, recognize


def places(text: str, gaz: Gazetteer) -> dict[str, tuple[str | None, float]]:
    return {
        text[r.start : r.end]: (r.place.country, round(r.place.geometry.centroid.y))
        for r in recognize(text, gazetteer=gaz)
    }


def test_a_named_division_is_worth_one_vote_at_least(gaz: Gazetteer) -> None:
    georgia = next(c.place for c in gaz.candidates("Georgia") if c.place.kind == "admin1")
    weak = {georgia.id: (0.25, georgia)}
    assert evidence_divisions(weak, [georgia]) == (georgia,)
    assert evidence_divisions(weak, []) == ()  # counter-example: a weak vote alone is no evidence


def test_a_state_named_alone_and_in_an_organisation_stays_evidence(gaz: Gazetteer) -> None:
    """ "Georgia" (the country first, the state close behind) named alone, and once in
    "Georgia State University" (a weak vote): the state stays evidence for every name,
    beside Pennsylvania (a qualified town's votes)."""
    text = (
        "Only a few Georgia cities, including Gainesville and Duluth, restrict modular "
        "homes. A builder from Harrisburg, Pa., sued. Researchers at Georgia State "
        "University studied the rules, and Georgia lawmakers may act."
    )
    recognizer = Recognizer.for_gazetteer(gaz)
    context = recognizer._article_context(text, recognizer.find(text), None)
    assert {d.name for d in context.name_divisions[0]} == {"Georgia", "Pennsylvania"}


def test_a_state_named_only_in_an_organisation_places_its_towns(gaz: Gazetteer) -> None:
    text = (
        "An Albany man was arrested on Friday. An Albany police team and Georgia Bureau of "
        "Investigation agents searched his home."
    )
    assert places(text, gaz)["Albany"][1] == 32  # Albany, Georgia (31.6 N), not New York's


def test_without_the_organisation_the_capital_stays(gaz: Gazetteer) -> None:
    """Counter-example: no state named, Albany stays New York's capital."""
    text = "An Albany man was arrested on Friday. Albany police searched his home."
    assert places(text, gaz)["Albany"][1] == 43
