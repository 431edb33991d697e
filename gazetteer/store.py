"""The loaded artifact: eager name-index columns and lazily decoded geometries.

:class:`Store` reads an artifact directory (:mod:`gazetteer.artifact`) once; every
:class:`gazetteer.Gazetteer` made from it (with user places or not) shares it.
"""

from __future__ import annotations

import hashlib
from array import array
from functools import cached_property
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from gazetteer.artifact import ITEM_SEP, ROW_SEP, ArtifactPaths, read_gzip, read_index
from gazetteer.errors import GazetteerError
from gazetteer.place import Place
from gazetteer.ranking import KIND_BONUS
from gazetteer.towns import Towns, read_towns


class Store:
    """The bundled (or loaded) artifact: eager columns, lazy geometries. Shared by every
    :class:`Gazetteer` derived from it with :meth:`Gazetteer.with_places`."""

    def __init__(self, directory: Path) -> None:
        self.paths = ArtifactPaths(directory)
        header, arrays, texts = read_index(directory)
        self.ids: list[str] = texts["ids"].split(ROW_SEP)
        n = len(self.ids)
        self.names: list[str] = texts["names"].split(ROW_SEP)
        self.wikidata: list[str] = texts["wikidata"].split(ROW_SEP)
        self.alt_rows: list[str] = texts["alt_names"].split(ROW_SEP)
        #: the parent division's id per place ("" for none; artifacts without the column
        #: have no parents)
        self.parents: list[str] = texts["parents"].split(ROW_SEP) if "parents" in texts else []
        kinds: list[str] = header["kinds"]
        sources: list[str] = header["sources"]
        countries: list[str] = header["countries"]
        self.kind_list = kinds
        self.kinds = [kinds[k] for k in arrays["kind"].tolist()]
        self.sources = [sources[k] for k in arrays["source"].tolist()]
        self.countries = [countries[k] or None for k in arrays["country"].tolist()]
        self.prominence: list[float] = arrays["prominence"].tolist()
        bonus = np.array([KIND_BONUS.get(k, 0.0) for k in kinds])
        #: log10(1 + prominence) + kind bonus: the context-free part of every score
        self.static: list[float] = (
            np.log10(1.0 + arrays["prominence"]) + bonus[arrays["kind"]]
        ).tolist()
        self.lon: list[float] = arrays["lon"].tolist()
        self.lat: list[float] = arrays["lat"].tolist()
        self.bbox = arrays["bbox"].reshape(n, 4).copy()  # copies free the decompressed buffer
        self.is_point: list[bool] = np.isnan(self.bbox[:, 0]).tolist()
        self.wkb_offsets: list[int] = arrays["wkb_offsets"].tolist()
        keys = texts["keys"].split(ROW_SEP)
        self.keys: dict[str, int] = dict(zip(keys, range(len(keys)), strict=True))
        # array.array slices are much cheaper per lookup than numpy ones
        self.key_starts = array("I", arrays["key_starts"].astype(np.uint32).tobytes())
        self.entries = array("i", arrays["entries"].astype(np.int32).tobytes())
        self.codes: dict[str, list[int]] = header["codes"]
        self.acronym_keys: list[str] = header["acronym_keys"]
        self.tolerance: float = header["tolerance"]
        self.land_tolerance: float = header["land_tolerance"]
        if not (len(self.names) == len(self.kinds) == len(self.lon) == n):
            raise GazetteerError(f"{self.paths.index}: columns of different lengths")
        self._blob: bytes | None = None
        self._land: BaseGeometry | None = None
        self.places: list[Place | None] = [None] * n
        self._stats = self._file_stats()
        self._content_hash: str | None = None

    def _file_stats(self) -> tuple[tuple[int, int, int], ...] | None:
        """(size, mtime, inode) of the artifact's files, or ``None`` when one is missing."""
        try:
            stats = [p.stat() for p in self.paths.all()]
        except OSError:
            return None
        return tuple((s.st_size, s.st_mtime_ns, s.st_ino) for s in stats)

    def content_hash(self) -> str | None:
        """A SHA-256 digest of the artifact's files (computed once), or ``None`` when they
        changed on disk since this store was opened (a rebuild while running: the bytes on
        disk are no longer the ones in memory) or cannot be read."""
        if self._stats is None or self._file_stats() != self._stats:
            return None  # checked on every call: a stat is cheap next to a derived area
        if self._content_hash is None:
            digest = hashlib.sha256()
            try:
                for path in self.paths.all():
                    digest.update(path.name.encode())
                    digest.update(path.read_bytes())
            except OSError:
                return None
            if self._file_stats() != self._stats:
                return None
            self._content_hash = digest.hexdigest()
        return self._content_hash

    @cached_property
    def towns(self) -> Towns | None:
        """The artifact's small towns (:mod:`gazetteer.towns`), read on first use; ``None``
        for an artifact without a towns file."""
        return read_towns(self.paths.directory)

    @cached_property
    def id_index(self) -> dict[str, int]:
        """Place id → index, built on first use (lookups by name do not need it)."""
        return dict(zip(self.ids, range(len(self.ids)), strict=True))

    def lookup(self, key: str) -> list[tuple[int, int, int]]:
        """``(place, name number, tier)`` for every place indexed under ``key``."""
        k = self.keys.get(key)
        if k is None:
            return []
        values = self.entries[3 * self.key_starts[k] : 3 * self.key_starts[k + 1]].tolist()
        return [(values[j], values[j + 1], values[j + 2]) for j in range(0, len(values), 3)]

    def geometry(self, i: int) -> BaseGeometry:
        start, end = self.wkb_offsets[i], self.wkb_offsets[i + 1]
        if start == end:
            return Point(self.lon[i], self.lat[i])
        if self._blob is None:
            self._blob = read_gzip(self.paths.geometries)
        return shapely.from_wkb(self._blob[start:end])

    def land(self) -> BaseGeometry:
        if self._land is None:
            self._land = shapely.from_wkb(read_gzip(self.paths.land))
        return self._land

    def place(self, i: int) -> Place:
        place = self.places[i]
        if place is None:
            alts = self.alt_rows[i]
            place = Place(
                id=self.ids[i],
                name=self.names[i],
                kind=self.kinds[i],
                geometry=self.geometry(i),
                country=self.countries[i],
                prominence=self.prominence[i],
                alt_names=tuple(alts.split(ITEM_SEP)) if alts else (),
                wikidata=self.wikidata[i] or None,
                source=self.sources[i],
                parent=(self.parents[i] or None) if self.parents else None,
            )
            self.places[i] = place
        return place
