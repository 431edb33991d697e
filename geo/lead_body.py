"""The day the body gives a lead's happening (:func:`body_told_day`): a wire lead often tells
its news with no time ("SHANGHAI • China's military said it had monitored and warned a US
warship that had sailed through the Taiwan Strait") and a later sentence tells the same
happening again with its day ("… conducted a Taiwan Strait transit … on Tuesday").

Only a trigger of the lead's own type, dated by its own clause, gives the day: "officials said
Wednesday" dates the saying, not the crash a lead tells, and the crash's own "after the
collision near the town of Tempe on Tuesday" does."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from datetime import timedelta

from geo.lead_dates import BODY_SENTENCES, NEWS_WEEK_DAYS
from geo.lexicon import Trigger, TriggerType
from geo.model import DateRange
from geo.timeline import Timeline

__all__ = ["body_told_day"]


def body_told_day(
    timeline: Timeline, triggers: Sequence[Trigger], i: int, kind: TriggerType
) -> DateRange | None:
    """The day of the first trigger of type ``kind`` in the :data:`BODY_SENTENCES` sentences
    after sentence ``i``, outside quotes, whose own clause dates it to a day of the
    :data:`NEWS_WEEK_DAYS` days up to publication; ``None`` when there is none (or no
    publication date). ``triggers`` are the text's, in text order."""
    published = timeline.published
    if published is None or i + 1 >= len(timeline):
        return None
    first = published - timedelta(days=NEWS_WEEK_DAYS - 1)
    last = min(len(timeline), i + 1 + BODY_SENTENCES) - 1
    lo = bisect_right([t.start for t in triggers], timeline.sentence(i + 1).start - 1)
    end = timeline.sentence(last).end
    for t in triggers[lo:]:
        if t.start >= end:
            break
        if t.type.name != kind.name or timeline.quote_at(t.start) is not None:
            continue
        dates, source = timeline.date_at(t.start)
        if (
            source == "clause"
            and dates is not None
            and dates.precision == "day"
            and first <= dates.start
            and dates.end <= published
        ):
            return dates
    return None
