"""What the dates tell of the errors ``bench_events --causes`` files as dates: counts only, so
safe on news one must not read.

``--causes`` counts a missed required event whose place has a system event of its article on
other dates ("an event at the place on other dates"), and a false pair near a gold event but
outside its window ("the dates"). Both read as dating errors, yet most are not: on the readable
tuning sets (t27, t28, t31; session 33) none of the 9 such misses is a misdated report (the
gold happening was never reported: its place unrecognised or inside an organisation's name,
no trigger word), and 2 of the 6 such false pairs (one article) are dated wrongly (a month a
later sentence narrows to days). :func:`date_miss_kinds` splits the misses by whether any report of
the article is dated inside the gold window (at the gold place or elsewhere) and, when none
is, whether the text has a time expression inside it; :func:`date_false_kinds` splits the
false pairs by how their report was dated and counts those without a trigger (a lead's
"Happening").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from event_scoring import Score, SystemEvent, near_any

#: How a date-shaped miss stands, in the order printed.
DATE_MISS_KINDS = (
    "a report at the gold place is dated in the gold window (its event took other dates)",
    "a report elsewhere is dated in the gold window",
    "no report is dated in the gold window; a time expression of the text is",
    "neither a report nor a time expression is dated in the gold window",
)

#: How the report of a date-shaped false pair was dated (``EventReport.date_source``), in the
#: order printed.
DATE_SOURCES = {
    "clause": "by its own clause",
    "sentence": "by its sentence",
    "previous": "by the sentence it continues (or a headline by its lead)",
    "lead": "by the news of a present-perfect lead",
    "published": "around publication (no date of its own)",
    "none": "floating background",
}
#: The line of :func:`date_false_kinds` that counts the pairs whose report has no trigger.
NO_TRIGGER = "of them without a trigger (a lead's happening)"


@dataclass(frozen=True, slots=True)
class DatedReport:
    """What the counts need of one report: its event, dates, place and how it was dated."""

    event: str
    start: date
    end: date
    geometry: Any
    source: str
    triggered: bool


def dated_reports(extraction: Any) -> dict[str, list[DatedReport]]:
    """Article id → the reports of ``extraction``'s events (a :class:`geo.extraction.Extraction`)
    that came from it."""
    out: dict[str, list[DatedReport]] = {}
    for ev in extraction.event_list:
        for r in ev.reports:
            if r.article is None:
                continue
            out.setdefault(r.article, []).append(
                DatedReport(
                    ev.id,
                    r.dates.start,
                    r.dates.end,
                    r.place.geometry,
                    r.date_source,
                    bool(r.trigger),
                )
            )
    return out


def text_ranges(extraction: Any) -> dict[str, list[tuple[date, date]]]:
    """Article id → the (start, end) of every time expression of its text
    (:func:`geo.dates.find_dates`, anchored on its publication date)."""
    from geo.dates import find_dates

    return {
        a.id: [(t.range.start, t.range.end) for t in find_dates(a.text, a.published)]
        for a in extraction.articles
    }


def _inside(start: date, end: date, gold: Mapping[str, Any]) -> bool:
    """True when [start, end] lies in the gold window widened by a day at each end (as the
    scorer matches)."""
    a, b = (date.fromisoformat(d) for d in gold["window"])
    return a - timedelta(days=1) <= start and end <= b + timedelta(days=1)


def date_miss_kinds(
    result: Score,
    events: Sequence[SystemEvent],
    reports: Mapping[str, Sequence[DatedReport]],
    ranges: Mapping[str, Sequence[tuple[date, date]]],
) -> dict[str, int]:
    """How many of ``result``'s missed required events with a system event of their article
    at the gold place (on other dates) fall in each of :data:`DATE_MISS_KINDS`."""
    out = dict.fromkeys(DATE_MISS_KINDS, 0)
    for docid, g in result.misses:
        if not any(docid in ev.articles and near_any(ev.geometry, g) for ev in events):
            continue
        inside = [r for r in reports.get(docid, ()) if _inside(r.start, r.end, g)]
        if any(near_any(r.geometry, g) for r in inside):
            out[DATE_MISS_KINDS[0]] += 1
        elif inside:
            out[DATE_MISS_KINDS[1]] += 1
        elif any(_inside(a, b, g) for a, b in ranges.get(docid, ())):
            out[DATE_MISS_KINDS[2]] += 1
        else:
            out[DATE_MISS_KINDS[3]] += 1
    return out


def date_false_kinds(
    result: Score,
    gold: Mapping[str, Mapping[str, Any]],
    reports: Mapping[str, Sequence[DatedReport]],
) -> dict[str, int]:
    """How ``result``'s false pairs near one of their article's gold events (outside its
    window) were dated: one count per :data:`DATE_SOURCES` label (by the first report of the
    pair's event from that article), then :data:`NO_TRIGGER`."""
    out = dict.fromkeys([*DATE_SOURCES.values(), NO_TRIGGER], 0)
    for docid, ev in result.false:
        if not any(near_any(ev.geometry, g) for g in gold.get(docid, {}).get("events", [])):
            continue
        mine = [r for r in reports.get(docid, ()) if r.event == ev.id]
        if not mine:
            continue
        label = DATE_SOURCES.get(mine[0].source)
        if label is not None:
            out[label] += 1
        out[NO_TRIGGER] += not mine[0].triggered
    return out


def date_causes_report(misses: Mapping[str, int], false: Mapping[str, int]) -> str:
    """The counts of :func:`date_miss_kinds` and :func:`date_false_kinds` as lines of text (no
    article text, no gold text)."""
    lines = [f"misses at the place on other dates, by their dates ({sum(misses.values())}):"]
    lines += [f"  {n:4d}  {kind}" for kind, n in misses.items()]
    dated = sum(n for kind, n in false.items() if kind != NO_TRIGGER)
    lines.append(f"false pairs near a gold event, by how they were dated ({dated}):")
    lines += [f"  {n:4d}  {kind}" for kind, n in false.items()]
    return "\n".join(lines)
