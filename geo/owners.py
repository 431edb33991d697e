"""A country named as the owner of something that stands in another place: "Iran attacks US
air bases in Iraq", "a spate of attacks on US military and diplomatic facilities in Iraq".
The country qualifies the noun after it (whose bases, whose facilities); the place after the
noun is where they are, and so where the happening is (:func:`owner_elsewhere`).

News writes a few countries this way, as a noun before a noun ("US forces", "UK bases");
the others take a demonym ("American bases"), which is never a location. The words are
``owned_place_prepositions`` and ``owned_noun_stops`` of ``geo/data/grammar.yaml``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from geo.vocabulary import LazyPattern, words

if TYPE_CHECKING:
    from geo.recognize import Recognized

__all__ = ["owner_elsewhere"]

#: The kind of place that owns what it names before a noun.
_COUNTRY = "country"

#: Right after the country's name (and the stop of "U.S."): one to five lower-case words (the
#: noun it qualifies, "and" and commas between), none of ``owned_noun_stops`` (a time, a verb,
#: a preposition: "drills near Japan last week in the Sea of Japan" own nothing), then a
#: preposition of ``owned_place_prepositions`` and "the" before the next place.
_OWNED_NOUN = LazyPattern(
    lambda: (
        r"\.?(?:[ \t]+(?!(?:" + words("owned_noun_stops") + r")\b)[a-z][\w-]*,?){1,5}?"
        rf"[ \t]+(?:{words('owned_place_prepositions')})[ \t]+(?:the[ \t]+)?"
    )
)


def owner_elsewhere(text: str, m: Recognized, recognized: Sequence[Recognized]) -> bool:
    """True when mention ``m`` names a country before a noun it qualifies, and the next
    mention, right after that noun and a locative preposition, is a location in another
    country: "attacks on US military and diplomatic facilities in Iraq" (the attacks are in
    Iraq, not in the United States). Not "drills near Japan last week in the Sea of
    Japan" (a time between), nor "attacks on Israel border towns in northern Israel" (the
    next place lies in the country)."""
    if m.place.kind != _COUNTRY or m.place.country is None:
        return False
    found = _OWNED_NOUN.match(text, m.end)
    if found is None:
        return False
    end = found.end()
    nxt = next((r for r in recognized if r.start >= end), None)
    return (
        nxt is not None
        and nxt.start == end
        and nxt.role == "location"
        and nxt.place.country != m.place.country
    )
