"""Decoding article files, and reading plain-text articles (``.txt``).

Decoding, in order: a UTF-8 BOM means UTF-8; a UTF-32 BOM means UTF-32; a UTF-16 BOM means
UTF-16; NUL bytes otherwise
mean a binary file (rejected); then strict UTF-8; then Windows-1252 (a superset of Latin-1
for text: it decodes curly quotes and dashes that Latin-1 maps to control characters), with a
problem saying the file was not UTF-8, and only when the result looks like text (no control
characters beyond tab and line breaks). Anything else is rejected as "not text".

A ``.txt`` article may start with a ``date YYYY-MM-DD`` marker (also ``date: …``,
``published …``), with the text continuing on the same line; the marker is metadata and is
removed from the text. The first line is the title when it looks like a headline (short, no
final period) and more text follows; it stays in the text.
"""

from __future__ import annotations

import codecs
import re
from datetime import date

from geo.page_furniture import boilerplate
from geo.readers_meta import Draft, Report, quoted

__all__ = ["Unreadable", "decode", "headline", "read_txt"]


class Unreadable(Exception):
    """A file that cannot be read as an article; the message is the reason."""


_TEXT_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes, report: Report) -> str:
    """Bytes to text (see the module docstring); raises :class:`Unreadable`."""
    if not data.strip():
        raise Unreadable("empty file")
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8) :], "utf-8")
    # UTF-32's little-endian BOM begins with UTF-16's: test it first
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _strict(data, "utf-32")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16")
    if b"\x00" in data:
        raise Unreadable("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise Unreadable(
            f"not text: invalid UTF-8 at byte {utf8_error.start}, and not Windows-1252 either"
        ) from None
    if _TEXT_CONTROL.search(text):
        raise Unreadable(f"not text: invalid UTF-8 at byte {utf8_error.start}")
    report(
        f"not valid UTF-8 (byte {utf8_error.start}); read as Windows-1252: check accented "
        "letters, or save the file as UTF-8"
    )
    return text


def _strict(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise Unreadable(f"invalid {encoding.upper()} at byte {exc.start}") from None
    if not text.strip():
        raise Unreadable("empty file")
    return text.removeprefix("\ufeff")


_DATE_MARKER = re.compile(
    r"(?i)\A[ \t]*(?:date|dated|published)(?:[ \t]*[:=][ \t]*|[ \t]+)"
    r"(\d{4}-\d{1,2}-\d{1,2})(?=[ \t]|$)"
    r"[ \t]*",
    re.MULTILINE,
)
_HEADLINE_MAX_WORDS = 30
_HEADLINE_MAX_CHARS = 250


def headline(text: str) -> str | None:
    """The first line of ``text`` when it looks like a headline, else ``None``.

    A headline is short (at most 30 words), does not end like a sentence (".", ",", ":"),
    is not page furniture ("Advertisement"), and more text follows it.
    """
    stripped = text.lstrip()
    nl = stripped.find("\n")
    if nl < 0 or not stripped[nl:].strip():
        return None
    line = stripped[:nl].strip()
    if (
        not line
        or len(line) > _HEADLINE_MAX_CHARS
        or len(line.split()) > _HEADLINE_MAX_WORDS
        or line[-1] in ".,;:…"
        or not (line[0].isupper() or line[0].isdigit() or line[0] in "\"“‘'«")
        or boilerplate(line)
    ):
        return None
    return line


def read_txt(data: bytes, draft_id: str, path: str, report: Report) -> Draft:
    """A plain-text article: optional date marker, headline title, the rest as is."""
    # line ends first: the marker ends at a line end, and old Mac files end lines in CR
    text = decode(data, report).replace("\r\n", "\n").replace("\r", "\n")
    published: date | None = None
    m = _DATE_MARKER.match(text)
    if m is not None:
        raw = m.group(1)
        try:
            published = date.fromisoformat(_zero_pad(raw))
        except ValueError:
            report(f"invalid date {quoted(raw)} on the first line; ignored")
        text = text[m.end() :]
    return Draft(
        id=draft_id,
        text=text,
        path=path,
        source=path,
        title=headline(text),
        published_raw=published,  # a date, still to be checked for a plausible year
    )


def _zero_pad(iso: str) -> str:
    y, mo, d = iso.split("-")
    return f"{y}-{int(mo):02d}-{int(d):02d}"
