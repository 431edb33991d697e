"""The text formats of the tables: GeoJSON (a FeatureCollection, one feature per line), CSV
(for spreadsheets and GIS alike, formula-safe cells) and JSON lines, written in contract
column order with coordinates rounded to :data:`FILE_DIGITS` decimals, the same bytes for the
same table, :data:`CHUNK_ROWS` rows at a time.

:func:`table_text` is the whole text; :func:`geojson_pieces` and :func:`csv_pieces` give it in
pieces for writing files; :func:`rows_text` is the text of a table held as plain rows (what
``geo extract`` writes, without building a GeoDataFrame: this module imports neither pandas
nor geopandas); :func:`csv_uncell` undoes :func:`csv_cell` for the readers.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from layers.columns import is_missing
from layers.errors import SiteError
from layers.schema import EVENT_COLUMNS, MENTION_COLUMNS, OPTIONAL_EVENT_COLUMNS

if TYPE_CHECKING:
    import geopandas as gpd

#: A row as plain values (contract columns first) with its geometry.
Record = tuple[dict[str, Any], Any]

#: The columns of the places table (then its geometry), one row per distinct place.
PLACE_COLUMNS = ("place_id", "place_name", "place_kind", "mentions", "articles")


#: Decimal places of coordinates in the downloadable tables (about 10 cm).
FILE_DIGITS = 6


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


def _records(frame: gpd.GeoDataFrame, contract: tuple[str, ...]) -> Iterator[Record]:
    """The rows as plain values with their geometry, converted :data:`CHUNK_ROWS` at a time."""
    if frame.crs is not None and not frame.crs.equals("EPSG:4326", ignore_axis_order=True):
        frame = frame.to_crs("EPSG:4326")
    columns = _columns(frame, contract)
    for first in range(0, len(frame), CHUNK_ROWS):
        part = frame.iloc[first : first + CHUNK_ROWS]
        rows = part[columns].to_dict("records")
        for row, geom in zip(rows, part.geometry, strict=True):
            yield {c: _plain(row[c]) for c in columns}, geom


def _row_records(
    rows: Iterable[Mapping[str, Any]], geoms: Iterable[Any], columns: Sequence[str]
) -> Iterator[Record]:
    """Plain rows (geometries in EPSG:4326) as :func:`_records` gives a frame's rows."""
    for row, geom in zip(rows, geoms, strict=True):
        yield {c: _plain(row.get(c)) for c in columns}, geom


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def geojson_pieces(frame: gpd.GeoDataFrame, contract: tuple[str, ...]) -> Iterator[str]:
    """The GeoJSON text in pieces (one feature each), to be written as they come."""
    return _geojson_pieces(_records(frame, contract))


def _geojson_pieces(records: Iterable[Record]) -> Iterator[str]:
    # A shape shared by many rows (a place in every mention of it) is converted once.
    written: dict[int, str] = {}

    def geometry_json(geom: BaseGeometry | None) -> str:
        key = id(geom)
        if key not in written:
            written[key] = _geometry_json(geom)
        return written[key]

    first = True
    for props, geom in records:
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
    return "".join(geojson_pieces(frame, contract))


#: First characters that make a spreadsheet read a cell as a formula (``=HYPERLINK(…)``,
#: ``+cmd|' /C calc'!A0``, ``@SUM(…)``), or white space some strip before doing so.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def csv_cell(value: Any) -> str:
    """A cell of every CSV this package writes. Text that a spreadsheet would evaluate
    (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading
    ``'``, so Excel, LibreOffice and Sheets show it as text; numbers are left as numbers.
    Line breaks are written as ``\\n``, which the writer quotes.
    :func:`csv_uncell` undoes it when ``read_events`` reads the file back."""
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


def csv_uncell(value: str | None) -> str | None:
    """A cell as :func:`csv_cell` was given it: the ``'`` it put before a formula removed."""
    if value is not None and value.startswith("'") and value[1:].startswith(_FORMULA_START):
        return value[1:]
    return value


def _csv_text(frame: gpd.GeoDataFrame, contract: tuple[str, ...]) -> str:
    return "".join(csv_pieces(frame, contract))


def csv_pieces(frame: gpd.GeoDataFrame, contract: tuple[str, ...]) -> Iterator[str]:
    """CSV for spreadsheets and GIS alike: ``lon``/``lat`` of a point on the geometry (what a
    spreadsheet can plot), then the whole geometry as WKT (what QGIS or geopandas read); in
    pieces of :data:`CHUNK_ROWS` rows."""
    return _csv_pieces(_columns(frame, contract), _records(frame, contract))


def _csv_pieces(columns: Sequence[str], records: Iterable[Record]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*columns, "lon", "lat", "geometry"])
    written: dict[int, tuple[str, str, str]] = {}  # shapes shared by rows, written once
    for count, (props, geom) in enumerate(records, start=1):
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
        writer.writerow([*(csv_cell(props[c]) for c in columns), *written[id(geom)]])
        if count % CHUNK_ROWS == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _jsonl_text(records: Iterable[Record]) -> str:
    lines = [
        _dumps({**props, "geometry": json.loads(_geometry_json(geom))}) for props, geom in records
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
    import geopandas as gpd

    if not isinstance(frame, gpd.GeoDataFrame):
        raise SiteError(f"expected a GeoDataFrame, got {type(frame).__name__}")
    contract = _contract_for(frame)
    if fmt == "geojson":
        return _geojson_text(frame, contract)
    if fmt == "csv":
        return _csv_text(frame, contract)
    if fmt == "jsonl":
        return _jsonl_text(_records(frame, contract))
    raise SiteError(f"unknown table format {fmt!r}; expected geojson, csv or jsonl")


def rows_text(
    rows: Sequence[Mapping[str, Any]], geoms: Sequence[Any], columns: Sequence[str], fmt: str
) -> str:
    """The text :func:`table_text` gives for the GeoDataFrame of ``rows`` (plain values:
    str, int, float, bool, None, lists and dicts of them) with ``geoms`` (shapely geometries
    in EPSG:4326, or None) and exactly ``columns``, in contract order, without building it:
    no pandas or geopandas is imported. The one difference: a column of whole numbers with
    a gap, which pandas turns into floats ("2.0"), is written as its numbers ("2"); the
    events table has none (its ``source_count`` is never missing)."""
    if fmt == "geojson":
        return "".join(_geojson_pieces(_row_records(rows, geoms, columns)))
    if fmt == "csv":
        return "".join(_csv_pieces(columns, _row_records(rows, geoms, columns)))
    if fmt == "jsonl":
        return _jsonl_text(_row_records(rows, geoms, columns))
    raise SiteError(f"unknown table format {fmt!r}; expected geojson, csv or jsonl")
