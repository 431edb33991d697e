"""Gazetteer load time, lookup throughput and memory, against baselines measured in the same run.

    .venv/bin/python benchmarks/bench_gazetteer.py [--runs N] [--seconds S]

Cold load: each figure is the median wall time of ``--runs`` fresh Python processes:

- baseline ``import shapely`` (the floor: the gazetteer needs shapely and numpy);
- ``import gazetteer``;
- ``import gazetteer; Gazetteer.default()`` (parse the bundled index; geometries stay lazy);
- the same plus one polygon geometry access (decompresses the geometry blob).

Lookups: ``candidates()`` and ``resolve()`` on a realistic mix of names, cycled for about
``--seconds`` each: 40% well-known names (countries, capitals, seas: the sample's kind of
news), 40% random keys of the index (mostly small cities, many ambiguous), 10% names with
a qualifier or nearby-place context, 10% unknown names. Baseline: ``normalize()`` plus a
plain ``dict`` lookup of the key (the floor for any name index).

Memory: resident size (VmRSS, Linux) of a fresh process after ``Gazetteer.default()``,
against ``import shapely``.
Figures depend on the machine and its load; compare the ratios within one run.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

LOAD_CASES = {
    "import shapely (baseline)": "import shapely",
    "import gazetteer": "import gazetteer",
    "Gazetteer.default()": "from gazetteer import Gazetteer; Gazetteer.default()",
    "default() + one polygon": (
        "from gazetteer import Gazetteer; Gazetteer.default().get('iso:RU').geometry"
    ),
}

WELL_KNOWN = [
    "Beijing", "Kazan", "Islamabad", "the Arctic Ocean", "Sea of Japan", "Taiwan", "Alaska",
    "Taiwan Strait", "South China Sea", "North Pacific Ocean", "Pacific Ocean", "New York City",
    "Ukraine", "Russia", "China", "Moscow", "Washington", "United States", "U.S.", "Japan",
    "Georgia", "Paris", "London", "Berlin", "Kyiv", "Black Sea", "Baltic Sea", "Mediterranean",
    "Gaza", "Israel", "Iran", "Tehran", "Red Sea", "Persian Gulf", "India", "Pakistan",
    "Philippines", "Manila", "Seoul", "North Korea", "Pyongyang", "Crimea", "Donbas", "Kharkiv",
    "Odesa", "Syria", "Damascus", "Lebanon", "Beirut", "Yemen", "Sudan", "Khartoum", "Brazil",
    "Mexico", "Canada", "Texas", "California", "Sydney", "Australia", "Indonesia",
]  # fmt: skip
UNKNOWN = ["Xqzzyville", "Ruritania", "Zembla", "Atlantis Station", "Mount Doom", "Elbonia"]


def _load_times(cases: dict[str, str], runs: int) -> dict[str, tuple[float, float]]:
    """Median and best wall time of ``runs`` fresh processes per case. The cases take turns
    round by round, so a busy moment of the machine falls on all of them alike."""
    times: dict[str, list[float]] = {label: [] for label in cases}
    for _ in range(runs):
        for label, code in cases.items():
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            times[label].append(time.perf_counter() - start)
    return {label: (statistics.median(t), min(t)) for label, t in times.items()}


def _rss_mb(code: str) -> float:
    """Resident memory (VmRSS) of a fresh process after running ``code``."""
    probe = (
        f"{code}\nimport re; print(re.search(r'VmRSS:\\s+(\\d+)', "
        "open('/proc/self/status').read()).group(1))"
    )
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    return int(out.stdout.split()[-1]) / 1024  # kB


def _queries() -> list[tuple[str, object]]:
    from gazetteer import Context, Gazetteer

    gaz = Gazetteer.default()
    rng = random.Random(20241016)
    keys = list(gaz.name_keys())
    tbilisi, atlanta = gaz.resolve("Tbilisi"), gaz.resolve("Atlanta")
    contexts = [
        ("Paris", Context(qualifier="Texas")),
        ("Kazan", Context(qualifier="Russia")),
        ("Georgia", Context(nearby=(tbilisi,))),
        ("Georgia", Context(nearby=(atlanta,))),
        ("Springfield", Context(qualifier="Illinois")),
        ("Córdoba", Context(countries=("ES",))),
    ]
    mix: list[tuple[str, object]] = []
    for _ in range(400):
        mix.append((rng.choice(WELL_KNOWN), None))
        mix.append((rng.choice(keys), None))
    for _ in range(100):
        mix.append(rng.choice(contexts))
        mix.append((rng.choice(UNKNOWN), None))
    rng.shuffle(mix)
    return mix


def _throughput(fn: Callable[[str, object], object], mix: list, seconds: float) -> float:
    for name, context in mix:  # warm the place cache once, as a long-running process would
        fn(name, context)
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for name, context in mix:
            fn(name, context)
        done += len(mix)
    return done / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="fresh processes per load figure")
    parser.add_argument("--seconds", type=float, default=2.0, help="time per lookup figure")
    args = parser.parse_args()

    print(f"Cold load, {args.runs} fresh processes each (seconds)")
    loads = _load_times(LOAD_CASES, args.runs)
    base_median = loads["import shapely (baseline)"][0]
    print(f"  {'case':32} {'median':>7} {'best':>7} {'median over baseline':>21}")
    for label, (median, best) in loads.items():
        print(f"  {label:32} {median:7.3f} {best:7.3f} {median - base_median:+21.3f}")

    from gazetteer import Gazetteer, normalize

    gaz = Gazetteer.default()
    mix = _queries()
    plain = {k: k for k in gaz.name_keys()}
    rates = {
        "normalize + dict.get (baseline)": _throughput(
            lambda n, c: plain.get(normalize(n)), mix, args.seconds
        ),
        "candidates(limit=10)": _throughput(
            lambda n, c: gaz.candidates(n, context=c), mix, args.seconds
        ),
        "resolve()": _throughput(lambda n, c: gaz.resolve(n, context=c), mix, args.seconds),
    }
    print(f"\nLookups on a mix of {len(mix)} names (well-known, random keys, context, unknown)")
    print(f"  {'case':32} {'per second':>12} {'µs each':>9}")
    for label, rate in rates.items():
        print(f"  {label:32} {rate:12,.0f} {1e6 / rate:9.1f}")

    print("\nResident memory of a fresh process")
    shapely_mb = _rss_mb("import shapely")
    loaded_mb = _rss_mb("from gazetteer import Gazetteer; Gazetteer.default()")
    print(f"  {'import shapely (baseline)':32} {shapely_mb:8.1f} MB")
    print(f"  {'Gazetteer.default()':32} {loaded_mb:8.1f} MB  ({loaded_mb - shapely_mb:+.1f} MB)")
    print(f"\n{len(gaz):,} places, {len(plain):,} name keys")


if __name__ == "__main__":
    main()
