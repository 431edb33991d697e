"""Two rules of session 42 (wprec42) against false events, each with a case where it fires
and one where it must not: a time right after "since" tells where a span begins, not the date
of what its sentence reports, so a sentence continuing its sentence is not dated by it
(:meth:`geo.sentence_times.SentenceTimes.carried_date`); "es" is a lower-case word inside a
place name, as "de" and "of" are (``name_particles`` in ``toponym_filters.yaml``). Sentences
are written for these tests."""

from __future__ import annotations

from datetime import date

from gazetteer import Gazetteer
from geo.dates import find_dates
from geo.recognize import recognize
from geo.text import quotes, sentences
from geo.timeline import Timeline
from tests.geo.helpers import PUBLISHED


def _timeline(text: str) -> Timeline:
    """The timeline of ``text`` published on :data:`PUBLISHED` (Wednesday 15 May 2024), with
    no place mentions."""
    return Timeline(text, sentences(text), find_dates(text, PUBLISHED), quotes(text), [], PUBLISHED)


def test_a_since_time_is_not_handed_on_to_the_sentence_that_continues() -> None:
    text = (
        "The rebels shelled the port on Tuesday, the army said. "
        "They have shelled it six times since early March. "
        "They also fired on a convoy near the harbour."
    )
    tl = _timeline(text)
    # the second sentence keeps its own time; the third, continuing it ("They"), is told on
    # the first sentence's Tuesday, not in early March
    assert tl.sentence_date(1).start.month == 3
    assert tl.sentence_date(2) == tl.sentence_date(0)
    assert tl.sentence_date(2).start == date(2024, 5, 14)
    assert tl.date_at(text.index("convoy")) == (tl.sentence_date(0), "previous")


def test_a_time_without_since_is_handed_on() -> None:
    # counter-example: "in early March" is the date of what the sentence tells
    text = (
        "The rebels shelled the port on Tuesday, the army said. "
        "They had shelled it once before in early March. "
        "They also fired on a convoy near the harbour."
    )
    tl = _timeline(text)
    assert tl.sentence_date(2) == tl.sentence_date(1)
    assert tl.sentence_date(2).start.month == 3


def test_a_since_time_still_runs_to_publication_in_its_own_clause() -> None:
    # counter-example: the happening of the "since" clause's own sentence is dated by it
    text = "Forty people have died in the fighting in the north since Saturday."
    tl = _timeline(text)
    found, source = tl.own_date(text.index("north"))
    assert source == "clause"
    assert (found.start, found.end) == (date(2024, 5, 11), PUBLISHED)


def test_a_time_after_another_preposition_still_dates_its_sentence() -> None:
    # counter-example: "after" or a bare time is what the sentence reports
    text = "The storm hit the coast. Power returned to most homes after Saturday."
    tl = _timeline(text)
    assert tl.sentence_date(1) is not None
    assert tl.sentence_date(1).start == date(2024, 5, 11)


def test_a_lower_case_es_inside_a_place_name(gaz: Gazetteer) -> None:
    text = "Police broke up a rally in the port city of Dar es Salaam on Monday."
    found = [
        (text[r.start : r.end], r.place.country)
        for r in recognize(text, gazetteer=gaz)
        if r.role == "location"
    ]
    assert found == [("Dar es Salaam", "TZ")]


def test_a_lower_case_es_alone_is_no_name(gaz: Gazetteer) -> None:
    # counter-example: the particle only joins capitalised words of one known name
    text = "Dar voters and es Salaam fans met in Paris on Monday."
    names = [text[r.start : r.end] for r in recognize(text, gazetteer=gaz)]
    assert "Dar es Salaam" not in names
