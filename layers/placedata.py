"""The places layer's data (``pl`` and ``arts`` of the page data, layout in
:mod:`layers.payload`): every place the mentions name, with its shape, its first mentions
and the days it was mentioned for.

:func:`places_data` promises one entry per place id, in sorted id order, each listing at most
:data:`MENTIONS_PER_PLACE` mentions (:data:`MENTIONS_PER_PLACE_AGGREGATED` on a big site,
where every place is one dot) in date, article and offset order; a place more than
:data:`LARGE_PLACE_DEGREES` across is drawn as a point inside it; the articles the mentions
point to are each stored once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import geopandas as gpd
from shapely.geometry.base import BaseGeometry

from layers.articles import ArticleDoc
from layers.errors import SiteError
from layers.payload import Geometries, SiteTables, clip, date_text, day_number, event_records
from layers.sourcenames import article_name, readable_article_name

__all__ = [
    "LARGE_PLACE_DEGREES",
    "MENTIONS_PER_PLACE",
    "MENTIONS_PER_PLACE_AGGREGATED",
    "MENTION_TEXT_LIMIT",
    "PLACE_KEYS",
    "places_data",
]


#: Places more than this many degrees across are drawn as a point in the places layer.
LARGE_PLACE_DEGREES = 40.0

#: Mentions listed per place in the "places mentioned" popups, and the longest sentence shown.
MENTIONS_PER_PLACE = 20

#: The longest sentence a mention shows.
MENTION_TEXT_LIMIT = 200

#: Mentions listed per place on a big (sliced) site; the rest are in ``data/mentions.*``.
MENTIONS_PER_PLACE_AGGREGATED = 3

#: The columns of the places layer (``pl``).
PLACE_KEYS = ("id", "n", "k", "g", "m", "more", "w")


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
                [clip(label or readable_article_name(article), 200), self._pages.get(article)]
            )
            found = self._index[article] = len(self.rows) - 1
        return found


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
    cols: dict[str, list[Any]] = {k: [] for k in PLACE_KEYS}
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
                    clip(row["sentence"] or row["text"], MENTION_TEXT_LIMIT),
                    day_number(start) if start else None,
                    day_number(end) if end else None,
                    label,
                    anchor,
                ]
            )
        cols["id"].append(place_id)
        cols["n"].append(clip(first["place_name"], 200))
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


def places_data(
    tables: SiteTables, geoms: Geometries, *, aggregate: bool
) -> tuple[dict[str, list[Any]], list[list[Any]]]:
    """The places layer's columns (``pl``) and the articles they point to (``arts``)."""
    articles = _MentionArticles(tables.docs, tables.article_pages)
    pl = _places_block(tables.mentions, tables, geoms, articles, aggregate)
    return pl, articles.rows
