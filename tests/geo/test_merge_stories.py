"""Across articles, a report at another place scale (a town and its country) joins only the
reports of articles that tell the same story (geo.stories._Stories)."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from geo.merge import merge_reports
from tests.geo.test_merge import CITY, REGION, day, report


def _article(text: str) -> SimpleNamespace:
    return SimpleNamespace(title=None, outlet=None, url=None, published=date(2024, 3, 4), text=text)


def test_a_town_and_its_country_in_one_week_stay_apart_when_the_stories_differ() -> None:
    articles = {
        "a": _article(
            "The mayor of Testville met school board members on Monday to discuss the budget "
            "for new classrooms, teacher salaries and the repair of the gymnasium roof."
        ),
        "b": _article(
            "The foreign minister arrived in Testland for trade talks with exporters of coffee "
            "and cocoa, hoping to lower tariffs before the harvest season begins."
        ),
    }
    reports = [
        report("a", CITY, day("2024-03-04"), "meeting", quote="The mayor met the board."),
        report("b", REGION, day("2024-03-05", "unknown"), "arrival", quote="The minister arrived."),
    ]
    assert len(merge_reports(reports, articles)) == 2


def test_two_outlets_telling_one_story_at_two_scales_merge() -> None:
    story = (
        "Leaders of the regional trade bloc will gather for their annual summit, where they are "
        "expected to discuss a common currency, grain exports and sanctions relief."
    )
    articles = {
        "a": _article(f"{story} The summit opens in Testville on March 6."),
        "b": _article(f"{story} The summit takes place in Testland next week."),
    }
    reports = [
        report("a", CITY, day("2024-03-06"), "summit", quote="The summit opens in Testville."),
        report("b", REGION, day("2024-03-05", "unknown"), "summit", quote="The summit is held."),
    ]
    (event,) = merge_reports(reports, articles)
    assert event.place == CITY
    assert event.source_count == 2
