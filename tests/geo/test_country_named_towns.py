"""A town named like a country, told by a residence phrase anywhere in the story
(geo/resolving.py, geo/divisions.py ``_home_town_named``; docs/gazetteer.md, *Towns named
like countries*). Sentences are invented."""

from __future__ import annotations

from datetime import date

from gazetteer import Gazetteer
from geo.geoparse import geoparse, geoparse_batch

DAY = date(2024, 5, 6)
RESCUE = (
    "Jordan family thanks rescuers. Deputies from Scott County, Minnesota, found a hiker "
    "who fell on a trail Sunday. The Jordan resident was taken to a hospital."
)


def _jordans(text: str, outlet: str | None = None) -> list:
    mentions = geoparse_batch([(text, DAY, outlet)])[0] if outlet else geoparse(text, DAY)
    return [m.place for m in mentions if m.text == "Jordan"]


def test_a_residence_phrase_makes_every_use_of_the_name_the_town(gaz: Gazetteer) -> None:
    # the headline's "Jordan" comes before the residence phrase and is the same town, in
    # the story's state: a small town, which the gazetteer never offers a country's name
    places = _jordans(RESCUE)
    assert len(places) == 2
    minnesota = next(c.place for c in gaz.candidates("Minnesota") if c.place.kind == "admin1")
    for place in places:
        assert place.kind == "town"
        assert minnesota.geometry.intersects(place.geometry)


def test_without_a_residence_phrase_the_name_stays_the_country() -> None:
    # counter-example: no word for residents after the name
    text = "Jordan signs a water deal. Officials in Amman signed the deal with Israel on Sunday."
    assert [p.kind for p in _jordans(text)] == ["country"]


def test_a_story_naming_another_place_of_the_country_keeps_it() -> None:
    # counter-example: "a Jordan resident" taken to a hospital in Amman lives in the country
    text = (
        "Jordan family thanks rescuers. A hiker fell on a trail Sunday. "
        "The Jordan resident was taken to a hospital in Amman."
    )
    assert [p.kind for p in _jordans(text)] == ["country"]
