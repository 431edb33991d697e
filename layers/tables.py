"""Reading and writing the events and mentions tables (GeoJSON, CSV, JSON lines).

Readers accept tables from anywhere (see :mod:`layers.columns` for the columns and their
defaults); a bad row is reported once through ``on_problem`` and skipped, an unreadable
file raises :class:`~layers.errors.SiteError`. Writers give the same bytes for the same
table: columns in contract order, one feature per line, coordinates rounded to 1e-6°.

A site's downloads keep their weight in proportion to the corpus: a country named in a
thousand articles would otherwise repeat its full outline a thousand times. So the site's
mentions files carry each place's geometry as the map draws it (at most
:data:`~layers.geometry.MAX_VERTICES` vertices), and ``places.geojson`` / ``places.csv``
carry each distinct place once, at full detail, with how often it is mentioned.

This module writes a site's tables and the places table; it exports the readers of
:mod:`layers.tablereading` and the text formats of :mod:`layers.tableformats`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from layers.errors import SiteError
from layers.geometry import thinned
from layers.schema import EVENT_COLUMNS, MENTION_COLUMNS, OPTIONAL_EVENT_COLUMNS
from layers.tableformats import (
    FILE_DIGITS,
    PLACE_COLUMNS,
    csv_pieces,
    geojson_pieces,
    table_text,
)
from layers.tablereading import (
    events_frame,
    mentions_frame,
    read_events,
    read_mentions,
    rows_frame,
)

__all__ = [
    "PLACE_COLUMNS",
    "events_frame",
    "mentions_frame",
    "places_table",
    "read_events",
    "read_mentions",
    "table_text",
    "write_tables",
]


def _empty_mentions() -> gpd.GeoDataFrame:
    return rows_frame([], MENTION_COLUMNS)


def _place_key(place_id: Any, geom: BaseGeometry | None) -> str:
    if isinstance(place_id, str) and place_id:
        return place_id
    return "wkb:" + (geom.wkb_hex if geom is not None else "")


def places_table(mentions: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """One row per distinct place of a mentions table (by ``place_id``; by geometry where a
    mention has no id): :data:`PLACE_COLUMNS` (``mentions``: how many mentions, ``articles``:
    in how many articles) and the place's full geometry, sorted by place id and name."""
    rows: dict[str, dict[str, Any]] = {}
    articles: dict[str, set[Any]] = {}
    for row, geom in zip(mentions.to_dict("records"), mentions.geometry, strict=True):
        key = _place_key(row.get("place_id"), geom)
        if key not in rows:
            rows[key] = {
                "place_id": row.get("place_id"),
                "place_name": row.get("place_name"),
                "place_kind": row.get("place_kind"),
                "mentions": 0,
                "geometry": geom,
            }
            articles[key] = set()
        rows[key]["mentions"] += 1
        articles[key].add(row.get("article"))
    ordered = sorted(
        rows, key=lambda k: (str(rows[k]["place_id"] or ""), str(rows[k]["place_name"] or ""), k)
    )
    records = [{**rows[k], "articles": len(articles[k])} for k in ordered]
    frame = pd.DataFrame.from_records(records, columns=[*PLACE_COLUMNS, "geometry"])
    return gpd.GeoDataFrame(frame, geometry="geometry", crs="EPSG:4326")


def _drawn(geom: BaseGeometry) -> BaseGeometry:
    """``geom`` thinned as the map draws it, snapped to the decimals worth writing."""
    shown, digits = thinned(geom)
    if digits >= FILE_DIGITS or isinstance(shown, shapely.Point | shapely.MultiPoint):
        return shown
    snapped = shapely.set_precision(shown, 10.0**-digits)
    return shown if snapped.is_empty else snapped


def _drawn_mentions(mentions: gpd.GeoDataFrame, *, points: bool = False) -> gpd.GeoDataFrame:
    """The mentions with each place's geometry as the map draws it (computed once a place);
    with ``points``, a point inside it (the outline is in the places table, once)."""
    cache: dict[str, BaseGeometry | None] = {}
    drawn = []
    ids = mentions["place_id"] if "place_id" in mentions.columns else [None] * len(mentions)
    for place_id, geom in zip(ids, mentions.geometry, strict=True):
        key = _place_key(place_id, geom)
        if key not in cache:
            if geom is None or geom.is_empty:
                cache[key] = geom
            elif points:
                point = geom.representative_point()
                cache[key] = shapely.Point(round(point.x, FILE_DIGITS), round(point.y, FILE_DIGITS))
            else:
                cache[key] = _drawn(geom)
        drawn.append(cache[key])
    return mentions.set_geometry(gpd.GeoSeries(drawn, index=mentions.index, crs=mentions.crs))


def write_tables(
    events: gpd.GeoDataFrame,
    mentions: gpd.GeoDataFrame | None,
    data_dir: Path,
    *,
    mention_points: bool = False,
) -> list[Path]:
    """Write ``events``, ``mentions`` and ``places`` tables as ``.geojson`` and ``.csv`` into
    ``data_dir`` (created if needed) and return their paths. ``sources`` is nested in
    GeoJSON and JSON-encoded in CSV; events keep their full geometry; mentions carry their
    place's geometry as the map draws it and ``places`` each place once at full detail (see
    the module docstring); with ``mention_points`` (big sites) mentions carry a point inside
    their place, whose outline is in ``places`` once. An absent mentions table gives empty
    mention and place files. Tables are converted and written :data:`CHUNK_ROWS` rows at a
    time."""
    data_dir = Path(data_dir)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SiteError(f"cannot create {data_dir}: {exc.strerror or exc}") from exc
    if mentions is None:
        mentions = _empty_mentions()
    if mentions.crs is not None and not mentions.crs.equals("EPSG:4326", ignore_axis_order=True):
        mentions = mentions.to_crs("EPSG:4326")
    tables = {
        "events": (events, EVENT_COLUMNS + OPTIONAL_EVENT_COLUMNS),
        "mentions": (_drawn_mentions(mentions, points=mention_points), MENTION_COLUMNS),
        "places": (places_table(mentions), PLACE_COLUMNS),
    }
    written: list[Path] = []
    for name, (frame, contract) in tables.items():
        for suffix, pieces in (
            ("geojson", geojson_pieces(frame, contract)),
            ("csv", csv_pieces(frame, contract)),
        ):
            path = data_dir / f"{name}.{suffix}"
            try:
                with path.open("w", encoding="utf-8", newline="") as file:
                    for piece in pieces:
                        file.write(piece)
            except OSError as exc:
                raise SiteError(f"cannot write {path}: {exc.strerror or exc}") from exc
            written.append(path)
    return written
