"""Extraction on many processes or machines with Dask (the optional ``dask`` extra).

Articles are cut into parts of :data:`PARTITION_ARTICLES`, and consecutive parts into tasks
of up to :data:`TASK_ARTICLES_MAX` articles, smaller as the work runs out (guided
self-scheduling, :func:`_task_runs`), on a ``dask.distributed`` cluster: a local one of
``workers`` processes or an existing one at a scheduler address. From paths
(:func:`extract_parallel_paths`, what ``geo extract`` and ``geo build`` run) a task gets parts
of the files and the worker reads them (:mod:`geo.readers_parts`); from articles already
read (:func:`extract_parallel`) it gets the articles. The cluster stops in a thread while
the client merges. A worker loads the gazetteer once (the first task it runs) and keeps it; each
task sends back one :class:`~geo.extraction.ArticleResult` per article, the gazetteer's
places as ids (:mod:`geo.transfer`), its mention rows packed apart, and the results are
played back here in article order as they come (:meth:`_Cluster.imap`): the mention rows go,
still packed, to a :class:`~geo.spool.MentionSpool` (to disk in pieces), the rest is merged
exactly as one process does (:func:`geo.extraction.assemble`): the tables are the same
whatever the number of workers. An outlet's home region (:mod:`geo.outlets`) needs
every article's first result, so the articles it changes are extracted again in a second
map on the cluster, as one process does after its first pass.

>>> choose_workers(None, 10)  # a small corpus: one process, no cluster
1
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.errors import GeoError
from geo.extraction import (
    ArticleResult,
    assemble,
    extract_article,
    outlet_priors,
    unique_articles,
)
from geo.outlet_memory import ballots, recall_outlets, remember_outlets
from geo.problems import Problem, ProblemSink, sink_or_log
from geo.readers_parts import Part, Replay, plan_parts, read_part
from geo.spool import MentionSpool
from geo.transfer import pack, packer, unpack

if TYPE_CHECKING:
    from geo.extraction import Extraction
    from geo.model import Article

__all__ = [
    "PARALLEL_MIN_ARTICLES",
    "PARTITION_ARTICLES",
    "GazetteerSpec",
    "choose_workers",
    "dask_available",
    "extract_parallel",
    "extract_parallel_paths",
]

#: Below this many articles, one process is the default: starting a local cluster and
#: loading the gazetteer in each worker costs about 10 s (788 real articles: 6.3 s in one
#: process, 13.2 s on 2 workers, cold cache, 2 cores), so 2 workers first pay at about
#: 2,500 articles; 5,000 leaves a margin (see the README's "Scale").
PARALLEL_MIN_ARTICLES = 5000
#: Articles per part of the input (what a worker reads at once) and per task at least.
PARTITION_ARTICLES = 25
#: Articles per task at most. Tasks are cut by guided self-scheduling (:func:`_task_runs`):
#: each takes a share of the articles still to hand out, so a large corpus goes in tasks of
#: this many while much is left, then in smaller ones, down to one part at the end, where the
#: workers must finish together. Every task costs messages and bookkeeping in the client
#: (where the scheduler runs) and in the worker: 6,400 articles in parts of 25 were 256
#: tasks, in guided runs 51.
TASK_ARTICLES_MAX = 200
#: A task takes 1/(this × workers) of the articles left (guided self-scheduling).
GUIDED_SHARE = 4

_INSTALL = "parallel extraction needs Dask: pip install 'geo-news-map[dask]'"

#: Dask settings for the local cluster ``--workers N`` starts. Its scheduler and the nannies
#: watching the workers run in this process, beside the merge: at Dask's defaults their
#: periodic checks (event-loop ticks every 20 ms, system and memory monitors, a sampling
#: profiler in every worker every 10 ms) took about as much CPU as the merge on 1,600
#: articles. Only the dashboard's diagnostics are slowed; a worker's memory is still checked
#: every second against its limit.
LOCAL_DASK_CONFIG: dict[str, object] = {
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.admin.system-monitor.disk": False,
    "distributed.admin.system-monitor.gil.enabled": False,
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
}


@dataclass(frozen=True, slots=True)
class GazetteerSpec:
    """How a worker makes its gazetteer: the bundled one, with a user places file, and the
    on-disk area cache at ``area_cache`` (``None``: no cache). Paths must be readable
    where the workers run."""

    places_file: str | None = None
    area_cache: str | None = None

    def load(self) -> Any:
        """The gazetteer, made once per process."""
        return _load_gazetteer(self)


@cache
def _load_gazetteer(spec: GazetteerSpec) -> Any:
    from gazetteer import Gazetteer, enable_area_cache
    from gazetteer.areacache import process_area_cache

    if spec.area_cache is not None and process_area_cache() is None:
        enable_area_cache(spec.area_cache)
    gaz = Gazetteer.default()
    if spec.places_file is not None:
        gaz = gaz.with_places(spec.places_file)
    return gaz


def dask_available() -> bool:
    """True when ``dask.distributed`` can be imported."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


def choose_workers(requested: int | None, articles: int, scheduler: str | None = None) -> int:
    """The number of worker processes to use: ``requested`` when given; else, for at least
    :data:`PARALLEL_MIN_ARTICLES` articles with Dask installed, the machine's cores; else 1
    (one process, no Dask). With a ``scheduler`` the cluster decides (returns 0)."""
    if scheduler is not None:
        return 0
    if requested is not None:
        if requested < 1:
            raise GeoError(f"--workers must be at least 1, got {requested}")
        return requested
    if articles >= PARALLEL_MIN_ARTICLES and dask_available():
        return max(1, os.cpu_count() or 1)
    return 1


#: One article's result as a task sends it: without its mentions, and its mentions (rows
#: and places) packed apart (``None``: it has none), for the client to write to its
#: :class:`~geo.spool.MentionSpool` as they are.
Sent = tuple[ArticleResult, bytes | None]


def _sent(results: Sequence[ArticleResult], gazetteer: Any, fingerprint: str | None) -> list[Sent]:
    """``results`` as a task sends them (:data:`Sent`), places packed for a client whose
    gazetteer has ``fingerprint`` (:func:`geo.transfer.pack`)."""
    pack_one = packer(gazetteer, fingerprint)
    return [
        (replace(r, mentions=(), places=()), pack_one((r.mentions, r.places)))
        if r.mentions
        else (r, None)
        for r in results
    ]


def _extract_partition(
    articles: Sequence[Article], spec: GazetteerSpec, fingerprint: str | None
) -> bytes:
    """One task on a worker: the results of ``articles``, in order, each as :func:`_sent`
    gives it, packed for a client whose gazetteer has ``fingerprint``
    (:func:`geo.transfer.pack`)."""
    gazetteer = spec.load()
    results = _sent([extract_article(a, gazetteer) for a in articles], gazetteer, fingerprint)
    return pack(results, gazetteer, fingerprint)


def _extract_with_priors(
    items: Sequence[tuple[Article, str]], spec: GazetteerSpec, fingerprint: str | None
) -> bytes:
    """One task on a worker: the results of the ``(article, prior)`` pairs an outlet prior
    re-places (:func:`geo.extraction.outlet_priors`), packed as in :func:`_extract_partition`."""
    gazetteer = spec.load()
    results = [extract_article(a, gazetteer, prior=p) for a, p in items]
    return pack(_sent(results, gazetteer, fingerprint), gazetteer, fingerprint)


def _redo_with_priors(
    cluster: _Cluster,
    articles: Sequence[Article],
    results: list[ArticleResult] | list[ArticleResult | None],
    spool: MentionSpool,
    gazetteer: Any = None,
    memory: tuple[str | Path, ProblemSink] | None = None,
) -> None:
    """The second pass of :func:`geo.extract` on the cluster: the articles an outlet prior
    re-places (:func:`geo.extraction.outlet_priors`) extracted again with it, in place in
    ``results`` (which is ``articles``' one by one) and in ``spool``, so the tables are
    those of one process. ``memory`` is an outlet memory file and the sink of its problems
    (:mod:`geo.outlet_memory`): read before the priors are found, written with the batch's
    ballots after."""
    path, sink = memory if memory is not None else (None, sink_or_log(None))
    remembered = recall_outlets(path, sink)
    fresh = ballots(articles, results) if remembered is not None else []
    again = sorted(outlet_priors(articles, results, gazetteer, remembered or ()).items())
    chunks = [again[i : i + PARTITION_ARTICLES] for i in range(0, len(again), PARTITION_ARTICLES)]
    items = [[(articles[n], prior) for n, prior in chunk] for chunk in chunks]
    redone = cluster.imap(_extract_with_priors, items, [len(c) for c in chunks])
    for (n, _), sent in zip(again, (r for part in redone for r in part), strict=True):
        results[n] = _keep(spool, n, sent, again=True)
    if remembered is not None:
        remember_outlets(path, remembered, fresh, sink)


def _keep(spool: MentionSpool, position: int, sent: Sent, *, again: bool = False) -> ArticleResult:
    """The result of :data:`Sent` ``sent``; its mentions go to ``spool`` under ``position``
    (:meth:`geo.spool.MentionSpool.add`)."""
    result, mentions = sent
    spool.add(position, mentions, again=again)
    return result


def _read_and_extract_parts(
    parts: Sequence[Part], spec: GazetteerSpec, fingerprint: str | None
) -> bytes:
    """One task on a worker: read each of ``parts`` (:func:`geo.readers_parts.read_part`)
    and extract its articles; for each part, in order, its log and their results, packed
    as in :func:`_extract_partition`."""
    gazetteer = spec.load()
    done = []
    for part in parts:
        log, articles = read_part(part)
        results = [extract_article(a, gazetteer) for a in articles]
        done.append((log, _sent(results, gazetteer, fingerprint)))
    return pack(done, gazetteer, fingerprint)


def extract_parallel(
    articles: Sequence[Article],
    spec: GazetteerSpec,
    *,
    workers: int = 0,
    scheduler: str | None = None,
    gazetteer: Any = None,
    on_problem: ProblemSink | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    outlet_memory: str | Path | None = None,
) -> Extraction:
    """:func:`geo.extract` of ``articles`` on a Dask cluster: a local one of ``workers``
    processes (one thread each), or the one at ``scheduler`` (``tcp://host:port``). The
    merge runs here with ``gazetteer`` (``spec``'s by default), and the outlet memory
    ``outlet_memory`` is read and written here, as by :func:`geo.extract`. Raises
    :class:`GeoError` when Dask is not installed or the scheduler cannot be reached."""
    sink = sink_or_log(on_problem)
    gazetteer = gazetteer or spec.load()
    unique = unique_articles(articles)
    cluster = _Cluster(
        spec, workers=workers, scheduler=scheduler, gazetteer=gazetteer, on_progress=on_progress
    )
    spool = MentionSpool(gazetteer)
    with cluster:
        chunks = _chunks(unique, cluster.workers)
        done_parts = cluster.imap(_extract_partition, chunks, [len(c) for c in chunks])
        found = iter(r for part in done_parts for r in part)
        seen: set[str] = set()
        results: list[ArticleResult | None] = []
        for n, article in enumerate(articles):  # one per article, None for a later copy of an id
            results.append(None if article.id in seen else _keep(spool, n, next(found)))
            seen.add(article.id)
        memory = None if outlet_memory is None else (outlet_memory, sink)
        _redo_with_priors(cluster, articles, results, spool, gazetteer, memory)
    try:
        extraction = assemble(articles, results, gazetteer=gazetteer, on_problem=sink, spool=spool)
    finally:
        cluster.closed()
    return extraction


def extract_parallel_paths(
    paths: Sequence[str | Path],
    spec: GazetteerSpec,
    *,
    workers: int = 0,
    scheduler: str | None = None,
    gazetteer: Any = None,
    on_problem: ProblemSink | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    skip: Sequence[str | Path] = (),
    plan: tuple[list[Part], list[Problem]] | None = None,
    outlet_memory: str | Path | None = None,
) -> Extraction:
    """:func:`extract_parallel` of the articles at ``paths``, read by the workers: the client
    sends each task a part of the files (a JSONL file in runs of lines), not the texts
    (:mod:`geo.readers_parts`). Articles, ids, problems and tables are those of
    :func:`geo.read_articles` and :func:`geo.extract` in one process. ``plan`` is what
    :func:`geo.readers_parts.plan_parts` gave for ``paths`` (planned here by default);
    ``outlet_memory`` as for :func:`extract_parallel`."""
    sink = sink_or_log(on_problem)
    gazetteer = gazetteer or spec.load()
    parts, problems = plan or plan_parts(paths, size=PARTITION_ARTICLES, skip=skip)
    replay = Replay(sink)
    results: list[ArticleResult] = []
    cluster = _Cluster(
        spec, workers=workers, scheduler=scheduler, gazetteer=gazetteer, on_progress=on_progress
    )
    spool = MentionSpool(gazetteer)
    with cluster:
        runs = _task_runs([p.articles for p in parts], cluster.workers)
        tasks = [parts[run.start : run.stop] for run in runs]
        sizes = [sum(p.articles for p in task) for task in tasks]
        # played back in order as the results come: the mentions go to the spool at once
        done_tasks = cluster.imap(_read_and_extract_parts, tasks, sizes)
        done_parts = (done for task in done_tasks for done in task)
        for problem in problems:
            sink(problem)
        for part, (log, part_results) in zip(parts, done_parts, strict=True):
            kept = replay.part(part, log)
            for sent, keep in zip(part_results, kept, strict=True):
                if keep:
                    results.append(_keep(spool, len(results), sent))
        # a later copy of an id, renamed: what was extracted under the old id is not its own,
        # so it is extracted again under the new one (on the workers: many copies of a corpus
        # would otherwise leave half of it to the client)
        renamed = sorted(replay.renamed)
        again = [replay.articles[i] for i in renamed]
        chunks = _chunks(again, cluster.workers)
        redone = cluster.imap(_extract_partition, chunks, [len(c) for c in chunks])
        for i, sent in zip(renamed, (r for part in redone for r in part), strict=True):
            results[i] = _keep(spool, i, sent, again=True)
        memory = None if outlet_memory is None else (outlet_memory, sink)
        _redo_with_priors(cluster, replay.articles, results, spool, gazetteer, memory)
    try:
        extraction = assemble(
            replay.articles, results, gazetteer=gazetteer, on_problem=sink, spool=spool
        )
    finally:
        cluster.closed()
    return extraction


def _chunks(articles: Sequence[Article], workers: int) -> list[Sequence[Article]]:
    """``articles`` cut into consecutive runs, one task each (:func:`_task_runs`)."""
    return [articles[run.start : run.stop] for run in _task_runs([1] * len(articles), workers)]


def _task_runs(sizes: Sequence[int], workers: int) -> list[range]:
    """Items of ``sizes`` articles each, cut into consecutive runs (one task each) by guided
    self-scheduling: a run takes the next items as long as it holds at most
    1/(:data:`GUIDED_SHARE` × ``workers``) of the articles not yet in a run, or
    :data:`PARTITION_ARTICLES` when that is more, and never more than
    :data:`TASK_ARTICLES_MAX`; it takes one item at least, however large. The runs cover
    every item once, in order.

    >>> runs = _task_runs([25] * 256, 2)  # 6,400 articles in parts of 25, for 2 workers
    >>> len(runs), [len(r) for r in runs[:2]], [len(r) for r in runs[24:36]]
    (51, [8, 8], [8, 7, 6, 5, 4, 4, 3, 3, 3, 2, 2, 2])
    """
    share = GUIDED_SHARE * max(1, workers)
    left = sum(sizes)
    runs: list[range] = []
    start = 0
    while start < len(sizes):
        want = min(TASK_ARTICLES_MAX, max(PARTITION_ARTICLES, -(-left // share)))
        stop, held = start + 1, sizes[start]
        while stop < len(sizes) and held + sizes[stop] <= want:
            held += sizes[stop]
            stop += 1
        runs.append(range(start, stop))
        left -= held
        start = stop
    return runs


@cache
def _import_table_modules() -> None:
    """Import what the events table needs (geopandas: about 0.3 s of CPU), here while the
    workers extract, rather than after the last result, when the merge waits for it."""
    import geopandas  # noqa: F401


class _Cluster:
    """A Dask client for one extraction, on a local cluster of ``workers`` processes (started
    on entering, stopped on leaving) or on the cluster at ``scheduler``; :meth:`map` runs
    tasks on it, and ``on_progress`` counts what every :meth:`map` has done so far."""

    def __init__(
        self,
        spec: GazetteerSpec,
        *,
        workers: int,
        scheduler: str | None,
        gazetteer: Any,
        on_progress: Callable[[int, int], None] | None,
    ) -> None:
        self.spec = spec
        self.gazetteer = gazetteer
        self._workers = workers
        self._scheduler = scheduler
        self._on_progress = on_progress
        self._done = self._total = 0
        self._client: Any = None
        self._cluster: Any = None
        self._quiet: _QuietDask | None = None
        self._closing: threading.Thread | None = None
        self._close_error: BaseException | None = None

    def __enter__(self) -> _Cluster:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise GeoError(_INSTALL) from exc
        self._quiet = _QuietDask()
        try:
            if self._scheduler is not None:
                # results come through the scheduler: a remote cluster's workers may not be
                # reachable from here
                self._client = Client(self._scheduler, timeout="10s", set_as_default=False)
            else:
                import dask

                with dask.config.set(LOCAL_DASK_CONFIG):  # read as the cluster's parts start
                    self._cluster = LocalCluster(
                        n_workers=max(1, self._workers),
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address=":0",  # its health endpoint, on a free local port
                        host="127.0.0.1",
                        silence_logs=logging.ERROR,
                    )
                # results straight from the local workers, not relayed by the scheduler
                # (which runs in this process: every byte would cross it twice)
                self._client = Client(self._cluster, set_as_default=False, direct_to_workers=True)
        except (OSError, TimeoutError) as exc:
            self._quiet.restore()
            where = self._scheduler or ""
            raise GeoError(f"cannot reach the Dask scheduler {where}: {exc}") from exc
        return self

    @property
    def workers(self) -> int:
        """How many tasks the cluster runs at once (its workers' threads; at least 1)."""
        if self._cluster is not None:
            return max(1, self._workers)
        return max(1, sum(self._client.nthreads().values()))

    def __exit__(self, *exc_info: object) -> None:
        if exc_info[0] is None:  # stopped while the caller merges: see closed()
            self._closing = threading.Thread(target=self._close, name="geo-dask-close")
            self._closing.start()
        else:
            self._close()
            self._raise_close_error()

    def _close(self) -> None:
        try:
            self._client.close()
            if self._cluster is not None:
                self._cluster.close()
        except BaseException as exc:  # raised again by closed() or __exit__
            self._close_error = exc
        finally:
            if self._quiet is not None:
                self._quiet.restore()

    def closed(self) -> None:
        """Wait until the cluster has stopped (leaving the ``with`` block starts stopping it,
        in a thread: a local cluster takes about a second to stop its processes, which the
        merge need not wait for); raise what stopping it raised."""
        if self._closing is not None:
            self._closing.join()
            self._closing = None
        self._raise_close_error()

    def _raise_close_error(self) -> None:
        error, self._close_error = self._close_error, None
        if error is not None:
            raise error

    def map(
        self, task: Callable[..., bytes], parts: Sequence[Any], sizes: Sequence[int]
    ) -> list[Any]:
        """``task(part, spec, fingerprint)`` of every part, unpacked with the gazetteer, in
        the order of ``parts``; each part done counts its size in ``sizes``."""
        return list(self.imap(task, parts, sizes))

    def imap(
        self, task: Callable[..., bytes], parts: Sequence[Any], sizes: Sequence[int]
    ) -> Iterator[Any]:
        """:meth:`map`, each result given as soon as it and those of every part before it
        have come (a result that comes early waits, alone, for those before it)."""
        if not parts:
            return
        from distributed import as_completed

        gazetteer = self.gazetteer
        fingerprint = gazetteer.fingerprint() if hasattr(gazetteer, "fingerprint") else None
        self._total += sum(sizes)
        futures = self._client.map(task, parts, spec=self.spec, fingerprint=fingerprint, pure=False)
        _import_table_modules()  # while the workers start: not after the last result
        order = {f.key: i for i, f in enumerate(futures)}
        pending = as_completed(futures, loop=self._client.loop)
        # as_completed holds each future until it yields it; a future held here would keep
        # its result in its worker's memory until the whole map ends (a worker held every
        # result it made: 5.7 kB an article, 794 MB at 100,000 articles)
        del futures
        early: dict[int, Any] = {}  # results that came before those of an earlier part
        following = 0
        for future in pending:
            index = order[future.key]
            early[index] = unpack(future.result(), gazetteer)
            future.release()  # the worker may forget the result now
            del future
            self._done += sizes[index]
            if self._on_progress is not None:
                self._on_progress(min(self._done, self._total), self._total)
            while following in early:
                yield early.pop(following)
                following += 1


class _QuietDask:
    """Keeps Dask's own loggers to errors while a cluster runs (their start and stop
    messages are not the user's business); :meth:`restore` puts the levels back."""

    _NAMES = ("distributed", "tornado")

    def __init__(self) -> None:
        self._levels = {name: logging.getLogger(name).level for name in self._NAMES}
        for name in self._NAMES:
            logging.getLogger(name).setLevel(logging.ERROR)

    def restore(self) -> None:
        for name, level in self._levels.items():
            logging.getLogger(name).setLevel(level)
