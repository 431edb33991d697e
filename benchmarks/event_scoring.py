"""The scorer of events against hand-made gold, as ``../shared/corpora/README.md`` says.

A system event belongs to an article when the article is among its sources. It matches a gold
event when its geometry lies within the gold ``tol_km`` of the gold point or of one of its
``alt`` points (0 km when the geometry covers the point; else the great-circle distance to the
geometry's nearest point) and its [start, end] lies inside the gold window widened by one day
at each end. :func:`score` counts recall over required gold events, precision over (event,
article) pairs (optional gold events never count against it), category accuracy over matched
required events, and trap hits. :mod:`bench_events` builds the system's events and prints
the figures; :mod:`second_events` scores a second annotator's events the same way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in km (:func:`lonlat.distance.km`, arguments lat first)."""
    from lonlat.distance import km

    return km(lon1, lat1, lon2, lat2)


def distance_km(geometry: Any, lat: float, lon: float) -> float:
    """0 when ``geometry`` covers (lat, lon); else the great-circle distance to its nearest
    point (nearest in lon/lat, measured on the sphere)."""
    from shapely.geometry import Point
    from shapely.ops import nearest_points

    pt = Point(lon, lat)
    if geometry.covers(pt):
        return 0.0
    near = nearest_points(geometry, pt)[0]
    return great_circle_km(lat, lon, near.y, near.x)


@dataclass(frozen=True, slots=True)
class SystemEvent:
    """What the scorer needs of one system event."""

    id: str
    title: str
    category: str
    place_name: str
    start: date
    end: date
    geometry: Any
    articles: frozenset[str]


@dataclass(slots=True)
class Score:
    """The figures of one scoring run, with the details ``--show`` prints."""

    required: int = 0
    required_matched: int = 0
    category_right: int = 0
    pairs: int = 0
    pairs_matched: int = 0
    trap_hits: int = 0
    #: trap hits by pairs that also match a gold event: an area (a country, a state) that
    #: covers both the gold point and a trap's ("the United States" holding a trap's town)
    trap_hits_matched: int = 0
    misses: list[tuple[str, Mapping[str, Any]]] = field(default_factory=list)
    false: list[tuple[str, SystemEvent]] = field(default_factory=list)
    wrong_category: list[tuple[str, Mapping[str, Any], SystemEvent]] = field(default_factory=list)
    traps: list[tuple[str, SystemEvent, Mapping[str, Any]]] = field(default_factory=list)
    #: (gold category, system category) → matched required events: the gold category when
    #: a matching event carries it, else that of the first matching event
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)
    #: gold category → required events
    required_by_category: dict[str, int] = field(default_factory=dict)
    #: docid → (required, required matched, category right, pairs, pairs matched): what
    #: :func:`intervals` resamples
    by_article: dict[str, tuple[int, int, int, int, int]] = field(default_factory=dict)
    #: (docid, index of the event in the article's gold) → the categories of the system
    #: events matching that required event (what :mod:`category_agreement` compares)
    matched_categories: dict[tuple[str, int], frozenset[str]] = field(default_factory=dict)
    #: (mechanism, gold category, system category) → matched required events, filled by
    #: ``bench_events.py --confusion`` (:mod:`category_mechanism`)
    category_cells: dict[tuple[str, str, str], int] = field(default_factory=dict)
    #: the wrong categories of matched required events by kind (``pairing``, ``label``),
    #: filled by ``bench_events.py --confusion`` (:func:`category_mechanism.wrong_kinds`)
    wrong_kinds: dict[str, int] = field(default_factory=dict)
    #: (what chose the category, verdict) → matched required events, and the events of one
    #: article at one place and days in two categories by kind, filled by
    #: ``bench_events.py --confusion`` (:mod:`category_choices`)
    choice_kinds: dict[tuple[str, str], int] = field(default_factory=dict)
    spot_kinds: dict[str, int] = field(default_factory=dict)

    @property
    def recall(self) -> float:
        return self.required_matched / self.required if self.required else 0.0

    @property
    def precision(self) -> float:
        return self.pairs_matched / self.pairs if self.pairs else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def category_accuracy(self) -> float:
        return self.category_right / self.required_matched if self.required_matched else 0.0

    def figures(self) -> dict[str, float | int]:
        return {
            "recall": round(self.recall, 3),
            "precision": round(self.precision, 3),
            "f1": round(self.f1, 3),
            "required": self.required,
            "required_matched": self.required_matched,
            "pairs": self.pairs,
            "pairs_matched": self.pairs_matched,
            "category_right": self.category_right,
            "category_accuracy": round(self.category_accuracy, 3),
            "trap_hits": self.trap_hits,
            "trap_hits_matched": self.trap_hits_matched,
            "articles": {k: list(v) for k, v in self.by_article.items()},
        }


def near(ev: SystemEvent, spot: Mapping[str, Any]) -> bool:
    lat, lon = spot["pt"]
    return distance_km(ev.geometry, lat, lon) <= float(spot["tol_km"])


def in_window(ev: SystemEvent, gold: Mapping[str, Any]) -> bool:
    """True when ``ev``'s dates lie inside the gold window widened by one day at each end."""
    first, last = (date.fromisoformat(d) for d in gold["window"])
    return first - timedelta(days=1) <= ev.start and ev.end <= last + timedelta(days=1)


def near_any(geometry: Any, gold: Mapping[str, Any]) -> bool:
    """True when ``geometry`` is within the gold event's tolerance of its point or of one of
    its ``alt`` points."""
    spots = [gold, *gold.get("alt", ())]
    return any(distance_km(geometry, s["pt"][0], s["pt"][1]) <= float(s["tol_km"]) for s in spots)


def matches(ev: SystemEvent, gold: Mapping[str, Any]) -> bool:
    """True when ``ev`` is within the gold event's tolerance (of its point or an alt point)
    and its dates lie inside the gold window widened by one day at each end."""
    return in_window(ev, gold) and near_any(ev.geometry, gold)


def score(gold: Mapping[str, Mapping[str, Any]], events: Sequence[SystemEvent]) -> Score:
    """Score ``events`` against ``gold`` (``{docid: {"events": [...], "absent": [...]}}``)."""
    out = Score()
    by_article: dict[str, list[SystemEvent]] = {}
    for ev in events:
        for art in ev.articles:
            by_article.setdefault(art, []).append(ev)
    for docid, entry in gold.items():
        before = (
            out.required,
            out.required_matched,
            out.category_right,
            out.pairs,
            out.pairs_matched,
        )
        mine = by_article.get(docid, [])
        gold_events = entry.get("events", [])
        for index, g in enumerate(gold_events):
            if not g.get("required"):
                continue
            out.required += 1
            gold_category = g["category"]
            out.required_by_category[gold_category] = (
                out.required_by_category.get(gold_category, 0) + 1
            )
            hits = [ev for ev in mine if matches(ev, g)]
            if not hits:
                out.misses.append((docid, g))
                continue
            out.required_matched += 1
            out.matched_categories[(docid, index)] = frozenset(ev.category for ev in hits)
            if any(ev.category == gold_category for ev in hits):
                out.category_right += 1
                cell = (gold_category, gold_category)
            else:
                out.wrong_category.append((docid, g, hits[0]))
                cell = (gold_category, hits[0].category)
            out.confusion[cell] = out.confusion.get(cell, 0) + 1
        for ev in mine:
            out.pairs += 1
            matched = any(matches(ev, g) for g in gold_events)
            if matched:
                out.pairs_matched += 1
            else:
                out.false.append((docid, ev))
            for trap in entry.get("absent", []):
                if near(ev, trap):
                    out.trap_hits += 1
                    out.trap_hits_matched += matched
                    out.traps.append((docid, ev, trap))
        after = (
            out.required,
            out.required_matched,
            out.category_right,
            out.pairs,
            out.pairs_matched,
        )
        r, m, c, p, pm = (a - b for a, b in zip(after, before, strict=True))
        out.by_article[docid] = (r, m, c, p, pm)
    return out


def add_scores(results: Sequence[Score]) -> Score:
    """The counts of several scores added up (figures, per-article counts and category
    cells, no lists)."""
    out = Score()
    for r in results:
        out.required += r.required
        out.required_matched += r.required_matched
        out.category_right += r.category_right
        out.pairs += r.pairs
        out.pairs_matched += r.pairs_matched
        out.trap_hits += r.trap_hits
        out.trap_hits_matched += r.trap_hits_matched
        out.by_article.update(r.by_article)
        for counts, into in (
            (r.confusion, out.confusion),
            (r.required_by_category, out.required_by_category),
            (r.category_cells, out.category_cells),
            (r.wrong_kinds, out.wrong_kinds),
            (r.choice_kinds, out.choice_kinds),
            (r.spot_kinds, out.spot_kinds),
        ):
            for key, n in counts.items():
                into[key] = into.get(key, 0) + n  # type: ignore[index]
    return out
