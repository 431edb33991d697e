"""A first-level division named inside an organisation's name, though the name means a
country first ("Northeast Georgia Medical Center"), anchors the story's towns that have a
namesake in it; and a seat phrase ("a Nashville-based company") keeps a city far ahead of
its namesakes where it is, whatever the story's home."""

from __future__ import annotations

from geo import geoparse


def _places(text: str) -> dict[str, tuple[str, str | None, str]]:
    return {
        m.text: (m.place.kind, m.place.country, m.place.id)
        for m in geoparse(text)
        if m.role != "qualifier"
    }


GEORGIA_STATE = "ne:admin1:USA-3543"


def test_an_organisations_state_places_a_town_with_a_namesake_there():
    text = (
        "Two women were hit by a car, according to a release from Gainesville Police. "
        "Both were taken to Northeast Georgia Medical Center for treatment."
    )
    found = _places(text)
    assert found["Georgia"][2] == GEORGIA_STATE
    assert found["Gainesville"][1] == "US"
    assert found["Gainesville"][2] != "geonames:4156404"  # not Gainesville, Florida


def test_the_country_stays_when_no_other_name_lies_in_the_state():
    # counter-example: a story about Tbilisi; Georgian Railway is the country's
    text = (
        "A freight train of Georgian Railway derailed in Tbilisi on Monday, "
        "the Georgia Ministry of Internal Affairs said."
    )
    found = _places(text)
    assert found["Tbilisi"][1] == "GE"
    assert found.get("Georgia", ("country", "GE", "iso:GE"))[1] == "GE"


def test_a_team_name_with_no_town_of_the_state_moves_nothing():
    # counter-example: "Georgia Tech" beside a town with no namesake in Georgia
    text = "Georgia Tech beat the visitors 3-1 in Tempe on Saturday night."
    found = _places(text)
    assert found["Tempe"][1] == "US"
    assert found["Tempe"][2] != GEORGIA_STATE
    assert "Georgia" not in found or found["Georgia"][2] != GEORGIA_STATE


def test_a_seat_far_ahead_of_its_namesakes_stays_in_a_story_at_home_elsewhere():
    text = (
        "DECATUR, Ga. - Nashville-based CCA signed a lease for the old county jail in "
        "Decatur, Georgia, officials in Atlanta said."
    )
    assert _places(text)["Nashville"][2] == "geonames:4644585"  # Tennessee's


def test_a_seat_with_a_namesake_close_behind_moves_to_the_home():
    # counter-example: Florida's Gainesville only a little ahead of Georgia's
    text = (
        "ATLANTA, Ga. - A Gainesville-based poultry firm was fined, officials in "
        "Atlanta, Georgia, and Macon, Georgia, said."
    )
    assert _places(text)["Gainesville"][2] != "geonames:4156404"
