"""What the event and date tests share: the reports :func:`geo.events.detect_events` gives for
a text the test invents, after the same analysis :func:`geo.extract` runs, and the dates
:func:`geo.dates.find_dates` reads in one."""

from __future__ import annotations

from datetime import date
from typing import Any

from gazetteer import Gazetteer
from geo.dates import find_dates
from geo.events import detect_events
from geo.geoparse import analyze, geoparse
from geo.reports import EventReport

#: The publication day of the invented articles: a Wednesday, so that "Tuesday" is 14 May
#: 2024 and "Saturday" 11 May.
PUBLISHED = date(2024, 5, 15)


def reports_of(
    text: str,
    gaz: Gazetteer,
    published: date | None = PUBLISHED,
    *,
    with_gazetteer: bool = False,
) -> list[EventReport]:
    """The event reports of ``text`` published on ``published`` (``None``: undated) as
    article ``"t"``, its places resolved with ``gaz``, in text order. With
    ``with_gazetteer`` the gazetteer is also handed to ``detect_events``, as ``geo.extract``
    does: a body's seat then places its votes, and a small town the text's divisions pin may
    be the focus; without it those passes stay off, so a test sees only the rule it is
    about."""
    a = analyze(text, published, gazetteer=gaz)
    return detect_events(
        text,
        a.recognized,
        a.timeline,
        article="t",
        gazetteer=gaz if with_gazetteer else None,
    )


def placed(
    text: str, gaz: Gazetteer, published: date | None = PUBLISHED
) -> list[tuple[str, str, str]]:
    """(type, place name, first day) of each report of ``text`` with every pass on, the
    gazetteer's too, as ``geo.extract`` runs them (:func:`reports_of`)."""
    return [
        (r.type.name, r.place.name, r.dates.start.isoformat())
        for r in reports_of(text, gaz, published, with_gazetteer=True)
    ]


def linked(text: str, gaz: Gazetteer) -> list[tuple[str, str, str, str]]:
    """(type, role, place name, first day) of each report of ``text`` (:func:`reports_of`):
    which trigger a place was tied to, and how."""
    return [
        (r.type.name, r.role, r.place.name, r.dates.start.isoformat())
        for r in reports_of(text, gaz)
    ]


def rule_reports(
    text: str, gaz: Gazetteer, published: date | None = PUBLISHED
) -> list[EventReport]:
    """:func:`reports_of` without the lead's happening (:mod:`geo.lead_event`), which maps a
    story the rule passes give nothing for: what the rule passes alone tie."""
    from geo.lead_event import LEAD_ROLE

    return [r for r in reports_of(text, gaz, published) if r.role != LEAD_ROLE]


def rule_events(events: Any) -> Any:
    """The rows of an events table that are not only an article's lead's happening (their
    notes do not hold :data:`geo.merged_event.LEAD_NOTE`)."""
    from geo.merged_event import LEAD_NOTE

    if not len(events):
        return events
    return events.loc[[LEAD_NOTE not in notes for notes in events["notes"]]]


def dated(text: str, published: date) -> dict[str, tuple[date, date]]:
    """Each time expression of ``text`` published on ``published``: its first and last day."""
    return {e.text: (e.range.start, e.range.end) for e in find_dates(text, published)}


def day(text: str, published: date, expr: str) -> date:
    """The one day the time expression ``expr`` of ``text`` names (it must name one day)."""
    start, end = dated(text, published)[expr]
    assert start == end
    return start


def places_by_state(text: str, gaz: Gazetteer) -> dict[str, tuple[str, str]]:
    """Each mention's text in ``text`` → (kind, first-level division) of its place, the
    division the place's representative point lies in ("" outside every one)."""
    out = {}
    for m in geoparse(text, gazetteer=gaz):
        point = m.place.geometry.representative_point()
        states = gaz.intersecting(point, kinds=("admin1",))
        out[m.text] = (m.place.kind, states[0].name if states else "")
    return out
