"""The recognizer's name index (session 42's speed work) finds what an Aho-Corasick
automaton of every padded name found: the same matches, overlapping ones too, the first
key of a blanked form kept, the same membership answers."""

from __future__ import annotations

import ahocorasick

from geo.name_index import NameIndex

#: (blanked name, key), in the order a gazetteer gives them
NAMES = [
    ("york", "york"),
    ("new york", "new york"),
    ("new york city", "new york city"),
    ("new york", "new-york"),  # the same blanked form again: the first key stays
    ("york", "York"),
    ("st  louis", "st. louis"),  # a double space inside a blanked name
    ("louis", "louis"),
    ("a b c d", "a b c d"),
    ("b c", "b c"),
    ("c", "c"),
    ("new", "new"),
]

TEXTS = [
    "",
    " ",
    "new york city is not york",
    "  new york  city ",
    "new york city",
    "newyork city and new yorkers in york",
    "st  louis and st louis and st   louis",
    "a b c d e a b c a b c d",
    "york york new new york new york city city",
    "c",
    "x c x b c x a b c d",
]


def _reference() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for blanked, key in NAMES:
        padded = f" {blanked} "
        if padded not in automaton:
            automaton.add_word(padded, (len(blanked), key))
    automaton.make_automaton()
    return automaton


def _index() -> NameIndex:
    index = NameIndex()
    for blanked, key in NAMES:
        index.add(blanked, key)
    return index


def test_the_index_finds_every_match_the_automaton_of_all_names_found() -> None:
    automaton, index = _reference(), _index()
    for text in TEXTS:
        padded = f" {text} "
        want = sorted((end - 1 - n, 1 - end, key) for end, (n, key) in automaton.iter(padded))
        assert sorted(index.spans(padded)) == want, text
    spans = sorted(index.spans(" new york city is not york "))
    assert spans == [
        (0, -13, "new york city"),
        (0, -8, "new york"),
        (0, -3, "new"),
        (4, -8, "york"),
        (21, -25, "york"),
    ]


def test_the_index_answers_membership_as_the_automaton_did() -> None:
    automaton, index = _reference(), _index()
    assert len(index) == len(automaton)
    for probe in [
        " york ",
        " new york ",
        " st  louis ",
        " st louis ",
        " new ",
        " new york city ",
        " york",
        "york ",
        "york",
        "  ",
        " ",
        "",
        "  york  ",
        " a b c ",
        " b c ",
    ]:
        assert (probe in index) == (probe in automaton), probe
    assert index.words() == frozenset({"york", "louis", "c", "new"})


def test_a_word_prefix_alone_is_no_match() -> None:
    index = _index()
    assert index.spans(" a b ") == []  # "a b" opens "a b c d" but is no name
    assert " a b " not in index
    assert sorted(index.spans(" a b c ")) == [(2, -5, "b c"), (4, -5, "c")]
