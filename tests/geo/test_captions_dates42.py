"""Two rules of session 42 (wcap42), each with cases where it fires and counter-examples
where it must not: a one-sentence caption that ends with a photo credit and names a date with
its year far from the page's day is a picture of another day, page furniture
(:func:`geo.page_furniture.boilerplate` with ``published``); "due to" marks a plan only after a
form of "be" ("is due to visit"), elsewhere it is "because of" and leaves a past day past
(``future_before_to_after_be`` in ``dates.yaml``, :mod:`geo.tense`). Sentences are written for
these tests."""

from __future__ import annotations

from datetime import date

from gazetteer import Gazetteer
from geo.dates import find_dates
from geo.page_furniture import boilerplate


def _flagged(text: str, published: date) -> list[str]:
    return [s.of(text) for s in boilerplate(text, published)]


# -- a caption of another day's picture -------------------------------------------------------


def test_a_credited_caption_of_an_older_year_is_furniture() -> None:
    caption = (
        "Sailors take part in a joint drill off the coast of Busan, east of Seoul, "
        "in March 2011. | REUTERS"
    )
    text = f"{caption}\n\nThe navies began their largest exercise in years on Monday."
    assert _flagged(text, date(2022, 8, 22)) == [caption]


def test_a_caption_of_another_story_dated_after_the_page_is_furniture() -> None:
    caption = (
        "The senator, center, is helped by colleagues after he paused at the microphones "
        "during a news conference, Tuesday, May 14, 2024, at the Capitol in Washington. "
        "(AP Photo/Jane Doe)"
    )
    text = f"{caption}\n\nGunmen ambushed a police convoy on Monday, prosecutors said."
    assert _flagged(text, date(2019, 10, 15)) == [caption]


def test_a_caption_with_a_dash_credit_is_furniture() -> None:
    caption = "Migrants wait on a rescue boat near the island, Italy, June 3, 2021. — REUTERS"
    text = f"{caption}\n\nMore than 40 migrants drowned on Sunday, the agency said."
    assert _flagged(text, date(2023, 8, 6)) == [caption]


def test_a_caption_of_the_storys_own_day_stays() -> None:
    caption = (
        "Police take cover during clashes in the capital, Friday, March 1, 2024. "
        "(AP Photo/Jane Doe)"
    )
    text = f"{caption}\n\nGangs attacked the main prison on Saturday, officials said."
    # only the credit is furniture: the caption tells the story's own day
    assert _flagged(text, date(2024, 3, 3)) == ["(AP Photo/Jane Doe)"]


def test_a_news_sentence_with_an_old_year_and_an_agency_is_no_caption() -> None:
    # a sentence of the story that tells an older happening and names its source: no credit
    # after a stop, a bar or a dash, so it stays content
    text = (
        "Floods swept the same valley in August 2019, killing 12 people, Reuters reported.\n\n"
        "Rescuers searched the river on Monday."
    )
    assert _flagged(text, date(2023, 7, 10)) == []


def test_an_old_caption_with_no_publication_day_stays() -> None:
    caption = "Sailors take part in a joint drill off the coast in March 2011. | REUTERS"
    assert boilerplate(f"{caption}\n\nThe exercise began on Monday.") == []


# -- "due to": a cause unless after "be" --------------------------------------------------------


def _days(text: str, published: date) -> list[tuple[str, date]]:
    return [(t.text, t.range.start) for t in find_dates(text, published)]


def test_due_to_as_a_cause_leaves_a_past_day_past() -> None:
    text = (
        "The heatwave over the plains went on for a second week.\n\n"
        "Nine people died due to heatstroke in the city on June 24 (Saturday), the hospital's "
        "chief said."
    )
    assert _days(text, date(2023, 6, 26)) == [
        ("June 24", date(2023, 6, 24)),
        ("Saturday", date(2023, 6, 24)),
    ]


def test_a_parenthesised_weekday_after_a_past_day_stays_right() -> None:
    text = (
        "The heatwave over the plains went on for a second week.\n\n"
        "Floods hit the town on June 24 (Saturday), officials said."
    )
    assert _days(text, date(2023, 6, 26)) == [
        ("June 24", date(2023, 6, 24)),
        ("Saturday", date(2023, 6, 24)),
    ]


def test_due_to_after_be_is_still_a_plan() -> None:
    lead = "Talks on the border went on for a second week.\n\n"
    text = lead + "The minister is due to visit the city on June 24."
    assert _days(text, date(2023, 6, 26)) == [("June 24", date(2024, 6, 24))]
    text = lead + "The minister was also due to arrive on Saturday."
    assert _days(text, date(2023, 6, 26))[0][1] > date(2023, 6, 26)


# -- "N days after" a clause cut by the commas of a list --------------------------------------


def _mention_days(text: str, published: date, gaz: Gazetteer) -> dict[str, date]:
    from geo.geoparse import analyze

    found = analyze(text, published, gazetteer=gaz)
    return {m.text: m.dates.start for m in found.mentions if m.dates is not None}


def test_a_relation_reaches_over_a_list_of_names(gaz: Gazetteer) -> None:
    text = (
        "Troops began a large exercise on Monday, the army said.\n\n"
        "The drills began three days after President Jane Doe, Prime Minister John Roe and "
        "Chancellor Ann Poe met in Geneva, the Swiss city."
    )
    days = _mention_days(text, date(2023, 8, 21), gaz)
    assert days["Geneva"] == date(2023, 8, 18)


def test_a_relation_stops_at_a_relative_clause(gaz: Gazetteer) -> None:
    text = (
        "Troops began a large exercise on Monday, the army said.\n\n"
        "The drills began three days after President Jane Doe returned from a tour, "
        "where she had spoken in Geneva."
    )
    days = _mention_days(text, date(2023, 8, 21), gaz)
    assert days["Geneva"] != date(2023, 8, 18)
