"""Place-binding rules of session 41 (wplace41), each with sentences written here and the
counter-examples where the rule must not fire."""

from __future__ import annotations

from datetime import date
from functools import partial

from gazetteer import Gazetteer
from geo.where import member_role
from tests.geo import helpers

PUBLISHED = date(2024, 3, 6)  # a Wednesday

reports = partial(helpers.reports_of, published=PUBLISHED, with_gazetteer=True)


def roles(text: str, gaz: Gazetteer) -> dict[str, str]:
    """Place name → the role of the report made there (``helpers.linked``)."""
    return {place: role for _, role, place, _ in helpers.linked(text, gaz)}


# -- the members of a group of places a locative gave take its preposition --------------------


def test_cities_named_as_members_of_a_group_take_its_preposition(gaz: Gazetteer) -> None:
    text = (
        "Riot police fired tear gas at protesters on Tuesday in several other cities, "
        "including the southern cities of Marseille and Toulouse."
    )
    got = roles(text, gaz)
    assert got.get("Marseille") == "in"
    assert got.get("Toulouse") == "in"  # the list's second place, by coordination


def test_a_member_right_after_the_opener_takes_the_preposition(gaz: Gazetteer) -> None:
    text = "Floods on Monday swept away homes in four provinces, including Sindh."
    assert member_role(text, 0, text.index("Sindh")) == "in"
    places = {r.place.name for r in reports(text, gaz)}
    assert "Sindh" in places


def test_members_of_a_single_place_are_no_group(gaz: Gazetteer) -> None:
    # counter-example: a single country before "including" names no group of places, and the
    # people counted after it are no places
    text = "Dozens were killed in the country on Monday, including a boy from Lahore."
    assert member_role(text, 0, text.index("Lahore")) is None


def test_a_place_of_its_own_after_the_opener_keeps_its_preposition(gaz: Gazetteer) -> None:
    # counter-example: the member's own preposition is its role, not the group's
    text = (
        "Storms brought down trees across the counties on Monday, including one that fell "
        "on a car near Hartford."
    )
    assert member_role(text, 0, text.index("Hartford")) is None
    assert roles(text, gaz).get("Hartford") in {"near", None}


def test_an_opener_with_no_locative_group_gives_no_role(gaz: Gazetteer) -> None:
    # counter-example: countries that are a talk's participants, not where it was
    text = "Envoys of several countries, including France and Spain, met on Monday."
    assert member_role(text, 0, text.index("France")) is None


# -- a lead's news the headline or the next sentences already placed ---------------------------


def lead_places(text: str, gaz: Gazetteer) -> list[tuple[str, str, str]]:
    """(type, place name, role) of each report of ``text`` with every pass on."""
    return [(r.type.name, r.place.name, r.role) for r in reports(text, gaz)]


def test_a_death_placed_after_the_lead_takes_no_dateline_report(gaz: Gazetteer) -> None:
    text = (
        "Longtime party volunteer dies at 81\n\n"
        "RICHMOND, Va. -- Margaret Ellis, a fixture of local party politics for four decades, "
        "has died at age 81. Her family said Ellis died Monday at a hospital in Charlottesville "
        "after a long illness. She served on the county committee for years."
    )
    got = lead_places(text, gaz)
    assert ("death", "Charlottesville", "in") in got
    assert not any(role == "lead" for _, _, role in got)


def test_a_lead_of_another_kind_keeps_the_dateline(gaz: Gazetteer) -> None:
    # counter-example: the next sentence places a happening of another type, so the lead's
    # death stays at the dateline's town
    text = (
        "Longtime party volunteer dies at 81\n\n"
        "RICHMOND, Va. -- Margaret Ellis, a fixture of local party politics for four decades, "
        "has died at age 81. Her family said a rally was held Monday in Charlottesville "
        "in her honour. She served on the county committee for years."
    )
    got = lead_places(text, gaz)
    assert ("death", "Richmond", "lead") in got
