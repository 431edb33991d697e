"""Regressions found by comparing the extraction before and after a day of changes: each
test is a short article written for it (about places the sample does not cover)."""

from __future__ import annotations

from datetime import date

import geopandas as gpd

from gazetteer import Gazetteer
from geo.extraction import extract
from geo.model import Article


def events_of(text: str, published: date, gaz: Gazetteer) -> gpd.GeoDataFrame:
    return extract([Article(id="t", text=text, published=published)], gazetteer=gaz).events


def test_a_wildfire_and_a_flood_in_one_town_in_one_week_are_two_events(gaz: Gazetteer) -> None:
    text = (
        "Wildfires burned more than 3,000 hectares of forest west of Limoges this week.\n\n"
        "Separately, the river burst its banks in Limoges, forcing 500 people from their homes."
    )
    events = events_of(text, date(2024, 6, 20), gaz)
    by_title = {row.title: row for row in events.itertuples()}
    assert set(by_title) == {"Wildfire, Limoges", "Flood, Limoges"}
    assert "Wildfires" in by_title["Wildfire, Limoges"].sources[0]["quote"]
    assert "burst its banks" in by_title["Flood, Limoges"].sources[0]["quote"]


def test_an_event_named_by_a_definite_description_keeps_its_first_sentence(
    gaz: Gazetteer,
) -> None:
    """ "The tremor was centred off Kaikoura" joins Tuesday's earthquake in the north of the
    South Island; its quote alone says neither what nor when: the source quotes both."""
    text = (
        "A strong earthquake shook the northern South Island of New Zealand on Tuesday, "
        "damaging roads near Blenheim.\n\n"
        "The quake was centred off the coast of Kaikoura at a depth of 15 km, the agency said."
    )
    events = events_of(text, date(2024, 5, 15), gaz)
    quakes = events[events.category == "disaster"]
    assert len(quakes) == 1
    quote = quakes.iloc[0].sources[0]["quote"]
    assert quote.startswith("A strong earthquake shook")
    assert quote.endswith(
        "The quake was centred off the coast of Kaikoura at a depth of 15 km, the agency said."
    )


def test_the_river_bursting_its_banks_is_a_flood_not_the_earthquake_before(
    gaz: Gazetteer,
) -> None:
    """ "The river burst its banks in Cuenca" opens with "The" but its trigger is a verb
    phrase, no description of the earthquake of the sentence before: two events."""
    text = (
        "An earthquake of magnitude 5.9 struck near Cuenca on Oct. 3, the geological survey "
        "said.\n\nThe river burst its banks in Cuenca, forcing 2,000 people from their homes."
    )
    events = events_of(text, date(2023, 10, 8), gaz)
    assert sorted(events.title) == ["Earthquake near Cuenca", "Flood, Cuenca"]


def test_a_verb_phrase_trigger_after_the_is_no_definite_description(gaz: Gazetteer) -> None:
    from geo.events import detect_events
    from geo.geoparse import analyze

    text = "Floods hit Sindh on Monday.\n\nThe river burst its banks near Dadu on Tuesday."
    analysis = analyze(text, date(2024, 8, 30), gazetteer=gaz)
    reports = detect_events(text, analysis.recognized, analysis.timeline, article="t")
    dadu = [r for r in reports if "Dadu" in r.place.name]
    assert dadu and all(r.refers_to is None for r in dadu)


def test_a_described_visit_names_no_statement_made_before_it(gaz: Gazetteer) -> None:
    """ "The visit to Trieste comes weeks after …" names no earlier "speaking to reporters in
    Trieste, she said the deal would be signed by August": the visit does not take the
    statement's August, and the two stay apart."""
    text = (
        "Speaking to reporters in Trieste, Anna Rossi said the agreement would be signed by "
        "August.\nMarko Novak told the Ljubljana Post that talks had stalled over tariffs. The "
        "visit to Trieste comes weeks after Slovenia expelled two Italian diplomats."
    )
    events = events_of(text, date(2023, 4, 14), gaz)
    visits = events[events.title == "Visit, Trieste"]
    assert len(visits) == 1
    assert visits.iloc[0].start <= "2023-04-14"  # not the statement's August


def test_a_source_quotes_the_body_rather_than_the_headline(gaz: Gazetteer) -> None:
    """The headline sums up the article and may be about something else ("Second strong
    quake…"); the sentence of the body that reports the event is the better evidence."""
    text = (
        "Second strong quake hits southern Peru\n\n"
        "A magnitude 6.1 earthquake struck southern Peru on Oct. 7, damaging houses in "
        "several villages.\n\n"
        "A week after the earthquake, another tremor shook the ground near Arequipa."
    )
    events = events_of(text, date(2023, 10, 20), gaz)
    first = events[events.start == "2023-10-07"]
    assert len(first) == 1
    assert first.iloc[0].sources[0]["quote"].startswith("A magnitude 6.1 earthquake struck")
