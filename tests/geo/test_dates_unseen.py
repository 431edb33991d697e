"""Dating rules measured on news the rules were not tuned on (LGL, GeoWebNews): each with a
sentence where it must not fire. The sentences are written for these tests."""

from __future__ import annotations

from datetime import date

from geo import Article, extract
from geo.dates import year_before
from tests.geo.helpers import dated

TUE = date(2009, 3, 24)  # a Tuesday
SAT = date(2009, 3, 28)  # a Saturday


# --- "N years ago today": an anniversary, the publication day N years back -------------------


def test_years_ago_today_is_that_day_years_back() -> None:
    text = "The family still grieves a shooting that happened 15 years ago today."
    assert dated(text, TUE)["15 years ago today"] == (date(1994, 3, 24), date(1994, 3, 24))


def test_years_ago_this_week_is_that_week() -> None:
    text = "The plant closed ten years ago this week."
    assert dated(text, TUE)["ten years ago this week"] == (date(1999, 3, 22), date(1999, 3, 28))


def test_years_ago_then_today_apart_is_no_anniversary() -> None:
    # counter-example: "today" in another clause is the publication day, not the anniversary
    text = "The mill closed two years ago, and today the town voted to buy it."
    found = dated(text, TUE)
    assert found["two years ago"] == (date(2007, 1, 1), date(2007, 12, 31))
    assert found["today"] == (TUE, TUE)


# --- past-tense "this week/month" stops at publication ----------------------------------------


def test_past_this_week_ends_at_publication() -> None:
    text = "Two deputies were injured in a crash this week on the county road."
    assert dated(text, TUE)["this week"] == (date(2009, 3, 23), TUE)


def test_past_this_month_ends_at_publication() -> None:
    text = "The suspect was arrested this month after a long search."
    assert dated(text, TUE)["this month"] == (date(2009, 3, 1), TUE)


def test_future_this_week_keeps_the_whole_week() -> None:
    # counter-example: a plan for this week may fall after publication
    text = "The council will vote on the budget this week."
    assert dated(text, TUE)["this week"] == (date(2009, 3, 23), date(2009, 3, 29))


# --- "the 2016 election": a year that modifies the happening's word ----------------------------


def test_year_before_a_noun_dates_it() -> None:
    text = "He repeated claims of fraud in the 2016 election."
    assert year_before(text, text.index("election")).start == date(2016, 1, 1)
    text = "Turnout fell in the 2009 municipal election."
    assert year_before(text, text.index("election")).start == date(2009, 1, 1)


def test_year_before_needs_a_determiner_and_adjacency() -> None:
    # counter-examples: a bare number, a year two words away, a year naming a count
    text = "Police said 2016 election signs were stolen."
    assert year_before(text, text.index("election")) is None
    text = "Since 2016 the city has held a special election."
    assert year_before(text, text.index("election")) is None
    text = "In the 2016 and 2017 seasons no election took place."
    assert year_before(text, text.index("election")) is None


def _election_starts(text: str) -> list[str]:
    result = extract(
        [Article(id="a", text=text, published=date(2018, 1, 15))], on_problem=lambda p: None
    )
    return [str(r.start) for r in result.events.itertuples(index=False) if "Election" in r.title]


def test_event_told_on_thursday_about_old_election_keeps_its_year() -> None:
    text = (
        "Senator disputes vote count. Senator Jane Roe said Thursday in Albuquerque that "
        "there was fraud in the 2016 election in Albuquerque."
    )
    assert _election_starts(text) == ["2016-01-01"]


def test_election_of_the_day_keeps_its_day() -> None:
    # counter-example: the year belongs to another noun, the election is Thursday's
    text = (
        "Mayor re-elected. Voters in Albuquerque held an election on Thursday, the city's "
        "first since the 2016 floods."
    )
    assert _election_starts(text) == ["2018-01-11"]


# --- an undated first sentence ended by a full stop is a headline: the lead dates it ----------


def _starts(text: str, word: str) -> list[str]:
    result = extract(
        [Article(id="a", text=text, published=date(2009, 3, 24))], on_problem=lambda p: None
    )
    return [str(r.start) for r in result.events.itertuples(index=False) if word in r.title]


def test_headline_with_full_stop_takes_the_lead_date() -> None:
    text = (
        "Man found fatally shot in Springfield car wash. Police in Springfield cordoned off "
        "the car wash on Monday after the owner was found shot inside his office."
    )
    assert set(_starts(text, "Shooting")) == {"2009-03-23"}


def test_wire_lead_is_not_dated_by_the_next_sentence() -> None:
    # counter-example: a wire dateline opens the lead; its next sentence tells another day
    text = (
        "SPRINGFIELD, Ill. (AP) — A man was found fatally shot in Springfield, police said. "
        "The owner of the car wash said on Thursday that he would reopen next month."
    )
    assert _starts(text, "Shooting") == ["2009-03-23"]  # the last two days up to publication
