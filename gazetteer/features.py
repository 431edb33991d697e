"""Rivers, lakes, mountains, ports and airports from Natural Earth, for the gazetteer build.

Bare feature names are false friends: "Alabama", "Arkansas" and "Amazonas" are rivers as
well as states, "Campana" is a port and a town, "Solapur" an airport and a city. So a feature
is indexed only under names that hold a designator word of its kind, as a reader would
accept them: the source name when it already holds one ("Bayou Lafourche", "Cedar Lake",
"Jebel Toubkal"), else the forms of ``gazetteer/data/features.yaml`` built from it
("Mississippi River", "River Thames", "Lake Vänern", "Port of Campana", "Solapur Airport").
Alternate names of the source (``name_alt``, ``name_en``, an airport's Wikipedia title) get
the same treatment. The rules and their measured effect are in docs/gazetteer.md.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import shapely
import yaml
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree

from gazetteer.cleaning import cluster_parts, merged_clusters
from gazetteer.errors import GazetteerError
from gazetteer.normalize import normalize
from gazetteer.records import (
    NE_FILES,
    Record,
    feature_prominence,
    load_features,
    scale_rank,
    text_value,
)
from gazetteer.source_names import display_name, slug

FEATURES_FILE = Path(__file__).parent / "data" / "features.yaml"

#: The Natural Earth files read here, by key (added to :data:`gazetteer.records.NE_FILES`).
FEATURE_FILES = {
    "rivers": "ne_10m_rivers_lake_centerlines.json",
    "lakes": "ne_10m_lakes.json",
    "mountains": "ne_10m_geography_regions_elevation_points.json",
    "ports": "ne_10m_ports.json",
    "airports": "ne_10m_airports.json",
}
NE_FILES.update(FEATURE_FILES)

#: Prominence tops (``10 ** (top - scalerank)``): a feature never outranks the city or the
#: division whose name it holds unless the text writes its designator.
#: Rivers of a larger scale rank are not indexed: Natural Earth keeps one of many namesakes
#: of a minor river ("James", "Red", "St. Marys" rivers), so the one it has is a guess. On LGL
#: the minor rivers it had fired 11 times, 4 right and 7 wrong; the major ones 2 of 2 right.
MAX_RIVER_RANK = 6
#: A point feature this close to a country's outline (degrees) lies in it.
COAST_DEGREES = 0.1
_TOPS = {"river": 7.0, "lake": 7.0, "mountain": 6.0, "port": 3.0, "airport": 3.0}


@dataclass(frozen=True)
class Designators:
    """The designator words and name forms of one kind (``features.yaml``)."""

    words: frozenset[str]
    forms: tuple[str, ...]
    #: words of a name that name nothing of the feature ("Int'l", "Regional"): an airport's
    #: name without its town keeps a distinctive word only (:func:`_without_city`)
    generic: frozenset[str] = frozenset()


def load_designators(path: Path = FEATURES_FILE) -> tuple[dict[str, Designators], dict[str, str]]:
    """The designators by kind and the abbreviations to spell out, from ``features.yaml``."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise GazetteerError(f"cannot read {path}: {exc}") from exc
    abbreviations = {str(k): str(v) for k, v in (data.pop("abbreviations", None) or {}).items()}
    kinds = {}
    for kind, entry in data.items():
        if not isinstance(entry, dict) or not entry.get("forms"):
            raise GazetteerError(f"{path}: {kind!r} needs a list of forms")
        words = frozenset(str(w).lower() for w in entry.get("words") or [])
        generic = frozenset(str(w).lower() for w in entry.get("generic") or [])
        kinds[str(kind)] = Designators(words, tuple(str(f) for f in entry["forms"]), generic)
    return kinds, abbreviations


def designated_names(
    name: str, designators: Designators, abbreviations: dict[str, str]
) -> list[str]:
    """The names a feature called ``name`` is indexed under: ``name`` itself (abbreviations
    spelled out) when one of its words is a designator of the kind, else the kind's forms.
    ``designated_names("Mt. Kenya", …)`` is ``["Mount Kenya"]``, ``designated_names("Thames",
    …)`` for a river ``["Thames River", "River Thames"]``."""
    words = [abbreviations.get(w, w) for w in display_name(name).split()]
    spelled = " ".join(words)
    if not spelled:
        return []
    if any(w.lower() in designators.words for w in [*words, *name.split()]):
        return [spelled]
    out = [form.format(spelled) for form in designators.forms]
    # "Hodeidah International" takes "… Airport", not "… International International Airport"
    return [n for n in out if not any(a == b for a, b in itertools.pairwise(n.split()))]


def _country_finder(countries: list[Record]) -> Any:
    """A function giving the ISO code of the one country a geometry lies in, or None when it
    crosses a border; a point (a port on a generalised coast) takes the nearest country
    within :data:`COAST_DEGREES`."""
    polygons = [r for r in countries if r.geometry.geom_type != "Point" and r.country]
    tree = STRtree([r.geometry for r in polygons])

    def country_of(geometry: BaseGeometry) -> str | None:
        if geometry.geom_type == "Point":
            hits = tree.query(geometry, predicate="dwithin", distance=COAST_DEGREES)
            if not len(hits):
                return None
            best = min(hits, key=lambda i: (polygons[i].geometry.distance(geometry), i))
            return polygons[best].country
        codes = {polygons[i].country for i in tree.query(geometry, predicate="intersects")}
        return codes.pop() if len(codes) == 1 else None

    return country_of


def features(
    ne_dir: Path,
    countries: list[Record],
    town_names: set[str] = frozenset(),  # type: ignore[assignment]
    city_names: set[str] = frozenset(),  # type: ignore[assignment]
    path: Path = FEATURES_FILE,
) -> list[Record]:
    """Rivers (lines), lakes (polygons), mountains, ports and airports (points) as records
    indexed under their designated names (:func:`designated_names`); same-named parts of one
    river or lake are merged, namesakes far apart stay apart (``-2`` ids). A designated name
    of a mountain, port or airport that is also the name of a town (``town_names``,
    normalized: "Mount Washington", "Port Said") is left to the town; minor rivers
    (:data:`MAX_RIVER_RANK`) and their namesakes are left out."""
    designators, abbreviations = load_designators(path)
    country_of = _country_finder(countries)
    records: list[Record] = []
    taken: set[str] = set()
    rivers, abbrev = designators["river"], abbreviations
    # names of the minor rivers left out: their namesakes, "Red River" for the Red River of
    # Vietnam (Natural Earth's "Hong"), are guesses too
    minor: set[str] = set()
    for key, kind, classes in (
        ("rivers", "river", {"River"}),
        ("lakes", "lake", {"Lake", "Reservoir", "Alkaline Lake"}),
        ("mountains", "mountain", {"mountain"}),
        ("ports", "port", {"Port"}),
        ("airports", "airport", None),
    ):
        groups: dict[str, list[tuple[BaseGeometry, dict]]] = defaultdict(list)
        for feature in load_features(ne_dir, key):
            p = feature["properties"]
            name = text_value(p.get("name"))
            if not name or not feature.get("geometry"):
                continue
            if classes is not None and p.get("featurecla") not in classes:
                continue
            if kind == "river" and scale_rank(p, 10) > MAX_RIVER_RANK:
                for other in [name, *_other_names(p, kind)]:
                    minor.update(normalize(n) for n in designated_names(other, rivers, abbrev))
                continue
            name = name.split("(")[0].split("/")[0].strip()  # "Oostende (Ostend)"
            if name and "delta" not in name.lower().split():
                groups[name].append((shape(feature["geometry"]), p))
        # an other name several features share ("Great Lakes" for each of them) names none
        shared = Counter(o for items in groups.values() for o in {
            o for _, p in items for o in _other_names(p, kind)
        })  # fmt: skip
        # a point feature named like a town ("Mount Washington") is left to the town
        excluded = minor | (town_names if kind in {"mountain", "port", "airport"} else set())
        for name, items in sorted(groups.items()):
            labels = designated_names(name, designators[kind], abbreviations)
            if kind == "airport":  # "London Heathrow" is also "Heathrow Airport"
                generic = designators[kind].generic
                for short in _without_city(name, town_names, city_names, generic):
                    labels += designated_names(short, designators[kind], abbreviations)
            labels = [n for n in labels if normalize(n) not in excluded]
            alternates: list[str] = []
            for p in (p for _, p in items):
                for other in _other_names(p, kind):
                    if shared[other] > 1:
                        continue
                    for label in designated_names(other, designators[kind], abbreviations):
                        if normalize(label) in excluded:
                            continue
                        if label not in labels and label not in alternates:
                            alternates.append(label)
            if not labels:
                continue
            rank = min(scale_rank(p, 10) for _, p in items)
            clusters = merged_clusters(cluster_parts(items)) if kind in {"river", "lake"} else None
            geometries = clusters or [g for g, _ in sorted(items, key=lambda i: i[0].bounds)]
            for i, geometry in enumerate(geometries):
                if kind == "river":
                    geometry = (
                        shapely.line_merge(geometry)
                        if geometry.geom_type != "LineString"
                        else geometry
                    )
                base = place_id = f"ne:{kind}:{slug(name)}"
                n = i + 1
                while place_id in taken:  # namesakes apart, "Saint John's" / "Saint-John's"
                    n += 1
                    place_id = f"{base}-{n}"
                taken.add(place_id)
                records.append(
                    Record(
                        id=place_id,
                        name=labels[0],
                        names=labels[1:],
                        alternates=alternates,
                        kind=kind,
                        geometry=geometry,
                        country=country_of(geometry),
                        prominence=feature_prominence(rank, top=_TOPS[kind]),
                        source=f"naturalearth:{FEATURE_FILES[key].removesuffix('.json')}",
                    )
                )
    return records


def _without_city(
    name: str,
    town_names: set[str],
    city_names: set[str],
    generic: frozenset[str] | None = None,
) -> list[str]:
    """An airport's name without the town it serves when the name opens with one ("London
    Heathrow" → ``["Heathrow"]``, "Chicago O'Hare Int'l" → ``["O'Hare"]``), so the
    designated "Heathrow Airport" names it as news writes it; ``[]`` when no town opens the
    name or nothing distinctive is left ("Beirut Int'l", "Newark Int'l", "Port Columbus": the
    word left is a city's name in ``city_names``, a small town's such as Heathrow may stay).
    ``generic`` are the words that name nothing of an airport (``generic`` of the airport
    entry of ``features.yaml`` when not given)."""
    if generic is None:
        generic = load_designators()[0]["airport"].generic
    words = name.split()
    for n in (2, 1):
        if len(words) > n and normalize(" ".join(words[:n])) in town_names:
            rest = words[n:]
            while rest and normalize(rest[-1]) in generic:
                rest = rest[:-1]
            # one distinctive word, itself no town's name: "Heathrow", not "Columbus", "2",
            # "Air Force", "de Janeiro …" (a town of two words cut in half)
            if len(rest) != 1 or not _DISTINCTIVE.fullmatch(rest[0]):
                return []
            word = normalize(rest[0])
            return [] if word in city_names or word in generic else [rest[0]]
    return []


#: A distinctive word of an airport's name: capitalised letters ("Heathrow", "O'Hare").
_DISTINCTIVE = re.compile(r"[A-Z][a-z]*(?:'[A-Z])?[a-z]{2,}")


def _other_names(p: dict, kind: str) -> list[str]:
    """A feature's other names in the source: ``name_alt`` and ``name_en``, and for an
    airport the title of its Wikipedia article ("London Heathrow Airport")."""
    out = [n for k in ("name_alt", "name_en") if (n := text_value(p.get(k)))]
    if kind == "airport":
        url = text_value(p.get("wikipedia")) or ""
        title = unquote(url.rsplit("/", 1)[-1]).replace("_", " ").strip()
        if title.endswith("Airport") and title.isascii():
            out.append(title)
    return [n for part in out for n in part.split("|") if normalize(n)]


__all__ = ["FEATURE_FILES", "designated_names", "features", "load_designators"]
