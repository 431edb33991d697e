"""``build_site``: an events table (and optionally mentions and articles) → a static site.

The site::

    out/
      index.html               map, date filter, layers, legend, event list, downloads
      embed/<event>.html       one event's map, for an iframe; <event>.json its oEmbed;
      embed/<event>.png        its static image (when images are on)
      embed/index.html         the whole map for an iframe, its window, layers and view from
                               the URL hash; index.json its oEmbed, index.png an image of it
      articles/<article>.html  an article with its place mentions highlighted
      data/events.geojson …    the tables (GeoJSON and CSV)
      assets/…                 Leaflet, the base map, site.js, site.css, categories.css

The build is reproducible (the same input gives the same bytes) and atomic: it writes into a
temporary folder beside ``out`` and swaps it in only when everything succeeded, so a failed
build leaves the previous site as it was.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import geopandas as gpd

from inputsafe import SITE_MARKER
from layers.articles import ArticleDoc, highlight_segments
from layers.assets import CATEGORY_CSS, copy_assets
from layers.embed import SNIPPET_TEMPLATE, oembed
from layers.errors import SiteError
from layers.geometry import display_geometry
from layers.imagebatch import ImageBatch
from layers.mapping import embed_map, embed_site_map, index_map, online_tiles, render_map
from layers.output import MARKER_TEXT, check_output, keep_files, staging
from layers.pages import render_article, render_embed, render_index
from layers.payload import (
    SiteTables,
    date_text,
    day_number,
    detail_chunks,
    embed_payload,
    index_payload,
)
from layers.safety import http_url, page_names, script_json, script_string
from layers.slices import SLICED_MIN_EVENTS, sliced_payload
from layers.sourcenames import article_name
from layers.style import category_css, category_styles
from layers.tables import events_frame, mentions_frame, write_tables

__all__ = ["SiteSummary", "build_site"]

_log = logging.getLogger("layers")

DEFAULT_TITLE = "Map of the news"


@dataclass(frozen=True, slots=True)
class SiteSummary:
    """What :func:`build_site` wrote."""

    index_path: Path
    event_count: int
    mention_count: int
    article_count: int
    files: int
    bytes: int
    #: Built sliced (events loaded by date window; see :mod:`layers.slices`).
    sliced: bool = False
    #: Events that got an embed page (and image).
    embed_count: int = 0


ProblemCallback = Callable[[str], None]
ProgressCallback = Callable[[int, int], None]


# --------------------------------------------------------------------------- output folder


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    except OSError as exc:
        raise SiteError(f"cannot write {path}: {exc.strerror or exc}") from exc


# --------------------------------------------------------------------------- inputs


def _docs(articles: Sequence[ArticleDoc], sink: ProblemCallback) -> dict[str, ArticleDoc]:
    docs: dict[str, ArticleDoc] = {}
    for doc in articles:
        if not isinstance(doc, ArticleDoc):
            raise SiteError(f"articles must be ArticleDoc objects, got {type(doc).__name__}")
        if doc.id in docs:
            sink(f"article {doc.id}: given twice; the first one is used")
            continue
        docs[doc.id] = doc
    return docs


def _sorted_events(events: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    if not len(events):
        return events
    # plain lists: indexing the frame row by row cost 0.6 ms an event
    keys = list(
        zip(
            events["start"].tolist(),
            events["end"].tolist(),
            events["title"].tolist(),
            events["id"].tolist(),
            strict=True,
        )
    )
    order = sorted(range(len(events)), key=keys.__getitem__)
    return events.iloc[order].reset_index(drop=True)


def _records(frame: gpd.GeoDataFrame) -> list[tuple[dict[str, Any], Any]]:
    geometry = frame.geometry.name
    rows = frame.drop(columns=[geometry]).to_dict("records")
    return list(zip(rows, frame.geometry, strict=True))


def _embed_records(tables: SiteTables) -> list[tuple[dict[str, Any], Any]]:
    """The events that get an embed page (and image), in the table's order."""
    records = _records(tables.events)
    if tables.embeds is not None:
        records = [r for r in records if r[0]["id"] in tables.embeds]
    return records


def _prepare_shapes(tables: SiteTables) -> None:
    """Compute the events' display shapes now (:func:`layers.geometry.display_geometry`
    remembers them), while the images are drawn: the pages that wait for the images then
    find them ready."""
    for geom in tables.events.geometry:
        if geom is not None and not geom.is_empty:
            display_geometry(geom)


# --------------------------------------------------------------------------- images


#: Size of the static event images, in pixels (what ``layers.images`` draws by default).
IMAGE_SIZE = (1200, 630)


def _image_jobs(
    records: Sequence[tuple[dict[str, Any], Any]], tables: SiteTables, embed_dir: Path
) -> list[tuple[dict[str, Any], Any, Path]]:
    """Each event's image job: its row, its geometry and the PNG's path."""
    return [
        (row, geom, embed_dir / f"{tables.event_files[row['id']]}.png") for row, geom in records
    ]


def _collected_images(
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


# --------------------------------------------------------------------------- pages


def _article_pages(
    root: Path,
    tables: SiteTables,
    title: str,
    sink: ProblemCallback,
) -> None:
    by_article: dict[str, list[dict[str, Any]]] = {}
    if tables.mentions is not None:
        for row, _ in _records(tables.mentions):
            by_article.setdefault(row["article"], []).append(row)
    events_by_article: dict[str, list[dict[str, str]]] = {}
    style_of = {s.key: s for s in tables.styles}
    for row, _ in _records(tables.events):
        seen: set[str] = set()
        for source in row["sources"] or []:
            article = source.get("article")
            if article in tables.docs and article not in seen:
                seen.add(article)
                events_by_article.setdefault(article, []).append(
                    {
                        "id": row["id"],
                        "hash": _event_hash(row, tables.sliced),
                        "title": row["title"],
                        "date": _label(row, sink),
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
        _write(root / "articles" / f"{tables.article_pages[doc_id]}.html", page)


def _event_hash(row: dict[str, Any], sliced: bool) -> str:
    """The main page's hash that opens the event's popup; on a sliced site with the event's
    dates as the window, so that the page loads the slice holding it."""
    ident = f"event={quote(str(row['id']), safe='')}"
    if not sliced:
        return ident
    return f"from={str(row['start'])[:10]}&to={str(row['end'])[:10]}&{ident}"


def _label(row: dict[str, Any], sink: ProblemCallback) -> str:
    try:
        return date_text(row["start"], row["end"], row["date_precision"])
    except SiteError as exc:
        sink(f"event {row['id']}: {exc}")
        return f"{row['start']} – {row['end']}"


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


def _embed_pages(
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
    records = _embed_records(tables)
    alts = images()
    for ident in alts:
        tables.images[ident] = True
    # Every embed page has the same map (same structure, same renumbered ids): render it once.
    parts = render_map(embed_map(tiles=tiles))
    for record in records:
        row, _ = record
        ident = row["id"]
        file = tables.event_files[ident]
        label = _label(row, sink)
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
            full_map=f"../index.html#{_event_hash(row, tables.sliced)}",
            oembed_href=f"{base_url}embed/{file}.json" if base_url else f"{file}.json",
            image=image_url,
            image_alt=alts.get(ident) or _fallback_alt(row, label),
            img_hosts=img_hosts,
        )
        _write(embed_dir / f"{file}.html", page)
        doc = oembed(
            title=row["title"],
            src=src,
            provider_name=title,
            image=(f"{base_url}embed/{file}.png" if base_url else f"embed/{file}.png")
            if has_image
            else None,
            image_size=IMAGE_SIZE if has_image else None,
        )
        _write(embed_dir / f"{file}.json", script_json(doc) + "\n")
        progress()


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


def _whole_map_job(tables: SiteTables, title: str, path: Path) -> tuple[dict[str, Any], Any, Path]:
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


def _whole_map_alt(
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


def _index_page(
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
            _write(
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
        try:
            date_span = date_text(date_range[0], date_range[1], "day")
        except SiteError:
            date_span = None
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
    _write(root / "index.html", page)
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
    _write(root / "embed" / f"{WHOLE_MAP}.html", embed_page)
    doc = oembed(
        title=title,
        src=f"{base_url}embed/{WHOLE_MAP}.html" if base_url else f"embed/{WHOLE_MAP}.html",
        provider_name=title,
        image=(f"{base_url}embed/{image}" if base_url else f"embed/{image}") if alt else None,
        image_size=IMAGE_SIZE if alt else None,
    )
    _write(root / "embed" / f"{WHOLE_MAP}.json", script_json(doc) + "\n")
    for number, details in detail_chunks(detail_tables):
        # Data, not code: JSON (with <, >, & and U+2028/9 escaped) passed to one function.
        _write(
            root / "details" / f"{number}.js",
            f"GeoNewsMap.details({number}, {script_json(details)});\n",
        )


def _chosen_embeds(
    embeds: str | Collection[str] | None,
    ids: Iterable[str],
    sliced: bool,
    sink: ProblemCallback,
) -> frozenset[str] | None:
    """The ids of the events that get an embed page; ``None`` for every event."""
    if embeds is None:
        return frozenset() if sliced else None
    if isinstance(embeds, str):
        if embeds != "all":
            raise SiteError(f"embeds must be 'all' or a collection of event ids, got {embeds!r}")
        return None
    known = set(ids)
    wanted = {str(e) for e in embeds}
    for missing in sorted(wanted - known):
        sink(f"embed {missing!r}: no event has this id; no embed page made for it")
    return frozenset(wanted & known)


def _count(root: Path) -> tuple[int, int]:
    files = 0
    size = 0
    for dirpath, _, filenames in os.walk(root):
        for name in filenames:
            files += 1
            size += (Path(dirpath) / name).stat().st_size
    return files, size


def build_site(
    events: gpd.GeoDataFrame,
    out: str | Path,
    *,
    mentions: gpd.GeoDataFrame | None = None,
    articles: Sequence[ArticleDoc] = (),
    title: str | None = None,
    images: bool = True,
    tiles: Sequence[str] = (),
    base_url: str | None = None,
    sliced: bool | None = None,
    embeds: str | Collection[str] | None = None,
    on_problem: ProblemCallback | None = None,
    on_progress: ProgressCallback | None = None,
) -> SiteSummary:
    """Build the static map site for ``events`` into the folder ``out``.

    ``events`` is an events table (any GeoDataFrame with a geometry and a start date; see
    :func:`layers.read_events` for the defaults of missing columns). ``mentions`` feeds the
    "places mentioned" layer and the highlights on article pages; ``articles`` get one page
    each. ``images`` renders a PNG per event for embeds. ``tiles`` names xyzservices
    providers offered as online base layers (the offline Natural Earth map stays the
    default; the page's CSP then allows images from those hosts only). ``base_url``, the URL
    the site will be served from (ending in ``/``), makes the oEmbed documents' URLs
    absolute.

    ``sliced`` builds the page that loads events by date window (:mod:`layers.slices`);
    ``None`` (the default) does so from :data:`~layers.slices.SLICED_MIN_EVENTS` events.
    ``embeds`` chooses the events that get an embed page (and, with ``images``, a PNG):
    ``"all"``, or a collection of event ids; ``None`` (the default) means every event on a
    site that is not sliced and none on a sliced one (the whole-map embed is always made).
    An id in ``embeds`` that is not in the table is reported through ``on_problem``.

    Problems that do not stop the build (a bad row, a mention whose offsets do not match its
    article) go to ``on_problem`` as one line each. ``on_progress(done, total)`` is called as
    pages are written. ``out`` is replaced only when the build succeeds; a folder that is not
    empty and was not built by this function is never replaced. Raises :class:`SiteError`
    when the site cannot be written.
    """
    sink: ProblemCallback = (
        on_problem if on_problem is not None else lambda m: _log.warning("%s", m)
    )
    out = Path(out)
    if base_url is not None and (not http_url(base_url) or not base_url.endswith("/")):
        raise SiteError(f"base_url must be an http(s) URL ending in '/', got {base_url!r}")
    target = check_output(out)
    tile_layers = online_tiles(tiles)
    img_hosts = sorted({h for t in tile_layers for h in t.hosts})
    site_title = " ".join((title or "").split()) or DEFAULT_TITLE
    event_table = _sorted_events(events_frame(events, on_problem=sink))
    mention_table = mentions_frame(mentions, on_problem=sink) if mentions is not None else None
    docs = _docs(articles, sink)
    if sliced is None:
        sliced = len(event_table) >= SLICED_MIN_EVENTS
    chosen = _chosen_embeds(embeds, event_table["id"], sliced, sink)
    tables = SiteTables(
        events=event_table,
        mentions=mention_table,
        styles=category_styles(event_table["category"]),
        event_files=page_names(event_table["id"], reserved=(WHOLE_MAP,)),
        article_pages=page_names(docs),
        docs=docs,
        embeds=chosen,
        sliced=sliced,
    )
    embed_count = len(event_table) if chosen is None else len(chosen)
    total = embed_count + 3
    done = 0

    def progress() -> None:
        nonlocal done
        done += 1
        if on_progress is not None:
            on_progress(done, total)

    with staging(target) as root:
        embed_dir = root / "embed"
        jobs = _image_jobs(_embed_records(tables), tables, embed_dir) if images else []
        whole = (
            _whole_map_job(tables, site_title, embed_dir / f"{WHOLE_MAP}.png")
            if images and len(event_table)
            else None
        )
        # the images are drawn in worker processes while this one writes the tables and pages
        width, height = IMAGE_SIZE
        batch_jobs = ([whole] if whole is not None else []) + jobs
        with ImageBatch(batch_jobs, width=width, height=height) as batch:
            first = 1 if whole is not None else 0
            if target.is_dir():
                keep_files(target, root)
            copy_assets(root / "assets")
            _write(root / "assets" / CATEGORY_CSS, category_css(tables.styles))
            _write(root / SITE_MARKER, MARKER_TEXT)
            write_tables(event_table, mention_table, root / "data", mention_points=sliced)
            progress()
            _article_pages(root, tables, site_title, sink)
            progress()
            _prepare_shapes(tables)
            _embed_pages(
                root,
                tables,
                title=site_title,
                images=lambda: _collected_images(batch, jobs, first, sink),
                tiles=tile_layers,
                img_hosts=img_hosts,
                base_url=base_url,
                sink=sink,
                progress=progress,
            )
            _index_page(
                root,
                tables,
                title=site_title,
                tiles=tile_layers,
                img_hosts=img_hosts,
                whole_alt=lambda: (
                    _whole_map_alt(batch, whole, site_title, sink) if whole is not None else None
                ),
                base_url=base_url,
                sink=sink,
            )
            progress()
        files, size = _count(root)
    return SiteSummary(
        index_path=out / "index.html",
        event_count=len(event_table),
        mention_count=0 if mention_table is None else len(mention_table),
        article_count=len(docs),
        files=files,
        bytes=size,
        sliced=sliced,
        embed_count=embed_count,
    )
