"""A lead whose only place is a nation's people: "Starting today, Canadians won't have to …".

Some national news names its country only by its people or its state's bodies: the headline
and the lead hold a demonym and no location ("Canadians won't have to be near a television
…", "Chinese officials ordered …"). :func:`demonym_country` gives such a lead the country,
as the last of :func:`geo.lead_place.lead_place`'s places for a lead that names none, when
the demonym names the people or the state acting, not a thing or a person of the nation ("a
Russian booster rocket", "an Iraqi national found dead", "a Chinese restaurant"): a plural
("Canadians", "Iraqis") or a word of ``demonym_actors`` in ``geo/data/where.yaml`` right
after it ("Chinese officials", "the Lebanese government").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from gazetteer.modifiers import demonym_entry
from geo.clauses import in_spans
from geo.timeline import Timeline
from geo.vocabulary import LazyPattern, alternation, load_data

if TYPE_CHECKING:
    from gazetteer import Place
    from geo.recognize import Recognized

__all__ = ["acting", "demonym_country"]

#: The role of a demonym mention (:data:`geo.model.ROLES`).
_DEMONYM = "demonym"
#: The kind of place a national demonym names.
_COUNTRY = "country"

#: A word for a state's people or bodies right after a demonym ("Chinese officials").
_ACTORS_AFTER = LazyPattern(
    lambda: rf"[ \t]+(?:{alternation(load_data('where.yaml')['demonym_actors'])})\b",
    0,
)


def demonym_country(
    text: str, mentions: Sequence[Recognized], timeline: Timeline, start: int, end: int
) -> Place | None:
    """The country whose people or state ``text[start:end]`` (the headline and the lead)
    names as acting (:func:`acting`), when every demonym mention there outside quotes and
    attributions names that one country; ``None`` otherwise (no such demonym, demonyms of
    two nations, or one of a region: "Texan")."""
    found = [
        m
        for m in mentions
        if start <= m.start < end and m.role == _DEMONYM and _told_here(timeline, m)
    ]
    if not found or any(m.place.id != found[0].place.id for m in found):
        return None
    if found[0].place.kind != _COUNTRY or not any(acting(text, m) for m in found):
        return None
    return found[0].place


def acting(text: str, m: Recognized) -> bool:
    """True when demonym mention ``m`` names a nation's people ("Canadians", "Iraqis": the
    table's word and a plural ending) or its state's bodies ("Chinese officials")."""
    word = text[m.start : m.end]
    if demonym_entry(word) is None and word.endswith("s") and demonym_entry(word[:-1]):
        return True
    return _ACTORS_AFTER.match(text, m.end) is not None


def _told_here(timeline: Timeline, m: Recognized) -> bool:
    """True when mention ``m`` is outside quoted speech and attributions."""
    if timeline.quote_at(m.start) is not None:
        return False
    sent = timeline.sentence(timeline.sentence_index(m.start))
    return not in_spans(m.start, sent.attributions)
