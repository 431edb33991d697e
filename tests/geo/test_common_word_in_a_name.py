"""A common English word read as a far town inside a capitalised name or title
(geo.finding.Finding._common_word_in_a_name): "Knucklehead’s Bar" is no town of Montenegro,
"the Shaping the Future committee" none of China; the same word as a town stays."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from geo.recognize import recognize


def located(text: str, gaz: Gazetteer) -> list[str]:
    """The phrases recognised in the role of a location, in text order."""
    return [text[r.start : r.end] for r in recognize(text, gazetteer=gaz) if r.role == "location"]


@pytest.mark.parametrize(
    "text",
    [
        "Police were called to Knucklehead’s Bar at about 1:30 a.m. Saturday in Omaha.",
        "Students helped clean the New Concord Reservoir area Saturday afternoon.",
        "Monument For Sale. There are 12 houses for sale on the avenue in Richmond.",
        "The board heard recommendations from the Shaping the Future committee in Norfolk.",
        "He gave details on the Shaping the Future and administrative team proposals.",
    ],
)
def test_a_common_word_inside_a_name_is_no_town(text: str, gaz: Gazetteer) -> None:
    word = {"Bar", "Reservoir", "Sale", "Shaping"}
    assert not word & set(located(text, gaz))


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Police in Reading said the man was arrested on Tuesday.", "Reading"),
        ("In Reading the council met on Tuesday to approve the budget.", "Reading"),
        ("The festival in Nice drew crowds last weekend.", "Nice"),
        ("Fans travelled from Lincoln to Omaha by train on Friday.", "Lincoln"),
        ("On Monday Reading councillors voted for the plan.", "Reading"),
        ("The singer moved to Bar, Montenegro, last year.", "Bar"),
    ],
)
def test_the_same_word_as_a_town_stays(text: str, town: str, gaz: Gazetteer) -> None:
    assert any(p.startswith(town) for p in located(text, gaz))
