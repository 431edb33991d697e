"""Scale: extraction throughput on 1 and 2 workers, peak memory per worker, merge time.

    .venv/bin/python benchmarks/bench_scale.py [--articles 400,1600] [--merge 1000,10000,100000]
                                               [--workers 0,1,2] [--exhaustive-up-to 4000]
                                               [--merge-shift-days 2] [--merge-repeat 1]
                                               [--merge-distinct-texts] [--json FILE]

Needs the ``dask`` extra for the 2-worker runs (``pip install -e '.[dask]'``) and the real
news of ``../shared/corpora/``: the 59 events-dev articles, the bundled sample, and the 788
articles of ``lgl.xml`` and ``gwn.xml`` (852 articles in all). Larger corpora are copies of
them with distinct ids and dates shifted by :data:`SHIFT_DAYS` days per copy. Half the real
reports fall in one month of 2009, so copies 2 days apart pile up there: the events per day
grow with the corpus (a report meets 12 clusters in the merge at 10,000 reports, 20 at
100,000).

- **Extraction**: for each corpus size, the corpus is written once as a JSONL file and
  extracted as ``geo extract FILE --workers N`` does (:func:`geo.pipeline.extract_paths`):
  in one process without Dask, then on a local cluster of 1 and of 2 worker processes (the
  workers read their parts of the file); each configuration runs in a fresh process with
  the on-disk area cache warm. Reports articles/s (the whole job: reading, cluster start,
  gazetteer loads, extraction and merge), the client's CPU seconds (and of them the merge's
  and the events table's), each worker's CPU seconds, the client's share of all the CPU
  and the speedup on 2 workers it allows (Amdahl: the client's share alone, the rest split
  in two), the same bound with the start-ups counted as serial (the client's cluster
  start and its assembling after the last result, a worker's CPU on joining the cluster and
  its warm-up, measured once in a fresh process), when the cluster was up and the first and
  last results came (wall), and the peak resident memory of each process (the client's
  also as it was when the merge began: what it held of the results). CPU seconds
  hold on a busy machine, where wall-clock speedups do not. ``--workers`` picks the
  configurations (``0,1,2``: one process, 1 and 2 Dask workers).
- **Merge**: the event reports of the 852 articles (extracted once), copied to 1k, 10k and
  100k reports; :func:`geo.merge.merge_reports` timed alone, blocked (the default), with
  the SHA-1 of the events it gives (:func:`digest`: compare it across versions) and,
  up to ``--exhaustive-up-to`` reports, exhaustive (``blocking=False``, today's cost before
  blocking) with a check that both give the same events. The copies are
  ``--merge-shift-days`` apart (:data:`SHIFT_DAYS` by default), which sets how densely
  they pile up in time; ``--merge-repeat N`` reports the least of N merges of each size
  (after a warm-up merge of 50 reports); ``--merge-distinct-texts`` ends each copy of an
  article with a word of its own, so that no two articles share a text (story links are
  then computed for every pair of copies, as in an archive of distinct articles).
  ``--articles "" --workers ""`` runs the merge alone.

Figures depend on the machine and on what else runs on it: the script prints the load
average before and after, so a shared machine says so.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
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


def _usage() -> tuple[float, float]:
    """(CPU seconds, peak resident MB) of this process (run on each worker)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def corpus_file(n: int) -> Path:
    """The ``n`` replicated articles as one JSONL file (written once, in the temp folder):
    the input ``geo extract`` reads, so that reading is part of every run."""
    path = Path(tempfile.gettempdir()) / f"geo-bench-scale-{n}.jsonl"
    if not path.exists():
        part = path.with_suffix(".part")
        with part.open("w", encoding="utf-8") as f:
            for a in replicate(base_articles(), n):
                row = {"id": a.id, "text": a.text, "title": a.title, "url": a.url}
                row |= {"outlet": a.outlet, "published": a.published and a.published.isoformat()}
                f.write(json.dumps(row) + "\n")
        part.replace(path)
    return path


class _Stopwatch:
    """Client CPU seconds spent in a function (patched for one run)."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = {}
        #: The client's peak resident MB when the tables began to be assembled (the merge).
        self.peak_before_assemble: float | None = None

    def wrap(self, name: str, fn: Any) -> Any:
        def timed(*args: Any, **kwargs: Any) -> Any:
            c0 = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.cpu[name] = self.cpu.get(name, 0.0) + time.process_time() - c0

        return timed


def _watch_workers(box: dict[str, Any]) -> None:
    """Make the local clusters ``geo.parallel`` starts record their workers' CPU seconds and
    peak memory in ``box`` (at start and just before they close): this process only."""
    import distributed

    class Watched(distributed.LocalCluster):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            with distributed.Client(self, set_as_default=False) as client:
                box["start"] = client.run(_usage)

        def close(self, *args: Any, **kwargs: Any) -> Any:
            if "end" not in box:
                with distributed.Client(self, set_as_default=False) as client:
                    box["end"] = client.run(_usage)
            return super().close(*args, **kwargs)

    distributed.LocalCluster = Watched


def _timeline(watch: _Stopwatch) -> dict[str, float]:
    """Patch ``geo.parallel`` (this process) to note, in wall seconds from the call, when the
    cluster is up, the first and last task results, and when the tables are assembled; and,
    in ``watch``, the client's CPU in starting the cluster and in assembling (the merge and
    the tables after the last result: serial work)."""
    import geo.parallel as gp

    marks: dict[str, float] = {}
    enter, assemble, unpack = gp._Cluster.__enter__, gp.assemble, gp.unpack

    def entered(*args: Any, **kwargs: Any) -> Any:
        out = watch.wrap("cluster_start", enter)(*args, **kwargs)
        marks["cluster_up"] = time.perf_counter()
        return out

    def unpacked(*args: Any, **kwargs: Any) -> Any:
        out = unpack(*args, **kwargs)
        marks.setdefault("first_result", time.perf_counter())
        marks["last_result"] = time.perf_counter()
        return out

    def assembled(*args: Any, **kwargs: Any) -> Any:
        watch.peak_before_assemble = _peak_mb()  # what the client held before the merge
        out = watch.wrap("assemble", assemble)(*args, **kwargs)
        marks["assembled"] = time.perf_counter()
        return out

    gp._Cluster.__enter__, gp.unpack, gp.assemble = entered, unpacked, assembled
    return marks


def warmup_child() -> dict[str, float]:
    """What a worker pays once before it extracts at its steady pace, in CPU seconds, in
    this fresh process: importing the extractor, loading the gazetteer, and the first part
    of 25 articles less the same part extracted again (caches filled, lexicons read)."""
    c0 = time.process_time()
    from geo.parallel import GazetteerSpec

    imported = time.process_time() - c0
    from gazetteer import enable_area_cache
    from geo.extraction import extract_article
    from geo.readers_parts import plan_parts, read_part

    cache = enable_area_cache()
    c0 = time.process_time()
    gazetteer = GazetteerSpec(area_cache=str(cache.path) if cache else None).load()
    loaded = time.process_time() - c0
    part = plan_parts([corpus_file(100)], size=25)[0][0]
    laps = []
    for _ in range(2):
        c0 = time.process_time()
        _, articles = read_part(part)
        for a in articles:
            extract_article(a, gazetteer)
        laps.append(time.process_time() - c0)
    return {
        "import_s": round(imported, 2),
        "gazetteer_s": round(loaded, 2),
        "first_part_extra_s": round(laps[0] - laps[1], 2),
        "total_s": round(imported + loaded + laps[0] - laps[1], 2),
    }


def extraction_child(n: int, workers: int, warmup: float = 0.0) -> dict[str, Any]:
    """One run, in this (fresh) process, of what ``geo extract FILE.jsonl --workers N`` does
    (``workers`` 0: one process without Dask): the client's CPU by stage, the workers' CPU
    and peak memory, and the share of all CPU the client took."""
    import geo.extraction
    from gazetteer import enable_area_cache
    from geo.parallel import GazetteerSpec, extract_parallel_paths
    from geo.pipeline import BuildOptions, extract_paths

    cache = enable_area_cache()
    path = corpus_file(n)
    watch = _Stopwatch()
    geo.extraction.merge_reports = watch.wrap("merge", geo.extraction.merge_reports)
    geo.extraction.events_frame = watch.wrap("events_frame", geo.extraction.events_frame)
    box: dict[str, Any] = {}
    marks: dict[str, float] = {}
    if workers:
        _watch_workers(box)
        marks = _timeline(watch)
    else:
        assemble = geo.extraction.assemble

        def assembled(*args: Any, **kwargs: Any) -> Any:
            watch.peak_before_assemble = _peak_mb()
            return assemble(*args, **kwargs)

        geo.extraction.assemble = assembled
    t0, c0 = time.perf_counter(), time.process_time()
    if workers == 0:
        result = extract_paths([path], BuildOptions(workers=1), on_problem=lambda p: None)
    else:  # what extract_paths runs for --workers N (N > 1), here for 1 as well
        spec = GazetteerSpec(area_cache=str(cache.path) if cache else None)
        result = extract_parallel_paths([path], spec, workers=workers, on_problem=lambda p: None)
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - c0
    worker_cpu = [box["end"][k][0] - box["start"][k][0] for k in box.get("end", {})]
    share = cpu / (cpu + sum(worker_cpu)) if worker_cpu else 1.0
    bound = None
    if worker_cpu:
        # Amdahl with the start-ups: serial are the client's cluster start and assembling
        # after the last result, and a worker's own start (its CPU when it joined the
        # cluster, then the warm-up: every worker pays them side by side); parallel are
        # the workers' steady extraction and the client's CPU while they run, which 2
        # workers share with it on 2 cores (1 worker leaves it the other core)
        start = max(box["start"][k][0] for k in box["start"]) + warmup
        client_serial = watch.cpu.get("cluster_start", 0.0) + watch.cpu.get("assemble", 0.0)
        serial = client_serial + start
        steady = sum(worker_cpu) - warmup * len(worker_cpu)
        client_run = cpu - client_serial
        bound = round((serial + steady) / (serial + (steady + client_run) / 2), 2)
    return {
        "articles": n,
        "workers": workers,
        "seconds": round(seconds, 2),
        "articles_per_s": round(n / seconds, 1),
        "client_cpu_s": round(cpu, 2),
        "client_stage_cpu_s": {k: round(v, 2) for k, v in watch.cpu.items()},
        "worker_cpu_s": [round(x, 2) for x in worker_cpu],
        "client_share": round(share, 3),
        # Amdahl: the client's share runs alone, the rest splits over 2 workers
        "amdahl_2": round(1 / (share + (1 - share) / 2), 2) if worker_cpu else None,
        "amdahl_2_with_startup": bound,
        "worker_start_cpu_s": [round(v[0], 2) for v in box.get("start", {}).values()],
        "timeline_s": {k: round(v - t0, 2) for k, v in marks.items()},
        "events": len(result.events),
        "client_peak_mb": round(_peak_mb()),
        "client_peak_before_merge_mb": (
            round(watch.peak_before_assemble) if watch.peak_before_assemble else None
        ),
        "worker_peak_mb": [round(box["end"][k][1]) for k in box.get("end", {})],
    }


def _child(*args: str) -> Any:
    out = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def extraction(sizes: list[int], configs: list[int]) -> list[dict[str, Any]]:
    if not sizes or not configs:
        return []  # the merge alone
    corpus_file(100)
    warmup = _child("--warmup")
    print(f"a worker's warm-up (CPU s, fresh process): {warmup}", flush=True)
    rows = []
    for n in sizes:
        corpus_file(n)
        for workers in configs:
            rows.append(_child("--child", str(n), str(workers), str(warmup["total_s"])))
            print(_extraction_line(rows[-1]), flush=True)
    return rows


def _extraction_line(row: dict[str, Any]) -> str:
    how = "one process, no Dask" if row["workers"] == 0 else f"Dask, {row['workers']} worker(s)"
    stages = ", ".join(f"{k} {v:.2f}" for k, v in row["client_stage_cpu_s"].items())
    workers = (
        f"; workers CPU {row['worker_cpu_s']} s (at joining {row['worker_start_cpu_s']} s), "
        f"client share {row['client_share']:.1%} (Amdahl bound on 2: {row['amdahl_2']}x, "
        f"with the start-ups {row['amdahl_2_with_startup']}x), peak {row['worker_peak_mb']} MB"
        f"; wall marks {row['timeline_s']}"
        if row["worker_cpu_s"]
        else ""
    )
    return (
        f"{row['articles']:>7} articles  {how:<22} {row['seconds']:>8.1f} s "
        f"{row['articles_per_s']:>6.1f} articles/s  client CPU {row['client_cpu_s']:.2f} s "
        f"({stages}), peak {row['client_peak_mb']} MB (before the merge "
        f"{row['client_peak_before_merge_mb']} MB){workers}  ({row['events']} events)"
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


def replicate_reports(
    articles: list[Any],
    reports: list[Any],
    n: int,
    shift_days: int = SHIFT_DAYS,
    distinct_texts: bool = False,
) -> tuple[list, dict]:
    """``n`` reports: copies of ``reports`` in the copies of their articles (``replicate``),
    copy ``k`` shifted by ``k * shift_days`` days. With ``distinct_texts``, each copy of an
    article ends with a word of its own, so no two articles have the same text (copies of
    one article still tell one story: they share all their other words)."""
    out: list[Any] = []
    by_id: dict[str, Any] = {}
    k = 0
    while len(out) < n:
        shift = timedelta(days=shift_days * k)
        tag = "copy" + "".join(chr(97 + (k // 26**j) % 26) for j in range(4))
        for a in articles:
            published = a.published + shift if a.published else None
            text = f"{a.text} {tag}" if distinct_texts and a.text else a.text
            by_id[f"{a.id}~{k}"] = replace(a, id=f"{a.id}~{k}", published=published, text=text)
        for r in reports:
            if len(out) == n:
                break
            dates = replace(r.dates, start=r.dates.start + shift, end=r.dates.end + shift)
            out.append(replace(r, article=f"{r.article}~{k}", dates=dates))
        k += 1
    return out, by_id


def merge(
    sizes: list[int],
    exhaustive_up_to: int,
    shift_days: int = SHIFT_DAYS,
    repeat: int = 1,
    distinct_texts: bool = False,
) -> list[dict[str, Any]]:
    """Merge copies of the real reports at each of ``sizes`` (:func:`replicate_reports`),
    after a warm-up merge of 50 reports; the blocked merge's wall and CPU seconds are the
    least of ``repeat`` runs."""
    from geo.merge import merge_reports

    articles, reports = base_reports(Path(tempfile.gettempdir()) / "geo-bench-scale.pkl")
    merge_reports(*replicate_reports(articles, reports, 50, shift_days))  # imports, caches
    rows = []
    for n in sizes:
        batch, by_id = replicate_reports(articles, reports, n, shift_days, distinct_texts)
        row: dict[str, Any] = {"reports": n}
        for _ in range(max(1, repeat)):
            events = []
            gc.collect()
            t0, c0 = time.perf_counter(), time.process_time()
            events = merge_reports(batch, by_id)
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            row["blocked_s"] = round(min(wall, row.get("blocked_s", wall)), 2)
            row["blocked_cpu_s"] = round(min(cpu, row.get("blocked_cpu_s", cpu)), 2)
        row["events"] = len(events)
        row["sha1"] = digest(events)
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
            f"(CPU {row['blocked_cpu_s']:.1f} s)  ({row['events']} events, "
            f"SHA-1 {row['sha1']}){extra}",
            flush=True,
        )
    return rows


def _key(e: Any) -> tuple:
    return (e.id, e.title, e.place.id, e.dates, e.sources, e.confidence, e.notes)


def digest(events: list[Any]) -> str:
    """The SHA-1 of every merged event's id, title, place, dates, sources, confidence and
    notes, in order: two merges of the same reports gave the same events when it is equal."""
    return hashlib.sha1(repr([_key(e) for e in events]).encode("utf-8")).hexdigest()


def _ints(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        print(json.dumps(extraction_child(int(argv[1]), int(argv[2]), float(argv[3]))))
        return 0
    if argv[:1] == ["--warmup"]:
        print(json.dumps(warmup_child()))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", default="400,1600", help="corpus sizes to extract")
    parser.add_argument("--merge", default="1000,10000,100000", help="report counts to merge")
    parser.add_argument(
        "--workers", default="0,1,2", help="configurations: 0 one process, N Dask workers"
    )
    parser.add_argument("--exhaustive-up-to", type=int, default=4000)
    parser.add_argument(
        "--merge-shift-days",
        type=int,
        default=SHIFT_DAYS,
        help="days between copies of the reports in the merge runs (half the real reports "
        "fall in one month of 2009: copies 2 days apart pile up, a report meets 12 clusters "
        "at 10,000 reports and 20 at 100,000; 30 days apart, 1.9 and 3.9; 6000 days apart, "
        "longer than the corpus's 15.6 years, copies do not overlap and the density stays)",
    )
    parser.add_argument(
        "--merge-repeat",
        type=int,
        default=1,
        help="merge each size this many times and report the least time (CPU seconds grow "
        "with the machine's load)",
    )
    parser.add_argument(
        "--merge-distinct-texts",
        action="store_true",
        help="end each copy of an article with a word of its own: no two texts are the same "
        "(as in an archive of distinct articles), so story links are not shared by copies",
    )
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)
    print(f"cores: {os.cpu_count()}, load average before: {os.getloadavg()}", flush=True)
    figures = {
        "extraction": extraction(_ints(args.articles), _ints(args.workers)),
        "merge": merge(
            _ints(args.merge),
            args.exhaustive_up_to,
            args.merge_shift_days,
            args.merge_repeat,
            args.merge_distinct_texts,
        ),
        "load_average_after": os.getloadavg(),
        "cores": os.cpu_count(),
    }
    print(f"load average after: {figures['load_average_after']}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
