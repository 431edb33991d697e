"""Derived areas shipped with the package, drawn ahead of time by ``python -m gazetteer.shipped``.

A few areas cost far more to draw than the rest: the sea near Alaska (a 370 km band around
a coast that crosses the date line) takes about a second of GEOS work, most of a cold
``geo build`` of the bundled sample. ``gazetteer/data/shipped_areas.tsv`` lists such areas
(base place id, modifier rule, detail and phrase, at sea); ``python -m gazetteer.shipped``
draws each with :func:`gazetteer.areas.derive` and writes them to
``gazetteer/data/shipped_areas.bin.gz``, which :func:`gazetteer.areas.derive` then reads
instead of drawing.

A shipped area is never stale. The file records the digest it was drawn under: the
``gazetteer`` and ``lonlat`` packages' Python sources (the rules, their distances, the
date-line splitting, this reader) and the default artifact's fingerprint
(:meth:`gazetteer.Gazetteer.fingerprint`), and the shapely, GEOS and PROJ versions. Each
area is stored under the key of the disk cache (:func:`gazetteer.areacache.area_key`), which
holds all of that too. Any difference (an edited rule, a rebuilt artifact, a user places
file, another GEOS) and the file is not read: the area is drawn as without it.
``tests/gazetteer/test_shipped.py`` fails when the file no longer matches the sources or the
list, and names the command that remakes it.

Format: gzip (``mtime=0``) of a one-line UTF-8 JSON header, a newline, then the WKB of the
areas concatenated in the header's order (``wkb``: byte length, ``null`` for an area that is
its base unchanged). ``GEO_AREA_CACHE=off`` turns shipped areas off with every other cache.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import shapely

from gazetteer.areacache import (
    AreaCache,
    area_cache_disabled,
    area_key,
    decode_area,
    encode_area,
    source_fingerprint,
)
from gazetteer.artifact import gzip_bytes
from gazetteer.modifiers import Modifier

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from gazetteer.core import Gazetteer
    from gazetteer.place import Place

__all__ = [
    "AREAS_FILE",
    "LIST_FILE",
    "ShippedArea",
    "ShippedAreas",
    "load_list",
    "shipped_area",
    "shipped_areas",
    "ships",
    "use_shipped_areas",
    "write_shipped_areas",
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


def ships(base_id: str) -> bool:
    """Whether an area derived from the place ``base_id`` may be shipped (a cheap test
    before :func:`shipped_area`): shipped areas are on and the file has one of that place."""
    if not _use or area_cache_disabled():
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


class _Recorder(AreaCache):
    """An area cache in memory that keeps what :func:`derive` stores, in order."""

    def __init__(self) -> None:
        super().__init__(Path("/nonexistent/shipped-areas"))
        self.stored: list[tuple[str, str, bytes | None]] = []

    @property
    def enabled(self) -> bool:
        return True

    def get(self, key: str, base: Place) -> Place | None:
        return None

    def put(self, key: str, base: Place, place: Place) -> None:
        self.stored.append((key, *encode_area(base, place)))


def draw_shipped_areas(gazetteer: Gazetteer, specs: Sequence[ShippedArea]) -> bytes:
    """The bytes of a shipped file with the areas ``specs`` drawn on ``gazetteer`` (the
    same bytes on every run with the same sources, artifact and libraries)."""
    from gazetteer.areas import derive

    fingerprint = gazetteer.fingerprint()
    if fingerprint is None:
        raise ValueError("the gazetteer's artifact changed on disk while drawing")
    entries, blobs = [], []
    use_shipped_areas(False)
    try:
        for spec in sorted(set(specs)):
            recorder = _Recorder()
            base = gazetteer.get(spec.base_id)
            place = derive(base, spec.modifier(), gazetteer, at_sea=spec.at_sea, cache=recorder)
            if place is not base:
                place.geometry  # noqa: B018 - drawing it stores it in the recorder
            (key, meta, wkb), *_ = recorder.stored
            entries.append({"spec": spec.to_json(), "key": key, "meta": meta, "wkb": None})
            if wkb is not None:
                entries[-1]["wkb"] = len(wkb)
                blobs.append(wkb)
    finally:
        use_shipped_areas(True)
    header = {
        "format": FORMAT,
        "digest": shipped_digest(fingerprint),
        "versions": list(library_versions()),
        "areas": entries,
    }
    head = json.dumps(header, sort_keys=True, ensure_ascii=False).encode()
    return gzip_bytes(head + b"\n" + b"".join(blobs))


def write_shipped_areas(directory: Path | None = None) -> Path:
    """Draw the areas of ``shipped_areas.tsv`` on the default gazetteer and write
    ``shipped_areas.bin.gz`` into ``directory`` (default: the package's ``data`` folder)."""
    from gazetteer.core import Gazetteer

    data = Path(__file__).resolve().parent / "data"
    specs = load_list((data / LIST_FILE).read_text(encoding="utf-8"))
    out = (directory or data) / AREAS_FILE
    out.write_bytes(draw_shipped_areas(Gazetteer.default(), specs))
    shipped_areas.cache_clear()
    return out


def main(argv: Iterable[str] | None = None) -> int:
    """``python -m gazetteer.shipped [DIR]``: draw the shipped areas anew."""
    args = list(sys.argv[1:] if argv is None else argv)
    out = write_shipped_areas(Path(args[0]) if args else None)
    sys.stdout.write(f"wrote {out} ({out.stat().st_size / 1024:.0f} KB)\n")
    return 0


if __name__ == "__main__":
    # the module as gazetteer.areas imports it (not this __main__ copy), whose switch counts
    from gazetteer.shipped import main as _main

    raise SystemExit(_main())
