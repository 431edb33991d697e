"""The place of an actor or a speaker is not the place of the act (session 42, wactor42):
a list of places before a speech verb speaks, and a lead's act takes the place its own
sentence gives by a locative over a subject or a dateline. Sentences written here, with the
counter-examples where the rules must not fire."""

from __future__ import annotations

from datetime import date
from functools import partial

from gazetteer import Gazetteer
from geo.lexicon import load_lexicon
from geo.speakers import coordinated_speaker
from tests.geo import helpers

PUBLISHED = date(2024, 3, 6)  # a Wednesday

reports = partial(helpers.reports_of, published=PUBLISHED, with_gazetteer=True)


def places(text: str, gaz: Gazetteer) -> set[str]:
    """The names of the places of ``text``'s reports, every pass on."""
    return {r.place.name for r in reports(text, gaz)}


def spans(text: str, *names: str) -> dict[int, int]:
    """Each name's first start in ``text`` to its end: the mentions of a test."""
    return {text.index(n): text.index(n) + len(n) for n in names}


# -- a list of places before a speech verb speaks ---------------------------------------------


def test_each_place_of_a_list_before_a_speech_verb_speaks() -> None:
    text = "The navy seized a cargo ship in the gulf, Cairo and Athens have confirmed."
    got = spans(text, "Cairo", "Athens")
    speaker = load_lexicon().speaker
    assert coordinated_speaker(text, text.index("Cairo") + len("Cairo"), got, speaker)


def test_a_list_of_three_speaks_from_its_first_member() -> None:
    text = "Britain, France and Germany said on Monday that the talks would go on."
    got = spans(text, "Britain", "France", "Germany")
    speaker = load_lexicon().speaker
    assert coordinated_speaker(text, len("Britain"), got, speaker)


def test_a_speaking_list_is_not_the_place_of_the_lead(gaz: Gazetteer) -> None:
    # the seizure names no place of its own: the governments that confirmed it are no place
    text = (
        "Guards seize tanker\n\n"
        "Egypt's coast guard seized a Liberian-flagged oil tanker on Tuesday, Cairo and Athens "
        "have confirmed.\n\nThe ship was taken to port."
    )
    assert places(text, gaz) == set()


def test_an_apposition_is_no_list_of_speakers() -> None:
    # counter-example: "Kabul, Afghanistan" is one place, not a list (no "and")
    text = "A bomb went off in Kabul, Afghanistan said on Monday."
    got = spans(text, "Kabul", "Afghanistan")
    speaker = load_lexicon().speaker
    assert not coordinated_speaker(text, len("A bomb went off in Kabul"), got, speaker)


def test_places_followed_by_others_who_speak_do_not_speak() -> None:
    # counter-example: the last member is no place, so the places are where it happened
    text = "Strikes hit Kharkiv and Sumy, officials said on Monday."
    got = spans(text, "Kharkiv", "Sumy")
    speaker = load_lexicon().speaker
    assert not coordinated_speaker(text, text.index("Kharkiv") + len("Kharkiv"), got, speaker)


# -- a lead's act at the place its own sentence gives by a locative ----------------------------


def test_a_lead_act_takes_its_own_locative_over_the_headline_country(gaz: Gazetteer) -> None:
    # the headline's country names the story; the lead's own "in northern Chile" places the act
    text = (
        "At least 12 dead in horrific Chile bus accident\n\n"
        "As many as 12 people were killed and several were injured when a passenger bus "
        "plunged into a ravine in northern Chile on Sunday, according to police."
    )
    got = [(r.place.name, r.role) for r in reports(text, gaz)]
    assert got == [("Northern Chile", "lead")]


def test_subject_states_with_a_locative_act_are_not_its_place(gaz: Gazetteer) -> None:
    # the rule passes already read "in the Philippine Sea"; the subjects stay actors
    text = (
        "U.S. and Japan begin drills\n\n"
        "The U.S. and Japan began joint naval drills on Monday in the Philippine Sea, the "
        "navies said. The drills will run for a week."
    )
    got = places(text, gaz)
    assert "Philippine Sea" in got
    assert "United States" not in got


def test_an_act_whose_only_place_is_its_actor_keeps_it(gaz: Gazetteer) -> None:
    # counter-example: "Japan held elections" names no other place for the act
    text = (
        "Japan votes\n\n"
        "Japan held parliamentary elections on Sunday, with turnout near a record low. "
        "Results are expected on Monday."
    )
    assert places(text, gaz) == {"Japan"}


def test_a_wider_locative_does_not_replace_a_town(gaz: Gazetteer) -> None:
    # counter-example: "in northern Chile" holds the headline's town: a wider name of the spot
    text = (
        "At least 12 dead in horrific Arica bus accident\n\n"
        "As many as 12 people were killed and several were injured when a passenger bus "
        "plunged into a ravine in northern Chile on Sunday, according to police."
    )
    assert places(text, gaz) == {"Arica"}


def test_the_same_place_named_again_changes_nothing(gaz: Gazetteer) -> None:
    # counter-example: the headline's country and the lead's locative are one place
    text = (
        "At least 12 dead in horrific Chile bus accident\n\n"
        "As many as 12 people were killed and several were injured when a passenger bus "
        "plunged into a ravine in Chile on Sunday, according to police."
    )
    assert places(text, gaz) == {"Chile"}
