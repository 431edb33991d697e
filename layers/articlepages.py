"""The site's article pages (``articles/<article>.html``): each article's text with its place
mentions highlighted and linked to the map, and the events it reports.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from layers.articles import highlight_segments
from layers.errors import SiteError
from layers.output import write_page
from layers.pages import render_article
from layers.payload import SiteTables, date_text
from layers.safety import http_url
from layers.siterows import ProblemCallback, event_date_label, event_hash, table_rows
from layers.sourcenames import article_name


def article_pages(
    root: Path,
    tables: SiteTables,
    title: str,
    sink: ProblemCallback,
) -> None:
    """Write each article's page under ``root / "articles"``: its text with the mentions of
    ``tables`` highlighted (their anchors are recorded in ``tables.anchors`` for the map), its
    outlet and date, and links to the events it reports. Mentions whose offsets do not match
    the text are reported through ``sink``."""
    by_article: dict[str, list[dict[str, Any]]] = {}
    if tables.mentions is not None:
        for row, _ in table_rows(tables.mentions):
            by_article.setdefault(row["article"], []).append(row)
    events_by_article: dict[str, list[dict[str, str]]] = {}
    style_of = {s.key: s for s in tables.styles}
    for row, _ in table_rows(tables.events):
        seen: set[str] = set()
        for source in row["sources"] or []:
            article = source.get("article")
            if article in tables.docs and article not in seen:
                seen.add(article)
                events_by_article.setdefault(article, []).append(
                    {
                        "id": row["id"],
                        "hash": event_hash(row, tables.sliced),
                        "title": row["title"],
                        "date": event_date_label(row, sink),
                        "place": row["place_name"],
                        "css_class": style_of[row["category"]].css_class,
                    }
                )
    for doc_id, doc in tables.docs.items():
        segments, highlights = highlight_segments(doc, by_article.get(doc_id, []), on_problem=sink)
        for mark in highlights:
            tables.anchors[(doc_id, mark.char_start, mark.char_end, mark.place_id)] = mark.anchor
        published_label = None
        if doc.published:
            try:
                published_label = date_text(doc.published, doc.published, "day")
            except SiteError:
                published_label = doc.published
        page = render_article(
            title=title,
            article_title=article_name(doc.title, None, doc.id),
            outlet=doc.outlet,
            published=published_label,
            published_iso=doc.published[:10] if doc.published else None,
            url=http_url(doc.url),
            segments=segments,
            highlights=highlights,
            events=events_by_article.get(doc_id, []),
        )
        write_page(root / "articles" / f"{tables.article_pages[doc_id]}.html", page)
