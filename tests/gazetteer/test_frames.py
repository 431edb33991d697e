"""Local frames: derived areas come back to lon/lat the same way on every path."""

from __future__ import annotations

import pytest
import shapely
from shapely.geometry import Point

import gazetteer.frames as frames
from gazetteer.frames import LocalFrame, buffer_in_frame


@pytest.mark.parametrize(
    ("lon", "lat"),
    [
        (31.24, 30.04),  # Cairo: a degree from the 30° parallel of the unprojection grid
        (-95.37, 29.76),  # Houston: its 50 km reach north crosses that parallel
        (30.32, 59.94),  # Saint Petersburg: near the 30° meridian and the 60° parallel
        (36.82, -1.29),  # Nairobi: well inside one cell
        (-176.6, 51.88),  # Adak: near the antimeridian
        (15.64, 78.22),  # Longyearbyen: far north
    ],
)
def test_a_city_area_is_the_same_with_or_without_the_single_cell_shortcut(
    lon: float, lat: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    city = Point(lon, lat)
    frame = LocalFrame.around(city)
    projected = buffer_in_frame(frame, city, 50_000.0)
    fast = frame.inverse(projected)
    monkeypatch.setattr(frames, "_single_cell", lambda *args: None)
    slow = frame.inverse(projected)
    assert fast.wkb == slow.wkb
    assert fast.contains(city)
    minx, miny, maxx, maxy = fast.bounds
    assert 0.8 < maxy - miny < 1.0  # 100 km north to south
    assert minx >= -180.0 and maxx <= 180.0


def test_frame_transformers_match_the_crs_transformation() -> None:
    from pyproj import Transformer

    frame = LocalFrame(24.1, 56.95)
    crs = "+proj=aeqd +lat_0=56.95 +lon_0=24.1 +datum=WGS84 +units=m +no_defs"
    reference = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    x, y = frame.forward_points([21.0, 24.1, 30.5], [55.0, 56.95, 60.1])
    rx, ry = reference.transform([21.0, 24.1, 30.5], [55.0, 56.95, 60.1])
    assert list(x) == list(rx) and list(y) == list(ry)
    back = frame.inverse(shapely.Point(float(x[0]), float(y[0])))
    assert back.x == pytest.approx(21.0, abs=1e-9) and back.y == pytest.approx(55.0, abs=1e-9)


def _symmetric_share(a, b) -> float:
    return a.symmetric_difference(b).area / a.area


@pytest.mark.parametrize(
    ("west", "south", "east", "north"),
    [
        (-20.0, 40.0, 40.0, 70.0),  # across cells, far from the antimeridian
        (160.0, 50.0, 200.0, 62.0),  # across the antimeridian (the Bering Sea)
        (20.0, 55.0, 195.0, 75.0),  # wider than 180 degrees of longitude, across it too
    ],
)
def test_a_large_area_is_the_same_with_or_without_the_whole_range_shortcut(
    west: float, south: float, east: float, north: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    area = shapely.segmentize(shapely.box(west, south, east, north), 0.5)
    frame = LocalFrame.around(area)
    projected = frame.forward(area)
    fast = frame.inverse(projected)
    monkeypatch.setattr(LocalFrame, "_whole_range", lambda *args: None)
    slow = frame.inverse(projected)
    assert fast.is_valid and slow.is_valid
    assert _symmetric_share(slow, fast) < 1e-6
    minx, _, maxx, _ = fast.bounds
    assert minx >= -180.0 and maxx <= 180.0
    for part in shapely.get_parts(fast):
        assert part.bounds[2] - part.bounds[0] < 360.0


def test_a_ring_round_a_pole_is_not_unprojected_in_one_piece() -> None:
    # the sea around Antarctica: a band whose rings go round the pole
    band = shapely.box(-180.0, -70.0, 180.0, -60.0)
    frame = LocalFrame(20.0, -75.0)
    projected = frame.forward(band)
    dense = shapely.segmentize(projected, frames.PROJECTED_SEGMENT_M)
    extent, lonlat = frame._extent(dense)
    assert frame._whole_range(dense, extent, lonlat) is None
    back = frame.inverse(projected)
    assert _symmetric_share(band, back) < 1e-3


def test_a_tiled_buffer_is_the_geodesic_buffer_moved_into_the_frame() -> None:
    # a coast longer than one frame holds: buffered tile by tile, each moved straight into
    # the frame, the same area as the tiles' buffers taken back to lon/lat and projected
    coast = shapely.LineString([(20.0, 70.0), (60.0, 72.0), (100.0, 76.0), (140.0, 72.0)])
    frame = LocalFrame.around(coast)
    tiled = buffer_in_frame(frame, coast, 100_000.0)
    through_lonlat = frame.forward(frames.geodesic_buffer(coast, 100_000.0))
    assert tiled.is_valid
    assert _symmetric_share(through_lonlat, tiled) < 1e-3
