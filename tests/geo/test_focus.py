"""The article's focus (geo/focus.py): happenings whose sentence names no place, placed at the
town a local story is about, and the sentences where that must not happen."""

from __future__ import annotations

from datetime import date

import pytest

from gazetteer import Gazetteer
from geo.events import detect_events
from geo.focus import Focus, article_focus
from geo.geoparse import analyze
from geo.reports import ROLE_FACTOR, EventReport

PUBLISHED = date(2024, 5, 15)  # a Wednesday
#: A sentence elsewhere in the story that says which Winnipeg the dateline means.
ANCHOR = "\nOfficers say Manitoba has seen a rise in such thefts."


def run(text: str, gaz: Gazetteer) -> tuple[Focus | None, list[EventReport]]:
    a = analyze(text, PUBLISHED, gazetteer=gaz)
    return article_focus(text, a.recognized, a.timeline, gazetteer=gaz), detect_events(
        text, a.recognized, a.timeline, article="t", gazetteer=gaz
    )


def focused(reports: list[EventReport]) -> list[tuple[str, str, str]]:
    return [
        (r.type.name, r.place.name, r.dates.start.isoformat()) for r in reports if r.role == "focus"
    ]


def test_a_dateline_places_a_dated_arrest_whose_sentence_names_no_place(gaz: Gazetteer) -> None:
    text = (
        "WINNIPEG – Police arrested a 34-year-old man on Monday after a break-in at a "
        "convenience store." + ANCHOR
    )
    focus, reports = run(text, gaz)
    assert focus is not None and focus.source == "dateline"
    assert focused(reports) == [("arrest", "Winnipeg", "2024-05-13")]
    report = next(r for r in reports if r.role == "focus")
    assert ROLE_FACTOR["focus"] < ROLE_FACTOR["inherited"]
    assert report.status == "reported"


def test_the_town_that_leads_the_story_is_its_focus(gaz: Gazetteer) -> None:
    text = (
        "Thieves broke into a Saskatoon pharmacy overnight, police in Saskatoon said.\n"
        "Officers arrested two women on Tuesday after a short chase through a parking lot.\n"
        "Both women were known to Saskatoon police. Saskatchewan has seen a rise in thefts."
    )
    focus, reports = run(text, gaz)
    assert focus is not None and focus.source == "dominant"
    assert ("arrest", "Saskatoon", "2024-05-14") in focused(reports)


@pytest.mark.parametrize(
    "sentence",
    [
        # another place in the sentence, which the trigger could not take
        "WINNIPEG – Police arrested a man from Regina on Monday after a break-in at a store.",
        # a statement is not placed by the dateline
        "WINNIPEG – The mayor said on Monday that the new budget was fair to every ward.",
        # quoted words
        'WINNIPEG – "Officers arrested him on Monday," the constable told reporters.',
        # background: an old date
        "WINNIPEG – Police arrested the man in March 2019 after a break-in at a store.",
        # no date of its own, after the dateline's sentence (which tells the day's news:
        # tests/geo/test_local_news_events.py; "officers were called to" is a call-out of its
        # own, placed by the dateline: tests/geo/test_event_titles.py)
        "WINNIPEG – A clerk phoned officers from a store on Monday.\nPolice arrested the man "
        "after a break-in.",
        # a plan
        "WINNIPEG – City council will vote on the new budget next Tuesday.",
        # another country's demonym
        "WINNIPEG – A Russian sailor was arrested on Monday after a fight at a bar.",
    ],
)
def test_the_focus_does_not_place(sentence: str, gaz: Gazetteer) -> None:
    focus, reports = run(sentence + ANCHOR, gaz)
    assert focus is not None  # the focus is there; the sentence is not for it
    assert focused(reports) == []


def test_at_most_one_focus_event_per_kind_of_happening_and_day(gaz: Gazetteer) -> None:
    # the same arrest told twice, the same day: one happening
    text = (
        "WINNIPEG – Police arrested a man on Monday after a break-in at a store.\n"
        "Officers also arrested his brother on Monday night." + ANCHOR
    )
    assert focused(run(text, gaz)[1]) == [("arrest", "Winnipeg", "2024-05-13")]


def test_a_second_happening_of_a_kind_on_another_day_is_placed_too(gaz: Gazetteer) -> None:
    # a town's police log: an arrest on Monday, another on Tuesday
    text = (
        "WINNIPEG – Police arrested a man on Monday after a break-in at a store.\n"
        "Officers arrested a second man on Tuesday." + ANCHOR
    )
    assert focused(run(text, gaz)[1]) == [
        ("arrest", "Winnipeg", "2024-05-13"),
        ("arrest", "Winnipeg", "2024-05-14"),
    ]


def test_a_foreign_desk_dateline_is_no_focus(gaz: Gazetteer) -> None:
    text = (
        "BEIRUT – Rebels were arrested on Monday as buses left Aleppo.\n"
        "The convoy reached Aleppo's western edge and then Idlib. Aleppo was quiet."
    )
    focus, reports = run(text, gaz)
    assert focus is None
    assert focused(reports) == []


def test_a_dateline_we_cannot_place_leaves_no_focus(gaz: Gazetteer) -> None:
    text = (
        "ZORBINVILLE – Police arrested a man on Monday after a break-in at a store.\n"
        "The man lives in Winnipeg and works in Winnipeg." + ANCHOR
    )
    focus, reports = run(text, gaz)
    assert focus is None
    assert focused(reports) == []


def test_a_town_the_text_does_not_tell_from_its_namesakes_is_no_focus(gaz: Gazetteer) -> None:
    text = (
        "Two men were arrested on Monday after a fight outside a London bar.\n"
        "The men were charged on Tuesday.\n"
        "London police said the bar in London would stay closed."
    )
    focus, reports = run(text, gaz)
    assert focus is None
    assert focused(reports) == []


def test_a_country_is_no_focus(gaz: Gazetteer) -> None:
    text = (
        "Police arrested a man on Monday after a break-in at a store in Canada.\n"
        "Officers arrested a second man on Tuesday. Canada has seen a rise in thefts."
    )
    focus, reports = run(text, gaz)
    assert focus is None
    assert focused(reports) == []


def test_an_agency_dateline_that_lost_its_dash_is_a_dateline(gaz: Gazetteer) -> None:
    text = (
        "WINNIPEG (CP)   Police arrested a 34-year-old man on Monday after a break-in at a "
        "convenience store." + ANCHOR
    )
    focus, reports = run(text, gaz)
    assert focus is not None and focus.source == "dateline"
    assert focused(reports) == [("arrest", "Winnipeg", "2024-05-13")]
    # counter-example: capitals and a bracket without an agency's place are no dateline
    plain = "NATO (the alliance) said police arrested a man on Monday." + ANCHOR
    assert run(plain, gaz)[0] is None or run(plain, gaz)[0].source != "dateline"


def test_a_shooting_in_a_local_story_is_placed_by_its_dateline(gaz: Gazetteer) -> None:
    text = (
        "WINNIPEG – Two officers were gunned down when they pulled over a car on Saturday." + ANCHOR
    )
    focus, reports = run(text, gaz)
    assert focus is not None
    assert [(kind, place) for kind, place, _ in focused(reports)] == [("attack", "Winnipeg")]
    # counter-example: a war's fighting covers an area, the dateline's town does not place it
    war = "WINNIPEG – Fighting raged on Saturday, the army said." + ANCHOR
    assert focused(run(war, gaz)[1]) == []


def focus_of(text: str, gaz: Gazetteer) -> tuple[str, str] | None:
    focus = run(text, gaz)[0]
    return None if focus is None else (focus.place.name, focus.source)


def test_a_foreign_desk_dateline_leaves_the_town_the_story_is_about(gaz: Gazetteer) -> None:
    text = (
        "BEIRUT – Rebels were arrested on Monday in Aleppo as buses left.\n"
        "The convoy reached Aleppo's western districts and then Idlib. Aleppo was quiet."
    )
    assert focus_of(text, gaz) == ("Aleppo", "dominant")
    # counter-example: the desk's story names no town more than the others
    spread = (
        "BEIRUT – Rebels were arrested on Monday as buses left Damascus for Idlib.\n"
        "Aleppo was quiet. Damascus and Aleppo were calm on Tuesday."
    )
    assert focus_of(spread, gaz) is None


def test_a_local_police_force_names_the_story_town(gaz: Gazetteer) -> None:
    text = (
        "Officers arrested two men on Tuesday after a fight outside a bar, the Saskatoon "
        "Police Service said.\nThe men, who had driven up from Regina, were released on "
        "Wednesday.\nSaskatoon Police Service officers said the bar in Saskatoon would stay "
        "closed. Saskatchewan has seen a rise in fights."
    )
    assert focus_of(text, gaz) == ("Saskatoon", "dominant")
    assert ("arrest", "Saskatoon", "2024-05-14") in focused(run(text, gaz)[1])
    # counter-example: an organisation that is no police force or court counts for nothing
    board = text.replace("Police Service", "Tourism Board")
    assert focus_of(board, gaz) is None


def test_a_street_the_town_owns_is_a_use_of_the_town_as_a_place(gaz: Gazetteer) -> None:
    text = (
        "Council votes to rename street\n"
        "Regina's Albert Street will be renamed after a former mayor, officials said.\n"
        "Councillors voted on Tuesday to approve the change. Regina councillors welcomed it; "
        "Saskatchewan will pay for new signs."
    )
    assert focus_of(text, gaz) == ("Regina", "dominant")
    # counter-example: "Regina's mayor" is an office holder, not a part of the town
    mayor = text.replace(
        "Regina's Albert Street will be renamed", "Regina's mayor said a street will be renamed"
    )
    assert focus_of(mayor, gaz) is None


def test_a_qualified_mention_says_which_namesake_the_town_is(gaz: Gazetteer) -> None:
    text = (
        "A fire destroyed a barn in Churchill, Man., on Monday.\n"
        "Firefighters from Churchill said nobody was hurt.\n"
        "Churchill police arrested a teenager on Tuesday."
    )
    assert focus_of(text, gaz) == ("Churchill", "dominant")
    # counter-example: the bare name says nothing of which Churchill
    assert focus_of(text.replace("Churchill, Man.,", "Churchill"), gaz) is None


def test_a_county_that_holds_the_town_says_which_namesake_it_is(gaz: Gazetteer) -> None:
    text = (
        "Deputies arrested a man on Tuesday after a robbery at a store in Gainesville.\n"
        "The store in Gainesville reopened on Wednesday, Alachua County deputies said."
    )
    assert focus_of(text, gaz) == ("Gainesville", "dominant")
    # counter-example: a county elsewhere says nothing of this Gainesville
    assert focus_of(text.replace("Alachua", "Cook"), gaz) is None


def test_a_town_named_once_with_its_suburbs_is_the_focus(gaz: Gazetteer) -> None:
    text = (
        "A man was robbed at a store in Surrey, police said.\n"
        "Officers arrested a suspect on Tuesday. He lives in Burnaby, British Columbia."
    )
    assert focus_of(text, gaz) == ("Surrey", "cluster")
    assert ("arrest", "Surrey", "2024-05-14") in focused(run(text, gaz)[1])
    # counter-example: a far town is another story's place, not a suburb
    far = text.replace("Burnaby, British Columbia", "Calgary, Alberta")
    assert focus_of(far, gaz) is None


def test_a_far_town_named_as_where_someone_came_from_keeps_the_cluster(gaz: Gazetteer) -> None:
    text = (
        "A man was robbed at a store in Surrey, police said.\n"
        "Officers arrested a suspect on Tuesday. He lives in Burnaby, British Columbia.\n"
        "His brother came from Calgary, Alberta, for the hearing."
    )
    assert focus_of(text, gaz) == ("Surrey", "cluster")
    assert ("arrest", "Surrey", "2024-05-14") in focused(run(text, gaz)[1])
    # counter-example: the far town as a place of the story still breaks the cluster
    told = text.replace("came from Calgary, Alberta, for", "works in Calgary, Alberta, before")
    assert focus_of(told, gaz) is None


def test_a_county_that_holds_the_focus_names_no_other_place(gaz: Gazetteer) -> None:
    text = (
        "Police in Gainesville said a store was robbed on Monday.\n"
        "An Alachua County deputy arrested a man on Tuesday. The store in Gainesville "
        "reopened, Florida police said."
    )
    assert ("arrest", "Gainesville", "2024-05-14") in focused(run(text, gaz)[1])
    # counter-example: a county elsewhere is where that arrest was
    elsewhere = text.replace("An Alachua County", "A Cook County")
    assert ("arrest", "Gainesville", "2024-05-14") not in focused(run(elsewhere, gaz)[1])


def test_where_someone_lives_names_no_other_place(gaz: Gazetteer) -> None:
    # "A Selkirk woman": who, not where; the dateline's town is where she was sentenced
    text = (
        "WINNIPEG – A Selkirk woman was sentenced to five years in prison on Monday for "
        "fraud." + ANCHOR
    )
    _, reports = run(text, gaz)
    assert focused(reports) == [("trial", "Winnipeg", "2024-05-13")]


def test_a_town_the_sentence_tells_of_still_names_another_place(gaz: Gazetteer) -> None:
    # counter-example: "Selkirk police" are not where someone lives; the sentence is about
    # somewhere else, so the dateline's town does not place it
    text = (
        "WINNIPEG – Selkirk police arrested a man on Monday after a break-in at a store." + ANCHOR
    )
    _, reports = run(text, gaz)
    assert focused(reports) == []


#: A short story whose people are said to live in one town, and a line that says which one.
RESIDENTS = (
    "A driver accused in a fatal hit-and-run crash made her first court appearance on "
    "Tuesday.\nJane Doe, 26, of Saskatoon, was held in custody. Also in court was John Roe, "
    "30, of Saskatoon.\nSaskatchewan has seen a rise in such crashes."
)


def test_where_the_people_of_a_story_live_and_a_short_title_name_its_town(
    gaz: Gazetteer,
) -> None:
    # ", of Saskatoon," says where people live: a use of the town as a place; a title of a
    # few words before the story, full stop and all, is a headline: the lead is the two
    # sentences after it
    text = "Driver appears in court.\n" + RESIDENTS
    assert focus_of(text, gaz) == ("Saskatoon", "dominant")
    assert focused(run(text, gaz)[1])
    # counter-example: the story's own first sentence is no headline, so the town is first
    # named after the lead
    long_first = "The hearing lasted an hour in a courtroom packed with the victim's family.\n"
    assert focus_of(long_first + RESIDENTS, gaz) is None


#: A story about a small town (below the main index's cities) that only a division pins.
SMALL_TOWN = (
    "Irmo woman dies after crash.\nAn Irmo woman died early Monday when her pickup left a "
    "county road and hit a tree, the S.C. Highway Patrol said.\nThe driver was alone."
)


def test_a_small_town_the_lead_names_is_pinned_by_a_division_the_text_names(
    gaz: Gazetteer,
) -> None:
    # "the S.C. Highway Patrol" names South Carolina (as an organisation's), and one Irmo
    # lies in it
    a = analyze(SMALL_TOWN, PUBLISHED, gazetteer=gaz)
    unplaced = [m for m in a.recognized if m.place.kind != "town"]  # no bare towns (below)
    focus = article_focus(SMALL_TOWN, unplaced, a.timeline, gazetteer=gaz)
    assert focus is not None and (focus.place.name, focus.source) == ("Irmo", "pinned")
    # geo.bare_towns places "Irmo" itself: the town is then the text's own dominant place
    focus, reports = run(SMALL_TOWN, gaz)
    assert focus is not None and (focus.place.name, focus.source) == ("Irmo", "dominant")
    assert focused(reports) == [("accident", "Irmo", "2024-05-13")]
    # a county pins it too, and "in Irmo on Monday" is a use of the town as a place
    county = (
        "Store robbed in Irmo on Monday.\nTwo men robbed a store in Irmo on Monday, the "
        "Lexington County sheriff said. Officers arrested one of them on Tuesday."
    )
    a = analyze(county, PUBLISHED, gazetteer=gaz)
    unplaced = [m for m in a.recognized if m.place.kind != "town"]  # no bare towns (below)
    focus = article_focus(county, unplaced, a.timeline, gazetteer=gaz)
    assert focus is not None and (focus.place.name, focus.source) == ("Irmo", "pinned")
    # the county and the town lie together in South Carolina, the story's home
    # (geo.colocated): geo.bare_towns places "Irmo" itself, the text's dominant place
    assert focus_of(county, gaz) == ("Irmo", "dominant")
    assert ("arrest", "Irmo", "2024-05-14") in focused(run(county, gaz)[1])


@pytest.mark.parametrize(
    "text",
    [
        # no division or county says which of four Hopkintons (one Irmo alone would be
        # that town: geo.bare_towns.unique_towns)
        SMALL_TOWN.replace("the S.C. Highway Patrol", "troopers").replace("Irmo", "Hopkinton"),
        # named once
        SMALL_TOWN.replace("Irmo woman dies", "Woman dies"),
        # a name before a noun after "in" is not a place: a person's case
        "Suspect in Irmo fraud case appears in court.\nA man accused in the Irmo fraud case "
        "appeared in court on Tuesday, the S.C. attorney general said.",
        # a division that holds no town of the name
        SMALL_TOWN.replace("the S.C. Highway Patrol", "the Nebraska State Patrol"),
    ],
)
def test_a_small_town_is_not_pinned(text: str, gaz: Gazetteer) -> None:
    assert focus_of(text, gaz) is None


def test_without_a_gazetteer_no_small_town_is_pinned(gaz: Gazetteer) -> None:
    a = analyze(SMALL_TOWN, PUBLISHED, gazetteer=gaz)
    unplaced = [m for m in a.recognized if m.place.kind != "town"]  # no bare towns
    assert article_focus(SMALL_TOWN, unplaced, a.timeline) is None


def test_a_dated_happening_comes_before_the_datelines_undated_news_of_its_kind(
    gaz: Gazetteer,
) -> None:
    # the dateline's sentence is undated news of the day; the arrest of Monday is the day it
    # happened, and the focus places one arrest
    charged = "WINNIPEG – A local couple was charged with selling cocaine from their home.\n"
    dated = "On Monday, officers arrested the pair at their home." + ANCHOR
    assert focused(run(charged + dated, gaz)[1]) == [("arrest", "Winnipeg", "2024-05-13")]
    # counter-example: with no dated arrest, the dateline's news is placed, around publication
    assert [(k, p) for k, p, _ in focused(run(charged + ANCHOR, gaz)[1])] == [
        ("arrest", "Winnipeg")
    ]


def test_a_short_title_with_a_full_stop_names_where_the_story_is(gaz: Gazetteer) -> None:
    # "Saskatoon councillor" is a person's title, but the title names the story's town
    body = (
        "\nCouncil members voted on Tuesday to close the pool, said Saskatoon councillor Jane "
        "Doe.\nSaskatchewan has seen several such closures."
    )
    text = "Saskatoon pool closes." + body
    assert focus_of(text, gaz) == ("Saskatoon", "dominant")
    assert ("adoption", "Saskatoon", "2024-05-14") in focused(run(text, gaz)[1])
    # counter-example: a first sentence as long as a story's own is no title
    long_first = "Saskatoon pool closes after the council votes to cut the budget of the parks."
    assert focus_of(long_first + body, gaz) is None


# -- the story's one town: where the rule passes placed every happening of a story ------------

_ARREST = "A Regina man was arrested in Saskatoon on Friday after a break-in at a pharmacy. "
_SHOT = "Police found a second man shot dead at a house on Saturday. "
_PROVINCE = "Officers in Saskatchewan are investigating."


def test_the_story_town_places_the_dated_happenings_after_it(gaz: Gazetteer) -> None:
    # no focus (Regina names where a man lives, far from Saskatoon), but the rule passes
    # placed the story's happenings at one town: the later shooting is placed there
    focus, reports = run(_ARREST + _SHOT + _PROVINCE, gaz)
    assert focus is None
    assert focused(reports) == [("attack", "Saskatoon", "2024-05-11")]


def test_a_story_of_two_towns_places_nothing_at_either(gaz: Gazetteer) -> None:
    # counter-example: the rule passes placed happenings at two towns
    other = "Another man was arrested in Winnipeg on Friday. "
    focus, reports = run(_ARREST + other + _SHOT + _PROVINCE, gaz)
    assert focus is None
    assert focused(reports) == []
    # … and a happening before the story's town is not placed there
    _, reports = run(_SHOT + _ARREST + _PROVINCE, gaz)
    assert focused(reports) == []


#: A headline and a lead that tell the day's news undated, in a story about one town.
LOCAL_LEAD = (
    "Saskatoon woman charged after pharmacy fire\n\n"
    "Jane Doe, 19, of Saskatoon, was arrested and charged with arson. "
    "Saskatoon police said the fire caused little damage. Saskatchewan fire officials "
    "investigated."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the lead of a story about its focus tells the day's news: around publication
        (LOCAL_LEAD, [("arrest", "Saskatoon", "2024-05-14")]),
        # counter-examples: the same words after the lead are no news of the day; a lead
        # that names the happening with a noun may tell an old one
        (
            LOCAL_LEAD.replace(
                "Jane Doe, 19, of Saskatoon, was arrested and charged with arson. ", ""
            ).replace(
                "caused little damage.",
                "caused little damage. Jane Doe, 19, of Saskatoon, was arrested and charged.",
            ),
            [],
        ),
        (
            LOCAL_LEAD.replace(
                "was arrested and charged with arson", "spoke about the arrest of her brother"
            ),
            [],
        ),
    ],
    ids=["lead", "later-sentence", "noun"],
)
def test_the_lead_of_a_local_story_tells_the_days_news(
    gaz: Gazetteer, text: str, expected: list[tuple[str, str, str]]
) -> None:
    focus, reports = run(text, gaz)
    assert focus is not None and focus.source in {"dominant", "cluster"}
    assert focused(reports) == expected
