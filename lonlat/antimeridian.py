"""Geometries that cross the antimeridian (±180° longitude).

The project's convention (RFC 7946 §3.1.9): a stored lon/lat geometry never has a ring that
spans -180..180 to get across the antimeridian. It is split there instead: a MultiPolygon whose
parts meet at +180 and -180. The Bering Sea is two polygons, one ending at 180° and one
starting at -180°.

Helpers convert between that stored form and a *continuous* form whose longitudes may leave
±180 (e.g. 160..200 for the Bering Sea), which is what geometry code and map display want:

- :func:`shift_for_display` (alias :func:`unwrap`) shifts the western parts of a split geometry
  by +360° so it is one connected shape in longitudes up to 540°. Leaflet draws such a shape
  contiguously across the date line.
- :func:`unwrap_for_display` is the form the map draws (``layers``): the western parts of a
  geometry split at the dateline moved 360° east and polygon halves cut there merged.
- :func:`split_antimeridian` is the inverse: it takes a geometry in continuous longitudes
  (any range) and returns it within ±180°, split at the antimeridian.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

import numpy as np
import shapely
from shapely.affinity import translate
from shapely.geometry import (
    GeometryCollection,
    LineString,
    MultiLineString,
    MultiPoint,
    MultiPolygon,
    Point,
    Polygon,
    box,
)
from shapely.geometry.base import BaseGeometry

__all__ = [
    "crosses_antimeridian",
    "geometry_parts",
    "seam_longitude",
    "shift_for_display",
    "split_antimeridian",
    "unwrap",
    "unwrap_for_display",
]

#: Coordinates this close to ±180 / ±90 (degrees) are treated as lying on them.
EDGE_TOLERANCE = 1e-9
#: Parts ending this close (degrees, about 100 m) to ±180 count as touching the antimeridian:
#: Natural Earth stores some seas as ending at 179.9999°.
DATELINE_TOLERANCE = 1e-3


def _parts(geometry: BaseGeometry) -> list[BaseGeometry]:
    return [p for p in shapely.get_parts(geometry) if not p.is_empty]


def _rebuild(geometry: BaseGeometry, parts: list[BaseGeometry]) -> BaseGeometry:
    """A geometry of the same family as ``geometry`` made of ``parts``."""
    if not parts:
        return geometry
    kinds = {p.geom_type for p in parts}
    if kinds <= {"Polygon"}:
        return (
            parts[0] if len(parts) == 1 and isinstance(geometry, Polygon) else MultiPolygon(parts)
        )
    if kinds <= {"LineString"}:
        if len(parts) == 1 and isinstance(geometry, LineString):
            return parts[0]
        return MultiLineString(parts)
    if kinds <= {"Point"}:
        return parts[0] if len(parts) == 1 and isinstance(geometry, Point) else MultiPoint(parts)
    return GeometryCollection(parts)


def seam_longitude(geometry: BaseGeometry) -> float:
    """The longitude (in -180..180) where a continuous version of ``geometry`` is best cut: the
    middle of the widest gap in its longitude coverage.

    180.0 means the antimeridian is in the widest gap (the geometry needs no shifting); a
    geometry covering every longitude (the Arctic Ocean) also gets 180.0.
    """
    intervals = sorted(
        (max(-180.0, p.bounds[0]), min(180.0, p.bounds[2])) for p in _parts(geometry)
    )
    if not intervals:
        return 180.0
    merged: list[list[float]] = [list(intervals[0])]
    for start, end in intervals[1:]:
        if start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    # The gap across the antimeridian, from the last interval's end to the first's start.
    best_gap = merged[0][0] + 360.0 - merged[-1][1]
    best_seam = 180.0
    for (_, end), (start, _) in itertools.pairwise(merged):
        if start - end > best_gap + EDGE_TOLERANCE:
            best_gap = start - end
            best_seam = (start + end) / 2.0
    if best_gap <= EDGE_TOLERANCE:
        return 180.0
    return best_seam


def shift_for_display(geometry: BaseGeometry) -> BaseGeometry:
    """``geometry`` (within ±180°, split at the antimeridian) made continuous: the parts west
    of :func:`seam_longitude` are shifted east by 360°.

    A geometry that does not cross the antimeridian is returned unchanged. The result's
    longitudes lie in ``[seam, seam + 360]``, so it may exceed 180°.
    """
    seam = seam_longitude(geometry)
    if seam == 180.0:
        return geometry
    parts = _parts(geometry)
    shifted = [
        shapely.affinity.translate(p, xoff=360.0) if p.bounds[2] <= seam else p for p in parts
    ]
    return _rebuild(geometry, shifted)


#: Short name for :func:`shift_for_display`, used by geometry code.
unwrap = shift_for_display


def _clamp(geometry: BaseGeometry) -> BaseGeometry:
    """Snap coordinates within float noise of ±180 / ±90 onto those lines."""

    def fix(coords: np.ndarray) -> np.ndarray:
        out = coords.copy()
        out[:, 0] = np.clip(out[:, 0], -180.0, 180.0)
        out[:, 1] = np.clip(out[:, 1], -90.0, 90.0)
        for edge in (-180.0, 180.0):
            out[np.abs(out[:, 0] - edge) < 1e-7, 0] = edge
        return out

    return shapely.transform(geometry, fix)


def split_antimeridian(geometry: BaseGeometry) -> BaseGeometry:
    """``geometry`` in continuous longitudes (any range) as a geometry within ±180°, split at
    the antimeridian: parts east of 180° are moved to -180° and beyond, and nothing spans the
    date line.

    Polygonal input gives polygonal output (a Polygon or a MultiPolygon whose parts meet at
    ±180°); degenerate slivers produced by the cut are dropped.
    """
    if geometry.is_empty:
        return geometry
    minx, _, maxx, _ = geometry.bounds
    if minx >= -180.0 and maxx <= 180.0:
        return _clamp(geometry)
    polygonal = geometry.geom_type in {"Polygon", "MultiPolygon"}
    pieces: list[BaseGeometry] = []
    first = math.floor((minx + 180.0) / 360.0)
    last = math.floor((maxx + 180.0) / 360.0)
    for k in range(first, last + 1):
        window = box(-180.0 + 360.0 * k, -90.0, 180.0 + 360.0 * k, 90.0)
        piece = geometry.intersection(window)
        if piece.is_empty:
            continue
        piece = shapely.affinity.translate(piece, xoff=-360.0 * k)
        pieces.extend(_parts(piece))
    if polygonal:
        pieces = [_clamp(p) for p in pieces if p.geom_type == "Polygon"]
        pieces = [p for p in pieces if p.is_valid and p.area > 1e-12]
        if not pieces:
            return Polygon()
        return shapely.union_all(pieces)
    return _clamp(_rebuild(geometry, pieces))


def crosses_antimeridian(geometry: BaseGeometry) -> bool:
    """Whether ``geometry`` (within ±180°) has parts touching both -180° and +180°, i.e. it is
    one feature stored split at the antimeridian."""
    if geometry.is_empty:
        return False
    minx, _, maxx, _ = geometry.bounds
    return (
        minx <= -180.0 + DATELINE_TOLERANCE
        and maxx >= 180.0 - DATELINE_TOLERANCE
        and (seam_longitude(geometry) != 180.0)
    )


#: How close to ±180° a part must reach to count as cut at the dateline when drawn, in
#: degrees (sources clip at 179.9999° and the like).
DISPLAY_EDGE = 0.01


def geometry_parts(geom: BaseGeometry) -> list[BaseGeometry]:
    """The non-empty members of a multi-part geometry or collection, or ``[geom]`` itself."""
    if isinstance(geom, MultiPolygon | MultiLineString | MultiPoint | GeometryCollection):
        return [p for p in geom.geoms if not p.is_empty]
    return [geom]


def _display_collect(parts: list[BaseGeometry], like: BaseGeometry) -> BaseGeometry:
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
    east = any(p.bounds[2] >= 180.0 - DISPLAY_EDGE for p in parts)
    west = any(p.bounds[0] <= -180.0 + DISPLAY_EDGE for p in parts)
    return east and west


def _snap_to_dateline(part: BaseGeometry) -> BaseGeometry:
    """``part`` with longitudes within :data:`DISPLAY_EDGE` of ±180° set to exactly ±180°, so
    the two halves of a cut shape meet without a sliver between them."""

    def snap(coords: Any) -> Any:
        xs = coords[:, 0]
        xs[xs >= 180.0 - DISPLAY_EDGE] = 180.0
        xs[xs <= -180.0 + DISPLAY_EDGE] = -180.0
        return coords

    return shapely.transform(part, snap)


def unwrap_for_display(geom: BaseGeometry) -> BaseGeometry:
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
    parts = geometry_parts(geom)
    if len(parts) < 2:
        return geom
    minx, _, maxx, _ = geom.bounds
    if not (minx < 0 < maxx):
        return geom
    pacific = all(p.bounds[0] >= 90.0 or p.bounds[2] <= -90.0 for p in parts)
    if not (pacific or _touches_dateline(parts)):
        return geom
    shifted = [
        translate(_snap_to_dateline(p), xoff=360.0) if p.bounds[2] <= 0 else _snap_to_dateline(p)
        for p in parts
    ]
    joined = _display_collect(shifted, geom)
    if isinstance(joined, MultiPolygon):
        # The halves were cut along the dateline; once side by side, melt the seam away.
        merged = shapely.union_all([shapely.make_valid(p) for p in shifted])
        if isinstance(merged, Polygon | MultiPolygon) and not merged.is_empty:
            return merged
    return joined
