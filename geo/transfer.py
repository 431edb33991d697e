"""Per-article results packed for the trip from a worker process to the client.

A result holds places: the place of every event report and of every mention. Pickled as
they are, each partition carries the outline of every place it names (a country's coast, a
state's border) however often other partitions carried it already: 1,600 real articles sent
about 28 MB back, 90% of it outlines the client decoded again and again. :func:`pack` writes
a place that is the gazetteer's own object for its id as that id only, and :func:`unpack`
puts the client's own object for the id back, decoded once per process. Any other place (a
derived area, a user's or an online place under a changed shape) travels whole, as before.

Ids stand for places only when both ends load the same gazetteer: the client sends its
:meth:`~gazetteer.Gazetteer.fingerprint` and a worker whose gazetteer has another one (a
cluster running another release) packs every place whole.

>>> from gazetteer import Gazetteer
>>> gaz = Gazetteer.default()
>>> paris = gaz.resolve("Paris")
>>> data = pack([paris], gaz, gaz.fingerprint())
>>> unpack(data, gaz)[0] is paris
True
"""

from __future__ import annotations

import io
import pickle
from collections.abc import Callable
from functools import partial
from typing import Any

from gazetteer.errors import GazetteerError
from gazetteer.place import Place

__all__ = ["PlacePickler", "PlaceUnpickler", "pack", "packer", "unpack"]


class PlacePickler(pickle.Pickler):
    """Writes the gazetteer's own places as their ids."""

    def __init__(self, file: io.BytesIO, gazetteer: Any) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._gazetteer = gazetteer

    def persistent_id(self, obj: Any) -> str | None:
        if obj.__class__ is not Place:  # a LazyPlace (derived) travels whole
            return None
        try:
            own = self._gazetteer.get(obj.id)
        except GazetteerError:  # not the gazetteer's: it travels whole
            return None
        return obj.id if own is obj else None


class PlaceUnpickler(pickle.Unpickler):
    """Reads ids back as the client gazetteer's own places."""

    def __init__(self, file: io.BytesIO, gazetteer: Any) -> None:
        super().__init__(file)
        self._gazetteer = gazetteer

    def persistent_load(self, pid: Any) -> Place:
        place: Place = self._gazetteer.get(pid)
        return place


def pack(value: Any, gazetteer: Any, fingerprint: str | None) -> bytes:
    """``value`` pickled, with each place that is ``gazetteer``'s own object for its id as
    the id, when ``fingerprint`` (the receiving end's) is this gazetteer's; else pickled
    whole. Pickling draws derived areas, as pickling always does."""
    return packer(gazetteer, fingerprint)(value)


def packer(gazetteer: Any, fingerprint: str | None) -> Callable[[Any], bytes]:
    """:func:`pack` with ``gazetteer`` and ``fingerprint``, the fingerprints compared once
    (the gazetteer's looks at its files on disk) for the many values it then packs."""
    own = getattr(gazetteer, "fingerprint", lambda: None)()
    if fingerprint is None or own != fingerprint:
        return partial(pickle.dumps, protocol=pickle.HIGHEST_PROTOCOL)

    def packed(value: Any) -> bytes:
        buffer = io.BytesIO()
        PlacePickler(buffer, gazetteer).dump(value)
        return buffer.getvalue()

    return packed


def unpack(data: bytes, gazetteer: Any) -> Any:
    """What :func:`pack` packed, the ids read back as ``gazetteer``'s places (it must be the
    gazetteer whose fingerprint was given to :func:`pack`)."""
    return PlaceUnpickler(io.BytesIO(data), gazetteer).load()
