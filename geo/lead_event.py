"""The lead's happening: the main news of an article in which the rule passes found no event.

News is written lead first: the first full sentence after the headline (the *lead*) tells the
main happening, and the headline or the lead names where ("A Gainesville man was arrested
and charged with grand theft auto early Saturday"). The rule passes of :mod:`geo.events`
place a happening only when a trigger word and a place are tied by the grammar; an article
whose news is told with an ordinary verb, or whose place is only named as the home of the
people in it, gives them nothing, and the map would not show the story at all.

:func:`lead_report` gives such an article one event, the lead's happening, when all of these
hold (each counted on the events gold; docs/recognition-and-events.md, "The lead's
happening"):

- the article has no dated report of its own (:func:`needs_lead`: the rule passes found
  nothing, or only floating background); or its lead holds a trigger word, no report stands
  in the lead, and the lead is dated by its own words, not by publication
  (:func:`lead_unreported`: the story's main news beside its other happenings);
- the lead (:meth:`geo.timeline.Timeline.lead_index`; a text that opens with its own title
  as a sentence, "Culver pushing new rules on dependant adult abuse. Less than a month
  after …", has its lead after it: :func:`geo.clauses.repeats_title`) is a statement, not a
  question;
- a trigger word of the lead, if it has any, is told as done and as news: not planned,
  possible, denied, subordinate or named as background ("ahead of an expected visit",
  "since Russia's invasion"); a lead whose triggers are all such gives nothing: the rule
  passes have judged its happening. But when every trigger of the lead stands in a phrase
  of another time (an opener of ``other_time_openers`` in ``geo/data/grammar.yaml`` and at
  most six words before it: "ordered the party to disband on Thursday … ahead of an
  expected general election"), the lead tells its news with an ordinary verb and is read
  as a lead with no trigger, and a place that phrase's clause names is not the lead's
  ("spoke ahead of an expected visit by the king to Morocco"); a time expression in that
  clause ("set up after the attacks of May 1") dates the other happening: the lead then
  gives nothing;
- the place is the article's focus (:func:`geo.focus.article_focus`); else the first town
  the headline or the lead names as a location, outside quotes and attributions and not as
  the place of a happening the rule passes told as background ("he previously served two
  tours in Iraq"); else the first such location of any kind (a region, a country); else,
  when the headline and the lead name no location at all and the lead has no trigger word
  of its own (its news told with an ordinary verb) or only one of a happening of one spot
  (:func:`geo.focus.one_spot`: an arrest, a crash, a meeting), the story's one town: the
  first town the rest of the text names as a place, when every town it names lies within
  :data:`geo.focus.CLUSTER_KM` of it and the text says which namesake it is; for a lead
  with such a trigger and a body that names no town, the body's one county, when every
  other place it names is a country or a division that holds it; for a lead of a named
  kind whose text names no place but the outlet's own town and the county, division and
  country that hold it, that town, when the outlet's home division settles which namesake
  it is (:func:`geo.outlet_local.local_town`: "The City Council voted Monday …" in the
  Norfolk Daily News); in an article with no dated report, before those for a lead with a
  trigger of its own, the place a local body the headline or the lead names is named after
  (:func:`_body_place`: "The Winnipeg Fire Paramedic Service was busy fighting two
  apartment fires"). A
  possessor, a part of a compound and a speaker are actors, not places ("Russia's envoy",
  "Asia-Pacific", "Nairobi said"), and a preposition the trigger's type refuses does not
  place it ("talks on Sudan": :func:`geo.where.role_fits`). Without a focus, a town the
  headline and the lead name must be one the text says which of its namesakes it is
  (:func:`geo.focus.anchored`): a lone "Columbus" or "Richland" leaves the story unmapped
  rather than in the wrong state; beside an anchored town, an unanchored one is passed over
  (a misread word, a street, a person's home town: "Fishers, swimmers warned to stay out
  of the sea" … "off the coast of Cape Peron in Rockingham"), but beside only a county, a
  region or a country it still leaves the story unmapped;
- the date is the lead's own day or week (:meth:`geo.timeline.Timeline.lead_range`, or the
  date of the sentence the lead continues); a lead with no time expression takes the first
  day one of the next :data:`geo.timeline.BODY_SENTENCES` sentences reports
  (:meth:`geo.timeline.Timeline.body_day`), when it lies in the week up
  to publication ("The incident occurred Sunday in the parking lot …") or after it (the
  lead announces what is to come: its happening is ``planned`` for that day), else it is dated
  around publication (:func:`geo.reports.around_publication`: the publication day and the
  day before, precision ``unknown``); a lead dated to a month
  or a year ("In 2022, …"), later than publication or more than
  :data:`geo.focus.RECENT_DAYS` before it ("was born on May 2, 1923") gives nothing.

Its type is that of the lead's trigger; else that of the first trigger of the headline
whose clause does not deny it ("Man charged with theft" over a lead told with "was taken
into custody"); else the happening type of the category whose cue words
(``geo/data/lead_cues.yaml``: "sheriff", "council", "embassy" …) the headline and the lead
name most outside quotes and attributions (:func:`geo.lead_kind.cue_type`); else, when the
headline names two states ("U.S. urges Ukraine to …": :func:`geo.lead_kind.between_states`),
the happening type of diplomacy; else the ``happening`` type of ``geo/data/triggers.yaml``
(category ``other``).
Its role is ``lead``, whose factor in the confidence formula
(:data:`geo.reports.ROLE_FACTOR`) is the lowest, and its event carries a note saying how it
was placed (:data:`geo.merged_event.LEAD_NOTE`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from geo.clauses import COMPOUND, POSSESSIVE, in_spans
from geo.focus import (
    CLUSTER_KM,
    ORIGIN_BEFORE,
    RECENT_DAYS,
    Focus,
    anchored,
    one_spot,
    town_reports_after,
)
from geo.lead_kind import (
    BETWEEN_STATES,
    JOINED,
    PLAIN,
    between_states,
    cue_type,
    opening_start,
    told_by,
)
from geo.lead_towns import covers
from geo.lexicon import Trigger, TriggerType, load_lexicon
from geo.outlet_local import local_town
from geo.reports import EventReport, around_publication
from geo.scenes import unplaced_scene
from geo.status import read_clause
from geo.timeline import Timeline
from geo.vocabulary import LazyPattern, alternation, load_data, words
from geo.where import place_role, role_fits
from lonlat.distance import km

if TYPE_CHECKING:
    from gazetteer import Place
    from geo.clauses import Sentence
    from geo.model import DateRange
    from geo.recognize import Recognized

__all__ = [
    "LEAD_ROLE",
    "headline_trigger",
    "lead_place",
    "lead_report",
    "lead_town_reports",
    "lead_unreported",
    "needs_lead",
    "other_time",
    "placed_lead_report",
]

#: The role of a report placed by the lead rule.
LEAD_ROLE = "lead"
#: Date precisions that date a lead's happening ("on Saturday", "last week").
_NEWS_PRECISIONS = frozenset({"day", "week"})
#: The precision of a town or city.
_TOWN = 1
#: The kind of place a story's one county is (:func:`_story_county`).
_COUNTY = "county"
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
#: The most words between an opener of another time and the trigger it governs ("ahead of
#: what have become increasingly bitter talks": five).
_OTHER_TIME_GAP = 6
#: An opener of another time and up to :data:`_OTHER_TIME_GAP` words, no comma among them,
#: right before a trigger: the trigger names a happening of another time than the
#: sentence's ("… ahead of an expected general election", "after the September 11 attacks").
_OTHER_TIME_BEFORE = LazyPattern(
    lambda: rf"\b(?:{words('other_time_openers')})\s+(?:[\w'’-]+\s+){{0,{_OTHER_TIME_GAP}}}$",
    re.IGNORECASE,
)


def needs_lead(reports: Sequence[EventReport]) -> bool:
    """True when ``reports`` (an article's reports from the rule passes) hold no dated
    happening: only then does the lead give one."""
    return not any(r.date_source != "none" for r in reports)


def lead_unreported(
    timeline: Timeline, reports: Sequence[EventReport], triggers: Sequence[Trigger]
) -> bool:
    """True when the lead sentence (:meth:`Timeline.lead_index`) holds a trigger but none of
    ``reports`` stands in it: a story with happenings of its own may still tell its main news
    in a lead the rule passes could not place ("CINCINNATI (AP) — Two men have been arrested
    in a drive-by shooting …" before a paragraph on the shooting's street)."""
    k = timeline.lead_index()
    if k is None:
        return False
    lead = timeline.sentence(k)
    if not any(lead.start <= t.start < lead.end for t in triggers):
        return False
    return not any(timeline.sentence_index(r.char_start) == k for r in reports)


def lead_report(
    text: str,
    mentions: Sequence[Recognized],
    timeline: Timeline,
    triggers: Sequence[Trigger],
    focus: Focus | None,
    *,
    judged: Sequence[EventReport] = (),
    article: str | None = None,
    home_country: str | None = None,
    home: Place | None = None,
    own_town: Place | None = None,
) -> EventReport | None:
    """The lead's happening of ``text`` (see the module docstring), or ``None``.
    ``mentions`` are the text's resolved mentions of every role (in text order; only
    locations place the happening, the others can tell which namesake a town is);
    ``triggers`` the text's trigger words (in text order), ``focus`` its focus, if any;
    ``judged`` the rule passes' reports: the lead gives its event when they hold no dated
    one (:func:`needs_lead`), or beside them when its trigger stands in no report
    (:func:`lead_unreported`) and its own words date it; a place they name is no place of
    the lead's news ("he previously served two tours in Iraq"). ``home_country`` is the ISO
    code of the outlet's country, evidence of which namesake a town is
    (:func:`geo.focus.anchored`); so is ``home``, the division the outlet is at home in
    (:func:`geo.extraction.outlet_priors`), when it holds the town (:func:`_anchored`) and
    a trigger or a cue word of the headline and lead names the happening's kind."""
    k = timeline.lead_index()
    if k is None:
        return None
    lead = timeline.sentence(k)
    aside = other_time(text, lead, triggers)
    phrases = [(opener, lead.clause_end(lead.clause_of(opener))) for _, opener in aside or ()]
    if aside is not None:
        if any(timeline.times_between(lo, hi) for lo, hi in phrases):
            return None  # "… after the attacks of September 11": the lead's time is theirs
        # "… ordered the party to disband on Thursday … ahead of an expected election": the
        # lead's news is told with an ordinary verb; its triggers name other happenings
        gone = {t.start for t, _ in aside}
        triggers = [t for t in triggers if t.start not in gone]
    alone = needs_lead(judged)
    if not alone and not lead_unreported(timeline, judged, triggers):
        return None
    if text[lead.start : lead.end].rstrip().endswith("?"):
        return None  # "Could a court award save street art?": a question, not news
    dates, source = _lead_dates(timeline, k)
    if dates is None:
        return None
    if not alone and source == "published":
        # beside the story's other happenings, a lead dated only by publication may be
        # background ("is traveling to Gaza to highlight the devastation of …")
        return None
    status = "reported"
    if source == "published":
        told = timeline.body_day(k)  # "The incident occurred Sunday in the parking lot …"
        if told is not None:
            dates, source = told, "sentence"
            if timeline.published is not None and told.start > timeline.published:
                status = "planned"  # "The fair opens at 9 a.m. on May 4 …": to come
    own = [t for t in triggers if lead.start <= t.start < lead.end]
    news = [t for t in own if _told_as_news(text, lead, t)]
    if own and not news:
        return None  # the lead tells a plan, a denial or background: the rule passes judged it
    if source == "lead":
        # "A man charged in a recent homicide has been captured": the last day or two date
        # the perfect's happening, not an older one its subject names
        news = [t for t in news if not timeline.in_lead_subject(t.start)] or news
    trigger = news[0] if news else headline_trigger(text, timeline, k, triggers)
    # a place named in a phrase of another time is that happening's ("spoke ahead of an
    # expected visit by the king to Morocco")
    background = frozenset(r.char_start for r in judged) | {
        m.start for m in mentions if any(lo <= m.start < hi for lo, hi in phrases)
    }
    kind = trigger.type if trigger is not None else cue_type(text, timeline, k)
    if kind.name == PLAIN and between_states(text, mentions, timeline, k):
        kind = load_lexicon().types[BETWEEN_STATES]
    return placed_lead_report(
        text,
        mentions,
        timeline,
        k,
        focus,
        trigger,
        kind,
        background,
        dates=dates,
        date_source=source,
        status=status,
        article=article,
        home_country=home_country,
        home=home,
        own_town=own_town,
        bodies=alone,
    )


def placed_lead_report(
    text: str,
    mentions: Sequence[Recognized],
    timeline: Timeline,
    k: int,
    focus: Focus | None,
    trigger: Trigger | None,
    kind: TriggerType,
    background: frozenset[int],
    *,
    dates: DateRange,
    date_source: str,
    status: str,
    article: str | None,
    home_country: str | None = None,
    home: Place | None = None,
    own_town: Place | None = None,
    bodies: bool = False,
) -> EventReport | None:
    """The report of lead ``k``'s happening of ``kind`` (told by ``trigger``, or by none)
    at the place :func:`lead_place` gives it, with ``dates`` and ``status``; ``None`` when
    it has no place. The outlet's ``home`` and ``own_town`` count only for a happening the
    lead names (a kind other than the plain one)."""
    # the outlet's home tells a namesake only for a happening the lead names: a story told
    # with no word of its kind is often a feature ("a new restaurant in downtown Los Angeles")
    named = kind.name != PLAIN
    spot = lead_place(
        text,
        mentions,
        timeline,
        k,
        focus,
        trigger,
        background,
        home_country,
        home if named else None,
        own_town if named else None,
        bodies=bodies,
    )
    if spot is None:
        return None
    place, start, end = spot
    lead = timeline.sentence(k)
    if start is None or end is None:
        start, end = lead.start, lead.start  # the focus, which the lead need not name
    return EventReport.build(
        text,
        lead,
        trigger,
        place,
        (start, end),
        role=LEAD_ROLE,
        dates=dates,
        date_source=date_source,
        status=status,
        article=article,
        kind=kind,
        form=trigger.form if trigger is not None else "",
        strength=kind.strength if trigger is None else None,
    )


def lead_town_reports(
    text: str,
    lead: EventReport,
    triggers: Sequence[Trigger],
    located_sentences: set[int],
    recognized: Sequence[Recognized],
    timeline: Timeline,
    read: Callable[[Sentence, Trigger], Any],
) -> tuple[list[EventReport], bool]:
    """The happenings of the sentences after ``lead`` (the lead's happening, placed at a town)
    placed at its town as at a focus (:func:`geo.focus.focus_reports`: a dated one-spot
    happening of a sentence that names no other place, "A judge ruled Monday that Columbia
    taxpayers owe …" after "Columbia will have to pay firm for hotel"), and whether they
    supersede the lead: a lead with no trigger of its own whose dates the one of the next
    sentence shares told the same news without a word for it."""
    later = town_reports_after(
        text, lead, LEAD_ROLE, triggers, located_sentences, recognized, timeline, read
    )
    k = timeline.sentence_index(lead.char_start)
    same_news = not lead.trigger and any(
        timeline.sentence_index(r.char_start) == k + 1
        and r.dates.start <= lead.dates.end
        and lead.dates.start <= r.dates.end
        for r in later
    )
    return later, same_news


def _lead_dates(timeline: Timeline, k: int) -> tuple[DateRange | None, str]:
    """The dates of lead ``k`` and their source: its day or week (or a present perfect's
    last days), the day or week of the sentence it continues, or around publication when
    it has no time expression; ``(None, "")`` otherwise."""
    published = timeline.published
    found = timeline.lead_range()
    source = "lead" if found is not None and timeline.hot_news(k) is not None else "sentence"
    if found is None:
        dated = timeline.sentence_date(k)
        if dated is not None and dated.precision in _NEWS_PRECISIONS:
            found, source = dated, "sentence"
        elif timeline.times_between(timeline.sentence(k).start, timeline.sentence(k).end):
            return None, ""  # "In 2022, …", "in March": background, not the day's news
        elif published is not None:
            found, source = around_publication(published), "published"
    if found is None or (published is not None and found.start > published):
        return None, ""
    if published is not None and (published - found.end).days > RECENT_DAYS:
        return None, ""  # "… was born on May 2, 1923": a life story, not the day's news
    return found, source


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
        if town is None and own_town is not None:
            # "Monday evening's meeting … at the district's central office" in the Norfolk
            # Daily News: a local story that names no town is the outlet's own town's
            town = local_town(text, mentions, own_town)
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
        and _placed(text, m)
        and _fits(text, timeline, m, trigger)
        and (trigger is not None or not _home_of(text, m))
    ]
    towns = [m for m in located if m.place.precision == _TOWN]
    if unsure and not towns:
        return None  # a town the text never says which of its namesakes it is
    found = towns[0] if towns else located[0] if located else None
    return None if found is None else (found.place, found.start, found.end)


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
        and _placed(text, m)
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
    if home is not None and home.kind in _HOME_KINDS and covers(home, point):
        return True
    return anchored(text, place, mentions, home_country)


def _story_county(
    text: str,
    mentions: Sequence[Recognized],
    timeline: Timeline,
    after: int,
    background: frozenset[int],
) -> Place | None:
    """The county of a story whose headline and lead name no place and whose body names no
    town: the one county the text after offset ``after`` names as a location (outside quotes
    and attributions, as a place; not only at offsets in ``background``, the places of
    happenings the rule passes told), when every other place it so names, those included,
    is a country or a division that holds the county ("Henderson County, Texas"); ``None``
    for a story of two counties, of a town, or of another kind of place."""
    located = [
        m for m in mentions if m.start >= after and _told_here(timeline, m) and _placed(text, m)
    ]
    named = [m for m in located if m.place.kind == _COUNTY]
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


def _placed(text: str, m: Recognized) -> bool:
    """True unless mention ``m`` is a possessor, a part of a compound or a speaker ("Russia's
    envoy", "Asia-Pacific", "Nairobi said"): names of actors and kinds, not places. A town
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
    return load_lexicon().speaker.match(text, m.end) is None


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


def _local_owner(m: Recognized) -> bool:
    """True when mention ``m`` names a town that is no capital: its possessive names what is
    in it, not an actor."""
    return m.place.precision == _TOWN and m.place.kind not in _CAPITAL_KINDS


def _fits(text: str, timeline: Timeline, m: Recognized, trigger: Trigger | None) -> bool:
    """False when ``trigger``'s sentence places ``m`` by a preposition the trigger's type
    refuses (:func:`geo.where.role_fits`: "talks on Sudan" name the subject)."""
    if trigger is None:
        return True
    i = timeline.sentence_index(m.start)
    if i != timeline.sentence_index(trigger.start):
        return True
    role = place_role(text, timeline.sentence(i).start, m)
    return role is None or role_fits(text, trigger, m, role, load_lexicon())


def other_time(
    text: str, lead: Sentence, triggers: Sequence[Trigger]
) -> list[tuple[Trigger, int]] | None:
    """When every trigger of ``lead`` stands in a phrase of another time ("ahead of an
    expected election", "after the killer bee attack"), each with the offset of its opener;
    ``None`` when the lead has no trigger or one outside such a phrase."""
    out = []
    for t in triggers:
        if lead.start <= t.start < lead.end:
            found = _OTHER_TIME_BEFORE.search(text, lead.start, t.start)
            if found is None:
                return None
            out.append((t, found.start()))
    return out or None


def _told_as_news(text: str, lead: Sentence, t: Trigger) -> bool:
    """True when the clause of trigger ``t`` tells its happening as done and as news (not
    planned, possible, denied, subordinate or named as background)."""
    reading = read_clause(text, lead, t, None)
    return (
        reading is not None
        and reading.mood == "reported"
        and not reading.subordinate
        and not reading.named
    )


def headline_trigger(
    text: str, timeline: Timeline, k: int, triggers: Sequence[Trigger]
) -> Trigger | None:
    """The first of ``triggers`` in the sentences before lead ``k`` (the headline) whose
    clause does not deny its happening, or ``None``."""
    for i in range(k):
        sent = timeline.sentence(i)
        for t in triggers:
            if sent.start <= t.start < sent.end and read_clause(text, sent, t, None) is not None:
                return t
    return None
