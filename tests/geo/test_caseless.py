"""CaselessPattern: a pattern of lower-case words run on the lowered text finds exactly what
the same pattern with re.IGNORECASE finds in the text itself."""

from __future__ import annotations

import re
import sys
from collections import defaultdict

import pytest

from geo.lexicon import find_triggers, load_lexicon
from geo.vocabulary import _FOLDS_APART, CaselessPattern, _plain_letter, lowered


def _spans(pattern: CaselessPattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, lowered(text))]


def _folded_spans(pattern: CaselessPattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.folded.finditer(text)]


def test_every_character_that_folds_to_a_plain_letter_lowers_to_it() -> None:
    # the premise of the lowered scan, checked on every code point: for each letter a pattern
    # may hold, re.IGNORECASE matches just the characters whose lower case is that letter,
    # apart from those lowered() refuses (and lowering keeps word and space characters so)
    by_lower: dict[str, set[str]] = defaultdict(set)
    by_upper: dict[str, set[str]] = defaultdict(set)
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        c = chr(code)
        low, up = c.lower(), c.upper()
        if low == c == up:
            continue  # no case: lowering keeps it, and no letter folds to it
        if len(low) == 1:
            by_lower[low].add(c)
            # the engine's \w is isalnum() or "_", its \s isspace()
            assert c.isalnum() == low.isalnum() and c.isspace() == low.isspace(), hex(code)
        by_upper[up].add(c)
    letters = [chr(c) for c in range(0x250) if _plain_letter(chr(c))]
    assert "é" in letters and "k" in letters and "ſ" not in letters and "ı" not in letters
    for letter in letters:
        near = by_lower[letter] | by_upper[letter.upper()] | by_upper[letter]
        folded = {c for c in near if re.fullmatch(re.escape(letter), c, re.IGNORECASE)}
        refused = {c for c in folded if lowered(c) is None}
        assert folded - refused == by_lower[letter], letter
        assert refused <= set(_FOLDS_APART) | {"\u0130"}, letter


@pytest.mark.parametrize(
    "text",
    [
        "Troops SHELLED the town; a Shelling followed.",
        "İstanbul: shelled. ſhelled and ſhelling",  # İ lowers to two characters, ſ folds to s
        "The \u212aILLED count (Kelvin sign) and ıllegal shelling",  # K lowers to k
        "ΟΔΟΣ shelled ΣΣ",  # a final sigma lowers by its context, to one character
        "coup d'état and COUP D'ÉTAT",
    ],
)
def test_the_lowered_scan_finds_the_spans_of_the_folded_one(text: str) -> None:
    pattern = CaselessPattern(r"\b(?:shell(?:ed|ing)|killed|coup\s+d'état|illegal)\b")
    assert pattern.lower is not None
    assert _spans(pattern, text) == _folded_spans(pattern, text)
    assert _folded_spans(pattern, text)


def test_a_pattern_that_names_a_case_is_only_run_ignoring_case() -> None:
    # counter-examples: a capital, an inline case flag or a Greek letter would find other
    # spans in the lowered text, so these get no lower-case twin and are read as before
    for source in (r"\b[A-Z]\w+ shelled", r"(?-i:[A-Z])\w+", r"\bμ\w+", r"\bOpened\b"):
        pattern = CaselessPattern(source)
        assert pattern.lower is None, source
        text = "Rebels shelled the Opened μarket"
        assert _spans(pattern, text) == _folded_spans(pattern, text)
    assert lowered("İzmir") is None
    assert lowered("Troops") == "troops"


def test_the_trigger_scans_run_on_the_lowered_text() -> None:
    lex = load_lexicon()
    assert lex.pattern.lower is not None
    assert lex.weapon.lower is not None
    assert lex.frame_verbs is not None and lex.frame_verbs.lower is not None
    forms = [t.form for t in find_triggers("Rebels SHELLED the town; the İzmir council voted.")]
    # the form is read from the text itself, lowered, whichever scan found it
    assert forms[0] == "shelled"


def test_the_clause_breaks_run_on_the_lowered_sentence() -> None:
    from geo.clauses import _CLAUSE_BREAK

    pattern = _CLAUSE_BREAK.built
    assert pattern.lower is not None  # a group's name ("(?P<sub>") is no capital
    for text in (
        "Police said; the crowd left — and WHILE the rain fell, others stayed",
        "İzmir police said: the crowd left, While the ſtorm raged",
    ):
        assert _spans(pattern, text) == _folded_spans(pattern, text)
        found = [m.group("sub") for m in _CLAUSE_BREAK.finditer(text, lowered(text))]
        assert [bool(g) for g in found] == [
            bool(m.group("sub")) for m in pattern.folded.finditer(text)
        ]


def test_the_caseless_form_is_compiled_only_when_needed() -> None:
    pattern = CaselessPattern(r"\b(?:shelling|air ?strikes?)\b")
    assert pattern._folded is None  # a lowered text is searched with the plain form
    assert [m.span() for m in pattern.finditer("Airstrikes hit", "airstrikes hit")] == [(0, 10)]
    assert pattern._folded is None
    assert pattern.match("SHELLING resumed") is not None  # a match needs the caseless form
    assert pattern.folded.flags & re.IGNORECASE
    assert pattern.pattern == r"\b(?:shelling|air ?strikes?)\b"
    capital = CaselessPattern(r"\bcoup d'état\b|\bNATO\b")  # not plain: only the caseless form
    assert capital.lower is None and capital._folded is not None
