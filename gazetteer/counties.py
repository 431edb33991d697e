"""US counties (and Louisiana's parishes, Alaska's boroughs and census areas) as places.

Local US news names counties all the time ("arrested in Monroe County", "the Rapides Parish
Sheriff's Office"). The outlines come from the Census Bureau's 1:10,000,000 cartographic
boundary files (2017) as redistributed by the npm package ``us-atlas`` and converted to
GeoJSON (``../shared/uscensus/us_counties_2017.json``: ``fips``, ``name`` without "County",
``state``). Rules (documented in docs/gazetteer.md, *US counties*):

- a county is named as news writes it, with its designator: "Adair County", "Rapides Parish",
  "North Slope Borough" (``gazetteer/data/us_counties.yaml`` says which word each state or
  county equivalent takes). It is never indexed under its bare name: "Adair" alone is no
  county, and "Los Angeles" stays the city;
- kind ``county``, id ``census:county:<FIPS>``, country ``US``, ``parent`` the state's id;
- prominence: the population of the GeoNames towns of 1,000+ people inside it (a proxy, the
  Census file has no population), so "Orange County" without context is California's;
- independent cities (county FIPS code 510 or more: Baltimore, St. Louis, Carson City,
  Virginia's) and the county equivalents that are one city (Anchorage, Juneau…) are left
  out: the city is already a place. So are Washington, D.C., Puerto Rico's municipios and
  the island territories.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import shapely
import yaml
from shapely.geometry import shape

from gazetteer.errors import GazetteerError
from gazetteer.normalize import normalize
from gazetteer.records import Record, read_features

__all__ = ["COUNTIES_FILE", "INDEPENDENT_CITY_CODE", "county_name", "load_rules", "us_counties"]

COUNTIES_FILE = Path(__file__).parent / "data" / "us_counties.yaml"
#: Census county codes from this one up are independent cities, not counties.
INDEPENDENT_CITY_CODE = 510
SOURCE = "uscensus:cb_2017_us_county_10m"


def load_rules(path: Path = COUNTIES_FILE) -> dict[str, Any]:
    """The curated designators and skips of ``us_counties.yaml``, checked."""
    try:
        rules = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise GazetteerError(f"cannot read the counties rules {path}: {exc}") from exc
    if not isinstance(rules, dict) or not isinstance(rules.get("default"), str):
        raise GazetteerError(f"{path}: expected a mapping with a 'default' designator")
    for key in ("states", "designators"):
        if not isinstance(rules.get(key) or {}, dict):
            raise GazetteerError(f"{path}: '{key}' must be a mapping")
    for key in ("skip", "skip_states"):
        if not isinstance(rules.get(key) or [], list):
            raise GazetteerError(f"{path}: '{key}' must be a list")
    return rules


def county_name(name: str, state: str, fips: str, rules: dict[str, Any]) -> str:
    """The name news gives a county: its Census name and its designator ("Adair County",
    "Rapides Parish", "North Slope Borough")."""
    word = (rules.get("designators") or {}).get(fips) or (rules.get("states") or {}).get(
        state, rules["default"]
    )
    return f"{name} {word}"


def _read(path: Path) -> list[dict[str, Any]]:
    return read_features(
        path,
        f"US counties file {path} not found: pass --us-counties FILE (GeoJSON with fips, "
        "name and state properties, see docs/gazetteer.md)",
    )


def us_counties(
    path: Path,
    states: Iterable[Record],
    towns: Iterable[dict[str, Any]],
    rules: dict[str, Any] | None = None,
) -> list[Record]:
    """The county records of the GeoJSON file at ``path``: each with its state (one of
    ``states``, the US admin-1 polygon records, matched by name) as parent, and the
    population of the US ``towns`` (GeoNames city dicts) inside it as prominence."""
    rules = rules if rules is not None else load_rules()
    by_name = {normalize(r.name): r for r in states}
    skip = {str(code) for code in rules.get("skip") or []}
    skip_states = set(rules.get("skip_states") or [])
    records: list[Record] = []
    for feature in _read(path):
        p = feature["properties"]
        fips, name, state = str(p.get("fips") or ""), p.get("name"), p.get("state")
        if len(fips) != 5 or not fips.isdigit() or not name or not state:
            raise GazetteerError(f"{path}: a county without fips, name or state: {p!r}")
        if fips in skip or state in skip_states or int(fips[2:]) >= INDEPENDENT_CITY_CODE:
            continue
        parent = by_name.get(normalize(state))
        if parent is None:
            raise GazetteerError(f"{path}: county {fips} lies in unknown state {state!r}")
        records.append(
            Record(
                id=f"census:county:{fips}",
                name=county_name(name, state, fips, rules),
                kind="county",
                geometry=shape(feature["geometry"]),
                country="US",
                source=SOURCE,
                parent=parent.id,
            )
        )
    _populations(records, towns)
    return records


def _populations(records: list[Record], towns: Iterable[dict[str, Any]]) -> None:
    """Set each county's prominence to the population of the US towns inside it."""
    points = [
        (float(t["longitude"]), float(t["latitude"]), int(t.get("population") or 0))
        for t in towns
        if t.get("countrycode") == "US"
    ]
    if not records or not points:
        return
    tree = shapely.STRtree([r.geometry for r in records])
    xy = np.array([(x, y) for x, y, _ in points])
    town_index, county_index = tree.query(shapely.points(xy), predicate="intersects")
    totals = np.zeros(len(records))
    seen: set[int] = set()
    for t, c in zip(town_index.tolist(), county_index.tolist(), strict=True):
        if t not in seen:  # a town on a shared border counts once
            seen.add(t)
            totals[c] += points[t][2]
    for record, total in zip(records, totals.tolist(), strict=True):
        record.prominence = float(total)
