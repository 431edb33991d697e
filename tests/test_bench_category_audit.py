"""The category audit of the tuning sets: pairs counted by the type that gave the category."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from category_audit import Pair, gold_of, pairs_of, refuse_held_out, table_lines, tabulate

from tests.category_rows import gold_row, system_event


def test_held_out_sets_are_refused() -> None:
    assert refuse_held_out(["dev", "t27"]) == ["dev", "t27"]
    with pytest.raises(SystemExit):
        refuse_held_out(["h27a"])
    with pytest.raises(SystemExit):
        refuse_held_out(["nonesuch"])


def test_a_pair_is_counted_against_a_gold_event_of_its_own_category_first() -> None:
    other, politics = gold_row("other"), gold_row("politics", required=False)
    assert gold_of("politics", [other, politics]) is politics
    # none of its category: the required one
    crime = gold_row("crime", required=False)
    assert gold_of("politics", [crime, other]) is other


def test_pairs_are_tabulated_by_the_deciding_type() -> None:
    gold = {"a1": {"events": [gold_row("other")]}, "a2": {"events": [gold_row("crime")]}}
    events = [system_event("e1", "politics"), system_event("e2", "other")]
    deciding = {"e1": ("happening_politics", "Mayor … reminded"), "e2": ("meeting", "met")}
    pairs = pairs_of("t34c", gold, events, deciding)
    # a2's gold event matches no event of its article: no pair
    assert {(p.type_name, p.system, p.gold) for p in pairs} == {
        ("happening_politics", "politics", "other"),
        ("meeting", "other", "other"),
    }
    table = tabulate(pairs)
    lines = table_lines(table)
    wrong = next(line for line in lines if line.startswith("happening_politics"))
    right = next(line for line in lines if line.startswith("meeting"))
    # marked: its gold disagrees more often than it agrees
    assert wrong.endswith("<<") and not right.endswith("<<")
    assert lines[-1].split()[1:] == ["2", "1"]


def test_an_empty_audit_has_a_total_of_nothing() -> None:
    assert table_lines(tabulate([]))[-1].split()[1:] == ["0", "0"]
    assert Pair("dev", "1", "arrest", "crime", "crime", True).quote == ""
