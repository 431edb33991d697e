"""Politics happenings of local and world news (issue 10, politics recall and category): a bill
signed or vetoed, a body's decision told by an informal or a headline verb, a board's meeting,
a lead that names a government department. Each has a sentence where it must fire and one
where it must not. The sentences are written here, in the style of news."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from tests.geo.test_categories import categories
from tests.geo.test_lead_cues import category
from tests.geo.test_local_government_events import events, types_of

# --- a bill signed or vetoed ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "In Richmond on Monday, the governor signed legislation to allow the plates.",
        "The governor vetoed the bill in Richmond on Monday.",
    ],
)
def test_a_bill_signed_or_vetoed_is_legislation(text: str, gaz: Gazetteer) -> None:
    assert events(text, gaz) == [("legislation", "Richmond", "2024-05-13", "2024-05-13")]


def test_a_signed_lease_or_a_signup_is_no_bill() -> None:
    for text in (
        "The firm signed the lease for the old jail on Monday.",
        "Residents signed up for the green waste collection.",
        "She signed a contract with the club in Richmond.",
    ):
        assert [t for t in types_of(text) if t[1] == "legislation"] == [], text


# --- a body's decision told by an informal or a headline verb --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "In Winnipeg, the county commission on Monday authorized the application for funds.",
        "In Winnipeg, the council OKs the budget on Monday.",
    ],
)
def test_a_body_that_authorized_or_oks_is_a_vote(text: str, gaz: Gazetteer) -> None:
    assert events(text, gaz) == [("adoption", "Winnipeg", "2024-05-13", "2024-05-13")]


def test_who_is_authorized_or_approves_without_a_body_is_no_vote() -> None:
    # "authorized" after someone who is no body, and "approves" with no body before it
    text = "Officials who were not authorized to speak said the talks went on."
    assert [t for t in types_of(text) if t[1] == "adoption"] == []
    assert [t for t in types_of("Her doctor approves the diet.") if t[1] == "adoption"] == []


# --- a board's meeting is politics -----------------------------------------------------------


def test_a_boards_meeting_is_politics(gaz: Gazetteer) -> None:
    text = "The board held a special meeting at the high school in Leeds on Monday."
    assert categories(text, gaz) == ["politics"]


@pytest.mark.parametrize(
    "text",
    [
        # a company's board is no local government
        "The board of directors held a meeting at the factory in Leeds on Monday.",
        # the European Union's commission meets states' envoys: relations between states
        "Envoys met the European Commission in Brussels on Monday.",
    ],
)
def test_a_company_board_or_the_european_commission_is_no_local_politics(
    text: str, gaz: Gazetteer
) -> None:
    assert "politics" not in categories(text, gaz), text


# --- a lead that names a government department -----------------------------------------------


def test_a_lead_naming_a_government_department_is_politics(gaz: Gazetteer) -> None:
    lead = "The Transportation Department issued guidelines in Saskatoon on Saturday afternoon."
    assert category("Guidelines for drivers", lead, gaz) == ["politics"]


def test_a_department_store_leaves_the_lead_other(gaz: Gazetteer) -> None:
    lead = "A Saskatoon department store gave away bells on Saturday afternoon."
    assert category("Shops give away bells", lead, gaz) == ["other"]


def test_a_lead_naming_local_government_is_politics(gaz: Gazetteer) -> None:
    lead = "The stimulus package has Saskatoon City Hall making a wish list on Saturday afternoon."
    assert category("Money headed to town", lead, gaz) == ["politics"]
    # counter-example: a county named Levy is no levy, and shift supervisors no board
    lead = "Shift supervisors from Levy County visited a Saskatoon plant on Saturday afternoon."
    assert category("Plant tour", lead, gaz) == ["other"]
