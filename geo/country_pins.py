"""Small towns pinned by their country without a comma: "sank off X in Italy", "off
Italy's X".

A town under the main index's 15,000 people (:mod:`gazetteer.towns`) is found only where the
text pins it; a comma and a division ("X, Italy") is the usual pin. A country written right
after the name with a link word (``country_links`` of ``geo/data/town_links.yaml``: "X in
Italy") or right before it as a possessive ("Italy's X") pins it as well, when exactly one
town of the name lies in that country. The name must have no main-index place (those are
the recognizer's own) and the country must be the toponym's first reading.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

from gazetteer import Place
from geo.vocabulary import alternation, load_data

__all__ = ["country_town", "name_after_possessive", "name_before_country"]

#: One to three capitalised words (a town's name), at a word start.
_NAME = r"[A-Z](?<![\w.'’-].)[\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}"
#: A possessive "'s" and the name after it.
_POSSESSIVE = re.compile(rf"['’]s[ \t]+({_NAME})")


@cache
def name_before_country() -> re.Pattern[str]:
    """A name, then a link word and a space ("X in "): the country starts at the end."""
    words = load_data("town_links.yaml")["country_links"]
    return re.compile(rf"({_NAME})[ \t]+(?:{alternation(words)})[ \t]+")


def name_after_possessive(text: str, end: int) -> tuple[int, int] | None:
    """The span of the name after a country's possessive ending at ``end`` ("Italy's X"),
    or ``None``."""
    m = _POSSESSIVE.match(text, end)
    return (m.start(1), m.end(1)) if m else None


def country_town(
    towns_named: Callable[[str], Sequence[Place]], name: str, country: Place
) -> Place | None:
    """The one town called ``name`` in ``country`` (a country place), or ``None`` when it
    has none or several."""
    if country.kind != "country":
        return None
    found = [p for p in towns_named(name) if p.kind == "town" and p.country == country.country]
    return found[0] if len(found) == 1 else None
