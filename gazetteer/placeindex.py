"""The place index a :class:`gazetteer.Gazetteer` is built on: the artifact's places plus the
user's, numbered, with their name entries, and the per-place data the lookups read.

:class:`PlaceIndex` holds the state (the :class:`gazetteer.store.Store`, the user places,
aliases and pins, and the caches of the lookups built on it) and answers by place number:
its id, place, name labels, representative point, bounding box and parent division. The
lookups are mixins on top of it (:mod:`gazetteer.townlookup`, :mod:`gazetteer.abbreviations`,
:mod:`gazetteer.suggestions`, :mod:`gazetteer.spatial`) and :mod:`gazetteer.core` ranks names
with them. Place numbers ``0..n-1`` are the artifact's, ``n, n+1, …`` the user's.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from shapely.geometry.base import BaseGeometry

from gazetteer.artifact import ITEM_SEP, TIER_ALIAS, TIER_NAME
from gazetteer.errors import GazetteerError
from gazetteer.normalize import variants
from gazetteer.place import Place
from gazetteer.ranking import KIND_BONUS
from gazetteer.store import Store

if TYPE_CHECKING:
    from gazetteer.userplaces import UserPlaces


class PlaceIndex:
    """The places of an artifact and of user places files, by number and by name key; the
    base the gazetteer's lookups share (see the module docstring)."""

    def __init__(self, base: Store) -> None:
        self._base = base
        self._n_base = len(base.ids)
        # user places are appended after the base places (indices n, n+1, …)
        self._user_places: list[Place] = []
        self._user_index: dict[str, int] = {}
        self._user_keys: dict[str, list[tuple[int, int, int]]] = {}
        self._alias_texts: list[str] = []  # user aliases; name number -1-k is alias k
        self._pins: dict[str, int] = {}
        self._user_layers: list[UserPlaces] = []
        self._kinds = base.kinds
        self._countries = base.countries
        self._lon = base.lon
        self._lat = base.lat
        self._static = base.static
        self._qualifiers: dict[str, list[int]] = {}
        self._abbreviations: dict[tuple[str, bool], tuple[int, ...]] = {}
        self._points: dict[str, tuple[float, float]] = {}
        self._tree: Any = None
        #: every place's bounds as arrays (west, south, east, north), and how many queries
        #: they answered (gazetteer.spatial)
        self._bounds: Any = None
        self._array_queries = 0
        self._suggest_buckets: dict[str, list[str]] | None = None
        self._by_country: dict[str, list[int]] | None = None
        self._generic: dict[str, list[tuple[int, int, int]]] = {}
        self._fingerprint: str | None = None
        self._towns_of: dict[str, list[int]] = {}  # name → its small towns' numbers

    def _add_user(self, user: UserPlaces) -> None:
        """Apply a parsed user places file (places first, then aliases and pins)."""
        self._user_layers = [*self._user_layers, user]
        if user.places:
            self._kinds = [*self._kinds]
            self._countries = [*self._countries]
            self._lon = [*self._lon]
            self._lat = [*self._lat]
            self._static = [*self._static]
        for place in user.places:
            if place.id in self:
                raise GazetteerError(
                    f"{user.path}: place id {place.id!r} already exists; choose another id"
                )
            i = self._n_base + len(self._user_places)
            self._user_places.append(place)
            self._user_index[place.id] = i
            point = place.geometry.representative_point()
            self._kinds.append(place.kind)
            self._countries.append(place.country)
            self._lon.append(point.x)
            self._lat.append(point.y)
            self._static.append(self._static_score(place.prominence, place.kind))
            for number, label in enumerate((place.name, *place.alt_names)):
                for key in variants(label):
                    self._user_keys.setdefault(key, []).append((i, number, TIER_NAME))
        for alias, place_id in user.aliases.items():
            i = self._index_of(place_id, user.path, f"alias {alias!r}")
            self._alias_texts.append(alias)
            number = -len(self._alias_texts)
            for key in variants(alias):
                self._user_keys.setdefault(key, []).append((i, number, TIER_ALIAS))
        for name, place_id in user.pins.items():
            i = self._index_of(place_id, user.path, f"pin {name!r}")
            for key in variants(name):
                self._pins[key] = i
        self._tree = None
        self._bounds = None
        self._suggest_buckets = None
        self._qualifiers = {}
        self._abbreviations = {}
        self._by_country = None
        self._generic = {}
        self._fingerprint = None

    def _index_of(self, place_id: str, path: Path, what: str) -> int:
        i = self._base.id_index.get(place_id, self._user_index.get(place_id))
        if i is not None:
            return i
        raise GazetteerError(
            f"{path}: {what} points to unknown place id {place_id!r} "
            "(look ids up with `geo resolve NAME`)"
        )

    @staticmethod
    def _static_score(prominence: float, kind: str) -> float:
        return math.log10(1.0 + prominence) + KIND_BONUS.get(kind, 0.0)

    def __len__(self) -> int:
        return self._n_base + len(self._user_places)

    def __contains__(self, place_id: object) -> bool:
        if not isinstance(place_id, str):
            return False
        return place_id in self._base.id_index or place_id in self._user_index

    def __repr__(self) -> str:
        return f"<Gazetteer {len(self)} places from {self._base.paths.directory}>"

    def get(self, place_id: str) -> Place:
        """The place with this id; :class:`GazetteerError` naming the id if it is unknown."""
        i = self._base.id_index.get(place_id, self._user_index.get(place_id))
        if i is None:
            raise GazetteerError(f"unknown place id {place_id!r}")
        return self._place(i)

    def _place(self, i: int) -> Place:
        if i < self._n_base:
            return self._base.place(i)
        return self._user_places[i - self._n_base]

    def _label(self, i: int, number: int) -> str:
        """Name number ``number`` of place ``i`` (0 its name, k its k-th alternate name, -1-k
        the k-th user alias)."""
        if number < 0:
            return self._alias_texts[-number - 1]
        if i >= self._n_base:
            place = self._user_places[i - self._n_base]
            labels = (place.name, *place.alt_names)
            return labels[number] if number < len(labels) else place.name
        if number == 0:
            return self._base.names[i]
        alts = self._base.alt_rows[i].split(ITEM_SEP)
        return alts[number - 1] if number - 1 < len(alts) else self._base.names[i]

    def case_sensitive_keys(self) -> frozenset[str]:
        """Keys that every source writes in capitals (acronyms: "us", "uk", "uae", "nyc"): a
        recognizer should only match them where the text is in capitals too ("US", not
        "us")."""
        keys = set(self._base.acronym_keys)
        for layer in self._user_layers:
            for label in (*layer.aliases, *layer.pins):
                if label.replace(".", "").isupper():
                    keys.update(variants(label))
        return frozenset(keys)

    def name_keys(self) -> Iterator[str]:
        """Every normalized name, alternate name and alias the gazetteer knows (each once), for
        building a recognizer's automaton. Keys are :func:`gazetteer.normalize.normalize` forms
        and can be searched for in :func:`gazetteer.normalize.fold` of a text."""
        yield from self._base.keys
        extra = dict.fromkeys([*self._user_keys, *self._pins])
        for key in extra:
            if key not in self._base.keys:
                yield key

    def _entries(self, key: str) -> list[tuple[int, int, int]]:
        entries = self._base.lookup(key)
        extra = self._user_keys.get(key)
        if extra:
            entries = entries + extra
        pinned = self._pins.get(key)
        if pinned is not None and all(e[0] != pinned for e in entries):
            entries.append((pinned, 0, TIER_NAME))
        return entries

    def _known(self, key: str) -> bool:
        return key in self._base.keys or key in self._user_keys or key in self._pins

    def _point_of(self, place: Place) -> tuple[float, float]:
        """A representative lon/lat of any place (stored for gazetteer places, computed once
        for others such as derived areas)."""
        i = self._base.id_index.get(place.id, self._user_index.get(place.id))
        if i is not None:
            return self._lon[i], self._lat[i]
        cached = self._points.get(place.id)
        if cached is None:
            point = place.geometry.representative_point()
            cached = (point.x, point.y)
            if len(self._points) > 10_000:
                self._points.clear()
            self._points[place.id] = cached
        return cached

    def _index(self, place_id: str) -> int | None:
        """The index of a gazetteer place by id (``None`` for a derived or foreign place)."""
        return self._base.id_index.get(place_id, self._user_index.get(place_id))

    def _parent(self, i: int) -> int | None:
        """The index of the division place ``i`` belongs to (a county's state), if recorded."""
        if i >= self._n_base or not self._base.parents:
            return None
        parent = self._base.parents[i]
        return self._base.id_index.get(parent) if parent else None

    def _id(self, i: int) -> str:
        return self._base.ids[i] if i < self._n_base else self._user_places[i - self._n_base].id

    def _geometry(self, i: int) -> BaseGeometry:
        return self._place(i).geometry

    def _bbox(self, i: int) -> tuple[float, float, float, float] | None:
        if i < self._n_base:
            if self._base.is_point[i]:
                return None
            return tuple(self._base.bbox[i].tolist())  # type: ignore[return-value]
        geometry = self._user_places[i - self._n_base].geometry
        return None if geometry.geom_type == "Point" else geometry.bounds
