"""Session 43's one-off cuts of a fresh ``geo extract``: the trigger tries written as before,
the whole-text date pattern compiled only when asked for, the command's garbage collection."""

from __future__ import annotations

import gc
import re

import geo.cli
from geo.cli import frozen_after_first
from geo.date_grammar import whole_text_pattern
from geo.lexicon import _trie_regex


def test_trie_puts_the_deepest_branch_first_then_by_unit() -> None:
    # "b c d" (three units deep after "b") before "b-c"; "ab…" before "ac"; "ab" may end
    assert _trie_regex(["ab", "abcd", "ac", "b-c", "b c d"]) == (
        r"(?:b(?:\s+c\s+d|[-\s]?c)|a(?:b(?:cd)?|c))"
    )
    assert _trie_regex(["x"]) == "x"
    # the order the forms come in does not matter
    assert _trie_regex(["b c d", "ac", "abcd", "b-c", "ab", "ab"]) == _trie_regex(
        ["ab", "abcd", "ac", "b-c", "b c d"]
    )


def test_a_trie_of_one_form_and_its_longer_forms_keeps_the_shorter_optional_end() -> None:
    pattern = re.compile(r"\b(?:" + _trie_regex(["fire", "firefight", "fires"]) + r")\b")
    assert [m.group() for m in pattern.finditer("fire, fires and a firefight; firefighter")] == [
        "fire",
        "fires",
        "firefight",
    ]


def test_whole_text_date_pattern_is_compiled_once_when_asked_for() -> None:
    pattern = whole_text_pattern()
    assert pattern is whole_text_pattern()
    found = [m.group() for m in pattern.finditer("On Monday, 12 March 2018, and in 2019.")]
    assert found == ["On Monday", "12 March 2018", "in 2019"]


def test_progress_freezes_the_collector_once_then_passes_every_report_on(monkeypatch) -> None:
    monkeypatch.setattr(geo.cli, "_TUNE_GC", True)  # as when main() runs the command
    seen: list[tuple[int, int]] = []
    report = frozen_after_first(lambda done, total: seen.append((done, total)))
    try:
        gc.unfreeze()
        before = gc.get_freeze_count()
        report(1, 3)
        frozen = gc.get_freeze_count()
        assert frozen > before
        report(2, 3)
        report(3, 3)
        assert gc.get_freeze_count() == frozen  # frozen once only
    finally:
        gc.unfreeze()
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_progress_leaves_the_collector_alone_outside_the_command() -> None:
    seen: list[tuple[int, int]] = []
    report = frozen_after_first(lambda done, total: seen.append((done, total)))
    gc.unfreeze()
    before = gc.get_freeze_count()
    report(1, 2)
    report(2, 2)
    assert gc.get_freeze_count() == before == 0
    assert seen == [(1, 2), (2, 2)]
