"""Mentions that are not locations: demonyms and places inside an organisation's name.

Each rule has a sentence where it fires and one where it must not (all sentences invented).
"""

from __future__ import annotations

from datetime import date

import pytest
from shapely.geometry import Point

import geo
from gazetteer import Gazetteer
from geo import Article, GeoError, Mention
from geo.model import ROLES
from layers.columns import RowError, mention_row

DAY = date(2024, 5, 6)


def roles(text: str, gaz: Gazetteer) -> list[tuple[str, str, str]]:
    """(text, place name, role) of every mention, in text order."""
    return [(m.text, m.place_name, m.role) for m in geo.geoparse(text, DAY, gazetteer=gaz)]


def test_demonyms_are_mentions_of_their_place(gaz: Gazetteer) -> None:
    text = (
        "Russian officials blamed the Palestinians, and a Sri Lankan envoy spoke to "
        "South Ossetian leaders."
    )
    assert roles(text, gaz) == [
        ("Russian", "Russia", "demonym"),
        ("Palestinians", "Palestine", "demonym"),
        ("Sri Lankan", "Sri Lanka", "demonym"),
        ("South Ossetian", "South Ossetia", "demonym"),
    ]


def test_a_state_or_province_adjective_is_a_demonym_of_it(gaz: Gazetteer) -> None:
    text = "An Ohioan farmer and Dagestani police met Ontarian officials."
    assert roles(text, gaz) == [
        ("Ohioan", "Ohio", "demonym"),
        ("Dagestani", "Dagestan", "demonym"),
        ("Ontarian", "Ontario", "demonym"),
    ]


def test_the_plural_of_a_state_or_province_demonym_is_no_mention(gaz: Gazetteer) -> None:
    # counter-example: the plural names the residents ("demonym_no_plural_kinds" in
    # geo/data/roles.yaml), not the place; a country's plural stays
    text = "Ohioans and Manitobans will pay more, and Texans agree with the Canadians."
    assert roles(text, gaz) == [("Canadians", "Canada", "demonym")]


def test_a_demonym_phrase_with_waters_stays_one_location(gaz: Gazetteer) -> None:
    text = "A tanker was seized in Swedish waters."
    assert [(t, r) for t, _, r in roles(text, gaz)] == [("Swedish waters", "location")]


def test_languages_dishes_compounds_and_surnames_are_no_demonyms(gaz: Gazetteer) -> None:
    text = (
        "The class is taught in English and the cafe sells French fries. Several Native "
        "Americans attended, and Officer Dana French said the road was closed."
    )
    assert roles(text, gaz) == []


def test_a_lower_case_word_is_no_demonym(gaz: Gazetteer) -> None:
    assert roles("He ordered a russian salad and an american coffee.", gaz) == []


def test_georgian_follows_the_story(gaz: Gazetteer) -> None:
    us = geo.geoparse(
        "Lawmakers met in Atlanta and Savannah on Monday; Georgian farmers asked for help.",
        DAY,
        gazetteer=gaz,
    )
    georgian = [m for m in us if m.role == "demonym"]
    assert georgian and georgian[0].place.country == "US"
    caucasus = geo.geoparse(
        "Troops left Tbilisi and Batumi on Monday; Georgian farmers asked for help.",
        DAY,
        gazetteer=gaz,
    )
    georgian = [m for m in caucasus if m.role == "demonym"]
    assert georgian and georgian[0].place.country == "GE"


def test_places_inside_organisation_names(gaz: Gazetteer) -> None:
    text = (
        "The Alexandria Police Department and the University of Kentucky said the "
        "Chicago Tribune had the story."
    )
    got = roles(text, gaz)
    assert [(t, r) for t, _, r in got] == [
        ("Alexandria", "organisation"),
        ("Kentucky", "organisation"),
        ("Chicago", "organisation"),
    ]


def test_a_person_after_a_place_name_is_no_organisation(gaz: Gazetteer) -> None:
    text = "Jordan Peterson. Mr. Lincoln spoke, and Vladimir Putin wrote."
    assert roles(text, gaz) == []


def test_organisation_run_stops_at_a_sentence_end() -> None:
    from geo.roles import organisation_run

    heads = frozenset({"mr"})
    assert not organisation_run("Jordan Peterson. Mr. Lincoln", 6, heads)
    assert organisation_run("Texas Gov. Rick Perry", 5, frozenset({"gov"}))
    assert organisation_run("Alexandria Police Department", 10, frozenset())


def test_locations_are_unchanged_by_the_other_roles(gaz: Gazetteer) -> None:
    text = "Russian forces shelled Gori on Monday, the Tbilisi Police said."
    got = roles(text, gaz)
    assert ("Gori", "Gori", "location") in got
    assert ("Russian", "Russia", "demonym") in got
    assert ("Tbilisi", "Tbilisi", "organisation") in got


def _events(text: str, gaz: Gazetteer) -> list[str]:
    article = Article(id="a", text=text, title="Report", published=DAY)
    tables = geo.extract([article], gazetteer=gaz)
    return list(tables.events.place_name)


def test_a_demonym_never_places_an_event(gaz: Gazetteer) -> None:
    assert _events("Russian forces shelled positions on Monday, officials said.", gaz) == []
    # the same sentence with a location does make one: the role is what keeps it out
    assert _events("Russian forces shelled Gori on Monday, officials said.", gaz) == ["Gori"]


def test_a_place_inside_an_organisation_never_places_an_event(gaz: Gazetteer) -> None:
    text = "A man was arrested on Monday, the Springfield Police Department said."
    assert _events(text, gaz) == []


def test_the_mentions_table_has_the_role(gaz: Gazetteer) -> None:
    article = Article(id="a", text="Russian ships sailed near Alaska on Monday.", published=DAY)
    mentions = geo.extract([article], gazetteer=gaz).mentions
    assert list(zip(mentions.text, mentions.role, strict=True)) == [
        ("Russian", "demonym"),
        ("near Alaska", "location"),
    ]


def test_mention_role_is_validated(gaz: Gazetteer) -> None:
    place = gaz.resolve("Gori")
    assert place is not None
    assert Mention(0, 4, "Gori", place).role == "location"
    assert {Mention(0, 4, "Gori", place, role=r).role for r in ROLES} == set(ROLES)
    with pytest.raises(GeoError, match="unknown mention role 'place'"):
        Mention(0, 4, "Gori", place, role="place")


def test_a_foreign_mentions_table_gets_the_location_role() -> None:
    row = mention_row({"text": "Gori"}, Point(44.1, 41.98))
    assert row["role"] == "location"
    assert mention_row({"text": "Russian", "role": "Demonym"}, Point(90, 60))["role"] == "demonym"
    with pytest.raises(RowError, match="unknown role"):
        mention_row({"text": "Gori", "role": "actor"}, Point(44.1, 41.98))


def test_a_language_name_alone_is_no_demonym(gaz: Gazetteer) -> None:
    text = "English is spoken at the school. Ferries crossed the English Channel."
    got = roles(text, gaz)
    assert [(t, r) for t, _, r in got] == [("English Channel", "location")]


def test_names_joined_in_a_building_name_are_no_organisation_mentions(gaz: Gazetteer) -> None:
    text = "Mass was said at the Saint Peter and Saint Paul Coptic Orthodox Church in Cairo."
    assert [(t, r) for t, _, r in roles(text, gaz)] == [("Cairo", "location")]


def test_continental_adjectives_are_mentions_of_their_continent(gaz: Gazetteer) -> None:
    text = "European ministers met African and Asian envoys."
    assert roles(text, gaz) == [
        ("European", "Europe", "demonym"),
        ("African", "Africa", "demonym"),
        ("Asian", "Asia", "demonym"),
    ]


def test_a_compound_naming_americans_is_no_continent(gaz: Gazetteer) -> None:
    """Counter-example: "African Americans", "Asian American" name people of the US."""
    text = "African Americans and an Asian American group marched in Atlanta."
    assert [r for r in roles(text, gaz) if r[2] == "demonym"] == []


def test_an_organisation_takes_the_town_its_name_located_in_the_article() -> None:
    # the town is pinned by its qualifier; its police department is the same town's
    text = (
        "A man was charged on Monday in Lebanon, Ind. He fled on foot, the Lebanon Police "
        "Department said."
    )
    mentions = geo.geoparse(text, DAY)
    town = next(m.place for m in mentions if m.role == "location" and m.text.startswith("Lebanon"))
    police = next(m.place for m in mentions if m.role == "organisation")
    assert town.kind == "city" and town.country == "US"
    assert police == town


def test_an_organisation_named_like_a_country_the_article_locates_keeps_its_own_reading() -> None:
    # counter-example: the location is the country, which an organisation's name may not mean
    # ("the Jordan Police Department" in Minnesota); the organisation is placed as if the
    # location were not there
    alone = "In Minneapolis, the Jordan Police Department said a Scott County man was held."
    text = "Refugees from Jordan arrived in Amman on Monday. " + alone
    police = next(m.place for m in geo.geoparse(text, DAY) if m.role == "organisation")
    reference = next(m.place for m in geo.geoparse(alone, DAY) if m.role == "organisation")
    assert police.id == reference.id or police.kind != "country"
