"""The base map of an event image: Natural Earth land, lakes, coasts and borders
(:mod:`layers.basemap`) made ready for drawing once per process (:func:`basemap_layers`) and
drawn into a frame (:func:`draw_basemap`) in every world copy it shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np
import shapely
from PIL import Image, ImageDraw

from layers.basemap import (
    BORDER_COLOUR,
    COAST_COLOUR,
    LAND_COLOUR,
    SEA_COLOUR,
    border_geometry,
    land_geometry,
)
from layers.mercator import MapFrame, merc_y, outline_runs


class _Lines:
    """Many rings or lines in one array of (lon, Mercator y) vertices, for fast drawing.

    ``runs[i]`` is the ``(start, end)`` slice of the vertices of line ``i`` and ``boxes[i]``
    its (minx, miny, maxx, maxy), so a frame can pick the lines it shows in one numpy step
    and convert all vertices to pixels in another.
    """

    def __init__(self, lines: Sequence[np.ndarray]) -> None:
        lines = [ln for ln in lines if len(ln) >= 2]
        self.xy = np.concatenate(lines) if lines else np.zeros((0, 2))
        self.xy[:, 1] = merc_y(self.xy[:, 1])
        lengths = np.array([len(ln) for ln in lines], dtype=np.int64)
        ends = np.cumsum(lengths, dtype=np.int64)
        self.runs = np.column_stack([ends - lengths, ends]) if lines else []
        self.boxes = np.zeros((0, 4))
        if lines:  # each line's min and max in one numpy step, not one per line
            starts = ends - lengths
            lows = np.minimum.reduceat(self.xy, starts, axis=0)
            highs = np.maximum.reduceat(self.xy, starts, axis=0)
            self.boxes = np.hstack([lows, highs])

    def visible(self, frame: MapFrame, shift: float, min_pixels: float) -> np.ndarray:
        """Indices of the lines inside ``frame`` and at least ``min_pixels`` across."""
        b = self.boxes
        x0, x1 = frame.x0 - shift, frame.x1 - shift
        inside = (b[:, 2] >= x0) & (b[:, 0] <= x1) & (b[:, 3] >= frame.y0) & (b[:, 1] <= frame.y1)
        size = np.maximum(b[:, 2] - b[:, 0], b[:, 3] - b[:, 1]) * frame.scale
        return np.flatnonzero(inside & (size >= min_pixels))

    def pixel_runs(self, frame: MapFrame, shift: float, chosen: np.ndarray) -> list[list[float]]:
        """The ``chosen`` lines as flat [x0, y0, x1, y1, ...] pixel lists."""
        px = (self.xy[:, 0] + (shift - frame.x0)) * frame.scale
        py = (frame.y1 - self.xy[:, 1]) * frame.scale
        flat = np.column_stack([px, py]).ravel()
        return [flat[2 * a : 2 * b].tolist() for a, b in self.runs[chosen].tolist()]


class _BasemapLayers:
    """The base map made ready for drawing: land rings by nesting depth, coasts, borders.

    Read from shapely in a few array calls (the land has about 1,400 polygons and 3,200
    rings: one call per ring cost 0.05 s before the image workers could start)."""

    def __init__(self) -> None:
        polygons = shapely.get_parts(land_geometry())
        rings, owner = shapely.get_rings(polygons, return_index=True)  # exterior, then holes
        exterior = np.ones(len(rings), dtype=bool)
        exterior[1:] = owner[1:] != owner[:-1]
        ring_xy = _split_coordinates(rings)
        outer: list[np.ndarray] = [ring_xy[k] for k in np.flatnonzero(exterior).tolist()]
        inner: list[list[np.ndarray]] = [[] for _ in outer]
        for k in np.flatnonzero(~exterior).tolist():
            inner[owner[k]].append(ring_xy[k])
        holes = shapely.polygons(rings[~exterior])
        depth = np.zeros(len(polygons), dtype=np.int64)
        if len(holes):
            # how many holes (lakes) hold a point of each polygon (an island in a lake: 1)
            inside = shapely.STRtree(holes).query(
                shapely.point_on_surface(polygons), predicate="within"
            )[0]
            depth = np.bincount(inside, minlength=len(polygons))
        #: per depth: (exteriors, holes); an island in a lake is drawn after the lake
        self.fills: list[tuple[_Lines, _Lines]] = []
        for level in sorted(set(depth.tolist())):
            chosen = np.flatnonzero(depth == level).tolist()
            exteriors = _Lines([outer[i] for i in chosen])
            interiors = _Lines([h for i in chosen for h in inner[i]])
            self.fills.append((exteriors, interiors))
        coasts: list[np.ndarray] = []
        for ring, ring_holes in zip(outer, inner, strict=True):
            coasts.extend(outline_runs(ring))
            coasts.extend(ring_holes)
        self.coasts = _Lines(coasts)
        self.borders = _Lines(_split_coordinates(shapely.get_parts(border_geometry())))


def _split_coordinates(geoms: np.ndarray) -> list[np.ndarray]:
    """The (x, y) coordinates of each of ``geoms`` (rings or lines), read in one call."""
    coords = shapely.get_coordinates(geoms)
    ends = np.cumsum(shapely.get_num_coordinates(geoms))
    return np.split(coords, ends[:-1]) if len(geoms) else []


@cache
def basemap_layers() -> _BasemapLayers:
    """The base map ready for drawing, prepared once per process."""
    return _BasemapLayers()


def draw_basemap(image: Image.Image, frame: MapFrame, line_width: int) -> None:
    """Land, lakes, coasts and borders of the frame, in every world copy it shows."""
    draw = ImageDraw.Draw(image)
    layers = basemap_layers()
    for shift in frame.shifts():
        for exteriors, interiors in layers.fills:
            for lines, colour in ((exteriors, LAND_COLOUR), (interiors, SEA_COLOUR)):
                chosen = lines.visible(frame, shift, 1.0)
                for ring in lines.pixel_runs(frame, shift, chosen) if len(chosen) else []:
                    draw.polygon(ring, fill=colour)
        for lines, colour in ((layers.coasts, COAST_COLOUR), (layers.borders, BORDER_COLOUR)):
            chosen = lines.visible(frame, shift, 2.0)
            for line in lines.pixel_runs(frame, shift, chosen) if len(chosen) else []:
                draw.line(line, fill=colour, width=line_width)
