"""Making untrusted text safe to put in a page: links, JSON inside ``<script>``, file names.

Article text, titles, outlets, URLs and ids come from the open web or from someone's
spreadsheet. They reach pages only through these functions (and Jinja's autoescape).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

__all__ = ["http_url", "page_names", "script_json", "script_string"]

_CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f]")


def http_url(value: Any) -> str | None:
    """Return ``value`` when it is an absolute http(s) URL with a host, else ``None``.

    Rejects ``javascript:``, ``data:``, relative and protocol-relative URLs, and URLs with
    whitespace or control characters anywhere (browsers strip some of those, which is how
    ``java\\tscript:`` tricks work). The URL is returned unchanged otherwise; templates still
    escape it for the attribute they put it in.
    """
    if not isinstance(value, str):
        return None
    url = value.strip()
    if not url or len(url) > 4096 or _CONTROL.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        return None
    return url


_JSON_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_SCRIPT_RE = re.compile("[<>&\u2028\u2029]")


def script_json(data: Any) -> str:
    """Serialise ``data`` for a ``<script type="application/json">`` block.

    Compact, key order as given (callers build dicts in a fixed order, so the bytes are
    reproducible), non-ASCII kept, and ``<``, ``>``, ``&``, U+2028 and U+2029 written as
    ``\\u`` escapes so that no string can close the script element (``</script>``), open a
    comment (``<!--``) or break a JavaScript parser. ``JSON.parse`` restores them exactly.
    NaN and infinities are refused (they are not JSON).
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _JSON_SCRIPT_RE.sub(lambda m: _JSON_SCRIPT_ESCAPES[m.group(0)], text)


def script_string(data: Any) -> str:
    """``data`` as :func:`script_json` writes it, inside a JavaScript string literal (double
    quotes, ``\\`` and ``"`` escaped) for the page to ``JSON.parse``: V8 scans a string far
    faster than it parses the same object literal, and the string holds no ``<``, ``>``,
    ``&``, U+2028 or U+2029 either."""
    return json.dumps(script_json(data), ensure_ascii=False)


_SAFE_STEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,79}")
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "index"}
    | {f"com{i}" for i in range(10)}
    | {f"lpt{i}" for i in range(10)}
)


def _hashed(value: str) -> str:
    return "h-" + hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def page_names(ids: Iterable[str], *, reserved: Iterable[str] = ()) -> dict[str, str]:
    """Map each id to a file stem that is safe on every file system and unique ignoring case.

    An id made of ASCII letters, digits, ``_``, ``.`` and ``-`` (starting with a letter or
    digit, at most 80 characters, not ending in a dot, not a reserved device name) is used as
    it is, so ``embed/<id>.html`` is predictable. Any other id, and any id that would collide
    with an earlier one on a case-insensitive file system, gets ``h-`` plus a hash of the id.
    The result depends only on the ids and their order. Stems in ``reserved`` (pages of the
    site's own, such as ``embed/index.html``) are never given out.
    """
    names: dict[str, str] = {}
    taken: set[str] = {r.lower() for r in reserved}
    for ident in ids:
        if ident in names:
            continue
        stem = ident
        if (
            not _SAFE_STEM.fullmatch(ident)
            or ident.endswith(".")
            or ident.split(".")[0].lower() in _RESERVED
            or ident.lower() in taken
        ):
            stem = _hashed(ident)
            salt = 0
            while stem.lower() in taken:  # vanishingly unlikely, but never overwrite a page
                salt += 1
                stem = _hashed(f"{ident}\x00{salt}")
        names[ident] = stem
        taken.add(stem.lower())
    return names
