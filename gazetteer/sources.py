"""Natural Earth and GeoNames records, read and cleaned for the gazetteer build.

Each function reads one source into :class:`Record` objects (mutable places being built):
:func:`countries`, :func:`cities` (GeoNames cities merged with Natural Earth populated places),
:func:`admin1`, :func:`marine`, :func:`regions`, :func:`disputed`, and :func:`land`. The rules
(ids, names kept, prominence figures, simplification) are documented in docs/gazetteer.md;
:mod:`gazetteer.build` assembles the records into the artifact.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shapely
from shapely.affinity import translate
from shapely.geometry import MultiPolygon, Point, Polygon, shape
from shapely.geometry.base import BaseGeometry

from gazetteer.errors import GazetteerError
from gazetteer.normalize import normalize
from gazetteer.source_names import (
    ACCENTED_COUNTRIES,
    CYRILLIC_COUNTRIES,
    ROMANIZED_COUNTRIES,
    display_name,
    feature_name,
    good_alternate,
    inverted_short_name,
    is_latin_text,
    keep_alternate,
    plain_cyrillic_romanization,
    plain_romanization,
    plainer_spelling,
    slug,
    source_form,
)
from lonlat.distance import km as great_circle_km

#: Polygon simplification tolerance in degrees (about 1.1 km at the equator).
TOLERANCE = 0.01
#: Land simplification tolerance in degrees, fine enough for 10-200 nm coastal bands.
LAND_TOLERANCE = 0.01
#: Coordinates are snapped to this grid (degrees; about 1 m).
GRID = 1e-5
#: A Natural Earth place without a geonameid is the same-named GeoNames city within this
#: distance (km) in the same country.
SAME_CITY_KM = 30.0
#: A Natural Earth place's geonameid is trusted up to this distance (km) from the GeoNames
#: city when they share a name (Natural Earth and GeoNames points of one town can be far
#: apart in sparse regions).
GEONAMEID_NAME_KM = 200.0
#: Alternate names shorter than this (as keys) are not indexed.
MIN_KEY = 3

NE_FILES = {
    "marine": "ne_10m_geography_marine_polys.json",
    "regions": "ne_10m_geography_regions_polys.json",
    "region_points": "ne_10m_geography_regions_points.json",
    "places": "ne_10m_populated_places.json",
    "countries": "ne_50m_admin_0_countries.json",
    "admin1_points": "ne_10m_admin_1_label_points.json",
    "admin1_polygons": "ne_50m_admin_1_states_provinces.json",
    "disputed": "ne_10m_admin_0_disputed_areas.json",
    "land": "ne_10m_land.json",
}

_MARINE_KINDS = {
    "ocean": "ocean",
    "sea": "sea",
    "gulf": "gulf",
    "bay": "bay",
    "strait": "strait",
    "sound": "sound",
    "channel": "channel",
    "lagoon": "lagoon",
    "fjord": "bay",
    "inlet": "bay",
    "river": "other",
    "reef": "other",
    "generic": "sea",
}
_REGION_KINDS = {
    "Island": "island",
    "Island group": "island_group",
    "Range/mtn": "range",
    "Desert": "desert",
    "Pen/cape": "peninsula",
    "Peninsula": "peninsula",
    "Lake": "other",
}
_REGION_POINT_KINDS = {
    "island": "island",
    "island group": "island_group",
    "plain": "region",
}
_SKIP_REGION_CLASSES = {"Dragons-be-here"}
_CAPITAL_CLASSES = {"Admin-0 capital", "Admin-0 capital alt", "Admin-0 region capital"}
_OTHER_PLACE_CLASSES = {"Scientific station", "Meteorological Station", "Historic place"}
_CODE = re.compile(r"^[A-Z]{2,3}$")


@dataclass
class Record:
    """A place being built (mutable until it is written)."""

    id: str
    name: str
    kind: str
    geometry: BaseGeometry
    country: str | None = None
    prominence: float = 0.0
    names: list[str] = field(default_factory=list)  # curated source names (tier 0)
    alternates: list[str] = field(default_factory=list)  # GeoNames alternates (tier 1)
    aliases: list[str] = field(default_factory=list)  # curated aliases (tier 2)
    wikidata: str | None = None
    source: str = ""
    codes: list[str] = field(default_factory=list)  # qualifier-only codes ("TX", "RUS")
    #: a label point standing for a whole territory ("CYM-00 (Cayman Is. aggregation)"): the
    #: build drops it when another place has its name (the country, the island)
    territory: bool = False
    #: the id of the division the place belongs to (a county's state), when known
    parent: str | None = None


# ---------------------------------------------------------------------------------------------
# small helpers


def _text(value: Any) -> str | None:
    """A usable string from a source attribute (None for missing / -99 / blank)."""
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value if value and value not in {"-99", "-1"} else None


def _rank(properties: dict, default: int) -> int:
    """The Natural Earth scale rank of a feature (0 is a valid rank)."""
    value = properties.get("scalerank")
    return int(value) if isinstance(value, int | float) and value >= 0 else default


def _iso2(value: Any) -> str | None:
    value = _text(value)
    return value if value and len(value) == 2 and value.isalpha() and value.isupper() else None


def admin1_prominence(scalerank: int) -> float:
    """Prominence of a first-level division: ``10 ** (6 - 0.25 * (scalerank - 2))``, from one
    million for scale rank 2 (US states, Russian oblasts) down to about 5,600 (rank 11), so a
    city of more than a million outranks a same-named province."""
    rank = min(max(int(scalerank), 2), 11)
    return round(10 ** (6.0 - 0.25 * (rank - 2)))


def feature_prominence(scalerank: int, *, top: float = 8.0) -> float:
    """Prominence of a natural feature: ``10 ** (top - scalerank)`` (oceans, scale rank 0:
    100 million; the Taiwan Strait, 4: 10,000), at least 1."""
    return round(10 ** max(top - int(scalerank), 0.0))


def clean_geometry(geometry: BaseGeometry, tolerance: float = TOLERANCE) -> BaseGeometry:
    """Simplify a (multi)polygon at ``tolerance`` degrees, snap it to :data:`GRID` and return
    a valid Polygon or MultiPolygon (tiny parts that vanish are dropped)."""
    if geometry.geom_type in {"Point", "MultiPoint"}:
        return shapely.set_precision(geometry, GRID)
    if geometry.geom_type in {"LineString", "MultiLineString"}:  # a river
        lines = shapely.set_precision(geometry.simplify(tolerance), GRID)
        return shapely.normalize(lines if not lines.is_empty else geometry)
    if not geometry.is_valid:
        geometry = shapely.make_valid(geometry)
    simplified = geometry.simplify(tolerance, preserve_topology=True)
    if simplified.is_empty:
        simplified = geometry
    snapped = shapely.set_precision(simplified, GRID)
    if not snapped.is_valid:
        snapped = shapely.make_valid(snapped)
    polygons = [g for g in _polygons(snapped) if not g.is_empty]
    if not polygons:
        # a sliver thinner than the grid: keep its label point
        return shapely.set_precision(geometry.representative_point(), GRID)
    result = polygons[0] if len(polygons) == 1 else MultiPolygon(polygons)
    return shapely.normalize(result)


def filled(geometry: BaseGeometry) -> BaseGeometry:
    """The (multi)polygon with its holes filled: a region's outline holds what it encloses.
    Natural Earth cuts the regions it draws inside another out of it (Asia has 100 holes,
    the Plateau of Tibet among them; the Malay Archipelago has Borneo as a hole), so a point
    of Tibet would lie outside Asia. Other geometries are returned as they are."""
    polygons = list(_polygons(geometry))
    if not polygons or not any(p.interiors for p in polygons):
        return geometry
    shells = [Polygon(p.exterior) for p in polygons]
    return shells[0] if len(shells) == 1 else shapely.union_all(shells)


def _polygons(geometry: BaseGeometry) -> Iterator[Polygon]:
    if isinstance(geometry, Polygon):
        yield geometry
    elif hasattr(geometry, "geoms"):
        for part in geometry.geoms:
            yield from _polygons(part)


def _near(a: BaseGeometry, b: BaseGeometry, degrees: float = 2.0) -> bool:
    """Whether two geometries lie within ``degrees`` of each other, across the antimeridian."""
    return any(a.distance(translate(b, xoff=dx)) <= degrees for dx in (0.0, 360.0, -360.0))


def _cluster(items: list[tuple[BaseGeometry, dict]]) -> list[list[tuple[BaseGeometry, dict]]]:
    """Group same-named features that are parts of one feature (close to each other)."""
    clusters: list[list[tuple[BaseGeometry, dict]]] = []
    for item in items:
        for cluster in clusters:
            if any(_near(item[0], other[0]) for other in cluster):
                cluster.append(item)
                break
        else:
            clusters.append([item])
    return clusters


def _sorted_clusters(clusters: list[list[tuple[BaseGeometry, dict]]]) -> list[BaseGeometry]:
    merged = [shapely.union_all([g for g, _ in c]) for c in clusters]
    return sorted(merged, key=lambda g: (round(g.bounds[0], 3), round(g.bounds[1], 3)))


def _load(ne_dir: Path, key: str) -> list[dict]:
    path = ne_dir / NE_FILES[key]
    try:
        with path.open(encoding="utf-8") as f:
            return json.load(f)["features"]
    except FileNotFoundError:
        raise GazetteerError(
            f"Natural Earth file {path.name} not found in {ne_dir}: download it from "
            "https://www.naturalearthdata.com/downloads/ (GeoJSON from the "
            "naturalearth-vector repository) or point --natural-earth at the right folder"
        ) from None
    except (OSError, ValueError, KeyError) as exc:
        raise GazetteerError(f"cannot read {path}: {exc}") from exc


# ---------------------------------------------------------------------------------------------
# sources


def countries(ne_dir: Path, geonames_countries: dict[str, dict]) -> list[Record]:
    """Countries from Natural Earth 50m admin-0, with GeoNames names and ISO codes as help."""
    by_iso3 = {c["iso3"]: c for c in geonames_countries.values()}
    records: list[Record] = []
    for feature in _load(ne_dir, "countries"):
        p = feature["properties"]
        iso3 = _text(p.get("ISO_A3")) or _text(p.get("ADM0_A3"))
        gn = by_iso3.get(iso3 or "") or by_iso3.get(_text(p.get("ADM0_A3")) or "")
        iso2 = _iso2(p.get("ISO_A2")) or _iso2(p.get("WB_A2")) or (gn and _iso2(gn.get("iso")))
        name = _text(p.get("NAME")) or _text(p.get("ADMIN"))
        if not name:
            continue
        if "." in name:  # "Dem. Rep. Congo" → "Democratic Republic of the Congo"
            name = _text(p.get("NAME_LONG")) or name
        place_id = f"iso:{iso2}" if iso2 else f"ne:country:{p['ADM0_A3']}"
        names = [
            _text(p.get(k))
            for k in (
                "NAME",
                "NAME_LONG",
                "ADMIN",
                "FORMAL_EN",
                "NAME_CIAWF",
                "BRK_NAME",
                "GEOUNIT",
            )
        ]
        names += (_text(p.get("NAME_ALT")) or "").split("|")
        names.append(inverted_short_name(_text(p.get("NAME_CIAWF")) or ""))
        if gn:
            names.append(gn["name"])
        codes = [c for c in (iso2, iso3, _text(p.get("ADM0_A3"))) if c]
        population = p.get("POP_EST") or (gn or {}).get("population") or 0
        records.append(
            Record(
                id=place_id,
                name=name,
                kind="country",
                geometry=shape(feature["geometry"]),
                country=iso2,
                prominence=max(float(population), 0.0),
                names=[n for n in names if n],
                wikidata=_text(p.get("WIKIDATAID")),
                source="naturalearth:ne_50m_admin_0_countries",
                codes=codes,
            )
        )
    return records


def cities(ne_dir: Path, geonames_cities: dict[str, dict]) -> list[Record]:
    """GeoNames cities of 15,000+ merged with Natural Earth populated places by geonameid."""
    by_gid: dict[int, Record] = {}
    for city in geonames_cities.values():
        gid = int(city["geonameid"])
        by_gid[gid] = Record(
            id=f"geonames:{gid}",
            name=" ".join(city["name"].split()),
            kind="city",
            geometry=Point(float(city["longitude"]), float(city["latitude"])),
            country=_iso2(city.get("countrycode")),
            prominence=float(city.get("population") or 0),
            alternates=[
                a
                for a in city.get("alternatenames", [])
                if good_alternate(a) and keep_alternate(a, city["name"], city.get("population"))
            ],
            source="geonames:cities15000",
        )
    gn_by_key: dict[tuple[str, str | None], list[Record]] = defaultdict(list)
    for city in geonames_cities.values():
        record = by_gid[int(city["geonameid"])]
        for label in {city["name"], *city.get("alternatenames", [])}:
            gn_by_key[(normalize(label), record.country)].append(record)
    no_gid: list[Record] = []
    for feature in _load(ne_dir, "places"):
        p = feature["properties"]
        name = _text(p.get("NAME_EN")) or _text(p.get("NAME"))
        if not name:
            continue
        gid = int(p.get("GEONAMEID") or -1)
        kind = "city"
        if p.get("FEATURECLA") in _CAPITAL_CLASSES or p.get("ADM0CAP") == 1:
            kind = "capital"
        elif p.get("FEATURECLA") in _OTHER_PLACE_CLASSES:
            kind = "other"
        ne_names = [_text(p.get(k)) for k in ("NAME", "NAMEASCII", "LS_NAME")]
        if kind != "other":  # for research stations these hold the operating country
            ne_names.append(_text(p.get("NAMEPAR")))
            ne_names += (_text(p.get("NAMEALT")) or "").split("|")
        x, y = (float(v) for v in feature["geometry"]["coordinates"][:2])
        iso2 = _iso2(p.get("ISO_A2"))
        record = by_gid.get(gid) if gid > 0 else None
        if record is not None and not _trusted_geonameid(record, [name, *ne_names], x, y):
            gid, record = -1, None  # Colombo, Sri Lanka carries the id of Colombo, Brazil
        if record is None and gid <= 0:
            record = _same_city(gn_by_key, [name, *ne_names], iso2, x, y)
        if record is None:
            record = Record(
                id=f"geonames:{gid}" if gid > 0 else _ne_place_id(name, iso2),
                name=name,
                kind=kind,
                geometry=Point(x, y),
                country=iso2,
                prominence=float(max(p.get("POP_MAX") or 0, 0)),
                source="naturalearth:ne_10m_populated_places",
            )
            if gid > 0:
                by_gid[gid] = record
            else:
                no_gid.append(record)
        else:
            # GeoNames names are current ("Kyiv"); a longer NE name that starts with the
            # GeoNames one is more specific ("Washington" → "Washington, D.C.")
            if name != record.name and name.startswith(record.name):
                record.names.append(record.name)
                record.name = name
            elif (
                (english := _text(p.get("NAME_EN")))
                and record.country not in ACCENTED_COUNTRIES
                and plainer_spelling(english, record.name)
            ):
                # "Herāt", "Ţarţūs", "Montréal" are "Herat", "Tartus", "Montreal" in English
                record.names.append(record.name)
                record.name = english
            record.kind = kind if kind != "city" else record.kind
            record.source = "geonames:cities15000+naturalearth:ne_10m_populated_places"
            if not record.prominence:
                record.prominence = float(max(p.get("POP_MAX") or 0, 0))
        record.names += [n for n in (name, *ne_names) if n]
        record.wikidata = record.wikidata or _text(p.get("wikidataid"))
    for record in [*by_gid.values(), *no_gid]:
        if record.name[:1].islower() and not record.name[1:2].isupper():
            # "la Barceloneta", "el Raval" start a sentence, a title, a table cell: capital
            # ("eMbalenhle", "eSikhaleni" are written so)
            record.names.append(record.name)
            record.name = record.name[0].upper() + record.name[1:]
        if record.country in CYRILLIC_COUNTRIES:
            plain = plain_cyrillic_romanization(record.name)
            if plain and plain != record.name:
                record.names.append(record.name)
                record.name = plain
        elif record.country in ROMANIZED_COUNTRIES:
            plain = plain_romanization(record.name)
            if plain and plain != record.name:
                record.names.append(record.name)
                record.name = plain
    # NE places without a geonameid may share a slug: suffix them deterministically
    seen: dict[str, int] = defaultdict(int)
    for record in sorted(no_gid, key=lambda r: (r.id, r.geometry.x, r.geometry.y)):
        seen[record.id] += 1
        if seen[record.id] > 1:
            record.id = f"{record.id}-{seen[record.id]}"
    return list(by_gid.values()) + no_gid


def _trusted_geonameid(record: Record, names: list[str | None], x: float, y: float) -> bool:
    """Whether a Natural Earth place at (x, y) named ``names`` is the GeoNames city its
    geonameid points to: within :data:`SAME_CITY_KM`, or within :data:`GEONAMEID_NAME_KM` with
    a name in common. Natural Earth gives a few capitals the id of a namesake elsewhere
    (Colombo, Santiago and Valparaíso in Brazil; Tripoli, Lebanon in Libya)."""
    km = great_circle_km(x, y, record.geometry.x, record.geometry.y)
    if km <= SAME_CITY_KM:
        return True
    if km > GEONAMEID_NAME_KM:
        return False
    own = {normalize(n) for n in (record.name, *record.alternates)}
    return any(n and normalize(n) in own for n in names)


def _same_city(
    gn_by_key: dict[tuple[str, str | None], list[Record]],
    names: list[str | None],
    country: str | None,
    x: float,
    y: float,
) -> Record | None:
    """The GeoNames city a Natural Earth place without a geonameid is (same name or alternate,
    same country, within :data:`SAME_CITY_KM`), nearest first."""
    found: dict[str, tuple[float, Record]] = {}
    for label in names:
        if not label:
            continue
        for record in gn_by_key.get((normalize(label), country), []):
            km = great_circle_km(x, y, record.geometry.x, record.geometry.y)
            if km <= SAME_CITY_KM:
                found[record.id] = (km, record)
    if not found:
        return None
    return min(found.values(), key=lambda item: (item[0], item[1].id))[1]


def _ne_place_id(name: str, iso2: str | None) -> str:
    return f"ne:place:{slug(name)}-{(iso2 or 'xx').lower()}"


def admin1(ne_dir: Path) -> list[Record]:
    """First-level divisions: label points worldwide, polygons for the US, CA, AU and BR.

    A division the label points leave unnamed (Kherson oblast, ``UKR-4827``; the Åland
    municipalities) is a record with an empty name: the build keeps it only when the curated
    English names name it."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for feature in _load(ne_dir, "admin1_points"):
        code = _text(feature["properties"].get("adm1_code"))
        if code:
            groups[code].append(feature)
    records: dict[str, Record] = {}
    for code, features in groups.items():
        named = [f for f in features if _text(f["properties"].get("name"))]
        best = min(
            named or features,
            key=lambda f: (
                f["properties"].get("scalerank", 99),
                f["properties"].get("adm0_sr", 99),
                f["properties"].get("OBJECTID_1", 0),
            ),
        )
        if not named:
            best = _central(features, best)
        p = best["properties"]
        x, y = best["geometry"]["coordinates"][:2]
        name = source_name = admin1_name(_text(p.get("name")) or "")
        if _iso2(p.get("iso_a2")) in CYRILLIC_COUNTRIES:
            name = plain_cyrillic_romanization(name)  # "Tver'", "Yaroslavl'"
        records[code] = Record(
            id=f"ne:admin1:{code}",
            name=name,
            names=[source_name] if source_name != name else [],
            kind="admin1",
            geometry=Point(float(x), float(y)),
            country=_iso2(p.get("iso_a2")),
            prominence=admin1_prominence(_rank(p, 11)),
            source="naturalearth:ne_10m_admin_1_label_points",
            territory=is_territory_label(_text(p.get("name")) or ""),
        )
    for feature in _load(ne_dir, "admin1_polygons"):
        p = feature["properties"]
        code = _text(p.get("adm1_code"))
        name = _text(p.get("name"))
        if not code or not name:
            continue
        record = records.get(code) or Record(
            id=f"ne:admin1:{code}",
            name=name,
            kind="admin1",
            geometry=Point(0, 0),
            country=_iso2(p.get("iso_a2")),
            prominence=admin1_prominence(_rank(p, 11)),
        )
        record.geometry = shape(feature["geometry"])
        record.source = "naturalearth:ne_50m_admin_1_states_provinces"
        for alt in (_text(p.get("name_alt")) or "").split("|"):
            alt = alt.strip()
            if not alt:
                continue
            if _CODE.match(alt) or alt.endswith("."):
                record.codes.append(alt)
            elif normalize(alt) != normalize(name):
                # old and foreign names ("Rio Branco" for Roraima, "Upper Canada"): alternates,
                # so a city or country that has the name as its own comes first
                record.alternates.append(alt)
        for key in ("woe_name", "gn_name", "name_local"):
            value = _text(p.get(key))
            if value and is_latin_text(value):
                record.names.append(value)
        for key in ("postal", "abbrev", "iso_3166_2", "code_hasc"):
            value = _text(p.get(key))
            if value:
                record.codes.append(value)
        records[code] = record
    return list(records.values())


_ADMIN1_TECHNICAL = re.compile(
    r"^[A-Z]{3}-\d\d \((?P<name>[^()]*?) ?(?P<what>aggregation|remainder|minor island)\)$"
)


def admin1_name(name: str) -> str:
    """A label point's name as shown: Natural Earth labels the parts of a country that are
    not a division with a code and a note ("CYM-00 (Cayman Is. aggregation)", "CAN-99 (Canada
    minor island)"); those are shown as the territory ("Cayman Islands") or as the country's
    minor islands ("Minor islands of Canada"), and an empty note ("JPN-99 ( minor island)")
    gives an empty name (the build drops the place). Other names are returned unchanged."""
    m = _ADMIN1_TECHNICAL.match(name)
    if not m:
        return name
    inner = re.sub(r"\s*\[[^\]]*\]", "", m["name"]).strip()
    if not inner:
        return ""
    if m["what"] == "minor island":
        return f"Minor islands of {feature_name(inner)}"
    return feature_name(inner)


def is_territory_label(name: str) -> bool:
    """Whether a label point's name marks it as a whole territory rather than a division
    ("CYM-00 (Cayman Is. aggregation)", "BVT-00 (Bouvet I. remainder)")."""
    m = _ADMIN1_TECHNICAL.match(name)
    return bool(m) and m["what"] != "minor island"


def _central(features: list[dict], best: dict) -> dict:
    """Of an unnamed division's best-ranked label points (its parts: Kherson oblast's
    mainland and its spits), the one nearest their mean, rather than the first by object id."""
    rank = best["properties"].get("scalerank", 99)
    top = [f for f in features if f["properties"].get("scalerank", 99) == rank]
    xs = [float(f["geometry"]["coordinates"][0]) for f in top]
    ys = [float(f["geometry"]["coordinates"][1]) for f in top]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return min(
        top,
        key=lambda f: (
            (float(f["geometry"]["coordinates"][0]) - mx) ** 2
            + (float(f["geometry"]["coordinates"][1]) - my) ** 2,
            f["properties"].get("OBJECTID_1", 0),
        ),
    )


def marine(ne_dir: Path) -> list[Record]:
    """Oceans, seas, straits, gulfs, bays… (same-named parts merged), plus the Pacific and
    Atlantic Oceans as the unions of their North and South parts."""
    groups: dict[tuple[str, str], list[tuple[BaseGeometry, dict]]] = defaultdict(list)
    for feature in _load(ne_dir, "marine"):
        p = feature["properties"]
        name = _text(p.get("name"))
        kind = _MARINE_KINDS.get(p.get("featurecla") or "")
        if not name or not kind:
            continue
        groups[(display_name(name), kind)].append((shape(feature["geometry"]), p))
    records: list[Record] = []
    for (name, kind), items in sorted(groups.items()):
        props = [p for _, p in items]
        names = [_text(p.get("namealt")) for p in props]
        names += [
            _text(p.get("note"))
            for p in props
            if (_text(p.get("note")) or "_").isascii()
            and not (_text(p.get("note")) or "_").startswith(("_", "Internal"))
        ]
        rank = min(_rank(p, 10) for p in props)
        for i, geometry in enumerate(_sorted_clusters(_cluster(items))):
            records.append(
                Record(
                    id=f"ne:marine:{slug(name)}" + (f"-{i + 1}" if i else ""),
                    name=feature_name(name),
                    kind=kind,
                    geometry=geometry,
                    prominence=feature_prominence(rank),
                    names=source_form(name) + [display_name(n) for n in names if n],
                    source="naturalearth:ne_10m_geography_marine_polys",
                )
            )
    by_id = {r.id: r for r in records}
    for whole, parts in (
        ("Pacific Ocean", ("north-pacific-ocean", "south-pacific-ocean")),
        ("Atlantic Ocean", ("north-atlantic-ocean", "south-atlantic-ocean")),
    ):
        halves = [by_id[f"ne:marine:{p}"] for p in parts if f"ne:marine:{p}" in by_id]
        if len(halves) == 2:
            records.append(
                Record(
                    id=f"ne:marine:{slug(whole)}",
                    name=whole,
                    kind="ocean",
                    geometry=shapely.union_all([h.geometry for h in halves]),
                    prominence=feature_prominence(-0.5),
                    source="naturalearth:ne_10m_geography_marine_polys",
                )
            )
    return records


def regions(ne_dir: Path) -> list[Record]:
    """Islands, island groups, peninsulas, ranges, deserts and geographic areas (polygons),
    and the smaller ones Natural Earth only has as label points."""
    groups: dict[tuple[str, str], list[tuple[BaseGeometry, dict]]] = defaultdict(list)
    for feature in _load(ne_dir, "regions"):
        p = feature["properties"]
        name = _text(p.get("name"))
        featurecla = p.get("featurecla") or ""
        if not name or featurecla in _SKIP_REGION_CLASSES:
            continue
        kind = _REGION_KINDS.get(featurecla, "region")
        groups[(display_name(name), kind)].append((shape(feature["geometry"]), p))
    records: list[Record] = []
    polygons_by_key: dict[str, list[BaseGeometry]] = defaultdict(list)
    for (name, kind), items in sorted(groups.items()):
        props = [p for _, p in items]
        rank = min(_rank(p, 10) for p in props)
        names = [display_name(n) for p in props if (n := _text(p.get("namealt")))]
        for i, whole in enumerate(_sorted_clusters(_cluster(items))):
            geometry = filled(whole)
            records.append(
                Record(
                    id=f"ne:region:{slug(name)}" + (f"-{i + 1}" if i else ""),
                    name=feature_name(name),
                    kind=kind,
                    geometry=geometry,
                    prominence=feature_prominence(rank, top=7.0),
                    names=source_form(name) + names,
                    source="naturalearth:ne_10m_geography_regions_polys",
                )
            )
            polygons_by_key[normalize(name)].append(geometry)
    taken = {r.id for r in records}
    for feature in sorted(
        _load(ne_dir, "region_points"),
        key=lambda f: (str(f["properties"].get("name")), f["geometry"]["coordinates"]),
    ):
        p = feature["properties"]
        name = _text(p.get("name"))
        if not name:
            continue
        point = Point(*feature["geometry"]["coordinates"][:2])
        if any(_near(point, g, 1.0) for g in polygons_by_key.get(normalize(name), [])):
            continue
        base = f"ne:region:{slug(display_name(name))}"
        place_id, n = base, 1
        while place_id in taken:
            n += 1
            place_id = f"{base}-{n}"
        taken.add(place_id)
        records.append(
            Record(
                id=place_id,
                name=feature_name(name),
                kind=_REGION_POINT_KINDS.get(p.get("featurecla") or "", "other"),
                geometry=point,
                prominence=feature_prominence(_rank(p, 10), top=6.0),
                names=source_form(name) + [n for n in (_text(p.get("name_alt")),) if n],
                source="naturalearth:ne_10m_geography_regions_points",
            )
        )
    return records


def disputed(ne_dir: Path, country_names: set[str]) -> list[Record]:
    """Disputed and breakaway areas (Crimea, Gaza, Kashmir…) as regions, with their population
    estimate as prominence; those named like a whole country are skipped."""
    groups: dict[str, list[tuple[BaseGeometry, dict]]] = defaultdict(list)
    for feature in _load(ne_dir, "disputed"):
        p = feature["properties"]
        name = _text(p.get("BRK_NAME")) or _text(p.get("NAME"))
        if not name or normalize(name) in country_names:
            continue
        groups[name].append((shape(feature["geometry"]), p))
    records = []
    for name, items in sorted(groups.items()):
        for i, geometry in enumerate(_sorted_clusters(_cluster(items))):
            records.append(
                Record(
                    id=f"ne:disputed:{slug(name)}" + (f"-{i + 1}" if i else ""),
                    name=feature_name(name),
                    names=source_form(name),
                    kind="region",
                    geometry=geometry,
                    country=_iso2(items[0][1].get("ISO_A2")),
                    prominence=max(float(items[0][1].get("POP_EST") or 0), 0.0),
                    source="naturalearth:ne_10m_admin_0_disputed_areas",
                )
            )
    return records


def land(ne_dir: Path) -> BaseGeometry:
    """All land polygons as one simplified MultiPolygon."""
    parts = [shape(f["geometry"]) for f in _load(ne_dir, "land")]
    return clean_geometry(shapely.union_all(parts), LAND_TOLERANCE)
