"""The online geocoder's persistent answer cache (SQLite, one row per provider and query).

The cache file lives in the user's cache folder, where anything may have happened to it: it
may be corrupt, hold another program's table, or be a folder. None of that may stop a build.
An unusable cache is replaced by one in memory for the run, with one notice saying why (in
:attr:`AnswerCache.notices`); a database error later on does the same.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

__all__ = ["NOT_FOUND_DAYS", "AnswerCache"]

#: How long a "not found" answer is trusted: services learn new places.
NOT_FOUND_DAYS = 90.0

_COLUMNS = ["provider", "query", "found", "raw", "fetched_at"]
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS geocode ("
    " provider TEXT NOT NULL, query TEXT NOT NULL, found INTEGER NOT NULL,"
    " raw TEXT, fetched_at REAL NOT NULL, PRIMARY KEY (provider, query))"
)


def _open(target: str) -> sqlite3.Connection:
    db = sqlite3.connect(target, check_same_thread=False)
    try:
        with db:
            db.execute(_SCHEMA)
        columns = [row[1] for row in db.execute("PRAGMA table_info(geocode)")]
        if columns != _COLUMNS:
            raise sqlite3.DatabaseError(f"its geocode table has other columns ({columns})")
    except BaseException:
        db.close()
        raise
    return db


class AnswerCache:
    """Answers by (provider, normalized query); ``raw`` None is a cached "not found"."""

    def __init__(self, path: Path, *, clock: Any = time.time) -> None:
        self.path = path
        self.notices: list[str] = []
        self._clock = clock
        self._lock = threading.Lock()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = _open(str(path))
        except (sqlite3.Error, OSError) as error:
            self._db = self._in_memory(error)

    def _in_memory(self, error: BaseException) -> sqlite3.Connection:
        self.notices.append(
            f"the geocode cache {self.path} is unusable ({type(error).__name__}: {error}); "
            "answers are kept for this run only (delete the file to start a new cache)"
        )
        return _open(":memory:")

    def get(self, provider: str, query: str) -> tuple[bool, dict[str, Any] | None]:
        """(hit, raw answer or None for a cached "not found"). A row that cannot be read, or
        a "not found" older than :data:`NOT_FOUND_DAYS`, is a miss."""
        with self._lock:
            try:
                row = self._db.execute(
                    "SELECT found, raw, fetched_at FROM geocode WHERE provider = ? AND query = ?",
                    (provider, query),
                ).fetchone()
            except sqlite3.Error as error:
                self._db = self._in_memory(error)
                return False, None
        if row is None:
            return False, None
        found, raw, fetched_at = row
        if not found:
            fresh = isinstance(fetched_at, float | int) and (
                self._clock() - fetched_at < NOT_FOUND_DAYS * 86400
            )
            return fresh, None
        try:
            answer = json.loads(raw)
        except (TypeError, ValueError, RecursionError):
            return False, None
        return (True, answer) if isinstance(answer, dict) else (False, None)

    def put(self, provider: str, query: str, raw: dict[str, Any] | None) -> None:
        """Keep an answer (``None``: not found)."""
        row = (
            provider,
            query,
            int(raw is not None),
            json.dumps(raw) if raw is not None else None,
            self._clock(),
        )
        with self._lock:
            try:
                with self._db:
                    self._db.execute("INSERT OR REPLACE INTO geocode VALUES (?, ?, ?, ?, ?)", row)
            except sqlite3.Error as error:
                self._db = self._in_memory(error)
                with self._db:
                    self._db.execute("INSERT OR REPLACE INTO geocode VALUES (?, ?, ?, ?, ?)", row)

    def close(self) -> None:
        with self._lock:
            self._db.close()
