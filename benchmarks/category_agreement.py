"""How far two annotators agree on event categories, and where the system stands between them.

``event_gold/second_categories.json`` holds a second, blind annotation of the category of
every required gold event of ``events-dev`` and of the sets in ``event_gold``: another
annotator read each article and the event's description (not its category) and chose a
category under ``events-dev/GUIDELINES.md``, naming a second choice where two seemed
possible. Its layout is ``{set: {docid: {event index: [category, second or null]}}}``, the
index counting every event of the article's gold (required and optional).

:func:`agreement` counts, for one scored set, how often the second annotator agrees with the
gold (the human ceiling of category accuracy), and how often the system's category of a
matched event agrees with the gold, with the second annotator, or with either. Counts only:
safe on held-out sets.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

SECOND_PATH = Path(__file__).resolve().parent / "event_gold" / "second_categories.json"


def load_second(path: Path = SECOND_PATH) -> dict[str, dict[str, dict[str, list[str | None]]]]:
    """The second annotation, by set, docid and event index (``{}`` when the file is absent)."""
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


@dataclass(slots=True)
class Agreement:
    """Counts of one set (or a total): required events with a second label, and matched ones."""

    labelled: int = 0
    second_is_gold: int = 0
    #: the gold category is the second annotator's first or second choice
    gold_in_second_choices: int = 0
    matched: int = 0
    system_is_gold: int = 0
    system_is_second: int = 0
    system_is_either: int = 0

    def add(self, other: Agreement) -> None:
        """Add ``other``'s counts to these."""
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def report(self) -> str:
        """Two lines: the annotators' agreement, and the system against each of them."""

        def part(n: int, d: int) -> str:
            return f"{n / d:.3f} ({n}/{d})" if d else "n/a (0/0)"

        return (
            f"second annotator agrees with the gold on {part(self.second_is_gold, self.labelled)} "
            f"required events (gold among its two choices: "
            f"{part(self.gold_in_second_choices, self.labelled)})\n"
            f"system category of matched events: = gold {part(self.system_is_gold, self.matched)}"
            f", = second annotator {part(self.system_is_second, self.matched)}, = either "
            f"{part(self.system_is_either, self.matched)}"
        )


def agreement(
    gold: Mapping[str, Mapping[str, Any]],
    second: Mapping[str, Mapping[str, list[str | None]]],
    matched_categories: Mapping[tuple[str, int], frozenset[str]],
) -> Agreement:
    """Count ``gold``'s required events that ``second`` labels (by docid and event index),
    and, of those the system matched (``matched_categories``: (docid, index) → the
    categories of the matching system events), how many carry each annotator's category."""
    out = Agreement()
    for docid, entry in gold.items():
        labels = second.get(docid, {})
        for index, event in enumerate(entry.get("events", [])):
            label = labels.get(str(index))
            if not event.get("required") or label is None:
                continue
            first, other = label[0], label[1] if len(label) > 1 else None
            out.labelled += 1
            out.second_is_gold += first == event["category"]
            out.gold_in_second_choices += event["category"] in (first, other)
            cats = matched_categories.get((docid, index))
            if cats is None:
                continue
            out.matched += 1
            out.system_is_gold += event["category"] in cats
            out.system_is_second += first in cats
            out.system_is_either += bool(cats & {event["category"], first})
    return out
