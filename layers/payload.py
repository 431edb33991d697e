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
     "geoms": [{"t": "pt"|"pts"|"ln"|"pg", "c": coords, "b": [[s, w], [n, e]] (not for "pt")}],
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
              null, "bounds": [[s, w], [n, e]] or null,
     "snippet": iframe template, "credits": [text], "mentionColour", "root": path to the
     site root ("" or "../")}

A detail is ``[place kind, derivation, notes, confidence, sources, fields]`` (``fields``: a
foreign table's other columns as ``[[name, text]]``), each source
``[outlet, headline, http(s) url, published (as people read it), quote, article page name]``
(any of them may be null).
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
from layers.style import MENTION_COLOUR, CategoryStyle

__all__ = [
    "Geometries",
    "SiteTables",
    "Sources",
    "categories",
    "date_range",
    "day_number",
    "detail_chunks",
    "embed_payload",
    "event_detail",
    "event_records",
    "events_block",
    "index_payload",
    "places_data",
]

_EPOCH = date(1970, 1, 1)
#: Places more than this many degrees across are drawn as a point in the places layer.
LARGE_PLACE_DEGREES = 40.0
#: Longest quote carried in the page; the full quote is in the downloads and article pages.
QUOTE_LIMIT = 400
#: Mentions listed per place in the "places mentioned" popups, and the longest sentence shown.
MENTIONS_PER_PLACE = 20
MENTION_TEXT_LIMIT = 200
#: Mentions listed per place on a big (sliced) site; the rest are in ``data/mentions.*``.
MENTIONS_PER_PLACE_AGGREGATED = 3
#: Events per detail file.
DETAIL_CHUNK = 200
_PLACE_KEYS = ("id", "n", "k", "g", "m", "more", "w")


def day_number(iso: str) -> int:
    """Days from 1970-01-01 to the ISO date ``iso`` (negative before 1970)."""
    return (date.fromisoformat(iso[:10]) - _EPOCH).days


def date_text(start: str, end: str, precision: str) -> str:
    """The date as people read it (``layers.dates.date_label``)."""
    from layers.dates import date_label

    return date_label(start, end, precision)


def _clip(text: str | None, limit: int = QUOTE_LIMIT) -> str:
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
        return _clip(text, 40) or None


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
            name = _clip(name, 120)
        found = self._index.get(name)
        if found is None:
            found = self._index[name] = len(self.names)
            self.names.append(name)
        return found


class _MentionArticles:
    """The articles that mentions point to: a label and the article page, each stored once."""

    def __init__(self, docs: Mapping[str, ArticleDoc], pages: Mapping[str, str]) -> None:
        self.rows: list[list[Any]] = []
        self._index: dict[str, int] = {}
        self._docs = docs
        self._pages = pages

    def index(self, article: str | None) -> int:
        if not article:
            return -1
        found = self._index.get(article)
        if found is None:
            doc = self._docs.get(article)
            label = article_name(doc.title, doc.outlet, article) if doc else None
            self.rows.append(
                [_clip(label or readable_article_name(article), 200), self._pages.get(article)]
            )
            found = self._index[article] = len(self.rows) - 1
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
        outlet = _clip(source.get("outlet") or (doc.outlet if doc else None), 120) or None
        headline = source.get("title") or (doc.title if doc else None)
        if not headline and not outlet:
            # an article with neither outlet nor title gets a name read from its id
            headline = readable_article_name(article)
        sources.append(
            [
                outlet,
                _clip(headline, 300) or None,
                http_url(source.get("url")) or (http_url(doc.url) if doc else None),
                _published_label(source.get("published") or (doc.published if doc else None)),
                _clip(source.get("quote")) or None,
                pages.get(article) if article else None,
            ]
        )
    return [
        row["place_kind"],
        _clip(row.get("derivation"), 400) or None,
        [_clip(_readable_note(n, docs), 400) for n in (row.get("notes") or [])],
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
            out.append([_clip(str(pair[0]), 80), _clip(str(pair[1]))])
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
        """Credits the data needs on the map (GeoNames for ``geonames:`` places)."""
        if self._credits is None:
            self._credits = _credits(self)
        return self._credits


def event_records(events: gpd.GeoDataFrame) -> list[tuple[dict[str, Any], BaseGeometry]]:
    geometry = events.geometry.name
    rows = events.drop(columns=[geometry]).to_dict("records")
    return list(zip(rows, events.geometry, strict=True))


def _credits(tables: SiteTables) -> list[str]:
    namespaces = {str(p).partition(":")[0] for p in tables.events.get("place_id", [])}
    if tables.mentions is not None and len(tables.mentions):
        namespaces |= {str(p).partition(":")[0] for p in tables.mentions["place_id"]}
    credits = []
    if "geonames" in namespaces:
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
        cols["t"].append(_clip(row["title"], 300))
        cols["c"].append(cat_index[row["category"]])
        cols["g"].append(geoms.index(geom))
        cols["p"].append(_clip(row["place_name"], 200))
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


def _place_shape(geom: BaseGeometry) -> BaseGeometry:
    """What the places layer draws for a place: its shape, or for a continent, an ocean or
    another area more than :data:`LARGE_PLACE_DEGREES` across, a point inside it, so such
    areas (and Natural Earth's rough region outlines) do not cover every view."""
    if geom.is_empty or geom.geom_type in {"Point", "MultiPoint"}:
        return geom
    west, south, east, north = geom.bounds
    if max(east - west, north - south) <= LARGE_PLACE_DEGREES:
        return geom
    return geom.representative_point()


def _places_block(
    mentions: gpd.GeoDataFrame | None,
    tables: SiteTables,
    geoms: Geometries,
    articles: _MentionArticles,
    aggregate: bool = False,
) -> dict[str, list[Any]]:
    """The places layer's columns. ``aggregate`` (big sites): every place is one dot (its
    shape's representative point) listing its first :data:`MENTIONS_PER_PLACE_AGGREGATED`
    mentions, so the page stays small whatever the number of mentions."""
    listed_max = MENTIONS_PER_PLACE_AGGREGATED if aggregate else MENTIONS_PER_PLACE
    cols: dict[str, list[Any]] = {k: [] for k in _PLACE_KEYS}
    if mentions is None or not len(mentions):
        return cols
    by_place: dict[str, list[tuple[dict[str, Any], BaseGeometry]]] = {}
    for row, geom in event_records(mentions):
        by_place.setdefault(row["place_id"], []).append((row, geom))
    for place_id in sorted(by_place):
        rows = by_place[place_id]
        rows.sort(
            key=lambda r: (r[0]["start"] or "", str(r[0]["article"]), r[0]["char_start"] or 0)
        )
        first, geom = rows[0]
        listed = []
        for row, _ in rows[:listed_max]:
            article = row["article"] or None
            art = articles.index(article)
            start, end = row["start"], row["end"]
            label = None
            if start and end:
                try:
                    label = date_text(start, end, row["date_precision"])
                except SiteError:
                    label = None
            anchor = tables.anchors.get(
                (str(article), row["char_start"] or -1, row["char_end"] or -1, place_id)
            )
            listed.append(
                [
                    art,
                    _clip(row["sentence"] or row["text"], MENTION_TEXT_LIMIT),
                    day_number(start) if start else None,
                    day_number(end) if end else None,
                    label,
                    anchor,
                ]
            )
        cols["id"].append(place_id)
        cols["n"].append(_clip(first["place_name"], 200))
        cols["k"].append(first["place_kind"])
        shape = _place_shape(geom)
        if aggregate and not shape.is_empty:
            shape = shape.representative_point()
        cols["g"].append(geoms.index(shape))
        cols["m"].append(listed)
        cols["more"].append(max(0, len(rows) - listed_max))
        cols["w"].append(_windows(r[0] for r in rows))
    return cols


def _windows(rows: Iterable[Mapping[str, Any]]) -> list[list[int]] | None:
    """The days a place was mentioned for, as merged ``[first, last]`` spans; ``None`` when
    one of its mentions has no date (the place is then shown whatever the dates)."""
    spans = []
    for row in rows:
        if not row["start"] or not row["end"]:
            return None
        spans.append((day_number(row["start"]), day_number(row["end"])))
    merged: list[list[int]] = []
    for first, last in sorted(spans):
        if merged and first <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([first, last])
    return merged


def date_range(ev: Mapping[str, list[Any]], pl: Mapping[str, list[Any]]) -> list[int] | None:
    """The days the events span (the header's dates and the default window); the mentions'
    days only when there are no events. A place named for its history ("the 1962 crisis")
    must not stretch the window over years without events."""
    starts = list(ev["s"])
    ends = list(ev["e"])
    if not starts:
        starts = [m[2] for ms in pl["m"] for m in ms if m[2] is not None]
        ends = [m[3] for ms in pl["m"] for m in ms if m[3] is not None]
    if not starts:
        return None
    return [min(starts), max(ends)]


def categories(tables: SiteTables, counts: Sequence[int]) -> list[dict[str, Any]]:
    """The ``cats`` block: each category's key, label, colour, class and event count."""
    return [
        {"key": s.key, "label": s.label, "colour": s.colour, "cls": s.css_class, "count": n}
        for s, n in zip(tables.styles, counts, strict=True)
    ]


def index_payload(
    tables: SiteTables,
    *,
    title: str,
    snippet: str,
    on_problem: Callable[[str], None],
) -> dict[str, Any]:
    """The main page's data (layout in the module docstring); the details go to
    :func:`detail_chunks`."""
    geoms = Geometries()
    sources = Sources(tables.docs)
    ev = events_block(event_records(tables.events), tables, geoms, sources, on_problem)
    articles = _MentionArticles(tables.docs, tables.article_pages)
    pl = _places_block(tables.mentions, tables, geoms, articles)
    counts = [0] * len(tables.styles)
    for c in ev["c"]:
        counts[c] += 1
    return page_data(
        tables,
        title=title,
        snippet=snippet,
        counts=counts,
        sources=sources,
        geoms=geoms,
        ev=ev,
        places=(pl, articles.rows),
        days=date_range(ev, pl),
        bounds=geoms.bounds(ev["g"] + pl["g"]),
    )


def page_data(
    tables: SiteTables,
    *,
    title: str,
    snippet: str,
    counts: Sequence[int],
    sources: Sources,
    geoms: Geometries,
    ev: dict[str, list[Any]],
    places: tuple[dict[str, list[Any]], list[list[Any]]],
    days: list[int] | None,
    bounds: Any,
) -> dict[str, Any]:
    """The index page's data object (layout in the module docstring), from its blocks: one
    layout for a whole site and for a sliced one (:mod:`layers.slices` adds its ``slices``
    block and leaves ``ev`` empty)."""
    pl, arts = places
    return {
        "title": title,
        "cats": categories(tables, counts),
        "sources": sources.names,
        "geoms": geoms.items,
        "ev": ev,
        "details": {
            "size": DETAIL_CHUNK,
            "count": math.ceil(len(tables.events) / DETAIL_CHUNK),
        },
        "pl": pl,
        "arts": arts,
        "range": days,
        "bounds": bounds,
        "snippet": snippet,
        "credits": tables.credits,
        "mentionColour": MENTION_COLOUR,
    }


def places_data(
    tables: SiteTables, geoms: Geometries, *, aggregate: bool
) -> tuple[dict[str, list[Any]], list[list[Any]]]:
    """The places layer's columns (``pl``) and the articles they point to (``arts``)."""
    articles = _MentionArticles(tables.docs, tables.article_pages)
    pl = _places_block(tables.mentions, tables, geoms, articles, aggregate)
    return pl, articles.rows


def detail_chunks(tables: SiteTables) -> Iterator[tuple[int, list[list[Any]]]]:
    """The details of the events, :data:`DETAIL_CHUNK` per file, in the events' order."""
    records = event_records(tables.events)
    for number, first in enumerate(range(0, len(records), DETAIL_CHUNK)):
        chunk = records[first : first + DETAIL_CHUNK]
        yield (
            number,
            [event_detail(row, tables.docs, tables.article_pages) for row, _ in chunk],
        )


def embed_payload(
    tables: SiteTables,
    record: tuple[dict[str, Any], BaseGeometry],
    *,
    title: str,
    snippet: str,
    on_problem: Callable[[str], None],
) -> dict[str, Any]:
    """One embed page's data: the same layout, holding one event and its details."""
    geoms = Geometries()
    sources = Sources(tables.docs)
    ev = events_block([record], tables, geoms, sources, on_problem)
    style = tables.styles[ev["c"][0]]
    ev["c"] = [0]
    return {
        "title": title,
        "cats": [
            {
                "key": style.key,
                "label": style.label,
                "colour": style.colour,
                "cls": style.css_class,
                "count": 1,
            }
        ],
        "sources": sources.names,
        "geoms": geoms.items,
        "ev": ev,
        "details": {"inline": [event_detail(record[0], tables.docs, tables.article_pages)]},
        "pl": {k: [] for k in _PLACE_KEYS},
        "arts": [],
        "range": [ev["s"][0], ev["e"][0]],
        "bounds": geoms.bounds(ev["g"]),
        "snippet": snippet,
        "credits": tables.credits,
        "mentionColour": MENTION_COLOUR,
    }
