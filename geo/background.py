"""Background in the merge: the clusters dated only by publication dates and the floating
reports, attached to the dated events they name.

A cluster dated only by publication dates that matches nothing in time joins the latest
earlier dated event of the same kind and place that its article, or one telling the same
story, dates (:func:`_attach_undated`). A floating report (background with no date of its
own) joins, as one more source, the latest event that began by its article's publication day
(one its own article reports first), of the same kind at a compatible place, else of the same
category at the same place (:func:`_attach_floating`); a report that refers to nothing is
dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from geo.blocking import KeyIndex, place_keys
from geo.compatibility import LABEL_POINT_KM, Divisions, places_compatible, types_apart
from geo.reports import EventReport
from geo.stories import _Stories


def _attach_undated(
    clusters: list[list[EventReport]],
    divisions: Divisions,
    stories: _Stories,
    blocking: bool = True,
) -> list[list[EventReport]]:
    """A cluster dated only by publication dates ("Moscow invaded Ukraine", no date) that
    matches no dated cluster in time is background to the latest earlier dated event of
    the same type and place ("the invasion of Ukraine in February 2022") that its article,
    or one telling the same story (:class:`_Stories`), dates: it joins it."""
    is_dated = [any(r.dates.precision != "unknown" for r in c) for c in clusters]
    dated = [c for c, d in zip(clusters, is_dated, strict=True) if d]
    # a target holds a place compatible with the cluster's first: they share a spatial key
    index = KeyIndex()
    for i, c in enumerate(dated):
        index.add(((c[0].type.group, spot) for spot in place_keys(c[0].place, LABEL_POINT_KM)), i)
    ends = [max(r.dates.end for r in c) for c in dated]  # kept up to date as clusters grow
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
        if blocking:
            spots = place_keys(cluster[0].place, LABEL_POINT_KM)
            near: Sequence[int] = index.near((group, spot) for spot in spots)
        else:
            near = range(len(dated))
        # the latest target (by end, then as made) is the first in this order that fits
        pool = sorted((i for i in near if ends[i] < start), key=lambda i: (-ends[i].toordinal(), i))
        latest = next(
            (
                c
                for c in (dated[i] for i in pool)
                if c[0].type.group == group
                # from another article, the same type, not only the same group: "Moscow invaded
                # Ukraine" is the invasion of 2022, but a storm with no date is no flood of last
                # year; in one article, the undated summit is the visit it dates elsewhere
                and any(r.article in articles or r.type.name == cluster[0].type.name for r in c)
                and max(r.dates.end for r in c) < start
                and not any(types_apart(r.type, o.type) for r in cluster for o in c)
                and all(places_compatible(r.place, o.place, divisions) for r in cluster for o in c)
                and any(
                    r.article in articles or stories.linked(a or "", r.article or "")
                    for r in c
                    for a in articles
                )
            ),
            None,
        )
        if latest is not None:
            latest.extend(cluster)
            at = next(i for i in near if dated[i] is latest)
            ends[at] = max(ends[at], max(r.dates.end for r in cluster))
        else:
            out.append(cluster)
    return out


def _start(cluster: Sequence[EventReport]) -> date:
    return min(r.dates.start for r in cluster if not r.floating)


def _attach_floating(
    clusters: list[list[EventReport]],
    floating: Sequence[EventReport],
    divisions: Divisions,
    blocking: bool = True,
) -> None:
    """Add each floating background report to the event it refers to: the latest one that
    began by its article's publication day, of the same kind at a compatible place, else of
    the same category at the same place; an event its own article reports comes before
    those of other articles. A report that refers to nothing is dropped."""
    ordered = sorted(floating, key=lambda r: (r.article or "", r.char_start, r.place.id))
    # a candidate's first report has a place compatible with r's: they share a spatial key
    index = KeyIndex()
    if blocking:
        for i, c in enumerate(clusters):
            index.add(place_keys(c[0].place, LABEL_POINT_KM), i)
    starts = [_start(c) for c in clusters]  # floating reports, the only ones added, keep it
    by_article: dict[str | None, set[int]] = {}
    for i, c in enumerate(clusters):
        for o in c:
            by_article.setdefault(o.article, set()).add(i)
    for r in ordered:
        published = r.dates.end  # a floating report's placeholder ends on publication day
        if blocking:
            near: Sequence[int] = index.near(place_keys(r.place, LABEL_POINT_KM))
        else:
            near = range(len(clusters))
        # the latest candidates first: the target begins on the latest day of those that fit
        # (of the same kind, else of the same category and place), so the walk stops there
        latest = sorted(
            (i for i in near if starts[i] <= published), key=lambda i: (-starts[i].toordinal(), i)
        )
        # what its own article reports first: "the night before the stabbing" is the
        # stabbing the article tells of, not a later one another article tells of
        own = by_article.get(r.article, set())
        target = _referent(r, [i for i in latest if i in own], clusters, starts, divisions)
        if target is None:
            target = _referent(r, latest, clusters, starts, divisions)
        if target is not None:
            target.append(r)


def _referent(
    r: EventReport,
    latest: Sequence[int],
    clusters: Sequence[list[EventReport]],
    starts: Sequence[Any],
    divisions: Divisions,
) -> list[EventReport] | None:
    """The cluster among ``latest`` (indices, latest start first) that the floating report
    ``r`` refers to: the latest of the same kind at a compatible place, else of the same
    category at the same place; ``None`` when none fits."""
    kind: list[int] = []
    other: list[int] = []
    for i in latest:
        if kind and starts[i] < starts[kind[0]]:
            break
        c = clusters[i]
        if not (
            all(places_compatible(r.place, o.place, divisions) for o in c)
            and not any(types_apart(r.type, o.type) for o in c)
        ):
            continue
        if c[0].type.group == r.type.group:
            kind.append(i)
        elif (not other or starts[i] == starts[other[0]]) and (
            c[0].type.category == r.type.category and any(o.place.id == r.place.id for o in c)
        ):
            other.append(i)
    same = [clusters[i] for i in sorted(kind or other)]
    if not same:
        return None
    return max(same, key=lambda c: (_start(c), sorted(o.place.id for o in c)))
