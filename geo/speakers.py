"""Places that speak: a place named as one of a coordinated list of places right before a
speech verb ("Tehran and Washington have confirmed", "Seoul and Tokyo said") names its
government, as "Beijing says" does (:attr:`geo.lexicon.Lexicon.speaker`), not where a
happening is: :func:`coordinated_speaker`."""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["MAX_MEMBERS", "coordinated_speaker"]

#: How many further members a coordinated list of places may have after the first.
MAX_MEMBERS = 4

#: What joins two members of a list of places: a comma, "and", or a comma and "and"; "the"
#: may open the next member ("Britain, France and the United States said").
_JOIN = re.compile(r"(?:[ \t]*,[ \t]*(and[ \t]+)?|[ \t]+(and)[ \t]+)(?:the[ \t]+)?")


def coordinated_speaker(
    text: str, end: int, spans: Mapping[int, int], speaker: re.Pattern[str]
) -> bool:
    """True when the place mention that ends at offset ``end`` is followed by further place
    mentions (``spans``: each mention's start to its end), joined by commas and an "and"
    (at most :data:`MAX_MEMBERS`), the last of which stands right before a speech verb
    (``speaker``, matched at its end): "Tehran and Washington have confirmed". A list with no
    "and" is no list ("Kabul, Afghanistan said" is an apposition), and a member that is not a
    place mention ends it ("Kabul and Kandahar, officials said" speaks of no place)."""
    pos = end
    joined = False
    for _ in range(MAX_MEMBERS):
        join = _JOIN.match(text, pos)
        if join is None or join.end() not in spans:
            return False
        joined = joined or join.group(1) is not None or join.group(2) is not None
        pos = spans[join.end()]
        if joined and speaker.match(text, pos) is not None:
            return True
    return False
