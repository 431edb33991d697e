"""The costliest sea areas of every country, drawn on the shipped Natural Earth data: the list
``gazetteer/data/shipped_drawings.tsv`` is made from.

    .venv/bin/python benchmarks/costly_areas.py [--threshold S] [--rules near,coast,waters]
                                                [--jsonl FILE]

Each country of the default gazetteer is given each sea rule (``near`` at sea: the 200
nautical-mile band; ``coast``: the sea off it; ``waters``: its EEZ-like waters; and, asked
for, ``territorial``, ``around`` at sea and ``coastal``), and the area is drawn in this
process with shipped areas and every cache off, timed in CPU seconds. The rows of the areas
that took at least ``--threshold`` seconds (default 0.25: about ten times a common draw) are
printed as ``shipped_drawings.tsv`` rows, costliest first, each with its time and the size of
its outline's WKB compressed with LZMA in a comment; ``--jsonl`` writes every area's figures.
The times depend on the machine and its load: a row near the threshold may come or go
between runs, which changes nothing but the file's size.
"""

from __future__ import annotations

import argparse
import json
import lzma
import time
from typing import Any

import shapely

#: Rule name → (modifier rule, detail, at sea).
RULES: dict[str, tuple[str, str | None, bool]] = {
    "near": ("near", None, True),
    "coast": ("coast", None, False),
    "waters": ("waters", "eez", False),
    "territorial": ("waters", "territorial", False),
    "around": ("around", None, True),
    "coastal": ("coast", "coastal", False),
}


def survey(rules: list[str]) -> list[dict[str, Any]]:
    """Every country's areas of ``rules`` (names of :data:`RULES`), drawn and timed."""
    from gazetteer import Gazetteer
    from gazetteer.areas import derive, forget_derived
    from gazetteer.modifiers import Modifier
    from gazetteer.shipped_file import use_shipped_areas

    gazetteer = Gazetteer.default()
    use_shipped_areas(False)
    ids = gazetteer._base.id_index  # every stored id; countries are "iso:XX"
    countries = sorted(
        i for i in ids if i.startswith("iso:") and gazetteer.get(i).kind == "country"
    )
    rows = []
    for place_id in countries:
        base = gazetteer.get(place_id)
        for name in rules:
            rule, detail, at_sea = RULES[name]
            forget_derived()
            modifier = Modifier(rule, detail, rule)
            place = derive(base, modifier, gazetteer, at_sea=at_sea, cache=False)
            if place is base:
                continue
            start = time.process_time()
            geometry = place.geometry
            seconds = time.process_time() - start
            wkb = shapely.to_wkb(geometry)
            rows.append(
                {
                    "base": place_id,
                    "rule": rule,
                    "detail": detail,
                    "at_sea": at_sea,
                    "id": place.id,
                    "draw_s": round(seconds, 4),
                    "xz_bytes": len(lzma.compress(wkb)),
                }
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threshold", type=float, default=0.25)
    parser.add_argument("--rules", default="near,coast,waters")
    parser.add_argument("--jsonl")
    args = parser.parse_args()
    rows = survey(args.rules.split(","))
    if args.jsonl:
        with open(args.jsonl, "w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row) + "\n")
    chosen = sorted((r for r in rows if r["draw_s"] >= args.threshold), key=lambda r: -r["draw_s"])
    for r in chosen:
        at_sea = "yes" if r["at_sea"] else "no"
        print(
            f"{r['base']}\t{r['rule']}\t{r['detail'] or '-'}\t{r['rule']}\t{at_sea}"
            f"\t# {r['draw_s']:.2f} s, {r['xz_bytes'] / 1024:.0f} KB"
        )


if __name__ == "__main__":
    main()
