"""Rules from the missed required events of the wire tune set (session 38, wmiss38), each
with sentences written here and the counter-examples where the rule must not fire."""

from __future__ import annotations

from datetime import date
from functools import partial

from gazetteer import Gazetteer
from geo.datelines import find_datelines
from geo.dates import find_dates
from geo.factuality import mood
from geo.focus import article_focus
from geo.geoparse import analyze
from geo.lexicon import find_triggers
from geo.voters import VOTERS_ROLE
from tests.geo import helpers

PUBLISHED = date(2018, 8, 1)  # a Wednesday


#: The reports of a text published on :data:`PUBLISHED`, and (type, place, first day) of
#: each, with every pass on (:func:`tests.geo.helpers.reports_of`, ``with_gazetteer``).
reports = partial(helpers.reports_of, published=PUBLISHED, with_gazetteer=True)
placed = partial(helpers.placed, published=PUBLISHED)


def names(text: str) -> list[str]:
    return [text[d.name_start : d.name_end] for d in find_datelines(text)]


# -- a dateline below a byline or a date stamp ------------------------------------------------


def test_a_dateline_below_a_date_stamp_line_is_found() -> None:
    text = (
        "Ruling party keeps its majority\n\n"
        "Posted: 2018-08-01 16:17:33 | Desk: world\n\n"
        "HARARE, August 12 (Wire) -- The ruling party kept its seats, officials said."
    )
    assert names(text) == ["HARARE"]


def test_a_day_of_two_digits_qualifies_a_dateline() -> None:
    assert names("SEOUL, Nov. 20 (Wire) -- North Korea fired a missile on Monday.") == ["SEOUL"]


def test_a_dateline_below_two_lines_of_story_is_not_read() -> None:
    # counter-example: the blank lines do not count, the story's own lines do
    text = (
        "Storm floods the coast\n\nRain fell all night on the coast.\n\n"
        "Roads were closed on Monday.\n\nFAIRFIELD, Conn. -- More rain came."
    )
    assert names(text) == []


def test_capitals_a_qualifier_and_a_number_without_a_dash_are_a_sentence() -> None:
    # counter-example: no dash and no outlet, whatever the qualifier holds
    assert names("PARIS, Texas 75460 is a small city in the northeast of the state.") == []


def test_a_dateline_below_a_byline_is_the_focus_and_opens_the_lead(gaz: Gazetteer) -> None:
    text = (
        "Voters back the ruling party\n\n"
        "Source: Wire Service| 2018-08-01 16:17:33|Editor: jdoe\n\n"
        "HARARE, August 1 (Wire) -- The ruling party has kept a majority in parliament, "
        "officials of Zimbabwe said on Wednesday.\n\n"
        "Voters went to the polls on Monday to elect a president and a new parliament."
    )
    a = analyze(text, PUBLISHED, gazetteer=gaz)
    focus = article_focus(text, a.recognized, a.timeline, gazetteer=gaz)
    assert focus is not None and focus.place.name == "Harare" and focus.source == "dateline"
    assert a.timeline.lead_index() == 2  # the dateline's sentence, not the byline
    assert ("election", "Harare", "2018-07-30") in placed(text, gaz)


def test_a_byline_with_no_dateline_below_it_does_not_move_the_lead(gaz: Gazetteer) -> None:
    # counter-example: with no dateline, the first long sentence is the lead as before
    text = (
        "Voters back the ruling party\n\n"
        "The ruling party of Zimbabwe has kept a majority in parliament, officials said.\n\n"
        "HARARE is quiet."
    )
    a = analyze(text, PUBLISHED, gazetteer=gaz)
    assert a.timeline.lead_index() == 1


# -- a day range under way in a future clause --------------------------------------------------


def test_a_range_of_days_under_way_in_a_future_clause_is_this_years() -> None:
    found = find_dates(
        "The exercise will be held between Nov 3-6 off the coast.", date(2020, 11, 4)
    )
    assert [(t.range.start, t.range.end) for t in found] == [(date(2020, 11, 3), date(2020, 11, 6))]


def test_a_range_of_days_already_over_in_a_future_clause_is_next_years() -> None:
    # counter-example: a future clause names a range that has not begun, not one long over
    found = find_dates("The exercise will be held Nov 1-3 off the coast.", date(2020, 11, 4))
    assert [(t.range.start, t.range.end) for t in found] == [(date(2021, 11, 1), date(2021, 11, 3))]


# -- warning shots ------------------------------------------------------------------------------


def test_warning_shots_fired_are_a_happening() -> None:
    text = "A patrol boat fired warning shots at a fishing trawler on Wednesday."
    start = text.index("fired")
    assert mood(text, 0, len(text), start, start + len("fired")) == "reported"


def test_a_trigger_before_a_warning_is_still_an_alert() -> None:
    # counter-example: "a tsunami warning for the coast" names the alert, not the wave
    text = "Officials issued a tsunami warning for the coast on Wednesday."
    start = text.index("tsunami")
    assert mood(text, 0, len(text), start, start + len("tsunami")) == "alert"


def test_warning_shots_in_a_sea_are_placed(gaz: Gazetteer) -> None:
    text = "A warship fired warning shots Wednesday to drive a destroyer away in the Black Sea."
    assert ("launch", "Black Sea", "2018-08-01") in placed(text, gaz)


# -- a seaport, and a naval formation -----------------------------------------------------------


def test_an_arrival_in_a_seaport_of_a_town_is_placed_at_the_town(gaz: Gazetteer) -> None:
    text = (
        "Last week, the aircraft carrier and its escorts arrived in the southern seaport of "
        "Busan, prompting criticism."
    )
    assert [p[:2] for p in placed(text, gaz)] == [("arrival", "Busan")]


def test_a_trigger_before_group_names_a_formation() -> None:
    text = "The carrier and its battle group left; the navy attack group and strike group too."
    assert [t.form for t in find_triggers(text)] == []


def test_a_battle_told_as_a_happening_is_still_one() -> None:
    # counter-example: "group" must follow the word itself
    text = "The battle for the port raged on, and a group of fighters was killed."
    assert "battle" in [t.form for t in find_triggers(text)]


def test_a_departure_from_a_seaport_is_not_placed_there(gaz: Gazetteer) -> None:
    # counter-example: "from" is no preposition of an area ("sailed from the seaport of …")
    text = "Last week, the aircraft carrier arrived in the bay from the southern seaport of Busan."
    assert "Busan" not in [p[1] for p in placed(text, gaz)]


# -- an election placed by its voters' nation ----------------------------------------------


def test_a_nations_people_going_to_the_polls_place_the_election(gaz: Gazetteer) -> None:
    text = "Kenyans went to the polls on Monday to elect a president and a new parliament."
    assert placed(text, gaz) == [("election", "Kenya", "2018-07-30")]


def test_a_nations_voters_casting_ballots_place_the_election(gaz: Gazetteer) -> None:
    text = "Turkish voters cast their ballots on Sunday in a tight runoff for the presidency."
    assert ("election", "Turkey", "2018-07-29") in placed(text, gaz)


def test_people_who_are_no_subject_place_no_election(gaz: Gazetteer) -> None:
    # counter-example: the people are the object of another verb
    text = "Deadly violence on Wednesday reminded many Zimbabweans of the vote on Monday."
    assert [r for r in reports(text, gaz) if r.role == VOTERS_ROLE] == []


def test_voters_with_no_day_of_their_own_place_no_election(gaz: Gazetteer) -> None:
    # counter-example: "two days before Americans voted" dates nothing of its own
    text = "The matter was dropped two days before Americans voted."
    assert [r for r in reports(text, gaz) if r.role == VOTERS_ROLE] == []
