"""A lesser city far from a local story: most likely a namesake the gazetteer lacks.

Local news names its county's villages and townships bare ("Brandon", "Kensington" and
"Nelson" in a story of Alexandria and Douglas County, Minnesota; "Weston" beside Torrington and
Waterbury, Connecticut). When the gazetteer holds no place of the name near the story (its
small-town index has none: :func:`geo.nearness.local_namesakes` found nothing), the name
goes to the best-known namesake, a city of the same name hundreds or thousands of kilometres
away (Brandon, Florida; Nelson, New Zealand), and events follow it there.

:func:`drop_lone_cities` drops such a mention when three things hold: the place lies far from
every other place of the article (:func:`geo.nearness.isolated`); the article's other places
form a story of their own (at least :data:`MIN_ANCHORS` towns or counties, each near another
place of the article); and the place is no city a reader knows by its name alone, i.e. not
among Natural Earth's populated places (the source tag :data:`WELL_KNOWN_SOURCE`), which hold
the world's capitals and large or famous cities, nor home to :data:`WELL_KNOWN_PEOPLE`
people ("Nashville", "Toronto", "Moscow" and "Manhattan" named in a local story keep their
place).

On the pool's LGL articles (gold toponyms) the rule drops 6 wrong namesakes and 14 false
recognitions (persons, firms, "moons of Jupiter") and no right place (docs/recognition-and-
events.md, *Lesser cities far from a local story*).
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from geo.nearness import isolated
from geo.toponyms import Recognized

__all__ = ["MIN_ANCHORS", "WELL_KNOWN_PEOPLE", "WELL_KNOWN_SOURCE", "drop_lone_cities"]

#: How many distinct other places (towns or counties, each near another place of the
#: article) make the article a story of its own place.
MIN_ANCHORS = 2
#: The part of a place's ``source`` that marks a city Natural Earth lists as a populated
#: place: a capital or a large or famous city, known by its name alone.
WELL_KNOWN_SOURCE = "ne_10m_populated_places"
#: A city at least this populous is known by its name alone, listed or not ("a man from
#: Manhattan": a borough, no populated place of Natural Earth's).
WELL_KNOWN_PEOPLE = 200_000
#: The kinds of place the rule may drop.
_LESSER_KINDS = frozenset({"city", "town"})
#: The kinds of place that anchor the story.
_ANCHOR_KINDS = frozenset({"city", "town", "county"})


def drop_lone_cities(out: Sequence[Recognized], fixed: AbstractSet[str]) -> list[Recognized]:
    """``out`` without the mentions of a lesser city or town (not :data:`WELL_KNOWN_SOURCE`,
    fewer people than :data:`WELL_KNOWN_PEOPLE`) that lies far from every other place of the
    article (:func:`geo.nearness.isolated`) while at least :data:`MIN_ANCHORS` other towns
    or counties of the article lie near another of its places. Never a mention of a key in
    ``fixed`` (paired or qualified), a qualified one, a demonym, nor one a modifier made a
    derived area of; an article with fewer anchors is returned as it is."""
    anchors = {
        o.base.id: o.toponym.key
        for o in out
        if o.base.kind in _ANCHOR_KINDS and o.place is o.base and not isolated(o, out)
    }
    if len(anchors) < MIN_ANCHORS:
        return list(out)
    drop: set[str] = set()
    kept: set[str] = set()
    for r in out:
        t = r.toponym
        if t.key in drop or t.key in kept:
            continue
        lone = (
            t.key not in fixed
            and not t.demonym
            and t.qualifier is None
            and r.place is r.base
            and r.base.kind in _LESSER_KINDS
            and WELL_KNOWN_SOURCE not in (r.base.source or "")
            and r.base.prominence < WELL_KNOWN_PEOPLE
            and sum(key != t.key for key in anchors.values()) >= MIN_ANCHORS
            and isolated(r, out)
        )
        (drop if lone else kept).add(t.key)
    if not drop:
        return list(out)
    return [r for r in out if r.toponym.key not in drop]
