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

#: How many :meth:`SpatialQueries.intersecting` queries compare bounding boxes in arrays
#: (57 µs each on the shipped gazetteer's 49,000 places) before an STRtree (14 µs a query,
#: 0.05 s to build) answers them: a batch of tens of articles asks a few dozen.
ARRAY_QUERIES = 1000


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
        kinds, most prominent first. The places whose bounding box meets the geometry's are
        found by comparing boxes in arrays for the first :data:`ARRAY_QUERIES` queries, then
        in an STRtree built then (the same places)."""
        wanted = set(kinds) if kinds is not None else None
        hits = []
        for i in self._boxes_meeting(geometry):
            if wanted is not None and self._kinds[i] not in wanted:
                continue
            if self._geometry(i).intersects(geometry):
                hits.append(i)
        hits.sort(key=lambda i: (-self._static[i], self._id(i)))
        return [self._place(i) for i in hits]

    def _boxes_meeting(self, geometry: BaseGeometry) -> list[int]:
        """The places (numbers) whose bounding box (a point's point) meets ``geometry``'s,
        boundary included, as ``STRtree.query`` finds them, in no particular order."""
        if self._tree is None and self._array_queries < ARRAY_QUERIES:
            self._array_queries += 1
            if self._bounds is None:
                self._bounds = self._place_bounds()
            x0, y0, x1, y1 = self._bounds
            west, south, east, north = shapely.bounds(geometry).tolist()
            near = (x0 <= east) & (x1 >= west) & (y0 <= north) & (y1 >= south)
            return np.flatnonzero(near).tolist()
        if self._tree is None:
            self._tree = self._build_tree()
        return self._tree.query(geometry).tolist()

    def _place_bounds(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """West, south, east and north of every place's box as :meth:`_build_tree` makes it
        (its envelope: a box's corners in order, a point's point; user places' envelopes)."""
        base = self._base
        points = np.asarray(base.is_point)
        lon, lat = np.asarray(base.lon), np.asarray(base.lat)
        box = base.bbox
        user = np.array([p.geometry.bounds for p in self._user_places], dtype=float).reshape(-1, 4)
        return (
            np.concatenate([np.where(points, lon, np.minimum(box[:, 0], box[:, 2])), user[:, 0]]),
            np.concatenate([np.where(points, lat, np.minimum(box[:, 1], box[:, 3])), user[:, 1]]),
            np.concatenate([np.where(points, lon, np.maximum(box[:, 0], box[:, 2])), user[:, 2]]),
            np.concatenate([np.where(points, lat, np.maximum(box[:, 1], box[:, 3])), user[:, 3]]),
        )

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
