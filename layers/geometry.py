"""Geometry for drawing: the antimeridian shift, the [lat, lon] flip, rounding and thinning.

Everything in the project is lon/lat (EPSG:4326). Leaflet wants ``[lat, lon]``; the flip
happens here and nowhere else (:func:`leaflet_coords`). The page's JavaScript receives the
flipped arrays and hands them to Leaflet untouched.
"""

from __future__ import annotations

import hashlib
import math
from typing import Any

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


def _drop_specks(geom: BaseGeometry, tolerance: float) -> BaseGeometry:
    """Without the islands smaller than a few pixels (the largest part always stays)."""
    if not isinstance(geom, MultiPolygon):
        return geom
    parts = sorted(geom.geoms, key=lambda p: p.area, reverse=True)
    kept = [parts[0]] + [p for p in parts[1:] if p.area >= (3 * tolerance) ** 2]
    return kept[0] if len(kept) == 1 else MultiPolygon(kept)


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
    return thinned(unwrap_antimeridian(geom), max_vertices=max_vertices)


def thinned(geom: BaseGeometry, *, max_vertices: int = MAX_VERTICES) -> tuple[BaseGeometry, int]:
    """``geom`` simplified as the map draws it, without moving it across the dateline: areas
    and lines in proportion to their size (:func:`display_tolerance`, topology preserved,
    specks of islands dropped) until they have at most ``max_vertices`` vertices; and the
    decimal places worth writing it with. Points and empty geometries come back as they are."""
    if geom.is_empty or isinstance(geom, Point | MultiPoint):
        return geom, DISPLAY_DIGITS
    key = (hashlib.blake2b(shapely.to_wkb(geom), digest_size=20).digest(), max_vertices)
    found = _thinned.get(key)
    if found is None:
        if len(_thinned) >= THINNED_MEMORY:
            _thinned.clear()
        found = _thinned[key] = _thin(geom, max_vertices)
    return found


def _thin(geom: BaseGeometry, max_vertices: int) -> tuple[BaseGeometry, int]:
    tolerance = display_tolerance(geom)
    shown = geom
    for _ in range(12):
        simplified = shapely.simplify(geom, tolerance, preserve_topology=True)
        shown = _drop_specks(simplified, tolerance) if not simplified.is_empty else geom
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
        polygons = []
        for poly in geometry_parts(geom):
            rings = [_ring(poly.exterior, digits)]
            rings += [_ring(hole, digits) for hole in poly.interiors]
            rings = [r for r in rings if len(r) >= 3]
            if rings:
                polygons.append(rings)
        if not polygons:  # degenerate after rounding: draw its centre instead
            centre = geom.representative_point()
            return {"t": "pt", "c": latlng(centre.x, centre.y, digits)}
        return {"t": "pg", "c": polygons}
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
