"""Inline markdown → plain text in time linear in the line (up to a log factor).

A lazy regex such as ``\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*`` tries every opener and scans to the end
of the line from each when nothing closes it: one 100 KB line of ``**a `` took minutes.
Here a delimiter pair is found by binary search in the sorted positions of the closers (the
first closer after an opener is the one the lazy regex would take, and when an opener has
none, no later opener has one either), and the bracket and tag patterns exclude their own
opening character from what they span, so no scan runs past the next opener.

What is dropped and kept is as before: images go; link texts, code spans and the text of
emphasis and strike-through stay; inline HTML tags go; autolinks keep their URL; backslash
escapes are resolved; HTML entities are unescaped.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from collections.abc import Callable

__all__ = ["inline_text", "strip_html_comments"]

# Each excludes the character that opens it from what it spans (``[^\[\]]``, ``[^<>]``), and a
# link's target allows one level of parentheses (Wikipedia URLs) without nesting quantifiers.
_TARGET = r"\((?:[^()\n]|\([^()\n]*\))*\)"
_BRACKETS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"!\[([^\[\]]*)\]" + _TARGET), ""),  # images
    (re.compile(r"!\[([^\[\]]*)\]\[[^\[\]]*\]"), ""),
    (re.compile(r"\[([^\[\]]+)\]" + _TARGET), r"\1"),  # links
    (re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]"), r"\1"),
    (re.compile(r"<(https?://[^<>\s]+)>"), r"\1"),  # autolinks
    (re.compile(r"`([^`]+)`"), r"\1"),  # code spans (each scan stops at the next backtick)
)
_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")  # inline HTML tags
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")  # backslash escapes


def _is_space(s: str, i: int) -> bool:
    return i < 0 or i >= len(s) or s[i].isspace()


def _is_wordish(s: str, i: int, mark: str) -> bool:
    return 0 <= i < len(s) and (s[i] == mark or s[i].isalnum() or s[i] == "_")


def _strong_open(s: str, i: int, n: int) -> bool:
    return not _is_space(s, i + n)


def _strong_close(s: str, i: int, n: int) -> bool:
    return not _is_space(s, i - 1)


def _em_open(s: str, i: int, n: int) -> bool:
    return not _is_wordish(s, i - 1, s[i]) and not _is_space(s, i + 1)


def _em_close(s: str, i: int, n: int) -> bool:
    return not _is_space(s, i - 1) and not _is_wordish(s, i + 1, s[i])


def _any(s: str, i: int, n: int) -> bool:
    return True


Test = Callable[[str, int, int], bool]


def _pairs(s: str, marks: tuple[str, ...], opens: Test, closes: Test) -> str:
    """``s`` with each delimiter pair of one of ``marks`` (all of one length) replaced by what
    it encloses (at least one character, not across a line break), leftmost first, each
    opener taking the first closer of its own mark after it: what ``(m1|m2)(.+?)\\1`` finds,
    in O(n log n)."""
    n = len(marks[0])
    at = {mark: [m.start() for m in re.finditer(f"(?={re.escape(mark)})", s)] for mark in marks}
    closers = {mark: [i for i in at[mark] if closes(s, i, n)] for mark in marks}
    breaks = [m.start() for m in re.finditer("\n", s)]
    openers = sorted((i, mark) for mark in marks for i in at[mark] if opens(s, i, n))
    out: list[str] = []
    position = 0
    for opener, mark in openers:
        if opener < position:
            continue
        k = bisect_left(closers[mark], opener + n + 1)
        if k == len(closers[mark]):
            continue
        closer = closers[mark][k]
        b = bisect_left(breaks, opener + n)
        if b < len(breaks) and breaks[b] < closer:
            continue
        out.append(s[position:opener])
        out.append(s[opener + n : closer])
        position = closer + n
    out.append(s[position:])
    return "".join(out)


def inline_text(s: str) -> str:
    """The plain text of one line of inline markdown (see the module docstring)."""
    if any(c in s for c in "[]`*_~<\\!"):
        for rx, repl in _BRACKETS:
            s = rx.sub(repl, s)
        s = _pairs(s, ("**", "__"), _strong_open, _strong_close)
        s = _pairs(s, ("*",), _em_open, _em_close)
        s = _pairs(s, ("_",), _em_open, _em_close)
        s = _pairs(s, ("~~",), _any, _any)
        s = _TAG.sub("", s)
        s = _ESCAPE.sub(r"\1", s)
    return html.unescape(s) if "&" in s else s


def strip_html_comments(text: str) -> str:
    """``text`` without ``<!-- … -->`` comments (an unclosed one stays), in one pass."""
    out: list[str] = []
    position = 0
    while (start := text.find("<!--", position)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break
        out.append(text[position:start])
        position = end + 3
    out.append(text[position:])
    return "".join(out)
