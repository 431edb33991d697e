"""Two rules of session 41 (wdate41), each with a case where it fires and one where it must
not: a report that only the day it was told dates ("…, the commission announced on
Wednesday") takes the day another sentence of the week before gives the same happening in
its own word (:func:`geo.retold.trigger_told_dates`, :meth:`geo.timeline.Timeline.told_on`,
``telling_verbs`` in ``grammar.yaml``); a report its own words date to a week takes the days
one of the next two sentences gives it in the same word inside that week
(:func:`geo.retold.week_told_days`). Sentences are written for these tests."""

from __future__ import annotations

from gazetteer import Gazetteer
from geo.dates import find_dates
from geo.text import quotes, sentences
from geo.timeline import Timeline
from tests.geo.helpers import PUBLISHED, rule_reports


def _days(text: str, gaz: Gazetteer, kind: str) -> list[tuple[str, str]]:
    """(first, last day) of each report of ``text`` (published Wednesday 15 May 2024) whose
    type is ``kind``."""
    return [
        (r.dates.start.isoformat(), r.dates.end.isoformat())
        for r in rule_reports(text, gaz)
        if r.type.name == kind
    ]


def _timeline(text: str) -> Timeline:
    """The timeline of ``text`` published on :data:`PUBLISHED`, with no place mentions."""
    return Timeline(text, sentences(text), find_dates(text, PUBLISHED), quotes(text), [], PUBLISHED)


def test_a_telling_verbs_day_is_the_day_it_was_told() -> None:
    text = "Rebels seized the port of Kismayo, officials said Tuesday."
    assert _timeline(text).told_on(text.index("Kismayo"))
    text = "The commission declared the result in Harare, it announced on Monday."
    assert _timeline(text).told_on(text.index("Harare"))


def test_a_happenings_own_day_is_not_a_telling() -> None:
    # counter-example: the day dates the clause of the happening itself
    text = "Rebels seized the port of Kismayo on Tuesday, officials said."
    assert not _timeline(text).told_on(text.index("Kismayo"))


def test_a_told_report_takes_its_words_day_of_the_week_before(gaz: Gazetteer) -> None:
    text = (
        "The opposition alliance has won the regional elections in Bavaria, the electoral "
        "office announced on Wednesday. Turnout in the regional election held last Sunday was "
        "the highest in decades."
    )
    assert ("2024-05-12", "2024-05-12") in _days(text, gaz, "election")
    assert ("2024-05-15", "2024-05-15") not in _days(text, gaz, "election")


def test_a_told_report_keeps_its_day_when_the_word_is_older_than_a_week(
    gaz: Gazetteer,
) -> None:
    # counter-example: an election of March is another one, not the news the office told
    text = (
        "The opposition alliance has won the regional elections in Bavaria, the electoral "
        "office announced on Wednesday. The regional election held on March 3 was the first "
        "since the reform."
    )
    assert ("2024-05-15", "2024-05-15") in _days(text, gaz, "election")
    assert ("2024-03-03", "2024-03-03") not in _days(text, gaz, "election")


def test_a_week_narrowed_by_the_days_told_next(gaz: Gazetteer) -> None:
    text = (
        "The defence ministers will hold a meeting in Oslo next week, the ministry said on "
        "Wednesday. They will meet during the talks, which are to be held from Tuesday to "
        "Thursday."
    )
    assert set(_days(text, gaz, "meeting")) == {("2024-05-21", "2024-05-23")}


def test_a_week_keeps_its_days_when_the_day_told_next_lies_outside(gaz: Gazetteer) -> None:
    # counter-example: the next sentence's meeting of Monday is an earlier one
    text = (
        "The defence ministers will hold a meeting in Oslo next week, the ministry said on "
        "Wednesday. They last met on Monday to prepare the agenda."
    )
    assert _days(text, gaz, "meeting")[0] == ("2024-05-20", "2024-05-26")
