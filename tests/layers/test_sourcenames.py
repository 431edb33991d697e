"""Names for sources and articles that people can read, never a bare file id."""

from __future__ import annotations

import pytest

from layers.sourcenames import article_name, readable_article_name, source_name


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        ("000_9373d973f4021972", "Article 000"),  # a number and a hash: the number
        ("9373d973f4021972", "Article 9373d973"),  # only a hash: never the id alone
        ("reuters-ukraine-drone-attack", "Reuters ukraine drone attack"),
        ("2024-05-03_folha_enchentes.html", "2024 05 03 folha enchentes"),
        ("https://www.bbc.co.uk/news/world-europe-68123456", "bbc.co.uk: World europe"),
        ("https://example.org/", "example.org"),
        ("", "Unnamed article"),
        (None, "Unnamed article"),
    ],
)
def test_readable_article_name(article: str | None, expected: str) -> None:
    assert readable_article_name(article) == expected


def test_article_name_prefers_title_then_outlet() -> None:
    assert article_name("Talks in Beijing", "AP", "000_9373d973f4021972") == "Talks in Beijing"
    assert article_name("  ", "AP", "000_9373d973f4021972") == "AP"
    assert article_name(None, None, "000_9373d973f4021972") == "Article 000"


def test_source_name_groups_by_outlet_first() -> None:
    assert source_name("AP", "apnews.com", "Talks", "a-1") == "AP"
    assert source_name(None, "apnews.com", "Talks", "a-1") == "apnews.com"
    assert source_name(None, None, "Talks", "a-1") == "Talks"
    assert source_name(None, None, None, "000_9373d973f4021972") == "Article 000"
