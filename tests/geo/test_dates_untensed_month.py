"""A month without a year in a clause with no tense takes the nearest such month; a passive
participle after "be" and an adverb ("will be formally sentenced") marks no past.

Counts (LGL pool articles outside every gold set, read by hand): the nearest month changed
11 expressions, 9 rightly ("runs through June", "is pursuing reelection in May", "the fiscal
year ending in June", "the Tour de France in July" in March news) and 2 wrongly (a past verb
more than 100 characters away; "the governor in August announcing"); the adverb changed one
("will be formally sentenced June 8"), rightly. No event of dev, t27 or the pool moved.
A day a verb sets ("set a meeting for Friday", "delayed the hearing until April") is ahead: 3
expressions changed, all right; t28 lost a false meeting dated last Friday."""

from __future__ import annotations

from datetime import date

from geo.dates import find_dates
from tests.geo.test_dates import rng

MARCH = date(2009, 3, 26)


def test_an_untensed_month_a_few_months_ahead_is_this_year() -> None:
    text = "The exhibition runs through June at the State Museum."
    assert rng(text, MARCH)[:2] == (date(2009, 6, 1), date(2009, 6, 30))
    text = "Eight board members are pursuing reelection in May, with one seat open."
    assert rng(text, MARCH)[:2] == (date(2009, 5, 1), date(2009, 5, 31))


def test_an_untensed_month_nearer_behind_is_last_year() -> None:
    # counter-example: November is four months back and eight ahead of March
    text = "His council seat is up for re-election in November."
    assert rng(text, MARCH)[:2] == (date(2008, 11, 1), date(2008, 11, 30))
    # six months either way: the one before
    assert rng("The fair is a highlight in September.", MARCH)[:2] == (
        date(2008, 9, 1),
        date(2008, 9, 30),
    )


def test_a_past_clause_keeps_its_month_behind() -> None:
    # counter-example: a past verb decides, however near the month ahead is
    assert rng("Crypto was discovered in the lake in June.", MARCH)[:2] == (
        date(2008, 6, 1),
        date(2008, 6, 30),
    )


def test_a_passive_participle_after_an_adverb_is_no_past() -> None:
    text = "He lost his freedom yesterday and will be formally sentenced June 8."
    june = next(e for e in find_dates(text, date(2009, 3, 30)) if e.text == "June 8")
    assert june.range.start == date(2009, 6, 8)


def test_a_past_verb_after_an_adverb_stays_past() -> None:
    # counter-example: "was formally charged June 8" is past: "was" marks it
    assert rng("He was formally charged June 8.", date(2009, 3, 30))[0] == date(2008, 6, 8)


# --- "set a meeting for Friday", "delayed the hearing until April" ------------------------------

TUESDAY = date(2009, 3, 24)


def test_a_day_a_verb_sets_for_is_ahead() -> None:
    text = "The board tentatively set a special meeting for 11 a.m. Friday at the high school."
    assert rng(text, TUESDAY)[0] == date(2009, 3, 27)
    assert rng("The judge set his sentencing for June 2.", TUESDAY)[0] == date(2009, 6, 2)
    text = "A vote by the city council delayed that hearing until April."
    assert rng(text, date(2009, 3, 15))[:2] == (date(2009, 4, 1), date(2009, 4, 30))


def test_a_day_after_another_for_stays_behind() -> None:
    # counter-examples: "for" that opens no day of the verb's, or no verb that fixes a day
    assert rng("Police set up roadblocks for the parade Friday.", TUESDAY)[0] == date(2009, 3, 20)
    assert rng("The board met for three hours Friday.", TUESDAY)[0] == date(2009, 3, 20)
