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
"""

from __future__ import annotations

import csv
import io
import json
import logging
import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from inputsafe import clean_value
from layers.columns import RowError, event_row, is_missing, mention_row
from layers.errors import SiteError
from layers.geometry import thinned
from layers.schema import EVENT_COLUMNS, MENTION_COLUMNS, OPTIONAL_EVENT_COLUMNS

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

#: The column holding a foreign table's other columns, as ``[[name, text], …]``.
FIELDS_COLUMN = "fields"
#: The columns of the places table (then its geometry), one row per distinct place.
PLACE_COLUMNS = ("place_id", "place_name", "place_kind", "mentions", "articles")

ProblemCallback = Callable[[str], None]

_log = logging.getLogger("layers")
#: Decimal places of coordinates in the downloadable tables (about 10 cm).
FILE_DIGITS = 6
_NUMERIC = frozenset({"geo_precision", "source_count", "confidence"})


def _sink(on_problem: ProblemCallback | None) -> ProblemCallback:
    return on_problem if on_problem is not None else lambda message: _log.warning("%s", message)


# --------------------------------------------------------------------------- reading


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
        props = {k: _csv_uncell(v) for k, v in row.items() if k is not None}
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


def _frame(rows: list[dict[str, Any]], columns: Iterable[str]) -> gpd.GeoDataFrame:
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


def _events_from_rows(
    rows: Iterable[tuple[str, Mapping[str, Any], Any]], source: str, sink: ProblemCallback
) -> gpd.GeoDataFrame:
    out: list[dict[str, Any]] = []
    for where, props, geom in rows:
        try:
            if isinstance(geom, RowError):
                raise geom
            out.append(event_row(clean_value(dict(props)), geom))
        except RowError as exc:
            sink(f"{source}: {_label(where, props)}: {exc}; skipped")
    _unique_ids(out, source, sink)
    # A table's other columns travel as one ``fields`` column, present only when some row
    # has any (a table from ``geo`` keeps exactly the contract's columns).
    columns = EVENT_COLUMNS + OPTIONAL_EVENT_COLUMNS
    if any(row["fields"] for row in out):
        columns += (FIELDS_COLUMN,)
    else:
        for row in out:
            del row["fields"]
    return _frame(out, columns)


def _mentions_from_rows(
    rows: Iterable[tuple[str, Mapping[str, Any], Any]], source: str, sink: ProblemCallback
) -> gpd.GeoDataFrame:
    out: list[dict[str, Any]] = []
    for where, props, geom in rows:
        try:
            if isinstance(geom, RowError):
                raise geom
            out.append(mention_row(clean_value(dict(props)), geom))
        except RowError as exc:
            sink(f"{source}: {where}: {exc}; skipped")
    return _frame(out, MENTION_COLUMNS)


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


# --------------------------------------------------------------------------- writing


def _plain(value: Any) -> Any:
    """A JSON-ready copy of a cell: numpy scalars, dates, NaN and nested lists handled."""
    if isinstance(value, str) or value is None or isinstance(value, bool):
        return value
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "tolist"):  # numpy scalar or array
        return _plain(value.tolist())
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "isoformat"):  # pandas Timestamp
        return value.isoformat()
    if isinstance(value, float):
        return None if not math.isfinite(value) else value
    if isinstance(value, int):
        return value
    if is_missing(value):
        return None
    return str(value)


def _rounded(value: float, digits: int) -> int | float:
    rounded = round(float(value), digits)
    return int(rounded) if rounded.is_integer() else rounded


def _geometry_json(geom: BaseGeometry | None, digits: int = FILE_DIGITS) -> str:
    """The GeoJSON geometry object of ``geom`` as compact text, coordinates rounded to
    ``digits`` decimals (``null`` for a missing or empty geometry)."""
    if geom is None or geom.is_empty:
        return "null"
    rounded = shapely.transform(geom, lambda coords: np.round(coords, digits) + 0.0)
    return shapely.to_geojson(rounded)


def _columns(frame: gpd.GeoDataFrame, contract: tuple[str, ...]) -> list[str]:
    geometry_name = frame.geometry.name
    present = [c for c in frame.columns if c != geometry_name]
    return [c for c in contract if c in present] + [c for c in present if c not in contract]


#: Rows converted and written at a time: a table is never held as one string in memory.
CHUNK_ROWS = 5000


def _records(frame: gpd.GeoDataFrame, contract: tuple[str, ...]) -> Iterator[tuple[dict, Any]]:
    """The rows as plain values with their geometry, converted :data:`CHUNK_ROWS` at a time."""
    if frame.crs is not None and not frame.crs.equals("EPSG:4326", ignore_axis_order=True):
        frame = frame.to_crs("EPSG:4326")
    columns = _columns(frame, contract)
    for first in range(0, len(frame), CHUNK_ROWS):
        part = frame.iloc[first : first + CHUNK_ROWS]
        rows = part[columns].to_dict("records")
        for row, geom in zip(rows, part.geometry, strict=True):
            yield {c: _plain(row[c]) for c in columns}, geom


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _geojson_pieces(frame: gpd.GeoDataFrame, contract: tuple[str, ...]) -> Iterator[str]:
    """The GeoJSON text in pieces (one feature each), to be written as they come."""
    # A shape shared by many rows (a place in every mention of it) is converted once.
    written: dict[int, str] = {}

    def geometry_json(geom: BaseGeometry | None) -> str:
        key = id(geom)
        if key not in written:
            written[key] = _geometry_json(geom)
        return written[key]

    first = True
    for props, geom in _records(frame, contract):
        yield (
            ('{"type":"FeatureCollection","features":[\n' if first else ",\n")
            + '{"type":"Feature","properties":'
            + _dumps(props)
            + ',"geometry":'
            + geometry_json(geom)
            + "}"
        )
        first = False
    yield '{"type":"FeatureCollection","features":[]}\n' if first else "\n]}\n"


def _geojson_text(frame: gpd.GeoDataFrame, contract: tuple[str, ...]) -> str:
    return "".join(_geojson_pieces(frame, contract))


#: First characters that make a spreadsheet read a cell as a formula (``=HYPERLINK(…)``,
#: ``+cmd|' /C calc'!A0``, ``@SUM(…)``), or white space some strip before doing so.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def _csv_cell(value: Any) -> str:
    """A cell of every CSV this package writes. Text that a spreadsheet would evaluate
    (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading
    ``'``, so Excel, LibreOffice and Sheets show it as text; numbers are left as numbers.
    Line breaks are written as ``\\n``, which the writer quotes.
    :func:`_csv_uncell` undoes it when ``read_events`` reads the file back."""
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return _dumps(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        if "\r" in value:  # the writer quotes cells holding "\n" only: a bare CR splits rows
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        return "'" + value if value.startswith(_FORMULA_START) else value
    return str(value)


def _csv_uncell(value: str | None) -> str | None:
    """A cell as :func:`_csv_cell` was given it: the ``'`` it put before a formula removed."""
    if value is not None and value.startswith("'") and value[1:].startswith(_FORMULA_START):
        return value[1:]
    return value


def _csv_text(frame: gpd.GeoDataFrame, contract: tuple[str, ...]) -> str:
    return "".join(_csv_pieces(frame, contract))


def _csv_pieces(frame: gpd.GeoDataFrame, contract: tuple[str, ...]) -> Iterator[str]:
    """CSV for spreadsheets and GIS alike: ``lon``/``lat`` of a point on the geometry (what a
    spreadsheet can plot), then the whole geometry as WKT (what QGIS or geopandas read); in
    pieces of :data:`CHUNK_ROWS` rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    columns = _columns(frame, contract)
    writer.writerow([*columns, "lon", "lat", "geometry"])
    written: dict[int, tuple[str, str, str]] = {}  # shapes shared by rows, written once
    for count, (props, geom) in enumerate(_records(frame, contract), start=1):
        if id(geom) not in written:
            if geom is None or geom.is_empty:
                written[id(geom)] = ("", "", "")
            else:
                point = geom.representative_point()
                written[id(geom)] = (
                    str(_rounded(point.x, FILE_DIGITS)),
                    str(_rounded(point.y, FILE_DIGITS)),
                    shapely.to_wkt(geom, rounding_precision=FILE_DIGITS),
                )
        writer.writerow([*(_csv_cell(props[c]) for c in columns), *written[id(geom)]])
        if count % CHUNK_ROWS == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _jsonl_text(frame: gpd.GeoDataFrame, contract: tuple[str, ...]) -> str:
    lines = [
        _dumps({**props, "geometry": json.loads(_geometry_json(geom))})
        for props, geom in _records(frame, contract)
    ]
    return "".join(line + "\n" for line in lines)


def _contract_for(frame: gpd.GeoDataFrame) -> tuple[str, ...]:
    if "char_start" in frame.columns and "title" not in frame.columns:
        return MENTION_COLUMNS
    if {"mentions", "articles"} <= set(frame.columns) and "title" not in frame.columns:
        return PLACE_COLUMNS
    return EVENT_COLUMNS + OPTIONAL_EVENT_COLUMNS


def table_text(frame: gpd.GeoDataFrame, fmt: str) -> str:
    """The table as text: ``"geojson"`` (a FeatureCollection, one feature per line),
    ``"csv"`` (lists and objects JSON-encoded, geometry as WKT in the last column) or
    ``"jsonl"`` (one object per row, geometry as GeoJSON). Contract columns come first in
    contract order, any other columns after them; the same table gives the same text."""
    if not isinstance(frame, gpd.GeoDataFrame):
        raise SiteError(f"expected a GeoDataFrame, got {type(frame).__name__}")
    contract = _contract_for(frame)
    if fmt == "geojson":
        return _geojson_text(frame, contract)
    if fmt == "csv":
        return _csv_text(frame, contract)
    if fmt == "jsonl":
        return _jsonl_text(frame, contract)
    raise SiteError(f"unknown table format {fmt!r}; expected geojson, csv or jsonl")


def _empty_mentions() -> gpd.GeoDataFrame:
    return _frame([], MENTION_COLUMNS)


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
            ("geojson", _geojson_pieces(frame, contract)),
            ("csv", _csv_pieces(frame, contract)),
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
