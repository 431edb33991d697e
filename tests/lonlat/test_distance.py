"""One great-circle distance and one Earth radius for the whole code base."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lonlat import EARTH_KM, km, within_km

ROOT = Path(__file__).resolve().parents[2]


def test_km_on_known_arcs() -> None:
    assert km(0.0, 0.0, 0.0, 1.0) == pytest.approx(111.195, abs=1e-3)  # one degree of meridian
    assert km(10.0, 50.0, 10.0, 50.0) == 0.0
    assert km(179.5, 0.0, -179.5, 0.0) == pytest.approx(111.195, abs=1e-3)  # across 180°
    assert km(0.0, 90.0, 123.0, 90.0) == pytest.approx(0.0, abs=1e-6)


def test_within_km_agrees_with_km() -> None:
    pairs = [(0, 0, 3, 4), (170, -40, -170, -45), (10, 80, 190, 80), (5, 5, 5, 8)]
    for lon1, lat1, lon2, lat2 in pairs:
        d = km(lon1, lat1, lon2, lat2)
        assert within_km(lon1, lat1, lon2, lat2, d + 1e-6)
        assert not within_km(lon1, lat1, lon2, lat2, d - 1e-3)


def test_no_other_module_has_its_own_earth_radius() -> None:
    # a second haversine or a second radius (6371.0 beside 6371.0088) is how distances
    # drifted apart before; lonlat.distance is the one place
    pattern = re.compile(r"\b637[18]\d*(\.\d+)?\b")
    offenders = []
    for package in ("geo", "gazetteer", "layers", "benchmarks", "lonlat", "inputsafe"):
        for path in sorted((ROOT / package).rglob("*.py")):
            if path == ROOT / "lonlat" / "distance.py":
                continue
            if pattern.search(path.read_text(encoding="utf-8")):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
    assert round(EARTH_KM, 4) == 6371.0088
