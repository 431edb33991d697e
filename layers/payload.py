"""The data a page's script draws from: compact, column-oriented, JSON-ready.

The main page carries what the map, the list and the filters need for every event in one
``<script type="application/json">`` block, as arrays (one per field) so that 10,000 events
stay a few megabytes and the date filter walks plain arrays. What only a popup shows (sources
with their quotes and links, notes, how an area was drawn) goes into *detail files*
(``details/<n>.js``, :data:`DETAIL_CHUNK` events each) that the page loads when a popup opens;
embed pages carry their one event's details inline. Shapes shared by several events are stored
once; coordinates are ``[lat, lon]`` (flipped by :func:`layers.geometry.leaflet_coords`)
rounded to what their size warrants. Dates are day numbers (days since 1970-01-01) so the
filter compares integers.

Layout (``ev`` and ``pl`` are columns; ``ev.id[i]`` … ``ev.im[i]`` describe event ``i``)::

    {"title", "cats": [{"key", "label", "colour", "cls", "count"}],
     "sources": [name]          the names the sources filter offers (outlet, else web site,
                                else headline, else a name read from the article id),
     "geoms": [{"t": "pt"|"pts"|"ln"|"pg", "c": coords, "b": [[s, w], [n, e]] (not for "pt"),
                "o": lines stroked instead of the rings of an area cut at the antimeridian or
                     a pole, "w": 1 for an area round the world (layers.geometry)}],
     "ev": {"id", "t" title, "c" category index, "g" geometry index, "p" place name,
            "dv" 1 for an area derived from a description, "s" start day, "e" end day,
            "l" date label, "sk" [source name indices],
            "f" page name when not the id (only when some event needs one),
            "im" has an image (only when images are on)},
     "details": {"size": events per file, "count": files} or {"inline": [detail]},
     "pl": {"id", "n" name, "k" kind, "g" geometry index,
            "m" [[article index or -1, sentence, start day, end day, date label, anchor]],
            "more" mentions not listed, "w" merged [first, last] day spans or null},
     "arts": [[label, article page name or null]]   the articles mentions point to,
     "range": [first day, last day] of the events (of the mentions when there are none) or
              null, "span": the timeline's own days when a few events lie far from the
              rest, {"days": [first, last], "earlier": n, "later": m}, or null,
     "bounds": [[s, w], [n, e]] or null,
     "snippet": iframe template, "credits": [text], "mentionColour", "root": path to the
     site root ("" or "../")}

A detail is ``[place kind, derivation, notes, confidence, sources, fields]`` (``fields``: a
foreign table's other columns as ``[[name, text]]``), each source
``[outlet, headline, http(s) url, published (as people read it), quote, article page name]``
(any of them may be null).

This module holds the shared parts (shapes and sources stored once, dates as day numbers, the
events block, the details); the places layer's block is :mod:`layers.placedata`, and the
page data objects are assembled in :mod:`layers.pagedata`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import geopandas as gpd
import shapely
from shapely.geometry.base import BaseGeometry

from layers.articles import ArticleDoc
from layers.errors import SiteError
from layers.geometry import display_geometry, leaflet_coords
from layers.safety import http_url
from layers.sourcenames import article_name, readable_article_name, source_name
from layers.style import CategoryStyle

__all__ = [
    "DETAIL_CHUNK",
    "QUOTE_LIMIT",
    "Geometries",
    "SiteTables",
    "Sources",
    "clip",
    "date_text",
    "day_number",
    "detail_chunks",
    "event_detail",
    "event_records",
    "events_block",
]

_EPOCH = date(1970, 1, 1)
#: Longest quote carried in the page; the full quote is in the downloads and article pages.
QUOTE_LIMIT = 400
#: Events per detail file.
DETAIL_CHUNK = 200


def day_number(iso: str) -> int:
    """Days from 1970-01-01 to the ISO date ``iso`` (negative before 1970)."""
    return (date.fromisoformat(iso[:10]) - _EPOCH).days


def date_text(start: str, end: str, precision: str) -> str:
    """The date as people read it (``layers.dates.date_label``)."""
    from layers.dates import date_label

    return date_label(start, end, precision)


def clip(text: str | None, limit: int = QUOTE_LIMIT) -> str:
    """``text`` on one line, cut to ``limit`` characters (an ellipsis ends a cut one);
    ``""`` for none."""
    if not text:
        return ""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class Geometries:
    """Display shapes, each stored once: ``index(geom)`` returns its position in ``items``."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []
        self._by_wkb: dict[bytes, int] = {}

    def index(self, geom: BaseGeometry) -> int:
        key = shapely.to_wkb(geom)
        found = self._by_wkb.get(key)
        if found is not None:
            return found
        shown, digits = display_geometry(geom)
        item = leaflet_coords(shown, digits)
        if item["t"] != "pt":  # a point's bounds are its position
            minx, miny, maxx, maxy = shown.bounds
            item["b"] = [
                [round(miny, 5), round(minx, 5)],
                [round(maxy, 5), round(maxx, 5)],
            ]
        self.items.append(item)
        self._by_wkb[key] = len(self.items) - 1
        return len(self.items) - 1

    def bounds(self, indices: Iterable[int]) -> list[list[float]] | None:
        boxes = [
            self.items[i].get("b") or [self.items[i]["c"], self.items[i]["c"]]
            for i in sorted(set(indices))
        ]
        if not boxes:
            return None
        return [
            [min(b[0][0] for b in boxes), min(b[0][1] for b in boxes)],
            [max(b[1][0] for b in boxes), max(b[1][1] for b in boxes)],
        ]


def _published_label(value: Any) -> str | None:
    """A publication date as people read it ("16 Oct 2024"), or the text as given."""
    if not value:
        return None
    text = str(value).strip()
    try:
        return date_text(text[:10], text[:10], "day")
    except (SiteError, ValueError):
        return clip(text, 40) or None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


class Sources:
    """The sources filter's names, each stored once."""

    def __init__(self, docs: Mapping[str, ArticleDoc]) -> None:
        self.names: list[str] = []
        self._index: dict[str, int] = {}
        self._docs = docs

    def key(self, source: Mapping[str, Any] | None) -> int:
        if source is None:
            name = "No source given"
        else:
            doc = self._docs.get(source.get("article") or "")
            name = source_name(
                source.get("outlet") or (doc.outlet if doc else None),
                _host(http_url(source.get("url")) or (http_url(doc.url) if doc else None)),
                source.get("title") or (doc.title if doc else None),
                source.get("article"),
            )
            name = clip(name, 120)
        found = self._index.get(name)
        if found is None:
            found = self._index[name] = len(self.names)
            self.names.append(name)
        return found


_NOTE_TOKENS = re.compile(r"([\s,;()]+)")


def _readable_note(note: Any, docs: Mapping[str, ArticleDoc]) -> str:
    """``note`` with each article id in it ("Other sources place this in Arctic Ocean
    (000_9373d973f4021972)") replaced by the article's name (:func:`article_name`)."""
    parts = _NOTE_TOKENS.split(str(note))
    for k in range(0, len(parts), 2):
        doc = docs.get(parts[k])
        if doc is not None:
            parts[k] = article_name(doc.title, doc.outlet, doc.id)
    return "".join(parts)


def event_detail(
    row: Mapping[str, Any], docs: Mapping[str, ArticleDoc], pages: Mapping[str, str]
) -> list[Any]:
    """What an event's popup shows beyond the list: ``[place kind, derivation, notes,
    confidence, sources, fields]`` (see the module docstring)."""
    sources = []
    for source in row["sources"] or []:
        article = source.get("article") or None
        doc = docs.get(article) if article else None
        outlet = clip(source.get("outlet") or (doc.outlet if doc else None), 120) or None
        headline = source.get("title") or (doc.title if doc else None)
        if not headline and not outlet:
            # an article with neither outlet nor title gets a name read from its id
            headline = readable_article_name(article)
        sources.append(
            [
                outlet,
                clip(headline, 300) or None,
                http_url(source.get("url")) or (http_url(doc.url) if doc else None),
                _published_label(source.get("published") or (doc.published if doc else None)),
                clip(source.get("quote")) or None,
                pages.get(article) if article else None,
            ]
        )
    return [
        row["place_kind"],
        clip(row.get("derivation"), 400) or None,
        [clip(_readable_note(n, docs), 400) for n in (row.get("notes") or [])],
        round(float(row["confidence"]), 2),
        sources,
        _fields(row.get("fields")),
    ]


def _fields(value: Any) -> list[list[str]]:
    """A foreign table's other columns, as ``[[name, text]]`` (clipped); ``[]`` when none."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    if hasattr(value, "tolist"):
        value = value.tolist()
    out = []
    for pair in value:
        if hasattr(pair, "tolist"):
            pair = pair.tolist()
        if isinstance(pair, list | tuple) and len(pair) == 2 and pair[0] and pair[1]:
            out.append([clip(str(pair[0]), 80), clip(str(pair[1]))])
    return out


@dataclass
class SiteTables:
    """The normalised tables and everything derived from them once per build."""

    events: gpd.GeoDataFrame
    mentions: gpd.GeoDataFrame | None
    styles: list[CategoryStyle]
    event_files: dict[str, str]
    article_pages: dict[str, str]
    docs: dict[str, ArticleDoc]
    anchors: dict[tuple[str, int, int, str], str] = field(default_factory=dict)
    images: dict[str, bool] = field(default_factory=dict)
    #: The events that get an embed page (``None``: every event).
    embeds: frozenset[str] | None = None
    #: The site is built sliced (:mod:`layers.slices`).
    sliced: bool = False
    _credits: list[str] | None = None

    @property
    def credits(self) -> list[str]:
        """Credits the data needs on the map (GeoNames for its places:
        :data:`GEONAMES_NAMESPACES`)."""
        if self._credits is None:
            self._credits = _credits(self)
        return self._credits


def event_records(events: gpd.GeoDataFrame) -> list[tuple[dict[str, Any], BaseGeometry]]:
    geometry = events.geometry.name
    rows = events.drop(columns=[geometry]).to_dict("records")
    return list(zip(rows, events.geometry, strict=True))


#: Place-id namespaces whose places come from GeoNames and need its credit: its cities
#: (``geonames:``) and the US post-office towns of its postal-code file (``zip:``).
GEONAMES_NAMESPACES = frozenset({"geonames", "zip"})


def _credits(tables: SiteTables) -> list[str]:
    namespaces = {str(p).partition(":")[0] for p in tables.events.get("place_id", [])}
    if tables.mentions is not None and len(tables.mentions):
        namespaces |= {str(p).partition(":")[0] for p in tables.mentions["place_id"]}
    credits = []
    if namespaces & GEONAMES_NAMESPACES:
        credits.append("Places: GeoNames (CC BY 4.0)")
    return credits


def events_block(
    records: Sequence[tuple[dict[str, Any], BaseGeometry]],
    tables: SiteTables,
    geoms: Geometries,
    sources: Sources,
    on_problem: Callable[[str], None],
) -> dict[str, list[Any]]:
    cat_index = {s.key: i for i, s in enumerate(tables.styles)}
    cols: dict[str, list[Any]] = {
        k: [] for k in ("id", "t", "c", "g", "p", "dv", "s", "e", "l", "sk", "f")
    }
    with_images = bool(tables.images)
    if with_images:
        cols["im"] = []
    if tables.embeds is not None:
        cols["em"] = []
    for row, geom in records:
        ident = row["id"]
        try:
            label = date_text(row["start"], row["end"], row["date_precision"])
        except SiteError as exc:
            on_problem(f"event {ident}: {exc}; shown with its ISO dates")
            label = f"{row['start']} – {row['end']}"
        keys: list[int] = []
        for source in row["sources"] or [None]:
            key = sources.key(source)
            if key not in keys:
                keys.append(key)
        file = tables.event_files[ident]
        cols["id"].append(ident)
        cols["t"].append(clip(row["title"], 300))
        cols["c"].append(cat_index[row["category"]])
        cols["g"].append(geoms.index(geom))
        cols["p"].append(clip(row["place_name"], 200))
        cols["dv"].append(1 if row.get("derivation") or row["place_kind"] == "derived" else 0)
        cols["s"].append(day_number(row["start"]))
        cols["e"].append(day_number(row["end"]))
        cols["l"].append(label)
        cols["sk"].append(keys)
        cols["f"].append(None if file == ident else file)
        if with_images:
            cols["im"].append(1 if tables.images.get(ident) else 0)
        if tables.embeds is not None:
            cols["em"].append(1 if ident in tables.embeds else 0)
    if not any(cols["f"]):
        del cols["f"]
    return cols


def detail_chunks(tables: SiteTables) -> Iterator[tuple[int, list[list[Any]]]]:
    """The details of the events, :data:`DETAIL_CHUNK` per file, in the events' order."""
    records = event_records(tables.events)
    for number, first in enumerate(range(0, len(records), DETAIL_CHUNK)):
        chunk = records[first : first + DETAIL_CHUNK]
        yield (
            number,
            [event_detail(row, tables.docs, tables.article_pages) for row, _ in chunk],
        )
