"""The words of an event image: the source credit line, the date as shown, and the alt text.

Text from the table is untrusted: it is cleaned and cut (:func:`layers.typeset.clean_text`),
never HTML-escaped here. :mod:`layers.images` draws these; the site uses the alt text.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from typing import Any

from layers.dates import date_label
from layers.errors import SiteError
from layers.sourcenames import article_name
from layers.typeset import clean_text


def _as_sources(value: Any) -> list[Any]:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return [value]
    if isinstance(value, Mapping):
        return [value]
    if isinstance(value, Iterable) and not isinstance(value, (str, bytes)):
        return list(value)
    return []


def _source_name(source: Any) -> str:
    if isinstance(source, Mapping):
        return clean_text(source.get("outlet"), limit=60) or clean_text(
            article_name(source.get("title"), None, source.get("article")), limit=60
        )
    return clean_text(source, limit=60)


def source_credit(sources: Any, *, limit: int = 2) -> str:
    """A credit line for an event's ``sources``: ``"Sources: Newsweek, AP +2"``.

    Each source is named by its outlet, else its title, else a name read from its article id
    (:func:`layers.sourcenames.article_name`); repeated names count once, in
    first-seen order; at most ``limit`` are written and the rest counted. ``sources`` may be
    the list of dicts of the events table or its JSON text. Returns ``""`` when there is no
    source.
    """
    names: list[str] = []
    seen: set[str] = set()
    for source in _as_sources(sources):
        name = _source_name(source)
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    if not names:
        return ""
    label = "Source" if len(names) == 1 else "Sources"
    shown = ", ".join(names[: max(1, limit)])
    rest = len(names) - max(1, limit)
    return f"{label}: {shown}" + (f" +{rest}" if rest > 0 else "")


def _missing(value: Any) -> bool:
    """None, NaN, or pandas' NaT (the table's ways of saying "no value")."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN and NaT are not equal to themselves
    except (TypeError, ValueError):
        return False


def event_date_text(event: Mapping[str, Any]) -> str:
    """The event's dates for people; a bad date is shown as given, never raised."""
    start = event.get("start")
    if _missing(start):
        return ""
    end = start if _missing(event.get("end")) else event.get("end")
    precision = event.get("date_precision")
    precision = "day" if _missing(precision) else str(precision)
    try:
        return date_label(start, end, precision)
    except (SiteError, ValueError, TypeError):
        return clean_text(start, limit=40)


def event_alt_text(event: Mapping[str, Any]) -> str:
    """The alt text of an event's image: what it shows, in one plain-text sentence or two.

    E.g. ``"Map of Taiwan Strait: Joint naval drill, 14 Oct 2024. Sources: Newsweek, AP +2."``
    The text is cleaned (no control characters) but not HTML-escaped.
    """
    title = clean_text(event.get("title"), limit=200) or "Event"
    place = clean_text(event.get("place_name"), limit=120)
    when = event_date_text(event)
    head = f"Map of {place}: {title}" if place else f"Map: {title}"
    if when:
        head += f", {when}"
    credit = source_credit(event.get("sources"))
    return f"{head}. {credit}." if credit else f"{head}."
