"""The category of matched required events, split by how the extractor chose it: counts only.

``bench_events.py --confusion`` prints, beside the confusion table, how many matched required
events took their category in each of four ways, and which (gold, system) cells the wrong ones
fall in: the category of the trigger type (``trigger``); one a sentence's layer of
``geo/data/senses.yaml`` or a meeting inside one state gave the type instead
(``trigger, layered``); a lead with no trigger word typed by its cue words
(``lead, cue words``: ``geo/data/lead_cues.yaml``, a ``happening_…`` type); and such a lead
with no cue word (``lead, no cue word``: the plain ``happening``, "other"). No article id or
text is printed, so it may be run on held-out sets: it says which mechanism a held-out
category gap lies in without reading one article.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from event_scoring import SystemEvent, matches

#: the four ways a category is chosen, in the order :func:`mechanism_report` prints them
MECHANISMS = ("trigger", "trigger, layered", "lead, cue words", "lead, no cue word")
#: the prefix of the rows that split ``trigger, layered`` by the trigger type layered
LAYERED_BY_TYPE = "layered: "
#: the prefix of the keys of :func:`wrong_kinds` that split the pairings by event shape
PAIRING_BY = "pairing by: "
#: a pairing whose gold category some other event of the article carries (the second
#: happening was told, at another place or on other days) and one whose category no event
#: of the article carries (no trigger, or its reports died)
SECOND_TOLD = "pairing, second category told"
SECOND_UNTOLD = "pairing, second category untold"
#: the type of a lead with no trigger word (``geo.lead_kind.PLAIN``); its cue types start so
_LEAD = "happening"


def mechanism(type_name: str, category: str, default_category: str) -> str:
    """How a report of trigger type ``type_name`` came to carry ``category`` when the
    lexicon gives the type ``default_category``: one of :data:`MECHANISMS`."""
    if type_name == _LEAD:
        return "lead, no cue word"
    if type_name.startswith(_LEAD + "_"):
        return "lead, cue words"
    return "trigger" if category == default_category else "trigger, layered"


def event_mechanisms(events: Iterable[Any], defaults: Mapping[str, str]) -> dict[str, str]:
    """Event id → the mechanism (:func:`mechanism`) of the report that gave each merged event
    of ``events`` (:class:`geo.merged_event.Event`) its category: the first report of the
    event's own type and category, else its first report. ``defaults`` maps a trigger type's
    name to its category in the lexicon."""
    out = {}
    for ev in events:
        own = [r for r in ev.reports if r.type.name == ev.type and r.type.category == ev.category]
        r = (own or list(ev.reports))[0]
        name = r.type.name
        out[ev.id] = mechanism(name, r.type.category, defaults.get(name, r.type.category))
    return out


def layered_types(mechanisms: Mapping[str, str], events: Iterable[Any]) -> dict[str, str]:
    """Event id → ``layered: TYPE`` for each merged event of ``events`` whose category a
    layer gave (``trigger, layered`` in ``mechanisms``), TYPE the trigger type of the report
    that gave it (as :func:`event_mechanisms` chooses it): which layers a category gap lies in,
    counts only."""
    out = {}
    for ev in events:
        if mechanisms.get(ev.id) != "trigger, layered":
            continue
        own = [r for r in ev.reports if r.type.name == ev.type and r.type.category == ev.category]
        out[ev.id] = LAYERED_BY_TYPE + (own or list(ev.reports))[0].type.name
    return out


def counted_matches(
    gold: Mapping[str, Mapping[str, Any]], events: Sequence[SystemEvent]
) -> Iterator[tuple[Mapping[str, Any], SystemEvent]]:
    """Each matched required gold event of ``gold`` with the system event the scorer counts
    it by (one of the gold category when any matching event carries it, else the first
    matching event), as :func:`event_scoring.score` does."""
    for docid, entry in gold.items():
        mine = [ev for ev in events if docid in ev.articles]
        for g in entry.get("events", []):
            if not g.get("required"):
                continue
            hits = [ev for ev in mine if matches(ev, g)]
            if hits:
                yield g, ([ev for ev in hits if ev.category == g["category"]] or hits)[0]


def mechanism_cells(
    gold: Mapping[str, Mapping[str, Any]],
    events: Sequence[SystemEvent],
    mechanisms: Mapping[str, str],
) -> Counter[tuple[str, str, str]]:
    """(mechanism, gold category, system category) → matched required gold events, each
    counted once under the system event the scorer counts it by (:func:`counted_matches`)."""
    cells: Counter[tuple[str, str, str]] = Counter()
    for g, ev in counted_matches(gold, events):
        cells[(mechanisms.get(ev.id, "?"), g["category"], ev.category)] += 1
    return cells


def wrong_kinds(
    gold: Mapping[str, Mapping[str, Any]],
    events: Sequence[SystemEvent],
    shapes: Mapping[str, str] | None = None,
) -> Counter[str]:
    """The matched required gold events whose category is wrong, counted as ``pairing`` when
    the system event the scorer counts them by (as :func:`mechanism_cells` chooses it) also
    matches another gold event of the same article, required or optional, whose category is
    the system's (one event stands for two happenings of one place and days: a crash and its
    prayer service), else as ``label``; counts only. With ``shapes`` (event id → how the
    event was made, :func:`event_shapes`), each pairing is also counted under
    :data:`PAIRING_BY` + its event's shape: which mechanism the second happenings are lost
    in; each such pairing is also counted as :data:`SECOND_TOLD` or :data:`SECOND_UNTOLD`: whether
    any event of the article carries the gold event's category."""
    kinds: Counter[str] = Counter()
    for docid, entry in gold.items():
        mine = [ev for ev in events if docid in ev.articles]
        golds = entry.get("events", [])
        for g in golds:
            if not g.get("required"):
                continue
            hits = [ev for ev in mine if matches(ev, g)]
            if not hits or any(ev.category == g["category"] for ev in hits):
                continue
            ev = hits[0]
            other = any(
                o is not g and o["category"] == ev.category and matches(ev, o) for o in golds
            )
            kinds["pairing" if other else "label"] += 1
            if other and shapes is not None:
                kinds[PAIRING_BY + shapes.get(ev.id, "?")] += 1
                told = any(e.category == g["category"] for e in mine)
                kinds[SECOND_TOLD if told else SECOND_UNTOLD] += 1
    return kinds


def event_shapes(mechanisms: Mapping[str, str], events: Iterable[Any]) -> dict[str, str]:
    """Event id → ``MECHANISM; N trigger groups`` for each merged event of ``events``
    (:class:`geo.merged_event.Event`): how its category was chosen (``mechanisms``, from
    :func:`event_mechanisms`) and how many trigger groups its reports hold (two or more: the
    event was folded or merged from triggers of several groups, a shooting and a robbery);
    counts only."""
    out = {}
    for ev in events:
        groups = len({r.type.group for r in ev.reports})
        made = "one trigger group" if groups < 2 else "several trigger groups"
        out[ev.id] = f"{mechanisms.get(ev.id, '?')}; {made}"
    return out


def wrong_kinds_report(kinds: Mapping[str, int]) -> str:
    """One line: the wrong categories that are pairings and those that are labels; then,
    when counted, the pairings by their event's shape (:func:`event_shapes`), most first."""
    line = (
        f"wrong categories: {kinds.get('label', 0)} the event's own label, "
        f"{kinds.get('pairing', 0)} pairings (the event also matches a gold event of its own "
        "category in the article)"
    )
    split = sorted(
        ((k[len(PAIRING_BY) :], n) for k, n in kinds.items() if k.startswith(PAIRING_BY) and n),
        key=lambda kn: (-kn[1], kn[0]),
    )
    if split:
        line += "\n  pairings by their event: " + ", ".join(f"{k} {n}" for k, n in split)
    if kinds.get("pairing"):
        line += (
            f"\n  pairings whose gold category another event of the article carries: "
            f"{kinds.get(SECOND_TOLD, 0)}, that no event of the article carries: "
            f"{kinds.get(SECOND_UNTOLD, 0)}"
        )
    return line


def mechanism_report(cells: Mapping[tuple[str, str, str], int]) -> str:
    """Per mechanism: matched required events and how many carry the gold category, then
    per system category right / matched, then the wrong ones by (gold → system) cell, most
    frequent first; counts only."""
    lines = ["category by mechanism: right/matched; by system category; wrong (gold→system)"]
    others = sorted({m for m, _, _ in cells} - set(MECHANISMS))
    names = [*MECHANISMS, *(m for m in others if not m.startswith(LAYERED_BY_TYPE))]
    names += [m for m in others if m.startswith(LAYERED_BY_TYPE)]
    for name in names:
        mine = {(g, s): n for (m, g, s), n in cells.items() if m == name}
        total = sum(mine.values())
        right = sum(n for (g, s), n in mine.items() if g == s)
        systems = Counter[str]()
        for (_, s), n in mine.items():
            systems[s] += n
        per = ", ".join(f"{s} {mine.get((s, s), 0)}/{n}" for s, n in systems.most_common())
        wrong = sorted(((n, g, s) for (g, s), n in mine.items() if g != s), reverse=True)
        spread = ", ".join(f"{g}→{s} {n}" for n, g, s in wrong)
        lines.append(f"  {name:<18} {right:3}/{total:<3}  {per}")
        if spread:
            lines.append(f"  {'':<18} wrong: {spread}")
    return "\n".join(lines)
