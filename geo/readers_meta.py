"""Validating untrusted article metadata: labels, URLs, publication dates, ids, YAML.

YAML is read by the one safe loader, :func:`inputsafe.load_yaml` (wrapped here as
:func:`load_yaml_mapping`): no aliases, bounded nesting, impossible dates kept as text.

Every value comes from a file the user did not necessarily write (a scraped page, a feed
export), so each cleaner returns a safe value or ``None`` and reports what it dropped or
changed through a ``report(message)`` callback. Nothing here raises on bad input.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from inputsafe import clean_str, load_yaml

Report = Callable[[str], None]

#: Longest title kept; longer titles are truncated (with a problem).
TITLE_MAX = 300
#: Longest outlet name kept.
OUTLET_MAX = 120
#: Longest URL kept; longer ones are dropped.
URL_MAX = 2048
#: Longest article id accepted.
ID_MAX = 120
#: Longest article text kept, in characters; longer texts are cut at a line break.
TEXT_MAX = 1_000_000
#: Publication dates outside these years are rejected as implausible.
YEAR_MIN, YEAR_MAX = 1800, 2200

#: Control characters other than tab and line feed (carriage returns are handled first).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BAD_ID = re.compile(r"[\x00-\x1f\x7f/\\]")


def quoted(value: object, limit: int = 60) -> str:
    """A short, safe rendering of an untrusted value for a problem message."""
    s = value if isinstance(value, str) else repr(value)
    s = _CONTROL.sub(" ", s)
    return repr(s if len(s) <= limit else s[: limit - 1] + "…")


@dataclass(slots=True)
class Draft:
    """An article as read from a file, before sidecar metadata and date inference."""

    id: str
    text: str
    path: str
    source: str  # what problems name: the file, or "file:line" for jsonl
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published_raw: Any = None  # a date or metadata value still to be validated
    extra: dict[str, Any] = field(default_factory=dict)


def clean_text(text: str, report: Report) -> str:
    """Normalise article text: NFC, ``\\n`` line ends, no control characters, length cap."""
    text = clean_str(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = unicodedata.normalize("NFC", text).strip()
    if len(text) > TEXT_MAX:
        cut = text.rfind("\n", 0, TEXT_MAX)
        text = text[: cut if cut > TEXT_MAX // 2 else TEXT_MAX].rstrip()
        report(f"text longer than {TEXT_MAX:,} characters; only the first {len(text):,} kept")
    return text


def clean_label(value: Any, name: str, limit: int, report: Report) -> str | None:
    """A one-line label (title, outlet): whitespace collapsed, capped at ``limit`` chars."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        report(f"{name} must be text, got {type(value).__name__}; ignored")
        return None
    s = " ".join(clean_str(str(value)).split())
    if not s:
        return None
    s = unicodedata.normalize("NFC", s)
    if len(s) > limit:
        report(f"{name} longer than {limit} characters; truncated")
        s = s[: limit - 1].rstrip() + "…"
    return s


def clean_url(value: Any, report: Report) -> str | None:
    """An absolute http(s) URL, else ``None`` (with a problem when a value was given)."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        report(f"url must be text, got {type(value).__name__}; dropped")
        return None
    s = value.strip()
    if len(s) > URL_MAX:
        report(f"url longer than {URL_MAX} characters; dropped")
        return None
    try:
        parts = urlsplit(s)
    except ValueError:
        parts = None
    if (
        parts is None
        or parts.scheme.lower() not in ("http", "https")
        or not parts.netloc
        or any(c.isspace() for c in s)
        or _CONTROL.search(s)
    ):
        report(f"invalid url {quoted(s)}: only absolute http and https URLs are kept; dropped")
        return None
    return s


def parse_published(value: Any, report: Report) -> date | None:
    """A publication date from YAML/JSON/HTML metadata: a date, an ISO date or date-time,
    or a written date ("October 16, 2024"). Invalid values are reported and ignored."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        d = value.date()
    elif isinstance(value, date):
        d = value
    elif isinstance(value, str):
        parsed = _parse_date_text(value.strip())
        if parsed is None:
            report(f"invalid publication date {quoted(value)}; ignored")
            return None
        d = parsed
    else:
        report(f"invalid publication date {quoted(value)}; ignored")
        return None
    if not YEAR_MIN <= d.year <= YEAR_MAX:
        report(f"implausible publication date {d.isoformat()}; ignored")
        return None
    return d


def _parse_date_text(s: str) -> date | None:
    if len(s) > 100:
        return None
    try:
        return datetime.fromisoformat(s).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(s)
    except ValueError:
        pass
    from geo.dates import find_dates

    found = find_dates(s, None)
    if len(found) == 1 and found[0].range.precision == "day" and found[0].kind == "absolute":
        rest = (s[: found[0].start] + s[found[0].end :]).strip(" ,.")
        if len(rest) <= 12:  # tolerate a weekday or a time: "Wed, Oct 16, 2024 10:00"
            return found[0].range.start
    return None


def clean_id(value: Any) -> str | None:
    """A usable article id (text or integer; no slashes or control characters), else None."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    s = str(value).strip()
    if not s or len(s) > ID_MAX or s in (".", "..") or _BAD_ID.search(s):
        return None
    return s


def invalid_id(value: Any) -> str:
    """The problem of a row or line whose id :func:`clean_id` refuses (the row is skipped)."""
    return (
        f"invalid id {quoted(value)} (text up to {ID_MAX} characters, no slashes or control "
        "characters); skipped"
    )


def load_yaml_mapping(text: str) -> dict[str, Any]:
    """A YAML mapping whose keys are kept as written (``001`` stays ``"001"``, not 1), read
    by :func:`inputsafe.load_yaml`. Raises :class:`YamlError` when the YAML is malformed,
    unsafe (aliases, deep nesting) or not a mapping."""
    return load_yaml(text, keys_as_text=True)


def plain(value: Any) -> Any:
    """A JSON-friendly copy of a YAML/JSON value for ``Article.extra`` (dates as ISO text)."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value
