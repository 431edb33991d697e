"""Shipped drawings: the outlines of the costliest sea areas of large coasts, drawn ahead of
time, and the lookup :class:`gazetteer.workarea.WorkArea` makes before drawing one.

A band off a long coast (the sea near Russia or Canada, Norwegian waters, the sea off
Australia) costs a quarter of a second to seconds of GEOS work, however the phrase named
it. ``gazetteer/data/shipped_drawings.tsv`` lists such areas (rows as in
``shipped_areas.tsv``: base place id, modifier rule, detail, phrase, at sea);
``python -m gazetteer.shipped`` draws each and writes ``shipped_drawings.bin``. Unlike the
shipped areas of :mod:`gazetteer.shipped_file`, which answer one exact request to
:func:`gazetteer.areas.derive` (the phrase too), a shipped drawing answers the *drawing* of a
derived place id ("derived:near:sea-370.4km:iso:RU"), whatever phrase, detail or rule chose
it: the decision (which area the phrase names) is made as without the file, and only the
outline and the description of how it was drawn, which depend on the id's base and rule
alone, are read instead of drawn. A drawing is the drawn one bit for bit.

Never stale, as shipped areas: the file records the digest it was drawn under (the
``gazetteer`` and ``lonlat`` sources with the gazetteer's word lists, and the default
artifact's fingerprint) and the shapely, GEOS and PROJ versions; any difference and the
file is not read. Drawings are read only for the gazetteer's own place objects (their
geometry is fixed by the fingerprint), and never when shipped areas are off
(:func:`gazetteer.shipped_file.use_shipped_areas`, ``GEO_AREA_CACHE=off``).

Format: a one-line UTF-8 JSON header (``format``, ``digest``, ``versions``, ``drawings``:
for each outline its ``ids``, ``description`` and byte ``length``), a newline, then each
outline's WKB compressed with LZMA (xz), in the header's order. Only the outlines a process
draws are decompressed.
"""

from __future__ import annotations

import hashlib
import json
import lzma
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import shapely

from gazetteer.areacache import source_fingerprint
from gazetteer.shipped_file import library_versions, shipped_on

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

    from gazetteer.place import Place

__all__ = [
    "DRAWINGS_FILE",
    "DRAWINGS_FORMAT",
    "DRAWINGS_LIST",
    "ShippedDrawings",
    "drawings_digest",
    "read_drawings",
    "recording",
    "shipped_drawing",
    "shipped_drawings",
]

#: The list of areas whose drawings ship, and the file they are drawn into, in ``gazetteer/data``.
DRAWINGS_LIST = "shipped_drawings.tsv"
DRAWINGS_FILE = "shipped_drawings.bin"
#: Bumped when the file's layout changes (a file of another format is not read).
DRAWINGS_FORMAT = 1


@dataclass(frozen=True)
class ShippedDrawings:
    """The outlines of a shipped drawings file: by derived place id, the description and
    the span of its compressed WKB in ``data``."""

    digest: str
    versions: tuple[str, ...]
    rows: dict[str, tuple[str, int, int]]
    data: bytes

    def matches(self, gazetteer_fingerprint: str) -> bool:
        """Whether the file was drawn by these sources, this artifact and these libraries."""
        return (
            self.digest == drawings_digest(gazetteer_fingerprint)
            and self.versions == library_versions()
        )

    def outline(self, place_id: str) -> tuple[BaseGeometry, str] | None:
        """The lon/lat outline and description of ``place_id``, or ``None`` if not shipped."""
        row = self.rows.get(place_id)
        if row is None:
            return None
        description, start, end = row
        return shapely.from_wkb(lzma.decompress(self.data[start:end])), description


def drawings_digest(gazetteer_fingerprint: str) -> str:
    """The digest a drawings file must record to be read: its format, the ``gazetteer``
    sources and the gazetteer's fingerprint."""
    parts = ["drawings", DRAWINGS_FORMAT, source_fingerprint(), gazetteer_fingerprint]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def read_drawings(data: bytes) -> ShippedDrawings:
    """Decode the bytes of a drawings file (raises ``ValueError`` on a malformed one)."""
    head, sep, _ = data.partition(b"\n")
    if not sep:
        raise ValueError("no header")
    try:
        header = json.loads(head)
        if header.get("format") != DRAWINGS_FORMAT:
            raise ValueError(f"format {header.get('format')!r}, not {DRAWINGS_FORMAT}")
        rows: dict[str, tuple[str, int, int]] = {}
        at = len(head) + 1
        for item in header["drawings"]:
            end = at + int(item["length"])
            for place_id in item["ids"]:
                rows[place_id] = (str(item["description"]), at, end)
            at = end
        digest, versions = str(header["digest"]), tuple(header["versions"])
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"not a shipped drawings file: {exc}") from exc
    if at != len(data):
        raise ValueError("the drawings' lengths do not add up to the file")
    return ShippedDrawings(digest=digest, versions=versions, rows=rows, data=data)


@cache
def shipped_drawings() -> ShippedDrawings | None:
    """The package's shipped drawings, read once; ``None`` when the file is missing or
    malformed (the areas are then drawn)."""
    try:
        data = resources.files("gazetteer").joinpath("data", DRAWINGS_FILE).read_bytes()
        return read_drawings(data)
    except (OSError, ValueError):
        return None


@cache
def _matches(gazetteer_fingerprint: str) -> bool:
    drawings = shipped_drawings()
    return drawings is not None and drawings.matches(gazetteer_fingerprint)


def shipped_drawing(gazetteer: Any, base: Place, place_id: str) -> tuple[BaseGeometry, str] | None:
    """The shipped outline (lon/lat) and description of the derived place ``place_id`` drawn
    from ``base``, or ``None`` when none ships for it, shipped areas are off, ``base`` is not
    the gazetteer's own place object, or the file does not match this gazetteer, these
    sources or these libraries."""
    if not shipped_on():
        return None
    drawings = shipped_drawings()
    if drawings is None or place_id not in drawings.rows:
        return None
    try:
        if gazetteer.get(base.id) is not base:
            return None
    except Exception:  # an unknown id (GazetteerError), or a gazetteer without get
        return None
    fingerprint = getattr(gazetteer, "fingerprint", None)
    gazetteer_id = fingerprint() if callable(fingerprint) else None
    if gazetteer_id is None or not _matches(gazetteer_id):
        return None
    return drawings.outline(place_id)


#: While :func:`recording` is on, the drawings made (id, outline, description), in order.
_recorded: list[tuple[str, BaseGeometry, str]] | None = None


def recording(on: bool) -> list[tuple[str, BaseGeometry, str]] | None:
    """Start (``True``) or stop recording the drawings :func:`note_drawn` is told of (what
    ``python -m gazetteer.shipped`` writes); returns the list recorded so far."""
    global _recorded
    recorded = _recorded
    _recorded = [] if on else None
    return recorded


def note_drawn(place_id: str, outline: BaseGeometry, description: str) -> None:
    """Called by :class:`gazetteer.workarea.WorkArea` after drawing an area a drawing may
    ship for: recorded while :func:`recording` is on."""
    if _recorded is not None:
        _recorded.append((place_id, outline, description))
