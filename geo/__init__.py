"""News articles → dated, sourced events on a map::

    import geo
    summary = geo.build(["articles/"], "site")        # articles → site/index.html
    result = geo.extract(["articles/"])                # the events and mentions tables
    geo.geoparse("Drills were held off the coast of South Carolina on Monday.")

The table-building parts (``extract``, ``build``…) import geopandas and ``layers``; they are
loaded on first use so that ``import geo`` and the ``geo`` command start fast.
"""

import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from geo.dates import TimeExpression, find_dates, infer_published
    from geo.errors import GeoError
    from geo.extraction import Extraction, extract
    from geo.geoparse import geoparse, geoparse_batch
    from geo.model import Article, DateRange, Mention
    from geo.page_furniture import boilerplate
    from geo.pipeline import BuildOptions, BuildSummary, build
    from geo.problems import Problem
    from geo.readers import read_articles, sample_paths
    from geo.text import Span, paragraphs, quotes, sentences

__version__ = "0.1.0"

#: Public names, each imported on first use from its module, so that ``import geo`` and the
#: ``geo`` command (``geo --help``, ``geo resolve``) load only what they use.
_LAZY = {
    "Article": "geo.model",
    "BuildOptions": "geo.pipeline",
    "BuildSummary": "geo.pipeline",
    "DateRange": "geo.model",
    "Extraction": "geo.extraction",
    "GeoError": "geo.errors",
    "Mention": "geo.model",
    "Problem": "geo.problems",
    "Span": "geo.text",
    "TimeExpression": "geo.dates",
    "boilerplate": "geo.page_furniture",
    "build": "geo.pipeline",
    "extract": "geo.extraction",
    "find_dates": "geo.dates",
    "geoparse_batch": "geo.geoparse",
    "infer_published": "geo.dates",
    "paragraphs": "geo.text",
    "quotes": "geo.text",
    "read_articles": "geo.readers",
    "sample_paths": "geo.readers",
    "sentences": "geo.text",
}


class _GeoModule(types.ModuleType):
    """The ``geo`` package, whose ``geoparse`` attribute is always the function.

    Importing the submodule ``geo.geoparse`` makes Python set the package's attribute of the
    same name to the module; the property keeps ``geo.geoparse(text)`` working whichever
    was imported first, without importing the geoparser with the package."""

    @property
    def geoparse(self) -> Any:
        from geo.geoparse import geoparse

        return geoparse

    @geoparse.setter
    def geoparse(self, value: Any) -> None:
        """Ignore the import system binding the submodule here."""


sys.modules[__name__].__class__ = _GeoModule


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'geo' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY) | {"geoparse"})


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
    "geoparse_batch",
    "infer_published",
    "paragraphs",
    "quotes",
    "read_articles",
    "sample_paths",
    "sentences",
]
