"""The ``geo`` command on real news it has never seen, cold and warm, and how fast it starts.

    .venv/bin/python benchmarks/bench_extract.py [--baseline TREE] [--articles N]
                                                 [--table events|mentions] [--repeat R]
                                                 [--skip-extract] [--skip-startup]
                                                 [--no-bytecode]

Each figure is a fresh ``python -m geo`` process, timed from outside (wall clock), so imports
and loading count as a user sees them. With ``--baseline TREE`` (another checkout of the
project, e.g. ``main`` in a git worktree) every row is measured for both trees in the same
run, one after the other, because these machines are shared and noisy.

- **extract**: ``geo extract`` on the real articles of ``../shared/corpora/`` (LGL, GeoWebNews
  and the TR-News dev half: 847 articles, written once as a JSONL file; ``--articles``
  takes the first N). *cold*: a fresh cache folder (``XDG_CACHE_HOME``), so every derived
  area is computed; *warm*: the same command again, reading the areas the cold run kept.
- **startup**: ``geo --help``; ``geo resolve Islamabad`` and ``geo resolve "off Alaska"``
  with a fresh cache folder; ``geo build`` on the bundled sample (fresh cache folder, images
  on) against the time a fresh process takes to import geopandas, folium, shapely and pyproj
  (the issue's yardstick: the build should cost at most twice that). ``--repeat`` runs
  each, the trees alternating round by round; best and median wall, median CPU.

Python's bytecode caches: an installed package has them (pip compiles every module), but a
checkout run with ``PYTHONDONTWRITEBYTECODE=1`` compiles the project's ~150 modules from
source in every process (about 0.25 s of a cold ``geo build``), while the yardstick's
libraries have theirs in site-packages. So every process runs with bytecode written to and
read from a folder of its tree's own (``PYTHONPYCACHEPREFIX``) and the startup cases run
once, untimed, before the timed rounds; ``--no-bytecode`` measures without (as before).

The startup rows also give the CPU seconds of each process (user + system, its worker
processes included), median of ``--repeat`` runs: on a shared machine a process's CPU time
moves much less with the load than its wall time does, so the build ÷ imports ratio (of the
medians) is given for both.

Figures depend on the machine and its load: compare the trees within one run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
#: GeoWebNews gives no dates: a day in its collection period stands in.
GWN_DAY = "2018-01-15"
IMPORTS = "import geopandas, folium, shapely, pyproj"


def real_articles(corpora: Path) -> list[dict[str, str | None]]:
    """The LGL, GeoWebNews and TR-News dev articles as JSONL records (id, text, published,
    and the outlet where the corpus gives one: LGL's and TR-News' ``<domain>``)."""
    out: list[dict[str, str | None]] = []
    for name, prefix in (("lgl.xml", "lgl"), ("gwn.xml", "gwn"), ("trnews-dev.xml", "trn")):
        for n, art in enumerate(ET.parse(corpora / name).getroot().iter("article")):
            day = (art.findtext("dltime") or "")[:10] or (GWN_DAY if prefix == "gwn" else None)
            ident = art.get("docid") or art.get("file") or str(n)
            text = art.findtext("text") or ""
            if text.strip():
                record = {"id": f"{prefix}-{ident}", "text": text, "published": day}
                outlet = (art.findtext("domain") or "").strip()
                if outlet:
                    record["outlet"] = outlet
                out.append(record)
    return out


def timed(tree: Path, argv: Sequence[str], cache_home: Path | None = None) -> float:
    """Seconds of one fresh ``python -m geo ARGV`` (or ``python -c`` when ``argv`` starts with
    ``-c``) run with ``tree`` first on the path; fails loudly if it fails."""
    return timed_cpu(tree, argv, cache_home)[0]


#: Where each tree's bytecode goes (``PYTHONPYCACHEPREFIX``), or nothing: see the docstring.
BYTECODE: dict[Path, Path] = {}


def timed_cpu(
    tree: Path, argv: Sequence[str], cache_home: Path | None = None
) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, with the worker processes it waited for)
    of one fresh run, as :func:`timed`."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    env.pop("GEO_AREA_CACHE", None)
    if tree in BYTECODE:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(BYTECODE[tree])
    if cache_home is not None:
        env["XDG_CACHE_HOME"] = str(cache_home)
    command = [sys.executable, *argv] if argv[0] == "-c" else [sys.executable, "-m", "geo", *argv]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=tree)
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{tree}: {' '.join(argv)} failed:\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def extract_rows(trees: dict[str, Path], corpus: Path, table: str, tmp: Path) -> list[list[str]]:
    n = sum(1 for _ in corpus.open(encoding="utf-8"))
    rows = [[f"geo extract, {n} real articles ({table})", "cold s", "articles/s", "warm s"]]
    for label, tree in trees.items():
        home = Path(tempfile.mkdtemp(dir=tmp))
        out = home / f"out.{table}.geojson"
        argv = ["-q", "extract", str(corpus), "--table", table, "--out", str(out)]
        cold = timed(tree, argv, home)
        warm = timed(tree, argv, home)
        rows.append([label, f"{cold:.1f}", f"{n / cold:.0f}", f"{warm:.1f}"])
    return rows


def startup_rows(trees: dict[str, Path], repeat: int, tmp: Path) -> list[list[str]]:
    rows = [[f"fresh process: best / median wall of {repeat}, median CPU", *trees]]
    walls: dict[str, dict[str, list[float]]] = {}  # case → tree label → wall seconds
    cpus: dict[str, dict[str, list[float]]] = {}  # case → tree label → CPU seconds

    def measure(cases: Sequence[tuple[str, list[str], bool]]) -> None:
        # rounds of every case on every tree, the trees in the other order each round, so
        # that a busy minute weighs on all of them (and on the yardstick) alike; with
        # bytecode caches, one untimed round first writes them
        labels = list(trees)
        for _name, argv, _fresh in cases if BYTECODE else ():
            for label in labels:
                site = Path(tempfile.mkdtemp(dir=tmp)) / "site"
                args = [a.replace("{site}", str(site)) for a in argv]
                timed_cpu(trees[label], args, Path(tempfile.mkdtemp(dir=tmp)))
        for round_ in range(repeat):
            for name, argv, fresh_cache in cases:
                for label in labels if round_ % 2 == 0 else labels[::-1]:
                    cache = Path(tempfile.mkdtemp(dir=tmp)) if fresh_cache else None
                    site = Path(tempfile.mkdtemp(dir=tmp)) / "site"
                    args = [a.replace("{site}", str(site)) for a in argv]
                    wall, cpu = timed_cpu(trees[label], args, cache)
                    walls.setdefault(name, {}).setdefault(label, []).append(wall)
                    cpus.setdefault(name, {}).setdefault(label, []).append(cpu)

    importing = f"python -c '{IMPORTS}'"
    build = "geo build (sample, cold cache)"
    measure([("geo --help", ["--help"], False)])
    measure([("geo resolve Islamabad (cold cache)", ["resolve", "Islamabad"], True)])
    measure([('geo resolve "off Alaska" (cold cache)', ["resolve", "off Alaska"], True)])
    # the build and its yardstick, interleaved
    measure(
        [(importing, ["-c", IMPORTS], False), (build, ["-q", "build", "--out", "{site}"], True)]
    )

    def ratio(figures: dict[str, dict[str, list[float]]], tree: str) -> float:
        # the yardstick is the same code for every tree: the median of all its runs
        yardstick = statistics.median(x for runs in figures[importing].values() for x in runs)
        return statistics.median(figures[build][tree]) / yardstick

    for case, by_tree in walls.items():
        rows.append(
            [
                case,
                *(
                    f"{min(by_tree[k]):.2f} / {statistics.median(by_tree[k]):.2f} s, "
                    f"{statistics.median(cpus[case][k]):.2f} s"
                    for k in trees
                ),
            ]
        )
    rows.append(
        [
            "geo build ÷ the imports (median wall / CPU)",
            *(f"{ratio(walls, k):.1f} × / {ratio(cpus, k):.1f} ×" for k in trees),
        ]
    )
    return rows


def table(rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for j, r in enumerate(rows):
        pairs = enumerate(zip(r, widths, strict=True))
        cells = [c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in pairs]
        lines.append("  ".join(cells))
        if j == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", type=Path, help="another checkout to compare with")
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--articles", type=int, default=0, help="only the first N articles")
    parser.add_argument("--table", choices=("events", "mentions"), default="events")
    parser.add_argument("--repeat", type=int, default=5, help="startup runs of each tree")
    parser.add_argument("--skip-extract", action="store_true")
    parser.add_argument("--skip-startup", action="store_true")
    parser.add_argument(
        "--no-bytecode",
        action="store_true",
        help="compile the trees' modules from source in every process (no bytecode caches)",
    )
    args = parser.parse_args(argv)

    trees = {"this tree": ROOT}
    if args.baseline is not None:
        trees = {f"baseline ({args.baseline})": args.baseline.resolve(), **trees}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        BYTECODE.clear()
        if not args.no_bytecode:
            BYTECODE.update({tree: tmp / f"bytecode-{n}" for n, tree in enumerate(trees.values())})
        for tree in BYTECODE:  # every module the commands import, compiled once, untimed
            site = Path(tempfile.mkdtemp(dir=tmp)) / "site"
            timed(tree, ["-q", "build", "--no-images", "--out", str(site)], tmp / "warm-up")
        if not args.skip_extract:
            records = real_articles(args.corpora)
            if args.articles:
                records = records[: args.articles]
            corpus = tmp / "articles.jsonl"
            corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
            print(table(extract_rows(trees, corpus, args.table, tmp)))
            print()
        if not args.skip_startup:
            print(table(startup_rows(trees, args.repeat, tmp)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
