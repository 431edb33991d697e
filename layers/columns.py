"""Rows from any table → rows of the events (or mentions) contract, with documented defaults.

``layers`` accepts tables that did not come from ``geo``: an ACLED or GDELT export, a
hand-made GeoJSON. Each row needs a geometry and a date; everything else has a default:

==================  ==========================================================================
column              taken from (first present, names compared without case) → default
==================  ==========================================================================
id                  id, event_id, data_id, globaleventid, event_id_cnty, uid
                    → ``r-`` + a hash of the row's values (the same row gives the same id)
title               title, headline, name, event_name → place_name → ``"Event"``
category            category, event_type, type, layer → ``"other"``; the four known
                    categories are matched without case, any other string is kept as a layer
place_name          place_name, location, place, actiongeo_fullname, admin1, country → ``""``
place_id            place_id → ``""``;  place_kind: place_kind, kind → ``"other"``
geo_precision       geo_precision → 1 for a point, 3 for anything larger
start               start, date, event_date, start_date, sqldate, day, published
end                 end, end_date → the end of the start's period (``2024-10`` → 31 Oct)
date_precision      date_precision → what the start's format says (``2024-10-14`` day,
                    ``2024-10`` month, ``2024`` year)
sources             sources (a list, or JSON text of one) → one source built from
                    url / source_url / sourceurl / link, outlet / source / publisher,
                    quote / excerpt / sentence, article / article_id, published → ``[]``
source_count        the number of distinct articles in sources
confidence          confidence → 1.0 (a curated table is taken at its word)
derivation          derivation (text, or a dict with a ``description``) → none
notes               notes (a list, JSON text of one, or one string) → ``[]``
fields              fields (``[[name, value], …]`` or JSON text of it, as ``geo site`` writes
                    it) → every other column of the row, in the table's order, as
                    ``[name, text]`` (blank cells left out): an ACLED export's actors,
                    fatalities and sub-event type reach the popups under their own names
==================  ==========================================================================

Dates are read as ISO (``2024-10-14``, ``2024-10-14T08:00Z``), ``YYYYMMDD`` (GDELT),
``YYYY-MM``, ``YYYY``, ``14 October 2024`` / ``14 Oct 2024`` (ACLED) and
``October 14, 2024``. Slashed dates (``10/04/2024``) are refused as ambiguous.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from layers.schema import (
    CATEGORIES,
    DATE_PRECISIONS,
    MENTION_ROLES,
    SOURCE_KEYS,
)

__all__ = ["RowError", "event_row", "is_missing", "mention_row", "parse_date"]


class RowError(ValueError):
    """One row cannot be used; the message says why (the caller adds file and row)."""


_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "event_id", "data_id", "globaleventid", "event_id_cnty", "uid"),
    "title": ("title", "headline", "name", "event_name"),
    "category": ("category", "event_type", "type", "layer"),
    "place_name": ("place_name", "location", "place", "actiongeo_fullname", "admin1", "country"),
    "place_id": ("place_id",),
    "place_kind": ("place_kind", "kind"),
    "geo_precision": ("geo_precision",),
    "start": ("start", "date", "event_date", "start_date", "sqldate", "day", "published"),
    "end": ("end", "end_date"),
    "date_precision": ("date_precision",),
    "sources": ("sources",),
    "confidence": ("confidence",),
    "derivation": ("derivation",),
    "notes": ("notes",),
    "url": ("url", "source_url", "sourceurl", "link"),
    "outlet": ("outlet", "source", "publisher", "source_name"),
    "quote": ("quote", "excerpt", "sentence"),
    "article": ("article", "article_id"),
    "published": ("published", "publication_date"),
    "fields": ("fields",),
}
#: Contract columns a row may carry that are computed rather than read (never "other columns").
_COMPUTED = frozenset({"source_count", "geometry"})
#: The fields one source is built from when the table has no ``sources`` column.
_SOURCE_FIELDS = frozenset({"url", "outlet", "quote", "article", "published"})
#: How many other columns an event keeps, and the longest value kept (the popup is small).
FIELDS_LIMIT = 24
FIELD_TEXT_LIMIT = 300


def is_missing(value: Any) -> bool:
    """True for None, NaN, pandas NA/NaT and blank strings."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, float):
        return math.isnan(value)
    try:
        import pandas as pd

        result = pd.isna(value)
    except (TypeError, ValueError):
        return False
    return bool(result) if isinstance(result, bool) else False


def _lower_keys(row: Mapping[str, Any]) -> dict[str, Any]:
    return {str(k).strip().lower(): v for k, v in row.items()}


def _lookup(lowered: Mapping[str, Any], field: str) -> Any:
    """The first non-missing value among ``field``'s aliases (``lowered`` has lower-case keys)."""
    for name in _ALIASES.get(field, (field,)):
        value = lowered.get(name)
        if not is_missing(value):
            return value
    return None


def _text(value: Any) -> str:
    if is_missing(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # an id read as 123.0 from a numeric column is "123"
    return str(value).strip()


_MONTH_RE = re.compile(r"(\d{4})-(\d{2})")
_YEAR_RE = re.compile(r"\d{4}")
_COMPACT_RE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_WORD_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y")


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A date read from a table cell: the first and last day it may mean, and its precision."""

    first: date
    last: date
    precision: str


def parse_date(value: Any) -> ParsedDate:
    """Read a table cell as a date (formats in the module docstring).

    Raises :class:`RowError` naming the value when it is not a date this function reads.
    """
    if isinstance(value, datetime):
        return ParsedDate(value.date(), value.date(), "day")
    if isinstance(value, date):
        return ParsedDate(value, value, "day")
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        day = value.to_pydatetime().date()
        return ParsedDate(day, day, "day")
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        value = str(int(value))
    text = _text(value)
    if not text:
        raise RowError("no date")
    try:
        if len(text) >= 10 and text[4] == "-" and text[7] == "-":
            day = date.fromisoformat(text[:10])
            return ParsedDate(day, day, "day")
        if _COMPACT_RE.fullmatch(text):
            day = datetime.strptime(text, "%Y%m%d").date()
            return ParsedDate(day, day, "day")
        month = _MONTH_RE.fullmatch(text)
        if month:
            year, mon = int(month.group(1)), int(month.group(2))
            last = calendar.monthrange(year, mon)[1]
            return ParsedDate(date(year, mon, 1), date(year, mon, last), "month")
        if _YEAR_RE.fullmatch(text):
            year = int(text)
            return ParsedDate(date(year, 1, 1), date(year, 12, 31), "year")
    except ValueError as exc:
        raise RowError(f"not a valid date: {text[:40]!r}") from exc
    if "/" in text:
        raise RowError(f"ambiguous date {text[:40]!r}; write it as YYYY-MM-DD")
    for fmt in _WORD_FORMATS:
        try:
            day = datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        return ParsedDate(day, day, "day")
    raise RowError(f"not a date: {text[:40]!r}; expected YYYY-MM-DD")


def _json_list(value: Any, what: str) -> list[Any]:
    if is_missing(value):
        return []
    if isinstance(value, str):
        text = value.strip()
        if not text.startswith("["):
            return [text]
        try:
            value = json.loads(text)
        except ValueError as exc:
            raise RowError(f"{what} is not valid JSON: {exc}") from exc
    if hasattr(value, "tolist"):  # numpy array from a parquet or pandas round trip
        value = value.tolist()
    if not isinstance(value, list | tuple):
        raise RowError(f"{what} must be a list, got {type(value).__name__}")
    return list(value)


def _source(raw: Any) -> dict[str, str | None]:
    if not isinstance(raw, Mapping):
        raise RowError(f"each source must be an object, got {type(raw).__name__}")
    out: dict[str, str | None] = {}
    for key in SOURCE_KEYS:
        value = raw.get(key)
        out[key] = None if is_missing(value) else str(value).strip()
    return out


def _sources(lowered: Mapping[str, Any]) -> list[dict[str, str | None]]:
    raw = _lookup(lowered, "sources")
    if raw is not None:
        return [_source(s) for s in _json_list(raw, "sources")]
    built = {
        "article": _lookup(lowered, "article"),
        "title": None,
        "outlet": _lookup(lowered, "outlet"),
        "url": _lookup(lowered, "url"),
        "published": _lookup(lowered, "published"),
        "quote": _lookup(lowered, "quote"),
    }
    if all(is_missing(built[k]) for k in ("outlet", "url", "quote", "article")):
        return []
    if is_missing(built["article"]):
        built["article"] = built["url"] if not is_missing(built["url"]) else None
    if not is_missing(built["published"]):
        try:
            built["published"] = parse_date(built["published"]).first.isoformat()
        except RowError:
            built["published"] = _text(built["published"])
    return [_source(built)]


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _fields(row: Mapping[str, Any], lowered: Mapping[str, Any]) -> list[list[str]]:
    """The row's other columns as ``[name, text]`` pairs: every column that no contract field
    was read from (an alias that lost to an earlier one, such as ``admin1`` beside
    ``location``, counts as other), in the table's order, blank cells left out. A ``fields``
    column (a table this project wrote) is taken as it is."""
    given = lowered.get("fields")
    if not is_missing(given):
        pairs = []
        for pair in _json_list(given, "fields"):
            if hasattr(pair, "tolist"):
                pair = pair.tolist()
            if not isinstance(pair, list | tuple) or len(pair) != 2:
                raise RowError("fields must be a list of [name, value] pairs")
            name, value = _text(pair[0]), _text(pair[1])
            if name and value:
                pairs.append([_clip(name, 80), _clip(value, FIELD_TEXT_LIMIT)])
        return pairs[:FIELDS_LIMIT]
    used = set(_COMPUTED)
    has_sources = _lookup(lowered, "sources") is not None
    for field, aliases in _ALIASES.items():
        if has_sources and field in _SOURCE_FIELDS:
            continue  # a sources column wins; a url or outlet column beside it is other
        name = next((a for a in aliases if not is_missing(lowered.get(a))), None)
        if name is not None:
            used.add(name)
    pairs = []
    for key, value in row.items():
        name = str(key).strip()
        if name.lower() in used or is_missing(value) or isinstance(value, BaseGeometry):
            continue
        text = _text(value)
        if text:
            pairs.append([_clip(name, 80), _clip(text, FIELD_TEXT_LIMIT)])
    return pairs[:FIELDS_LIMIT]


def _derivation(value: Any) -> str | None:
    if is_missing(value):
        return None
    if isinstance(value, str) and value.strip().startswith("{"):
        try:
            value = json.loads(value)
        except ValueError:
            return value.strip()
    if isinstance(value, Mapping):
        text = _text(value.get("description"))
        if text:
            return text
        rule = _text(value.get("rule"))
        base = _text(value.get("base_name"))
        detail = _text(value.get("detail"))
        words = " ".join(w for w in (detail, rule, "of" if base else "", base) if w)
        return words or None
    return _text(value) or None


def _category(value: Any) -> str:
    text = " ".join(_text(value).split())
    if not text:
        return "other"
    return text.lower() if text.lower() in CATEGORIES else text


def _number(value: Any, what: str) -> float | None:
    if is_missing(value):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError) as exc:
        raise RowError(f"{what} is not a number: {str(value)[:40]!r}") from exc
    if math.isnan(number) or math.isinf(number):
        return None
    return number


def row_hash(row: Mapping[str, Any], geometry: BaseGeometry | None) -> str:
    """A stable id for a row that has none: a hash of its values and geometry."""
    payload = json.dumps(
        {str(k): _text(v) for k, v in row.items() if str(k).lower() != "geometry"},
        sort_keys=True,
        ensure_ascii=False,
    )
    wkb = shapely.to_wkb(geometry, hex=True) if geometry is not None else ""
    return "r-" + hashlib.sha256((payload + "|" + wkb).encode("utf-8")).hexdigest()[:16]


def check_geometry(geometry: Any) -> BaseGeometry:
    """The geometry if it is a non-empty, finite lon/lat geometry; else :class:`RowError`."""
    if geometry is None or not isinstance(geometry, BaseGeometry):
        raise RowError("no geometry")
    if geometry.is_empty:
        raise RowError("empty geometry")
    minx, miny, maxx, maxy = geometry.bounds
    if not all(math.isfinite(v) for v in (minx, miny, maxx, maxy)):
        raise RowError("geometry has non-finite coordinates")
    if minx < -180 or maxx > 180 or miny < -90 or maxy > 90:
        raise RowError(
            f"coordinates outside lon/lat range ({minx:g}, {miny:g}, {maxx:g}, {maxy:g}); "
            "the table must be in EPSG:4326 with longitude first"
        )
    return geometry


def event_row(row: Mapping[str, Any], geometry: Any) -> dict[str, Any]:
    """One row of any table as a row of the events contract (geometry under ``geometry``).

    Raises :class:`RowError` when the row has no usable geometry or start date, or an end
    before its start.
    """
    geom = check_geometry(geometry)
    lowered = _lower_keys(row)
    start_raw = _lookup(lowered, "start")
    if start_raw is None:
        raise RowError("no date (expected a start, date or event_date column)")
    start = parse_date(start_raw)
    end_raw = _lookup(lowered, "end")
    end = parse_date(end_raw).last if end_raw is not None else start.last
    if end < start.first:
        raise RowError(f"ends before it starts ({start.first} > {end})")
    precision = _text(_lookup(lowered, "date_precision")).lower() or start.precision
    if precision not in DATE_PRECISIONS:
        raise RowError(
            f"unknown date_precision {precision!r}; expected one of {', '.join(DATE_PRECISIONS)}"
        )
    place_name = _text(_lookup(lowered, "place_name"))
    sources = _sources(lowered)
    articles = {s["article"] or s["url"] or f"{s['outlet']}|{s['quote']}" for s in sources}
    geo_precision = _number(_lookup(lowered, "geo_precision"), "geo_precision")
    confidence = _number(_lookup(lowered, "confidence"), "confidence")
    if confidence is not None and not 0 <= confidence <= 1:
        raise RowError(f"confidence must be between 0 and 1, got {confidence:g}")
    ident = _text(_lookup(lowered, "id"))
    out: dict[str, Any] = {
        "id": ident or row_hash(row, geom),
        "title": " ".join(_text(_lookup(lowered, "title")).split()) or place_name or "Event",
        "category": _category(_lookup(lowered, "category")),
        "place_name": place_name,
        "place_id": _text(_lookup(lowered, "place_id")),
        "place_kind": _text(_lookup(lowered, "place_kind")) or "other",
        "geo_precision": int(geo_precision)
        if geo_precision is not None
        else (1 if isinstance(geom, Point) else 3),
        "start": start.first.isoformat(),
        "end": end.isoformat(),
        "date_precision": precision,
        "sources": sources,
        "source_count": len(articles),
        "confidence": 1.0 if confidence is None else confidence,
        "derivation": _derivation(_lookup(lowered, "derivation")),
        "notes": [_text(n) for n in _json_list(_lookup(lowered, "notes"), "notes") if _text(n)],
        "fields": _fields(row, lowered),
        "geometry": geom,
    }
    return out


def _offset(value: Any, what: str) -> int | None:
    number = _number(value, what)
    if number is None:
        return None
    if not number.is_integer() or number < 0:
        raise RowError(f"{what} must be a non-negative integer, got {value!r}")
    return int(number)


def mention_row(row: Mapping[str, Any], geometry: Any) -> dict[str, Any]:
    """One row of a mentions table, with defaults for what is missing.

    Needs a geometry; ``char_start``/``char_end`` (offsets into the article text) may be
    missing, and then the mention is not highlighted on an article page. Dates may be
    missing: such a mention is shown whatever dates the reader picks. ``role`` defaults to
    ``location``; another value than :data:`layers.schema.MENTION_ROLES` is an error.
    """
    geom = check_geometry(geometry)
    lowered = _lower_keys(row)
    start_raw = lowered.get("start")
    start = None if is_missing(start_raw) else parse_date(start_raw)
    end_raw = lowered.get("end")
    end = None if is_missing(end_raw) else parse_date(end_raw).last
    if start is not None and end is None:
        end = start.last
    if start is None and end is not None:
        raise RowError("has an end date but no start date")
    if start is not None and end is not None and end < start.first:
        raise RowError(f"ends before it starts ({start.first} > {end})")
    char_start = _offset(lowered.get("char_start"), "char_start")
    char_end = _offset(lowered.get("char_end"), "char_end")
    if (char_start is None) != (char_end is None) or (
        char_start is not None and char_end is not None and char_end <= char_start
    ):
        raise RowError(f"bad character offsets {char_start!r}..{char_end!r}")
    text = _text(lowered.get("text"))
    place_name = _text(lowered.get("place_name")) or text or "Place"
    precision = _text(lowered.get("date_precision")).lower()
    if not precision:
        precision = start.precision if start is not None else "unknown"
    if precision not in DATE_PRECISIONS:
        raise RowError(f"unknown date_precision {precision!r}")
    role = _text(lowered.get("role")).lower() or "location"
    if role not in MENTION_ROLES:
        raise RowError(f"unknown role {role!r}; expected one of {', '.join(MENTION_ROLES)}")
    out: dict[str, Any] = {
        "article": _text(lowered.get("article")),
        "char_start": char_start,
        "char_end": char_end,
        "text": text or place_name,
        "sentence": _text(lowered.get("sentence")),
        "place_id": _text(lowered.get("place_id")) or row_hash({"n": place_name}, geom),
        "place_name": place_name,
        "place_kind": _text(lowered.get("place_kind")) or "other",
        "start": start.first.isoformat() if start is not None else None,
        "end": end.isoformat() if end is not None else None,
        "date_precision": precision,
        "role": role,
        "geometry": geom,
    }
    return out
