"""Test helpers: the place a name of a text resolves to, and the state that place lies in."""

from __future__ import annotations

from typing import Any

from gazetteer import Gazetteer
from geo.recognize import recognize


def place_of(text: str, name: str, gaz: Gazetteer) -> Any:
    """The place of the last mention of ``name`` in ``text`` (the test fails if none)."""
    hits = [r for r in recognize(text, gazetteer=gaz) if r.toponym.name == name]
    assert hits, f"{name} not recognized"
    return hits[-1].place


def state_of(place: Any, gaz: Gazetteer) -> str:
    """The name of the first-level division that holds ``place``'s representative point."""
    states = gaz.intersecting(place.geometry.representative_point(), kinds=("admin1",))
    return states[0].name if states else ""
