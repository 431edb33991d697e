"""The one antimeridian module: split, shift and draw geometries across ±180°."""

from __future__ import annotations

from shapely.geometry import MultiPolygon, box

import gazetteer
import layers
from lonlat import antimeridian


def test_gazetteer_and_layers_use_the_same_module() -> None:
    assert gazetteer.split_antimeridian is antimeridian.split_antimeridian
    assert gazetteer.shift_for_display is antimeridian.shift_for_display
    assert layers.unwrap_antimeridian is antimeridian.unwrap_for_display


def test_split_then_shift_and_draw_give_one_continuous_shape() -> None:
    split = antimeridian.split_antimeridian(box(170, 50, 190, 60))
    assert isinstance(split, MultiPolygon) and split.bounds == (-180, 50, 180, 60)
    assert antimeridian.crosses_antimeridian(split)
    assert antimeridian.shift_for_display(split).bounds == (170, 50, 190, 60)
    drawn = antimeridian.unwrap_for_display(split)
    assert drawn.geom_type == "Polygon" and drawn.bounds == (170, 50, 190, 60)


def test_a_shape_away_from_the_dateline_is_left_alone() -> None:
    europe = box(0, 40, 20, 50)
    assert antimeridian.shift_for_display(europe) is europe
    assert antimeridian.unwrap_for_display(europe) is europe
    assert not antimeridian.crosses_antimeridian(europe)
