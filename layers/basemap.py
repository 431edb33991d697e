"""The default base map: Natural Earth land and country borders, drawn with no network.

The base map is a committed asset, two plain scripts under ``layers/assets/basemap/``
(listed, relative to ``layers/assets/``, in :data:`BASEMAP_ASSETS`):

``basemap.js``
    Data. Defines ``window.GEO_BASEMAP = {"land": <GeoJSON FeatureCollection of one
    MultiPolygon>, "borders": <GeoJSON FeatureCollection of one MultiLineString>, "meta":
    {...}}``. A script, not JSON to ``fetch()``, because ``fetch`` does not work from
    ``file://``. Made by the recipe below; never edit it by hand.
``basemap-layer.js``
    Code (needs Leaflet). Defines ``window.GeoBasemap`` with:

    - ``GeoBasemap.layer(options)`` → an ``L.LayerGroup`` (land fill, coastlines, borders)
      drawn on its own ``L.canvas`` renderer in a pane ``geoBasemap`` below the overlays; while
      it is on a map it paints the map container's background with the sea colour, and it
      restores the previous background when removed (so it can be a base layer in a layer
      control next to online tile layers).
    - ``GeoBasemap.addTo(map, options)`` → the same layer, already added to ``map``.
    - ``GeoBasemap.attribution`` → ``"Made with Natural Earth"``.
    - options (all optional): ``sea``, ``land``, ``coast``, ``border`` (CSS colours),
      ``worldCopies`` (default ``true``: also draws the world shifted by ±360° so areas that
      cross the antimeridian sit on land), ``pane`` (default ``"geoBasemap"``).

Usage in a page (the site copies the two files next to Leaflet; load order matters)::

    <script src="assets/leaflet/leaflet.js"></script>
    <script src="assets/basemap/basemap.js"></script>
    <script src="assets/basemap/basemap-layer.js"></script>
    <script>
      const map = L.map("map", {preferCanvas: true});
      const base = GeoBasemap.addTo(map);          // returns the L.LayerGroup
      map.attributionControl.addAttribution(GeoBasemap.attribution);
      // optional: L.control.layers({"Natural Earth": base, "OpenStreetMap": osmTiles}).addTo(map)
    </script>

The basemap layers are not interactive, so clicks reach the event layers. The scripts touch
nothing but ``window.GEO_BASEMAP`` and ``window.GeoBasemap`` and contain no inline event
handlers, so they run under a ``script-src 'self'`` Content-Security-Policy.

Python users get the same data as shapely geometry: :func:`land_geometry` and
:func:`border_geometry` (lazily parsed once from the committed asset, so images match the
interactive map). :data:`BASEMAP_ATTRIBUTION` is the credit to show wherever the base map is
drawn.

Rebuilding the asset (deterministic: the same inputs give the same bytes)::

    python -m layers.basemap --natural-earth ../shared/naturalearth

It reads ``ne_50m_land.json`` (land; coastlines are the land outlines) and
``ne_50m_admin_0_countries.json`` (borders: the lines two countries share), simplifies both
with Douglas–Peucker at :data:`SIMPLIFY_DEGREES` (topology preserved) and snaps every vertex to
a :data:`GRID_DEGREES` grid (about 1 km), keeping every polygon valid. At that tolerance the
error is under 1 px up to zoom 3 and about 3 px at zoom 6, which matches the 1:50m source.
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Polygon, shape
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from layers.errors import SiteError

__all__ = [
    "BASEMAP_ASSETS",
    "BASEMAP_ATTRIBUTION",
    "BASEMAP_STYLESHEETS",
    "BORDER_COLOUR",
    "COAST_COLOUR",
    "GRID_DEGREES",
    "LAND_COLOUR",
    "SEA_COLOUR",
    "SIMPLIFY_DEGREES",
    "assets_dir",
    "border_geometry",
    "build_basemap",
    "land_geometry",
    "load_basemap",
    "render_basemap_js",
]

#: Credit to show wherever the base map is drawn (Natural Earth is public domain).
BASEMAP_ATTRIBUTION = "Made with Natural Earth"

#: The base map's files, relative to ``layers/assets/``, in the order a page loads them.
BASEMAP_ASSETS: tuple[str, ...] = (
    "basemap/basemap.js",
    "basemap/basemap-layer.js",
    "basemap/labels.js",
    "basemap/labels-layer.js",
)
#: The base map's stylesheet (the place names' fonts and halo), relative to ``layers/assets/``.
BASEMAP_STYLESHEETS: tuple[str, ...] = ("basemap/labels.css",)

#: Douglas–Peucker tolerance in degrees used by the recipe.
SIMPLIFY_DEGREES = 0.04
#: Every vertex is snapped to this grid, in degrees (two decimals in the asset).
GRID_DEGREES = 0.01

#: Colours shared by the interactive layer (basemap-layer.js defaults) and the static images.
SEA_COLOUR = "#cddfea"
LAND_COLOUR = "#f3f0e8"
COAST_COLOUR = "#97adbd"
BORDER_COLOUR = "#b3a796"

_LAND_FILE = "ne_50m_land.json"
_COUNTRIES_FILE = "ne_50m_admin_0_countries.json"
_JS_PREFIX = "window.GEO_BASEMAP = "
_HEADER = (
    "/* Offline base map: Natural Earth 1:50m land and country borders (public domain).\n"
    " * Made with Natural Earth. Generated by `python -m layers.basemap`; do not edit.\n"
    " * Simplified at {tol} degrees, vertices on a {grid} degree grid. */\n"
)


def assets_dir() -> Path:
    """The folder ``layers/assets/``, which holds :data:`BASEMAP_ASSETS`."""
    return Path(__file__).resolve().parent / "assets"


# ---------------------------------------------------------------------------------------------
# The recipe: Natural Earth → basemap data → basemap.js


def _read_geometries(path: Path) -> list[BaseGeometry]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [shape(f["geometry"]) for f in data["features"] if f.get("geometry")]
    except FileNotFoundError as exc:
        raise SiteError(
            f"{path} not found; pass the folder holding Natural Earth's {path.name} "
            "(GeoJSON from naturalearthdata.com) as --natural-earth"
        ) from exc
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise SiteError(f"{path} is not a GeoJSON FeatureCollection: {exc}") from exc


def _polygons(geom: BaseGeometry) -> list[Polygon]:
    if isinstance(geom, Polygon):
        return [] if geom.is_empty else [geom]
    return [p for g in getattr(geom, "geoms", ()) for p in _polygons(g)]


def _lines(geom: BaseGeometry) -> list[LineString]:
    if isinstance(geom, LineString):
        return [] if geom.is_empty or geom.length == 0 else [geom]
    return [ln for g in getattr(geom, "geoms", ()) for ln in _lines(g)]


def _shared_borders(countries: Sequence[BaseGeometry]) -> MultiLineString:
    """The lines where two country polygons meet (coasts are not borders)."""
    countries = [shapely.make_valid(c) for c in countries]
    outlines = [c.boundary for c in countries]
    tree = shapely.STRtree(countries)
    left, right = tree.query(countries, predicate="intersects")
    pieces: list[LineString] = []
    for i, j in zip(left.tolist(), right.tolist(), strict=True):
        if i < j:
            pieces.extend(_lines(shapely.intersection(outlines[i], outlines[j])))
    merged = shapely.line_merge(shapely.union_all(pieces)) if pieces else MultiLineString()
    return MultiLineString(_lines(merged))


def _simplify(geom: BaseGeometry, tolerance: float, grid: float) -> BaseGeometry:
    simple = shapely.simplify(geom, tolerance, preserve_topology=True)
    return shapely.set_precision(simple, grid)


def build_basemap(
    natural_earth_dir: Path,
    *,
    tolerance: float = SIMPLIFY_DEGREES,
    grid: float = GRID_DEGREES,
) -> dict[str, Any]:
    """Build the base map data from a folder of Natural Earth GeoJSON files.

    Returns ``{"land": FeatureCollection, "borders": FeatureCollection, "meta": {...}}`` with
    lon/lat coordinates rounded to ``grid``; polygon exteriors are counter-clockwise (RFC 7946)
    and every polygon is valid. Raises :class:`SiteError` if a file is missing or unreadable.
    """
    if tolerance < 0 or grid <= 0:
        raise SiteError(f"tolerance must be >= 0 and grid > 0, got {tolerance!r} and {grid!r}")
    folder = Path(natural_earth_dir)
    land = shapely.union_all([shapely.make_valid(g) for g in _read_geometries(folder / _LAND_FILE)])
    land = _simplify(land, tolerance, grid)
    polygons = [orient(p, sign=1.0) for p in _polygons(land)]
    borders = _simplify(
        _shared_borders(_read_geometries(folder / _COUNTRIES_FILE)), tolerance, grid
    )
    lines = _lines(borders)
    decimals = max(0, math.ceil(-math.log10(grid) - 1e-9))
    return {
        "land": _collection(
            "MultiPolygon",
            [[_ring(r, decimals) for r in _rings(p)] for p in polygons],
        ),
        "borders": _collection("MultiLineString", [_ring(ln, decimals) for ln in lines]),
        "meta": {
            "source": "Natural Earth 1:50m land and admin-0 countries",
            "attribution": BASEMAP_ATTRIBUTION,
            "simplify_degrees": tolerance,
            "grid_degrees": grid,
        },
    }


def _rings(polygon: Polygon) -> list[Any]:
    return [polygon.exterior, *polygon.interiors]


def _number(value: float, decimals: int) -> float | int:
    rounded = round(value, decimals)
    if rounded == int(rounded):
        return int(rounded)
    return rounded


def _ring(line: Any, decimals: int) -> list[list[float | int]]:
    return [[_number(x, decimals), _number(y, decimals)] for x, y in line.coords]


def _collection(kind: str, coordinates: list[Any]) -> dict[str, Any]:
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {},
                "geometry": {"type": kind, "coordinates": coordinates},
            }
        ],
    }


def render_basemap_js(data: dict[str, Any]) -> str:
    """The text of ``basemap.js`` for ``data`` (as returned by :func:`build_basemap`)."""
    meta = data.get("meta", {})
    header = _HEADER.format(
        tol=meta.get("simplify_degrees", SIMPLIFY_DEGREES),
        grid=meta.get("grid_degrees", GRID_DEGREES),
    )
    body = json.dumps(data, separators=(",", ":"), ensure_ascii=True, sort_keys=True)
    return f"{header}{_JS_PREFIX}{body};\n"


# ---------------------------------------------------------------------------------------------
# Reading the committed asset back (for static images and tests)


def _parse_basemap_js(text: str, origin: str) -> dict[str, Any]:
    start = text.find(_JS_PREFIX)
    if start < 0:
        raise SiteError(f"{origin} does not define window.GEO_BASEMAP; rebuild it")
    body = text[start + len(_JS_PREFIX) :].strip().removesuffix(";")
    try:
        data = json.loads(body)
    except ValueError as exc:
        raise SiteError(f"{origin} is not valid base map data ({exc}); rebuild it") from exc
    if not isinstance(data, dict) or not {"land", "borders"} <= data.keys():
        raise SiteError(f"{origin} lacks land or borders; rebuild it")
    return data


def load_basemap(path: Path | None = None) -> dict[str, Any]:
    """The base map data defined by ``basemap.js`` (the committed asset by default).

    The committed asset is parsed once and the same dict is returned each time: treat it as
    read-only. Raises :class:`SiteError` if the file is missing or does not hold base map
    data.
    """
    if path is None:
        return _committed_basemap()
    return _read_basemap(Path(path))


def _read_basemap(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SiteError(
            f"cannot read the base map {path}: {exc}; rebuild it with "
            "`python -m layers.basemap --natural-earth DIR`"
        ) from exc
    return _parse_basemap_js(text, str(path))


@cache
def _committed_basemap() -> dict[str, Any]:
    return _read_basemap(assets_dir() / BASEMAP_ASSETS[0])


def _shape(geometry: dict[str, Any]) -> BaseGeometry:
    """``shape(geometry)``; a MultiPolygon (all land) is built from one array of its
    coordinates instead of one shapely object per ring, the same geometry in a third of the
    time."""
    coordinates = geometry.get("coordinates")
    if geometry.get("type") != "MultiPolygon" or not coordinates:
        return shape(geometry)
    rings = [ring for polygon in coordinates for ring in polygon]
    coords = np.array([point for ring in rings for point in ring], dtype=np.float64)
    if coords.ndim != 2 or coords.shape[1] != 2 or any(len(ring) < 4 for ring in rings):
        return shape(geometry)
    offsets = (
        np.cumsum([0, *(len(ring) for ring in rings)]),
        np.cumsum([0, *(len(polygon) for polygon in coordinates)]),
        np.array([0, len(coordinates)]),
    )
    return shapely.from_ragged_array(shapely.GeometryType.MULTIPOLYGON, coords, offsets)[0]


def _geometry(collection: dict[str, Any]) -> BaseGeometry:
    parts = [_shape(f["geometry"]) for f in collection.get("features", [])]
    if not parts:
        return shapely.GeometryCollection()
    return parts[0] if len(parts) == 1 else shapely.union_all(parts)


@cache
def land_geometry() -> MultiPolygon:
    """All land as one shapely MultiPolygon (lon/lat), parsed once from the committed asset."""
    geom = _geometry(load_basemap()["land"])
    return geom if isinstance(geom, MultiPolygon) else MultiPolygon(_polygons(geom))


@cache
def border_geometry() -> MultiLineString:
    """Country borders as one shapely MultiLineString (lon/lat), from the committed asset."""
    geom = _geometry(load_basemap()["borders"])
    return geom if isinstance(geom, MultiLineString) else MultiLineString(_lines(geom))


# ---------------------------------------------------------------------------------------------
# python -m layers.basemap


def _size(path: Path) -> str:
    return f"{path.stat().st_size / 1024:.0f} KiB"


def main(argv: Iterable[str] | None = None) -> int:
    """Build ``basemap.js`` from Natural Earth; print what was written."""
    parser = argparse.ArgumentParser(
        prog="python -m layers.basemap",
        description="Build the offline base map asset (basemap.js) from Natural Earth GeoJSON.",
    )
    parser.add_argument(
        "--natural-earth",
        required=True,
        type=Path,
        metavar="DIR",
        help=f"folder holding {_LAND_FILE} and {_COUNTRIES_FILE}",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=assets_dir() / BASEMAP_ASSETS[0],
        help="file to write (default: the committed asset)",
    )
    parser.add_argument("--tolerance", type=float, default=SIMPLIFY_DEGREES, help="degrees")
    parser.add_argument("--grid", type=float, default=GRID_DEGREES, help="degrees")
    args = parser.parse_args(None if argv is None else list(argv))
    try:
        data = build_basemap(args.natural_earth, tolerance=args.tolerance, grid=args.grid)
    except SiteError as exc:
        parser.exit(1, f"error: {exc}\n")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render_basemap_js(data), encoding="utf-8", newline="\n")
    land = data["land"]["features"][0]["geometry"]["coordinates"]
    borders = data["borders"]["features"][0]["geometry"]["coordinates"]
    print(
        f"wrote {args.out} ({_size(args.out)}): {len(land)} land polygons, "
        f"{sum(len(r) for p in land for r in p)} land vertices, {len(borders)} border lines, "
        f"{sum(len(ln) for ln in borders)} border vertices"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
