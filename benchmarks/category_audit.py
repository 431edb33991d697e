"""The category of matched events on the tuning sets, by the trigger type that gave it.

``.venv/bin/python benchmarks/category_audit.py [SET ...] [--required] [--pairs]`` extracts
each tuning set (``dev`` for ``events-dev``, or a readable set of ``event_gold``; all of them
by default) and pairs every system event with the gold events of its article that it matches
(:func:`event_scoring.matches`). Each pair is counted under the trigger type of the report
that gave the event its category (for a lead with no trigger word, its happening type:
``happening_politics`` from the cue words of ``geo/data/lead_cues.yaml``, ``happening`` with
none) and the system's category, against the gold category: which types and cues the
annotators contradict, and how often. ``--required`` counts only pairs with a required gold
event (those that category accuracy scores); ``--pairs`` prints each wrong pair with the
system's quote. Held-out sets are refused: their text and gold are never read.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from event_scoring import SystemEvent, matches
from event_sets import SETS, corpus_articles, load_gold, materialise

CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
#: the tuning sets read by default, ``dev`` standing for ``events-dev``
TUNING = ("dev", *(name for name, s in SETS.items() if not s.held_out))


@dataclass(frozen=True, slots=True)
class Pair:
    """One system event matched to a gold event of one article."""

    set_name: str
    article: str
    #: the trigger type of the report that gave the event its category
    type_name: str
    system: str
    gold: str
    required: bool
    quote: str = ""


def refuse_held_out(names: Iterable[str]) -> list[str]:
    """``names`` as a list when each is ``dev`` or a tuning set of :data:`SETS`; raises
    ``SystemExit`` for a held-out set or an unknown name."""
    out = list(names)
    for name in out:
        if name != "dev" and (name not in SETS or SETS[name].held_out):
            raise SystemExit(f"category_audit: {name!r} is not a tuning set")
    return out


def gold_of(system_category: str, hits: Sequence[Mapping[str, Any]]) -> Mapping[str, Any]:
    """The gold event a system event of ``system_category`` is counted against among the
    ``hits`` it matches: one of its own category when there is one (the scorer counts a
    category right when any match agrees), else the first required, else the first."""
    return min(hits, key=lambda g: (g["category"] != system_category, not g.get("required")))


def pairs_of(
    set_name: str,
    gold: Mapping[str, Any],
    events: Sequence[SystemEvent],
    deciding: Mapping[str, tuple[str, str]],
) -> list[Pair]:
    """The matched pairs of one set: each system event of ``events`` with the gold events of
    each of its articles that it matches; ``deciding`` gives an event id's deciding trigger
    type and quote."""
    out = []
    for docid, entry in gold.items():
        for ev in events:
            if docid not in ev.articles:
                continue
            hits = [g for g in entry.get("events", []) if matches(ev, g)]
            if not hits:
                continue
            g = gold_of(ev.category, hits)
            type_name, quote = deciding.get(ev.id, ("?", ""))
            out.append(
                Pair(
                    set_name,
                    docid,
                    type_name,
                    ev.category,
                    g["category"],
                    bool(g.get("required")),
                    quote,
                )
            )
    return out


def tabulate(pairs: Iterable[Pair]) -> dict[tuple[str, str], Counter[str]]:
    """(deciding type, system category) → the gold categories of its pairs, counted."""
    table: dict[tuple[str, str], Counter[str]] = {}
    for p in pairs:
        table.setdefault((p.type_name, p.system), Counter())[p.gold] += 1
    return table


def table_lines(table: Mapping[tuple[str, str], Counter[str]]) -> list[str]:
    """The table as text, the most frequent rows first: type, system category, pairs, right,
    and the gold categories; a row whose gold disagrees more often than it agrees is
    marked."""
    lines = [f"{'type':22} {'system':10} {'pairs':>5} {'right':>5}  gold categories"]
    for (type_name, system), gold in sorted(table.items(), key=lambda kv: -kv[1].total()):
        n, right = gold.total(), gold[system]
        mark = "  <<" if n - right > right else ""
        spread = ", ".join(f"{c} {k}" for c, k in gold.most_common())
        lines.append(f"{type_name:22} {system:10} {n:5} {right:5}  {spread}{mark}")
    right = sum(g[s] for (_, s), g in table.items())
    total = sum(g.total() for g in table.values())
    lines.append(f"{'all':22} {'':10} {total:5} {right:5}")
    return lines


def _set_pairs(name: str, into: Path, articles: Mapping[str, Any]) -> list[Pair]:
    """Extract set ``name`` (``dev``: events-dev) and return its matched pairs."""
    import bench_events as bench

    if name == "dev":
        corpus = CORPORA / "events-dev"
        gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
    else:
        gold = load_gold(name)
        corpus = materialise(gold, CORPORA, into / name, articles, {})
    extraction, _, _ = bench.corpus_extraction(corpus)
    deciding = {}
    for ev in extraction.event_list:
        own = [r for r in ev.reports if r.type.name == ev.type and r.type.category == ev.category]
        r = (own or list(ev.reports))[0]
        deciding[ev.id] = (r.type.name, " ".join(r.quote.split()))
    return pairs_of(name, gold, bench.system_events(extraction.events), deciding)


def main(argv: Sequence[str] | None = None) -> None:
    """Print the table of the chosen tuning sets (``--pairs``: and each wrong pair)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", default=list(TUNING))
    parser.add_argument("--required", action="store_true", help="only required gold events")
    parser.add_argument("--pairs", action="store_true", help="print each wrong pair")
    args = parser.parse_args(argv)
    names = refuse_held_out(args.sets)
    articles = corpus_articles(CORPORA)
    pairs: list[Pair] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            pairs += _set_pairs(name, Path(tmp), articles)
    if args.required:
        pairs = [p for p in pairs if p.required]
    print("\n".join(table_lines(tabulate(pairs))))
    if args.pairs:
        for p in pairs:
            if p.system != p.gold:
                head = f"{p.set_name} {p.article} {p.type_name} {p.system} (gold {p.gold})"
                print(f"{head}: {p.quote[:200]}")


if __name__ == "__main__":
    main()
