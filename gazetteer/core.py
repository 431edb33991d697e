"""The gazetteer: a name index over places, ranked lookups, and lazily decoded geometries.

>>> from gazetteer import Gazetteer, Context
>>> gaz = Gazetteer.default()
>>> gaz.resolve("Kazan").country
'RU'
>>> gaz.resolve("Georgia").id
'iso:GE'
>>> gaz.resolve("Georgia", context=Context(nearby=(gaz.resolve("Atlanta"),))).id
'ne:admin1:USA-3543'

Lookups normalize the query (:func:`gazetteer.normalize.normalize`), find every place indexed
under that key, and score each one (higher is better)::

    score = log10(1 + prominence) + kind bonus + name bonus + context bonuses

See :data:`KIND_BONUS`, :data:`TIER_BONUS` and the ``*_BONUS`` constants; docs/gazetteer.md
explains the rules with examples.
"""

from __future__ import annotations

import difflib
import math
from array import array
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely
from shapely.geometry import Point, mapping
from shapely.geometry.base import BaseGeometry

from gazetteer.artifact import (
    ITEM_SEP,
    ROW_SEP,
    TIER_ALIAS,
    TIER_ALTERNATE,
    TIER_NAME,
    ArtifactPaths,
    read_gzip,
    read_index,
)
from gazetteer.errors import GazetteerError
from gazetteer.normalize import normalize, variants
from gazetteer.place import Place

if TYPE_CHECKING:
    from gazetteer.userplaces import UserPlaces

#: The bundled artifact.
DATA_DIR = Path(__file__).parent / "data"

#: Added to log10(1 + prominence) by kind: a country beats a same-named town, a capital
#: beats a village, a named area beats a vague region.
KIND_BONUS: dict[str, float] = {
    "country": 1.5,
    "capital": 1.0,
    "island_group": -0.5,
    "peninsula": -0.5,
    "range": -0.5,
    "desert": -0.5,
    "region": -1.0,
    "other": -1.5,
}
#: Added by how the name matched: the place's own name, a GeoNames alternate, a curated alias.
TIER_BONUS: dict[int, float] = {TIER_NAME: 0.0, TIER_ALTERNATE: -1.5, TIER_ALIAS: 3.0}
#: An alternate-name match loses this much more when another place has the name as its own
#: name and is prominent (static score at least OWN_NAME_SCORE): "Victoria" is the Australian
#: state before it is a historical name of Hong Kong.
SHADOWED_ALTERNATE_PENALTY = 2.0
OWN_NAME_SCORE = 5.0
#: Context bonuses.
QUALIFIER_BONUS = 5.0  # "Paris, Texas": the place lies in the qualifier
COUNTRIES_BONUS = 1.0  # the place is in one of Context.countries
SAME_COUNTRY_BONUS = 1.0  # the place shares a country with a nearby place
NEAR_BONUS = 1.5  # the place contains, lies in, or is within NEAR_KM of a nearby place
REPEAT_BONUS = 2.0  # the place itself was already resolved nearby
USER_BONUS = 3.0  # a place from a user places file
PIN_BONUS = 100.0  # a pinned name always resolves to its place
#: Two points closer than this count as near each other.
NEAR_KM = 300.0
#: A province label point and a same-named town of its country this close are one place.
PROVINCE_TOWN_KM = 600.0
#: For the distance of a point to an area, in lon/lat degrees (a bias, not a measurement).
KM_PER_DEGREE = 111.0
#: Kinds a qualifier ("…, Texas", "…, Russia") can name.
QUALIFIER_KINDS = frozenset({"country", "admin1", "region", "island", "island_group"})
#: Names longer than this get no suggestions (no place name is this long).
MAX_SUGGEST_LENGTH = 80
#: At most this many nearby places are considered per lookup.
MAX_NEARBY = 25


@dataclass(frozen=True)
class Context:
    """What else is known when resolving a name.

    ``nearby``: other places resolved in the same article; ``qualifier``: "Russia" in "Kazan,
    Russia", "Texas" or "TX" in "Paris, Texas"; ``at_sea``: the event is at sea or in the air
    ("near Alaska" then means the waters off Alaska); ``countries``: ISO alpha-2 codes the text
    is about.
    """

    nearby: tuple[Place, ...] = ()
    qualifier: str | None = None
    at_sea: bool = False
    countries: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not all(isinstance(p, Place) for p in self.nearby):
            raise GazetteerError("Context.nearby must hold Place objects")
        for code in self.countries:
            if not (isinstance(code, str) and len(code) == 2 and code.isupper()):
                raise GazetteerError(f"Context.countries needs ISO alpha-2 codes, got {code!r}")


@dataclass(frozen=True)
class Candidate:
    """A place a name may refer to, with its score (higher is better, comparable within one
    call), the name or alias that matched, and human-readable ranking reasons."""

    place: Place
    score: float
    matched: str
    reasons: tuple[str, ...] = field(default=(), compare=False)


_NO_CONTEXT = Context()


class _Base:
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
            )
            self.places[i] = place
        return place


@cache
def _default_base() -> _Base:
    return _Base(DATA_DIR)


class Gazetteer:
    """Offline place lookup: names to ranked :class:`Candidate` places, and geometry queries.

    Get one with :meth:`default` (the bundled artifact, cached per process) or :meth:`load`;
    add user places, aliases and pins with :meth:`with_places`.
    """

    def __init__(self, base: _Base) -> None:
        self._base = base
        self._n_base = len(base.ids)
        # user places are appended after the base places (indices n, n+1, …)
        self._user_places: list[Place] = []
        self._user_index: dict[str, int] = {}
        self._user_keys: dict[str, list[tuple[int, int, int]]] = {}
        self._alias_texts: list[str] = []  # user aliases; name number -1-k is alias k
        self._pins: dict[str, int] = {}
        self._user_layers: list[UserPlaces] = []
        self._kinds = base.kinds
        self._countries = base.countries
        self._lon = base.lon
        self._lat = base.lat
        self._static = base.static
        self._qualifiers: dict[str, list[int]] = {}
        self._points: dict[str, tuple[float, float]] = {}
        self._tree: Any = None
        self._suggest_buckets: dict[str, list[str]] | None = None

    # -- construction ------------------------------------------------------------------------

    @classmethod
    def default(cls) -> Gazetteer:
        """The gazetteer built from the bundled artifact (``gazetteer/data``), loaded once per
        process."""
        return _default_gazetteer()

    @classmethod
    def load(cls, path: str | Path) -> Gazetteer:
        """A gazetteer from an artifact directory written by ``python -m gazetteer.build``."""
        path = Path(path)
        if not path.is_dir():
            raise GazetteerError(f"gazetteer artifact folder {path} does not exist")
        return cls(_Base(path))

    def with_places(self, path: str | Path) -> Gazetteer:
        """A new gazetteer with the places, aliases and pins of a user places file (YAML or
        TOML, see :mod:`gazetteer.userplaces`) added; this one is unchanged."""
        from gazetteer.userplaces import load_user_places

        user = load_user_places(path)
        new = Gazetteer(self._base)
        for previous in self._user_layers:
            new._add_user(previous)
        new._add_user(user)
        return new

    def _add_user(self, user: UserPlaces) -> None:
        """Apply a parsed user places file (places first, then aliases and pins)."""
        self._user_layers = [*self._user_layers, user]
        if user.places:
            self._kinds = [*self._kinds]
            self._countries = [*self._countries]
            self._lon = [*self._lon]
            self._lat = [*self._lat]
            self._static = [*self._static]
        for place in user.places:
            if place.id in self:
                raise GazetteerError(
                    f"{user.path}: place id {place.id!r} already exists; choose another id"
                )
            i = self._n_base + len(self._user_places)
            self._user_places.append(place)
            self._user_index[place.id] = i
            point = place.geometry.representative_point()
            self._kinds.append(place.kind)
            self._countries.append(place.country)
            self._lon.append(point.x)
            self._lat.append(point.y)
            self._static.append(self._static_score(place.prominence, place.kind))
            for number, label in enumerate((place.name, *place.alt_names)):
                for key in variants(label):
                    self._user_keys.setdefault(key, []).append((i, number, TIER_NAME))
        for alias, place_id in user.aliases.items():
            i = self._index_of(place_id, user.path, f"alias {alias!r}")
            self._alias_texts.append(alias)
            number = -len(self._alias_texts)
            for key in variants(alias):
                self._user_keys.setdefault(key, []).append((i, number, TIER_ALIAS))
        for name, place_id in user.pins.items():
            i = self._index_of(place_id, user.path, f"pin {name!r}")
            for key in variants(name):
                self._pins[key] = i
        self._tree = None
        self._suggest_buckets = None
        self._qualifiers = {}

    def _index_of(self, place_id: str, path: Path, what: str) -> int:
        i = self._base.id_index.get(place_id, self._user_index.get(place_id))
        if i is not None:
            return i
        raise GazetteerError(
            f"{path}: {what} points to unknown place id {place_id!r} "
            "(look ids up with `geo resolve NAME`)"
        )

    @staticmethod
    def _static_score(prominence: float, kind: str) -> float:
        return math.log10(1.0 + prominence) + KIND_BONUS.get(kind, 0.0)

    # -- places ------------------------------------------------------------------------------

    def __len__(self) -> int:
        return self._n_base + len(self._user_places)

    def __contains__(self, place_id: object) -> bool:
        if not isinstance(place_id, str):
            return False
        return place_id in self._base.id_index or place_id in self._user_index

    def __repr__(self) -> str:
        return f"<Gazetteer {len(self)} places from {self._base.paths.directory}>"

    def get(self, place_id: str) -> Place:
        """The place with this id; :class:`GazetteerError` naming the id if it is unknown."""
        i = self._base.id_index.get(place_id, self._user_index.get(place_id))
        if i is None:
            raise GazetteerError(f"unknown place id {place_id!r}")
        return self._place(i)

    def _place(self, i: int) -> Place:
        if i < self._n_base:
            return self._base.place(i)
        return self._user_places[i - self._n_base]

    def _label(self, i: int, number: int) -> str:
        """Name number ``number`` of place ``i`` (0 its name, k its k-th alternate name, -1-k
        the k-th user alias)."""
        if number < 0:
            return self._alias_texts[-number - 1]
        if i >= self._n_base:
            place = self._user_places[i - self._n_base]
            labels = (place.name, *place.alt_names)
            return labels[number] if number < len(labels) else place.name
        if number == 0:
            return self._base.names[i]
        alts = self._base.alt_rows[i].split(ITEM_SEP)
        return alts[number - 1] if number - 1 < len(alts) else self._base.names[i]

    def case_sensitive_keys(self) -> frozenset[str]:
        """Keys that every source writes in capitals (acronyms: "us", "uk", "uae", "nyc"): a
        recognizer should only match them where the text is in capitals too ("US", not
        "us")."""
        keys = set(self._base.acronym_keys)
        for layer in self._user_layers:
            for label in (*layer.aliases, *layer.pins):
                if label.replace(".", "").isupper():
                    keys.update(variants(label))
        return frozenset(keys)

    def name_keys(self) -> Iterator[str]:
        """Every normalized name, alternate name and alias the gazetteer knows (each once), for
        building a recognizer's automaton. Keys are :func:`gazetteer.normalize.normalize` forms
        and can be searched for in :func:`gazetteer.normalize.fold` of a text."""
        yield from self._base.keys
        extra = dict.fromkeys([*self._user_keys, *self._pins])
        for key in extra:
            if key not in self._base.keys:
                yield key

    # -- lookups -----------------------------------------------------------------------------

    def _entries(self, key: str) -> list[tuple[int, int, int]]:
        entries = self._base.lookup(key)
        extra = self._user_keys.get(key)
        if extra:
            entries = entries + extra
        pinned = self._pins.get(key)
        if pinned is not None and all(e[0] != pinned for e in entries):
            entries.append((pinned, 0, TIER_NAME))
        return entries

    def candidates(
        self, name: str, *, context: Context | None = None, limit: int = 10
    ) -> list[Candidate]:
        """The places ``name`` may refer to, best first (at most ``limit``).

        Matching ignores case, diacritics, a leading "the" and common variants ("Japan Sea",
        "St." / "Saint"). A modifier ("off", "northern", "around"…) is parsed off first and the
        candidates are those of the base name; a trailing ", qualifier" ("Paris, Texas") acts
        as ``Context.qualifier``. Ranking uses prominence, kind, how the name
        matched and the ``context`` (see the module docstring).
        """
        _, base, context = self._parse(name, context or _NO_CONTEXT)
        return self._rank(base, context, limit)

    def resolve(self, name: str, *, context: Context | None = None) -> Place | None:
        """The best place for ``name`` (``None`` when nothing matches). With a modifier ("off
        Alaska", "northwestern Pacific", "around Taiwan") the result is the derived area
        computed from the base place (kind ``derived``); a :class:`GazetteerError` says so when
        the modifier cannot apply to it (no sea "around" an inland city)."""
        modifier, base, context = self._parse(name, context or _NO_CONTEXT)
        ranked = self._rank(base, context, 1)
        if not ranked:
            return None
        place = ranked[0].place
        if modifier is None:
            return place
        from gazetteer.areas import derive

        return derive(place, modifier, self, at_sea=context.at_sea)

    def _parse(self, name: str, context: Context) -> tuple[Any, str, Context]:
        """``(modifier, base name, context)`` of a query: the modifier split off (see
        :meth:`_split`), and a trailing ", qualifier" moved into the context when the name
        before the comma is known ("Paris, Texas", "Kazan, Russia")."""
        modifier, base = self._split(name)
        if "," in base and context.qualifier is None and not self._known(normalize(base)):
            head, _, tail = base.rpartition(",")
            if normalize(tail) and self._known(normalize(head)):
                return modifier, head, replace(context, qualifier=tail.strip())
        return modifier, base, context

    def _split(self, name: str) -> tuple[Any, str]:
        """``(modifier, base name)`` of a query. A name the gazetteer knows as a whole is never
        split: "South China Sea", "West Bank" and "Ivory Coast" are places, not the south of
        "China Sea" or the coast of "Ivory"."""
        from gazetteer.modifiers import parse_query

        if self._known(normalize(name)):
            return None, name
        return parse_query(name)

    def _known(self, key: str) -> bool:
        return key in self._base.keys or key in self._user_keys or key in self._pins

    def _rank(self, name: str, context: Context, limit: int) -> list[Candidate]:
        key = normalize(name)
        entries = self._entries(key)
        if not entries:
            for variant in variants(name)[1:]:
                entries = self._entries(variant)
                if entries:
                    key = variant
                    break
        if not entries or limit <= 0:
            return []
        scorer = _Scorer(self, context, key)
        scorer.shadowed = any(
            tier != TIER_ALTERNATE and self._static[i] >= OWN_NAME_SCORE for i, _, tier in entries
        )
        scored = [scorer.score(i, number, tier) for i, number, tier in entries]
        scorer.prefer_areas(scored)
        scored.sort(key=lambda s: (-s[0], -self._static[s[1]], self._id(s[1])))
        return [
            Candidate(
                place=self._place(i),
                score=round(score, 4),
                matched=self._label(i, number),
                reasons=tuple(reasons),
            )
            for score, i, number, reasons in scored[:limit]
        ]

    def _point_of(self, place: Place) -> tuple[float, float]:
        """A representative lon/lat of any place (stored for gazetteer places, computed once
        for others such as derived areas)."""
        i = self._base.id_index.get(place.id, self._user_index.get(place.id))
        if i is not None:
            return self._lon[i], self._lat[i]
        cached = self._points.get(place.id)
        if cached is None:
            point = place.geometry.representative_point()
            cached = (point.x, point.y)
            if len(self._points) > 10_000:
                self._points.clear()
            self._points[place.id] = cached
        return cached

    def _id(self, i: int) -> str:
        return self._base.ids[i] if i < self._n_base else self._user_places[i - self._n_base].id

    def _geometry(self, i: int) -> BaseGeometry:
        return self._place(i).geometry

    def _bbox(self, i: int) -> tuple[float, float, float, float] | None:
        if i < self._n_base:
            if self._base.is_point[i]:
                return None
            return tuple(self._base.bbox[i].tolist())  # type: ignore[return-value]
        geometry = self._user_places[i - self._n_base].geometry
        return None if geometry.geom_type == "Point" else geometry.bounds

    def _qualifier_targets(self, qualifier: str) -> list[int]:
        """The places a qualifier may name: codes ("TX", "RUS") and country / admin-1 /
        region names."""
        key = normalize(qualifier)
        cached = self._qualifiers.get(key)
        if cached is not None:
            return cached
        targets = list(self._base.codes.get(key, []))
        for i, _, _ in self._entries(key):
            if self._kinds[i] in QUALIFIER_KINDS and i not in targets:
                targets.append(i)
        self._qualifiers[key] = targets
        return targets

    def suggest(self, name: str, limit: int = 5) -> list[str]:
        """Near spellings of an unknown name: names of known places that look alike, most
        similar first (e.g. "Kazna" → "Kazan")."""
        key = normalize(name)
        if not key or limit <= 0 or len(key) > MAX_SUGGEST_LENGTH:
            return []
        if self._suggest_buckets is None:
            buckets: dict[str, list[str]] = {}
            for k in self.name_keys():
                buckets.setdefault(k[:1], []).append(k)
            self._suggest_buckets = buckets
        pool = self._suggest_buckets.get(key[:1], [])
        pool = [k for k in pool if abs(len(k) - len(key)) <= max(2, len(key) // 3)]
        close = difflib.get_close_matches(key, pool, n=limit * 4, cutoff=0.7)
        out: list[str] = []
        for match in close:
            best = max(self._entries(match), key=lambda e: self._static[e[0]])
            label = self._label(best[0], best[1])
            if label not in out:
                out.append(label)
            if len(out) >= limit:
                break
        return out

    # -- geometry ----------------------------------------------------------------------------

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


class _Scorer:
    """Scores the entries of one lookup against one context."""

    def __init__(self, gazetteer: Gazetteer, context: Context, key: str) -> None:
        self.g = gazetteer
        self.context = context
        self.key = key
        self.pinned = gazetteer._pins.get(key)
        self.shadowed = False
        self.targets = gazetteer._qualifier_targets(context.qualifier) if context.qualifier else []
        self.countries = set(context.countries)
        self.nearby_points: list[tuple[float, float, str]] = []
        self.nearby_areas: list[Place] = []
        if not context.nearby:
            return
        nearby = context.nearby[:MAX_NEARBY]
        self.nearby_ids = {p.id for p in nearby}
        self.nearby_countries = {p.country: p.name for p in nearby if p.country}
        for place in nearby:
            x, y = gazetteer._point_of(place)
            self.nearby_points.append((x, y, place.name))
            if place.geometry.geom_type in {"Polygon", "MultiPolygon"}:
                self.nearby_areas.append(place)

    def score(self, i: int, number: int, tier: int) -> tuple[float, int, int, list[str]]:
        g = self.g
        score = g._static[i] + TIER_BONUS[tier]
        reasons = [f"{g._kinds[i]}, prominence score {g._static[i]:.2f}"]
        if tier == TIER_ALIAS:
            reasons.append("curated alias")
        elif tier == TIER_ALTERNATE:
            reasons.append("alternate name")
            if self.shadowed:
                score -= SHADOWED_ALTERNATE_PENALTY
                reasons.append("another prominent place has this name")
        if i >= g._n_base:
            score += USER_BONUS
            reasons.append("user place")
        if i == self.pinned:
            score += PIN_BONUS
            reasons.append("pinned by the user")
        country = g._countries[i]
        if self.targets:
            target = self._qualifier_match(i)
            if target is not None:
                score += QUALIFIER_BONUS
                reasons.append(f"qualifier matches {g._place(target).name}")
        if country and country in self.countries:
            score += COUNTRIES_BONUS
            reasons.append(f"text is about {country}")
        if self.nearby_points:
            if g._id(i) in self.nearby_ids:
                score += REPEAT_BONUS
                reasons.append("already resolved in this text")
            if country and country in self.nearby_countries:
                score += SAME_COUNTRY_BONUS
                reasons.append(f"same country as {self.nearby_countries[country]}")
            near = self._near(i)
            if near:
                score += NEAR_BONUS
                reasons.append(near)
        return score, i, number, reasons

    def _qualifier_match(self, i: int) -> int | None:
        g = self.g
        for t in self.targets:
            if t == i:
                continue
            kind = g._kinds[t]
            if kind == "country":
                if g._countries[t] and g._countries[i] == g._countries[t]:
                    return t
                continue
            box = g._bbox(t)
            if box is None:  # a label point: same country and near it
                if g._countries[i] == g._countries[t] and (
                    _km(g._lon[i], g._lat[i], g._lon[t], g._lat[t]) <= NEAR_KM
                ):
                    return t
            elif _in_box(g._lon[i], g._lat[i], box) and shapely.intersects_xy(
                g._geometry(t), g._lon[i], g._lat[i]
            ):
                return t
        return None

    def _near(self, i: int) -> str | None:
        g = self.g
        box = g._bbox(i)
        lon, lat = g._lon[i], g._lat[i]
        for x, y, name in self.nearby_points:
            if box is None:
                if _km(lon, lat, x, y) <= NEAR_KM:
                    return f"near {name}"
            elif _in_box(x, y, box) and shapely.intersects_xy(g._geometry(i), x, y):
                return f"contains {name}"
        if box is None:
            for area in self.nearby_areas:
                if shapely.intersects_xy(area.geometry, lon, lat):
                    return f"lies in {area.name}"
            return None
        reach = NEAR_KM / KM_PER_DEGREE
        wide = (box[0] - reach, box[1] - reach, box[2] + reach, box[3] + reach)
        for x, y, name in self.nearby_points:
            if _in_box(x, y, wide) and g._geometry(i).distance(Point(x, y)) <= reach:
                return f"borders on {name}"
        return None

    def prefer_areas(self, scored: list[tuple[float, int, int, list[str]]]) -> None:
        """An admin-1 label point stands for an area Natural Earth only has as a point. A
        same-named place that is more precise takes its score when it is plainly the same
        place: an area around the point (an island, a peninsula, a disputed region: "Sicily",
        "Crimea" map as areas), or a city of the same country (the province's
        namesake town within PROVINCE_TOWN_KM: "Gao", "Timbuktu", "Kaliningrad" map as the
        towns)."""
        g = self.g
        points = [s for s in scored if g._kinds[s[1]] == "admin1" and g._bbox(s[1]) is None]
        if not points:
            return
        for n, (score, i, number, reasons) in enumerate(scored):
            kind, box = g._kinds[i], g._bbox(i)
            if kind in {"country", "admin1"}:
                continue
            for p_score, p, _, _ in points:
                if p_score <= score:
                    continue
                if box is not None and _in_box(g._lon[p], g._lat[p], box):
                    reason = f"the area of {g._place(p).name}"
                elif (
                    box is None
                    and kind in {"city", "capital"}
                    and g._countries[i] == g._countries[p]
                    and _km(g._lon[i], g._lat[i], g._lon[p], g._lat[p]) <= PROVINCE_TOWN_KM
                ):
                    reason = f"the town of {g._place(p).name}"
                else:
                    continue
                score = p_score + 0.01
                reasons = [*reasons, reason]
                scored[n] = (score, i, number, reasons)


def _in_box(x: float, y: float, box: tuple[float, float, float, float]) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


@cache
def _default_gazetteer() -> Gazetteer:
    return Gazetteer(_default_base())
