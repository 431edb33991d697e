"""Across articles, a report at another place scale (a town and its country) joins only the
reports of articles that tell the same story (geo.stories.Stories)."""

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


# --- a report dated only by its publication day, at one place -----------------------------------


def test_two_stories_of_one_town_dated_by_publication_stay_apart() -> None:
    # an airline's new route and a week of debates in one city, a donut shop and a restored
    # warplane in one town: the place and the week are all they share
    articles = {
        "a": _article(
            "A new airline won approval to fly nonstop between New York and Testville, offering "
            "cheap fares to tourists this summer despite the slump in air travel."
        ),
        "b": _article(
            "Activists in Testville opened a week of debates and film screenings on tolerance, "
            "the first such festival the city authorities have allowed."
        ),
    }
    reports = [
        report("a", CITY, day("2024-03-03", "unknown"), "happening", quote="Airline cleared."),
        report("b", CITY, day("2024-03-05"), "happening", quote="Debates opened on Tuesday."),
    ]
    events = merge_reports(reports, articles)
    assert len(events) == 2
    undated = next(e for e in events if e.sources[0]["article"] == "a")
    assert undated.dates.start == date(2024, 3, 3)  # its own day, not the other story's


def test_one_story_of_one_town_dated_by_publication_merges() -> None:
    # counter-example: two outlets telling one story, one of them without a date
    story = (
        "The regional dialing code linking needy residents with food pantries and social "
        "services could begin expanding statewide by the end of the year, officials said."
    )
    articles = {"a": _article(story), "b": _article(f"{story} The code serves Testville.")}
    reports = [
        report("a", CITY, day("2024-03-03", "unknown"), "happening", quote="Code may expand."),
        report("b", CITY, day("2024-03-04"), "happening", quote="Code could expand."),
    ]
    (event,) = merge_reports(reports, articles)
    assert event.source_count == 2


def test_dated_reports_of_one_place_merge_without_a_story_link() -> None:
    # counter-example: both reports date the happening, at the same place
    articles = {
        "a": _article("Talks between the ministers ended with a joint statement on fisheries."),
        "b": _article("Protesters gathered outside while delegations discussed grain exports."),
    }
    reports = [
        report("a", CITY, day("2024-03-04"), "meeting", quote="Ministers met on Monday."),
        report("b", CITY, day("2024-03-04"), "meeting", quote="The delegations met Monday."),
    ]
    (event,) = merge_reports(reports, articles)
    assert event.source_count == 2
