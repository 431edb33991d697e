"""A story's second happenings (session 29): one its temporal clause dates to a day ("after
a house fire on Monday") is placed at the story's town as a main clause's is, unless the date is
part of a landmark's description ("a month before the May 1 election"); and a story told of
one county places the dated happenings after its report there, as a town's story does
("She was arraigned Tuesday"), while a story of a state does not."""

from __future__ import annotations

from gazetteer import Gazetteer
from geo.events import detect_events
from geo.geoparse import analyze
from tests.geo.test_focus import ANCHOR, PUBLISHED
from tests.geo.test_focus_deaths import focused_in


def test_a_happening_its_temporal_clause_dates_is_placed_at_the_town(gaz: Gazetteer) -> None:
    text = (
        "WINNIPEG – A family of five is staying with relatives.\n"
        "They lost their home after a house fire on Monday.\n"
        "Neighbours have raised money for them." + ANCHOR
    )
    assert ("fire", "Winnipeg", "2024-05-13") in focused_in(text, gaz)


def test_a_landmark_or_an_undated_clause_is_not_placed_at_the_town(gaz: Gazetteer) -> None:
    # counter-examples: the date is part of the description of a landmark of time; the
    # temporal clause has no day of its own
    landmark = (
        "WINNIPEG – A family of five is staying with relatives.\n"
        "They lost their home a week before the May 1 election.\n"
        "Neighbours have raised money for them." + ANCHOR
    )
    assert [f for f in focused_in(landmark, gaz) if f[0] == "election"] == []
    undated = (
        "WINNIPEG – A family of five is staying with relatives.\n"
        "They lost their home after a house fire.\n"
        "Neighbours have raised money for them." + ANCHOR
    )
    assert [f for f in focused_in(undated, gaz) if f[0] == "fire"] == []


def _events(text: str, gaz: Gazetteer) -> list[tuple[str, str, str]]:
    found = analyze(text, PUBLISHED, gazetteer=gaz)
    reports = detect_events(
        text, found.recognized, found.timeline, article="t", gazetteer=gaz, home_country="US"
    )
    return [(r.type.name, r.place.name, r.dates.start.isoformat()) for r in reports]


def test_a_county_story_places_its_later_dated_happenings(gaz: Gazetteer) -> None:
    text = (
        "Woman held on drug charges\n\nA woman was arrested on drug charges in Meigs County, "
        "Ohio, on Monday. She was arraigned Tuesday with bond set at $100,000."
    )
    assert ("trial", "Meigs County", "2024-05-14") in _events(text, gaz)


def test_a_state_story_does_not_place_its_later_happenings(gaz: Gazetteer) -> None:
    # counter-example: a state is too wide to be where the arraignment was
    text = (
        "Woman held on drug charges\n\nA woman was arrested on drug charges in Ohio on "
        "Monday. She was arraigned Tuesday with bond set at $100,000."
    )
    assert [e for e in _events(text, gaz) if e[0] == "trial"] == []


def test_a_town_named_as_a_home_after_a_name_does_not_stop_the_story_place(
    gaz: Gazetteer,
) -> None:
    # session 30 (evsecond30): "William Doe, 24, of Elkhart was indicted March 4": the town
    # after ", of" is where the man lives, as in "an Elkhart man", not where he was indicted
    text = (
        "Woman held on drug charges\n\nA woman was arrested on drug charges in Franklin "
        "County, Ohio, on Monday. Jane Doe, 24, of Columbus was arraigned Tuesday with bond "
        "set at $100,000."
    )
    assert ("trial", "Franklin County", "2024-05-14") in _events(text, gaz)


def test_a_town_in_an_of_phrase_still_stops_the_story_place(gaz: Gazetteer) -> None:
    # counter-example: "the mayor of Columbus" names another place, not a home: the
    # sentence may be about somewhere else
    text = (
        "Woman held on drug charges\n\nA woman was arrested on drug charges in Franklin "
        "County, Ohio, on Monday. She was arraigned Tuesday, the mayor of Columbus said."
    )
    assert [e for e in _events(text, gaz) if e[0] == "trial"] == []


def test_a_funeral_its_words_date_is_held_in_the_storys_town(gaz: Gazetteer) -> None:
    # session 30 (evsecond30): a funeral or a vigil happens at one spot of the town, as a
    # meeting does ("spoke at Monday's funeral for the brothers"; "Her funeral was Saturday.")
    text = (
        "WINNIPEG – Mary Underwood, 34, a teacher, was killed in a house fire last week.\n"
        "Her funeral was Monday.\n"
        "She ran a framing shop for twenty years." + ANCHOR
    )
    assert ("commemoration", "Winnipeg", "2024-05-13") in focused_in(text, gaz)


def test_a_funeral_to_come_or_undated_is_not_placed_at_the_town(gaz: Gazetteer) -> None:
    # counter-examples: a funeral still to come is a plan; one no word dates is background
    planned = (
        "WINNIPEG – Mary Underwood, 34, a teacher, was killed in a house fire last week.\n"
        "Her funeral will be held next Monday.\n"
        "She ran a framing shop for twenty years." + ANCHOR
    )
    assert [f for f in focused_in(planned, gaz) if f[0] == "commemoration"] == []
    undated = (
        "WINNIPEG – Mary Underwood, 34, a teacher, was killed in a house fire last week.\n"
        "Many came to her funeral.\n"
        "She ran a framing shop for twenty years." + ANCHOR
    )
    assert [f for f in focused_in(undated, gaz) if f[0] == "commemoration"] == []
