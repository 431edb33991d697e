"""The events and mentions tables: the one contract between ``geo`` and ``layers``.

Geometry is lon/lat (EPSG:4326). Dates are ISO strings, inclusive. ``sources`` is a list of
dicts with the keys in :data:`SOURCE_KEYS`.
"""

from __future__ import annotations

#: Columns of the events table, in order (geometry last).
EVENT_COLUMNS: tuple[str, ...] = (
    "id",
    "title",
    "category",
    "place_name",
    "place_id",
    "place_kind",
    "geo_precision",
    "start",
    "end",
    "date_precision",
    "sources",
    "source_count",
    "confidence",
)

#: Optional event columns that ``layers`` shows when present.
#: ``derivation``: how a derived area was made (a sentence); ``notes``: list of strings, e.g.
#: where sources disagree about the place.
OPTIONAL_EVENT_COLUMNS: tuple[str, ...] = ("derivation", "notes")

#: Keys of each dict in an event's ``sources`` list.
SOURCE_KEYS: tuple[str, ...] = ("article", "title", "outlet", "url", "published", "quote")

#: Columns of the mentions table, in order (geometry last). ``role`` is one of
#: :data:`MENTION_ROLES`.
MENTION_COLUMNS: tuple[str, ...] = (
    "article",
    "char_start",
    "char_end",
    "text",
    "sentence",
    "place_id",
    "place_name",
    "place_kind",
    "start",
    "end",
    "date_precision",
    "role",
)

#: Roles of a place mention: ``location`` (the text names the place; only these place
#: events), ``demonym`` ("Russian forces" mentions Russia), ``organisation`` ("Texas" in
#: "University of Texas") and ``qualifier`` ("Texas" in "Paris, Texas"). A table without the
#: column has ``location`` mentions.
MENTION_ROLES: tuple[str, ...] = ("location", "demonym", "organisation", "qualifier")

#: Event categories geo produces, in legend order; each has a fixed colour. Any other string
#: is a category too: it gets a layer of its own, coloured from a spare palette.
CATEGORIES: tuple[str, ...] = (
    "diplomacy",
    "military",
    "conflict",
    "protest",
    "politics",
    "disaster",
    "crime",
    "other",
)

DATE_PRECISIONS: tuple[str, ...] = ("day", "week", "month", "season", "year", "unknown")
