"""Dates a happening's own clause does not give: "since Saturday" after it, a tense tie,
and an undated definite description that names a happening dated elsewhere in the article.
Each rule has a counter-example where it must not fire. Sentences are written for these
tests."""

from __future__ import annotations

from datetime import date

from gazetteer import Gazetteer
from geo.dates import find_dates
from geo.geoparse import geoparse
from geo.reports import EventReport
from tests.geo.helpers import PUBLISHED
from tests.geo.helpers import reports_of as reports


def dates_of(sentence: str, name: str, gaz: Gazetteer) -> tuple[str, str, str]:
    """(start, end, precision) of the mention ``name`` in ``sentence``."""
    m = next(m for m in geoparse(sentence, PUBLISHED, gazetteer=gaz) if m.text == name)
    assert m.dates is not None
    return m.dates.start.isoformat(), m.dates.end.isoformat(), m.dates.precision


# --- "since" and a day: from that day to publication -------------------------------------


def test_since_a_day_runs_to_publication(gaz: Gazetteer) -> None:
    s = "Forty people have died in the fighting in Aleppo since Saturday."
    assert dates_of(s, "Aleppo", gaz) == ("2024-05-11", "2024-05-15", "day")


def test_since_a_day_opening_the_sentence(gaz: Gazetteer) -> None:
    s = "Since Saturday, forty people have died in the fighting in Aleppo."
    assert dates_of(s, "Aleppo", gaz) == ("2024-05-11", "2024-05-15", "day")


def test_since_a_happening_is_no_range(gaz: Gazetteer) -> None:
    # the clause after "since" tells another happening: it does not date the fighting
    s = "Forty people died in the fighting in Aleppo since the raid on Saturday."
    assert dates_of(s, "Aleppo", gaz)[2] == "unknown"


def test_since_a_year_is_no_range(gaz: Gazetteer) -> None:
    # longer than a week: no happening of the news runs that long
    s = "Forty people have died in the fighting in Aleppo since 2019."
    assert dates_of(s, "Aleppo", gaz)[2] == "unknown"


# --- a definite description names the happening dated elsewhere ----------------------------

LEAD = "Investigators in Marseille are looking into the events of the week.\n\n"
DESCRIPTION = "Prosecutors opened an inquiry into the fatal Marseille police shooting of a man.\n\n"
DATED = "A man was shot dead on Monday in Marseille, police said.\n\n"


def _described(text: str, gaz: Gazetteer) -> EventReport:
    start = text.index("the fatal")
    return next(r for r in reports(text, gaz) if r.sentence_start <= start < r.sentence_end)


def test_description_takes_the_date_told_elsewhere(gaz: Gazetteer) -> None:
    r = _described(LEAD + DESCRIPTION + DATED, gaz)
    assert (r.dates.start, r.dates.end, r.date_source) == (
        date(2024, 5, 13),
        date(2024, 5, 13),
        "previous",
    )


def test_description_with_two_dated_happenings_stays_undated(gaz: Gazetteer) -> None:
    # two shootings on two days: which one the description names is not told
    other = "Another man was shot dead on Saturday in Marseille, police said.\n\n"
    r = _described(LEAD + DESCRIPTION + DATED + other, gaz)
    assert r.date_source == "published"


def test_description_far_from_the_dated_happening_stays_undated(gaz: Gazetteer) -> None:
    far = "A man was shot dead on Monday in Lyon, police said.\n\n"
    r = _described(LEAD + DESCRIPTION + far, gaz)
    assert r.date_source == "published"


# --- a tense tie: the marker before the expression ----------------------------------------


def _ranges(sentence: str) -> list[tuple[str, str, str]]:
    return [
        (e.text, e.range.start.isoformat(), e.range.end.isoformat())
        for e in find_dates(sentence, PUBLISHED)
    ]


def test_tie_goes_to_the_verb_before(gaz: Gazetteer) -> None:
    # "flew" and "set to" stand as far from "this week": the trip is told as done
    s = "The mayor flew to Denver, Colorado, this week for talks on a lease set to expire soon."
    assert _ranges(s)[0] == ("this week", "2024-05-13", "2024-05-15")
    s = "The figures shared Monday night would be sent to the whole board."
    assert _ranges(s) == [("Monday night", "2024-05-13", "2024-05-13")]


def test_future_before_the_expression_stays_future(gaz: Gazetteer) -> None:
    s = "The mayor will fly to Denver, Colorado, this week for talks."
    assert _ranges(s) == [("this week", "2024-05-13", "2024-05-19")]
    s = "The figures will be shared Monday night with the whole board."
    assert _ranges(s) == [("Monday night", "2024-05-20", "2024-05-20")]


def test_that_after_the_expression_opens_what_was_told(gaz: Gazetteer) -> None:
    # "Tuesday" dates the telling; "would" is the told plan's
    s = "The candidate told a local paper by telephone Tuesday that he would run again."
    assert _ranges(s) == [("Tuesday", "2024-05-14", "2024-05-14")]
    s = "The council approved budget changes during a meeting Tuesday, that would affect parks."
    assert _ranges(s) == [("Tuesday", "2024-05-14", "2024-05-14")]


def test_that_further_on_is_no_break(gaz: Gazetteer) -> None:
    # a relative "that" a few words on is no break: "matched", nearer than "will", tells
    # the ticket's past Friday
    s = "The shop will get a prize for selling Friday's ticket that matched every number."
    assert _ranges(s) == [("Friday's", "2024-05-10", "2024-05-10")]


# --- a clause of circumstance keeps its time to itself ---------------------------------------


def _vigil(text: str, gaz: Gazetteer) -> tuple[str, str]:
    found = [r for r in reports(text, gaz) if r.type.name == "vigil"]
    assert len(found) == 1
    return found[0].dates.start.isoformat(), found[0].dates.end.isoformat()


def test_a_circumstance_clause_does_not_date_the_main_clause(gaz: Gazetteer) -> None:
    s = (
        "Considering how her life was going in March, the student made an improbable "
        "appearance at a vigil in Vancouver."
    )
    # March is her life's time, not the vigil's: undated, so it falls to publication
    assert _vigil(s, gaz) != ("2024-03-01", "2024-03-31")


def test_a_clause_of_the_same_time_still_dates_the_main_clause(gaz: Gazetteer) -> None:
    # counter-example: "while" speaks of the same time as the clause it joins
    s = "While the city slept in March, hundreds held a vigil in Vancouver."
    assert _vigil(s, gaz) == ("2024-03-01", "2024-03-31")
