"""Benchmark of modifiers and derived areas.

Run: .venv/bin/python benchmarks/bench_areas.py

Prints, measured in the same run:
- modifier scanning per mention (find_prefix / find_suffix) against a baseline that only
  slices the text before the mention (the floor of any prefix check);
- derive() for each rule, cold (first call) and warm (the cache), against the baseline of
  resolving the base name alone.
"""

from __future__ import annotations

import time
from statistics import median

from gazetteer import Context, Gazetteer, derive, find_prefix, find_suffix, parse_query
from gazetteer.areas import forget_derived

TEXT = (
    "Russian and Chinese bombers flew near Alaska on Thursday, after naval drills off the "
    "coast of Alaska and in the northwestern Pacific Ocean. A frigate was seen in Swedish "
    "waters. Fighting went on in eastern Ukraine and in the city of Kharkiv, and in Lebanon's "
    "south. Ships sailed around Taiwan."
)
MENTIONS = [("Alaska", 0), ("Alaska", 1), ("Pacific Ocean", 0), ("Ukraine", 0), ("Kharkiv", 0)]
QUERIES = [
    ("the northwestern Pacific", False),
    ("southern Lebanon", False),
    ("eastern Russia", False),
    ("near Kharkiv", False),
    ("off the coast of South Carolina", False),
    ("Swedish waters", False),
    ("around Taiwan", False),
    ("near Alaska", True),
]


def _offsets() -> list[tuple[int, int]]:
    spans = []
    for name, occurrence in MENTIONS:
        start = -1
        for _ in range(occurrence + 1):
            start = TEXT.index(name, start + 1)
        spans.append((start, start + len(name)))
    return spans


def per_call_us(function, repeat: int = 20_000) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        function()
    return (time.perf_counter() - start) / repeat * 1e6


def main() -> None:
    spans = _offsets()

    def baseline() -> None:
        for start, _ in spans:
            _ = TEXT[max(0, start - 50) : start].rstrip()

    def prefixes() -> None:
        for start, _ in spans:
            find_prefix(TEXT, start)

    def suffixes() -> None:
        for _, end in spans:
            find_suffix(TEXT, end)

    n = len(spans)
    print("Modifier scanning, per mention")
    print(f"{'what':<34}{'µs/mention':>12}")
    print(f"{'baseline: slice the text before':<34}{per_call_us(baseline) / n:>12.2f}")
    print(f"{'find_prefix':<34}{per_call_us(prefixes) / n:>12.2f}")
    print(f"{'find_suffix':<34}{per_call_us(suffixes) / n:>12.2f}")
    print()

    load = time.perf_counter()
    gaz = Gazetteer.default()
    gaz.resolve("Alaska")
    gaz.land()
    print(f"Gazetteer.default() + land: {time.perf_counter() - load:.2f} s (not in the table)")
    print()
    print("derive(), per query")
    header = f"{'query':<34}{'base ms':>9}{'cold ms':>10}{'warm µs':>10}  result"
    print(header)
    print("-" * (len(header) + 24))
    for query, at_sea in QUERIES:
        modifier, base_name = parse_query(query)
        started = time.perf_counter()
        base = gaz.resolve(base_name)
        base_ms = (time.perf_counter() - started) * 1e3
        forget_derived()
        started = time.perf_counter()
        place = derive(base, modifier, gaz, at_sea=at_sea)
        cold_ms = (time.perf_counter() - started) * 1e3
        warm = [
            per_call_us(lambda b=base, m=modifier, s=at_sea: derive(b, m, gaz, at_sea=s), 200)
            for _ in range(3)
        ]
        print(
            f"{query + (' (at sea)' if at_sea else ''):<34}{base_ms:>9.2f}{cold_ms:>10.1f}"
            f"{median(warm):>10.2f}  {place.name}"
        )
    print()
    print("base ms: resolving the base name alone (the baseline); cold: first derive;")
    print("warm: a repeated derive served from the cache.")
    ctx = Context(at_sea=True)
    assert gaz.resolve("near Alaska", context=ctx).kind == "derived"


if __name__ == "__main__":
    main()
