"""Unions of countries news names as one place ("the EU"), drawn from their members' outlines.

``gazetteer/data/unions.tsv`` lists each union by a slug, a name, other names and its member
countries' ISO alpha-2 codes; the build makes a place of kind ``region`` (id
``ne:union:<slug>``, no country) whose geometry is the union of the members' country outlines
and whose prominence is the sum of theirs.
"""

from __future__ import annotations

from pathlib import Path

import shapely

from gazetteer.errors import GazetteerError
from gazetteer.records import Record

__all__ = ["UNIONS_FILE", "load_unions", "unions"]

UNIONS_FILE = Path(__file__).parent / "data" / "unions.tsv"


def load_unions(path: Path = UNIONS_FILE) -> list[tuple[str, str, list[str], list[str]]]:
    """The curated table: ``[(slug, name, [other names], [member ISO codes])]``."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GazetteerError(f"cannot read the unions table {path}: {exc}") from exc
    table = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) != 4 or not fields[0] or not fields[1] or not fields[3]:
            raise GazetteerError(
                f"{path}:{number}: expected 'slug<TAB>name<TAB>other names<TAB>members'"
            )
        others = [o.strip() for o in fields[2].split("|") if o.strip()]
        table.append((fields[0], fields[1], others, fields[3].split()))
    return table


def unions(
    country_records: list[Record],
    table: list[tuple[str, str, list[str], list[str]]] | None = None,
) -> list[Record]:
    """A place for each union of ``table`` (default: the curated one); every member must be a
    country of ``country_records``."""
    by_code = {r.country: r for r in country_records if r.kind == "country" and r.country}
    records = []
    for slug, name, others, members in load_unions() if table is None else table:
        missing = [code for code in members if code not in by_code]
        if missing:
            raise GazetteerError(f"union {name!r}: no country with code(s) {missing}")
        parts = [by_code[code] for code in members]
        records.append(
            Record(
                id=f"ne:union:{slug}",
                name=name,
                kind="region",
                geometry=shapely.union_all([p.geometry for p in parts]),
                prominence=sum(p.prominence for p in parts),
                names=others,
                source="naturalearth:ne_50m_admin_0_countries",
            )
        )
    return records
