"""Which of a sentence's places a trigger takes, found on LGL, GeoWebNews and events-dev news
(geo/linking.py, geo/where.py, geo/events.py): a place before a semicolon is not where the
happening after it was; a trigger that already has its own place ("a rally in Washington")
leaves the places of a new predicate after it ("… is scheduled to speak at …") to that
predicate; a place after "blamed on" is the culprit; "U.S.-led" is a modifier, like
"Asia-Pacific". Each rule with a sentence where it must not fire. All sentences are
invented, in the style of news."""

from __future__ import annotations

from gazetteer import Gazetteer
from tests.geo.helpers import rule_reports


def _places(text: str, gaz: Gazetteer, kind: str | None = None) -> set[str]:
    """The places the rule passes tie to a trigger of ``text`` (of type ``kind`` if given)."""
    return {r.place.name for r in rule_reports(text, gaz) if kind is None or r.type.name == kind}


# --- a semicolon ends the first sentence's places ------------------------------------------------


def test_a_place_before_a_semicolon_does_not_place_the_shooting_after_it(gaz: Gazetteer) -> None:
    text = (
        "Carter was on the run from drug charges in Florida; he gunned down Greene on Friday as "
        "Greene broke through the back door."
    )
    assert "Florida" not in _places(text, gaz)


def test_a_place_after_a_semicolon_is_still_placed(gaz: Gazetteer) -> None:
    # counter-example: the place follows the semicolon, in the shooting's own clause
    text = "Carter was on the run from drug charges; he gunned down a man in Leeds on Friday."
    assert "Leeds" in _places(text, gaz)


def test_a_trigger_before_its_place_across_a_semicolon_is_kept(gaz: Gazetteer) -> None:
    # counter-example: the trigger comes first; the rule reads only triggers after the place
    text = "Two men were arrested on Friday; police detained them in Leeds."
    assert "Leeds" in _places(text, gaz)


# --- a trigger with its own place, then a new predicate ------------------------------------------


def test_a_rally_with_its_own_place_does_not_take_the_place_of_the_next_predicate(
    gaz: Gazetteer,
) -> None:
    text = "A leader seen at a weekend rally in Leeds is scheduled to speak in York next month."
    assert _places(text, gaz, "protest") == {"Leeds"}


def test_a_place_inside_the_triggers_own_is_kept(gaz: Gazetteer) -> None:
    # counter-examples: the same happening, told more finely after the verb
    text = "Floods in Kerala have displaced thousands of families in Kochi on Friday."
    assert "Kochi" in _places(text, gaz, "flood")
    text = "Fighting in Syria has killed 50 people in Aleppo since Friday."
    assert "Aleppo" in _places(text, gaz, "fighting")


def test_a_list_of_places_after_a_trigger_is_kept(gaz: Gazetteer) -> None:
    # counter-example: no verb between the trigger's place and the next
    text = "Protests in Dakar and in Thies on Friday drew thousands."
    assert {"Dakar", "Thiès"} <= _places(text, gaz, "protest")


# --- the culprit a happening is blamed on ---------------------------------------------------------


def test_the_country_an_attack_is_blamed_on_does_not_place_it(gaz: Gazetteer) -> None:
    text = (
        "The pair were found on a bench in Salisbury on March 4 after a nerve agent attack "
        "that the British government has blamed on Russia."
    )
    assert "Russia" not in _places(text, gaz, "attack")


def test_an_attack_on_a_place_is_placed_there(gaz: Gazetteer) -> None:
    # counter-example: "on" names the target, no word of blame before it
    text = "Officials reported an attack on Kabul on Friday."
    assert "Kabul" in _places(text, gaz, "attack")


# --- "U.S.-led": a modifier, not a place ---------------------------------------------------------


def test_an_abbreviated_country_joined_by_a_hyphen_is_no_place(gaz: Gazetteer) -> None:
    text = (
        "Arab leaders and other nations in the U.S.-led coalition have fought IS in Iraq "
        "since 2014."
    )
    places = _places(text, gaz, "fighting")
    assert "United States" not in places
    assert "Iraq" in places


def test_an_abbreviated_country_after_in_is_placed(gaz: Gazetteer) -> None:
    # counter-example: the stop ends the name, no hyphen follows
    text = "Troops fought rebels in the U.S. on Friday."
    assert "United States" in _places(text, gaz, "fighting")
