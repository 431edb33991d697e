"""Scale: extraction throughput on 1 and 2 workers, peak memory per worker, merge time.

    .venv/bin/python benchmarks/bench_scale.py [--articles 400,1600] [--merge 1000,10000,100000]
                                               [--exhaustive-up-to 4000] [--json FILE]

Needs the ``dask`` extra for the 2-worker runs (``pip install -e '.[dask]'``) and the real
news of ``../shared/corpora/``: the 59 events-dev articles, the bundled sample, and the 788
articles of ``lgl.xml`` and ``gwn.xml`` (852 articles in all). Larger corpora are copies of
them with distinct ids and dates shifted by :data:`SHIFT_DAYS` days per copy, so the events
per day stay those of the real news however large the corpus grows.

- **Extraction**: for each corpus size, ``geo.extract`` in one process without Dask, then
  :func:`geo.parallel.extract_parallel` on a local cluster of 1 and of 2 worker processes;
  each configuration runs in a fresh process with the on-disk area cache warm. Reports
  articles/s (the whole job: reading excluded, cluster start, gazetteer loads, extraction
  and merge included) and the peak resident memory of each process (the client, and each
  worker).
- **Merge**: the event reports of the 852 articles (extracted once), copied to 1k, 10k and
  100k reports; :func:`geo.merge.merge_reports` timed alone, blocked (the default) and,
  up to ``--exhaustive-up-to`` reports, exhaustive (``blocking=False``, today's cost before
  blocking) with a check that both give the same events.

Figures depend on the machine and on what else runs on it: the script prints the load
average before and after, so a shared machine says so.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
#: Days between one copy of the corpus and the next.
SHIFT_DAYS = 2

sys.path.insert(0, str(Path(__file__).resolve().parent))


def base_articles() -> list[Any]:
    """The 852 real articles: events-dev, the bundled sample, LGL and GeoWebNews."""
    from bench_events import speed_texts

    from geo import Article, read_articles, sample_paths

    articles = read_articles(
        [CORPORA / "events-dev" / "articles", *sample_paths()], on_problem=lambda p: None
    )
    return articles + [Article(i, t, published=p) for i, t, p in speed_texts(CORPORA)]


def replicate(articles: list[Any], n: int) -> list[Any]:
    """``n`` articles: copies of ``articles`` with ids ``ID~k`` and dates shifted by
    ``k * SHIFT_DAYS`` days in copy ``k``."""
    out = []
    k = 0
    while len(out) < n:
        shift = timedelta(days=SHIFT_DAYS * k)
        for a in articles:
            if len(out) == n:
                break
            published = a.published + shift if a.published else None
            out.append(replace(a, id=f"{a.id}~{k}", published=published))
        k += 1
    return out


def _peak_mb() -> float:
    """The peak resident memory of this process, in MB (run on each worker too)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def extraction_child(n: int, workers: int) -> dict[str, Any]:
    """One run, in this (fresh) process: ``workers`` 0 is one process without Dask."""
    from gazetteer import enable_area_cache
    from geo.extraction import extract

    cache = enable_area_cache()
    articles = replicate(base_articles(), n)
    t0, c0 = time.perf_counter(), time.process_time()
    worker_peaks: list[float] = []
    if workers == 0:
        result = extract(articles, on_problem=lambda p: None)
    else:
        import logging

        from distributed import Client, LocalCluster

        from geo.parallel import GazetteerSpec, extract_parallel

        # the cluster extract_parallel would start, started here (and timed) so that its
        # workers can be asked their peak memory afterwards
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        )
        spec = GazetteerSpec(area_cache=str(cache.path) if cache else None)
        result = extract_parallel(
            articles, spec, scheduler=cluster.scheduler_address, on_problem=lambda p: None
        )
        with Client(cluster, set_as_default=False) as client:
            worker_peaks = list(client.run(_peak_mb).values())
        cluster.close()
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - c0
    return {
        "articles": n,
        "workers": workers,
        "seconds": round(seconds, 2),
        "client_cpu_s": round(cpu, 2),
        "articles_per_s": round(n / seconds, 1),
        "events": len(result.events),
        "mentions": len(result.mentions),
        "client_peak_mb": round(_peak_mb()),
        "worker_peak_mb": [round(x) for x in worker_peaks],
    }


def extraction(sizes: list[int]) -> list[dict[str, Any]]:
    rows = []
    for n in sizes:
        for workers in (0, 1, 2):
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(n), str(workers)],
                capture_output=True,
                text=True,
                check=True,
            )
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(_extraction_line(rows[-1]), flush=True)
    return rows


def _extraction_line(row: dict[str, Any]) -> str:
    how = "one process, no Dask" if row["workers"] == 0 else f"Dask, {row['workers']} worker(s)"
    workers = f", workers {row['worker_peak_mb']} MB" if row["worker_peak_mb"] else ""
    return (
        f"{row['articles']:>7} articles  {how:<22} {row['seconds']:>8.1f} s "
        f"(client CPU {row['client_cpu_s']:.1f} s)  "
        f"{row['articles_per_s']:>6.1f} articles/s  peak: client {row['client_peak_mb']} MB"
        f"{workers}  ({row['events']} events)"
    )


def base_reports(cache: Path) -> tuple[list[Any], list[Any]]:
    """The articles and event reports of the 852 real articles (pickled in ``cache``)."""
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    from gazetteer import Gazetteer, enable_area_cache
    from geo.extraction import extract_article

    enable_area_cache()
    gazetteer = Gazetteer.default()
    articles = base_articles()
    reports = [r for a in articles for r in extract_article(a, gazetteer).reports]
    cache.write_bytes(pickle.dumps((articles, reports)))
    return articles, reports


def replicate_reports(articles: list[Any], reports: list[Any], n: int) -> tuple[list, dict]:
    """``n`` reports: copies of ``reports`` in the copies of their articles (``replicate``)."""
    out: list[Any] = []
    by_id: dict[str, Any] = {}
    k = 0
    while len(out) < n:
        shift = timedelta(days=SHIFT_DAYS * k)
        for a in articles:
            published = a.published + shift if a.published else None
            by_id[f"{a.id}~{k}"] = replace(a, id=f"{a.id}~{k}", published=published)
        for r in reports:
            if len(out) == n:
                break
            dates = replace(r.dates, start=r.dates.start + shift, end=r.dates.end + shift)
            out.append(replace(r, article=f"{r.article}~{k}", dates=dates))
        k += 1
    return out, by_id


def merge(sizes: list[int], exhaustive_up_to: int) -> list[dict[str, Any]]:
    from geo.merge import merge_reports

    articles, reports = base_reports(Path(tempfile.gettempdir()) / "geo-bench-scale.pkl")
    rows = []
    for n in sizes:
        batch, by_id = replicate_reports(articles, reports, n)
        row: dict[str, Any] = {"reports": n}
        t0, c0 = time.perf_counter(), time.process_time()
        events = merge_reports(batch, by_id)
        row["blocked_s"] = round(time.perf_counter() - t0, 2)
        row["blocked_cpu_s"] = round(time.process_time() - c0, 2)
        row["events"] = len(events)
        if n <= exhaustive_up_to:
            t0, c0 = time.perf_counter(), time.process_time()
            reference = merge_reports(batch, by_id, blocking=False)
            row["exhaustive_s"] = round(time.perf_counter() - t0, 2)
            row["exhaustive_cpu_s"] = round(time.process_time() - c0, 2)
            row["same_events"] = [_key(e) for e in events] == [_key(e) for e in reference]
        rows.append(row)
        extra = (
            f"  exhaustive {row['exhaustive_s']:.1f} s (CPU {row['exhaustive_cpu_s']:.1f} s), "
            f"same events: {row['same_events']}"
            if "exhaustive_s" in row
            else ""
        )
        print(
            f"{n:>7} reports  blocked merge {row['blocked_s']:>7.1f} s "
            f"(CPU {row['blocked_cpu_s']:.1f} s)  ({row['events']} events){extra}",
            flush=True,
        )
    return rows


def _key(e: Any) -> tuple:
    return (e.id, e.title, e.place.id, e.dates, e.sources, e.confidence, e.notes)


def _ints(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        print(json.dumps(extraction_child(int(argv[1]), int(argv[2]))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", default="400,1600", help="corpus sizes to extract")
    parser.add_argument("--merge", default="1000,10000,100000", help="report counts to merge")
    parser.add_argument("--exhaustive-up-to", type=int, default=4000)
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)
    print(f"cores: {os.cpu_count()}, load average before: {os.getloadavg()}", flush=True)
    figures = {
        "extraction": extraction(_ints(args.articles)),
        "merge": merge(_ints(args.merge), args.exhaustive_up_to),
        "load_average_after": os.getloadavg(),
        "cores": os.cpu_count(),
    }
    print(f"load average after: {figures['load_average_after']}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
