"""'N units after/before' followed by a gerund dates the clause relative to that event, not
to the last date of the text (counted on the real-news corpora: 9 firings, all of them
durations or event-relative phrases that were dated wrongly before)."""

from __future__ import annotations

from datetime import date

from geo.dates import find_dates

PUBLISHED = date(2018, 1, 15)


def _by_text(text: str) -> dict[str, tuple[date, date]]:
    return {e.text: (e.range.start, e.range.end) for e in find_dates(text, PUBLISHED)}


def test_years_after_a_gerund_do_not_count_from_the_last_year() -> None:
    found = _by_text(
        "In 2014, 20 years after joining the programme, Tunisia entered a partnership. "
        "The following year the minister visited Brussels."
    )
    assert "20 years after" not in found  # not 2034
    assert found["The following year"] == (date(2015, 1, 1), date(2015, 12, 31))


def test_a_duration_before_a_gerund_is_no_date() -> None:
    found = _by_text(
        "She worked in the prosecutor's office from 2004 for 10 years before becoming a judge."
    )
    assert "10 years before" not in found


def test_a_gerund_after_a_comma_leaves_the_anaphor_alone() -> None:
    """Counter-example: "Two days after, leaving …": the phrase ends at the comma, so it still
    counts from the date before it."""
    found = _by_text(
        "The talks began on 3 January 2018. Two days after, leaving the capital, the minister "
        "flew home."
    )
    assert found["Two days after"] == (date(2018, 1, 5), date(2018, 1, 5))


def test_an_anaphor_ending_the_phrase_still_counts_from_the_last_date() -> None:
    found = _by_text("The talks began on 3 January 2018. Two days later, the delegates met again.")
    assert found["Two days later"] == (date(2018, 1, 5), date(2018, 1, 5))
