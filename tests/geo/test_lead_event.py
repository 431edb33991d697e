"""The lead's happening (geo/lead_event.py): an article in which the rule passes find no event
is mapped by its lead, and the leads that must give nothing."""

from __future__ import annotations

from datetime import date

import pytest

from gazetteer import Gazetteer
from geo.extraction import extract
from geo.lead_event import LEAD_ROLE
from geo.merged_event import LEAD_NOTE
from geo.model import Article
from tests.geo.helpers import PUBLISHED, reports_of

#: A headline and a lead told with an ordinary verb; the lead names the town as the home of
#: the people in it, and the next sentence names its province (which Saskatoon).
STORY = (
    "Teenagers save dog from icy pond\n\n"
    "Two Saskatoon teenagers pulled a dog from a frozen pond on Saturday afternoon. "
    "Firefighters in Saskatchewan praised the pair."
)


def lead_of(text: str, gaz: Gazetteer, published: date | None = PUBLISHED) -> list[tuple]:
    """(category, place, start, end, date precision) of each lead report of ``text``."""
    return [
        (
            r.type.category,
            r.place.name,
            r.dates.start.isoformat(),
            r.dates.end.isoformat(),
            r.dates.precision,
        )
        for r in reports_of(text, gaz, published)
        if r.role == LEAD_ROLE
    ]


def test_a_story_with_no_tied_event_is_mapped_by_its_lead(gaz: Gazetteer) -> None:
    assert lead_of(STORY, gaz) == [("other", "Saskatoon", "2024-05-11", "2024-05-11", "day")]


def test_the_lead_event_says_how_it_was_placed(gaz: Gazetteer) -> None:
    events = extract([Article(id="a", text=STORY, published=PUBLISHED)], gazetteer=gaz).events
    (notes,) = list(events["notes"])
    assert LEAD_NOTE in notes
    (confidence,) = list(events["confidence"])
    assert confidence < 0.7  # below a report whose place the grammar ties


def test_an_undated_lead_is_dated_around_publication(gaz: Gazetteer) -> None:
    text = STORY.replace(" on Saturday afternoon", "")
    assert lead_of(text, gaz) == [("other", "Saskatoon", "2024-05-14", "2024-05-15", "unknown")]


@pytest.mark.parametrize(
    ("body", "dates"),
    [
        # the body tells the day of an undated lead's news
        (" The rescue happened on Sunday morning.", ("2024-05-12", "2024-05-12", "day")),
        # counter-examples: the body's first day lies before the week of news, or after
        # the body's first six sentences: the lead stays around publication
        (" The dog had gone missing on March 3.", ("2024-05-14", "2024-05-15", "unknown")),
        (
            " The dog is fine." * 6 + " The rescue happened on Sunday morning.",
            ("2024-05-14", "2024-05-15", "unknown"),
        ),
    ],
)
def test_an_undated_lead_takes_the_day_the_body_tells(
    gaz: Gazetteer, body: str, dates: tuple[str, str, str]
) -> None:
    text = STORY.replace(" on Saturday afternoon", "") + body
    assert lead_of(text, gaz) == [("other", "Saskatoon", *dates)]


def test_an_undated_lead_that_announces_a_day_to_come_is_planned_for_it(gaz: Gazetteer) -> None:
    # the body's first day lies after publication: the lead tells what is to come, so its
    # happening is planned for that day, not reported around publication
    text = (
        "Teenagers to show rescued dog at fair\n\n"
        "Two Saskatoon teenagers will show the dog they pulled from a pond. "
        "Firefighters in Saskatchewan praised the pair. The fair opens at 9 a.m. on May 21."
    )
    leads = [r for r in reports_of(text, gaz) if r.role == LEAD_ROLE]
    assert [(r.dates.start.isoformat(), r.dates.precision, r.status) for r in leads] == [
        ("2024-05-21", "day", "planned")
    ]
    # counter-example: a body day in the week of news is the lead's day, reported
    text = text.replace("The fair opens at 9 a.m. on May 21.", "The rescue was on Sunday.")
    leads = [r for r in reports_of(text, gaz) if r.role == LEAD_ROLE]
    assert [(r.dates.start.isoformat(), r.status) for r in leads] == [("2024-05-12", "reported")]


def kinds(text: str, gaz: Gazetteer) -> list[tuple[str, str, str, str]]:
    return [
        (r.type.name, r.role, r.place.name, r.dates.start.isoformat())
        for r in reports_of(text, gaz)
    ]


def test_the_leads_town_places_the_dated_happenings_after_it(gaz: Gazetteer) -> None:
    # the next sentence tells the lead's news of that day with a word for it: it replaces
    # the lead's untyped happening
    text = STORY.replace(
        " Firefighters", " Police arrested a man at the pond on Saturday evening. Firefighters"
    )
    assert kinds(text, gaz) == [("arrest", "focus", "Saskatoon", "2024-05-11")]
    # counter-examples: a lead with a word of its own stays beside a happening of another day
    text = (
        "Man arrested after break-in\n\n"
        "A Saskatoon man was arrested on Saturday after a break-in at a pharmacy. "
        "Police searched the house of his brother on Sunday. "
        "Officers in Saskatchewan praised the neighbours."
    )
    assert kinds(text, gaz) == [
        ("arrest", "lead", "Saskatoon", "2024-05-11"),
        ("police_raid", "focus", "Saskatoon", "2024-05-12"),
    ]
    # … and a sentence that names another town is placed there, not at the lead's town
    text = STORY.replace(
        " Firefighters",
        " Police arrested a man at the pond on Saturday evening in Regina. Firefighters",
    )
    assert kinds(text, gaz) == [("arrest", "in", "Regina", "2024-05-11")]


def test_a_headline_trigger_gives_the_lead_its_type(gaz: Gazetteer) -> None:
    text = (
        "Man arrested after pharmacy break-in\n\n"
        "A Saskatoon man was taken to the police station on Saturday after a break-in at a "
        "pharmacy. Saskatchewan officers found the stolen goods."
    )
    assert [e[:2] for e in lead_of(text, gaz)] == [("crime", "Saskatoon")]


def test_an_article_with_an_event_of_its_own_takes_none_from_its_lead(gaz: Gazetteer) -> None:
    text = (
        "Ministers meet in Nairobi\n\n"
        "Two Saskatoon teenagers pulled a dog from a frozen pond on Saturday afternoon. "
        "The foreign ministers met in Nairobi on Monday."
    )
    reports = reports_of(text, gaz)
    assert {r.place.name for r in reports} == {"Nairobi"}
    assert all(r.role != LEAD_ROLE for r in reports)


@pytest.mark.parametrize(
    "text",
    [
        # a question is no news
        "Teenagers and the pond\n\nDid two Saskatoon teenagers pull a dog from a frozen pond "
        "on Saturday afternoon? Firefighters in Saskatchewan will not say.",
        # a town the text never says which of its namesakes it is
        "Teenagers save dog from icy pond\n\nTwo Springfield teenagers pulled a dog from a "
        "frozen pond on Saturday afternoon. Firefighters praised the pair.",
        # dated to a year: background, not the day's news
        "Teenagers remember a rescue\n\nIn 2019, two Saskatoon teenagers pulled a dog from a "
        "frozen pond near their school. Firefighters in Saskatchewan praised the pair.",
        # a plan of a day after publication: not news yet (tests/geo/test_lead_unnews.py)
        "Premier plans tour\n\nThe premier will visit Saskatoon on Friday to see the new "
        "bridge. Saskatchewan paid for most of it.",
        # the place only in quoted speech
        "Teenagers save dog\n\n\u201cWe pulled a dog out of a pond in Canada,\u201d said one "
        "of two teenagers on Saturday. Firefighters praised them.",
        # a possessor is an actor, not the place
        "Envoy's remarks draw anger\n\nRussia's ambassador gave a long speech about trade on "
        "Saturday afternoon at a conference. Delegates left the hall.",
        # "on" names the talks' subject
        "Talks begin\n\nRegional talks on Sudan opened on Monday with delegations from "
        "several countries. No agreement is expected.",
    ],
)
def test_leads_that_give_no_event(gaz: Gazetteer, text: str) -> None:
    assert lead_of(text, gaz) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town the text does not anchor ("Fishers" read as Fishers, Indiana) beside a town
        # it does: the anchored town places the lead
        (
            "Fishers warned to stay off the ice\n\nTwo Saskatoon teenagers pulled a dog from "
            "a frozen pond on Saturday afternoon. Firefighters in Saskatchewan praised the pair.",
            [("other", "Saskatoon", "2024-05-11", "2024-05-11", "day")],
        ),
        # counter-example: beside the unanchored town only a province is named; the story may
        # be the unanchored town's, somewhere else: nothing
        (
            "Teenagers save dog from icy pond\n\nTwo Springfield teenagers pulled a dog from a "
            "frozen pond in Saskatchewan on Saturday afternoon. Firefighters praised the pair.",
            [],
        ),
    ],
    ids=["anchored-town-beside", "only-a-province-beside"],
)
def test_an_unanchored_town_yields_to_an_anchored_town_of_the_lead(
    gaz: Gazetteer, text: str, expected: list[tuple]
) -> None:
    assert lead_of(text, gaz) == expected


def test_a_lead_dated_after_publication_gives_none(gaz: Gazetteer) -> None:
    text = STORY.replace("on Saturday afternoon", "on June 20")
    assert lead_of(text, gaz) == []


def test_a_lead_dated_over_a_year_before_publication_gives_none(gaz: Gazetteer) -> None:
    # a life story's opening day is no news of the day
    text = STORY.replace("on Saturday afternoon", "on May 2, 1923")
    assert lead_of(text, gaz) == []
    # counter-example: a day within the year is still news
    text = STORY.replace("on Saturday afternoon", "on January 12")
    assert [e[1:3] for e in lead_of(text, gaz)] == [("Saskatoon", "2024-01-12")]


#: A headline and a lead that name no place; the body names one town, with its province.
NO_PLACE_LEAD = (
    "Hiker survives night on frozen ridge\n\n"
    "A hiker who spent the night on a frozen ridge is back home since Saturday morning. "
    "Volunteers from Canmore, Alberta, reached him after a four-hour climb."
)
_BODY = "Volunteers from Canmore, Alberta, reached him after a four-hour climb."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the story's one town, named after the lead, places the lead's news
        (NO_PLACE_LEAD, [("other", "Canmore", "2024-05-11", "2024-05-11", "day")]),
        # counter-examples: the body names a second town far away (which town is the
        # story's?), the only town is named in quoted speech, the text never says which
        # of its namesakes the town is, the lead has a trigger word of its own that it does
        # not place ("was rescued": where is not told)
        (NO_PLACE_LEAD + " His family flew in from Halifax.", []),
        (
            NO_PLACE_LEAD.replace(_BODY, '"We drove up from Canmore, Alberta," a volunteer said.'),
            [],
        ),
        (NO_PLACE_LEAD.replace("Canmore, Alberta,", "Springfield"), []),
        (NO_PLACE_LEAD.replace("is back home since", "was rescued on"), []),
    ],
    ids=["one-town", "two-towns", "quoted", "unanchored", "lead-trigger"],
)
def test_a_lead_naming_no_place_takes_the_storys_one_town(
    gaz: Gazetteer, text: str, expected: list[tuple]
) -> None:
    assert lead_of(text, gaz) == expected


#: A lead told with an ordinary verb whose one trigger word names another happening, in a
#: phrase of another time ("ahead of an expected election"). PUBLISHED is a Wednesday.
OTHER_TIME = (
    "Opposition party ordered to disband\n\n"
    "Authorities in Kuala Lumpur, Malaysia, ordered the opposition party to disband on Monday "
    "in a blow to its leader ahead of an expected general election."
)


def test_a_trigger_in_a_phrase_of_another_time_is_not_the_leads_news(gaz: Gazetteer) -> None:
    # the order is the news, told Monday in the past: the election still ahead is not it
    # (its word is still a cue of the lead's category: lead_cues.yaml)
    assert lead_of(OTHER_TIME, gaz) == [
        ("politics", "Kuala Lumpur", "2024-05-13", "2024-05-13", "day")
    ]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # five words between the opener and its trigger: still the other time's talks
        (
            "ahead of what have become increasingly bitter talks",
            [("other", "Kuala Lumpur", "2024-05-13", "2024-05-13", "day")],
        ),
        # counter-example: a trigger far past the opener ("after officials … found the
        # party had rigged the vote") is not in its phrase: the lead keeps it, told as
        # subordinate, so the lead reads as one with no trigger word of its own, and the
        # vote's word is a cue of its category (politics), not the other time's
        (
            "after officials of the election commission in the capital found the party had "
            "rigged the vote",
            [("politics", "Kuala Lumpur", "2024-05-13", "2024-05-13", "day")],
        ),
    ],
    ids=["five-words", "far-past-the-opener"],
)
def test_a_phrase_of_another_time_reaches_six_words(
    gaz: Gazetteer, phrase: str, expected: list[tuple]
) -> None:
    text = OTHER_TIME.replace("ahead of an expected general election", phrase)
    assert lead_of(text, gaz) == expected


def test_a_lead_dated_inside_such_a_phrase_gives_nothing(gaz: Gazetteer) -> None:
    # counter-example: the only time is the other happening's ("after the attacks of May 1")
    text = (
        "Police end surveillance programme\n\n"
        "Police in Kuala Lumpur, Malaysia, agreed to end a surveillance programme set up after "
        "the attacks of May 1."
    )
    assert lead_of(text, gaz) == []


def test_a_lead_with_a_trigger_of_its_own_keeps_it(gaz: Gazetteer) -> None:
    # counter-example: "arrested" stands outside the "after" phrase: the lead is its arrest
    text = (
        "Two men held after robbery\n\n"
        "Police in Kuala Lumpur, Malaysia, arrested two men on Monday after a robbery at a "
        "jewellery shop."
    )
    types = {r.type.name for r in reports_of(text, gaz)}
    assert "arrest" in types
    assert all(r.role != LEAD_ROLE or r.type.name == "arrest" for r in reports_of(text, gaz))


#: A lead with a one-spot trigger of its own ("was arrested") that names no place; the body
#: names the story's one town after the lead.
ONE_SPOT_LEAD = (
    "Driver held after chase\n\n"
    "A driver was arrested on Saturday morning after a short chase. "
    "He had no licence, officers said. "
    "The chase ended near a school in Canmore, Alberta."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a happening of one spot (an arrest) in a story of one town happened in that town
        (ONE_SPOT_LEAD, [("crime", "Canmore", "2024-05-11", "2024-05-11", "day")]),
        # counter-examples: a trigger of a happening that is not of one spot (a rescue may
        # be anywhere: the lead does not place it), and a story of two distant towns
        (ONE_SPOT_LEAD.replace("was arrested", "was rescued"), []),
        (ONE_SPOT_LEAD.replace("Alberta.", "Alberta, far from his home in Halifax."), []),
    ],
    ids=["one-spot", "not-one-spot", "two-towns"],
)
def test_a_one_spot_lead_naming_no_place_takes_the_storys_one_town(
    gaz: Gazetteer, text: str, expected: list[tuple]
) -> None:
    assert lead_of(text, gaz) == expected


#: A lead with a one-spot trigger that names no place; the body names one county (and the
#: state that holds it) and no town.
ONE_COUNTY = (
    "Woman held after search\n\n"
    "A woman was arrested on drug charges after a search at a residence on Saturday morning. "
    "Deputies searched the home in rural Lexington County, South Carolina, after a tip."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ONE_COUNTY, [("crime", "Lexington County", "2024-05-11", "2024-05-11", "day")]),
        # counter-examples: two counties (which is the story's?), a place near a town that is
        # no division holding the county, and a lead whose news has no trigger word (a body's
        # county is not enough to place a lead told with an ordinary verb)
        (ONE_COUNTY.replace(", South Carolina,", " and in Richland County"), []),
        (ONE_COUNTY.replace(", South Carolina,", " near Columbia"), []),
        (ONE_COUNTY.replace("was arrested on drug charges", "was thanked"), []),
    ],
    ids=["one-county", "two-counties", "near-a-town", "no-trigger"],
)
def test_a_one_spot_lead_naming_no_place_takes_the_storys_one_county(
    gaz: Gazetteer, text: str, expected: list[tuple]
) -> None:
    assert lead_of(text, gaz) == expected
