"""Which of a text's places an event takes (issue 10, geo/where.py and geo/linking.py): a
hospital's town in a sentence of care, a person's home in a phrase of residence, a sentence
that says its own place. Each rule with a sentence where it must not fire. All sentences are
invented."""

from __future__ import annotations

from gazetteer import Gazetteer
from tests.geo.helpers import linked as events

# --- where the hurt are treated -----------------------------------------------------------------


def test_a_hospital_town_does_not_place_the_crash_a_victim_recovers_from(
    gaz: Gazetteer,
) -> None:
    text = (
        "The boy's condition is stable on Monday as he recovers from a car crash at Leeds Hospital."
    )
    assert not [e for e in events(text, gaz) if e[2] == "Leeds"]


def test_a_hospital_town_does_not_place_the_collision_after_it(gaz: Gazetteer) -> None:
    text = (
        "Jane Roe, 18, is recovering in a Leeds hospital from injuries received in a car "
        "crash on Sunday night."
    )
    assert not [e for e in events(text, gaz) if e[2] == "Leeds"]


def test_a_death_at_a_hospital_is_placed_there(gaz: Gazetteer) -> None:
    # counter-example: the death itself happened at the hospital ("died" is a word of care
    # and the trigger: the guidelines' annotators accept the hospital's town for it)
    text = (
        "Jane Roe, 18, died on Monday in a Leeds hospital from injuries received in a car "
        "crash on Sunday night."
    )
    assert [e for e in events(text, gaz) if e[2] == "Leeds"]


def test_a_shooting_at_a_hospital_is_placed_there(gaz: Gazetteer) -> None:
    # counter-example: no word of care before the hospital: the happening was there
    text = "A gunman opened fire at a Leeds hospital on Monday, police said."
    assert [e for e in events(text, gaz) if e[2] == "Leeds"]


def test_a_crash_near_a_town_with_a_hospital_is_placed(gaz: Gazetteer) -> None:
    # counter-example: the town is not named as the hospital's
    text = "Two cars collided in Leeds on Monday; the drivers were taken to a hospital."
    assert [e for e in events(text, gaz) if e[0] == "accident" and e[2] == "Leeds"]


# --- where a person lives -----------------------------------------------------------------------


def test_a_home_address_does_not_place_the_arrest(gaz: Gazetteer) -> None:
    text = (
        "The suspect, John Roe, 23, of the 3200 block of Main Street in Leeds, was arrested "
        "at the scene on Monday."
    )
    assert not [e for e in events(text, gaz) if e[2] == "Leeds"]


def test_a_home_town_does_not_place_the_crash_told_after_it(gaz: Gazetteer) -> None:
    text = (
        "Police said Jane Roe, of 17 Guy Place in Leeds, suffered head injuries on Monday "
        "when she crashed her car."
    )
    assert not [e for e in events(text, gaz) if e[2] == "Leeds"]


def test_a_home_named_after_another_preposition_still_places(gaz: Gazetteer) -> None:
    # counter-example: ", at his home in Leeds," is where the arrest was, not a residence
    text = "Police arrested John Roe, 23, at his home in Leeds, on Monday."
    assert ("arrest", "in", "Leeds", "2024-05-13") in events(text, gaz)


# --- a sentence that says its own place ---------------------------------------------------------


def test_here_does_not_take_the_place_of_the_next_report(gaz: Gazetteer) -> None:
    text = (
        "Two cars collided in Leeds on Friday night. The crash here late Friday claimed the "
        "life of a student."
    )
    assert not [e for e in events(text, gaz) if e[1] == "inherited"]


def test_a_sentence_without_here_takes_the_place(gaz: Gazetteer) -> None:
    # counter-example: the same sentence without "here" takes the report's place
    text = (
        "Two cars collided in Leeds on Friday night. The crash late Friday claimed the life "
        "of a student."
    )
    assert ("accident", "inherited", "Leeds", "2024-05-10") in events(text, gaz)


def test_a_region_that_does_not_hold_the_place_keeps_the_sentence_apart(
    gaz: Gazetteer,
) -> None:
    text = (
        "Two cars collided in Leeds on Friday night. The crash late Friday north of the "
        "capital of Scotland claimed the life of a student."
    )
    assert not [e for e in events(text, gaz) if e[1] == "inherited"]


def test_a_region_that_holds_the_place_does_not(gaz: Gazetteer) -> None:
    # counter-example: England holds Leeds, so the sentence may tell the same crash
    text = (
        "Two cars collided in Leeds on Friday night. The crash late Friday north of the "
        "capital of England claimed the life of a student."
    )
    assert ("accident", "inherited", "Leeds", "2024-05-10") in events(text, gaz)


def test_a_dateline_opening_the_sentence_keeps_it_apart(gaz: Gazetteer) -> None:
    text = (
        "Two cars collided in Leeds on Friday night. BANTAM — The crash late Friday claimed "
        "the life of a student."
    )
    assert not [e for e in events(text, gaz) if e[1] == "inherited"]


def test_a_name_in_mixed_case_is_no_dateline(gaz: Gazetteer) -> None:
    # counter-example: only a wire dateline (capitals and a dash) names the sentence's place
    text = (
        "Two cars collided in Leeds on Friday night. Bantam — The crash late Friday claimed "
        "the life of a student."
    )
    assert ("accident", "inherited", "Leeds", "2024-05-10") in events(text, gaz)


# --- the side beaten ----------------------------------------------------------------------------


def test_a_win_over_a_town_is_no_place(gaz: Gazetteer) -> None:
    text = "The team won the championships on Saturday with a 38-19 win over Leeds."
    assert not [e for e in events(text, gaz) if e[2] == "Leeds"]


def test_a_tournament_over_a_town_without_a_win_still_places(gaz: Gazetteer) -> None:
    # counter-example: "over" with no word of victory before it keeps its role
    text = "The team won the tournament on Saturday over Leeds."
    assert ("competition", "over", "Leeds", "2024-05-11") in events(text, gaz)


# --- a far offset names a landmark --------------------------------------------------------------


def test_a_far_offset_from_a_town_is_not_the_town(gaz: Gazetteer) -> None:
    for offset in ("about 60 miles southwest of", "80 km north of"):
        text = f"Two men were arrested on Monday in a village {offset} Leeds."
        assert not [e for e in events(text, gaz) if e[2] == "Leeds"], offset


def test_a_near_offset_from_a_town_is_near_it(gaz: Gazetteer) -> None:
    # counter-example: three miles is within a town's reach
    text = "Two men were arrested on Monday in a village about 3 miles southwest of Leeds."
    assert ("arrest", "near", "Leeds", "2024-05-13") in events(text, gaz)
