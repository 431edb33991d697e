"""Place names on the base map: the committed data, its recipe, and where names go."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from layers import SiteError
from layers.labels import (
    KINDS,
    LABEL_ASSETS,
    MapLabel,
    build_labels,
    load_labels,
    main,
    place_labels,
)
from tests.layers.test_basemap import _natural_earth

ASSETS = Path(__file__).resolve().parents[2] / "layers" / "assets"


def test_committed_names_cover_oceans_seas_countries_and_cities() -> None:
    labels = load_labels()
    by_kind = {kind: {lb.name for lb in labels if lb.kind == kind} for kind in KINDS}
    assert {"North Pacific Ocean", "Indian Ocean", "Arctic Ocean"} <= by_kind["ocean"]
    assert {"Black Sea", "Sea of Japan", "Caribbean Sea", "Gulf of Alaska"} <= by_kind["sea"]
    assert {"China", "Russia", "United States", "Sudan", "Mozambique"} <= by_kind["country"]
    assert {"Beijing", "Moscow", "Maputo", "Khartoum"} <= by_kind["capital"]
    assert {"Kazan", "Shanghai", "El Fasher"} & by_kind["city"]
    for label in labels:  # Natural Earth's capitals and double spaces are tidied
        assert label.name == " ".join(label.name.split()) and not label.name.isupper()
        assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in label.anchors)
    zooms = [lb.min_zoom for lb in labels]
    assert zooms == sorted(zooms)  # the placing order: the most important first


def test_large_areas_have_anchors_across_them() -> None:
    russia = next(lb for lb in load_labels() if lb.name == "Russia")
    longitudes = [lon for lon, _ in russia.anchors]
    assert len(russia.anchors) > 20 and min(longitudes) < 45 and max(longitudes) > 150


def test_a_malformed_asset_is_a_site_error(tmp_path: Path) -> None:
    bad = tmp_path / "labels.js"
    bad.write_text('window.GEO_LABELS = {"labels": 3};\n', encoding="utf-8")
    with pytest.raises(SiteError, match="rebuild"):
        load_labels(bad)
    with pytest.raises(SiteError, match="cannot read"):
        load_labels(tmp_path / "missing.js")


def _mercator(width: float, height: float, zoom: float, centre: tuple[float, float]):
    import math

    world = 256 * 2**zoom

    def project(lon: float, lat: float) -> tuple[float, float]:
        y = math.log(math.tan(math.pi / 4 + math.radians(max(min(lat, 85), -85)) / 2))
        return world * (0.5 + lon / 360), world * (0.5 - y / (2 * math.pi))

    cx, cy = project(*centre)

    def to_pixel(lon: float, lat: float) -> tuple[float, float]:
        x, y = project(lon, lat)
        x -= round((x - cx) / world) * world
        return x - cx + width / 2, y - cy + height / 2

    return to_pixel


def _measure(name: str, kind: str) -> tuple[float, float]:
    return 7.0 * len(name), 15.0


def _placed(zoom: float, centre: tuple[float, float], events=()) -> list:
    return place_labels(
        [*events, *load_labels()],
        zoom=zoom,
        width=1000,
        height=600,
        to_pixel=_mercator(1000, 600, zoom, centre),
        measure=_measure,
    )


@pytest.mark.parametrize(
    ("zoom", "centre"), [(1, (0, 20)), (3, (30, 10)), (5, (25, 14)), (8, (116.4, 39.9))]
)
def test_names_never_overlap_and_stay_in_view(zoom: float, centre: tuple[float, float]) -> None:
    placed = _placed(zoom, centre)
    assert placed
    for k, a in enumerate(placed):
        assert a.box[0] >= 0 and a.box[2] <= 1000 and a.box[1] >= 0 and a.box[3] <= 600
        for b in placed[k + 1 :]:
            assert (
                a.box[2] + 3 <= b.box[0] - 3
                or b.box[2] + 3 <= a.box[0] - 3
                or a.box[3] + 3 <= b.box[1] - 3
                or b.box[3] + 3 <= a.box[1] - 3
            ), (a.name, b.name)


def test_zoom_decides_which_names_show() -> None:
    world = {p.name: p.kind for p in _placed(1.5, (0, 20))}
    assert "Pacific" in " ".join(world) and "Kazan" not in world
    assert "city" not in set(world.values()) - {"capital"} or len(world) < 40
    region = {p.name for p in _placed(5, (35, 50))}  # the Black Sea and around
    assert {"Ukraine", "Black Sea", "Kiev"} <= region
    assert {p.min_zoom for p in load_labels() if p.name in region} <= {
        z for z in (p.min_zoom for p in load_labels()) if z <= 5
    }


def test_event_places_come_first_and_once() -> None:
    events = [
        MapLabel("event", "El Fasher", 0, ((25.35, 13.63),)),
        MapLabel("event", "Khartoum", 0, ((32.53, 15.59),)),
    ]
    placed = _placed(4, (28, 15), events)  # El Fasher alone would not show at zoom 4
    assert [p.name for p in placed[:2]] == ["El Fasher", "Khartoum"]
    assert [p.name for p in placed].count("Khartoum") == 1  # not again as a capital


def test_random_views_never_overlap() -> None:
    rng = random.Random(12)
    for _ in range(20):
        zoom = rng.uniform(1, 8)
        placed = _placed(zoom, (rng.uniform(-180, 180), rng.uniform(-60, 70)))
        boxes = [p.box for p in placed]
        for k, a in enumerate(boxes):
            for b in boxes[k + 1 :]:
                assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]


@pytest.mark.slow
def test_rebuilding_from_natural_earth_reproduces_the_committed_asset(tmp_path: Path) -> None:
    source = _natural_earth()
    if source is None:
        pytest.skip("Natural Earth GeoJSON (../shared/naturalearth) not found")
    out = tmp_path / "labels.js"
    assert main(["--natural-earth", str(source), "--out", str(out)]) == 0
    assert out.read_bytes() == (ASSETS / LABEL_ASSETS[0]).read_bytes()
    assert build_labels(source)["meta"]["max_zoom"] == 8
