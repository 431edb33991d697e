"""Scenes the gazetteer cannot place: a happening told "in the coastal city of Jbeil" or "off
the southern town of Mais al-Jabal" happened at that town, whether or not the gazetteer
holds it. When the recognizer placed no mention on the name, the happening's place is
unknown: another place its sentence names (a foreign desk's dateline, "BEIRUT: … in the
coastal city of Jbeil, northern Beirut") is not where it happened.

The phrase is a preposition of ``scene_prepositions``, "the", up to two lower-case words, a
noun of ``scene_nouns`` (``geo/data/where.yaml``), "of" and a capitalised name; measured on
the pool of LGL/GWN articles and the events gold (docs/recognition-and-events.md, session 30).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from geo.vocabulary import LazyPattern, alternation, load_data

if TYPE_CHECKING:
    from geo.recognize import Recognized

__all__ = ["unplaced_scene"]

#: "in the coastal city of Jbeil": the name is group ``name`` (its first capitalised word
#: is enough to tell whether a mention covers it).
_SCENE = LazyPattern(
    lambda: (
        rf"\b(?i:{alternation(load_data('where.yaml')['scene_prepositions'])})[ \t]+"
        r"the[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}?"
        rf"(?:{alternation(load_data('where.yaml')['scene_nouns'])})[ \t]+of[ \t]+"
        r"(?P<name>[A-Z][\w'’-]*)"
    )
)


def unplaced_scene(text: str, start: int, end: int, mentions: Sequence[Recognized]) -> bool:
    """True when ``text[start:end]`` tells a happening at a named town, village or camp
    ("in the coastal city of Jbeil") on whose name no mention of ``mentions`` (resolved
    mentions of any role) stands: a scene the gazetteer does not hold."""
    for found in _SCENE.finditer(text, start, end):
        lo, hi = found.span("name")
        if not any(m.start < hi and lo < m.end for m in mentions):
            return True
    return False
