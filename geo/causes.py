"""Arrests and charges placed by the crime they follow.

"William Goble was arrested Thursday at 2:41 a.m., following a shooting on Dean Woods Road in
Adair County": the arrest names no place, the shooting does, in a clause that only sets the
scene (a background report, :mod:`geo.status`). Local news seldom says where a suspect was
caught or charged apart from where the crime was; :func:`cause_placed` places such an arrest
at its crime's place, with role ``inherited`` (a lower confidence). Which happenings follow
which causes is data: ``placed_by_cause`` in ``geo/data/where.yaml``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from geo.clauses import in_spans
from geo.focus_reports import placed_report
from geo.lexicon import Trigger
from geo.reports import EventReport
from geo.status import read_clause
from geo.timeline import Timeline
from geo.vocabulary import load_data

__all__ = ["cause_placed"]


@cache
def _rule() -> tuple[frozenset[str], frozenset[str]]:
    raw = load_data("where.yaml")["placed_by_cause"]
    return frozenset(raw["types"]), frozenset(raw["causes"])


def cause_placed(
    text: str,
    timeline: Timeline,
    triggers: Sequence[Trigger],
    reports: Sequence[EventReport],
    article: str | None,
) -> list[EventReport]:
    """Reports for the arrests (``placed_by_cause`` types) that a sentence
    reports as done, with a date of their own sentence, but places only through the crime
    they follow: a background report of a ``causes`` category later in the same sentence.
    None for a trigger whose sentence already reports a happening of its kind with a place
    of its own, or in quotes and attributions."""
    types, causes = _rule()
    by_sentence: dict[int, list[EventReport]] = {}
    for r in reports:
        by_sentence.setdefault(r.sentence_start, []).append(r)
    out: list[EventReport] = []
    done: set[tuple[int, str]] = set()
    for t in triggers:
        if t.type.name not in types or t.strength < 0.8:
            continue
        i = timeline.sentence_index(t.start)
        if i >= len(timeline):
            continue
        sent = timeline.sentence(i)
        if (sent.start, t.type.group) in done:
            continue
        found = by_sentence.get(sent.start, [])
        if any(r.type.group == t.type.group and r.status != "background" for r in found):
            continue
        cause = next(
            (
                r
                for r in found
                if r.status == "background" and r.category in causes and r.char_start > t.end
            ),
            None,
        )
        if cause is None:
            continue
        if in_spans(t.start, sent.attributions) or timeline.quote_at(t.start) is not None:
            continue
        reading = read_clause(text, sent, t, None)
        if reading is None or reading.mood != "reported" or reading.subordinate or reading.named:
            continue
        dates, source = timeline.own_date(t.start)
        if dates is None or dates.precision == "unknown":
            continue
        done.add((sent.start, t.type.group))
        out.append(
            placed_report(text, t, sent, cause.place, dates, source, article, role="inherited")
        )
    return out
