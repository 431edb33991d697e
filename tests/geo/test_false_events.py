"""False events found on held-out news (LGL and GeoWebNews, issue 10), each rule with a text
where it must fire and a counter-example where it must not: an undated summary of a happening
the article dates further down (geo/retold.py), a place in a relative clause about the
subject (geo/linking.py, ``beyond_aside``), a trigger word that is part of a place's name or
dateline (``in_no_name``), a floating mention of a country joined to another article's event
in one of its towns (geo/background.py), a thing received, welcomed or met taken for a
meeting (geo/data/senses.yaml). The texts are written here, in the style of news."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from gazetteer import Gazetteer
from geo.extraction import extract, extract_article
from geo.lexicon import find_triggers, load_lexicon
from geo.merge import merge_reports
from geo.model import Article, DateRange
from geo.reports import EventReport, around_publication
from geo.retold import retold_dates
from geo.senses import resolve
from tests.geo.helpers import PUBLISHED, reports_of, rule_reports

# -- one happening told twice: the undated summary takes the dated telling's day ------------

RULING = (
    "Judge throws out lawsuit.\n\n"
    "MINNEAPOLIS -- A federal judge has dismissed all claims against the county in a suit "
    "over its jail. The U.S. attorney's office says Judge Joan Ericksen dismissed the claims "
    "last Friday."
)
FRIDAY = DateRange(date(2024, 5, 10), date(2024, 5, 10), "day")


def _rulings(gaz: Gazetteer) -> tuple[EventReport, EventReport]:
    """The lead's ruling and the body's, the lead as it was before it took the body's day."""
    found = [r for r in reports_of(RULING, gaz, with_gazetteer=True) if r.type.name == "ruling"]
    assert len(found) == 2
    lead, body = found
    undated = replace(lead, dates=around_publication(PUBLISHED), date_source="lead")
    return undated, body


def test_an_undated_summary_takes_the_day_the_article_gives(gaz: Gazetteer) -> None:
    reports = reports_of(RULING, gaz, with_gazetteer=True)
    days = {r.dates for r in reports if r.type.name == "ruling"}
    assert days == {FRIDAY}
    lead, body = _rulings(gaz)
    assert [r.dates for r in retold_dates([lead, body])] == [FRIDAY, FRIDAY]


def test_an_older_happening_of_the_same_kind_lends_no_day(gaz: Gazetteer) -> None:
    # a month before: another ruling, not the one the summary tells
    lead, body = _rulings(gaz)
    april = DateRange(date(2024, 4, 2), date(2024, 4, 2), "day")
    out = retold_dates([lead, replace(body, dates=april)])
    assert out[0].dates == lead.dates


def test_two_days_of_the_same_kind_lend_none(gaz: Gazetteer) -> None:
    lead, body = _rulings(gaz)
    monday = DateRange(date(2024, 5, 13), date(2024, 5, 13), "day")
    out = retold_dates([lead, body, replace(body, dates=monday, char_start=body.char_start + 1)])
    assert out[0].dates == lead.dates


def test_another_kind_of_happening_lends_no_day(gaz: Gazetteer) -> None:
    lead, body = _rulings(gaz)
    other = replace(body, type=load_lexicon().types["arrest"])
    assert retold_dates([lead, other])[0].dates == lead.dates


# -- a relative clause about the subject places nothing after it -----------------------------


def _places(text: str, gaz: Gazetteer) -> str:
    """The names of the places the rule passes tie a trigger of ``text`` to (not the lead's
    happening, which maps a story no rule places), joined."""
    return " | ".join(r.place.name for r in rule_reports(text, gaz))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Okruashvili, who has received political asylum in France, was sentenced to 11 "
            "years in prison on Monday.",
            "France",
        ),
        (
            "Herbst Gambling Inc., which operates a casino in Iowa, two more in Missouri and 12 "
            "in Nevada, announced plans to file for bankruptcy on Monday.",
            "Missouri",
        ),
    ],
)
def test_a_place_in_a_relative_clause_takes_no_later_trigger(
    text: str, place: str, gaz: Gazetteer
) -> None:
    assert place not in _places(text, gaz)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the trigger comes before the clause: the clause says where the storm went
        (
            "The storm, which dropped several inches of snow around Topeka on Friday night, "
            "did little damage.",
            "Topeka",
        ),
        # the clause has closed before the place: the main clause places the arrest
        ("Smith, who is 45, was arrested in Dayton on Monday.", "Dayton"),
        # the trigger is in the clause itself
        ("Smith, who was arrested in Dayton on Monday, is held in the county jail.", "Dayton"),
    ],
)
def test_a_place_outside_such_a_clause_keeps_its_trigger(
    text: str, place: str, gaz: Gazetteer
) -> None:
    assert place in _places(text, gaz)


# -- a word of a place's name or of a dateline is no trigger ---------------------------------


def test_a_dateline_word_is_no_happening(gaz: Gazetteer) -> None:
    text = (
        "Two missing teenagers found unharmed.\n\n"
        "HURRICANE, W.Va. - Deputies from Putnam County have found two teenagers who went "
        "missing on Sunday night."
    )
    assert not [r for r in reports_of(text, gaz, with_gazetteer=True) if r.type.name == "storm"]


def test_the_same_word_in_the_text_stays_a_happening(gaz: Gazetteer) -> None:
    text = "A hurricane made landfall near Tampa on Sunday, flooding streets."
    assert [r for r in reports_of(text, gaz) if r.type.name == "storm"]


# -- a floating mention names no event another article told long before ---------------------


def _floating_joins(gaz: Gazetteer, where: str, *, blocking: bool = True) -> bool:
    """Whether an undated mention of hurricane landfalls in ``where`` (background, floating)
    joins the hurricane another article told in Galveston three weeks before."""
    told = Article(
        id="told",
        text=(
            "A hurricane struck Galveston, Texas on Saturday, flooding streets and cutting power "
            "to thousands of homes."
        ),
        published=date(2024, 4, 22),
    )
    mention = Article(
        id="mention",
        text=(
            "Forecasters look back on a busy year.\n\n"
            "Forecasters said the season roared to life after years of quiet summers and few "
            f"hurricane landfalls in {where}."
        ),
        published=PUBLISHED,
    )
    both = {"told", "mention"}
    if blocking:
        events = extract([told, mention], gazetteer=gaz).events
        return any({s["article"] for s in row.sources} == both for row in events.itertuples())
    # the exhaustive merge of the same reports
    reports = [r for a in (told, mention) for r in extract_article(a, gaz).reports]
    merged = merge_reports(reports, {"told": told, "mention": mention}, blocking=False)
    return any({s["article"] for s in e.sources} == both for e in merged)


def test_a_floating_mention_of_a_country_joins_no_event_told_in_a_town(gaz: Gazetteer) -> None:
    assert not _floating_joins(gaz, "the United States")


def test_a_floating_mention_of_the_town_joins_its_event(gaz: Gazetteer) -> None:
    assert _floating_joins(gaz, "Galveston")


@pytest.mark.parametrize("where", ["the United States", "Galveston"])
def test_the_exhaustive_merge_applies_the_same_place_rule(gaz: Gazetteer, where: str) -> None:
    # the blocked merge (the default) and the exhaustive one give the same events
    assert _floating_joins(gaz, where, blocking=False) == _floating_joins(gaz, where)


# -- things received, welcomed or met: no meeting (geo/data/senses.yaml) --------------------


def _read(text: str) -> list[tuple[str, str]]:
    """(form, type) of each trigger of ``text`` as its senses read it (one sentence)."""
    found = resolve(text, find_triggers(text), lambda pos: (0, len(text)))
    return [(t.form, t.type.name) for t in found]


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("Dispatchers received a 911 call from a home in Dayton.", "received"),
        ("Detectives received a tip that the suspect was hiding in Akron.", "received"),
        ("Twelve clinics in Ohio received funds from the program.", "received"),
        ("She received degrees in law and history from a college in Boston.", "received"),
        ("Officials in Ramallah welcomed the decision on Monday.", "welcomed"),
        ("The bid was found to meet the primary criteria set by the city of Akron.", "meet"),
    ],
)
def test_a_thing_received_welcomed_or_met_is_no_meeting(text: str, form: str) -> None:
    assert form not in [f for f, _ in _read(text)]


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("The mayor welcomed a Japanese delegation in Osaka on Monday.", "welcomed"),
        ("The president received the Kenyan premier in Paris.", "received"),
        ("The two ministers will meet in Geneva next week.", "meet"),
    ],
)
def test_a_person_received_welcomed_or_met_stays_a_meeting(text: str, form: str) -> None:
    assert (form, "meeting") in _read(text)


def test_a_championship_meet_is_a_competition() -> None:
    text = "The wrestling team advanced to the state championship meet in Delano."
    assert ("meet", "competition") in _read(text)


@pytest.mark.parametrize(
    "text",
    [
        "The search resumed with underwater drones off Perth on Monday.",
        "Police used camera drones to film the crowd in Leeds.",
    ],
)
def test_a_search_drone_is_no_strike(text: str) -> None:
    assert "drones" not in [f for f, _ in _read(text)]


def test_armed_drones_stay_a_strike() -> None:
    text = "Drones launched by the army hit a depot near Odesa overnight."
    assert ("drones", "strike") in _read(text)


# -- an undated happening takes the day another sentence gives it in the same word ------------

INDICTED = (
    "Elkhart man indicted.\n\n"
    "PALESTINE, Texas -- A 24-year-old Elkhart man who fled from a deputy last fall has been "
    "indicted in Anderson County. "
)


def _county_days(text: str, gaz: Gazetteer) -> set[tuple[date, str]]:
    """The (first day, date source) of ``text``'s reports at Anderson County."""
    return {
        (r.dates.start, r.date_source)
        for r in reports_of(text, gaz, with_gazetteer=True)
        if r.place.name == "Anderson County"
    }


def test_an_undated_happening_takes_the_day_its_word_is_told_with(gaz: Gazetteer) -> None:
    text = INDICTED + "He was indicted April 24 on a charge of evading arrest, records show."
    assert _county_days(text, gaz) == {(date(2024, 4, 24), "previous")}


def test_another_word_of_the_kind_or_two_days_lend_no_day(gaz: Gazetteer) -> None:
    # counter-examples: the arrest is not the indictment; two indictments, which one is told?
    arrest = INDICTED + "He was arrested April 24 after a chase, records show."
    assert {source for _, source in _county_days(arrest, gaz)} == {"published"}
    twice = (
        INDICTED + "He was indicted April 24 on a charge of evading arrest. "
        "He was indicted again on May 2 on a theft charge."
    )
    assert {source for _, source in _county_days(twice, gaz)} == {"published"}


def test_the_happening_another_time_is_told_from_lends_no_day(gaz: Gazetteer) -> None:
    # counter-example: "since his indictment on April 24" dates what came after it
    text = INDICTED + "He has stayed in jail since his indictment on April 24, records show."
    assert {source for _, source in _county_days(text, gaz)} == {"published"}
