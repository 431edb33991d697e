"""Geometry under the derived areas: the antimeridian convention, local frames and geodesic
buffers, compass parts. Property-based where the claim is general."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyproj import Geod
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box

from gazetteer.compass import (
    COMPASS_DETAILS,
    COMPASS_FRACTION,
    DIRECTIONS,
    compass_part,
    equal_area,
)
from gazetteer.errors import GazetteerError
from gazetteer.frames import LocalFrame, geodesic_buffer, polygons_only
from lonlat.antimeridian import (
    crosses_antimeridian,
    seam_longitude,
    shift_for_display,
    split_antimeridian,
)

GEOD = Geod(ellps="WGS84")


def assert_stored_form(geometry):
    """Valid, inside lon/lat bounds, and no part spanning -180..180 (a ring across the whole
    map) unless it is a polar cap."""
    assert geometry.is_valid, shapely.is_valid_reason(geometry)
    assert not geometry.is_empty
    minx, miny, maxx, maxy = geometry.bounds
    assert minx >= -180 and maxx <= 180 and miny >= -90 and maxy <= 90
    for part in shapely.get_parts(geometry):
        west, south, east, north = part.bounds
        spans = west == -180 and east == 180
        assert not spans or north == 90 or south == -90, part.bounds


# --- antimeridian ---------------------------------------------------------------------------


def test_split_then_shift_round_trips_a_box_across_the_date_line():
    continuous = box(170, 50, 200, 60)  # the Bering Sea area, 170°E to 160°W
    split = split_antimeridian(continuous)
    assert isinstance(split, MultiPolygon)
    assert sorted(round(p.bounds[0]) for p in split.geoms) == [-180, 170]
    assert crosses_antimeridian(split)
    assert shift_for_display(split).equals(continuous)
    assert seam_longitude(split) == pytest.approx(5.0)  # middle of the gap -160..170


def test_split_leaves_ordinary_geometries_alone():
    lebanon_ish = box(35, 33, 36.5, 34.7)
    assert split_antimeridian(lebanon_ish).equals(lebanon_ish)
    assert shift_for_display(lebanon_ish).equals(lebanon_ish)
    assert not crosses_antimeridian(lebanon_ish)
    # A polar cap covers every longitude: nothing to shift.
    cap = box(-180, 80, 180, 90)
    assert seam_longitude(cap) == 180.0
    assert shift_for_display(cap).equals(cap)


@settings(max_examples=60, deadline=None)
@given(
    west=st.floats(-400, 400),
    width=st.floats(0.5, 300),
    south=st.floats(-85, 80),
    height=st.floats(0.5, 5),
)
def test_split_keeps_area_and_bounds_for_any_longitudes(west, width, south, height):
    continuous = box(west, south, west + width, south + height)
    split = split_antimeridian(continuous)
    assert_stored_form(split)
    assert split.area == pytest.approx(continuous.area, rel=1e-9)
    # Shifting back gives the same shape up to whole turns of longitude.
    shifted = shift_for_display(split)
    turns = round((shifted.bounds[0] - west) / 360)
    back = shapely.affinity.translate(shifted, xoff=-360 * turns)
    assert back.symmetric_difference(continuous).area < 1e-6 * continuous.area


# --- frames and geodesic buffers ------------------------------------------------------------


def _distances_m(geometry, lon, lat):
    coords = shapely.get_coordinates(geometry.boundary)
    coords = coords[np.abs(coords[:, 0]) < 180]  # not the cut along the antimeridian
    n = len(coords)
    _, _, dist = GEOD.inv(np.full(n, lon), np.full(n, lat), coords[:, 0], coords[:, 1])
    return dist


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    lon=st.floats(-180, 180),
    lat=st.floats(-84, 84),
    distance_km=st.floats(5, 600),
)
def test_geodesic_buffer_of_a_point_is_a_true_circle_anywhere(lon, lat, distance_km):
    disc = geodesic_buffer(Point(lon, lat), distance_km * 1000)
    assert_stored_form(disc)
    assert disc.covers(Point(lon, lat))
    dist = _distances_m(disc, lon, lat)
    # Every vertex of the outline (except those on the cut at ±180) is at the distance.
    assert np.all(np.abs(dist / (distance_km * 1000) - 1) < 0.01)


def test_geodesic_buffer_around_a_pole_is_one_valid_cap():
    cap = geodesic_buffer(Point(10, 88.5), 300_000)
    assert_stored_form(cap)
    assert cap.covers(Point(-170, 89.99))  # across the pole
    assert cap.bounds[0] == -180 and cap.bounds[2] == 180
    assert cap.bounds[3] == 90


def test_geodesic_buffer_of_a_long_line_keeps_its_width():
    # A line 7,000 km long across Siberia and the date line: tiled frames keep the width.
    line = LineString([(60, 60), (100, 62), (140, 63), (175, 65), (190, 66)])
    band = geodesic_buffer(split_antimeridian(line), 100_000)
    assert_stored_form(band)
    assert crosses_antimeridian(band)
    for lon, lat in [(80, 61), (120, 62.5), (185, 65.667)]:
        # the band reaches about 100 km on each side of the line, never 130 km
        inside = Point(((lon + 180) % 360) - 180, lat + 0.8)  # ~90 km north
        outside = Point(((lon + 180) % 360) - 180, lat + 1.2)  # ~130 km north
        assert band.covers(inside), (lon, lat)
        assert not band.covers(outside), (lon, lat)


def test_frame_round_trip_keeps_a_sea_split_at_the_antimeridian():
    bering_like = split_antimeridian(
        Polygon([(162, 51), (180, 52), (200, 55), (195, 66), (175, 64), (162, 58)])
    )
    frame = LocalFrame.around(bering_like)
    assert frame.lon0 > 170 or frame.lon0 < -170  # centred on the date line, not on 0°
    projected = frame.forward(bering_like)
    assert projected.geom_type == "Polygon"  # the two halves meet again in the frame
    back = frame.inverse(projected)
    assert_stored_form(back)
    assert back.symmetric_difference(bering_like).area < 1e-4 * bering_like.area


# --- compass parts --------------------------------------------------------------------------


def _centroid_in(geometry, lon0):
    projected, _ = equal_area(geometry, lon0=lon0)
    return projected.centroid


@st.composite
def polygons(draw):
    """Random polygons anywhere (also across the date line and near the poles), stored in
    the project's split form."""
    lon = draw(st.floats(-180, 180))
    lat = draw(st.floats(-75, 75))
    size = draw(st.floats(0.2, 25))
    n = draw(st.integers(4, 12))
    angles = sorted(draw(st.lists(st.floats(0, 2 * np.pi), min_size=n, max_size=n, unique=True)))
    radii = draw(st.lists(st.floats(0.3, 1.0), min_size=n, max_size=n))
    points = [
        (lon + size * r * np.cos(a), max(-89.0, min(89.0, lat + size * r * np.sin(a) / 2)))
        for a, r in zip(angles, radii, strict=True)
    ]
    shape = shapely.make_valid(Polygon(points))
    shape = max(
        (p for p in shapely.get_parts(shape) if p.geom_type == "Polygon"),
        key=lambda p: p.area,
        default=Polygon(),
    )
    if shape.is_empty or shape.area < 1e-3:
        shape = box(lon - size / 2, lat - size / 4, lon + size / 2, lat + size / 4)
    return split_antimeridian(shape)


def within(part, base) -> bool:
    """``part`` lies in ``base`` up to float noise, measured with a snap-rounded overlay."""
    with np.errstate(divide="ignore", invalid="ignore"):  # denormal coordinates
        outside = shapely.difference(part, base, grid_size=1e-9)
    return outside.area <= 1e-6 * base.area + 1e-9


def _along(geometry, detail, aspect):
    """The coordinate of each vertex of an equal-area ``geometry`` along ``detail``'s
    direction, made true on the ground by ``aspect`` (x times it, y divided by it)."""
    east, north = DIRECTIONS[detail]
    coords = shapely.get_coordinates(geometry)
    return (east * coords[:, 0] * aspect + north * coords[:, 1] / aspect) / np.hypot(east, north)


def _area_beyond(geometry, detail, aspect, cut):
    """Area of an equal-area ``geometry`` whose :func:`_along` coordinate exceeds ``cut``."""
    east, north = DIRECTIONS[detail]
    stretched = shapely.affinity.scale(geometry, aspect, 1 / aspect, origin=(0, 0))
    turned = shapely.affinity.rotate(
        stretched, 90 - np.degrees(np.arctan2(north, east)), origin=(0, 0)
    )
    turned = polygons_only(turned)  # turning can fold a zero-width spike over itself
    minx, _, maxx, maxy = turned.bounds
    return shapely.clip_by_rect(turned, minx - 1, cut, maxx + 1, maxy + 1).area


@settings(max_examples=60, deadline=None)
@given(base=polygons(), detail=st.sampled_from(sorted(COMPASS_DETAILS)))
def test_compass_part_lies_within_the_base_on_the_named_side(base, detail):
    """The part is the place's own area, never empty, and for a direction it is the 2/5 of
    the area lying farthest that way beyond a straight cut (the property a quadrant around the
    centroid lacks: for a crescent or a diagonal shape that quadrant can be empty)."""
    part = compass_part(base, detail)
    assert_stored_form(part)
    # Snap-rounded overlay: GEOS's floating overlay of a part against the place it was cut
    # from (edges on the same lines) can return nonsense (seed 4: an empty intersection).
    assert within(part, base)
    assert 0 < part.area < base.area * (1 + 1e-9)
    whole, lon0 = equal_area(base)
    piece, _ = equal_area(part, lon0=lon0)
    # Projection rounding can fold a zero-width spike of a random polygon over itself; the
    # areas are measured on the valid shape.
    whole, piece = polygons_only(whole), polygons_only(piece)
    if detail == "central":
        return
    assert piece.area == pytest.approx(whole.area * COMPASS_FRACTION, rel=0.02)
    # Documented: diagonals are true at the latitude of the area centroid.
    aspect = np.cos(np.arcsin(np.clip(whole.centroid.y / 6371008.8, -1, 1)))
    aspect = 1.0 if 0 in DIRECTIONS[detail] else max(0.1, aspect)
    # The part is all of the base beyond a straight cut: the base holds no more area beyond
    # the part's nearest point to the cut than the part itself.
    cut = _along(piece, detail, aspect).min()
    assert _area_beyond(whole, detail, aspect, cut) <= piece.area * (1 + 0.02)
    # Hence its centroid is farther in that direction than the base's.
    tolerance = 1e-6 * max(1.0, abs(whole.centroid.x), abs(whole.centroid.y))
    assert (
        _along(piece.centroid, detail, aspect)[0]
        >= _along(whole.centroid, detail, aspect)[0] - tolerance
    )


def test_compass_part_of_a_place_across_the_date_line():
    russia_like = split_antimeridian(box(20, 45, 190, 75))
    east = compass_part(russia_like, "east")
    assert_stored_form(east)
    assert crosses_antimeridian(east)  # Chukotka's side of the date line is included
    assert east.covers(Point(-175, 66)) and east.covers(Point(150, 60))
    assert not east.covers(Point(37, 55))


def test_compass_part_rejects_points_and_unknown_directions():
    with pytest.raises(GazetteerError, match="needs an area"):
        compass_part(Point(0, 0), "north")
    with pytest.raises(GazetteerError, match="unknown compass direction 'up'"):
        compass_part(box(0, 0, 1, 1), "up")
