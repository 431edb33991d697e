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

The rules live in :mod:`gazetteer.ranking`; docs/gazetteer.md explains them with examples.
"""

from __future__ import annotations

import difflib
import hashlib
import math
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely
import yaml
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

from gazetteer.artifact import ITEM_SEP, TIER_ALIAS, TIER_ALTERNATE, TIER_NAME
from gazetteer.designators import DESIGNATORS, split_designator
from gazetteer.errors import GazetteerError
from gazetteer.normalize import fold, normalize, variants
from gazetteer.place import Place
from gazetteer.ranking import (
    GENERIC_WATER,
    KIND_BONUS,
    OWN_NAME_SCORE,
    PROVINCE_TOWN_KM,
    QUALIFIER_BONUS,
    QUALIFIER_KINDS,
    TIER_BONUS,
    TIER_GENERIC,
    Scorer,
)
from gazetteer.store import Store
from lonlat.distance import EARTH_KM, km

if TYPE_CHECKING:
    from gazetteer.userplaces import UserPlaces

#: The bundled artifact.
DATA_DIR = Path(__file__).parent / "data"

#: Names whose small towns are remembered (the cache is emptied when full).
TOWN_CACHE = 20_000
#: How much a place's score weighs against spelling similarity (0..1) in suggestions.
SUGGEST_PROMINENCE_WEIGHT = 0.03
#: Names longer than this get no suggestions (no place name is this long).
MAX_SUGGEST_LENGTH = 80
#: How alike (difflib ratio) a division's name and its namesake city's name must be
#: ("Hirat" and "Herat": 0.8).
NAMESAKE_LIKENESS = 0.75


def _likeness(name: str, matchers: Collection[difflib.SequenceMatcher]) -> float:
    """The best :class:`difflib.SequenceMatcher` ratio of ``name`` against the second
    sequences of ``matchers`` (one per spelling) when it reaches :data:`NAMESAKE_LIKENESS`,
    else a value below it. The exact ratio is computed only where its cheap upper bounds
    (``real_quick_ratio``, ``quick_ratio``) reach the bar, and each spelling's index is built
    once per city: the same answers as a new matcher and ratio for every pair."""
    best = 0.0
    for matcher in matchers:
        matcher.set_seq1(name)
        if (
            matcher.real_quick_ratio() < NAMESAKE_LIKENESS
            or matcher.quick_ratio() < NAMESAKE_LIKENESS
        ):
            continue
        best = max(best, matcher.ratio())
    return best


@dataclass(frozen=True)
class Context:
    """What else is known when resolving a name.

    ``nearby``: other places resolved in the same article; ``qualifier``: "Russia" in "Kazan,
    Russia", "Texas" or "TX" in "Paris, Texas"; ``at_sea``: the event is at sea or in the air
    ("near Alaska" then means the waters off Alaska); ``countries``: ISO alpha-2 codes the text
    is about; ``designator``: a word such as "province", "state" or "division" that the text
    puts next to the name (:data:`gazetteer.designators.DESIGNATORS`): the division is meant,
    not its namesake city; ``divisions``: first-level divisions (or countries) the text names
    elsewhere ("Texas" anywhere in a story, "HELENA, Mont." in its dateline): a weaker
    qualifier for every name of the text.
    """

    nearby: tuple[Place, ...] = ()
    qualifier: str | None = None
    at_sea: bool = False
    countries: tuple[str, ...] = ()
    designator: str | None = None
    divisions: tuple[Place, ...] = ()

    def __post_init__(self) -> None:
        if not all(isinstance(p, Place) for p in (*self.nearby, *self.divisions)):
            raise GazetteerError("Context.nearby and Context.divisions must hold Place objects")
        for code in self.countries:
            if not (isinstance(code, str) and len(code) == 2 and code.isupper()):
                raise GazetteerError(f"Context.countries needs ISO alpha-2 codes, got {code!r}")
        if self.designator is not None and self.designator not in DESIGNATORS:
            raise GazetteerError(
                f"Context.designator {self.designator!r} is not one of {sorted(DESIGNATORS)}"
            )


@dataclass(frozen=True)
class Candidate:
    """A place a name may refer to, with its score (higher is better, comparable within one
    call), the name or alias that matched, and human-readable ranking reasons.
    ``alternate`` is true when only one of the place's GeoNames alternate names matched (not
    its own name, nor a curated or user alias): often a historical or foreign name ("Berea"
    for Aleppo), weak evidence on its own."""

    place: Place
    score: float
    matched: str
    reasons: tuple[str, ...] = field(default=(), compare=False)
    alternate: bool = field(default=False, compare=False)


_NO_CONTEXT = Context()


@cache
def _default_store() -> Store:
    return Store(DATA_DIR)


class Gazetteer:
    """Offline place lookup: names to ranked :class:`Candidate` places, and geometry queries.

    Get one with :meth:`default` (the bundled artifact, cached per process) or :meth:`load`;
    add user places, aliases and pins with :meth:`with_places`.
    """

    def __init__(self, base: Store) -> None:
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
        self._abbreviations: dict[tuple[str, bool], tuple[int, ...]] = {}
        self._points: dict[str, tuple[float, float]] = {}
        self._tree: Any = None
        self._suggest_buckets: dict[str, list[str]] | None = None
        self._by_country: dict[str, list[int]] | None = None
        self._generic: dict[str, list[tuple[int, int, int]]] = {}
        self._fingerprint: str | None = None
        self._towns_of: dict[str, list[int]] = {}  # name → its small towns' numbers

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
        return cls(Store(path))

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
        self._abbreviations = {}
        self._by_country = None
        self._generic = {}
        self._fingerprint = None

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
        computed from the base place (kind ``derived``). A designator ("Kano State", "Sylhet
        division", "the province of Herat") picks the division over its namesake city. A sea
        modifier on a place with no sea
        within reach ("off Mali", "around Kyiv" at sea) gives the place and the area within
        50 km of it, with ``derivation.detail == "inland"`` and a description saying why."""
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
            if normalize(tail) and (self._known(normalize(head)) or self.has_town(head)):
                return modifier, head, replace(context, qualifier=tail.strip())
        if context.designator is None and not self._known(normalize(base)):
            split = split_designator(base)
            if split is not None:
                head, word = split
                if not self._names_kind(head, DESIGNATORS[word]):
                    head = self._namesake_division(head, DESIGNATORS[word]) or ""
                if head:
                    return modifier, head, replace(context, designator=word)
        return modifier, base, context

    def _names_kind(self, name: str, kinds: Collection[str]) -> bool:
        """Whether some place of one of ``kinds`` is indexed under ``name``."""
        for key in variants(name):
            if any(self._kinds[i] in kinds for i, _, _ in self._entries(key)):
                return True
        return False

    def _namesake_division(self, name: str, kinds: Collection[str]) -> str | None:
        """The name of the division a city called ``name`` gives its name to, when the sources
        spell the two apart ("Herat" / "Hirat", "Odesa" / "Odessa", "Aleppo" / "Aleppo
        (Halab)"): a place of ``kinds`` in the city's country, within PROVINCE_TOWN_KM,
        whose name looks like the city's name or one of its alternates."""
        ranked = self._rank(name, _NO_CONTEXT, 3)
        for candidate in ranked:
            city = candidate.place
            if city.kind not in {"city", "capital"} or city.country is None:
                continue
            spellings = {fold(n) for n in (city.name, candidate.matched, *city.alt_names)}
            matchers = [difflib.SequenceMatcher(None, "", s) for s in spellings]
            lon, lat = self._point_of(city)
            best: tuple[float, str] | None = None
            for i in self._divisions(city.country):
                if self._kinds[i] not in kinds:
                    continue
                if km(lon, lat, self._lon[i], self._lat[i]) > PROVINCE_TOWN_KM:
                    continue
                division = self._place(i).name
                likeness = _likeness(fold(division).partition(" (")[0], matchers)
                if likeness >= NAMESAKE_LIKENESS and (best is None or likeness > best[0]):
                    best = (likeness, division)
            if best is not None:
                return best[1]
        return None

    def _divisions(self, country: str) -> list[int]:
        """Indices of the first-level divisions and regions of ``country`` (built once)."""
        if self._by_country is None:
            groups: dict[str, list[int]] = {}
            for i, kind in enumerate(self._kinds):
                code = self._countries[i]
                if code and kind in {"admin1", "region"}:
                    groups.setdefault(code, []).append(i)
            self._by_country = groups
        return self._by_country.get(country, [])

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
        entries = entries + self._generic_entries(key, entries)
        if limit <= 0 or not (
            entries or ((context.qualifier or context.divisions) and self.has_town(name))
        ):
            return []
        scorer = Scorer(self, context, key)
        scorer.shadowed = any(
            tier != TIER_ALTERNATE and self._static[i] >= OWN_NAME_SCORE for i, _, tier in entries
        )
        if scorer.divisions and entries:
            best = max(entries, key=lambda e: self._static[e[0]])
            if self._kinds[best[0]] == "admin1" and best[2] == TIER_NAME:
                # a name that means a first-level division first ("Oregon") keeps it: the
                # divisions a text names re-rank namesake towns, not a division against one
                scorer.divisions = []
        scored = [scorer.score(i, number, tier) for i, number, tier in entries]
        alternates = {(i, number) for i, number, tier in entries if tier == TIER_ALTERNATE}
        scorer.prefer_areas(scored)
        scored.sort(key=lambda s: (-s[0], -self._static[s[1]], self._id(s[1])))
        ranked = [
            Candidate(
                place=self._place(i),
                score=round(score, 4),
                matched=self._label(i, number),
                reasons=tuple(reasons),
                alternate=(i, number) in alternates,
            )
            for score, i, number, reasons in scored[:limit]
        ]
        if (scorer.targets or scorer.divisions) and not any(
            self._kinds[i] == "country" and tier != TIER_ALTERNATE for i, _, tier in entries
        ):
            # a town never takes the name of a country ("Georgia, Armenia")
            towns = (
                self._qualified_towns(name, scorer)
                if scorer.targets
                else self._division_towns(name, scorer)
                if scorer.divisions
                else []
            )
            if towns:
                ranked = sorted(
                    ranked + towns, key=lambda c: (-c.score, -c.place.prominence, c.place.id)
                )[:limit]
        return ranked

    # -- small towns (gazetteer.towns): only where the text pins them down ----------------

    def _town_numbers(self, name: str) -> list[int]:
        """Numbers of the small towns indexed under ``name`` or one of its variants (cached
        per name: a text asks about its names several times)."""
        hit = self._towns_of.get(name)
        if hit is not None:
            return hit
        towns = self._base.towns
        if towns is None:
            return []
        found: list[int] = []
        for key in dict.fromkeys([normalize(name), *variants(name)]):
            found = towns.lookup(key)
            if found:
                break
        if len(self._towns_of) >= TOWN_CACHE:
            self._towns_of.clear()
        self._towns_of[name] = found
        return found

    def has_town(self, name: str) -> bool:
        """Whether the artifact has a small town (below the main index's cities, see
        :mod:`gazetteer.towns`) of this name. Such a town is never a candidate of the bare
        name: only a qualifier it lies in (``Context.qualifier``) or :meth:`nearest_named`
        returns it."""
        return bool(self._town_numbers(name))

    def _qualified_towns(self, name: str, scorer: Scorer) -> list[Candidate]:
        """The small towns of ``name`` that lie in the lookup's qualifier, as candidates
        scored like cities (population, plus the qualifier bonus)."""
        towns = self._base.towns
        out: list[Candidate] = []
        for j in self._town_numbers(name):
            lon, lat = towns.point(j)  # type: ignore[union-attr]
            target = scorer.qualifier_match_at(lon, lat, towns.countries[j])  # type: ignore[union-attr]
            if target is None:
                continue
            place = towns.place(j)  # type: ignore[union-attr]
            static = self._static_score(place.prominence, "town")
            out.append(
                Candidate(
                    place=place,
                    score=round(static + QUALIFIER_BONUS, 4),
                    matched=place.name,
                    reasons=(
                        f"town, prominence score {static:.2f}",
                        f"qualifier matches {self._place(target).name}",
                    ),
                )
            )
        return out

    def _division_towns(self, name: str, scorer: Scorer) -> list[Candidate]:
        """The small towns of ``name`` that lie in a division the text names
        (``Context.divisions``), as candidates scored like cities with the same context
        bonuses (:meth:`Scorer.point_bonus`)."""
        towns = self._base.towns
        out: list[Candidate] = []
        for j in self._town_numbers(name):
            lon, lat = towns.point(j)  # type: ignore[union-attr]
            country = towns.countries[j]  # type: ignore[union-attr]
            if scorer.division_match_at(lon, lat, country) is None:
                continue
            place = towns.place(j)  # type: ignore[union-attr]
            static = self._static_score(place.prominence, "town")
            bonus, reasons = scorer.point_bonus(lon, lat, country)
            out.append(
                Candidate(
                    place=place,
                    score=round(static + bonus, 4),
                    matched=place.name,
                    reasons=(f"town, prominence score {static:.2f}", *reasons),
                )
            )
        return out

    def nearest_named(self, name: str, place: Place, within_km: float) -> Place | None:
        """The city or town called ``name`` (its own name or an alternate; small towns
        included) nearest to ``place``, when it lies within ``within_km`` of it (its
        representative point); ``None`` otherwise. For a text that pins a namesake down by a
        place it resolved: "Edmonton, south of Cairns" is the Edmonton by Cairns."""
        x, y = self._point_of(place)
        # no great circle is shorter than the meridian arc between two latitudes: skip the
        # trigonometry for points whose latitude alone is out of reach (with a margin far
        # above rounding, so the places found are the same as measuring every one)
        reach = math.degrees(within_km / EARTH_KM) * (1.0 + 1e-6) + 1e-9
        best: tuple[float, str, Place] | None = None
        for i, _, _ in self._entries(normalize(name)):
            if (
                self._kinds[i] in {"city", "capital"}
                and abs(self._lat[i] - y) <= reach
                and self._id(i) != place.id
            ):
                d = km(self._lon[i], self._lat[i], x, y)
                if d <= within_km and (best is None or (d, self._id(i)) < best[:2]):
                    best = (d, self._id(i), self._place(i))
        towns = self._base.towns
        for j in self._town_numbers(name):
            lon, lat = towns.point(j)  # type: ignore[union-attr]
            if abs(lat - y) > reach:
                continue
            d = km(lon, lat, x, y)
            if d <= within_km:
                town = towns.place(j)  # type: ignore[union-attr]
                if best is None or (d, town.id) < best[:2]:
                    best = (d, town.id, town)
        return best[2] if best is not None else None

    def towns_named(self, name: str) -> list[Place]:
        """Every city, capital and small town whose own name is ``name`` (compared
        normalized: no alternate names), the main index's first, each once. For evidence
        that names a town without saying which ("the Columbus Telegram")."""
        key = normalize(name)
        out: dict[str, Place] = {}
        for i, _, _ in self._entries(key):
            if self._kinds[i] in {"city", "capital"}:
                place = self._place(i)
                if normalize(place.name) == key:
                    out.setdefault(place.id, place)
        towns = self._base.towns
        for j in self._town_numbers(name):
            town = towns.place(j)  # type: ignore[union-attr]
            if normalize(town.name) == key:
                out.setdefault(town.id, town)
        return list(out.values())

    def _generic_entries(
        self, key: str, entries: list[tuple[int, int, int]]
    ) -> list[tuple[int, int, int]]:
        """Entries for the water bodies a generic word names ("gulf": every gulf whose name
        holds the word), minus places already among ``entries``; [] for other keys."""
        kind = GENERIC_WATER.get(key)
        if kind is None:
            return []
        found = self._generic.get(key)
        if found is None:
            found = self._generic[key] = [
                (i, 0, TIER_GENERIC)
                for i, k in enumerate(self._kinds)
                if k == kind and key in fold(self._label(i, 0)).replace(".", " ").split()
            ]
        present = {i for i, _, _ in entries}
        return [e for e in found if e[0] not in present]

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

    def _index(self, place_id: str) -> int | None:
        """The index of a gazetteer place by id (``None`` for a derived or foreign place)."""
        return self._base.id_index.get(place_id, self._user_index.get(place_id))

    def _parent(self, i: int) -> int | None:
        """The index of the division place ``i`` belongs to (a county's state), if recorded."""
        if i >= self._n_base or not self._base.parents:
            return None
        parent = self._base.parents[i]
        return self._base.id_index.get(parent) if parent else None

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
        targets = list(self._abbreviation_indices(qualifier, postal=True))
        targets += [i for i in self._base.codes.get(key, []) if i not in targets]
        for i, _, _ in self._entries(key):
            if self._kinds[i] in QUALIFIER_KINDS and i not in targets:
                targets.append(i)
        self._qualifiers[key] = targets
        return targets

    def abbreviation(self, text: str, *, postal: bool = False) -> tuple[Place, ...]:
        """The first-level divisions an abbreviation news writes after a place name stands
        for ("Ont." → Ontario, "Ky." → Kentucky, "Qld" → Queensland; "WA" → Western
        Australia and, with ``postal``, Washington), from ``gazetteer/data/abbreviations.yaml``;
        ``()`` for any other text. Written forms match with their exact capitals; two-letter
        postal codes ("KY", "ON") only when ``postal`` is true (a recognizer asks for them in
        datelines only, where a code cannot be an English word)."""
        return tuple(self._place(i) for i in self._abbreviation_indices(text, postal=postal))

    def _abbreviation_indices(self, text: str, *, postal: bool) -> tuple[int, ...]:
        """Indices of the divisions of :meth:`abbreviation` (cached)."""
        key = (text, postal)
        hit = self._abbreviations.get(key)
        if hit is None:
            found: list[int] = []
            table = _abbreviation_table()
            for section in ("written", "postal") if postal else ("written",):
                for country, name in table[section].get(text.strip(), ()):
                    i = self._division_index(country, name)
                    if i is not None and i not in found:
                        found.append(i)
            hit = self._abbreviations[key] = tuple(found)
        return hit

    def _division_index(self, country: str, name: str) -> int | None:
        """The index of the admin-1 division ``name`` of ``country`` (the one named exactly so
        when several are indexed under the name)."""
        hits = [
            i
            for i, _, _ in self._entries(normalize(name))
            if self._kinds[i] == "admin1" and self._countries[i] == country
        ]
        exact = [i for i in hits if fold(self._place(i).name) == fold(name)]
        return (exact or hits or [None])[0]

    def suggest(self, name: str, limit: int = 5) -> list[str]:
        """Near spellings of an unknown name: the names of known places whose names (or
        alternate names) look alike, best first: similarity, then prominence
        (``suggest("Kazna")`` starts with "Kazan")."""
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
        ranked: dict[str, float] = {}
        for match in difflib.get_close_matches(key, pool, n=limit * 8, cutoff=0.7):
            entries = self._entries(match)
            if not entries:
                continue
            i, _, tier = max(entries, key=lambda e: self._static[e[0]] + TIER_BONUS[e[2]])
            similarity = difflib.SequenceMatcher(None, key, match).ratio()
            score = similarity + SUGGEST_PROMINENCE_WEIGHT * (self._static[i] + TIER_BONUS[tier])
            label = self._place(i).name
            ranked[label] = max(score, ranked.get(label, score))
        return sorted(ranked, key=lambda label: -ranked[label])[:limit]

    # -- geometry ----------------------------------------------------------------------------

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


@cache
def _default_gazetteer() -> Gazetteer:
    return Gazetteer(_default_store())


@cache
def _abbreviation_table() -> dict[str, dict[str, tuple[tuple[str, str], ...]]]:
    """``gazetteer/data/abbreviations.yaml`` read once: for "written" and "postal", each
    abbreviation → the (country code, division name) pairs it may stand for."""
    raw = yaml.safe_load(
        resources.files("gazetteer").joinpath("data/abbreviations.yaml").read_text("utf-8")
    )
    table: dict[str, dict[str, tuple[tuple[str, str], ...]]] = {}
    for section in ("written", "postal"):
        forms: dict[str, list[tuple[str, str]]] = {}
        for country, divisions in (raw.get(section) or {}).items():
            for name, abbreviations in divisions.items():
                for form in abbreviations:
                    forms.setdefault(str(form), []).append((str(country), str(name)))
        table[section] = {form: tuple(pairs) for form, pairs in forms.items()}
    return table
