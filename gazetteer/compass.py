"""Compass parts of a place: "northern Norway", "the northwestern Pacific", "central Mali".

Rules (all measured in a Lambert cylindrical equal-area projection centred on the place, so
horizontal lines are parallels, vertical lines are meridians and areas are true):

- a compass part (``north``, ``south``, ``east``, ``west``, ``northeast``, ``northwest``,
  ``southeast``, ``southwest``) is the :data:`COMPASS_FRACTION` (two fifths) of the place's
  area lying farthest in that direction, cut along a straight line at right angles to it:
  "southern Lebanon" is the southernmost two fifths of Lebanon (cut along a parallel),
  "northeastern Syria" the two fifths of Syria farthest to the north-east (cut along a line
  running north-west to south-east). Two fifths rather than a third, because news readers'
  "northern Italy" reaches Bologna and Genoa (a third stops just north of them), "southern
  France" Bordeaux, while a half would take in Florence and Lyon. Cutting by
  area rather than by extent or by the centroid keeps a remote island (Svalbard for Norway, an
  overseas department for France) or a thin tail from pulling the cut away from the main body,
  and the part is never empty, whatever the shape (a boomerang, a diagonal archipelago such as
  Japan);
- a diagonal direction is taken as true at the latitude of the place's area centroid: the
  equal-area frame is stretched there (x times cos(latitude), y divided by it, which keeps
  areas) so that a 45° line in it runs north-east on the ground;
- ``central`` is the part inside the middle third of the area in both directions.

Every part lies within the place, holds two fifths of its area (``central``: what the middle
thirds hold), and lies wholly beyond a straight cut in the named direction, so its centroid is
farther that way than the place's (see the tests). Only the cut window is projected back to
lon/lat; the part is the place clipped by it, so its outline keeps the place's own vertices. A
place stored split at the antimeridian (Russia) is handled in its continuous form, and the
result is split again.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import box
from shapely.geometry.base import BaseGeometry

from gazetteer.errors import GazetteerError
from gazetteer.frames import polygons_only
from lonlat.antimeridian import seam_longitude, split_antimeridian, unwrap
from lonlat.distance import EARTH_KM

__all__ = ["COMPASS_DETAILS", "DIRECTIONS", "aspect_at", "compass_part", "equal_area", "sector"]

#: The compass details a Modifier may carry, with the adjective used in names.
COMPASS_DETAILS: dict[str, str] = {
    "north": "Northern",
    "south": "Southern",
    "east": "Eastern",
    "west": "Western",
    "northeast": "Northeastern",
    "northwest": "Northwestern",
    "southeast": "Southeastern",
    "southwest": "Southwestern",
    "central": "Central",
}

#: Fraction of the area a compass part covers ("northern Italy": the northernmost two fifths).
COMPASS_FRACTION = 0.4
#: ``central`` is the part inside the middle thirds of the area in both directions.
CENTRAL_FRACTION = 1.0 / 3.0

#: The direction of each compass detail as (east, north) components.
DIRECTIONS: dict[str, tuple[int, int]] = {
    "north": (0, 1),
    "south": (0, -1),
    "east": (1, 0),
    "west": (-1, 0),
    "northeast": (1, 1),
    "northwest": (-1, 1),
    "southeast": (1, -1),
    "southwest": (-1, -1),
}

#: Sphere radius of the equal-area frame, in metres.
EARTH_RADIUS_M = round(EARTH_KM * 1000.0, 3)
#: The stretch of a diagonal frame is at least this (cos 84°): near a pole "north-east" is
#: barely defined.
MIN_ASPECT = 0.1
#: Straight window edges are densified at this spacing (metres) before projecting back.
WINDOW_SEGMENT_M = 20_000.0
#: Precision grid (degrees, about 0.1 mm) of the clip that makes a part.
CLIP_GRID_DEG = 1e-9
#: Precision grid (metres) of the projected place the cut is measured on.
PROJECTED_GRID_M = 1e-3


@lru_cache(maxsize=64)
def _cea(lon0: float) -> tuple[Transformer, Transformer]:
    # +over: longitudes beyond ±180 (continuous geometries) are not wrapped.
    crs = f"+proj=cea +lon_0={lon0} +lat_ts=0 +R={EARTH_RADIUS_M} +units=m +over +no_defs"
    lonlat = f"+proj=longlat +R={EARTH_RADIUS_M} +over +no_defs"
    return (
        Transformer.from_crs(lonlat, crs, always_xy=True),
        Transformer.from_crs(crs, lonlat, always_xy=True),
    )


def equal_area(geometry: BaseGeometry, *, lon0: float | None = None) -> tuple[BaseGeometry, float]:
    """``geometry`` (lon/lat) in its continuous form projected to a cylindrical equal-area
    frame centred on it (or on ``lon0``); returns the projected geometry and the central
    longitude."""
    continuous = unwrap(geometry)
    if lon0 is None:
        seam = seam_longitude(geometry)
        lon0 = 0.0 if seam == 180.0 else seam + 180.0
    else:
        # Bring the continuous form within 180° of lon0.
        centre = (continuous.bounds[0] + continuous.bounds[2]) / 2
        turns = round((centre - lon0) / 360.0)
        if turns:
            continuous = shapely.affinity.translate(continuous, xoff=-360.0 * turns)
    dense = shapely.segmentize(continuous, 0.25)
    forward = _cea(round(lon0, 9))[0]

    def project(coords: np.ndarray) -> np.ndarray:
        x, y = forward.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(dense, project), lon0


def _to_lonlat(geometry: BaseGeometry, lon0: float) -> BaseGeometry:
    """Equal-area ``geometry`` (centred on ``lon0``) back in continuous lon/lat."""
    inverse = _cea(round(lon0, 9))[1]

    def unproject(coords: np.ndarray) -> np.ndarray:
        lon, lat = inverse.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([lon, np.clip(lat, -90.0, 90.0)])

    return shapely.transform(geometry, unproject)


def _clipped_area(geometry: BaseGeometry, rect: tuple[float, float, float, float]) -> float:
    """Area of ``geometry`` inside ``rect``: the fast rectangle clip, or a general overlay
    where GEOS's rectangle clip rejects a tiny ring it made degenerate."""
    try:
        return shapely.clip_by_rect(geometry, *rect).area
    except shapely.errors.GEOSException:
        return geometry.intersection(box(*rect)).area


def _area_cut(geometry: BaseGeometry, axis: str, fraction: float) -> float:
    """The x (or y) value with ``fraction`` of the area of ``geometry`` below it (bisection
    on rectangle clips, to 1/10,000 of the extent)."""
    minx, miny, maxx, maxy = geometry.bounds
    total = geometry.area
    lo, hi = (minx, maxx) if axis == "x" else (miny, maxy)
    target = fraction * total
    for _ in range(14):
        mid = (lo + hi) / 2
        if axis == "x":
            below = _clipped_area(geometry, (minx - 1, miny - 1, mid, maxy + 1))
        else:
            below = _clipped_area(geometry, (minx - 1, miny - 1, maxx + 1, mid))
        if below < target:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def aspect_at(projected: BaseGeometry) -> float:
    """The stretch that makes directions true at the area centroid of an equal-area
    ``projected`` geometry: cos(latitude of the centroid), at least :data:`MIN_ASPECT`."""
    y = projected.centroid.y / EARTH_RADIUS_M
    return max(MIN_ASPECT, math.sqrt(max(0.0, 1.0 - min(1.0, y * y))))


def _farthest_window(geometry: BaseGeometry, detail: str, aspect: float) -> BaseGeometry:
    """A polygon covering exactly the part of planar ``geometry`` beyond the straight cut that
    leaves :data:`COMPASS_FRACTION` of its area in direction ``detail``."""
    east, north = DIRECTIONS[detail]
    if east == 0 or north == 0:
        aspect = 1.0  # a parallel or a meridian: the stretch changes nothing
    # An area-keeping frame (stretch, then turn) in which the direction points up (+y); its
    # matrix is built from the direction itself, so a cardinal frame is exact (no cos 90°
    # noise that could fold a thin sliver of the place over itself).
    h = math.hypot(east, north)
    a, b = north * aspect / h, -east / (aspect * h)
    d, e = east * aspect / h, north / (aspect * h)
    frame = polygons_only(shapely.affinity.affine_transform(geometry, [a, b, d, e, 0.0, 0.0]))
    cut = _area_cut(frame, "y", 1 - COMPASS_FRACTION)
    minx, miny, maxx, maxy = frame.bounds
    pad = max(maxx - minx, maxy - miny) + 1.0
    window = box(minx - pad, cut, maxx + pad, maxy + pad)
    det = a * e - b * d
    inverse = [e / det, -b / det, -d / det, a / det, 0.0, 0.0]
    return shapely.affinity.affine_transform(window, inverse)


def _window(geometry: BaseGeometry, detail: str, aspect: float) -> BaseGeometry:
    """The cut window of compass part ``detail`` of planar polygonal ``geometry`` (y north)."""
    if detail not in COMPASS_DETAILS:
        raise GazetteerError(
            f"unknown compass direction {detail!r}; use one of {sorted(COMPASS_DETAILS)}"
        )
    if detail != "central":
        return _farthest_window(geometry, detail, aspect)
    f = CENTRAL_FRACTION
    window = box(
        _area_cut(geometry, "x", f),
        _area_cut(geometry, "y", f),
        _area_cut(geometry, "x", 1 - f),
        _area_cut(geometry, "y", 1 - f),
    )
    if geometry.intersection(window).area > 0:
        return window
    # A ring- or crescent-shaped place has nothing in the middle of its extent: take the
    # part nearest the middle instead (a disc around its representative point).
    minx, miny, maxx, maxy = geometry.bounds
    point = geometry.representative_point()
    return point.buffer(max(maxx - minx, maxy - miny) / 6)


def sector(geometry: BaseGeometry, detail: str, *, aspect: float = 1.0) -> BaseGeometry:
    """The compass part ``detail`` of a planar polygonal ``geometry`` whose y axis points
    north (an equal-area or local frame; ``aspect`` stretches x by it and y by its inverse to
    make diagonals true, 1 in a conformal frame). See the module docstring for the rules."""
    return polygons_only(geometry.intersection(_window(geometry, detail, aspect)))


def _on_grid(projected: BaseGeometry) -> BaseGeometry:
    """``projected`` on a millimetre grid, so slivers thinner than that collapse (GEOS may
    refuse a shape it finds invalid on the grid: then it is kept as it is)."""
    try:
        with np.errstate(divide="ignore", invalid="ignore"):  # denormal coordinates
            return polygons_only(shapely.set_precision(projected, PROJECTED_GRID_M))
    except shapely.errors.GEOSException:
        return projected


def compass_part(geometry: BaseGeometry, detail: str) -> BaseGeometry:
    """The compass part ``detail`` (``north``… ``southwest``, ``central``) of a polygonal
    lon/lat ``geometry``, in lon/lat, split at the antimeridian.

    Raises GazetteerError for an unknown direction or a non-polygonal geometry."""
    if geometry.geom_type not in {"Polygon", "MultiPolygon"}:
        raise GazetteerError(
            f"a compass part needs an area, got a {geometry.geom_type}; "
            "use compass_part on a polygon"
        )
    projected, lon0 = equal_area(geometry)
    projected = _on_grid(polygons_only(projected))
    if projected.is_empty:
        raise GazetteerError("a compass part needs an area, got an empty geometry")
    window = _window(projected, detail, aspect_at(projected))
    # Only the window goes back to lon/lat (clipped to the place's extent first, so no vertex
    # leaves the projection's range): the part is the place clipped by it, with the place's
    # own vertices. Clipping a round-tripped copy of the place against the place itself
    # would overlay nearly coincident edges, which GEOS can get wrong (an empty result).
    minx, miny, maxx, maxy = projected.bounds
    margin = 0.01 * max(maxx - minx, maxy - miny) + 1.0
    window = shapely.clip_by_rect(
        window,
        minx - margin,
        max(miny - margin, -EARTH_RADIUS_M),
        maxx + margin,
        min(maxy + margin, EARTH_RADIUS_M),
    )
    window = _to_lonlat(shapely.segmentize(window, WINDOW_SEGMENT_M), lon0)
    # Snap-rounded overlay: robust by construction, and slivers thinner than the grid (a
    # zero-width spike of the place) collapse instead of reaching back across the cut.
    with np.errstate(divide="ignore", invalid="ignore"):  # denormal coordinates
        part = shapely.intersection(unwrap(geometry), window, grid_size=CLIP_GRID_DEG)
    part = polygons_only(part)
    if part.is_empty:
        raise GazetteerError(f"the {detail} part of this place is empty")
    return split_antimeridian(part)
