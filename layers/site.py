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

:func:`build_site` prepares the tables and writes the output folder; the pages are written by
:mod:`layers.articlepages`, :mod:`layers.embedpages` and :mod:`layers.indexpage`.

The build is reproducible (the same input gives the same bytes) and atomic: it writes into a
temporary folder beside ``out`` and swaps it in only when everything succeeded, so a failed
build leaves the previous site as it was.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd

from inputsafe import SITE_MARKER
from layers.articlepages import article_pages
from layers.articles import ArticleDoc
from layers.assets import CATEGORY_CSS, copy_assets
from layers.embedpages import IMAGE_SIZE, collected_images, embed_pages, embed_records, image_jobs
from layers.errors import SiteError
from layers.geometry import display_geometry
from layers.imagebatch import ImageBatch
from layers.indexpage import WHOLE_MAP, index_page, whole_map_alt, whole_map_job
from layers.mapping import online_tiles
from layers.output import MARKER_TEXT, check_output, keep_files, staging, write_page
from layers.payload import (
    SiteTables,
)
from layers.safety import http_url, page_names
from layers.siterows import ProblemCallback
from layers.slices import SLICED_MIN_EVENTS
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


ProgressCallback = Callable[[int, int], None]


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


def _prepare_shapes(tables: SiteTables) -> None:
    """Compute the events' display shapes now (:func:`layers.geometry.display_geometry`
    remembers them), while the images are drawn: the pages that wait for the images then
    find them ready."""
    for geom in tables.events.geometry:
        if geom is not None and not geom.is_empty:
            display_geometry(geom)


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
        jobs = image_jobs(embed_records(tables), tables, embed_dir) if images else []
        whole = (
            whole_map_job(tables, site_title, embed_dir / f"{WHOLE_MAP}.png")
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
            write_page(root / "assets" / CATEGORY_CSS, category_css(tables.styles))
            write_page(root / SITE_MARKER, MARKER_TEXT)
            write_tables(event_table, mention_table, root / "data", mention_points=sliced)
            progress()
            article_pages(root, tables, site_title, sink)
            progress()
            _prepare_shapes(tables)
            embed_pages(
                root,
                tables,
                title=site_title,
                images=lambda: collected_images(batch, jobs, first, sink),
                tiles=tile_layers,
                img_hosts=img_hosts,
                base_url=base_url,
                sink=sink,
                progress=progress,
            )
            index_page(
                root,
                tables,
                title=site_title,
                tiles=tile_layers,
                img_hosts=img_hosts,
                whole_alt=lambda: (
                    whole_map_alt(batch, whole, site_title, sink) if whole is not None else None
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
