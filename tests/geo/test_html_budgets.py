"""HTML pages past the parsers' budgets (issue 14, finding 15): one problem naming the file
and the budget, found before any parser runs; real pages are read as before."""

from __future__ import annotations

import trafilatura

from geo.readers import read_articles

STORY = "<p>Fighting in Kyiv on Monday killed two people, officials said.</p>"


def _read(tmp_path, name: str, page: str, monkeypatch):
    calls = []
    real = trafilatura.bare_extraction

    def recording(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", recording)
    (tmp_path / name).write_text(page)
    problems = []
    articles = read_articles(tmp_path / name, on_problem=problems.append)
    return articles, [str(p) for p in problems], calls


def test_an_element_with_300000_attributes_is_one_problem(tmp_path, monkeypatch):
    attributes = " ".join(f'a{i}="x"' for i in range(300_000))
    page = f"<html><body><p {attributes}>x</p>{STORY}</body></html>"
    articles, problems, calls = _read(tmp_path, "attrs.html", page, monkeypatch)
    assert articles == []
    assert calls == []  # no parser ran: libxml2 takes minutes on such an element
    assert len(problems) == 1
    assert "attrs.html" in problems[0] and "300,000 attributes" in problems[0]


def test_tags_left_open_are_one_problem(tmp_path, monkeypatch):
    page = "<html><body>" + STORY + "<a" * 5_000
    articles, problems, calls = _read(tmp_path, "open.html", page, monkeypatch)
    assert articles == [] and calls == []
    assert "open.html" in problems[0] and "left open" in problems[0]


def test_too_many_tags_are_one_problem(tmp_path, monkeypatch):
    page = "<html><body>" + "<b>w</b>" * 60_000 + STORY + "</body></html>"
    articles, problems, calls = _read(tmp_path, "tags.html", page, monkeypatch)
    assert articles == [] and calls == []
    assert "tags.html" in problems[0] and "120,006 tags" in problems[0]


def test_a_real_page_is_still_read_by_trafilatura(tmp_path, monkeypatch):
    page = (
        '<html><head><title>Kyiv</title></head><body><nav><a href="/">Home</a></nav>'
        f"<article>{STORY * 5}</article></body></html>"
    )
    articles, _, calls = _read(tmp_path, "real.html", page, monkeypatch)
    assert calls == [1]
    assert len(articles) == 1 and "Kyiv" in articles[0].text
