"""The events benchmark scores exactly as ../shared/corpora/README.md says."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest
from shapely.geometry import Point, box

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from bench_events import (
    CATEGORIES,
    FALSE_CAUSES,
    MISS_CAUSES,
    WARM_UP_TEXT,
    _time_tool,
    cause_listing,
    causes_by_category_report,
    causes_report,
    confusion_report,
    false_causes,
    folder_texts,
    intervals,
    load_article_counts,
    miss_causes,
    miss_causes_by_category,
    paired_intervals,
    report,
)
from category_agreement import SECOND_PATH, agreement, load_second
from event_scoring import Score, SystemEvent, distance_km, matches, score


def event(geom, start: str, end: str, articles=("a1",), category="conflict") -> SystemEvent:
    return SystemEvent(
        id="e",
        title="t",
        category=category,
        place_name="p",
        start=date.fromisoformat(start),
        end=date.fromisoformat(end),
        geometry=geom,
        articles=frozenset(articles),
    )


GOLD = {
    "what": "attack",
    "category": "conflict",
    "place": "Ankara",
    "pt": [39.92, 32.85],
    "tol_km": 40,
    "window": ["2016-12-19", "2016-12-19"],
    "required": True,
    "alt": [{"name": "Turkey", "pt": [39.0, 35.0], "tol_km": 10}],
}


def test_distance_is_zero_inside_an_area_and_great_circle_outside() -> None:
    assert distance_km(box(32, 39, 34, 41), 39.92, 32.85) == 0.0
    # one degree of latitude is about 111 km
    assert distance_km(Point(32.85, 40.92), 39.92, 32.85) == pytest.approx(111.2, abs=0.5)


def test_a_match_needs_the_place_within_tolerance_and_the_dates_inside_the_window() -> None:
    ankara = Point(32.86, 39.93)
    assert matches(event(ankara, "2016-12-19", "2016-12-19"), GOLD)
    # one day of slack at each end, no more
    assert matches(event(ankara, "2016-12-18", "2016-12-20"), GOLD)
    assert not matches(event(ankara, "2016-12-13", "2016-12-19"), GOLD)
    # Istanbul is 350 km away; an alt point also counts
    assert not matches(event(Point(28.95, 41.01), "2016-12-19", "2016-12-19"), GOLD)
    assert matches(event(Point(35.0, 39.0), "2016-12-19", "2016-12-19"), GOLD)


def test_recall_counts_required_events_and_precision_every_event_article_pair() -> None:
    optional = {**GOLD, "required": False, "pt": [41.01, 28.95], "alt": []}
    gold = {
        "a1": {"events": [GOLD, optional], "absent": []},
        "a2": {
            "events": [],
            "absent": [{"name": "Ankara, Texas", "pt": [39.93, 32.86], "tol_km": 40}],
        },
    }
    hit = event(Point(32.86, 39.93), "2016-12-19", "2016-12-19", articles=("a1", "a2"))
    opt = event(Point(28.95, 41.01), "2016-12-19", "2016-12-19", category="crime")
    result = score(gold, [hit, opt])
    assert (result.required, result.required_matched) == (1, 1)
    # (hit, a1) and (opt, a1) match gold; (hit, a2) does not and falls in a2's trap
    assert (result.pairs, result.pairs_matched) == (3, 2)
    assert result.trap_hits == 1
    # (hit, a2) is no match in a2: its trap hit is not one of a matched pair
    assert result.trap_hits_matched == 0
    assert result.category_accuracy == 1.0
    assert result.recall == 1.0 and result.precision == pytest.approx(2 / 3)


def test_the_interval_is_drawn_from_the_articles_counts_and_holds_the_figure() -> None:
    ankara = Point(32.86, 39.93)
    gold = {f"a{i}": {"events": [GOLD], "absent": []} for i in range(20)}
    # half the articles' events are found, on the right day
    found = [event(ankara, "2016-12-19", "2016-12-19", articles=(f"a{i}",)) for i in range(10)]
    result = score(gold, found)
    assert result.by_article["a0"] == (1, 1, 1, 1, 1)
    assert result.by_article["a15"] == (1, 0, 0, 0, 0)
    lo, hi = intervals(result)["recall"]
    assert lo < result.recall == 0.5 < hi
    # twenty articles leave a wide interval; the same seed draws the same one
    assert hi - lo > 0.3
    assert intervals(result) == intervals(result)
    # every found event is right: no resample can show a false one
    assert intervals(result)["precision"] == (1.0, 1.0)
    assert intervals(score({}, [])) == {}


def test_a_change_is_read_against_an_earlier_run_article_by_article(tmp_path: Path) -> None:
    ankara = Point(32.86, 39.93)
    gold = {f"a{i}": {"events": [GOLD], "absent": []} for i in range(20)}
    found = [event(ankara, "2016-12-19", "2016-12-19", articles=(f"a{i}",)) for i in range(12)]
    result = score(gold, found)
    # the earlier run found the same ten and missed a10 and a11
    saved = tmp_path / "before.json"
    earlier = score(gold, found[:10]).figures()
    saved.write_text(json.dumps({"setA": earlier}), encoding="utf-8")
    before = load_article_counts(saved)
    assert before["a10"] == [1, 0, 0, 0, 0]
    d, lo, hi = paired_intervals(result, before)["recall"]
    assert d == pytest.approx(0.1)
    # no article got worse, so no resample shows a loss; and the gain is not certain
    assert lo >= 0.0 and hi > d
    assert paired_intervals(result, before)["precision"][0] == 0.0
    # articles scored in one run only are left out
    assert paired_intervals(result, {"other": [1, 1, 1, 1, 1]}) == {}


def test_a_matched_event_of_another_category_is_counted_apart() -> None:
    gold = {"a1": {"events": [GOLD], "absent": []}}
    wrong = event(Point(32.86, 39.93), "2016-12-19", "2016-12-19", category="crime")
    result = score(gold, [wrong])
    assert result.recall == 1.0
    assert result.category_right == 0 and len(result.wrong_category) == 1


def test_the_confusion_counts_gold_against_system_categories() -> None:
    other = {**GOLD, "category": "politics"}
    gold = {"a1": {"events": [GOLD, other], "absent": []}}
    result = score(gold, [event(Point(32.86, 39.93), "2016-12-19", "2016-12-19")])
    # the one event matches both: right for the conflict, wrong for the politics
    assert result.confusion == {("conflict", "conflict"): 1, ("politics", "conflict"): 1}
    assert result.required_by_category == {"conflict": 1, "politics": 1}
    lines = confusion_report(result).splitlines()
    politics = next(line for line in lines if line.startswith("politics"))
    # columns conflict, military, …, other, then matched / required
    assert politics.split() == ["politics", "1", *["."] * 7, "1/1"]
    assert "Ankara" not in confusion_report(result)  # counts only, no gold text


ANKARA = Point(32.86, 39.93)
ISTANBUL = Point(28.95, 41.01)


def _one_miss_of_each_cause() -> tuple[dict, list, Score, dict]:
    """Four articles with one gold event each at Ankara, each missed by another cause: a1
    names no place near Ankara, a2 names Ankara but has no event, a3 has an event there on
    other dates, a4 one elsewhere only."""
    gold = {d: {"events": [GOLD], "absent": []} for d in ("a1", "a2", "a3", "a4")}
    events = [
        event(ANKARA, "2016-12-01", "2016-12-01", articles=("a3",)),
        event(ISTANBUL, "2016-12-19", "2016-12-19", articles=("a4",)),
    ]
    mentioned = {"a1": [ISTANBUL], "a2": [ANKARA], "a3": [ANKARA], "a4": [ANKARA, ISTANBUL]}
    return gold, events, score(gold, events), mentioned


def test_misses_are_counted_by_what_was_missing() -> None:
    _, events, result, mentioned = _one_miss_of_each_cause()
    counts = miss_causes(result, events, mentioned)
    assert list(counts) == list(MISS_CAUSES)
    assert list(counts.values()) == [1, 1, 1, 1]
    # an alt point counts as the gold place: "Turkey" named is the place named
    assert miss_causes(result, events, {"a1": [Point(35.0, 39.0)]})[MISS_CAUSES[0]] == 3


def test_misses_are_counted_by_gold_category_too() -> None:
    politics = {**GOLD, "category": "politics"}
    gold = {"a1": {"events": [GOLD], "absent": []}, "a2": {"events": [politics], "absent": []}}
    result = score(gold, [])
    mentioned = {"a1": [ISTANBUL], "a2": [ANKARA]}
    by_category = miss_causes_by_category(result, [], mentioned)
    assert by_category == {
        "conflict": {MISS_CAUSES[0]: 1, MISS_CAUSES[1]: 0, MISS_CAUSES[2]: 0, MISS_CAUSES[3]: 0},
        "politics": {MISS_CAUSES[0]: 0, MISS_CAUSES[1]: 1, MISS_CAUSES[2]: 0, MISS_CAUSES[3]: 0},
    }
    # the totals are the categories' sums
    assert list(miss_causes(result, [], mentioned).values()) == [1, 1, 0, 0]
    lines = causes_by_category_report(by_category).splitlines()
    assert lines[1].split() == ["conflict", "1", "0", "0", "0"]
    assert lines[2].split() == ["politics", "0", "1", "0", "0"]
    assert "Ankara" not in "\n".join(lines) and "a1" not in "\n".join(lines)  # counts only


def test_false_pairs_are_counted_by_what_was_wrong() -> None:
    gold = {"a1": {"events": [GOLD], "absent": []}}
    events = [
        event(ANKARA, "2016-11-01", "2016-11-01"),  # the place right, the dates not
        event(ISTANBUL, "2016-12-19", "2016-12-19"),  # the dates right, the place not
        event(ISTANBUL, "2016-11-01", "2016-11-01"),  # neither
        event(ANKARA, "2016-12-19", "2016-12-19"),  # a match: not false
    ]
    counts = false_causes(score(gold, events), gold)
    assert list(counts) == list(FALSE_CAUSES)
    assert list(counts.values()) == [1, 1, 1]
    text = causes_report(dict.fromkeys(MISS_CAUSES, 0), counts)
    assert "false (event, article) pairs by cause (3)" in text
    # counts only: no title, place or article id is printed
    assert "a1" not in text and "Ankara" not in text


def test_show_with_causes_lists_each_miss_and_false_pair_under_its_cause() -> None:
    gold, events, result, mentioned = _one_miss_of_each_cause()
    lines = cause_listing(result, events, mentioned, gold).splitlines()
    # each miss under the cause miss_causes counts it by, in the order printed
    heads = [i for i, line in enumerate(lines) if line.startswith("(")]
    for k, docid in enumerate(("a1", "a2", "a3", "a4")):
        assert lines[heads[k]].startswith(f"({k + 1}) {MISS_CAUSES[k]} (1)")
        assert lines[heads[k] + 1].split()[0] == docid
    # the pair at Ankara on other dates has the dates wrong, the one at Istanbul the place
    false_head = lines.index(f"{FALSE_CAUSES[0]} (1)")
    assert lines[false_head + 1].split()[0] == "a3"
    assert lines[lines.index(f"{FALSE_CAUSES[1]} (1)") + 1].split()[0] == "a4"
    assert lines[-1] == f"{FALSE_CAUSES[2]} (0)"


def test_show_is_refused_on_a_held_out_set_even_with_causes(capsys) -> None:
    from bench_events import main

    assert main(["--set", "held-out", "--show", "--causes"]) == 2
    out = capsys.readouterr()
    assert "not on a held-out set" in out.err and out.out == ""


def test_a_trap_inside_an_area_that_matches_the_gold_is_counted_apart() -> None:
    turkey = box(26, 36, 45, 42)
    country = {**GOLD, "pt": [39.0, 35.0], "tol_km": 800, "alt": []}
    trap = {"name": "Ankara, Texas", "pt": [39.93, 32.86], "tol_km": 40}
    gold = {"a1": {"events": [country], "absent": [trap]}}
    result = score(gold, [event(turkey, "2016-12-19", "2016-12-19")])
    assert result.recall == 1.0
    assert (result.trap_hits, result.trap_hits_matched) == (1, 1)
    assert "traps 1 (1 by matched pairs)" in report(result, [], False)


def test_category_agreement_counts_the_annotators_and_the_system_between_them() -> None:
    politics = {**GOLD, "category": "politics"}
    optional = {**GOLD, "required": False}
    gold = {"a1": {"events": [GOLD, optional, politics]}, "a2": {"events": [GOLD]}}
    # the second annotator says crime (conflict second) for a1's first event, and agrees on
    # the politics one; the optional event and a2's unlabelled event are not counted
    second = {"a1": {"0": ["crime", "conflict"], "1": ["other", None], "2": ["politics", None]}}
    result = score(gold, [event(ANKARA, "2016-12-19", "2016-12-19", category="crime")])
    counts = agreement(gold, second, result.matched_categories)
    assert (counts.labelled, counts.second_is_gold, counts.gold_in_second_choices) == (2, 1, 2)
    # the crime event matches both required events of a1: it is the second annotator's for
    # the first, nobody's for the politics one
    assert (counts.matched, counts.system_is_gold, counts.system_is_second) == (2, 0, 1)
    assert counts.system_is_either == 1
    assert "Ankara" not in counts.report()  # counts only


def test_the_second_annotation_labels_required_gold_events_of_known_sets() -> None:
    second = load_second(SECOND_PATH)
    assert {"events-dev", "h27a", "h27b", "t27", "t28"} <= set(second)
    gold_dir = Path(__file__).resolve().parent.parent / "benchmarks" / "event_gold"
    for name in ("t27", "t28"):
        gold = json.loads((gold_dir / f"{name}.json").read_text(encoding="utf-8"))
        for docid, labels in second[name].items():
            for index, (first, _) in labels.items():
                assert gold[docid]["events"][int(index)]["required"]
                assert first in CATEGORIES


def test_speed_texts_reads_any_folder_of_articles(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\ntitle: Drills\npublished: 2024-10-16\n---\nThe navy held drills near Penghu.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text("date 2024-10-17\nA ferry sank off Crete.\n", encoding="utf-8")
    (tmp_path / "c.bin").write_bytes(b"\x00\x01")  # not an article: left out, quietly
    articles = folder_texts([tmp_path])
    assert [a.id for a in articles] == ["a", "b"]
    assert articles[0].published == date(2024, 10, 16)
    assert "Crete" in articles[1].text


def test_warm_speed_pays_the_one_offs_apart_and_reads_no_place(tmp_path: Path) -> None:
    """--warm times the warm-up apart, extracts the same articles, and its sentence names no
    place (so no area it draws could be read back by a measured text)."""
    (tmp_path / "a.md").write_text(
        "---\ntitle: Drills\npublished: 2024-10-16\n---\nThe navy held drills near Penghu on "
        "Tuesday.\n",
        encoding="utf-8",
    )
    from gazetteer import Gazetteer
    from geo import Article, extract

    warm = _time_tool("geo.extract", tmp_path, folders=[tmp_path], warm=True)
    cold = _time_tool("geo.extract", tmp_path, folders=[tmp_path])
    assert warm["warm_s"] > 0 and "warm_s" not in cold
    assert warm["articles"] == cold["articles"] == 1
    assert warm["events"] == cold["events"] == 1
    result = extract(
        [Article(id="w", text=WARM_UP_TEXT, published=date(2024, 1, 10))],
        gazetteer=Gazetteer.default(),
        on_problem=lambda p: None,
    )
    assert result.events.empty
