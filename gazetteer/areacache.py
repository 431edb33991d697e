"""A persistent cache of derived areas (SQLite, geometries as WKB), shared across processes.

The first "off Alaska" or "Indonesian waters" of a process costs 0.1-2.5 s of geometry work
(:mod:`gazetteer.areas`); a newsroom running the map every day meets the same places again
and again. :class:`AreaCache` keeps each derived area on disk so a later process reads it
back in well under a millisecond.

A cached area is never stale. Its key is a SHA-256 digest of everything the result depends
on:

- the gazetteer's **fingerprint** (:meth:`gazetteer.Gazetteer.fingerprint`): a digest of the
  artifact's bytes and of every user place, so a rebuilt or edited gazetteer never reads
  areas derived from another one;
- the **code**: a digest of the ``gazetteer`` and ``lonlat`` packages' Python sources (the
  rules, their distances and tolerances, the date-line splitting) and the shapely, GEOS and
  PROJ versions;
- the **base place**: its fields (id, name, kind, country…) and, unless it is the
  gazetteer's own place object for its id (whose shape the fingerprint fixes), a digest of
  its geometry (WKB), so an online place that changes shape under the same id is derived
  anew;
- the **modifier**: rule, detail and phrase (the phrase can appear in the description), and
  ``at_sea``.

The cache never fails a derivation: a file that cannot be created, opened or written, a
corrupt database or a corrupt row turns the cache off for the process (or ignores the row) and
the area is computed as if there were no cache. Several processes may use one file at the same
time (SQLite with a write-ahead log and a busy timeout; a row is written once, whoever comes
first, and every writer writes the same bytes).

The file does not grow forever: each row records the code digest it was computed with and
when it was last used. Opening the file (once per process) deletes the rows an older or newer
release of the code wrote (their keys can never be asked for again), the rows not used for
:data:`MAX_AGE_DAYS`, and then the least recently used rows beyond :data:`MAX_BYTES`.

Turn it off with the environment variable ``GEO_AREA_CACHE=off`` (also ``0``, ``no``,
``false``), or per call with ``derive(..., cache=False)``. See docs/derived-areas.md.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import threading
import time
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shapely

from gazetteer.place import Derivation, Place
from gazetteer.wordlists import WORD_FILES

if TYPE_CHECKING:
    from gazetteer.modifiers import Modifier

__all__ = [
    "ENV_VAR",
    "AreaCache",
    "area_cache_disabled",
    "default_area_cache_path",
    "disable_area_cache",
    "enable_area_cache",
    "process_area_cache",
]

#: Set to ``off`` (or ``0``, ``no``, ``false``) to turn every area cache off.
ENV_VAR = "GEO_AREA_CACHE"
#: Bumped when the row layout changes (a file in an older layout is emptied on opening).
SCHEMA = 2
#: Rows not used for this many days are deleted when the file is opened.
MAX_AGE_DAYS = 90
#: The rows kept, at most, in bytes of geometry and metadata (least recently used go first).
MAX_BYTES = 256 * 1024 * 1024
#: A row's last-use time is updated on a read only when older than this (seconds): reads
#: then seldom write.
TOUCH_AFTER_S = 24 * 3600
#: Seconds a writer waits for another process holding the database lock.
BUSY_TIMEOUT_S = 5.0
_SAME_AS_BASE = "same-as-base"


def default_area_cache_path() -> Path:
    """``$XDG_CACHE_HOME/geo-news-map/areas.sqlite3`` (``~/.cache/…`` when XDG_CACHE_HOME is
    unset), next to the online geocoder's cache."""
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "geo-news-map" / "areas.sqlite3"


def area_cache_disabled() -> bool:
    """Whether the environment turns area caches off (``GEO_AREA_CACHE=off``)."""
    return os.environ.get(ENV_VAR, "").strip().lower() in {"off", "0", "no", "false"}


def _sources_digest() -> Any:
    """A SHA-256 object fed with the Python sources (name and bytes) of the ``gazetteer``
    package and of ``lonlat``, whose date-line splitting and distances areas are drawn with,
    and with the word lists the rules read (:data:`gazetteer.wordlists.WORD_FILES`: the
    words that name an area, "off the Philippines")."""
    import lonlat

    digest = hashlib.sha256()
    for package in (Path(__file__).resolve().parent, Path(lonlat.__file__).resolve().parent):
        for path in sorted(package.glob("*.py")):
            digest.update(f"{package.name}/{path.name}".encode())
            digest.update(path.read_bytes())
    data = Path(__file__).resolve().parent / "data"
    for name in WORD_FILES:
        digest.update(f"gazetteer/data/{name}".encode())
        digest.update((data / name).read_bytes())
    return digest


@cache
def source_fingerprint() -> str:
    """A digest of the ``gazetteer`` and ``lonlat`` packages' Python sources, where the
    rules, their distances and tolerances live, and of the gazetteer's word lists (the
    libraries' versions left out)."""
    return _sources_digest().hexdigest()


@cache
def code_fingerprint() -> str:
    """A digest of the ``gazetteer`` and ``lonlat`` sources and of the geometry libraries' versions:
    any change to the rules or to the libraries computing them gives new keys."""
    import pyproj

    digest = _sources_digest()
    versions = (shapely.__version__, shapely.geos_version_string, pyproj.proj_version_str)
    digest.update(repr(versions).encode())
    return digest.hexdigest()


class AreaCache:
    """Derived areas stored in the SQLite file ``path`` (created on first use, with its folder).

    :meth:`get` and :meth:`put` never raise: any error turns the cache off (``enabled``
    becomes false and ``error`` says why) and the caller computes the area itself.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        max_bytes: int = MAX_BYTES,
        max_age_days: float = MAX_AGE_DAYS,
    ) -> None:
        self.path = Path(path)
        self.max_bytes = max_bytes
        self.max_age_days = max_age_days
        self.pruned = 0
        self.error: str | None = None
        self.hits = 0
        self.misses = 0
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self._opened = False
        self._pid = os.getpid()
        self._inherited: list[sqlite3.Connection] = []

    @property
    def enabled(self) -> bool:
        """False once an error turned the cache off, or when ``GEO_AREA_CACHE=off``."""
        return self.error is None and not area_cache_disabled()

    def _connect(self) -> sqlite3.Connection | None:
        """The connection, opened on first use (so an unused cache creates no file), and
        opened again in a forked child (SQLite connections must not cross a fork)."""
        if self._pid != os.getpid():
            if self._db is not None:
                self._inherited.append(self._db)  # the parent's: kept, never used nor closed
            self._db, self._opened, self._pid = None, False, os.getpid()
        if not self._opened:
            self._opened = True
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(
                    str(self.path), timeout=BUSY_TIMEOUT_S, check_same_thread=False
                )
                with contextlib.suppress(sqlite3.Error):  # a file system without WAL
                    db.execute("PRAGMA journal_mode=WAL")
                    # no fsync per row: a crash may lose the last rows, never corrupt the file
                    db.execute("PRAGMA synchronous=NORMAL")
                with db:
                    columns = {row[1] for row in db.execute("PRAGMA table_info(areas)")}
                    if columns and "code" not in columns:  # an older layout: never read again
                        db.execute("DROP TABLE areas")
                    db.execute(
                        "CREATE TABLE IF NOT EXISTS areas (key TEXT PRIMARY KEY,"
                        " meta TEXT NOT NULL, wkb BLOB, code TEXT NOT NULL, used REAL NOT NULL)"
                    )
                self._db = db
                self._prune(db)
            except (OSError, sqlite3.Error) as exc:
                self._fail(exc)
        return self._db

    def _prune(self, db: sqlite3.Connection) -> None:
        """Delete the rows of other code, those unused for ``max_age_days``, then the least
        recently used beyond ``max_bytes``."""
        oldest = time.time() - self.max_age_days * 86400.0
        with db:
            stale = db.execute(
                "DELETE FROM areas WHERE code != ? OR used < ?", (code_fingerprint(), oldest)
            ).rowcount
            over = db.execute(
                "DELETE FROM areas WHERE key IN (SELECT key FROM (SELECT key, SUM("
                "length(meta) + coalesce(length(wkb), 0)) OVER (ORDER BY used DESC, key)"
                " AS total FROM areas) WHERE total > ?)",
                (self.max_bytes,),
            ).rowcount
        self.pruned += max(0, stale) + max(0, over)

    def _fail(self, exc: BaseException) -> None:
        self.error = f"area cache {self.path} turned off: {exc}"
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):  # closing a broken connection
                self._db.close()
        self._db = None

    def get(self, key: str, base: Place) -> Place | None:
        """The area stored under ``key`` (``base`` itself when the rule returned it), or
        ``None`` when absent, unreadable, or the cache is off."""
        if not self.enabled:
            return None
        with self._lock:
            db = self._connect()
            if db is None:
                return None
            try:
                row = db.execute(
                    "SELECT meta, wkb, used FROM areas WHERE key = ?", (key,)
                ).fetchone()
                if row is not None and row[2] < time.time() - TOUCH_AFTER_S:
                    with db:
                        db.execute("UPDATE areas SET used = ? WHERE key = ?", (time.time(), key))
            except sqlite3.Error as exc:
                self._fail(exc)
                return None
        place = decode_area(row[:2], base) if row is not None else None
        if place is None:
            self.misses += 1
        else:
            self.hits += 1
        return place

    def put(self, key: str, base: Place, place: Place) -> None:
        """Store ``place`` (derived from ``base``) under ``key``; a no-op when the cache is off
        or the key is already there."""
        if not self.enabled:
            return
        meta, wkb = encode_area(base, place)
        with self._lock:
            db = self._connect()
            if db is None:
                return
            try:
                with db:
                    db.execute(
                        "INSERT OR IGNORE INTO areas VALUES (?, ?, ?, ?, ?)",
                        (key, meta, wkb, code_fingerprint(), time.time()),
                    )
            except sqlite3.Error as exc:
                self._fail(exc)

    def close(self) -> None:
        """Close the database (a later use opens it again)."""
        with self._lock:
            if self._db is not None:
                self._db.close()
            self._db = None
            self._opened = False


def area_key(
    gazetteer_fingerprint: str,
    base: Place,
    modifier: Modifier,
    at_sea: bool,
    *,
    stored: bool = False,
) -> str:
    """The cache key of ``derive(base, modifier, gazetteer, at_sea=at_sea)`` (see the module
    docstring for what goes into it). ``stored`` says ``base`` is the gazetteer's own place
    object for its id: its geometry is then fixed by the fingerprint and is not hashed again
    (a country's outline takes milliseconds to hash)."""
    digest = hashlib.sha256()
    parts = (
        SCHEMA,
        gazetteer_fingerprint,
        code_fingerprint(),
        base.to_dict(),
        modifier.rule,
        modifier.detail,
        modifier.phrase,
        bool(at_sea),
        stored,
    )
    digest.update(json.dumps(parts, sort_keys=True).encode())
    if not stored:
        digest.update(hashlib.sha256(shapely.to_wkb(base.geometry)).digest())
    return digest.hexdigest()


def encode_area(base: Place, place: Place) -> tuple[str, bytes | None]:
    if place is base:
        return json.dumps({"same": _SAME_AS_BASE}), None
    data = place.to_dict()
    data["alt_names"] = list(place.alt_names)
    return json.dumps(data), shapely.to_wkb(place.geometry)


def decode_area(row: tuple[Any, Any], base: Place) -> Place | None:
    """The place of a stored row, or ``None`` for a row that does not decode into a valid
    place (a corrupt row is a miss, never an error)."""
    meta, wkb = row
    try:
        data = json.loads(meta)
        if data.get("same") == _SAME_AS_BASE:
            return base
        derivation = data.pop("derivation")
        return Place(
            **{k: v for k, v in data.items() if k != "alt_names"},
            alt_names=tuple(data.get("alt_names", ())),
            geometry=shapely.from_wkb(wkb),
            derivation=Derivation(**derivation) if derivation is not None else None,
        )
    except Exception:  # any corrupt row (JSON, WKB, validation) is a miss
        return None


_process_cache: AreaCache | None = None
_process_lock = threading.Lock()


def enable_area_cache(path: str | Path | None = None) -> AreaCache | None:
    """Turn on the process-wide area cache that :func:`gazetteer.derive` uses by default, at
    ``path`` (default :func:`default_area_cache_path`); ``enable_area_cache(None)`` after a
    custom path switches back to the default path. Returns the cache, or ``None`` when
    ``GEO_AREA_CACHE=off``. The command line turns it on; library callers opt in."""
    global _process_cache
    with _process_lock:
        if area_cache_disabled():
            _process_cache = None
            return None
        target = Path(path) if path is not None else default_area_cache_path()
        if _process_cache is None or _process_cache.path != target:
            if _process_cache is not None:
                _process_cache.close()
            _process_cache = AreaCache(target)
        return _process_cache


def disable_area_cache() -> None:
    """Turn the process-wide area cache off again."""
    global _process_cache
    with _process_lock:
        if _process_cache is not None:
            _process_cache.close()
        _process_cache = None


def process_area_cache() -> AreaCache | None:
    """The process-wide area cache, or ``None`` when off (the default, or ``GEO_AREA_CACHE``
    says off)."""
    cache_ = _process_cache
    if cache_ is None or area_cache_disabled():
        return None
    return cache_
