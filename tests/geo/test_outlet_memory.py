"""The outlet memory (geo/outlet_memory.py, ``--outlet-memory FILE``): a run keeps the ballots
its articles cast for their outlets' homes, and a later run of a few articles of the same
outlet resolves their bare namesakes as a run over the whole archive would. Sentences are
invented."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from geo import Article, extract
from geo.cli import cli
from geo.errors import GeoError
from geo.outlet_memory import (
    MEMORY_VERSION,
    Remembered,
    merge_memory,
    read_memory,
    write_memory,
)
from geo.problems import Problem
from tests.geo.test_outlets import AT_HOME, STATELESS, _in_massachusetts_point

DAY = date(2024, 5, 6)
OUTLET = "Example Ledger"


def _archive() -> list[Article]:
    return [
        Article(id=f"old{n}", text=t, published=DAY, outlet=OUTLET) for n, t in enumerate(AT_HOME)
    ]


def _today(outlet: str = OUTLET) -> list[Article]:
    return [Article(id="today", text=STATELESS, published=DAY, outlet=outlet)]


def _springfield_in_massachusetts(articles: list[Article], memory: Path | None) -> bool:
    mentions = extract(articles, outlet_memory=memory).mentions
    row = mentions[(mentions["article"] == "today") & (mentions["text"] == "Springfield")]
    assert len(row) == 1
    return _in_massachusetts_point(row.geometry.iloc[0].representative_point())


def test_a_later_run_of_one_article_uses_the_home_an_earlier_run_learned(tmp_path: Path) -> None:
    memory = tmp_path / "outlets.json"
    assert not _springfield_in_massachusetts(_today(), None)  # alone, the famous namesake
    extract(_archive(), outlet_memory=memory)  # yesterday's run over the archive
    assert {b.article for b in read_memory(memory)} == {"old0", "old1", "old2"}
    assert _springfield_in_massachusetts(_today(), memory)
    # the day's run keeps what it read (its one article names no division: no ballot of its
    # own); a voting article of a later day joins the memory
    assert {b.article for b in read_memory(memory)} == {"old0", "old1", "old2"}
    later = Article(id="later", text=AT_HOME[0], published=DAY, outlet=OUTLET)
    extract([later], outlet_memory=memory)
    assert "later" in {b.article for b in read_memory(memory)}


def test_the_memory_of_another_outlet_moves_nothing(tmp_path: Path) -> None:
    # counter-example: the ballots are the Example Ledger's; a national paper has no home
    memory = tmp_path / "outlets.json"
    extract(_archive(), outlet_memory=memory)
    assert not _springfield_in_massachusetts(_today("national.com"), memory)


def test_an_article_of_the_batch_counts_once_by_its_fresh_ballot(tmp_path: Path) -> None:
    # counter-example: a run of an article the memory already holds does not count its old
    # ballot: one other ballot is too few for a home (PRIOR_MIN_ARTICLES), two would move it
    memory = tmp_path / "outlets.json"
    extract(_archive(), outlet_memory=memory)
    one = read_memory(memory)[0]
    write_memory(memory, [one, Remembered(one.outlet, "today", one.votes, one.country)])
    assert not _springfield_in_massachusetts(_today(), memory)
    write_memory(memory, [one, Remembered(one.outlet, "other", one.votes, one.country)])
    assert _springfield_in_massachusetts(_today(), memory)


def test_division_ids_the_gazetteer_lacks_move_nothing(tmp_path: Path) -> None:
    # counter-example: a hand-edited memory whose ballots name no real division
    memory = tmp_path / "outlets.json"
    key = OUTLET.lower()
    write_memory(memory, [Remembered(key, f"x{n}", {"nowhere:1": 1.0}, "ZZ") for n in range(3)])
    problems: list[Problem] = []
    mentions = extract(_today(), outlet_memory=memory, on_problem=problems.append).mentions
    alone = extract(_today()).mentions
    assert list(mentions["place_id"]) == list(alone["place_id"])
    assert problems == []


def test_merging_keeps_the_newest_ballots_of_each_outlet() -> None:
    old = [Remembered("a", f"x{n}", {"d1": 1.0}) for n in range(3)]
    new = [Remembered("a", "x0", {"d2": 1.0}), Remembered("b", "y", {"d3": 1.0}, "US")]
    merged = merge_memory(old, new, keep=2)
    assert [(b.outlet, b.article) for b in merged] == [("a", "x2"), ("a", "x0"), ("b", "y")]
    assert merged[1].votes == {"d2": 1.0}  # the new ballot replaced the old one


def test_the_file_round_trips(tmp_path: Path) -> None:
    ballots = [Remembered("paper.com", "a1", {"geonames:1": 0.5, "geonames:2": 2.0}, "CA")]
    path = tmp_path / "sub" / "memory.json"
    write_memory(path, ballots)
    assert read_memory(path) == ballots
    assert read_memory(tmp_path / "none-yet.json") == []


@pytest.mark.parametrize(
    ("body", "why"),
    [
        ("not json", "not a readable outlet memory"),
        (json.dumps({"version": 99, "ballots": []}), "version"),
        (json.dumps({"version": MEMORY_VERSION}), "list of ballots"),
        (json.dumps({"version": MEMORY_VERSION, "ballots": [7]}), "ballot 1: not an object"),
        (
            json.dumps(
                {
                    "version": MEMORY_VERSION,
                    "ballots": [{"outlet": "p", "article": "a", "votes": {"d": -1}}],
                }
            ),
            "not negative",
        ),
        (
            json.dumps({"version": MEMORY_VERSION, "ballots": [{"outlet": "", "article": "a"}]}),
            "outlet must be",
        ),
        (
            json.dumps(
                {
                    "version": MEMORY_VERSION,
                    "ballots": [{"outlet": "p", "article": "a", "country": "us"}],
                }
            ),
            "two-letter",
        ),
    ],
)
def test_a_bad_file_is_named_with_its_problem(tmp_path: Path, body: str, why: str) -> None:
    path = tmp_path / "memory.json"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(GeoError, match=why) as caught:
        read_memory(path)
    assert str(path) in str(caught.value)


def test_a_run_with_a_bad_file_goes_on_and_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "memory.json"
    path.write_text("{broken", encoding="utf-8")
    problems: list[Problem] = []
    extraction = extract(_archive(), outlet_memory=path, on_problem=problems.append)
    assert len(extraction.articles) == 3
    assert [p.source for p in problems] == [str(path)]
    assert "outlet memory not used" in problems[0].message
    assert path.read_text(encoding="utf-8") == "{broken"


def test_the_cli_keeps_the_memory_and_refuses_one_inside_the_site(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for n, text in enumerate(AT_HOME):
        (folder / f"old{n}.md").write_text(
            f"---\noutlet: {OUTLET}\npublished: {DAY.isoformat()}\n---\n{text}\n",
            encoding="utf-8",
        )
    memory = tmp_path / "outlets.json"
    runner = CliRunner()
    done = runner.invoke(
        cli, ["extract", str(folder), "--outlet-memory", str(memory), "-o", str(tmp_path / "e")]
    )
    assert done.exit_code == 0, done.output
    assert len(read_memory(memory)) == 3
    site = tmp_path / "site"
    refused = runner.invoke(
        cli, ["build", str(folder), "--out", str(site), "--outlet-memory", str(site / "m.json")]
    )
    assert refused.exit_code != 0
    assert "output folder" in refused.output
    assert not (site / "m.json").exists()


@pytest.mark.slow
def test_workers_read_and_write_the_memory_as_one_process(tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    from geo.parallel import GazetteerSpec, extract_parallel
    from geo.pipeline import write_table

    one, many = tmp_path / "one.json", tmp_path / "many.json"
    extract(_archive(), outlet_memory=one)
    extract_parallel(_archive(), GazetteerSpec(), workers=1, outlet_memory=many)
    assert read_memory(many) == read_memory(one)
    alone = extract(_today(), outlet_memory=one)
    spread = extract_parallel(_today(), GazetteerSpec(), workers=1, outlet_memory=many)
    assert write_table(spread.mentions, "geojson") == write_table(alone.mentions, "geojson")
    springfield = spread.mentions[spread.mentions["text"] == "Springfield"]
    assert _in_massachusetts_point(springfield.geometry.iloc[0].representative_point())
