"""Local projected frames for metric geometry (buffers, distances) on lon/lat places.

A :class:`LocalFrame` is an azimuthal equidistant projection (pyproj ``+proj=aeqd`` on the
WGS84 ellipsoid) centred on a place. Distances from the centre are true; elsewhere the scale
error grows slowly with the distance from the centre (about 1 % at 1,600 km, 2.6 % at
2,500 km). Buffers are therefore computed in metres in a frame centred on the geometry, and a
geometry too large for one frame is cut into tiles, each buffered in its own frame
(:func:`geodesic_buffer`): the buffer of a union is the union of the buffers. Buffered for
another frame (:func:`buffer_in_frame`), each tile's buffer is moved straight into it
(:func:`reproject`).

Coming back to lon/lat (:meth:`LocalFrame.inverse`) is done cell by cell over a 30° lon/lat
grid: each cell, densified and projected, is intersected with the projected geometry and the
piece is unprojected inside that cell. The result therefore never spans the antimeridian (parts
meet at ±180°) and a shape containing a pole comes back as a valid polygon with an edge along
the pole's latitude, both of which a plain vertex-by-vertex unprojection gets wrong. A shape
within one cell, or one whose rings all keep off the meridian opposite the centre (so none goes
round a pole), is unprojected vertex by vertex, in longitudes continuous around the centre,
and cut at the antimeridian after: the same shape, without uniting the cells' pieces again.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import shapely
from pyproj import Geod, Transformer
from shapely.geometry import MultiPolygon, Polygon, box
from shapely.geometry.base import BaseGeometry

from lonlat.antimeridian import DATELINE_TOLERANCE, unwrap

__all__ = ["LocalFrame", "geodesic_buffer", "polygons_only"]

#: Longest edge (degrees) kept when a lon/lat geometry is projected: longer edges are split
#: first so that straight lon/lat edges stay faithful in the frame.
LONLAT_SEGMENT_DEG = 0.5
#: Longest edge (metres) kept when a projected geometry comes back to lon/lat.
PROJECTED_SEGMENT_M = 20_000.0
#: Size (degrees) of the lon/lat cells used to unproject.
CELL_DEG = 30.0
#: Spacing (degrees) of the points of a cell outline before projection.
CELL_SEGMENT_DEG = 0.1
#: A geometry whose unprojected outline keeps this far (degrees) from the edges of one cell,
#: within SINGLE_CELL_MAX_LAT of the equator, is unprojected in that cell without building
#: its projected outline: the outline would cover it. The outline's chords (0.1 degree
#: apart) are a few metres off the true edges, and a projected edge of the geometry (at most
#: PROJECTED_SEGMENT_M long) bends a few tens of metres at most from its ends' lon/lat box:
#: 0.01 degree is at least 190 m, even in longitude at 80 degrees.
SINGLE_CELL_MARGIN_DEG = 0.01
SINGLE_CELL_MAX_LAT = 80.0
#: Unprojected points this close (degrees, about 11 m) to a cell edge are put on it.
EDGE_SNAP_DEG = 1e-4
#: Cells farther than this (great-circle degrees) from the frame centre are ignored when
#: unprojecting: no derived area reaches that far from its centre.
MAX_REACH_DEG = 100.0
#: Latitude the polar cells stop at (so no cell has a degenerate edge at the pole); pieces that
#: reach it are snapped onto the pole.
POLE_CAP_DEG = 89.99
#: Largest distance (metres) from the frame centre at which a single frame is trusted for
#: buffers (scale error about 2.6 % there); larger geometries are tiled.
SINGLE_FRAME_RADIUS_M = 2_500_000.0
#: Tile size (degrees) for geometries too large for one frame.
TILE_DEG = 20.0

_GEOD = Geod(ellps="WGS84")


def polygons_only(geometry: BaseGeometry) -> BaseGeometry:
    """The polygonal part of ``geometry`` (valid), as a Polygon or MultiPolygon; empty if
    there is none. Lines and points left over by overlay operations are dropped."""
    if geometry.is_empty:
        return Polygon()
    if not geometry.is_valid:
        geometry = _made_valid(geometry)
    polys = [p for p in shapely.get_parts(geometry) if p.geom_type == "Polygon" and p.area > 0]
    for p in shapely.get_parts(geometry):
        if p.geom_type in {"MultiPolygon", "GeometryCollection"}:
            sub = polygons_only(p)
            polys.extend(q for q in shapely.get_parts(sub) if not q.is_empty)
    if not polys:
        return Polygon()
    if len(polys) == 1:
        return polys[0]
    return MultiPolygon(polys)


def _made_valid(geometry: BaseGeometry) -> BaseGeometry:
    """``shapely.make_valid(geometry)``; for a MultiPolygon with only some parts invalid (a
    projected outline whose edges cross where two came within metres), those parts alone
    when the whole is then valid: the same area, at the cost of the few parts."""
    if geometry.geom_type == "MultiPolygon":
        parts = shapely.get_parts(geometry)
        bad = ~shapely.is_valid(parts)
        if bad.any() and not bad.all():
            # make_valid makes of a part polygons, or a collection of them with the lines
            # and points of collapsed rings (no area)
            fixed = [polygons_only(f) for f in shapely.make_valid(parts[bad])]
            polygons = [*parts[~bad], *(q for f in fixed for q in shapely.get_parts(f))]
            whole = MultiPolygon([q for q in polygons if not q.is_empty])
            if whole.is_valid:
                return whole
    return shapely.make_valid(geometry)


def _angular_distance(lon0: float, lat0: float, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Great-circle distances in degrees from (lon0, lat0) on the unit sphere."""
    p0, l0 = math.radians(lat0), math.radians(lon0)
    p, lam = np.radians(lat), np.radians(lon)
    cos_c = math.sin(p0) * np.sin(p) + math.cos(p0) * np.cos(p) * np.cos(lam - l0)
    return np.degrees(np.arccos(np.clip(cos_c, -1.0, 1.0)))


@dataclass(frozen=True, slots=True)
class _Cell:
    west: float
    south: float
    east: float
    north: float
    projected: BaseGeometry | None = field(compare=False)  # None: not built (_single_cell)


@dataclass(frozen=True)
class LocalFrame:
    """An azimuthal equidistant frame centred on (``lon0``, ``lat0``), in metres."""

    lon0: float
    lat0: float

    def __post_init__(self) -> None:
        if not -90.0 <= self.lat0 <= 90.0 or not math.isfinite(self.lon0):
            raise ValueError(f"frame centre out of range: ({self.lon0!r}, {self.lat0!r})")
        lon0 = (self.lon0 + 180.0) % 360.0 - 180.0
        object.__setattr__(self, "lon0", lon0)

    @classmethod
    def around(cls, geometry: BaseGeometry) -> LocalFrame:
        """A frame centred on ``geometry`` (lon/lat, split or continuous): on the centroid of
        its continuous form, so a geometry split at the antimeridian is centred correctly."""
        continuous = unwrap(geometry)
        if continuous.geom_type in {"Polygon", "MultiPolygon"} and continuous.area > 0:
            centre = continuous.centroid
        else:
            centre = shapely.centroid(continuous)
            if centre.is_empty:
                centre = continuous.representative_point()
        return cls(centre.x, max(-89.0, min(89.0, centre.y)))

    @property
    def _forward(self) -> Transformer:
        return _transformers(round(self.lon0, 9), round(self.lat0, 9))[0]

    @property
    def _inverse(self) -> Transformer:
        return _transformers(round(self.lon0, 9), round(self.lat0, 9))[1]

    def forward(self, geometry: BaseGeometry) -> BaseGeometry:
        """``geometry`` (lon/lat, any longitude range) projected into this frame (metres).

        Long lon/lat edges are split first; the parts of a geometry stored split at the
        antimeridian come out adjacent, and polygonal results are made valid.
        """
        if geometry.is_empty:
            return geometry
        dense = shapely.segmentize(geometry, LONLAT_SEGMENT_DEG)
        transformer = self._forward

        def project(coords: np.ndarray) -> np.ndarray:
            x, y = transformer.transform(coords[:, 0], coords[:, 1])
            return np.column_stack([x, y])

        projected = shapely.transform(dense, project)
        if projected.geom_type in {"Polygon", "MultiPolygon"}:
            projected = polygons_only(projected)
            minx, _, maxx, _ = geometry.bounds
            if (
                minx <= -180.0 + DATELINE_TOLERANCE
                and maxx >= 180.0 - DATELINE_TOLERANCE
                and len(shapely.get_parts(projected)) > 1
            ):
                # Parts stored split at ±180 meet again here: merge them (1 mm grid).
                projected = polygons_only(
                    shapely.union_all(shapely.get_parts(projected), grid_size=0.001)
                )
        return projected

    def forward_points(self, lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Project coordinate arrays."""
        x, y = self._forward.transform(lon, lat)
        return np.asarray(x), np.asarray(y)

    def inverse(self, geometry: BaseGeometry) -> BaseGeometry:
        """A projected polygonal geometry back in lon/lat, within ±180°/±90°, split at the
        antimeridian and valid; pieces farther than ``MAX_REACH_DEG`` from the centre are
        dropped. Points are unprojected directly."""
        if geometry.is_empty:
            return Polygon()
        if geometry.geom_type in {"Point", "MultiPoint"}:
            transformer = self._inverse

            def unproject_points(coords: np.ndarray) -> np.ndarray:
                lon, lat = transformer.transform(coords[:, 0], coords[:, 1])
                return np.column_stack([lon, lat])

            return shapely.transform(geometry, unproject_points)
        geometry = polygons_only(geometry)
        if geometry.is_empty:
            return Polygon()
        dense = shapely.segmentize(geometry, PROJECTED_SEGMENT_M)
        shapely.prepare(dense)
        extent, lonlat = self._extent(dense)
        inside = _single_cell(round(self.lon0, 9), round(self.lat0, 9), *extent)
        if inside is not None:
            # The common case (a derived area of a few hundred km): the geometry lies well
            # inside one cell, which covers it, so the loop below would unproject it whole.
            # Its cell outline need not be built (a new frame centre has none cached yet),
            # and its vertices are already unprojected.
            piece = polygons_only(self._unproject_in_cell(dense, inside, lonlat))
            return Polygon() if piece.is_empty else polygons_only(shapely.union_all([piece]))
        whole = self._whole_range(dense, extent, lonlat)
        if whole is not None:
            # A larger area that nowhere crosses the meridian opposite the centre comes
            # back the same way, vertex by vertex, in longitudes continuous around the
            # centre, then cut at the antimeridian if it crosses it: the cells below would
            # give the same shape (their cuts add vertices on the cell edges only), at the
            # cost of uniting the pieces again (most of the unprojection of a long coast's
            # band).
            piece = polygons_only(self._unproject_in_cell(dense, whole, lonlat))
            if whole.west < -180.0 or whole.east > 180.0:
                piece = _cut_at_antimeridian(piece)
            return piece
        pieces: list[BaseGeometry] = []
        for cell in self._cells_for(extent):
            if not dense.intersects(cell.projected):
                continue
            if cell.projected.covers(dense):
                clipped = dense
            else:
                clipped = polygons_only(dense.intersection(cell.projected))
            if clipped.is_empty:
                continue
            pieces.append(polygons_only(self._unproject_in_cell(clipped, cell)))
        pieces = [p for p in pieces if not p.is_empty]
        if not pieces:
            return Polygon()
        return polygons_only(shapely.union_all(pieces))

    def _whole_range(
        self,
        dense: BaseGeometry,
        extent: tuple[float, float, float, float],
        lonlat: tuple[np.ndarray, np.ndarray],
    ) -> _Cell | None:
        """A pseudo-cell of every longitude around the centre (``lon0`` ± 180°) and every
        latitude when no ring of the projected ``dense`` crosses the meridian opposite the
        centre (where the longitudes around the centre jump by 360°; a ring round a pole
        crosses it too) and its unprojected outline (``extent``, ``lonlat``: see
        :meth:`_extent`) stays within 89° of the equator and within ``MAX_REACH_DEG`` of the
        centre; else ``None``."""
        west, south, east, north = extent
        if east - west >= 360.0 or south < -89.0 or north > 89.0:
            return None
        reach = _angular_distance(self.lon0, self.lat0, lonlat[0], lonlat[1])
        if len(reach) and float(reach.max()) > MAX_REACH_DEG:
            return None
        lon0 = round(self.lon0, 9)
        if east - west >= 180.0:
            # Consecutive vertices (at most PROJECTED_SEGMENT_M apart, within 89 degrees of
            # the equator: a few degrees of longitude) differ by over 180 degrees only
            # across that meridian.
            lon = (lonlat[0] - lon0 + 180.0) % 360.0 - 180.0
            step = np.abs(np.diff(lon)) > 180.0
            rings = shapely.get_num_coordinates(shapely.get_rings(shapely.get_parts(dense)))
            ends = np.cumsum(rings)[:-1] - 1  # a ring's last vertex, then the next ring
            step[ends[ends < len(step)]] = False
            if step.any():
                return None
        return _Cell(lon0 - 180.0, -POLE_CAP_DEG, lon0 + 180.0, POLE_CAP_DEG, None)

    def _extent(
        self, dense: BaseGeometry
    ) -> tuple[tuple[float, float, float, float], tuple[np.ndarray, np.ndarray]]:
        """``(west, south, east, north)`` of a projected geometry's unprojected outline, with
        longitudes continuous around the frame centre (every longitude when it holds a
        pole), and the unprojected vertices (lon, lat arrays in coordinate order)."""
        lon0 = round(self.lon0, 9)
        coords = shapely.get_coordinates(dense)
        raw_lon, raw_lat = self._inverse.transform(coords[:, 0], coords[:, 1])
        lonlat = (np.asarray(raw_lon, dtype=float), np.asarray(raw_lat, dtype=float))
        lon = (lonlat[0] - lon0 + 180.0) % 360.0 - 180.0 + lon0
        lat = lonlat[1]
        south, north = float(lat.min()), float(lat.max())
        west, east = float(lon.min()), float(lon.max())
        if east - west < 180.0 and south >= -89.0 and north <= 89.0:
            # An outline that holds a pole winds around it through every longitude (its
            # vertices are at most PROJECTED_SEGMENT_M apart, over 100 km from the pole).
            return (west, south, east, north), lonlat
        for pole in (90.0, -90.0):
            x, y = self._forward.transform(0.0, pole)
            if dense.covers(shapely.Point(x, y)):
                west, east = -180.0, 180.0
                south, north = (south, 90.0) if pole > 0 else (-90.0, north)
        return (west, south, east, north), lonlat

    def _cells_for(self, extent: tuple[float, float, float, float]) -> list[_Cell]:
        """The grid cells a projected geometry may fall in: those overlapping the lon/lat
        ``extent`` of its unprojected outline (see :meth:`_extent`)."""
        lon0, lat0 = round(self.lon0, 9), round(self.lat0, 9)
        west, south, east, north = extent
        n_lon = round(360.0 / CELL_DEG)
        n_lat = round(180.0 / CELL_DEG)
        wanted: list[_Cell] = []
        for i in range(n_lon):
            cell_west = -180.0 + i * CELL_DEG
            if not any(
                cell_west + turn <= east and cell_west + CELL_DEG + turn >= west
                for turn in (-360.0, 0.0, 360.0)
            ):
                continue
            for j in range(n_lat):
                cell_south = -90.0 + j * CELL_DEG
                if cell_south > north or cell_south + CELL_DEG < south:
                    continue
                cell = _cell(lon0, lat0, i, j)
                if cell is not None:
                    wanted.append(cell)
        return wanted

    def _unproject_in_cell(
        self,
        geometry: BaseGeometry,
        cell: _Cell,
        lonlat: tuple[np.ndarray, np.ndarray] | None = None,
    ) -> BaseGeometry:
        """``geometry`` unprojected into ``cell`` (clipped and snapped to its edges).
        ``lonlat``: its vertices already unprojected, in coordinate order."""
        transformer = self._inverse
        centre_lon = (cell.west + cell.east) / 2.0

        def unproject(coords: np.ndarray) -> np.ndarray:
            if lonlat is not None and len(lonlat[0]) == len(coords):
                lon, lat = lonlat
            else:
                lon, lat = transformer.transform(coords[:, 0], coords[:, 1])
            lon = np.asarray(lon, dtype=float)
            lat = np.asarray(lat, dtype=float)
            lon = (lon - centre_lon + 180.0) % 360.0 - 180.0 + centre_lon
            lon = np.clip(lon, cell.west, cell.east)
            lat = np.clip(lat, cell.south, cell.north)
            # Points on a cell edge come back within a few metres of it (the projected edge is
            # a chain of straight segments): put them exactly on it so neighbours join.
            for edge in (cell.west, cell.east):
                lon[np.abs(lon - edge) < EDGE_SNAP_DEG] = edge
            for edge in (cell.south, cell.north):
                lat[np.abs(lat - edge) < EDGE_SNAP_DEG] = edge
            # The polar cells stop short of the pole; their capped edge is the pole itself.
            if cell.north == POLE_CAP_DEG:
                lat[lat >= POLE_CAP_DEG] = 90.0
            if cell.south == -POLE_CAP_DEG:
                lat[lat <= -POLE_CAP_DEG] = -90.0
            return np.column_stack([lon, lat])

        return shapely.transform(geometry, unproject)


def _cut_at_antimeridian(geometry: BaseGeometry) -> BaseGeometry:
    """A valid polygonal geometry in continuous longitudes (within 360° of each other) cut
    at ±180° into the stored form: each side moved within ±180°, the parts collected (they
    meet only at the cut, at -180° and 180°: no union is needed)."""
    minx, _, maxx, _ = geometry.bounds
    if minx >= -180.0 and maxx <= 180.0:
        return geometry
    parts: list[BaseGeometry] = []
    for turn in (-1, 0, 1):
        window = box(-180.0 + 360.0 * turn, -90.0, 180.0 + 360.0 * turn, 90.0)
        if not window.intersects(geometry):
            continue
        piece = polygons_only(geometry.intersection(window))
        if turn:
            piece = shapely.transform(piece, lambda c, t=turn: c - np.array([360.0 * t, 0.0]))
        parts.extend(p for p in shapely.get_parts(piece) if p.area > 1e-12)
    whole = MultiPolygon(parts) if len(parts) > 1 else parts[0] if parts else Polygon()
    return whole if whole.is_valid else polygons_only(shapely.union_all(parts))


@lru_cache(maxsize=256)
def _transformers(lon0: float, lat0: float) -> tuple[Transformer, Transformer]:
    """The forward and inverse transformers of the frame centred on (lon0, lat0).

    Built from the PROJ pipelines themselves (degrees to radians, then ``aeqd`` on the WGS84
    ellipsoid, and back): the operation ``Transformer.from_crs("EPSG:4326", "+proj=aeqd …
    +datum=WGS84", always_xy=True)`` finds, with the same coordinates out, without the
    database search for it, which costs about 10 ms per transformer against 0.2 ms (every
    place that gets a derived area has a frame of its own)."""
    aeqd = f"+proj=aeqd +lat_0={lat0} +lon_0={lon0} +ellps=WGS84"
    return (
        Transformer.from_pipeline(
            f"+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step {aeqd}"
        ),
        Transformer.from_pipeline(
            f"+proj=pipeline +step +inv {aeqd} +step +proj=unitconvert +xy_in=rad +xy_out=deg"
        ),
    )


def _single_cell(
    lon0: float, lat0: float, west: float, south: float, east: float, north: float
) -> _Cell | None:
    """The grid cell that holds both the frame centre (``lon0``, ``lat0``) and the extent,
    the extent with a margin of ``SINGLE_CELL_MARGIN_DEG`` on every side (away from the
    poles and the antimeridian), without its projected outline; ``None`` when there is no
    such cell."""
    if south < -SINGLE_CELL_MAX_LAT or north > SINGLE_CELL_MAX_LAT:
        return None
    i = math.floor((west + 180.0) / CELL_DEG)
    j = math.floor((south + 90.0) / CELL_DEG)
    cell_west, cell_south = -180.0 + i * CELL_DEG, -90.0 + j * CELL_DEG
    margin = SINGLE_CELL_MARGIN_DEG
    if not (
        0 <= i < round(360.0 / CELL_DEG)
        and west >= cell_west + margin
        and east <= cell_west + CELL_DEG - margin
        and south >= cell_south + margin
        and north <= cell_south + CELL_DEG - margin
        and cell_west <= lon0 <= cell_west + CELL_DEG
        and cell_south <= lat0 <= cell_south + CELL_DEG
    ):
        return None
    south = max(cell_south, -POLE_CAP_DEG)
    north = min(cell_south + CELL_DEG, POLE_CAP_DEG)
    return _Cell(cell_west, south, cell_west + CELL_DEG, north, None)


@lru_cache(maxsize=4096)
def _cell(lon0: float, lat0: float, i: int, j: int) -> _Cell | None:
    """Grid cell (i, j) of the frame centred on (lon0, lat0), with its projected outline;
    None when it is too far from the centre for the projection to keep its shape."""
    forward = _transformers(lon0, lat0)[0]
    west = -180.0 + i * CELL_DEG
    east = west + CELL_DEG
    south = max(-90.0 + j * CELL_DEG, -POLE_CAP_DEG)
    north = min(-90.0 + (j + 1) * CELL_DEG, POLE_CAP_DEG)
    outline = shapely.segmentize(box(west, south, east, north), CELL_SEGMENT_DEG)
    coords = np.asarray(outline.exterior.coords)
    reach = _angular_distance(lon0, lat0, coords[:, 0], coords[:, 1])
    inside = west <= lon0 <= east and south <= lat0 <= north
    if not inside and reach.min() > MAX_REACH_DEG:
        return None
    if reach.max() > 170.0:
        return None  # too close to the antipode
    x, y = forward.transform(coords[:, 0], coords[:, 1])
    projected = polygons_only(Polygon(np.column_stack([x, y])))
    if projected.is_empty:
        return None
    shapely.prepare(projected)
    return _Cell(west, south, east, north, projected)


def max_reach_m(frame: LocalFrame, geometry: BaseGeometry) -> float:
    """How far (metres, on the ellipsoid) the farthest vertex of ``geometry`` lies
    from the frame's origin: 0 for an empty geometry and for the point the frame is centred
    on. A geometry within :data:`SINGLE_FRAME_RADIUS_M` is drawn in one frame."""
    coords = shapely.get_coordinates(geometry)
    if len(coords) == 0:
        return 0.0
    if len(coords) == 1 and coords[0, 0] == frame.lon0 and coords[0, 1] == frame.lat0:
        return 0.0  # a point in its own frame (a city)
    n = len(coords)
    _, _, dist = _GEOD.inv(
        np.full(n, frame.lon0), np.full(n, frame.lat0), coords[:, 0], coords[:, 1]
    )
    return float(np.max(dist))


def _tiles(geometry: BaseGeometry) -> list[BaseGeometry]:
    """``geometry`` (continuous lon/lat) cut into pieces of at most TILE_DEG × TILE_DEG."""
    minx, miny, maxx, maxy = geometry.bounds
    pieces: list[BaseGeometry] = []
    x = math.floor(minx / TILE_DEG) * TILE_DEG
    while x < maxx:
        y = math.floor(miny / TILE_DEG) * TILE_DEG
        while y < maxy:
            piece = shapely.clip_by_rect(geometry, x, y, x + TILE_DEG, y + TILE_DEG)
            if not piece.is_empty:
                pieces.append(piece)
            y += TILE_DEG
        x += TILE_DEG
    return pieces


def geodesic_buffer(
    geometry: BaseGeometry, distance_m: float, *, quad_segs: int = 16
) -> BaseGeometry:
    """The area within ``distance_m`` metres of ``geometry`` (lon/lat), in lon/lat, split at
    the antimeridian.

    Computed in an azimuthal equidistant frame centred on the geometry; a geometry reaching
    farther than ``SINGLE_FRAME_RADIUS_M`` from its centre is cut into tiles buffered each in
    its own frame, so the width error stays near 1 % for any size.
    """
    if distance_m <= 0:
        raise ValueError(f"buffer distance must be positive, got {distance_m!r}")
    frame = LocalFrame.around(geometry)
    if max_reach_m(frame, geometry) <= SINGLE_FRAME_RADIUS_M:
        return frame.inverse(frame.forward(geometry).buffer(distance_m, quad_segs=quad_segs))
    pieces = []
    for tile in _tiles(unwrap(geometry)):
        tile_frame = LocalFrame.around(tile)
        buffered = tile_frame.forward(tile).buffer(distance_m, quad_segs=quad_segs)
        pieces.append(tile_frame.inverse(buffered))
    return polygons_only(shapely.union_all(pieces))


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
    if not len(pieces):
        return Polygon()
    if distance < 0 and then is None and geometry.geom_type == "MultiPolygon":
        # Eroded parts of a valid MultiPolygon are apart from one another: no union needed.
        eroded = [p for piece in pieces for p in shapely.get_parts(piece) if not p.is_empty]
        whole = MultiPolygon(eroded) if len(eroded) > 1 else eroded[0]
        if whole.is_valid:
            return whole
    return shapely.union_all(pieces)


def buffer_in_frame(
    frame: LocalFrame, geometry: BaseGeometry, distance_m: float, *, quad_segs: int = 16
) -> BaseGeometry:
    """The area within ``distance_m`` metres of ``geometry`` (lon/lat), projected into
    ``frame``. Exact (the frame's own buffer) when the geometry lies within
    ``SINGLE_FRAME_RADIUS_M`` of the frame centre, tiled otherwise."""
    if max_reach_m(frame, geometry) <= SINGLE_FRAME_RADIUS_M:
        return buffer_parts(frame.forward(geometry), distance_m, quad_segs=quad_segs)
    # As geodesic_buffer, tile by tile, but each tile's buffer goes straight from its frame
    # into this one (vertex by vertex, edges split first), not back to lon/lat through the
    # grid cells and forward again: the same area to metres, without building every tile
    # frame's cells (the cost of a long coast's band was mostly that).
    pieces = []
    for tile in _tiles(unwrap(geometry)):
        tile_frame = LocalFrame.around(tile)
        buffered = buffer_parts(tile_frame.forward(tile), distance_m, quad_segs=quad_segs)
        pieces.append(reproject(buffered, tile_frame, frame))
    pieces = [p for p in pieces if not p.is_empty]
    return polygons_only(shapely.union_all(pieces)) if pieces else Polygon()


def reproject(geometry: BaseGeometry, source: LocalFrame, target: LocalFrame) -> BaseGeometry:
    """A geometry projected in ``source`` moved into ``target`` (metres to metres), its edges
    split every ``PROJECTED_SEGMENT_M`` first so that they keep their course; polygonal
    results are made valid. Both frames are continuous across the antimeridian and the poles,
    so nothing is cut there; ``target`` must not reach near its antipode (as for
    :meth:`LocalFrame.forward`)."""
    if geometry.is_empty:
        return geometry
    dense = shapely.segmentize(geometry, PROJECTED_SEGMENT_M)
    inverse, forward = source._inverse, target._forward

    def move(coords: np.ndarray) -> np.ndarray:
        lon, lat = inverse.transform(coords[:, 0], coords[:, 1])
        x, y = forward.transform(lon, lat)
        return np.column_stack([x, y])

    moved = shapely.transform(dense, move)
    return polygons_only(moved) if moved.geom_type in {"Polygon", "MultiPolygon"} else moved
