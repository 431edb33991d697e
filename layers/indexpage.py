"""The site's main page (``index.html``), its detail and slice files, and the whole-map embed
(``embed/index.html``, ``.json`` and the job of its image ``.png``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from layers.embed import SNIPPET_TEMPLATE, oembed
from layers.embedpages import IMAGE_SIZE
from layers.errors import SiteError
from layers.imagebatch import ImageBatch
from layers.mapping import embed_site_map, index_map, render_map
from layers.output import write_page
from layers.pagedata import index_payload
from layers.pages import render_index
from layers.payload import SiteTables, date_text, day_number, detail_chunks
from layers.safety import script_json, script_string
from layers.siterows import ProblemCallback
from layers.slices import sliced_payload
from layers.sourcenames import article_name

#: The whole-map embed's file stem under ``embed/`` (never given to an event's page).
WHOLE_MAP = "index"


def _events_span(tables: SiteTables) -> str | None:
    """The days the events span, as the main page's header writes them (``None`` when that
    cannot be written): from the first start to the last end, as the page's date range."""
    if not len(tables.events):
        return None
    epoch = date(1970, 1, 1)
    first = min(day_number(s) for s in tables.events["start"])
    last = max(day_number(e) for e in tables.events["end"])
    try:
        return date_text(
            (epoch + timedelta(days=first)).isoformat(),
            (epoch + timedelta(days=last)).isoformat(),
            "day",
        )
    except SiteError:
        return None


def whole_map_job(tables: SiteTables, title: str, path: Path) -> tuple[dict[str, Any], Any, Path]:
    """The image job of the whole map (every event, framed on them all, to ``path``); the
    table must have events."""
    from shapely.geometry import GeometryCollection

    span = _events_span(tables)
    sources = [s for row in tables.events["sources"] for s in (row or [])]
    summary = {
        "id": WHOLE_MAP,
        "title": title,
        "place_name": f"{len(tables.events)} event{'' if len(tables.events) == 1 else 's'}"
        + (f", {span}" if span else ""),
        "start": None,
        "end": None,
        "date_precision": "unknown",
        "sources": sources,
    }
    return summary, GeometryCollection(list(tables.events.geometry)), path


def whole_map_alt(
    batch: ImageBatch, job: tuple[dict[str, Any], Any, Path], title: str, sink: ProblemCallback
) -> str | None:
    """The whole map's alt text once its image (job 0 of ``batch``) is written, or ``None``
    (reported) when it cannot be drawn."""
    summary, _, path = job
    try:
        batch.alt(0)
    except SiteError as exc:
        sink(f"the whole map: no image: {exc}")
        path.unlink(missing_ok=True)
        return None
    return f"Map: {title}, {summary['place_name']}"


def index_page(
    root: Path,
    tables: SiteTables,
    *,
    title: str,
    tiles: list[Any],
    img_hosts: list[str],
    whole_alt: Callable[[], str | None],
    base_url: str | None,
    sink: ProblemCallback,
) -> None:
    """Write the main page, its detail files, and the whole-map embed (``embed/index.*``):
    the same page with the side panel hidden, so a hash shows the same events in both."""
    detail_tables = tables
    if tables.sliced:

        def write_slice(number: int, part: dict[str, Any]) -> None:
            # Data, not code: JSON (with <, >, & and U+2028/9 escaped) in a string passed to
            # one function, which JSON.parses it (faster to load than an object literal).
            write_page(
                root / "slices" / f"{number}.js",
                f"GeoNewsMap.slice({number}, {script_string(part)});\n",
            )

        data, detail_tables = sliced_payload(
            tables,
            title=title,
            snippet=SNIPPET_TEMPLATE,
            on_problem=sink,
            write_slice=write_slice,
        )
    else:
        data = index_payload(tables, title=title, snippet=SNIPPET_TEMPLATE, on_problem=sink)
    places = bool(data["pl"]["id"])
    parts = render_map(index_map(tables.styles, tiles=tiles, places=places))
    date_range = None
    date_span = None
    range_days = 0
    if data["range"] is not None:
        first, last = data["range"]
        epoch = date(1970, 1, 1)
        date_range = (
            (epoch + timedelta(days=first)).isoformat(),
            (epoch + timedelta(days=last)).isoformat(),
        )
        range_days = last - first
        date_span = _span_text(first, last, data.get("span"))
    articles = [
        {
            "page": tables.article_pages[doc.id],
            "title": article_name(doc.title, None, doc.id),
            "meta": " · ".join(p for p in (doc.outlet, doc.published) if p),
        }
        for doc in tables.docs.values()
    ]
    image = f"{WHOLE_MAP}.png"
    alt = whole_alt()  # once the whole map's image is written; None if it has none
    common: dict[str, Any] = {
        "title": title,
        "styles": tables.styles,
        "counts": [c["count"] for c in data["cats"]],
        "event_count": len(tables.events),
        "date_span": date_span,
        "date_range": date_range,
        "range_days": range_days,
        "places": places,
        "articles": articles,
        "img_hosts": img_hosts,
    }
    data["root"] = ""
    page = render_index(
        parts,
        script_json(data),
        whole_image=f"embed/{image}" if alt else None,
        oembed_href=f"{base_url}embed/{WHOLE_MAP}.json" if base_url else f"embed/{WHOLE_MAP}.json",
        **common,
    )
    write_page(root / "index.html", page)
    data["root"] = "../"
    embed_page = render_index(
        render_map(embed_site_map(tables.styles, tiles=tiles, places=places)),
        script_json(data),
        embed={
            "image": image if alt else None,
            "image_alt": alt,
            "oembed_href": f"{base_url}embed/{WHOLE_MAP}.json" if base_url else f"{WHOLE_MAP}.json",
        },
        **common,
    )
    write_page(root / "embed" / f"{WHOLE_MAP}.html", embed_page)
    doc = oembed(
        title=title,
        src=f"{base_url}embed/{WHOLE_MAP}.html" if base_url else f"embed/{WHOLE_MAP}.html",
        provider_name=title,
        image=(f"{base_url}embed/{image}" if base_url else f"embed/{image}") if alt else None,
        image_size=IMAGE_SIZE if alt else None,
    )
    write_page(root / "embed" / f"{WHOLE_MAP}.json", script_json(doc) + "\n")
    for number, details in detail_chunks(detail_tables):
        # Data, not code: JSON (with <, >, & and U+2028/9 escaped) passed to one function.
        write_page(
            root / "details" / f"{number}.js",
            f"GeoNewsMap.details({number}, {script_json(details)});\n",
        )


def _span_text(first: int, last: int, span: dict[str, Any] | None) -> str | None:
    """The header's dates: the events' first to last day, or, when a few events lie far from
    the rest (``span``, :func:`layers.pagedata.timeline_span`), the rest's days and how many
    lie before and after them ("3 Jan 2015 – 26 Jun 2026 (1 earlier, from 1932)")."""
    epoch = date(1970, 1, 1)

    def iso(day: int) -> str:
        return (epoch + timedelta(days=day)).isoformat()

    try:
        if not span:
            return date_text(iso(first), iso(last), "day")
        a, b = span["days"]
        notes = []
        if span["earlier"]:
            notes.append(
                f"{span['earlier']} earlier, from {date_text(iso(first), iso(first), 'year')}"
            )
        if span["later"]:
            notes.append(f"{span['later']} later, to {date_text(iso(last), iso(last), 'year')}")
        return f"{date_text(iso(a), iso(b), 'day')} ({'; '.join(notes)})"
    except SiteError:
        return None
