"""Events table → a layered, date-filtered static map site that works offline."""

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

__all__ = [
    "BASEMAP_ASSETS",
    "BASEMAP_ATTRIBUTION",
    "CATEGORIES",
    "EVENT_COLUMNS",
    "MENTION_COLUMNS",
    "PLACE_COLUMNS",
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
