"""Folding the events of one article that tell one happening.

One article often tells one happening by several triggers: "A 27-year-old city man was shot
twice early Tuesday in an apparent attempted armed robbery" (a shooting and a robbery), a
headline "Woman found dead in house fire" over "firefighters … put out a blaze" (a death and
a fire), a board's meeting, its vote and "Thursday's vote". Merging keeps triggers of
different groups apart (a robbery is not a shooting across articles), so such an article
gives two or three events at one place and day. :func:`fold_events` makes them one.

Two events of one article are one happening when (measured on the pool's 465 LGL and
GeoWebNews articles, see docs/recognition-and-events.md):

- every report of both comes from that one article (events other articles tell are merged
  as :mod:`geo.merge` merges them, never folded);
- they are at the same place, on overlapping dates, of one category, and of no two types
  the lexicon keeps ``apart`` (a wildfire and a flood in one town in one week are two);
- all their trigger groups are of one family of ``geo/data/fold.yaml`` (a shooting, a
  robbery, a death; a fire and a death; an election, a vote, a meeting): an arrest, a charge
  or a funeral follows a crime and is a happening of its own;
- they share a sentence, or one of them is told in the article's lead (its first two
  sentences: the headline and the first sentence of the body), which names the story's
  happening; and the headline gathers no stories ("Briefs: …").

The folded event is made as merged events are (:func:`geo.merged_event.cluster_event`): the title
of its strongest trigger, its finest dates and place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Any

from geo.compatibility import types_apart
from geo.merged_event import Event
from geo.reports import EventReport
from geo.text import sentences
from geo.vocabulary import load_data

__all__ = ["fold_events"]

#: Sentences of an article that make its lead: the headline and the body's first sentence.
LEAD_SENTENCES = 2


@cache
def _rules() -> tuple[dict[str, frozenset[str]], re.Pattern[str]]:
    """(trigger group → the families it belongs to, the roundup headline words), read
    once."""
    raw = load_data("fold.yaml")
    family: dict[str, set[str]] = {}
    for name, groups in raw["families"].items():
        for g in groups:
            family.setdefault(str(g), set()).add(str(name))
    words = "|".join(re.escape(str(w)) for w in sorted(raw["roundup"], key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)
    return {g: frozenset(f) for g, f in family.items()}, pattern


def fold_events(
    events: Sequence[Event],
    articles: Mapping[str, Any],
    make: Callable[[Sequence[EventReport]], Event],
) -> list[Event]:
    """``events`` with the events of one article that tell one happening (module docstring)
    made one by ``make`` from their reports together; every other event unchanged, in
    order."""
    family, roundup = _rules()
    lead_ends = {
        article: _lead_end(articles.get(article), roundup)
        for article in {_sole_article(e) for e in events} - {None}
    }
    candidates = [
        i for i, e in enumerate(events) if _sole_article(e) is not None and _families(e, family)
    ]
    # an event told in the lead first: the story's happening, which the others retell
    candidates.sort(key=lambda i: not _in_lead(events[i], lead_ends[_article(events[i])]))
    folds: list[list[int]] = []
    for i in candidates:
        e = events[i]
        lead_end = lead_ends[_article(e)]
        fold = next(
            (
                f
                for f in folds
                if all(_alike(events[j], e, family) for j in f)
                and (
                    lead_end >= 0
                    and (
                        any(_in_lead(events[j], lead_end) for j in (*f, i))
                        or any(_share_sentence(events[j], e) for j in f)
                    )
                )
            ),
            None,
        )
        if fold is None:
            folds.append([i])
        else:
            fold.append(i)
    made: dict[int, Event] = {}
    gone: set[int] = set()
    for f in folds:
        if len(f) > 1:
            made[f[0]] = make([r for j in f for r in events[j].reports])
            gone.update(f[1:])
    return [made.get(i, e) for i, e in enumerate(events) if i not in gone]


def _sole_article(e: Event) -> str | None:
    """The one article every report of ``e`` comes from, ``None`` when there are several."""
    names = {r.article for r in e.reports}
    return next(iter(names)) if len(names) == 1 and None not in names else None


def _article(e: Event) -> str:
    return e.reports[0].article or ""


def _families(e: Event, family: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """The families every one of ``e``'s trigger groups belongs to (none: empty)."""
    out: frozenset[str] | None = None
    for r in e.reports:
        mine = family.get(r.type.group, frozenset())
        out = mine if out is None else out & mine
    return out or frozenset()


def _lead_end(meta: Any, roundup: re.Pattern[str]) -> int:
    """The offset where the lead of the article ``meta`` ends (its first
    :data:`LEAD_SENTENCES` sentences); -1 when its headline gathers stories (nothing is
    folded in it) and 0 when its text is unknown (only headline reports are in its lead)."""
    if roundup.search(getattr(meta, "title", None) or ""):
        return -1
    text = getattr(meta, "text", None)
    if not isinstance(text, str):
        return 0
    spans = sentences(text)[:LEAD_SENTENCES]
    if spans and roundup.search(text[spans[0].start : spans[0].end]):
        return -1
    return spans[-1].end if spans else 0


def _in_lead(e: Event, lead_end: int) -> bool:
    """True when a report of ``e`` is the headline's or starts before ``lead_end``."""
    return any(r.headline or r.sentence_start < lead_end for r in e.reports)


def _share_sentence(a: Event, b: Event) -> bool:
    """True when a report of ``a`` and one of ``b`` come from one sentence."""
    told = {r.sentence_start for r in a.reports}
    return any(r.sentence_start in told for r in b.reports)


def _alike(a: Event, b: Event, family: Mapping[str, frozenset[str]]) -> bool:
    """True when ``a`` and ``b`` (each told by one article alone) may be one happening: the
    same article, place and category, overlapping dates, a family of trigger groups in
    common, and no two types the lexicon keeps ``apart`` (a wildfire and a flood)."""
    return (
        _sole_article(a) == _sole_article(b)
        and a.place.id == b.place.id
        and a.category == b.category
        and a.dates.overlaps(b.dates)
        and bool(_families(a, family) & _families(b, family))
        and not any(types_apart(r.type, o.type) for r in a.reports for o in b.reports)
    )
