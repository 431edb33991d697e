"""JSON Lines articles (``.jsonl``): one JSON object per line.

Keys: ``text`` (required), ``id``, ``title``, ``url``, ``published``, ``outlet``; any other
key is kept in ``Article.extra``. A line without an ``id`` gets ``<file stem>-<line number>``.
A bad line (not JSON, not an object, no text, a bad id, not UTF-8) is one problem naming the
file and line number; the other lines are still read. Blank lines are skipped.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

from geo.readers_meta import Draft, clean_id, invalid_id, plain
from geo.readers_text import headline
from inputsafe import clean_value

LineReport = Callable[[int, str], None]

__all__ = ["LINE_MAX", "jsonl_parts", "read_jsonl"]

#: Longest line read, in bytes (a line is one article).
LINE_MAX = 8_000_000
_KNOWN = ("id", "text", "title", "url", "published", "outlet")


def read_jsonl(
    path: Path,
    shown: str,
    report_line: LineReport,
    *,
    start: int = 0,
    end: int | None = None,
    first_line: int = 1,
) -> Iterator[Draft]:
    """Drafts from the lines of a JSONL file; ``report_line(n, reason)`` for bad lines.

    A line without a title takes its text's first line when that looks like a headline.
    Only the lines starting in bytes ``[start, end)`` are read, ``start`` being the start of
    line number ``first_line`` (a part of the file: :func:`jsonl_parts`); the drafts, ids and
    line numbers are those of reading the whole file.
    """
    with path.open("rb") as f:
        f.seek(start)
        at = start
        for n, raw in enumerate(f, start=first_line):
            if end is not None and at >= end:
                break
            at += len(raw)
            if n == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if not raw.strip():
                continue
            if len(raw) > LINE_MAX:
                report_line(n, f"line longer than {LINE_MAX:,} bytes; skipped")
                continue
            draft = _line(raw, n, path, shown, report_line)
            if draft is not None:
                yield draft


def jsonl_parts(path: Path, lines: int) -> list[tuple[int, int, int, int]]:
    """The file cut into parts of ``lines`` non-blank lines: ``(start, end, first_line,
    non-blank lines)`` each, in order, covering every byte (what :func:`read_jsonl` reads
    with ``start``, ``end`` and ``first_line``). Reads the file once, line by line."""
    parts: list[tuple[int, int, int, int]] = []
    start = at = 0
    first = 1
    count = 0
    with path.open("rb") as f:
        for n, raw in enumerate(f, start=1):
            if count == lines:
                parts.append((start, at, first, count))
                start, first, count = at, n, 0
            at += len(raw)
            count += bool(raw.strip())
    if at > start or not parts:
        parts.append((start, at, first, count))
    return parts


def _line(raw: bytes, n: int, path: Path, shown: str, report_line: LineReport) -> Draft | None:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        report_line(n, f"not valid UTF-8 at byte {exc.start}; skipped")
        return None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        report_line(n, f"not valid JSON ({exc.msg} at column {exc.colno}); skipped")
        return None
    except RecursionError:
        report_line(n, "JSON nested too deeply; skipped")
        return None
    obj = clean_value(obj)  # "\ud800" is valid JSON but cannot be written back as UTF-8
    if not isinstance(obj, dict):
        report_line(n, f"expected a JSON object, got {type(obj).__name__}; skipped")
        return None
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        report_line(n, 'no article text (a non-empty "text" string); skipped')
        return None
    if "id" in obj and obj["id"] not in (None, ""):
        draft_id = clean_id(obj["id"])
        if draft_id is None:
            report_line(n, invalid_id(obj["id"]))
            return None
    else:
        draft_id = f"{path.stem}-{n}"
    return Draft(
        id=draft_id,
        text=text,
        path=shown,
        source=f"{shown}:{n}",
        title=obj["title"] if obj.get("title") not in (None, "") else headline(text),
        outlet=obj.get("outlet"),
        url=obj.get("url"),
        published_raw=obj.get("published"),
        extra={k: plain(v) for k, v in obj.items() if k not in _KNOWN},
    )
