"""Derived areas on demand: resolving a phrase says which area it names; only what is read is
drawn, once, and the drawing is the same as before."""

from __future__ import annotations

import pickle

import pytest
import shapely

from gazetteer import Gazetteer, parse_query, shipped_file
from gazetteer import areas as areas_module
from gazetteer import deriver as deriver_module
from gazetteer import workarea as workarea_module
from gazetteer.areacache import AreaCache
from gazetteer.areas import derive
from gazetteer.coasttest import sure_coast
from gazetteer.deriver import Deriver
from gazetteer.place import LazyPlace
from gazetteer.workarea import Identity, land_index


def _derived(gaz: Gazetteer, query: str, *, at_sea: bool = False):
    modifier, name = parse_query(query)
    assert modifier is not None
    base = gaz.resolve(name)
    assert base is not None
    return derive(base, modifier, gaz, at_sea=at_sea, cache=False)


def _no_drawing(monkeypatch) -> None:
    def fail(*args, **kwargs):
        raise AssertionError("an area was drawn")

    # the drawing functions as the rules (gazetteer.deriver) and their work area
    # (gazetteer.workarea) call them
    for name in ("sea_band", "median_clip", "buffer_in_frame", "compass_part", "buffer_parts"):
        monkeypatch.setattr(deriver_module, name, fail)
    monkeypatch.setattr(workarea_module, "buffer_in_frame", fail)


@pytest.mark.parametrize(
    ("query", "at_sea", "place_id", "precision"),
    [
        ("off Chile", False, "derived:coast:370.4km:iso:CL", 2),
        ("Swedish waters", False, "derived:waters:eez-370.4km:iso:SE", 3),
        ("northwestern Pacific", False, "derived:compass:northwest:ne:marine:pacific-ocean", 3),
        ("near Kharkiv", False, "derived:near:land-50km:geonames:706483", 2),
        ("off Mali", False, "derived:near:land-50km:iso:ML", 2),  # no sea: near, on land
        ("coastal Lebanon", False, "derived:coast:coastal-50km:iso:LB", 2),
    ],
)
def test_resolving_names_the_area_without_drawing_it(
    gaz, monkeypatch, query, at_sea, place_id, precision
) -> None:
    _no_drawing(monkeypatch)
    areas_module.forget_derived()
    place = _derived(gaz, query, at_sea=at_sea)
    assert (place.id, place.kind, place.precision) == (place_id, "derived", precision)
    assert isinstance(place, LazyPlace) and not place.is_drawn
    areas_module.forget_derived()


def test_an_area_is_drawn_once_and_keeps_its_derivation(gaz, monkeypatch) -> None:
    monkeypatch.setattr(shipped_file, "_use", False)  # this area ships drawn (gazetteer.shipped)
    areas_module.forget_derived()
    place = _derived(gaz, "around Taiwan", at_sea=True)
    assert not place.is_drawn
    first = place.geometry
    assert place.is_drawn and place.geometry is first
    assert place.derivation.rule == "around"
    assert "Taiwan Strait" in place.derivation.description
    assert first.geom_type in {"Polygon", "MultiPolygon"} and first.is_valid


def test_a_drawn_area_pickles_and_compares_like_a_place(gaz, tmp_path) -> None:
    place = _derived(gaz, "off Mali")
    copy = pickle.loads(pickle.dumps(place))  # worker processes get drawn places
    assert copy == place and hash(copy) == hash(place)
    assert shapely.to_wkb(copy.geometry) == shapely.to_wkb(place.geometry)
    assert copy.derivation == place.derivation and copy.precision == place.precision
    # read back from the disk cache it is the same place, in a set and as a key
    cache = AreaCache(tmp_path / "areas.sqlite3")
    modifier, name = parse_query("off Mali")
    stored = derive(gaz.resolve(name), modifier, gaz, cache=cache)
    assert stored.geometry is not None
    areas_module.forget_derived()
    again = derive(gaz.resolve(name), modifier, gaz, cache=AreaCache(cache.path))
    assert again.is_drawn and {again, place} == {place}


@pytest.mark.parametrize(
    "name",
    [
        "Mali",  # landlocked
        "Switzerland",
        "Bosnia and Herzegovina",  # about 20 km of coast at Neum
        "Jordan",  # Aqaba only
        "Iraq",
        "Slovenia",
        "Democratic Republic of the Congo",
        "Kazakhstan",  # the Caspian
        "Taiwan",
        "Lebanon",
        "Chile",
    ],
)
def test_the_quick_coast_answer_is_the_exact_one(gaz, name) -> None:
    base = gaz.resolve(name)
    assert base is not None and base.kind == "country"
    modifier, _ = parse_query(f"off {name}")
    deriver = Deriver(gaz, base, modifier, False)
    quick = sure_coast(base.geometry, deriver.frame, land_index(Identity(gaz)))
    exact = not deriver.coast().is_empty
    assert quick in (None, exact)


@pytest.mark.parametrize("name", ["Kharkiv", "Odesa", "Denver", "Mumbai", "Manaus", "Valletta"])
def test_the_quick_point_sea_answer_is_the_exact_one(gaz, name) -> None:
    from gazetteer.seabands import sea_band

    base = gaz.resolve(name)
    assert base is not None and base.geometry.geom_type == "Point"
    modifier, _ = parse_query(f"off {name}")
    deriver = Deriver(gaz, base, modifier, False)
    for km in (50.0, 22.224):
        band = sea_band(
            deriver.frame, base.geometry, deriver.base_xy, deriver.land_xy(km), km * 1e3
        )
        quick = deriver.sure_point_sea(km)
        assert quick in (None, not band.area.is_empty)
