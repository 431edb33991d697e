"""Happenings counted over a year, happenings that recur, and happenings told as having come
before: a statistic, a habit and a memory report no happening of their own (issue 10). Each
rule has sentences where it must fire and counter-examples where it must not; the sentences
are written here, in the style of news."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from geo.factuality import mood, told_earlier
from tests.geo.helpers import reports_of


def mood_of(text: str, form: str) -> str:
    start = text.index(form)
    return mood(text, 0, len(text), start, start + len(form))


# --- counts over a year or more -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("There were 45 burglaries in Tulsa in 2022, police figures show.", "burglaries"),
        ("Officers recorded dozens of shootings across the city last year.", "shootings"),
        ("The county saw three fatal stabbings over the past two years.", "stabbings"),
        ("Police made more than 1,200 arrests in the district since 2019.", "arrests"),
    ],
)
def test_a_number_of_happenings_over_a_year_is_a_statistic(text: str, form: str) -> None:
    assert mood_of(text, form) == "tally"


def test_a_statistic_makes_no_event(gaz: Gazetteer) -> None:
    text = "There were 45 burglaries in Tulsa in 2022, police figures show."
    assert not [r for r in reports_of(text, gaz) if r.place.name == "Tulsa"]


@pytest.mark.parametrize(
    ("text", "form"),
    [
        # a count of this week's happenings is news; a year is no count; one happening
        ("Three robberies were reported in Tulsa this week.", "robberies"),
        ("The 2022 shootings in Tulsa left four people dead.", "shootings"),
        ("A burglary in Tulsa in 2022 led to the arrest.", "burglary"),
        ("Two attacks hit a market in Tulsa on Monday.", "attacks"),
    ],
)
def test_a_count_without_a_long_period_still_reports(text: str, form: str) -> None:
    assert mood_of(text, form) == "reported"


# --- habits -----------------------------------------------------------------------------


def test_what_happens_every_year_is_a_habit() -> None:
    assert mood_of("The rodeo is held annually in the county seat.", "held") == "habitual"
    assert mood_of("Floods hit the valley every spring.", "Floods") == "habitual"


def test_an_annual_happening_told_once_still_reports(gaz: Gazetteer) -> None:
    # counter-example: the adjective "annual" names one rodeo, told as news
    text = "The annual rodeo opened in Tulsa on Saturday."
    assert mood_of(text, "rodeo") == "reported"


# --- earlier times ------------------------------------------------------------------------


def test_a_happening_told_as_earlier_is_background(gaz: Gazetteer) -> None:
    text = "He had previously served six years in prison after a robbery in Tulsa."
    start = text.index("robbery")
    assert told_earlier(text, 0, start)
    assert not [r for r in reports_of(text, gaz) if r.status == "reported"]


def test_an_earlier_adverb_reaches_a_clause_of_the_same_time() -> None:
    text = "He had previously served six years for assault during a robbery in Tulsa."
    clause = text.index("during")
    start = text.index("robbery")
    assert told_earlier(text, clause, start, previous_clause=0)
    # counter-example: a clause of another time keeps its own tense
    other = "He had previously served six years for assault before a robbery in Tulsa."
    clause = other.index("before")
    assert not told_earlier(other, clause, other.index("robbery"), previous_clause=0)


def test_a_happening_without_an_earlier_adverb_is_news(gaz: Gazetteer) -> None:
    # counter-example: the same robbery told as news
    text = "He was arrested during a robbery in Tulsa on Monday."
    got = [r for r in reports_of(text, gaz) if r.place.name == "Tulsa"]
    assert got and all(r.status == "reported" for r in got)


def test_a_place_told_as_earlier_is_background(gaz: Gazetteer) -> None:
    text = "It was his third deployment; he previously served two tours in Iraq."
    got = [r for r in reports_of(text, gaz) if r.place.name == "Iraq"]
    assert got and all(r.status == "background" for r in got)
    # counter-example: the same place without the adverb
    other = "It was his third deployment; he served two tours in Iraq."
    got = [r for r in reports_of(other, gaz) if r.place.name == "Iraq"]
    assert got and all(r.status == "reported" for r in got)
