"""Places a story names that are not where its happening was (session 34): the other party
of an agreement ("treaties with … Abkhazia", geo/lead_place.py ``_counterpart``) and where
someone grew up or lives ("who grew up in Oceanside", geo/focus.py ``_lived_in``)."""

from __future__ import annotations

from gazetteer import Gazetteer
from tests.geo.test_focus import focus_of
from tests.geo.test_lead_people_home import _lead_places


def test_the_other_party_of_a_treaty_is_no_place_of_a_lead(gaz: Gazetteer) -> None:
    text = (
        "Russia's President, Dmitry Medvedev, gave his go-ahead to signing two separate "
        "treaties with Georgia's breakaway Abkhazia and South Ossetia on March 20, the "
        "Kremlin said."
    )
    places = _lead_places(text, gaz)
    assert "Abkhazia" not in places
    assert "South Ossetia" not in places


def test_a_place_after_with_that_is_no_party_still_places_a_lead(gaz: Gazetteer) -> None:
    # counter-examples: the agreement made at a place; "with" of no agreement word
    signed = (
        "Russia's President, Dmitry Medvedev, gave his go-ahead to signing two separate "
        "treaties in Abkhazia on March 20, the Kremlin said."
    )
    assert "Abkhazia" in _lead_places(signed, gaz)
    storm = "Strong winds toppled 13 vehicles with trailers in central Kansas on Saturday."
    assert _lead_places(storm, gaz) != []


def test_where_someone_grew_up_is_no_focus(gaz: Gazetteer) -> None:
    text = (
        "Two Long Islanders are on board for the new season of a reality TV series. "
        "Kasey Cohen, who grew up in Oceanside, New York, will appear in season 3.\n"
        "A doctor from Fort Salonga and his wife appear as guests on the May 22 episode."
    )
    assert focus_of(text, gaz) is None


def test_a_town_told_as_a_place_is_still_the_focus(gaz: Gazetteer) -> None:
    # counter-example: the same town where the happening is
    text = (
        "A man was robbed at a store in Surrey, police said.\n"
        "Officers arrested a suspect on Tuesday. He grew up in Burnaby, British Columbia."
    )
    assert focus_of(text, gaz) == ("Surrey", "cluster")
