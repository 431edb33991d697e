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
This module parses and ranks a name; the place index it searches is
:mod:`gazetteer.placeindex`, the lookup types :mod:`gazetteer.lookup`, and the small-town,
abbreviation, suggestion and geometry lookups are the mixins of :mod:`gazetteer.townlookup`,
:mod:`gazetteer.abbreviations`, :mod:`gazetteer.suggestions` and :mod:`gazetteer.spatial`.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from gazetteer.abbreviations import AbbreviationLookups
from gazetteer.artifact import TIER_ALTERNATE, TIER_NAME
from gazetteer.designators import DESIGNATORS, split_designator
from gazetteer.errors import GazetteerError
from gazetteer.lookup import Candidate, Context
from gazetteer.normalize import fold, normalize, variants
from gazetteer.place import Place
from gazetteer.ranking import (
    GENERIC_WATER,
    OWN_NAME_SCORE,
    PROVINCE_TOWN_KM,
    TIER_GENERIC,
    Scorer,
)
from gazetteer.spatial import SpatialQueries
from gazetteer.store import Store
from gazetteer.suggestions import Suggestions
from gazetteer.townlookup import TownLookups
from lonlat.distance import km

#: The bundled artifact.
DATA_DIR = Path(__file__).parent / "data"

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


_NO_CONTEXT = Context()


@cache
def _default_store() -> Store:
    return Store(DATA_DIR)


class Gazetteer(TownLookups, AbbreviationLookups, Suggestions, SpatialQueries):
    """Offline place lookup: names to ranked :class:`Candidate` places, and geometry queries.

    Get one with :meth:`default` (the bundled artifact, cached per process) or :meth:`load`;
    add user places, aliases and pins with :meth:`with_places`. The place index it is built on
    is :class:`gazetteer.placeindex.PlaceIndex`; small towns, abbreviations, suggestions and
    geometry queries come from the mixins named in its bases.
    """

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


@cache
def _default_gazetteer() -> Gazetteer:
    return Gazetteer(_default_store())
