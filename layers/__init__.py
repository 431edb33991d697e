"""Events table → a layered, date-filtered static map site that works offline."""

from layers.errors import SiteError
from layers.schema import CATEGORIES, EVENT_COLUMNS, MENTION_COLUMNS, SOURCE_KEYS

__all__ = ["CATEGORIES", "EVENT_COLUMNS", "MENTION_COLUMNS", "SOURCE_KEYS", "SiteError"]
