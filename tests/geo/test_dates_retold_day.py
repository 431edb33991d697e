"""The day a later sentence gives a report told with none: a sentence that retells when the
happening came about ("It happened about 3 p.m. Tuesday": :meth:`geo.timeline.Timeline.
retold_day`), and the days the next sentence names in a month ("in August" … "from Aug.
21-30": :meth:`geo.timeline.Timeline.named_days`). Sentences are written for these tests."""

from __future__ import annotations

from datetime import date

from geo.extraction import extract
from geo.model import Article

#: A Saturday: Tuesday is March 10, the Friday before is March 13.
PUBLISHED = date(2009, 3, 14)


def _events(text: str) -> list[tuple[str, str, str]]:
    """(title, start, end) of each event of ``text`` published on :data:`PUBLISHED`."""
    result = extract([Article(id="a", text=text, published=PUBLISHED)])
    return sorted(zip(result.events.title, result.events.start, result.events.end, strict=True))


def test_a_retelling_sentence_gives_the_undated_report_its_day() -> None:
    text = (
        "Man hurt\n"
        "Police are looking for a driver who left the scene.\n"
        "A man was shot in the leg outside a bar in Fresno, California, police said.\n"
        "It happened about 3 p.m. Tuesday.\n"
        "The man was taken to a hospital.\n"
    )
    assert ("Shooting, Fresno", "2009-03-10", "2009-03-10") in _events(text)


def test_responders_called_give_the_day_two_sentences_on() -> None:
    text = (
        "House burns\n"
        "Neighbours say they heard a loud bang.\n"
        "A fire destroyed a house on Elm Street in Peoria, Illinois.\n"
        "Nobody was home.\n"
        "Firefighters were called to the house shortly after midnight Friday.\n"
    )
    assert ("Fire, Peoria", "2009-03-13", "2009-03-13") in _events(text)


def test_a_dated_sentence_without_a_retelling_verb_gives_no_day() -> None:
    # counter-example: the next dated sentence tells another happening ("met … Tuesday")
    text = (
        "Man hurt\n"
        "Police are looking for a driver who left the scene.\n"
        "A man was shot in the leg outside a bar in Fresno, California, police said.\n"
        "His family met the mayor Tuesday.\n"
    )
    events = _events(text)
    assert ("Shooting, Fresno", "2009-03-10", "2009-03-10") not in events
    assert ("Shooting, Fresno", "2009-03-13", "2009-03-14") in events


def test_a_reply_is_no_retelling() -> None:
    # counter-example: "responded" tells a reply, not when the shooting came about
    text = (
        "Man hurt\n"
        "Police are looking for a driver who left the scene.\n"
        "A man was shot in the leg outside a bar in Fresno, California, police said.\n"
        "The mayor responded Tuesday with a call for calm.\n"
    )
    assert ("Shooting, Fresno", "2009-03-13", "2009-03-14") in _events(text)


def test_a_retold_day_before_the_news_week_gives_no_day() -> None:
    # counter-example: "occurred" with a day of last year retells background, not the news
    text = (
        "Man hurt\n"
        "Police are looking for a driver who left the scene.\n"
        "A man was shot in the leg outside a bar in Fresno, California, police said.\n"
        "The last time, it happened on Oct. 16, 2008.\n"
    )
    assert ("Shooting, Fresno", "2009-03-13", "2009-03-14") in _events(text)


def test_a_report_with_a_day_of_its_own_keeps_it() -> None:
    # counter-example: the report's own sentence dates it
    text = (
        "Man hurt\n"
        "Police are looking for a driver who left the scene.\n"
        "A man was shot in the leg outside a bar in Fresno, California, on Monday.\n"
        "A robbery was reported at 3 p.m. Tuesday at a store nearby.\n"
    )
    assert ("Shooting, Fresno", "2009-03-09", "2009-03-09") in _events(text)


def test_the_next_sentence_narrows_a_month_to_the_days_it_names() -> None:
    text = (
        "Ship to visit\n"
        "A World War II landing ship will travel to Jeffersonville, Indiana, in August.\n"
        "The ship will spend more than a week at the city's riverfront from Aug. 21-30.\n"
    )
    assert ("Visit, Jeffersonville", "2009-08-21", "2009-08-30") in _events(text)


def test_a_weekday_in_the_next_sentence_does_not_narrow_a_month() -> None:
    # counter-example: "this month" … "appeared in court Friday": the month not spelled
    text = (
        "Ship arrives\n"
        "A World War II landing ship arrived in Jeffersonville, Indiana, in March.\n"
        "Its crew painted the deck on Friday.\n"
    )
    # the month so far (session 39: P's own month in a past clause ends on P), not the day
    assert ("Arrival, Jeffersonville", "2009-03-01", "2009-03-14") in _events(text)


def test_a_happening_of_its_own_in_the_next_sentence_does_not_narrow_a_month() -> None:
    # counter-example: the next sentence's day is its own trigger's
    text = (
        "Ship arrives\n"
        "A World War II landing ship arrived in Jeffersonville, Indiana, in March.\n"
        "Two of its crew were arrested on March 13.\n"
    )
    # the month so far (session 39: P's own month in a past clause ends on P), not the day
    assert ("Arrival, Jeffersonville", "2009-03-01", "2009-03-14") in _events(text)


def test_a_day_of_another_month_does_not_narrow_it() -> None:
    # counter-example: the next sentence's day lies outside the month
    text = (
        "Ship to visit\n"
        "A World War II landing ship will travel to Jeffersonville, Indiana, in August.\n"
        "It left Evansville on July 2 for repairs.\n"
    )
    assert ("Visit, Jeffersonville", "2009-08-01", "2009-08-31") in _events(text)
