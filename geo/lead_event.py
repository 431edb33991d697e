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
  nothing, or only floating background, or only reports the end of
  :func:`geo.events.detect_events` drops as no event); or its lead holds a trigger word,
  no report stands in the lead, and the lead is dated by its own words, not by publication
  (:func:`lead_unreported`: the story's main news beside its other happenings);
- the lead (:meth:`geo.timeline.Timeline.lead_index`; a text that opens with its own title
  as a sentence, "Culver pushing new rules on dependant adult abuse. Less than a month
  after …", has its lead after it: :func:`geo.clauses.repeats_title`) is a statement, not a
  question;
- a trigger word of the lead, if it has any, is told as done and as news: not planned,
  possible, denied, subordinate or named as background ("ahead of an expected visit",
  "since Russia's invasion"), and not in the lead's attribution, which tells the news's
  source ("According to provisional figures announced by the National Electoral
  Commission, … won the general elections": no statement); when every one tells a plan
  of the category but not the type of the headline's trigger told as done ("Senior U.S.
  Military Official Visits Georgia" … "will meet with President Saakashvili":
  :func:`_headline_told`), that trigger types it;
  else a lead whose triggers are all such is read as a lead with no trigger word of its
  own, its news told with an ordinary verb ("The City Council will host several public
  hearings …", "agreed Monday to reinstate a fired chief justice, a move that … has
  sparked street battles"), typed by the headline's trigger only when that is of another
  type than the lead's, else by its cue words, and dated as any lead (a plan of a day
  after publication gives nothing, as below). But when every trigger of the lead stands
  in a phrase
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
  (:func:`geo.focus_reports.one_spot`: an arrest, a crash, a meeting), the story's one town: the
  first town the rest of the text names as a place, when every town it names lies within
  :data:`geo.focus.CLUSTER_KM` of it and the text says which namesake it is; for a lead
  with such a trigger and a body that names no town, the body's one county, when every
  other place it names is a country or a division that holds it, or failing a county the
  body's one first-level division, when every other place it names is a country that holds
  it; for a lead with such a
  trigger in a story of several towns, the first place the next
  :data:`geo.lead_place.NEXT_SENTENCES` sentences tell, past divisions and countries and
  never where someone lives, comes from or was treated ("A two-car accident late Friday
  claimed the life of …" … "Kay, 18, of Paris, was driving"); for a lead of a named
  kind whose text names no place but the outlet's own town and the county, division and
  country that hold it, that town, when the outlet's home division settles which namesake
  it is (:func:`geo.outlet_local.local_town`: "The City Council voted Monday …" in the
  Norfolk Daily News); in an article with no dated report, before those for a lead with a
  trigger of its own, the place a local body the headline or the lead names is named after
  (:func:`geo.lead_place.lead_place`: "The Winnipeg Fire Paramedic Service was busy fighting two
  apartment fires"). A
  possessor, a part of a compound and a speaker are actors, not places ("Russia's envoy",
  "Asia-Pacific", "Nairobi said"), and a preposition the trigger's type refuses does not
  place it ("talks on Sudan": :func:`geo.trigger_places.role_fits`). Without a focus, a town the
  headline and the lead name must be one the text says which of its namesakes it is
  (:func:`geo.focus.anchored`): a lone "Columbus" or "Richland" leaves the story unmapped
  rather than in the wrong state; beside an anchored town, an unanchored one is passed over
  (a misread word, a street, a person's home town: "Fishers, swimmers warned to stay out
  of the sea" … "off the coast of Cape Peron in Rockingham"), but beside only a county, a
  region or a country it still leaves the story unmapped;
- the date is the lead's own day or week (:meth:`geo.timeline.Timeline.lead_range`, or the
  date of the sentence the lead continues); a lead with no time expression takes the first
  day one of the next :data:`geo.lead_dates.BODY_SENTENCES` sentences reports
  (:meth:`geo.timeline.Timeline.body_day`), when it lies in the week up
  to publication ("The incident occurred Sunday in the parking lot …") or after it (the
  lead announces what is to come: its happening is ``planned`` for that day), else it is dated
  around publication (:func:`geo.reports.around_publication`: the publication day and the
  day before, precision ``unknown``); a lead dated to a month
  or a year ("In 2022, …"), later than publication or more than
  :data:`geo.focus_reports.RECENT_DAYS` before it ("was born on May 2, 1923") gives nothing,
  but one dated only to the month or the year of publication ("… but they will impose new
  restrictions this year") takes the body's day of the news week, as a lead with no time
  expression does ("… decided Saturday night": :func:`_current_told`);
- with no location in the headline and the lead, a demonym there of one country's people or
  state ("Canadians won't have to …", "Chinese officials"), the last place tried
  (:func:`geo.lead_demonym.demonym_country`).

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

from geo.clauses import in_spans
from geo.focus import Focus
from geo.focus_reports import RECENT_DAYS, town_reports_after
from geo.lead_kind import (
    BETWEEN_STATES,
    PLAIN,
    between_states,
    cue_type,
)
from geo.lead_place import lead_place
from geo.lead_told import placed_apart, told_beside
from geo.lexicon import Trigger, TriggerType, load_lexicon
from geo.reports import EventReport, around_publication
from geo.status import read_clause
from geo.timeline import Timeline
from geo.vocabulary import LazyPattern, words

if TYPE_CHECKING:
    from gazetteer import Place
    from geo.clauses import Sentence
    from geo.model import DateRange
    from geo.recognize import Recognized

__all__ = [
    "LEAD_ROLE",
    "headline_trigger",
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
    (:func:`geo.extraction.outlet_priors`), when it holds the town
    (:func:`geo.lead_place.lead_place`) and a trigger or a cue word of the headline and lead
    names the happening's kind."""
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
    news = [
        t for t in own if _told_as_news(text, lead, t) and not in_spans(t.start, lead.attributions)
    ]
    unnews: frozenset[str] = frozenset()
    if own and not news:
        news = _headline_told(text, timeline, k, own, triggers)
        if not news:
            # the lead tells its triggers' happenings as plans, denials or background ("The
            # City Council will host several public hearings …", "Pakistan agreed Monday to
            # reinstate a fired chief justice, a move that … has sparked street battles"):
            # its own news is told with an ordinary verb, as in a lead with no trigger word
            unnews = frozenset(t.type.name for t in own)
    if source == "lead":
        # "A man charged in a recent homicide has been captured": the last day or two date
        # the perfect's happening, not an older one its subject names
        news = [t for t in news if not timeline.in_lead_subject(t.start)] or news
    trigger = news[0] if news else headline_trigger(text, timeline, k, triggers)
    if trigger is not None and trigger.type.name in unnews:
        # "Annexation plan for Decatur" over "… will eyeball an annexation plan": the
        # headline's word of a type the lead tells as no news does not type the lead
        trigger = None
    # a place named in a phrase of another time is that happening's ("spoke ahead of an
    # expected visit by the king to Morocco")
    background = frozenset(r.char_start for r in judged) | {
        m.start for m in mentions if any(lo <= m.start < hi for lo, hi in phrases)
    }
    told = None
    if not alone and trigger is not None and trigger in news:
        told = told_beside(timeline, k, trigger, dates, judged)
    kind = trigger.type if trigger is not None else cue_type(text, timeline, k)
    if kind.name == PLAIN and between_states(text, mentions, timeline, k):
        kind = load_lexicon().types[BETWEEN_STATES]
    report = placed_lead_report(
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
    if report is not None and told is not None and placed_apart(report, told):
        # "RICHMOND — … has died at 81." then "she died Monday at a hospital in
        # Charlottesville": the lead's news is placed already; the dateline is only where the
        # story was filed
        return None
    return report


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
    at the place :func:`geo.lead_place.lead_place` gives it, with ``dates`` and ``status``;
    ``None`` when it has no place. The outlet's ``home`` and ``own_town`` count only for a
    happening the lead names (a kind other than the plain one)."""
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
    placed at its town as at a focus (:func:`geo.focus_reports.focus_reports`: a dated one-spot
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
            told = _current_told(timeline, k, dated)
            if told is None:
                return None, ""  # "In 2022, …", "in March": background, not the day's news
            # "… have decided to host an annual biker rally, but they will impose new
            # restrictions this year" … "decided Saturday night": the body's day
            found, source = told, "sentence"
        elif published is not None:
            found, source = around_publication(published), "published"
    if found is None or (published is not None and found.start > published):
        return None, ""
    if published is not None and (published - found.end).days > RECENT_DAYS:
        return None, ""  # "… was born on May 2, 1923": a life story, not the day's news
    return found, source


def _headline_told(
    text: str, timeline: Timeline, k: int, own: Sequence[Trigger], triggers: Sequence[Trigger]
) -> list[Trigger]:
    """The headline's trigger told as done (:func:`headline_trigger`'s first, read as
    reported) when every trigger of lead ``k`` (``own``) tells a plan of that trigger's
    category but of another type, a type whose plans may be news (not ``reported_only``:
    "the council will vote"): "Senior U.S. Military Official Visits Georgia" over "Gen.
    Cartwright … will meet with President Saakashvili": the visit is under way and the lead
    tells its coming parts; the lead's dates then date it (a coming day of its own still
    gives nothing). A headline and a lead that tell it with one type are read by the lead's
    grammar ("Controversial pastor picked for Mansfield patrol program" … "wants to start a
    pastor on patrol program"). Empty otherwise."""
    found = headline_trigger(text, timeline, k, triggers)
    if found is None or found.type.reported_only:
        return []
    sent = timeline.sentence(timeline.sentence_index(found.start))
    told = read_clause(text, sent, found, None)
    if told is None or told.mood != "reported" or told.subordinate or told.named:
        return []
    lead = timeline.sentence(k)
    for t in own:
        reading = read_clause(text, lead, t, None)
        if reading is None or reading.mood != "planned" or t.type.reported_only:
            return []
        if t.type.category != found.type.category or t.type.name == found.type.name:
            return []  # one word in both: the lead's grammar, not the headline's, tells
    return [found]


def _current_told(timeline: Timeline, k: int, dated: DateRange | None) -> DateRange | None:
    """The day of the news week one of the sentences after lead ``k`` reports
    (:meth:`geo.timeline.Timeline.body_day`), when the lead is dated by its own words only
    to the month or the year of publication (``dated``, holding the publication day: "this
    year", "this month"), which says when, not that the news is old; ``None`` otherwise (a
    past or a coming month or year, a body day after publication, or none)."""
    published = timeline.published
    if dated is None or published is None or not dated.start <= published <= dated.end:
        return None
    told = timeline.body_day(k)
    return told if told is not None and told.end <= published else None


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
