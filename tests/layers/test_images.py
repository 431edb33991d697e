"""Static event images: size, where the event is drawn, text, determinism, alt text."""

from __future__ import annotations

import math
import struct
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageColor
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box

from layers import SiteError
from layers.basemap import LAND_COLOUR, SEA_COLOUR
from layers.images import (
    HIGHLIGHT_COLOUR,
    event_alt_text,
    render_event_image,
    render_event_images,
    source_credit,
)

#: Events I made up, about places and kinds of news other than the samples.
FLOOD = {
    "id": "evt-flood-porto-alegre",
    "title": "Floods force 80,000 from their homes in Rio Grande do Sul",
    "category": "other",
    "place_name": "Porto Alegre",
    "start": "2024-05-03",
    "end": "2024-05-05",
    "date_precision": "day",
    "sources": [
        {"article": "a-101", "outlet": "Folha", "quote": "The Guaíba rose 5 metres."},
        {"article": "a-102", "outlet": "Reuters", "quote": "Rescuers used boats."},
        {"article": "a-103", "outlet": "reuters", "quote": "Same outlet, other case."},
        {"article": "a-104", "outlet": None, "quote": "No outlet known."},
        {"article": "a-105", "outlet": "El País", "quote": "Más de 80.000 desplazados."},
    ],
}
DROUGHT = {
    "id": "evt-sahel-drought",
    "title": "Drought cuts harvests across the central Sahel",
    "place_name": "Central Sahel",
    "start": "2023-06-01",
    "end": "2023-08-31",
    "date_precision": "season",
    "sources": [{"article": "a-201", "outlet": "AFP"}],
}

WIDTH, HEIGHT, PANEL = 1200, 630, 206  # the map fills the top HEIGHT - PANEL pixels
MAP_CENTRE = (WIDTH // 2, (HEIGHT - PANEL) // 2)


def _rgb(path: Path, xy: tuple[int, int]) -> tuple[int, int, int]:
    with Image.open(path) as image:
        return image.convert("RGB").getpixel(xy)


def _near(colour: tuple[int, int, int], hex_colour: str, tolerance: int = 8) -> bool:
    return all(
        abs(a - b) <= tolerance for a, b in zip(colour, ImageColor.getrgb(hex_colour), strict=True)
    )


def _reddish(colour: tuple[int, int, int]) -> bool:
    """The highlight, pure or blended over land or sea: red well above green and blue."""
    r, g, b = colour
    return r > g + 25 and r > b + 25


def _png_chunks(path: Path) -> list[str]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, offset = [], 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        chunks.append(data[offset + 4 : offset + 8].decode("ascii"))
        offset += 12 + length
    return chunks


def test_writes_a_png_of_the_requested_size(tmp_path: Path) -> None:
    out = tmp_path / "embed" / "flood.png"  # the folder is created
    render_event_image(FLOOD, Point(-51.23, -30.03), out)
    with Image.open(out) as image:
        assert image.format == "PNG"
        assert image.size == (WIDTH, HEIGHT)
    small = tmp_path / "small.png"
    render_event_image(FLOOD, Point(-51.23, -30.03), small, width=600, height=315)
    with Image.open(small) as image:
        assert image.size == (600, 315)


def test_a_point_event_is_a_dot_at_the_centre_of_the_map(tmp_path: Path) -> None:
    out = tmp_path / "flood.png"
    render_event_image(FLOOD, Point(-51.23, -30.03), out)
    assert _near(_rgb(out, MAP_CENTRE), HIGHLIGHT_COLOUR)
    # Porto Alegre lies between the Lagoa dos Patos coast and the interior: land to the west,
    # the Atlantic to the east
    x, y = MAP_CENTRE
    assert _near(_rgb(out, (x - 200, y)), LAND_COLOUR)
    assert _near(_rgb(out, (x + 350, y + 80)), SEA_COLOUR)


def test_an_area_is_highlighted_where_it_is(tmp_path: Path) -> None:
    out = tmp_path / "sahel.png"
    area = box(-5.0, 12.0, 15.0, 18.0)
    render_event_image(DROUGHT, area, out)
    assert _reddish(_rgb(out, MAP_CENTRE))
    # the area takes about half the frame: well outside it the map is plain land
    assert _near(_rgb(out, (40, 40)), LAND_COLOUR)
    assert not _reddish(_rgb(out, (WIDTH - 40, 40)))


def test_an_area_with_a_hole_leaves_the_hole_clear(tmp_path: Path) -> None:
    ring = Polygon(box(20, -5, 40, 15).exterior.coords, [box(27, 2, 33, 8).exterior.coords])
    out = tmp_path / "ring.png"
    render_event_image(DROUGHT, ring, out)
    assert not _reddish(_rgb(out, MAP_CENTRE))
    # the frame is about 113° wide (10.6 px per degree): 6° west of the centre is in the ring
    assert _reddish(_rgb(out, (MAP_CENTRE[0] - 64, MAP_CENTRE[1])))


def test_a_line_event_is_stroked(tmp_path: Path) -> None:
    route = LineString([(30.0, 45.0), (33.0, 45.0)])  # a line across the Black Sea
    out = tmp_path / "route.png"
    render_event_image(DROUGHT, route, out)
    assert _reddish(_rgb(out, MAP_CENTRE))


@pytest.mark.parametrize(
    "area",
    [
        MultiPolygon([box(172.0, 50.0, 180.0, 54.0), box(-180.0, 50.0, -168.0, 54.0)]),
        box(172.0, 50.0, 192.0, 54.0),  # the same area written past 180°
        # split with the hairline gap real sources leave at the line
        MultiPolygon([box(172.0, 50.0, 179.9999, 54.0), box(-180.0, 50.0, -168.0, 54.0)]),
    ],
    ids=["split-at-180", "beyond-180", "split-with-gap"],
)
def test_areas_across_the_antimeridian_are_drawn_in_one_piece(tmp_path: Path, area) -> None:
    out = tmp_path / "aleutians.png"
    render_event_image(DROUGHT, area, out)
    x, y = MAP_CENTRE
    # framed on the 20°-wide area, not on the whole world: both ends and the 180° line
    # between them are highlighted
    for dx in (-250, 0, 250):
        assert _reddish(_rgb(out, (x + dx, y))), dx
    assert not _reddish(_rgb(out, (20, y)))
    # no outline along 180° (2° west of the centre, 50-60 px): the fill runs through
    for column in range(x - 150, x + 1):
        assert not _near(_rgb(out, (column, y)), HIGHLIGHT_COLOUR, 30), column


def test_a_polar_ocean_is_drawn_in_every_copy_of_the_world_without_its_seams(
    tmp_path: Path,
) -> None:
    # an ocean round the north pole, cut at ±180° and closed along the pole: the frame spans
    # about 690° of longitude (nearly two worlds), all of them under the ocean at the top
    cap = Polygon([(-180, 70), (0, 74), (179.9999, 70), (179.9999, 90), (-180, 90)])
    out = tmp_path / "arctic.png"
    render_event_image(DROUGHT, cap, out)
    for x in range(10, WIDTH, 60):
        assert _reddish(_rgb(out, (x, 8))), x
    # neither the cut at ±180° (which sits 1/4 and 3/4 across) nor the pole (the top row) is
    # stroked: the translucent fill runs through both
    for x in (WIDTH // 4, 3 * WIDTH // 4):
        for column in range(x - 6, x + 7):
            assert not _near(_rgb(out, (column, 25)), HIGHLIGHT_COLOUR, 30), column
    for x in range(10, WIDTH, 60):
        assert not _near(_rgb(out, (x, 0)), HIGHLIGHT_COLOUR, 30), x


def test_an_area_short_of_the_dateline_keeps_its_whole_outline(tmp_path: Path) -> None:
    # edges along meridians that are no seam (170° and 179°) are stroked like any other
    out = tmp_path / "sea.png"
    render_event_image(DROUGHT, box(170.0, 50.0, 179.0, 56.0), out)
    row = [_rgb(out, (x, MAP_CENTRE[1] + 40)) for x in range(WIDTH)]  # below the name
    strokes = [x for x, colour in enumerate(row) if _near(colour, HIGHLIGHT_COLOUR, 30)]
    assert strokes and strokes[0] < MAP_CENTRE[0] - 60 and strokes[-1] > MAP_CENTRE[0] + 60


def test_the_same_input_gives_the_same_bytes_and_no_metadata(tmp_path: Path) -> None:
    first, second = tmp_path / "1.png", tmp_path / "2.png"
    render_event_image(FLOOD, box(-52, -31, -50, -29), first)
    render_event_image(FLOOD, box(-52, -31, -50, -29), second)
    assert first.read_bytes() == second.read_bytes()
    assert set(_png_chunks(first)) <= {"IHDR", "PLTE", "tRNS", "IDAT", "IEND"}


def test_parallel_rendering_gives_the_same_images(tmp_path: Path) -> None:
    jobs = [
        ({**FLOOD, "title": f"Event {i}"}, Point(-51.2 + i, -30.0), tmp_path / f"p{i}.png")
        for i in range(8)
    ]
    alts = render_event_images(jobs, processes=2)
    assert alts == [event_alt_text(event) for event, _, _ in jobs]
    parallel = [path.read_bytes() for _, _, path in jobs]
    render_event_images(jobs, processes=1)
    assert [path.read_bytes() for _, _, path in jobs] == parallel


def test_alt_text_says_what_the_image_shows() -> None:
    assert event_alt_text(FLOOD) == (
        "Map of Porto Alegre: Floods force 80,000 from their homes in Rio Grande do Sul, "
        "3–5 May 2024. Sources: Folha, Reuters +2."
    )
    assert event_alt_text({"title": "Strike"}) == "Map: Strike."
    assert event_alt_text({}) == "Map: Event."


def test_alt_text_is_one_clean_line() -> None:
    hostile = {
        "title": "Line one\nline two\x00\u202e<b>",
        "place_name": "\tGaza\r\n",
        "start": "2024-10-07",
        "end": "2024-10-13",
        "date_precision": "week",
    }
    alt = event_alt_text(hostile)
    assert alt == "Map of Gaza: Line one line two<b>, week of 7 Oct 2024."


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        (FLOOD["sources"], "Sources: Folha, Reuters +2"),
        ([{"article": "a-1", "outlet": "AP"}], "Source: AP"),
        ([{"article": "a-1"}, {"article": "a-2"}], "Sources: A 1, A 2"),
        (
            [{"article": "000_9373d973f4021972", "title": "Talks in Beijing"}],
            "Source: Talks in Beijing",
        ),
        ('[{"article": "a-1", "outlet": "BBC"}, {"outlet": "NHK"}]', "Sources: BBC, NHK"),
        ("Le Monde", "Source: Le Monde"),
        ([], ""),
        (None, ""),
        (math.nan, ""),
    ],
)
def test_source_credit(sources: Any, expected: str) -> None:
    assert source_credit(sources) == expected


def test_a_bad_date_does_not_stop_the_image(tmp_path: Path) -> None:
    event = {**FLOOD, "start": "someday", "end": None, "date_precision": "fortnight"}
    alt = render_event_image(event, Point(-51.23, -30.03), tmp_path / "x.png")
    assert "someday" in alt


@pytest.mark.parametrize(
    ("geometry", "message"),
    [
        (Point(), "evt-flood-porto-alegre: needs a non-empty"),
        (None, "needs a non-empty shapely geometry"),
        (Point(10.0, 95.0), "latitudes outside"),
        (Point(math.inf, 0.0), "non-finite"),
    ],
)
def test_unusable_geometry_is_a_site_error(tmp_path: Path, geometry: Any, message: str) -> None:
    with pytest.raises(SiteError, match=message):
        render_event_image(FLOOD, geometry, tmp_path / "x.png")


def test_too_small_an_image_is_a_site_error(tmp_path: Path) -> None:
    with pytest.raises(SiteError, match="too small"):
        render_event_image(FLOOD, Point(0, 0), tmp_path / "x.png", width=100, height=50)


def test_an_unwritable_path_is_a_site_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(SiteError, match="cannot write the image"):
        render_event_image(FLOOD, Point(0, 0), blocker / "x.png")


def test_missing_values_from_a_dataframe_row_are_left_out() -> None:
    pd = pytest.importorskip("pandas")
    row = {
        "title": "Port strike",
        "place_name": math.nan,
        "start": pd.Timestamp("2024-03-04"),
        "end": pd.NaT,
        "date_precision": None,
        "sources": math.nan,
    }
    assert event_alt_text(row) == "Map: Port strike, 4 Mar 2024."
    assert event_alt_text({**row, "start": pd.NaT}) == "Map: Port strike."


def test_remembered_mercator_ordinates_are_numpys() -> None:
    from layers.mercator import merc_y, merc_y_of

    for lat in (0.0, -0.0, 12.345678, -33.9, 85.0511287798, 89.9, -90.0, 61.2181):
        assert merc_y_of(lat) == float(merc_y(lat))
        assert merc_y_of(lat) == float(merc_y(lat))  # remembered


def test_the_prepared_base_map_holds_every_ring_with_its_box() -> None:
    """The base map read in a few array calls: each land polygon's outline and lakes (by
    nesting depth), its coasts and the borders, with boxes that bound them."""
    import numpy as np

    from layers.basemap import border_geometry, land_geometry
    from layers.imagebasemap import basemap_layers

    layers = basemap_layers()
    polygons = list(land_geometry().geoms)
    outlines = sum(len(exteriors.runs) for exteriors, _ in layers.fills)
    lakes = sum(len(interiors.runs) for _, interiors in layers.fills)
    assert outlines == len(polygons)
    assert lakes == sum(len(p.interiors) for p in polygons)
    assert len(layers.fills) >= 2  # an island in a lake is drawn after the lake
    assert len(layers.borders.runs) == len(border_geometry().geoms)
    for lines in (layers.coasts, layers.borders, *(f for pair in layers.fills for f in pair)):
        for (start, end), box_ in zip(lines.runs, lines.boxes, strict=True):
            part = lines.xy[start:end]
            assert box_.tolist() == [*part.min(axis=0), *part.max(axis=0)]
    first = np.asarray(polygons[0].exterior.coords)
    exteriors = [e for e, _ in layers.fills]
    assert any(
        np.array_equal(e.xy[a:b, 0], first[:, 0]) for e in exteriors for a, b in e.runs.tolist()
    )
