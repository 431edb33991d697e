"""Which places' boxes meet a geometry: compared in arrays for a batch's first queries, then
in an STRtree; both give the same places (gazetteer/spatial.py)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from shapely.geometry import LineString, Point, box

import gazetteer.spatial as spatial
from gazetteer import Gazetteer

DATA = Path(__file__).parents[1] / "data"


@pytest.fixture(scope="module")
def with_user_places() -> Gazetteer:
    return Gazetteer.default().with_places(DATA / "user_places.yaml")


def _queries() -> list:
    rng = random.Random(7)
    out: list = [Point(151.0, 11.0), LineString([(-10, 40), (5, 52)]), box(170, -20, 180, -10)]
    for _ in range(300):
        x, y = rng.uniform(-180, 175), rng.uniform(-90, 85)
        w = rng.choice([0.0, 0.01, 0.5, 4.0, 30.0])
        out.append(box(x, y, x + w, y + w / 2) if w else Point(x, y))
    return out


def test_the_arrays_find_what_the_tree_finds(with_user_places, monkeypatch) -> None:
    monkeypatch.setattr(spatial, "ARRAY_QUERIES", 10**9)
    gaz = with_user_places
    tree = gaz._build_tree()
    for query in _queries():
        assert sorted(gaz._boxes_meeting(query)) == sorted(tree.query(query).tolist())
    assert gaz._tree is None  # every query was answered by the arrays


def test_the_tree_answers_after_the_array_queries(monkeypatch) -> None:
    monkeypatch.setattr(spatial, "ARRAY_QUERIES", 0)
    gaz = Gazetteer.default().with_places(DATA / "user_places.yaml")
    hits = gaz.intersecting(Point(151.0, 11.0), kinds={"region"})
    assert [p.id for p in hits] == ["user:exercise-box-7"]
    assert gaz._tree is not None
