"""Place anaphors: "the island" after a locative names the island the article named before.

Wire copy names a place once and then calls it by its kind: "Taiwan has detected 11 Chinese
warships around the island", "China began three days of military exercises around the
island on Saturday". The recognizer takes no mention of "the island", so the drills have no
place of their own and the where-pass leaves them unplaced or at another place of the
sentence. :func:`anaphor_mentions` gives each such phrase a mention of the place it names:
the nearest place named before it as a location (not a demonym nor an organisation's name)
that is a place of the noun's kind (the gazetteer has a place of that kind under its name,
lying at the resolved place, or the text calls it by the noun: "the island of Lampedusa",
"Pingtan island").

Only the nouns of ``place_anaphors`` in ``geo/data/where.yaml`` are read (an island, a
peninsula: a place the text names by its kind rarely has a second of that kind near it);
"the city", "the country" and "the region" name too many things to be read so. The phrase
must follow a locative preposition (``prepositions`` of ``place_anaphors``) and end there
(``compound_heads``): "the island nation", "the island's coast" and "the island of Java" are
no anaphors.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from geo.toponyms import Recognized, Toponym
from geo.vocabulary import alternation, load_data

__all__ = ["anaphor_mentions"]

#: How far (km) a place of the noun's kind under the antecedent's name may lie from the place
#: the antecedent resolved to and still be that place ("Taiwan" the country and the island).
SAME_PLACE_KM = 50.0
#: How far back (characters) the antecedent is looked for.
ANTECEDENT_CHARS = 3000


@dataclass(frozen=True)
class _Anaphors:
    """The data of ``place_anaphors`` in ``where.yaml``: each noun with the gazetteer kinds it
    names, the words after it that make it a modifier, the prepositions before it."""

    kinds: dict[str, frozenset[str]]
    pattern: re.Pattern[str]


@cache
def _anaphors() -> _Anaphors:
    raw = load_data("where.yaml")["place_anaphors"]
    kinds = {str(k).lower(): frozenset(str(v) for v in vs) for k, vs in raw["nouns"].items()}
    pattern = re.compile(
        rf"\b(?i:{alternation(raw['prepositions'])})\s+(the\s+({alternation(kinds)}))"
        # not a modifier nor an owner: "the island nation", "the island's", "the island of"
        rf"(?![\w'’-]|\s+(?:of\b|(?i:{alternation(raw['compound_heads'])})\b))",
    )
    return _Anaphors(kinds=kinds, pattern=pattern)


def _called(text: str, m: Recognized, noun: str) -> bool:
    """True when the text calls the place of ``m`` by ``noun``: "the island of Lampedusa",
    "Pingtan island"."""
    before = text[max(0, m.start - 30) : m.start]
    if re.search(rf"\b{re.escape(noun)}\s+of\s+(?:the\s+)?$", before, re.IGNORECASE):
        return True
    return re.match(rf"\s+{re.escape(noun)}\b", text[m.end : m.end + 20], re.IGNORECASE) is not None


def _of_kind(m: Recognized, kinds: frozenset[str], gazetteer: Any) -> bool:
    """True when the place of ``m`` is of one of ``kinds``, or the gazetteer holds a place of
    one of them under its name at that place ("Taiwan": the country and the island)."""
    if m.place.kind in kinds or m.base.kind in kinds:
        return True
    if gazetteer is None:
        return False
    try:
        found = gazetteer.candidates(m.toponym.name)
    except (AttributeError, ValueError):
        return False
    point = m.base.geometry.representative_point()
    for c in found or ():
        if c.place.kind not in kinds:
            continue
        try:
            geom = c.place.geometry
            if geom.covers(point) or geom.distance(point) * 111.0 <= SAME_PLACE_KM:
                return True
        except (AttributeError, ValueError):
            continue
    return False


def anaphor_mentions(
    text: str, recognized: Sequence[Recognized], gazetteer: Any
) -> list[Recognized]:
    """A location mention for each place anaphor of ``text`` ("around the island"), of the
    place it names: the named place (not a modifier's area) of the nearest location of
    ``recognized`` before it (within :data:`ANTECEDENT_CHARS`) that is a place of the noun's
    kind. The mention spans "the island"; its toponym's name is the noun. An anaphor with no
    such place before it gets none."""
    data = _anaphors()
    locations = sorted((m for m in recognized if m.role == "location"), key=lambda m: m.start)
    out: list[Recognized] = []
    for found in data.pattern.finditer(text):
        start, end = found.span(1)
        noun = found.group(2).lower()
        kinds = data.kinds[noun]
        for m in reversed(locations):
            if m.end > start:
                continue
            if m.end < start - ANTECEDENT_CHARS:
                break
            if _called(text, m, noun) or _of_kind(m, kinds, gazetteer):
                toponym = Toponym(
                    start=start,
                    end=end,
                    name_start=found.start(2),
                    name_end=end,
                    name=found.group(2),
                    key=m.toponym.key,
                )
                # the named place, not a modifier's area ("central Puerto Rico")
                out.append(Recognized(toponym=toponym, place=m.base, base=m.base))
                break
    return out
