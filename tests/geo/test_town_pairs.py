"""Two towns a story names pin each other down when one namesake of the first has a town of
the second's name close by ("Lexington" and "Swansea" are South Carolina's), and a state an
organisation's name gives ("the S.C. Highway Patrol") is evidence for the story's state."""

from __future__ import annotations

from gazetteer import Gazetteer
from geo.pairs import town_pairs
from geo.recognize import recognize


def _states(text: str, gaz: Gazetteer) -> dict[str, str]:
    out = {}
    for r in recognize(text, gazetteer=gaz):
        point = r.place.geometry.representative_point()
        states = gaz.intersecting(point, kinds=("admin1",))
        out[text[r.start : r.end]] = states[0].name if states else r.place.country or ""
    return out


def test_two_towns_near_each_other_pick_the_state_that_has_both(gaz):
    text = "Deputies in Lexington searched for the man, who was last seen in Swansea on Friday."
    assert _states(text, gaz) == {"Lexington": "South Carolina", "Swansea": "South Carolina"}


def test_a_small_town_is_found_next_to_a_city_of_the_other_name(gaz):
    text = "Police in Concord said the stolen car was found in Epsom on Friday."
    assert _states(text, gaz) == {"Concord": "New Hampshire", "Epsom": "New Hampshire"}


def test_an_anchor_stays_where_it_leads(gaz):
    # counter-example: a Vienna lies next to Washington, but Vienna means Austria's capital
    text = "Talks moved from Washington to Vienna on Monday."
    assert _states(text, gaz)["Vienna"] == "AT"


def test_names_that_pair_in_two_places_decide_nothing(gaz):
    # counter-example: a Bristol lies next to a Newport in England and in Rhode Island
    names = [(k, k.title(), gaz.candidates(k), False) for k in ("bristol", "newport")]
    assert town_pairs(names, gaz.nearest_named, gaz.has_town) == {}


def test_a_town_matched_by_an_old_name_pairs_nothing(gaz):
    # counter-example: "Old Town" is an alternate name of whole cities, no town of its own
    names = [(k, k.title(), gaz.candidates(k), False) for k in ("old town", "mt. vernon")]
    assert "old town" not in town_pairs(names, gaz.nearest_named, gaz.has_town)


def test_a_state_in_an_organisation_name_is_evidence_for_the_story(gaz):
    text = "Troopers with the S.C. Highway Patrol closed a road in Lexington on Sunday."
    assert _states(text, gaz)["Lexington"] == "South Carolina"


def test_without_the_organisation_the_name_keeps_its_usual_reading(gaz):
    # counter-example: the same sentence with no state in it
    text = "Troopers closed a road in Lexington on Sunday."
    assert _states(text, gaz)["Lexington"] == "Kentucky"
