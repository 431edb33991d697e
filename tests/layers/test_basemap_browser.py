"""The base map drawn by real Chromium, from file://, with the network cut."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageColor

from layers.basemap import BASEMAP_ASSETS, LAND_COLOUR, SEA_COLOUR, assets_dir

pytestmark = pytest.mark.browser

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self';
      style-src 'self' 'unsafe-inline'; img-src 'self' data:">
<link rel="stylesheet" href="leaflet.css">
<style>html, body, #map { margin: 0; height: 100%; }</style>
</head><body><div id="map"></div>
<script src="leaflet.js"></script>
<script src="basemap.js"></script>
<script src="basemap-layer.js"></script>
<script src="main.js"></script>
</body></html>
"""

MAIN = """
window.map = L.map("map", {zoomAnimation: false, fadeAnimation: false}).setView([20, 0], 2);
window.base = GeoBasemap.addTo(map);
map.attributionControl.addAttribution(GeoBasemap.attribution);
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from xstatic.pkg import leaflet

    root = tmp_path_factory.mktemp("basemap-page")
    for name in ("leaflet.js", "leaflet.css"):
        shutil.copy(Path(leaflet.BASE_DIR) / name, root / name)
    for name in BASEMAP_ASSETS:
        shutil.copy(assets_dir() / name, root / Path(name).name)
    (root / "index.html").write_text(PAGE, encoding="utf-8")
    (root / "main.js").write_text(MAIN, encoding="utf-8")
    return root


@pytest.fixture
def page(browser: Any, site: Path) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 800, "height": 500}, offline=True)
    page = context.new_page()
    problems: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto((site / "index.html").as_uri())
    page.wait_for_function("window.base !== undefined")
    page.problems, page.requests = problems, requests
    yield page
    context.close()


def _pixel(page: Any, x: int, y: int) -> tuple[int, int, int]:
    shot = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    return shot.getpixel((x, y))


def _near(colour: tuple[int, int, int], hex_colour: str, tolerance: int = 6) -> bool:
    expected = ImageColor.getrgb(hex_colour)
    return all(abs(a - b) <= tolerance for a, b in zip(colour, expected, strict=True))


def _point(page: Any, lat: float, lon: float) -> tuple[int, int]:
    xy = page.evaluate(
        f"(() => {{ const p = map.latLngToContainerPoint([{lat}, {lon}]); "
        "return [Math.round(p.x), Math.round(p.y)]; })()"
    )
    return xy[0], xy[1]


def test_draws_land_and_sea_with_no_errors_and_no_outside_requests(page: Any) -> None:
    assert page.problems == []
    assert all(url.startswith("file://") for url in page.requests), page.requests
    assert page.evaluate("document.querySelectorAll('canvas.geo-basemap').length") == 1
    assert _near(_pixel(page, *_point(page, 15.0, 20.0)), LAND_COLOUR)  # Chad
    assert _near(_pixel(page, *_point(page, 25.0, -40.0)), SEA_COLOUR)  # Atlantic
    assert "Made with Natural Earth" in page.inner_text(".leaflet-control-attribution")


def test_redraws_after_zoom_and_pan(page: Any) -> None:
    page.evaluate("map.setView([46.5, 8.0], 6)")  # the Alps
    assert _near(_pixel(page, *_point(page, 46.8, 8.2)), LAND_COLOUR)  # Switzerland
    page.evaluate("map.panTo([41.5, 6.0], {animate: false})")
    assert _near(_pixel(page, *_point(page, 41.5, 6.0)), SEA_COLOUR)  # off Sardinia
    assert _near(_pixel(page, *_point(page, 43.6, 3.9)), LAND_COLOUR)  # Montpellier
    assert page.problems == []


def test_world_copies_put_land_beyond_the_antimeridian(page: Any) -> None:
    """Areas drawn east of 180° (the Aleutians as 185°) sit on land drawn there too."""
    page.evaluate("map.setView([64, 210], 4)")  # Alaska's interior, seen as 210° east
    assert _near(_pixel(page, *_point(page, 64.8, 212.3)), LAND_COLOUR)  # Fairbanks + 360°
    assert _near(_pixel(page, *_point(page, 57.0, 190.0)), SEA_COLOUR)  # Bering Sea


def test_removing_the_layer_restores_the_map_background(page: Any) -> None:
    sea = page.evaluate("getComputedStyle(map.getContainer()).backgroundColor")
    assert sea == "rgb({}, {}, {})".format(*ImageColor.getrgb(SEA_COLOUR))
    page.evaluate("map.removeLayer(base)")
    assert page.evaluate("document.querySelectorAll('canvas.geo-basemap').length") == 0
    assert page.evaluate("map.getContainer().style.backgroundColor") == ""
    page.evaluate("base.addTo(map)")
    assert _near(_pixel(page, *_point(page, 15.0, 20.0)), LAND_COLOUR)
    assert page.problems == []


def test_clicks_reach_the_map_through_the_base_map(page: Any) -> None:
    page.evaluate("window.clicked = null; map.on('click', e => { window.clicked = e.latlng; })")
    x, y = _point(page, 15.0, 20.0)
    page.mouse.click(x, y)
    assert page.evaluate("window.clicked !== null")
