"""Which earlier report or lead a description names: "The quake was centred off Ica" (the
event of the sentence before), "the attack in Ankara" (the lead's news), a headline that
sums up its lead, and trigger words that only refer to another happening ("the day before
the signing")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from shapely.ops import nearest_points

from geo.clauses import (
    in_spans,
)
from geo.lead_dates import LEAD_SENTENCES
from geo.lexicon import Trigger, TriggerType
from geo.model import DateRange
from geo.reports import (
    WIDE_KINDS,
    EventReport,
    news_week,
)
from geo.timeline import Timeline
from geo.vocabulary import LazyPattern, words
from lonlat.distance import km

if TYPE_CHECKING:
    pass

__all__ = [
    "ALSO",
    "ANTECEDENT_SENTENCES",
    "DEFINITE_HEAD",
    "DESCRIPTION_KM",
    "LEAD_TRIGGER_STRENGTH",
    "OBJECT_AFTER",
    "VERBAL_TRIGGER",
    "WIDE_KINDS",
    "antecedent_report",
    "described_dates",
    "describes",
    "follows_lead",
    "headline_news_date",
    "headlines_name_the_lead",
    "lead_news",
    "names_described",
    "not_references",
    "sentence_span",
    "told_from",
]


def headlines_name_the_lead(reports: list[EventReport]) -> list[EventReport]:
    """A headline dated by its lead sums up the lead: its report names (``refers_to``) the
    lead's first report of the same kind on the same dates, so that "Floods submerge villages
    in Pakistan's Sindh province" over "Floods submerged villages in the Dadu district of
    Sindh on Saturday" is Saturday's flood told at two scales, not a neighbour's flood of the
    day before."""
    out: list[EventReport] = []
    for r in reports:
        if r.headline and r.date_source == "previous" and r.refers_to is None:
            lead = next(
                (
                    o
                    for o in reports
                    if not o.headline
                    and o.type.group == r.type.group
                    and o.dates == r.dates
                    and o.date_source in {"clause", "sentence", "lead"}
                ),
                None,
            )
            if lead is not None:
                r = replace(r, refers_to=lead.char_start)
        out.append(r)
    return out


#: A sentence that opens with a definite description of its trigger: "The quake …", "The
#: powerful quake …", "The 6.1-magnitude quake …".
DEFINITE_HEAD = re.compile(r"[\s\W]*the\s+(?:[\w.,'’-]+\s+){0,2}", re.IGNORECASE)
#: A trigger that is a verb, not the noun of a description: "The river breached an
#: embankment", "The army shelled …", "The river burst its banks" (a past form, or a verb
#: phrase that holds its object).
VERBAL_TRIGGER = LazyPattern(lambda: rf"\w+ed\b|.*\s(?:{words('determiners')})\s", re.IGNORECASE)
OBJECT_AFTER = LazyPattern(
    lambda: rf"\s+(?:{words('determiners', 'personal_determiners')})\b", re.IGNORECASE
)
#: Words by which a description carries its event to another place, not back to its own.
ALSO = LazyPattern(lambda: rf"\b(?:{words('spreading_words')})\b")
#: How many sentences back a definite description looks for the event it names.
ANTECEDENT_SENTENCES = 2


def antecedent_report(
    by_sentence: dict[int, list[tuple[Any, EventReport]]], i: int, kind: TriggerType
) -> EventReport | None:
    """The event a definite description at the head of sentence ``i`` names ("The quake was
    centred off Ica" after "An earthquake shook central Peru"): the first report of the same
    merge group in the nearest of the :data:`ANTECEDENT_SENTENCES` sentences before it that
    has one; ``None`` otherwise."""
    for k in range(i - 1, max(-1, i - 1 - ANTECEDENT_SENTENCES), -1):
        for _, r in by_sentence.get(k, ()):
            if r.type.group != kind.group or r.floating or r.headline:
                continue
            if r.type.name != kind.name and (
                r.type.named_only_as_itself or kind.named_only_as_itself
            ):
                continue  # "The visit to Denizli" names no statement made there
            return r
    return None


#: "the attack", "the deadly blast", "the 6.1-magnitude quake" right before a trigger.
_DEFINITE_BEFORE = re.compile(r"\bthe\s+(?:[\w.,'’-]+\s+){0,2}\Z", re.IGNORECASE)
#: A time preposition that makes a description the point another time is told from.
_TIME_PREPOSITION_BEFORE = LazyPattern(
    lambda: rf"\b(?:{words('other_time_openers')})\s+\Z", re.IGNORECASE
)
#: A trigger this strong in the lead names the article's main news.
LEAD_TRIGGER_STRENGTH = 0.8


def describes(text: str, start: int, trig: Trigger) -> bool:
    """True when ``trig`` is the noun of a definite description ("said the attack in
    Ankara", "the deadly blast"), not a verb ("the army shelled …") nor the happening another
    time is told from ("the night before the stabbing", "since the attack")."""
    found = _DEFINITE_BEFORE.search(text, max(start, trig.start - 40), trig.start)
    return bool(
        found
        and not VERBAL_TRIGGER.match(trig.form)
        and not OBJECT_AFTER.match(text, trig.end)
        and not _TIME_PREPOSITION_BEFORE.search(text, max(start, found.start() - 20), found.start())
    )


def headline_news_date(
    text: str, timeline: Timeline, triggers: Sequence[Trigger], kind: TriggerType
) -> DateRange | None:
    """The date the body gives the happening a headline of kind ``kind`` sums up: the own
    date of the first trigger of the same merge group in the sentences after the headline
    (up to the lead's reach), when it names the same happening: a definite description
    ("Men brawl in London" over "… convicted over the brawl that took place … on 25 February
    last year") or a happening of the publication week ("a tree fell on a wedding party …
    Saturday"). ``None`` otherwise, and when that trigger has no date of its own in its
    sentence: the lead's date then stands ("Soldiers seize power" over "In 2022, an
    attempted coup was foiled" is another coup)."""
    limit = min(len(timeline), 1 + LEAD_SENTENCES)
    for t in triggers:
        k = timeline.sentence_index(t.start)
        if k == 0 or t.type.group != kind.group:
            continue
        if k >= limit:
            return None
        found, _ = timeline.own_date(t.start)
        if found is None:
            return None
        published = timeline.published
        recent = published is not None and found.end >= news_week(published).start
        return found if recent or describes(text, timeline.sentence(k).start, t) else None
    return None


def lead_news(
    timeline: Timeline,
    triggers: Sequence[Trigger],
    i: int,
    kind: TriggerType,
) -> DateRange | None:
    """The date of the article's main news (:meth:`Timeline.lead_range`) for a definite
    description of kind ``kind`` in sentence ``i`` after the lead, unless the lead's news is
    of another kind (its strong triggers are all of other merge groups): "the attack" after
    "Two strong earthquakes have struck …" is some other attack. A lead with no strong
    trigger ("A woman rolled her car … on Saturday") tells news of any kind."""
    lead = timeline.lead_index()
    if lead is None or lead >= i:
        return None
    strong = {
        t.type.group
        for t in triggers
        if t.strength >= LEAD_TRIGGER_STRENGTH and timeline.sentence_index(t.start) == lead
    }
    if strong and kind.group not in strong:
        return None
    return timeline.lead_range()


#: How far apart the places of an undated description and of the dated report it names may
#: lie (a city and its neighbourhood: "the fatal police shooting in Marseille" and "was shot
#: on Monday in a district of Marseille").
DESCRIPTION_KM = 25.0


def described_dates(reports: list[EventReport], described: set[int]) -> list[EventReport]:
    """``reports`` where each report at a ``char_start`` of ``described`` (an undated
    definite description that names neither an event just before it nor the lead's) takes
    the date of the happening it names elsewhere in the article: the reports of the same
    merge group, reported and dated by their own sentence to a day or a week, at or within
    :data:`DESCRIPTION_KM` of its place (not a country or a first-level division holding
    the other: "the occupation" in Calais is not every happening in France), when they all
    give one date. Not when they give several (which one is named?) or none."""
    if not described:
        return reports

    def near(a: Any, b: Any) -> bool:
        p, q = nearest_points(a.geometry, b.geometry)
        return km(p.x, p.y, q.x, q.y) <= DESCRIPTION_KM

    out: list[EventReport] = []
    for r in reports:
        if r.char_start in described and r.date_source == "published" and r.status == "reported":
            found = {
                o.dates
                for o in reports
                if o is not r
                and o.type.group == r.type.group
                and o.type.name not in r.type.apart
                and r.type.name not in o.type.apart
                and o.date_source in {"clause", "sentence"}
                and o.dates.precision in {"day", "week"}
                and o.status == "reported"
                and (o.place.id == r.place.id or not WIDE_KINDS & {o.place.kind, r.place.kind})
                and near(o.place, r.place)
            }
            if len(found) == 1:
                r = replace(r, dates=found.pop(), date_source="previous")
        out.append(r)
    return out


#: "the fatal Marseille city police shooting": "the" and up to five words before a trigger.
_LONG_DEFINITE_BEFORE = re.compile(r"\bthe\s+(?:[\w.,'’-]+\s+){0,5}\Z", re.IGNORECASE)


def names_described(text: str, start: int, trig: Trigger) -> bool:
    """True when ``trig`` is the noun of a definite description, names among its modifiers
    ("the fatal Marseille city police shooting"), not a verb nor the happening another time
    is told from ("since the attack"): the happening :func:`described_dates` looks for."""
    found = _LONG_DEFINITE_BEFORE.search(text, max(start, trig.start - 60), trig.start)
    return bool(
        found
        and not VERBAL_TRIGGER.match(trig.form)
        and not OBJECT_AFTER.match(text, trig.end)
        and not _TIME_PREPOSITION_BEFORE.search(text, max(start, found.start() - 20), found.start())
    )


def told_from(text: str, start: int, trig: Trigger) -> bool:
    """True when ``trig`` is the happening another time is told from: "the night before the
    attack", "since the blast", "after the shooting" (from ``start``, its sentence)."""
    found = _DEFINITE_BEFORE.search(text, max(start, trig.start - 40), trig.start)
    at = found.start() if found else trig.start
    return _TIME_PREPOSITION_BEFORE.search(text, max(start, at - 20), at) is not None


def follows_lead(timeline: Timeline, i: int) -> bool:
    """True when sentence ``i`` comes right after the lead: the story's second sentence, which
    mostly goes on telling the lead's news ("Police arrested two men on Saturday. The men
    were detained in Leeds …")."""
    lead = timeline.lead_index()
    return lead is not None and i == lead + 1


def sentence_span(timeline: Timeline) -> Any:
    """A function from a text position to the (start, end) of its sentence."""

    def span(pos: int) -> tuple[int, int]:
        i = timeline.sentence_index(pos)
        if i >= len(timeline):
            return pos, pos
        sent = timeline.sentence(i)
        return sent.start, sent.end

    return span


def not_references(text: str, triggers: list[Trigger], timeline: Timeline) -> list[Trigger]:
    """``triggers`` without those that only name the event a date is relative to: "released
    from prison in Dakar ten days before the election" reports no election in Dakar."""
    from geo.dates import event_reference

    spans = []
    for t in timeline.all_times:
        if t.text.lower().endswith(("before", "after")):
            span = event_reference(text, t.end)
            if span is not None:
                spans.append(span)
    if not spans:
        return triggers
    return [t for t in triggers if not in_spans(t.start, spans)]
