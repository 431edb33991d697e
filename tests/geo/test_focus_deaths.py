"""A death told with its day in a story about one town is placed at the town (session 28):
the obituary's "Ms. Underwood, 34, of Arlington, died Tuesday" names only a home, and the
focus places it; a death beside the happening that caused it yields to that happening."""

from __future__ import annotations

from gazetteer import Gazetteer
from tests.geo.test_focus import ANCHOR, focused, run


def focused_in(text: str, gaz: Gazetteer) -> list[tuple[str, str, str]]:
    """The focus's reports of ``text`` as (type, place, first day); the text has a focus."""
    focus, reports = run(text, gaz)
    assert focus is not None
    return focused(reports)


def test_a_dated_death_in_a_story_about_one_town_is_placed_there(gaz: Gazetteer) -> None:
    text = (
        "WINNIPEG – Mary Underwood, 34, of Winnipeg, died Tuesday of an unknown cause.\n"
        "She ran a framing shop for twenty years." + ANCHOR
    )
    assert focused_in(text, gaz) == [("death", "Winnipeg", "2024-05-14")]


def test_a_death_that_names_another_town_or_an_old_date_is_not_the_towns(
    gaz: Gazetteer,
) -> None:
    # counter-examples: the sentence names where else, or the death is long past
    elsewhere = "WINNIPEG – Mary Underwood, 34, died Tuesday in Toronto.\nShe ran a shop." + ANCHOR
    assert focused_in(elsewhere, gaz) == []
    old = "WINNIPEG – Her husband died in March 2001.\nShe ran a shop." + ANCHOR
    assert focused_in(old, gaz) == []


def test_a_death_yields_to_the_happening_that_caused_it(gaz: Gazetteer) -> None:
    text = (
        "WINNIPEG – A couple were found dead Monday night in an apparent murder-suicide, "
        "police said." + ANCHOR
    )
    assert [kind for kind, *_ in focused_in(text, gaz)] == ["murder"]
