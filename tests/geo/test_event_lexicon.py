"""The event types of real local and world news (crime, courts, accidents, outbreaks,
recounts, readings…): each fires on a news sentence and stays silent on a look-alike.

The sentences are written here for the purpose (none is taken from a corpus)."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from geo.lexicon import find_triggers, trigger_types
from tests.geo.helpers import reports_of as events


def test_every_type_names_its_class_and_the_categories_are_known() -> None:
    from layers.schema import CATEGORIES

    types = trigger_types()
    assert {t.category for t in types.values()} <= set(CATEGORIES)
    assert types["accident"].category == "disaster"  # crashes are disasters (guidelines)
    assert types["arrest"].category == types["trial"].category == "crime"
    assert types["ruling"].category == "politics"  # court rulings: politics (guidelines)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police arrested two men in Leeds on Monday.", "arrest | crime | Leeds | 2024-05-13"),
        (
            "Three activists were detained in Minsk on Sunday.",
            "arrest | crime | Minsk | 2024-05-12",
        ),
        (
            "A woman was charged with fraud in Bristol on Tuesday.",
            "arrest | crime | Bristol | 2024-05-14",
        ),
        (
            "Officers raided a warehouse in Rotterdam on Thursday.",
            "police_raid | crime | Rotterdam | 2024-05-09",
        ),
        (
            "A man was stabbed to death in Glasgow on Saturday.",
            "murder | crime | Glasgow | 2024-05-11",
        ),
        (
            "Two teenagers were mugged in Dublin on Friday.",
            "crime_assault | crime | Dublin | 2024-05-10",
        ),
        (
            "A businessman was kidnapped in Lagos on Monday.",
            "abduction | crime | Lagos | 2024-05-13",
        ),
        (
            "Thieves robbed a jewellery shop in Antwerp on Monday.",
            "robbery | crime | Antwerp | 2024-05-13",
        ),
        (
            "The former minister went on trial in Milan on Tuesday.",
            "trial | crime | Milan | 2024-05-14",
        ),
        (
            "He was sentenced in Leeds on Monday to life in prison.",
            "trial | crime | Leeds | 2024-05-13",
        ),
        (
            "The constitutional court ruled in Karlsruhe on Tuesday that the law was void.",
            "ruling | politics | Karlsruhe | 2024-05-14",
        ),
        ("A tree fell on a car in Bath on Sunday.", "accident | disaster | Bath | 2024-05-12"),
        ("A body was found in a river in Bruges on Monday.", "death | other | Brugge | 2024-05-13"),
        (
            "Health officials confirmed a cholera outbreak in Beira on Monday.",
            "outbreak | disaster | Beira | 2024-05-13",
        ),
        (
            "The company announced a voluntary recall of baby formula in Canada on Monday.",
            "recall | other | Canada | 2024-05-13",
        ),
        (
            "An undersea cable was cut in the Baltic Sea on Sunday.",
            "damage | other | Baltic Sea | 2024-05-12",
        ),
        (
            "Special forces stormed a hotel in Mogadishu on Saturday.",
            "storming | conflict | Mogadishu | 2024-05-11",
        ),
        (
            "Jill Stein requested a recount in Wisconsin on Friday.",
            "recount | politics | Wisconsin | 2024-05-10",
        ),
        (
            "The bill passed second reading in Canberra on Wednesday.",
            "legislation | politics | Canberra | 2024-05-15",
        ),
        (
            "Supporters held a gathering in Soweto on Sunday.",
            "gathering | other | Soweto | 2024-05-12",
        ),
    ],
)
def test_a_news_sentence_of_each_type_is_an_event(gaz: Gazetteer, text: str, expected: str) -> None:
    (r,) = events(text, gaz)
    got = (r.type.name, r.category, r.place.name, r.dates.start.isoformat())
    assert " | ".join(got) == expected


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("A bus crash near Cusco killed twelve people on Sunday.", "Bus crash near Cusco"),
        ("A man was stabbed to death in Glasgow on Saturday.", "Stabbing, Glasgow"),
        ("A woman was charged with fraud in Bristol on Tuesday.", "Charge, Bristol"),
        ("A businessman was kidnapped in Lagos on Monday.", "Kidnapping, Lagos"),
        ("Coastguards rescued 40 migrants off Crete on Sunday.", "Rescue off Crete"),
    ],
)
def test_titles_name_the_kind_of_crime_or_accident(gaz: Gazetteer, text: str, title: str) -> None:
    (r,) = events(text, gaz)
    assert r.title == title


def test_missile_launches_and_the_outbreak_of_war(gaz: Gazetteer) -> None:
    (r,) = events("North Korea test-launched a missile near Pyongyang on Monday.", gaz)
    assert (r.type.name, r.category) == ("launch", "military")
    # the start of a war is fighting, not an epidemic
    got = events("Since the outbreak of the civil war in Syria in 2011, millions have fled.", gaz)
    assert [r.category for r in got] == ["conflict"]


@pytest.mark.parametrize(
    "text",
    [
        # legal words in their other senses
        "The drug is being tested in a clinical trial in Boston.",
        "She won on the tennis court in Wimbledon on Monday.",
        "The phone was charged in Oslo.",
        "He suffered a cardiac arrest in Nice on Monday.",
        # a court's ruling with no place of its own
        "The court ruled that the law was void.",
        # hypothetical: no arrest happened
        "If police had arrested him in Leeds, nobody would have died.",
        # a trigger that is an attribute of another noun names no happening there
        "A murder suspect was seen in Cork on Monday.",
        "A court in The Hague issued an arrest warrant on Monday.",
        "A convicted felon from Tulsa was seen in Dallas on Monday.",
        # storming off, recounting a story, a break in a pipe, a rescue package
        "The coach stormed off the pitch in Madrid on Sunday.",
        "In her memoir she recounts her years in Kabul.",
        # (a water main break is a happening of its own since session 28: `utility_failure`)
        "A break in the pipe in Leeds closed a street on Monday.",
        "Ministers agreed a rescue package for Greece in Brussels on Monday.",
        # a state of affairs, not an outbreak
        "The opioid epidemic in Ohio has worsened.",
    ],
)
def test_look_alikes_are_not_events(gaz: Gazetteer, text: str) -> None:
    assert events(text, gaz) == []


def test_phrases_decide_between_types() -> None:
    text = (
        "Iran detained a tanker. Police detained him. The murder trial opened. "
        "A car crash. The court ruled. The outbreak of war."
    )
    found = {t.form: t.type.name for t in find_triggers(text)}
    assert found == {
        "detained a tanker": "seizure",
        "detained": "arrest",
        "murder trial": "trial",
        "car crash": "accident",
        "court ruled": "ruling",
        "outbreak of war": "fighting",
    }


# -- happenings added from the misses of real news: each form group fires on a news sentence
# and stays silent on its look-alike


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He was released from custody in Lyon on Monday.",
            "release | crime | Lyon | 2024-05-13 | Release, Lyon",
        ),
        (
            "A teenager who went missing in Cork on Sunday was found safe.",
            "missing | crime | Cork | 2024-05-12 | Missing person, Cork",
        ),
        (
            "A blizzard buried Winnipeg on Monday.",
            "weather | disaster | Winnipeg | 2024-05-13 | Blizzard, Winnipeg",
        ),
        (
            "Flights were cancelled at Dublin airport on Monday as thick fog settled.",
            "disruption | disaster | Dublin | 2024-05-13 | Disruption, Dublin",
        ),
        (
            "The regional championships were held in Red Deer on Saturday.",
            "competition | other | Red Deer | 2024-05-11 | Competition, Red Deer",
        ),
        (
            "A gunman opened fire on soldiers in Kabul on Monday.",
            "attack | conflict | Kabul | 2024-05-13 | Shooting, Kabul",
        ),
        (
            "Police said a man was fatally shot in Tulsa on Sunday.",
            "attack | crime | Tulsa | 2024-05-12 | Shooting, Tulsa",
        ),
        (
            "A pickup veered off the road near Leeds on Friday.",
            "accident | disaster | Near Leeds | 2024-05-10 | Accident near Leeds",
        ),
    ],
)
def test_happenings_of_local_news_are_events(gaz: Gazetteer, text: str, expected: str) -> None:
    (r,) = events(text, gaz)
    got = (r.type.name, r.category, r.place.name, r.dates.start.isoformat(), r.title)
    assert " | ".join(got) == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the release of a thing, things missing, a figure of speech
        ("The company celebrated the release of its new phone in Lyon on Monday.", "release"),
        ("The letters were missing from the archive in Cork on Sunday.", "missing"),
        ("The general spoke of the fog of war in Kabul on Monday.", "weather"),
        # no flights: a "marathon" is no competition
        ("Ministers held a marathon session of talks in Vienna on Monday.", "competition"),
        # shooting a film, taking a road less travelled
        ("The crew spent three days shooting footage in Los Angeles on Monday.", "attack"),
        ("They traveled off the beaten path near Leeds on Friday.", "accident"),
    ],
)
def test_look_alikes_of_the_new_happenings_are_not_them(
    gaz: Gazetteer, text: str, kind: str
) -> None:
    assert kind not in [r.type.name for r in events(text, gaz)]
