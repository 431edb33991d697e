"""Sea areas along coasts: the geometry behind "off Alaska", "Swedish waters", "around Taiwan".

All distances are metres in a :class:`~gazetteer.frames.LocalFrame` (azimuthal equidistant)
centred on the base place; land comes from the gazetteer's land polygons. The steps, shared
by every sea rule:

1. **Coast.** The part of the base's outline within ``COAST_TOLERANCE_M`` of open sea (sea
   within ``SEA_PROBE_M`` of the base, land removed). A place with no such outline is
   landlocked: "off Mali" is an error, not an area. A band drawn to be shown finds the same
   coast in cheaper steps (``coastline(..., drawing=True)``); the decision whether there is
   one keeps the exact steps.
2. **Band.** The area within the rule's distance of that coast, minus all land and the base.
   Pieces of sea not connected to the coast (a lake-like basin across an isthmus) are dropped.
   The outer edge is drawn from the coast simplified at ``BAND_DETAIL`` of the width; land
   and the base are removed at full resolution.
3. **Median line** (``coast``/``waters`` rules only): the band is cut where another country or
   state becomes nearer than the base, as an exclusive economic zone is. Nearness is measured
   between outlines sampled every few kilometres (a Voronoi partition), so the cut follows the
   median line to within that spacing.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import MultiPoint, MultiPolygon, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree

from gazetteer.frames import LocalFrame, buffer_in_frame, buffer_parts, polygons_only
from lonlat.antimeridian import DATELINE_TOLERANCE, unwrap

__all__ = [
    "LandIndex",
    "SeaBand",
    "assemble",
    "buffer_parts",
    "coastline",
    "median_clip",
    "region_boxes",
    "region_windows",
    "sea_band",
    "union_of",
    "within_reach",
]

#: How far out (metres) the sea next to a base is probed to find its coast.
SEA_PROBE_M = 15_000.0
#: Outline within this distance (metres) of that sea counts as coast. It absorbs the
#: mismatch between the base's outline and the (simplified) land polygons.
COAST_TOLERANCE_M = 5_000.0
#: Half the width (metres) of the slivers between a base's and the land's outlines that are
#: not open sea (opened away).
SLIVER_M = 500.0
#: Tolerance (metres) the eroded sea is simplified at before it is widened into the reach of
#: the coast a band is drawn from: as far as the arcs of the exact steps stray (40 m and 96 m).
COAST_DETAIL_M = 100.0
#: How far out (metres) the sea is probed for the coast a band is drawn from: a point of
#: the outline is coast when open sea lies within the tolerance (5 km) of it, open sea being
#: what is left of the probe once slivers (500 m either side) are opened away; so only the
#: probe within 6 km of the outline matters. A kilometre more covers the arcs of the buffer.
BAND_PROBE_M = 2 * SLIVER_M + COAST_TOLERANCE_M + 1_000.0
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

#: A lon/lat box (west, south, east, north) within ±180° and the shift (degrees of longitude)
#: that took it there from a continuous form (see :func:`region_windows`).
Window = tuple[tuple[float, float, float, float], float]


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

    def continuous_pieces(self, windows: Sequence[Window]) -> list[BaseGeometry]:
        """As :meth:`pieces` for the boxes of :func:`region_windows`, each piece moved back
        by its box's shift: longitudes continuous across the antimeridian, where
        :func:`assemble` joins the land split there (Chukotka) again."""
        pieces = []
        for bounds, shift in windows:
            for piece in self.pieces([bounds]):
                pieces.append(shapely.transform(piece, _shifted(-shift)) if shift else piece)
        return pieces

    def near(self, boxes: Sequence[tuple[float, float, float, float]]) -> BaseGeometry:
        """The land inside the given lon/lat boxes (clipped to them), as one geometry."""
        return union_of(self.pieces(boxes))


def union_of(pieces: Sequence[BaseGeometry]) -> BaseGeometry:
    """The (valid, polygonal) union of lon/lat land pieces; empty for none."""
    if not len(pieces):
        return Polygon()
    return polygons_only(shapely.union_all(pieces))


def assemble(pieces: Sequence[BaseGeometry]) -> BaseGeometry:
    """:func:`union_of` for pieces of the land polygons (:meth:`LandIndex.continuous_pieces`),
    cheaply: those polygons do not overlap, so only the pieces that end on the antimeridian
    (at ±180° give or take whole turns) are united, to join the land split there; the others
    are collected as they are. When the collection is not valid (a clip gone degenerate), all
    are united."""
    if not len(pieces):
        return Polygon()
    seam = [p for p in pieces if _on_seam(p.bounds[0]) or _on_seam(p.bounds[2])]
    rest = [p for p in pieces if not (_on_seam(p.bounds[0]) or _on_seam(p.bounds[2]))]
    if seam:
        rest.append(union_of(seam))
    parts = [
        q
        for p in rest
        for q in shapely.get_parts(polygons_only(p) if p.geom_type != "Polygon" else p)
        if not q.is_empty
    ]
    if not parts:
        return Polygon()
    whole = parts[0] if len(parts) == 1 else MultiPolygon(parts)
    return whole if whole.is_valid else union_of(pieces)


def _on_seam(lon: float) -> bool:
    off = (lon - 180.0) % 360.0
    return min(off, 360.0 - off) <= DATELINE_TOLERANCE


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
    return [bounds for bounds, _ in region_windows(geometry, distance_m)]


def region_windows(geometry: BaseGeometry, distance_m: float) -> list[Window]:
    """The boxes of :func:`region_boxes`, each with the shift (degrees of longitude: -360,
    0 or 360) that took it from the continuous form of ``geometry`` into ±180°. A box
    around the whole parallel (near a pole) has shift 0."""
    minx, miny, maxx, maxy = unwrap(geometry).bounds
    dlat = distance_m / 111_000.0 * 1.2 + 0.2
    south, north = max(-90.0, miny - dlat), min(90.0, maxy + dlat)
    widest_lat = max(abs(south), abs(north))
    if widest_lat >= 89.0:
        return [((-180.0, south, 180.0, north), 0.0)]
    dlon = dlat / math.cos(math.radians(widest_lat))
    west, east = minx - dlon, maxx + dlon
    if east - west >= 360.0:
        return [((-180.0, south, 180.0, north), 0.0)]
    windows = []
    for shift in (-360.0, 0.0, 360.0):
        lo, hi = max(-180.0, west + shift), min(180.0, east + shift)
        if lo < hi:
            windows.append(((lo, south, hi, north), shift))
    return windows


def _shifted(dlon: float) -> Callable[[np.ndarray], np.ndarray]:
    def move(coords: np.ndarray) -> np.ndarray:
        return coords + np.array([dlon, 0.0])

    return move


def coastline(
    base_xy: BaseGeometry, land_xy: BaseGeometry, *, drawing: bool = False
) -> BaseGeometry:
    """The part of a projected polygonal base's outline that faces open sea (lines, metres);
    empty for a landlocked place.

    ``drawing=True`` finds the same coast in cheaper steps, for drawing a band from it: the
    sea is probed only ``BAND_PROBE_M`` out (all of it that can reach the outline through the
    steps below), against the land polygons that reach so far; the opening and the tolerance
    are one dilation (opening by the sliver half-width and then dilating is eroding and
    dilating by the sum), of the eroded sea simplified at ``COAST_DETAIL_M`` (no farther than
    the arcs of the exact steps stray), part by part. The coast's ends move by about that
    much. Without it, the exact coast that decides whether a place has one (and is an
    island), as it always was."""
    ring = buffer_parts(base_xy, BAND_PROBE_M if drawing else SEA_PROBE_M, quad_segs=4)
    probe = ring.difference(base_xy)
    if not land_xy.is_empty:
        probe = probe.difference(_touching(land_xy, ring) if drawing else land_xy)
    probe = polygons_only(probe)
    if probe.is_empty:
        return Polygon()
    # Slivers thinner than a kilometre between the base's and the land's outlines are not sea.
    if drawing:
        eroded = polygons_only(buffer_parts(probe, -SLIVER_M, quad_segs=OPENING_QUAD_SEGS))
        if eroded.is_empty:
            return Polygon()
        reach = buffer_parts(
            eroded.simplify(COAST_DETAIL_M), SLIVER_M + COAST_TOLERANCE_M, quad_segs=4
        )
    else:
        probe = polygons_only(
            buffer_parts(probe, -SLIVER_M, then=SLIVER_M, quad_segs=OPENING_QUAD_SEGS)
        )
        if probe.is_empty:
            return Polygon()
        reach = buffer_parts(probe, COAST_TOLERANCE_M, quad_segs=4)
    coast = base_xy.boundary.intersection(reach)
    return shapely.line_merge(coast) if coast.geom_type == "MultiLineString" else coast


def _touching(land_xy: BaseGeometry, region: BaseGeometry) -> BaseGeometry:
    """The polygons of ``land_xy`` (valid) that touch ``region``: all it takes to remove the
    land from ``region``."""
    parts = shapely.get_parts(land_xy)
    if len(parts) <= 1:
        return land_xy
    shapely.prepare(region)
    near = parts[shapely.intersects(region, parts)]
    if len(near) == len(parts):
        return land_xy
    return MultiPolygon(near.tolist()) if len(near) else Polygon()


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
    *,
    drawing: bool = False,
) -> SeaBand:
    """The sea within ``distance_m`` of the coast of ``base`` (lon/lat; ``base_xy`` is its
    projection in ``frame``), land and base removed, only pieces connected to the coast.
    For a point base (a port), the sea within ``distance_m`` of the point. Empty area when the
    base has no coast. ``drawing``: the coast of a polygonal base is found the cheaper way
    of :func:`coastline` (a band drawn to be shown, not a decision)."""
    if base_xy.geom_type in {"Point", "MultiPoint"}:
        disc = base_xy.buffer(distance_m, quad_segs=32)
        area = polygons_only(disc.difference(land_xy)) if not land_xy.is_empty else disc
        return SeaBand(area, base_xy)
    coast = coastline(base_xy, land_xy, drawing=drawing)
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
