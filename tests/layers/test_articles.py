"""Cutting an article into plain text and highlighted mentions."""

from __future__ import annotations

import pytest

from layers import ArticleDoc, SiteError
from layers.articles import highlight_segments

TEXT = "Talks in Doha resumed; Qatar's envoy flew to Cairo on Monday."


def _mention(phrase: str, place_id: str, *, offset: int = 0, text: str | None = None) -> dict:
    start = TEXT.index(phrase) + offset
    return {
        "char_start": start,
        "char_end": start + len(phrase),
        "text": phrase if text is None else text,
        "place_id": place_id,
        "place_name": phrase,
        "place_kind": "city",
    }


def test_segments_rebuild_the_text_and_mark_mentions_in_order() -> None:
    doc = ArticleDoc("a", "Talks", None, None, None, TEXT)
    problems: list[str] = []
    segments, marks = highlight_segments(
        doc,
        [_mention("Cairo", "geonames:360630"), _mention("Doha", "geonames:290030")],
        on_problem=problems.append,
    )
    assert "".join(s.text for s in segments) == TEXT
    assert [s.text for s in segments if s.mention] == ["Doha", "Cairo"]
    assert [m.anchor for m in marks] == ["m-1", "m-2"]
    assert marks[0].place_id == "geonames:290030"
    assert problems == []


def test_bad_and_overlapping_mentions_are_left_out() -> None:
    doc = ArticleDoc("a", None, None, None, None, TEXT)
    problems: list[str] = []
    rows = [
        _mention("Qatar's envoy", "x:1"),
        _mention("Qatar", "x:2"),  # overlaps the longer one
        _mention("Cairo", "x:3", offset=2),  # offsets do not match the text
        {"char_start": 500, "char_end": 505, "text": "Paris", "place_id": "x:4"},
        {"char_start": None, "char_end": None, "text": "Doha", "place_id": "x:5"},
    ]
    segments, marks = highlight_segments(doc, rows, on_problem=problems.append)
    assert [m.place_id for m in marks] == ["x:1"]
    assert "".join(s.text for s in segments) == TEXT
    assert len(problems) == 2
    assert "does not match" in problems[0] and "outside the text" in problems[1]


def test_article_doc_validates() -> None:
    with pytest.raises(SiteError, match="non-empty"):
        ArticleDoc("", None, None, None, None, "x")
    with pytest.raises(SiteError, match="text must be a string"):
        ArticleDoc("a", None, None, None, None, None)  # type: ignore[arg-type]
    with pytest.raises(SiteError, match="title must be a string"):
        ArticleDoc("a", 3, None, None, None, "x")  # type: ignore[arg-type]
