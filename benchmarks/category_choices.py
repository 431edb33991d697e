"""Whether the category choices beat the category without them, and how one article's events
of one place and days split by category: counts only.

``bench_events.py --confusion`` prints two more blocks with these (session 43, wcat43), both
safe on unseen news since no article, text or event is named:

- **a choice against its absence** (:func:`choice_kinds`): for every matched required gold
  event counted under an event whose category a layer of ``geo/data/senses.yaml`` gave
  (``layered: TYPE``) or a lead's cue words gave (``lead, cue words``), whether the chosen
  category is the gold's, the category it would carry without the choice is (the lexicon's
  category of the type layered; ``other``, the plain lead's), or neither: which layers and
  cues gain on news they were not written on, and which lose;
- **one place and days, several categories** (:func:`spot_kinds`): the pairs of events that
  one article tells at one place on overlapping dates in two categories (the system kept two
  happenings apart) by whether the gold of that article has a happening of each category
  among those each event matches (the split is right), of one only (one of the two is an
  extra dot of the wrong kind, though the scorer counts its pair as matched), or the pair's
  events match nothing; and the events whose own reports hold several categories (the merge
  joined reports of one trigger group that layers told apart).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from category_mechanism import LAYERED_BY_TYPE, counted_matches
from event_scoring import SystemEvent, matches

#: the verdicts of :func:`choice_kinds`, in the order :func:`choice_report` prints them
CHOSEN_RIGHT = "the choice right"
WITHOUT_RIGHT = "without it right"
BOTH_WRONG = "both wrong"
VERDICTS = (CHOSEN_RIGHT, WITHOUT_RIGHT, BOTH_WRONG)
#: the mechanism of a lead typed by cue words (:data:`category_mechanism.MECHANISMS`) and the
#: category of the plain lead it would be without them
LEAD_CUES = "lead, cue words"
PLAIN_LEAD_CATEGORY = "other"
#: the kinds of :func:`spot_kinds`, in the order :func:`spot_report` prints them
SPLIT_RIGHT = "split, each the kind of a gold event it matches"
SPLIT_EXTRA = "split, one of the two of no matched gold event's kind"
SPLIT_NEITHER = "split, neither of a matched gold event's kind"
SPLIT_FALSE = "split, an event matching no gold event"
MIXED = "events whose reports hold several categories"
SPOT_KINDS = (SPLIT_RIGHT, SPLIT_EXTRA, SPLIT_NEITHER, SPLIT_FALSE, MIXED)


def categories_without(
    events: Iterable[Any], mechanisms: Mapping[str, str], defaults: Mapping[str, str]
) -> dict[str, tuple[str, str]]:
    """Event id → (what chose its category, the category it would carry without that
    choice) for each merged event of ``events`` (:class:`geo.merged_event.Event`) whose
    category a layer gave (``layered: TYPE`` and the lexicon's category of TYPE, from
    ``defaults``) or a lead's cue words gave (``lead, cue words`` and ``other``); the report
    read is the one :func:`category_mechanism.event_mechanisms` reads."""
    out = {}
    for ev in events:
        how = mechanisms.get(ev.id)
        if how == LEAD_CUES:
            out[ev.id] = (LEAD_CUES, PLAIN_LEAD_CATEGORY)
        elif how == "trigger, layered":
            own = [
                r for r in ev.reports if r.type.name == ev.type and r.type.category == ev.category
            ]
            name = (own or list(ev.reports))[0].type.name
            out[ev.id] = (LAYERED_BY_TYPE + name, defaults.get(name, PLAIN_LEAD_CATEGORY))
    return out


def choice_kinds(
    gold: Mapping[str, Mapping[str, Any]],
    events: Sequence[SystemEvent],
    without: Mapping[str, tuple[str, str]],
) -> Counter[tuple[str, str]]:
    """(what chose the category, verdict) → matched required gold events counted under an
    event of ``without`` (:func:`categories_without`), the event chosen as the scorer counts
    it (one of the gold category when any matching event carries it, else the first): the
    verdict is :data:`CHOSEN_RIGHT` when the event's category is the gold's,
    :data:`WITHOUT_RIGHT` when the category without the choice would be, else
    :data:`BOTH_WRONG`."""
    out: Counter[tuple[str, str]] = Counter()
    for g, ev in counted_matches(gold, events):
        if ev.id not in without:
            continue
        how, other = without[ev.id]
        if ev.category == g["category"]:
            verdict = CHOSEN_RIGHT
        elif other == g["category"]:
            verdict = WITHOUT_RIGHT
        else:
            verdict = BOTH_WRONG
        out[(how, verdict)] += 1
    return out


def choice_report(kinds: Mapping[tuple[str, str], int]) -> str:
    """One line per choice (the lead's cue words first, then the layers by type, most events
    first): how many matched required events its category got right, how many the category
    without it would have, how many neither; counts only."""
    names = sorted({how for how, _ in kinds}, key=lambda h: (h != LEAD_CUES, h))
    lines = [
        "category chosen against the category without the choice: "
        + "; ".join(VERDICTS)
        + " (matched required events)"
    ]
    total = Counter[str]()
    for how in names:
        counts = [kinds.get((how, v), 0) for v in VERDICTS]
        for v, n in zip(VERDICTS, counts, strict=True):
            total[v] += n
        lines.append(f"  {how:<22} " + "  ".join(f"{n:3}" for n in counts))
    if names:
        lines.append(f"  {'all':<22} " + "  ".join(f"{total[v]:3}" for v in VERDICTS))
    return "\n".join(lines)


def spot_kinds(
    gold: Mapping[str, Mapping[str, Any]],
    events: Sequence[SystemEvent],
    merged: Iterable[Any],
) -> Counter[str]:
    """The pairs of merged events (``merged``, :class:`geo.merged_event.Event`, matched to
    ``events`` by id) that one article of ``gold`` tells at one place id on overlapping dates
    in two categories, by :data:`SPOT_KINDS` (module docstring), and under :data:`MIXED` the
    (event, article) pairs of ``gold``'s articles whose event's reports hold several
    categories; counts only."""
    by_id = {ev.id: ev for ev in events}
    merged = [m for m in merged if m.id in by_id]
    out: Counter[str] = Counter()
    for docid, entry in gold.items():
        golds = entry.get("events", [])
        mine = [m for m in merged if docid in by_id[m.id].articles]
        out[MIXED] += sum(1 for m in mine if len({r.type.category for r in m.reports}) > 1)
        for i, a in enumerate(mine):
            for b in mine[i + 1 :]:
                if (
                    a.category == b.category
                    or a.place.id != b.place.id
                    or not a.dates.overlaps(b.dates)
                ):
                    continue
                hits = [[g for g in golds if matches(by_id[m.id], g)] for m in (a, b)]
                if not all(hits):
                    out[SPLIT_FALSE] += 1
                    continue
                kinds = sum(
                    any(g["category"] == m.category for g in h)
                    for m, h in zip((a, b), hits, strict=True)
                )
                out[(SPLIT_NEITHER, SPLIT_EXTRA, SPLIT_RIGHT)[kinds]] += 1
    return out


def spot_report(kinds: Mapping[str, int]) -> str:
    """One line: the pairs of :func:`spot_kinds` by kind, and the events of several
    categories; counts only."""
    return "one article's events of one place and days in two categories: " + ", ".join(
        f"{k} {kinds.get(k, 0)}" for k in SPOT_KINDS
    )
