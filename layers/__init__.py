"""Events table → a layered, date-filtered static map site that works offline."""

from layers.basemap import BASEMAP_ASSETS, BASEMAP_ATTRIBUTION, land_geometry
from layers.dates import date_label
from layers.errors import SiteError
from layers.schema import CATEGORIES, EVENT_COLUMNS, MENTION_COLUMNS, SOURCE_KEYS

__all__ = [
    "BASEMAP_ASSETS",
    "BASEMAP_ATTRIBUTION",
    "CATEGORIES",
    "EVENT_COLUMNS",
    "MENTION_COLUMNS",
    "SOURCE_KEYS",
    "SiteError",
    "date_label",
    "land_geometry",
]
