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
