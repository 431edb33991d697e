"""The article's focus: the one town a local story is about, and the events it places.

Local news often places a happening only by its dateline or by the town the whole story is
about: "OTTAWA – The bill passed second reading Tuesday…"; "On Friday evening, city police
were called to a downtown hotel" in a story about Winnipeg. :func:`article_focus` finds that
town; :func:`focus_reports` places at it, with role ``focus`` (a lower confidence), the
happenings of sentences that name no place of their own.

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

A happening is placed at the focus only when all of these hold (each measured on the events
gold and on LGL; see docs/recognition-and-events.md):

- its trigger is of a type that happens at one spot (``focus_types`` in
  ``geo/data/where.yaml``: an arrest, a crash, a rally, a vote, a meeting; not a statement,
  a flood or a war);
- the clause reports it as done (not planned, negated, named as background) and dates it by
  its own sentence to a day or a week (a month or a year is background) no longer than
  :data:`RECENT_DAYS` before publication, or to a day longer before (an old crime the
  story retells with its day; not a death: :func:`_retold`); or, undated, it is told by a
  past verb in the sentence the dateline opens ("SEVERN, Md. — A Severn man was arrested
  after …": the day's news, dated around publication), or, for a focus the mentions give
  (not a dateline), in the lead, the first sentence after the headline ("Jane Doe, 19, of
  Alexandria, was arrested and charged with arson."; :func:`news_sentence`);
- it is outside quotes and attributions;
- its sentence holds no report and names no place but the focus itself or a country,
  first-level division or county that holds it ("the U.S. Attorney's Office", "an Anderson
  County deputy"), and no demonym ("from Montreal", "Russian"): such a sentence is about
  somewhere else, or its place was rightly refused;
- the focus places at most one happening per sentence, and per trigger group and day (a
  second arrest on another day is another happening: a town's police log), those dated
  by their own sentence before the dateline's undated news; in a sentence, a death
  (``focus_outcome_types``) after the happening that caused it ("found dead … in an apparent
  murder-suicide").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from gazetteer import Place
from gazetteer.modifiers import demonym_entry
from geo.clauses import ATTRIBUTIVE_BEFORE, Sentence, in_spans, is_headline
from geo.datelines import Dateline, dateline_at
from geo.lead_towns import covers, pinned_town
from geo.lexicon import Trigger, load_lexicon
from geo.reports import EventReport, around_publication, news_week
from geo.timeline import Timeline
from geo.vocabulary import LazyPattern, alternation, load_data
from geo.where import load_where_words, place_role, possessed_place
from lonlat.distance import km

if TYPE_CHECKING:
    from geo.model import DateRange
    from geo.recognize import Recognized

__all__ = [
    "CLUSTER_KM",
    "DATELINE_OUTNUMBERED",
    "HEADLINE_WORDS",
    "LEAD_SENTENCES",
    "MIN_MENTIONS",
    "NEIGHBOUR_KM",
    "ORIGIN_BEFORE",
    "RECENT_DAYS",
    "Focus",
    "anchored",
    "article_focus",
    "focus_reports",
    "has_headline",
    "news_sentence",
    "one_spot",
    "placed_report",
    "story_town",
    "town_reports_after",
]

#: The lead: the sentences a story's main town must be named in.
LEAD_SENTENCES = 2
#: A town named fewer times than this is no focus (unless it is the dateline's).
MIN_MENTIONS = 2
#: A happening dated more than this many days before publication is not placed by the focus
#: (the town a story is about now need not be where it happened years ago).
RECENT_DAYS = 366
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
_FOCUS_PRECISION = 1

_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+")
_WORD = re.compile(r"[^\W_][\w'’-]*")
#: A comma or a full stop right after a name: the end of an appositive ("of Paris, was").
_CLAUSE_END = re.compile(r"[,;.](?!\w)")
#: A trigger told by a verb in the past ("arrested", "was charged with"), not by a noun.
_PAST_FORM = re.compile(r"\w+ed\b")
#: How many characters before a trigger may hold the description of a landmark of time.
_LANDMARK_REACH = 40
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
    the rule passes placed the story at, :func:`story_town`)."""

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
    dateline = _find_dateline(text, timeline)
    if dateline is not None:
        found = _dateline_place(dateline, located)
        if found is None or found.precision != _FOCUS_PRECISION:
            return None  # "BANTAM — A Danbury mason was arraigned…": a town we cannot place
        if not _leads_abroad(found, located):
            # "BEIRUT (AP) — The evacuation of Aleppo…": the reporter's desk, but the story
            # may still be about one town
            return _dominant_place(text, located, forces, timeline, home_country)
        if not _qualified(dateline, located) and not anchored(text, found, located, home_country):
            return None  # "SPRINGFIELD —" with no word of which Springfield
        other = _dominant_place(text, located, forces, timeline, home_country)
        if other is not None and _outnumbers(other, found, [*located, *forces]):
            # "SAN FRANCISCO — A fourth Oakland police officer …", Oakland named 13 times: the
            # bureau's town, not the story's
            return other
        return Focus(found, "dateline", timeline.sentence_index(dateline.name_start))
    return _dominant_place(text, located, forces, timeline, home_country)


def _local_force(text: str, m: Recognized) -> bool:
    """True when mention ``m``, a town inside an organisation's name, names a local police
    force or court ("the Glasgow Police Department", "Gainesville Police Officer …")."""
    return (
        m.place.precision == _FOCUS_PRECISION
        and load_where_words().force.match(text, m.end) is not None
    )


def _find_dateline(text: str, timeline: Timeline) -> Dateline | None:
    """The wire dateline (:func:`geo.datelines.dateline_at`) that opens one of the lead's
    sentences (a kicker may come first: "Mason charged. BANTAM — A Danbury mason…"), or
    ``None``."""
    for i in range(min(LEAD_SENTENCES, len(timeline))):
        found = dateline_at(text, timeline.sentence(i).start)
        if found is not None:
            return found
    return None


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
    counts = Counter(m.place.country for m in recognized if m.place.precision == _FOCUS_PRECISION)
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
        [*(m for m in recognized if m.place.precision == _FOCUS_PRECISION), *forces],
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
    Winnipeg"), before a police force or court ("Winnipeg police"), as the modifier of a
    noun ("a Winnipeg jail", "the London event"; with ``venues_only``, only of a venue or a
    place noun: "a Gainesville restaurant", not "a Saskatoon councillor"), as the owner of a
    place noun ("Harare's Third Street"), or anywhere in the headline (when ``headline``: the
    first sentence is one), which names where the story is ("Rome mayor's aide arrested")."""
    k = timeline.sentence_index(m.start)
    if headline and k == 0:
        return True
    sent = timeline.sentence(k)
    role = place_role(text, sent.start, m)
    if role in load_lexicon().locative or role == "force":
        return True
    if possessed_place(text, m.end) is not None:
        return True  # "Harare's Third Street will be renamed": a part of the town
    if not venues_only and _resident_use(text, m):
        return True  # "a Chapin man died", "Ashley Evans, 26, of Paris, was": a town's people
    if ATTRIBUTIVE_BEFORE.search(text, max(0, m.start - 20), m.start) is None:
        return False
    return not venues_only or load_where_words().venue_after.match(text, m.end) is not None


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
    :data:`NEIGHBOUR_KM` of it ("east London", "Enfield" beside Edmonton), the demonym of its
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
        if m.place.precision == _FOCUS_PRECISION and _km(m.place, centre) <= NEIGHBOUR_KM:
            return True
    for word in _CAPITALISED.finditer(text):
        entry = demonym_entry(word.group())
        if entry is not None and entry.kind == "country" and entry.country == place.country:
            return True
    return False


def _km(place: Place, centre: Any) -> float:
    point = place.geometry.representative_point()
    return km(point.x, point.y, centre.x, centre.y)


_ANCHOR_KINDS = frozenset({"country", "admin1"})
#: How a focus found from the text's mentions (not a dateline, not a happening) was found.
_MENTION_SOURCES = frozenset({"dominant", "cluster", "pinned"})
#: Places that hold the focus without naming another spot ("an Anderson County deputy").
_HOLDING_KINDS = frozenset({"country", "admin1", "county"})


def focus_reports(
    text: str,
    focus: Focus,
    triggers: Sequence[Trigger],
    located_sentences: set[int],
    recognized: Sequence[Recognized],
    timeline: Timeline,
    read: Callable[[Sentence, Trigger], Any],
    *,
    article: str | None = None,
) -> list[EventReport]:
    """The happenings placed at ``focus`` (see the module docstring). ``read(sent, trig)``
    says how the trigger's clause presents it: ``None`` when it did not happen, else an object
    with ``mood`` and the ``subordinate``/``named`` background flags."""
    # (undated, position, trigger, sentence index, dates, date source) of each placeable one
    placeable: list[tuple[bool, int, Trigger, int, Any, str]] = []
    news = news_sentence(text, focus, timeline)
    for t in triggers:
        if not one_spot(t):
            continue
        i = timeline.sentence_index(t.start)
        if i in located_sentences or i >= len(timeline):
            continue
        sent = timeline.sentence(i)
        if in_spans(t.start, sent.attributions) or timeline.quote_at(t.start) is not None:
            continue
        if _names_elsewhere(text, sent, focus, recognized, timeline):
            continue
        reading = read(sent, t)
        if reading is None or reading.mood != "reported" or reading.named:
            continue
        dates, source = timeline.own_date(t.start)
        if reading.subordinate and not _dated_subordinate(text, sent, t, dates, source):
            continue
        undated = dates is None
        if undated and i == news and _PAST_FORM.search(t.form):
            # "SEVERN, Md. (ABC7) — A Severn man was arrested after …": the dateline's own
            # sentence (or the lead of a story about the focus) tells the news of the day,
            # dated like any undated report, around publication; a noun ("to close the case
            # involving the murders of …") may name an old happening
            dates, source = timeline.date_at(t.start)
            if source != "published" or timeline.published is None:
                dates = None
            else:
                dates = around_publication(timeline.published)
        elif dates is not None and not (
            _recent(dates, timeline) or _retold(dates, source, t, timeline)
        ):
            dates = None
        if dates is not None:
            placeable.append((undated, t.start, t, i, dates, source))
    # the dated first: "CLINTON — A town couple was charged …" gives way to "In a police raid
    # at their home Thursday, the couple were arrested", the day it happened
    taken: dict[str, list[Any]] = {}
    out: list[EventReport] = []
    outcomes = load_where_words().focus_outcome_types
    # within a sentence, a death yields to the happening that caused it ("found dead … in an
    # apparent murder-suicide")
    order = sorted(placeable, key=lambda c: (c[0], c[3], c[2].type.name in outcomes, c[1]))
    for undated, _, t, i, dates, source in order:
        # an undated happening may lie anywhere in the week of news: one of its kind dated
        # in it is the same one told with its day
        seen = news_week(timeline.published) if undated and timeline.published else dates
        if i in located_sentences or not _another_day(seen, taken.get(t.type.group, ())):
            continue
        taken.setdefault(t.type.group, []).append(dates)
        located_sentences = {*located_sentences, i}  # one happening per sentence
        sent = timeline.sentence(i)
        out.append(placed_report(text, t, sent, focus.place, dates, source, article, role="focus"))
    return sorted(out, key=lambda r: r.char_start)


def news_sentence(text: str, focus: Focus, timeline: Timeline) -> int:
    """The index of the sentence that tells the day's news of a story about ``focus``, whose
    undated past happening is dated around publication: the sentence the dateline opens;
    for a focus its mentions give (``dominant``, ``cluster``, ``pinned``), the lead
    (:meth:`Timeline.lead_index`; the sentence after a headline the timeline took for the
    lead, "Alexandria woman charged in connection with fire."); ``-1`` for a town a
    happening gave (``lead``, ``story``), whose own sentence is the news."""
    if focus.source == "dateline":
        return focus.sentence
    if focus.source not in _MENTION_SOURCES:
        return -1
    k = timeline.lead_index()
    if k == 0 and len(timeline) > 1 and has_headline(text, timeline):
        k = 1
    return -1 if k is None else k


def town_reports_after(
    text: str,
    anchor: EventReport,
    source: str,
    triggers: Sequence[Trigger],
    located_sentences: set[int],
    recognized: Sequence[Recognized],
    timeline: Timeline,
    read: Callable[[Sentence, Trigger], Any],
) -> list[EventReport]:
    """The happenings of the sentences after ``anchor`` (a report placed at a town) placed at
    its town as at a focus found by ``source`` (:func:`focus_reports`: a dated one-spot
    happening of a sentence that names no other place): "A judge ruled Monday that Columbia
    taxpayers owe …" after "Columbia will have to pay firm for hotel"; "Police have
    identified a man who was killed in a shooting early Saturday" after a report of the
    story's one town. An anchor at a county places as a town does (``story_area_kinds``);
    nothing for an anchor placed at a region or a country."""
    if not _story_place(anchor.place):
        return []
    k = timeline.sentence_index(anchor.char_start)
    found = focus_reports(
        text,
        Focus(anchor.place, source),
        triggers,
        located_sentences | {k},
        recognized,
        timeline,
        read,
        article=anchor.article,
    )
    return [r for r in found if timeline.sentence_index(r.char_start) > k]


def _story_place(place: Place) -> bool:
    """True for a town, or an area of ``story_area_kinds`` (a county): a place that may be a
    story's one place for the happenings after its report."""
    return place.precision == _FOCUS_PRECISION or place.kind in load_where_words().story_area_kinds


def story_town(reports: Sequence[EventReport]) -> EventReport | None:
    """The first of ``reports`` (the rule passes' reports of an article in text order) placed
    at a town, when every one of them placed at a town is placed at that one: the story's
    town (``None`` for a story of several towns). With no town, the same of the reports
    placed at an area of ``story_area_kinds`` (a county: "arraigned Tuesday" in a sheriff's
    story of Henderson County); ``None`` for a story of none."""
    placed = [r for r in reports if r.place.precision == _FOCUS_PRECISION]
    if not placed:
        kinds = load_where_words().story_area_kinds
        placed = [r for r in reports if r.place.kind in kinds]
    if not placed or any(r.place.id != placed[0].place.id for r in placed):
        return None
    return min(placed, key=lambda r: r.char_start)


def _another_day(dates: Any, taken: Sequence[Any]) -> bool:
    """True when ``dates``, a day or a week, overlaps none of the ``taken`` ones: the story's
    town saw a second happening of that kind ("The board met on March 9 … the parents met
    on March 10"), not the same one told again."""
    return all(dates.end < d.start or d.end < dates.start for d in taken)


def one_spot(t: Trigger) -> bool:
    """True for a trigger of a type that happens at one spot of a town (``focus_types``)."""
    return t.type.name in load_where_words().focus_types


def _names_elsewhere(
    text: str,
    sent: Sentence,
    focus: Focus,
    recognized: Sequence[Recognized],
    timeline: Timeline,
) -> bool:
    """True when the sentence, outside quoted words, names a place other than the focus or a
    demonym of another country."""
    unquoted = [m for m in recognized if timeline.quote_at(m.start) is None]
    return _names_other_place(text, sent, focus, unquoted) or _names_foreign_demonym(
        text, sent, focus
    )


def _names_other_place(
    text: str, sent: Sentence, focus: Focus, recognized: Sequence[Recognized]
) -> bool:
    """True when the sentence names a place other than the focus ("driven to Winnipeg from
    Montreal"): it is about somewhere else, or its place was rightly refused. (A place in a
    chant or a quote, "chanting 'free Syria'", is not where the happening is; nor is where
    someone lives, "A Henderson County woman was sentenced", "William Doe, 24, of Elkhart
    was indicted March 4".)"""
    words = load_where_words()
    for m in recognized:
        if m.start >= sent.end:
            break
        if (
            m.start >= sent.start
            and m.place.id != focus.place.id
            and not _holds_focus(m, focus)
            and words.resident_after.match(text, m.end) is None
            and words.resident_of.search(text, max(sent.start, m.start - 8), m.start) is None
        ):
            return True
    return False


def _holds_focus(m: Recognized, focus: Focus) -> bool:
    """True when mention ``m`` names a country, first-level division or county that holds the
    focus ("the U.S. Attorney's Office", "Maryland State Police", "an Anderson County deputy"
    in a story about one of its towns): the sentence names no other spot."""
    return m.place.kind in _HOLDING_KINDS and covers(
        m.place, focus.place.geometry.representative_point()
    )


def _names_foreign_demonym(text: str, sent: Sentence, focus: Focus) -> bool:
    """True when the sentence holds the demonym of another country than the focus's ("a
    Russian diplomat was arrested")."""
    for word in _CAPITALISED.finditer(text, sent.start, sent.end):
        entry = demonym_entry(word.group())
        if entry is not None and entry.country != focus.place.country:
            return True
    return False


def _dated_subordinate(
    text: str, sent: Sentence, t: Trigger, dates: DateRange | None, source: str
) -> bool:
    """True when a happening told in a temporal subordinate clause ("after a jury convicted
    him Monday", "after gunmen attack on New Year Day") is dated to a day by its own clause:
    the clause takes it as having happened, on that day. Not a description that holds its
    date, "before the Nov. 8 election": a landmark of time (``landmark_determiners``)."""
    if dates is None or source != "clause" or dates.precision != "day":
        return False
    before = text[max(sent.start, t.start - _LANDMARK_REACH) : t.start]
    return load_where_words().landmark_before.search(before) is None


def _recent(dates: Any, timeline: Timeline) -> bool:
    """True for a day or a week that ends by publication and starts no more than
    :data:`RECENT_DAYS` before it."""
    published = timeline.published
    if published is None or dates.precision not in {"day", "week"}:
        return False
    return dates.end <= published and dates.start >= published - timedelta(days=RECENT_DAYS)


def _retold(dates: Any, source: str, t: Trigger, timeline: Timeline) -> bool:
    """True for a happening its own clause (``source``) dates to a day more than
    :data:`RECENT_DAYS` before publication ("a murder that happened 15 years ago today",
    "shot to death two sharecroppers and their wives July 25, 1946"): the old crime a story
    retells, told with its day, is the town's as much as the day's news is. The day must be
    the clause's own: in "members approved this deal, and on Dec. 13, 2003, paid …" it is
    the payment's. A death so told is not (``focus_outcome_types``): an obituary's "her
    husband died on Jan. 3, 1998" is a life's background, not the town's happening."""
    published = timeline.published
    return (
        source == "clause"
        and published is not None
        and dates.precision == "day"
        and dates.end <= published
        and t.type.name not in load_where_words().focus_outcome_types
    )


def placed_report(
    text: str,
    t: Trigger,
    sent: Sentence,
    place: Place,
    dates: Any,
    source: str,
    article: str | None,
    *,
    role: str,
    status: str = "reported",
    opens: bool = False,
) -> EventReport:
    """The report of trigger ``t`` of sentence ``sent`` placed at ``place``, a place its
    sentence does not name: the article's focus (role ``focus``), a body's seat (``seat``) or
    the place of another report of the same happening (``inherited``). The report stands at
    the trigger (:meth:`EventReport.build` with the trigger's span)."""
    return EventReport.build(
        text,
        sent,
        t,
        place,
        (t.start, t.end),
        role=role,
        dates=dates,
        date_source=source,
        status=status,
        article=article,
        opens=opens,
    )
