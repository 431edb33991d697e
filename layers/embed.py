"""Embedding one event elsewhere: the iframe snippet and the oEmbed document.

The snippet is written once, here, as a template; the main page's Embed button fills it in
(in ``site.js``, with the page's own URL) and the embed pages and oEmbed files get it from
:func:`embed_snippet`.
"""

from __future__ import annotations

import html
from typing import Any

__all__ = ["EMBED_HEIGHT", "EMBED_WIDTH", "SNIPPET_TEMPLATE", "embed_snippet", "oembed"]

#: Suggested size of an embed, in CSS pixels (oEmbed ``width``/``height``).
EMBED_WIDTH = 640
EMBED_HEIGHT = 480

#: The iframe snippet; ``{src}`` and ``{title}`` are filled with HTML-escaped values. The
#: wrapper keeps a 4:3 box that shrinks with the column (never under 320 px high); the
#: sandbox lets the map run scripts and open links in a new tab, and nothing else.
SNIPPET_TEMPLATE = (
    '<div style="position:relative;width:100%;max-width:1200px;aspect-ratio:4/3;'
    'min-height:320px">'
    '<iframe src="{src}" title="{title}" loading="lazy" '
    'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" '
    'referrerpolicy="no-referrer" '
    'style="position:absolute;top:0;left:0;width:100%;height:100%;border:0"></iframe></div>'
)


def embed_snippet(src: str, title: str) -> str:
    """The HTML to paste into another page to embed the map at ``src``.

    ``title`` becomes the iframe's accessible name (``Map: <title>``); both values are
    escaped for the attributes they go in.
    """
    return SNIPPET_TEMPLATE.format(
        src=html.escape(src, quote=True), title=html.escape(f"Map: {title}", quote=True)
    )


def oembed(
    *,
    title: str,
    src: str,
    provider_name: str,
    image: str | None = None,
    image_size: tuple[int, int] | None = None,
) -> dict[str, Any]:
    """An oEmbed 1.0 ``rich`` response for one event's embed page at ``src``."""
    doc: dict[str, Any] = {
        "version": "1.0",
        "type": "rich",
        "title": title,
        "provider_name": provider_name,
        "html": embed_snippet(src, title),
        "width": EMBED_WIDTH,
        "height": EMBED_HEIGHT,
    }
    if image is not None:
        doc["thumbnail_url"] = image
        if image_size is not None:
            doc["thumbnail_width"], doc["thumbnail_height"] = image_size
    return doc
