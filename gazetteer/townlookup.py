"""Small-town lookups of the gazetteer (:mod:`gazetteer.towns`): a small town is never a
candidate of its bare name, only where the text pins it down (a qualifier it lies in, a
division the text names, a place it lies near).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from gazetteer.lookup import Candidate
from gazetteer.normalize import normalize, town_spellings, variants
from gazetteer.place import Place
from gazetteer.placeindex import PlaceIndex
from gazetteer.ranking import QUALIFIER_BONUS
from lonlat.distance import EARTH_KM, km

if TYPE_CHECKING:
    from gazetteer.ranking import Scorer

#: Names whose small towns are remembered (the cache is emptied when full).
TOWN_CACHE = 20_000


class TownLookups(PlaceIndex):
    """Small towns by name, near a place, or in a qualifier or division (a mixin of
    :class:`gazetteer.Gazetteer`)."""

    def _town_numbers(self, name: str) -> list[int]:
        """Numbers of the small towns indexed under ``name`` or one of its variants, and
        those under its other spellings (:func:`gazetteer.normalize.town_spellings`:
        "Hillsboro" finds Hillsborough, New Hampshire, besides the Hillsboros) (cached per
        name: a text asks about its names several times)."""
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
        for key in town_spellings(name):
            found = found + [j for j in towns.lookup(key) if j not in found]
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
        normalized: no alternate names; a small town's under its other spellings too,
        :func:`gazetteer.normalize.town_spellings`), the main index's first, each once. For
        evidence that names a town without saying which ("the Columbus Telegram")."""
        key = normalize(name)
        spelled = {key, *town_spellings(name)}
        out: dict[str, Place] = {}
        for i, _, _ in self._entries(key):
            if self._kinds[i] in {"city", "capital"}:
                place = self._place(i)
                if normalize(place.name) == key:
                    out.setdefault(place.id, place)
        towns = self._base.towns
        for j in self._town_numbers(name):
            town = towns.place(j)  # type: ignore[union-attr]
            if normalize(town.name) in spelled:
                out.setdefault(town.id, town)
        return list(out.values())
