"""Place names on the static event images, placed like the interactive map's.

:mod:`layers.images` frames the map; this module chooses the names for that frame with
:func:`layers.labels.place_labels` (the event's place first, then oceans, countries, seas and
cities by importance, never overlapping) and draws them in the images' font (Source Sans Pro)
with a halo in the colour of the land or sea around them, so they read over both.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PIL import Image, ImageDraw

from layers.basemap import LAND_COLOUR, SEA_COLOUR
from layers.labels import MapLabel, PlacedLabel, load_labels, place_labels
from layers.typeset import FontChain, clean_text, font_chain

__all__ = [
    "LABEL_KINDS",
    "LABEL_SCALE",
    "choose_image_labels",
    "draw_image_labels",
    "label_font",
    "web_zoom",
]

#: Names on images are this much larger than on the web map (images are often shown small).
LABEL_SCALE = 1.25

# kind: size at 1200 x 630, bold, capitals, letter spacing (em), colour, halo
_STYLES: dict[str, tuple[float, bool, bool, float, str, str]] = {
    "event": (14, True, False, 0.0, "#1b1b1b", LAND_COLOUR),
    "ocean": (13, False, True, 0.15, "#3f6a89", SEA_COLOUR),
    "sea": (12, False, False, 0.04, "#3f6a89", SEA_COLOUR),
    "country": (12, True, True, 0.08, "#6b5f52", LAND_COLOUR),
    "capital": (12, True, False, 0.0, "#3b3b3b", LAND_COLOUR),
    "city": (12, False, False, 0.0, "#3b3b3b", LAND_COLOUR),
}
_DOT = 3.0
#: The kinds of names an image draws.
LABEL_KINDS = tuple(_STYLES)


def web_zoom(pixels_per_degree: float) -> float:
    """The web map zoom level (256-pixel tiles) with this many pixels per degree of longitude."""
    return math.log2(max(pixels_per_degree, 1e-9) * 360 / 256)


def _text(name: str, kind: str) -> str:
    return name.upper() if _STYLES[kind][2] else name


def label_font(kind: str, unit: float) -> FontChain:
    """The font names of ``kind`` are drawn with at ``unit`` (the image's size / 1200 x 630)."""
    size, bold, *_ = _STYLES[kind]
    return font_chain(max(8, round(size * LABEL_SCALE * unit)), bold=bold)


def _measure(unit: float) -> Callable[[str, str], tuple[float, float]]:
    def measure(name: str, kind: str) -> tuple[float, float]:
        font = label_font(kind, unit)
        text = _text(name, kind)
        spacing = _STYLES[kind][3] * font.size * max(0, len(text) - 1)
        return font.length(text) + spacing, font.size * 1.2

    return measure


def choose_image_labels(
    places: Sequence[tuple[str, float, float]],
    *,
    zoom: float,
    width: int,
    height: int,
    to_pixel: Callable[[float, float], tuple[float, float] | None],
    unit: float,
    event_dot: float,
    reserved: Sequence[tuple[float, float, float, float]] = (),
    dots: Sequence[tuple[float, float, float, float]] = (),
) -> list[PlacedLabel]:
    """The names to draw on an image's ``width`` x ``height`` map at ``zoom``: ``places``
    (name, lon, lat) first (the event's place), then the base map's names. Names are cleaned
    of control characters; the result's boxes never overlap."""
    events = [
        MapLabel("event", text, 0.0, ((lon, lat),))
        for name, lon, lat in places
        if (text := clean_text(name, limit=80))
    ]
    chosen = place_labels(
        [*events, *load_labels()],
        zoom=zoom,
        width=width,
        height=height,
        to_pixel=to_pixel,
        measure=_measure(unit),
        dot=_DOT * unit,
        event_dot=event_dot,
        reserved=reserved,
        dots=dots,
    )
    return chosen


def draw_image_labels(image: Image.Image, placed: Sequence[PlacedLabel], unit: float) -> None:
    """Draw ``placed`` names (and the dots of cities) on ``image``, which holds the map."""
    draw = ImageDraw.Draw(image)
    halo = max(1, round(2 * unit))
    for label in placed:
        _, _, _, spacing, colour, halo_colour = _STYLES[label.kind]
        font = label_font(label.kind, unit)
        text = _text(label.name, label.kind)
        left, _, _, bottom = label.text_box
        baseline = bottom - font.size * 0.32
        if label.kind in {"city", "capital"}:
            r = _DOT * unit
            draw.ellipse(
                (label.x - r, label.y - r, label.x + r, label.y + r),
                fill="#ffffff",
                outline="#4a4a4a",
                width=max(1, round(1.5 * unit)),
            )
        step = spacing * font.size
        chunks = list(text) if step else [text]
        # the halo of every letter first, then the letters, so no halo covers a letter
        for stroke in (halo, 0):
            x = left
            for chunk in chunks:
                fill = halo_colour if stroke else colour
                font.draw(draw, (x, baseline), chunk, fill, stroke_width=stroke, stroke_fill=fill)
                x += font.length(chunk) + step
