"""Geometry cleaning for the gazetteer build: simplification, snapping, filled outlines and
the grouping of same-named feature parts.

:func:`clean_geometry` is what every stored geometry goes through; :func:`filled` closes a
region's holes; :func:`cluster_parts` and :func:`merged_clusters` group and merge the parts of
one feature that Natural Earth stores as several same-named features.
"""

from __future__ import annotations

from collections.abc import Iterator

import shapely
from shapely.affinity import translate
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

#: Polygon simplification tolerance in degrees (about 1.1 km at the equator).
TOLERANCE = 0.01
#: Land simplification tolerance in degrees, fine enough for 10-200 nm coastal bands.
LAND_TOLERANCE = 0.01
#: Coordinates are snapped to this grid (degrees; about 1 m).
GRID = 1e-5


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


def near(a: BaseGeometry, b: BaseGeometry, degrees: float = 2.0) -> bool:
    """Whether two geometries lie within ``degrees`` of each other, across the antimeridian."""
    return any(a.distance(translate(b, xoff=dx)) <= degrees for dx in (0.0, 360.0, -360.0))


def cluster_parts(items: list[tuple[BaseGeometry, dict]]) -> list[list[tuple[BaseGeometry, dict]]]:
    """Group same-named features that are parts of one feature (close to each other)."""
    clusters: list[list[tuple[BaseGeometry, dict]]] = []
    for item in items:
        for cluster in clusters:
            if any(near(item[0], other[0]) for other in cluster):
                cluster.append(item)
                break
        else:
            clusters.append([item])
    return clusters


def merged_clusters(clusters: list[list[tuple[BaseGeometry, dict]]]) -> list[BaseGeometry]:
    """One geometry per cluster of :func:`cluster_parts` (the union of its parts), ordered
    west to east, then south to north, by their bounds (ids numbered in this order are
    stable)."""
    merged = [shapely.union_all([g for g, _ in c]) for c in clusters]
    return sorted(merged, key=lambda g: (round(g.bounds[0], 3), round(g.bounds[1], 3)))
