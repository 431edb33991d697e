"""The lead's happening in a story that has events of its own (geo/events.py): the lead
gives one too when the rule passes left its sentence, which holds a trigger, without a
report, and its own words date it; and the leads that must still give nothing."""

from __future__ import annotations

from gazetteer import Gazetteer
from geo.lead_event import LEAD_ROLE
from tests.geo.helpers import reports_of

#: A later sentence with a happening of its own, placed by the usual rules.
ELSEWHERE = " The foreign ministers met in Nairobi on Monday."


def leads(text: str, gaz: Gazetteer) -> list[tuple[str, str, str]]:
    """(type, place, start) of each lead report of ``text``."""
    return [
        (r.type.name, r.place.name, r.dates.start.isoformat())
        for r in reports_of(text, gaz)
        if r.role == LEAD_ROLE
    ]


def test_a_dated_lead_with_no_report_gives_its_happening_beside_the_others(
    gaz: Gazetteer,
) -> None:
    text = (
        "Teenagers held after pharmacy break-in\n\n"
        "Police arrested two Saskatoon teenagers on Saturday afternoon after a break-in. "
        "Saskatchewan officers found the stolen goods." + ELSEWHERE
    )
    reports = reports_of(text, gaz)
    assert "Nairobi" in {r.place.name for r in reports}
    assert leads(text, gaz) == [("arrest", "Saskatoon", "2024-05-11")]


def test_a_lead_with_no_trigger_gives_nothing_beside_the_others(gaz: Gazetteer) -> None:
    text = (
        "Teenagers and a dog\n\n"
        "Two Saskatoon teenagers pulled a dog from a frozen pond on Saturday afternoon. "
        "Firefighters in Saskatchewan praised the pair." + ELSEWHERE
    )
    assert leads(text, gaz) == []


def test_an_undated_lead_gives_nothing_beside_the_others(gaz: Gazetteer) -> None:
    # dated only by publication: it may tell an old happening; alone it would be mapped
    text = (
        "Teenagers held after pharmacy break-in\n\n"
        "Police arrested two Saskatoon teenagers after a break-in at a pharmacy. "
        "Saskatchewan officers found the stolen goods."
    )
    assert [k for k, _, _ in leads(text, gaz)] == ["arrest"]
    assert leads(text + ELSEWHERE, gaz) == []
