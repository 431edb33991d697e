"""Time expressions whose year or week the tense of their clause decides, measured on LGL,
GeoWebNews and TR-News (docs/recognition-and-events.md, "Headline futures, seasons and days
of a month"): each rule with a sentence where it must not fire. The sentences are written
for these tests."""

from __future__ import annotations

from datetime import date

from tests.geo.helpers import dated, day

WED = date(2009, 3, 25)  # a Wednesday in spring
OCT = date(2009, 10, 1)
NOV = date(2016, 11, 10)


# --- a headline's "<subject> to <verb>" is its future ------------------------------------------


def test_headline_to_verb_is_future() -> None:
    assert day("Council to vote Monday on budget", WED, "Monday") == date(2009, 3, 30)
    text = "Harbour festival to return in August\nThe festival drew crowds last year."
    assert dated(text, WED)["August"] == (date(2009, 8, 1), date(2009, 8, 31))
    text = "Pastor to be buried Saturday. A former pastor died on Sunday."
    assert day(text, WED, "Saturday") == date(2009, 3, 28)


def test_headline_cut_by_an_abbreviation_is_still_the_headline() -> None:
    text = "Retired Ga. pastor to be buried Saturday\nThe pastor died on Sunday."
    assert day(text, WED, "Saturday") == date(2009, 3, 28)


def test_headline_to_after_a_participle_or_before_a_destination_is_no_future() -> None:
    # counter-examples: "sentenced to", "shot to death", "trip to the lake" are no plans
    assert day("Man sentenced to death Friday", WED, "Friday") == date(2009, 3, 20)
    assert day("Teen shot to death Saturday", WED, "Saturday") == date(2009, 3, 21)
    assert day("Boat trip to the lake Saturday", WED, "Saturday") == date(2009, 3, 21)
    assert day("Man beaten to death Friday", WED, "Friday") == date(2009, 3, 20)


def test_headline_subject_in_en_is_no_participle() -> None:
    assert day("Women to march Saturday", WED, "Saturday") == date(2009, 3, 28)


def test_to_verb_in_the_body_keeps_the_past_default() -> None:
    # counter-example: only the headline speaks in "X to <verb>"
    text = "Flood warning lifted\nThe agency asked residents to leave Monday."
    assert day(text, WED, "Monday") == date(2009, 3, 23)


# --- a hyphenated word in -ed is an adjective, no past tense -----------------------------------


def test_hyphenated_adjective_is_no_past_mark() -> None:
    text = "Saudi-led coalition to hold talks Monday"
    assert day(text, WED, "Monday") == date(2009, 3, 30)


def test_hyphenated_verb_keeps_its_past() -> None:
    # counter-examples: "re-elected", "test-fired" are verbs
    assert day("The mayor was re-elected Monday.", WED, "Monday") == date(2009, 3, 23)
    assert day("The army test-fired a missile Monday.", WED, "Monday") == date(2009, 3, 23)


# --- "in the spring" in a future clause during the spring --------------------------------------


def test_future_season_under_way_is_this_one() -> None:
    text = "He will graduate in the spring."
    assert dated(text, WED)["in the spring"] == (date(2009, 3, 1), date(2009, 5, 31))


def test_future_season_over_is_next_years() -> None:
    # counter-example: in October the spring ahead is next year's
    text = "He will graduate in the spring."
    assert dated(text, OCT)["in the spring"] == (date(2010, 3, 1), date(2010, 5, 31))
    text = "The store opened in the spring."
    assert dated(text, OCT)["in the spring"] == (date(2009, 3, 1), date(2009, 5, 31))


# --- "this past September", "this past summer" -------------------------------------------------


def test_past_month_and_season_lie_before_publication() -> None:
    text = "He fled during a traffic stop this past September."
    assert dated(text, WED)["past September"] == (date(2008, 9, 1), date(2008, 9, 30))
    text = "The pools closed this past summer."
    assert dated(text, WED)["past summer"] == (date(2008, 6, 1), date(2008, 8, 31))


def test_past_week_is_still_the_last_seven_days() -> None:
    # counter-example: "the past week" runs up to publication
    assert dated("Rain fell over the past week.", WED)["the past week"] == (
        date(2009, 3, 18),
        date(2009, 3, 25),
    )


# --- "the fourth Thursday in November" ----------------------------------------------------------


def test_nth_weekday_of_a_month_is_that_day() -> None:
    text = "The parade will be held on the fourth Thursday in November."
    assert day(text, NOV, "the fourth Thursday in November") == date(2016, 11, 24)
    text = "The parade was held on the fourth Thursday in November."
    assert day(text, date(2017, 1, 10), "the fourth Thursday in November") == date(2016, 11, 24)
    text = "The vote is on the last Monday of May 2017."
    assert day(text, NOV, "the last Monday of May 2017") == date(2017, 5, 29)


def test_weekday_without_a_month_after_it_is_a_weekday() -> None:
    # counter-examples: "last Thursday in Paris" is a weekday; "of each month" names no day
    assert day("He spoke last Thursday in Paris.", NOV, "last Thursday") == date(2016, 11, 3)
    assert "the first Saturday of each month" not in dated(
        "The club meets the first Saturday of each month.", NOV
    )


# --- a month between a determiner and the happening's word dates that happening -------------


def _own_month(text: str, word: str, published: date) -> tuple[date, date] | None:
    from geo.geoparse import analyze

    timeline = analyze(text, published).timeline
    found = timeline.own_year(text.index(word))
    return None if found is None else (found.start, found.end)


def test_month_before_a_happening_dates_it() -> None:
    text = "Speaking at an October candidates forum in Clarinda, she said roads matter."
    assert _own_month(text, "forum", WED) == (date(2008, 10, 1), date(2008, 10, 31))
    text = "The August election in Ames will decide the seat."
    assert _own_month(text, "election", WED) == (date(2009, 8, 1), date(2009, 8, 31))


def test_month_without_a_determiner_or_a_capital_dates_nothing() -> None:
    # counter-examples: a capitalised name ("the March of Dimes"); "May" is left out (a modal
    # verb too)
    assert _own_month("Thousands joined the March of Dimes walk.", "walk", WED) is None
    assert _own_month("Officials said the May flood in Ames was the worst.", "flood", WED) is None
