"""Cities for the gazetteer build: GeoNames cities of 15,000+ merged with Natural Earth's
populated places.

:func:`cities` is the reader; :func:`trusted_geonameid` says whether a Natural Earth place's
geonameid may be believed. The rules are documented in docs/gazetteer.md.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from shapely.geometry import Point

from gazetteer.normalize import normalize
from gazetteer.records import Record, iso2_code, load_features, text_value
from gazetteer.source_names import (
    ACCENTED_COUNTRIES,
    CYRILLIC_COUNTRIES,
    ROMANIZED_COUNTRIES,
    good_alternate,
    keep_alternate,
    plain_cyrillic_romanization,
    plain_romanization,
    plainer_spelling,
    slug,
)
from lonlat.distance import km as great_circle_km

#: A Natural Earth place without a geonameid is the same-named GeoNames city within this
#: distance (km) in the same country.
SAME_CITY_KM = 30.0
#: A Natural Earth place's geonameid is trusted up to this distance (km) from the GeoNames
#: city when they share a name (Natural Earth and GeoNames points of one town can be far
#: apart in sparse regions).
GEONAMEID_NAME_KM = 200.0


_CAPITAL_CLASSES = {"Admin-0 capital", "Admin-0 capital alt", "Admin-0 region capital"}
_OTHER_PLACE_CLASSES = {"Scientific station", "Meteorological Station", "Historic place"}


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
            country=iso2_code(city.get("countrycode")),
            prominence=float(city.get("population") or 0),
            alternates=[
                a
                for a in city.get("alternatenames", [])
                if good_alternate(a)
                and keep_alternate(
                    a, city["name"], city.get("population"), iso2_code(city.get("countrycode"))
                )
            ],
            source="geonames:cities15000",
        )
    gn_by_key: dict[tuple[str, str | None], list[Record]] = defaultdict(list)
    for city in geonames_cities.values():
        record = by_gid[int(city["geonameid"])]
        for label in {city["name"], *city.get("alternatenames", [])}:
            gn_by_key[(normalize(label), record.country)].append(record)
    no_gid: list[Record] = []
    for feature in load_features(ne_dir, "places"):
        p = feature["properties"]
        name = text_value(p.get("NAME_EN")) or text_value(p.get("NAME"))
        if not name:
            continue
        gid = int(p.get("GEONAMEID") or -1)
        kind = "city"
        if p.get("FEATURECLA") in _CAPITAL_CLASSES or p.get("ADM0CAP") == 1:
            kind = "capital"
        elif p.get("FEATURECLA") in _OTHER_PLACE_CLASSES:
            kind = "other"
        ne_names = [text_value(p.get(k)) for k in ("NAME", "NAMEASCII", "LS_NAME")]
        if kind != "other":  # for research stations these hold the operating country
            ne_names.append(text_value(p.get("NAMEPAR")))
            ne_names += (text_value(p.get("NAMEALT")) or "").split("|")
        x, y = (float(v) for v in feature["geometry"]["coordinates"][:2])
        iso2 = iso2_code(p.get("ISO_A2"))
        record = by_gid.get(gid) if gid > 0 else None
        if record is not None and not trusted_geonameid(record, [name, *ne_names], x, y):
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
                (english := text_value(p.get("NAME_EN")))
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
        record.wikidata = record.wikidata or text_value(p.get("wikidataid"))
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


def trusted_geonameid(record: Record, names: list[str | None], x: float, y: float) -> bool:
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
