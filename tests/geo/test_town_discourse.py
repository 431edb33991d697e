"""One sense per article for a small town the article pins once (geo.town_discourse): its
later bare mentions are that town, in that article only; sentences written for the tests."""

from __future__ import annotations

from gazetteer import Gazetteer
from geo.geoparse import geoparse


def towns(text: str, gaz: Gazetteer, name: str) -> list[tuple[int, str, str]]:
    return [
        (m.char_start, m.place.kind, m.place.country)
        for m in geoparse(text, gazetteer=gaz)
        if m.text == name
    ]


def test_a_bare_mention_after_the_country_pin_is_the_town(gaz: Gazetteer) -> None:
    text = (
        "Fishing boat capsizes off Italy's Marettimo\n\n"
        "Three people died on Saturday when the boat sank west of Marettimo, the coastguard "
        "said. The survivors were brought to Marettimo by a patrol boat."
    )
    found = towns(text, gaz, "Marettimo")
    assert len(found) == 3
    assert all(kind == "town" and country == "IT" for _, kind, country in found)


def test_a_pin_in_one_article_leaves_another_article_bare(gaz: Gazetteer) -> None:
    # counter-example: the pin holds within its own article only
    pinned = "A fishing boat capsized off Italy's Marettimo on Saturday."
    assert towns(pinned, gaz, "Marettimo")
    bare = "A fishing boat capsized off Marettimo on Saturday, the coastguard said."
    assert towns(bare, gaz, "Marettimo") == []


def test_a_pinned_name_inside_a_longer_name_stays_out(gaz: Gazetteer) -> None:
    # counter-example: "Marettimo Fishing Cooperative" is a body's name, not the town
    text = (
        "A fishing boat capsized off Italy's Marettimo on Saturday. The Marettimo Fishing "
        "Cooperative said the crew were safe."
    )
    assert [s for s, _, _ in towns(text, gaz, "Marettimo")] == [text.index("Marettimo")]


def test_a_town_named_by_a_common_word_carries_nothing(gaz: Gazetteer) -> None:
    # counter-example: "Freedom" is a town's name and a common word; its bare use is the word
    text = (
        "Firefighters were called to a barn in Freedom, N.H., on Monday. The owner said "
        "Freedom mattered more to her than the barn."
    )
    second = text.index("Freedom mattered")
    assert all(start < second for start, _, _ in towns(text, gaz, "Freedom"))
