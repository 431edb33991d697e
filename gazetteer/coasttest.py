"""A fast answer to "does this place have a coast?", sure or silent.

Whether a sea rule applies ("off Canada", "coastal Lebanon") turns on whether
:func:`gazetteer.seabands.coastline` finds any coast on the base's outline. Computed exactly
that costs the base's land projected and united and its outline buffered: seconds for a large
country. Most answers are plain from far cheaper facts, in lon/lat, against the land
polygons' spatial index:

- **surely a coast**: a point about :data:`STEP_KM` off a vertex of the outline that lies at
  least :data:`CLEAR_KM` from the base and from every land polygon. Around it lies a disc of
  open sea within the coast test's probe, wide enough to survive its opening, and near
  enough to the outline for the outline to count as coast.
- **surely none**: one land polygon covers everything within :data:`COVER_KM` of the base,
  more than the probe's reach: there is no sea to find.

Distances in lon/lat degrees are turned into kilometres conservatively (a degree of
longitude is taken at the highest latitude concerned), and the azimuthal equidistant frame
the exact test works in never shortens a distance and stretches one by at most
:data:`MAX_STRETCH` where candidates are kept, so each sure answer is the exact test's
answer. Anything else (a coast on a narrow inlet, a place near the antimeridian or a pole)
gets ``None``: the caller runs the exact test.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
import shapely

from lonlat.distance import EARTH_KM

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

    from gazetteer.frames import LocalFrame
    from gazetteer.seabands import LandIndex

__all__ = ["sure_coast", "sure_land_around", "sure_sea_near"]

#: Kilometres in a degree of latitude, rounded down (distances come out no longer).
KM_PER_DEGREE = 111.0
#: How far off an outline vertex the sea candidates lie (km).
STEP_KM = 2.0
#: Open sea a candidate needs around it (km): over the opening's 0.5 km, with margin.
CLEAR_KM = 1.5
#: Stretch of a distance by the frame, at most, where candidates are kept: a candidate is
#: then within STEP_KM × MAX_STRETCH = 3.5 km of the outline in the frame, inside the coast
#: tolerance (5 km) and the probe (15 km).
MAX_STRETCH = 1.75
#: Reach of the land that must cover the base for a sure "no coast" (km; the probe is 15).
COVER_KM = 20.0
#: Outline vertices tried, at most (evenly spaced).
MAX_VERTICES = 400
#: Candidates this close to the antimeridian or the poles are not tried (degrees).
EDGE_DEG = 0.5


#: Where :func:`sure_sea_near` looks for open sea around a point: rings at these shares of
#: :data:`POINT_REACH_SHARE` × the reach, every :data:`POINT_BEARING_STEP` degrees.
POINT_RINGS = (0.1, 0.25, 0.5, 0.75, 1.0)
POINT_REACH_SHARE = 0.8
POINT_BEARING_STEP = 30
#: Degrees added to a clearance before points are skipped by a land part's bounding box: far
#: above rounding, so the box test never skips a point the exact test would keep.
_BOX_MARGIN = 1e-7


def _degrees(km: float, lat: np.ndarray | float) -> np.ndarray | float:
    """Degrees that span at least ``km`` in every direction near latitude ``lat``."""
    cos = np.cos(np.radians(np.minimum(np.abs(lat) + 0.2, 89.0)))
    return km / (KM_PER_DEGREE * cos)


def sure_coast(base: BaseGeometry, frame: LocalFrame, land: LandIndex) -> bool | None:
    """True when the polygonal ``base`` (lon/lat) surely has a coast by
    :func:`gazetteer.seabands.coastline` in ``frame``, False when it surely has none, None
    when only that exact test can tell."""
    if _sea_beside(base, frame, land):
        return True
    if _land_all_around(base, land):
        return False
    return None


def _sea_beside(base: BaseGeometry, frame: LocalFrame, land: LandIndex) -> bool:
    coords = shapely.get_coordinates(base.boundary)
    if len(coords) == 0:
        return False
    if len(coords) > MAX_VERTICES:
        coords = coords[np.linspace(0, len(coords) - 1, MAX_VERTICES).astype(int)]
    angles = np.radians(np.arange(0, 360, 45))
    lon = coords[:, 0][:, None] + _degrees(STEP_KM, coords[:, 1])[:, None] * np.cos(angles)
    lat = coords[:, 1][:, None] + STEP_KM / KM_PER_DEGREE * np.sin(angles)
    lon, lat = lon.ravel(), lat.ravel()
    ok = (np.abs(lon) < 180.0 - EDGE_DEG) & (np.abs(lat) < 89.0 - EDGE_DEG)
    # the frame stretches lengths by c / sin(c), c the angle from its centre
    lat0, lon0 = math.radians(frame.lat0), math.radians(frame.lon0)
    la, lo = np.radians(lat), np.radians(lon)
    cos_c = np.sin(lat0) * np.sin(la) + np.cos(lat0) * np.cos(la) * np.cos(lo - lon0)
    c = np.arccos(np.clip(cos_c, -1.0, 1.0)) + math.radians(0.1)
    ok &= c / np.sin(np.minimum(c, math.pi - 1e-9)) <= MAX_STRETCH
    if not ok.any():
        return False
    points = shapely.points(lon[ok], lat[ok])
    clear = _degrees(CLEAR_KM, lat[ok])
    shapely.prepare(base)
    free = ~shapely.dwithin(base, points, clear)  # outside the base, and clear of it
    if not free.any():
        return False
    return _any_clear_of_land(points[free], clear[free], land)


def sure_sea_near(lon: float, lat: float, reach_km: float, land: LandIndex) -> bool:
    """True when open sea surely lies within ``reach_km`` of the point ``lon``/``lat``: a
    candidate at most :data:`POINT_REACH_SHARE` of the reach from it (great circle) lies at
    least :data:`CLEAR_KM` from every land polygon. The disc of that reach around the point,
    land removed (:func:`gazetteer.seabands.sea_band` of a point, drawn in a frame centred
    on it that keeps distances from its centre), then keeps a piece around the candidate:
    it is not empty. False when unsure (the caller draws the disc)."""
    if reach_km * (1.0 - POINT_REACH_SHARE) < 2 * CLEAR_KM:
        return False  # too small a disc for a candidate's clearance to fit in it
    reach_deg = float(_degrees(reach_km, lat))
    if abs(lat) + reach_deg >= 89.0 - EDGE_DEG or abs(lon) + reach_deg >= 180.0 - EDGE_DEG:
        return False
    radii = reach_km * POINT_REACH_SHARE * np.array(POINT_RINGS)
    bearings = np.radians(np.arange(0, 360, POINT_BEARING_STEP))
    d = (radii[:, None] / EARTH_KM) * np.ones_like(bearings)[None, :]
    theta = np.ones_like(radii)[:, None] * bearings[None, :]
    phi, lam = math.radians(lat), math.radians(lon)
    # the great-circle destination d (radians) from the point along each bearing
    lat2 = np.arcsin(np.sin(phi) * np.cos(d) + np.cos(phi) * np.sin(d) * np.cos(theta))
    lon2 = lam + np.arctan2(
        np.sin(theta) * np.sin(d) * np.cos(phi), np.cos(d) - np.sin(phi) * np.sin(lat2)
    )
    lon_deg, lat_deg = np.degrees(lon2).ravel(), np.degrees(lat2).ravel()
    return _any_clear_of_land(
        shapely.points(lon_deg, lat_deg), np.asarray(_degrees(CLEAR_KM, lat_deg)), land
    )


def sure_land_around(lon: float, lat: float, reach_km: float, land: LandIndex) -> bool:
    """True when land surely covers everything within ``reach_km`` of the point
    ``lon``/``lat``: one land polygon contains a lon/lat box that holds that disc with a
    margin of twice :data:`CLEAR_KM`. The disc of that reach, land removed
    (:func:`gazetteer.seabands.sea_band` of a point), is then empty. False when unsure."""
    half = float(_degrees(reach_km + 2 * CLEAR_KM, lat))
    if abs(lat) + half >= 89.0 - EDGE_DEG or abs(lon) + half >= 180.0 - EDGE_DEG:
        return False
    square = shapely.box(lon - half, lat - half, lon + half, lat + half)
    for index in land.tree.query(square).tolist():
        part = land.parts[index]
        shapely.prepare(part)
        if part.contains(square):
            return True
    return False


def _any_clear_of_land(points: np.ndarray, clear: np.ndarray, land: LandIndex) -> bool:
    """Whether one of ``points`` (lon/lat) lies farther than its ``clear`` (degrees) from
    every land polygon."""
    reach = float(clear.max())
    minx, miny, maxx, maxy = shapely.total_bounds(points)
    near = land.tree.query(shapely.box(minx - reach, miny - reach, maxx + reach, maxy + reach))
    if not len(near):
        return True
    parts = [land.parts[index] for index in near.tolist()]
    part_bounds = shapely.bounds(parts)
    px, py = shapely.get_x(points), shapely.get_y(points)
    for part, (bx0, by0, bx1, by1) in zip(parts, part_bounds.tolist(), strict=True):
        # a point farther than its clearance from the part's box along one axis is farther
        # from the part too: ask GEOS only about the others (the margin only widens the test)
        gap = clear + _BOX_MARGIN
        close = (px >= bx0 - gap) & (px <= bx1 + gap) & (py >= by0 - gap) & (py <= by1 + gap)
        if not close.any():
            continue
        shapely.prepare(part)  # kept on the shared land part: later calls are fast too
        free = ~close
        free[close] = ~shapely.dwithin(part, points[close], clear[close])
        if not free.any():
            return False
        points, clear, px, py = points[free], clear[free], px[free], py[free]
    return True


def _land_all_around(base: BaseGeometry, land: LandIndex) -> bool:
    minx, miny, maxx, maxy = base.bounds
    reach = float(_degrees(COVER_KM, max(abs(miny), abs(maxy))))
    if minx - reach <= -180.0 or maxx + reach >= 180.0 or max(abs(miny), abs(maxy)) > 80.0:
        return False
    around = base.buffer(reach, quad_segs=4)
    for index in land.tree.query(around).tolist():
        part = land.parts[index]
        shapely.prepare(part)
        if part.contains(around):  # one land part covers it all
            return True
    return False
