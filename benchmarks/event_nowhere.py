"""What an article holds of a gold place it names nowhere the geoparser finds (counts only:
safe on unseen news).

:func:`nowhere_kinds` sorts the missed required events of :mod:`bench_events` ``--causes``
class (1), "place named nowhere in the article" (no mention of the article resolved within
the gold's tolerance), by what the text holds of the gold place's name (:func:`gold_names`:
the parts of its ``place`` and its ``alt`` names), the first that fits (:data:`NOWHERE_KINDS`):

- a mention of that name, resolved to a place away from the gold (a namesake read wrong:
  "Norfolk" read as Virginia's in the Norfolk Daily News, "Georgia" as the country);
- the name written (a whole word of the headline or text), but no mention of it (a filter
  or a frame dropped it, or no index holds it bare: "Paris firefighters", "MALTA –", the
  small town "Groton" in a story naming no state);
- the name not written at all (the outlet's own town, a place the annotator inferred, a
  street or building).

Each is counted by where the gazetteer holds a place of the gold's first name (its head:
"Decatur" of "Decatur, Tennessee") within the gold's tolerance (:data:`HELD`,
:func:`gazetteer_holding`): among the candidates of the bare name, only as a small town
(found where the text pins it down), or nowhere ("Bain and Grants Town", a constituency of
Nassau).
No article or gold text is printed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from event_scoring import Score, distance_km, near_any

__all__ = [
    "HELD",
    "NOWHERE_KINDS",
    "gazetteer_holding",
    "gold_names",
    "nowhere_kinds",
    "nowhere_report",
]

#: What the text holds of a gold place named nowhere, in the order printed.
NOWHERE_KINDS = (
    "a mention of the gold's name, resolved away from the gold",
    "the gold's name written, no mention of it",
    "the gold's name not written",
)

#: Where the gazetteer holds a place of the gold's first name at the gold: among the
#: candidates of the bare name (the main index), only as a small town (found where the text
#: pins it down), or nowhere.
HELD = ("bare", "small town", "none")

#: Where a gold place's name splits into the names it is made of ("Decatur, Tennessee",
#: "Kansas Statehouse, Topeka", "McMinn County / Athens", "County Road 225 near Ten Mile").
_PARTS = re.compile(r"[,()/;]| near | at ")
#: A part with fewer letters than this is no name ("U.S" survives, "a" does not).
_MIN_LETTERS = 2


def gold_names(gold: Mapping[str, Any]) -> list[str]:
    """The names of a gold event's place, lower-cased, in order, each once: the parts of its
    ``place`` and of its ``alt`` places' ``name`` ("Decatur, Tennessee" → decatur,
    tennessee)."""
    out: list[str] = []
    for spot in (gold, *gold.get("alt", ())):
        raw = str(spot.get("place") or spot.get("name") or "")
        for part in _PARTS.split(raw):
            name = " ".join(part.split()).lower()
            if sum(c.isalpha() for c in name) >= _MIN_LETTERS and name not in out:
                out.append(name)
    return out


def _written(name: str, text: str) -> bool:
    """Whether ``name`` is a whole word (or words) of ``text``, in any case."""
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE) is not None


def _mention_key(text: str) -> str:
    """A mention's text as compared with a gold name: lower-cased, up to its first comma
    ("Fort Worth, Texas" → fort worth)."""
    return " ".join(text.split(",", 1)[0].split()).lower()


def gazetteer_holding(gazetteer: Any, limit: int = 30) -> Callable[[str, Mapping[str, Any]], str]:
    """A ``held_at`` for :func:`nowhere_kinds`: which of :data:`HELD` a place of a name
    within a gold's tolerance is: one of ``gazetteer``'s first ``limit`` candidates of the
    name (the main index, found bare), else a small town of that very name (``towns_named``:
    found only where the text pins it), else none."""

    def at(places: Iterable[Any], gold: Mapping[str, Any]) -> bool:
        spots = [gold, *gold.get("alt", ())]
        return any(
            distance_km(p.geometry, s["pt"][0], s["pt"][1]) <= float(s["tol_km"])
            for p in places
            for s in spots
        )

    def held_at(name: str, gold: Mapping[str, Any]) -> str:
        if at((c.place for c in gazetteer.candidates(name, limit=limit)), gold):
            return HELD[0]
        if at((p for p in gazetteer.towns_named(name) if p.kind == "town"), gold):
            return HELD[1]
        return HELD[2]

    return held_at


def nowhere_kinds(
    result: Score,
    mentioned: Mapping[str, Sequence[Any]],
    mention_texts: Mapping[str, Iterable[str]],
    texts: Mapping[str, str],
    held_at: Callable[[str, Mapping[str, Any]], str],
) -> dict[tuple[str, str], int]:
    """The misses of a place named nowhere (no geometry of ``mentioned[article]`` near the
    gold) counted by (kind of :data:`NOWHERE_KINDS`, where the gazetteer holds a place of the
    gold's first name at the gold: :data:`HELD`, as ``held_at`` tells). ``mention_texts``
    maps an article to the texts of its mentions (every role), ``texts`` to its headline and
    text."""
    out = {(k, h): 0 for k in NOWHERE_KINDS for h in HELD}
    for docid, g in result.misses:
        if any(near_any(geom, g) for geom in mentioned.get(docid, ())):
            continue
        names = gold_names(g)
        keys = {_mention_key(t) for t in mention_texts.get(docid, ())}
        text = texts.get(docid, "")
        if any(name in keys for name in names):
            kind = NOWHERE_KINDS[0]
        elif any(_written(name, text) for name in names):
            kind = NOWHERE_KINDS[1]
        else:
            kind = NOWHERE_KINDS[2]
        out[(kind, held_at(names[0], g) if names else HELD[2])] += 1
    return out


def nowhere_report(counts: Mapping[tuple[str, str], int]) -> str:
    """The counts of :func:`nowhere_kinds` as lines of text (no article or gold text)."""
    total = sum(counts.values())
    lines = [f"misses of a place named nowhere, by what the text holds of its name ({total}):"]
    for kind in NOWHERE_KINDS:
        n = sum(counts.get((kind, h), 0) for h in HELD)
        main, town = counts.get((kind, HELD[0]), 0), counts.get((kind, HELD[1]), 0)
        lines.append(
            f"  {n:4d}  {kind} (its first name at the gold: {main} bare, {town} a small town)"
        )
    return "\n".join(lines)
