"""A day without a year that follows a day of an old story (told with its year, before the
publication year) within six sentences, no other date between, and falls at most 31 days
after it in that year, is in the story's year: "found dead on July 1, 1999 … It was there on
July 7 that the brothers were arrested" (a TV preview in 2018), not last July.

Counts (every time expression of the LGL/GWN pool, events-dev, t27 and t28 read against
main): the rule moved 2 expressions, both rightly ("July 7" of a 1999 story; "March 20" of
"(March 20-Dec. 21)" after "started March 20, 2017", which now joins into the fiscal year's
range); the 8 other year-less days within six sentences after an old full date lie further
from it (44 to 310 days: a hearing "Feb. 4" after "Dec. 11, 2007") and keep their year."""

from __future__ import annotations

from datetime import date

from tests.geo.helpers import day

APRIL_2018 = date(2018, 4, 2)


def test_a_day_after_an_old_story_day_is_in_its_year() -> None:
    text = (
        "The couple were found dead in their bed on July 1, 1999. Police found their car near "
        "the river. It was there on July 7 that the brothers were arrested."
    )
    assert day(text, APRIL_2018, "July 7") == date(1999, 7, 7)
    # the story goes on from the day it gave
    text += " On July 9 they were charged."
    assert day(text, APRIL_2018, "July 9") == date(1999, 7, 9)


def test_a_day_far_from_the_story_day_keeps_its_year() -> None:
    # counter-example: more than a month after the old day is news of its own
    text = "He was indicted on Dec. 11, 2007. He missed his arraignment hearing Feb. 4."
    assert day(text, date(2009, 3, 30), "Feb. 4") == date(2009, 2, 4)


def test_another_date_between_ends_the_story() -> None:
    # counter-example: "on Monday" is the day's news; the hearing is ahead
    text = (
        "The shop was robbed on May 5, 2008. On Monday police made an arrest. "
        "He appears in court May 20."
    )
    assert day(text, date(2009, 5, 12), "May 20") == date(2009, 5, 20)


def test_a_birth_date_starts_no_story_of_days() -> None:
    # counter-example: "born on May 5, 1960 … He died on May 20": the death is news
    text = "Smith was born on May 5, 1960, in Ohio. He died on May 20 at his home."
    assert day(text, date(2009, 6, 2), "May 20") == date(2009, 5, 20)
