"""Categories of evcat30: a headline that is itself the lead is read with the story's first
sentence for its cue words (geo/lead_kind.py), and the police named beside the fire service
are a town's services, not a crime (``public_services`` of geo/data/lead_cues.yaml). Each rule
with a text where it fires and one where it must not; the sentences are written here, in the
style of local news."""

from __future__ import annotations

from gazetteer import Gazetteer
from tests.geo.test_lead_event import lead_of


def _lead_categories(text: str, gaz: Gazetteer) -> list[str]:
    return [row[0] for row in lead_of(text, gaz)]


# -- a headline that is the lead: the story's first sentence tells its kind too ----------------


def test_a_headline_lead_takes_the_cue_of_the_first_sentence(gaz: Gazetteer) -> None:
    text = (
        "Henderson not likely to approve new casino. A developer's plan for a casino north of "
        "Boulder City is unlikely to get approved Tuesday by the Henderson City Council."
    )
    assert _lead_categories(text, gaz) == ["politics"]


def test_a_lead_that_is_no_headline_does_not_read_the_next_sentence(gaz: Gazetteer) -> None:
    # counter-example: the first sentence is the story's own lead, not a headline; the
    # council of the sentence after it is not the lead's happening
    text = (
        "Residents of Henderson and Boulder City gathered at the park on Tuesday to look at "
        "plans for a new pool. The Boulder City Council will consider them."
    )
    assert _lead_categories(text, gaz) == ["other"]


# -- the police beside the fire service: a town's services --------------------------------------


def test_police_beside_the_fire_service_are_no_crime(gaz: Gazetteer) -> None:
    text = (
        "Henderson, Boulder City to weigh police, fire facility. The Boulder City Council on "
        "Tuesday will consider plans to build a training facility for police and firefighters."
    )
    assert _lead_categories(text, gaz) == ["politics"]


def test_police_named_alone_stay_a_crime_cue(gaz: Gazetteer) -> None:
    # counter-example: "police" not beside the fire service is counted as before
    text = (
        "Henderson, Boulder City to weigh police facility after fire. Boulder City police on "
        "Tuesday will look at plans to build a facility."
    )
    assert _lead_categories(text, gaz) == ["crime"]
