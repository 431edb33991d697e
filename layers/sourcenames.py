"""Names people can read for sources and articles, wherever the site names one.

An article is named by its title, else its outlet, else a name read from its id (the file
stem, or a URL standing in for an id): ``"reuters-ukraine-drone-attack"`` → ``"Reuters
ukraine drone attack"``; a stem that is only a number and a hash, ``"000_9373d973f4021972"``,
→ ``"Article 000"``. A bare id is never shown on its own: the last resort is ``"Article
9373d973"``. The sources filter groups by outlet first (see :func:`source_name`).
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

__all__ = ["article_name", "readable_article_name", "source_name"]

_SPLIT = re.compile(r"[\s_\-.+~]+")
# a hash, uuid part or long serial: hex of 8+ characters with a digit, or 9+ digits
_HASHLIKE = re.compile(r"(?=[0-9a-f]*\d)[0-9a-f]{8,}|\d{9,}", re.IGNORECASE)
_FILE_SUFFIX = re.compile(r"\.(?:html?|php|aspx?|txt|md|jsonl?)$", re.IGNORECASE)


def _text(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def readable_article_name(article: str | None) -> str:
    """A readable name for an article known only by its id (see the module docstring).

    Never returns an empty string: an empty id gives ``"Unnamed article"``.
    """
    raw = _text(article)
    if not raw:
        return "Unnamed article"
    host = ""
    if re.match(r"https?://", raw, re.IGNORECASE):
        parts = urlsplit(raw)
        host = (parts.hostname or "").removeprefix("www.")
        segments = [s for s in unquote(parts.path).split("/") if s]
        raw = _FILE_SUFFIX.sub("", segments[-1]) if segments else ""
    else:
        raw = _FILE_SUFFIX.sub("", raw)
    tokens = [t for t in _SPLIT.split(raw) if t]
    words = [t for t in tokens if not _HASHLIKE.fullmatch(t)]
    if any(any(c.isalpha() for c in w) for w in words):
        name = " ".join(words)
        name = name[0].upper() + name[1:]
        return f"{host}: {name}" if host else name
    if host:
        return host
    if words:
        return "Article " + " ".join(words)
    return "Article " + (tokens[0][:8] if tokens else raw[:8])


def article_name(title: str | None, outlet: str | None, article: str | None) -> str:
    """How an article is named: its title, else its outlet, else :func:`readable_article_name`."""
    return _text(title) or _text(outlet) or readable_article_name(article)


def source_name(
    outlet: str | None, host: str | None, title: str | None, article: str | None
) -> str:
    """How the sources filter names a source: the outlet, else the web site's host, else the
    article's title, else :func:`readable_article_name`."""
    return _text(outlet) or _text(host) or _text(title) or readable_article_name(article)
