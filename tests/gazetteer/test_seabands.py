"""The geometry shortcuts of gazetteer.seabands give the same areas as the slow way."""

from __future__ import annotations

import shapely
from shapely.geometry import MultiPolygon, Point, box

from gazetteer.frames import LocalFrame
from gazetteer.seabands import (
    LandIndex,
    assemble,
    buffer_parts,
    coastline,
    connected_to,
    region_windows,
    union_of,
    within_reach,
)


def test_buffer_parts_equals_buffering_the_whole() -> None:
    islands = MultiPolygon([box(0, 0, 10, 10), box(30, 0, 40, 10), box(12, 0, 20, 5)])
    # a dilation, and an opening (erode then dilate: what the code uses ``then`` for)
    for distance, then in [(5.0, None), (-2.0, 2.0)]:
        whole = islands.buffer(distance, quad_segs=4)
        if then is not None:
            whole = whole.buffer(then, quad_segs=4)
        parts = buffer_parts(islands, distance, quad_segs=4, then=then)
        assert parts.is_valid
        assert parts.symmetric_difference(whole).area < 1e-6 * whole.area


def test_buffer_parts_drops_parts_eroded_away() -> None:
    shapes = MultiPolygon([box(0, 0, 10, 10), box(20, 0, 20.5, 0.5)])
    opened = buffer_parts(shapes, -1.0, then=1.0)
    expected = box(0, 0, 10, 10).buffer(-1.0, quad_segs=8).buffer(1.0, quad_segs=8)
    assert opened.symmetric_difference(expected).area < 1e-9
    assert buffer_parts(box(0, 0, 1, 1), -1.0).is_empty


def test_within_reach_keeps_land_near_the_base_and_drops_land_far_away() -> None:
    base = Point(10.0, 60.0).buffer(0.5)
    frame = LocalFrame.around(base)
    base_xy = frame.forward(base)
    near = box(11.0, 60.0, 12.0, 61.0)  # ~60 km away
    edge = box(16.0, 59.0, 17.0, 60.0)  # ~330 km away: inside 2 × 100 km + margin
    far = box(60.0, 60.0, 61.0, 61.0)  # ~2,600 km away
    kept = within_reach(frame, [near, edge, far], base_xy, 100_000.0)
    assert kept == [near, edge]
    assert within_reach(frame, [], base_xy, 100_000.0) == []


def test_connected_to_keeps_only_parts_touching_the_coast() -> None:
    coast = shapely.LineString([(0, 0), (0, 100_000)])  # metres
    touching = box(0, 0, 50_000, 50_000)
    cut_off = box(80_000, 0, 120_000, 50_000)  # 30 km from the touching part: not joined
    area = MultiPolygon([touching, cut_off])
    assert connected_to(area, coast).equals(touching)
    assert connected_to(touching, coast).equals(touching)
    assert connected_to(cut_off, coast).is_empty


def test_land_split_at_the_antimeridian_is_joined_again() -> None:
    # Chukotka, stored as two polygons meeting at 180° and -180°, and an island apart
    chukotka = [box(175.0, 64.0, 180.0, 68.0), box(-180.0, 64.0, -172.0, 67.0)]
    island = box(172.0, 62.5, 173.0, 63.0)
    land = LandIndex([*chukotka, island])
    base = box(176.0, 65.0, 179.0, 66.0)
    windows = region_windows(base, 300_000.0)
    assert {shift for _, shift in windows} == {0.0, -360.0}
    pieces = land.continuous_pieces(windows)
    joined = assemble(pieces)
    assert joined.is_valid
    assert joined.equals(union_of(pieces))
    # one polygon for Chukotka, continuous across 180° (to -172° + 360°), and the island
    assert len(shapely.get_parts(joined)) == 2
    assert joined.bounds[2] == 188.0


def test_assembled_land_is_the_union_of_its_pieces() -> None:
    land = LandIndex(MultiPolygon([box(0, 0, 2, 2), box(2, 2, 3, 3), box(5, 0, 6, 1)]))
    pieces = land.pieces([(-1.0, -1.0, 5.5, 4.0)])
    assembled = assemble(pieces)
    assert assembled.is_valid
    assert assembled.symmetric_difference(union_of(pieces)).area < 1e-12


def test_the_coast_a_band_is_drawn_from_is_the_exact_coast() -> None:
    # a peninsula (the base) on a mainland (land, which also covers the base a little
    # differently), with an inlet and an island close off its coast
    mainland = box(-200_000, -200_000, 200_000, 0)
    base = shapely.Polygon(
        [
            (-50_000, -1_000),
            (-50_000, 80_000),
            (-2_000, 80_000),
            (-2_000, 40_000),
            (2_000, 40_000),
            (2_000, 80_000),
            (50_000, 80_000),
            (50_000, -1_000),
        ]
    )  # an inlet 4 km wide, 40 km deep
    island = box(60_000, 20_000, 70_000, 30_000)  # 10 km off the east coast
    land = MultiPolygon([mainland, island])
    exact = coastline(base, land)
    drawn = coastline(base, land, drawing=True)
    assert exact.length > 0
    assert abs(drawn.length - exact.length) < 0.01 * exact.length
    assert shapely.hausdorff_distance(exact, drawn) < 500.0
    assert coastline(base, base.buffer(20_000), drawing=True).is_empty  # landlocked
