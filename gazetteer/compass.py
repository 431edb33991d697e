"""Compass parts of a place: "northern Norway", "the northwestern Pacific", "central Mali".

Rules (all measured in a Lambert cylindrical equal-area projection centred on the place, so
horizontal lines are parallels, vertical lines are meridians and areas are true):

- a cardinal part (``north``, ``south``, ``east``, ``west``) is the third of the place's area
  lying farthest in that direction, cut along a parallel or a meridian: "southern Lebanon" is
  the southernmost third of Lebanon. Cutting by area rather than by extent keeps a remote
  island (Svalbard for Norway) or a thin tail from pulling the cut away from the main body;
- an intercardinal part (``northwest``…) is the part beyond the place's area centroid in both
  directions: "the northwestern Pacific" is the North Pacific north and west of its centroid;
- ``central`` is the part inside the middle third of the area in both directions.

Every part lies within the place, and its centroid lies on the named side of the place's
centroid (a cut by a parallel or meridian guarantees this; see the tests). A place stored split
at the antimeridian (Russia) is handled in its continuous form, and the result is split again.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import box
from shapely.geometry.base import BaseGeometry

from gazetteer.antimeridian import seam_longitude, split_antimeridian, unwrap
from gazetteer.errors import GazetteerError
from gazetteer.frames import polygons_only

__all__ = ["COMPASS_DETAILS", "compass_part", "equal_area"]

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

#: Fraction of the area a cardinal part covers.
CARDINAL_FRACTION = 1.0 / 3.0


@lru_cache(maxsize=64)
def _cea(lon0: float) -> tuple[Transformer, Transformer]:
    # +over: longitudes beyond ±180 (continuous geometries) are not wrapped.
    crs = f"+proj=cea +lon_0={lon0} +lat_ts=0 +R=6371008.8 +units=m +over +no_defs"
    return (
        Transformer.from_crs("+proj=longlat +R=6371008.8 +over +no_defs", crs, always_xy=True),
        Transformer.from_crs(crs, "+proj=longlat +R=6371008.8 +over +no_defs", always_xy=True),
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


def _from_equal_area(geometry: BaseGeometry, lon0: float) -> BaseGeometry:
    inverse = _cea(round(lon0, 9))[1]

    def unproject(coords: np.ndarray) -> np.ndarray:
        lon, lat = inverse.transform(coords[:, 0], coords[:, 1])
        lon = np.clip(lon, lon0 - 180.0, lon0 + 180.0)  # float noise at the seam
        return np.column_stack([lon, np.clip(lat, -90.0, 90.0)])

    return split_antimeridian(polygons_only(shapely.transform(geometry, unproject)))


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
            below = shapely.clip_by_rect(geometry, minx - 1, miny - 1, mid, maxy + 1).area
        else:
            below = shapely.clip_by_rect(geometry, minx - 1, miny - 1, maxx + 1, mid).area
        if below < target:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def sector(geometry: BaseGeometry, detail: str) -> BaseGeometry:
    """The compass part ``detail`` of a planar polygonal ``geometry`` whose y axis points
    north (an equal-area or local frame). See the module docstring for the rules."""
    if detail not in COMPASS_DETAILS:
        raise GazetteerError(
            f"unknown compass direction {detail!r}; use one of {sorted(COMPASS_DETAILS)}"
        )
    minx, miny, maxx, maxy = geometry.bounds
    width, height = maxx - minx, maxy - miny
    pad = max(width, height) + 1.0
    lo_x, lo_y, hi_x, hi_y = minx - pad, miny - pad, maxx + pad, maxy + pad
    f = CARDINAL_FRACTION
    if detail == "central":
        window = box(
            _area_cut(geometry, "x", f),
            _area_cut(geometry, "y", f),
            _area_cut(geometry, "x", 1 - f),
            _area_cut(geometry, "y", 1 - f),
        )
    elif detail in {"north", "south", "east", "west"}:
        window = {
            "north": box(lo_x, _area_cut(geometry, "y", 1 - f), hi_x, hi_y),
            "south": box(lo_x, lo_y, hi_x, _area_cut(geometry, "y", f)),
            "east": box(_area_cut(geometry, "x", 1 - f), lo_y, hi_x, hi_y),
            "west": box(lo_x, lo_y, _area_cut(geometry, "x", f), hi_y),
        }[detail]
    else:
        centre = geometry.centroid
        x_lo, x_hi = (centre.x, hi_x) if "east" in detail else (lo_x, centre.x)
        y_lo, y_hi = (centre.y, hi_y) if detail.startswith("north") else (lo_y, centre.y)
        window = box(x_lo, y_lo, x_hi, y_hi)
    part = polygons_only(geometry.intersection(window))
    if part.is_empty and detail == "central":
        # A ring- or crescent-shaped place has nothing in the middle of its extent: take the
        # part nearest the middle instead (a disc around its representative point).
        point = geometry.representative_point()
        part = polygons_only(geometry.intersection(point.buffer(max(width, height) / 6)))
    return part


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
    projected = polygons_only(projected)
    part = sector(projected, detail)
    if part.is_empty:
        raise GazetteerError(f"the {detail} part of this place is empty")
    # Clip to the base in lon/lat: projecting back bends edges by a hair (1e-6 of the area).
    result = polygons_only(_from_equal_area(part, lon0).intersection(geometry))
    if result.is_empty:
        raise GazetteerError(f"the {detail} part of this place is empty")
    return result
