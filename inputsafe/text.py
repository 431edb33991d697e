"""Text that can always be written and printed: the one sanitiser for untrusted strings.

Python strings can hold what UTF-8 cannot encode: lone surrogates (``"\\ud800"`` from a JSON
escape, a YAML ``"\\ud800"``, or a non-UTF-8 byte in a file name decoded with
``surrogateescape``). One of them anywhere in a table stops the writer with
``UnicodeEncodeError``, so the readers pass every string they take in through
:func:`clean_str` (or :func:`clean_value` for nested data). :func:`printable` is for what is
shown on a terminal: no escape sequence in a file name can move the cursor or recolour it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

__all__ = ["clean_str", "clean_value", "printable"]

#: Lone surrogates (never valid in UTF-8).
_SURROGATE = re.compile("[\ud800-\udfff]")
#: C0 and C1 control characters other than tab, line feed and carriage return, and DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: Everything a terminal may act on: all C0/C1 controls, DEL, surrogates, and the Unicode
#: line and paragraph separators and bidirectional overrides that can disguise a name.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def clean_str(s: str) -> str:
    """``s`` with each lone surrogate replaced by U+FFFD and each control character other
    than tab and line breaks by a space; always encodable as UTF-8. Valid text (accents,
    CJK, emoji) is unchanged."""
    if _SURROGATE.search(s):
        s = _SURROGATE.sub("\ufffd", s)
    if _CONTROL.search(s):
        s = _CONTROL.sub(" ", s)
    return s


def clean_value(value: Any) -> Any:
    """A copy of a JSON- or YAML-like value with :func:`clean_str` applied to every string,
    keys included; other values (numbers, dates, ``None``) are returned as they are."""
    if isinstance(value, str):
        return clean_str(value)
    if isinstance(value, Mapping):
        return {clean_value(k): clean_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean_value(v) for v in value]
    return value


def _escape(m: re.Match[str]) -> str:
    c = m.group(0)
    code = ord(c)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a non-UTF-8 file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(s: object) -> str:
    """``str(s)`` safe to print on a terminal: control characters (ESC and the rest),
    surrogates and bidirectional overrides are written as visible ``\\xNN`` / ``\\uNNNN``
    escapes, so a file name shows what it is instead of acting on the terminal."""
    text = str(s)
    return _UNPRINTABLE.sub(_escape, text) if _UNPRINTABLE.search(text) else text
