"""Infrastructure of session 41's speed work, each the same answers as before: a lazy
pattern's methods bound to the compiled pattern, the outlet-town table built in one scan,
an article's datelines and bare-name spans remembered across the passes that ask."""

from __future__ import annotations

import re

from geo.bare_towns import _candidate_names, _dateline_names
from geo.datelines import find_datelines
from geo.outlet_towns import SquashedKeys, _letter_words
from geo.vocabulary import LazyPattern


def test_a_lazy_pattern_answers_as_the_compiled_one_before_and_after_its_first_use() -> None:
    source = r"\b(fl)ood(s)?\b"
    text = "Floods hit the valley; a flood warning followed the floods."
    compiled = re.compile(source, re.IGNORECASE)
    for method, args in (
        ("search", (text,)),
        ("search", (text, 10)),
        ("match", (text,)),
        ("fullmatch", ("flood",)),
        ("findall", (text,)),
        ("finditer", (text, 5, 40)),
    ):
        fresh = LazyPattern(lambda: source, re.IGNORECASE)
        first = getattr(fresh, method)(*args)  # compiles
        again = getattr(fresh, method)(*args)  # the compiled pattern's own method
        want = getattr(compiled, method)(*args)
        if method == "finditer":
            first, again, want = ([m.span() for m in x] for x in (first, again, want))
        elif method != "findall":
            first, again, want = (m and m.span() for m in (first, again, want))
        assert first == again == want, method
    built = LazyPattern(lambda: source)
    assert built.pattern == source and built.search("a flood").span() == (2, 7)
    assert built.search.__self__ is built.compiled  # bound: no wrapper left


def test_a_lazy_pattern_is_not_compiled_until_used() -> None:
    asked: list[int] = []

    def source() -> str:
        asked.append(1)
        return "x"

    pattern = LazyPattern(source)
    assert asked == []
    assert pattern.match("xy") is not None and pattern.findall("xx") == ["x", "x"]
    assert asked == [1]


def plain_table(keys: list[str]) -> dict[str, str]:
    """The table as built key by key before (the first listed of those that squash alike)."""
    joined: dict[str, str] = {}
    for key in keys:
        squashed = key.replace(" ", "")
        if " " in key and squashed not in joined and _letter_words(key, squashed):
            joined[squashed] = key
    return joined


def test_the_outlet_town_table_holds_what_the_key_by_key_build_held() -> None:
    keys = [
        "middle town",
        "middletown",
        "mid dle town",  # a word under three letters
        "new market",
        "newmar ket",  # squashes like "new market", listed after it
        "st. ives",
        "da il",
        "athens2 city",
        "Upper Town",
        "over  town",  # two spaces
        " lead town",
        "trail town ",
        "río grande",
        "salt\x00lake city",  # holds the scan's separator: the key-by-key build
        "salt lake city",
    ]
    for chosen in (keys, keys[:-2], list(reversed(keys)), ["one two"], []):
        table = SquashedKeys(chosen)
        assert table._joined == plain_table(chosen), chosen
    table = SquashedKeys(keys)
    assert table.get("newmarket") == "new market" and table.get("middletown") == "middletown"
    assert table.get("saltlakecity") == "salt lake city" and table.get("stives") is None


def test_an_articles_datelines_are_remembered_as_new_lists() -> None:
    text = "CROMWELL — Crews worked through the night.\nThe road stayed closed."
    first = find_datelines(text)
    first.clear()  # a caller's list is its own
    again = find_datelines(text)
    assert len(again) == 1 and text[again[0].name_start : again[0].name_end] == "CROMWELL"
    assert _dateline_names(text) == {(0, 8)}


def test_bare_name_spans_are_those_of_the_text() -> None:
    text = "Crews from Ashby and Hale responded, R-Ocilla said."
    spans = _candidate_names(text)
    assert spans == tuple(sorted(spans))
    assert (11, 16) in spans and text[11:16] == "Ashby"
    assert _candidate_names(text[:20]) != spans
