"""Regions made of provinces: Catalonia, Lombardy, Brittany… for countries whose Natural Earth
admin-1 divisions are provinces or departments (Spain, Italy, France).

Neither the admin-1 label points nor the 50m admin-1 polygons (US, CA, AU and BR only) say
which region a province belongs to; GeoNames does, for towns: every town of
``cities1000`` carries its region's admin-1 code. So each town goes to the province label
point nearest it (the same Voronoi cells :mod:`gazetteer.mapunits` uses, in a frame where a
degree of longitude is as long as a degree of latitude at the country's middle), a province
belongs to the region most of its towns belong to, and a region's outline is the union of its
provinces' cells, cut to the country's coastline. The outline is approximate along inland
borders (about a province's width, 30 to 80 km) and exact along the coast; every province
label point lies in its region.

Only regions listed in ``gazetteer/data/admin_regions.tsv`` (country, GeoNames admin-1 code,
English name, other names) and made of at least two provinces become places: kind
``admin1``, id ``gn:admin1:<ISO2>-<code>``, the prominence of the top first-level divisions.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from gazetteer.errors import GazetteerError
from gazetteer.mapunits import unit_outlines
from gazetteer.records import Record, admin1_prominence, iso2_code, load_features, text_value

__all__ = ["ADMIN_REGIONS_FILE", "admin_regions", "load_admin_regions", "province_regions"]

ADMIN_REGIONS_FILE = Path(__file__).parent / "data" / "admin_regions.tsv"
#: A region needs at least this many provinces (a one-province region is its province).
MIN_PROVINCES = 2

Table = dict[tuple[str, str], tuple[str, list[str]]]


def load_admin_regions(path: Path = ADMIN_REGIONS_FILE) -> Table:
    """The curated table: ``{(ISO2 country, GeoNames admin-1 code): (name, [other names])}``."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GazetteerError(f"cannot read the regions table {path}: {exc}") from exc
    table: Table = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) < 3 or not all(fields[:3]) or iso2_code(fields[0]) is None:
            raise GazetteerError(
                f"{path}:{number}: expected 'country<TAB>code<TAB>name<TAB>other names'"
            )
        others = fields[3].split("|") if len(fields) > 3 else []
        table[(fields[0], fields[1])] = (fields[2], [o.strip() for o in others if o.strip()])
    return table


def province_regions(
    points: dict[tuple[float, float], str],
    towns: Iterable[tuple[float, float, str]],
    stretch: float,
) -> dict[str, str]:
    """``{province code: region code}``: each town (lon, lat, region code) counts for the
    province of the label point nearest it (``points``: label point → province code; distances
    with longitudes multiplied by ``stretch``); a province takes the region most of its towns
    have (the smallest code on a tie). Provinces no town is nearest to are left out."""
    coords = sorted(points)
    if not coords:
        return {}
    sites = np.array([(x * stretch, y) for x, y in coords])
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    batch: list[tuple[float, float, str]] = []
    for town in towns:
        batch.append(town)
        if len(batch) == 4096:
            _vote(sites, coords, points, batch, stretch, votes)
            batch = []
    if batch:
        _vote(sites, coords, points, batch, stretch, votes)
    return {
        province: min(tally, key=lambda code: (-tally[code], code))
        for province, tally in sorted(votes.items())
    }


def _vote(
    sites: np.ndarray,
    coords: list[tuple[float, float]],
    points: dict[tuple[float, float], str],
    batch: list[tuple[float, float, str]],
    stretch: float,
    votes: dict[str, Counter[str]],
) -> None:
    xy = np.array([(x * stretch, y) for x, y, _ in batch])
    d2 = ((xy[:, None, :] - sites[None, :, :]) ** 2).sum(axis=2)
    for (_, _, code), k in zip(batch, d2.argmin(axis=1), strict=True):
        votes[points[coords[int(k)]]][code] += 1


def admin_regions(
    ne_dir: Path,
    country_records: list[Record],
    towns: Iterable[dict],
    table: Table | None = None,
) -> list[Record]:
    """A place for each region of ``table`` (default: the curated one) made of at least
    :data:`MIN_PROVINCES` provinces. ``towns`` are GeoNames city records (``countrycode``,
    ``admin1code``, ``longitude``, ``latitude``), the denser the better (``cities1000``)."""
    table = load_admin_regions() if table is None else table
    wanted = {country for country, _ in table}
    points: dict[str, dict[tuple[float, float], str]] = defaultdict(dict)
    for feature in load_features(ne_dir, "admin1_points"):
        p = feature["properties"]
        country, code = iso2_code(p.get("iso_a2")), text_value(p.get("adm1_code"))
        if country in wanted and code:
            x, y = feature["geometry"]["coordinates"][:2]
            points[country].setdefault((float(x), float(y)), code)
    town_lists: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    for town in towns:
        country, code = town.get("countrycode"), town.get("admin1code")
        if country in wanted and isinstance(code, str) and code:
            town_lists[country].append((float(town["longitude"]), float(town["latitude"]), code))
    by_country = {r.country: r for r in country_records if r.kind == "country" and r.country}
    records: list[Record] = []
    for country in sorted(wanted):
        record = by_country.get(country)
        if record is None or record.geometry.geom_type not in {"Polygon", "MultiPolygon"}:
            continue
        stretch = max(math.cos(math.radians(record.geometry.centroid.y)), 0.1)
        membership = province_regions(points[country], town_lists[country], stretch)
        members = Counter(membership.values())
        unit_of = {xy: membership.get(province, "") for xy, province in points[country].items()}
        outlines = unit_outlines(record.geometry, unit_of)
        for code, outline in sorted(outlines.items()):
            entry = table.get((country, code))
            if entry is None or members[code] < MIN_PROVINCES or outline.is_empty:
                continue
            name, others = entry
            records.append(
                Record(
                    id=f"gn:admin1:{country}-{code}",
                    name=name,
                    kind="admin1",
                    geometry=outline,
                    country=country,
                    prominence=admin1_prominence(2),
                    names=others,
                    source="geonames:cities1000+naturalearth:ne_10m_admin_1_label_points",
                )
            )
    return records
