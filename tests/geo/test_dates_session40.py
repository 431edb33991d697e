"""Three rules of session 40 (wdate40), each with a case where it fires and one where it must
not: a start told before publication runs to publication at most
(:func:`geo.reports.open_ended`); a relative clause set off by a comma further on does not
give a time expression its tense (:func:`geo.tense.nearest`, ``tense_relative_openers`` in
``dates.yaml``); a third of a year or of a month named relative to publication or with its
year ("late last year", "in early 2021", "the end of this month":
:func:`geo.date_arithmetic.year_part`). Sentences are written for these tests."""

from __future__ import annotations

from datetime import date

from gazetteer import Gazetteer
from geo.dates import find_dates
from geo.model import DateRange
from geo.reports import open_ended
from tests.geo.helpers import PUBLISHED, rule_reports


def _range(text: str, words: str, published: date = PUBLISHED) -> tuple[str, str]:
    """(start, end) of the time expression ``words`` of ``text`` published on
    ``published`` (a Wednesday, 15 May 2024, by default)."""
    found = next(t for t in find_dates(text, published) if t.text == words)
    return found.range.start.isoformat(), found.range.end.isoformat()


def _days(text: str, gaz: Gazetteer, kind: str) -> list[tuple[str, str]]:
    """(first, last day) of each report of ``text`` whose type is ``kind``."""
    return [
        (r.dates.start.isoformat(), r.dates.end.isoformat())
        for r in rule_reports(text, gaz)
        if r.type.name == kind
    ]


def test_a_start_before_publication_runs_to_publication() -> None:
    start = DateRange.day(date(2024, 5, 12))
    clipped = open_ended(start, PUBLISHED)
    assert (clipped.start, clipped.end, clipped.precision) == (
        date(2024, 5, 12),
        date(2024, 5, 15),
        "week",
    )


def test_a_start_told_as_begun_ends_on_publication(gaz: Gazetteer) -> None:
    text = "Firefighters battled a wildfire that began Sunday near Patras, officials said."
    assert _days(text, gaz, "fire") == [("2024-05-12", "2024-05-15")]


def test_a_start_ahead_keeps_its_week(gaz: Gazetteer) -> None:
    # counter-examples: a start on or after publication still runs seven days
    assert open_ended(DateRange.day(date(2024, 5, 17)), PUBLISHED).end == date(2024, 5, 23)
    assert open_ended(DateRange.day(PUBLISHED), PUBLISHED).end == date(2024, 5, 21)
    # and with no publication date nothing is clipped
    assert open_ended(DateRange.day(date(2024, 5, 12))).end == date(2024, 5, 18)


def test_a_relative_clause_further_on_gives_no_tense() -> None:
    text = (
        "Sunday's attack comes only weeks before the games, which will be held in the "
        "capital in the summer."
    )
    assert _range(text, "Sunday's") == ("2024-05-12", "2024-05-12")


def test_a_relative_clause_right_after_the_day_still_gives_its_tense() -> None:
    # counter-examples: the relative clause of the day's own phrase, and a future of the
    # expression's own clause
    text = (
        "The minister is to make a visit to Rome on Monday, where he is scheduled to meet "
        "the mayor."
    )
    assert _range(text, "Monday") == ("2024-05-20", "2024-05-20")
    text = "The council will meet on Monday in the hall, which was built in 1910 by the town."
    assert _range(text, "Monday") == ("2024-05-20", "2024-05-20")


def test_a_third_of_a_year() -> None:
    assert _range("Talks were held in Beijing late last year.", "late last year") == (
        "2023-09-01",
        "2023-12-31",
    )
    assert _range("Dialogue began in early 2021 in Baghdad.", "early 2021") == (
        "2021-01-01",
        "2021-04-30",
    )
    assert _range("The plant closed in mid-2016.", "mid-2016") == ("2016-05-01", "2016-08-31")
    assert _range("He was detained by the end of 2015.", "by the end of 2015") == (
        "2015-09-01",
        "2015-12-31",
    )


def test_a_third_of_a_month_named_relative_to_publication() -> None:
    assert _range("Late last month, jets struck a depot.", "Late last month") == (
        "2024-04-21",
        "2024-04-30",
    )
    assert _range(
        "At the start of this month, the two sides agreed.", "the start of this month"
    ) == (
        "2024-05-01",
        "2024-05-10",
    )


def test_a_whole_year_or_month_stays_whole() -> None:
    # counter-examples: no part word, and a part of a named month (unchanged)
    assert _range("Talks were held in Beijing last year.", "last year") == (
        "2023-01-01",
        "2023-12-31",
    )
    assert _range("Dialogue began in 2021 in Baghdad.", "2021") == ("2021-01-01", "2021-12-31")
    assert _range("He left in late October.", "late October") == ("2023-10-21", "2023-10-31")
    assert _range("Jets struck a depot last month.", "last month") == ("2024-04-01", "2024-04-30")
