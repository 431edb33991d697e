"""The shipped areas file: its format, its list, and the lookup :func:`gazetteer.areas.derive`
makes before drawing.

``gazetteer/data/shipped_areas.bin.gz`` holds a few costly derived areas drawn ahead of time
(``python -m gazetteer.shipped``, which :mod:`gazetteer.shipped` documents: what the file holds,
when it is read, its format). This module reads it and answers :func:`shipped_area`; drawing
it lives in :mod:`gazetteer.shipped`, which imports :mod:`gazetteer.areas`, so that the areas
read the file without an import cycle.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, NamedTuple

import shapely

from gazetteer.areacache import area_cache_disabled, area_key, decode_area, source_fingerprint
from gazetteer.modifiers import Modifier

if TYPE_CHECKING:
    from gazetteer.place import Place

__all__ = [
    "AREAS_FILE",
    "FORMAT",
    "LIST_FILE",
    "ShippedArea",
    "ShippedAreas",
    "library_versions",
    "load_list",
    "read_file",
    "shipped_area",
    "shipped_areas",
    "shipped_digest",
    "shipped_on",
    "ships",
    "use_shipped_areas",
]

#: The list of areas to ship and the file they are drawn into, in ``gazetteer/data``.
LIST_FILE = "shipped_areas.tsv"
AREAS_FILE = "shipped_areas.bin.gz"
#: Bumped when the file's layout changes (a file of another format is not read).
FORMAT = 1

_use = True


class ShippedArea(NamedTuple):
    """A row of ``shipped_areas.tsv``: what :func:`gazetteer.areas.derive` is asked."""

    base_id: str
    rule: str
    detail: str | None
    phrase: str
    at_sea: bool

    def modifier(self) -> Modifier:
        return Modifier(self.rule, self.detail, self.phrase)

    def to_json(self) -> list[Any]:
        return list(self)


@dataclass(frozen=True)
class ShippedAreas:
    """The areas of a shipped file: each stored row (``meta`` JSON, WKB) by its area key."""

    digest: str
    versions: tuple[str, ...]
    specs: tuple[ShippedArea, ...]
    rows: dict[str, tuple[str, bytes | None]]
    base_ids: frozenset[str]

    def matches(self, gazetteer_fingerprint: str) -> bool:
        """Whether the file was drawn by these sources, this artifact and these libraries."""
        return (
            self.digest == shipped_digest(gazetteer_fingerprint)
            and self.versions == library_versions()
        )


def library_versions() -> tuple[str, ...]:
    """The shapely, GEOS and PROJ versions (part of every area key too)."""
    import pyproj

    return (shapely.__version__, shapely.geos_version_string, pyproj.proj_version_str)


def shipped_digest(gazetteer_fingerprint: str) -> str:
    """The digest a shipped file must record to be read: the ``gazetteer`` sources and the
    gazetteer's fingerprint."""
    parts = [FORMAT, source_fingerprint(), gazetteer_fingerprint]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def load_list(text: str) -> list[ShippedArea]:
    """The rows of a ``shipped_areas.tsv`` text: tab-separated base id, rule, detail (``-``
    for none), phrase and at sea (``yes``/``no``); ``#`` starts a comment."""
    rows = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        base_id, rule, detail, phrase, at_sea = line.split("\t")
        if at_sea not in {"yes", "no"}:
            raise ValueError(f"{LIST_FILE}: at sea must be yes or no, not {at_sea!r}")
        row = ShippedArea(base_id, rule, None if detail == "-" else detail, phrase, at_sea == "yes")
        row.modifier()  # a rule or detail the modifiers do not know fails here
        rows.append(row)
    return rows


def read_file(data: bytes) -> ShippedAreas:
    """Decode the bytes of a shipped file (raises ``ValueError`` on a malformed one)."""
    try:
        return _read(data)
    except (OSError, EOFError, KeyError, TypeError, IndexError) as exc:
        raise ValueError(f"not a shipped areas file: {exc}") from exc


def _read(data: bytes) -> ShippedAreas:
    raw = gzip.decompress(data)
    head, sep, blob = raw.partition(b"\n")
    if not sep:
        raise ValueError("no header")
    header = json.loads(head)
    if header.get("format") != FORMAT:
        raise ValueError(f"format {header.get('format')!r}, not {FORMAT}")
    rows: dict[str, tuple[str, bytes | None]] = {}
    specs, at = [], 0
    for item in header["areas"]:
        length = item["wkb"]
        wkb = None if length is None else blob[at : at + length]
        at += length or 0
        rows[item["key"]] = (item["meta"], wkb)
        specs.append(ShippedArea(*item["spec"]))
    if at != len(blob):
        raise ValueError("the areas' lengths do not add up to the file")
    return ShippedAreas(
        digest=header["digest"],
        versions=tuple(header["versions"]),
        specs=tuple(specs),
        rows=rows,
        base_ids=frozenset(s.base_id for s in specs),
    )


@cache
def shipped_areas() -> ShippedAreas | None:
    """The package's shipped areas, read once; ``None`` when the file is missing or
    malformed (the areas are then drawn)."""
    try:
        data = resources.files("gazetteer").joinpath("data", AREAS_FILE).read_bytes()
        return read_file(data)
    except (OSError, ValueError):
        return None


def use_shipped_areas(on: bool) -> None:
    """Read shipped areas (the default) or draw every area (``python -m gazetteer.shipped``
    does, to draw the file anew)."""
    global _use
    _use = on


def shipped_on() -> bool:
    """Whether shipped areas and drawings are read: on unless :func:`use_shipped_areas`
    turned them off or ``GEO_AREA_CACHE=off`` turns every cache off."""
    return _use and not area_cache_disabled()


def ships(base_id: str) -> bool:
    """Whether an area derived from the place ``base_id`` may be shipped (a cheap test
    before :func:`shipped_area`): shipped areas are on and the file has one of that place."""
    if not shipped_on():
        return False
    shipped = shipped_areas()
    return shipped is not None and base_id in shipped.base_ids


def shipped_area(gazetteer: Any, base: Place, modifier: Modifier, at_sea: bool) -> Place | None:
    """The shipped area of ``derive(base, modifier, gazetteer, at_sea=at_sea)`` (``base``
    itself when the rule returns it), or ``None`` when none is shipped for it or the file does
    not match this gazetteer, these sources or these libraries. Only areas of the
    gazetteer's own place objects are shipped: the caller checks ``base`` is one."""
    if not ships(base.id):
        return None
    shipped = shipped_areas()
    assert shipped is not None
    fingerprint = getattr(gazetteer, "fingerprint", None)
    gazetteer_id = fingerprint() if callable(fingerprint) else None
    if gazetteer_id is None or not shipped.matches(gazetteer_id):
        return None
    row = shipped.rows.get(area_key(gazetteer_id, base, modifier, at_sea, stored=True))
    return decode_area(row, base) if row is not None else None
