"""A compass part of a state says which namesake a town in it is (:func:`geo.focus.anchored`):
"toward metro Atlanta" … "in most of north Georgia" is Georgia's Atlanta, so the lead rule
(:mod:`geo.lead_event`) may place its happening there; a compass part of the town itself
("north Atlanta") says no more than the town's name."""

from __future__ import annotations

from gazetteer import Gazetteer
from geo.focus import anchored
from geo.geoparse import analyze
from tests.geo.helpers import PUBLISHED
from tests.geo.test_lead_event import lead_of

#: A weather lead whose town only a compass part of its state anchors (no state, no county).
RAIN = (
    "More rain on the way Tuesday night\n\n"
    "A day after the drought was declared over in most of north Georgia, the first of two "
    "more rain-making weather systems pushed toward metro Atlanta early Tuesday."
)


def _atlanta_anchored(text: str, gaz: Gazetteer) -> bool:
    mentions = analyze(text, PUBLISHED, gazetteer=gaz).recognized
    (atlanta,) = {m.place for m in mentions if m.place.name == "Atlanta"}
    return anchored(text, atlanta, mentions)


def test_a_compass_part_of_a_state_anchors_its_town(gaz: Gazetteer) -> None:
    assert _atlanta_anchored(RAIN, gaz)
    assert [e[1] for e in lead_of(RAIN, gaz)] == ["Atlanta"]


def test_a_compass_part_of_the_town_itself_anchors_nothing(gaz: Gazetteer) -> None:
    text = RAIN.replace("most of north Georgia", "most of north Atlanta")
    assert not _atlanta_anchored(text, gaz)
    assert lead_of(text, gaz) == []
