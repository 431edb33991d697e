"""The site's event embeds: ``embed/<event>.html`` (one event's map for an iframe), its oEmbed
document ``<event>.json``, and the jobs of its static image ``<event>.png``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from layers.embed import SNIPPET_TEMPLATE, oembed
from layers.errors import SiteError
from layers.imagebatch import ImageBatch
from layers.mapping import embed_map, render_map
from layers.output import write_page
from layers.pagedata import embed_payload
from layers.pages import render_embed
from layers.payload import SiteTables
from layers.safety import http_url, script_json
from layers.siterows import ProblemCallback, event_date_label, event_hash, table_rows
from layers.sourcenames import article_name

#: Size of the static event images, in pixels (what ``layers.images`` draws by default).
IMAGE_SIZE = (1200, 630)


def embed_records(tables: SiteTables) -> list[tuple[dict[str, Any], Any]]:
    """The events that get an embed page (and image), in the table's order."""
    records = table_rows(tables.events)
    if tables.embeds is not None:
        records = [r for r in records if r[0]["id"] in tables.embeds]
    return records


def image_jobs(
    records: Sequence[tuple[dict[str, Any], Any]], tables: SiteTables, embed_dir: Path
) -> list[tuple[dict[str, Any], Any, Path]]:
    """Each event's image job: its row, its geometry and the PNG's path."""
    return [
        (row, geom, embed_dir / f"{tables.event_files[row['id']]}.png") for row, geom in records
    ]


def collected_images(
    batch: ImageBatch,
    jobs: Sequence[tuple[dict[str, Any], Any, Path]],
    first: int,
    sink: ProblemCallback,
) -> dict[str, str]:
    """The alt text of each event image of ``batch`` (jobs ``first``, ``first + 1``, ...) by
    event id, once drawn; an event whose image cannot be drawn is reported through ``sink``
    and has none, so one bad event costs only its own image."""
    out: dict[str, str] = {}
    for k, (row, _, path) in enumerate(jobs):
        try:
            out[row["id"]] = batch.alt(first + k)
        except SiteError as exc:
            sink(f"event {row['id']}: no image: {exc}")
            path.unlink(missing_ok=True)
    return out


def _fallback_alt(row: dict[str, Any], label: str) -> str:
    place = f" at {row['place_name']}" if row["place_name"] else ""
    return f"Map: {row['title']}{place}, {label}"


def _embed_sources(row: dict[str, Any], tables: SiteTables) -> list[dict[str, Any]]:
    """Credit lines for an embed: the outlet, else the article's title, else a name read from
    its id; linked to the article's own URL, else to its page on this site."""
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str | None]] = set()
    for source in row["sources"] or []:
        article = source.get("article") or ""
        doc = tables.docs.get(article)
        label = article_name(
            source.get("title") or (doc.title if doc else None),
            None,
            article or None,
        )
        outlet = source.get("outlet") or (doc.outlet if doc else None)
        if outlet:
            label = outlet
        url = http_url(source.get("url")) or (http_url(doc.url) if doc else None)
        if url is None and article in tables.article_pages:
            url = f"../articles/{tables.article_pages[article]}.html"
        if (label, url) not in seen:
            seen.add((label, url))
            out.append({"label": label, "url": url})
    return out


def embed_pages(
    root: Path,
    tables: SiteTables,
    *,
    title: str,
    images: Callable[[], dict[str, str]],
    tiles: list[Any],
    img_hosts: list[str],
    base_url: str | None,
    sink: ProblemCallback,
    progress: Callable[[], None],
) -> None:
    """Write each chosen event's embed page and oEmbed document; ``images`` gives the alt
    text of each event image drawn (when called: the pages wait for the images)."""
    embed_dir = root / "embed"
    embed_dir.mkdir(parents=True, exist_ok=True)
    records = embed_records(tables)
    alts = images()
    for ident in alts:
        tables.images[ident] = True
    # Every embed page has the same map (same structure, same renumbered ids): render it once.
    parts = render_map(embed_map(tiles=tiles))
    for record in records:
        row, _ = record
        ident = row["id"]
        file = tables.event_files[ident]
        label = event_date_label(row, sink)
        data = embed_payload(tables, record, title=title, snippet=SNIPPET_TEMPLATE, on_problem=sink)
        data["root"] = "../"
        has_image = tables.images.get(ident, False)
        src = f"{base_url}embed/{file}.html" if base_url else f"embed/{file}.html"
        image_url = f"{file}.png" if has_image else None
        page = render_embed(
            parts,
            script_json(data),
            title=title,
            event_title=row["title"],
            date_label=label,
            place=row["place_name"],
            sources=_embed_sources(row, tables),
            full_map=f"../index.html#{event_hash(row, tables.sliced)}",
            oembed_href=f"{base_url}embed/{file}.json" if base_url else f"{file}.json",
            image=image_url,
            image_alt=alts.get(ident) or _fallback_alt(row, label),
            img_hosts=img_hosts,
        )
        write_page(embed_dir / f"{file}.html", page)
        doc = oembed(
            title=row["title"],
            src=src,
            provider_name=title,
            image=(f"{base_url}embed/{file}.png" if base_url else f"embed/{file}.png")
            if has_image
            else None,
            image_size=IMAGE_SIZE if has_image else None,
        )
        write_page(embed_dir / f"{file}.json", script_json(doc) + "\n")
        progress()
