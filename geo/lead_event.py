"""The lead's happening: the main news of an article in which the rule passes found no event.

News is written lead first: the first full sentence after the headline (the *lead*) tells the
main happening, and the headline or the lead names where ("A Gainesville man was arrested
and charged with grand theft auto early Saturday"). The rule passes of :mod:`geo.events`
place a happening only when a trigger word and a place are tied by the grammar; an article
whose news is told with an ordinary verb, or whose place is only the story's town, gives
them nothing, and the map would not show the story at all.

:func:`lead_report` gives such an article one event, the lead's happening, when all of these
hold (each measured on the events gold; docs/recognition-and-events.md, "The lead's
happening"):

- the article has no dated report of its own (the rule passes found nothing, or only
  floating background);
- the lead is a statement, not a question;
- the place is the article's focus (:func:`geo.focus.article_focus`); else the first town the
  headline or the lead names as a location outside quotes and attributions; else the first
  such location of any kind (a region, a country). Without a focus, every town the headline
  and the lead name must be one the text says which of its namesakes it is
  (:func:`geo.focus.anchored`): a lone "Columbus" or "Richland" is left unmapped rather
  than put in the wrong state;
- the date is the lead's own day or week (:meth:`geo.timeline.Timeline.lead_range`, or the
  date of the sentence the lead continues); a lead with no time expression is dated around
  publication (the week up to the publication day, precision ``unknown``: "no date at all
  for a happening the story reports as recent news"); a lead dated to a month or a year, or
  later than publication, gives nothing;
- its type is that of the first trigger word of the lead the clause does not deny
  (:mod:`geo.lexicon`); else the ``happening`` type of ``geo/data/triggers.yaml`` (category
  ``other``).

The report's role is ``lead``, whose factor in the confidence formula
(:data:`geo.reports.ROLE_FACTOR`) is the lowest: it ranks below a report whose place the
grammar ties and below one placed at the focus by its own trigger.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from geo.clauses import COMPOUND, POSSESSIVE, in_spans
from geo.focus import Focus, anchored
from geo.lexicon import Trigger, TriggerType, load_lexicon
from geo.reports import EventReport, around_publication
from geo.status import read_clause
from geo.timeline import Timeline
from geo.where import place_role, role_fits

if TYPE_CHECKING:
    from gazetteer import Place
    from geo.model import DateRange
    from geo.recognize import Recognized

__all__ = ["LEAD_ROLE", "lead_report", "needs_lead"]

#: The role of a report placed by the lead rule.
LEAD_ROLE = "lead"
#: Date precisions that date a lead's happening ("on Saturday", "last week").
_NEWS_PRECISIONS = frozenset({"day", "week"})
#: The precision of a town or city.
_TOWN = 1


def needs_lead(reports: Sequence[EventReport]) -> bool:
    """True when ``reports`` (an article's reports from the rule passes) hold no dated
    happening: only then does the lead give one."""
    return not any(r.date_source != "none" for r in reports)


def lead_report(
    text: str,
    mentions: Sequence[Recognized],
    timeline: Timeline,
    triggers: Sequence[Trigger],
    focus: Focus | None,
    *,
    article: str | None = None,
) -> EventReport | None:
    """The lead's happening of ``text`` (see the module docstring), or ``None``.
    ``mentions`` are the text's resolved mentions of every role (in text order; only
    locations place the happening, the others can tell which namesake a town is);
    ``triggers`` the text's trigger words (in text order), ``focus`` its focus, if any."""
    k = timeline.lead_index()
    if k is None:
        return None
    lead = timeline.sentence(k)
    if text[lead.start : lead.end].rstrip().endswith("?"):
        return None  # "Could a court award save street art?": a question, not news
    dates, source = _lead_dates(timeline, k)
    if dates is None:
        return None
    trigger = _lead_trigger(text, timeline, k, triggers)
    if trigger is False:
        return None  # the lead tells a plan, a denial or background: the rule passes judged it
    spot = _lead_place(text, mentions, timeline, lead.end, focus, trigger)
    if spot is None:
        return None
    place, start, end = spot
    kind: TriggerType = trigger.type if trigger is not None else load_lexicon().types["happening"]
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
        date_source=source,
        article=article,
        kind=kind,
        form=trigger.form if trigger is not None else "",
        strength=kind.strength if trigger is None else None,
    )


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
    return found, source


def _lead_place(
    text: str,
    mentions: Sequence[Recognized],
    timeline: Timeline,
    lead_end: int,
    focus: Focus | None,
    trigger: Trigger | None = None,
) -> tuple[Place, int | None, int | None] | None:
    """The place of the lead's happening and the span of the mention that names it (``None``
    for the focus): the focus; else the first town, or failing that the first location,
    the headline and the lead name outside quotes and attributions, as a place
    (:func:`_placed`), provided every town among them is anchored
    (:func:`geo.focus.anchored`)."""
    if focus is not None:
        return focus.place, None, None
    told = [m for m in mentions if m.start < lead_end and _told_here(timeline, m)]
    if any(not anchored(text, m.place, mentions) for m in told if m.place.precision == _TOWN):
        return None  # a town the text never says which of its namesakes it is
    located = [m for m in told if _placed(text, m) and _fits(text, timeline, m, trigger)]
    towns = [m for m in located if m.place.precision == _TOWN]
    first = towns[0] if towns else located[0] if located else None
    return None if first is None else (first.place, first.start, first.end)


def _told_here(timeline: Timeline, m: Recognized) -> bool:
    """True when mention ``m`` is a location told by the article itself: not in quoted
    speech nor in an attribution ("told Reuters in London")."""
    if m.role != "location" or timeline.quote_at(m.start) is not None:
        return False
    sent = timeline.sentence(timeline.sentence_index(m.start))
    return not in_spans(m.start, sent.attributions)


def _placed(text: str, m: Recognized) -> bool:
    """True unless mention ``m`` is a possessor, the first part of a compound or a speaker
    ("Russia's envoy", "Asia-Pacific", "Nairobi said"): names of actors, not places."""
    after = text[m.end : m.end + 2]
    if POSSESSIVE.match(after) or COMPOUND.match(after):
        return False
    return load_lexicon().speaker.match(text, m.end) is None


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


def _lead_trigger(
    text: str, timeline: Timeline, k: int, triggers: Sequence[Trigger]
) -> Trigger | None | Literal[False]:
    """The lead's happening's trigger: the first of ``triggers`` in lead ``k`` its clause
    reports as done, as news (not planned, possible, denied, subordinate or named as
    background: "ahead of an expected visit", "since Russia's invasion"); ``False`` when the
    lead has triggers but none such. A lead without one takes the first trigger of the
    sentences before it (the headline: "Man charged with theft" over "A man was arrested
    early Saturday") that its clause does not deny, for its type; else ``None``."""
    lead = timeline.sentence(k)
    own = [t for t in triggers if lead.start <= t.start < lead.end]
    for t in own:
        reading = read_clause(text, lead, t, None)
        if (
            reading is not None
            and reading.mood == "reported"
            and not reading.subordinate
            and not reading.named
        ):
            return t
    if own:
        return False
    for i in range(k):
        sent = timeline.sentence(i)
        for t in triggers:
            if sent.start <= t.start < sent.end and read_clause(text, sent, t, None) is not None:
                return t
    return None
