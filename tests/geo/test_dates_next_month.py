"""A month without a year right after the publication month, in a past clause that no past
verb governs, is the coming month: "earned a place in the state championships in April"
(published in March). News names a month eleven months back with "last" or its year.

Counts (every bare month of the LGL/GWN pool, events-dev, t27 and t28 that resolved a year
back while one or two months ahead of publication, read by hand): 5 expressions; the rule
(the next month only) changed 3, all rightly ("earned a place in the State Jazz
Championships in April", "declared the month of April Fair Housing Month", "the utility work
should start in April"); "born in February" stays, a past verb governs it; "Later in May"
(two months ahead, a year back rightly) is out of its reach. It also moves dev's "bailed to
return on a date in mid-December" (November news), rightly. One pool event moved: the
championships in Des Moines, April 2008 → April 2009. No event of dev, t27 or t28 moved."""

from __future__ import annotations

from datetime import date

from tests.geo.test_dates import rng

MARCH = date(2009, 3, 16)


def test_next_month_in_a_past_clause_is_the_coming_one() -> None:
    text = "The jazz band earned a place in the state championships in Des Moines in April."
    assert rng(text, MARCH)[:2] == (date(2009, 4, 1), date(2009, 4, 30))
    text = "Commissioners declared the month of April “Fair Housing Month” in the county."
    assert rng(text, date(2009, 3, 24))[:2] == (date(2009, 4, 1), date(2009, 4, 30))


def test_a_past_verb_governing_the_next_month_keeps_it_a_year_back() -> None:
    # counter-example: "closed in April" is the April gone by
    assert rng("The plant closed in April.", MARCH)[:2] == (date(2008, 4, 1), date(2008, 4, 30))
    assert rng("Her son was born in April.", MARCH)[:2] == (date(2008, 4, 1), date(2008, 4, 30))


def test_two_months_ahead_in_a_past_clause_stays_a_year_back() -> None:
    # counter-example: only the next month
    text = "Later in May, he was invited to a party in Columbus."
    assert rng(text, MARCH)[:2] == (date(2008, 5, 1), date(2008, 5, 31))


def test_january_in_december_news_is_this_year() -> None:
    # counter-example: the month after December lies in another calendar year
    text = "The company earned a contract from the city in January."
    assert rng(text, date(2009, 12, 10))[:2] == (date(2009, 1, 1), date(2009, 1, 31))
