"""Non-events and wrong categories (geo/senses.py, geo/data/senses.yaml; geo/factuality.py):
trigger words in another sense than their event type, consequences that take the category of
their cause, alerts and threats that describe no happening. Every rule has a sentence where it
must fire and one where it must not. The sentences are written here, in the style of news."""

from __future__ import annotations

from datetime import date

import geopandas as gpd
import pytest

from gazetteer import Gazetteer
from geo.extraction import extract
from geo.lexicon import find_triggers
from geo.model import Article
from geo.senses import resolve


def events_of(text: str, gaz: Gazetteer, published: date = date(2024, 5, 10)) -> gpd.GeoDataFrame:
    return extract([Article(id="t", text=text, published=published)], gazetteer=gaz).events


def read(text: str) -> list[tuple[str, str, str]]:
    """(form, type, category) of each trigger of ``text`` as its senses read it, the whole
    text taken as one sentence."""
    found = resolve(text, find_triggers(text), lambda pos: (0, len(text)))
    return [(t.form, t.type.name, t.type.category) for t in found]


# -- senses that cancel a trigger -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("The quake was caused by strike-slip faulting along the plate boundary.", "strike"),
        ("The skaters spent the week training with their coaches in Calgary.", "training"),
        ("Pupils took part in a fire drill at the school in Leeds.", "drill"),
        ("Officials urged residents to exercise caution near Lyon.", "exercise"),
        ("The driver received serious injuries and was flown to a hospital in Denver.", "received"),
        ("The family was in Spain on a ski trip when the news came.", "trip"),
        ("For more details, visit our website.", "visit"),
        ("The freight train that travelled from Calgary to Regina was stopped.", "travelled"),
        ("The decision drew a storm of criticism in Madrid.", "storm"),
        ("She died on Monday after a long battle with cancer in Perth.", "battle"),
        ("The mayor is locked in a legal battle with the province.", "battle"),
        ("The team played the match under protest in Milan.", "protest"),
        ("He was taken to hospital in Lille after a heart attack.", "attack"),
        ("The blast destroyed a bus carrying tourists visiting a market in Izmir.", "visiting"),
        ("Her parents and siblings are visiting other cities in Italy.", "visiting"),
        ("He was a member of the riot police squad in Izmir.", "riot"),
        ("Crews cleared the downed branches in Leeds on Monday.", "downed"),
        ("A deal was struck to share the proceeds of the sale.", "struck"),
        ("The photographer spent the day shooting pictures in Nice.", "shooting"),
        ("She complained of brain fog after the illness.", "fog"),
    ],
)
def test_a_context_cancels_a_trigger(text: str, form: str) -> None:
    assert form not in [f for f, _, _ in read(text)]


@pytest.mark.parametrize(
    ("text", "form", "kind"),
    [
        ("Missile strikes hit the port of Odesa overnight.", "strikes", "strike"),
        (
            "Troops began training with allied forces near Tallinn.",
            "training",
            "exercise",
        ),
        ("The navy held a live-fire drill off the coast of Fujian.", "drill", "exercise"),
        (
            "The president received the Kenyan premier in Paris.",
            "received",
            "meeting",
        ),
        ("The minister is on a three-day trip to Hanoi.", "trip", "visit"),
        ("The president will visit Warsaw next week.", "visit", "visit"),
        ("The storm made landfall near Tampa on Sunday.", "storm", "storm"),
        ("Fierce battle raged for the town of Bakhmut.", "battle", "fighting"),
        ("Thousands joined a protest in Tbilisi on Sunday.", "protest", "protest"),
        ("Gunmen attacked a police post near Kano.", "attacked", "attack"),
        ("Diplomats visiting Kyiv laid flowers at the memorial.", "visiting", "visit"),
        ("Riots broke out in the suburbs of Lyon.", "riots", "protest"),
        ("Air defences downed a drone over Kursk.", "downed", "intercept"),
        ("Missiles struck a power plant near Kharkiv.", "struck", "strike"),
    ],
)
def test_the_same_words_keep_their_sense_elsewhere(text: str, form: str, kind: str) -> None:
    assert (form, kind) in [(f, k) for f, k, _ in read(text)]


# -- senses that give another type or category ------------------------------------------------


def test_a_gas_explosion_is_an_accident_of_category_disaster() -> None:
    found = read("Two people died in a gas explosion at a restaurant in Lyon on Friday.")
    # "explosion" or the lexicon's own "gas explosion" form: an accident either way
    assert any(f.endswith("explosion") and (t, c) == ("accident", "disaster") for f, t, c in found)


def test_a_bomb_explosion_stays_an_attack() -> None:
    assert ("explosion", "attack", "conflict") in read(
        "Two people died in a bomb explosion at a market in Kabul on Friday."
    )


def test_a_workers_strike_is_a_protest_and_an_air_strike_is_not() -> None:
    assert ("strike", "protest", "protest") in read("Rail workers began a 48-hour strike in Lyon.")
    assert ("air strike", "strike", "conflict") in read("An air strike on Idlib killed four.")
    assert ("strike", "strike", "conflict") in read("Russia carried out a strike on Odesa.")


def test_a_news_conference_is_a_statement_and_a_peace_conference_a_summit() -> None:
    assert ("news conference", "statement", "diplomacy") in read(
        "The minister told a news conference in Ottawa on Tuesday that the bill would pass."
    )
    assert ("conference", "summit", "diplomacy") in read(
        "Delegates gathered for a peace conference in Geneva on Tuesday."
    )
    assert ("press conference", "statement", "diplomacy") in read(
        "The coach spoke at a press conference in Turin after the match."
    )


# -- layers: the category a report is mapped under, from its whole sentence ----------------


@pytest.mark.parametrize(
    "text",
    [
        "Six seniors met for a gourmet dinner at a home in Leeds on Friday.",
        "The band toured Ireland on Friday.",
        "A survey ship arrived in the Indian Ocean on Friday.",
        "A study was presented at a cardiology conference in Orlando on Friday.",
        "The book club held a meeting in Norfolk on Friday.",
        "The coach spoke at a press conference in Turin on Friday.",
    ],
)
def test_a_gathering_of_no_state_is_mapped_under_other(text: str, gaz: Gazetteer) -> None:
    events = events_of(text, gaz)
    assert len(events) == 1, text
    assert events["category"].iloc[0] == "other", text


def test_a_private_trip_no_word_dates_is_no_event(gaz: Gazetteer) -> None:
    assert events_of("When he was eleven, the singer toured Ireland with his parents.", gaz).empty
    assert events_of("Thousands of migrants arrived in Brazil, the agency said.", gaz).empty
    # counter-examples: the trip is dated, or states make it diplomacy
    assert list(events_of("The band toured Ireland on Friday.", gaz)["category"]) == ["other"]
    assert list(events_of("The president toured Ireland.", gaz)["category"]) == ["diplomacy"]


@pytest.mark.parametrize(
    "text",
    [
        "The foreign ministers met in Geneva on Friday.",
        "The president toured Ireland on Friday.",
        "A Chinese delegation arrived in Hanoi on Friday.",
        "Leaders gathered for a summit in Kazan on Friday.",
        "The two governments held talks in Doha on Friday.",
    ],
)
def test_a_meeting_of_officials_stays_diplomacy(text: str, gaz: Gazetteer) -> None:
    events = events_of(text, gaz)
    assert len(events) == 1, text
    assert events["category"].iloc[0] == "diplomacy", text


def test_the_layer_changes_no_link_talks_on_a_subject_still_place_nothing(
    gaz: Gazetteer,
) -> None:
    # "on" names the subject of talks whatever their layer: no event at Sudan
    assert events_of("Regional talks on Sudan opened on Friday.", gaz).empty


def test_a_vigil_is_a_protest_and_a_funeral_a_commemoration() -> None:
    # the guidelines list vigils under protest; funerals and memorials stay "other"
    assert ("candlelight vigil", "vigil", "protest") in read(
        "Hundreds held a candlelight vigil in Nantes on Sunday for the victims."
    )
    assert ("funeral", "commemoration", "other") in read(
        "Hundreds attended the funeral in Nantes on Sunday."
    )


def test_a_shooting_in_a_police_story_is_a_crime_and_by_gunmen_an_attack() -> None:
    # the guidelines list shootings under conflict; a police story makes one a crime
    assert ("shooting", "attack", "crime") in read(
        "Police arrested a man after a shooting on a county road near Columbia."
    )
    assert ("shooting", "attack", "conflict") in read(
        "A shooting at a checkpoint near Kandahar killed two."
    )
    # words of armed groups come before the police: "a shootout with police"
    assert ("shootout", "attack", "conflict") in read(
        "The gunman was killed in a shootout with police in Ankara."
    )


@pytest.mark.parametrize(
    "text",
    [
        "A gunman killed three people at a nursing home in Carthage on Sunday.",
        "A teenager was attacked in a park in Lancaster on Saturday night.",
        "One man was killed in Richmond on Tuesday when a neighbour fired through his door.",
    ],
)
def test_an_attack_in_a_story_of_no_armed_force_is_a_crime(text: str, gaz: Gazetteer) -> None:
    # the layer of scope "article": nothing in the story names troops, war or terror
    events = events_of(text, gaz)
    assert list(events["category"]) == ["crime"], text


@pytest.mark.parametrize(
    "text",
    [
        # the story names an armed group, terror or a war elsewhere: conflict
        "A gunman killed three people at a checkpoint in Kandahar on Sunday. "
        "Militants have targeted the road for months.",
        "A teenager was attacked in a park in Lancaster on Saturday night. "
        "Police are treating it as a terror incident.",
        "One man was killed in Richmond on Tuesday when a soldier fired through his door.",
    ],
)
def test_an_attack_in_a_story_of_armed_force_stays_conflict(text: str, gaz: Gazetteer) -> None:
    events = events_of(text, gaz)
    assert set(events["category"]) == {"conflict"}, text


def test_fighting_stays_conflict_in_a_story_of_no_armed_force(gaz: Gazetteer) -> None:
    # only the weak forms of fighting ("killed", "wounded") are read by the layer: clashes
    # and battles are group violence whatever the story names
    events = events_of("Supporters fought running battles with police in Lahore on Sunday.", gaz)
    assert list(events["category"]) == ["conflict"]


def test_a_layer_of_unknown_scope_is_refused() -> None:
    from geo import senses
    from geo.errors import GeoError
    from geo.lexicon import load_lexicon

    raw = {"types": ["attack"], "scope": "paragraph", "unless": ["war"], "category": "crime"}
    with pytest.raises(GeoError, match="scope"):
        senses._layer(raw, load_lexicon().types)


def test_crews_fighting_a_fire_report_a_fire() -> None:
    assert ("fighting", "fire", "disaster") in read(
        "Crews spent the night fighting a wildfire near Valencia."
    )


def test_crews_fighting_two_apartment_fires_report_a_fire() -> None:
    # two words between the verb and the fire (pool gwn-124)
    found = read("The city's fire service was busy fighting two apartment fires overnight.")
    assert ("fighting", "fire", "disaster") in found


def test_fighting_three_words_before_a_fire_stays_fighting() -> None:
    # counter-example: the fire is no object of the fighting
    found = read("Rebels were fighting government troops as fires burned in the old city.")
    assert ("fighting", "fighting", "conflict") in found


# -- consequences take the category of their cause -------------------------------------------


def test_an_evacuation_under_a_ceasefire_is_conflict() -> None:
    found = read("Buses began to evacuate fighters from Homs as shelling resumed.")
    assert ("evacuate", "evacuation", "conflict") in found


def test_an_evacuation_forced_by_a_flood_is_a_disaster() -> None:
    found = read("Floods forced the evacuation of 3,000 people from villages near Wroclaw.")
    assert ("evacuation", "evacuation", "disaster") in found


def test_an_evacuation_with_no_cause_keeps_its_category() -> None:
    found = read("Police ordered the evacuation of a shopping centre in Leeds on Friday.")
    assert ("evacuation", "evacuation", "other") in found


# -- weak words of harm name the happening they follow -----------------------------------------


def test_killed_in_a_crash_is_the_crash_and_after_shelling_fighting() -> None:
    found = read("A woman was killed when a tree fell on a car in Bath.")
    assert ("killed", "accident", "disaster") in found
    found = read("Two people were killed in a shooting in Leeds, police said.")
    assert ("killed", "attack", "crime") in found


def test_a_weak_word_of_harm_alone_reads_as_the_happening_before_it() -> None:
    text = "The earthquake struck at dawn. Villages near Ahar suffered casualties."
    sentences = [(0, 30), (31, len(text))]
    found = resolve(text, find_triggers(text), lambda p: next(s for s in sentences if p < s[1]))
    assert [(t.form, t.type.name) for t in found][-1] == ("casualties", "earthquake")


def test_a_weak_word_of_harm_keeps_its_sense_in_a_war_story() -> None:
    text = "Shelling hit Donetsk overnight. Two soldiers were killed near Avdiivka."
    sentences = [(0, 31), (32, len(text))]
    found = resolve(text, find_triggers(text), lambda p: next(s for s in sentences if p < s[1]))
    assert [(t.form, t.type.category) for t in found][-1] == ("killed", "conflict")
    # the statement of a sentence between does not take the harm for its own
    assert ("killed", "fighting", "conflict") in read(
        "In a statement, the army said two soldiers were killed near Avdiivka."
    )


# -- end to end -------------------------------------------------------------------------------


def test_a_sports_training_is_no_military_exercise(gaz: Gazetteer) -> None:
    text = "The young skater trains in Red Deer and Edmonton with her coaches on Tuesday."
    text += " Today she skates in Calgary for additional training with coaches."
    assert "military" not in set(events_of(text, gaz)["category"])


def test_a_gas_explosion_is_mapped_as_a_disaster(gaz: Gazetteer) -> None:
    events = events_of("A gas explosion at a restaurant in Lyon killed two people on Friday.", gaz)
    assert list(events["category"]) == ["disaster"]


# -- alerts and threats (geo/factuality.py) ---------------------------------------------------


def mood_of(text: str, form: str) -> str:
    from geo.factuality import mood

    trig = next(t for t in find_triggers(text) if t.form == form)
    return mood(text, 0, len(text), trig.start, trig.end)


@pytest.mark.parametrize(
    ("text", "form", "expected"),
    [
        ("A tsunami warning was issued for the coast of Chile.", "tsunami", "alert"),
        ("Flood watches, which were later lifted, covered much of Ohio.", "flood", "alert"),
        ("The hurricane season begins in June along the Gulf Coast.", "hurricane", "alert"),
        ("Police warned of further attacks in the capital.", "attacks", "threatened"),
        (
            "Residents slept outdoors because of the risk of aftershocks.",
            "aftershocks",
            "threatened",
        ),
        ("Analysts see fears of a new offensive near Kharkiv.", "offensive", "threatened"),
    ],
)
def test_alerts_and_threats_are_no_happenings(text: str, form: str, expected: str) -> None:
    assert mood_of(text, form) == expected


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("The tsunami struck the coast of Chile on Monday.", "tsunami"),
        ("Police warned residents after the attack in the capital.", "attack"),
        ("Aid reached those in the disaster zone on Friday.", "disaster"),
        ("The minister warned that the offensive near Kharkiv had stalled.", "offensive"),
    ],
)
def test_happenings_near_warning_words_stay_reported(text: str, form: str) -> None:
    assert mood_of(text, form) == "reported"


def test_a_lifted_tsunami_watch_is_not_mapped(gaz: Gazetteer) -> None:
    text = (
        "A magnitude 7.1 earthquake struck off the coast of Vanuatu on Monday. Tsunami watches"
        " for Fiji, which eventually were lifted, caused alarm in Suva."
    )
    places = set(events_of(text, gaz)["place_name"])
    assert "Fiji" not in places and "Suva" not in places


@pytest.mark.parametrize(
    ("text", "form", "expected"),
    [
        ("He and his wife are planning on visiting their son in Regina.", "visiting", "planned"),
        ("He contemplated a hunger strike in Lagos.", "strike", "planned"),
        ("The route is considered the hardest path to the summit.", "summit", "reported"),
        ("He and his wife visited their son in Regina after planning it.", "visited", "reported"),
    ],
)
def test_plans_spelled_with_on_or_of(text: str, form: str, expected: str) -> None:
    assert mood_of(text, form) == expected


@pytest.mark.parametrize(
    ("text", "form", "expected"),
    [
        # what someone can or cannot tell about a happening that took place
        (
            "Police could not say Friday night how the accident on KY 52 occurred.",
            "accident",
            "reported",
        ),
        ("Officials would not say what caused the crash on Route 9.", "crash", "reported"),
        # counter-examples: a modal after the question word still holds; "whether" leaves the
        # happening in doubt; "how to" names no happening
        ("He explained how the summit could be held in Geneva.", "summit", "possible"),
        ("Police could not say whether the attack took place.", "attack", "conditional"),
        ("Aides might ask how to attack the plan.", "attack", "possible"),
    ],
)
def test_a_question_about_a_happening_is_not_its_mood(text: str, form: str, expected: str) -> None:
    assert mood_of(text, form) == expected


# -- names of buildings are not places (geo/recognize.py) -------------------------------------


def names_in(text: str, gaz: Gazetteer) -> list[str]:
    from geo import geoparse

    return [m.text for m in geoparse(text, date(2024, 5, 10), gazetteer=gaz)]


def test_saints_joined_in_the_name_of_a_church_are_not_places(gaz: Gazetteer) -> None:
    text = "A bomb went off in the Saint Peter and Saint Paul Coptic Orthodox Church in Cairo."
    assert names_in(text, gaz) == ["Cairo"]


def test_two_places_joined_by_and_stay_places(gaz: Gazetteer) -> None:
    assert names_in("Flights between St. Louis and St. Paul resumed on Monday.", gaz) == [
        "St. Louis",
        "St. Paul",
    ]
