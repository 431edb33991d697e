"""False events read on recent international wire news (session 39, wfalse39): a month with
its year or a year told as done that runs past publication, "N days after" a happening the
text does not date, a weekday's abbreviation opening a date stamp, a dotted "U.S." opening an
organisation's name, "combat" before a military noun, a file photo's credit, what a place is
prone to. Each rule fires on a sentence written here in the style of wire
copy, and a counter-example shows where it must not."""

from __future__ import annotations

from datetime import date

import geopandas as gpd

from gazetteer import Gazetteer
from geo.dates import find_dates
from geo.extraction import extract
from geo.focus import article_focus
from geo.geoparse import analyze
from geo.model import Article


def events_of(text: str, published: date, gaz: Gazetteer) -> gpd.GeoDataFrame:
    return extract([Article(id="t", text=text, published=published)], gazetteer=gaz).events


def dated(text: str, published: date) -> list[tuple[str, date, date]]:
    return [(t.text, t.range.start, t.range.end) for t in find_dates(text, published)]


def roles(text: str, gaz: Gazetteer) -> list[tuple[str, str]]:
    analysis = analyze(text, date(2024, 1, 10), gazetteer=gaz)
    return [(m.text, m.role) for m in analysis.mentions]


# -- a month with its year or a year told as done ends at publication ---------------------------


def test_a_past_year_of_publication_ends_on_the_publication_day() -> None:
    assert dated("Cases rose sharply in 2024, officials said.", date(2024, 1, 26)) == [
        ("2024", date(2024, 1, 1), date(2024, 1, 26))
    ]


def test_a_past_range_into_the_publication_month_ends_on_the_publication_day() -> None:
    text = "Cases rose sharply between mid-December 2023 and January 2024, officials said."
    [(_, start, end)] = dated(text, date(2024, 1, 26))
    assert (start, end) == (date(2023, 12, 11), date(2024, 1, 26))


def test_a_future_month_and_an_earlier_month_keep_their_whole_length() -> None:
    assert dated("Classes will resume in January.", date(2024, 1, 9)) == [
        ("January", date(2024, 1, 1), date(2024, 1, 31))
    ]
    assert dated("Cases rose in December.", date(2024, 1, 9)) == [
        ("December", date(2023, 12, 1), date(2023, 12, 31))
    ]


# -- "N days after" a happening the text does not date -------------------------------------------


def test_days_after_an_undated_happening_are_no_date_after_publication() -> None:
    text = (
        "Residents waded through the water as the river receded three days after heavy "
        "rainfall broke its banks in Mathare."
    )
    assert dated(text, date(2024, 4, 29)) == []


def test_days_after_the_last_date_still_count_from_it() -> None:
    text = "Police found him on Monday. Two days after, he was charged with the killing."
    found = dated(text, date(2024, 4, 26))
    assert found[-1] == ("Two days after", date(2024, 4, 24), date(2024, 4, 24))


# -- a weekday's abbreviation opening a date stamp ----------------------------------------------


def test_a_weekday_abbreviation_before_a_date_is_no_place(gaz: Gazetteer) -> None:
    found = roles("Mon 29 January 2024: Health officials in Lusaka said cases rose.", gaz)
    assert all(text != "Mon" for text, _ in found), found


def test_the_same_word_as_a_place_stays_a_place(gaz: Gazetteer) -> None:
    found = roles("Troops moved into Mon after the fighting, the army said.", gaz)
    assert ("Mon", "location") in found, found


# -- a dotted "U.S." opening an organisation's name ---------------------------------------------


def test_a_dotted_abbreviation_before_an_armed_service_is_an_organisation(
    gaz: Gazetteer,
) -> None:
    found = roles("Three U.S. Navy destroyers sailed near Guam on Monday.", gaz)
    assert ("U.S", "organisation") in found, found
    found = roles("The drones were shot down in the Red Sea, U.S. Central Command said.", gaz)
    assert ("Red Sea", "location") in found, found
    assert ("U.S", "organisation") in found, found


def test_a_dotted_abbreviation_ending_a_sentence_stays_a_place(gaz: Gazetteer) -> None:
    found = roles("The delegation flew back to the U.S. The talks ended on Monday.", gaz)
    assert ("U.S", "location") in found, found
    # no name follows: the country's forces, not a body's name
    assert ("U.S", "location") in roles("U.S. forces struck targets in Yemen.", gaz)


def test_a_countrys_body_still_says_which_namesake_a_town_is(gaz: Gazetteer) -> None:
    story = (
        "The family of a young engineer shot dead at his office in Santa Clara still waits "
        "for answers. Santa Clara police never found the gunman. Detectives in Santa Clara "
        "reviewed the tape again. His mother, who moved to Rhode Island, wrote to a former "
        "{}Attorney General for help."
    )
    for body, town in (("U.S. ", "Santa Clara"), ("", None)):
        text = story.format(body)
        analysis = analyze(text, date(2009, 3, 24), gazetteer=gaz)
        focus = article_focus(text, analysis.recognized, analysis.timeline, gazetteer=gaz)
        assert (focus.place.name if focus else None) == town, (body, focus)


# -- "combat" before a military noun is no battle (session 37's sense, measured here) ----------


def test_a_combat_ship_operating_near_an_island_is_no_battle(gaz: Gazetteer) -> None:
    text = "A littoral combat ship was already operating near Curaçao on Tuesday, officials said."
    found = events_of(text, date(2025, 8, 20), gaz)
    assert "conflict" not in set(found.category), found[["title", "category"]]


def test_combat_that_rages_is_still_fighting(gaz: Gazetteer) -> None:
    found = events_of(
        "Fierce combat raged in Bakhmut on Monday, the army said.", date(2023, 5, 3), gaz
    )
    assert set(found.category) == {"conflict"}, found[["title", "category"]]


# -- a file photo's bracketed credit makes a one-sentence paragraph a caption --------------------


def test_a_caption_with_a_file_credit_is_furniture(gaz: Gazetteer) -> None:
    text = (
        "Aid workers say 40 people were killed in a drone strike on a camp in Mekelle.\n\n"
        "A woman sits with her family in a shelter for people displaced by the fighting in "
        "Dessie town, Amhara region [File: Jane Doe/Reuters]\n\n"
        "At least 40 people were killed late on Friday, aid workers said."
    )
    found = events_of(text, date(2022, 1, 8), gaz)
    assert "Dessie" not in set(found.place_name), found[["title", "place_name"]]


def test_a_lead_with_a_file_photo_note_and_no_credit_stays() -> None:
    from geo.page_furniture import boilerplate

    text = "Troops fought rebels in Dessie on Friday, officials said. (File photo)\n\nMore."
    assert boilerplate(text) == []


# -- what a place is prone to is no happening ---------------------------------------------------


def test_a_country_prone_to_earthquakes_tells_no_earthquake(gaz: Gazetteer) -> None:
    text = "Floods hit Jakarta on Saturday. Indonesia is prone to earthquakes in the Pacific."
    found = events_of(text, date(2021, 12, 4), gaz)
    assert list(found.title) == ["Flood, Jakarta"], found[["title", "place_name"]]


def test_an_earthquake_that_struck_is_still_one(gaz: Gazetteer) -> None:
    text = "An earthquake struck the Pacific coast of Chile on Saturday, officials said."
    found = events_of(text, date(2021, 12, 4), gaz)
    assert any(t.startswith("Earthquake") for t in found.title), found[["title", "place_name"]]
