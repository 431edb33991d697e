"""Local-news happenings found on news the extractor was not tuned on (issue 10): the dateline's
own undated sentence, divisions that hold the focus, and a few trigger forms; each rule with a
sentence where it must not fire. All sentences are invented."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from geo.events import detect_events
from geo.geoparse import analyze
from tests.geo.helpers import PUBLISHED, reports_of

#: A sentence elsewhere in the story that says which Winnipeg the dateline means.
ANCHOR = "\nOfficers say Manitoba has seen a rise in such thefts."


def events(text: str, gaz: Gazetteer) -> list[tuple[str, str, str, str, str]]:
    return [
        (r.type.name, r.role, r.place.name, r.dates.start.isoformat(), r.dates.end.isoformat())
        for r in reports_of(text, gaz)
    ]


# --- the dateline's own sentence: the news of the day, undated -------------------------------


def test_an_undated_arrest_in_the_datelines_sentence_is_placed_at_the_focus(
    gaz: Gazetteer,
) -> None:
    text = (
        "WINNIPEG – A 40-year-old Winnipeg man was arrested after police found stolen goods "
        "in a storage locker." + ANCHOR
    )
    assert events(text, gaz) == [("arrest", "focus", "Winnipeg", "2024-05-14", "2024-05-15")]


def test_a_noun_in_the_datelines_sentence_may_name_an_old_happening(gaz: Gazetteer) -> None:
    text = (
        "WINNIPEG – Investigators closed the case involving the murders of three people." + ANCHOR
    )
    assert [e for e in events(text, gaz) if e[1] != "lead"] == []  # the rule passes


def test_an_undated_happening_after_the_datelines_sentence_stays_unplaced(
    gaz: Gazetteer,
) -> None:
    text = (
        "WINNIPEG – City council met on Monday to discuss the budget.\n"
        "A man was arrested after a fight at a bar." + ANCHOR
    )
    assert [e for e in events(text, gaz) if e[0] == "arrest"] == []


# --- a division that holds the focus is not "somewhere else" ----------------------------------


def test_the_focus_places_a_sentence_that_names_its_own_province(gaz: Gazetteer) -> None:
    text = "WINNIPEG – Police arrested a Manitoba teacher on Monday." + ANCHOR
    assert events(text, gaz) == [("arrest", "focus", "Winnipeg", "2024-05-13", "2024-05-13")]


def test_a_country_that_does_not_hold_the_focus_keeps_the_sentence_unplaced(
    gaz: Gazetteer,
) -> None:
    text = "WINNIPEG – Police arrested a United States citizen on Monday." + ANCHOR
    assert [e for e in events(text, gaz) if e[1] != "lead"] == []  # the rule passes


# --- trigger forms -----------------------------------------------------------------------------


def test_military_operations_are_fighting(gaz: Gazetteer) -> None:
    text = "The army pressed its military operations in Bakhmut on Monday."
    assert [e[:3] for e in events(text, gaz)] == [("fighting", "in", "Bakhmut")]


def test_a_military_operations_chief_is_a_role_not_fighting(gaz: Gazetteer) -> None:
    text = "The army's military operations chief spoke to reporters in Kyiv on Monday."
    assert events(text, gaz) == []


def test_vandalism_is_a_property_crime(gaz: Gazetteer) -> None:
    text = "Acts of vandalism at a cemetery in Leeds were reported on Monday."
    assert [e[:3] for e in events(text, gaz)] == [("robbery", "in", "Leeds")]


def test_a_vandalism_report_is_no_vandalism(gaz: Gazetteer) -> None:
    assert events("A vandalism report was filed in Leeds on Monday.", gaz) == []


def test_remanded_in_custody_is_a_court_hearing(gaz: Gazetteer) -> None:
    text = "He was remanded in custody at a court in Leeds on Monday."
    assert [e[:3] for e in events(text, gaz)] == [("trial", "in", "Leeds")]


def test_a_case_remanded_to_a_lower_court_is_no_hearing(gaz: Gazetteer) -> None:
    assert events("The appeals court in Denver remanded the case on Monday.", gaz) == []


def test_a_symposium_is_a_conference(gaz: Gazetteer) -> None:
    text = "Experts met at a symposium in Oslo on Monday."
    assert [e[:3] for e in events(text, gaz)] == [("summit", "in", "Oslo")]


def test_symposium_organizers_are_no_symposium(gaz: Gazetteer) -> None:
    assert events("The symposium organizers were in Oslo on Monday.", gaz) == []


def test_a_burglary_squad_is_a_police_unit_and_its_arrest_the_happening(
    gaz: Gazetteer,
) -> None:
    text = "Its burglary squad arrested two people in Leeds on Monday."
    assert [e[:3] for e in events(text, gaz)] == [("arrest", "in", "Leeds")]


def test_a_burglary_without_a_unit_stays_a_burglary(gaz: Gazetteer) -> None:
    text = "A burglary was reported in Leeds on Monday."
    assert [e[:3] for e in events(text, gaz)] == [("robbery", "in", "Leeds")]


# --- a court named after its seat places the court's own happenings ------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("He was sentenced at Leeds Crown Court on Monday.", "Leeds"),
        ("A Navarro County jury convicted the man on Monday.", "Navarro County"),
        ("Two men pleaded guilty at Leeds Magistrates' Court on Monday.", "Leeds"),
    ],
)
def test_a_courts_seat_places_its_trials_and_verdicts(
    gaz: Gazetteer, text: str, place: str
) -> None:
    assert [(e[0], e[2], e[3]) for e in events(text, gaz)] == [("trial", place, "2024-05-13")]


def test_a_courts_seat_places_nothing_else(gaz: Gazetteer) -> None:
    # counter-examples: what the court heard happened elsewhere; a court's happening in a
    # clause of another time is not the news; police are no court
    heard = "Leeds Crown Court heard that he was arrested in Bradford on Monday."
    assert [(e[0], e[2]) for e in events(heard, gaz)] == [("arrest", "Bradford")]
    after = (
        "The man was jailed for ten years after he was found guilty of attempted murder "
        "at Leeds Crown Court last Friday."
    )
    assert all(e[2] != "Leeds" for e in events(after, gaz))
    police = "Leeds police said the man was convicted in York on Monday."
    assert ("trial", "in", "York") in [e[:3] for e in events(police, gaz)]
    assert all(e[1] != "at" for e in events(police, gaz))  # not placed as a court's seat


#: A lead that names no place, and a body that names the town only as its court's seat
#: ("the dock of Leeds Magistrate’s Court"), in a British paper (which Leeds).
COURT_STORY = (
    "Man in court over burglaries\n\nA man of 34 was remanded in custody on Monday after "
    "appearing in court on 15 charges. He stood in the dock of Leeds Magistrate’s Court with a "
    "swollen eye."
)


def _story_events(text: str, gaz: Gazetteer) -> list[tuple[str, str, str]]:
    found = analyze(text, PUBLISHED, gazetteer=gaz)
    reports = detect_events(
        text, found.recognized, found.timeline, article="t", gazetteer=gaz, home_country="GB"
    )
    return [(r.type.name, r.place.name, r.dates.start.isoformat()) for r in reports]


def test_a_magistrates_court_in_the_singular_names_the_story_town(gaz: Gazetteer) -> None:
    assert _story_events(COURT_STORY, gaz) == [("trial", "Leeds", "2024-05-13")]


def test_a_town_board_names_no_story_town(gaz: Gazetteer) -> None:
    # counter-example: an organisation that is no court or police force is no place
    board = COURT_STORY.replace("in the dock of Leeds Magistrate’s Court", "for the Leeds Board")
    assert _story_events(board, gaz) == []
