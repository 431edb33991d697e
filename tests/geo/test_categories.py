"""The category an event is mapped under (the ``layers`` of geo/data/senses.yaml, read from
the sentence of each report once it is made): the events guidelines' categories where a
trigger's own type would give another. Every layer has a sentence where it must fire and one
where it must not. The sentences are written here, in the style of news."""

from __future__ import annotations

from datetime import date

import pytest

from gazetteer import Gazetteer
from geo.extraction import extract
from geo.model import Article


def categories(text: str, gaz: Gazetteer) -> list[str]:
    """The categories of the events of ``text``, published on 10 May 2024."""
    article = Article(id="t", text=text, published=date(2024, 5, 10))
    return list(extract([article], gazetteer=gaz).events["category"])


# -- a local council's meeting is politics ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "City council members met in Lancaster on Monday to discuss the budget.",
        "The senator held a town hall meeting in Leeds on Monday.",
        # the gold samples file school boards' meetings under politics
        "The school board held a meeting in Norfolk on Friday.",
        # a leader with his own staff
        "The president met his national security aides in Washington on Tuesday.",
    ],
)
def test_a_meeting_of_a_local_council_is_politics(text: str, gaz: Gazetteer) -> None:
    assert categories(text, gaz) == ["politics"], text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a state's title with "councilor" in it, meeting a foreign minister: diplomacy
        (
            "State Councilor and Foreign Minister Li met his counterpart in Hanoi on Monday.",
            "diplomacy",
        ),
        # aides meeting foreign counterparts: diplomacy
        (
            "Aides of the two presidents met their foreign counterparts in Geneva on Tuesday.",
            "diplomacy",
        ),
        # no council: a private meeting stays "other"
        ("Six seniors met for a gourmet dinner at a home in Leeds on Monday.", "other"),
    ],
)
def test_a_meeting_of_no_local_council_keeps_its_category(
    text: str, category: str, gaz: Gazetteer
) -> None:
    assert categories(text, gaz) == [category], text


# -- a fire that was set, a hit-and-run: crimes ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Investigators said an arsonist started the house fire in Lancaster on Monday.",
        "A woman was arrested after the blaze at a home in Lancaster on Monday.",
    ],
)
def test_a_fire_that_was_set_is_a_crime(text: str, gaz: Gazetteer) -> None:
    assert categories(text, gaz) == ["crime"], text


def test_a_fire_of_no_arson_stays_a_disaster(gaz: Gazetteer) -> None:
    assert categories("A house fire in Lancaster on Monday destroyed a garage.", gaz) == [
        "disaster"
    ]


def test_a_hit_and_run_is_a_crime_and_a_crash_a_disaster(gaz: Gazetteer) -> None:
    hit_and_run = "A cyclist was killed in a hit-and-run crash in Lancaster on Monday."
    assert categories(hit_and_run, gaz) == ["crime"]
    crash = "A cyclist was killed in a car crash in Lancaster on Monday."
    assert categories(crash, gaz) == ["disaster"]


def test_a_layer_needs_words_to_read() -> None:
    from geo import senses
    from geo.errors import GeoError
    from geo.lexicon import load_lexicon

    with pytest.raises(GeoError, match="'unless' or 'when'"):
        senses._layer({"types": ["fire"], "category": "crime"}, load_lexicon().types)


# -- a lead of a government's act is politics (geo/data/lead_cues.yaml) ----------------------


def test_a_lead_of_a_government_act_is_politics(gaz: Gazetteer) -> None:
    from tests.geo.test_lead_cues import category

    assert category(
        "Minister weighs new clocks",
        "The Saskatoon labour minister looked at new clocks on Saturday afternoon.",
        gaz,
    ) == ["politics"]
    assert category(
        "Townships weigh new fees",
        "Township officials in Saskatoon looked at new fees on Saturday afternoon.",
        gaz,
    ) == ["politics"]
    # officials who are only the source of the news, and an official appearance, name no
    # government act
    assert category(
        "Pair rescues dog",
        "Two Saskatoon teenagers pulled a dog from a pond on Saturday afternoon, officials say.",
        gaz,
    ) == ["other"]
    assert category(
        "Fair queen waves goodbye",
        "The Saskatoon fair queen made her last official appearance on Saturday afternoon.",
        gaz,
    ) == ["other"]
    assert category(
        "Aide left out",
        "A White House aide from Saskatoon looked at new rules on Saturday afternoon.",
        gaz,
    ) == ["politics"]
    # a store's department names no government: the lead stays "other"
    assert category(
        "Store weighs new clocks",
        "A Saskatoon department store looked at new clocks on Saturday afternoon.",
        gaz,
    ) == ["other"]


# -- a death takes the category its sentence tells -------------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The body of a man was found dumped in a ditch in Lancaster on Monday.", "crime"),
        # the police as the finders, not the source
        ("Police found the body of a woman in her apartment in Lancaster on Monday.", "crime"),
        (
            "A woman was found dead in Lancaster on Monday after firefighters put out the flames.",
            "disaster",
        ),
        # counter-examples: the police only tell it, or nothing tells what it was
        ("A man was found dead in a pool in Lancaster on Monday, police said.", "other"),
        ("The body of a man was found in a park in Lancaster on Monday.", "other"),
        # a stolen car tells how the body was found, not how the man died (t27's gold)
        ("The body of a missing man was found in a stolen car in Lancaster on Monday.", "other"),
    ],
)
def test_a_death_takes_the_category_its_sentence_tells(
    text: str, category: str, gaz: Gazetteer
) -> None:
    assert categories(text, gaz) == [category], text


# -- a strike by those who stop work is a protest (senses.yaml) ------------------------------


def test_a_strike_of_workers_named_before_it_is_a_protest() -> None:
    from geo.lexicon import find_triggers
    from geo.senses import resolve

    def read(text: str) -> list[tuple[str, str]]:
        found = resolve(text, find_triggers(text), lambda pos: (0, len(text)))
        return [(t.form, t.type.category) for t in found]

    assert ("strike", "protest") in read("A pilots' strike grounded flights in Lyon on Monday.")
    assert ("strikes", "protest") in read("ATC strikes delayed flights across France on Monday.")
    # counter-example: no one stops work before the strike
    assert ("strike", "conflict") in read("A missile strike hit a depot in Lyon on Monday.")


def test_a_lead_of_weather_or_contamination_is_a_disaster(gaz: Gazetteer) -> None:
    from tests.geo.test_lead_cues import category

    assert category(
        "Thunder and snow in the city",
        "Thunder and snow rained on Saskatoon on Saturday afternoon.",
        gaz,
    ) == ["disaster"]
    assert category(
        "Bacteria found in pipes",
        "Tests found Legionella bacteria in a Saskatoon school on Saturday afternoon.",
        gaz,
    ) == ["disaster"]
    # counter-example: a snowman contest is no snow storm (no cue word of its own)
    assert category(
        "Pupils build a giant",
        "Saskatoon pupils built a giant snowman on Saturday afternoon.",
        gaz,
    ) == ["other"]


# -- a ruling in a criminal case is a crime; in a civil or political one politics ------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "An appeals court in Leeds upheld the conviction of a local man on Monday.",
            "crime",
        ),
        ("Judge Jane Roe denied bail to the defendant in Leeds on Monday.", "crime"),
        # counter-examples: a civil case, and a criminal charge in a case of politics
        ("On Monday a judge in Leeds ruled that the city owes the builder money.", "politics"),
        (
            "A court in Leeds ruled on Monday that two opposition leaders accused of plotting "
            "a coup should stay in jail.",
            "politics",
        ),
    ],
)
def test_a_ruling_in_a_criminal_case_is_a_crime(text: str, category: str, gaz: Gazetteer) -> None:
    assert categories(text, gaz) == [category], text


def test_a_lead_of_relations_between_states_is_diplomacy(gaz: Gazetteer) -> None:
    from tests.geo.test_lead_cues import category

    assert category(
        "Council of Europe weighs sanctions",
        "The Council of Europe looked at sanctions in Saskatoon on Saturday afternoon.",
        gaz,
    ) == ["diplomacy"]
    # counter-example: a city council names no relation between states
    assert category(
        "Council weighs new pool",
        "The Saskatoon city council looked at plans for a pool on Saturday afternoon.",
        gaz,
    ) == ["politics"]


def test_a_lead_of_a_mugging_is_a_crime(gaz: Gazetteer) -> None:
    from tests.geo.test_lead_cues import category

    assert category(
        "Mugger pistol-whips teen",
        "A Saskatoon teenager lost his wallet on Saturday afternoon.",
        gaz,
    ) == ["crime"]
    # counter-example: a wallet lost with no robber named
    assert category(
        "Teen loses wallet",
        "A Saskatoon teenager lost his wallet on Saturday afternoon.",
        gaz,
    ) == ["other"]


# -- a launch or a deployment of no armed force is no military act ---------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The author launched her book at a library in Abuja on Tuesday.", "other"),
        ("The firm deployed a wave energy buoy off the coast of Denmark on Tuesday.", "other"),
        # counter-examples: a missile, a navy's frigates
        ("North Korea launched a missile from near Pyongyang on Tuesday.", "military"),
        ("The navy deployed two frigates off the coast of Denmark on Tuesday.", "military"),
    ],
)
def test_a_launch_or_deployment_of_no_armed_force_is_other(
    text: str, category: str, gaz: Gazetteer
) -> None:
    assert categories(text, gaz) == [category], text


# -- a police shooting in a story of armed conflict is conflict ------------------------------


def test_a_police_shooting_in_a_story_of_insurgents_is_conflict(gaz: Gazetteer) -> None:
    shooting = "Police shot dead two men at a checkpoint in Peshawar on Friday."
    war = "Insurgents have fought the army in the hills for months. "
    assert categories(war + shooting, gaz) == ["conflict"]
    # counter-example: the same shooting in a story that names no armed force is a crime
    assert categories(shooting, gaz) == ["crime"]


# -- a vigil of a church's liturgy is no protest ---------------------------------------------


def test_a_vigil_of_the_liturgy_is_no_protest(gaz: Gazetteer) -> None:
    text = "Hundreds attended the Easter Vigil at the cathedral in Leeds on Saturday."
    assert categories(text, gaz) == ["other"]
    # counter-example: a candlelight vigil for victims stays a protest (the guidelines' vigils)
    text = "Hundreds held a candlelight vigil in Leeds on Saturday for the victims of the shooting."
    assert categories(text, gaz) == ["protest"]


# -- a lead that names a crime, an election or an accident it does not tell as news ----------


@pytest.mark.parametrize(
    ("headline", "lead", "expected"),
    [
        (
            "Family of slain teen thanks neighbours",
            "The family of a Saskatoon teenager thanked neighbours on Saturday afternoon.",
            "crime",
        ),
        (
            "President-elect praises plant",
            "The president-elect praised a Saskatoon plant on Saturday afternoon.",
            "politics",
        ),
        (
            "Officers treated after cruisers collide",
            "Three Saskatoon officers were treated at hospital on Saturday afternoon.",
            "disaster",
        ),
        # counter-examples: words of other senses are no cue ("cardiac arrest", "remains" as a
        # verb, a club's election of its captain)
        (
            "Teenagers revive man",
            "A Saskatoon man in cardiac arrest was revived by two teenagers on Saturday afternoon.",
            "other",
        ),
        (
            "Teenagers save dog",
            "The Saskatoon pond remains a favourite of two teenagers who pulled a dog from it on "
            "Saturday.",
            "other",
        ),
        (
            "Club elects captain",
            "The Saskatoon rowing club elected a new captain on Saturday afternoon.",
            "other",
        ),
    ],
)
def test_a_lead_naming_a_happening_it_does_not_tell_takes_its_category(
    headline: str, lead: str, expected: str, gaz: Gazetteer
) -> None:
    from tests.geo.test_lead_cues import category

    assert category(headline, lead, gaz) == [expected]
