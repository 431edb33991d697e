"""Geometry queries of the gazetteer: land, the places a geometry intersects, a place as a
GeoJSON feature, and the fingerprint that says when cached derived areas are still right.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from typing import Any

import numpy as np
import shapely
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

from gazetteer.place import Place
from gazetteer.placeindex import PlaceIndex


class SpatialQueries(PlaceIndex):
    """Land, intersection queries, GeoJSON features and the fingerprint (a mixin of
    :class:`gazetteer.Gazetteer`)."""

    def fingerprint(self) -> str | None:
        """A digest of this gazetteer's places and geometry queries: the artifact's bytes and
        every user place (id, kind, country, prominence, geometry). Two gazetteers with the
        same fingerprint give the same :meth:`land` and :meth:`intersecting` answers, so a
        derived area cached under it (:mod:`gazetteer.areacache`) is still right. ``None``
        when the artifact files changed on disk since loading (or cannot be read)."""
        artifact = self._base.content_hash()
        if artifact is None:
            return None
        if self._fingerprint is None:
            digest = hashlib.sha256(artifact.encode())
            for place in self._user_places:
                row = (place.id, place.kind, place.country, place.prominence)
                digest.update(repr(row).encode())
                digest.update(shapely.to_wkb(place.geometry))
            self._fingerprint = digest.hexdigest()
        return self._fingerprint

    def land(self) -> BaseGeometry:
        """All land as simplified (multi)polygons (Natural Earth 10m land simplified at the
        artifact's land tolerance, 0.01° by default), loaded on first use."""
        return self._base.land()

    def intersecting(
        self, geometry: BaseGeometry, kinds: Collection[str] | None = None
    ) -> list[Place]:
        """Places whose geometry intersects ``geometry`` (lon/lat), optionally only of the given
        kinds, most prominent first. Uses an STRtree of bounding boxes built on first use."""
        if self._tree is None:
            self._tree = self._build_tree()
        wanted = set(kinds) if kinds is not None else None
        hits = []
        for i in self._tree.query(geometry).tolist():
            if wanted is not None and self._kinds[i] not in wanted:
                continue
            if self._geometry(i).intersects(geometry):
                hits.append(i)
        hits.sort(key=lambda i: (-self._static[i], self._id(i)))
        return [self._place(i) for i in hits]

    def _build_tree(self) -> shapely.STRtree:
        base = self._base
        boxes = shapely.box(base.bbox[:, 0], base.bbox[:, 1], base.bbox[:, 2], base.bbox[:, 3])
        points = np.asarray(base.is_point)
        boxes[points] = shapely.points(np.asarray(base.lon)[points], np.asarray(base.lat)[points])
        extra = [p.geometry.envelope for p in self._user_places]
        return shapely.STRtree(np.concatenate([boxes, np.asarray(extra, dtype=object)]))

    def to_feature(self, place: Place, **extra: Any) -> dict[str, Any]:
        """A GeoJSON Feature (dict) for ``place``: its geometry (lon/lat) and its plain data
        (:meth:`Place.to_dict`, alternate names) plus ``extra`` properties."""
        properties = {**place.to_dict(), "alt_names": list(place.alt_names), **extra}
        return {
            "type": "Feature",
            "id": place.id,
            "geometry": mapping(place.geometry),
            "properties": properties,
        }
