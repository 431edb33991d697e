"""Extraction on Dask workers gives the tables of one process (geo/parallel.py).

The cluster tests start their own ``dask.distributed`` scheduler and workers on 127.0.0.1
and are skipped when the ``dask`` extra is not installed.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import geo.parallel
from geo.cli import cli
from geo.parallel import (
    LOCAL_DASK_CONFIG,
    PARALLEL_MIN_ARTICLES,
    PARTITION_ARTICLES,
    TASK_ARTICLES_MAX,
    _task_runs,
    choose_workers,
)
from geo.pipeline import BuildOptions, extract_paths, write_table
from tests.geo.test_readers_parts import awkward_corpus, parquet_corpus

EVENTS_DEV = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora" / "events-dev"


def _tables(paths: list, options: BuildOptions) -> tuple[str, str, list[str], str]:
    problems: list[str] = []
    result = extract_paths(paths, options, on_problem=lambda p: problems.append(str(p)))
    return (
        write_table(result.events, "geojson"),
        write_table(result.mentions, "geojson"),
        problems,
        write_table(result.mentions, "csv"),
    )


@pytest.fixture(scope="module")
def scheduler() -> object:
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    import logging

    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=":0",  # its health endpoint, on a free local port
        silence_logs=logging.ERROR,
    )
    yield cluster.scheduler_address
    cluster.close()


@pytest.mark.slow
def test_the_sample_on_a_scheduler_gives_the_tables_of_one_process(scheduler: str) -> None:
    one = _tables([], BuildOptions(workers=1))
    assert _tables([], BuildOptions(scheduler=scheduler)) == one
    assert one[0].count('"type":"Feature"') >= 3  # real tables, not empty ones


@pytest.mark.slow
@pytest.mark.skipif(not EVENTS_DEV.is_dir(), reason="the shared events-dev corpus is not here")
def test_events_dev_on_a_scheduler_gives_the_tables_of_one_process(
    scheduler: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import geo.spool

    paths = [EVENTS_DEV / "articles"]
    one = _tables(paths, BuildOptions(workers=1))  # every mention row held in memory
    monkeypatch.setattr(geo.spool, "PIECE_ARTICLES", 5)  # on disk in pieces of 5 articles
    many = _tables(paths, BuildOptions(scheduler=scheduler))
    assert many[0] == one[0]  # events: same ids, same rows, same order
    assert many[1] == one[1]  # mentions
    assert many[2] == one[2]  # problems, in article order
    assert many[3] == one[3]  # mentions as CSV
    assert _tables(paths, BuildOptions(workers=1)) == one  # one process, pieces of 5


@pytest.mark.slow
def test_articles_read_by_the_workers_give_the_tables_and_problems_of_one_process(
    scheduler: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # parts of 4 articles: JSONL files cut across tasks, a folder's sidecar loaded by many
    # tasks, duplicate ids met in other tasks (renamed, and extracted again under the new id)
    monkeypatch.setattr(geo.parallel, "PARTITION_ARTICLES", 4)
    paths = [awkward_corpus(tmp_path)]
    one = _tables(paths, BuildOptions(workers=1))
    many = _tables(paths, BuildOptions(scheduler=scheduler))
    assert many == one
    assert any("renamed to" in p for p in one[2])
    assert '"article":"n1-2"' in one[1]  # the renamed article's own mentions


@pytest.mark.slow
def test_the_client_writes_mentions_in_pieces_before_the_last_result_comes(
    scheduler: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the client keeps no more than a piece's worth of mention rows: the rest is on disk
    # before the workers are done, and the tables (renamed copies, extracted again, among
    # them) are those of one process holding every row
    import geo.spool

    monkeypatch.setattr(geo.parallel, "PARTITION_ARTICLES", 1)  # many small tasks
    monkeypatch.setattr(geo.parallel, "TASK_ARTICLES_MAX", 1)
    paths = [awkward_corpus(tmp_path)]
    one = _tables(paths, BuildOptions(workers=1))
    monkeypatch.setattr(geo.spool, "PIECE_ARTICLES", 2)
    log: list[str] = []
    held: list[int] = []
    write_piece, unpack = geo.spool.MentionSpool._write_piece, geo.parallel.unpack
    imap = geo.parallel._Cluster.imap

    def written(spool: geo.spool.MentionSpool) -> None:
        held.append(len(spool._buffer))
        log.append("piece")
        write_piece(spool)

    def unpacked(*args: object) -> object:
        log.append("result")
        return unpack(*args)

    def mapped(*args: object) -> object:
        log.append("map")
        return imap(*args)

    def in_order(futures: list, loop: object = None) -> Iterator:
        # results read in the order the tasks were sent (Dask's come as they finish), so
        # that whether the client writes pieces before the last one is not left to chance
        pending = list(futures)
        while pending:
            future = pending.pop(0)
            future.result()
            yield future

    import distributed

    monkeypatch.setattr(geo.spool.MentionSpool, "_write_piece", written)
    monkeypatch.setattr(geo.parallel, "unpack", unpacked)
    monkeypatch.setattr(geo.parallel._Cluster, "imap", mapped)
    monkeypatch.setattr(distributed, "as_completed", in_order)
    assert _tables(paths, BuildOptions(scheduler=scheduler)) == one
    first_map = log[1 : log.index("map", 1)] if log.count("map") > 1 else log[1:]
    assert first_map.count("result") > 3  # the articles came in many tasks
    last_result = max(i for i, what in enumerate(first_map) if what == "result")
    assert "piece" in first_map[:last_result]  # pieces written while results still come
    assert held and max(held) <= 2  # never more than a piece's worth held


@pytest.mark.slow
def test_parts_grouped_into_larger_tasks_give_the_tables_of_one_process(
    scheduler: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # parts of 1 article, tasks of up to 3 parts: a task reads a JSONL file's part, a folder's
    # files and the next file's first part; its logs are played back part by part
    monkeypatch.setattr(geo.parallel, "PARTITION_ARTICLES", 1)
    monkeypatch.setattr(geo.parallel, "TASK_ARTICLES_MAX", 3)
    monkeypatch.setattr(geo.parallel, "GUIDED_SHARE", 1)
    paths = [awkward_corpus(tmp_path)]
    from geo.readers_parts import plan_parts

    parts, _ = plan_parts(paths, size=1)
    assert any(len(run) > 1 for run in _task_runs([p.articles for p in parts], 2))
    one = _tables(paths, BuildOptions(workers=1))
    assert _tables(paths, BuildOptions(scheduler=scheduler)) == one
    assert any("renamed to" in p for p in one[2])  # renamed copies, redone in larger tasks


@pytest.mark.slow
def test_articles_already_read_give_the_tables_of_one_process(
    scheduler: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # extract_parallel (a Python caller's articles): a later copy of an id is reported and
    # skipped, the rest goes in tasks of several articles
    from dataclasses import replace

    from geo import extract, read_articles, sample_paths
    from geo.parallel import GazetteerSpec, extract_parallel

    monkeypatch.setattr(geo.parallel, "PARTITION_ARTICLES", 1)
    monkeypatch.setattr(geo.parallel, "TASK_ARTICLES_MAX", 3)
    monkeypatch.setattr(geo.parallel, "GUIDED_SHARE", 1)
    articles = read_articles(sample_paths())
    articles = [*articles, replace(articles[0], text="Another text under the same id.")]
    runs = _task_runs([1] * len(articles), 2)
    assert any(len(run) > 1 for run in runs)
    problems: dict[str, list[str]] = {"one": [], "many": []}
    one = extract(articles, on_problem=lambda p: problems["one"].append(str(p)))
    many = extract_parallel(
        articles,
        GazetteerSpec(),
        scheduler=scheduler,
        on_problem=lambda p: problems["many"].append(str(p)),
    )
    assert write_table(many.events, "geojson") == write_table(one.events, "geojson")
    assert write_table(many.mentions, "geojson") == write_table(one.mentions, "geojson")
    assert problems["many"] == problems["one"]
    assert any("duplicate article id" in p for p in problems["one"])


@pytest.mark.slow
def test_a_result_read_by_the_client_is_released_before_the_next_is_awaited(
    scheduler: str, monkeypatch: pytest.MonkeyPatch, gaz: object
) -> None:
    # a future the client still holds keeps its result in its worker's memory: held until
    # the whole map ended, a worker kept every result it made (794 MB at 100,000 articles)
    import distributed

    from geo import Article
    from geo.parallel import GazetteerSpec, _Cluster, _extract_partition

    released: list[str] = []
    release = distributed.Future.release

    def recorded(future: distributed.Future) -> None:
        if not future._cleared:
            released.append(future.key)
        release(future)

    monkeypatch.setattr(distributed.Future, "release", recorded)
    seen: list[int] = []  # how many results had been released when each one was counted
    chunks = [[Article(f"a{i}", f"Floods hit Lyon on day {i}.")] for i in range(4)]
    cluster = _Cluster(
        GazetteerSpec(),
        scheduler=scheduler,
        workers=0,
        gazetteer=gaz,
        on_progress=lambda done, total: seen.append(len(released)),
    )
    with cluster:
        done = cluster.map(_extract_partition, chunks, [1] * len(chunks))
    cluster.closed()
    assert [len(part) for part in done] == [1, 1, 1, 1]
    assert seen == [1, 2, 3, 4]


class _Closing:
    """A stand-in for Dask's client or cluster: records ``close``, may fail in it."""

    def __init__(self, log: list[str], name: str, fail: bool = False) -> None:
        self.log, self.name, self.fail = log, name, fail

    def close(self) -> None:
        self.log.append(self.name)
        if self.fail:
            raise RuntimeError(f"{self.name} would not stop")


def _fake_cluster(log: list[str], fail: bool = False) -> geo.parallel._Cluster:
    cluster = geo.parallel._Cluster(
        geo.parallel.GazetteerSpec(), workers=2, scheduler=None, gazetteer=None, on_progress=None
    )
    cluster._client = _Closing(log, "client")
    cluster._cluster = _Closing(log, "cluster", fail)
    return cluster


def test_the_cluster_stops_while_the_caller_merges_and_its_errors_are_not_lost() -> None:
    log: list[str] = []
    cluster = _fake_cluster(log)
    cluster.__exit__(None, None, None)  # the with block ended: stopping starts in a thread
    cluster.closed()  # waits for it
    assert log == ["client", "cluster"]
    cluster.closed()  # once is enough; a second call returns at once

    failing = _fake_cluster([], fail=True)
    failing.__exit__(None, None, None)
    with pytest.raises(RuntimeError, match="would not stop"):
        failing.closed()


def test_a_failed_run_stops_the_cluster_before_its_error_goes_on() -> None:
    log: list[str] = []
    cluster = _fake_cluster(log)
    error = ValueError("a task failed")
    cluster.__exit__(ValueError, error, None)  # synchronously: nothing waits on closed()
    assert log == ["client", "cluster"]
    assert cluster._closing is None


def test_guided_tasks_cover_every_part_once_in_order_and_shrink_at_the_end() -> None:
    sizes = [PARTITION_ARTICLES] * 400
    runs = _task_runs(sizes, 2)
    assert [i for run in runs for i in run] == list(range(len(sizes)))
    held = [sum(sizes[i] for i in run) for run in runs]
    assert held[0] == TASK_ARTICLES_MAX  # much left: large tasks, few messages
    assert max(held) == TASK_ARTICLES_MAX
    assert [len(run) for run in runs[-3:]] == [1, 1, 1]  # one part a task at the end
    assert len(runs) < len(sizes) / 4
    # a folder's small files share a task; a part larger than a task is a task alone
    mixed = [3, 1, 2, 10 * TASK_ARTICLES_MAX, 2]
    assert [list(run) for run in _task_runs(mixed, 2)] == [[0, 1, 2], [3], [4]]
    assert _task_runs([], 2) == []
    # a small input keeps tasks of one part, spread over the workers
    assert [len(r) for r in _task_runs([PARTITION_ARTICLES] * 6, 2)] == [1] * 6


@pytest.mark.slow
def test_parquet_row_groups_read_by_the_workers_give_the_tables_of_one_process(
    scheduler: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a Parquet file cut into runs of row groups across tasks, with bad rows, a damaged
    # file, a non-articles table and ids repeated in the JSONL files beside it
    monkeypatch.setattr(geo.parallel, "PARTITION_ARTICLES", 3)
    paths = [parquet_corpus(tmp_path)]
    one = _tables(paths, BuildOptions(workers=1))
    many = _tables(paths, BuildOptions(scheduler=scheduler))
    assert many == one
    assert any("feed.parquet:row" in p for p in one[2])
    assert any("feed.parquet:row" in p and "renamed to" in p for p in one[2])
    assert one[0].count('"type":"Feature"') >= 3


@pytest.mark.slow
def test_workers_option_runs_a_local_cluster(tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    runner = CliRunner()
    out = {}
    for workers in ("1", "2"):
        target = tmp_path / f"events-{workers}.geojson"
        result = runner.invoke(
            cli, ["-q", "extract", *_sample(), "--workers", workers, "--out", str(target)]
        )
        assert result.exit_code == 0, result.output
        out[workers] = target.read_bytes()
    assert out["1"] == out["2"]


def _sample() -> list[str]:
    from geo import sample_paths

    return [str(p) for p in sample_paths()]


def test_small_corpora_run_in_one_process_by_default() -> None:
    assert choose_workers(None, 5) == 1
    assert choose_workers(None, PARALLEL_MIN_ARTICLES - 1) == 1
    assert choose_workers(3, 5) == 3  # asked for: honoured
    assert choose_workers(None, 5, "tcp://127.0.0.1:1") == 0  # the cluster decides


def test_large_corpora_without_dask_run_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if not installed
    assert choose_workers(None, PARALLEL_MIN_ARTICLES * 10) == 1


def test_asking_for_workers_without_dask_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    result = CliRunner().invoke(
        cli, ["extract", *_sample(), "--workers", "2", "--out", str(tmp_path / "e.json")]
    )
    assert result.exit_code == 1
    assert "Error: parallel extraction needs Dask: pip install 'geo-news-map[dask]'" in (
        result.output
    )
    assert not (tmp_path / "e.json").exists()


def test_the_local_cluster_settings_are_settings_dask_knows() -> None:
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    import dask
    import distributed  # noqa: F401  (loads its defaults into dask.config)

    for key, value in LOCAL_DASK_CONFIG.items():
        default = dask.config.get(key)  # KeyError: a renamed setting would do nothing
        assert type(default) is type(value), key
