"""A lead's news the rule passes already placed beside it.

A lead whose trigger stands in no report (:func:`geo.lead_event.lead_unreported`) is placed by
:func:`geo.lead_place.lead_place`, most often at its dateline's town. When the headline or
one of the two sentences after the lead places a happening of the lead trigger's own type on
compatible dates by a locative ("RICHMOND, Va. — A party volunteer for four decades has died
at 81. Her family said she died Monday at a hospital in Charlottesville"; "Soldiers clash
with rebels in a southern province" over a lead filed from the region's port city), that
report is the lead's news told with its place, and the dateline's town, when it lies apart from
that place (:func:`placed_apart`), is only where the story was filed (session 41, wplace41).
"""

from __future__ import annotations

from collections.abc import Sequence

from shapely.errors import GEOSException
from shapely.ops import nearest_points

from geo.lexicon import Trigger, load_lexicon
from geo.model import DateRange
from geo.reports import EventReport, dates_compatible
from geo.timeline import Timeline
from lonlat.distance import km as great_circle_km

__all__ = ["TOLD_AFTER", "TOLD_NEAR_KM", "placed_apart", "told_beside"]

#: How many sentences after the lead may tell the lead's news with its place.
TOLD_AFTER = 2

#: The lead's place within this many km of the told report's (or inside it: a coastal town's
#: dateline over "the hurricane … across the country's south") is the same happening's finer place.
TOLD_NEAR_KM = 40.0


def told_beside(
    timeline: Timeline,
    k: int,
    trigger: Trigger,
    dates: DateRange,
    judged: Sequence[EventReport],
) -> EventReport | None:
    """The report of ``judged`` that tells lead ``k``'s happening (told by ``trigger``, dated
    ``dates``) with its place: in the headline or one of the :data:`TOLD_AFTER` sentences
    after the lead, of the trigger's type, on dates compatible with ``dates``, placed by a
    locative preposition (not by another pass's guess); ``None`` when there is none."""
    locative = load_lexicon().locative
    for r in judged:
        if r.type.name != trigger.type.name or r.role not in locative:
            continue
        if r.status != "reported" or not dates_compatible(r.dates, dates):
            continue
        i = timeline.sentence_index(r.char_start)
        if r.headline or k < i <= k + TOLD_AFTER:
            return r
    return None


def placed_apart(lead: EventReport, told: EventReport) -> bool:
    """True when the lead's report stands away from the report that tells its news with its
    place: neither holds the other and they lie more than :data:`TOLD_NEAR_KM` apart (a
    dateline's town 100 km from the hospital a death was at), so the lead's place is only
    where the story was filed; a dateline inside the told country or region, or beside its
    town, is the happening's own finer place and stays."""
    try:
        p, q = nearest_points(lead.place.geometry, told.place.geometry)
    except GEOSException:  # pragma: no cover - invalid geometries
        return False
    return great_circle_km(p.x, p.y, q.x, q.y) > TOLD_NEAR_KM
