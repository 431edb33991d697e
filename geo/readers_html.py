"""HTML articles (``.html``, ``.htm``): main text and metadata with trafilatura.

trafilatura finds the article body (dropping navigation, footers, comments) and the
metadata: title, site name (the outlet), canonical URL, and the publication date from the
page's structured markup only (meta tags, JSON-LD, ``<time>``; its "extensive" search of the
visible text is off, so a date it returns is one the page states). Pages too small or too
odd for trafilatura's extractor (a fragment, a two-line page) fall back to the visible text
of the page (scripts, styles and navigation dropped), read with the standard library's HTML
parser. A page with no text at all is unreadable.

Budgets: the parsers behind trafilatura (lxml, justext, htmldate) and the standard library's
are fast on real pages but not on every page: libxml2 compares each attribute of an element
with the ones before it (300,000 attributes in one element: minutes), and ``HTMLParser``
rescans the rest of the page for each tag left open (``<a<a<a…``). A page past
:data:`MAX_TAGS` tags, :data:`MAX_ATTRIBUTES` attributes in one element or
:data:`MAX_UNCLOSED` unclosed tags is unreadable (one problem naming the budget), found by
one linear scan before any parser runs.
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser

from geo.readers_meta import Draft, Report
from geo.readers_text import Unreadable, decode

__all__ = ["MAX_ATTRIBUTES", "MAX_TAGS", "MAX_UNCLOSED", "html_to_text", "read_html"]

#: Most tags in a page (a long news page has a few thousand).
MAX_TAGS = 100_000
#: Most attributes in one element (real pages: a few dozen).
MAX_ATTRIBUTES = 1_000
#: Most tags with no closing ``>`` before the next ``<``.
MAX_UNCLOSED = 1_000

# A start tag up to its '>' or the next '<' (never past it: one linear scan).
_TAG = re.compile(r"<[A-Za-z][^<>]*(>?)")
_ANY_TAG = re.compile(r"<[A-Za-z/!?]")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def read_html(data: bytes, draft_id: str, path: str, report: Report) -> Draft:
    """An HTML article; raises :class:`Unreadable` when the page has no text."""
    import trafilatura

    page = _decode_html(data, report)
    _check_budgets(page)
    quiet = logging.getLogger("trafilatura")
    if quiet.level == logging.NOTSET:
        # trafilatura warns about odd pages on its own logger; the problem we report is
        # enough. A level the user set is left alone.
        quiet.setLevel(logging.ERROR)
    doc = None
    try:
        doc = trafilatura.bare_extraction(
            page,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # a parser failure on hostile input is 'no text'
        doc = None
    text = (getattr(doc, "text", None) or "").strip()
    if not text:
        text = html_to_text(page)
    if not text.strip():
        raise Unreadable("no article text found in the HTML page")
    meta_title = getattr(doc, "title", None) if doc is not None else None
    return Draft(
        id=draft_id,
        text=text,
        path=path,
        source=path,
        title=meta_title or _TitleParser.title_of(page),
        outlet=getattr(doc, "sitename", None) if doc is not None else None,
        url=getattr(doc, "url", None) if doc is not None else None,
        published_raw=getattr(doc, "date", None) if doc is not None else None,
        extra={
            k: v
            for k in ("author", "description")
            if doc is not None and (v := getattr(doc, k, None))
        },
    )


def _check_budgets(page: str) -> None:
    """Raise :class:`Unreadable` when ``page`` is past a parser budget (see the module)."""
    tags = sum(1 for _ in _ANY_TAG.finditer(page))
    if tags > MAX_TAGS:
        raise Unreadable(f"the page has {tags:,} tags; the limit is {MAX_TAGS:,}")
    unclosed = 0
    for m in _TAG.finditer(page):
        if not m.group(1):
            unclosed += 1
            if unclosed > MAX_UNCLOSED:
                raise Unreadable(f"the page has more than {MAX_UNCLOSED:,} tags left open (no '>')")
        attributes = m.group().count("=")
        if attributes > MAX_ATTRIBUTES:
            raise Unreadable(
                f"one element has {attributes:,} attributes; the limit is {MAX_ATTRIBUTES:,}"
            )


def _decode_html(data: bytes, report: Report) -> str:
    """Decode with the page's declared charset when there is one, else like text files."""
    m = _CHARSET.search(data[:4096])
    if m is not None:
        charset = m.group(1).decode("ascii").lower()
        if charset not in ("utf-8", "utf8"):
            try:
                return data.decode(charset)
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration: fall back to detection
    return decode(data, report)


# --- fallback: visible text with the standard library --------------------------------------

_SKIP = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "head",
        "nav",
        "footer",
        "header",
        "aside",
        "form",
        "button",
        "select",
        "iframe",
        "object",
    ]
)
_BLOCK = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "blockquote",
        "section",
        "article",
        "main",
        "figcaption",
        "pre",
        "dd",
        "dt",
        "table",
        "ul",
        "ol",
        "hr",
        "title",
    ]
)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


class _TitleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.title = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.inside = tag == "title" and not self.title

    def handle_endtag(self, tag: str) -> None:
        self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.title += data

    @classmethod
    def title_of(cls, page: str) -> str | None:
        parser = cls()
        try:
            parser.feed(page[:100_000])
            parser.close()
        except Exception:  # a parser failure on hostile input is 'no text'
            return None
        return " ".join(parser.title.split()) or None


def html_to_text(page: str) -> str:
    """The visible text of an HTML page, one line per block element."""
    parser = _TextParser()
    try:
        parser.feed(page)
        parser.close()
    except Exception:  # a parser failure on hostile input is 'no text'
        return ""
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)
