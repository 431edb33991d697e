"""A resolved place as a few lines for people: what ``geo resolve`` prints on a terminal.

The GeoJSON Feature of a derived area ("off Alaska") runs to hundreds of kilobytes; a reader
at a terminal wants its name, kind, id, how it was drawn and where it is. These functions turn
the Features :func:`geo.pipeline.resolve_query` returns into that text; they never print.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import shapely
from shapely.geometry import shape

__all__ = ["describe_place", "describe_resolution"]


def _bounds(geometry: Mapping[str, Any] | None) -> str | None:
    if not geometry:
        return None
    try:
        geom = shape(geometry)
    except (ValueError, TypeError, AttributeError, KeyError):
        return None
    if geom.is_empty:
        return None
    west, south, east, north = geom.bounds
    if geom.geom_type == "Point":
        return f"point {_lon(west)} {_lat(south)}"
    across = ""
    if east - west > 180:
        # parts on both sides of the antimeridian: measure with longitudes in [0, 360)
        shifted = shapely.transform(geom, lambda xy: xy + [[360.0, 0.0]] * (xy[:, :1] < 0))
        s_west, _, s_east, _ = shifted.bounds
        if s_east - s_west < east - west:
            west, east, across = s_west, s_east - 360.0, ", across 180°"
    vertices = shapely.get_num_coordinates(geom)
    return (
        f"{_lon(west)} to {_lon(east)}, {_lat(south)} to {_lat(north)}"
        f" ({geom.geom_type}, {vertices:,} vertices{across})"
    )


def _lon(value: float) -> str:
    return f"{abs(value):.2f}°{'W' if value < 0 else 'E'}"


def _lat(value: float) -> str:
    return f"{abs(value):.2f}°{'S' if value < 0 else 'N'}"


def _derivation(props: Mapping[str, Any]) -> str | None:
    derivation = props.get("derivation")
    if not isinstance(derivation, Mapping):
        return None
    text = str(derivation.get("description") or "").strip()
    if text:
        return text
    rule = str(derivation.get("rule") or "")
    base = str(derivation.get("base_name") or derivation.get("base_id") or "")
    return f"{rule} {base}".strip() or None


def describe_place(feature: Mapping[str, Any]) -> str:
    """Lines describing one place Feature: name, then kind, id, country, how a derived area
    was drawn, and its bounds (west to east, south to north) with the geometry's size."""
    props = feature.get("properties") or {}
    name = str(props.get("name") or feature.get("id") or "(unnamed)")
    lines = [name]
    fields: list[tuple[str, str | None]] = [
        ("kind", props.get("kind")),
        ("id", props.get("id") or feature.get("id")),
        ("country", props.get("country")),
        ("drawn as", _derivation(props)),
        ("bounds", _bounds(feature.get("geometry"))),
        ("source", props.get("source")),
    ]
    if "score" in props:
        fields.append(("score", f"{float(props['score']):.2f}"))
    lines += [f"  {label + ':':<10}{value}" for label, value in fields if value]
    return "\n".join(lines)


def describe_resolution(result: Mapping[str, Any]) -> str:
    """Text for what ``resolve_query`` returned: one place, or numbered ranked candidates,
    ending with a hint that ``--geojson`` gives the full geometry."""
    if result.get("type") == "FeatureCollection":
        parts = [
            f"{n}. {describe_place(feature)}"
            for n, feature in enumerate(result.get("features") or [], start=1)
        ]
        body = "\n".join(parts)
    else:
        body = describe_place(result)
    return f"{body}\n(--geojson prints the full GeoJSON)"
