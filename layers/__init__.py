"""Events table → a layered, date-filtered static map site that works offline.

Every public name is imported on first use, so that reading the table schema
(``layers.schema``) or the tables (``layers.tables``) does not load folium, PIL and the site
code: ``geo extract`` and ``geo resolve`` never draw a map.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from layers.articles import ArticleDoc
    from layers.basemap import BASEMAP_ASSETS, BASEMAP_ATTRIBUTION, land_geometry
    from layers.dates import date_label
    from layers.errors import SiteError
    from layers.geometry import leaflet_coords, unwrap_antimeridian
    from layers.images import event_alt_text, render_event_image, render_event_images
    from layers.schema import CATEGORIES, EVENT_COLUMNS, MENTION_COLUMNS, SOURCE_KEYS
    from layers.site import SiteSummary, build_site
    from layers.tables import (
        PLACE_COLUMNS,
        places_table,
        read_events,
        read_mentions,
        table_text,
        write_tables,
    )

#: Public names and the module each comes from.
_LAZY = {
    "ArticleDoc": "layers.articles",
    "BASEMAP_ASSETS": "layers.basemap",
    "BASEMAP_ATTRIBUTION": "layers.basemap",
    "land_geometry": "layers.basemap",
    "date_label": "layers.dates",
    "SiteError": "layers.errors",
    "leaflet_coords": "layers.geometry",
    "unwrap_antimeridian": "layers.geometry",
    "event_alt_text": "layers.images",
    "render_event_image": "layers.images",
    "render_event_images": "layers.images",
    "CATEGORIES": "layers.schema",
    "EVENT_COLUMNS": "layers.schema",
    "MENTION_COLUMNS": "layers.schema",
    "SOURCE_KEYS": "layers.schema",
    "SiteSummary": "layers.site",
    "SLICED_MIN_EVENTS": "layers.slices",
    "build_site": "layers.site",
    "PLACE_COLUMNS": "layers.tables",
    "places_table": "layers.tables",
    "read_events": "layers.tables",
    "read_mentions": "layers.tables",
    "table_text": "layers.tables",
    "write_tables": "layers.tables",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'layers' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "BASEMAP_ASSETS",
    "BASEMAP_ATTRIBUTION",
    "CATEGORIES",
    "EVENT_COLUMNS",
    "MENTION_COLUMNS",
    "PLACE_COLUMNS",
    "SLICED_MIN_EVENTS",
    "SOURCE_KEYS",
    "ArticleDoc",
    "SiteError",
    "SiteSummary",
    "build_site",
    "date_label",
    "event_alt_text",
    "land_geometry",
    "leaflet_coords",
    "places_table",
    "read_events",
    "read_mentions",
    "render_event_image",
    "render_event_images",
    "table_text",
    "unwrap_antimeridian",
    "write_tables",
]
