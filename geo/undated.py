"""Undated clusters in the merge: a cluster dated only by publication dates that matches no
dated cluster in time is background to the latest earlier dated event of the same kind and
place that its article, or one telling the same story, dates (:func:`attach_undated`); another
article's event only when it ended within the days "recently" reaches back from the cluster's
publication, or is a lasting state (:func:`geo.compatibility.recalled`).

Within its own article and for a lasting state the rule looks back without a bound in time
("Moscow invaded Ukraine" is the invasion of February 2022), so an archive holds ever more
dated events at a place an undated cluster may mean, and nearly every undated cluster fits
none of them. The walk (:class:`_StoryIndex`)
therefore reads, latest first, only the dated events that can pass the rule's tests of type
name and story: those that share an article with the cluster, and those of its type name
whose articles' story signature (:meth:`geo.stories.Stories.signature`) is linked to one of
its articles'. A signature that is not linked is tested once per walk, however many events
carry it (copies of one wire story), and none of its events is read.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from datetime import date
from functools import partial

from gazetteer import Place
from geo.background import Distinct, Parts
from geo.blocking import place_keys
from geo.compatibility import (
    LABEL_POINT_KM,
    Divisions,
    lasting_state,
    places_compatible,
    recalled,
    types_apart,
)
from geo.reports import EventReport
from geo.stories import Stories


def attach_undated(
    clusters: list[list[EventReport]],
    divisions: Divisions,
    stories: Stories,
    blocking: bool = True,
) -> list[list[EventReport]]:
    """A cluster dated only by publication dates ("Moscow invaded Ukraine", no date) that
    matches no dated cluster in time is background to the latest earlier dated event of
    the same type and place ("the invasion of Ukraine in February 2022") that its article,
    or one telling the same story (:class:`Stories`), dates: it joins it. Another article's
    event must have ended within the days "recently" reaches back from the cluster's
    publication, unless it is a lasting state (:func:`recalled`: "Moscow invaded Ukraine" is
    the invasion another article dated in 2022; an undated strike on Damascus in 2024 is no
    strike another article dated in 2022). Returns the dated clusters (grown), then the
    undated ones that joined none."""
    is_dated = [any(r.dates.precision != "unknown" for r in c) for c in clusters]
    dated = [c for c, d in zip(clusters, is_dated, strict=True) if d]
    ends = [max(r.dates.end for r in c) for c in dated]  # kept up to date as clusters grow
    # blocked, the walk reads only the targets that may fit, latest end first (then as made),
    # and stops at the first that fits: the rule's own choice, without the whole archive
    targets = _StoryIndex(ends, stories) if blocking else None
    if targets is not None:
        for i, c in enumerate(dated):
            targets.add(i, c[0].type.group, c[0].place, c)
    distinct = Parts(dated)
    out = list(dated)
    for cluster, cluster_dated in zip(clusters, is_dated, strict=True):
        if cluster_dated:
            continue
        if any(r.headline for r in cluster):
            out.append(cluster)  # a headline tells the article's news, not its background
            continue
        start = min(r.dates.start for r in cluster)
        group = cluster[0].type.group
        articles = {r.article for r in cluster}
        name = cluster[0].type.name
        mine = Distinct(cluster)
        published = max(r.dates.end for r in cluster)
        lasting = lasting_state(mine.types)
        pool: Iterable[int]
        if targets is not None:
            spots = place_keys(cluster[0].place, LABEL_POINT_KM)
            compatible = partial(places_compatible, cluster[0].place, divisions=divisions)
            fits = partial(_fits, mine, distinct, divisions)
            pool = targets.before(group, spots, start, compatible, name, mine.articles, fits)
        else:
            pool = sorted(
                (i for i in range(len(dated)) if ends[i] < start),
                key=lambda i: (-ends[i].toordinal(), i),
            )
        at = next(
            (
                i
                for i in pool
                if dated[i][0].type.group == group
                # from another article, the same type, not only the same group: "Moscow invaded
                # Ukraine" is the invasion of 2022, but a storm with no date is no flood of last
                # year; in one article, the undated summit is the visit it dates elsewhere
                and (
                    (own := not articles.isdisjoint((t := distinct(i)).articles)) or name in t.names
                )
                and ends[i] < start
                # from another article, a lasting state or a recent happening: a strike, a
                # visit or an ambush recurs at one place, years apart
                and (own or lasting or recalled(t.types, published, ends[i]))
                and _fits(mine, distinct, divisions, i)
                and any(
                    o in articles or stories.linked(a or "", o or "")
                    for o in t.articles
                    for a in articles
                )
            ),
            None,
        )
        if at is None:
            out.append(cluster)
            continue
        dated[at].extend(cluster)
        distinct.forget(at)
        end = max(ends[at], max(r.dates.end for r in cluster))
        if targets is not None:
            targets.grew(at, end, dated[at])
        ends[at] = end
    return out


def _fits(mine: Distinct, parts: Parts, divisions: Divisions, i: int) -> bool:
    """The rule's tests of types and places between a cluster's distinct parts ``mine`` and
    target ``i`` (its parts ``parts(i)``): cheaper than a story link, so asked first."""
    t = parts(i)
    return not any(types_apart(a, b) for a in mine.types for b in t.types) and all(
        places_compatible(a, b, divisions) for a in mine.places for b in t.places
    )


class _StoryIndex:
    """Dated clusters (targets, by ordinal) that an undated cluster may join, by kind and
    first place (a target fits only at a place compatible with the cluster's: a walk tests
    the distinct places of its spatial keys, not every target an archive files there), and
    under each place by what the rule's word tests need: by each article of a target (a
    target sharing an article with the cluster passes them) and by each pair of a type name
    of its reports and a story signature of its articles (a target of another article must
    hold the cluster's type name and an article telling its story). Each list is held
    latest end first (then in the order made); ``ends`` is the targets' ends, which
    :meth:`grew` updates (a target is filed again at its new end, and its old entries are
    skipped). A walk reads one list per article of the cluster and one per signature of
    its type name at each compatible place, and drops a signature's list when it reaches it
    and the signature tells none of the cluster's stories."""

    def __init__(self, ends: list[date], stories: Stories) -> None:
        self._ends = ends
        self._stories = stories
        self._places: dict[str, Place] = {}
        self._ids: dict[tuple[Hashable, Hashable], set[str]] = defaultdict(set)
        self._at: dict[int, tuple[Hashable, str]] = {}
        self._by_article: dict[tuple[Hashable, str, str | None], list[tuple[int, int]]] = (
            defaultdict(list)
        )
        self._by_story: dict[tuple[Hashable, str, str], dict[int, list[tuple[int, int]]]] = (
            defaultdict(dict)
        )

    def add(self, i: int, kind: Hashable, place: Place, reports: Sequence[EventReport]) -> None:
        """Hold target ``i`` of ``kind``, first at ``place``, made of ``reports``, at its
        present end."""
        self._places.setdefault(place.id, place)
        for spot in place_keys(place, LABEL_POINT_KM):
            self._ids[(kind, spot)].add(place.id)
        self._at[i] = (kind, place.id)
        self._file(i, *self._keys_of(reports))

    def grew(self, i: int, end: date, reports: Sequence[EventReport]) -> None:
        """Target ``i`` now ends on ``end`` and is made of ``reports``: file it again, at
        that end, under each of its articles and pairs of type name and signature (the
        entries at its old end are skipped from now on). A cluster joins a target only
        after its end, so the end always moves."""
        self._ends[i] = end
        self._file(i, *self._keys_of(reports))

    def _keys_of(
        self, reports: Sequence[EventReport]
    ) -> tuple[frozenset[str | None], frozenset[tuple[str, int]]]:
        """The articles of ``reports``, and each pair of a type name of theirs and a story
        signature of their articles."""
        articles = frozenset(r.article for r in reports)
        names = {r.type.name for r in reports}
        signatures = {self._stories.signature(a or "") for a in articles}
        return articles, frozenset((n, s) for n in names for s in signatures)

    def _file(
        self, i: int, articles: Iterable[str | None], told: Iterable[tuple[str, int]]
    ) -> None:
        kind, place_id = self._at[i]
        entry = (-self._ends[i].toordinal(), i)
        lists = [self._by_article[(kind, place_id, a)] for a in articles] + [
            self._by_story[(kind, place_id, n)].setdefault(s, []) for n, s in told
        ]
        for held in lists:
            if held and held[-1] > entry:
                insort(held, entry)
            else:
                held.append(entry)

    def before(
        self,
        kind: Hashable,
        spots: Iterable[Hashable],
        start: date,
        compatible: Callable[[Place], bool],
        name: str,
        articles: Sequence[str | None],
        fits: Callable[[int], bool],
    ) -> Iterator[int]:
        """The targets of ``kind`` under any of ``spots`` that end before ``start``, stand
        at a place for which ``compatible`` holds (asked once per distinct place) and
        either share one of ``articles`` or hold type ``name`` and an article telling the
        story of one of ``articles`` (asked once per signature, when the walk first reaches
        a target of it for which ``fits`` holds, and none of its targets read before that):
        latest end first (then in the order made), each once, read lazily. Every target
        that may pass the undated rule and ``fits`` is among them."""
        first = (-start.toordinal() + 1, -1)
        ids = {place_id for spot in spots for place_id in self._ids.get((kind, spot), ())}
        streams: list[tuple[list[tuple[int, int]], int | None]] = []
        for place_id in sorted(ids):
            if not compatible(self._places[place_id]):
                continue
            for article in articles:
                held = self._by_article.get((kind, place_id, article))
                if held:
                    streams.append((held, None))
            for signature, held in self._by_story.get((kind, place_id, name), {}).items():
                streams.append((held, signature))
        mine = {self._stories.signature(a or "") for a in articles}
        return self._walk(streams, first, mine, fits)

    def _walk(
        self,
        streams: Sequence[tuple[list[tuple[int, int]], int | None]],
        first: tuple[int, int],
        mine: set[int],
        fits: Callable[[int], bool],
    ) -> Iterator[int]:
        """The targets of ``streams`` (lists by end, each with the signature its targets'
        articles share, or ``None``) from ``first`` on, merged latest end first, without
        old entries and without the lists whose signature tells no story of ``mine``: a
        list's signature is asked when one of its targets passes ``fits``, and the list
        is read from that target on (those before it cannot fit)."""
        # a list of a signature is kept from its first target that passes the types and
        # places on, when the signature tells one of the cluster's stories; the others (in
        # an archive of distinct texts, nearly all) are never merged
        linked = self._stories.signatures_linked
        ends = self._ends
        told: dict[int, bool] = {}
        fit: dict[int, bool] = {}  # a target of several articles is in several lists
        heap = []
        for k, (held, signature) in enumerate(streams):
            j = bisect_left(held, first)
            if signature is not None:
                while j < len(held) and -held[j][0] != ends[held[j][1]].toordinal():
                    j += 1  # an entry from before the target grew
                if j == len(held):
                    continue
                tells = told.get(signature)
                if tells is None:
                    if j == len(held) - 1:
                        # one target left (with distinct texts, the usual case): no link is
                        # computed when it cannot fit on types and places
                        i = held[j][1]
                        ok = fit.get(i)
                        if ok is None:
                            ok = fit[i] = fits(i)
                        if not ok:
                            continue
                    # else the link is computed once for the pair of texts, and the copies'
                    # lists are dropped or kept at no cost from then on
                    tells = told[signature] = any(linked(m, signature) for m in mine)
                if not tells:
                    continue  # none of this list's targets tells the story
            if j < len(held):
                heap.append((held[j], k, j))
        heapq.heapify(heap)
        last = None
        while heap:
            entry, k, j = heap[0]
            held = streams[k][0]
            if j + 1 < len(held):
                heapq.heapreplace(heap, (held[j + 1], k, j + 1))
            else:
                heapq.heappop(heap)
            neg_end, i = entry
            if entry != last and -neg_end == ends[i].toordinal():
                last = entry  # else met in another list, or from before the target grew
                yield i
