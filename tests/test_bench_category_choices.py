"""A category choice against its absence, and one article's events of one place and days in
two categories (counts only)."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from category_choices import (
    BOTH_WRONG,
    CHOSEN_RIGHT,
    MIXED,
    SPLIT_EXTRA,
    SPLIT_FALSE,
    SPLIT_RIGHT,
    WITHOUT_RIGHT,
    categories_without,
    choice_kinds,
    choice_report,
    spot_kinds,
    spot_report,
)
from shapely.geometry import Point

from geo.model import DateRange
from tests.category_rows import DAY, gold_row, system_event

DAYS = DateRange(DAY, DAY, "day")


def merged(
    ident: str, category: str, *types: tuple[str, str], place: str = "p1"
) -> SimpleNamespace:
    """A merged event of ``category`` whose reports are of ``types`` (name, category)."""
    reports = [SimpleNamespace(type=SimpleNamespace(name=n, category=c)) for n, c in types]
    return SimpleNamespace(
        id=ident,
        type=types[0][0],
        category=category,
        reports=reports,
        place=SimpleNamespace(id=place),
        dates=DAYS,
    )


def test_a_layer_is_weighed_against_its_types_category_and_a_cue_against_other() -> None:
    events = [
        merged("e1", "crime", ("attack", "crime")),  # an attack a layer made crime
        merged("e2", "politics", ("happening_politics", "politics")),  # a lead by cue words
        merged("e3", "crime", ("arrest", "crime")),  # the type's own category: no choice
    ]
    mechanisms = {"e1": "trigger, layered", "e2": "lead, cue words", "e3": "trigger"}
    without = categories_without(events, mechanisms, {"attack": "conflict", "arrest": "crime"})
    assert without == {
        "e1": ("layered: attack", "conflict"),
        "e2": ("lead, cue words", "other"),
    }
    gold = {
        "a1": {"events": [gold_row("conflict")]},  # the attack was armed: the layer lost it
        "a2": {"events": [gold_row("politics")]},  # the cue words were right
        "a3": {"events": [gold_row("crime")]},  # counted by a type's own category: not here
        "a4": {"events": [gold_row("disaster")]},  # neither category is the gold's
    }
    sys_events = [
        system_event("e1", "crime"),
        system_event("e2", "politics", "a2"),
        system_event("e3", "crime", "a3"),
        system_event("e2", "politics", "a4"),
    ]
    kinds = choice_kinds(gold, sys_events, without)
    assert kinds == {
        ("layered: attack", WITHOUT_RIGHT): 1,
        ("lead, cue words", CHOSEN_RIGHT): 1,
        ("lead, cue words", BOTH_WRONG): 1,
    }
    text = choice_report(kinds)
    assert "lead, cue words" in text and "layered: attack" in text
    assert "a1" not in text and "a4" not in text  # counts only: no article is named
    assert text.index("lead, cue words") < text.index("layered: attack")


def test_an_event_right_by_another_event_of_the_gold_category_is_not_weighed() -> None:
    # the scorer counts the gold event by the event of its category, a type's own: the
    # layered event beside it is not what decided it
    events = [merged("e1", "crime", ("attack", "crime")), merged("e2", "conflict", ("war", "x"))]
    without = categories_without(events, {"e1": "trigger, layered", "e2": "trigger"}, {})
    gold = {"a1": {"events": [gold_row("conflict")]}}
    sys_events = [system_event("e1", "crime"), system_event("e2", "conflict")]
    assert choice_kinds(gold, sys_events, without) == {}


def test_two_kinds_at_one_place_and_day_are_counted_by_what_the_gold_holds_there() -> None:
    events = [
        merged("e1", "crime", ("arrest", "crime")),
        merged("e2", "disaster", ("accident", "disaster")),
    ]
    sys_events = [system_event("e1", "crime"), system_event("e2", "disaster")]
    # a crash and the driver's arrest: the gold has both, the split is right
    both = {"a1": {"events": [gold_row("disaster"), gold_row("crime", required=False)]}}
    assert spot_kinds(both, sys_events, events) == {SPLIT_RIGHT: 1, MIXED: 0}
    # the gold has the crash only: the arrest is a dot of a kind the gold has not there
    one = {"a1": {"events": [gold_row("disaster")]}}
    assert spot_kinds(one, sys_events, events) == {SPLIT_EXTRA: 1, MIXED: 0}
    # an event matching no gold event
    far = replace(system_event("e2", "disaster"), geometry=Point(0, 0))
    assert spot_kinds(one, [sys_events[0], far], events) == {SPLIT_FALSE: 1, MIXED: 0}
    text = spot_report(spot_kinds(both, sys_events, events))
    assert "a1" not in text and "1" in text


def test_one_kind_or_two_places_are_no_split_and_a_merged_event_of_two_kinds_is_counted() -> None:
    gold = {"a1": {"events": [gold_row("crime"), gold_row("other")]}}
    sys_events = [system_event("e1", "crime"), system_event("e2", "crime")]
    # two events of one category at one place: no split of kinds
    same = [merged("e1", "crime", ("arrest", "crime")), merged("e2", "crime", ("theft", "crime"))]
    assert spot_kinds(gold, sys_events, same) == {MIXED: 0}
    # two categories at two places: no split either
    apart = [
        merged("e1", "crime", ("arrest", "crime")),
        merged("e2", "other", ("funeral", "other"), place="p2"),
    ]
    assert spot_kinds(gold, sys_events, apart) == {MIXED: 0}
    # one event whose reports the layers told apart (a meeting of other and of diplomacy)
    mixed = [merged("e1", "other", ("meeting", "other"), ("meeting", "diplomacy"))]
    assert spot_kinds(gold, sys_events[:1], mixed) == {MIXED: 1}
