"""What the event tests share: the reports :func:`geo.events.detect_events` gives for a text
the test invents, after the same analysis :func:`geo.extract` runs."""

from __future__ import annotations

from datetime import date

from gazetteer import Gazetteer
from geo.events import detect_events
from geo.geoparse import analyze
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


def linked(text: str, gaz: Gazetteer) -> list[tuple[str, str, str, str]]:
    """(type, role, place name, first day) of each report of ``text`` (:func:`reports_of`):
    which trigger a place was tied to, and how."""
    return [
        (r.type.name, r.role, r.place.name, r.dates.start.isoformat())
        for r in reports_of(text, gaz)
    ]
