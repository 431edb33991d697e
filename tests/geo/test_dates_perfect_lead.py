"""A present-perfect lead told without a day takes the day its body gives, when that day lies
in the week up to publication (:meth:`geo.timeline.Timeline.body_day`); else the last day
or two. Sentences are written for these tests."""

from __future__ import annotations

from datetime import date

from geo.extraction import extract
from geo.model import Article

#: A Monday.
PUBLISHED = date(2009, 3, 30)


def _dates(text: str) -> list[tuple[str, str]]:
    """(start, end) of each event of ``text`` published on :data:`PUBLISHED`."""
    result = extract([Article(id="a", text=text, published=PUBLISHED)])
    return list(zip(result.events.start, result.events.end, strict=True))


LEAD = (
    "Robbery suspect caught\n"
    "A man charged in a string of robberies has been captured by police in Springfield, "
    "Illinois.\n"
)


def test_a_perfect_lead_takes_the_day_its_body_gives() -> None:
    body = "Officers found him in an apartment on North Street about 9 p.m. Saturday.\n"
    assert _dates(LEAD + body) == [("2009-03-28", "2009-03-28")]


def test_a_body_day_before_the_news_week_leaves_the_last_two_days() -> None:
    # counter-example: the body's first day is an older step of the story
    body = "He was first charged on Feb. 2 after a robbery at a gas station.\n"
    assert _dates(LEAD + body) == [("2009-03-29", "2009-03-30")]


def test_a_body_day_to_come_leaves_the_last_two_days() -> None:
    # counter-example: a perfect told what has happened, not the hearing set for Thursday
    body = "He is scheduled to appear before a judge on Thursday.\n"
    assert _dates(LEAD + body) == [("2009-03-29", "2009-03-30")]


def test_a_perfect_lead_with_a_day_of_its_own_keeps_it() -> None:
    lead = (
        "Robbery suspect caught\n"
        "A man charged in a string of robberies has been captured by police in Springfield, "
        "Illinois, on Friday.\n"
    )
    body = "Neighbors had seen him at a bus station on North Street on Wednesday.\n"
    assert _dates(lead + body) == [("2009-03-27", "2009-03-27")]
