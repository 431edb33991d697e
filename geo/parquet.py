"""The events and mentions tables as GeoParquet: written by ``geo extract --format parquet``
and read back by ``geo site EVENTS.parquet``, so an archive is extracted once and mapped many
times. Needs pyarrow (the ``parquet`` extra, also in ``dask``).

Files are GeoParquet 1.x (geometry as WKB, the CRS in the metadata) in row groups of
:data:`ROW_GROUP_ROWS` rows, so a reader (DuckDB, pandas, GDAL) can read a part of a large
table at a time. ``sources`` is a list of structs (``article``, ``title``, ``outlet``,
``url``, ``published``, ``quote``) and ``notes`` a list of strings, as in the GeoJSON.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from geo.errors import GeoError

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["ROW_GROUP_ROWS", "read_parquet_table", "write_parquet"]

#: Rows per row group of a written file.
ROW_GROUP_ROWS = 50_000

_INSTALL = "GeoParquet needs pyarrow: pip install 'geo-news-map[parquet]'"


def _pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise GeoError(_INSTALL) from exc


def write_parquet(frame: gpd.GeoDataFrame, path: str | Path) -> None:
    """Write ``frame`` (an events or mentions table) to ``path`` as GeoParquet."""
    _pyarrow()
    frame.to_parquet(Path(path), index=False, row_group_size=ROW_GROUP_ROWS)


def read_parquet_table(
    path: str | Path,
    table: str = "events",
    *,
    on_problem: Callable[[str], None] | None = None,
) -> gpd.GeoDataFrame:
    """The events (or, with ``table="mentions"``, mentions) table in the GeoParquet file at
    ``path``, with the checks and defaults of :func:`layers.read_events`: a bad row is
    reported to ``on_problem`` and skipped; a file that is not GeoParquet raises
    :class:`GeoError` naming it."""
    _pyarrow()
    import geopandas as gpd

    from layers.tables import events_frame, mentions_frame

    path = Path(path)
    try:
        frame = gpd.read_parquet(path)
    except FileNotFoundError as exc:
        raise GeoError(f"cannot read {path}: no such file") from exc
    except Exception as exc:  # pyarrow and geopandas raise many types for a bad file
        raise GeoError(f"cannot read {path} as GeoParquet: {exc}") from exc
    if table == "mentions":
        return mentions_frame(frame, source=str(path), on_problem=on_problem)
    return events_frame(frame, source=str(path), on_problem=on_problem)
