"""The category of the lead's happening (geo/lead_event.py, geo/data/lead_cues.yaml): a lead
and a headline with no trigger word take the category their cue words name, and a cue word
told by a source (an attribution, quoted speech) or in another sense changes nothing."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from geo.extraction import extract
from geo.model import Article
from tests.geo.helpers import PUBLISHED
from tests.geo.test_lead_event import lead_of

#: The province, named after the lead, tells which Saskatoon.
TAIL = " Neighbours in Saskatchewan praised the pair."


def category(headline: str, lead: str, gaz: Gazetteer) -> list[str]:
    """The categories of the lead reports of a story of ``headline`` and ``lead``."""
    return [row[0] for row in lead_of(f"{headline}\n\n{lead}{TAIL}", gaz)]


@pytest.mark.parametrize(
    ("headline", "lead", "expected"),
    [
        (
            "Deputies look for pickup truck",
            "Two Saskatoon deputies looked for a stolen pickup on Saturday afternoon.",
            "crime",
        ),
        (
            "Council weighs new pool",
            "The Saskatoon city council looked at plans for a pool on Saturday afternoon.",
            "politics",
        ),
        (
            "Envoy tours school",
            "A Saskatoon school welcomed the Irish ambassador on Saturday afternoon.",
            "diplomacy",
        ),
        (
            "Sewer line repaired",
            "Crews in Saskatoon repaired a sewer line after a spill on Saturday afternoon.",
            "disaster",
        ),
        (
            "Soldiers help with cleanup",
            "Two hundred soldiers helped Saskatoon residents on Saturday afternoon.",
            "military",
        ),
        # a plural of a body of local government (evcategory34)
        (
            "Layoff rules rethought",
            "Saskatoon school districts looked at new layoff rules on Saturday afternoon.",
            "politics",
        ),
        # a crash named by how the vehicle ended (evcategory37)
        (
            "Rollover injures driver",
            "A Saskatoon driver lost control of her car on a county road on Saturday afternoon.",
            "disaster",
        ),
        # counter-example: a rollover of a loan, with a politics cue word named first
        (
            "Council approves loan rollover",
            "Saskatoon businesses looked at the plan on Saturday afternoon.",
            "politics",
        ),
        # two cue words of politics in the lead outweigh one of crime in the headline
        (
            "Police budget debated",
            "The Saskatoon council looked at the budget on Saturday afternoon.",
            "politics",
        ),
    ],
)
def test_cue_words_give_the_lead_its_category(
    gaz: Gazetteer, headline: str, lead: str, expected: str
) -> None:
    assert category(headline, lead, gaz) == [expected]


@pytest.mark.parametrize(
    "lead",
    [
        # politics: the mayor is the source
        "Two Saskatoon teenagers pulled a dog from a pond on Saturday afternoon, the mayor said.",
        # diplomacy: in quoted speech
        'Two Saskatoon teenagers pulled a dog from a pond on Saturday, "like diplomats," '
        "a neighbour said.",
        # disaster: a name that is no landslide, and in quoted speech
        'Two Saskatoon teenagers pulled a dog from a pond on Saturday, "a slide on thin ice," '
        "a neighbour said.",
        # military: the source of the news
        "Two Saskatoon teenagers pulled a dog from a pond on Saturday, army cadets said.",
        # military: mines of coal, not of war
        "Two Saskatoon teenagers pulled a dog from a pond by the coal mines on Saturday.",
        # politics: schools, not their districts or boards
        "Two Saskatoon schools pulled a dog from a pond on Saturday afternoon.",
        # politics: a name, not a law ("Bill")
        "Bill Sandor of Saskatoon pulled a dog from a pond on Saturday afternoon.",
    ],
)
def test_a_cue_word_told_by_a_source_leaves_the_category(gaz: Gazetteer, lead: str) -> None:
    assert category("Teenagers save dog", lead, gaz) == ["other"]


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        # the police, the lead's only cue word, tell a case of theirs (evcategory34)
        ("Police said a Saskatoon woman bit her husband on Saturday afternoon.", "crime"),
        # counter-example: another cue word outside the source decides
        (
            "Police said two Saskatoon teenagers handed the city council a letter on Saturday "
            "afternoon.",
            "politics",
        ),
    ],
)
def test_a_lead_told_by_the_police_alone_is_their_case(
    gaz: Gazetteer, lead: str, expected: str
) -> None:
    assert category("Teenagers save dog", lead, gaz) == [expected]


def test_a_headline_trigger_decides_over_cue_words(gaz: Gazetteer) -> None:
    lead = "The Saskatoon mayor cut a ribbon on Saturday afternoon."
    assert category("Mayor at protest", lead, gaz) == ["protest"]
    assert category("Mayor hurt in crash", lead, gaz) == ["disaster"]
    assert category("Mayor at library", lead, gaz) == ["politics"]


def test_lead_happenings_of_two_categories_are_two_events(gaz: Gazetteer) -> None:
    council = "Council weighs new pool\n\nThe Saskatoon city council looked at plans on Saturday."
    dog = "Teenagers save dog\n\nTwo Saskatoon teenagers pulled a dog from a pond on Saturday."
    articles = [
        Article(id=str(i), text=text + TAIL, published=PUBLISHED)
        for i, text in enumerate((council, dog))
    ]
    events = extract(articles, gazetteer=gaz).events
    assert sorted(events["category"]) == ["other", "politics"]
