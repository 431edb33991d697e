"""Parquet articles (geo/readers_parquet.py): columns, types, hostile files, folder scans.

Every table here is invented; the rules are those of the JSONL reader (one problem per bad
row naming the file and row, the rest read)."""

from __future__ import annotations

import builtins
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from geo import Problem
from geo.readers import read_articles
from geo.readers_parquet import INSTALL, not_articles, parquet_parts

pa = pytest.importorskip("pyarrow", reason="the parquet extra is not installed")
pq = pytest.importorskip("pyarrow.parquet")

CITIES = ("Nairobi", "Lyon", "Osaka", "Recife", "Izmir", "Calgary", "Hanoi", "Dakar")


def article_rows(n: int, start: int = 0) -> dict[str, list[Any]]:
    """``n`` invented articles as columns."""
    ids = range(start, start + n)
    return {
        "id": [f"p{i}" for i in ids],
        "text": [
            f"Storms flooded {CITIES[i % len(CITIES)]} on Monday, officials said." for i in ids
        ],
        "published": [f"2024-03-0{1 + i % 9}" for i in ids],
    }


def write(path: Path, columns: dict[str, Any], row_group_size: int | None = None) -> Path:
    pq.write_table(pa.table(columns), path, row_group_size=row_group_size)
    return path


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # problems name files as given: relative names


def read(*paths: Path) -> tuple[list, list[str]]:
    """Articles and problems (but the missing-date ones) for ``paths``, named relatively."""
    problems: list[Problem] = []
    relative = [p.relative_to(Path.cwd()) if p.is_absolute() else p for p in paths]
    articles = read_articles(relative, on_problem=problems.append)
    return articles, [str(p) for p in problems if not p.message.startswith("no publication date")]


def test_columns_are_read_and_others_ignored(tmp_path: Path) -> None:
    path = write(
        tmp_path / "feed.parquet",
        {
            "id": ["x1", "x2", "x3"],
            "text": [
                "Dam breaks in the valley\n\nWater swept through three villages on Monday.",
                "A fire destroyed a market in Kano on Friday.",
                "Floods hit Accra on Tuesday.",
            ],
            "title": [None, "Market fire", ""],
            "url": ["https://news.invalid/a", None, "not a url"],
            "published": pa.array(
                [dt.datetime(2024, 5, 2, 23, 30, tzinfo=dt.UTC), None, None],
                pa.timestamp("ms", tz="UTC"),
            ),
            "outlet": ["Daily Invented", None, None],
            "score": [1.5, 2.5, 3.5],
        },
    )
    articles, problems = read(path)
    assert [a.id for a in articles] == ["x1", "x2", "x3"]
    first = articles[0]
    assert first.published == dt.date(2024, 5, 2)
    assert first.title == "Dam breaks in the valley"  # the text's headline, as for JSONL
    assert (first.url, first.outlet) == ("https://news.invalid/a", "Daily Invented")
    assert articles[1].title == "Market fire"
    assert first.extra == {}  # other columns are not read
    assert problems == [
        "feed.parquet:row 3: invalid url 'not a url': only absolute http and https URLs are "
        "kept; dropped"
    ]


@pytest.mark.parametrize(
    "published",
    [
        pa.array([dt.date(2023, 1, 9)], pa.date32()),
        pa.array([dt.datetime(2023, 1, 9, 8)], pa.timestamp("ns")),
        pa.array(["2023-01-09T08:00:00+02:00"]),
        pa.array(["January 9, 2023"]),
    ],
)
def test_published_may_be_a_date_a_timestamp_or_text(tmp_path: Path, published: Any) -> None:
    path = write(
        tmp_path / "d.parquet", {"id": ["a"], "text": ["Floods hit Lyon."], "published": published}
    )
    articles, _ = read(path)
    assert articles[0].published == dt.date(2023, 1, 9)
    assert not articles[0].published_inferred


def test_integer_ids_are_ids(tmp_path: Path) -> None:
    path = write(
        tmp_path / "n.parquet", {"id": [7, 8], "text": ["Floods hit Lyon.", "A fire in Kano."]}
    )
    assert [a.id for a in read(path)[0]] == ["7", "8"]


def test_bad_rows_are_problems_naming_the_row_and_the_rest_is_read(tmp_path: Path) -> None:
    text = pa.array(
        [
            b"Floods hit Lyon.",
            b"bad \xff bytes",
            None,
            b"  ",
            b"A fire in Kano.",
            b"Quake in Izmir.",
        ],
        pa.binary(),
    ).view(pa.string())
    path = write(
        tmp_path / "bad.parquet",
        {
            "id": ["a", "b", "c", "d", None, "e/f"],
            "text": text,
            "published": ["2024-01-01", "2024-01-01", None, None, "2024-02-30", None],
        },
        row_group_size=4,
    )
    articles, problems = read(path)
    assert [a.id for a in articles] == ["a", "bad-5"]
    assert problems == [
        "bad.parquet:row 2: text not valid UTF-8 at byte 4; skipped",
        'bad.parquet:row 3: no article text (a null or empty "text"); skipped',
        'bad.parquet:row 4: no article text (a null or empty "text"); skipped',
        "bad.parquet:row 5: no id (null or empty); read as 'bad-5'",
        "bad.parquet:row 5: invalid publication date '2024-02-30'; ignored",
        "bad.parquet:row 6: invalid id 'e/f' (text up to 120 characters, no slashes or "
        "control characters); skipped",
    ]


def test_a_row_over_the_limit_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("geo.readers_parquet.ROW_MAX", 100)
    path = write(
        tmp_path / "big.parquet", {"id": ["a", "b"], "text": ["Floods hit Lyon.", "x" * 101]}
    )
    articles, problems = read(path)
    assert [a.id for a in articles] == ["a"]
    assert problems == ["big.parquet:row 2: row longer than 100 characters; skipped"]


def test_a_row_group_over_the_limit_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    columns = article_rows(3)
    columns["text"][2] = "A long story about floods in Lyon. " * 200
    path = write(tmp_path / "groups.parquet", columns, row_group_size=2)
    monkeypatch.setattr("geo.readers_parquet.GROUP_MAX", 2000)
    articles, problems = read(path)
    assert [a.id for a in articles] == ["p0", "p1"]
    assert len(problems) == 1
    assert problems[0].startswith("groups.parquet: row group 1 (rows 3-3) is ")
    assert problems[0].endswith("bytes; the limit is 2,000; skipped")


def test_a_damaged_row_group_is_a_problem_and_the_next_is_read(tmp_path: Path) -> None:
    path = write(tmp_path / "damaged.parquet", article_rows(6), row_group_size=2)
    chunk = pq.ParquetFile(path).metadata.row_group(1).column(1)  # the text of rows 3-4
    start = chunk.dictionary_page_offset or chunk.data_page_offset
    data = bytearray(path.read_bytes())
    data[chunk.data_page_offset + 2 : start + chunk.total_compressed_size - 2] = b"\xab" * (
        start + chunk.total_compressed_size - 4 - chunk.data_page_offset
    )
    path.write_bytes(bytes(data))
    articles, problems = read(path)
    assert [a.id for a in articles] == ["p0", "p1", "p4", "p5"]
    assert len(problems) == 1
    assert problems[0].startswith("damaged.parquet: row group 1 (rows 3-4) cannot be read (")


def test_files_that_are_not_parquet_articles_are_one_problem_each(tmp_path: Path) -> None:
    good = write(tmp_path / "good.parquet", article_rows(1))
    junk = tmp_path / "junk.parquet"
    junk.write_bytes(b"PAR1 not really a parquet file")
    no_text = write(tmp_path / "notext.parquet", {"id": ["a"], "body": ["Floods hit Lyon."]})
    int_text = write(tmp_path / "inttext.parquet", {"id": ["a"], "text": [3]})
    bad_title = write(
        tmp_path / "title.parquet", {"id": ["a"], "text": ["Floods hit Lyon."], "title": [1.0]}
    )
    empty = write(
        tmp_path / "empty.parquet",
        {"id": pa.array([], pa.string()), "text": pa.array([], pa.string())},
    )
    articles, problems = read(good, junk, no_text, int_text, bad_title, empty)
    assert [a.id for a in articles] == ["p0", "a"]
    assert problems[0] == "empty.parquet: no articles in the file"
    assert problems[1] == "inttext.parquet: column 'text' holds integer, not strings; skipped"
    assert problems[2].startswith("junk.parquet: not a readable Parquet file (")
    assert problems[3] == "notext.parquet: no 'text' column (columns: 'id', 'body'); skipped"
    assert problems[4] == "title.parquet: column 'title' holds double, not strings; ignored"
    assert len(problems) == 5


def test_without_pyarrow_a_problem_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "feed.parquet", article_rows(2))
    real_import = builtins.__import__

    def no_pyarrow(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pyarrow" or name.startswith("pyarrow."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    articles, problems = read(path)
    assert articles == []
    assert problems == [f"feed.parquet: {INSTALL}"]
    assert "pip install 'geo-news-map[parquet]'" in INSTALL


def test_a_folder_reads_articles_tables_and_never_the_tables_this_tool_writes(
    tmp_path: Path,
) -> None:
    from geo import extract
    from geo.parquet import write_parquet

    folder = tmp_path / "news"
    folder.mkdir()
    write(folder / "articles.parquet", article_rows(3))
    write(folder / "scores.parquet", {"id": ["a"], "score": [1.0]})
    result = extract(read_articles(folder / "articles.parquet"))
    assert len(result.events)  # a real events table
    write_parquet(result.events, folder / "events.parquet")
    write_parquet(result.mentions, folder / "mentions.parquet")
    assert not_articles(folder / "events.parquet") is not None
    assert not_articles(folder / "articles.parquet") is None
    for scan in (folder, folder / "*.parquet"):
        articles, problems = read(scan)
        assert [a.id for a in articles] == ["p0", "p1", "p2"]
        assert problems == [
            "news/scores.parquet: a Parquet table without a 'text' column; not read as articles"
        ]


def test_a_table_named_on_its_own_is_read_whatever_its_columns(tmp_path: Path) -> None:
    # counter-example to the folder rule: naming the file reads it and says what is wrong
    path = write(tmp_path / "scores.parquet", {"id": ["a"], "score": [1.0]})
    articles, problems = read(path)
    assert articles == []
    assert problems == ["scores.parquet: no 'text' column (columns: 'id', 'score'); skipped"]


def test_parquet_parts_cover_the_row_groups(tmp_path: Path) -> None:
    path = write(tmp_path / "a.parquet", article_rows(10), row_group_size=2)
    parts = parquet_parts(path, 4)
    assert parts == [(0, 2, 1, 4), (2, 4, 5, 4), (4, 5, 9, 2)]
    assert parquet_parts(write(tmp_path / "one.parquet", article_rows(3)), 1) == [(0, 1, 1, 3)]


def test_geo_extract_reads_a_parquet_file_of_articles(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from geo.cli import cli

    columns = article_rows(4)
    columns["text"][1] = None
    path = write(tmp_path / "archive.parquet", columns, row_group_size=2)
    out = tmp_path / "events.geojson"
    result = CliRunner().invoke(cli, ["extract", str(path), "--workers", "1", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "archive.parquet:row 2: no article text" in result.output
    assert '"article":"p3"' in out.read_text(encoding="utf-8")


def test_large_and_dictionary_encoded_strings_are_strings(tmp_path: Path) -> None:
    path = write(
        tmp_path / "enc.parquet",
        {
            "id": pa.array(["a", "b"], pa.large_string()),
            "text": pa.array(["Floods hit Lyon.", "A fire in Kano."]).dictionary_encode(),
            "title": pa.array(["One", "Two"]).dictionary_encode(),
        },
    )
    articles, problems = read(path)
    assert [(a.id, a.title) for a in articles] == [("a", "One"), ("b", "Two")]
    assert problems == []
