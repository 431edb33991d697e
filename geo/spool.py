"""The mention rows of a whole corpus, kept on disk in pieces while it is extracted.

Every article gives tens of mention rows (its place mentions, each with its sentence and
dates) which are only written out, never merged: held until the end, they were most of the
client's memory (about 7.4 kB an article, 1.1 GB at 50,000 articles). A :class:`MentionSpool`
takes each article's rows as its result comes, holds up to :data:`PIECE_ARTICLES` articles'
worth, and writes them to a file of its own private temporary folder as one piece; the
mentions table is built from the pieces only when something reads it. A corpus of fewer
articles never touches the disk.

An article's mentions come as ``(rows, places)``, or as those two packed by
:func:`geo.transfer.pack` in a worker process (the client writes the bytes as they came,
without decoding them). Places that are the gazetteer's own are written as their ids and
read back as the same objects; a derived area not drawn yet stays in memory, undrawn (see
:class:`gazetteer.place.LazyPlace`), so extracting without reading the mentions draws none.
The pieces are pickles, read back only by the spool that wrote them, from a folder only
this user can read (under ``TMPDIR``, :func:`tempfile.mkdtemp`); the folder is removed when
the spool is closed or garbage-collected. When a piece cannot be written (no room, no
right), a warning is logged and the rows stay in memory.

>>> spool = MentionSpool(None, piece_articles=1)
>>> spool.add(0, ([{"article": "a", "char_start": 0}], [None]))
>>> spool.add(1, ([{"article": "b", "char_start": 3}], [None]))
>>> spool.pieces
2
>>> spool.add(0, ([{"article": "a", "char_start": 5}], [None]), again=True)
>>> [row["char_start"] for row in spool.read()[0]]
[5, 3]
>>> spool.close()
"""

from __future__ import annotations

import io
import logging
import shutil
import sys
import tempfile
import weakref
from pathlib import Path
from typing import Any

from gazetteer.place import LazyPlace
from geo.transfer import PlacePickler, PlaceUnpickler, unpack

__all__ = ["PIECE_ARTICLES", "MentionSpool", "Mentions"]

_log = logging.getLogger("geo")

#: Articles whose mention rows are held in memory before they are written as one piece
#: (about 7 MB of rows, 2,000 mentions of real news a hundred articles).
PIECE_ARTICLES = 1000

#: One article's mentions: its rows and their places, or both packed by a worker.
Mentions = tuple[tuple[dict[str, Any], ...], tuple[Any, ...]] | bytes


class _Pickler(PlacePickler):
    """Writes the gazetteer's own places as their ids, an undrawn derived area as a
    reference to the spool's memory."""

    def __init__(self, file: io.BytesIO, gazetteer: Any, kept: list[Any]) -> None:
        super().__init__(file, gazetteer)
        self._kept = kept

    def persistent_id(self, obj: Any) -> Any:
        if isinstance(obj, LazyPlace) and not obj.is_drawn:
            self._kept.append(obj)
            return ("kept", len(self._kept) - 1)
        own = super().persistent_id(obj) if self._gazetteer is not None else None
        return None if own is None else ("own", own)


class _Unpickler(PlaceUnpickler):
    def __init__(self, file: io.BytesIO, gazetteer: Any, kept: list[Any]) -> None:
        super().__init__(file, gazetteer)
        self._kept = kept

    def persistent_load(self, pid: Any) -> Any:
        kind, key = pid
        if kind == "kept":
            return self._kept[key]
        return super().persistent_load(key)


class MentionSpool:
    """Each article's mention rows and places, by the article's position in the corpus,
    held in memory up to ``piece_articles`` articles (:data:`PIECE_ARTICLES` by default)
    and then written to disk as one piece. :meth:`read` gives them all back in the order
    of the positions, as if they had been held in a list."""

    def __init__(self, gazetteer: Any, *, piece_articles: int | None = None) -> None:
        self._gazetteer = gazetteer
        self._piece_articles = max(1, piece_articles or PIECE_ARTICLES)
        self._buffer: list[tuple[int, int, Mentions]] = []
        self._seq = 0
        #: position -> the number of its latest entry, for positions given again or dropped
        self._latest: dict[int, int] = {}
        self._kept: list[Any] = []
        self._folder: Path | None = None
        self._files: list[Path] = []
        self._cleanup: weakref.finalize | None = None

    @property
    def pieces(self) -> int:
        """How many pieces have been written to disk so far."""
        return len(self._files)

    def add(self, position: int, mentions: Mentions | None, *, again: bool = False) -> None:
        """Keep the mentions of the article at ``position``; with ``again``, in place of what
        was kept for it before (an article extracted a second time). ``None`` or no rows
        keep nothing (and, with ``again``, forget what was kept)."""
        seq = self._seq
        self._seq += 1
        if again:
            self._latest[position] = seq
        if mentions is None or (not isinstance(mentions, bytes) and not mentions[0]):
            return
        self._buffer.append((position, seq, mentions))
        if len(self._buffer) >= self._piece_articles:
            self._write_piece()

    def drop(self, position: int) -> None:
        """Forget what was kept for the article at ``position``."""
        self._latest[position] = -1

    def _write_piece(self) -> None:
        buffer = io.BytesIO()
        _Pickler(buffer, self._gazetteer, self._kept).dump(self._buffer)
        try:
            if self._folder is None:
                self._folder = Path(tempfile.mkdtemp(prefix="geo-mentions-"))
                self._cleanup = weakref.finalize(self, shutil.rmtree, self._folder, True)
            path = self._folder / f"{len(self._files):06d}.pickle"
            path.write_bytes(buffer.getvalue())
        except OSError as exc:  # no room or no right to write: the rest stays in memory
            _log.warning("cannot write mention rows to disk (%s); keeping them in memory", exc)
            self._piece_articles = sys.maxsize
            return
        self._files.append(path)
        self._buffer = []

    def _entries(self) -> list[tuple[int, int, Mentions]]:
        out: list[tuple[int, int, Mentions]] = []
        for path in self._files:
            out.extend(
                _Unpickler(io.BytesIO(path.read_bytes()), self._gazetteer, self._kept).load()
            )
        out.extend(self._buffer)
        return out

    def read(self) -> tuple[list[dict[str, Any]], list[Any]]:
        """Every mention row kept and its place, by article position, each article's rows in
        the order given (only the latest given for a position)."""
        latest = self._latest
        entries = [e for e in self._entries() if latest.get(e[0], e[1]) == e[1]]
        entries.sort(key=lambda e: e[0])
        rows: list[dict[str, Any]] = []
        places: list[Any] = []
        for _, _, mentions in entries:
            if isinstance(mentions, bytes):
                mentions = unpack(mentions, self._gazetteer)
            rows.extend(mentions[0])
            places.extend(mentions[1])
        return rows, places

    def close(self) -> None:
        """Remove the pieces from the disk (the spool cannot be read after)."""
        if self._cleanup is not None:
            self._cleanup()
        self._files = []
        self._buffer = []
