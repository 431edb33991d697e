"""The town of a lead that tells a plan: the story's town for the dated happenings after it.

A story whose lead tells a plan or a day to come ("Fumo, free on bail, will be sentenced
July 13.") gives no event of its own (:func:`geo.lead_event.lead_report` refuses it), yet its
place is the story's place, and the dated happening the story tells after it ("after a jury
convicted him Monday on 137 counts") took place there. :func:`planned_lead_anchor` gives such
a lead a report at the place :func:`geo.lead_event.lead_report` would give it, to anchor the
happenings after it (:func:`geo.focus_reports.town_reports_after`); the report itself is never an
event. Counted on the pool and tuning sets in docs/recognition-and-events.md ("A planned
lead's town").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from geo.lead_event import headline_trigger, needs_lead, other_time, placed_lead_report
from geo.lead_kind import cue_type
from geo.reports import EventReport, around_publication
from geo.status import read_clause
from geo.timeline import Timeline

if TYPE_CHECKING:
    from gazetteer import Place
    from geo.clauses import Sentence
    from geo.lexicon import Trigger
    from geo.model import DateRange
    from geo.recognize import Recognized

__all__ = ["planned_lead_anchor"]

#: Moods of a trigger that tell a happening yet to come (:func:`geo.status.read_clause`).
_PLAN_MOODS = frozenset({"planned"})
#: Date precisions that date a lead's happening (as in :mod:`geo.lead_event`).
_NEWS_PRECISIONS = frozenset({"day", "week"})


def planned_lead_anchor(
    text: str,
    mentions: Sequence[Recognized],
    timeline: Timeline,
    triggers: Sequence[Trigger],
    *,
    judged: Sequence[EventReport] = (),
    article: str | None = None,
    home_country: str | None = None,
    home: Place | None = None,
    own_town: Place | None = None,
) -> EventReport | None:
    """A report of the lead's happening at its place, when the rule passes' reports
    ``judged`` hold no dated one (:func:`geo.lead_event.needs_lead`), the lead is a
    statement, not a question, and it tells a plan: every trigger word of the lead is told as
    planned, or the lead's own day or week lies after publication. Its place is the one
    :func:`geo.lead_event.lead_report` gives a lead with no focus (its arguments as there);
    its dates are the lead's and its status ``planned``. ``None`` otherwise. The report
    only anchors the happenings after it: it is no event."""
    k = timeline.lead_index()
    if k is None or not needs_lead(judged):
        return None
    lead = timeline.sentence(k)
    if text[lead.start : lead.end].rstrip().endswith("?"):
        return None
    if other_time(text, lead, triggers) is not None:
        return None  # "… ahead of an expected election": the lead's news is another's
    own = [t for t in triggers if lead.start <= t.start < lead.end]
    ahead = _day_ahead(timeline, k)
    if not (own and all(_planned(text, lead, t) for t in own)) and ahead is None:
        return None
    dates = ahead if ahead is not None else timeline.sentence_date(k)
    if dates is None and timeline.published is not None:
        dates = around_publication(timeline.published)  # "will be sentenced": no day yet
    if dates is None:
        return None
    trigger = own[0] if own else headline_trigger(text, timeline, k, triggers)
    kind = trigger.type if trigger is not None else cue_type(text, timeline, k)
    return placed_lead_report(
        text,
        mentions,
        timeline,
        k,
        None,
        trigger,
        kind,
        frozenset(r.char_start for r in judged),
        dates=dates,
        date_source="sentence",
        status="planned",
        article=article,
        home_country=home_country,
        home=home,
        own_town=own_town,
        bodies=True,
    )


def _planned(text: str, lead: Sentence, t: Trigger) -> bool:
    """True when the clause of trigger ``t`` tells its happening as planned ("will be
    sentenced July 13")."""
    reading = read_clause(text, lead, t, None)
    return reading is not None and reading.mood in _PLAN_MOODS


def _day_ahead(timeline: Timeline, k: int) -> DateRange | None:
    """The day or week of lead ``k`` (its own, or that of the sentence it continues) when it
    lies after publication; ``None`` otherwise."""
    found = timeline.lead_range()
    if found is None:
        dated = timeline.sentence_date(k)
        found = dated if dated is not None and dated.precision in _NEWS_PRECISIONS else None
    published = timeline.published
    if found is None or published is None or found.start <= published:
        return None
    return found
