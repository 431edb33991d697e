"""A second annotation is scored against the gold exactly as the system is (the human ceiling)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from event_sets import SETS, load_gold
from second_events import (
    SECOND_DIR,
    as_events,
    human_scores,
    load_second_events,
    second_annotation,
    total,
)


def ev(pt, window, *, required=True, category="crime", tol_km=40.0) -> dict:
    return {
        "what": "w",
        "category": category,
        "place": "p",
        "pt": list(pt),
        "tol_km": tol_km,
        "window": list(window),
        "required": required,
        "alt": [],
    }


def entry(*events, published="2009-03-20", absent=()) -> dict:
    return {"published": published, "title": "t", "events": list(events), "absent": list(absent)}


def test_an_annotation_becomes_points_with_its_window() -> None:
    annotation = {
        "a": entry(
            ev((40.0, -75.0), ("2009-03-19", "2009-03-19")),
            ev((41.0, -74.0), ("2009-03-01", "2009-03-20"), required=False),
        )
    }
    required = as_events(annotation, optional=False)
    assert len(required) == 1
    (one,) = required
    assert (one.geometry.x, one.geometry.y) == (-75.0, 40.0)
    assert str(one.start) == "2009-03-19" and one.articles == frozenset({"a"})
    assert len(as_events(annotation, optional=True)) == 2


def test_two_annotators_who_agree_score_one() -> None:
    gold = {"a": entry(ev((40.0, -75.0), ("2009-03-19", "2009-03-19")))}
    scores = human_scores(gold, json.loads(json.dumps(gold)))
    for s in (scores.second_required, scores.second_all, scores.gold_required, scores.gold_all):
        assert (s.required_matched, s.required, s.pairs_matched, s.pairs) == (1, 1, 1, 1)
    assert scores.system is None and scores.days_apart == 0 and scores.articles == 1


def test_a_second_annotators_wider_window_is_no_hit_as_it_would_not_be_for_a_system() -> None:
    gold = {"a": entry(ev((40.0, -75.0), ("2009-03-19", "2009-03-19")))}
    second = {
        "a": entry(
            ev((40.0, -75.0), ("2009-03-13", "2009-03-20")),
            ev((45.0, -70.0), ("2009-03-19", "2009-03-19"), required=False),
            published="2009-03-21",
        )
    }
    scores = human_scores(gold, second)
    # the week-wide window lies outside the gold's day: a miss, and a false pair
    assert scores.second_required.required_matched == 0
    assert scores.second_required.pairs_matched == 0
    # the other way the gold's day lies inside the second's week: a hit
    assert scores.gold_required.required_matched == 1
    # with its optional event the second annotator adds a false pair
    assert (scores.second_all.pairs, scores.second_all.pairs_matched) == (2, 0)
    assert scores.days_apart == 1


def test_only_articles_both_annotated_are_scored_and_totals_add_up() -> None:
    gold = {
        "a": entry(ev((40.0, -75.0), ("2009-03-19", "2009-03-19"))),
        "b": entry(ev((30.0, -90.0), ("2009-03-18", "2009-03-18"))),
    }
    second = {"a": gold["a"]}
    one = human_scores(gold, second)
    assert one.articles == 1 and one.second_required.required == 1
    both = total([one, one])
    assert both.second_required.required_matched == 2 and both.articles == 2
    assert "recall 1.000 (2/2)" in both.report()


def test_a_set_without_a_second_annotation_has_none(tmp_path: Path) -> None:
    assert load_second_events("t27", tmp_path) is None


def test_every_second_annotation_covers_its_set_and_keeps_no_quotes() -> None:
    for path in sorted(SECOND_DIR.glob("*.json")):
        assert path.stem in SETS, path.name
        second = load_second_events(path.stem)
        assert second is not None
        assert set(second) == set(load_gold(path.stem)), path.name
        for item in second.values():
            assert all("evidence" not in e for e in item["events"])


def test_a_corpus_folder_keeps_its_second_annotation_beside_its_gold(tmp_path: Path) -> None:
    annotation = {"a": entry(ev((40.0, -75.0), ("2009-03-19", "2009-03-19")))}
    (tmp_path / "second.json").write_text(json.dumps(annotation), encoding="utf-8")
    assert second_annotation("any-name", tmp_path) == annotation
    # without one beside it, a gold set's own second annotation (none for an unknown name)
    assert second_annotation("no-such-set", tmp_path / "elsewhere") is None
    assert second_annotation("h31", tmp_path / "elsewhere") == load_second_events("h31")
