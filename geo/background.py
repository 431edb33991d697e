"""Background in the merge: the floating reports, attached to the events they name, and the
distinct parts of clusters that the background passes compare (the clusters dated only by
publication dates are :mod:`geo.undated`'s).

A floating report (background with no date of its own) joins, as one more source, the latest
event that began by its article's publication day (one its own article reports first), of the
same kind at a compatible place, else of the same category at the same place
(:func:`attach_floating`); a report that refers to nothing is dropped. A report at a country
or a first-level division joins another article's event only at that same place: "few
hurricane landfalls in the United States" names no storm another article told in a town.
Another article's event must have ended within the days "recently" reaches back from the
report's publication, unless it is a lasting state (:func:`geo.compatibility.recalled`): an
ambush with no date in 2023 names no ambush another article dated in 2019.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator, Sequence
from datetime import date
from functools import partial

from gazetteer import Place
from geo.blocking import place_keys
from geo.compatibility import (
    LABEL_POINT_KM,
    Divisions,
    lasting_state,
    places_compatible,
    recalled,
    types_apart,
)
from geo.reports import WIDE_KINDS, EventReport


class Distinct:
    """The distinct types, type names, places and articles of a cluster's reports, each in
    the order first met: the rules compare clusters member by member, and copies of one story
    repeat them."""

    __slots__ = ("articles", "names", "places", "types")

    def __init__(self, cluster: Sequence[EventReport]) -> None:
        self.types = list({id(r.type): r.type for r in cluster}.values())
        self.names = frozenset(r.type.name for r in cluster)
        self.places = list({id(r.place): r.place for r in cluster}.values())
        self.articles = list(dict.fromkeys(r.article for r in cluster))


class Parts:
    """The :class:`Distinct` parts of each of ``clusters`` (by index), gathered on first use
    and again after :meth:`forget` (the cluster grew)."""

    __slots__ = ("_clusters", "_gathered")

    def __init__(self, clusters: Sequence[Sequence[EventReport]]) -> None:
        self._clusters = clusters
        self._gathered: dict[int, Distinct] = {}

    def __call__(self, i: int) -> Distinct:
        hit = self._gathered.get(i)
        if hit is None:
            hit = self._gathered[i] = Distinct(self._clusters[i])
        return hit

    def forget(self, i: int) -> None:
        """Cluster ``i`` grew: gather its parts again when next asked."""
        self._gathered.pop(i, None)


def _same_place(a: Place, b: Place) -> bool:
    return a.id == b.id


def _start(cluster: Sequence[EventReport]) -> date:
    return min(r.dates.start for r in cluster if not r.floating)


def attach_floating(
    clusters: list[list[EventReport]],
    floating: Sequence[EventReport],
    divisions: Divisions,
    blocking: bool = True,
) -> None:
    """Add each floating background report to the event it refers to: the latest one that
    began by its article's publication day, of the same kind at a compatible place, else of
    the same category at the same place; an event its own article reports comes before
    those of other articles, which must have ended within the days "recently" reaches back
    from its publication unless it is a lasting state (:func:`recalled`). A report that
    refers to nothing is dropped."""
    ordered = sorted(floating, key=lambda r: (r.article or "", r.char_start, r.place.id))
    starts = [_start(c) for c in clusters]  # floating reports, the only ones added, keep it
    ends = [max(o.dates.end for o in c) for c in clusters]  # and this
    # the walk takes the latest candidates first and stops at the first day that fits, and
    # reads only candidates at a place that may fit (see _StartIndex)
    index = _StartIndex(clusters, starts, blocking)
    by_article: dict[str | None, list[tuple[int, int]]] = defaultdict(list)
    for i, c in enumerate(clusters):
        for article in {o.article for o in c}:
            by_article[article].append((-starts[i].toordinal(), i))
    for held in by_article.values():
        held.sort()
    keys = [
        frozenset(place_keys(c[0].place, LABEL_POINT_KM)) if blocking else frozenset(["all"])
        for c in clusters
    ]
    parts = Parts(clusters)
    for r in ordered:
        published = -r.dates.end.toordinal()  # a placeholder ends on publication day
        spots = place_keys(r.place, LABEL_POINT_KM) if blocking else ["all"]
        # what its own article reports first: "the night before the stabbing" is the
        # stabbing the article tells of, not a later one another article tells of
        held = by_article.get(r.article, [])
        own = [
            i
            for _, i in _tail(held, bisect_left(held, (published, -1)))
            if not keys[i].isdisjoint(spots)
        ]
        target = _referent(r, partial(_among, clusters, own), clusters, starts, parts, divisions)
        if target is None:
            if r.place.kind in WIDE_KINDS:
                compatible = partial(_same_place, r.place)
            else:
                compatible = partial(places_compatible, r.place, divisions=divisions)
            everywhere = partial(index.candidates, r.place, spots, published, compatible)
            if not lasting_state([r.type]):
                everywhere = partial(_recent_or_own, everywhere, clusters, ends, parts, r)
            target = _referent(r, everywhere, clusters, starts, parts, divisions)
        if target is not None:
            clusters[target].append(r)
            parts.forget(target)
            index.joined(target, r.place)


class _StartIndex:
    """The clusters a floating report may refer to, latest start first (then in the order
    made). Blocked, those of a group are held by the place of their first report, with the
    places of each (group, spatial key) (a cluster fits only when that place is compatible
    with the report's, so a walk tests the distinct places of its keys, not every cluster
    an archive files there), and those of a category by the id of each place their reports
    give (the rule wants one at the report's own place); :meth:`joined` files a cluster
    under the place of a report that joins it. Exhaustive, every cluster of a group or
    category is a candidate."""

    def __init__(
        self, clusters: Sequence[list[EventReport]], starts: Sequence[date], blocking: bool
    ) -> None:
        self._clusters = clusters
        self._starts = starts
        self._blocking = blocking
        self._places: dict[str, Place] = {}
        self._ids: dict[tuple[str, Hashable], set[str]] = defaultdict(set)
        self._held: dict[tuple[str, str, str], list[tuple[int, int]]] = defaultdict(list)
        self._filed: set[tuple[str, int]] = set()
        for i, c in enumerate(clusters):
            first, group, category = c[0].place, c[0].type.group, c[0].type.category
            entry = (-starts[i].toordinal(), i)
            if not blocking:
                self._held[("group", group, "all")].append(entry)
                self._held[("category", category, "all")].append(entry)
                continue
            self._places.setdefault(first.id, first)
            for spot in place_keys(first, LABEL_POINT_KM):
                self._ids[(group, spot)].add(first.id)
            self._held[("group", group, first.id)].append(entry)
            for place_id in {o.place.id for o in c}:
                self._filed.add((place_id, i))
                self._held[("category", category, place_id)].append(entry)
        for held in self._held.values():
            held.sort()

    def joined(self, i: int, place: Place) -> None:
        """A report at ``place`` joined cluster ``i``: file it under that place too."""
        if self._blocking and (place.id, i) not in self._filed:
            self._filed.add((place.id, i))
            key = ("category", self._clusters[i][0].type.category, place.id)
            insort(self._held[key], (-self._starts[i].toordinal(), i))

    def candidates(
        self,
        place: Place,
        spots: Sequence[Hashable],
        published: int,
        compatible: Callable[[Place], bool],
        kind: str,
        name: str,
    ) -> Iterator[int]:
        """The clusters of group or category (``kind``) ``name`` that began by
        ``-published`` (an ordinal), latest start first: of a group, those under any of
        ``spots`` whose first place is ``compatible`` (asked once per place); of a category,
        those with a report at ``place``."""
        if not self._blocking:
            every = self._held.get((kind, name, "all"), [])
            if kind == "group":
                # the same test of the first place as the blocked walk's (a floating report
                # at a country or a division wants that very place: attach_floating)
                first = {i: self._clusters[i][0].place for _, i in every}
                every = [e for e in every if compatible(first[e[1]])]
            lists = [every]
        elif kind == "group":
            ids = {place_id for spot in spots for place_id in self._ids.get((name, spot), ())}
            lists = [
                self._held[(kind, name, place_id)]
                for place_id in sorted(ids)
                if compatible(self._places[place_id])
            ]
        else:
            lists = [self._held.get((kind, name, place.id), [])]
        streams = [_tail(held, bisect_left(held, (published, -1))) for held in lists]
        return (i for _, i in heapq.merge(*streams))


def _among(
    clusters: Sequence[list[EventReport]], pool: Sequence[int], kind: str, name: str
) -> Iterator[int]:
    """The clusters of ``pool`` (latest start first) whose first report is of group or
    category (``kind``) ``name``."""
    for i in pool:
        t = clusters[i][0].type
        if (t.group if kind == "group" else t.category) == name:
            yield i


def _recent_or_own(
    candidates: Callable[[str, str], Iterator[int]],
    clusters: Sequence[list[EventReport]],
    ends: Sequence[date],
    parts: Callable[[int], Distinct],
    r: EventReport,
    kind: str,
    name: str,
) -> Iterator[int]:
    """The clusters of ``candidates(kind, name)`` that floating report ``r`` may mean
    although its kind is no lasting state: those its own article reports, and those of
    other articles that are a lasting state (their types, ``parts(i)``) or ended (``ends``)
    within the days "recently" reaches back from its publication (:func:`recalled`)."""
    for i in candidates(kind, name):
        if recalled(parts(i).types, r.dates.end, ends[i]) or any(
            o.article == r.article for o in clusters[i]
        ):
            yield i


def _tail(held: list[tuple[int, int]], start: int) -> Iterator[tuple[int, int]]:
    """The items of ``held`` from ``start`` on, read lazily."""
    return (held[j] for j in range(start, len(held)))


def _referent(
    r: EventReport,
    candidates: Callable[[str, str], Iterator[int]],
    clusters: Sequence[list[EventReport]],
    starts: Sequence[date],
    parts: Callable[[int], Distinct],
    divisions: Divisions,
) -> int | None:
    """The cluster (by position) that the floating report ``r`` refers to: the latest that
    began by its publication day of the same kind at a compatible place, else of the same
    category at the same place; ``None`` when none fits. ``candidates(kind, name)`` gives the
    clusters that may be meant, latest start first, of group (``kind`` "group") or category
    ``name``; ``parts(i)`` the distinct types and places of cluster ``i``."""

    def fits(i: int) -> bool:
        d = parts(i)
        return all(places_compatible(r.place, p, divisions) for p in d.places) and not any(
            types_apart(r.type, t) for t in d.types
        )

    kind: list[int] = []
    for i in candidates("group", r.type.group):
        if kind and starts[i] < starts[kind[0]]:
            break
        if fits(i):
            kind.append(i)
    other: list[int] = []
    if not kind:
        for i in candidates("category", r.type.category):
            if other and starts[i] < starts[other[0]]:
                break
            if clusters[i][0].type.group == r.type.group or not fits(i):
                continue  # of its own kind: none fits, or it would be ``kind``
            if any(p.id == r.place.id for p in parts(i).places):
                other.append(i)
    same = sorted(kind or other)
    if not same:
        return None
    c = clusters
    return max(same, key=lambda i: (_start(c[i]), sorted(o.place.id for o in c[i])))
