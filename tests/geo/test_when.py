"""The "when" pass on news-like sentences: which date each reported happening takes. Each rule
has a counter-example where it must not fire. Sentences are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from shapely.geometry import Point

from gazetteer import Gazetteer, Place
from geo.dates import present_perfect
from geo.lexicon import trigger_types
from geo.merge import merge_reports
from geo.model import DateRange
from geo.reports import EventReport
from tests.geo.helpers import PUBLISHED
from tests.geo.helpers import reports_of as events

TYPES = trigger_types()
TOWN = Place("test:town", "Testville", "city", Point(10.5, 10.5), country="XX", prominence=1e5)


def dated(reports: list[EventReport], name: str) -> tuple[str, str, str]:
    """(start, end, precision) of the first report placed at ``name``."""
    r = next(r for r in reports if r.place.name.lower().endswith(name.lower()))
    return r.dates.start.isoformat(), r.dates.end.isoformat(), r.dates.precision


def report(article: str, dates: DateRange) -> EventReport:
    t = TYPES["attack"]
    return EventReport(
        article=article,
        type=t,
        trigger="attack",
        role="in",
        place=TOWN,
        char_start=0,
        char_end=9,
        text="Testville",
        dates=dates,
        date_source="published",
        quote="A bomb exploded in Testville.",
        title="Attack, Testville",
        confidence=0.8,
    )


# --- merge: windows of unknown precision ------------------------------------------------


def test_merged_windows_of_unknown_precision_keep_their_overlap() -> None:
    # two articles published two days apart, neither dating the attack: it lies in both weeks
    a = report("a", DateRange(date(2024, 5, 9), date(2024, 5, 15), "unknown"))
    b = report("b", DateRange(date(2024, 5, 11), date(2024, 5, 17), "unknown"))
    (event,) = merge_reports([a, b])
    assert (event.dates.start, event.dates.end) == (date(2024, 5, 11), date(2024, 5, 15))


def test_merged_days_keep_their_union() -> None:
    # counter-example: two reports of given days span both days, not their (empty) overlap
    a = report("a", DateRange(date(2024, 5, 14), date(2024, 5, 14), "day"))
    b = report("b", DateRange(date(2024, 5, 15), date(2024, 5, 15), "day"))
    (event,) = merge_reports([a, b])
    assert (event.dates.start, event.dates.end) == (date(2024, 5, 14), date(2024, 5, 15))


# --- an undated lead in the present perfect: hot news ----------------------------------


def test_an_undated_present_perfect_lead_reports_the_last_day_or_two(gaz: Gazetteer) -> None:
    text = (
        "Floods have swept through northern Bangladesh, leaving thousands of families "
        "homeless, officials say.\nRescue teams reached villages near Sylhet."
    )
    assert dated(events(text, gaz), "Bangladesh") == ("2024-05-14", "2024-05-15", "day")


@pytest.mark.parametrize(
    "lead",
    [
        # a past lead with no date: around publication, precision unknown
        "Floods swept through northern Bangladesh, leaving thousands of families homeless.",
        # a perfect in a relative clause is not the lead's verb
        "Aid workers in northern Bangladesh praised what the army has done for flood victims.",
    ],
)
def test_other_undated_leads_stay_of_unknown_precision(gaz: Gazetteer, lead: str) -> None:
    reports = events(lead, gaz)
    assert reports, lead
    assert all(r.dates.precision == "unknown" for r in reports)


@pytest.mark.parametrize(
    ("clause", "perfect"),
    [
        ("Two strong earthquakes have struck north-western Iran", True),
        ("A top aide has been arrested on suspicion of corruption", True),
        ("Police have also arrested two men", True),
        ("They’ve found the missing hiker", True),
        ("The town has a population of 4,000", False),  # "have" as a main verb
        ("Residents have to leave by Friday", False),  # an obligation
        ("Employees should have been paying taxes on perks", False),  # a modal perfect
        ("The cold is believed to have saved his life", False),  # an infinitive
        ("Both candidates have never lost an election", False),  # an experience
        ("She thanked them for what the city has done", False),  # a relative clause
    ],
)
def test_present_perfect(clause: str, perfect: bool) -> None:
    assert present_perfect(clause, 0, len(clause)) is perfect


def test_a_dated_lead_keeps_its_own_date(gaz: Gazetteer) -> None:
    text = "Floods have swept through northern Bangladesh on Sunday, leaving families homeless."
    assert dated(events(text, gaz), "Bangladesh")[:2] == ("2024-05-12", "2024-05-12")


# --- a definite description names the article's main news ------------------------------


def test_a_definite_description_takes_the_date_of_the_lead(gaz: Gazetteer) -> None:
    text = (
        "A gunman opened fire on worshippers at a mosque on Sunday, killing four people.\n"
        "Officials said the attack in Peshawar was an act of terror."
    )
    assert dated(events(text, gaz), "Peshawar")[:2] == ("2024-05-12", "2024-05-12")


def test_a_description_of_another_kind_of_news_keeps_the_week(gaz: Gazetteer) -> None:
    # counter-example: the lead's news is an earthquake, so "the attack" is some other attack
    text = (
        "A strong earthquake struck eastern Turkey on Sunday, killing four people.\n"
        "Officials said the attack in Peshawar was unrelated."
    )
    assert dated(events(text, gaz), "Peshawar")[2] == "unknown"


def test_a_description_that_another_time_is_told_from_is_not_the_news(gaz: Gazetteer) -> None:
    # counter-example: "the night before the attack" is not the attack's day
    text = (
        "A gunman opened fire on worshippers at a mosque on Sunday, killing four people.\n"
        "Police said the night before the attack he stayed at a hotel in Peshawar."
    )
    assert all(
        r.dates.start.isoformat() != "2024-05-12"
        for r in events(text, gaz)
        if r.place.name.endswith("Peshawar")
    )


# --- "N days after <clause>": the clause's happening is N days before the main one ------


def relation(sentence: str) -> list[tuple[str, str]]:
    """(text, start day) of the expressions that date a clause after "after"/"before"."""
    from geo.dates import find_dates

    return [
        (t.text, t.range.start.isoformat())
        for t in find_dates(sentence, PUBLISHED)
        if t.text.lower() in {"after", "before"}
    ]


def test_n_days_after_a_clause_dates_the_clause_before_the_main_time() -> None:
    s = "Monday's shooting came three days after gunmen killed two guards in Karachi."
    assert relation(s) == [("after", "2024-05-10")]  # Monday the 13th, minus three days


def test_n_days_after_a_clause_of_the_news_itself_counts_from_publication(
    gaz: Gazetteer,
) -> None:
    text = (
        "A car bomb has killed nine people in Mogadishu, officials say.\n"
        "It comes two days after militants stormed a hotel in Kismayo."
    )
    assert dated(events(text, gaz), "Kismayo")[:2] == ("2024-05-13", "2024-05-13")


@pytest.mark.parametrize(
    "sentence",
    [
        # a duration, not a relation between two happenings
        "She worked for ten days before joining the rescue team in Karachi.",
        # an event named by a noun phrase is left to the event-relative rule
        "Protesters gathered two days after the election in Karachi.",
        # the clause dates itself
        "The car was damaged two days after he bought it in October.",
        # a long main clause with no date of its own: its time is unknown
        "In an interview with reporters several days after troops left Karachi, he spoke.",
        # a main time coarser than a week gives no day to count from
        "Last month, three days after troops left Karachi, the mayor resigned.",
    ],
)
def test_no_relation(sentence: str) -> None:
    assert relation(sentence) == []


def test_a_clause_of_another_time_in_a_perfect_lead_is_not_hot_news(gaz: Gazetteer) -> None:
    # counter-example: the perfect dates the slowdown, not the invasion it is told from
    (report,) = events("Aid flows have slowed since troops invaded Tigray.", gaz)
    assert report.date_source != "lead" and report.dates.precision == "unknown"


def test_a_time_of_day_after_before_or_after_is_no_clause_of_its_own() -> None:
    from geo.extraction import extract
    from geo.model import Article

    text = "Kody Berrey was arrested just before 11 p.m. on May 5 in Monroe County, Missouri."
    result = extract([Article(id="a", text=text, published=date(2017, 5, 8))])
    assert list(zip(result.events.title, result.events.start, strict=True)) == [
        ("Arrest, Monroe County", "2017-05-05")
    ]


def test_before_a_clause_still_opens_a_clause() -> None:
    from geo.clauses import analyse_sentence

    text = "He was arrested on Friday before he fled to Danbury on Monday."
    sent = analyse_sentence(text, 0, len(text), ())
    assert len(sent.clauses) == 2 and text[sent.clauses[1] :].startswith("before he fled")
    timed = "He was arrested on Friday shortly before 11 p.m. in Danbury."
    assert len(analyse_sentence(timed, 0, len(timed), ()).clauses) == 1


def _titles_and_dates(text: str, published: date) -> list[tuple[str, str, str]]:
    from geo.extraction import extract
    from geo.model import Article

    result = extract([Article(id="a", text=text, published=published)])
    return list(zip(result.events.title, result.events.start, result.events.end, strict=True))


def test_the_sentence_after_the_lead_goes_on_with_its_news_of_the_same_kind() -> None:
    text = (
        "Police shake-up follows weekend violence\n"
        "A Leeds man was arrested on Sunday afternoon on five counts of assault.\n"
        "He was arrested at the town hall in Wakefield by a police sergeant.\n"
    )
    found = _titles_and_dates(text, date(2009, 3, 30))
    assert ("Arrest, Wakefield", "2009-03-29", "2009-03-29") in found


def test_the_sentence_after_the_lead_keeps_the_week_when_the_lead_tells_other_news() -> None:
    text = (
        "Deal signed\n"
        "The two governments signed a peace deal in Doha on Saturday after months of talks.\n"
        "Fighting continued in Goma, where rebels shelled the airport.\n"
    )
    found = _titles_and_dates(text, date(2024, 3, 4))
    goma = [f for f in found if f[0].endswith("Goma")]
    assert goma and all(start != "2024-03-02" for _, start, _ in goma)


# --- a place that pins down the one before it holds no time of its own -------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gunmen robbed a bank in Worcester, west of Boston, in March.",
            ("2024-03-01", "2024-03-31"),
        ),
        (
            "Gunmen robbed a bank in Worcester, 40 miles west of Boston, on Monday.",
            ("2024-05-13", "2024-05-13"),
        ),
    ],
)
def test_a_town_link_does_not_keep_the_time_from_the_town(
    gaz: Gazetteer, text: str, expected: tuple[str, str]
) -> None:
    assert dated(events(text, gaz), "Worcester")[:2] == expected


def test_a_place_of_another_clause_still_keeps_its_time(gaz: Gazetteer) -> None:
    # counter-example: Boston is the place of another happening, whose day is not the robbery's
    text = "Gunmen robbed a bank in Worcester, and police raided a house in Boston on Monday."
    assert dated(events(text, gaz), "Worcester")[2] == "unknown"
