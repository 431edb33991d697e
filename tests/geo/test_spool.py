"""Mention rows kept on disk in pieces while a corpus is extracted (geo/spool.py): the tables
are those of rows held in memory, and the client holds only a piece's worth at a time."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import geo.spool
from gazetteer import Gazetteer
from gazetteer.place import LazyPlace
from geo import Article, extract, read_articles, sample_paths
from geo.pipeline import write_table
from geo.spool import MentionSpool
from geo.transfer import pack


def _rows(article: str, *starts: int) -> tuple[tuple[dict, ...], tuple[None, ...]]:
    rows = tuple({"article": article, "char_start": s} for s in starts)
    return rows, (None,) * len(rows)


def test_a_full_buffer_is_written_as_a_piece_and_read_back_in_article_order() -> None:
    spool = MentionSpool(None, piece_articles=2)
    spool.add(0, _rows("a", 1, 2))
    assert spool.pieces == 0  # below a piece's worth: nothing on disk
    spool.add(2, _rows("c", 7))
    assert spool.pieces == 1
    spool.add(1, _rows("b", 4))
    assert spool.pieces == 1 and len(spool._buffer) == 1  # only the last article in memory
    rows, places = spool.read()
    assert [(r["article"], r["char_start"]) for r in rows] == [
        ("a", 1),
        ("a", 2),
        ("b", 4),
        ("c", 7),
    ]
    assert places == [None] * 4
    folder = spool._folder
    assert folder is not None and any(folder.iterdir())
    spool.close()
    assert not folder.exists()


def test_an_article_given_again_replaces_what_it_had_even_in_a_written_piece() -> None:
    spool = MentionSpool(None, piece_articles=1)
    spool.add(0, _rows("a", 1))
    spool.add(1, _rows("b", 2))
    spool.add(0, _rows("a", 5, 6), again=True)  # extracted again with an outlet's prior
    spool.add(1, None, again=True)  # extracted again: no mentions now
    spool.add(2, _rows("c", 3))
    spool.drop(2)  # a later copy of an id
    rows, _ = spool.read()
    assert [(r["article"], r["char_start"]) for r in rows] == [("a", 5), ("a", 6)]
    spool.close()


def test_places_come_back_as_the_gazetteers_own_and_packed_mentions_are_read(
    gaz: Gazetteer,
) -> None:
    paris = gaz.resolve("Paris")
    spool = MentionSpool(gaz, piece_articles=1)
    spool.add(0, ((({"article": "a", "char_start": 0}),), (paris,)))
    packed = pack(((({"article": "b", "char_start": 0}),), (paris,)), gaz, gaz.fingerprint())
    spool.add(1, packed)  # as a worker sent it: written without being decoded
    assert spool.pieces == 2
    rows, places = spool.read()
    assert [r["article"] for r in rows] == ["a", "b"]
    assert places[0] is paris and places[1] is paris
    spool.close()


# a town no other test names: the process keeps an area once drawn
TEXT = (
    "The museum near Chernihiv has a fine collection of icons, its director said.\n\n"
    "Protesters marched in Tbilisi on Monday against the new law."
)


def test_a_derived_area_written_in_a_piece_is_not_drawn_until_the_mentions_are_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(geo.spool, "PIECE_ARTICLES", 1)
    articles = [
        Article(id="a", text=TEXT, published=date(2024, 10, 16)),
        Article(id="b", text="Floods hit Lyon on Monday.", published=date(2024, 10, 16)),
    ]
    result = extract(articles)
    assert result.spool.pieces >= 1
    near = [p for p in result.mention_places if isinstance(p, LazyPlace)]
    assert [p.name for p in near] == ["Near Chernihiv"]
    assert not near[0].is_drawn  # kept in memory by reference, not pickled (which draws)
    mentions = result.mentions
    assert near[0].is_drawn
    assert "Near Chernihiv" in set(mentions["place_name"])


def test_one_process_writes_the_same_tables_with_its_mentions_in_pieces(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    articles = read_articles(sample_paths())
    whole = extract(articles)
    assert whole.spool.pieces == 0  # a small corpus never touches the disk
    monkeypatch.setattr(geo.spool, "PIECE_ARTICLES", 2)
    pieces = extract(articles)
    assert pieces.spool.pieces >= 2
    for fmt in ("geojson", "csv", "jsonl"):
        assert write_table(pieces.mentions, fmt) == write_table(whole.mentions, fmt)
        assert write_table(pieces.events, fmt) == write_table(whole.events, fmt)
    pytest.importorskip("pyarrow")
    from geo.parquet import write_parquet

    write_parquet(whole.mentions, tmp_path / "whole.parquet")
    write_parquet(pieces.mentions, tmp_path / "pieces.parquet")
    assert (tmp_path / "whole.parquet").read_bytes() == (tmp_path / "pieces.parquet").read_bytes()


def test_rows_stay_in_memory_when_no_piece_can_be_written(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def refused(**kwargs: object) -> str:
        raise PermissionError("no right to write here")

    monkeypatch.setattr(geo.spool.tempfile, "mkdtemp", refused)
    spool = MentionSpool(None, piece_articles=1)
    for n in range(3):
        spool.add(n, _rows(f"a{n}", n))
    assert spool.pieces == 0
    assert [r["article"] for r in spool.read()[0]] == ["a0", "a1", "a2"]
    assert "keeping them in memory" in caplog.text
    assert caplog.text.count("cannot write") == 1  # said once, not once a piece
