"""Rules from the place misses and false places of the wire tune3 set (session 40, wplace40),
each with sentences written here and the counter-examples where the rule must not fire."""

from __future__ import annotations

from datetime import date
from functools import partial

from gazetteer import Gazetteer
from geo.lexicon import find_triggers
from geo.recognize import recognize
from geo.senses import resolve
from tests.geo import helpers

PUBLISHED = date(2024, 3, 6)  # a Wednesday

placed = partial(helpers.placed, published=PUBLISHED)
reports = partial(helpers.reports_of, published=PUBLISHED, with_gazetteer=True)


def kinds(text: str) -> list[str]:
    """The trigger types of ``text`` in their senses."""
    return [t.type.name for t in resolve(text, find_triggers(text), lambda _: (0, len(text)))]


def roles(text: str, gaz: Gazetteer) -> dict[str, str]:
    """Place name → the role of the report made there (``helpers.linked``)."""
    return {place: role for _, role, place, _ in helpers.linked(text, gaz)}


# -- the divisions of other countries' maps are area nouns ------------------------------------


def test_a_governorate_of_a_place_is_in_it(gaz: Gazetteer) -> None:
    text = "Jets struck an army depot on Monday in the governorate of Hama, a monitor said."
    assert roles(text, gaz).get("Hama") in {"in", "on"}  # the first preposition before it


def test_a_governor_of_a_division_is_no_place_phrase(gaz: Gazetteer) -> None:
    # counter-example: "of" after a person's office is no area phrase
    text = "The governor of Hama said on Monday that jets struck an army depot."
    assert "Hama" not in roles(text, gaz)


# -- a trigger before an area phrase is as near as its preposition -----------------------------


def test_a_rural_area_of_a_department_is_as_near_as_its_preposition(gaz: Gazetteer) -> None:
    text = (
        "Four soldiers were killed in a rural area of the department of Meta after they "
        "were ambushed by a group of rebels, the army said on Monday."
    )
    got = [(r.trigger, r.place.name) for r in reports(text, gaz)]
    assert ("killed", "Meta") in got


def test_a_city_of_a_province_is_no_part_of_it(gaz: Gazetteer) -> None:
    # counter-example: "the coastal city of X province" names a city of its own, so the trigger
    # before it stays as far from the province as the words between
    from geo.where import area_phrase_start

    text = "The president arrived here in the coastal city of Shandong province on Friday."
    found = recognize(text, gazetteer=gaz)
    m = next(r for r in found if text[r.start : r.end].startswith("Shandong"))
    assert area_phrase_start(text, 0, m) == m.start
    text = "Soldiers were killed in a rural area of the department of Meta on Monday."
    m = next(r for r in recognize(text, gazetteer=gaz) if text[r.start : r.end] == "Meta")
    assert area_phrase_start(text, 0, m) == text.index(" a rural")


# -- what a place means to the story is no preposition -----------------------------------------


def test_a_sensitive_strait_is_where_a_ship_sailed(gaz: Gazetteer) -> None:
    text = "A US destroyer sailed through the sensitive Taiwan Strait on Tuesday, the navy said."
    assert ("deployment", "Taiwan Strait", "2024-03-05") in placed(text, gaz)


def test_a_strait_after_no_preposition_is_no_place_of_the_sailing(gaz: Gazetteer) -> None:
    # counter-example: the adjective makes no preposition of a word that is none
    text = "A US destroyer sailed on Tuesday, and the sensitive Taiwan Strait stayed calm."
    assert roles(text, gaz).get("Taiwan Strait") != "through"


# -- a country's demonym is no namesake elsewhere ----------------------------------------------


def test_a_country_demonym_is_its_people_not_a_foreign_region(gaz: Gazetteer) -> None:
    text = "Somali pirates seized a cargo ship on Monday, and a Somali police colonel was hurt."
    got = [(text[r.start : r.end], r.role, r.place.name) for r in recognize(text, gazetteer=gaz)]
    assert ("Somali", "demonym", "Somalia") in got
    assert not any(role == "location" and name == "Somali" for _, role, name in got)


def test_a_region_named_with_its_designator_stays_a_place(gaz: Gazetteer) -> None:
    # counter-example: "the Somali region" names the region; a demonym of the same country
    # as its place stays a place ("New Zealand police")
    text = "Fighting erupted in the Somali region of Ethiopia, and New Zealand police said so."
    got = [(text[r.start : r.end], r.role, r.place.name) for r in recognize(text, gazetteer=gaz)]
    assert ("Somali region", "location", "Somali") in got
    assert ("New Zealand", "location", "New Zealand") in got


# -- a lead told with no time takes the day the body gives the same happening ------------------


LEAD = (
    "China says it warned US destroyer\n\n"
    "TAIPEI • China's military said it had tracked and warned a US destroyer that had sailed "
    "through the sensitive Taiwan Strait, weeks after drills near the island.\n\n"
    "The US Navy said the destroyer made a routine transit through the strait on Monday.\n\n"
)


def test_a_lead_takes_the_day_of_the_body_s_same_happening(gaz: Gazetteer) -> None:
    got = [(r.trigger, r.place.name, r.dates.start.isoformat()) for r in reports(LEAD, gaz)]
    assert ("sailed", "Taiwan Strait", "2024-03-04") in got


def test_a_lead_takes_no_day_of_a_saying(gaz: Gazetteer) -> None:
    # counter-example: the body's day is the saying's, not a transit's in its own clause
    text = LEAD.replace(
        "The US Navy said the destroyer made a routine transit through the strait on Monday.",
        "The US Navy confirmed the account on Monday.",
    )
    got = [(r.trigger, r.place.name, r.dates.start.isoformat()) for r in reports(text, gaz)]
    assert ("sailed", "Taiwan Strait", "2024-03-04") not in got


# -- a coup's verb, and an envoy summoned -------------------------------------------------------


def test_soldiers_who_deposed_a_president_made_a_coup(gaz: Gazetteer) -> None:
    text = "Rebel soldiers in Niger deposed the president on Monday."
    assert "coup" in kinds(text)
    assert ("coup", "Niger", "2024-03-04") in placed(text, gaz)


def test_a_witness_deposed_for_a_lawsuit_is_no_coup() -> None:
    # counter-example: the legal sense, a witness questioned under oath
    assert "coup" not in kinds("The mayor was deposed by attorneys on Monday.")
    assert "coup" not in kinds("She was deposed in the lawsuit last year.")


def test_an_envoy_summoned_to_protest_is_diplomacy(gaz: Gazetteer) -> None:
    text = (
        "On Monday, the Foreign Office summoned Jan Roe, the charge d'affaires at the "
        "embassy in Islamabad, over the remarks."
    )
    assert "statement" in kinds(text)
    assert ("statement", "Islamabad", "2024-03-04") in placed(text, gaz)


def test_a_witness_summoned_is_no_diplomacy() -> None:
    # counter-example: courts and the police summon people too
    assert "statement" not in kinds("The court summoned the witness to appear on Monday.")
    assert "statement" not in kinds("Police were summoned to the house on Monday.")


# -- the waters a ship transits are its verb's object --------------------------------------------


def test_a_headline_s_ship_transiting_waters_is_there(gaz: Gazetteer) -> None:
    text = (
        "Navy Monitors Destroyer Transiting the Taiwan Strait\n\n"
        "The ministry said the destroyer was tracked on Monday and Tuesday."
    )
    assert any(
        kind == "deployment" and place == "Taiwan Strait" for kind, place, _ in placed(text, gaz)
    )


def test_a_ship_s_verb_with_no_object_gives_no_place_after_it(gaz: Gazetteer) -> None:
    # counter-example: a place that is no object of the verb stays the other happening's
    text = "The destroyer transited quietly on Monday while China held drills in the Taiwan Strait."
    got = [(r.type.name, r.place.name) for r in reports(text, gaz)]
    assert ("deployment", "Taiwan Strait") not in got
