"""News articles → dated, sourced events on a map.

    >>> import geo
    >>> summary = geo.build(["articles/"], "site")        # articles → site/index.html
    >>> result = geo.extract(["articles/"])                # the events and mentions tables
    >>> geo.geoparse("Drills were held off the coast of South Carolina on Monday.")

The table-building parts (``extract``, ``build``…) import geopandas and ``layers``; they are
loaded on first use so that ``import geo`` and the ``geo`` command start fast.
"""

from typing import Any

from geo.dates import TimeExpression, find_dates, infer_published
from geo.errors import GeoError
from geo.geoparse import geoparse
from geo.model import Article, DateRange, Mention
from geo.problems import Problem
from geo.readers import read_articles, sample_paths
from geo.text import Span, boilerplate, paragraphs, quotes, sentences

__version__ = "0.1.0"

#: Public names loaded on first use, and the module each comes from.
_LAZY = {
    "BuildOptions": "geo.pipeline",
    "BuildSummary": "geo.pipeline",
    "Extraction": "geo.extraction",
    "build": "geo.pipeline",
    "extract": "geo.extraction",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'geo' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "Article",
    "BuildOptions",
    "BuildSummary",
    "DateRange",
    "Extraction",
    "GeoError",
    "Mention",
    "Problem",
    "Span",
    "TimeExpression",
    "__version__",
    "boilerplate",
    "build",
    "extract",
    "find_dates",
    "geoparse",
    "infer_published",
    "paragraphs",
    "quotes",
    "read_articles",
    "sample_paths",
    "sentences",
]
