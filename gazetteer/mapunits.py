"""Map units: parts of a country that Natural Earth codes apart (Wales, Flanders, Iraqi
Kurdistan), drawn from the admin-1 label points.

Natural Earth's admin-1 label points carry the code of the map unit each division belongs to
(``sr_gu_a3``: ``WLS`` for the Welsh counties of the United Kingdom). The shared extract has no
map-unit polygons, so a unit's outline is drawn from its divisions' label points: the country
is split into the cells nearest each label point (a Voronoi diagram in a frame where a degree
of longitude is as long as a degree of latitude at the country's middle), and a unit is the
union of its divisions' cells. The outline is approximate near the unit's edges (a division's
width: 10 to 50 km in the United Kingdom) and exact along the coast.

Only units named in ``gazetteer/data/map_units.tsv`` become places (kind ``admin1``, id
``ne:mapunit:<code>``, prominence that of the top first-level divisions).
"""

from __future__ import annotations

import math
from collections import defaultdict
from pathlib import Path

import shapely
from shapely.affinity import scale
from shapely.geometry import MultiPoint

from gazetteer.errors import GazetteerError
from gazetteer.records import Record, admin1_prominence, load_features, text_value

__all__ = ["MAP_UNITS_FILE", "load_map_units", "map_units"]

MAP_UNITS_FILE = Path(__file__).parent / "data" / "map_units.tsv"


def load_map_units(path: Path = MAP_UNITS_FILE) -> dict[str, tuple[str, list[str]]]:
    """The curated table: ``{map-unit code: (name, [other names])}``."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GazetteerError(f"cannot read the map units table {path}: {exc}") from exc
    table: dict[str, tuple[str, list[str]]] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0].strip() or not fields[1].strip():
            raise GazetteerError(f"{path}:{number}: expected 'code<TAB>name<TAB>other names'")
        others = fields[2].split("|") if len(fields) > 2 else []
        table[fields[0].strip()] = (fields[1].strip(), [o.strip() for o in others if o.strip()])
    return table


def map_units(
    ne_dir: Path,
    country_records: list[Record],
    table: dict[str, tuple[str, list[str]]] | None = None,
) -> list[Record]:
    """A place for each map unit of ``table`` (default: the curated one) whose country is among
    ``country_records`` (matched by Natural Earth's ADM0_A3 code)."""
    table = load_map_units() if table is None else table
    points: dict[str, dict[tuple[float, float], str]] = defaultdict(dict)
    wanted: set[str] = set()
    for feature in load_features(ne_dir, "admin1_points"):
        p = feature["properties"]
        country, unit = text_value(p.get("sr_adm0_a3")), text_value(p.get("sr_gu_a3"))
        if not country or not unit:
            continue
        x, y = feature["geometry"]["coordinates"][:2]
        points[country].setdefault((float(x), float(y)), unit)
        if unit in table:
            wanted.add(country)
    by_code = {code: r for r in country_records for code in r.codes}
    records: list[Record] = []
    for country in sorted(wanted):
        record = by_code.get(country)
        if record is None or record.geometry.geom_type not in {"Polygon", "MultiPolygon"}:
            continue
        for unit, outline in sorted(unit_outlines(record.geometry, points[country]).items()):
            if unit not in table or outline.is_empty:
                continue
            name, others = table[unit]
            records.append(
                Record(
                    id=f"ne:mapunit:{unit}",
                    name=name,
                    kind="admin1",
                    geometry=outline,
                    country=record.country,
                    prominence=admin1_prominence(2),
                    names=others,
                    source="naturalearth:ne_10m_admin_1_label_points",
                )
            )
    return records


def unit_outlines(
    country: shapely.Geometry, points: dict[tuple[float, float], str]
) -> dict[str, shapely.Geometry]:
    """The country split among the units of its label points (each part of the country goes
    to its nearest label point, distances stretched by the cosine of the latitude): unit code
    to outline; ``{}`` when the points name fewer than two units."""
    if len(set(points.values())) < 2:
        return {}
    stretch = max(math.cos(math.radians(country.centroid.y)), 0.1)
    coords = sorted(points)
    sites = MultiPoint([(x * stretch, y) for x, y in coords])
    frame = scale(country, xfact=stretch, yfact=1.0, origin=(0, 0))
    # ordered: cell k belongs to site k
    cells = shapely.get_parts(
        shapely.voronoi_polygons(sites, extend_to=frame.envelope, ordered=True)
    )
    cells_of: dict[str, list[shapely.Geometry]] = defaultdict(list)
    for site, cell in zip(coords, cells, strict=True):
        cells_of[points[site]].append(cell)
    pieces: dict[str, list[shapely.Geometry]] = {
        unit: list(shapely.get_parts(shapely.intersection(shapely.union_all(c), frame)))
        for unit, c in cells_of.items()
    }
    _give_away_orphans(
        pieces,
        {unit: [(x * stretch, y) for (x, y), u in points.items() if u == unit] for unit in pieces},
    )
    return {
        unit: scale(shapely.union_all(parts), xfact=1.0 / stretch, yfact=1.0, origin=(0, 0))
        for unit, parts in pieces.items()
    }


def _give_away_orphans(
    pieces: dict[str, list[shapely.Geometry]], sites: dict[str, list[tuple[float, float]]]
) -> None:
    """A piece of a unit cut off from it by water (a cell reaching across a channel: Welsh
    cells across the Bristol Channel onto Exmoor) holds none of the unit's label points: it
    goes to the unit it shares the longest border with, if any."""
    for unit in sorted(pieces):
        own = shapely.multipoints(sites[unit])
        kept = []
        for piece in pieces[unit]:
            if piece.intersects(own):
                kept.append(piece)
                continue
            border = {
                other: sum(shapely.intersection(piece.boundary, p.boundary).length for p in parts)
                for other, parts in pieces.items()
                if other != unit
            }
            best = max(border, key=lambda o: (border[o], o), default=None)
            if best is not None and border[best] > 0:
                pieces[best].append(piece)
            else:
                kept.append(piece)
        pieces[unit] = kept
