"""Knowledge is data outside geo/ too: the English words of the gazetteer's rules live in
``gazetteer/data/*.yaml`` (read through :mod:`gazetteer.wordlists`), not in the code.

The check of ``tests/geo/test_no_word_lists.py`` applied to the other packages: no regex of
``gazetteer``, ``layers``, ``lonlat`` or ``inputsafe`` holds an alternation of more than three
lower-case words, and no module of ``gazetteer`` a literal tuple, list or set of more than
three words, except the names of the data model (kinds, modifier rules, fields) in
:data:`MODEL_NAMES`. ``layers`` keeps its literal lists: they are formats (column and JSON
field names, category keys, file names), not words read in news.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

import gazetteer
import inputsafe
import layers
import lonlat
from gazetteer.designators import DESIGNATORS
from gazetteer.errors import GazetteerError
from gazetteer.modifier_patterns import PREFIXES
from gazetteer.modifiers import find_prefix, find_suffix
from gazetteer.place import KINDS
from gazetteer.wordlists import WORD_FILES, load_words, word_list, word_map
from tests.geo.test_no_word_lists import _booleans_in_lists, _word_alternations, _word_collections

PACKAGES = (gazetteer, layers, lonlat, inputsafe)
#: gazetteer modules whose literal word collections are names of the data model, not English
#: vocabulary: the kinds of place and modifier rules (place.py), and the fields of a place.
MODEL_NAMES = ("place.py",)


def _modules(package: object) -> list[Path]:
    return sorted(Path(package.__file__).parent.glob("*.py"))  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "path",
    [path for package in PACKAGES for path in _modules(package)],
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_no_english_word_list_in_a_regex(path: Path) -> None:
    assert _word_alternations(path) == [], f"{path.name}: move these words to a data file"


@pytest.mark.parametrize(
    "path",
    [path for path in _modules(gazetteer) if path.name not in MODEL_NAMES],
    ids=lambda p: p.name,
)
def test_no_word_list_literal_in_the_gazetteer(path: Path) -> None:
    assert _word_collections(path) == [], f"{path.name}: move these to gazetteer/data/"


@pytest.mark.parametrize("name", WORD_FILES)
def test_word_files_are_package_data_and_hold_no_yaml_booleans(name: str) -> None:
    """Every word file ships in the package (pyproject's package-data) and holds words only:
    an unquoted "off" or "no" would be read as a boolean."""
    assert resources.files("gazetteer").joinpath("data", name).is_file()
    assert _booleans_in_lists(load_words(name), name) == []
    assert not any(isinstance(key, bool) for key in _keys(load_words(name)))


def _keys(node: object) -> list[object]:
    if isinstance(node, dict):
        return [*node, *(k for v in node.values() for k in _keys(v))]
    return []


def test_word_files_are_read_once() -> None:
    assert load_words("modifiers.yaml") is load_words("modifiers.yaml")
    hits = load_words.cache_info().hits
    word_list("modifiers.yaml", "part_nouns")
    assert load_words.cache_info().hits == hits + 1


def test_a_missing_or_mistyped_entry_is_an_error() -> None:
    with pytest.raises(GazetteerError, match="no entry"):
        word_list("modifiers.yaml", "no_such_list")
    with pytest.raises(GazetteerError, match="map strings to strings"):
        word_map("modifiers.yaml", "part_nouns")


def test_designators_name_known_kinds() -> None:
    assert DESIGNATORS["province"] == frozenset({"admin1"})
    assert all(kinds <= set(KINDS) for kinds in DESIGNATORS.values())


#: One phrase per prefix pattern of gazetteer/modifier_patterns.py (the same order), with the
#: rule it means: the pre-checks read from modifiers.yaml (first words, words before "of")
#: must let each through.
PREFIX_PHRASES = [
    ("the territorial waters of ", "waters"),
    ("the EEZ of ", "waters"),
    ("the coastal waters off ", "coast"),
    ("the waters surrounding ", "around"),
    ("the seas close to ", "near"),
    ("the waters off ", "waters"),
    ("just off the coast of ", "coast"),
    ("along the coastline of ", "coast"),
    ("the shores of ", "coast"),
    ("coastal areas of ", "coast"),
    ("offshore from ", "coast"),
    ("in the vicinity of ", "near"),
    ("not far from ", "near"),
    ("close to ", "near"),
    ("just outside of ", "near"),
    ("the outskirts of ", "near"),
    ("near to ", "near"),
    ("all around ", "around"),
    ("encircling ", "around"),
    ("the far-northern parts of ", "compass"),
    ("the centre of ", "compass"),
    ("north-western ", "compass"),
    ("the NE ", "compass"),
]


def test_there_is_a_phrase_for_every_prefix_pattern() -> None:
    assert len(PREFIX_PHRASES) == len(PREFIXES)


@pytest.mark.parametrize(("phrase", "rule"), PREFIX_PHRASES)
def test_every_prefix_pattern_passes_the_pre_checks(phrase: str, rule: str) -> None:
    found = find_prefix(f"Ships sailed {phrase}Ruritania.", len("Ships sailed ") + len(phrase))
    assert found is not None
    start, modifier = found
    assert (start, modifier.rule, modifier.phrase) == (len("Ships sailed "), rule, phrase.strip())


@pytest.mark.parametrize("noun", word_list("modifiers.yaml", "part_nouns"))
def test_every_part_noun_makes_a_compass_phrase(noun: str) -> None:
    text = f"fighting in the northern {noun} of Ruritania"
    found = find_prefix(text, text.index("Ruritania"))
    assert found is not None and found[1].detail == "north"


@pytest.mark.parametrize("verb", word_list("modifiers.yaml", "around_verbs"))
def test_every_around_verb_makes_an_around_phrase(verb: str) -> None:
    text = f"drills {verb} Ruritania"
    found = find_prefix(text, text.index("Ruritania"))
    assert found is not None and found[1].rule == "around"


def test_a_word_of_no_list_makes_no_phrase() -> None:
    """Counter-examples: a part noun, a verb or a middle noun not in the lists."""
    for text in (
        "fighting in the northern towns of Ruritania",
        "drills besieging Ruritania",
        "the heart of Ruritania",
    ):
        assert find_prefix(text, text.index("Ruritania")) is None, text
    # "circling" is an around verb, but not one read after "the waters"
    text = "the waters circling Ruritania"
    found = find_prefix(text, text.index("Ruritania"))
    assert found is not None and found[1].phrase == "circling"


def test_the_middle_nouns_mean_central_and_only_two_follow_a_possessive() -> None:
    for noun in word_list("modifiers.yaml", "middle_nouns"):
        text = f"the {noun} of Ruritania"
        found = find_prefix(text + " x", len(text) - len("Ruritania"))
        assert found is not None and found[1].detail == "central"
    assert find_suffix("Ruritania's centre", len("Ruritania")) is not None
    assert find_suffix("Ruritania's middle", len("Ruritania")) is None
