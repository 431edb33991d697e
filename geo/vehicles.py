"""Vehicles named like places: "a 1993 brown Cadillac", "a 2005 Honda Odyssey", and later in
the same article "the Honda".

Local news names the cars of its crashes and arrests by model year, make and model, and
several makes are also names of places (Honda, Colombia; Toyota, Japan; Cadillac, Michigan;
Lincoln; Mercury). A make of ``geo/data/vehicles.yaml`` after a model year (1900–2099) and at
most one lower-case word is a vehicle, with the capitalised words of its model after it (at
most two, up to a designator or the head of an organisation's or building's name): "a 1991
Honda", "a 1993 brown Cadillac", "a 2003 Honda Accord"; not when a designator follows the
make ("the 2009 Dodge City council"). Once a make or model is a vehicle in
an article, its later uses after a determiner ("a", "the", "his"…, and at most one
lower-case word) are that vehicle too: "The Honda's driver", "driving the Toyota". A make
with no model year ("Honda officials", "a Toyota plant", "drove to Durango") is left to the
recognizer: a make and a model alone ("a red Dodge Durango") were measured and left out, as
"the Lincoln Memorial", "the Honda Center" and "the Ford Foundation" read the same way.
:func:`vehicle_spans` gives the spans.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from geo.scanning import filter_lists
from geo.vocabulary import alternation, load_data

__all__ = ["Span", "vehicle_spans"]

_MODEL_WORD = r"[A-Z0-9][\w-]*"


class Span(NamedTuple):
    """A vehicle's name in a text (offsets into it)."""

    start: int
    end: int


_MODEL = re.compile(rf"[ \t]+({_MODEL_WORD})")


@cache
def _patterns() -> tuple[re.Pattern[str], str]:
    """The model-year pattern (group 1: the make) and the determiner alternation."""
    raw = load_data("vehicles.yaml")
    makes = alternation(raw["makes"])
    determiners = alternation(raw["determiners"])
    year = re.compile(rf"\b(?:19|20)\d\d[ \t]+(?:[a-z]+[ \t]+)?({makes})\b")
    return year, determiners


@cache
def _designators() -> frozenset[str]:
    """Words after a make that make it the name of a place, an organisation or a building
    ("Dodge City", "the Lincoln Memorial"), not a model (lower case)."""
    lists = filter_lists()
    return frozenset(lists.designators | lists.organisation_heads | lists.building_heads)


def _models(text: str, end: int, designators: frozenset[str]) -> list[re.Match[str]]:
    """The capitalised words (at most two) of the model after a make ending at ``end``,
    up to the first designator ("Dodge City")."""
    out: list[re.Match[str]] = []
    while len(out) < 2:
        m = _MODEL.match(text, end)
        if m is None or m.group(1).lower() in designators:
            break
        out.append(m)
        end = m.end()
    return out


def vehicle_spans(text: str) -> list[Span]:
    """The spans of ``text`` that name a vehicle (see the module docstring), in text order,
    not overlapping: each make and model after a model year, and each use of one of their
    words after a determiner."""
    year, determiners = _patterns()
    designators = _designators()
    found: list[Span] = []
    words: set[str] = set()
    for m in year.finditer(text):
        after = _MODEL.match(text, m.end(1))
        if after is not None and after.group(1).lower() in designators:
            continue  # "the 2009 Dodge City council": a place's name, no vehicle
        models = _models(text, m.end(1), designators)
        found.append(Span(m.start(1), models[-1].end() if models else m.end(1)))
        words.add(m.group(1))
        words.update(w.group(1) for w in models if w.group(1)[:1].isalpha())
    if not found:
        return []
    later = re.compile(
        rf"\b(?i:{determiners})[ \t]+(?:[a-z]+[ \t]+)?({alternation(sorted(words))})\b"
    )
    found.extend(Span(m.start(1), m.end(1)) for m in later.finditer(text))
    found.sort()
    out: list[Span] = []
    for span in found:
        if out and span.start < out[-1].end:
            if span.end > out[-1].end:
                out[-1] = Span(out[-1].start, span.end)
            continue
        out.append(span)
    return out
