"""Modifiers: parsing whole queries, prefixes and suffixes in running text, demonyms."""

from __future__ import annotations

import re

import pytest

from gazetteer.errors import GazetteerError
from gazetteer.modifiers import (
    RULES,
    Modifier,
    demonym_country,
    demonym_entry,
    find_demonym_phrases,
    find_prefix,
    find_suffix,
    parse_query,
)


@pytest.mark.parametrize(
    ("query", "rule", "detail", "base"),
    [
        # the sample's phrases
        ("near Alaska", "near", None, "Alaska"),
        ("the northwestern Pacific", "compass", "northwest", "Pacific"),
        ("the northwestern Pacific Ocean", "compass", "northwest", "Pacific Ocean"),
        ("around Taiwan", "around", None, "Taiwan"),
        ("encircling Taiwan", "around", None, "Taiwan"),
        # the phrases
        ("off Alaska", "coast", None, "Alaska"),
        ("off the coast of South Carolina", "coast", None, "South Carolina"),
        ("southern Lebanon", "compass", "south", "Lebanon"),
        ("eastern Ukraine", "compass", "east", "Ukraine"),
        ("Swedish waters", "waters", "eez", "Sweden"),
        # other places, other phrasings
        ("north-western Syria", "compass", "northwest", "Syria"),
        ("northeast Nigeria", "compass", "northeast", "Nigeria"),
        ("NW Pakistan", "compass", "northwest", "Pakistan"),
        ("the north of England", "compass", "north", "England"),
        ("the far north of Queensland", "compass", "north", "Queensland"),
        ("northern parts of Mali", "compass", "north", "Mali"),
        ("central Mozambique", "compass", "central", "Mozambique"),
        ("Syria's northwest", "compass", "northwest", "Syria"),
        ("Myanmar's eastern regions", "compass", "east", "Myanmar"),
        ("off the Somali coast", "coast", None, "Somalia"),
        ("off the Alaska coast", "coast", None, "Alaska"),
        ("just off Sevastopol", "coast", None, "Sevastopol"),
        ("along the coast of Yemen", "coast", "coastal", "Yemen"),
        ("coastal Ecuador", "coast", "coastal", "Ecuador"),
        ("Chile's coast", "coast", "coastal", "Chile"),
        ("in the vicinity of Kharkiv", "near", None, "Kharkiv"),
        ("not far from Goma", "near", None, "Goma"),
        ("close to the Sudanese border town of Adre", "near", None, "Sudanese border town of Adre"),
        ("the outskirts of Khartoum", "near", None, "Khartoum"),
        ("outside Mosul", "near", None, "Mosul"),
        ("waters near the Spratly Islands", "near", "sea", "Spratly Islands"),
        ("surrounding Hainan", "around", None, "Hainan"),
        ("the waters around Sri Lanka", "around", None, "Sri Lanka"),
        ("territorial waters of Ecuador", "waters", "territorial", "Ecuador"),
        ("the exclusive economic zone of Norway", "waters", "eez", "Norway"),
        ("waters off Madagascar", "waters", "eez", "Madagascar"),
        ("Philippine waters", "waters", "eez", "Philippines"),
        ("Vietnamese territorial waters", "waters", "territorial", "Vietnam"),
        ("Japan's waters", "waters", "eez", "Japan"),
        ("Greenland’s territorial waters", "waters", "territorial", "Greenland"),
        ("Cretan waters", "waters", "eez", "Crete"),
    ],
)
def test_parse_query_splits_modifier_and_base(query, rule, detail, base):
    modifier, name = parse_query(query)
    assert modifier is not None, query
    assert (modifier.rule, modifier.detail, name) == (rule, detail, base)
    assert modifier.phrase  # the words matched, for display


@pytest.mark.parametrize(
    "name",
    [
        "Beijing",
        "Kazan",
        "the Arctic Ocean",
        # Proper names that start with a compass word stay names without a gazetteer check.
        "South Africa",
        "North Korea",
        "North Pacific Ocean",
        "South China Sea",
        "East Timor",
        "West Bank",
        "Northern Ireland",
        "Western Sahara",
        "Central African Republic",
        "south africa",
        "",
    ],
)
def test_parse_query_leaves_plain_names_alone(name):
    assert parse_query(name) == (None, name)


def test_known_name_wins_unless_the_compass_word_is_a_lower_case_adjective():
    known = {"Western Australia", "western australia"}.__contains__
    assert parse_query("Western Australia", is_known=known) == (None, "Western Australia")
    assert parse_query("western australia", is_known=known) == (None, "western australia")
    modifier, base = parse_query("western Australia", is_known=known)
    assert (modifier.rule, modifier.detail, base) == ("compass", "west", "Australia")
    # A capitalised compass word that is not a known name is a modifier when a check is given.
    modifier, base = parse_query("Southern Lebanon", is_known=lambda _: False)
    assert (modifier.detail, base) == ("south", "Lebanon")


def test_known_name_wins_for_other_rules_too():
    assert parse_query("Near East", is_known={"Near East"}.__contains__) == (None, "Near East")


TEXT = (
    "Chinese and Russian bombers flew near Alaska, days after drills off the coast of "
    "Alaska; a frigate entered Swedish waters, then sailed around Taiwan and into the "
    "northwestern Pacific Ocean. Fighting continued in Ukraine's east and in NE Syria, "
    "along Alaska’s coast and in the city of Aleppo."
)


def _at(name: str, occurrence: int = 0) -> tuple[int, int]:
    match = list(re.finditer(re.escape(name), TEXT))[occurrence]
    return match.start(), match.end()


@pytest.mark.parametrize(
    ("name", "occurrence", "phrase", "rule", "detail"),
    [
        ("Alaska", 0, "near", "near", None),
        ("Alaska", 1, "off the coast of", "coast", None),
        ("Taiwan", 0, "around", "around", None),
        ("Pacific Ocean", 0, "the northwestern", "compass", "northwest"),
        ("Syria", 0, "NE", "compass", "northeast"),
    ],
)
def test_find_prefix_extends_the_span_over_the_modifier(name, occurrence, phrase, rule, detail):
    start, _ = _at(name, occurrence)
    found = find_prefix(TEXT, start)
    assert found is not None
    new_start, modifier = found
    assert TEXT[new_start:start].strip() == phrase
    assert (modifier.rule, modifier.detail) == (rule, detail)


@pytest.mark.parametrize(("name", "occurrence"), [("Ukraine", 0), ("Alaska", 2), ("Aleppo", 0)])
def test_find_prefix_returns_none_without_a_modifier(name, occurrence):
    start, _ = _at(name, occurrence)
    assert find_prefix(TEXT, start) is None


def test_find_prefix_spans_a_the_before_the_name():
    text = "a tanker sank off the Alaska coast"
    start = text.index("Alaska")
    new_start, modifier = find_prefix(text, start)
    assert text[new_start:start] == "off the "
    assert modifier.rule == "coast"
    new_end, _ = find_suffix(text, start + len("Alaska"))
    assert text[start:new_end] == "Alaska coast"


def test_find_prefix_needs_a_word_boundary():
    text = "a scoff Alaska"
    assert find_prefix(text, text.index("Alaska")) is None
    assert find_prefix("", 0) is None


def test_find_suffix_extends_the_span_over_trailing_forms():
    _, end = _at("Ukraine")
    new_end, modifier = find_suffix(TEXT, end)
    assert TEXT[end:new_end] == "'s east"
    assert (modifier.rule, modifier.detail) == ("compass", "east")
    _, end = _at("Alaska", 2)
    new_end, modifier = find_suffix(TEXT, end)
    assert TEXT[end:new_end] == "’s coast"
    assert modifier.rule == "coast"
    # Not a compass part: "Russia's eastern border" is a border, not eastern Russia.
    text = "Russia's eastern border"
    assert find_suffix(text, len("Russia")) is None
    assert find_suffix(TEXT, _at("Aleppo")[1]) is None


def test_find_demonym_phrases_maps_adjectives_to_places():
    text = (
        "A submarine in Swedish waters; pirates off the Somali coast; "
        "Philippine territorial waters."
    )
    found = [(text[s:e], m.rule, m.detail, place) for s, e, m, place in find_demonym_phrases(text)]
    assert found == [
        ("Swedish waters", "waters", "eez", "Sweden"),
        ("off the Somali coast", "coast", None, "Somalia"),
        ("Philippine territorial waters", "waters", "territorial", "Philippines"),
    ]
    assert find_demonym_phrases("Swedish meatballs and Chinese tea") == []


def test_demonym_table_covers_the_world_and_is_well_formed():
    assert demonym_country("Swedish") == "Sweden"
    assert demonym_country("taiwanese") == "Taiwan"
    assert demonym_country("Philippine") == "Philippines"
    assert demonym_country("Filipino") == "Philippines"
    assert demonym_country("Chinese") == "China"
    assert demonym_country("Alaskan") is None  # not a country…
    assert demonym_entry("Alaskan").place == "Alaska"  # …but known
    assert demonym_country("Korean") is None  # ambiguous, left out on purpose
    assert demonym_country("Martian") is None
    from gazetteer.modifiers import _demonyms

    rows = list(_demonyms().values())
    countries = {row.country for row in rows if row.kind == "country"}
    assert len(countries) >= 190
    for row in rows:
        if row.kind == "continent":  # "European": no country
            assert row.country == "" and row.place in {"Europe", "Africa", "Asia"}, row
            continue
        assert re.fullmatch(r"[A-Z]{2}", row.country), row
        assert row.kind in {"country", "admin1", "island", "region"}, row


def test_modifier_validates_rule_and_detail():
    with pytest.raises(GazetteerError, match="unknown modifier rule 'beside'"):
        Modifier("beside")
    with pytest.raises(GazetteerError, match="does not take detail 'up'"):
        Modifier("compass", "up")
    assert set(RULES) == {"compass", "coast", "near", "around", "waters"}


@pytest.mark.parametrize(
    ("sentence", "name", "phrase", "rule", "detail"),
    [
        ("Shells fell not far from Goma overnight.", "Goma", "not far from", "near", None),
        ("Rigs stand offshore from Mombasa.", "Mombasa", "offshore from", "coast", None),
        ("Refugees camp close to Goma.", "Goma", "close to", "near", None),
        ("Boats sailed near to Mombasa.", "Mombasa", "near to", "near", None),
        ("Raids in the far-north of Cameroon.", "Cameroon", "the far-north of", "compass", "north"),
        ("Boats entered the waters of Kenya.", "Kenya", "the waters of", "waters", "eez"),
        ("Fires burned in the vicinity of Goma.", "Goma", "in the vicinity of", "near", None),
        ("A tanker sank off the coast of the Crimea.", "Crimea", "off the coast of", "coast", None),
    ],
)
def test_find_prefix_after_of_to_and_from(sentence, name, phrase, rule, detail):
    """Prefixes that end with "of", "to" or "from" are found in running text (with a "the"
    before the name): the recognizer asks for them after every such word."""
    start = sentence.index(name)
    new_start, modifier = find_prefix(sentence, start)
    assert sentence[new_start:start].removesuffix("the ").rstrip() == phrase
    assert (modifier.rule, modifier.detail) == (rule, detail)


@pytest.mark.parametrize(
    "sentence",
    [
        "Nairobi is the capital of Kenya.",
        "Flights to Kenya resumed.",
        "Tourists came back from Kenya.",
        "The ministry of Kenya said so.",
        "He spoke of Kenya.",
    ],
)
def test_of_to_and_from_alone_are_not_modifiers(sentence):
    assert find_prefix(sentence, sentence.index("Kenya")) is None


def test_hyphenated_demonyms_make_phrases():
    found = find_demonym_phrases("Trawlers entered Bissau-Guinean waters and I-Kiribati waters.")
    assert [(phrase.phrase, country) for _, _, phrase, country in found] == [
        ("Bissau-Guinean waters", "Guinea-Bissau"),
        ("I-Kiribati waters", "Kiribati"),
    ]
