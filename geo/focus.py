"""The article's focus: the one town a local story is about, and the events it places.

Local news often places a happening only by its dateline or by the town the whole story is
about: "OTTAWA – The bill passed second reading Tuesday…"; "On Friday evening, city police
were called to a downtown hotel" in a story about Winnipeg. :func:`article_focus` finds that
town; :func:`geo.focus_reports.focus_reports` places at it, with role ``focus`` (a lower
confidence), the happenings of sentences that name no place of their own.

The focus is a town or city (never a region or a country: the rule is for local news):

- the place of a wire dateline that opens the text ("OTTAWA –", "GLASGOW, Ky. (WBKO) --");
  a foreign desk's dateline ("BEIRUT (AP) — … Aleppo") leaves the next rule to find the town,
  and so does a bureau's dateline over a story about a town the text names
  :data:`DATELINE_OUTNUMBERED` times as often ("SAN FRANCISCO — A fourth Oakland police
  officer …");
- else the town named in the lead (the first :data:`LEAD_SENTENCES` sentences) that the
  text names at least :data:`MIN_MENTIONS` times, more often than any other town (a town
  named as a local police force or court, "the Glasgow Police Department", counts), and
  that the text tells from its namesakes (a town named where people live counts: "a
  Chapin man", "Jane Doe, 26, of Paris,");
- else the first town the lead names as a place (as a modifier, of a venue only: "a
  Gainesville restaurant", not "a Saskatoon councillor"), when every town of the text lies
  within :data:`CLUSTER_KM` of it (the town and its suburbs: "according to Chicago police …
  of Park Ridge");
- else, given the gazetteer, a small town the lead names as a place that the divisions and
  counties of the text pin down ("A Chapin man died …, the S.C. Highway Patrol reported":
  :mod:`geo.lead_towns`).

The happenings placed at the focus are :mod:`geo.focus_reports`'s. This module promises only
the town: one of point precision (:data:`FOCUS_PRECISION`), or ``None``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gazetteer import Place
from gazetteer.modifiers import demonym_entry
from geo.clauses import ATTRIBUTIVE_BEFORE, is_headline
from geo.datelines import Dateline, dateline_at, find_datelines
from geo.lead_towns import covers, pinned_town
from geo.lexicon import load_lexicon
from geo.timeline import Timeline
from geo.vocabulary import LazyPattern, alternation, load_data
from geo.where import load_where_words, place_role, possessed_place
from lonlat.distance import km

if TYPE_CHECKING:
    from geo.recognize import Recognized

__all__ = [
    "CAPITALISED",
    "CLUSTER_KM",
    "DATELINE_OUTNUMBERED",
    "FOCUS_PRECISION",
    "HEADLINE_WORDS",
    "LEAD_SENTENCES",
    "MIN_MENTIONS",
    "NEIGHBOUR_KM",
    "ORIGIN_BEFORE",
    "Focus",
    "anchored",
    "article_focus",
    "has_headline",
]

#: The lead: the sentences a story's main town must be named in.
LEAD_SENTENCES = 2
#: A town named fewer times than this is no focus (unless it is the dateline's).
MIN_MENTIONS = 2
#: A town this close to the focus confirms which of its namesakes the focus is.
NEIGHBOUR_KM = 150.0
#: A town named fewer than :data:`MIN_MENTIONS` times is the focus when every town of the
#: text lies this close to it (a local story: the town and its suburbs).
CLUSTER_KM = 40.0
#: A first sentence of at most this many words is a headline for the lead, full stop or not
#: ("Hit-and-run defendant makes court appearance."): a story's own first sentence is longer.
HEADLINE_WORDS = 10
#: A wire dateline's town is not the focus when the text names another town this many times
#: as often, in its lead and as a place ("SAN FRANCISCO — A fourth Oakland police officer …"
#: with Oakland named 13 times: the bureau's town; twice as often takes a suspect's home
#: town, "MANASSAS -- A Woodbridge man charged …": session 30).
DATELINE_OUTNUMBERED = 3
#: Kinds of place a focus may be: point places (towns, cities, capitals).
FOCUS_PRECISION = 1

#: A capitalised word: a name, or a demonym ("Canadian").
CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+")
_WORD = re.compile(r"[^\W_][\w'’-]*")
#: A comma or a full stop right after a name: the end of an appositive ("of Paris, was").
_CLAUSE_END = re.compile(r"[,;.](?!\w)")
#: "from", "from across" right before a place (``origin_openers`` in ``geo/data/where.yaml``):
#: where people or things come from.
ORIGIN_BEFORE = LazyPattern(
    lambda: rf"\b(?:{alternation(load_data('where.yaml')['origin_openers'])})[ \t]+(?:the[ \t]+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Focus:
    """The town an article is about: its ``place``, and how it was found (``source``:
    ``dateline``, ``dominant``, ``cluster`` or ``pinned``; ``lead`` for the town of the
    lead's happening, :func:`geo.lead_event.lead_town_reports`; ``story`` for the one town
    the rule passes placed the story at, :func:`geo.focus_reports.story_town`)."""

    place: Place
    source: str
    #: The index of the sentence the dateline opens (``-1`` for a dominant town).
    sentence: int = -1


def article_focus(
    text: str,
    recognized: Sequence[Recognized],
    timeline: Timeline,
    *,
    gazetteer: Any = None,
    home_country: str | None = None,
) -> Focus | None:
    """The focus of the text (see the module docstring), or ``None`` when it has none.
    ``recognized`` may hold mentions of every role: only locations, and towns named as a local
    force or court ("the Glasgow Police Department", "Gainesville Police Officer"), count.
    With a ``gazetteer``, the divisions and counties the text names (in any role: "the S.C.
    Highway Patrol") pin the story's town when the mentions give none: a small town the
    lead names as a place ("A Chapin man died …", :func:`geo.lead_towns.pinned_town`).
    ``home_country`` is the ISO code of the outlet's country, if known
    (:func:`geo.outlet_country.outlet_country`): evidence of which namesake a town is
    (:func:`anchored`)."""
    found = _focus(text, recognized, timeline, home_country)
    if gazetteer is None or len(timeline) == 0:
        return found
    if found is not None:
        return found
    town = pinned_town(text, recognized, _lead_end(text, timeline), gazetteer)
    return None if town is None else Focus(town, "pinned")


def _lead_end(text: str, timeline: Timeline) -> int:
    """Where the lead ends: the headline, when the first sentence is one (or as short as
    one: "Chapin man dies after car strikes tree.", a title the text opens with), and the
    :data:`LEAD_SENTENCES` sentences after it."""
    headline = has_headline(text, timeline)
    return timeline.sentence(min(LEAD_SENTENCES + headline, len(timeline)) - 1).end


def has_headline(text: str, timeline: Timeline) -> bool:
    """True when the first sentence is a headline, or as short as one (at most
    :data:`HEADLINE_WORDS` words: a title the text opens with, full stop and all) and not
    opened by a dateline ("BEIRUT – Rebels were arrested on Monday": the story itself)."""
    first = timeline.sentence(0)
    return is_headline(text, first) or (
        len(_WORD.findall(text, first.start, first.end)) <= HEADLINE_WORDS
        and dateline_at(text, first.start) is None
    )


def _focus(
    text: str,
    recognized: Sequence[Recognized],
    timeline: Timeline,
    home_country: str | None = None,
) -> Focus | None:
    """The focus found from the recognized mentions alone (see :func:`article_focus`)."""
    located = [m for m in recognized if m.role == "location"]
    forces = [m for m in recognized if m.role == "organisation" and _local_force(text, m)]
    # "former U.S. Attorney General …", "the U.S. Army": a country's body says which
    # country the story's towns lie in, as its demonym does (:func:`anchored`)
    anchors = [
        *located,
        *(m for m in recognized if m.role == "organisation" and m.place.kind == "country"),
    ]
    dateline = _find_dateline(text, timeline)
    if dateline is not None:
        found = _dateline_place(dateline, located)
        if found is None or found.precision != FOCUS_PRECISION:
            return None  # "BANTAM — A Danbury mason was arraigned…": a town we cannot place
        if not _leads_abroad(found, located):
            # "BEIRUT (AP) — The evacuation of Aleppo…": the reporter's desk, but the story
            # may still be about one town
            return _dominant_place(text, anchors, forces, timeline, home_country)
        if not _qualified(dateline, located) and not anchored(text, found, anchors, home_country):
            return None  # "SPRINGFIELD —" with no word of which Springfield
        other = _dominant_place(text, anchors, forces, timeline, home_country)
        if other is not None and _outnumbers(other, found, [*located, *forces]):
            # "SAN FRANCISCO — A fourth Oakland police officer …", Oakland named 13 times: the
            # bureau's town, not the story's
            return other
        return Focus(found, "dateline", timeline.sentence_index(dateline.name_start))
    return _dominant_place(text, anchors, forces, timeline, home_country)


def _local_force(text: str, m: Recognized) -> bool:
    """True when mention ``m``, a town inside an organisation's name, names a local police
    force or court ("the Glasgow Police Department", "Gainesville Police Officer …")."""
    return (
        m.place.precision == FOCUS_PRECISION
        and load_where_words().force.match(text, m.end) is not None
    )


def _find_dateline(text: str, timeline: Timeline) -> Dateline | None:
    """The wire dateline (:func:`geo.datelines.dateline_at`) that opens one of the lead's
    sentences (a kicker may come first: "Mason charged. BANTAM — A Danbury mason…"), else
    the one that opens one of the text's first lines (a byline or a date stamp may stand
    between the headline and the dateline: :func:`geo.datelines.find_datelines`), or
    ``None``."""
    for i in range(min(LEAD_SENTENCES, len(timeline))):
        found = dateline_at(text, timeline.sentence(i).start)
        if found is not None:
            return found
    return next(iter(find_datelines(text)), None)


def _dateline_place(found: Dateline, recognized: Sequence[Recognized]) -> Place | None:
    """The place of the dateline ``found``, or ``None`` when no mention resolves it."""
    start, end = found.name_start, found.name_end
    for m in recognized:
        if m.start >= end:
            break
        if start <= m.start < end:
            return m.place
    return None


def _outnumbers(other: Focus, dateline: Place, recognized: Sequence[Recognized]) -> bool:
    """True when ``other``, a town the text names more often than any other (source
    ``dominant``, not a cluster's one mention), is not the ``dateline``'s place and the
    ``recognized`` mentions name it at least :data:`DATELINE_OUTNUMBERED` times as often as
    the dateline's place (the dateline's own name included)."""
    if other.source != "dominant" or other.place.id == dateline.id:
        return False
    counts = Counter(m.place.id for m in recognized)
    return counts[other.place.id] >= DATELINE_OUTNUMBERED * max(1, counts[dateline.id])


def _qualified(dateline: Dateline, recognized: Sequence[Recognized]) -> bool:
    """True when the dateline's place mention takes in its qualifier ("LONDON, Ky.",
    "TBILISI, Georgia"): the recognizer resolved the name inside it."""
    if dateline.qualifier is None:
        return False
    end = dateline.name_end
    return any(m.start < end < m.end for m in recognized)


def _leads_abroad(place: Place, recognized: Sequence[Recognized]) -> bool:
    """True when the text names towns of the country of ``place`` more often than towns of
    any other country (a foreign desk's dateline heads a story about another country)."""
    counts = Counter(m.place.country for m in recognized if m.place.precision == FOCUS_PRECISION)
    own = counts.pop(place.country, 0)
    return own > max(counts.values(), default=0)


def _dominant_place(
    text: str,
    recognized: Sequence[Recognized],
    forces: Sequence[Recognized],
    timeline: Timeline,
    home_country: str | None = None,
) -> Focus | None:
    """The town the text names in its lead, in a locative use, and more often than any
    other town, that the text (or the outlet's ``home_country``) tells from its namesakes.
    ``forces`` are towns named as a local police force or court: they count as placed uses
    of the town."""
    if len(timeline) == 0:
        return None
    headline = has_headline(text, timeline)
    # a headline comes before the lead: "Rome mayor's aide arrested" then two sentences
    lead_end = _lead_end(text, timeline)
    towns = sorted(
        [*(m for m in recognized if m.place.precision == FOCUS_PRECISION), *forces],
        key=lambda m: m.start,
    )
    counts = Counter(m.place.id for m in towns)
    if not counts:
        return None
    ranked = counts.most_common(2)
    top, n = ranked[0]
    if n < MIN_MENTIONS or (len(ranked) > 1 and ranked[1][1] >= n):
        return _local_cluster(
            text, recognized, forces, towns, timeline, headline, lead_end, home_country
        )
    named = [m for m in towns if m.place.id == top]
    if named[0].start >= lead_end:
        return None
    if not any(m in forces or _placed_use(text, timeline, m, headline) for m in named):
        return None  # "Richard Spencer said…": a name that is only ever a person's
    place = named[0].place
    if not anchored(text, place, recognized, home_country):
        return None  # "London police" with no word of which London
    return Focus(place, "dominant")


def _local_cluster(
    text: str,
    recognized: Sequence[Recognized],
    forces: Sequence[Recognized],
    towns: Sequence[Recognized],
    timeline: Timeline,
    headline: bool,
    lead_end: int,
    home_country: str | None = None,
) -> Focus | None:
    """The first town the lead names as a place, when every town the text names lies within
    :data:`CLUSTER_KM` of it ("according to Chicago police … of Park Ridge … on the Near North
    Side"): a local story about one town, named once; or ``None``. A far town named only as
    where someone or something came from (:func:`_origin`: "who came from Camp Lejeune,
    N.C., for the service") is no other place of the story."""
    first = next(
        (
            m
            for m in towns
            if m.start < lead_end
            and (m in forces or _placed_use(text, timeline, m, headline, venues_only=True))
        ),
        None,
    )
    if first is None:
        return None
    centre = first.place.geometry.representative_point()
    if any(_km(m.place, centre) > CLUSTER_KM and not _origin(text, m) for m in towns):
        return None
    if not anchored(text, first.place, recognized, home_country):
        return None
    return Focus(first.place, "cluster")


def _origin(text: str, m: Recognized) -> bool:
    """True when mention ``m`` stands right after a word of origin (``origin_openers`` in
    ``geo/data/where.yaml``: "from", "from across"): where people or things come from."""
    return ORIGIN_BEFORE.search(text, max(0, m.start - 30), m.start) is not None


def _placed_use(
    text: str,
    timeline: Timeline,
    m: Recognized,
    headline: bool = False,
    *,
    venues_only: bool = False,
) -> bool:
    """True when mention ``m`` is used as a place: after a locative preposition ("in
    Winnipeg"; with ``venues_only``, not after a verb of residence: "who grew up in
    Oceanside"), before a police force or court ("Winnipeg police"), as the modifier of a
    noun ("a Winnipeg jail", "the London event"; with ``venues_only``, only of a venue or a
    place noun: "a Gainesville restaurant", not "a Saskatoon councillor"), as the owner of a
    place noun ("Harare's Third Street"), or anywhere in the headline (when ``headline``: the
    first sentence is one), which names where the story is ("Rome mayor's aide arrested")."""
    k = timeline.sentence_index(m.start)
    if headline and k == 0:
        return True
    sent = timeline.sentence(k)
    role = place_role(text, sent.start, m)
    if venues_only and _lived_in(text, m):
        return False  # "Kasey Cohen, who grew up in Oceanside, … will appear": a person's town
    if role in load_lexicon().locative or role == "force":
        return True
    if possessed_place(text, m.end) is not None:
        return True  # "Harare's Third Street will be renamed": a part of the town
    if not venues_only and _resident_use(text, m):
        return True  # "a Chapin man died", "Ashley Evans, 26, of Paris, was": a town's people
    if ATTRIBUTIVE_BEFORE.search(text, max(0, m.start - 20), m.start) is None:
        return False
    return not venues_only or load_where_words().venue_after.match(text, m.end) is not None


def _lived_in(text: str, m: Recognized) -> bool:
    """True when mention ``m`` follows a verb of residence and its preposition
    (``residence_verbs``: "who grew up in Oceanside", "moved to Dallas"): where someone lives
    or lived, not where the story is."""
    words = load_where_words()
    return words.residence_before.search(text, max(0, m.start - 40), m.start) is not None


def _resident_use(text: str, m: Recognized) -> bool:
    """True when mention ``m`` says where people live: a count before it and a resident noun
    after it ("a Chapin man", "two Alexandria teens"; not "the Spencer family"), or ", of"
    before it and a comma or a full stop after it ("Ashley Evans, 26, of Paris, was")."""
    words = load_where_words()
    if words.resident_after.match(text, m.end) is not None:
        return words.resident_count.search(text, max(0, m.start - 12), m.start) is not None
    return (
        words.resident_of.search(text, max(0, m.start - 8), m.start) is not None
        and _CLAUSE_END.match(text, m.end) is not None
    )


def anchored(
    text: str,
    place: Place,
    recognized: Sequence[Recognized],
    home_country: str | None = None,
) -> bool:
    """True when the text says which of its namesakes ``place`` is: it names a country, a
    division or a county that holds it ("Lexington County"), another town within
    :data:`NEIGHBOUR_KM` of it ("east London", "Enfield" beside Edmonton), a compass part of
    another place that holds it ("north Georgia": :func:`_part_of_other`), the demonym of its
    country ("Canadian"), or the place itself with a qualifier ("Churchill, Man."); or when
    ``place`` lies in ``home_country``, the ISO code of the country the outlet's web address
    tells (:func:`geo.outlet_country.outlet_country`: "Dundalk" in an Irish paper); or when
    ``place`` is a small town (:mod:`gazetteer.towns`, kind ``town``): the gazetteer gives
    one only where a qualifier, a link, the story's divisions or its outlet pin it down
    (:mod:`geo.bare_towns`)."""
    if home_country is not None and place.country == home_country:
        return True
    if place.kind == "town":
        return True  # a small town is placed only where the text or outlet pins it down
    centre = place.geometry.representative_point()
    for m in recognized:
        if m.place.id == place.id:
            if m.toponym.qualifier is not None:
                return True  # "born in Churchill, Man.": the text says which one
            continue
        if m.place.kind in _ANCHOR_KINDS and covers(m.place, centre):
            return True
        if m.place.kind == "county" and covers(m.place, centre):
            return True  # "near West Columbia, Lexington County"
        if _part_of_other(m.place, place) and covers(m.place, centre):
            return True  # "pushed toward metro Atlanta" … "in most of north Georgia"
        if m.place.precision == FOCUS_PRECISION and _km(m.place, centre) <= NEIGHBOUR_KM:
            return True
    for word in CAPITALISED.finditer(text):
        entry = demonym_entry(word.group())
        if entry is not None and entry.kind == "country" and entry.country == place.country:
            return True
    return False


def _part_of_other(part: Place, place: Place) -> bool:
    """True when ``part`` is a compass part of a place other than ``place`` ("north
    Georgia", "Northeast Texas"): a part of a state says which namesake a town in it is; a
    part of the town itself ("north Gainesville") says nothing more than its name. Read from
    the derived place's id (``derived:<rule>:<qualifier>:<base id>``,
    :mod:`gazetteer.workarea`), so that no other derived area is drawn to tell."""
    if part.kind != "derived":
        return False
    parts = part.id.split(":", 3)
    return len(parts) == 4 and parts[1] == _COMPASS and parts[3] != place.id


#: The rule of a derived area that is a compass part of its base ("north Georgia").
_COMPASS = "compass"


def _km(place: Place, centre: Any) -> float:
    point = place.geometry.representative_point()
    return km(point.x, point.y, centre.x, centre.y)


_ANCHOR_KINDS = frozenset({"country", "admin1"})
