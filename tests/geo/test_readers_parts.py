"""Reading in parts (geo/readers_parts.py): the parts read one by one and played back give
the articles, ids and problems of geo.read_articles, whatever the size of the parts."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest

from geo import Article, Problem
from geo.readers import read_articles, sample_paths
from geo.readers_jsonl import jsonl_parts
from geo.readers_parts import Replay, plan_parts, read_part

MIXED = Path(__file__).parent.parent / "data" / "articles" / "mixed"


CITIES = ("Nairobi", "Lyon", "Osaka", "Recife", "Izmir", "Calgary", "Hanoi", "Dakar")


def _lines(n: int, start: int = 0) -> list[str]:
    return [
        json.dumps(
            {
                "id": f"n{i}",
                "text": f"Storms flooded {CITIES[i % len(CITIES)]} on Monday, officials said.",
                "published": "2024-03-0" + str(1 + i % 9),
            }
        )
        for i in range(start, start + n)
    ]


def awkward_corpus(root: Path) -> Path:
    """Invented inputs with every problem a reader reports across parts: bad lines, blank
    lines, a byte-order mark, ids repeated within a file and across files and folders, a
    sidecar with a bad entry in a folder of many files, an empty JSONL file, an empty text."""
    folder = root / "news"
    (folder / "sub").mkdir(parents=True)
    lines = _lines(9)
    lines[2] = "{not json"
    lines[4] = ""
    lines[6] = json.dumps(
        {"id": "n1", "text": "A second n1: a fire broke out in the port of Valparaiso on Friday."}
    )
    lines[7] = json.dumps({"text": "No id: a line without an id gets file-line as its id."})
    (folder / "a.jsonl").write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    (folder / "b.jsonl").write_text("\n".join(_lines(4, 7)) + "\n\n", encoding="utf-8")
    (folder / "empty.jsonl").write_text("\n\n", encoding="utf-8")
    for i in range(5):
        (folder / f"t{i}.txt").write_text(
            f"A quake shook {CITIES[i]} on Sunday, killing {i + 2} people.\n"
        )
    (folder / "n2.txt").write_text("Floods hit Accra on Tuesday.\n")
    (folder / "blank.txt").write_text("   \n")
    (folder / "articles.yaml").write_text("t1:\n  title: One\nt3: just a string\n")
    (folder / "sub" / "t1.md").write_text(
        "---\ntitle: Sub\n---\nA fire destroyed a market in Kano on Monday.\n"
    )
    (folder / "sub" / "articles.yaml").write_text("t1: [not, a, mapping]\n")
    return folder


def read_in_parts(paths: list[Path], size: int) -> tuple[list[Article], list[Problem], set]:
    problems: list[Problem] = []
    parts, found = plan_parts(paths, size=size)
    problems.extend(found)
    replay = Replay(problems.append)
    for part in parts:
        log, articles = read_part(part)
        kept = replay.part(part, log)
        assert len(kept) == len(articles)
    return replay.articles, problems, replay.renamed


def read_at_once(paths: list[Path]) -> tuple[list[Article], list[Problem]]:
    problems: list[Problem] = []
    return read_articles(paths, on_problem=problems.append), problems


@pytest.mark.parametrize("size", [1, 2, 3, 7, 25])
def test_parts_give_what_one_reader_gives(tmp_path: Path, size: int) -> None:
    paths = [awkward_corpus(tmp_path), MIXED]
    articles, problems = read_at_once(paths)
    assert sum("duplicate article id" in p.message for p in problems) >= 2  # it is awkward
    assert any("no articles in the file" in p.message for p in problems)
    assert any("articles.yaml" in p.source for p in problems)
    parted, parted_problems, renamed = read_in_parts(paths, size)
    assert parted == articles
    assert parted_problems == problems
    said = {m.group(1) for p in problems if (m := re.search(r"renamed to '([^']+)'", p.message))}
    assert {articles[i].id for i in renamed} == said


def test_the_sample_in_parts() -> None:
    articles, problems = read_at_once(sample_paths())
    parted, parted_problems, renamed = read_in_parts(sample_paths(), 2)
    assert (parted, parted_problems, renamed) == (articles, problems, set())


def test_jsonl_parts_cover_the_file_at_line_starts(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(_lines(10)) + "\n\n", encoding="utf-8")
    parts = jsonl_parts(path, 4)
    assert [p[3] for p in parts] == [4, 4, 2]
    assert [p[2] for p in parts] == [1, 5, 9]
    assert parts[0][0] == 0 and parts[-1][1] == path.stat().st_size
    assert all(a[1] == b[0] for a, b in itertools.pairwise(parts))
    data = path.read_bytes()
    assert all(data[start - 1 : start] == b"\n" for start, *_ in parts[1:])


def test_parts_hold_about_size_articles(tmp_path: Path) -> None:
    folder = awkward_corpus(tmp_path)
    parts, problems = plan_parts([folder], size=4)
    assert problems == []
    assert all(part.articles >= 4 for part in parts[:-1])
    assert sum(part.articles for part in parts) >= len(read_at_once([folder])[0])


def parquet_corpus(root: Path) -> Path:
    """Invented Parquet inputs beside the awkward corpus: a file in row groups of 2 with bad
    rows (null text, a bad id, a null id) and ids met again in the JSONL files, a damaged
    file, an empty table, a table that is not articles, a mistyped optional column."""
    pa = pytest.importorskip("pyarrow", reason="the parquet extra is not installed")
    pq = pytest.importorskip("pyarrow.parquet")
    folder = awkward_corpus(root)
    rows = [json.loads(line) for line in _lines(9, 3)]
    rows[1]["text"] = None
    rows[3]["id"] = "a/b"
    rows[5]["id"] = None
    table = pa.table(
        {
            "id": [r["id"] for r in rows],
            "text": [r["text"] for r in rows],
            "published": [r["published"] for r in rows],
            "title": [i for i in range(len(rows))],
        }
    )
    pq.write_table(table, folder / "feed.parquet", row_group_size=2)
    empty = pa.table({"id": pa.array([], pa.string()), "text": pa.array([], pa.string())})
    pq.write_table(empty, folder / "sub" / "empty.parquet")
    pq.write_table(pa.table({"id": ["x"], "score": [1]}), folder / "scores.parquet")
    (folder / "junk.parquet").write_bytes(b"PAR1 not a table")
    return folder


@pytest.mark.parametrize("size", [1, 2, 3, 7, 25])
def test_parquet_parts_give_what_one_reader_gives(tmp_path: Path, size: int) -> None:
    pa = pytest.importorskip("pyarrow", reason="the parquet extra is not installed")
    pq = pytest.importorskip("pyarrow.parquet")
    named = tmp_path / "named.parquet"  # named on its own, in 3 groups, without a text column
    pq.write_table(pa.table({"id": ["a", "b", "c"], "body": ["x", "y", "z"]}), named, 1)
    paths = [parquet_corpus(tmp_path), named]
    articles, problems = read_at_once(paths)
    assert sum("named.parquet" in p.source for p in problems) == 1
    assert sum("feed.parquet:row" in p.source for p in problems) >= 3  # bad rows reported
    assert sum("feed.parquet" in a.path for a in articles) == 7
    assert any("junk.parquet" in p.source for p in problems)
    assert any("column 'title'" in p.message for p in problems)
    parted, parted_problems, _ = read_in_parts(paths, size)
    assert parted == articles
    assert parted_problems == problems
    plan, _ = plan_parts(paths, size=size)
    assert sum(u.parquet for part in plan for u in part.units) >= min(5, 9 // size)
