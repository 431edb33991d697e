"""A report with no date of its own joins another article's much older event only when that
event is a lasting state (geo.compatibility.recalled): an invasion or a war is recalled years
later, a strike, a visit or an ambush recurs at one place. Sentences written for the tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from types import SimpleNamespace

from geo.compatibility import recalled
from geo.model import DateRange
from geo.relative_dates import RECENTLY_DAYS
from tests.geo.test_blocking import _both
from tests.geo.test_merge import CITY, REGION, TYPES, background, day, report

# two articles telling one story (their words overlap), so the story test lets them join
STORY = (
    "jets struck depots outside the capital overnight while air defences fired missiles "
    "officials counted damage near the airport and the army vowed a response"
)
ARTICLES = {
    "old": SimpleNamespace(title=None, outlet=None, url=None, published=None, text=STORY),
    "new": SimpleNamespace(title=None, outlet=None, url=None, published=None, text=STORY),
}


def _undated(kind: str, published: str, quote: str) -> object:
    """A report of ``kind`` in the city dated only by its publication (the day before and
    the day itself, as the extractor gives one)."""
    end = date.fromisoformat(published)
    dates = DateRange(end - timedelta(days=1), end, "unknown")
    return replace(report("new", CITY, dates, kind, quote), date_source="published")


def test_an_undated_strike_does_not_join_another_articles_strike_of_two_years_before() -> None:
    # "Its strikes on the capital have drawn protests" (2024) is the article's own recent
    # news, not the strike another article dated in June 2022
    old = report("old", CITY, day("2022-06-06"), "strike", "Jets struck the airport on Monday.")
    new = _undated("strike", "2024-05-09", "Its strikes on the capital have drawn protests.")
    events = _both([old, new], ARTICLES)
    assert sorted((e[3].start, e[4]) for e in events) == [
        (date(2022, 6, 6), ("old",)),
        (date(2024, 5, 8), ("new",)),
    ]


def test_an_undated_visit_does_not_join_another_articles_visit_of_years_before() -> None:
    old = report("old", CITY, day("2017-06-26"), "visit", "The premier began a visit on Monday.")
    new = _undated("visit", "2023-05-11", "The premier will visit for talks.")
    assert len(_both([old, new], ARTICLES)) == 2


def test_a_recalled_invasion_still_joins_another_articles_invasion_years_before() -> None:
    # counter-example: "since troops invaded the country" written in 2023 is the invasion
    # another article dated in February 2022: a lasting state
    february = DateRange(date(2022, 2, 1), date(2022, 2, 28), "month")
    old = report("old", REGION, february, "invasion", "Troops invaded the country in February.")
    new = _undated("invasion", "2023-06-12", "Exports fell since troops invaded the country.")
    (event,) = _both([old, new], ARTICLES)
    assert event[3].start == date(2022, 2, 1) and event[4] == ("new", "old")


def test_an_undated_strike_joins_another_articles_strike_of_recent_weeks() -> None:
    # counter-example: twelve days before publication is recent news ("a recent strike")
    old = report("old", CITY, day("2024-04-27"), "strike", "Jets struck the airport on Saturday.")
    new = _undated("strike", "2024-05-09", "A recent strike on the capital drew protests.")
    (event,) = _both([old, new], ARTICLES)
    assert event[4] == ("new", "old")


def test_a_floating_ambush_names_no_ambush_another_article_dated_years_before() -> None:
    # background with no date of its own ("after the unit was ambushed") in 2023 refers to no
    # ambush another article told in 2019: it is dropped, not attached
    old = report("old", CITY, day("2019-10-14"), "attack", "Gunmen ambushed a convoy on Monday.")
    aside = background("new", CITY, "2023-03-20", "attack", "The unit was ambushed there.")
    (event,) = _both([old, aside])
    assert event[4] == ("old",)


def test_a_floating_report_still_names_a_lasting_state_or_a_recent_happening() -> None:
    # counter-examples: "amid the ongoing invasion" names the invasion of years before, and
    # an ambush ten days before publication is the one meant
    february = DateRange(date(2022, 2, 1), date(2022, 2, 28), "month")
    invasion = report("old", REGION, february, "invasion", "Troops invaded in February.")
    amid = background("new", REGION, "2025-01-07", "invasion", "Amid the ongoing invasion.")
    (event,) = _both([invasion, amid])
    assert event[4] == ("new", "old")
    ambush = report("old", CITY, day("2023-03-10"), "attack", "Gunmen ambushed a convoy.")
    aside = background("new", CITY, "2023-03-20", "attack", "The unit was ambushed there.")
    (event,) = _both([ambush, aside])
    assert event[4] == ("new", "old")


def test_recalled_reaches_back_as_far_as_recently_or_without_bound_for_a_lasting_state() -> None:
    published = date(2024, 5, 9)
    edge = published - timedelta(days=RECENTLY_DAYS)
    assert recalled([TYPES["strike"]], published, edge)
    assert not recalled([TYPES["strike"]], published, edge - timedelta(days=1))
    for lasting in ("invasion", "fighting", "outbreak"):
        assert recalled([TYPES[lasting]], published, date(2014, 1, 1))
    for routine in ("meeting", "visit", "attack", "incident", "exercise", "storm"):
        assert not TYPES[routine].lasting_state
