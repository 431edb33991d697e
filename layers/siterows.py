"""The tables' rows as the site's pages use them: rows with their geometry, the hash that
opens an event on the main page, and an event's dates as a label.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import geopandas as gpd

from layers.errors import SiteError
from layers.payload import date_text

#: Receives one line per problem that does not stop the build.
ProblemCallback = Callable[[str], None]


def table_rows(frame: gpd.GeoDataFrame) -> list[tuple[dict[str, Any], Any]]:
    """Each row of ``frame`` as ``(columns without the geometry, geometry)``, in order."""
    geometry = frame.geometry.name
    rows = frame.drop(columns=[geometry]).to_dict("records")
    return list(zip(rows, frame.geometry, strict=True))


def event_hash(row: dict[str, Any], sliced: bool) -> str:
    """The main page's hash that opens the event's popup; on a sliced site with the event's
    dates as the window, so that the page loads the slice holding it."""
    ident = f"event={quote(str(row['id']), safe='')}"
    if not sliced:
        return ident
    return f"from={str(row['start'])[:10]}&to={str(row['end'])[:10]}&{ident}"


def event_date_label(row: dict[str, Any], sink: ProblemCallback) -> str:
    """The event's dates as the pages write them (:func:`layers.payload.date_text`); dates
    that cannot be written so are reported through ``sink`` and shown as given."""
    try:
        return date_text(row["start"], row["end"], row["date_precision"])
    except SiteError as exc:
        sink(f"event {row['id']}: {exc}")
        return f"{row['start']} – {row['end']}"
