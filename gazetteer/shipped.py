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

This module draws the file; reading it, and the lookup :func:`gazetteer.areas.derive` makes,
are :mod:`gazetteer.shipped_file`'s, which imports no drawing, so that
the areas read the file without an import cycle.

The same command draws ``gazetteer/data/shipped_drawings.bin`` from ``shipped_drawings.tsv``:
the outlines of the costliest sea bands, read by derived place id whatever phrase named the
area (:mod:`gazetteer.shipped_drawings`).
"""

from __future__ import annotations

import json
import lzma
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import shapely

from gazetteer.areacache import AreaCache, encode_area
from gazetteer.artifact import gzip_bytes
from gazetteer.shipped_drawings import (
    DRAWINGS_FILE,
    DRAWINGS_FORMAT,
    DRAWINGS_LIST,
    drawings_digest,
    recording,
    shipped_drawings,
)
from gazetteer.shipped_file import (
    AREAS_FILE,
    FORMAT,
    LIST_FILE,
    ShippedArea,
    library_versions,
    load_list,
    shipped_areas,
    shipped_digest,
    use_shipped_areas,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from gazetteer.core import Gazetteer
    from gazetteer.place import Place

__all__ = ["draw_shipped_areas", "draw_shipped_drawings", "write_shipped_areas"]


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


def draw_shipped_drawings(gazetteer: Gazetteer, specs: Sequence[ShippedArea]) -> bytes:
    """The bytes of a shipped drawings file (:mod:`gazetteer.shipped_drawings`) with the
    outlines of the areas ``specs`` name drawn on ``gazetteer``, each outline once with every
    id it was drawn for (the same bytes on every run with the same sources, artifact and
    libraries). Raises ``ValueError`` for an area no drawing can ship for (one whose outline
    depends on its phrase, or its base unchanged)."""
    from gazetteer.areas import derive, forget_derived

    fingerprint = gazetteer.fingerprint()
    if fingerprint is None:
        raise ValueError("the gazetteer's artifact changed on disk while drawing")
    outlines: dict[tuple[bytes, str], list[str]] = {}
    use_shipped_areas(False)
    try:
        for spec in sorted(set(specs)):
            forget_derived()  # draw it now, not from memory
            recording(True)
            try:
                base = gazetteer.get(spec.base_id)
                place = derive(base, spec.modifier(), gazetteer, at_sea=spec.at_sea, cache=False)
                place.geometry  # noqa: B018 - drawing it records it
            finally:
                recorded = recording(False) or []
            if [place_id for place_id, _, _ in recorded] != [place.id]:
                raise ValueError(f"{DRAWINGS_LIST}: no drawing ships for {spec}")
            _, outline, description = recorded[0]
            ids = outlines.setdefault((shapely.to_wkb(outline), description), [])
            if place.id not in ids:
                ids.append(place.id)
    finally:
        use_shipped_areas(True)
        forget_derived()
    entries, blobs = [], []
    for (wkb, description), ids in sorted(outlines.items(), key=lambda item: sorted(item[1])):
        blob = lzma.compress(wkb, preset=9 | lzma.PRESET_EXTREME)
        entries.append({"ids": sorted(ids), "description": description, "length": len(blob)})
        blobs.append(blob)
    header = {
        "format": DRAWINGS_FORMAT,
        "digest": drawings_digest(fingerprint),
        "versions": list(library_versions()),
        "drawings": entries,
    }
    head = json.dumps(header, sort_keys=True, ensure_ascii=False).encode()
    return head + b"\n" + b"".join(blobs)


def write_shipped_areas(directory: Path | None = None) -> list[Path]:
    """Draw the areas of ``shipped_areas.tsv`` and the drawings of ``shipped_drawings.tsv``
    on the default gazetteer and write ``shipped_areas.bin.gz`` and ``shipped_drawings.bin``
    into ``directory`` (default: the package's ``data`` folder); returns their paths."""
    from gazetteer.core import Gazetteer

    data = Path(__file__).resolve().parent / "data"
    gazetteer = Gazetteer.default()
    specs = load_list((data / LIST_FILE).read_text(encoding="utf-8"))
    out = (directory or data) / AREAS_FILE
    out.write_bytes(draw_shipped_areas(gazetteer, specs))
    shipped_areas.cache_clear()
    listed = load_list((data / DRAWINGS_LIST).read_text(encoding="utf-8"))
    drawings = (directory or data) / DRAWINGS_FILE
    drawings.write_bytes(draw_shipped_drawings(gazetteer, listed))
    shipped_drawings.cache_clear()
    return [out, drawings]


def main(argv: Iterable[str] | None = None) -> int:
    """``python -m gazetteer.shipped [DIR]``: draw the shipped areas and drawings anew."""
    args = list(sys.argv[1:] if argv is None else argv)
    for out in write_shipped_areas(Path(args[0]) if args else None):
        sys.stdout.write(f"wrote {out} ({out.stat().st_size / 1024:.0f} KB)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
