"""Residence phrases: a name read as a country where local news puts a home town is a town
(geo/residence.py, geo/recognize.py; docs/gazetteer.md, *Towns named like countries*).
Sentences are invented."""

from __future__ import annotations

from datetime import date

import pytest

from geo.geoparse import geoparse, geoparse_batch
from geo.residence import residence_cue

DAY = date(2024, 5, 6)


def _cue(text: str, name: str) -> bool:
    start = text.index(name)
    return residence_cue(text, start, start + len(name))


@pytest.mark.parametrize(
    "text",
    [
        "Police said Jane Roe, 34, Lebanon, was charged with theft.",
        "The service will be at 400 N. Main St., Lebanon, on Friday.",
        "A Lebanon woman was charged with theft.",
        "The Lebanon boys team won on Friday.",
        "A 54-year-old Lebanon man was charged with theft.",  # an age between
    ],
)
def test_a_residence_phrase_is_a_cue(text: str) -> None:
    assert _cue(text, "Lebanon")


@pytest.mark.parametrize(
    "text",
    [
        "Troops withdrew from Lebanon on Monday.",
        "The Lebanon war ended in 2006.",  # no word for residents after the name
        "In 2006, 34 Lebanon veterans met.",  # a year, not a person's name and age
        "Lebanon woman's rights groups marched.",  # no article before the name
        "The 2006 Lebanon war veterans met.",  # a year, not an age, and no residents
        "Some 54-year-old Lebanon men marched.",  # an age, but no article before it
    ],
)
def test_a_country_in_other_phrases_is_no_cue(text: str) -> None:
    # counter-examples: the country's own uses
    assert not _cue(text, "Lebanon")


def test_a_town_named_like_a_country_goes_to_the_articles_home() -> None:
    text = "NASHVILLE, Tenn. - Police said Jane Roe, 34, Lebanon, was charged with theft."
    place = next(m.place for m in geoparse(text, DAY) if m.text == "Lebanon")
    assert place.kind != "country"
    assert place.country == "US"


def test_without_a_home_the_country_is_not_placed() -> None:
    # no division and no place near a town of the name: no mention rather than the country
    text = "Police said Jane Roe, 34, Lebanon, was charged with theft on Monday."
    assert all(m.place.kind != "country" for m in geoparse(text, DAY))


def test_the_country_stays_the_country_elsewhere() -> None:
    # counter-example: the name outside a residence phrase
    text = "Troops withdrew from Lebanon on Monday, officials in Beirut said."
    place = next(m.place for m in geoparse(text, DAY) if m.text == "Lebanon")
    assert place.kind == "country"


#: Articles of a paper at home in Texas (its outlet's home division, geo/outlets.py)
IN_TEXAS = [
    "The council of Tyler, Texas, approved a new school budget on Monday.",
    "WACO, Texas - A bridge over the river will close for repairs next month.",
    "Lawmakers in Austin, Texas, debated a bill on water rights on Tuesday.",
]


@pytest.mark.parametrize(
    "text",
    [
        "A 54-year-old Palestine man was sentenced on Monday after fleeing from Palestine police.",
        "A Palestine man was sentenced on Monday after fleeing from Palestine police.",
    ],
)
def test_the_town_a_residence_phrase_names_is_the_same_town_later(text: str) -> None:
    batch = geoparse_batch([(t, DAY, "example-herald.com") for t in [*IN_TEXAS, text]])
    places = [m.place for m in batch[-1] if m.text == "Palestine"]
    assert len(places) == 2
    assert places[0].kind != "country"  # the man's town, at the paper's home
    assert places[1] == places[0]  # "Palestine police": the same town, not the country


def test_a_country_named_before_any_residence_phrase_stays_the_country() -> None:
    # counter-example: the one sense holds from the residence phrase on, not before it
    text = (
        "Troops withdrew from Lebanon in 2006, officials in Beirut said. A Lebanon man who "
        "served there was honoured on Monday in Nashville, Tennessee."
    )
    places = [m.place for m in geoparse(text, DAY) if m.text == "Lebanon"]
    assert places[0].kind == "country"
    assert places[1].kind != "country"
