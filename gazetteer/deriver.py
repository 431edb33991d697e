"""One derivation of an area (:class:`Deriver`): the rules of :func:`gazetteer.areas.derive`
applied to a base place and a modifier, in its work area (:mod:`gazetteer.workarea`).

:class:`Deriver` decides which area a phrase names at once (with at most one coast test) and
returns a :class:`~gazetteer.place.LazyPlace` whose outline is drawn when first read. The
distances are :data:`gazetteer.workarea.DISTANCES_KM`; the rules are documented in
``docs/derived-areas.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from shapely.geometry.base import BaseGeometry

from gazetteer.areanames import (
    after_preposition,
    compass_base_name,
    compass_how,
    join_names,
    nautical,
)
from gazetteer.compass import COMPASS_DETAILS, compass_part, sector
from gazetteer.errors import GazetteerError
from gazetteer.frames import buffer_in_frame, polygons_only
from gazetteer.place import Place
from gazetteer.seabands import (
    SeaBand,
    buffer_parts,
    coastline,
    connected_to,
    median_clip,
    sea_band,
)
from gazetteer.workarea import DISTANCES_KM, WorkArea

if TYPE_CHECKING:
    pass


#: Straits farther than this share of the band width from an island are not "beside" it.
STRAIT_REACH = 0.5
#: Water bodies joined to the waters around an island.
STRAIT_KINDS = frozenset({"strait", "channel"})


class _CannotApply(GazetteerError):
    """The modifier's rule finds nothing to map for this base (no sea within reach)."""


class Deriver(WorkArea):
    """One derivation: the rules of :func:`gazetteer.areas.derive` applied in the work area
    (:class:`~gazetteer.workarea.WorkArea`) of a base place and a modifier; :meth:`place` is
    the result."""

    def place(self) -> Place:
        try:
            return self.apply()
        except _CannotApply as exc:
            if self.modifier.rule == "compass":
                raise
            return self.near_land(because=str(exc))

    def apply(self) -> Place:
        """The modifier's own rule; :class:`_CannotApply` when it finds nothing to map."""
        rule = self.modifier.rule
        if rule == "compass":
            return self.compass()
        if self.is_water:
            return self.water_body()
        if rule == "near":
            if self.at_sea or self.modifier.detail == "sea":
                return self.sea(DISTANCES_KM["near_sea"], "near", median=False)
            return self.near_land()
        if rule == "around":
            if self.is_point:
                if self.at_sea:
                    return self.sea(DISTANCES_KM["point_sea"], "near", median=False)
                return self.near_land()
            if self.is_island():
                return self.around_island()
            if self.at_sea:
                return self.sea(DISTANCES_KM["near_sea"], "near", median=False)
            return self.near_land()
        if rule == "coast":
            if self.modifier.detail == "coastal" and not self.at_sea:
                return self.coastal_strip()
            return self.sea(DISTANCES_KM["coast"], "coast", median=True)
        if rule == "waters":
            key = "territorial" if self.modifier.detail == "territorial" else "waters"
            return self.sea(DISTANCES_KM[key], "waters", median=True)
        raise GazetteerError(f"no derivation for modifier rule {rule!r}")  # pragma: no cover

    # -- rules -----------------------------------------------------------------------------

    def compass(self) -> Place:
        detail = self.modifier.detail or ""
        adjective = COMPASS_DETAILS.get(detail)
        if adjective is None:
            raise GazetteerError(f"unknown compass direction {detail!r}")
        base_name = compass_base_name(self.base, detail)
        name = f"{adjective} {base_name}"
        how = compass_how(detail)
        if self.is_point:
            radius = DISTANCES_KM["point_compass"]

            def make_sector() -> tuple[BaseGeometry, str]:
                disc = self.base_xy.buffer(radius * 1000.0, quad_segs=32)
                return self.lonlat(sector(disc, detail)), (
                    f"{adjective} part of {self.base.name}, taking the city as a disc "
                    f"of {radius:g} km radius around its centre point"
                )

            return self.later(make_sector, name=name, qualifier=detail, distance_km=radius)

        if self.is_line:
            reach = DISTANCES_KM["point_compass"]

            def make_reach() -> tuple[BaseGeometry, str]:
                corridor = self.lonlat(self.base_xy.buffer(reach * 1000.0))
                return compass_part(corridor, detail), (
                    f"{adjective} part of {self.base.name}, taken on the land within "
                    f"{reach:g} km of it: {how}"
                )

            return self.later(make_reach, name=name, qualifier=detail, distance_km=reach)

        def make_part() -> tuple[BaseGeometry, str]:
            whole = self.hemisphere_ocean(detail)
            area = compass_part(whole.geometry, detail)
            return area, f"{adjective} part of {whole.name}: {how}"

        return self.later(make_part, name=name, qualifier=detail, distance_km=None)

    def near_land(self, *, because: str | None = None) -> Place:
        """The place and the area within 50 km of it; ``because`` says why a sea rule fell
        back to it (the rule is then ``near`` with detail ``inland``)."""
        km = DISTANCES_KM["near_land"]
        description = f"{self.base.name} and the area within {km:g} km of it"
        if because is not None:
            phrase = self.modifier.phrase or self.modifier.rule
            description = f"{because}, so '{phrase}' is read on land: {description}"

        def make() -> tuple[BaseGeometry, str]:
            area = buffer_in_frame(self.frame, self.base.geometry, km * 1000.0)
            return self.lonlat(area), description

        return self.later(
            make,
            name=f"Near {after_preposition(self.base)}",
            qualifier=f"land-{km:g}km",
            distance_km=km,
            detail="inland" if because is not None else None,
            rule="near" if because is not None else None,
        )

    def coastal_strip(self) -> Place:
        km = DISTANCES_KM["coastal_strip"]
        if self.is_point:
            return self.near_land()
        if not self.has_coast():
            raise _CannotApply(f"{self.base.name} has no coast")

        def make() -> tuple[BaseGeometry, str]:
            coast = coastline(self.base_xy, self.land_xy(km), drawing=True)
            strip = self.base_xy.intersection(buffer_parts(coast, km * 1000.0))
            return self.lonlat(strip), (
                f"The part of {self.base.name} within {km:g} km of its coast"
            )

        return self.later(
            make,
            name=f"Coastal {self.base.name}",
            qualifier=f"coastal-{km:g}km",
            distance_km=km,
            detail="coastal",
            shippable=True,
        )

    def sea(self, km: float, style: str, *, median: bool) -> Place:
        """A sea band (``style``: coast / waters / near) off the base's coast."""
        disc: SeaBand | None = None
        if self.is_point:
            km = min(km, DISTANCES_KM["point_sea"])
            sure = self.sure_point_sea(km)
            if sure is False:
                raise _CannotApply(f"{self.base.name} has no coast within {nautical(km)}")
            if sure is None:  # else the disc is not empty, and is drawn only when read
                land = self.land_xy(km)
                disc = sea_band(self.frame, self.base.geometry, self.base_xy, land, km * 1000.0)
                if disc.area.is_empty:
                    raise _CannotApply(f"{self.base.name} has no coast within {nautical(km)}")
        elif not self.has_coast():
            raise _CannotApply(f"{self.base.name} has no coast within {nautical(km)}")
        territorial = self.modifier.rule == "waters" and self.modifier.detail == "territorial"
        where = "of" if self.is_point else "of the coast of"
        the_base = after_preposition(self.base)
        if style == "near":
            name = f"Sea near {the_base}"
        elif territorial:
            name = f"Territorial waters of {the_base}"
        elif style == "waters":
            name = f"Waters off {the_base}"
        else:
            name = f"Sea off {the_base}"

        def make() -> tuple[BaseGeometry, str]:
            if disc is not None:
                band = disc
            else:
                band = sea_band(
                    self.frame,
                    self.base.geometry,
                    self.base_xy,
                    self.land_xy(km),
                    km * 1000.0,
                    drawing=True,
                )
            area = band.area
            neighbours: list[str] = []
            if median and not self.is_point:
                others, neighbours = self.neighbours(area)
                area = median_clip(area, self.base_xy, others, km * 1000.0)
                area = connected_to(area, band.coast)
            description = f"Sea within {nautical(km)} {where} {the_base}, land removed"
            if neighbours:
                listed = join_names(neighbours)
                if len(neighbours) > 4:
                    listed = ", ".join(neighbours[:4]) + " and others"
                description += f"; cut at the median line with {listed}"
            return self.lonlat(area), description

        qualifier = {"near": "sea-", "waters": "territorial-" if territorial else "eez-"}.get(
            style, ""
        ) + f"{km:g}km"
        return self.later(make, name=name, qualifier=qualifier, distance_km=km, shippable=True)

    def around_island(self) -> Place:
        km = DISTANCES_KM["around"]
        metres = km * 1000.0
        if not self.has_coast():
            raise _CannotApply(f"{self.base.name} has no sea within {nautical(km)} around it")

        def make() -> tuple[BaseGeometry, str]:
            land = self.land_xy(km * 2)
            band = sea_band(
                self.frame, self.base.geometry, self.base_xy, land, metres, drawing=True
            )
            area = band.area
            reach = self.base_xy.buffer(2 * metres, quad_segs=8)
            joined: list[str] = []
            straits = self.gazetteer.intersecting(self.frame.inverse(area), kinds=STRAIT_KINDS)
            for strait in straits:
                strait_xy = self.frame.forward(strait.geometry)
                if strait_xy.is_empty or strait_xy.distance(self.base_xy) > STRAIT_REACH * metres:
                    continue
                piece = polygons_only(strait_xy.intersection(reach))
                if not piece.is_empty:
                    area = area.union(piece)
                    joined.append(strait.name)
            if not land.is_empty:
                area = area.difference(land)
            area = area.difference(self.base_xy)
            description = f"Sea within {nautical(km)} of {after_preposition(self.base)}"
            if joined:
                description += f", with {join_names(sorted(set(joined)))} beside it"
            return self.lonlat(area), description + ", land removed"

        return self.later(
            make,
            name=f"Waters around {after_preposition(self.base)}",
            qualifier=f"{km:g}km",
            distance_km=km,
            shippable=True,
        )

    def water_body(self) -> Place:
        """Modifiers on a sea, strait or gulf."""
        rule = self.modifier.rule
        if rule in {"waters", "coast", "around"} or self.at_sea or self.modifier.detail == "sea":
            if rule == "coast" and self.modifier.detail == "coastal" and not self.at_sea:
                pass  # "the coast of the Black Sea": its shores, below
            else:
                return self.base
        km = DISTANCES_KM["water_near"]

        def make() -> tuple[BaseGeometry, str]:
            area = buffer_in_frame(self.frame, self.base.geometry, km * 1000.0)
            return self.lonlat(area), f"{self.base.name} and its shores within {km:g} km"

        return self.later(
            make,
            name=f"Near {after_preposition(self.base)}",
            qualifier=f"shore-{km:g}km",
            distance_km=km,
        )
