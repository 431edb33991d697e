"""A happening told in a relative clause with a present perfect describes a noun by its
record ("the coalition that has fought IS in Iraq", "soldiers who have been wounded in
Iraq"): no happening of the day (docs/recognition-and-events.md, "Events that are no
happening"). The sentences are written here, in the style of news."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from geo.named_happenings import relative_record
from tests.geo.helpers import reports_of


def record(text: str, form: str) -> bool:
    return relative_record(text, 0, text.index(form))


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("Arab leaders and other nations in the coalition that has fought IS in Iraq.", "fought"),
        ("Many of our soldiers who have been wounded in Iraq need care.", "wounded"),
        ("The group, which has repeatedly attacked convoys near Kandahar, denies it.", "attacked"),
    ],
)
def test_a_relative_perfect_tells_a_record(text: str, form: str) -> None:
    assert record(text, form)


@pytest.mark.parametrize(
    ("text", "form"),
    [
        # a past tense, a perfect with no relative pronoun, a relative with no perfect
        ("A man who was arrested in Dayton on Monday appeared in court.", "arrested"),
        ("A man has been arrested in Dayton after the robbery.", "arrested"),
        ("Police identified the driver who crashed into a store in Dayton.", "crashed"),
        ("The company that has announced layoffs was attacked in Dayton.", "attacked"),
    ],
)
def test_other_clauses_tell_no_record(text: str, form: str) -> None:
    assert not record(text, form)


def test_a_record_makes_no_event(gaz: Gazetteer) -> None:
    text = (
        "Officials in Washington are worried, as are the nations in the coalition that has "
        "fought rebels in Iraq."
    )
    assert not [r for r in reports_of(text, gaz) if r.place.name == "Iraq"]


def test_a_perfect_without_a_relative_still_reports(gaz: Gazetteer) -> None:
    text = "Two men have been arrested in Dayton after a robbery at a gas station on Monday."
    assert [r for r in reports_of(text, gaz) if r.place.name == "Dayton"]
