"""A county and a town the same story names pin each other down ("Paris and Henry County" is
Paris, Tennessee), unless the story names the state or two counties tie."""

from __future__ import annotations

from datetime import date

from gazetteer import Gazetteer
from geo.geoparse import geoparse
from geo.pairs import county_pairs
from geo.recognize import Recognizer, recognize

DAY = date(2024, 5, 6)


def _states(text: str, gaz: Gazetteer) -> dict[str, str]:
    out = {}
    for r in recognize(text, gazetteer=gaz):
        point = r.place.geometry.representative_point()
        states = gaz.intersecting(point, kinds=("admin1",))
        out[r.toponym.name] = states[0].name if states else ""
    return out


def test_a_town_and_its_county_pick_the_state_that_has_both(gaz):
    text = "Volunteers in Paris and Henry County collected food for the shelter on Saturday."
    assert _states(text, gaz) == {"Paris": "Tennessee", "Henry County": "Tennessee"}


def test_a_named_state_keeps_its_county(gaz):
    # counter-example: another Monroe County holds a Columbia, but the story is in Missouri
    text = "A Missouri trooper stopped a driver in Monroe County. The driver was from Columbia."
    states = _states(text, gaz)
    assert states["Monroe County"] == "Missouri"
    assert states["Columbia"] == "Missouri"


def test_two_counties_holding_a_town_each_tie(gaz):
    # counter-example: Columbia lies in one Monroe County, Paris in another: no pair wins
    names = [
        ("monroe county", "Monroe County", gaz.candidates("Monroe County", limit=50)),
        ("columbia", "Columbia", gaz.candidates("Columbia")),
        ("paris", "Paris", gaz.candidates("Paris")),
    ]
    assert county_pairs(names, gaz.nearest_named, gaz.has_town) == {}


def test_a_county_without_namesakes_pairs_nothing(gaz):
    names = [
        ("los angeles county", "Los Angeles County", gaz.candidates("Los Angeles County")),
        ("paris", "Paris", gaz.candidates("Paris")),
    ]
    assert county_pairs(names, gaz.nearest_named, gaz.has_town) == {}


def _state_of(place, gaz: Gazetteer) -> str:
    states = gaz.intersecting(place.geometry.representative_point(), kinds=("admin1",))
    return states[0].name if states else ""


def test_a_county_without_namesakes_pins_a_town_of_its_own(gaz):
    # Licking County is Ohio's alone; of the Hanovers (Hannover in Germany first), the one
    # inside it is meant
    names = [
        ("licking county", "Licking County", gaz.candidates("Licking County", limit=50)),
        ("hanover", "Hanover", gaz.candidates("Hanover")),
    ]
    pinned = county_pairs(names, gaz.nearest_named, gaz.has_town)
    assert _state_of(pinned["hanover"], gaz) == "Ohio"


def test_a_county_without_namesakes_leaves_a_town_it_does_not_hold(gaz):
    # counter-example: no Munich lies in Licking County
    names = [
        ("licking county", "Licking County", gaz.candidates("Licking County", limit=50)),
        ("munich", "Munich", gaz.candidates("Munich")),
    ]
    assert "munich" not in county_pairs(names, gaz.nearest_named, gaz.has_town)


def test_a_countrys_name_is_the_town_a_county_of_the_story_holds(gaz):
    # "Lebanon" means the country first; the one Boone County that holds a Lebanon is
    # Indiana's, and so is the town
    names = [
        ("boone county", "Boone County", gaz.candidates("Boone County", limit=50)),
        ("lebanon", "Lebanon", gaz.candidates("Lebanon")),
    ]
    pinned = county_pairs(names, gaz.nearest_named, gaz.has_town)
    assert pinned["lebanon"].kind != "country"
    assert _state_of(pinned["lebanon"], gaz) == _state_of(pinned["boone county"], gaz)
    assert _state_of(pinned["lebanon"], gaz) == "Indiana"


def _pairs_of(text: str, gaz: Gazetteer) -> dict[str, str]:
    recognizer = Recognizer.for_gazetteer(gaz)
    ctx = recognizer._article_context(text, recognizer.find(text), None)
    return {key: place.country or "" for key, place in ctx.pairs.items()}


def test_a_countrys_name_beside_its_county_pairs_as_a_town(gaz):
    text = (
        "A driver, 52, of Lebanon, was held Friday. He had no earlier record in Boone County "
        "and was taken in by Lebanon Police after a stop."
    )
    assert _pairs_of(text, gaz).get("lebanon") == "US"


def test_a_countrys_name_stays_the_country_beside_its_other_places(gaz):
    # counter-examples: the story names the country's capital, or its people
    beirut = (
        "A driver, 52, of Lebanon, was held Friday. He had no earlier record in Boone County. "
        "He had flown in from Beirut."
    )
    people = (
        "A driver, 52, of Lebanon, was held Friday. He had no earlier record in Boone County. "
        "He met Lebanese friends there."
    )
    assert "lebanon" not in _pairs_of(beirut, gaz)
    assert "lebanon" not in _pairs_of(people, gaz)


def test_an_organisation_named_like_a_country_is_the_town_its_county_holds():
    # the location "Jordan" is the country (Amman); "the Jordan Police Department" beside
    # Scott County is Minnesota's town all the same
    text = (
        "Refugees from Jordan arrived in Amman on Monday. In Minneapolis, the Jordan Police "
        "Department said a Scott County man was held."
    )
    mentions = geoparse(text, DAY)
    police = next(m.place for m in mentions if m.role == "organisation")
    location = next(m.place for m in mentions if m.text == "Jordan" and m.role == "location")
    assert police.kind != "country" and police.country == "US"
    assert location.kind == "country"


def test_a_demonym_never_takes_the_town_of_a_county_pair():
    # counter-example: "Lebanese" stands for the country, whatever town Boone County holds
    text = (
        "A driver, 52, of Lebanon, was held Friday. He had no earlier record in Boone County. "
        "He met Lebanese friends there."
    )
    demonyms = [m.place for m in geoparse(text, DAY) if m.role == "demonym"]
    assert demonyms and all(p.kind == "country" for p in demonyms)
