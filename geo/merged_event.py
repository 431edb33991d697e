"""The event a cluster of reports makes, and the notes events get from each other.

An event takes its place (the finest its reported or planned sources give: a city over its
country, at equal precision the smaller area), its dates (the union of its most precise
sources' dates), the title of its strongest trigger, one source entry per article (the
article's best quote), a confidence that grows with each further source, and notes (planned,
possible, placed by the article's focus, start only, other places its sources give). Two
events of one kind at compatible dates in places apart whose sources tell it in strongly
overlapping words each get a note naming the other place (:func:`note_disagreements`).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from gazetteer import Place
from geo.blocking import KeyIndex, buckets
from geo.compatibility import Divisions, area, places_compatible
from geo.lead_event import LEAD_ROLE
from geo.model import PRECISIONS, DateRange
from geo.reports import GUESSED_SOURCES, EventReport, dates_compatible
from geo.stories import Wording
from geo.titles import place_title, title_core

#: Content-word overlap (Jaccard) above which two reports tell the same story.
SAME_WORDING = 0.25
#: Each further source removes this share of the remaining doubt.
SOURCE_BOOST = 0.4
#: A further source that only names the event as background removes this share.
BACKGROUND_BOOST = 0.2
#: Notes for events that no source reports as having happened.
PLANNED_NOTE = "Planned: the sources report it before it took place"
POSSIBLE_NOTE = "Possible: the sources say it may take place"
#: Note naming a place a source also gives for the event (a definite description elsewhere).
ALSO_NOTE = "The sources also place it in"
#: Note of an event that only the article's focus places (geo/focus.py).
FOCUS_NOTE = "Placed at the town the article is about: the sentence names no place"
#: Note of an event that only an article's lead places (geo/lead_event.py).
LEAD_NOTE = (
    "Read from the article's lead: its main news, placed at the place the headline or the "
    "first sentence names"
)
#: Note of an event whose sources give the day it begins but not its end (the day follows).
OPENS_NOTE = "Start only: the sources give no end; it begins on"


@dataclass(frozen=True, slots=True)
class Event:
    """One event, merged from one or more reports."""

    id: str
    title: str
    type: str
    category: str
    place: Place
    dates: DateRange
    sources: tuple[Mapping[str, Any], ...]
    source_count: int
    confidence: float
    reports: tuple[EventReport, ...] = field(repr=False)
    notes: tuple[str, ...] = ()

    @property
    def derivation(self) -> str | None:
        """How the place was derived (a sentence), for derived areas."""
        d = self.place.derivation
        if d is None:
            return None
        if d.description:
            return d.description
        dist = f" {d.distance_km:g} km" if d.distance_km else ""
        detail = f" ({d.detail})" if d.detail else ""
        return f"{d.rule}{detail}{dist} from {d.base_name}"


def event_id(group: str, place_id: str, start: date) -> str:
    """The stable id of an event: a hash of its normalized key (not Python's ``hash``)."""
    key = f"{group.strip().lower()}|{place_id.strip()}|{start.isoformat()}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _precision_rank(r: EventReport) -> int:
    return PRECISIONS.index(r.dates.precision)


def _merged_dates(reports: Sequence[EventReport]) -> tuple[DateRange, bool]:
    """The union of the most precise reports' dates (the overlap of windows of unknown
    precision, when they overlap; those the text gives, "recently", over the guesses around
    publication of reports it does not date), and whether its start is only a start
    (a report that gives the first day and no end, :attr:`EventReport.opens`). Such a report
    starts the event on its day, and the windows the other most precise reports give end it:
    "scheduled to start on Oct. 22" with "next week" (21–27 Oct) is 22–27 Oct."""
    finest = min(_precision_rank(r) for r in reports)
    chosen = [r for r in reports if _precision_rank(r) == finest]
    precision = PRECISIONS[finest]
    if precision == "unknown":
        # a vague time the text gives ("recently") beats the guess around publication that a
        # report the text does not date takes: the guess is no bound on the happening
        told = [r for r in chosen if r.date_source not in GUESSED_SOURCES]
        chosen = told or chosen
    opening = [r.dates for r in chosen if r.opens]
    if not opening:
        dates = [r.dates for r in chosen]
        if precision == "unknown":
            # "around publication" windows of articles published days apart: the happening
            # lies in each of them, so in their overlap (their union only when they miss)
            start, end = max(d.start for d in dates), min(d.end for d in dates)
            if start <= end:
                return DateRange(start, end, precision), False
        return DateRange(min(d.start for d in dates), max(d.end for d in dates), precision), False
    start = min(d.start for d in opening)
    ends = [r.dates.end for r in chosen if not r.opens and r.dates.end >= start]
    end = min(ends) if ends else max(d.end for d in opening)
    return DateRange(start, end, precision), True


def _pick_place(reports: Sequence[EventReport]) -> Place:
    counts = Counter(r.place.id for r in reports)
    by_id = {r.place.id: r.place for r in reports}
    return min(
        by_id.values(),
        key=lambda p: (p.precision, area(p.geometry), -counts[p.id], p.id),
    )


def _quote_with_antecedent(r: EventReport, cluster: Sequence[EventReport]) -> str:
    """The quote of ``r``, preceded by the sentence it names by a definite description when
    that report is in ``cluster``: "The quake was centred off the coast of Valparaíso" alone
    says neither what happened nor when; "A magnitude 6.3 earthquake shook central Chile on
    Saturday night … The quake was centred off …" does."""
    if r.refers_to is None:
        return r.quote
    named = next(
        (o for o in cluster if o.article == r.article and o.char_start == r.refers_to), None
    )
    if named is None or named.quote == r.quote or r.quote in named.quote:
        return r.quote
    return f"{named.quote} … {r.quote}"


def event_with(e: Event, **changes: Any) -> Event:
    """A copy of ``e`` with the fields in ``changes`` replaced."""
    values = {f: getattr(e, f) for f in Event.__dataclass_fields__}
    values.update(changes)
    return Event(**values)


def cluster_event(
    cluster: Sequence[EventReport], articles: Mapping[str, Any], divisions: Divisions
) -> Event:
    """The event a cluster of reports makes: its place, dates, type and sources."""
    core = [r for r in cluster if not r.floating]
    # reported and planned sources first: background never outweighs them
    fore = [r for r in core if r.status != "background"] or core
    place = _pick_place(fore)
    dates, opened = _merged_dates(
        [r for r in fore if r.dates.precision != "unknown"]
        or [r for r in core if r.dates.precision != "unknown"]
        or fore
    )
    lead = max(
        fore,
        key=lambda r: (
            r.type.strength,
            r.place.id == place.id,
            r.confidence,
            -(ord(r.article[0]) if r.article else 0),
        ),
    )
    # "Statement, Washington, D.C.": the place name may hold a comma itself
    title = place_title(title_core(lead.title, lead.place), place)
    leading = set(map(id, fore))

    def rank(r: EventReport) -> tuple[bool, bool, bool, float, int]:
        # a sentence of the body before the headline that sums it up: "A magnitude 6.3
        # earthquake struck western Afghanistan on Oct. 7", not "Second strong quake hits…"
        return (
            id(r) in leading,
            r.place.id == place.id,
            not r.headline,
            r.confidence,
            -r.char_start,
        )

    best_by_article: dict[str, EventReport] = {}
    for r in cluster:
        key = r.article or ""
        cur = best_by_article.get(key)
        if cur is None or rank(r) > rank(cur):
            best_by_article[key] = r
    sources = []
    for article_id in sorted(best_by_article):
        r = best_by_article[article_id]
        meta = articles.get(article_id)
        published = getattr(meta, "published", None)
        sources.append(
            {
                "article": article_id or None,
                "title": getattr(meta, "title", None),
                "outlet": getattr(meta, "outlet", None),
                "url": getattr(meta, "url", None),
                "published": published.isoformat() if published else None,
                "quote": _quote_with_antecedent(r, cluster),
            }
        )
    n = len(best_by_article)
    primary = sum(1 for r in best_by_article.values() if id(r) in leading)
    base = max(r.confidence for r in fore)
    doubt = (1 - base) * (1 - SOURCE_BOOST) ** (primary - 1)
    confidence = round(1 - doubt * (1 - BACKGROUND_BOOST) ** (n - primary), 3)
    statuses = {r.status for r in fore}
    notes: tuple[str, ...] = ()
    if statuses <= {"planned", "possible"}:
        notes = (POSSIBLE_NOTE if statuses == {"possible"} else PLANNED_NOTE,)
    if all(r.role == "focus" for r in fore):
        notes = (*notes, FOCUS_NOTE)
    elif all(r.role == LEAD_ROLE for r in fore):
        notes = (*notes, LEAD_NOTE)
    if opened:
        notes = (*notes, f"{OPENS_NOTE} {dates.start.day} {dates.start:%B %Y}")
    # a definite description joins its event whatever its place ("The quake was centred off
    # Ica"): the event keeps the finest place, and the others stay visible as notes
    apart = {
        r.place.id: r.place.name for r in fore if not places_compatible(r.place, place, divisions)
    }
    notes = (*notes, *(f"{ALSO_NOTE} {name}" for _, name in sorted(apart.items())))
    return Event(
        id=event_id(lead.type.group, place.id, dates.start),
        title=title,
        type=lead.type.name,
        category=_category(lead, cluster),
        place=place,
        dates=dates,
        sources=tuple(sources),
        source_count=n,
        confidence=confidence,
        reports=tuple(cluster),
        notes=notes,
    )


def _category(lead: EventReport, cluster: Sequence[EventReport]) -> str:
    """The map layer of the event ``lead`` leads: the lead's category, or, when the lead is a
    definite description ("The meeting took place in Brussels") naming a report of its
    article in ``cluster``, the category of that report, whose sentence told the happening
    and who took part in it ("the chief executives of five airlines met …")."""
    if lead.refers_to is None:
        return lead.type.category
    named = next(
        (r for r in cluster if r.article == lead.article and r.char_start == lead.refers_to),
        None,
    )
    return lead.type.category if named is None else named.type.category


def note_disagreements(
    events: list[Event], divisions: Divisions, blocking: bool = True
) -> list[Event]:
    """``events`` with a note on each pair that seems one happening placed apart: one
    group, compatible dates, alike wording, different articles, incompatible places."""
    notes: dict[int, list[str]] = defaultdict(list)
    groups = [e.reports[0].type.group for e in events]
    # two events of one group at compatible dates share a (group, time bucket) key
    index = KeyIndex()
    keys = [[(group, b) for b in buckets(e.dates)] for group, e in zip(groups, events, strict=True)]
    for j in reversed(range(len(events))) if blocking else ():
        index.add(keys[j], j)
    # what the checks read of an event, gathered once: an event meets many others; events
    # worded alike (copies of one wire story) share a signature, and a pair of signatures
    # is compared once
    articles: dict[int, frozenset[str | None]] = {}
    wording: dict[int, int] = {}
    signatures: dict[tuple[frozenset[str], frozenset[frozenset[str]]], int] = {}
    worded: list[Wording] = []
    alike: dict[tuple[int, int], bool] = {}
    for i, a in enumerate(events):
        later = [j for j in index.near(keys[i]) if j > i] if blocking else range(i + 1, len(events))
        for j in later:
            b = events[j]
            if groups[i] != groups[j]:
                continue
            if not dates_compatible(a.dates, b.dates):
                continue
            if places_compatible(a.place, b.place, divisions):
                continue
            for k in (i, j):
                if k not in articles:
                    articles[k] = frozenset(r.article for r in events[k].reports)
            if not articles[i].isdisjoint(articles[j]):
                continue  # one article naming two places: two events, not a disagreement
            for k in (i, j):
                if k not in wording:
                    w = Wording(events[k].reports)
                    wording[k] = signatures.setdefault((w.exclude, w.quotes), len(worded))
                    if wording[k] == len(worded):
                        worded.append(w)
            x, y = sorted((wording[i], wording[j]))
            same = alike.get((x, y))
            if same is None:
                same = alike[(x, y)] = worded[x].overlap(worded[y], SAME_WORDING) >= SAME_WORDING
            if not same:
                continue
            notes[i].append(_note(b))
            notes[j].append(_note(a))
    return [
        event_with(e, notes=(*e.notes, *sorted(set(notes[i])))) if i in notes else e
        for i, e in enumerate(events)
    ]


def _note(other: Event) -> str:
    articles = ", ".join(sorted({r.article or "?" for r in other.reports}))
    return f"Other sources place this in {other.place.name} ({articles})"
