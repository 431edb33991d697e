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

This module draws the event and the text panel and renders; the words (credit line, date,
alt text) come from :mod:`layers.imagewords`, the Mercator frame from :mod:`layers.mercator`
and the base map drawing from :mod:`layers.imagebasemap`.

The same event, geometry and size give byte-identical PNGs on one machine (no timestamps or
other metadata). :func:`render_event_images` renders many in worker processes.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from PIL import Image, ImageDraw
from shapely.geometry import (
    LineString,
    Point,
    Polygon,
)
from shapely.geometry.base import BaseGeometry

from layers.basemap import (
    BASEMAP_ATTRIBUTION,
    SEA_COLOUR,
)
from layers.errors import SiteError
from layers.imagebasemap import basemap_layers, draw_basemap
from layers.imagelabels import (
    LABEL_KINDS,
    choose_image_labels,
    draw_image_labels,
    label_font,
    web_zoom,
)
from layers.imagewords import event_alt_text, event_date_text, source_credit
from layers.labels import PlacedLabel, load_labels
from layers.mercator import (
    MIN_SPAN_DEGREES,
    MapFrame,
    contiguous,
    geometry_parts,
    merc_y_of,
    outline_runs,
    round_the_world,
)
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
_SUPERSAMPLE = 2  # the map is drawn at 2x and reduced: antialiased coasts for little cost
_PANEL_HEIGHT = 206  # at 1200 x 630; everything scales with min(width/1200, height/630)
_TEXT = "#1b1b1b"
_MUTED = "#4a4a4a"
_FAINT = "#6f6f6f"
_PANEL = "#ffffff"
_DOT_RADIUS = 9


def _flat(xy: np.ndarray) -> list[float]:
    return xy.ravel().tolist()


def _draw_event(image: Image.Image, frame: MapFrame, geom: BaseGeometry, unit: float) -> None:
    """Highlight ``geom``: areas translucent with an outline, lines stroked, points as dots."""
    draw = ImageDraw.Draw(image)
    outline = max(2, round(2.5 * unit))
    areas: list[tuple[np.ndarray, list[np.ndarray]]] = []
    strokes: list[np.ndarray] = []
    dots: list[tuple[float, float]] = []
    # an area round the world is drawn in every copy of the world the frame shows
    for shift in frame.shifts() if round_the_world(geom) else [0.0]:
        for part in geometry_parts(geom):
            if isinstance(part, Polygon):
                rings = [np.asarray(r.coords) for r in (part.exterior, *part.interiors)]
                ring, *holes = [frame.pixels(r, shift) for r in rings]
                areas.append((ring, holes))
                # stroked along its real edges, not where it is cut at ±180° or meets a pole
                strokes.extend(frame.pixels(run, shift) for r in rings for run in outline_runs(r))
                if np.ptp(ring, axis=0).max() < 14 * unit:
                    point = np.asarray(part.representative_point().coords)
                    dots.append(tuple(frame.pixels(point, shift)[0].tolist()))
            elif isinstance(part, LineString):
                strokes.append(frame.pixels(np.asarray(part.coords), shift))
            elif isinstance(part, Point):
                dots.append(tuple(frame.pixels(np.asarray(part.coords), shift)[0].tolist()))
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
    return contiguous(geometry)


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
        for part in (event_date_text(event), clean_text(event.get("place_name"), limit=200))
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
    event: Mapping[str, Any], geom: BaseGeometry, frame: MapFrame, unit: float
) -> list[PlacedLabel]:
    """The names on the map of an image: the event's place first (see :mod:`layers.imagelabels`)."""
    ss = _SUPERSAMPLE
    scale = frame.scale / ss
    middle = (frame.x0 + frame.x1) / 2

    def to_pixel(lon: float, lat: float) -> tuple[float, float]:
        lon += 360.0 * round((middle - lon) / 360.0)  # the world copy nearest the centre
        return (lon - frame.x0) * scale, (frame.y1 - merc_y_of(lat)) * scale

    # names stay off the event's lines and dots (an area is a large, translucent backdrop);
    # the event's own name goes beside its dot
    reserved = []
    dots = []
    for part in geometry_parts(geom):
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
    frame = MapFrame.around(geom.bounds, width * ss, map_height * ss)
    canvas = Image.new("RGB", (width * ss, map_height * ss), SEA_COLOUR)
    draw_basemap(canvas, frame, line_width=max(1, round(ss * unit)))
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
    basemap_layers()
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
