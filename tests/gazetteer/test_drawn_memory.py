"""Drawings remembered within a process: two phrases that name one area whose outline
depends on its id alone read one drawing; the work regions of one base share their land;
``forget_derived()`` forgets both, so the next area is drawn anew."""

from __future__ import annotations

import pytest
import shapely

from gazetteer import shipped_drawings, workarea
from gazetteer.areas import derive, forget_derived
from gazetteer.core import Gazetteer
from gazetteer.modifiers import Modifier

#: A small island country: its sea band draws in milliseconds and ships no drawing.
BASE = "iso:MT"


@pytest.fixture(autouse=True)
def _fresh_memory() -> None:
    forget_derived()
    yield
    forget_derived()


def made(monkeypatch) -> list[str]:
    """The derived ids drawn (not read) from now on."""
    drawn: list[str] = []
    original = shipped_drawings.note_drawn

    def noted(place_id, outline, description):
        drawn.append(place_id)
        original(place_id, outline, description)

    monkeypatch.setattr("gazetteer.workarea.note_drawn", noted)
    return drawn


def near_at_sea(gaz: Gazetteer, phrase: str):
    place = derive(gaz.get(BASE), Modifier("near", None, phrase), gaz, at_sea=True, cache=False)
    place.geometry  # noqa: B018 - drawn now
    return place


def test_two_phrases_of_one_area_read_one_drawing(gaz, monkeypatch) -> None:
    drawn = made(monkeypatch)
    first = near_at_sea(gaz, "near")
    second = near_at_sea(gaz, "close to")
    assert first is not second and first.id == second.id
    assert drawn == [first.id]  # the second read the first's drawing
    assert second.geometry is first.geometry
    assert second.derivation.description == first.derivation.description


def test_forgetting_the_derivations_draws_the_area_anew(gaz, monkeypatch) -> None:
    drawn = made(monkeypatch)
    first = near_at_sea(gaz, "near")
    forget_derived()
    again = near_at_sea(gaz, "near")
    assert drawn == [first.id, again.id]
    assert shapely.to_wkb(again.geometry) == shapely.to_wkb(first.geometry)


def test_another_gazetteer_draws_its_own(gaz, monkeypatch) -> None:
    from pathlib import Path

    user = gaz.with_places(Path(__file__).resolve().parent.parent / "data" / "user_places.yaml")
    drawn = made(monkeypatch)
    first = near_at_sea(gaz, "near")
    other = near_at_sea(user, "near")
    assert drawn == [first.id, other.id]


def test_the_work_areas_of_one_base_share_their_land(gaz) -> None:
    base = gaz.get(BASE)
    one = workarea.WorkArea(gaz, base, Modifier("near", None, "near"), True)
    two = workarea.WorkArea(gaz, base, Modifier("around", None, "around"), True)
    land = one.land_xy(370.4)
    assert two.land_xy(370.4) is land
    assert one.land_xy(185.2) is not land
    forget_derived()
    assert shapely.to_wkb(two.land_xy(370.4)) == shapely.to_wkb(land)
