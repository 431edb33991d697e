"""Derived areas: compass parts, coastal sea bands, waters around islands.

:func:`derive` turns a base place and a :class:`~gazetteer.modifiers.Modifier` into a new
:class:`~gazetteer.place.Place` of kind ``derived`` whose
:class:`~gazetteer.place.Derivation` tells a reader how it was made. The rules and their
distances are listed in ``docs/derived-areas.md``; in short:

==========  =======================================================  ======================
rule        area                                                     distance
==========  =======================================================  ======================
compass     the 2/5 of the place farthest that way; central third    –
coast       sea off the coast, land removed, median line with        200 nmi (370.4 km)
            neighbours; "coastal X" on land: the coastal strip       50 km inland
waters      like coast; "territorial waters": 12 nautical miles      200 nmi / 12 nmi
near        at sea: sea off the coast (no median line);              200 nmi
            on land: the place and everything within 50 km           50 km
around      an island: the waters around it plus the straits and     100 nmi (185.2 km)
            channels beside it; anything else: as ``near``
==========  =======================================================  ======================

A sea rule ("off", "waters", "near" or "around" at sea) on a place with no sea within reach
("off Mali", drones shot down in the air "near Kyiv") falls back to ``near`` on land: the place
and everything within 50 km, with ``Derivation.detail`` ``"inland"`` and a description saying
why. A point base (a city or port) has no outline: sea rules give the sea within 50 km of it (a
sea-side disc), ``near`` on land a 50 km disc, and a compass part is taken from a disc of
10 km radius standing for the city. Results are valid (Multi)Polygons in lon/lat, split at
the antimeridian, and cached per (gazetteer, base, rule, detail, at_sea).

Only three gazetteer methods are used: ``land()`` (land polygons), ``intersecting(geometry,
kinds)`` (neighbouring countries and states for median lines, straits beside islands) and,
through them, the places they return.

This module is the entry point and its caches; the rules are :class:`gazetteer.deriver.Deriver`
on the work area of :mod:`gazetteer.workarea`, and the names and descriptions of the areas come
from :mod:`gazetteer.areanames`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

from shapely.geometry.base import BaseGeometry

from gazetteer.areacache import AreaCache, area_key, enable_area_cache, process_area_cache
from gazetteer.areanames import NAUTICAL_MILE_KM, after_preposition
from gazetteer.deriver import Deriver
from gazetteer.modifiers import Modifier
from gazetteer.place import LazyPlace, Place
from gazetteer.shipped_file import shipped_area, ships
from gazetteer.workarea import DISTANCES_KM, Identity, forget_drawn

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence

    from gazetteer.core import Gazetteer

__all__ = [
    "DISTANCES_KM",
    "NAUTICAL_MILE_KM",
    "AreaSource",
    "after_preposition",
    "derive",
    "forget_derived",
]


class AreaSource(Protocol):
    """What :func:`derive` needs from a gazetteer."""

    def land(self) -> BaseGeometry: ...

    def intersecting(
        self, geometry: BaseGeometry, kinds: Collection[str] | None = None
    ) -> Sequence[Place]: ...


def derive(
    base: Place,
    modifier: Modifier,
    gazetteer: Gazetteer,
    *,
    at_sea: bool = False,
    cache: AreaCache | bool | None = None,
) -> Place:
    """Return the derived area for ``modifier`` applied to ``base`` (kind ``derived``, with a
    :class:`~gazetteer.place.Derivation` saying how it was made).

    ``at_sea`` says the event happened at sea or in the air, which turns "near X" into the sea
    off X. Some modifiers add nothing to a water body ("waters of the Baltic Sea", "around the
    Taiwan Strait" at sea): then ``base`` itself is returned.

    When a sea rule finds no sea within reach ("off Mali", "near Kyiv" at sea, "coastal
    Chad"), the result is the ``near`` rule on land (the place and everything within 50 km),
    marked with ``Derivation.detail == "inland"`` and a description that says why: the
    mention still maps to where it is, and a reader sees how.

    Results are cached in memory, and on disk when an area cache is on
    (:mod:`gazetteer.areacache`): ``cache=None`` uses the process-wide cache
    (:func:`gazetteer.areacache.enable_area_cache`; off unless turned on), ``False`` none,
    ``True`` the process-wide one (turned on at its default path if off), or an
    :class:`~gazetteer.areacache.AreaCache`. The environment variable ``GEO_AREA_CACHE=off``
    turns every disk cache off. A cached area is the same as a computed one, and so is a
    shipped one: a few costly areas of the gazetteer's own places ship drawn
    (:mod:`gazetteer.shipped`), read only while their digest matches the code and artifact.

    The result says *which* area the phrase names (its id, name, rule and precision) at
    once; its outline and the description of how it was drawn are computed the first time
    something reads ``geometry`` or ``derivation`` (:class:`~gazetteer.place.LazyPlace`),
    once, and only then stored in the disk cache. Deciding costs at most one coast test
    (is there open sea along the outline?); drawing costs the bands, median lines and
    projections.

    An area that comes out empty when drawn (never seen: the coast test has found sea beside
    the outline) is drawn as the area within 50 km of the base, and its description says so.
    """
    if cache is None:
        disk = process_area_cache()
    elif cache is True:
        disk = process_area_cache() or enable_area_cache()
    else:
        disk = cache or None
    return _derive_cached(
        Identity(gazetteer), base, id(base.geometry), modifier, bool(at_sea), Identity(disk)
    )


@lru_cache(maxsize=512)
def _derive_cached(
    ref: Identity,
    base: Place,
    geometry_id: int,
    modifier: Modifier,
    at_sea: bool,
    disk: Identity,
) -> Place:
    """The derived place, remembered in memory (the last 512; :func:`forget_derived`): from
    the disk cache, the shipped drawings, or drawn now."""
    del geometry_id  # part of the key only: a pinned place may reuse an id with a new shape
    cache: AreaCache | None = disk.target
    key = None
    stored: bool | None = None
    if cache is not None and cache.enabled:
        fingerprint = getattr(ref.target, "fingerprint", None)
        gazetteer_id = fingerprint() if callable(fingerprint) else None
        if gazetteer_id is not None:
            stored = _stored(ref.target, base)
            key = area_key(gazetteer_id, base, modifier, at_sea, stored=stored)
            hit = cache.get(key, base)
            if hit is not None:
                return hit if hit is base else LazyPlace.drawn(hit)
    # drawn ahead by python -m gazetteer.shipped (bit for bit the same), for the gazetteer's
    # own places only
    if ships(base.id) and (stored if stored is not None else _stored(ref.target, base)):
        shipped = shipped_area(ref.target, base, modifier, at_sea)
        if shipped is not None:
            return shipped if shipped is base else LazyPlace.drawn(shipped)
    place = Deriver(ref.target, base, modifier, at_sea).place()
    if key is not None and cache is not None:
        if isinstance(place, LazyPlace):
            place.when_drawn(lambda drawn: cache.put(key, base, drawn))
        else:
            cache.put(key, base, place)
    return place


def forget_derived() -> None:
    """Forget the derived places remembered in memory (the last 512 :func:`derive` drew) and
    the drawings and land the work areas remember (:func:`gazetteer.workarea.forget_drawn`):
    the next area is drawn anew (or read from the disk cache or the shipped drawings)."""
    _derive_cached.cache_clear()
    forget_drawn()


def _stored(gazetteer: Any, base: Place) -> bool:
    """Whether ``base`` is the gazetteer's own place object for its id (not an online place
    or a derived one), so that the gazetteer's fingerprint fixes its geometry."""
    try:
        return gazetteer.get(base.id) is base
    except Exception:  # an unknown id (GazetteerError), or a gazetteer without get
        return False
