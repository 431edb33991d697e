"""Category colours: fixed for known categories, stable for any other string."""

from __future__ import annotations

from layers.style import KNOWN_COLOURS, category_css, category_styles


def test_known_categories_keep_their_colours_and_order() -> None:
    styles = category_styles(["other", "military", "floods", "diplomacy", "military"])
    assert [s.key for s in styles] == ["diplomacy", "military", "floods", "other"]
    assert styles[0].colour == KNOWN_COLOURS["diplomacy"]
    assert styles[-1].colour == KNOWN_COLOURS["other"]
    assert [s.css_class for s in styles] == ["cat-0", "cat-1", "cat-2", "cat-3"]
    assert styles[2].label == "Floods"


def test_css_is_made_from_the_styles_only() -> None:
    styles = category_styles(["<script>", "military"])
    css = category_css(styles)
    assert "<script>" not in css
    assert ".cat-1 .swatch" in css and styles[1].colour in css


def test_every_category_geo_produces_has_its_own_fixed_colour() -> None:
    from layers.schema import CATEGORIES

    assert set(CATEGORIES) == set(KNOWN_COLOURS)
    assert len(set(KNOWN_COLOURS.values())) == len(KNOWN_COLOURS)
    styles = category_styles(["wildfire", "protest"])
    assert styles[0].key == "protest" and styles[0].colour == KNOWN_COLOURS["protest"]
    assert styles[1].colour not in KNOWN_COLOURS.values()  # a spare colour, not a known one


def test_crime_is_a_known_category_in_black() -> None:
    from layers.schema import CATEGORIES

    assert CATEGORIES.index("crime") == CATEGORIES.index("other") - 1
    styles = category_styles(["other", "crime", "disaster"])
    assert [s.key for s in styles] == ["disaster", "crime", "other"]
    assert styles[1].colour == "#000000"  # Okabe-Ito black, the one colour left unused
