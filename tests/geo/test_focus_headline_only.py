"""A story about one town whose only trigger stands in the headline, in a plan or in a
statement gets no event at the town (session 29, evfocusplaced29: on the pool's 20 articles
with a focus and no event, placing such triggers at the focus would have added 0 right events
and up to 10 wrong ones); the dateline's own past news is still placed there."""

from __future__ import annotations

from gazetteer import Gazetteer
from tests.geo.test_focus import ANCHOR
from tests.geo.test_focus_deaths import focused_in


def test_the_datelines_past_news_is_placed_at_the_town(gaz: Gazetteer) -> None:
    text = (
        "Man held after downtown fight.\n"
        "WINNIPEG – A man was arrested after a fight outside a downtown bar.\n"
        "He is to appear in court next month." + ANCHOR
    )
    assert [f[:2] for f in focused_in(text, gaz)] == [("arrest", "Winnipeg")]


def test_a_headline_noun_or_a_plan_is_not_placed_at_the_town(gaz: Gazetteer) -> None:
    # counter-examples: the headline's noun names the cause of a walk to come, and the lead
    # tells only a plan
    text = (
        "Counseling group to hold walk fundraiser for sex-assault victims.\n"
        "WINNIPEG – A counseling group will host a walk for victims at 6 p.m. April 23.\n"
        "The group will host a luncheon for team captains." + ANCHOR
    )
    assert focused_in(text, gaz) == []
    meeting = (
        "Meeting in Winnipeg will discuss the census.\n"
        "WINNIPEG – The town hall meetings will take place throughout spring and summer.\n"
        "They will include a presentation." + ANCHOR
    )
    assert focused_in(meeting, gaz) == []


def test_a_statement_is_not_placed_at_the_town(gaz: Gazetteer) -> None:
    # counter-example: a company's announcement is no one-spot happening of the town
    text = (
        "WINNIPEG – An airline announced Monday that it would add a route from the city.\n"
        "Fares have not been set." + ANCHOR
    )
    assert focused_in(text, gaz) == []
