"""Temporal tagging: candidate spans, anchoring rules, calendar arithmetic, inference."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import geo
from geo.dates import TimeExpression, find_dates, infer_published
from geo.errors import GeoError
from geo.model import DateRange

SAMPLE = Path(geo.__file__).parent / "sample"


def one(text: str, published: date | None) -> TimeExpression:
    found = find_dates(text, published)
    assert len(found) == 1, [e.text for e in found]
    return found[0]


def rng(text: str, published: date | None) -> tuple[date, date, str]:
    r = one(text, published).range
    return r.start, r.end, r.precision


def by_text(text: str, published: date | None) -> dict[str, DateRange]:
    return {e.text: e.range for e in find_dates(text, published)}


WED = date(2025, 1, 1)  # a Wednesday, on a year boundary


# --- absolute dates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The quake struck on November 18, 2022, near Gaziantep.", date(2022, 11, 18)),
        ("Talks resumed on 3 March 2021 in Doha.", date(2021, 3, 3)),
        ("Rains began on the 5th of June 2023 in Kerala.", date(2023, 6, 5)),
        ("The dam failed (2023-09-10) near Derna.", date(2023, 9, 10)),
        ("Voting took place on Sunday, Sept. 8, 2019, in Tunis.", date(2019, 9, 8)),
    ],
)
def test_full_dates_need_no_publication_date(text: str, expected: date) -> None:
    e = one(text, None)
    assert e.kind == "absolute"
    assert (e.range.start, e.range.end, e.range.precision) == (expected, expected, "day")
    assert text[e.start : e.end] == e.text


def test_month_year_and_year_and_day_ranges() -> None:
    found = by_text(
        "The war began in February 2022. Elections in 2019 were calm. "
        "The summit runs Oct. 22-24, 2024, in Kazan. Fighting flared in mid-May 2021.",
        None,
    )
    assert found["February 2022"] == DateRange(date(2022, 2, 1), date(2022, 2, 28), "month")
    assert found["2019"] == DateRange(date(2019, 1, 1), date(2019, 12, 31), "year")
    assert found["Oct. 22-24, 2024"] == DateRange(date(2024, 10, 22), date(2024, 10, 24), "day")
    assert found["mid-May 2021"] == DateRange(date(2021, 5, 11), date(2021, 5, 20), "week")


def test_invalid_calendar_dates_are_skipped() -> None:
    assert find_dates("It happened on February 30, 2023 in Oslo.", None) == []
    assert find_dates("Record 2024-13-45 was corrupt.", None) == []


def test_day_month_without_year_takes_the_year_nearest_publication() -> None:
    # past clause, published early January: "Dec. 28" is last year's
    assert rng("Protesters marched in Lima on Dec. 28.", date(2025, 1, 3))[0] == date(2024, 12, 28)
    # future clause: "Jan. 5" after a late-December publication is next year's
    assert rng("The court will rule on Jan. 5.", date(2024, 12, 30))[0] == date(2025, 1, 5)
    # past clause pulls to the latest day on or before publication
    assert rng("Police said the fire started on Oct. 20.", date(2024, 10, 16))[0] == date(
        2023, 10, 20
    )


def test_leap_day_without_year() -> None:
    assert rng("The storm hit on Feb. 29.", date(2025, 3, 10))[0] == date(2024, 2, 29)


def test_absolute_without_year_is_skipped_without_publication_date() -> None:
    assert find_dates("The ministers met on Oct. 15 in Hanoi.", None) == []


# --- false positives ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Officials may attend the meeting in Nairobi.",
        "Protesters plan to march on the capital.",
        "Former prime minister Theresa May said the deal was fair.",
        "The Sunday Times reported the leak from Lagos.",
        "Shoppers crowded stores on Black Friday in Toronto.",
        "The playwright August Wilson was born in Pittsburgh.",
        "About 2,000 troops and 150 tanks crossed the border.",
        "He spent 1,999 dollars in Mumbai.",
        "USA Today reported the fire in Maui.",
        "Trust in May's cabinet fell.",
        "Mondays are quiet in Reykjavik.",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, WED) == []


def test_may_as_month_with_context() -> None:
    found = by_text("Xi Jinping said in May that Kenya was a partner.", date(2024, 10, 16))
    assert found == {"May": DateRange(date(2024, 5, 1), date(2024, 5, 31), "month")}


# --- weekdays -------------------------------------------------------------------------------


def test_weekday_past_is_latest_on_or_before_publication_across_year_end() -> None:
    # published Wednesday 1 Jan 2025
    assert rng("The ferry sank on Monday off Zanzibar.", WED)[0] == date(2024, 12, 30)
    assert rng("Rescuers arrived Sunday in Mombasa.", WED)[0] == date(2024, 12, 29)
    assert rng("The vote was held on Wednesday in Accra.", WED)[0] == WED  # same weekday = P


def test_weekday_future_is_next_after_publication() -> None:
    assert rng("The envoy will travel to Hanoi on Friday.", WED)[0] == date(2025, 1, 3)
    # the publication day by its weekday is today, as in a past clause ("next Wednesday"
    # would be a week later)
    assert rng("Talks are scheduled for Wednesday in Geneva.", WED)[0] == WED
    assert rng("Talks are scheduled for next Wednesday in Geneva.", WED)[0] == date(2025, 1, 8)
    assert rng("The leaders are expected to meet on Monday.", WED)[0] == date(2025, 1, 6)


def test_ahead_of_another_happening_does_not_make_the_clause_future() -> None:
    # "ahead of" opens a phrase about the election, not the tense of the order
    text = (
        "Officials ordered the former leader's political party to disband on Monday ahead "
        "of an expected election."
    )
    assert rng(text, WED)[0] == date(2024, 12, 30)
    # counter-example: a future clause stays future
    assert rng("The party will disband on Monday ahead of the election.", WED)[0] == date(
        2025, 1, 6
    )


def test_last_next_this_weekday() -> None:
    assert rng("Fighting resumed last Friday.", WED)[0] == date(2024, 12, 27)
    assert rng("Fighting resumed last Wednesday.", WED)[0] == date(2024, 12, 25)
    assert rng("Voting opens next Monday.", WED)[0] == date(2025, 1, 6)
    assert rng("Voting opens this Thursday.", WED)[0] == date(2025, 1, 2)


def test_tense_is_decided_per_clause() -> None:
    text = "The minister, who arrived on Monday, will meet the president on Thursday."
    found = by_text(text, date(2024, 10, 16))  # a Wednesday
    assert found["Monday"].start == date(2024, 10, 14)
    assert found["Thursday"].start == date(2024, 10, 17)


def test_weekday_kind_and_span() -> None:
    e = one("Belarus closed the border on Tuesday.", WED)
    assert e.kind == "weekday" and e.text == "Tuesday"


# --- relative periods -----------------------------------------------------------------------


def test_deictic_days() -> None:
    p = date(2024, 3, 1)
    assert rng("Yesterday, floods hit Porto Alegre.", p)[:2] == (date(2024, 2, 29),) * 2
    assert rng("The mayor speaks today.", p)[0] == p
    assert rng("The mayor speaks tomorrow.", p)[0] == date(2024, 3, 2)
    assert rng("Shelling continued last night in Kharkiv.", p)[0] == date(2024, 2, 29)


def test_last_and_next_week_across_year_end() -> None:
    assert rng("Strikes hit the port last week.", WED) == (
        date(2024, 12, 23),
        date(2024, 12, 29),
        "week",
    )
    assert rng("The summit is next week.", date(2024, 12, 30)) == (
        date(2025, 1, 6),
        date(2025, 1, 12),
        "week",
    )
    # past tense: the week up to publication (what is told as done is done by then)
    assert rng("Aid arrived this week.", WED)[:2] == (date(2024, 12, 30), WED)
    assert rng("Aid will arrive this week.", WED)[:2] == (date(2024, 12, 30), date(2025, 1, 5))


def test_last_month_across_year_end_and_leap_february() -> None:
    assert rng("Exports fell last month.", date(2025, 1, 15)) == (
        date(2024, 12, 1),
        date(2024, 12, 31),
        "month",
    )
    assert rng("Exports fell last month.", date(2024, 3, 10))[:2] == (
        date(2024, 2, 1),
        date(2024, 2, 29),
    )
    assert rng("Prices rise next month.", date(2024, 12, 5))[:2] == (
        date(2025, 1, 1),
        date(2025, 1, 31),
    )


def test_years() -> None:
    assert rng("Trade peaked last year.", WED)[:2] == (date(2024, 1, 1), date(2024, 12, 31))
    assert rng("Trade will peak next year.", WED)[:2] == (date(2026, 1, 1), date(2026, 12, 31))
    assert rng("Trade rose earlier this year.", date(2024, 6, 15))[:2] == (
        date(2024, 1, 1),
        date(2024, 6, 15),
    )


def test_a_phrase_of_the_data_file_may_hold_a_run_of_spaces() -> None:
    # the phrases of dates.yaml match whatever whitespace run stands between their words,
    # as every word list of geo does (geo.vocabulary.alternation)
    p = date(2024, 10, 16)
    (found,) = find_dates("Prices rose earlier  this month.", p)
    assert (found.text, found.range) == (
        "earlier  this month",
        DateRange(date(2024, 10, 1), p, "month"),
    )
    (found,) = find_dates("The mayor spoke last  night.", p)
    assert found.range == DateRange.day(date(2024, 10, 15))


def test_seasons_northern_hemisphere() -> None:
    summer_2024 = (date(2024, 6, 1), date(2024, 8, 31), "season")
    summer_2023 = (date(2023, 6, 1), date(2023, 8, 31), "season")
    assert rng("Drills were held over the summer.", date(2024, 10, 16)) == summer_2024
    assert rng("Wildfires destroyed homes this summer.", date(2024, 4, 10)) == summer_2023
    assert rng("Talks will resume this summer.", date(2024, 4, 10)) == summer_2024
    assert rng("Heat records fell last summer.", date(2024, 7, 1)) == summer_2023
    assert rng("Heat records fell last summer.", date(2024, 10, 1)) == summer_2024
    assert rng("Ice closed the port last winter.", date(2024, 4, 1))[:2] == (
        date(2023, 12, 1),
        date(2024, 2, 29),
    )
    assert rng("Floods struck in the summer of 2021.", None)[:2] == (
        date(2021, 6, 1),
        date(2021, 8, 31),
    )


def test_bare_month_past_and_future() -> None:
    p = date(2024, 3, 5)
    assert rng("Protests erupted in August.", p)[:2] == (date(2023, 8, 1), date(2023, 8, 31))
    assert rng("Elections will be held in August.", p)[:2] == (date(2024, 8, 1), date(2024, 8, 31))
    # P's own month in a past clause: what is told as done is done by publication (session 39)
    assert rng("Protests erupted in March.", p)[:2] == (date(2024, 3, 1), date(2024, 3, 5))
    assert rng("Protests are planned in March.", p)[:2] == (date(2024, 3, 1), date(2024, 3, 31))
    assert rng("Fighting flared in early October.", date(2024, 11, 2)) == (
        date(2024, 10, 1),
        date(2024, 10, 10),
        "week",
    )
    assert rng("It ended in late February.", date(2024, 3, 5))[:2] == (
        date(2024, 2, 21),
        date(2024, 2, 29),
    )


def test_ago_and_vague() -> None:
    p = date(2024, 5, 10)
    assert rng("The dam broke three days ago.", p)[:2] == (date(2024, 5, 7),) * 2
    assert rng("The dam broke two weeks ago.", p) == (date(2024, 4, 22), date(2024, 4, 28), "week")
    e = one("Militants recently attacked a convoy in Niger.", p)
    assert e.kind == "vague"
    assert (e.range.start, e.range.end, e.range.precision) == (
        p - timedelta(days=30),
        p,
        "unknown",
    )


def test_relative_expressions_are_skipped_without_publication_date() -> None:
    text = "Yesterday the army left. Last week it shelled the town. On Monday it rained."
    assert find_dates(text, None) == []


# --- anaphora -------------------------------------------------------------------------------


def test_anaphoric_expressions_follow_the_preceding_date() -> None:
    text = (
        "Cyclone Freddy made landfall in Mozambique on March 11, 2023. "
        "The following day it reached Malawi. Two days later, the death toll rose. "
        "Aid arrived on the same day in Blantyre. The day before, roads had been cut."
    )
    found = find_dates(text, None)
    got = {e.text: (e.range.start, e.kind) for e in found}
    assert got["The following day"] == (date(2023, 3, 12), "anaphoric")
    assert got["Two days later"] == (date(2023, 3, 14), "anaphoric")
    assert got["on the same day"] == (date(2023, 3, 14), "anaphoric")
    assert got["The day before"] == (date(2023, 3, 13), "anaphoric")


def test_anaphora_falls_back_to_publication_date() -> None:
    assert rng("A day earlier, troops withdrew from Goma.", date(2024, 2, 10))[0] == date(
        2024, 2, 9
    )


def test_subsequent_week_relative_to_anchor() -> None:
    text = "Talks opened on Tuesday in Cairo. A ceasefire is planned the following week."
    found = by_text(text, date(2024, 10, 16))
    assert found["the following week"] == DateRange(date(2024, 10, 21), date(2024, 10, 27), "week")


# --- the sample -----------------------------------------------------------------------------


def test_sample_000_expressions() -> None:
    text = (SAMPLE / "000_9373d973f4021972.txt").read_text(encoding="utf-8")
    found = by_text(text, date(2024, 10, 16))
    assert found["Tuesday"] == DateRange.day(date(2024, 10, 15))
    assert found["a day earlier"] == DateRange.day(date(2024, 10, 14))
    assert found["the subsequent week"] == DateRange(date(2024, 10, 21), date(2024, 10, 27), "week")
    assert found["last month"] == DateRange(date(2024, 9, 1), date(2024, 9, 30), "month")
    assert found["over the summer"] == DateRange(date(2024, 6, 1), date(2024, 8, 31), "season")
    assert found["Monday"] == DateRange.day(date(2024, 10, 14))


def test_sample_001_expressions() -> None:
    text = (SAMPLE / "001_646846f35893e349.txt").read_text(encoding="utf-8")
    found = {e.text: e.range for e in find_dates(text, date(2024, 10, 16))}
    assert found["Oct. 15"] == DateRange.day(date(2024, 10, 15))
    assert found["the day before"] == DateRange.day(date(2024, 10, 14))
    assert found["On the same day"] == DateRange.day(date(2024, 10, 14))
    assert found["Oct. 22"] == DateRange.day(date(2024, 10, 22))
    assert found["Nov. 18, 2022"] == DateRange.day(date(2022, 11, 18))
    assert found["next week"] == DateRange(date(2024, 10, 21), date(2024, 10, 27), "week")


def test_sample_002_expressions() -> None:
    text = (SAMPLE / "002_2c6385e87956f5ff.txt").read_text(encoding="utf-8")
    found = by_text(text, date(2024, 10, 15))
    assert found["Tuesday"] == DateRange.day(date(2024, 10, 15))
    assert found["Monday"] == DateRange.day(date(2024, 10, 14))
    assert found["Yesterday"] == DateRange.day(date(2024, 10, 14))
    assert found["Last week"] == DateRange(date(2024, 10, 7), date(2024, 10, 13), "week")


# --- inference ------------------------------------------------------------------------------


def test_infer_latest_past_full_date() -> None:
    text = (
        "Floods hit Valencia on Oct. 29, 2024, killing more than 200 people. "
        "A state funeral will be held on Dec. 9, 2024. Relief began on Oct. 31, 2024."
    )
    inferred = infer_published(text)
    assert inferred is not None
    assert inferred[0] == date(2024, 10, 31)
    assert "Oct. 31, 2024" in inferred[1]


def test_infer_uses_later_yearless_dates_of_the_same_year() -> None:
    text = "The eruption began on March 3, 2024. On March 5 the airport in Catania closed."
    inferred = infer_published(text)
    assert inferred is not None
    assert inferred[0] == date(2024, 3, 5)
    assert "On March 5 the airport" in inferred[1]


def test_infer_gives_up_when_the_stated_year_is_background() -> None:
    text = (
        "A photo from the summit in Lima on Nov. 18, 2022. On Oct. 16, the ministers met in Hanoi."
    )
    assert infer_published(text) is None


def test_infer_nothing() -> None:
    assert infer_published("The ministers met on Monday in Hanoi.") is None
    assert infer_published("") is None


# --- API ------------------------------------------------------------------------------------


def test_expression_offsets_and_validation() -> None:
    text = "Rockets hit Haifa yesterday."
    e = one(text, date(2024, 9, 23))
    assert text[e.start : e.end] == "yesterday" == e.text
    with pytest.raises(GeoError, match="kind"):
        TimeExpression(0, 3, "abc", DateRange.day(date(2024, 1, 1)), "fuzzy")
    with pytest.raises(GeoError, match="published"):
        find_dates("x", "2024-01-01")  # type: ignore[arg-type]


def test_results_are_sorted_and_disjoint() -> None:
    text = (
        "On Monday, Oct. 14, troops left. Last week, on Friday, the army said it would leave "
        "next month, in early November 2024, or in 2025."
    )
    found = find_dates(text, date(2024, 10, 16))
    assert [e.start for e in found] == sorted(e.start for e in found)
    assert all(a.end <= b.start for a, b in pairwise(found))


# --- properties -----------------------------------------------------------------------------

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))


@given(days)
def test_last_week_is_the_monday_to_sunday_before_p(p: date) -> None:
    r = one("Troops withdrew last week.", p).range
    assert r.start.weekday() == 0
    assert (r.end - r.start).days == 6
    assert r.end < p - timedelta(days=p.weekday())  # ends before P's week starts
    assert (p - r.end).days <= 7


@given(days)
def test_next_week_is_the_monday_to_sunday_after_p(p: date) -> None:
    r = one("Troops arrive next week.", p).range
    assert r.start.weekday() == 0 and (r.end - r.start).days == 6
    assert r.start > p and (r.start - p).days <= 7


@given(days)
def test_last_month_is_the_whole_previous_month(p: date) -> None:
    r = one("Exports fell last month.", p).range
    assert r.start.day == 1
    assert r.end + timedelta(days=1) == p.replace(day=1)


@given(days, st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]))
def test_weekday_past_and_future(p: date, weekday: str) -> None:
    past = one(f"Troops left the town on {weekday}.", p).range.start
    future = one(f"Troops will leave the town on {weekday}.", p).range.start
    assert past.strftime("%A") == weekday == future.strftime("%A")
    assert 0 <= (p - past).days <= 6
    assert 0 <= (future - p).days <= 6


def test_more_documented_expressions() -> None:
    p = date(2024, 10, 16)  # a Wednesday
    found = by_text(
        "Shelling resumed on Monday night. It rained in the last week and last weekend. "
        "Prices rose earlier this month. Aid came in recent days. Talks end in late May. "
        "A deal was reached at the end of May.",
        p,
    )
    assert found["Monday night"] == DateRange.day(date(2024, 10, 14))
    assert found["the last week"] == DateRange(date(2024, 10, 9), p, "week")
    assert found["last weekend"] == DateRange(date(2024, 10, 12), date(2024, 10, 13), "day")
    assert found["earlier this month"] == DateRange(date(2024, 10, 1), p, "month")
    assert found["in recent days"] == DateRange(p - timedelta(days=10), p, "unknown")
    assert found["the end of May"] == DateRange(date(2024, 5, 21), date(2024, 5, 31), "week")


def test_numbers_after_month_names() -> None:
    assert find_dates("In May 5,000 people fled Gaza City.", WED) != []  # "In May" only
    assert [e.text for e in find_dates("In May 5,000 people fled Gaza City.", WED)] == ["May"]
    assert find_dates("Turnout hit 5%, in March 12 percent.", WED)[0].text == "March"


@given(days)
def test_over_the_summer_in_a_past_clause_is_a_summer_not_after_p(p: date) -> None:
    r = one("Drills were held over the summer.", p).range
    assert r.precision == "season"
    assert (r.start.month, r.end.month) == (6, 8)
    assert r.start <= p and (p - r.start).days < 366 + 92


_NEWSY = st.lists(
    st.sampled_from(
        [
            *"aeo tnMJSOTWdyl,.;:-–0123456789\n“”\"'",
            *("May ", "Monday ", "Oct. ", "last ", "week ", "2024 ", "in ", "the ", "day ", "ago "),
        ]
    ),
    max_size=120,
).map("".join)


@given(_NEWSY, st.one_of(st.none(), days))
def test_find_dates_never_fails_and_spans_are_consistent(text: str, p: date | None) -> None:
    found = find_dates(text, p)
    prev = 0
    for e in found:
        assert prev <= e.start < e.end <= len(text)
        assert text[e.start : e.end] == e.text
        prev = e.end
    infer_published(text)  # never raises


@pytest.mark.parametrize("p", [date.min, date.max])
def test_calendar_edges_do_not_crash(p: date) -> None:
    text = "Last year and next year, last month and next week, yesterday and tomorrow, on Monday."
    for e in find_dates(text, p):
        assert e.range.start <= e.range.end


def test_after_or_before_an_event_is_not_anaphora_to_a_date() -> None:
    p = date(2025, 2, 3)
    text = (
        "Fighting began in April 2023. The attack came two days after the army retook the "
        "bridge. Polls closed the day before Christmas. Talks resumed two days later."
    )
    found = by_text(text, p)
    assert "two days after" not in found and "the day before" not in found
    assert found["two days later"] == DateRange(date(2023, 4, 3), date(2023, 5, 2), "month")
    adverbial = by_text("Talks in Doha on March 3, 2024 failed; the day before, envoys met.", p)
    assert adverbial["the day before"] == DateRange.day(date(2024, 3, 2))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published 16.10.2024 in Minsk.", date(2024, 10, 16)),
        ("Talks began on 16/10/2024 in Baku.", date(2024, 10, 16)),
        ("Talks began on 10/16/2024 in Baku.", date(2024, 10, 16)),
        ("Filed 2024/10/16 from Kyiv.", date(2024, 10, 16)),
    ],
)
def test_numeric_dates_when_unambiguous(text: str, expected: date) -> None:
    assert rng(text, None) == (expected, expected, "day")
    assert infer_published(text) is not None


def test_ambiguous_numeric_dates_are_skipped() -> None:
    assert find_dates("Talks began on 10/11/2024 in Baku.", WED) == []
    assert find_dates("A ratio of 3/4/2024x.", WED) == []
