"""The Web Mercator frame of an event image: the event's geometry made contiguous across the
antimeridian, the window framed on it (:class:`MapFrame`), and lon/lat to pixels.

x is longitude in degrees (it may run past ±180), y the Mercator ordinate scaled to degrees
(±180 at ±85.05°), so the world is a square.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import shapely
from shapely.geometry import GeometryCollection, LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry

#: The map's shorter side spans at least this many degrees (of longitude, or the Mercator
#: equivalent), so a point shows a region: coasts or borders to place it by.
MIN_SPAN_DEGREES = 16.0

_MAX_LAT = 85.0511287798  # Web Mercator's square world
_FILL_SHARE = 0.5  # the event's extent takes about this share of the frame


def geometry_parts(geom: BaseGeometry) -> list[BaseGeometry]:
    """The points, lines and polygons of ``geom``, collections and multi-parts opened (none
    for an empty geometry)."""
    if geom.is_empty:
        return []
    if isinstance(geom, (Point, LineString, Polygon)):
        return [geom]
    return [p for g in getattr(geom, "geoms", ()) for p in geometry_parts(g)]


def contiguous(geom: BaseGeometry) -> BaseGeometry:
    """``geom`` with parts shifted by 360° so it spans the shortest longitude interval.

    An area split at the antimeridian (parts near +179 and -179) becomes one area around 180.
    """
    parts = geometry_parts(geom)
    if len(parts) < 2:
        return geom
    spans = sorted((p.bounds[0], p.bounds[2], i) for i, p in enumerate(parts))
    # the widest gap between consecutive parts, going round the globe, is where to cut
    best_gap, cut = -1.0, 0
    reach = spans[0][1]
    for k in range(1, len(spans)):
        gap = spans[k][0] - reach
        if gap > best_gap:
            best_gap, cut = gap, k
        reach = max(reach, spans[k][1])
    wrap_gap = spans[0][0] + 360 - reach
    if wrap_gap >= best_gap:
        return geom
    west = spans[cut][0]
    shifted = [
        shapely.transform(p, lambda xy: xy + np.array([360.0, 0.0])) if p.bounds[0] < west else p
        for p in parts
    ]
    areas = [p for p in shifted if isinstance(p, Polygon)]
    others = [p for p in shifted if not isinstance(p, Polygon)]
    if len(areas) > 1:
        # parts that met at the antimeridian become one area, with no seam drawn between them;
        # a 0.001° grid closes the hairline gaps sources leave there (179.9999 vs 180)
        merged = geometry_parts(
            shapely.union_all([shapely.make_valid(a) for a in areas], grid_size=1e-3)
        )
        merged = [a for a in merged if isinstance(a, Polygon)]
        areas = merged or areas
    return GeometryCollection([*areas, *others])


#: Longitudes this close (degrees) to ±180° plus a multiple of 360° lie on the antimeridian:
#: Natural Earth ends some seas at 179.9999°.
_SEAM_TOLERANCE = 1e-3
#: An edge with both ends this close to a pole (degrees of latitude) runs along the pole.
_POLE_LAT = 89.99


def outline_runs(coords: np.ndarray) -> list[np.ndarray]:
    """The (x, y) rows of a polygon's ring cut where the ring runs along a seam of the map
    rather than a real edge: along the antimeridian (a meridian at ±180° plus any multiple of
    360°, where sources cut areas that cross it or go round the globe) or along a pole (which
    Web Mercator draws as the map's top or bottom edge). What is left is the outline worth
    stroking; a ring with no seam is one run, the rows as they are."""
    a, b = coords[:-1], coords[1:]
    off = np.mod(a[:, 0] + 180.0, 360.0)
    on_meridian = (np.minimum(off, 360.0 - off) <= _SEAM_TOLERANCE) & (
        np.abs(a[:, 0] - b[:, 0]) <= _SEAM_TOLERANCE
    )
    on_pole = ((a[:, 1] >= _POLE_LAT) & (b[:, 1] >= _POLE_LAT)) | (
        (a[:, 1] <= -_POLE_LAT) & (b[:, 1] <= -_POLE_LAT)
    )
    seam = on_meridian | on_pole
    if not seam.any():
        return [coords]
    runs: list[np.ndarray] = []
    start = 0
    for i in np.flatnonzero(seam).tolist():
        if i > start:
            runs.append(coords[start : i + 1])
        start = i + 1
    if start < len(coords) - 1:
        runs.append(coords[start:])
    return runs


def round_the_world(geom: BaseGeometry) -> bool:
    """Whether ``geom`` spans all longitudes (a polar ocean, a band round the globe): a map
    wider than the world shows it in every copy of the world, not just one."""
    minx, _, maxx, _ = geom.bounds
    return maxx - minx >= 360.0 - 2 * _SEAM_TOLERANCE


def merc_y(lat: np.ndarray | float) -> np.ndarray:
    """The Web Mercator ordinate of latitudes, in degrees (±180 at ±85.05°; latitudes beyond
    are clipped there)."""
    phi = np.radians(np.clip(lat, -_MAX_LAT, _MAX_LAT))
    return np.degrees(np.log(np.tan(np.pi / 4 + phi / 2)))


#: latitude → ``float(merc_y(latitude))`` of the base map's names, met in every image.
_MERC_Y: dict[float, float] = {}


def merc_y_of(lat: float) -> float:
    """``float(merc_y(lat))`` for one latitude, computed once per process (a numpy call on a
    scalar costs microseconds, and each image places thousands of names)."""
    found = _MERC_Y.get(lat)
    if found is None:
        if len(_MERC_Y) >= 100_000:
            _MERC_Y.clear()
        found = _MERC_Y[lat] = float(merc_y(lat))
    return found


class MapFrame:
    """A Web Mercator window onto the world, ``width`` x ``height`` pixels.

    x is longitude in degrees (it may run past ±180), y the Mercator ordinate scaled to
    degrees (±180 at ±85.05°), so the world is a square.
    """

    def __init__(self, x0: float, y1: float, scale: float, width: int, height: int) -> None:
        self.x0, self.y1, self.scale = x0, y1, scale
        self.width, self.height = width, height
        self.x1 = x0 + width / scale
        self.y0 = y1 - height / scale

    @classmethod
    def around(cls, bounds: Sequence[float], width: int, height: int) -> MapFrame:
        """The frame of ``width`` x ``height`` pixels centred on ``bounds`` (lon/lat), which
        fill about half of it, spanning at least :data:`MIN_SPAN_DEGREES` on its shorter
        side and at most the world's height."""
        minx, miny, maxx, maxy = bounds
        my0, my1 = float(merc_y(miny)), float(merc_y(maxy))
        aspect = width / height
        shorter = MIN_SPAN_DEGREES * max(1.0, aspect), MIN_SPAN_DEGREES * max(1.0, 1 / aspect)
        span_x = max((maxx - minx) / _FILL_SHARE, shorter[0])
        span_y = max((my1 - my0) / _FILL_SHARE, shorter[1])
        span_x, span_y = max(span_x, span_y * aspect), max(span_y, span_x / aspect)
        if span_y > 360:
            span_y, span_x = 360.0, 360.0 * aspect
        cx, cy = (minx + maxx) / 2, (my0 + my1) / 2
        cy = min(max(cy, -180 + span_y / 2), 180 - span_y / 2)
        return cls(cx - span_x / 2, cy + span_y / 2, width / span_x, width, height)

    def pixels(self, coords: np.ndarray, shift: float = 0.0) -> np.ndarray:
        """lon/lat rows → pixel rows (float) in this frame, longitudes moved by ``shift``."""
        px = (coords[:, 0] + shift - self.x0) * self.scale
        py = (self.y1 - merc_y(coords[:, 1])) * self.scale
        return np.column_stack([px, py])

    def shifts(self) -> list[float]:
        """Multiples of 360° to add to world longitudes to cover this frame."""
        first = math.floor((self.x0 + 180) / 360)
        last = math.floor((self.x1 + 180) / 360)
        return [360.0 * k for k in range(first, last + 1)]
