"""The quick coast answer (gazetteer.coasttest) on invented land: open sea is found only
where no land part lies within a candidate's clearance, whichever part covers it."""

from __future__ import annotations

from shapely.geometry import box

from gazetteer.coasttest import sure_coast, sure_land_around, sure_sea_near
from gazetteer.frames import LocalFrame
from gazetteer.seabands import LandIndex

ISLAND = box(10.0, 10.0, 10.1, 10.1).segmentize(0.01)  # vertices along each side


def _strips(gap: float, width: float = 0.045) -> list:
    """Four land strips around ISLAND, ``gap`` degrees off its sides, overlapping at the
    corners: together they cover every side, each alone only one."""
    lo, hi = 10.0 - gap, 10.1 + gap
    return [
        box(lo - width, lo - width, hi + width, lo),
        box(lo - width, hi, hi + width, hi + width),
        box(lo - width, lo - width, lo, hi + width),
        box(hi, lo - width, hi + width, hi + width),
    ]


def _quick(land: list) -> bool | None:
    return sure_coast(ISLAND, LocalFrame.around(ISLAND), LandIndex([ISLAND, *land]))


def test_an_island_with_open_sea_around_it_surely_has_a_coast() -> None:
    assert _quick([box(20.0, 20.0, 21.0, 21.0)]) is True


def test_land_close_on_every_side_leaves_no_sure_coast() -> None:
    # each strip alone leaves the other sides open; together they close every candidate
    assert _quick(_strips(0.005)) is None
    for k in range(4):
        assert _quick(_strips(0.005)[:k] + _strips(0.005)[k + 1 :]) is True


def test_land_beyond_the_clearance_leaves_the_sea_open() -> None:
    assert _quick(_strips(0.3)) is True


def test_an_island_in_a_lake_has_surely_no_coast() -> None:
    assert _quick([box(9.0, 9.0, 11.0, 11.0)]) is False


def _point_answers(land: list, lon: float, lat: float, km: float = 50.0) -> tuple[bool, bool]:
    index = LandIndex(land)
    return sure_land_around(lon, lat, km, index), sure_sea_near(lon, lat, km, index)


def test_a_point_deep_inland_surely_has_no_sea_near() -> None:
    assert _point_answers([box(0.0, 0.0, 10.0, 10.0)], 5.0, 5.0) == (True, False)


def test_a_point_on_a_small_island_surely_has_sea_near() -> None:
    assert _point_answers([box(4.99, 4.99, 5.01, 5.01)], 5.0, 5.0) == (False, True)


def test_a_point_near_the_shore_is_not_surely_inland() -> None:
    # 0.3 degrees (about 33 km) from the sea: the 50 km disc reaches it
    land = [box(0.0, 0.0, 5.3, 10.0)]
    assert _point_answers(land, 5.0, 5.0)[0] is False
    assert _point_answers(land, 5.0, 5.0, km=20.0)[0] is True


def test_a_lake_inside_the_disc_leaves_the_point_unsure_of_land() -> None:
    land = [box(0.0, 0.0, 10.0, 10.0).difference(box(5.1, 5.1, 5.2, 5.2))]
    assert _point_answers(land, 5.0, 5.0)[0] is False


def test_points_near_the_antimeridian_or_a_pole_get_no_sure_answer() -> None:
    assert _point_answers([box(170.0, 0.0, 180.0, 10.0)], 179.8, 5.0) == (False, False)
    assert _point_answers([box(0.0, 80.0, 10.0, 90.0)], 5.0, 88.9) == (False, False)
