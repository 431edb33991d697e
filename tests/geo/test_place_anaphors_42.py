"""Place anaphors and a name particle of session 42 (wplace42), each with sentences written
here and the counter-examples where the rule must not fire."""

from __future__ import annotations

from datetime import date
from functools import partial

from gazetteer import Gazetteer
from geo.anaphors import anaphor_mentions
from geo.geoparse import analyze
from tests.geo import helpers

PUBLISHED = date(2024, 3, 6)  # a Wednesday

reports = partial(helpers.reports_of, published=PUBLISHED, with_gazetteer=True)


def anaphors(text: str, gaz: Gazetteer) -> list[tuple[str, str]]:
    """(the phrase, the place it names) of each place anaphor of ``text``."""
    a = analyze(text, PUBLISHED, gazetteer=gaz)
    return [
        (text[m.start : m.end], m.place.name) for m in anaphor_mentions(text, a.recognized, gaz)
    ]


# -- "around the island": the island named before --------------------------------------------


def test_drills_around_the_island_are_at_the_island_named_before(gaz: Gazetteer) -> None:
    text = (
        "Taiwan's coast guard said it had tracked several warships on Tuesday. The navy "
        "started two days of live-fire drills around the island on Tuesday."
    )
    assert anaphors(text, gaz) == [("the island", "Taiwan")]
    drills = [r for r in reports(text, gaz) if r.type.name == "exercise"]
    assert [(r.place.name, r.role, r.dates.start.isoformat()) for r in drills] == [
        ("Taiwan", "around", "2024-03-05")
    ]


def test_the_island_the_text_calls_an_island_is_its_antecedent(gaz: Gazetteer) -> None:
    # an island the gazetteer may not hold as one: the text calls it so
    text = (
        "Rescuers reached the island of Crete by noon. Firefighters fought a wildfire on the "
        "island on Monday."
    )
    assert anaphors(text, gaz) == [("the island", "Crete")]


def test_no_island_named_before_gives_no_anaphor(gaz: Gazetteer) -> None:
    # counter-example: a country that is no island, named before, is not "the island"
    text = "Officials in Germany said a storm hit the island on Monday."
    assert anaphors(text, gaz) == []


def test_the_island_as_a_modifier_or_an_owner_is_no_anaphor(gaz: Gazetteer) -> None:
    # counter-examples: "the island nation", "the island's", "the island of X" name no place
    # by reference (the last names its own)
    text = (
        "Voters in Sri Lanka went to the polls. It was the largest turnout in the island "
        "nation's history, and on the island's east coast lines were long. A ferry sank off "
        "the island of Java."
    )
    assert anaphors(text, gaz) == []


def test_an_island_named_only_after_is_no_antecedent(gaz: Gazetteer) -> None:
    # counter-example: the anaphor refers back, never forward
    text = "Storms battered the island on Monday. Cuba said power was cut in Havana."
    assert anaphors(text, gaz) == []


# -- a name particle: "Dar es Salaam" ----------------------------------------------------------


def test_a_name_with_the_particle_es_is_one_place(gaz: Gazetteer) -> None:
    text = "Police blocked a protest in Dar es Salaam on Monday."
    a = analyze(text, PUBLISHED, gazetteer=gaz)
    assert [(text[m.start : m.end], m.place.name) for m in a.recognized] == [
        ("Dar es Salaam", "Dar es Salaam")
    ]


def test_es_between_a_town_and_a_capitalised_word_is_no_name_particle(gaz: Gazetteer) -> None:
    # counter-example: a particle joins a name only when the whole phrase is a place
    text = "Police in Paris es Monday said nothing."
    a = analyze(text, PUBLISHED, gazetteer=gaz)
    assert [m.place.name for m in a.recognized] == ["Paris"]
