"""Reading events and mentions tables from anywhere: GeoJSON, JSON lines and CSV files, and
GeoDataFrames (:func:`events_frame`, :func:`mentions_frame`).

See :mod:`layers.columns` for the columns and their defaults; a bad row is reported once
through ``on_problem`` and skipped, an unreadable file raises
:class:`~layers.errors.SiteError`. :mod:`layers.tables` exports these readers.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from inputsafe import clean_value
from layers.columns import RowError, event_row, is_missing, mention_row
from layers.errors import SiteError
from layers.schema import EVENT_COLUMNS, MENTION_COLUMNS, OPTIONAL_EVENT_COLUMNS
from layers.tableformats import csv_uncell

#: The column holding a foreign table's other columns, as ``[[name, text], …]``.
FIELDS_COLUMN = "fields"


ProblemCallback = Callable[[str], None]

_log = logging.getLogger("layers")


_NUMERIC = frozenset({"geo_precision", "source_count", "confidence"})


def _sink(on_problem: ProblemCallback | None) -> ProblemCallback:
    return on_problem if on_problem is not None else lambda message: _log.warning("%s", message)


def _load_json(path: Path, text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError as exc:
        raise SiteError(f"{path} is not valid JSON: {exc}") from exc


def _geojson_rows(path: Path, text: str) -> Iterator[tuple[str, Mapping[str, Any], Any]]:
    data = _load_json(path, text)
    if isinstance(data, Mapping) and data.get("type") == "FeatureCollection":
        features = data.get("features")
    elif isinstance(data, Mapping) and data.get("type") == "Feature":
        features = [data]
    elif isinstance(data, list):
        features = data
    else:
        raise SiteError(
            f"{path} is not a GeoJSON FeatureCollection (found "
            f"{type(data).__name__ if not isinstance(data, Mapping) else data.get('type')!r})"
        )
    if not isinstance(features, list):
        raise SiteError(f"{path}: 'features' must be a list")
    for number, feature in enumerate(features, start=1):
        where = f"feature {number}"
        if not isinstance(feature, Mapping):
            yield where, {}, RowError("not a GeoJSON Feature object")
            continue
        props = feature.get("properties") or {}
        if not isinstance(props, Mapping):
            yield where, {}, RowError("'properties' must be an object")
            continue
        props = dict(props)
        if "id" not in props and feature.get("id") is not None:
            props["id"] = feature["id"]
        raw = feature.get("geometry")
        if raw is None:
            yield where, props, RowError("no geometry")
            continue
        try:
            geom = shape(raw)
        except (ValueError, TypeError, AttributeError, KeyError, IndexError) as exc:
            yield where, props, RowError(f"invalid geometry: {exc}")
            continue
        yield where, props, geom


def _jsonl_rows(path: Path, text: str) -> Iterator[tuple[str, Mapping[str, Any], Any]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            row = json.loads(line)
        except ValueError as exc:
            yield where, {}, RowError(f"not valid JSON: {exc}")
            continue
        if not isinstance(row, Mapping):
            yield where, {}, RowError("not a JSON object")
            continue
        row = dict(row)
        if row.get("type") == "Feature":
            props = dict(row.get("properties") or {})
            raw = row.get("geometry")
        else:
            raw = row.pop("geometry", None)
            props = row
        try:
            geom = shape(raw) if isinstance(raw, Mapping) else _text_geometry(raw)
        except RowError as exc:
            yield where, props, exc
            continue
        except (ValueError, TypeError, AttributeError, KeyError, IndexError) as exc:
            yield where, props, RowError(f"invalid geometry: {exc}")
            continue
        yield where, props, geom


_GEOMETRY_COLUMNS = ("geometry", "wkt", "geom", "the_geom", "shape")
_LON_COLUMNS = ("lon", "lng", "long", "longitude", "x", "actiongeo_long")
_LAT_COLUMNS = ("lat", "latitude", "y", "actiongeo_lat")


def _text_geometry(value: Any) -> BaseGeometry | None:
    """A geometry from a table cell: WKT or GeoJSON text; ``None`` when blank."""
    if is_missing(value):
        return None
    text = str(value).strip()
    try:
        if text.startswith("{"):
            return shape(json.loads(text))
        return shapely.from_wkt(text)
    except (ValueError, TypeError, AttributeError, KeyError, shapely.errors.GEOSException) as exc:
        raise RowError(f"invalid geometry {text[:40]!r}: {exc}") from exc


def _coordinate(value: Any, what: str) -> float:
    try:
        number = float(str(value).strip())
    except ValueError as exc:
        raise RowError(f"{what} is not a number: {str(value)[:40]!r}") from exc
    if not math.isfinite(number):
        raise RowError(f"{what} is not a finite number")
    return number


#: Largest CSV cell read (a WKT sea area can pass the csv module's 128 KB default).
CSV_FIELD_LIMIT = 64 * 1024 * 1024


def _csv_rows(path: Path, text: str) -> Iterator[tuple[str, Mapping[str, Any], Any]]:
    csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    fields = [f for f in (reader.fieldnames or []) if f is not None]
    lowered = {f.strip().lower(): f for f in fields}
    geom_col = next((lowered[c] for c in _GEOMETRY_COLUMNS if c in lowered), None)
    lon_col = next((lowered[c] for c in _LON_COLUMNS if c in lowered), None)
    lat_col = next((lowered[c] for c in _LAT_COLUMNS if c in lowered), None)
    if geom_col is None and (lon_col is None or lat_col is None):
        raise SiteError(
            f"{path} has no geometry: expected a WKT 'geometry' column or longitude and "
            f"latitude columns (lon/lat, longitude/latitude); found {', '.join(fields) or 'none'}"
        )
    for row in reader:
        where = f"line {reader.line_num}"
        props = {k: csv_uncell(v) for k, v in row.items() if k is not None}
        try:
            geom = _text_geometry(props.get(geom_col)) if geom_col else None
            if geom is None and lon_col and lat_col:
                lon, lat = props.get(lon_col), props.get(lat_col)
                if not is_missing(lon) and not is_missing(lat):
                    geom = shapely.Point(
                        _coordinate(lon, "longitude"), _coordinate(lat, "latitude")
                    )
        except RowError as exc:
            yield where, props, exc
            continue
        for col in (geom_col, lon_col, lat_col):
            if col is not None:
                props.pop(col, None)
        yield where, props, geom


def _rows(path: str | Path) -> Iterator[tuple[str, Mapping[str, Any], Any]]:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise SiteError(f"cannot read {path}: no such file") from exc
    except IsADirectoryError as exc:
        raise SiteError(f"cannot read {path}: it is a folder, expected a table file") from exc
    except OSError as exc:
        raise SiteError(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SiteError(f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    suffix = path.suffix.lower()
    if suffix in {".jsonl", ".ndjson"}:
        return _jsonl_rows(path, text)
    if suffix in {".geojson", ".json"} or (
        suffix not in {".csv", ".tsv", ".txt"} and text.lstrip()[:1] in {"{", "["}
    ):
        return _geojson_rows(path, text)
    return _csv_rows(path, text)


def _label(where: str, props: Mapping[str, Any]) -> str:
    ident = next(
        (props[k] for k in props if str(k).lower() in {"id", "event_id"} and props[k]), None
    )
    return f"{where} (id {str(ident)[:40]!r})" if ident is not None else where


def rows_frame(rows: list[dict[str, Any]], columns: Iterable[str]) -> gpd.GeoDataFrame:
    """A GeoDataFrame (EPSG:4326) of ``rows`` (checked rows; each one's ``geometry`` is popped) with
    ``columns`` in order; an empty one with those columns when there are no rows."""
    columns = list(columns)
    if not rows:
        return gpd.GeoDataFrame(
            {c: [] for c in columns}, geometry=gpd.GeoSeries([], crs="EPSG:4326")
        )
    geoms = [r.pop("geometry") for r in rows]
    # Text, list and offset columns are object columns, so a missing value stays None (pandas
    # would turn it into NaN in a string or float column).
    data = {
        c: pd.Series([r[c] for r in rows], dtype=None if c in _NUMERIC else object) for c in columns
    }
    return gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(geoms, crs="EPSG:4326"))


def _unique_ids(rows: list[dict[str, Any]], source: str, sink: ProblemCallback) -> None:
    seen: set[str] = set()
    for row in rows:
        ident = row["id"]
        if ident in seen:
            n = 2
            while f"{ident}-{n}" in seen:
                n += 1
            row["id"] = f"{ident}-{n}"
            sink(f"{source}: duplicate event id {ident[:60]!r}; renamed to {row['id'][:64]!r}")
        seen.add(row["id"])


def _built_rows(
    rows: Iterable[tuple[str, Mapping[str, Any], Any]],
    build: Callable[[Mapping[str, Any], Any], dict[str, Any]],
    label: Callable[[str, Mapping[str, Any]], str],
    source: str,
    sink: ProblemCallback,
) -> list[dict[str, Any]]:
    """The rows ``build`` makes of ``rows`` (where, properties, geometry or the
    :class:`RowError` reading it raised); a row it refuses is reported to ``sink`` as
    ``source: label: problem; skipped`` and left out."""
    out: list[dict[str, Any]] = []
    for where, props, geom in rows:
        try:
            if isinstance(geom, RowError):
                raise geom
            out.append(build(clean_value(dict(props)), geom))
        except RowError as exc:
            sink(f"{source}: {label(where, props)}: {exc}; skipped")
    return out


def _events_from_rows(
    rows: Iterable[tuple[str, Mapping[str, Any], Any]], source: str, sink: ProblemCallback
) -> gpd.GeoDataFrame:
    out = _built_rows(rows, event_row, _label, source, sink)
    _unique_ids(out, source, sink)
    # A table's other columns travel as one ``fields`` column, present only when some row
    # has any (a table from ``geo`` keeps exactly the contract's columns).
    columns = EVENT_COLUMNS + OPTIONAL_EVENT_COLUMNS
    if any(row["fields"] for row in out):
        columns += (FIELDS_COLUMN,)
    else:
        for row in out:
            del row["fields"]
    return rows_frame(out, columns)


def _mentions_from_rows(
    rows: Iterable[tuple[str, Mapping[str, Any], Any]], source: str, sink: ProblemCallback
) -> gpd.GeoDataFrame:
    out = _built_rows(rows, mention_row, lambda where, _props: where, source, sink)
    return rows_frame(out, MENTION_COLUMNS)


def read_events(path: str | Path, *, on_problem: ProblemCallback | None = None) -> gpd.GeoDataFrame:
    """Read an events table from GeoJSON, CSV/TSV (WKT ``geometry`` or lon/lat columns) or
    JSON lines, from ``geo`` or from anywhere else.

    Returns a GeoDataFrame (EPSG:4326) with the contract's columns (``EVENT_COLUMNS``, then
    ``derivation`` and ``notes``, and ``fields`` when the table has other columns: their
    names and values as ``[[name, text], …]``), missing ones filled with the defaults documented in
    :mod:`layers.columns`. Each row without a usable geometry or date is reported through
    ``on_problem`` (one message naming the file and the row) and skipped; duplicate ids are
    reported and made unique. Raises :class:`SiteError` naming the file when it cannot be
    read at all.
    """
    sink = _sink(on_problem)
    return _events_from_rows(_rows(path), str(path), sink)


def read_mentions(
    path: str | Path, *, on_problem: ProblemCallback | None = None
) -> gpd.GeoDataFrame:
    """Read a mentions table (same formats as :func:`read_events`); bad rows are reported and
    skipped, an unreadable file raises :class:`SiteError`."""
    sink = _sink(on_problem)
    return _mentions_from_rows(_rows(path), str(path), sink)


def _frame_rows(
    frame: gpd.GeoDataFrame, source: str
) -> Iterator[tuple[str, Mapping[str, Any], Any]]:
    if not isinstance(frame, gpd.GeoDataFrame):
        raise SiteError(f"{source} must be a GeoDataFrame, got {type(frame).__name__}")
    if frame.crs is not None and not frame.crs.equals("EPSG:4326", ignore_axis_order=True):
        try:
            frame = frame.to_crs("EPSG:4326")
        except Exception as exc:  # pyproj raises several types
            raise SiteError(f"{source}: cannot convert from {frame.crs} to lon/lat: {exc}") from exc
    geometry_name = frame.geometry.name
    records = frame.drop(columns=[geometry_name]).to_dict("records")
    for number, (props, geom) in enumerate(zip(records, frame.geometry, strict=True), start=1):
        yield f"row {number}", props, geom


def events_frame(
    frame: gpd.GeoDataFrame,
    *,
    source: str = "events table",
    on_problem: ProblemCallback | None = None,
) -> gpd.GeoDataFrame:
    """Bring an events GeoDataFrame to the contract (the checks and defaults of
    :func:`read_events`), reprojecting to EPSG:4326 when it has another CRS."""
    return _events_from_rows(_frame_rows(frame, source), source, _sink(on_problem))


def mentions_frame(
    frame: gpd.GeoDataFrame,
    *,
    source: str = "mentions table",
    on_problem: ProblemCallback | None = None,
) -> gpd.GeoDataFrame:
    """Bring a mentions GeoDataFrame to the contract (see :func:`read_mentions`)."""
    return _mentions_from_rows(_frame_rows(frame, source), source, _sink(on_problem))
