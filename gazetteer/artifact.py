"""The on-disk gazetteer artifact: what :mod:`gazetteer.build` writes and
:class:`gazetteer.Gazetteer` reads.

An artifact is a directory of three gzip files (and the small towns of
:mod:`gazetteer.towns`, `towns.bin.gz`, read on first use):

``index.bin.gz``
    The eager part, read at load. A small container: the magic ``b"GAZIDX\\x00\\x02"``, a
    little-endian uint32 header length, a small UTF-8 JSON header, then a body of sections,
    each 8-byte aligned, that the header lists by name: numeric arrays (``arrays: name →
    [dtype, offset, count]``, little-endian: kind, country, prominence, representative
    lon/lat, bounding box, WKB offsets, name-index entries) and UTF-8 texts (``texts: name →
    [offset, length]``: ids, names, alternate names, lookup keys, parent ids, one item per
    line), which decode and split far faster than JSON lists or JSON strings.
``geometries.wkb.gz``
    The WKB of every non-point geometry, concatenated in place order; the ``wkb_offsets``
    array slices it. Decompressed on the first geometry access and decoded per place on demand.
    Point places (cities, admin-1 label points) have an empty slice: their geometry is their
    representative lon/lat.
``land.wkb.gz``
    The simplified land polygons returned by ``Gazetteer.land()``.

Everything is written deterministically (sorted, no timestamps, gzip ``mtime=0``) so the build
recipe reproduces the committed bytes.
"""

from __future__ import annotations

import gzip
import io
import json
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from gazetteer.errors import GazetteerError

#: Bumped whenever the layout changes; readers refuse other versions.
FORMAT_VERSION = 2
MAGIC = b"GAZIDX\x00\x02"
INDEX_FILE = "index.bin.gz"
GEOMETRIES_FILE = "geometries.wkb.gz"
LAND_FILE = "land.wkb.gz"

#: Separators of the joined string columns (never part of a name: names are whitespace-
#: collapsed and control characters are dropped).
ROW_SEP = "\n"
ITEM_SEP = "\x1f"

#: Name tiers stored in the index: how a key was obtained for a place.
TIER_NAME = 0  # the place's name or a curated source name (NE English names, country names)
TIER_ALTERNATE = 1  # a GeoNames alternate name (any language, Latin script)
TIER_ALIAS = 2  # a curated alias (gazetteer/data/aliases.yaml or a user places file)


@dataclass(frozen=True)
class ArtifactPaths:
    """The three files of an artifact directory."""

    directory: Path

    @property
    def index(self) -> Path:
        return self.directory / INDEX_FILE

    @property
    def geometries(self) -> Path:
        return self.directory / GEOMETRIES_FILE

    @property
    def land(self) -> Path:
        return self.directory / LAND_FILE

    def all(self) -> tuple[Path, Path, Path]:
        """The three files, in a fixed order."""
        return (self.index, self.geometries, self.land)


def gzip_bytes(data: bytes) -> bytes:
    """Gzip ``data`` reproducibly (no file name, ``mtime=0``, level 9)."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as gz:
        gz.write(data)
    return buffer.getvalue()


def encode_index(
    header: dict[str, Any], arrays: dict[str, np.ndarray], texts: dict[str, str]
) -> bytes:
    """The (uncompressed) index container for a JSON-able ``header``, numeric ``arrays`` and
    ``texts``."""
    layout: dict[str, list[Any]] = {}
    text_layout: dict[str, list[int]] = {}
    body = bytearray()
    for name in sorted(arrays):
        array = np.ascontiguousarray(arrays[name])
        dtype = array.dtype.newbyteorder("<")
        body += b"\x00" * (-len(body) % 8)
        layout[name] = [dtype.str, len(body), int(array.size)]
        body += array.astype(dtype, copy=False).tobytes()
    for name in sorted(texts):
        encoded = texts[name].encode()
        body += b"\x00" * (-len(body) % 8)
        text_layout[name] = [len(body), len(encoded)]
        body += encoded
    head = json.dumps(
        {**header, "arrays": layout, "texts": text_layout},
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    ).encode()
    pad = b" " * (-(len(MAGIC) + 4 + len(head)) % 8)
    return MAGIC + struct.pack("<I", len(head) + len(pad)) + head + pad + bytes(body)


def decode_index(
    data: bytes, origin: Path
) -> tuple[dict[str, Any], dict[str, np.ndarray], dict[str, str]]:
    """Split an index container into its header, its (read-only, zero-copy) arrays and its
    texts."""
    if data[: len(MAGIC)] != MAGIC:
        raise GazetteerError(
            f"{origin} is not a gazetteer index of format {FORMAT_VERSION}: rebuild it with "
            "`python -m gazetteer.build --natural-earth DIR --out DIR`"
        )
    (size,) = struct.unpack_from("<I", data, len(MAGIC))
    start = len(MAGIC) + 4
    header = json.loads(data[start : start + size])
    body = memoryview(data)[start + size :]
    arrays = {
        name: np.frombuffer(body, dtype=np.dtype(dtype), count=count, offset=offset)
        for name, (dtype, offset, count) in header.pop("arrays").items()
    }
    texts = {
        name: bytes(body[offset : offset + length]).decode()
        for name, (offset, length) in header.pop("texts").items()
    }
    return header, arrays, texts


def read_gzip(path: Path) -> bytes:
    """The decompressed content of one artifact file, or a :class:`GazetteerError` saying how
    to get a working artifact."""
    try:
        return gzip.decompress(path.read_bytes())
    except FileNotFoundError:
        raise GazetteerError(
            f"gazetteer file {path} is missing: rebuild the artifact with "
            f"`python -m gazetteer.build --natural-earth DIR --out {path.parent}`"
        ) from None
    except (OSError, EOFError) as exc:
        raise GazetteerError(f"cannot read gazetteer file {path}: {exc}") from exc


def read_index(
    directory: Path,
) -> tuple[dict[str, Any], dict[str, np.ndarray], dict[str, str]]:
    """Read the eager index of the artifact in ``directory``."""
    path = ArtifactPaths(Path(directory)).index
    return decode_index(read_gzip(path), path)
