"""How far two annotators' events agree: the human ceiling of event recall and precision.

``event_gold/second/NAME.json`` holds a second annotation of the set ``NAME``: another
annotator read the same articles and wrote their events independently, from
``events-dev/GUIDELINES.md`` alone, never seeing the first annotation or any system output
(the format of the gold, without ``evidence``). :func:`as_events` turns one annotation into
the scorer's system events (a point at ``pt``, the dates of ``window``, the category), so that
:func:`event_scoring.score` scores one annotator against the other exactly as it scores the
system: what a careful human reaches under the same rules. :func:`human_scores` gives both
directions, the annotator's required events alone and with its optional ones, and the system
against the second annotation. Counts only: safe on held-out sets.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from event_scoring import Score, SystemEvent, add_scores, score

SECOND_DIR = Path(__file__).resolve().parent / "event_gold" / "second"


def load_second_events(name: str, folder: Path = SECOND_DIR) -> dict[str, Any] | None:
    """The second annotation of set ``name``, or None when the set has none."""
    path = folder / f"{name}.json"
    if not path.exists():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def second_annotation(name: str, corpus: Path, folder: Path = SECOND_DIR) -> dict[str, Any] | None:
    """The second annotation of the set scored from ``corpus``: ``second.json`` beside a
    ``--corpus`` folder's ``gold.json`` when it has one, else the gold set ``name``'s under
    ``folder`` (None when neither exists)."""
    beside = corpus / "second.json"
    if beside.is_file():
        data: dict[str, Any] = json.loads(beside.read_text(encoding="utf-8"))
        return data
    return load_second_events(name, folder)


def as_events(annotation: Mapping[str, Mapping[str, Any]], *, optional: bool) -> list[SystemEvent]:
    """The annotation's events as system events: each a point at its ``pt`` with its window's
    first and last day; its required events only, or all of them when ``optional``."""
    from shapely.geometry import Point

    out = []
    for docid, entry in annotation.items():
        for index, ev in enumerate(entry.get("events", [])):
            if not (ev.get("required") or optional):
                continue
            lat, lon = ev["pt"]
            first, last = ev["window"]
            out.append(
                SystemEvent(
                    id=f"{docid}#{index}",
                    title=ev.get("what", ""),
                    category=ev["category"],
                    place_name=ev.get("place", ""),
                    start=date.fromisoformat(first),
                    end=date.fromisoformat(last),
                    geometry=Point(lon, lat),
                    articles=frozenset({docid}),
                )
            )
    return out


@dataclass(slots=True)
class HumanScores:
    """One set's (or a total's) scores of one annotator against the other, and of the
    system against the second annotator."""

    #: the second annotator's required events against the gold
    second_required: Score
    #: the second annotator's required and optional events against the gold
    second_all: Score
    #: the gold's required events against the second annotation
    gold_required: Score
    #: the gold's required and optional events against the second annotation
    gold_all: Score
    #: the system's events against the second annotation (None when not scored)
    system: Score | None
    #: articles whose publication day the two annotators set apart (GeoWebNews gives none)
    days_apart: int
    articles: int

    def report(self) -> str:
        """The scores as lines of figures (no text of articles or gold)."""
        rows = [
            ("second annotator, required only, vs gold", self.second_required),
            ("second annotator, with optional, vs gold", self.second_all),
            ("gold annotator, required only, vs second", self.gold_required),
            ("gold annotator, with optional, vs second", self.gold_all),
        ]
        if self.system is not None:
            rows.append(("system vs second annotation", self.system))
        lines = [
            f"two annotations of {self.articles} articles "
            f"({self.days_apart} with publication days set apart):"
        ]
        for label, s in rows:
            lines.append(
                f"  {label:<42} recall {s.recall:.3f} ({s.required_matched}/{s.required})"
                f"  precision {s.precision:.3f} ({s.pairs_matched}/{s.pairs})"
                f"  category {s.category_accuracy:.3f} ({s.category_right}/{s.required_matched})"
                f"  traps {s.trap_hits}"
            )
        return "\n".join(lines)


def human_scores(
    gold: Mapping[str, Mapping[str, Any]],
    second: Mapping[str, Mapping[str, Any]],
    system: Sequence[SystemEvent] | None = None,
) -> HumanScores:
    """Score each annotation against the other over the articles both hold, and
    ``system`` (when given) against the second annotation."""
    shared = sorted(set(gold) & set(second))
    first = {k: gold[k] for k in shared}
    other = {k: second[k] for k in shared}
    apart = sum(first[k].get("published") != other[k].get("published") for k in shared)
    return HumanScores(
        second_required=score(first, as_events(other, optional=False)),
        second_all=score(first, as_events(other, optional=True)),
        gold_required=score(other, as_events(first, optional=False)),
        gold_all=score(other, as_events(first, optional=True)),
        system=None if system is None else score(other, system),
        days_apart=apart,
        articles=len(shared),
    )


def total(parts: Sequence[HumanScores]) -> HumanScores:
    """Several sets' scores added up (figures only)."""

    systems = [p.system for p in parts if p.system is not None]
    return HumanScores(
        second_required=add_scores([p.second_required for p in parts]),
        second_all=add_scores([p.second_all for p in parts]),
        gold_required=add_scores([p.gold_required for p in parts]),
        gold_all=add_scores([p.gold_all for p in parts]),
        system=add_scores(systems) if systems else None,
        days_apart=sum(p.days_apart for p in parts),
        articles=sum(p.articles for p in parts),
    )
