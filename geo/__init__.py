"""News articles → dated, sourced events on a map."""

from geo.dates import TimeExpression, find_dates, infer_published
from geo.errors import GeoError
from geo.extract import Extraction, extract, extract_events
from geo.geoparse import geoparse
from geo.model import Article, DateRange, Mention
from geo.problems import Problem
from geo.readers import read_articles, sample_paths
from geo.text import Span, boilerplate, paragraphs, quotes, sentences

__version__ = "0.1.0"

__all__ = [
    "Article",
    "DateRange",
    "Extraction",
    "GeoError",
    "Mention",
    "Problem",
    "Span",
    "TimeExpression",
    "__version__",
    "boilerplate",
    "extract",
    "extract_events",
    "find_dates",
    "geoparse",
    "infer_published",
    "paragraphs",
    "quotes",
    "read_articles",
    "sample_paths",
    "sentences",
]
