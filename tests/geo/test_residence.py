"""Residence phrases: a name read as a country where local news puts a home town is a town
(geo/residence.py, geo/recognize.py; docs/gazetteer.md, *Towns named like countries*).
Sentences are invented."""

from __future__ import annotations

from datetime import date

import pytest

from geo.geoparse import geoparse
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
