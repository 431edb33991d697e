"""A local story placed at its outlet's own town.

A local paper tells its town's news without naming the town: "Monday evening's meeting
concerning the future of Sunny Meadow School …" … "organized the meeting at the district's
central office" in the Norfolk Daily News, "The City Council voted Tuesday …". Its reader
knows the town: the paper's own. When the lead rule (:func:`geo.lead_event.lead_report`)
finds no place for a lead that names a happening, :func:`local_town` gives the outlet's own
town (:func:`geo.outlet_towns.settled_town`: the town the outlet's name opens with, of the
namesakes the one in the division the outlet's other articles are at home in), when the text
names no other town (a wire story's dateline, a story of a neighbouring town) and no place
outside the town's own county, division and country.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from geo.lead_towns import covers

if TYPE_CHECKING:
    from gazetteer import Place
    from geo.recognize import Recognized

__all__ = ["local_town"]

#: Kinds of place that may hold the outlet's town without making the story one of elsewhere.
_HOLDER_KINDS = frozenset({"country", "admin1", "county"})
#: The precision of a town or city.
_TOWN = 1


def local_town(text: str, mentions: Sequence[Recognized], own: Place) -> Place | None:
    """``own``, the outlet's settled town, as the place of a story whose headline and lead
    name no place, when every place ``mentions`` name in ``text`` (of any role: "a Grapeland
    man" names another town) is ``own`` itself or a county, division or country that holds
    it; ``None`` otherwise."""
    point = own.geometry.representative_point()
    for m in mentions:
        place = m.place
        if place.id == own.id:
            continue
        if place.precision == _TOWN or place.kind not in _HOLDER_KINDS:
            return None  # another town, a region, a sea: the story may be theirs
        if not covers(place, point):
            return None  # "Johnson County" beside the Kansas City Star: not the paper's town
    return own
