"""Knowledge is data: English word lists live in geo/data/ (YAML), not in the code.

A regex in geo/*.py may hold the grammar ("(?:and|or)", "\\w+ed", one anchor word such as
"when") but no alternation of more than three lower-case words: such a list belongs in a data
file (geo/data/grammar.yaml, triggers.yaml, factuality.yaml), built into the regex with
``geo.vocabulary.words``. The event passes hold no literal word list either (a tuple or set of
more than three words). ``tests/test_no_word_lists.py`` applies the same checks to the other
packages (``gazetteer/data/`` holds the gazetteer's words).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import geo
from geo.vocabulary import LazyPattern, LazyWords, alternation, grammar_words, load_data

GEO = Path(geo.__file__).parent
#: Four or more lower-case words (or multi-word phrases written with ``\s+``) joined by "|".
WORD_ALTERNATION = re.compile(r"(?<![\w\\])(?:[a-z]+(?:\\s[+*]?[a-z]+)*\|){3,}[a-z]+(?![\w{])")
#: The event passes: no word list in any literal at all.
EVENT_PASSES = (
    "clauses",
    "lexicon",
    "where",
    "trigger_places",
    "timeline",
    "reports",
    "titles",
    "events",
)


def _word_alternations(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found += [
                f"line {node.lineno}: {m.group()}" for m in WORD_ALTERNATION.finditer(node.value)
            ]
    return found


def _word_collections(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Tuple | ast.List | ast.Set) and len(node.elts) > 3:
            values = [e.value if isinstance(e, ast.Constant) else None for e in node.elts]
            if all(isinstance(v, str) and re.fullmatch(r"[a-z][a-z' -]*", v) for v in values):
                found.append(f"line {node.lineno}: {values}")
    return found


@pytest.mark.parametrize("path", sorted(GEO.glob("*.py")), ids=lambda p: p.name)
def test_no_english_word_list_in_a_regex(path: Path) -> None:
    assert _word_alternations(path) == [], f"{path.name}: move these words to geo/data/"


@pytest.mark.parametrize("name", EVENT_PASSES)
def test_no_word_list_literal_in_the_event_passes(name: str) -> None:
    assert _word_collections(GEO / f"{name}.py") == [], f"{name}.py: move these to geo/data/"


def test_the_check_finds_a_word_list() -> None:
    """The check itself: a list of words is found, grammar and short alternations are not."""
    assert WORD_ALTERNATION.search(r"\b(?:after|before|since|ahead\s+of)\b")
    assert not WORD_ALTERNATION.search(r"(?:\band|\bor|,)\s+(?:s|ed|ing)?\w+ed\b")
    assert not WORD_ALTERNATION.search(r"\b(?:\w+(?:ed|en)|hit|shot)\s+by\b")


def test_grammar_lists_build_the_same_alternation_in_any_order() -> None:
    """Longest first, whatever the order of the file: "ahead of" before "ahead", "inside"
    before "in"."""
    assert alternation(["in", "ahead", "inside", "ahead of"]) == r"ahead\s+of|inside|ahead|in"
    assert alternation(["air-strike"], loose_hyphens=True) == r"air[-\s]?strike"


def test_lazy_values_read_the_data_on_first_use() -> None:
    pattern = LazyPattern(lambda: r"\b(?:" + alternation(grammar_words("far_roles")) + r")\b")
    assert pattern.search("fighting in Goma") is not None
    assert pattern.search("fighting into Goma") is None  # "in" is a whole word
    assert "near" in LazyWords("far_roles")
    assert "into" not in LazyWords("far_roles")


def _booleans_in_lists(node: object, path: str) -> list[str]:
    if isinstance(node, dict):
        return [hit for k, v in node.items() for hit in _booleans_in_lists(v, f"{path}.{k}")]
    if isinstance(node, list):
        found = [f"{path}: {v!r}" for v in node if isinstance(v, bool)]
        return found + [hit for v in node for hit in _booleans_in_lists(v, path)]
    return []


@pytest.mark.parametrize("path", sorted((GEO / "data").glob("*.yaml")), ids=lambda p: p.name)
def test_word_lists_hold_words_not_yaml_booleans(path: Path) -> None:
    """YAML reads an unquoted on, off, yes or no as a boolean: in a word list that silently
    drops the word ("on" must be written "on" in quotes)."""
    data = load_data(path.name)
    assert _booleans_in_lists(data, path.name) == []


def test_the_boolean_check_finds_an_unquoted_on() -> None:
    assert _booleans_in_lists({"stops": ["in", True, "at"]}, "x") == ["x.stops: True"]
