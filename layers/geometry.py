"""Geometry for drawing: the antimeridian shift, the [lat, lon] flip, rounding and thinning.

Everything in the project is lon/lat (EPSG:4326). Leaflet wants ``[lat, lon]``; the flip
happens here and nowhere else (:func:`leaflet_coords`). The page's JavaScript receives the
flipped arrays and hands them to Leaflet untouched.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable
from typing import Any

import numpy as np
import shapely
from shapely.geometry import (
    GeometryCollection,
    LinearRing,
    LineString,
    MultiLineString,
    MultiPoint,
    MultiPolygon,
    Point,
    Polygon,
)
from shapely.geometry.base import BaseGeometry

from layers.errors import SiteError
from layers.mercator import outline_runs, round_the_world
from lonlat.antimeridian import geometry_parts
from lonlat.antimeridian import unwrap_for_display as unwrap_antimeridian

__all__ = [
    "DISPLAY_DIGITS",
    "display_digits",
    "display_geometry",
    "display_tolerance",
    "latlng",
    "leaflet_coords",
    "thinned",
]

#: Decimal places kept for drawing: 1e-5 degrees is about a metre.
DISPLAY_DIGITS = 5
#: Smallest simplification tolerance for drawing areas, in degrees (about 500 m).
DISPLAY_TOLERANCE = 0.005
#: Most vertices drawn for one shape.
MAX_VERTICES = 600
#: Thinned shapes remembered (by a digest of the shape and the vertex limit): the tables, the
#: map page and every embed page draw the same places, and thinning a country takes tens of
#: milliseconds.
THINNED_MEMORY = 512

_thinned: dict[tuple[bytes, int], tuple[BaseGeometry, int]] = {}
#: :func:`display_geometry`'s results, remembered as thinned shapes are (the same shape is
#: made contiguous across the dateline for the tables, the map page and its embed page).
_displayed: dict[tuple[bytes, int], tuple[BaseGeometry, int]] = {}


def _vertex_count(geom: BaseGeometry) -> int:
    return int(shapely.get_num_coordinates(geom))


def display_tolerance(geom: BaseGeometry) -> float:
    """The simplification tolerance for drawing ``geom``, in degrees: about 1/800 of its
    larger side (a pixel or two when the map is fitted to it), never under
    :data:`DISPLAY_TOLERANCE`."""
    minx, miny, maxx, maxy = geom.bounds
    return max(DISPLAY_TOLERANCE, max(maxx - minx, maxy - miny) / 800.0)


def display_digits(tolerance: float) -> int:
    """Decimal places worth keeping at ``tolerance``: one more than the tolerance has, two to
    :data:`DISPLAY_DIGITS`."""
    return max(2, min(DISPLAY_DIGITS, math.ceil(-math.log10(tolerance)) + 1))


def _drop_specks(geom: BaseGeometry, tolerance: float, *, holes: bool = False) -> BaseGeometry:
    """Without the islands smaller than a few pixels (the largest part always stays); with
    ``holes``, without the holes that small either (see :func:`_thin`)."""
    if holes:
        geom = _without_speck_holes(geom, (3 * tolerance) ** 2)
    if not isinstance(geom, MultiPolygon):
        return geom
    parts = sorted(geom.geoms, key=lambda p: p.area, reverse=True)
    kept = [parts[0]] + [p for p in parts[1:] if p.area >= (3 * tolerance) ** 2]
    return kept[0] if len(kept) == 1 else MultiPolygon(kept)


def _without_speck_holes(geom: BaseGeometry, least_area: float) -> BaseGeometry:
    """``geom`` (a polygon or multipolygon; anything else as it is) without the holes whose
    area is under ``least_area``. Leaving a hole out of a valid polygon keeps it valid."""
    polygons = [geom] if isinstance(geom, Polygon) else getattr(geom, "geoms", None)
    if not isinstance(geom, Polygon | MultiPolygon) or polygons is None:
        return geom
    out = []
    for polygon in polygons:
        rings = list(polygon.interiors)
        if rings:
            areas = shapely.area(shapely.polygons(rings)).tolist()
            rings = [r for r, a in zip(rings, areas, strict=True) if a >= least_area]
            polygon = Polygon(polygon.exterior, rings)
        out.append(polygon)
    return out[0] if isinstance(geom, Polygon) else MultiPolygon(out)


def _ring_count(geom: BaseGeometry) -> int:
    """The rings of a polygonal ``geom`` (0 for anything else)."""
    parts = shapely.get_parts(geom)
    polygonal = shapely.get_type_id(parts) == shapely.GeometryType.POLYGON
    if not polygonal.any():
        return 0
    return int(polygonal.sum() + shapely.get_num_interior_rings(parts[polygonal]).sum())


def display_geometry(
    geom: BaseGeometry, *, max_vertices: int = MAX_VERTICES
) -> tuple[BaseGeometry, int]:
    """The geometry as the map draws it, and the decimal places to write it with.

    Areas and lines are simplified in proportion to their size (:func:`display_tolerance`,
    topology preserved, specks of islands dropped) and further until they have at most
    ``max_vertices`` vertices, so that a continent weighs a few kilobytes in the page, not
    hundreds; first it is made contiguous across the dateline (:func:`unwrap_antimeridian`).
    Points are returned as they are, with :data:`DISPLAY_DIGITS` decimals.
    """
    if geom is None or geom.is_empty:
        raise SiteError("cannot draw an empty geometry")
    if isinstance(geom, Point):
        return geom, DISPLAY_DIGITS
    return _remembered(
        _displayed,
        geom,
        max_vertices,
        lambda: thinned(unwrap_antimeridian(geom), max_vertices=max_vertices),
    )


def _remembered(
    memory: dict[tuple[bytes, int], tuple[BaseGeometry, int]],
    geom: BaseGeometry,
    max_vertices: int,
    make: Callable[[], tuple[BaseGeometry, int]],
) -> tuple[BaseGeometry, int]:
    """``make()`` for ``geom`` at ``max_vertices``, kept in ``memory`` (emptied when it holds
    :data:`THINNED_MEMORY` shapes) under a digest of the geometry."""
    key = (hashlib.blake2b(shapely.to_wkb(geom), digest_size=20).digest(), max_vertices)
    found = memory.get(key)
    if found is None:
        if len(memory) >= THINNED_MEMORY:
            memory.clear()
        found = memory[key] = make()
    return found


def thinned(geom: BaseGeometry, *, max_vertices: int = MAX_VERTICES) -> tuple[BaseGeometry, int]:
    """``geom`` simplified as the map draws it, without moving it across the dateline: areas
    and lines in proportion to their size (:func:`display_tolerance`, topology preserved,
    specks of islands dropped) until they have at most ``max_vertices`` vertices; and the
    decimal places worth writing it with. Points and empty geometries come back as they are."""
    if geom.is_empty or isinstance(geom, Point | MultiPoint):
        return geom, DISPLAY_DIGITS
    return _remembered(_thinned, geom, max_vertices, lambda: _thin(geom, max_vertices))


#: Vertices a ring keeps at least when it is simplified with its topology preserved.
RING_MIN_VERTICES = 4


def _thin(geom: BaseGeometry, max_vertices: int) -> tuple[BaseGeometry, int]:
    tolerance = display_tolerance(geom)
    # Simplified with its topology preserved, each ring keeps 4 vertices at least: a shape
    # with more rings than ``max_vertices`` allows (an ocean's hundreds of islands) never
    # gets under it however far its tolerance grows, unless holes go as specks too, as
    # islands do (under 3 x 3 pixels when the map fits the shape, so nothing one could see).
    holes = RING_MIN_VERTICES * _ring_count(geom) > max_vertices
    shown = geom
    for _ in range(12):
        simplified = shapely.simplify(geom, tolerance, preserve_topology=True)
        shown = (
            _drop_specks(simplified, tolerance, holes=holes) if not simplified.is_empty else geom
        )
        if _vertex_count(shown) <= max_vertices:
            break
        tolerance *= 1.6
    return shown, display_digits(tolerance)


def latlng(lon: float, lat: float, digits: int = DISPLAY_DIGITS) -> list[float]:
    """One position for Leaflet: ``[lat, lon]`` rounded to ``digits`` decimals."""
    return [_round(lat, digits), _round(lon, digits)]


def _round(value: float, digits: int) -> float:
    rounded = round(float(value), digits)
    # Keep integers short in JSON ("10" rather than "10.0") and avoid "-0".
    if rounded == int(rounded):
        return int(rounded) or 0
    return rounded


def _ring(ring: LinearRing | LineString, digits: int) -> list[list[float]]:
    coords = [latlng(x, y, digits) for x, y, *_ in ring.coords]
    if isinstance(ring, LinearRing) and len(coords) > 1 and coords[0] == coords[-1]:
        coords.pop()  # Leaflet closes polygons itself
    deduped: list[list[float]] = []
    for c in coords:
        if not deduped or deduped[-1] != c:
            deduped.append(c)
    return deduped


def leaflet_coords(geom: BaseGeometry, digits: int = DISPLAY_DIGITS) -> dict[str, Any]:
    """Turn a lon/lat geometry into what the page's JavaScript hands to Leaflet.

    Returns ``{"t": kind, "c": coords}`` where ``kind`` is ``"pt"`` (``c`` = ``[lat, lon]``),
    ``"pts"`` (list of positions), ``"ln"`` (list of lines, each a list of positions) or
    ``"pg"`` (list of polygons, each a list of rings, each a list of positions; outer ring
    first). Positions are ``[lat, lon]``: this is the one place the project flips the axis
    order. Rings are left open (Leaflet closes them).
    """
    if geom is None or geom.is_empty:
        raise SiteError("cannot draw an empty geometry")
    if isinstance(geom, Point):
        return {"t": "pt", "c": latlng(geom.x, geom.y, digits)}
    if isinstance(geom, MultiPoint):
        return {"t": "pts", "c": [latlng(p.x, p.y, digits) for p in geom.geoms]}
    if isinstance(geom, LineString | MultiLineString):
        return {"t": "ln", "c": [_ring(line, digits) for line in geometry_parts(geom)]}
    if isinstance(geom, Polygon | MultiPolygon):
        return _area_coords(geom, digits)
    if isinstance(geom, GeometryCollection):
        # Draw the most telling member kind: areas, else lines, else points.
        polys = [g for g in geometry_parts(geom) if isinstance(g, Polygon | MultiPolygon)]
        if polys:
            return leaflet_coords(shapely.union_all(polys), digits)
        lines = [g for g in geometry_parts(geom) if isinstance(g, LineString | MultiLineString)]
        if lines:
            return leaflet_coords(
                MultiLineString([p for g in lines for p in geometry_parts(g)]), digits
            )
        points = [p for g in geometry_parts(geom) for p in geometry_parts(g)]
        return leaflet_coords(MultiPoint(points), digits)
    raise SiteError(f"cannot draw geometry of type {geom.geom_type}")


def _area_coords(geom: Polygon | MultiPolygon, digits: int) -> dict[str, Any]:
    """:func:`leaflet_coords` of an area: ``{"t": "pg", "c": polygons}``, plus ``"o"`` (the
    lines to stroke instead of the rings) when a ring runs along a seam of the map (the
    antimeridian or a pole, :func:`~layers.mercator.outline_runs`), and ``"w": 1`` when the
    area goes round the world (:func:`~layers.mercator.round_the_world`), so that the page
    draws it in every copy of the world in view. A polar ocean otherwise shows as a box: its
    cuts at ±180° and its edge along the pole stroked like coasts, in one copy of the world."""
    polygons = []
    outline: list[list[list[float]]] = []
    seams = False
    for poly in geometry_parts(geom):
        rings = [_ring(poly.exterior, digits)]
        rings += [_ring(hole, digits) for hole in poly.interiors]
        rings = [r for r in rings if len(r) >= 3]
        if not rings:
            continue
        polygons.append(rings)
        for ring in (poly.exterior, *poly.interiors):
            rows = np.asarray(ring.coords)
            runs = outline_runs(rows)
            seams = seams or not (len(runs) == 1 and runs[0] is rows)
            outline.extend(_ring(LineString(run), digits) for run in runs if len(run) >= 2)
    if not polygons:  # degenerate after rounding: draw its centre instead
        centre = geom.representative_point()
        return {"t": "pt", "c": latlng(centre.x, centre.y, digits)}
    coords: dict[str, Any] = {"t": "pg", "c": polygons}
    if seams:
        coords["o"] = [line for line in outline if len(line) >= 2]
    if round_the_world(geom):
        coords["w"] = 1
    return coords
