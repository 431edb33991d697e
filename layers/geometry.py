"""Geometry for drawing: the antimeridian shift, the [lat, lon] flip, rounding and thinning.

Everything in the project is lon/lat (EPSG:4326). Leaflet wants ``[lat, lon]``; the flip
happens here and nowhere else (:func:`leaflet_coords`). The page's JavaScript receives the
flipped arrays and hands them to Leaflet untouched.
"""

from __future__ import annotations

from typing import Any

import shapely
from shapely.affinity import translate
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

__all__ = [
    "DISPLAY_DIGITS",
    "display_geometry",
    "latlng",
    "leaflet_coords",
    "unwrap_antimeridian",
]

#: Decimal places kept for drawing: 1e-5 degrees is about a metre.
DISPLAY_DIGITS = 5
#: How close to ±180° a part must reach to count as cut at the dateline, in degrees.
_EDGE = 1e-6
#: Simplification tolerance for drawing areas, in degrees (about 1 km at the equator).
DISPLAY_TOLERANCE = 0.01


def _parts(geom: BaseGeometry) -> list[BaseGeometry]:
    if isinstance(geom, MultiPolygon | MultiLineString | MultiPoint | GeometryCollection):
        return [p for p in geom.geoms if not p.is_empty]
    return [geom]


def _collect(parts: list[BaseGeometry], like: BaseGeometry) -> BaseGeometry:
    if len(parts) == 1 and not isinstance(like, MultiPolygon | MultiLineString | MultiPoint):
        return parts[0]
    if isinstance(like, MultiPolygon):
        return MultiPolygon(parts)
    if isinstance(like, MultiLineString):
        return MultiLineString(parts)
    if isinstance(like, MultiPoint):
        return MultiPoint(parts)
    return GeometryCollection(parts)


def _touches_dateline(parts: list[BaseGeometry]) -> bool:
    east = any(p.bounds[2] >= 180.0 - _EDGE for p in parts)
    west = any(p.bounds[0] <= -180.0 + _EDGE for p in parts)
    return east and west


def unwrap_antimeridian(geom: BaseGeometry) -> BaseGeometry:
    """Return ``geom`` with its western parts shifted by +360° when it crosses the dateline.

    Geometries arrive split at ±180° (RFC 7946): the sea around the Aleutians is one part
    ending at +180° and one starting at -180°. Drawn as is, the two halves sit at opposite
    ends of the map. A multi-part geometry *crosses the dateline* when it has parts on both
    sides and either touches ±180° on both sides (it was split there) or lies wholly in the
    Pacific half of the world (every part beyond ±90°, e.g. islands at 179.5° and -179.5°).
    Then every part west of 0° moves 360° east (longitudes run up to 360°, which Leaflet
    draws east of the dateline) and polygon halves cut along the dateline are merged back
    into one. Anything else, including every single-part geometry, is returned unchanged.
    """
    if geom.is_empty:
        return geom
    parts = _parts(geom)
    if len(parts) < 2:
        return geom
    minx, _, maxx, _ = geom.bounds
    if not (minx < 0 < maxx):
        return geom
    pacific = all(p.bounds[0] >= 90.0 or p.bounds[2] <= -90.0 for p in parts)
    if not (pacific or _touches_dateline(parts)):
        return geom
    shifted = [translate(p, xoff=360.0) if p.bounds[2] <= 0 else p for p in parts]
    joined = _collect(shifted, geom)
    if isinstance(joined, MultiPolygon):
        # The halves were cut along the dateline; once side by side, melt the seam away.
        merged = shapely.union_all([shapely.make_valid(p) for p in shifted])
        if isinstance(merged, Polygon | MultiPolygon) and not merged.is_empty:
            return merged
    return joined


def display_geometry(geom: BaseGeometry, *, tolerance: float = DISPLAY_TOLERANCE) -> BaseGeometry:
    """The geometry as the map draws it: thinned areas and lines, contiguous across the dateline.

    Areas and lines are simplified with ``tolerance`` degrees (topology preserved; a part too
    small to survive keeps its original shape) so that a country outline does not weigh
    hundreds of kilobytes in the page. Points are returned as they are.
    """
    if geom is None or geom.is_empty:
        raise SiteError("cannot draw an empty geometry")
    if tolerance > 0 and not isinstance(geom, Point | MultiPoint):
        simplified = shapely.simplify(geom, tolerance, preserve_topology=True)
        if not simplified.is_empty:
            geom = simplified
    return unwrap_antimeridian(geom)


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
        return {"t": "ln", "c": [_ring(line, digits) for line in _parts(geom)]}
    if isinstance(geom, Polygon | MultiPolygon):
        polygons = []
        for poly in _parts(geom):
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
        polys = [g for g in _parts(geom) if isinstance(g, Polygon | MultiPolygon)]
        if polys:
            return leaflet_coords(shapely.union_all(polys), digits)
        lines = [g for g in _parts(geom) if isinstance(g, LineString | MultiLineString)]
        if lines:
            return leaflet_coords(MultiLineString([p for g in lines for p in _parts(g)]), digits)
        points = [p for g in _parts(geom) for p in _parts(g)]
        return leaflet_coords(MultiPoint(points), digits)
    raise SiteError(f"cannot draw geometry of type {geom.geom_type}")
