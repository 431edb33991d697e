"""Geometry for drawing: the antimeridian shift, the [lat, lon] flip, thinning."""

from __future__ import annotations

import itertools

import pytest
import shapely
from shapely.geometry import (
    GeometryCollection,
    LineString,
    MultiPoint,
    MultiPolygon,
    Point,
    Polygon,
    box,
)

from layers import SiteError, leaflet_coords, unwrap_antimeridian
from layers.geometry import display_geometry, latlng


def test_latlng_puts_latitude_first_and_rounds() -> None:
    # Nairobi: lon 36.8172, lat -1.2864
    assert latlng(36.817234567, -1.286412345) == [-1.28641, 36.81723]


def test_point_is_flipped_for_leaflet() -> None:
    assert leaflet_coords(Point(-68.15, -16.5)) == {"t": "pt", "c": [-16.5, -68.15]}


def test_polygon_rings_are_flipped_and_left_open() -> None:
    square = Polygon(
        [(10, 50), (11, 50), (11, 51), (10, 51)], holes=[[(10.2, 50.2), (10.4, 50.2), (10.4, 50.4)]]
    )
    out = leaflet_coords(square)
    assert out["t"] == "pg"
    outer, hole = out["c"][0]
    assert outer == [[50, 10], [50, 11], [51, 11], [51, 10]]  # closing vertex dropped
    assert hole == [[50.2, 10.2], [50.2, 10.4], [50.4, 10.4]]


def test_lines_and_multipoints() -> None:
    assert leaflet_coords(LineString([(1, 2), (3, 4)])) == {"t": "ln", "c": [[[2, 1], [4, 3]]]}
    assert leaflet_coords(MultiPoint([(1, 2), (3, 4)])) == {"t": "pts", "c": [[2, 1], [4, 3]]}


def test_collection_draws_its_areas() -> None:
    mixed = GeometryCollection([Point(0, 0), box(1, 1, 2, 2)])
    assert leaflet_coords(mixed)["t"] == "pg"


def test_empty_geometry_is_refused() -> None:
    with pytest.raises(SiteError, match="empty"):
        leaflet_coords(Polygon())


def test_split_area_becomes_contiguous_across_the_dateline() -> None:
    # The Bering Sea, split at ±180 as RFC 7946 wants it.
    split = MultiPolygon([box(172, 50, 180, 55), box(-180, 50, -165, 55)])
    drawn = unwrap_antimeridian(split)
    minx, _, maxx, _ = drawn.bounds
    assert (minx, maxx) == (172, 195)
    assert isinstance(drawn, Polygon)  # the seam along the dateline is gone
    assert drawn.area == pytest.approx(split.area)


def test_split_multipoint_and_lines_are_shifted_too() -> None:
    points = MultiPoint([(179.5, -17), (-179.5, -16)])
    assert unwrap_antimeridian(points).bounds[2] == pytest.approx(180.5)
    lines = GeometryCollection(
        [LineString([(175, 0), (180, 1)]), LineString([(-180, 1), (-175, 2)])]
    )
    assert unwrap_antimeridian(lines).bounds == pytest.approx((175, 0, 185, 2))


def test_geometries_that_do_not_cross_are_unchanged() -> None:
    # Two areas on either side of Greenwich: shifting would make them wider, not narrower.
    europe = MultiPolygon([box(-10, 40, -1, 50), box(1, 40, 20, 50)])
    assert unwrap_antimeridian(europe).equals(europe)
    # Chile and New Zealand are not one thing cut at the dateline: they stay where they are.
    pacific = MultiPolygon([box(-75, -50, -70, -20), box(166, -47, 178, -34)])
    assert unwrap_antimeridian(pacific).equals(pacific)
    # Russia, cut at the dateline, is joined up again.
    russia = MultiPolygon([box(19, 41, 180, 77), box(-180, 64, -169, 70)])
    assert unwrap_antimeridian(russia).bounds == pytest.approx((19, 41, 191, 77))
    # Sources that clip at 179.9999 instead of 180 are cut at the dateline all the same.
    clipped = MultiPolygon([box(128, 0, 179.9999, 56), box(-180, 0, -77, 58)])
    joined = unwrap_antimeridian(clipped)
    assert joined.bounds == pytest.approx((128, 0, 283, 58))
    assert isinstance(joined, Polygon)  # no sliver left along the dateline
    single = box(170, 0, 179, 5)
    assert unwrap_antimeridian(single) is single


def test_display_geometry_thins_long_outlines_but_keeps_points() -> None:
    import math

    circle = Polygon(
        [
            (math.cos(a / 1000 * 2 * math.pi) * 5, math.sin(a / 1000 * 2 * math.pi) * 5)
            for a in range(1000)
        ]
    )
    thinned, digits = display_geometry(circle)
    assert len(thinned.exterior.coords) < 200
    assert thinned.area == pytest.approx(circle.area, rel=0.01)
    assert digits == 3  # a 10-degree shape needs no metre precision
    point = Point(1, 2)
    assert display_geometry(point) == (point, 5)


def test_display_geometry_caps_vertices_and_drops_specks() -> None:
    import math

    # a continent-sized ragged outline with thousands of vertices and a cloud of islets
    ragged = Polygon(
        [
            (
                60 * math.cos(a / 5000 * 2 * math.pi) * (1 + 0.05 * (a % 7)),
                30 * math.sin(a / 5000 * 2 * math.pi) * (1 + 0.05 * (a % 5)),
            )
            for a in range(5000)
        ]
    )
    islets = [box(100 + i * 0.3, 40, 100.01 + i * 0.3, 40.01) for i in range(50)]
    shown, digits = display_geometry(MultiPolygon([ragged, *islets]), max_vertices=400)
    assert shapely.get_num_coordinates(shown) <= 400
    assert isinstance(shown, Polygon)  # the islets are specks at this scale
    assert shown.area == pytest.approx(ragged.area, rel=0.1)
    assert digits == 2
    # a small derived area keeps its detail
    small = Point(121, 24).buffer(0.5, 64)
    kept, small_digits = display_geometry(small)
    assert shapely.get_num_coordinates(kept) > 24 and small_digits == 4


def test_tiny_area_collapsing_after_rounding_becomes_a_point() -> None:
    speck = box(10, 10, 10.000001, 10.000001)
    assert leaflet_coords(speck)["t"] == "pt"


def test_thinning_is_remembered_exactly_and_the_memory_is_bounded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import layers.geometry as geometry

    monkeypatch.setattr(geometry, "THINNED_MEMORY", 2)
    monkeypatch.setattr(geometry, "_thinned", {})
    circles = [Point(10 + i, 5).buffer(3, quad_segs=400) for i in range(4)]
    for circle in [*circles, circles[0]]:
        shown, digits = geometry.thinned(circle, max_vertices=50)
        assert (shown, digits) == geometry._thin(circle, 50)
        assert shapely.get_num_coordinates(shown) <= 50
        assert len(geometry._thinned) <= 2
    # another vertex limit is another shape, not the remembered one
    assert shapely.get_num_coordinates(geometry.thinned(circles[0], max_vertices=20)[0]) <= 20


def _sea_with_islets(islets: int) -> Polygon:
    """A 60 x 20 degree sea with ``islets`` holes of 0.01 x 0.01 degrees and one big island."""
    holes = [
        box(i % 50 + 5.0, i // 50 * 3 + 2.0, i % 50 + 5.01, i // 50 * 3 + 2.01)
        for i in range(islets)
    ]
    island = box(20, 14, 30, 18)
    return Polygon(box(0, 0, 60, 20).exterior, [h.exterior for h in [*holes, island]])


def test_a_shape_with_more_rings_than_the_budget_loses_its_speck_holes_not_its_outline() -> None:
    import layers.geometry as geometry

    # 200 islets: 201 holes of 4 vertices at least could never fit in 400 vertices, and the
    # tolerance used to grow 176-fold in vain (an outline drawn as a rough zigzag)
    sea = _sea_with_islets(200)
    shown, digits = geometry._thin(sea, 400)
    assert shapely.get_num_coordinates(shown) <= 400
    assert len(shown.interiors) == 1  # the big island stays, the islets (under 3 x 3 px) go
    assert shown.interiors[0].envelope.equals(box(20, 14, 30, 18))
    assert digits == geometry.display_digits(geometry.display_tolerance(sea))  # first round


def test_a_shape_within_the_ring_budget_keeps_its_small_holes() -> None:
    import layers.geometry as geometry

    sea = _sea_with_islets(20)  # 21 holes: within the budget, thinned as before
    shown, _ = geometry._thin(sea, 400)
    assert len(shown.interiors) == 21
    assert not geometry._drop_specks(sea, 1.0).equals(geometry._drop_specks(sea, 1.0, holes=True))


def _along_a_seam(line: list[list[float]]) -> bool:
    """Whether a stroked line has an edge along ±180° or along a pole ([lat, lon] rows)."""
    return any(
        (abs(abs(a[1]) - 180) < 1e-3 and a[1] == b[1]) or (abs(a[0]) > 89.9 and abs(b[0]) > 89.9)
        for a, b in itertools.pairwise(line)
    )


def test_a_polar_ocean_is_outlined_by_its_coasts_and_drawn_round_the_world() -> None:
    # an ocean round the pole, as sources store it: cut at ±180° (one side at 179.9999°) and
    # closed along the pole, its southern edge a coast
    coast = [(-180, 72), (-120, 70), (-60, 78), (0, 80), (60, 74), (120, 72), (179.9999, 71)]
    cap = Polygon([*coast, (179.9999, 90), (-180, 90)])
    drawn = leaflet_coords(cap)
    assert drawn["t"] == "pg" and drawn["w"] == 1
    assert drawn["o"] and not any(_along_a_seam(line) for line in drawn["o"])
    # the coast is all there, from one end of the world to the other
    stroked = {tuple(p) for line in drawn["o"] for p in line}
    assert {(lat, lon) for lon, lat in coast} <= stroked


def test_an_area_cut_at_the_dateline_is_not_stroked_along_the_cut() -> None:
    east_of_japan = box(160, 30, 180, 45)
    drawn = leaflet_coords(east_of_japan)
    assert "w" not in drawn
    assert drawn["o"] and not any(_along_a_seam(line) for line in drawn["o"])
    assert sum(len(line) for line in drawn["o"]) == 4  # three real edges, one line


def test_areas_with_no_seam_are_outlined_by_their_rings() -> None:
    # meridians and parallels that are real edges, near the dateline and the pole but not on
    # them: nothing to leave out, nothing to copy round the world
    for area in (box(170, 60, 179, 89), box(-179.5, -89.5, -170, -80), box(-10, 40, 20, 50)):
        drawn = leaflet_coords(area)
        assert "o" not in drawn and "w" not in drawn, area.bounds
