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

Each is counted apart when the gazetteer holds a place of the gold's first name (its head:
"Decatur" of "Decatur, Tennessee") within the gold's tolerance (``namesake_at``,
:func:`event_places.gazetteer_namesakes`): a wrong reading or a dropped mention of a place
the gazetteer has, against one it lacks ("Bain and Grants Town", a constituency of Nassau).
No article or gold text is printed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from event_scoring import Score, near_any

__all__ = ["NOWHERE_KINDS", "gold_names", "nowhere_kinds", "nowhere_report"]

#: What the text holds of a gold place named nowhere, in the order printed.
NOWHERE_KINDS = (
    "a mention of the gold's name, resolved away from the gold",
    "the gold's name written, no mention of it",
    "the gold's name not written",
)

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


def nowhere_kinds(
    result: Score,
    mentioned: Mapping[str, Sequence[Any]],
    mention_texts: Mapping[str, Iterable[str]],
    texts: Mapping[str, str],
    namesake_at: Callable[[str, Mapping[str, Any]], bool],
) -> dict[tuple[str, bool], int]:
    """The misses of a place named nowhere (no geometry of ``mentioned[article]`` near the
    gold) counted by (kind of :data:`NOWHERE_KINDS`, whether ``namesake_at`` finds a place of
    the gold's first name at the gold). ``mention_texts`` maps an article to the texts of
    its mentions (every role), ``texts`` to its headline and text."""
    out = {(k, held): 0 for k in NOWHERE_KINDS for held in (False, True)}
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
        out[(kind, bool(names) and namesake_at(names[0], g))] += 1
    return out


def nowhere_report(counts: Mapping[tuple[str, bool], int]) -> str:
    """The counts of :func:`nowhere_kinds` as lines of text (no article or gold text)."""
    total = sum(counts.values())
    lines = [f"misses of a place named nowhere, by what the text holds of its name ({total}):"]
    for kind in NOWHERE_KINDS:
        held = counts.get((kind, True), 0)
        n = held + counts.get((kind, False), 0)
        lines.append(f"  {n:4d}  {kind} ({held} of them its first name's place in the gazetteer)")
    return "\n".join(lines)
