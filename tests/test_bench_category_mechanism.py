"""Matched required events split by how their category was chosen (counts only)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from category_mechanism import mechanism, mechanism_cells, mechanism_report
from event_scoring import Score, add_scores
from shapely.geometry import Point

from tests.category_rows import gold_row, system_event


def test_a_category_is_told_by_its_type_a_layer_or_a_lead() -> None:
    assert mechanism("arrest", "crime", "crime") == "trigger"
    # a meeting its sentence's council makes politics (a layer of senses.yaml)
    assert mechanism("meeting", "politics", "diplomacy") == "trigger, layered"
    assert mechanism("happening_politics", "politics", "politics") == "lead, cue words"
    assert mechanism("happening", "other", "other") == "lead, no cue word"


def test_a_gold_event_is_counted_once_by_the_event_the_scorer_counts() -> None:
    gold = {
        "a1": {"events": [gold_row("crime"), gold_row("other", required=False)]},
        "a2": {"events": [gold_row("other")]},
        "a3": {"events": [gold_row("disaster")]},
    }
    events = [
        system_event("e1", "politics"),
        system_event("e2", "crime"),  # of the gold category: counted by this one
        system_event("e3", "politics", "a2"),
    ]
    mechanisms = {"e1": "lead, cue words", "e2": "trigger", "e3": "lead, cue words"}
    cells = mechanism_cells(gold, events, mechanisms)
    # the optional gold event and a3's unmatched one are not counted
    assert cells == {("trigger", "crime", "crime"): 1, ("lead, cue words", "other", "politics"): 1}
    text = mechanism_report(cells)
    assert "a1" not in text and "a2" not in text  # counts only: no article is named
    assert "other→politics 1" in text
    assert "trigger" in text and "1/1" in text


def test_totals_add_the_category_cells_and_the_confusion() -> None:
    one, two = Score(), Score()
    one.confusion[("other", "politics")] = 2
    two.confusion[("other", "politics")] = 1
    one.category_cells[("lead, cue words", "other", "politics")] = 2
    two.required_by_category["other"] = 4
    total = add_scores([one, two])
    assert total.confusion == {("other", "politics"): 3}
    assert total.category_cells == {("lead, cue words", "other", "politics"): 2}
    assert total.required_by_category == {"other": 4}


def test_layered_events_are_split_by_the_type_layered() -> None:
    from types import SimpleNamespace

    from category_mechanism import layered_types

    def event(id_: str, type_name: str, category: str) -> SimpleNamespace:
        kind = SimpleNamespace(name=type_name, category=category)
        return SimpleNamespace(
            id=id_, type=type_name, category=category, reports=[SimpleNamespace(type=kind)]
        )

    events = [event("e1", "attack", "crime"), event("e2", "arrest", "crime")]
    mechanisms = {"e1": "trigger, layered", "e2": "trigger"}
    # only the layered event is named, by its type
    assert layered_types(mechanisms, events) == {"e1": "layered: attack"}
    cells = {("layered: attack", "conflict", "crime"): 1, ("trigger", "crime", "crime"): 1}
    text = mechanism_report(cells)
    # the split is printed after the four mechanisms
    assert text.index("layered: attack") > text.index("lead, no cue word")


def test_a_wrong_category_is_a_pairing_when_the_event_matches_its_own_kind_too() -> None:
    from category_mechanism import wrong_kinds, wrong_kinds_report

    gold = {
        # a crash (disaster) and its prayer service (other) of one place and day
        "a1": {"events": [gold_row("disaster"), gold_row("other")]},
        # a lead read as politics where the gold has only "other"
        "a2": {"events": [gold_row("other")]},
    }
    events = [system_event("e1", "other"), system_event("e2", "politics", "a2")]
    kinds = wrong_kinds(gold, events)
    # a1's crash is wrong but the event is the service's; a1's service is right
    assert kinds == {"pairing": 1, "label": 1}
    text = wrong_kinds_report(kinds)
    assert "1 pairings" in text and "a1" not in text


def test_pairings_are_split_by_how_their_event_was_made() -> None:
    from dataclasses import replace
    from types import SimpleNamespace

    from category_mechanism import event_shapes, wrong_kinds, wrong_kinds_report

    def report(group: str) -> SimpleNamespace:
        return SimpleNamespace(type=SimpleNamespace(group=group))

    merged = [
        # a shooting and a robbery folded into one event
        SimpleNamespace(id="e1", reports=[report("shooting"), report("robbery")]),
        # a crash told by two reports of one group: not folded across groups
        SimpleNamespace(id="e2", reports=[report("accident"), report("accident")]),
    ]
    shapes = event_shapes({"e1": "trigger", "e2": "trigger, layered"}, merged)
    assert shapes == {
        "e1": "trigger; several trigger groups",
        "e2": "trigger, layered; one trigger group",
    }
    gold = {
        "a1": {"events": [gold_row("disaster"), gold_row("other")]},
        "a2": {"events": [gold_row("other")]},
    }
    events = [system_event("e2", "other"), system_event("e1", "politics", "a2")]
    kinds = wrong_kinds(gold, events, shapes)
    # the pairing is split by its event's shape; a label error is not split
    assert kinds["pairing"] == 1 and kinds["label"] == 1
    assert kinds["pairing by: trigger, layered; one trigger group"] == 1
    assert not any("several" in k for k in kinds)
    # the crash's category (disaster) is carried by no event of a1: the second is untold
    assert kinds["pairing, second category untold"] == 1
    assert "pairing, second category told" not in kinds
    text = wrong_kinds_report(kinds)
    assert "pairings by their event: trigger, layered; one trigger group 1" in text
    assert "that no event of the article carries: 1" in text
    # with a disaster event of a1 elsewhere, the second happening was told
    far = replace(system_event("e3", "disaster"), geometry=Point(0, 0))
    told = wrong_kinds(gold, [*events, far], shapes)
    assert told["pairing, second category told"] == 1
