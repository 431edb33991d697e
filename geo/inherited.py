"""The inheriting pass of :func:`geo.events.detect_events`: a sentence that names no place of
its own but dates a happening of a kind the article placed elsewhere ("During the meeting on
Tuesday, …" after "talks in Beijing") takes the place of the nearest report of that kind
with a compatible date, at a lower confidence (role ``inherited``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from geo.clauses import POSSESSIVE, in_spans
from geo.focus_reports import placed_report
from geo.lexicon import Trigger
from geo.reports import EventReport, dates_compatible, lasting
from geo.status import read_clause
from geo.timeline import Timeline
from geo.where import says_own_place

if TYPE_CHECKING:
    from geo.model import DateRange
    from geo.recognize import Recognized

__all__ = ["FLOATING_DONOR_DAYS", "inherited_reports"]

#: A floating donor gives its place only to a happening dated this many days before
#: publication at most (the news of the last month).
FLOATING_DONOR_DAYS = 31


def inherited_reports(
    text: str,
    timeline: Timeline,
    triggers: Sequence[Trigger],
    reports: Sequence[EventReport],
    located_sentences: set[int],
    recognized: Sequence[Recognized],
    article: str | None,
) -> list[EventReport]:
    """Events whose sentence names no place but dates a happening the article placed
    elsewhere ("During the meeting on Tuesday, …" after "talks in Beijing"): they take the
    place of the nearest report of the same kind with a compatible date, at a lower
    confidence."""

    out: list[EventReport] = []
    if not reports:
        return out
    seen: set[int] = set()
    for t in triggers:
        if t.strength < 0.8:
            continue
        i = timeline.sentence_index(t.start)
        if i in located_sentences or i in seen or i >= len(timeline):
            continue
        sent = timeline.sentence(i)
        if in_spans(t.start, sent.attributions):
            continue
        if timeline.quote_at(t.start) is not None:
            continue
        reading = read_clause(text, sent, t, None)
        if reading is None:
            continue  # "no talks were held on Tuesday"
        if any(
            sent.start <= m.start < sent.end
            and m.place.precision < 3
            and not POSSESSIVE.match(text, m.end)
            for m in recognized
        ):
            # "families were evacuated from flooded neighbourhoods of Larkana": the sentence
            # names a town of its own (countries are often only actors), so it is not about
            # the place of another report
            continue
        dates, source = timeline.own_date(t.start)
        if dates is None or dates.precision == "unknown":
            continue
        # "This year's summit is scheduled to start on Oct. 22."
        dates, opens = lasting(
            text, sent.start, t, dates, timeline.starts_only(t.start), timeline.published
        )
        if reading.subordinate and source != "clause":
            continue  # "after the talks, …on Tuesday": the main clause's date is not theirs
        plan = reading.mood != "reported"
        if plan and source != "clause":
            published = timeline.published
            if published is not None and dates.end <= published:
                continue  # "On Oct. 16, … welcomed Xi's upcoming visit": the welcome's date
        status = "background" if reading.subordinate or reading.named else reading.mood
        same = [
            r
            for r in reports
            if r.type.group == t.type.group
            and r.role != "inherited"
            and (r.status in {"planned", "possible"}) == plan  # a plan refers to a plan
        ]
        # "Last month, rains triggered landslides" does not date Saturday's flood: a donor
        # is at most as precise as the sentence's own date. A floating donor, named with no
        # date of its own ("The kidnapped schoolgirls of the school in Jangebe, Zamfara
        # State"), has only a placeholder: the happening this sentence dates before
        # publication is the one it named ("The girls were abducted … early Friday")
        same = [
            r
            for r in same
            if (
                _floating_donor(r, t, dates, timeline.published)
                if r.floating
                else dates_compatible(r.dates, dates) and dates.rank <= r.dates.rank
            )
        ]
        # "A two-car accident here late Friday …": the sentence says where, elsewhere
        same = [r for r in same if not says_own_place(text, sent, recognized, r.place)]
        if not same:
            continue
        donor = min(
            same,
            key=lambda r: (
                r.floating,
                r.type != t.type,
                r.place.precision,
                r.char_start > t.start,
                abs(r.char_start - t.start),
            ),
        )
        seen.add(i)
        out.append(
            placed_report(
                text,
                t,
                sent,
                donor.place,
                dates,
                source,
                article,
                role="inherited",
                status=status,
                opens=opens,
            )
        )
    return out


def _floating_donor(
    donor: EventReport, t: Trigger, dates: DateRange, published: date | None
) -> bool:
    """True when a floating ``donor`` (background named with no date of its own) may give
    its place to trigger ``t``'s happening of ``dates``: the donor is of ``t``'s type and
    named before it ("The kidnapped schoolgirls of … Jangebe, Zamfara State" … "The girls
    were abducted … early Friday"; not a lead's "opened fire at a mosque on Sunday" before
    "the night before the attack he stayed at a hotel in Peshawar"), and ``dates`` is a day
    or a week that ends by publication and began at most :data:`FLOATING_DONOR_DAYS` before
    it (the donor is told as past news)."""
    if donor.type != t.type or donor.char_start >= t.start:
        return False
    if published is None or dates.precision not in {"day", "week"}:
        return False
    return dates.end <= published and (published - dates.start).days <= FLOATING_DONOR_DAYS
