"""Natural Earth and GeoNames records, read and cleaned for the gazetteer build.

Each function reads one source into :class:`Record` objects (mutable places being built):
:func:`countries`, :func:`admin1`, :func:`marine`, :func:`regions`, :func:`disputed`, and
:func:`land`; cities are read by :mod:`gazetteer.citysources`, the record and the field
readers live in :mod:`gazetteer.records`, geometry cleaning in :mod:`gazetteer.cleaning`. The
rules (ids, names kept, prominence figures, simplification) are documented in
docs/gazetteer.md; :mod:`gazetteer.build` assembles the records into the artifact.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import shapely
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry

from gazetteer.cleaning import (
    LAND_TOLERANCE,
    clean_geometry,
    cluster_parts,
    filled,
    merged_clusters,
    near,
)
from gazetteer.normalize import normalize
from gazetteer.records import (
    Record,
    admin1_prominence,
    feature_prominence,
    iso2_code,
    load_features,
    scale_rank,
    text_value,
)
from gazetteer.source_names import (
    CYRILLIC_COUNTRIES,
    display_name,
    feature_name,
    inverted_short_name,
    is_latin_text,
    plain_cyrillic_romanization,
    slug,
    source_form,
)

#: Natural Earth's ``featurecla`` values (the source's own codes, not English read in news)
#: and the kinds of place they become.
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
_CODE = re.compile(r"^[A-Z]{2,3}$")


def countries(ne_dir: Path, geonames_countries: dict[str, dict]) -> list[Record]:
    """Countries from Natural Earth 50m admin-0, with GeoNames names and ISO codes as help."""
    by_iso3 = {c["iso3"]: c for c in geonames_countries.values()}
    records: list[Record] = []
    for feature in load_features(ne_dir, "countries"):
        p = feature["properties"]
        iso3 = text_value(p.get("ISO_A3")) or text_value(p.get("ADM0_A3"))
        gn = by_iso3.get(iso3 or "") or by_iso3.get(text_value(p.get("ADM0_A3")) or "")
        iso2 = (
            iso2_code(p.get("ISO_A2"))
            or iso2_code(p.get("WB_A2"))
            or (gn and iso2_code(gn.get("iso")))
        )
        name = text_value(p.get("NAME")) or text_value(p.get("ADMIN"))
        if not name:
            continue
        if "." in name:  # "Dem. Rep. Congo" → "Democratic Republic of the Congo"
            name = text_value(p.get("NAME_LONG")) or name
        place_id = f"iso:{iso2}" if iso2 else f"ne:country:{p['ADM0_A3']}"
        names = [
            text_value(p.get(k))
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
        names += (text_value(p.get("NAME_ALT")) or "").split("|")
        names.append(inverted_short_name(text_value(p.get("NAME_CIAWF")) or ""))
        if gn:
            names.append(gn["name"])
        codes = [c for c in (iso2, iso3, text_value(p.get("ADM0_A3"))) if c]
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
                wikidata=text_value(p.get("WIKIDATAID")),
                source="naturalearth:ne_50m_admin_0_countries",
                codes=codes,
            )
        )
    return records


def admin1(ne_dir: Path) -> list[Record]:
    """First-level divisions: label points worldwide, polygons for the US, CA, AU and BR.

    A division the label points leave unnamed (Kherson oblast, ``UKR-4827``; the Åland
    municipalities) is a record with an empty name: the build keeps it only when the curated
    English names name it."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for feature in load_features(ne_dir, "admin1_points"):
        code = text_value(feature["properties"].get("adm1_code"))
        if code:
            groups[code].append(feature)
    records: dict[str, Record] = {}
    for code, features in groups.items():
        named = [f for f in features if text_value(f["properties"].get("name"))]
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
        name = source_name = admin1_name(text_value(p.get("name")) or "")
        if iso2_code(p.get("iso_a2")) in CYRILLIC_COUNTRIES:
            name = plain_cyrillic_romanization(name)  # "Tver'", "Yaroslavl'"
        records[code] = Record(
            id=f"ne:admin1:{code}",
            name=name,
            names=[source_name] if source_name != name else [],
            kind="admin1",
            geometry=Point(float(x), float(y)),
            country=iso2_code(p.get("iso_a2")),
            prominence=admin1_prominence(scale_rank(p, 11)),
            source="naturalearth:ne_10m_admin_1_label_points",
            territory=is_territory_label(text_value(p.get("name")) or ""),
        )
    for feature in load_features(ne_dir, "admin1_polygons"):
        p = feature["properties"]
        code = text_value(p.get("adm1_code"))
        name = text_value(p.get("name"))
        if not code or not name:
            continue
        record = records.get(code) or Record(
            id=f"ne:admin1:{code}",
            name=name,
            kind="admin1",
            geometry=Point(0, 0),
            country=iso2_code(p.get("iso_a2")),
            prominence=admin1_prominence(scale_rank(p, 11)),
        )
        record.geometry = shape(feature["geometry"])
        record.source = "naturalearth:ne_50m_admin_1_states_provinces"
        for alt in (text_value(p.get("name_alt")) or "").split("|"):
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
            value = text_value(p.get(key))
            if value and is_latin_text(value):
                record.names.append(value)
        for key in ("postal", "abbrev", "iso_3166_2", "code_hasc"):
            value = text_value(p.get(key))
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
    for feature in load_features(ne_dir, "marine"):
        p = feature["properties"]
        name = text_value(p.get("name"))
        kind = _MARINE_KINDS.get(p.get("featurecla") or "")
        if not name or not kind:
            continue
        groups[(display_name(name), kind)].append((shape(feature["geometry"]), p))
    records: list[Record] = []
    for (name, kind), items in sorted(groups.items()):
        props = [p for _, p in items]
        names = [text_value(p.get("namealt")) for p in props]
        names += [
            text_value(p.get("note"))
            for p in props
            if (text_value(p.get("note")) or "_").isascii()
            and not (text_value(p.get("note")) or "_").startswith(("_", "Internal"))
        ]
        rank = min(scale_rank(p, 10) for p in props)
        for i, geometry in enumerate(merged_clusters(cluster_parts(items))):
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
    for feature in load_features(ne_dir, "regions"):
        p = feature["properties"]
        name = text_value(p.get("name"))
        featurecla = p.get("featurecla") or ""
        if not name or featurecla in _SKIP_REGION_CLASSES:
            continue
        kind = _REGION_KINDS.get(featurecla, "region")
        groups[(display_name(name), kind)].append((shape(feature["geometry"]), p))
    records: list[Record] = []
    polygons_by_key: dict[str, list[BaseGeometry]] = defaultdict(list)
    for (name, kind), items in sorted(groups.items()):
        props = [p for _, p in items]
        rank = min(scale_rank(p, 10) for p in props)
        names = [display_name(n) for p in props if (n := text_value(p.get("namealt")))]
        for i, whole in enumerate(merged_clusters(cluster_parts(items))):
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
        load_features(ne_dir, "region_points"),
        key=lambda f: (str(f["properties"].get("name")), f["geometry"]["coordinates"]),
    ):
        p = feature["properties"]
        name = text_value(p.get("name"))
        if not name:
            continue
        point = Point(*feature["geometry"]["coordinates"][:2])
        if any(near(point, g, 1.0) for g in polygons_by_key.get(normalize(name), [])):
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
                prominence=feature_prominence(scale_rank(p, 10), top=6.0),
                names=source_form(name) + [n for n in (text_value(p.get("name_alt")),) if n],
                source="naturalearth:ne_10m_geography_regions_points",
            )
        )
    return records


def disputed(ne_dir: Path, country_names: set[str]) -> list[Record]:
    """Disputed and breakaway areas (Crimea, Gaza, Kashmir…) as regions, with their population
    estimate as prominence; those named like a whole country are skipped."""
    groups: dict[str, list[tuple[BaseGeometry, dict]]] = defaultdict(list)
    for feature in load_features(ne_dir, "disputed"):
        p = feature["properties"]
        name = text_value(p.get("BRK_NAME")) or text_value(p.get("NAME"))
        if not name or normalize(name) in country_names:
            continue
        groups[name].append((shape(feature["geometry"]), p))
    records = []
    for name, items in sorted(groups.items()):
        for i, geometry in enumerate(merged_clusters(cluster_parts(items))):
            records.append(
                Record(
                    id=f"ne:disputed:{slug(name)}" + (f"-{i + 1}" if i else ""),
                    name=feature_name(name),
                    names=source_form(name),
                    kind="region",
                    geometry=geometry,
                    country=iso2_code(items[0][1].get("ISO_A2")),
                    prominence=max(float(items[0][1].get("POP_EST") or 0), 0.0),
                    source="naturalearth:ne_10m_admin_0_disputed_areas",
                )
            )
    return records


def land(ne_dir: Path) -> BaseGeometry:
    """All land polygons as one simplified MultiPolygon."""
    parts = [shape(f["geometry"]) for f in load_features(ne_dir, "land")]
    return clean_geometry(shapely.union_all(parts), LAND_TOLERANCE)
