"""Event detection in one text: triggers, locative roles, dating rules, titles, confidence."""

from __future__ import annotations

from datetime import date

import pytest
from shapely.geometry import Point

from gazetteer import Gazetteer, Place
from geo.errors import GeoError
from geo.lexicon import find_triggers, trigger_types
from geo.model import DateRange
from geo.reports import DATE_FACTOR, EventReport, around_publication, confidence, quote_of
from tests.geo.helpers import PUBLISHED, rule_reports
from tests.geo.helpers import reports_of as events


def summary(reports: list[EventReport]) -> list[tuple[str, str, str, str]]:
    return [
        (r.type.name, r.place.name, r.dates.start.isoformat(), r.dates.precision) for r in reports
    ]


def test_lexicon_categories_and_groups() -> None:
    types = trigger_types()
    assert types["meeting"].category == "diplomacy"
    assert types["exercise"].category == "military"
    assert types["strike"].category == "conflict"
    assert types["flood"].category == "disaster"
    assert types["visit"].group == types["talks"].group == types["arrival"].group
    assert "to" in types["visit"].preps
    assert "on" not in types["meeting"].preps  # YAML must not read "on" as a boolean


def test_triggers_are_found_as_whole_words() -> None:
    found = [(t.form, t.type.name) for t in find_triggers("They held war games; a drilling rig.")]
    assert found == [("war games", "exercise")]


def test_a_place_in_a_locative_role_with_a_trigger_is_an_event(gaz: Gazetteer) -> None:
    text = "The foreign ministers met in Nairobi on Monday."
    assert summary(events(text, gaz)) == [("meeting", "Nairobi", "2024-05-13", "day")]


def test_mentions_that_are_not_located_happenings_are_not_events(gaz: Gazetteer) -> None:
    text = (
        "Beijing has expanded its trade with Russia. Analysts discussed Russia's conflict "
        "and China's military at the meeting."
    )
    assert rule_reports(text, gaz) == []


def test_visits_take_to_but_meetings_do_not(gaz: Gazetteer) -> None:
    text = "The prime minister's visit to Hanoi ended on Tuesday. A meeting to Hanoi is odd."
    got = summary(events(text, gaz))
    assert got[0] == ("visit", "Hanoi", "2024-05-14", "day")
    assert len(got) == 1


def test_on_names_the_subject_except_for_islands(gaz: Gazetteer) -> None:
    for text in (
        "Regional talks on Sudan opened on Monday.",
        "The ministers issued a statement on Ukraine on Monday.",
    ):
        assert events(text, gaz) == [], text
    text = "The leaders met on Crete on Monday."
    assert summary(events(text, gaz)) == [("meeting", "Crete", "2024-05-13", "day")]
    text = "Drone strikes on Odesa on Monday damaged the port."  # "strikes on": a target
    assert [r.place.name for r in events(text, gaz)] == ["Odesa"]


def test_evacuations_are_events_but_yield_to_what_caused_them(gaz: Gazetteer) -> None:
    text = "Rescue crews evacuated a care home in Regensburg on Monday."
    assert summary(events(text, gaz)) == [("evacuation", "Regensburg", "2024-05-13", "day")]
    text = "Authorities ordered the evacuation of Mariupol on Monday."
    assert summary(events(text, gaz)) == [("evacuation", "Mariupol", "2024-05-13", "day")]
    text = "A wildfire forced evacuations near Athens on Monday."
    assert [r.type.name for r in events(text, gaz)] == ["fire"]


def test_object_of_a_transitive_trigger(gaz: Gazetteer) -> None:
    text = "Russia invaded neighbouring Ukraine in February 2022."
    assert summary(events(text, gaz)) == [("invasion", "Ukraine", "2022-02-01", "month")]


def test_coordinated_places_share_the_trigger(gaz: Gazetteer) -> None:
    text = "Drone strikes on Kherson and Zaporizhzhia killed three people on Sunday."
    got = summary(events(text, gaz))
    assert [g[1][:6] for g in got] == ["Kherso", "Zapori"]
    assert {g[2] for g in got} == {"2024-05-12"}


def test_a_place_listed_with_actors_is_not_coordinated(gaz: Gazetteer) -> None:
    text = "Since the invasion of Ukraine in February 2022 by both Moscow and Beijing, ties grew."
    assert [r.place.name for r in events(text, gaz)] == ["Ukraine"]


def test_the_date_of_the_events_own_clause(gaz: Gazetteer) -> None:
    text = "Xi will attend a summit in Russia next week, after Putin visited Pyongyang in June."
    got = {r.place.name: (r.dates.start.isoformat(), r.dates.precision) for r in events(text, gaz)}
    assert got["Russia"] == ("2024-05-20", "week")
    assert got["Pyongyang"][1] == "month"


def test_attribution_dates_never_date_an_event(gaz: Gazetteer) -> None:
    text = (
        "The leaders met at the summit in Kazan, Russia, the minister told reporters, "
        "according to the Kremlin's account of their meeting on April 12."
    )
    (report,) = events(text, gaz)
    assert report.place.name == "Kazan"
    assert report.dates.precision == "unknown"  # not 12 April
    assert report.date_source == "published"
    plan = text.replace("The leaders met at", "The leader will attend")
    assert events(plan, gaz) == []  # a plan whose only date is the attribution's


def test_quoted_dates_only_date_places_in_the_same_quote(gaz: Gazetteer) -> None:
    text = (
        "“Tomorrow we will hold talks in Lima,” the minister told his counterpart in Quito "
        "on Monday."
    )
    got = {r.place.name: r.dates.start.isoformat() for r in events(text, gaz)}
    assert got["Lima"] == "2024-05-16"  # "tomorrow", inside the same quote
    assert got["Quito"] == "2024-05-13"  # Monday, not "tomorrow"


def test_a_sentence_that_continues_the_previous_one_takes_its_date(gaz: Gazetteer) -> None:
    text = (
        "On Monday, Indian and French warships began a joint exercise in the Arabian Sea. "
        "Meanwhile, their air forces held drills over the Bay of Bengal."
    )
    got = {r.place.name: r.dates for r in events(text, gaz)}
    assert got["Bay of Bengal"].start == date(2024, 5, 13)
    assert got["Bay of Bengal"].precision == "day"


def test_the_same_person_named_again_continues_the_time(gaz: Gazetteer) -> None:
    text = (
        "On May 2, Secretary Blinkhorn flew to Cairo. Blinkhorn told his counterpart in "
        "Amman that talks would go on."
    )
    got = {r.place.name: r for r in events(text, gaz)}
    assert got["Amman"].dates.start == date(2024, 5, 2)
    assert got["Amman"].date_source == "previous"


def test_without_a_date_the_last_two_days_up_to_publication_with_unknown_precision(
    gaz: Gazetteer,
) -> None:
    (report,) = events("Thousands of protesters rallied in Belgrade.", gaz)
    assert (report.dates.start, report.dates.end) == (date(2024, 5, 14), PUBLISHED)
    assert report.dates == around_publication(PUBLISHED)
    assert report.dates.precision == "unknown"
    assert (report.date_source, report.status) == ("published", "reported")
    dated = events("Thousands of protesters rallied in Belgrade on Sunday.", gaz)[0]
    assert report.confidence < dated.confidence


def test_a_vague_time_the_text_gives_beats_the_guess_around_publication(
    gaz: Gazetteer,
) -> None:
    from geo.extraction import extract
    from geo.model import Article

    def dates(text: str) -> list[tuple[str, str]]:
        found = extract([Article(id="t", text=text, published=PUBLISHED)], gazetteer=gaz).events
        return list(zip(found["start"], found["end"], strict=True))

    again = " The navies conducted the drill in the Sea of Japan with ten warships."
    # "recently" is the last 30 days; the undated second report guesses the last two days,
    # which bound nothing: the event keeps the text's month
    assert dates("Recently, the two navies held a joint drill in the Sea of Japan." + again) == [
        ("2024-04-15", "2024-05-15")
    ]
    # counter-example: with no word of time in either sentence, the guess stands
    assert dates("The two navies held a joint drill in the Sea of Japan." + again) == [
        ("2024-05-14", "2024-05-15")
    ]


def test_without_any_date_there_is_no_event(gaz: Gazetteer) -> None:
    assert events("Thousands of protesters rallied in Belgrade.", gaz, published=None) == []


def test_placeless_sentence_with_its_own_date_takes_the_articles_place(gaz: Gazetteer) -> None:
    text = (
        "The two presidents held talks in Astana on Monday. "
        "During the talks on Tuesday, they signed a gas deal."
    )
    got = sorted((r.role, r.place.name, r.dates.start.isoformat()) for r in events(text, gaz))
    assert got == [("in", "Astana", "2024-05-13"), ("inherited", "Astana", "2024-05-14")]


def test_future_plans_without_a_date_are_not_events(gaz: Gazetteer) -> None:
    text = "The minister spoke ahead of an expected visit by the king to Morocco."
    assert events(text, gaz) == []


def test_headline_possessives_and_compounds_are_not_places_of_events(gaz: Gazetteer) -> None:
    text = "Delegates met at the Asia-Pacific forum and discussed Japan's drills."
    assert [r.place.name for r in events(text, gaz)] == []


def test_titles_name_the_kind_of_happening_and_the_place(gaz: Gazetteer) -> None:
    text = "Japanese and Philippine navies held joint drills in the Philippine Sea on Friday."
    (report,) = events(text, gaz)
    assert report.title == "Joint naval drill by Japan and Philippines, Philippine Sea"
    assert report.category == "military"
    text = "The French navy held a joint exercise with its Indian counterpart in the Arabian Sea."
    (report,) = events(text, gaz)
    assert report.title == "Joint naval exercise by France and India, Arabian Sea"
    (talks,) = events("Chinese and Russian envoys held talks in Astana on Monday.", gaz)
    assert talks.title == "Talks, Astana"  # actors only for military and conflict events
    (strike,) = events("Israeli airstrikes on Rafah killed 12 people on Sunday.", gaz)
    assert strike.title.startswith("Air strike by Israel, Rafa")


def test_confidence_grows_with_better_evidence() -> None:
    best = confidence(1.0, "in", "day", 1)
    assert best == 1.0
    assert confidence(0.45, "in", "day", 1) < best
    assert confidence(1.0, "to", "day", 1) < best
    assert confidence(1.0, "in", "unknown", 1) < confidence(1.0, "in", "month", 1) < best
    assert confidence(1.0, "in", "day", 3) < confidence(1.0, "in", "day", 2) < best
    assert set(DATE_FACTOR) == {"day", "week", "month", "season", "year", "unknown"}


def test_quotes_are_trimmed_around_the_place() -> None:
    sentence = ("word " * 100) + "Tripoli " + ("word " * 100)
    quote = quote_of(sentence, 0, len(sentence), sentence.index("Tripoli"), limit=80)
    assert "Tripoli" in quote
    assert quote.startswith("…") and quote.endswith("…")
    assert len(quote) <= 82
    assert quote_of("  Short   one. ", 0, 15, 2) == "Short one."


def test_areas_of_a_place_and_directions_from_it_are_locative(gaz: Gazetteer) -> None:
    text = (
        "Wildfires swept through hillside neighbourhoods of Valparaíso on Friday. "
        "Flash floods hit villages south of Murcia on Saturday."
    )
    got = {r.place.name: (r.type.name, r.role) for r in events(text, gaz)}
    assert got["Valparaíso"] == ("fire", "through")
    assert got["Murcia"] == ("flood", "near")


def test_a_disaster_that_strikes_is_the_disaster(gaz: Gazetteer) -> None:
    (report,) = events("A powerful earthquake struck Hualien on Wednesday morning.", gaz)
    assert report.type.name == "earthquake"
    assert report.title.startswith("Earthquake, ")
    (strike,) = events("Russian missiles struck Dnipro on Wednesday.", gaz)
    assert strike.type.category == "conflict"


def test_missile_launches_and_lists_of_places(gaz: Gazetteer) -> None:
    text = "North Korea fired a ballistic missile into the Sea of Japan on Thursday, Seoul said."
    assert [(r.type.name, r.place.name) for r in events(text, gaz)] == [
        ("launch", "Sea of Japan")
    ]  # "…on Thursday, Seoul said" is not a list of places
    text = "Protests erupted in Lagos, Abuja and in Kano on Monday."
    got = [(r.type.name, r.place.name) for r in events(text, gaz)]
    assert got == [("protest", "Lagos"), ("protest", "Abuja"), ("protest", "Kano")]


# -- plans, possibilities, denials and background (issue 4) ------------------------------------


def statuses(reports: list[EventReport]) -> dict[str, tuple[str, str, str]]:
    return {r.place.name: (r.status, r.dates.start.isoformat(), r.dates.precision) for r in reports}


def test_a_plan_with_a_future_date_is_a_planned_event(gaz: Gazetteer) -> None:
    text = "The delegations will hold a second round of talks in Jeddah next week."
    assert statuses(events(text, gaz)) == {"Jeddah": ("planned", "2024-05-20", "week")}
    text = "The UN relief chief is expected to visit Mandalay on Friday."
    assert statuses(events(text, gaz)) == {"Mandalay": ("planned", "2024-05-17", "day")}


def test_a_plan_or_possibility_without_its_own_date_is_not_an_event(gaz: Gazetteer) -> None:
    for text in (
        "A meeting between the two commanders could take place in Geneva, diplomats said.",
        "Protests could erupt in Yangon over the slow delivery of aid.",
        "The envoy plans to visit Kassala.",
        "Xi is expected to attend a summit in Kazan.",
    ):
        assert events(text, gaz) == [], text


def test_a_hypothetical_never_borrows_a_past_date(gaz: Gazetteer) -> None:
    text = (
        "The Kremlin last month confirmed the prime minister's attendance. This would be the "
        "first visit by an Indian prime minister to Ukraine since relations began in 1992."
    )
    assert events(text, gaz) == []  # not "Visit, Ukraine" dated last month
    text = "The leaders will meet next week. They would then hold talks in Hanoi, officials said."
    assert statuses(events(text, gaz)) == {"Hanoi": ("possible", "2024-05-20", "week")}


def test_a_plan_is_not_dated_by_the_day_it_was_announced(gaz: Gazetteer) -> None:
    text = "The president will visit Nairobi, his office said on Monday."
    assert events(text, gaz) == []


def test_negated_happenings_are_not_events(gaz: Gazetteer) -> None:
    for text in (
        "No talks were held in Addis Ababa on Monday.",
        "The army chief did not visit Port Sudan on Monday.",
        "The minister has not yet visited Sagaing.",
        "There were no reports of fighting in Kharkiv on Monday.",
        "A planned visit by the envoy to Kassala on Monday was called off.",
        "Talks in Geneva did not take place on Monday.",
        "Police said the attack on the embassy in Nairobi was foiled on Monday.",
    ):
        assert events(text, gaz) == [], text


def test_a_negation_of_something_else_does_not_deny_the_happening(gaz: Gazetteer) -> None:
    text = "No one was killed in the attack on Odesa on Monday."
    assert statuses(events(text, gaz)) == {"Odesa": ("reported", "2024-05-13", "day")}
    text = "The premier did not attend the summit in Lima on Monday."
    assert statuses(events(text, gaz)) == {"Lima": ("reported", "2024-05-13", "day")}


def test_conditional_and_counterfactual_happenings_are_not_events(gaz: Gazetteer) -> None:
    assert events("If fighting resumes in Omdurman, the mediators will leave.", gaz) == []
    assert events("Troops could have attacked Kherson on Monday.", gaz) == []


def test_background_in_a_temporal_clause_takes_only_its_own_date(gaz: Gazetteer) -> None:
    text = "The two sides signed a pact in 2021, shortly before troops invaded Tigray."
    (report,) = events(text, gaz)
    assert report.place.name == "Tigray"
    assert (report.status, report.date_source, report.floating) == ("background", "none", True)
    assert report.dates.precision == "unknown"  # a placeholder: merge decides
    text = "Aid flows have slowed since troops invaded Tigray in November 2020."
    assert statuses(events(text, gaz)) == {"Tigray": ("background", "2020-11-01", "month")}


def test_a_named_noun_reference_is_background(gaz: Gazetteer) -> None:
    text = "Exports have fallen since Russia's invasion of Ukraine."
    (report,) = events(text, gaz)
    assert report.floating
    text = "India has not condemned Russia's invasion of Ukraine."
    # (the lead, whose one trigger is that background, is read as told with an ordinary verb)
    (report,) = rule_reports(text, gaz)
    assert report.floating and report.status == "background"
    text = "Sudan's warring parties met in Jeddah on Tuesday."  # a verb, not a noun
    assert statuses(events(text, gaz)) == {"Jeddah": ("reported", "2024-05-14", "day")}


def test_background_may_take_the_date_of_the_sentence_it_refers_to(gaz: Gazetteer) -> None:
    text = (
        "During a meeting with his counterpart in March, Secretary Blinkhorn raised the issue. "
        "Blinkhorn spoke to reporters after the meeting in Lusaka."
    )
    got = {r.place.name: r for r in events(text, gaz)}
    assert got["Lusaka"].status == "background"
    assert (got["Lusaka"].date_source, got["Lusaka"].dates.precision) == ("previous", "month")
    text = (
        "Blinkhorn met the president in Lusaka in March. "
        "He spoke to reporters after the earthquake in Lusaka."
    )
    got = {(r.type.group, r.place.name): r for r in events(text, gaz)}
    assert got[("disaster", "Lusaka")].floating  # March dated a meeting, not the earthquake


def test_a_destination_still_ahead_is_not_an_arrival(gaz: Gazetteer) -> None:
    got = statuses(events("Modi arrived in Warsaw on Wednesday on the way to Kyiv.", gaz))
    assert got == {"Warsaw": ("reported", "2024-05-15", "day")}


def test_confidence_is_lower_for_plans_possibilities_and_background() -> None:
    reported = confidence(1.0, "in", "week", 1)
    assert confidence(1.0, "in", "week", 1, "planned") < reported
    assert confidence(1.0, "in", "week", 1, "background") < reported
    assert confidence(1.0, "in", "week", 1, "possible") < confidence(
        1.0, "in", "week", 1, "planned"
    )


def test_a_report_names_a_known_status() -> None:
    t = trigger_types()["meeting"]
    place = Place("test:x", "X", "city", Point(0, 0))
    with pytest.raises(GeoError, match="unknown event status 'rumour'"):
        EventReport(
            None, t, "met", "in", place, 0, 1, "X", DateRange.day(PUBLISHED), "clause", "q",
            "Meeting, X", 0.9, status="rumour",
        )  # fmt: skip
