"""Markdown articles (``.md``): YAML front matter for metadata, the body as plain text.

Front matter is a YAML mapping between ``---`` lines at the very start of the file. Known
keys: ``title``, ``outlet`` (or ``source``, ``publisher``, ``site_name``), ``published`` (or
``date``, ``published_at``), ``url`` (or ``link``); every other key is kept in
``Article.extra``. Malformed front matter makes the file unreadable (one problem): reading
the body without its metadata would silently lose the date it was given.

The body is converted to plain text, and ``Article.text`` is that text: offsets of mentions
and dates point into it, never into the markdown source. Markup is dropped (emphasis, link
targets, images, code blocks, HTML tags and comments, heading and list markers, table
pipes); link texts, headings, list items and quotes stay. Hard-wrapped lines of a paragraph
are joined with a space; a block with a line longer than any hard wrap (:data:`geo.text.WRAP_MAX`
characters) is one paragraph a line, as news pasted from a page has it; paragraphs are
separated by a blank line. With no ``title`` in the
front matter, a first-level heading at the top is the title.
"""

from __future__ import annotations

import re
from typing import Any

from geo.readers_inline import inline_text, strip_html_comments
from geo.readers_meta import Draft, Report, load_yaml_mapping, plain
from geo.readers_text import Unreadable, decode
from geo.text import WRAP_MAX
from inputsafe import YamlError

__all__ = ["markdown_to_text", "read_markdown"]

_FRONT_MATTER = re.compile(
    r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M
)
_ALIASES = {
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "publisher", "site_name", "sitename"),
    "published": ("published", "date", "published_at", "pubdate", "publication_date"),
    "url": ("url", "link", "canonical_url"),
}


def read_markdown(data: bytes, draft_id: str, path: str, report: Report) -> Draft:
    """A markdown article with optional front matter; raises ``Unreadable`` on bad YAML."""
    source = decode(data, report).removeprefix("\ufeff")
    meta: dict[str, Any] = {}
    body = source
    if source.startswith("---"):
        m = _FRONT_MATTER.match(source)
        if m is None:
            raise Unreadable("malformed front matter: no closing '---' line")
        try:
            meta = load_yaml_mapping(m.group(1))
        except YamlError as exc:
            raise Unreadable(f"malformed front matter: {exc}") from None
        body = source[m.end() :]
    text, heading = markdown_to_text(body)
    fields: dict[str, Any] = {}
    used: set[str] = set()
    for name, keys in _ALIASES.items():
        for key in keys:
            if key in meta and meta[key] not in (None, ""):
                fields[name] = meta[key]
                used.add(key)
                break
    extra = {k: plain(v) for k, v in meta.items() if k not in used}
    return Draft(
        id=draft_id,
        text=text,
        path=path,
        source=path,
        title=fields.get("title", heading),
        outlet=fields.get("outlet"),
        url=fields.get("url"),
        published_raw=fields.get("published"),
        extra=extra,
    )


# --- markdown → text ---------------------------------------------------------------------

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_LINK_DEF = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S+")
_RULE = re.compile(r"^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_ATX = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.*)$")
_SETEXT = re.compile(r"^[ \t]{0,3}(=+|-+)[ \t]*$")
_QUOTE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+")
_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
_TABLE_RULE = re.compile(r"^[ \t]*(?:\|[ \t]*)?:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?$")


def markdown_to_text(md: str) -> tuple[str, str | None]:
    """Plain text of a markdown body, and its leading first-level heading (if any)."""
    md = strip_html_comments(md.replace("\r\n", "\n").replace("\r", "\n"))
    blocks: list[str] = []  # finished paragraphs
    para: list[str] = []  # lines of the paragraph being built
    heading: str | None = None
    fence: str | None = None

    def emit(lines: list[str]) -> None:
        text = ""
        for i, line in enumerate(lines):
            hard = line.endswith("  ") or line.endswith("\\")
            piece = inline_text(line.rstrip(" \\").strip())
            text += piece + ("\n" if hard and i < len(lines) - 1 else " ")
        text = " ".join(text.split(" ")).strip()
        if text:
            blocks.append(text)

    def flush() -> None:
        if len(para) > 1 and max(len(line.strip()) for line in para) > WRAP_MAX:
            # lines longer than any hard wrap: one paragraph a line, as pasted news has it
            # ("… said Eyking.\nREAD MORE: CETA deal clears hurdle\nThe bill passed …")
            for line in para:
                emit([line])
        elif para:
            emit(para)
        para.clear()

    lines = md.split("\n")
    for line in lines:
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            continue
        fm = _FENCE.match(line)
        if fm is not None:
            flush()
            fence = fm.group(1)[:3]
            continue
        if not line.strip():
            flush()
            continue
        if _LINK_DEF.match(line) or (_TABLE_RULE.match(line.rstrip(" \t")) and "|" in line):
            continue
        if _SETEXT.match(line) and para:
            # the paragraph so far is a setext heading
            level1 = line.strip().startswith("=")
            text = inline_text(" ".join(p.strip() for p in para))
            para.clear()
            if level1 and heading is None and not blocks:
                heading = text
            blocks.append(text)
            continue
        if _RULE.match(line):
            flush()
            continue
        am = _ATX.match(line)
        if am is not None:
            flush()
            text = inline_text(am.group(2).rstrip(" \t").rstrip("#").rstrip(" \t"))
            if text:
                if am.group(1) == "#" and heading is None and not blocks:
                    heading = text
                blocks.append(text)
            continue
        line = _QUOTE.sub("", line)
        im = _ITEM.match(line)
        if im is not None:
            flush()
            para.append(line[im.end() :])
            continue
        if "|" in line and line.strip().startswith("|"):
            flush()
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            blocks.append(inline_text(" · ".join(c for c in cells if c)))
            continue
        para.append(line)
    flush()
    return "\n\n".join(blocks), heading
