"""A lead that tells a plan gives no event, but its town is the story's town for the dated
happenings after it (geo.lead_plan; counts in docs/recognition-and-events.md, "A planned
lead's town"). The sentences are written for these tests."""

from __future__ import annotations

from gazetteer import Gazetteer
from tests.geo.helpers import reports_of


def kinds(text: str, gaz: Gazetteer) -> list[tuple[str, str, str, str]]:
    return [
        (r.type.name, r.role, r.place.name, r.dates.start.isoformat())
        for r in reports_of(text, gaz)
    ]


def test_a_planned_leads_town_places_the_dated_happening_after_it(gaz: Gazetteer) -> None:
    text = (
        "Man to be sentenced\n\n"
        "A Saskatoon, Saskatchewan, man will be sentenced on June 20, a judge ordered. "
        "A jury convicted him on Friday of fraud."
    )
    assert kinds(text, gaz) == [("trial", "focus", "Saskatoon", "2024-05-10")]


def test_a_lead_of_another_time_gives_its_town_to_nothing(gaz: Gazetteer) -> None:
    # counter-example: a lead refused as a happening of another year, not a plan
    text = (
        "Bridge case settled\n\n"
        "In 2022, a Saskatoon, Saskatchewan, bridge collapsed under a truck. "
        "A jury convicted the driver on Friday of negligence."
    )
    assert kinds(text, gaz) == []


def test_a_later_happening_that_names_its_own_town_keeps_it(gaz: Gazetteer) -> None:
    # counter-example: the planned lead's town does not override a place the sentence names
    text = (
        "Man to be sentenced\n\n"
        "A Saskatoon, Saskatchewan, man will be sentenced on June 20, a judge ordered. "
        "A jury convicted him on Friday of fraud in Regina."
    )
    assert kinds(text, gaz) == [("trial", "in", "Regina", "2024-05-10")]
