"""The named-nowhere counts of the events benchmark (benchmarks/event_nowhere.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from shapely.geometry import Point

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from event_nowhere import HELD, NOWHERE_KINDS, gold_names, nowhere_kinds, nowhere_report
from event_scoring import score

GOLD = {
    "place": "Decatur, Tennessee",
    "pt": [35.51, -84.79],
    "tol_km": 40,
    "window": ["2009-03-10", "2009-03-10"],
    "category": "politics",
    "required": True,
    "alt": [{"name": "Meigs County", "pt": [35.5, -84.8], "tol_km": 40}],
}
FAR = Point(-88.95, 39.84)  # Decatur, Illinois
NEAR = Point(-84.79, 35.51)


def _never(name: str, gold: object) -> str:
    return HELD[2]


def test_gold_names_are_the_parts_of_its_place_and_alts() -> None:
    assert gold_names(GOLD) == ["decatur", "tennessee", "meigs county"]
    assert gold_names({"place": "County Road 225 near Ten Mile, Tennessee"}) == [
        "county road 225",
        "ten mile",
        "tennessee",
    ]


def test_misses_named_nowhere_are_sorted_by_what_the_text_holds() -> None:
    gold = {d: {"events": [GOLD], "absent": []} for d in ("a1", "a2", "a3", "a4")}
    result = score(gold, [])
    mentioned = {"a1": [FAR], "a2": [], "a3": [], "a4": [NEAR]}
    mentions = {"a1": ["Decatur"], "a4": ["Decatur"]}
    texts = {
        "a1": "Decatur aldermen met.",  # read as Illinois's Decatur
        "a2": "The DECATUR board met.",  # written, no mention
        "a3": "The aldermen met.",  # the outlet's town, never written
        "a4": "Decatur aldermen met.",  # named near the gold: not of this class
    }
    counts = nowhere_kinds(result, mentioned, mentions, texts, _never)
    assert [counts[(k, HELD[2])] for k in NOWHERE_KINDS] == [1, 1, 1]
    assert sum(counts.values()) == 3


def test_a_name_inside_a_longer_word_is_not_written() -> None:
    # counter-example: "Decaturville" does not write "Decatur"
    result = score({"a1": {"events": [GOLD], "absent": []}}, [])
    counts = nowhere_kinds(result, {}, {}, {"a1": "Decaturville voters met."}, _never)
    assert counts[(NOWHERE_KINDS[2], HELD[2])] == 1


def test_the_report_prints_counts_only() -> None:
    result = score({"a1": {"events": [GOLD], "absent": []}}, [])
    # the first name's place is a small town of the gazetteer ("tennessee" is not asked)
    counts = nowhere_kinds(
        result, {}, {}, {"a1": "Decatur met."}, lambda n, g: HELD[1 if n == "decatur" else 0]
    )
    lines = nowhere_report(counts).splitlines()
    assert lines[2].split()[0] == "1" and "0 bare, 1 a small town" in lines[2]
    assert "Decatur" not in "\n".join(lines) and "a1" not in "\n".join(lines)
