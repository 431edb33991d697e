"""Gazetteer.resolve with a modifier that cannot apply: it answers, and says why."""

from __future__ import annotations

import pytest

from gazetteer import Context


@pytest.mark.parametrize(
    ("query", "at_sea", "base_id"),
    [
        ("off Mali", False, "iso:ML"),
        ("around Kyiv", True, "geonames:703448"),
        ("waters off Mongolia", False, "iso:MN"),
    ],
)
def test_resolve_never_raises_for_a_sea_rule_inland(gaz, query, at_sea, base_id):
    place = gaz.resolve(query, context=Context(at_sea=at_sea))
    assert place is not None
    assert place.kind == "derived"
    assert place.derivation.base_id == base_id
    assert place.derivation.rule == "near"
    assert place.derivation.detail == "inland"
    assert "has no coast" in place.derivation.description
    assert place.precision == 2  # near a place, as a reader should read it


def test_around_kyiv_on_land_is_still_the_plain_near_rule(gaz):
    place = gaz.resolve("around Kyiv")
    assert place.derivation.rule == "around"
    assert place.derivation.detail is None
    assert "has no coast" not in place.derivation.description


def test_a_coastal_place_keeps_its_sea_rule(gaz):
    place = gaz.resolve("off Senegal")
    assert place.derivation.rule == "coast"
    assert place.derivation.detail != "inland"
