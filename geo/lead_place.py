"""Where the lead's happening is (:mod:`geo.lead_event`): :func:`lead_place`.

It promises the place the module docstring of :mod:`geo.lead_event` describes, in this
order: the article's focus; else the first anchored town, or failing that the first
location, that the headline and the lead name outside quotes and attributions, as a place
(not a possessor, a part of a compound, a speaker, nor only where people come from) and by a
preposition the trigger's type accepts; else, for a lead that names no location, the place a
local body the headline or the lead names is named after, the story's one town, its one
county or, failing one, its one first-level division, the first place the next two
sentences tell after a lead of a one-spot happening (not where someone lives, comes from or
was treated), or the outlet's own town. A town the text never says which of its namesakes
it is leaves the lead unplaced (``None``) rather than in the wrong state.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from geo.clauses import COMPOUND, POSSESSIVE, in_spans
from geo.focus import CLUSTER_KM, ORIGIN_BEFORE, Focus, anchored
from geo.focus_reports import one_spot
from geo.lead_demonym import demonym_country
from geo.lead_kind import (
    JOINED,
    opening_start,
    told_by,
)
from geo.lead_towns import covers
from geo.lexicon import Trigger, load_lexicon
from geo.nearness import at_edge_of
from geo.outlet_local import local_town
from geo.scenes import unplaced_scene
from geo.speakers import coordinated_speaker
from geo.timeline import Timeline
from geo.trigger_places import role_fits, treated_at
from geo.vocabulary import LazyPattern, alternation, load_data
from geo.where import load_where_words, place_role
from lonlat.distance import km

if TYPE_CHECKING:
    from gazetteer import Place
    from geo.recognize import Recognized

__all__ = [
    "NEXT_SENTENCES",
    "lead_place",
]


#: The precision of a town or city.
_TOWN = 1

#: How many sentences after a lead that names no place may tell where its one-spot
#: happening was (:func:`_next_place`).
NEXT_SENTENCES = 2

#: Kinds of place too wide to say where a one-spot happening was (:func:`_next_place`).
_WIDE_KINDS = frozenset({"country", "admin1"})

#: The kind of place a story's one county is (:func:`_story_county`).
_COUNTY = "county"

#: The kind of place a story's one first-level division is (:func:`_story_county`).
_DIVISION = "admin1"

#: Kinds of place that may hold the story's county without making it a story of elsewhere.
_HOLDER_KINDS = frozenset({"admin1"})

#: The kinds of outlet home (:func:`geo.extraction.outlet_priors`) that tell which namesake a
#: town of the lead is: a state or province (a country home is ``home_country``'s).
_HOME_KINDS = frozenset({"admin1"})

#: Kinds of town whose possessive names their government ("Moscow's reply").
_CAPITAL_KINDS = frozenset({"capital"})

#: A word for people (``resident_nouns``) after a place, up to two words between ("Hampshire
#: racing driver").
_PEOPLE_AFTER = LazyPattern(
    lambda: (
        r"(?:[ \t]+[a-z][\w-]*){0,2}[ \t]+"
        rf"(?:{alternation(load_data('where.yaml')['resident_nouns'])})\b"
    )
)

#: ``counterpart_nouns`` and "with", then up to five words of a list of parties before a place,
#: none of ``party_list_ends`` ("treaties with Georgia's breakaway Abkhazia and South Ossetia").
_COUNTERPART_BEFORE = LazyPattern(
    lambda: (
        rf"\b(?:{alternation(load_data('where.yaml')['counterpart_nouns'])})[ \t]+with[ \t]+"
        rf"(?:(?!(?:{alternation(load_data('where.yaml')['party_list_ends'])})\b)"
        r"[\w'’.-]+,?[ \t]+){0,5}$"
    ),
    re.IGNORECASE,
)

#: Kinds of place besides towns whose names name a local body ("the Boone County Board").
_BODY_KINDS = frozenset({"county", "admin1"})

#: The rest of a body's name after its place's: capitalised words ("of", "and", "for" may
#: join them) up to a word of ``acting_bodies`` (``geo/data/where.yaml``), which ends it.
_ACTING_BODY = LazyPattern(
    lambda: (
        r"(?:[ \t]+(?:[A-Z][\w'’.-]*|of|and|for|&)){0,4}?[ \t]+"
        rf"(?:{alternation(load_data('where.yaml')['acting_bodies'])})(?![\w-])"
    )
)


def lead_place(
    text: str,
    mentions: Sequence[Recognized],
    timeline: Timeline,
    k: int,
    focus: Focus | None,
    trigger: Trigger | None,
    background: frozenset[int],
    home_country: str | None = None,
    home: Place | None = None,
    own_town: Place | None = None,
    *,
    bodies: bool = False,
) -> tuple[Place, int | None, int | None] | None:
    """The place of the lead's happening and the span of the mention that names it (``None``
    for the focus): the focus; else the first town, or failing that the first location,
    that the headline (:func:`geo.focus.has_headline`) and lead ``k`` name outside quotes
    and attributions, as a place (:func:`_placed`, :func:`_fits`), and not at an offset in
    ``background`` (a place the rule passes told as background). A town among them the
    text does not anchor (:func:`geo.focus.anchored`) is never the place, and leaves the
    lead unplaced unless another of them is an anchored town ("Fishers, swimmers warned" …
    "off the coast of Cape Peron in Rockingham": Rockingham places it)."""
    lead = timeline.sentence(k)
    if unplaced_scene(text, lead.start, lead.end, mentions):
        return None  # "BEIRUT: … in the coastal city of Jbeil": a town the gazetteer lacks
    if focus is not None:
        return focus.place, None, None
    start = opening_start(text, timeline, k)
    told = [
        m
        for m in mentions
        if start <= m.start < lead.end and m.start not in background and _told_here(timeline, m)
    ]
    if not told:
        own = trigger is not None and lead.start <= trigger.start < lead.end
        body = (
            _body_place(text, mentions, timeline, start, lead.end, home_country, home)
            if bodies
            else None
        )
        if own and body is not None:
            # "The Winnipeg Fire Paramedic Service was busy fighting two apartment fires": a
            # body's own act is where the place its name names
            return body.place, body.start, body.end
        if own and not one_spot(trigger):
            return None  # "X told a conference audience …": a happening the lead does not place
        # "Woman's heart started beating again …" … "found at the edge of a river in Béziers"
        town = _story_town(text, mentions, timeline, lead.end, background, home_country, home)
        if town is None and own:
            # "A woman was arrested … after a search at a residence Monday" … "the Henderson
            # County Sheriff's Department": a one-spot happening in the story's one county
            town = _story_county(text, mentions, timeline, lead.end, background)
        if town is None and own:
            # "… inaugurated two mega projects in South Waziristan Agency" (a name the
            # gazetteer lacks) … "part of uplift programme for Federally Administered Tribal
            # Areas": a one-spot happening in the story's one division
            town = _story_county(text, mentions, timeline, lead.end, background, _DIVISION)
        if town is None and own:
            # "A two-car accident here late Friday claimed the life of …" … "Kay, 18, of
            # Paris died …": a one-spot happening's place told right after its lead
            town = _next_place(text, mentions, timeline, k, background, home_country, home)
        if town is None and own_town is not None:
            # "Monday evening's meeting … at the district's central office" in the Norfolk
            # Daily News: a local story that names no town is the outlet's own town's
            town = local_town(text, mentions, own_town)
        if town is None:
            # "Starting today, Canadians won't have to …": a nation's people or state, and no
            # other place, in the headline and the lead
            town = demonym_country(text, mentions, timeline, start, lead.end)
        return None if town is None else (town, None, None)
    unsure = {
        m.start
        for m in told
        if m.place.precision == _TOWN and not _anchored(text, m.place, mentions, home_country, home)
    }
    located = [
        m
        for m in told
        if m.start not in unsure
        and _placed(text, m, mentions)
        and _fits(text, timeline, m, trigger)
        and (trigger is not None or not _home_of(text, m))
        and not _counterpart(text, timeline, m)
    ]
    towns = [m for m in located if m.place.precision == _TOWN]
    if unsure and not towns:
        return None  # a town the text never says which of its namesakes it is
    found = towns[0] if towns else located[0] if located else None
    if found is not None and trigger is not None:
        own = _own_locative(text, timeline, k, located, found, trigger)
        if own is not None:
            found = own
    return None if found is None else (found.place, found.start, found.end)


def _own_locative(
    text: str,
    timeline: Timeline,
    k: int,
    located: Sequence[Recognized],
    found: Recognized,
    trigger: Trigger,
) -> Recognized | None:
    """The place the lead ``k`` gives its own trigger's act by a locative preposition ("… a
    bus plunged into a ravine in northern Peru" under "… Peru bus accident"; "… monitored
    the transit of US warships through the Taiwan Strait") when ``found``, the place the
    lead rule chose, stands in no locative phrase: a subject, a modifier, an owner's name or
    a dateline, the act's actors or the story's name, not where it was. The first such
    town, else the first such place; ``None`` when the trigger is not the lead's, the lead
    places nothing so, ``found`` is itself placed so, or the locative's place is wider than
    ``found``: a town gives way only to a town, and never to a place that holds it (a wider
    name of the same spot: "QINGDAO — … arrived here in the coastal city of Shandong
    province")."""
    lead = timeline.sentence(k)
    if not lead.start <= trigger.start < lead.end:
        return None
    locative = load_lexicon().locative
    if (
        place_role(text, timeline.sentence(timeline.sentence_index(found.start)).start, found)
        in locative
    ):
        return None
    point = found.place.geometry.representative_point()
    town = found.place.precision == _TOWN
    own = [
        m
        for m in located
        if m is not found
        and lead.start <= m.start < lead.end
        and (not town or m.place.precision == _TOWN)
        and place_role(text, lead.start, m) in locative
        and not covers(m.place, point)
        and not at_edge_of(found.place, m.place)
    ]
    towns = [m for m in own if m.place.precision == _TOWN]
    return towns[0] if towns else own[0] if own else None


def _body_place(
    text: str,
    mentions: Sequence[Recognized],
    timeline: Timeline,
    start: int,
    end: int,
    home_country: str | None,
    home: Place | None,
) -> Recognized | None:
    """The first organisation mention in ``text[start:end]`` (the headline and the lead) that
    names a local body (:data:`_ACTING_BODY` after it: "the Dublin Arts Council"), of a town,
    a county or a first-level division, outside quotes and attributions and not as a source
    of the news ("…, the North Charleston Police Department reported"), when every such
    mention there names the same place and, for a town, the text or outlet says which
    namesake it is (:func:`_anchored`); ``None`` otherwise."""
    found = []
    for m in mentions:
        if not start <= m.start < end or m.role != "organisation":
            continue
        if m.place.precision != _TOWN and m.place.kind not in _BODY_KINDS:
            continue
        named = _ACTING_BODY.match(text, m.end)
        if named is not None and not told_by(text, timeline, m.start, named.end()):
            found.append(m)
    if not found or any(m.place.id != found[0].place.id for m in found):
        return None
    first = found[0]
    if first.place.precision == _TOWN and not _anchored(
        text, first.place, mentions, home_country, home
    ):
        return None
    return first


def _story_town(
    text: str,
    mentions: Sequence[Recognized],
    timeline: Timeline,
    after: int,
    background: frozenset[int],
    home_country: str | None = None,
    home: Place | None = None,
) -> Place | None:
    """The town of a story whose headline and lead name no place: the first town the text
    after offset ``after`` names as a location (outside quotes and attributions, as a place,
    not at an offset in ``background``), when every town it so names lies within
    :data:`geo.focus.CLUSTER_KM` of it and the text says which of its namesakes it is
    (:func:`geo.focus.anchored`); ``None`` for a story of several towns or of none."""
    towns = [
        m
        for m in mentions
        if m.start >= after
        and m.place.precision == _TOWN
        and m.start not in background
        and _told_here(timeline, m)
        and _placed(text, m, mentions)
    ]
    if not towns:
        return None
    first = towns[0].place
    centre = first.geometry.representative_point()
    for m in towns[1:]:
        point = m.place.geometry.representative_point()
        if km(point.x, point.y, centre.x, centre.y) > CLUSTER_KM:
            return None
    return first if _anchored(text, first, mentions, home_country, home) else None


def _next_place(
    text: str,
    mentions: Sequence[Recognized],
    timeline: Timeline,
    k: int,
    background: frozenset[int],
    home_country: str | None = None,
    home: Place | None = None,
) -> Place | None:
    """The place of a lead ``k`` that tells a one-spot happening and names none, when the
    headline and the lead name no place and the story no one town or county: the first
    location the :data:`NEXT_SENTENCES` sentences after the lead tell as a place (outside
    quotes and attributions, not a possessor or a speaker, not at an offset in
    ``background``, not where someone lives or was treated: :func:`_lived_or_treated`), unless
    it is a first-level division or a country (too wide to say where; the next one is
    looked at), a town the text does not say which of its namesakes it is, or a place whose
    sentence names another of its kind (:func:`_rival_in_sentence`; then ``None``)."""
    last = timeline.sentence(min(k + NEXT_SENTENCES, len(timeline) - 1)).end
    after = timeline.sentence(k).end
    for m in mentions:
        if m.start < after or m.start in background:
            continue
        if m.start >= last:
            return None
        if not _told_here(timeline, m) or not _placed(text, m, mentions):
            continue
        if m.place.kind in _WIDE_KINDS or _lived_or_treated(text, m):
            continue
        if m.place.precision == _TOWN and not _anchored(
            text, m.place, mentions, home_country, home
        ):
            return None
        if _rival_in_sentence(text, timeline, mentions, m):
            return None  # "in Lexington County and in Richland County": which one?
        return m.place
    return None


def _rival_in_sentence(
    text: str, timeline: Timeline, mentions: Sequence[Recognized], m: Recognized
) -> bool:
    """True when the sentence of mention ``m`` tells, as a place, another place as precise
    as ``m``'s (a second town, a second county; not where someone lives or was treated: "of
    Paris died Saturday in a Dallas hospital"): the sentence does not say which is the
    happening's."""
    i = timeline.sentence_index(m.start)
    sent = timeline.sentence(i)
    return any(
        o.place.id != m.place.id
        and o.place.precision == m.place.precision
        and sent.start <= o.start < sent.end
        and _told_here(timeline, o)
        and _placed(text, o, mentions)
        and not _lived_or_treated(text, o)
        for o in mentions
    )


def _lived_or_treated(text: str, m: Recognized) -> bool:
    """True when mention ``m`` names where someone lives or lived ("Her brother lives in
    Houston": ``residence_verbs`` of ``geo/data/where.yaml``), comes from ("flew in from
    Amarillo": :data:`geo.focus.ORIGIN_BEFORE`) or was treated ("died Saturday in a Dallas
    hospital": :func:`geo.trigger_places.treated_at`): who, not where."""
    lo = max(0, m.start - 40)
    return (
        load_where_words().residence_before.search(text, lo, m.start) is not None
        or ORIGIN_BEFORE.search(text, lo, m.start) is not None
        or treated_at(text, m)
    )


def _anchored(
    text: str,
    place: Place,
    mentions: Sequence[Recognized],
    home_country: str | None,
    home: Place | None,
) -> bool:
    """True when the text or its outlet says which of its namesakes the town ``place`` is
    (:func:`geo.focus.anchored`), or when ``home``, the division the outlet's other articles
    are at home in, holds it: "MANSFIELD — The City Council on Monday authorized …" in a
    paper whose stories are Texas's is Mansfield, Texas."""
    point = place.geometry.representative_point()
    if (
        home is not None
        and home.kind in _HOME_KINDS
        and (covers(home, point) or at_edge_of(place, home))
    ):
        return True  # a coastal town just outside the generalised outline ("Miami man …")
    return anchored(text, place, mentions, home_country)


def _story_county(
    text: str,
    mentions: Sequence[Recognized],
    timeline: Timeline,
    after: int,
    background: frozenset[int],
    kind: str = _COUNTY,
) -> Place | None:
    """The county of a story whose headline and lead name no place and whose body names no
    town: the one county the text after offset ``after`` names as a location (outside quotes
    and attributions, as a place; not only at offsets in ``background``, the places of
    happenings the rule passes told), when every other place it so names, those included,
    is a country or a division that holds the county ("Henderson County, Texas"); ``None``
    for a story of two counties, of a town, or of another kind of place. With ``kind``
    ``admin1``, the same for the story's one first-level division (every other place a
    country that holds it)."""
    located = [
        m
        for m in mentions
        if m.start >= after and _told_here(timeline, m) and _placed(text, m, mentions)
    ]
    named = [m for m in located if m.place.kind == kind]
    if len({m.place.id for m in named}) != 1 or all(m.start in background for m in named):
        return None  # two counties, or one named only as the place of another happening
    county = named[0].place
    point = county.geometry.representative_point()
    for m in located:
        if m.place.id == county.id or m.place.kind == "country":
            continue
        if m.place.kind not in _HOLDER_KINDS or not covers(m.place, point):
            return None  # a town, a region, another state: not the one county's story
    return county


def _told_here(timeline: Timeline, m: Recognized) -> bool:
    """True when mention ``m`` is a location told by the article itself: not in quoted
    speech nor in an attribution ("told Reuters in London")."""
    if m.role != "location" or timeline.quote_at(m.start) is not None:
        return False
    sent = timeline.sentence(timeline.sentence_index(m.start))
    return not in_spans(m.start, sent.attributions)


def _placed(text: str, m: Recognized, mentions: Sequence[Recognized] = ()) -> bool:
    """True unless mention ``m`` is a possessor, a part of a compound or a speaker ("Russia's
    envoy", "Asia-Pacific", "Nairobi said", or one of a list of ``mentions`` that speaks:
    "Tehran and Washington have confirmed"): names of actors and kinds, not places. A town
    that is no capital owns what stands and works in it ("Richmond's Bo Kong Vegetarian
    Restaurant was shut down", "Joliet's building inspector says"): a place (a capital's
    possessive is its government's: "Moscow's reply")."""
    after = text[m.end : m.end + 2]
    if POSSESSIVE.match(after) and not _local_owner(m):
        return False
    if COMPOUND.match(after):
        return False
    if JOINED.search(text, max(0, m.start - 2), m.start):
        return False
    speaker = load_lexicon().speaker
    if speaker.match(text, m.end) is not None:
        return False
    spans = {o.start: o.end for o in mentions}
    return not coordinated_speaker(text, m.end, spans, speaker)


def _home_of(text: str, m: Recognized) -> bool:
    """True when mention ``m`` names a region or a country only as where people come from or
    live, not where a happening is: after "from" ("Dulcimer festival draws fans from across
    U.S.") or before a word for people, up to two words between ("Hampshire racing driver
    Rob Collard has set his goals high"). Never a town: local news is its people's town
    ("Fort Worth teen stabs classmate", "Two Saskatoon teenagers pulled a dog from a
    pond")."""
    if m.place.precision == _TOWN:
        return False
    if ORIGIN_BEFORE.search(text, max(0, m.start - 30), m.start) is not None:
        return True
    return _PEOPLE_AFTER.match(text, m.end) is not None


def _counterpart(text: str, timeline: Timeline, m: Recognized) -> bool:
    """True when mention ``m`` names the other party of an agreement: it follows, in its
    sentence, a word of ``counterpart_nouns`` and "with", with at most five words of a list
    of parties between ("two separate treaties with Georgia's breakaway Abkhazia and South
    Ossetia"): who the agreement is with, not where it was made."""
    lo = max(timeline.sentence(timeline.sentence_index(m.start)).start, m.start - 80)
    return _COUNTERPART_BEFORE.search(text, lo, m.start) is not None


def _local_owner(m: Recognized) -> bool:
    """True when mention ``m`` names a town that is no capital: its possessive names what is
    in it, not an actor."""
    return m.place.precision == _TOWN and m.place.kind not in _CAPITAL_KINDS


def _fits(text: str, timeline: Timeline, m: Recognized, trigger: Trigger | None) -> bool:
    """False when ``trigger``'s sentence places ``m`` by a preposition the trigger's type
    refuses (:func:`geo.trigger_places.role_fits`: "talks on Sudan" name the subject)."""
    if trigger is None:
        return True
    i = timeline.sentence_index(m.start)
    if i != timeline.sentence_index(trigger.start):
        return True
    role = place_role(text, timeline.sentence(i).start, m)
    return role is None or role_fits(text, trigger, m, role, load_lexicon())
