"""What a run learned about its outlets, kept for the next run (``--outlet-memory FILE``).

A local paper names its towns bare ("MANSFIELD — The City Council on Monday authorized …"),
and which Mansfield it means only its other stories tell: :class:`geo.outlets.OutletPriors`
finds an outlet's home division from the ballots of its *other* articles in the batch
(:func:`geo.extraction.outlet_priors`). A newsroom that maps each day's few stories has no
archive in the batch, so every run starts with no outlet known. The outlet memory is a JSON
file of the ballots earlier runs cast: each article's outlet (its key,
:func:`geo.outlets.outlet_key`), id, first-level division votes and home-country vote, as
its first reading gave them. A run reads the file before its outlet priors are found, counts
those ballots beside its own (an article of the batch is counted once, by its fresh ballot),
and writes the file back with its own articles' ballots added. On the seven held-out event
sets, the ballots of the corpora's other articles of the same outlets raise recall about as
far as extracting the sets beside those articles does (docs/events.md).

The file is input like any other: it is read with size and shape limits, and a file that
cannot be read is reported as a problem naming it and the run goes on without it (and does
not overwrite it). It is written whole to a temporary file beside it, then moved over it.
Only the latest :data:`MAX_BALLOTS_PER_OUTLET` ballots of an outlet are kept.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geo.errors import GeoError
from geo.model import Article
from geo.outlets import outlet_key
from geo.problems import Problem, ProblemSink

__all__ = [
    "MAX_BALLOTS_PER_OUTLET",
    "MAX_MEMORY_BYTES",
    "MEMORY_VERSION",
    "Remembered",
    "ballots",
    "merge_memory",
    "read_memory",
    "recall_outlets",
    "remember_outlets",
    "write_memory",
]

#: The version of the file's layout; a file of another version is not read.
MEMORY_VERSION = 1
#: The newest ballots kept per outlet: enough for its home to show, a bounded file.
MAX_BALLOTS_PER_OUTLET = 200
#: The largest file read (bytes).
MAX_MEMORY_BYTES = 64 * 1024 * 1024
#: The longest outlet key, article id or division id read.
_MAX_TEXT = 300
#: The most division votes one ballot may hold.
_MAX_VOTES = 200


@dataclass(frozen=True, slots=True)
class Remembered:
    """One article's ballot for its outlet's home: ``outlet`` (the outlet's key), the
    ``article`` id, its first-level division ``votes`` (id → votes) and the ``country`` it
    casts (ISO code, or ``None``)."""

    outlet: str
    article: str
    votes: Mapping[str, float]
    country: str | None = None


def read_memory(path: str | Path) -> list[Remembered]:
    """The ballots kept in the memory file ``path``, in the file's order; ``[]`` when it
    does not exist. Raises :class:`GeoError` naming the file when it cannot be read, is too
    large, is not JSON, or is not a memory of :data:`MEMORY_VERSION` with well-formed
    ballots."""
    path = Path(path)
    if not path.exists():
        return []
    try:
        if path.stat().st_size > MAX_MEMORY_BYTES:
            raise GeoError(f"{path}: outlet memory larger than {MAX_MEMORY_BYTES} bytes")
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise GeoError(f"{path}: not a readable outlet memory ({exc})") from exc
    if not isinstance(data, dict) or data.get("version") != MEMORY_VERSION:
        raise GeoError(f"{path}: not an outlet memory of version {MEMORY_VERSION}")
    ballots = data.get("ballots")
    if not isinstance(ballots, list):
        raise GeoError(f"{path}: an outlet memory needs a list of ballots")
    return [_ballot(path, n, entry) for n, entry in enumerate(ballots)]


def _ballot(path: Path, n: int, entry: Any) -> Remembered:
    """Ballot ``n`` of the file ``path``, checked."""

    def bad(why: str) -> GeoError:
        return GeoError(f"{path}: ballot {n + 1}: {why}")

    if not isinstance(entry, dict):
        raise bad("not an object")
    outlet, article = entry.get("outlet"), entry.get("article")
    for name, value in (("outlet", outlet), ("article", article)):
        if not isinstance(value, str) or not value or len(value) > _MAX_TEXT:
            raise bad(f"{name} must be a non-empty text of at most {_MAX_TEXT} characters")
    votes = entry.get("votes", {})
    if not isinstance(votes, dict) or len(votes) > _MAX_VOTES:
        raise bad(f"votes must be an object of at most {_MAX_VOTES} division ids")
    checked: dict[str, float] = {}
    for division, value in votes.items():
        if not division or len(division) > _MAX_TEXT:
            raise bad("a division id must be a non-empty text")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise bad(f"the votes of {division!r} must be a number")
        try:
            number = float(value)  # an integer past the float range overflows
        except OverflowError:
            number = math.inf
        if not math.isfinite(number) or number < 0:
            raise bad(f"the votes of {division!r} must be a finite number, not negative")
        checked[division] = number
    country = entry.get("country")
    if country is not None and not (
        isinstance(country, str) and len(country) == 2 and country.isascii() and country.isupper()
    ):
        raise bad("country must be a two-letter code in capitals, or null")
    return Remembered(outlet, article, checked, country)


def merge_memory(
    old: Iterable[Remembered], new: Iterable[Remembered], *, keep: int = MAX_BALLOTS_PER_OUTLET
) -> list[Remembered]:
    """``old`` with ``new`` added: a ballot of ``new`` replaces the one of the same outlet
    and article in ``old`` and counts as the newest; each outlet keeps its ``keep`` newest
    ballots. Order: oldest first."""
    merged: dict[tuple[str, str], Remembered] = {}
    for ballot in (*old, *new):
        merged.pop((ballot.outlet, ballot.article), None)
        merged[(ballot.outlet, ballot.article)] = ballot
    counts: dict[str, int] = {}
    kept: list[Remembered] = []
    for ballot in reversed(list(merged.values())):
        counts[ballot.outlet] = counts.get(ballot.outlet, 0) + 1
        if counts[ballot.outlet] <= keep:
            kept.append(ballot)
    kept.reverse()
    return kept


def write_memory(path: str | Path, ballots: Sequence[Remembered]) -> None:
    """Write ``ballots`` to the memory file ``path``: to a temporary file in its folder,
    then moved over ``path``, so a reader never sees half a file. Raises :class:`GeoError`
    naming the file when it cannot be written."""
    path = Path(path)
    body = {
        "version": MEMORY_VERSION,
        "ballots": [
            {"outlet": b.outlet, "article": b.article, "votes": dict(b.votes), "country": b.country}
            for b in ballots
        ],
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".outlet-memory-", suffix=".json", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(body, out, ensure_ascii=False)
            # the file's own mode when it is rewritten, a data file's when it is made
            os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise GeoError(f"{path}: cannot write the outlet memory ({exc})") from exc


def ballots(articles: Sequence[Article], results: Sequence[Any]) -> list[Remembered]:
    """The ballots the batch's articles cast for their outlets' homes: one per article with
    an outlet and a result (``results[n]``, a :class:`geo.extraction.ArticleResult` or
    ``None``, is that of ``articles[n]``), from its first reading (its ``votes`` and
    ``country``), when it casts any."""
    out = []
    for article, result in zip(articles, results, strict=True):
        key = outlet_key(article.outlet)
        if result is not None and key is not None and (result.votes or result.country):
            out.append(Remembered(key, article.id, dict(result.votes), result.country))
    return out


def recall_outlets(path: str | Path | None, sink: ProblemSink) -> list[Remembered] | None:
    """The ballots of the outlet memory at ``path`` (``[]`` for a file not made yet);
    ``None`` when there is no memory, or when the file cannot be read (a problem naming it
    goes to ``sink``): the run then neither uses nor rewrites it."""
    if path is None:
        return None
    try:
        return read_memory(path)
    except GeoError as exc:
        sink(Problem(str(path), "outlet memory not used: " + _reason(exc, path)))
        return None


def remember_outlets(
    path: str | Path | None,
    remembered: Sequence[Remembered],
    fresh: Sequence[Remembered],
    sink: ProblemSink,
) -> None:
    """Write ``remembered`` with the batch's ``fresh`` ballots added (:func:`merge_memory`)
    to the outlet memory at ``path``; a failure is a problem to ``sink``."""
    if path is None:
        return
    try:
        write_memory(path, merge_memory(remembered, fresh))
    except GeoError as exc:
        sink(Problem(str(path), _reason(exc, path)))


def _reason(exc: GeoError, path: str | Path) -> str:
    """The message of ``exc`` without the file name it opens with (the problem names it)."""
    return str(exc).removeprefix(f"{Path(path)}: ")
