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

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

    from gazetteer.frames import LocalFrame
    from gazetteer.seabands import LandIndex

__all__ = ["sure_coast"]

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
    points, clear = points[free], clear[free]
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
