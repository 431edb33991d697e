"""The data a page's script draws from: compact, column-oriented, JSON-ready.

The main page carries every event in one ``<script type="application/json">`` block, as
arrays (one per field) so that 10,000 events stay a few megabytes and the date filter walks
plain arrays. Shapes shared by several events are stored once; coordinates are ``[lat, lon]``
(flipped by :func:`layers.geometry.leaflet_coords`) rounded to five decimals. Dates are day
numbers (days since 1970-01-01) so the filter compares integers.

Layout (``ev`` and ``pl`` are columns; ``ev.id[i]`` … ``ev.q[i]`` describe event ``i``)::

    {"title", "cats": [{"key", "label", "colour", "cls", "count"}], "outlets": [name],
     "articles": [[key, title, outlet index or -1, http(s) url or null, published (as people
                   read it) or null, article page name or null]],
     "geoms": [{"t": "pt"|"pts"|"ln"|"pg", "c": coords, "b": [[s, w], [n, e]]}],
     "ev": {"id", "t" title, "c" category index, "g" geometry index, "p" place name,
            "k" place kind, "d" derivation, "s" start day, "e" end day, "l" date label,
            "src" [[article index, quote]], "n" notes, "q" confidence, "f" page name,
            "im" has an image},
     "pl": {"id", "n" name, "k" kind, "g" geometry index,
            "m" [[article index, text, start day, end day, date label, anchor]],
            "more" mentions not listed, "w" merged [first, last] day spans or null},
     "range": [first day, last day] or null, "bounds": [[s, w], [n, e]] or null,
     "snippet": iframe template, "credits": [text], "mentionColour", "root": path to the
     site root ("" or "../")}
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import geopandas as gpd
import shapely
from shapely.geometry.base import BaseGeometry

from layers.articles import ArticleDoc
from layers.errors import SiteError
from layers.geometry import display_geometry, leaflet_coords
from layers.safety import http_url
from layers.style import MENTION_COLOUR, CategoryStyle

__all__ = ["Geometries", "SiteTables", "day_number", "embed_payload", "index_payload"]

_EPOCH = date(1970, 1, 1)
#: Longest quote carried in the page; the full quote is in the downloads and article pages.
QUOTE_LIMIT = 400
#: Mentions listed per place in the "places mentioned" popups.
MENTIONS_PER_PLACE = 30
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
        minx, miny, maxx, maxy = shown.bounds
        item["b"] = [
            [round(miny, 5), round(minx, 5)],
            [round(maxy, 5), round(maxx, 5)],
        ]
        self.items.append(item)
        self._by_wkb[key] = len(self.items) - 1
        return len(self.items) - 1

    def bounds(self, indices: Iterable[int]) -> list[list[float]] | None:
        boxes = [self.items[i]["b"] for i in set(indices)]
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


class _Articles:
    """The articles named by sources and mentions, each stored once."""

    def __init__(self, docs: Mapping[str, ArticleDoc], pages: Mapping[str, str]) -> None:
        self.rows: list[list[Any]] = []
        self.outlets: list[str] = []
        self._outlet_index: dict[str, int] = {}
        self._index: dict[str, int] = {}
        self._docs = docs
        self._pages = pages

    def outlet(self, name: str | None) -> int:
        if not name:
            return -1
        found = self._outlet_index.get(name)
        if found is None:
            found = self._outlet_index[name] = len(self.outlets)
            self.outlets.append(name)
        return found

    def index(self, source: Mapping[str, Any]) -> int:
        article = source.get("article") or None
        key = article or source.get("url") or f"{source.get('outlet') or ''}|{source.get('title')}"
        found = self._index.get(key)
        if found is not None:
            return found
        doc = self._docs.get(article) if article else None
        title = source.get("title") or (doc.title if doc else None)
        outlet = source.get("outlet") or (doc.outlet if doc else None)
        url = http_url(source.get("url")) or (http_url(doc.url) if doc else None)
        published = source.get("published") or (doc.published if doc else None)
        page = self._pages.get(article) if article else None
        self.rows.append(
            [
                str(article or key),
                _clip(title, 300) or None,
                self.outlet(_clip(outlet, 120) or None),
                url,
                _published_label(published),
                page,
            ]
        )
        self._index[key] = len(self.rows) - 1
        return len(self.rows) - 1


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
    _credits: list[str] | None = None

    @property
    def credits(self) -> list[str]:
        """Credits the data needs on the map (GeoNames for ``geonames:`` places)."""
        if self._credits is None:
            self._credits = _credits(self)
        return self._credits


def _event_records(events: gpd.GeoDataFrame) -> list[tuple[dict[str, Any], BaseGeometry]]:
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


def _events_block(
    records: Sequence[tuple[dict[str, Any], BaseGeometry]],
    tables: SiteTables,
    geoms: Geometries,
    articles: _Articles,
    on_problem: Callable[[str], None],
) -> dict[str, list[Any]]:
    cat_index = {s.key: i for i, s in enumerate(tables.styles)}
    cols: dict[str, list[Any]] = {
        k: [] for k in ("id", "t", "c", "g", "p", "k", "d", "s", "e", "l", "src", "n", "q", "f")
    }
    with_images = bool(tables.images)
    if with_images:
        cols["im"] = []
    for row, geom in records:
        ident = row["id"]
        try:
            label = date_text(row["start"], row["end"], row["date_precision"])
        except SiteError as exc:
            on_problem(f"event {ident}: {exc}; shown with its ISO dates")
            label = f"{row['start']} – {row['end']}"
        sources = []
        for source in row["sources"] or []:
            sources.append([articles.index(source), _clip(source.get("quote"))])
        file = tables.event_files[ident]
        cols["id"].append(ident)
        cols["t"].append(_clip(row["title"], 300))
        cols["c"].append(cat_index[row["category"]])
        cols["g"].append(geoms.index(geom))
        cols["p"].append(_clip(row["place_name"], 200))
        cols["k"].append(row["place_kind"])
        cols["d"].append(_clip(row.get("derivation"), 400) or None)
        cols["s"].append(day_number(row["start"]))
        cols["e"].append(day_number(row["end"]))
        cols["l"].append(label)
        cols["src"].append(sources)
        cols["n"].append([_clip(n, 400) for n in (row.get("notes") or [])])
        cols["q"].append(round(float(row["confidence"]), 2))
        cols["f"].append(None if file == ident else file)
        if with_images:
            cols["im"].append(1 if tables.images.get(ident) else 0)
    return cols


def _places_block(
    mentions: gpd.GeoDataFrame | None,
    tables: SiteTables,
    geoms: Geometries,
    articles: _Articles,
) -> dict[str, list[Any]]:
    cols: dict[str, list[Any]] = {k: [] for k in _PLACE_KEYS}
    if mentions is None or not len(mentions):
        return cols
    by_place: dict[str, list[tuple[dict[str, Any], BaseGeometry]]] = {}
    for row, geom in _event_records(mentions):
        by_place.setdefault(row["place_id"], []).append((row, geom))
    for place_id in sorted(by_place):
        rows = by_place[place_id]
        rows.sort(
            key=lambda r: (r[0]["start"] or "", str(r[0]["article"]), r[0]["char_start"] or 0)
        )
        first, geom = rows[0]
        listed = []
        for row, _ in rows[:MENTIONS_PER_PLACE]:
            article = row["article"] or None
            art = articles.index({"article": article}) if article else -1
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
                    _clip(row["sentence"] or row["text"], 300),
                    day_number(start) if start else None,
                    day_number(end) if end else None,
                    label,
                    anchor,
                ]
            )
        cols["id"].append(place_id)
        cols["n"].append(_clip(first["place_name"], 200))
        cols["k"].append(first["place_kind"])
        cols["g"].append(geoms.index(geom))
        cols["m"].append(listed)
        cols["more"].append(max(0, len(rows) - MENTIONS_PER_PLACE))
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


def _date_range(ev: Mapping[str, list[Any]], pl: Mapping[str, list[Any]]) -> list[int] | None:
    starts = list(ev["s"]) + [m[2] for ms in pl["m"] for m in ms if m[2] is not None]
    ends = list(ev["e"]) + [m[3] for ms in pl["m"] for m in ms if m[3] is not None]
    if not starts:
        return None
    return [min(starts), max(ends)]


def index_payload(
    tables: SiteTables,
    *,
    title: str,
    snippet: str,
    on_problem: Callable[[str], None],
) -> dict[str, Any]:
    """The main page's data (layout in the module docstring)."""
    geoms = Geometries()
    articles = _Articles(tables.docs, tables.article_pages)
    ev = _events_block(_event_records(tables.events), tables, geoms, articles, on_problem)
    pl = _places_block(tables.mentions, tables, geoms, articles)
    counts = [0] * len(tables.styles)
    for c in ev["c"]:
        counts[c] += 1
    return {
        "title": title,
        "cats": [
            {
                "key": s.key,
                "label": s.label,
                "colour": s.colour,
                "cls": s.css_class,
                "count": counts[i],
            }
            for i, s in enumerate(tables.styles)
        ],
        "outlets": articles.outlets,
        "articles": articles.rows,
        "geoms": geoms.items,
        "ev": ev,
        "pl": pl,
        "range": _date_range(ev, pl),
        "bounds": geoms.bounds(ev["g"] + pl["g"]),
        "snippet": snippet,
        "credits": tables.credits,
        "mentionColour": MENTION_COLOUR,
    }


def embed_payload(
    tables: SiteTables,
    record: tuple[dict[str, Any], BaseGeometry],
    *,
    title: str,
    snippet: str,
    on_problem: Callable[[str], None],
) -> dict[str, Any]:
    """One embed page's data: the same layout, holding one event."""
    geoms = Geometries()
    articles = _Articles(tables.docs, tables.article_pages)
    ev = _events_block([record], tables, geoms, articles, on_problem)
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
        "outlets": articles.outlets,
        "articles": articles.rows,
        "geoms": geoms.items,
        "ev": ev,
        "pl": {k: [] for k in _PLACE_KEYS},
        "range": [ev["s"][0], ev["e"][0]],
        "bounds": geoms.bounds(ev["g"]),
        "snippet": snippet,
        "credits": tables.credits,
        "mentionColour": MENTION_COLOUR,
    }
