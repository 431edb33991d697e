"""Sea areas along coasts: the geometry behind "off Alaska", "Swedish waters", "around Taiwan".

All distances are metres in a :class:`~gazetteer.frames.LocalFrame` (azimuthal equidistant)
centred on the base place; land comes from the gazetteer's land polygons. The steps, shared
by every sea rule:

1. **Coast.** The part of the base's outline within ``COAST_TOLERANCE_M`` of open sea (sea
   within ``SEA_PROBE_M`` of the base, land removed). A place with no such outline is
   landlocked: "off Mali" is an error, not an area.
2. **Band.** The area within the rule's distance of that coast, minus all land and the base.
   Pieces of sea not connected to the coast (a lake-like basin across an isthmus) are dropped.
3. **Median line** (``coast``/``waters`` rules only): the band is cut where another country or
   state becomes nearer than the base, as an exclusive economic zone is. Nearness is measured
   between outlines sampled every few kilometres (a Voronoi partition), so the cut follows the
   median line to within that spacing.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import MultiPoint, MultiPolygon, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree

from gazetteer.frames import LocalFrame, buffer_in_frame, polygons_only
from lonlat.antimeridian import unwrap

__all__ = [
    "LandIndex",
    "SeaBand",
    "buffer_parts",
    "coastline",
    "median_clip",
    "region_boxes",
    "sea_band",
    "union_of",
    "within_reach",
]

#: How far out (metres) the sea next to a base is probed to find its coast.
SEA_PROBE_M = 15_000.0
#: Outline within this distance (metres) of that sea counts as coast. It absorbs the
#: mismatch between the base's outline and the (simplified) land polygons.
COAST_TOLERANCE_M = 5_000.0
#: Arc segments per quarter circle when slivers are opened away (±500 m: the arcs stray
#: under 40 m, against a coast tolerance of 5 km).
OPENING_QUAD_SEGS = 2
#: Band pieces farther than this (metres) from the coast are not connected to it.
CONNECTED_TOLERANCE_M = 10_000.0
#: Points sampled per outline for the median line, at most (the spacing grows beyond).
MAX_MEDIAN_POINTS = 20_000
#: The outline a band's outer edge is buffered from is simplified at this share of the band
#: width (1.85 km for 200 nautical miles): the outer edge moves by at most that much, and
#: the coast side stays exact because land and the base are removed at full resolution.
BAND_DETAIL = 1 / 200
#: The coast that limits a tiled band (buffered 25 % wider than the band) is simplified at
#: this share of the band width.
LIMITER_DETAIL = 1 / 20
#: Slack (metres) added to the reach when land far from a base is left out.
REACH_MARGIN_M = 200_000.0
#: Metres in a degree of latitude, at most (a degree of longitude is never longer): a
#: lon/lat tolerance of t / METRES_PER_DEGREE degrees moves points at most t metres.
METRES_PER_DEGREE = 111_700.0


class LandIndex:
    """Land polygons (lon/lat) with a spatial index, to fetch the land near an area fast."""

    def __init__(self, land: BaseGeometry | Iterable[BaseGeometry]) -> None:
        if isinstance(land, BaseGeometry):
            parts = list(shapely.get_parts(land))
        else:
            parts = [p for g in land for p in shapely.get_parts(g)]
        self.parts = [p for p in parts if not p.is_empty]
        self.tree = STRtree(self.parts)

    def pieces(self, boxes: Sequence[tuple[float, float, float, float]]) -> list[BaseGeometry]:
        """The land polygons inside the given lon/lat boxes, each clipped to its box."""
        pieces = []
        for bounds in boxes:
            for index in self.tree.query(box(*bounds)):
                piece = shapely.clip_by_rect(self.parts[index], *bounds)
                if not piece.is_empty:
                    pieces.append(piece)
        return pieces

    def near(self, boxes: Sequence[tuple[float, float, float, float]]) -> BaseGeometry:
        """The land inside the given lon/lat boxes (clipped to them), as one geometry."""
        return union_of(self.pieces(boxes))


def union_of(pieces: Sequence[BaseGeometry]) -> BaseGeometry:
    """The (valid, polygonal) union of lon/lat land pieces; empty for none."""
    if not len(pieces):
        return Polygon()
    return polygons_only(shapely.union_all(pieces))


def within_reach(
    frame: LocalFrame,
    pieces: Sequence[BaseGeometry],
    base_xy: BaseGeometry,
    reach_m: float,
) -> list[BaseGeometry]:
    """The lon/lat ``pieces`` that may come within ``reach_m`` of ``base_xy`` (projected in
    ``frame``), generously: a piece is kept when its vertices, projected without
    densifying, come within twice the reach plus ``REACH_MARGIN_M`` of the base. (An
    azimuthal equidistant frame stretches distances across its radii by at most 1.6 within
    90 degrees of its centre, and an undensified edge bends by less than the margin.)

    Region boxes are wide at high latitudes (Canada's reach half of the northern hemisphere):
    projecting and uniting all that land costs seconds, and none of it can touch the band."""
    if not len(pieces):
        return []
    parts = np.asarray(pieces, dtype=object)

    def project(coords: np.ndarray) -> np.ndarray:
        return np.column_stack(frame.forward_points(coords[:, 0], coords[:, 1]))

    projected = shapely.transform(parts, project)
    hull = base_xy.convex_hull  # nearer than the base to everything: keeps more, never less
    shapely.prepare(hull)
    near = shapely.dwithin(projected, hull, 2.0 * reach_m + REACH_MARGIN_M)
    return [p for p, keep in zip(pieces, near.tolist(), strict=True) if keep]


def region_boxes(
    geometry: BaseGeometry, distance_m: float
) -> list[tuple[float, float, float, float]]:
    """Lon/lat boxes (within ±180°) covering everything within ``distance_m`` of
    ``geometry``, generously (the box of its continuous form, widened)."""
    minx, miny, maxx, maxy = unwrap(geometry).bounds
    dlat = distance_m / 111_000.0 * 1.2 + 0.2
    south, north = max(-90.0, miny - dlat), min(90.0, maxy + dlat)
    widest_lat = max(abs(south), abs(north))
    if widest_lat >= 89.0:
        return [(-180.0, south, 180.0, north)]
    dlon = dlat / math.cos(math.radians(widest_lat))
    west, east = minx - dlon, maxx + dlon
    if east - west >= 360.0:
        return [(-180.0, south, 180.0, north)]
    boxes = []
    for shift in (-360.0, 0.0, 360.0):
        lo, hi = max(-180.0, west + shift), min(180.0, east + shift)
        if lo < hi:
            boxes.append((lo, south, hi, north))
    return boxes


def buffer_parts(
    geometry: BaseGeometry,
    distance: float,
    *,
    quad_segs: int = 8,
    then: float | None = None,
) -> BaseGeometry:
    """``geometry.buffer(distance)`` (then ``.buffer(then)`` when given), computed part by
    part and united: the same area, but GEOS buffers a multi-part coastline as one offset
    curve, whose noding costs seconds for a long coast and a wide band (Canada: 2 s against
    40 ms part by part). Parts of a valid geometry meet at points at most, so eroding them
    one by one erodes the whole: ``then`` is meant for an opening (a negative ``distance``
    then a positive one); a closing done part by part would not fill the gaps between parts."""
    parts = shapely.get_parts(geometry)
    if len(parts) <= 1:
        out = geometry.buffer(distance, quad_segs=quad_segs)
        return out if then is None else out.buffer(then, quad_segs=quad_segs)
    pieces = shapely.buffer(parts, distance, quad_segs=quad_segs)
    if then is not None:
        pieces = shapely.buffer(pieces[~shapely.is_empty(pieces)], then, quad_segs=quad_segs)
    pieces = pieces[~shapely.is_empty(pieces)]
    return shapely.union_all(pieces) if len(pieces) else Polygon()


def coastline(base_xy: BaseGeometry, land_xy: BaseGeometry) -> BaseGeometry:
    """The part of a projected polygonal base's outline that faces open sea (lines, metres);
    empty for a landlocked place."""
    probe = buffer_parts(base_xy, SEA_PROBE_M, quad_segs=4).difference(base_xy)
    if not land_xy.is_empty:
        probe = probe.difference(land_xy)
    probe = polygons_only(probe)
    if probe.is_empty:
        return Polygon()
    # Slivers thinner than a kilometre between the base's and the land's outlines are not sea.
    probe = polygons_only(buffer_parts(probe, -500.0, then=500.0, quad_segs=OPENING_QUAD_SEGS))
    if probe.is_empty:
        return Polygon()
    coast = base_xy.boundary.intersection(buffer_parts(probe, COAST_TOLERANCE_M, quad_segs=4))
    return shapely.line_merge(coast) if coast.geom_type == "MultiLineString" else coast


@dataclass(frozen=True, slots=True)
class SeaBand:
    """A projected sea band and the coast it was measured from (both metres)."""

    area: BaseGeometry
    coast: BaseGeometry


def sea_band(
    frame: LocalFrame,
    base: BaseGeometry,
    base_xy: BaseGeometry,
    land_xy: BaseGeometry,
    distance_m: float,
) -> SeaBand:
    """The sea within ``distance_m`` of the coast of ``base`` (lon/lat; ``base_xy`` is its
    projection in ``frame``), land and base removed, only pieces connected to the coast.
    For a point base (a port), the sea within ``distance_m`` of the point. Empty area when the
    base has no coast."""
    if base_xy.geom_type in {"Point", "MultiPoint"}:
        disc = base_xy.buffer(distance_m, quad_segs=32)
        area = polygons_only(disc.difference(land_xy)) if not land_xy.is_empty else disc
        return SeaBand(area, base_xy)
    coast = coastline(base_xy, land_xy)
    if coast.is_empty:
        return SeaBand(Polygon(), coast)
    tolerance = distance_m * BAND_DETAIL
    if _compact(frame, base):
        band = buffer_parts(coast.simplify(tolerance), distance_m, quad_segs=16)
    else:
        # Accurate tiled buffer of the base (simplified: only the band's outer edge comes
        # from it), limited to what the (less accurate) frame buffer of the coast reaches, so
        # inland borders do not reach another sea. The limiter is 25 % wider than the band:
        # a coast simplified at a twentieth of the width is detailed enough for it.
        simple_base = base.simplify(tolerance / METRES_PER_DEGREE)
        if simple_base.is_empty or not simple_base.is_valid:
            simple_base = base
        limiter = coast.simplify(distance_m * LIMITER_DETAIL)
        band = buffer_in_frame(frame, simple_base, distance_m).intersection(
            buffer_parts(limiter, distance_m * 1.25, quad_segs=8)
        )
    area = band.difference(base_xy)
    if not land_xy.is_empty:
        area = area.difference(land_xy)
    area = polygons_only(area)
    return SeaBand(connected_to(area, coast), coast)


def _compact(frame: LocalFrame, base: BaseGeometry) -> bool:
    from gazetteer.frames import SINGLE_FRAME_RADIUS_M, max_reach_m

    return max_reach_m(frame, base) <= SINGLE_FRAME_RADIUS_M


def connected_to(area: BaseGeometry, coast: BaseGeometry) -> BaseGeometry:
    """The parts of ``area`` within ``CONNECTED_TOLERANCE_M`` of ``coast``."""
    if area.is_empty or coast.is_empty:
        return area
    shapely.prepare(coast)
    parts = shapely.get_parts(area)
    near = shapely.dwithin(parts, coast, CONNECTED_TOLERANCE_M)
    if near.all():
        return area
    if not near.any():
        return Polygon()
    # Parts of a valid polygonal area do not overlap: some of them need no union.
    return polygons_only(MultiPolygon(parts[near].tolist()))


def _sample(lines: BaseGeometry, spacing: float) -> np.ndarray:
    if lines.is_empty:
        return np.empty((0, 2))
    simple = lines.simplify(spacing / 4.0)
    return shapely.get_coordinates(shapely.segmentize(simple, spacing))


def median_clip(
    area: BaseGeometry,
    base_xy: BaseGeometry,
    others_xy: Sequence[BaseGeometry],
    distance_m: float,
) -> BaseGeometry:
    """The part of ``area`` nearer to ``base_xy`` than to any of ``others_xy`` (all projected
    polygons): the median-line rule of exclusive economic zones, approximated by a Voronoi
    partition of points sampled along the outlines."""
    others = [o for o in others_xy if not o.is_empty]
    if area.is_empty or not others:
        return area
    minx, miny, maxx, maxy = area.bounds
    reach = box(minx - distance_m, miny - distance_m, maxx + distance_m, maxy + distance_m)
    base_lines = base_xy.boundary.intersection(reach) if base_xy.area > 0 else base_xy
    other_lines = shapely.union_all(
        [o.boundary.intersection(reach) for o in others if o.intersects(reach)]
    )
    if other_lines.is_empty:
        return area
    total = base_lines.length + other_lines.length
    spacing = max(1_000.0, distance_m / 40.0, total / MAX_MEDIAN_POINTS)
    base_points = _sample(base_lines, spacing)
    if base_xy.geom_type in {"Point", "MultiPoint"}:
        base_points = shapely.get_coordinates(base_xy)
    other_points = _sample(other_lines, spacing)
    if len(base_points) == 0 or len(other_points) == 0:
        return area
    points = np.vstack([base_points, other_points])
    labels = np.concatenate([np.ones(len(base_points), bool), np.zeros(len(other_points), bool)])
    # Drop duplicates (shared land borders), keeping the base's label.
    _, first = np.unique(np.round(points, 0), axis=0, return_index=True)
    first.sort()
    points, labels = points[first], labels[first]
    envelope = reach.buffer(distance_m)
    cells = shapely.get_parts(
        shapely.voronoi_polygons(MultiPoint(points), extend_to=envelope, ordered=True)
    )
    if len(cells) != len(points):
        return area
    mine = shapely.coverage_union_all(cells[labels])
    return polygons_only(area.intersection(mine))
