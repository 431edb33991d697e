"""Happenings placed at the wrong one of an article's places (session 30; counts in
docs/recognition-and-events.md): a bureau's dateline over a story about another town
(geo/focus.py, ``DATELINE_OUTNUMBERED``), a lead that tells its happening at a town the
gazetteer lacks (geo/scenes.py), a county named as whom an official served (``resident_nouns``
in geo/data/where.yaml). Each rule has a sentence where it fires and one where it must not."""

from __future__ import annotations

from datetime import date

from gazetteer import Gazetteer
from geo.focus import article_focus
from geo.geoparse import analyze
from geo.lead_event import LEAD_ROLE
from geo.scenes import unplaced_scene
from tests.geo.helpers import PUBLISHED, reports_of

#: The Oakland story under a San Francisco dateline: Oakland named six times, San Francisco
#: twice (the dateline and an old robbery).
_BUREAU = (
    "Officer shot by parolee is taken off life support. SAN FRANCISCO — A fourth Oakland "
    "police officer who was shot by a parolee has been taken off life support, a hospital "
    "spokeswoman said Tuesday. Oakland police said the officers were gunned down when they "
    "pulled over the parolee on Saturday. Oakland police headquarters was covered in flowers. "
    "He had served time for a robbery in San Francisco. Oakland residents held a vigil, and "
    "the Oakland mayor spoke. Many in Oakland, California, mourned."
)


def _focus_name(text: str, gaz: Gazetteer) -> str | None:
    a = analyze(text, date(2024, 5, 15), gazetteer=gaz)
    focus = article_focus(text, a.recognized, a.timeline, gazetteer=gaz)
    return None if focus is None else focus.place.name


def test_a_bureaus_dateline_gives_way_to_the_town_the_story_is_about(gaz: Gazetteer) -> None:
    assert _focus_name(_BUREAU, gaz) == "Oakland"


def test_a_dateline_named_as_often_as_another_town_stays_the_focus(gaz: Gazetteer) -> None:
    # counter-example: a suspect's home town named twice beside the dateline's town once is
    # no story about that town ("MANASSAS -- A Woodbridge man charged …")
    text = (
        "Suspect declared incompetent. MANASSAS, Va. -- A Woodbridge man charged in the "
        "abduction and death of a woman has been declared incompetent to stand trial. The "
        "Woodbridge man was arrested on Monday. Prosecutors in Manassas said he will be held."
    )
    assert _focus_name(text, gaz) == "Manassas"


def test_a_scene_the_gazetteer_lacks_is_told_by_its_place_noun(gaz: Gazetteer) -> None:
    text = "Vandals desecrated three graves in the coastal city of Jbeil on Monday."
    a = analyze(text, PUBLISHED, gazetteer=gaz)
    assert unplaced_scene(text, 0, len(text), a.recognized)
    known = "A bomb exploded in the town of Kayseri on Monday."
    b = analyze(known, PUBLISHED, gazetteer=gaz)
    assert not unplaced_scene(known, 0, len(known), b.recognized)
    # a place noun with no name after "of" is no scene
    plain = "A bomb exploded in the town of the governor on Monday."
    assert not unplaced_scene(plain, 0, len(plain), [])


def _lead_places(text: str, gaz: Gazetteer) -> list[str]:
    return [r.place.name for r in reports_of(text, gaz) if r.role == LEAD_ROLE]


def test_a_lead_told_at_a_town_the_gazetteer_lacks_is_not_placed_at_the_dateline(
    gaz: Gazetteer,
) -> None:
    text = (
        "Farmlands flooded. BEIRUT: Israel deliberately flooded Lebanese farmlands with excess "
        "rainwater from an orchard, located off the southern town of Mais al-Jabal early "
        "Tuesday, ruining crops, the state-run news agency said."
    )
    assert "Beirut" not in _lead_places(text, gaz)


def test_a_lead_told_at_a_town_the_gazetteer_holds_is_still_placed(gaz: Gazetteer) -> None:
    # counter-example: the scene's name is a place the recognizer resolved
    text = (
        "Restaurant reopens. A popular restaurant in the city of Winnipeg, Manitoba, reopened "
        "its doors on Monday, its owner said."
    )
    assert _lead_places(text, gaz) == ["Winnipeg"]
    bomb = (
        "Bomb kills soldiers. ANKARA: A car bomb destroyed a bus carrying soldiers near a "
        "local market in the city of Kayseri on Saturday, officials said."
    )
    assert [r.place.name for r in reports_of(bomb, gaz)] == ["Kayseri"]


def _places(text: str, gaz: Gazetteer) -> list[str]:
    return sorted({r.place.name for r in reports_of(text, gaz)})


def test_a_county_named_as_an_officials_employer_places_no_vote(gaz: Gazetteer) -> None:
    text = (
        "Former Hall County official named to Forsyth County post. The board voted 5-0 "
        "tonight to remove the interim tag from the county manager's title."
    )
    assert _places(text, gaz) == ["Forsyth County"]


def test_a_county_before_another_noun_still_places_a_vote(gaz: Gazetteer) -> None:
    # counter-example: "Hall County board", not an official, names the place of the vote
    text = (
        "Hall County board names new manager. The board voted 5-0 tonight to remove the "
        "interim tag from the county manager's title."
    )
    assert _places(text, gaz) == ["Hall County"]
