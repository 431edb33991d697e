"""The country an outlet's web address tells: evidence of which namesake a town is.

A reader of ``www.irishtimes.ie`` knows the paper is Irish; a town the story names without
its county ("Dundalk", "Lancaster") is then the one in that country unless the text says
otherwise. The country is the outlet's home when its other articles of the batch teach none
(:func:`country_prior`, used by :func:`geo.extraction.outlet_priors` and
:func:`geo.geoparse.analyze_batch`), and it anchors a town of the story's focus or lead
(:func:`geo.focus.anchored`).

:func:`outlet_country` reads the country from the two-letter top-level domain of the
article's outlet (when it is a host name) or of its URL, as listed in
``geo/data/outlet_countries.yaml``: an ISO code, but ``.uk`` is GB, and domains sold for
generic use (``.tv``, ``.io``, ``.co`` …) tell nothing. ``.com``, ``.org`` and the other
generic domains tell nothing either.
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

from geo.outlets import COUNTRY_PREFIX
from geo.vocabulary import load_data

__all__ = ["country_prior", "outlet_country"]

#: A host name: labels of letters, digits and hyphens joined by dots, the last two letters.
_HOST = re.compile(r"(?:[a-z0-9-]+\.)+([a-z]{2})\.?", re.IGNORECASE)


@cache
def _table() -> tuple[dict[str, str], frozenset[str]]:
    """The renamed country-code domains and the generic ones (loaded once)."""
    raw = load_data("outlet_countries.yaml")
    renamed = {str(k).lower(): str(v).upper() for k, v in raw["renamed"].items()}
    return renamed, frozenset(str(d).lower() for d in raw["generic"])


def _host(value: str | None) -> str | None:
    """The host name ``value`` names: itself when it is one ("www.irishtimes.ie"), else the
    host of a URL ("https://www.irishtimes.ie/news/…"); ``None`` for a name ("The Irish
    Times"), an empty or missing value."""
    if not value:
        return None
    value = value.strip()
    if "://" in value:
        try:
            value = urlsplit(value).hostname or ""
        except ValueError:
            return None
    else:
        value = value.split("/", 1)[0]
    return value if _HOST.fullmatch(value) else None


def outlet_country(outlet: str | None, url: str | None = None) -> str | None:
    """The ISO 3166-1 alpha-2 code of the country whose top-level domain the outlet's host
    name (``outlet``, when it is one) or else the article's ``url`` ends with; ``None`` when
    neither is a host with a country-code domain, or the domain is one sold for generic use.
    Never raises: outlet and URL are untrusted text."""
    renamed, generic = _table()
    for value in (outlet, url):
        host = _host(value)
        if host is None:
            continue
        code = host.rstrip(".").rsplit(".", 1)[-1].lower()
        if code in generic:
            return None
        return renamed.get(code, code.upper())
    return None


def country_prior(outlet: str | None, url: str | None = None) -> str | None:
    """The home prior (:mod:`geo.outlets`: ``iso:<code>``) of an outlet the batch teaches no
    home: the country its web address tells (:func:`outlet_country`), or ``None``. Like an
    outlet's home country learned from its articles, it is the home only of an article that
    names or votes for no division: a town placed in another country, where the article
    names no other place of that country, takes its namesake in the outlet's country."""
    code = outlet_country(outlet, url)
    return None if code is None else COUNTRY_PREFIX + code
