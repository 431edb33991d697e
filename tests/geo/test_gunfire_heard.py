"""Gunfire told by what was heard or hit (session 41, wpair41): "gunshots were heard in the
capital", "bursts of gunfire", "a patrol boat was fired upon", "demonstrators were shot at"
are an armed attack of their own, the second happening of a coup, a patrol or a protest at
the same place and days (conflict in a story of an armed force, as every attack word; a
crime in a story of none). The sentences are written here, in the style of wire news."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from tests.geo.test_categories import categories


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers took the palace and bursts of gunfire were heard in Winnipeg on Wednesday.",
        "Witnesses said gunshots were heard in Winnipeg for an hour on Wednesday as troops "
        "took the radio station.",
        "A navy patrol boat was fired upon in Lake Winnipeg on Wednesday by militants.",
    ],
)
def test_gunfire_heard_is_an_attack(text: str, gaz: Gazetteer) -> None:
    assert "conflict" in categories(text, gaz)


@pytest.mark.parametrize(
    "text",
    [
        # a noun "shot" is a try, not gunfire; "fired" alone is a job lost or a missile
        "The Jets took a shot at the lead in Winnipeg on Wednesday night.",
        "The coach was fired in Winnipeg on Wednesday after a losing season.",
    ],
)
def test_a_shot_at_a_title_or_a_firing_is_no_attack(text: str, gaz: Gazetteer) -> None:
    assert "conflict" not in categories(text, gaz)
