"""The toponym benchmark scores exactly as ../shared/corpora/README.md says."""

from __future__ import annotations

import sys
from pathlib import Path

from shapely.geometry import Point, box

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from bench_accuracy import Article, Gold, Prediction, Tally, score_article


def article(*gold: Gold) -> Article:
    return Article(docid="a", text="x" * 200, published=None, gold=gold)


ANKARA = Gold(start=10, end=16, phrase="Ankara", lat=39.92, lon=32.85)


def test_overlap_within_161_km_is_found() -> None:
    tally = Tally()
    score_article(article(ANKARA), [Prediction(8, 14, "Ankara", Point(33.5, 39.9))], tally)
    assert (tally.found, tally.used, tally.predictions) == (1, 1, 1)


def test_far_prediction_or_no_overlap_is_not_found() -> None:
    tally = Tally()
    predictions = [
        Prediction(10, 16, "Ankara", Point(29.0, 41.0)),  # Istanbul: ~350 km
        Prediction(20, 26, "Ankara", Point(32.85, 39.92)),  # the right place, another span
    ]
    score_article(article(ANKARA), predictions, tally)
    assert (tally.found, tally.used, tally.predictions) == (0, 0, 2)
    assert len(tally.wrong_place) == 1


def test_covering_geometry_is_at_zero_km() -> None:
    tally = Tally()
    score_article(article(ANKARA), [Prediction(10, 16, "Turkey", box(26, 36, 45, 42))], tally)
    assert tally.found == 1


def test_each_prediction_is_used_once() -> None:
    twice = article(ANKARA, Gold(start=12, end=20, phrase="Ankara", lat=39.92, lon=32.85))
    tally = Tally()
    score_article(twice, [Prediction(10, 20, "Ankara", Point(32.85, 39.92))], tally)
    assert (tally.found, tally.gold, tally.used) == (1, 2, 1)
    assert tally.recall == 0.5 and tally.precision == 1.0
