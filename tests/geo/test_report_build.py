"""``EventReport.build``: the one constructor every event pass makes its report with."""

from __future__ import annotations

from datetime import date

import pytest
from shapely.geometry import Point

from gazetteer import Place
from geo.clauses import Sentence
from geo.errors import GeoError
from geo.lexicon import Trigger, find_triggers, trigger_types
from geo.model import DateRange
from geo.reports import EventReport, confidence

TEXT = (
    "Chinese warships held a joint drill with Russian ships near Testville on Monday, "
    "the ministry said."
)
TOWN = Place("test:town", "Testville", "city", Point(10.5, 10.5), country="XX", prominence=1e5)
MONDAY = DateRange.day(date(2024, 5, 13))


def sentence(text: str) -> Sentence:
    """The whole of ``text`` as one sentence of one clause."""
    return Sentence(0, len(text), (0,), ())


def drill(text: str) -> Trigger:
    return next(t for t in find_triggers(text) if t.form == "drill")


def at_mention(**overrides: object) -> EventReport:
    """The drill of :data:`TEXT` standing at the mention of Testville."""
    start = TEXT.index("Testville")
    fields: dict = {"role": "near", "dates": MONDAY, "date_source": "clause", "article": "a"}
    fields.update(overrides)
    return EventReport.build(TEXT, sentence(TEXT), drill(TEXT), TOWN, (start, start + 9), **fields)


def test_a_report_at_the_place_mention_stands_on_the_name() -> None:
    r = at_mention()
    assert (r.text, r.char_start, r.char_end) == ("Testville", 60, 69)
    assert (r.type.name, r.trigger, r.role, r.article) == ("exercise", "drill", "near", "a")
    assert (r.sentence_start, r.sentence_end) == (0, len(TEXT))
    assert r.quote == TEXT
    assert (r.dates, r.date_source, r.status) == (MONDAY, "clause", "reported")
    assert r.confidence == confidence(1.0, "near", "day", 1)
    # the partners named between the trigger and the place join the actors
    assert r.title == "Joint naval drill by China and Russia, Testville"


def test_a_report_at_the_trigger_stands_on_the_trigger_word() -> None:
    """The focus, a seat or another report places it: the place is not named there, so no
    partners are read up to it."""
    t = drill(TEXT)
    r = EventReport.build(
        TEXT, sentence(TEXT), t, TOWN, (t.start, t.end),
        role="focus", dates=MONDAY, date_source="clause",
    )  # fmt: skip
    assert (r.text, r.char_start, r.char_end) == ("drill", t.start, t.end)
    assert r.title == "Joint naval drill by China, Testville"
    assert r.confidence == confidence(1.0, "focus", "day", 1)
    assert r.article is None


def test_the_quote_is_trimmed_around_the_span() -> None:
    text = "Word " * 100 + "A drill was held near Testville on Monday." + " word" * 100
    t = drill(text)
    start = text.index("Testville")
    r = EventReport.build(
        text, sentence(text), t, TOWN, (start, start + 9),
        role="near", dates=MONDAY, date_source="clause",
    )  # fmt: skip
    assert "Testville" in r.quote and r.quote.startswith("…") and r.quote.endswith("…")


def test_a_pass_may_lower_the_strength_and_give_the_title_and_status() -> None:
    weak = at_mention(strength=0.5, title="Drill, Testville", status="background", opens=True)
    assert weak.confidence == confidence(0.5, "near", "day", 1, "background")
    assert weak.confidence < at_mention().confidence
    assert (weak.title, weak.status, weak.opens) == ("Drill, Testville", "background", True)
    marked = at_mention(headline=True, list_start=3, refers_to=7)
    assert (marked.headline, marked.list_start, marked.refers_to) == (True, 3, 7)


def test_a_report_without_a_trigger_takes_the_kind_form_and_strength_it_is_given() -> None:
    start = TEXT.index("Testville")
    r = EventReport.build(
        TEXT, sentence(TEXT), None, TOWN, (start, start + 9),
        role="near", dates=MONDAY, date_source="clause",
        kind=trigger_types()["exercise"], form="drill", strength=0.9,
    )  # fmt: skip
    assert (r.type.name, r.trigger) == ("exercise", "drill")
    assert r.confidence == confidence(0.9, "near", "day", 1)
    assert r.title == "Naval exercise, Testville"  # no trigger word: the label, no actors


def test_a_report_without_a_trigger_or_its_kind_is_refused() -> None:
    with pytest.raises(GeoError, match="without a trigger"):
        EventReport.build(
            TEXT, sentence(TEXT), None, TOWN, (0, 7),
            role="near", dates=MONDAY, date_source="clause", form="drill", strength=0.9,
        )  # fmt: skip


def test_an_unknown_status_is_refused_as_by_the_dataclass() -> None:
    with pytest.raises(GeoError, match="unknown event status 'rumour'"):
        at_mention(status="rumour")
