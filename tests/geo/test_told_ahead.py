"""A lead told on the day after its page's date (session 42, wtell42;
:func:`geo.told_ahead.told_day_ahead`): a weekday right after a telling verb in the text's
first sentences, naming the day after publication, is read as that day or the page's own, not
six days back; a happening's own weekday, a telling verb's weekday of another day and one
later in the text keep the weekday rule. Sentences are written for these tests."""

from __future__ import annotations

from datetime import date

from geo.dates import find_dates
from geo.text import quotes, sentences
from geo.timeline import Timeline

#: A Saturday: its next day is Sunday 12 May, read six days back as Sunday 5 May.
SATURDAY = date(2024, 5, 11)


def _day(text: str, word: str, published: date = SATURDAY) -> tuple[date, date]:
    """The range ``find_dates`` gives the expression of ``text`` that starts at ``word``."""
    at = text.index(word)
    [t] = [t for t in find_dates(text, published) if t.start <= at < t.end]
    return t.range.start, t.range.end


def test_a_telling_verbs_day_after_publication_in_the_lead_is_the_storys_day() -> None:
    text = (
        "A ferry sank off the northern island, the coast guard said on Sunday, adding that "
        "ten people were missing.\n\nRescue boats searched the area overnight."
    )
    assert _day(text, "Sunday") == (date(2024, 5, 11), date(2024, 5, 12))
    tl = Timeline(text, sentences(text), find_dates(text, SATURDAY), quotes(text), [], SATURDAY)
    # the happening the lead tells takes the day
    assert tl.date_at(text.index("sank"))[0].start == date(2024, 5, 11)


def test_a_bare_telling_verb_and_weekday_fire_too() -> None:
    text = "Officials reported Sunday that two trains collided near the border crossing."
    assert _day(text, "Sunday") == (date(2024, 5, 11), date(2024, 5, 12))


def test_a_happenings_own_weekday_keeps_its_week_back() -> None:
    text = "Dynamo beat Rovers 2-1 on Sunday to reach the cup final, the club said."
    assert _day(text, "Sunday") == (date(2024, 5, 5), date(2024, 5, 5))


def test_a_telling_verbs_weekday_of_another_day_is_unchanged() -> None:
    text = "A ferry sank off the northern island, the coast guard said on Friday."
    assert _day(text, "Friday") == (date(2024, 5, 10), date(2024, 5, 10))
    # "last Sunday" says its week by its own words
    text = "A ferry sank off the northern island, the coast guard said last Sunday."
    assert _day(text, "Sunday")[0] == date(2024, 5, 5)


def test_a_telling_verbs_weekday_past_the_lead_is_unchanged() -> None:
    text = (
        "A ferry sank off the northern island this week. Ten people were missing. "
        "Rescue boats searched the area overnight. The navy said on Sunday it had sent a ship."
    )
    assert _day(text, "Sunday") == (date(2024, 5, 5), date(2024, 5, 5))


def test_a_headline_line_and_the_two_lead_sentences_are_the_first_sentences() -> None:
    text = (
        "Two trains collide in the north\n\n"
        "Two trains collided near a mountain town late on Saturday. "
        "Twelve people died and forty were hurt, officials said Sunday.\n\n"
        "Rescue crews worked through the night."
    )
    assert _day(text, "Sunday") == (date(2024, 5, 11), date(2024, 5, 12))
