"""Rendering the site's pages from Jinja templates (autoescaped) and adding their CSP.

Every value from the tables goes through Jinja's HTML escaping; data for scripts goes into a
``<script type="application/json">`` block through :func:`layers.safety.script_json`. The
Content-Security-Policy is added last, from the page's final inline scripts.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any
from urllib.parse import quote

import jinja2

from layers.csp import PLACEHOLDER, add_policy
from layers.mapping import MapParts
from layers.placedata import LARGE_PLACE_DEGREES

__all__ = ["render_article", "render_embed", "render_index"]


def _urlencode_all(value: Any) -> str:
    """Percent-encode everything but unreserved characters (for ``#key=value`` fragments)."""
    return quote(str(value), safe="")


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("layers", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["urlencode_all"] = _urlencode_all
    return env


def _render(template: str, **context: Any) -> str:
    text = _environment().get_template(template).render(**context)
    if PLACEHOLDER not in text:  # pragma: no cover - a template bug
        raise RuntimeError(f"{template} lacks the CSP placeholder")
    return text


def render_index(
    parts: MapParts,
    data_json: str,
    *,
    title: str,
    styles: Sequence[Any],
    counts: Sequence[int],
    event_count: int,
    date_span: str | None,
    date_range: tuple[str, str] | None,
    range_days: int,
    places: bool,
    articles: Sequence[dict[str, str]],
    img_hosts: Sequence[str] = (),
    embed: dict[str, str | None] | None = None,
    whole_image: str | None = None,
    oembed_href: str = "embed/index.json",
) -> str:
    """The main page. ``data_json`` must come from :func:`layers.safety.script_json`.

    With ``embed`` (``{"image", "image_alt", "oembed_href"}``), the whole-map embed page
    instead: the same map, filters and data, the side panel hidden, the image as the
    ``<noscript>`` fallback. ``whole_image`` is the URL of that image, offered by the main
    page's "Embed this view" panel; ``oembed_href`` the whole map's oEmbed document, which
    the main page announces so that pasting the site's URL into a CMS embeds the map."""
    html = _render(
        "index.html",
        title=title,
        map=parts,
        data=data_json,
        styles=styles,
        counts=counts,
        event_count=event_count,
        date_span=date_span,
        range=date_range,
        range_days=range_days,
        places=places,
        large_place_degrees=LARGE_PLACE_DEGREES,
        articles=articles,
        article_count=len(articles),
        embed=embed,
        whole_image=whole_image,
        oembed_href=oembed_href,
    )
    return add_policy(html, img_hosts=img_hosts)


def render_embed(
    parts: MapParts,
    data_json: str,
    *,
    title: str,
    event_title: str,
    date_label: str,
    place: str,
    sources: Sequence[dict[str, str | None]],
    full_map: str,
    oembed_href: str,
    image: str | None,
    image_alt: str,
    img_hosts: Sequence[str] = (),
) -> str:
    """One event's embed page."""
    html = _render(
        "embed.html",
        title=title,
        map=parts,
        data=data_json,
        event_title=event_title,
        date_label=date_label,
        place=place,
        sources=sources,
        full_map=full_map,
        oembed_href=oembed_href,
        image=image,
        image_alt=image_alt,
    )
    return add_policy(html, img_hosts=img_hosts)


def render_article(
    *,
    title: str,
    article_title: str,
    outlet: str | None,
    published: str | None,
    published_iso: str | None,
    url: str | None,
    segments: Sequence[Any],
    highlights: Sequence[Any],
    events: Sequence[dict[str, str]],
) -> str:
    """One article's page: no scripts at all."""
    html = _render(
        "article.html",
        title=title,
        article_title=article_title,
        outlet=outlet,
        published=published,
        published_iso=published_iso,
        url=url,
        segments=segments,
        highlights=highlights,
        events=events,
    )
    return add_policy(html, scripts=False)
