"""Anchoring rules measured on real news (LGL, TR-News): each with a sentence where it must
not fire. The sentences are written for these tests."""

from __future__ import annotations

from datetime import date

from tests.geo.helpers import dated, day

WED = date(2024, 10, 16)  # a Wednesday
SAT = date(2016, 12, 17)  # a Saturday


# --- the publication day named by its weekday in a future clause ------------------------------


def test_future_clause_weekday_of_publication_is_that_day() -> None:
    text = "Heavy rain will fall through Wednesday night across the valley."
    assert day(text, WED, "Wednesday night") == WED
    assert day("The centre will open Wednesday.", WED, "Wednesday") == WED


def test_next_weekday_is_still_a_week_ahead() -> None:
    # counter-example: "next" names the one after
    assert day("The centre will open next Wednesday.", WED, "next Wednesday") == date(2024, 10, 23)


# --- "until/through/by <weekday>" without a tense marker: a deadline ahead --------------------


def test_until_weekday_without_tense_is_ahead() -> None:
    assert day("The bridge is closed through Friday for repairs.", WED, "Friday") == date(
        2024, 10, 18
    )
    assert day("Applications must reach the council by Monday.", WED, "Monday") == date(
        2024, 10, 21
    )


def test_until_weekday_in_a_past_clause_stays_past() -> None:
    # counter-example: a past marker decides
    assert day("The bridge was closed until Monday.", WED, "Monday") == date(2024, 10, 14)


def test_weekday_range_runs_forward() -> None:
    # "Monday through Friday": Friday is the one after Monday, whatever the tense
    start, end = dated(
        "The office opens 9 a.m. to 5 p.m. Monday through Friday.", date(2024, 10, 18)
    )["Monday through Friday"]
    assert start.weekday() == 0 and end.weekday() == 4 and (end - start).days == 4


# --- a year-less day shortly ahead in a past clause is a plan ---------------------------------


def test_past_clause_plan_shortly_ahead_stays_in_this_year() -> None:
    p = date(2017, 6, 10)
    text = "The prime minister called a general election on June 25."
    assert day(text, p, "June 25") == date(2017, 6, 25)
    text = "Cabin crew have voted to strike from 23 December over pay."
    assert day(text, SAT, "23 December") == date(2016, 12, 23)


def test_past_verb_right_before_the_day_is_a_year_back() -> None:
    # counter-example: the past verb governs the date itself
    assert day("The warehouse fire started on June 25.", date(2017, 6, 10), "June 25") == date(
        2016, 6, 25
    )


def test_past_clause_day_far_ahead_is_a_year_back() -> None:
    # counter-example: more than two months ahead is last year's
    assert day("Crews repaired the dam on Sept. 30.", date(2017, 6, 10), "Sept. 30") == date(
        2016, 9, 30
    )


def test_past_clause_day_shortly_before_publication_stays() -> None:
    assert day("The ferry sank on June 2.", date(2017, 6, 10), "June 2") == date(2017, 6, 2)


# --- "25 February last year" -----------------------------------------------------------------


def test_day_month_with_relative_year() -> None:
    p = date(2016, 12, 7)
    found = dated("The brawl broke out on 25 February last year near the station.", p)
    assert found == {"25 February last year": (date(2015, 2, 25), date(2015, 2, 25))}
    assert day("The fair returns on Oct. 3 next year.", p, "Oct. 3 next year") == date(2017, 10, 3)
    # British and Irish "on April 7 last": the latest April 7
    assert day("The baby was born on April 7 last.", date(2017, 5, 2), "April 7 last") == date(
        2017, 4, 7
    )


def test_last_after_a_day_month_needs_year_or_punctuation() -> None:
    # counter-example: "last week" is its own expression
    found = dated("Results due March 3 last week were delayed.", WED)
    assert "last week" in found


# --- "was/were to" + verb: a plan seen from the past --------------------------------------------


def test_were_to_continue_is_a_plan() -> None:
    sun = date(2016, 12, 18)
    assert day("Negotiations were to continue Monday in the capital.", sun, "Monday") == date(
        2016, 12, 19
    )
    text = "The injured were to be flown out early Thursday morning."
    assert day(text, WED, "early Thursday morning") == date(2024, 10, 17)


def test_is_to_be_sentenced_is_a_plan() -> None:
    text = "The senator, who was convicted, is to be sentenced Tuesday."
    assert day(text, WED, "Tuesday") == date(2024, 10, 22)
    text = (
        "The senator is to be sentenced at 10 a.m. July 13, according to an order from a "
        "judge filed yesterday."
    )
    assert day(text, WED, "July 13") == date(2025, 7, 13)


def test_is_to_blame_stays_past() -> None:
    # counter-example: "is to" + a verb outside the list is no plan
    text = "Police said the driver is to blame for the crash Tuesday."
    assert day(text, WED, "Tuesday") == date(2024, 10, 15)


def test_was_to_of_purpose_stays_past() -> None:
    # counter-example: "was to" + a verb outside the list is a purpose, not a plan
    text = "The aim of the raid on Monday was to show force."
    assert day(text, WED, "Monday") == date(2024, 10, 14)


def test_a_day_given_in_an_attribution_dates_the_happening_it_reports() -> None:
    from geo.extraction import extract
    from geo.model import Article

    text = (
        "Gunmen attacked a checkpoint in Kandahar, killing three soldiers, according to a "
        "statement by the U.S. military on Tuesday.\n"
    )
    result = extract([Article(id="a", text=text, published=date(2016, 12, 15))])
    (row,) = result.events.itertuples()
    assert (row.start, row.end) == ("2016-12-13", "2016-12-13")


def test_an_attribution_day_does_not_override_the_clause_own_date() -> None:
    from geo.extraction import extract
    from geo.model import Article

    text = (
        "Gunmen attacked a checkpoint in Kandahar on Sunday, according to a statement by "
        "the U.S. military on Tuesday.\n"
    )
    result = extract([Article(id="a", text=text, published=date(2016, 12, 15))])
    (row,) = result.events.itertuples()
    assert row.start == "2016-12-11"


# --- the present of a timetable is future ------------------------------------------------------


def test_a_timetable_present_puts_the_weekday_ahead() -> None:
    text = "The festival begins with a kickoff dance at 8 p.m. Thursday in Turkey, Texas."
    assert day(text, SAT, "Thursday") == date(2016, 12, 22)
    trial = "The trial resumes Monday as the defense presents its case."
    assert day(trial, SAT, "Monday") == date(2016, 12, 19)


def test_the_past_of_the_same_verb_stays_past() -> None:
    # counter-examples: the past tense, and a capitalised headline word, keep the past day
    text = "The festival began with a kickoff dance at 8 p.m. Thursday in Turkey, Texas."
    assert day(text, SAT, "Thursday") == date(2016, 12, 15)
    assert day("Festival Opens Thursday", SAT, "Thursday") == date(2016, 12, 15)


def test_the_present_of_be_before_a_day_is_a_timetable() -> None:
    # SAT is Saturday 17 December 2016: "is Tuesday" is the coming one
    assert day("The council meeting is Tuesday at city hall.", SAT, "Tuesday") == date(2016, 12, 20)
    funeral = "The funeral is at 11 a.m. Thursday at the parish church."
    assert day(funeral, SAT, "Thursday") == date(2016, 12, 22)
    assert day("The vote is set for Friday.", SAT, "Friday") == date(2016, 12, 23)
    visitation = "Visitation is from 5 to 8 p.m. Friday at the funeral home."
    assert day(visitation, SAT, "Friday") == date(2016, 12, 23)
    assert day("The deadline is Dec. 5 for the new bridge.", SAT, "Dec. 5") == date(2017, 12, 5)


def test_be_away_from_the_day_is_no_timetable() -> None:
    # counter-examples: "is" that does not govern the day, and the past "was"
    custody = "The suspect is in custody after the shooting Tuesday."
    assert day(custody, SAT, "Tuesday") == date(2016, 12, 13)
    # a number that is no time of day between them: "is 5 Tuesday"
    assert day("The toll is 5 after the crash Tuesday.", SAT, "Tuesday") == date(2016, 12, 13)
    assert day("The council meeting was Tuesday at city hall.", SAT, "Tuesday") == date(
        2016, 12, 13
    )


def test_a_possessive_weekday_before_a_name_is_a_day() -> None:
    text = "Victims of Friday's Lake County crash were named."
    assert day(text, SAT, "Friday's") == date(2016, 12, 16)


def test_a_weekday_before_a_name_is_still_a_name() -> None:
    # counter-example: without "'s" a weekday before a capitalised word names something
    assert dated("The Sunday Times reported the crash.", SAT) == {}


# --- "a weekend <noun>": the weekend just gone ---------------------------------------------------


def test_a_weekend_rally_is_the_weekend_just_gone() -> None:
    text = "Attendees gave salutes at a weekend rally in Washington, and he is scheduled to speak."
    assert dated(text, WED)["a weekend"] == (date(2024, 10, 12), date(2024, 10, 13))
    statement = "The party said in a weekend statement that it would appeal."
    assert dated(statement, WED)["a weekend"] == (date(2024, 10, 12), date(2024, 10, 13))


def test_a_weekend_of_is_no_date() -> None:
    # counter-examples: "a weekend of music", "a week or a weekend" name a length, not a day
    assert dated("The fair will offer a weekend of music and fireworks.", WED) == {}
    assert dated("It took a week or a weekend to settle.", WED) == {}


# --- days named by a fixed holiday ---------------------------------------------------------------


def test_a_named_holiday_is_its_day() -> None:
    # SAT is Saturday 17 December 2016
    assert dated("Crews will strike on Christmas Day and Boxing Day.", SAT) == {
        "Christmas Day and Boxing Day": (date(2016, 12, 25), date(2016, 12, 26))
    }
    march = date(2009, 3, 28)
    assert day("He was last seen on New Year's Eve in town.", march, "New Year's Eve") == date(
        2008, 12, 31
    )
    assert day("The parade on St. Patrick’s Day drew crowds.", march, "St. Patrick’s Day") == date(
        2009, 3, 17
    )
    text = "The dedication was held on Veterans Day in 2007."
    assert day(text, march, "Veterans Day in 2007") == date(2007, 11, 11)


def test_a_holiday_told_as_a_habit_or_a_season_is_no_day() -> None:
    # counter-examples: "one"/"every"/"annual" before the name, and bare "Christmas"
    assert dated("He found the dog on his doorstep one Christmas Day.", SAT) == {}
    assert dated("The annual St. Patrick's Day party drew crowds.", SAT) == {}
    assert dated("Shops were busy at Christmas, before a Christmas party.", SAT) == {}
