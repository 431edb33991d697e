"""The geometry shortcuts of gazetteer.seabands give the same areas as the slow way."""

from __future__ import annotations

import shapely
from shapely.geometry import MultiPolygon, Point, box

from gazetteer.frames import LocalFrame
from gazetteer.seabands import buffer_parts, connected_to, within_reach


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
