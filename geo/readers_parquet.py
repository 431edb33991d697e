"""Parquet articles (``.parquet``): one article per row, read a row group at a time.

Columns: ``id`` and ``text`` (required), ``title``, ``url``, ``published`` (a date, a
timestamp or an ISO/written date string) and ``outlet`` (optional); other columns are not
read. Needs pyarrow (the ``parquet`` extra); without it each file is one problem saying so.

As for JSONL (:mod:`geo.readers_jsonl`), a bad row is one problem naming the file and row
(``feed.parquet:row 12``: rows are numbered from 1 across the whole file) and the other rows
are still read: a null or empty text, a bad id, text that is not UTF-8, a date that cannot be
a date, a row over :data:`ROW_MAX` bytes. A row with a null or empty id is read under
``<file stem>-<row>``, with a problem. A file that is not Parquet, lacks a required column or
has a required column of the wrong type is one problem naming the file; a row group that
cannot be read (a damaged file) or is larger than :data:`GROUP_MAX` bytes is one problem and
the next group is read. Memory holds one batch of rows at a time, never the whole file.

A folder or glob reads a ``.parquet`` file only when it is an articles table
(:func:`not_articles`): it has ``id`` and ``text`` columns and is not GeoParquet (no
``geometry`` column, no ``geo`` metadata), so the events and mentions tables
``geo extract --format parquet`` writes are never read back as articles. A file named on
its own is always read (and its problems reported).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from geo.readers_jsonl import LINE_MAX
from geo.readers_meta import Draft, clean_id, invalid_id
from geo.readers_text import headline

RowReport = Callable[[int, str], None]

__all__ = [
    "GROUP_MAX",
    "INSTALL",
    "ROW_MAX",
    "Unreadable",
    "not_articles",
    "parquet_parts",
    "read_parquet",
]

#: The message for a Parquet input when pyarrow is not installed.
INSTALL = "reading Parquet articles needs pyarrow: pip install 'geo-news-map[parquet]'; skipped"
#: Largest row read, in bytes of its values (as a JSONL line).
ROW_MAX = LINE_MAX
#: Largest row group read, in uncompressed bytes (a group is held in memory while read).
GROUP_MAX = 1_000_000_000
_BATCH_ROWS = 256
_KNOWN = ("id", "text", "title", "url", "published", "outlet")
_STRINGS = ("string", "large_string", "string_view")


class Unreadable(Exception):
    """The file cannot be read as Parquet articles (the message says why)."""


def _pq() -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise Unreadable(INSTALL) from exc
    return pq


def _open(path: Path) -> Any:
    """The :class:`pyarrow.parquet.ParquetFile` at ``path``; raises :class:`Unreadable`
    (or :class:`OSError` when the file cannot be opened)."""
    pq = _pq()
    import pyarrow as pa

    try:
        return pq.ParquetFile(path)
    except (pa.ArrowException, ValueError) as exc:
        raise Unreadable(f"not a readable Parquet file ({_short(exc)}); skipped") from exc


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 200 else text[:199] + "…"


def _kind(type_: Any) -> str:
    """``"string"``, ``"integer"``, ``"date"`` or the Arrow type's name."""
    import pyarrow as pa

    if pa.types.is_dictionary(type_):
        type_ = type_.value_type
    if str(type_) in _STRINGS:
        return "string"
    if pa.types.is_integer(type_):
        return "integer"
    if pa.types.is_date(type_) or pa.types.is_timestamp(type_):
        return "date"
    return str(type_)


def not_articles(path: Path) -> str | None:
    """Why the Parquet file at ``path`` is not an articles table, or ``None`` when it is one
    (``id`` and ``text`` columns, not GeoParquet) or cannot be checked (no pyarrow, a damaged
    file: the reader then reports it). Reads the file's schema only."""
    try:
        schema = _open(path).schema_arrow
    except (Unreadable, OSError):
        return None
    metadata = schema.metadata or {}
    if "geometry" in schema.names or b"geo" in metadata:
        return "a GeoParquet table (such as geo extract writes), not articles"
    missing = [c for c in ("id", "text") if c not in schema.names]
    if missing:
        if len(missing) == 2:
            return "a Parquet table without 'id' and 'text' columns"
        return f"a Parquet table without a {missing[0]!r} column"
    return None


def parquet_parts(path: Path, rows: int) -> list[tuple[int, int, int, int]]:
    """The file cut into runs of whole row groups of about ``rows`` rows:
    ``(first group, end group, first row, rows)`` each, in order, covering every group (what
    :func:`read_parquet` reads with ``groups`` and ``first_row``). Reads the footer only;
    raises :class:`Unreadable` or :class:`OSError` as :func:`read_parquet` would report."""
    meta = _open(path).metadata
    parts: list[tuple[int, int, int, int]] = []
    start, first, count = 0, 1, 0
    for g in range(meta.num_row_groups):
        if count >= rows:
            parts.append((start, g, first, count))
            start, first, count = g, first + count, 0
        count += meta.row_group(g).num_rows
    parts.append((start, meta.num_row_groups, first, count))
    return parts


def read_parquet(
    path: Path,
    shown: str,
    report_row: RowReport,
    report_file: Callable[[str], None],
    *,
    groups: tuple[int, int | None] = (0, None),
    first_row: int = 1,
) -> Iterator[Draft]:
    """Drafts from the rows of the Parquet file at ``path``; ``report_row(n, reason)`` for a
    bad row, ``report_file(reason)`` for the file or a row group. Only row groups
    ``[groups[0], groups[1])`` are read (all by default), the first holding row ``first_row``
    (a part of the file: :func:`parquet_parts`); the drafts, ids and row numbers are those
    of reading the whole file. Raises :class:`Unreadable` when the file is not Parquet
    articles and :class:`OSError` when it cannot be opened."""
    pf = _open(path)  # first: without pyarrow, it raises Unreadable saying what to install
    import pyarrow as pa

    schema = pf.schema_arrow
    columns = _columns(schema, report_file, groups[0])
    start, end = groups
    end = pf.metadata.num_row_groups if end is None else end
    n = first_row
    for g in range(start, end):
        group = pf.metadata.row_group(g)
        size = group.total_byte_size
        if size > GROUP_MAX:
            report_file(
                f"row group {g} (rows {n:,}-{n + group.num_rows - 1:,}) is {size:,} bytes; "
                f"the limit is {GROUP_MAX:,}; skipped"
            )
            n += group.num_rows
            continue
        read = 0
        try:
            for batch in pf.iter_batches(
                batch_size=_BATCH_ROWS, row_groups=[g], columns=list(columns), use_threads=False
            ):
                values = {c: _values(batch.column(c)) for c in columns}
                for i in range(batch.num_rows):
                    row = {c: values[c][i] for c in columns}
                    draft = _row(row, n + read + i, path, shown, report_row)
                    if draft is not None:
                        yield draft
                read += batch.num_rows
        except (pa.ArrowException, ValueError, OSError) as exc:
            report_file(
                f"row group {g} (rows {n + read:,}-{n + group.num_rows - 1:,}) cannot be read "
                f"({_short(exc)}); skipped"
            )
        n += group.num_rows


def _columns(schema: Any, report_file: Callable[[str], None], first_group: int) -> list[str]:
    """The known columns to read; raises :class:`Unreadable` for a missing or mistyped
    required column. A mistyped optional column is reported (by the part holding the first
    row group only, as one reader would) and not read."""
    names = schema.names
    for required, kinds in (("id", ("string", "integer")), ("text", ("string",))):
        if required not in names:
            listed = ", ".join(repr(c) for c in names[:20])
            raise Unreadable(f"no {required!r} column (columns: {listed}); skipped")
        kind = _kind(schema.field(required).type)
        if kind not in kinds:
            raise Unreadable(
                f"column {required!r} holds {kind}, not {' or '.join(kinds)}s; skipped"
            )
    columns = ["id", "text"]
    for name in _KNOWN[2:]:
        if name not in names:
            continue
        kind = _kind(schema.field(name).type)
        if kind == "string" or (name == "published" and kind == "date"):
            columns.append(name)
        elif first_group == 0:
            report_file(f"column {name!r} holds {kind}, not strings; ignored")
    return columns


class _Bad:
    """A value Arrow could not give as Python (invalid UTF-8, a date out of range)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


def _values(column: Any) -> list[Any]:
    try:
        return column.to_pylist()  # type: ignore[no-any-return]
    except (UnicodeDecodeError, ValueError, OverflowError):
        pass
    out: list[Any] = []
    for i in range(len(column)):
        try:
            out.append(column[i].as_py())
        except UnicodeDecodeError as exc:
            out.append(_Bad(f"not valid UTF-8 at byte {exc.start}"))
        except (ValueError, OverflowError) as exc:
            out.append(_Bad(_short(exc)))
    return out


def _row(row: dict[str, Any], n: int, path: Path, shown: str, report: RowReport) -> Draft | None:
    text = row["text"]
    if isinstance(text, _Bad):
        report(n, f"text {text.reason}; skipped")
        return None
    if not isinstance(text, str) or not text.strip():
        report(n, 'no article text (a null or empty "text"); skipped')
        return None
    size = sum(len(v) for v in row.values() if isinstance(v, str))
    if size > ROW_MAX:
        report(n, f"row longer than {ROW_MAX:,} characters; skipped")
        return None
    raw_id = row["id"]
    if isinstance(raw_id, _Bad):
        report(n, f"id {raw_id.reason}; skipped")
        return None
    if raw_id is None or (isinstance(raw_id, str) and not raw_id.strip()):
        draft_id = f"{path.stem}-{n}"
        report(n, f"no id (null or empty); read as {draft_id!r}")
    else:
        clean = clean_id(raw_id)
        if clean is None:
            report(n, invalid_id(raw_id))
            return None
        draft_id = clean
    fields = {}
    for name in ("title", "url", "outlet", "published"):
        value = row.get(name)
        if isinstance(value, _Bad):
            report(n, f"{name} {value.reason}; ignored")
            value = None
        fields[name] = value
    return Draft(
        id=draft_id,
        text=text,
        path=shown,
        source=f"{shown}:row {n}",
        title=fields["title"] if fields["title"] not in (None, "") else headline(text),
        outlet=fields["outlet"],
        url=fields["url"],
        published_raw=fields["published"],
    )
