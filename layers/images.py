"""Static PNG images of single events, drawn with no network.

For the site builder (``site/embed/<event id>.png``, ``<noscript>``, newsletters, print)::

    from layers.images import render_event_image
    alt = render_event_image(event, geometry, out / "embed" / f"{event_id}.png")
    # <img src="embed/ID.png" width="1200" height="630" alt="{{ alt }}">  (escape alt as usual)

``event`` is one row of the events table as a mapping (``row.to_dict()`` of the
GeoDataFrame works; see :mod:`layers.schema`). Used keys, all optional: ``title``,
``place_name``, ``start``, ``end``, ``date_precision``, ``sources`` (a list of dicts with
``outlet``/``title``/``article``, or its JSON text), ``id``. ``geometry`` is the event's shapely
geometry in lon/lat (EPSG:4326): a point, line or (multi)polygon, possibly crossing the
antimeridian (either as longitudes beyond ±180 or as parts on both sides of it).

The image is a Web Mercator map (latitudes clipped to ±85°) of Natural Earth land and borders
from :mod:`layers.basemap`, framed on the event (its area fills about half the frame, which
spans at least 16° on its shorter side), with the event area filled and outlined (a point is a
dot; a tiny area also gets one), place names (the event's place first, then oceans, seas,
countries and cities by importance, never overlapping; :mod:`layers.imagelabels`,
:func:`event_image_labels` lists them), and a text panel below: the title (two lines at most, then
"…"), the date written at its precision (:func:`layers.dates.date_label`) and the place, the
source credit ("Sources: Newsweek, AP +2"; titles, else names read from article ids, stand
in for missing outlets) and
"Made with Natural Earth". Text from the table is untrusted: it is cleaned, wrapped and cut
to fit, and any Unicode is drawn without raising (see :mod:`layers.typeset`).

The same event, geometry and size give byte-identical PNGs on one machine (no timestamps or
other metadata). :func:`render_event_images` renders many in worker processes.
"""

from __future__ import annotations

import json
import math
import multiprocessing
import os
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from PIL import Image, ImageDraw
from shapely.geometry import (
    GeometryCollection,
    LineString,
    Point,
    Polygon,
)
from shapely.geometry.base import BaseGeometry

from layers.basemap import (
    BASEMAP_ATTRIBUTION,
    BORDER_COLOUR,
    COAST_COLOUR,
    LAND_COLOUR,
    SEA_COLOUR,
    border_geometry,
    land_geometry,
)
from layers.dates import date_label
from layers.errors import SiteError
from layers.imagelabels import (
    LABEL_KINDS,
    choose_image_labels,
    draw_image_labels,
    label_font,
    web_zoom,
)
from layers.labels import PlacedLabel, load_labels
from layers.sourcenames import article_name
from layers.typeset import clean_text, font_chain, wrap_text
from layers.workers import process_pool

__all__ = [
    "HIGHLIGHT_COLOUR",
    "MIN_SPAN_DEGREES",
    "event_alt_text",
    "event_image_labels",
    "prepare_images",
    "render_event_image",
    "render_event_images",
    "source_credit",
]

#: Colour of the event's area or point.
HIGHLIGHT_COLOUR = "#d7301f"
#: The map's shorter side spans at least this many degrees (of longitude, or the Mercator
#: equivalent), so a point shows a region: coasts or borders to place it by.
MIN_SPAN_DEGREES = 16.0

_MAX_LAT = 85.0511287798  # Web Mercator's square world
_FILL_SHARE = 0.5  # the event's extent takes about this share of the frame
_SUPERSAMPLE = 2  # the map is drawn at 2x and reduced: antialiased coasts for little cost
_PANEL_HEIGHT = 206  # at 1200 x 630; everything scales with min(width/1200, height/630)
_TEXT = "#1b1b1b"
_MUTED = "#4a4a4a"
_FAINT = "#6f6f6f"
_PANEL = "#ffffff"
_DOT_RADIUS = 9


# ---------------------------------------------------------------------------------------------
# Words: the credit line, the alt text


def _as_sources(value: Any) -> list[Any]:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return [value]
    if isinstance(value, Mapping):
        return [value]
    if isinstance(value, Iterable) and not isinstance(value, (str, bytes)):
        return list(value)
    return []


def _source_name(source: Any) -> str:
    if isinstance(source, Mapping):
        return clean_text(source.get("outlet"), limit=60) or clean_text(
            article_name(source.get("title"), None, source.get("article")), limit=60
        )
    return clean_text(source, limit=60)


def source_credit(sources: Any, *, limit: int = 2) -> str:
    """A credit line for an event's ``sources``: ``"Sources: Newsweek, AP +2"``.

    Each source is named by its outlet, else its title, else a name read from its article id
    (:func:`layers.sourcenames.article_name`); repeated names count once, in
    first-seen order; at most ``limit`` are written and the rest counted. ``sources`` may be
    the list of dicts of the events table or its JSON text. Returns ``""`` when there is no
    source.
    """
    names: list[str] = []
    seen: set[str] = set()
    for source in _as_sources(sources):
        name = _source_name(source)
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    if not names:
        return ""
    label = "Source" if len(names) == 1 else "Sources"
    shown = ", ".join(names[: max(1, limit)])
    rest = len(names) - max(1, limit)
    return f"{label}: {shown}" + (f" +{rest}" if rest > 0 else "")


def _missing(value: Any) -> bool:
    """None, NaN, or pandas' NaT (the table's ways of saying "no value")."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN and NaT are not equal to themselves
    except (TypeError, ValueError):
        return False


def _event_date(event: Mapping[str, Any]) -> str:
    """The event's dates for people; a bad date is shown as given, never raised."""
    start = event.get("start")
    if _missing(start):
        return ""
    end = start if _missing(event.get("end")) else event.get("end")
    precision = event.get("date_precision")
    precision = "day" if _missing(precision) else str(precision)
    try:
        return date_label(start, end, precision)
    except (SiteError, ValueError, TypeError):
        return clean_text(start, limit=40)


def event_alt_text(event: Mapping[str, Any]) -> str:
    """The alt text of an event's image: what it shows, in one plain-text sentence or two.

    E.g. ``"Map of Taiwan Strait: Joint naval drill, 14 Oct 2024. Sources: Newsweek, AP +2."``
    The text is cleaned (no control characters) but not HTML-escaped.
    """
    title = clean_text(event.get("title"), limit=200) or "Event"
    place = clean_text(event.get("place_name"), limit=120)
    when = _event_date(event)
    head = f"Map of {place}: {title}" if place else f"Map: {title}"
    if when:
        head += f", {when}"
    credit = source_credit(event.get("sources"))
    return f"{head}. {credit}." if credit else f"{head}."


# ---------------------------------------------------------------------------------------------
# Geometry: antimeridian, frame, projection


def _parts(geom: BaseGeometry) -> list[BaseGeometry]:
    if geom.is_empty:
        return []
    if isinstance(geom, (Point, LineString, Polygon)):
        return [geom]
    return [p for g in getattr(geom, "geoms", ()) for p in _parts(g)]


def _contiguous(geom: BaseGeometry) -> BaseGeometry:
    """``geom`` with parts shifted by 360° so it spans the shortest longitude interval.

    An area split at the antimeridian (parts near +179 and -179) becomes one area around 180.
    """
    parts = _parts(geom)
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
        merged = _parts(shapely.union_all([shapely.make_valid(a) for a in areas], grid_size=1e-3))
        merged = [a for a in merged if isinstance(a, Polygon)]
        areas = merged or areas
    return GeometryCollection([*areas, *others])


def _merc_y(lat: np.ndarray | float) -> np.ndarray:
    phi = np.radians(np.clip(lat, -_MAX_LAT, _MAX_LAT))
    return np.degrees(np.log(np.tan(np.pi / 4 + phi / 2)))


#: latitude → ``float(_merc_y(latitude))`` of the base map's names, met in every image.
_MERC_Y: dict[float, float] = {}


def _merc_y_of(lat: float) -> float:
    """``float(_merc_y(lat))`` for one latitude, computed once per process (a numpy call on a
    scalar costs microseconds, and each image places thousands of names)."""
    found = _MERC_Y.get(lat)
    if found is None:
        if len(_MERC_Y) >= 100_000:
            _MERC_Y.clear()
        found = _MERC_Y[lat] = float(_merc_y(lat))
    return found


class _Frame:
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
    def around(cls, bounds: Sequence[float], width: int, height: int) -> _Frame:
        minx, miny, maxx, maxy = bounds
        my0, my1 = float(_merc_y(miny)), float(_merc_y(maxy))
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
        py = (self.y1 - _merc_y(coords[:, 1])) * self.scale
        return np.column_stack([px, py])

    def shifts(self) -> list[float]:
        """Multiples of 360° to add to world longitudes to cover this frame."""
        first = math.floor((self.x0 + 180) / 360)
        last = math.floor((self.x1 + 180) / 360)
        return [360.0 * k for k in range(first, last + 1)]


class _Lines:
    """Many rings or lines in one array of (lon, Mercator y) vertices, for fast drawing.

    ``runs[i]`` is the ``(start, end)`` slice of the vertices of line ``i`` and ``boxes[i]``
    its (minx, miny, maxx, maxy), so a frame can pick the lines it shows in one numpy step
    and convert all vertices to pixels in another.
    """

    def __init__(self, lines: Sequence[np.ndarray]) -> None:
        lines = [ln for ln in lines if len(ln) >= 2]
        self.xy = np.concatenate(lines) if lines else np.zeros((0, 2))
        self.xy[:, 1] = _merc_y(self.xy[:, 1])
        lengths = np.array([len(ln) for ln in lines], dtype=np.int64)
        ends = np.cumsum(lengths, dtype=np.int64)
        self.runs = np.column_stack([ends - lengths, ends]) if lines else []
        self.boxes = np.zeros((0, 4))
        if lines:  # each line's min and max in one numpy step, not one per line
            starts = ends - lengths
            lows = np.minimum.reduceat(self.xy, starts, axis=0)
            highs = np.maximum.reduceat(self.xy, starts, axis=0)
            self.boxes = np.hstack([lows, highs])

    def visible(self, frame: _Frame, shift: float, min_pixels: float) -> np.ndarray:
        """Indices of the lines inside ``frame`` and at least ``min_pixels`` across."""
        b = self.boxes
        x0, x1 = frame.x0 - shift, frame.x1 - shift
        inside = (b[:, 2] >= x0) & (b[:, 0] <= x1) & (b[:, 3] >= frame.y0) & (b[:, 1] <= frame.y1)
        size = np.maximum(b[:, 2] - b[:, 0], b[:, 3] - b[:, 1]) * frame.scale
        return np.flatnonzero(inside & (size >= min_pixels))

    def pixel_runs(self, frame: _Frame, shift: float, chosen: np.ndarray) -> list[list[float]]:
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
            coasts.extend(_coast_runs(ring))
            coasts.extend(ring_holes)
        self.coasts = _Lines(coasts)
        self.borders = _Lines(_split_coordinates(shapely.get_parts(border_geometry())))


def _split_coordinates(geoms: np.ndarray) -> list[np.ndarray]:
    """The (x, y) coordinates of each of ``geoms`` (rings or lines), read in one call."""
    coords = shapely.get_coordinates(geoms)
    ends = np.cumsum(shapely.get_num_coordinates(geoms))
    return np.split(coords, ends[:-1]) if len(geoms) else []


@cache
def _basemap_layers() -> _BasemapLayers:
    return _BasemapLayers()


def _coast_runs(coords: np.ndarray) -> list[np.ndarray]:
    """A land ring cut where it runs along the antimeridian or the south pole (not coasts)."""
    a, b = coords[:-1], coords[1:]
    seam = ((np.abs(a[:, 0]) >= 180) & (a[:, 0] == b[:, 0])) | (
        (a[:, 1] <= -89.99) & (b[:, 1] <= -89.99)
    )
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


def _draw_basemap(image: Image.Image, frame: _Frame, line_width: int) -> None:
    """Land, lakes, coasts and borders of the frame, in every world copy it shows."""
    draw = ImageDraw.Draw(image)
    layers = _basemap_layers()
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


def _flat(xy: np.ndarray) -> list[float]:
    return xy.ravel().tolist()


def _draw_event(image: Image.Image, frame: _Frame, geom: BaseGeometry, unit: float) -> None:
    """Highlight ``geom``: areas translucent with an outline, lines stroked, points as dots."""
    draw = ImageDraw.Draw(image)
    outline = max(2, round(2.5 * unit))
    areas: list[tuple[np.ndarray, list[np.ndarray]]] = []
    strokes: list[np.ndarray] = []
    dots: list[tuple[float, float]] = []
    for part in _parts(geom):
        if isinstance(part, Polygon):
            ring = frame.pixels(np.asarray(part.exterior.coords))
            holes = [frame.pixels(np.asarray(h.coords)) for h in part.interiors]
            areas.append((ring, holes))
            strokes.append(ring)
            strokes.extend(holes)
            if np.ptp(ring, axis=0).max() < 14 * unit:
                point = np.asarray(part.representative_point().coords)
                dots.append(tuple(frame.pixels(point)[0].tolist()))
        elif isinstance(part, LineString):
            strokes.append(frame.pixels(np.asarray(part.coords)))
        elif isinstance(part, Point):
            dots.append(tuple(frame.pixels(np.asarray(part.coords))[0].tolist()))
    if areas:
        # a translucent fill: a mask over the areas' pixel box only, pasted in one colour
        every = np.concatenate([ring for ring, _ in areas])
        left, top = np.floor(np.clip(every.min(axis=0), 0, image.size)).astype(int).tolist()
        right, bottom = np.ceil(np.clip(every.max(axis=0), 0, image.size)).astype(int).tolist()
        if right > left and bottom > top:
            mask = Image.new("L", (right - left, bottom - top), 0)
            mask_draw = ImageDraw.Draw(mask)
            offset = np.array([left, top])
            for ring, holes in areas:
                mask_draw.polygon(_flat(ring - offset), fill=90)
                for hole in holes:
                    mask_draw.polygon(_flat(hole - offset), fill=0)
            image.paste(HIGHLIGHT_COLOUR, (left, top, right, bottom), mask)
    for xy in strokes:
        draw.line(_flat(xy), fill=HIGHLIGHT_COLOUR, width=outline, joint="curve")
    radius = _DOT_RADIUS * unit
    halo = radius + 3 * unit
    for x, y in dots:
        draw.ellipse((x - halo, y - halo, x + halo, y + halo), fill="#ffffff")
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=HIGHLIGHT_COLOUR)


def _checked_geometry(geometry: Any, event: Mapping[str, Any]) -> BaseGeometry:
    name = clean_text(event.get("id"), limit=80) or "event"
    if not isinstance(geometry, BaseGeometry) or geometry.is_empty:
        raise SiteError(f"{name}: needs a non-empty shapely geometry, got {geometry!r:.80}")
    coords = shapely.get_coordinates(geometry)
    if not np.isfinite(coords).all():
        raise SiteError(f"{name}: geometry has non-finite coordinates")
    lat = coords[:, 1]
    if (lat < -90).any() or (lat > 90).any():
        raise SiteError(f"{name}: latitudes outside ±90; is the geometry lon/lat (EPSG:4326)?")
    return _contiguous(geometry)


# ---------------------------------------------------------------------------------------------
# The image


def _draw_panel(image: Image.Image, event: Mapping[str, Any], top: int, unit: float) -> None:
    width, height = image.size
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, top, width, height), fill=_PANEL)
    draw.rectangle((0, top, width, top + max(2, round(4 * unit))), fill=HIGHLIGHT_COLOUR)
    margin = 36 * unit
    text_width = width - 2 * margin
    title_font = font_chain(round(38 * unit), bold=True)
    meta_font = font_chain(round(26 * unit))
    small_font = font_chain(round(20 * unit))

    y = top + 24 * unit
    title = clean_text(event.get("title"), limit=300) or "Untitled event"
    for line in wrap_text(title, title_font, text_width, 2):
        y += 40 * unit
        title_font.draw(draw, (margin, y), line, _TEXT)
    meta = " · ".join(
        part
        for part in (_event_date(event), clean_text(event.get("place_name"), limit=200))
        if part
    )
    if meta:
        y += 38 * unit
        meta_font.draw(draw, (margin, y), wrap_text(meta, meta_font, text_width, 1)[0], _MUTED)

    baseline = height - 20 * unit
    attribution = BASEMAP_ATTRIBUTION
    attribution_width = small_font.length(attribution)
    small_font.draw(draw, (width - margin - attribution_width, baseline), attribution, _FAINT)
    credit = source_credit(event.get("sources"))
    room = text_width - attribution_width - 24 * unit
    if credit and room > 0:
        small_font.draw(draw, (margin, baseline), wrap_text(credit, small_font, room, 1)[0], _FAINT)


def _image_labels(
    event: Mapping[str, Any], geom: BaseGeometry, frame: _Frame, unit: float
) -> list[PlacedLabel]:
    """The names on the map of an image: the event's place first (see :mod:`layers.imagelabels`)."""
    ss = _SUPERSAMPLE
    scale = frame.scale / ss
    middle = (frame.x0 + frame.x1) / 2

    def to_pixel(lon: float, lat: float) -> tuple[float, float]:
        lon += 360.0 * round((middle - lon) / 360.0)  # the world copy nearest the centre
        return (lon - frame.x0) * scale, (frame.y1 - _merc_y_of(lat)) * scale

    # names stay off the event's lines and dots (an area is a large, translucent backdrop);
    # the event's own name goes beside its dot
    reserved = []
    dots = []
    for part in _parts(geom):
        if isinstance(part, Polygon):
            continue
        xy = np.array([to_pixel(x, y) for x, y in np.asarray(part.coords)[:, :2]])
        pad = (_DOT_RADIUS + 3) * unit
        left, top = (xy.min(axis=0) - pad).tolist()
        right, bottom = (xy.max(axis=0) + pad).tolist()
        (dots if isinstance(part, Point) else reserved).append((left, top, right, bottom))
    places = []
    name = event.get("place_name")
    if isinstance(name, str) and name.strip():
        point = geom if isinstance(geom, Point) else geom.representative_point()
        places.append((name, point.x, point.y))
    return choose_image_labels(
        places,
        zoom=web_zoom(scale),
        width=round(frame.width / ss),
        height=round(frame.height / ss),
        to_pixel=to_pixel,
        unit=unit,
        event_dot=(_DOT_RADIUS + 3) * unit,
        reserved=reserved,
        dots=dots,
    )


def _render(
    event: Mapping[str, Any], geometry: BaseGeometry, width: int, height: int
) -> tuple[Image.Image, list[PlacedLabel]]:
    if int(width) < 200 or int(height) < 150:
        raise SiteError(f"image size {width}x{height} is too small; use at least 200x150")
    width, height = int(width), int(height)
    geom = _checked_geometry(geometry, event)
    unit = min(width / 1200, height / 630)
    panel = round(_PANEL_HEIGHT * unit)
    map_height = height - panel

    ss = _SUPERSAMPLE
    frame = _Frame.around(geom.bounds, width * ss, map_height * ss)
    canvas = Image.new("RGB", (width * ss, map_height * ss), SEA_COLOUR)
    _draw_basemap(canvas, frame, line_width=max(1, round(ss * unit)))
    _draw_event(canvas, frame, geom, ss * unit)
    image = Image.new("RGB", (width, height), _PANEL)
    image.paste(canvas.reduce(ss), (0, 0))
    labels = _image_labels(event, geom, frame, unit)
    draw_image_labels(image, labels, unit)
    _draw_panel(image, event, map_height, unit)
    return image, labels


def event_image_labels(
    event: Mapping[str, Any], geometry: BaseGeometry, *, width: int = 1200, height: int = 630
) -> list[PlacedLabel]:
    """The place names :func:`render_event_image` draws on the map of this event's image, in
    the order they were placed (the event's place first): each with its kind (``event``,
    ``ocean``, ``sea``, ``country``, ``capital``, ``city``) and pixel box. Raises like
    :func:`render_event_image`."""
    return _render(event, geometry, width, height)[1]


def render_event_image(
    event: Mapping[str, Any],
    geometry: BaseGeometry,
    path: Path,
    *,
    width: int = 1200,
    height: int = 630,
) -> str:
    """Write a PNG of one event to ``path`` and return its alt text.

    See the module docstring for what the image shows. ``width`` and ``height`` are pixels
    (at least 200 x 150). The parent folder is created if needed. Raises :class:`SiteError`
    for an empty, non-finite or non-lon/lat geometry, a size too small, or a path that
    cannot be written. Hostile text never raises.
    """
    image, _ = _render(event, geometry, width, height)

    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # 256 colours: flat map colours and antialiased text lose nothing visible, and the
        # file is half the size and faster to encode than RGB
        palette = image.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
        palette.save(target, format="PNG", compress_level=6)
    except OSError as exc:
        raise SiteError(f"cannot write the image {target}: {exc}") from exc
    return event_alt_text(event)


def prepare_images(*, width: int = 1200, height: int = 630) -> None:
    """Load into this process what every image of this size shares: the base map made ready
    for drawing, the place names, the fonts of the panel and of the names (with their
    character maps), and Pillow's file plugins. Worker processes forked afterwards inherit
    them instead of each loading them again. Draws nothing and changes no image."""
    _basemap_layers()
    unit = min(width / 1200, height / 630)
    chains = [font_chain(round(38 * unit), bold=True)]
    chains += [font_chain(round(size * unit)) for size in (26, 20)]
    chains += [label_font(kind, unit) for kind in LABEL_KINDS]
    for chain in chains:
        chain.length("Map ·")
    load_labels()
    Image.preinit()  # the file plugins every Image.save imports first (PNG, JPEG, GIF, ...)


def _render_job(job: tuple[Mapping[str, Any], BaseGeometry, Path, int, int]) -> str:
    event, geometry, path, width, height = job
    return render_event_image(event, geometry, path, width=width, height=height)


def render_event_images(
    jobs: Iterable[tuple[Mapping[str, Any], BaseGeometry, Path]],
    *,
    width: int = 1200,
    height: int = 630,
    processes: int | None = None,
) -> list[str]:
    """Render many ``(event, geometry, path)`` images; return their alt texts in order.

    ``processes``: worker processes (default: the CPU count; 1 renders in this process, as
    does a batch of fewer than 8 images). The images are the same bytes either way.
    """
    work = [(dict(e), g, Path(p), width, height) for e, g, p in jobs]
    count = (os.cpu_count() or 1) if processes is None else max(1, processes)
    if count == 1 or len(work) < 8:
        return [_render_job(job) for job in work]
    first: list[str] = []
    if multiprocessing.get_start_method() == "fork":
        # the first image is drawn here: that makes ready what every image shares (the base
        # map, the place names, the fonts and their character maps), which each forked
        # worker then inherits (copy on write) instead of reading and preparing it again
        first = [_render_job(work[0])]
        work = work[1:]
    chunk = max(1, len(work) // (count * 4))
    with process_pool(count) as pool:
        return first + list(pool.map(_render_job, work, chunksize=chunk))
