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
"Happening"). :func:`window_sentence_kinds` goes on with the misses whose window only a time
expression of the text dates: what that expression's sentence holds (a report at the gold
place that took another date, reports elsewhere, a trigger, the gold place) and how far it
lies from the nearest report at the gold place; :func:`date_false_distances` counts how far
from a false pair's report the nearest expression in its gold window lies (session 36: on
held-out, 5 of 24 such misses lie in a report's own sentence, the rest in sentences with no
trigger word or no place of the happening).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
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
    sentence: int = -1


@dataclass(frozen=True, slots=True)
class TextTime:
    """What the sentence counts need of one time expression: its dates, the index of its
    sentence, whether that sentence holds a trigger word, and the geometries of the places
    that sentence's mentions resolved to."""

    start: date
    end: date
    sentence: int
    trigger: bool
    places: tuple[Any, ...] = ()


def dated_reports(extraction: Any) -> dict[str, list[DatedReport]]:
    """Article id → the reports of ``extraction``'s events (a :class:`geo.extraction.Extraction`)
    that came from it."""
    from geo.text import sentences

    starts = {a.id: [s.start for s in sentences(a.text)] for a in extraction.articles}
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
                    _index(starts.get(r.article, []), r.char_start),
                )
            )
    return out


def _index(starts: Sequence[int], pos: int) -> int:
    """The index of the sentence (by its sorted ``starts``) that holds ``pos``."""
    return max(0, bisect_right(starts, pos) - 1)


def text_times(extraction: Any) -> dict[str, list[TextTime]]:
    """Article id → every time expression of its text (:func:`geo.dates.find_dates`) with
    its sentence, whether that sentence holds a trigger word (:func:`geo.lexicon.
    find_triggers`) and the places its mentions resolved to."""
    from geo.dates import find_dates
    from geo.lexicon import find_triggers
    from geo.text import sentences

    placed: dict[str, list[tuple[int, Any]]] = {}
    for row, place in zip(extraction.mention_rows, extraction.mention_places, strict=True):
        placed.setdefault(row["article"], []).append((row["char_start"], place.geometry))
    out: dict[str, list[TextTime]] = {}
    for a in extraction.articles:
        spans = sentences(a.text)
        starts = [s.start for s in spans]
        where: dict[int, list[Any]] = {}
        for pos, geometry in placed.get(a.id, ()):
            where.setdefault(_index(starts, pos), []).append(geometry)
        triggered: dict[int, bool] = {}
        times = out.setdefault(a.id, [])
        for t in find_dates(a.text, a.published):
            k = _index(starts, t.start)
            if k not in triggered:
                triggered[k] = bool(spans) and bool(
                    find_triggers(a.text[spans[k].start : spans[k].end])
                )
            times.append(
                TextTime(t.range.start, t.range.end, k, triggered[k], tuple(where.get(k, ())))
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


#: What the sentence of a time expression dated inside a missed event's window holds, when
#: no report is dated there (:data:`DATE_MISS_KINDS`' third line), in the order printed: the
#: first that fits over the window's expressions.
WINDOW_SENTENCE_KINDS = (
    "a report at the gold place in that sentence took another date",
    "that sentence's reports are elsewhere",
    "a trigger and the gold place, no report",
    "a trigger, not the gold place",
    "the gold place, no trigger",
    "neither a trigger nor the gold place",
)
#: How far (in sentences) a time expression lies from a report, in the order printed.
SENTENCE_DISTANCES = ("same sentence", "1-2 sentences", "3-6 sentences", "further", "none")


def _distance(k: int) -> str:
    """The :data:`SENTENCE_DISTANCES` bucket of ``k`` sentences apart."""
    if k == 0:
        return SENTENCE_DISTANCES[0]
    return SENTENCE_DISTANCES[1] if k <= 2 else SENTENCE_DISTANCES[2] if k <= 6 else "further"


def window_sentence_kinds(
    result: Score,
    events: Sequence[SystemEvent],
    reports: Mapping[str, Sequence[DatedReport]],
    times: Mapping[str, Sequence[TextTime]],
) -> tuple[dict[str, int], dict[str, int]]:
    """For the misses with a system event of their article at the gold place where no report
    but a time expression of the text is dated inside the gold window: how many fall in each
    of :data:`WINDOW_SENTENCE_KINDS` (by what the sentence of such an expression holds, the
    first kind that fits over them), and how far that expression lies from the nearest
    report at the gold place (:data:`SENTENCE_DISTANCES`)."""
    kinds = dict.fromkeys(WINDOW_SENTENCE_KINDS, 0)
    far: Counter[str] = Counter()
    for docid, g in result.misses:
        if not any(docid in ev.articles and near_any(ev.geometry, g) for ev in events):
            continue
        mine = reports.get(docid, ())
        if any(_inside(r.start, r.end, g) for r in mine):
            continue
        inside = [t for t in times.get(docid, ()) if _inside(t.start, t.end, g)]
        if not inside:
            continue
        at_gold = [r.sentence for r in mine if near_any(r.geometry, g)]
        best: tuple[int, int] | None = None
        for t in inside:
            here = [r for r in mine if r.sentence == t.sentence]
            place = any(near_any(p, g) for p in t.places)
            if any(near_any(r.geometry, g) for r in here):
                kind = 0
            elif here:
                kind = 1
            else:
                kind = (2 if place else 3) if t.trigger else (4 if place else 5)
            gap = min((abs(t.sentence - k) for k in at_gold), default=-1)
            if best is None or (kind, gap) < best:
                best = (kind, gap)
        assert best is not None
        kinds[WINDOW_SENTENCE_KINDS[best[0]]] += 1
        far[_distance(best[1]) if best[1] >= 0 else "none"] += 1
    return kinds, {d: far[d] for d in SENTENCE_DISTANCES}


def date_false_distances(
    result: Score,
    gold: Mapping[str, Mapping[str, Any]],
    reports: Mapping[str, Sequence[DatedReport]],
    times: Mapping[str, Sequence[TextTime]],
) -> dict[str, int]:
    """For ``result``'s false pairs near one of their article's gold events (as
    :func:`date_false_kinds` counts them): how far from the sentence of the pair's report
    (its first from that article) the nearest time expression of the text dated inside one
    of those gold windows lies (:data:`SENTENCE_DISTANCES`; ``none`` when no expression is)."""
    out = dict.fromkeys(SENTENCE_DISTANCES, 0)
    for docid, ev in result.false:
        near = [g for g in gold.get(docid, {}).get("events", []) if near_any(ev.geometry, g)]
        mine = [r for r in reports.get(docid, ()) if r.event == ev.id]
        if not near or not mine:
            continue
        gaps = [
            abs(t.sentence - mine[0].sentence)
            for t in times.get(docid, ())
            if any(_inside(t.start, t.end, g) for g in near)
        ]
        out[_distance(min(gaps)) if gaps else "none"] += 1
    return out


def window_sentence_report(
    kinds: Mapping[str, int], distances: Mapping[str, int], false: Mapping[str, int]
) -> str:
    """The counts of :func:`window_sentence_kinds` and :func:`date_false_distances` as lines
    of text (no article text, no gold text)."""
    lines = [
        "misses with a time expression in the window and no report there, by what its "
        f"sentence holds ({sum(kinds.values())}):"
    ]
    lines += [f"  {n:4d}  {kind}" for kind, n in kinds.items()]
    lines.append("  ... and how far it lies from the nearest report at the gold place:")
    lines += [f"  {n:4d}  {d}" for d, n in distances.items()]
    lines.append(
        "false pairs near a gold event, by how far the nearest time expression in its window "
        f"lies from the report ({sum(false.values())}):"
    )
    lines += [f"  {n:4d}  {d}" for d, n in false.items()]
    return "\n".join(lines)
