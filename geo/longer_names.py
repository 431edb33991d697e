"""A town's name opening a longer capitalised name: "the Paris Walmart", "Dublin Veterans
Park", "Columbus Investigator Gregory Sealock", "the Glendale Galleria".

The recognizer (:meth:`geo.finding.Finding._accept`) drops a name that a capitalised word
follows when that word is no designator, place or organisation's word: it is part of a longer
proper name ("Jordan Peterson", "Paris Hilton"). When the same text names the place of that
name as a location elsewhere ("Paris firefighters … the Paris Walmart store"), the longer
name is one of that town's: the name is a mention with the role ``organisation`` (it names
the place but places no event by itself), and resolution gives it the location's place
(:mod:`geo.resolving`). Not a street named after the town ("Decatur Boulevard", "Malta Road
in Malta": the ``streets`` of ``geo/data/residence.yaml``), nor the first words of a small
town's name the gazetteer has ("Avondale Estates", which :mod:`geo.bare_towns` finds).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

from geo.toponyms import LOCATION, Toponym
from geo.vocabulary import load_data

__all__ = ["towns_in_names"]

#: Up to two capitalised words after a name ("Walmart", "Veterans Park", "Estates").
_NEXT_WORDS = re.compile(r"[ \t]+([A-Z][\w'’-]*)(?:[ \t]+([A-Z][\w'’-]*))?")


@cache
def _street_words() -> frozenset[str]:
    """The street designators of ``geo/data/residence.yaml`` ("Road", "Ave", "Boulevard"),
    lower case."""
    return frozenset(str(w).lower() for w in load_data("residence.yaml")["streets"])


def _a_street_or_town(text: str, start: int, end: int, has_town: Callable[[str], bool]) -> bool:
    """Whether the words after the name ``text[start:end]`` make a street's name ("Decatur
    Boulevard", "DeKalb Ave.") or, with it, a small town's name ("Avondale Estates")."""
    m = _NEXT_WORDS.match(text, end)
    if m is None:
        return False
    words = [w for w in m.groups() if w]
    if words[0].lower() in _street_words():
        return True
    name = text[start:end]
    for w in words:
        name = f"{name} {w}"
        if has_town(name):
            return True
    return False


def towns_in_names(
    text: str,
    organisations: Sequence[tuple[int, int, str]],
    in_names: Sequence[tuple[int, int, str]],
    locations: Sequence[Toponym],
    has_town: Callable[[str], bool],
) -> list[tuple[int, int, str]]:
    """``organisations`` (``(start, end, key)`` of names inside an organisation's name) with
    those of ``in_names`` (names opening a longer capitalised name) whose key is the key of
    one of the ``locations`` of ``text`` in the role ``location``, and after which no street
    designator or small town's name goes on (see the module docstring); in text order,
    overlapping no organisation. ``has_town`` says whether the gazetteer has a small town of
    a name."""
    keys = {t.key for t in locations if t.role == LOCATION}
    taken = [
        n for n in in_names if n[2] in keys and not _a_street_or_town(text, n[0], n[1], has_town)
    ]
    if not taken:
        return list(organisations)
    out: list[tuple[int, int, str]] = []
    for n in sorted([*organisations, *taken]):
        if out and n[0] < out[-1][1]:
            continue
        out.append(n)
    return out
