"""A text that opens with its own title as a sentence ("Culver pushing new rules on dependant
adult abuse. Less than a month after …", as LGL's texts do): the title is a headline, never
the lead (geo/clauses.py ``repeats_title``, geo/timeline.py ``titled``), so the lead rule
(geo/lead_event.py) reads the story's first sentence, its place and its day."""

from __future__ import annotations

from gazetteer import Gazetteer
from geo.clauses import repeats_title
from geo.extraction import extract
from geo.geoparse import analyze
from geo.model import Article
from tests.geo.helpers import PUBLISHED

#: A title of more than eight words, which the text repeats as its first sentence; a lead
#: that names the town and the day; a body that names a town far away as a place of the
#: story (so that no single town of the body stands in for a lead that names none; a town
#: named only as where someone came from would not do: geo.focus ``_origin``).
TITLE = "Teacher credited with saving the life of a choking seventh grader"
TEXT = (
    f"{TITLE}. A science teacher saved a choking student in Saskatoon, Saskatchewan, on "
    "Saturday afternoon. The boy, whose family lived in Halifax, Nova Scotia, until last "
    "year, is fine."
)


def _events(title: str | None, text: str, gaz: Gazetteer) -> list[tuple[str, str, str]]:
    """(place, first day, last day) of each event of one article."""
    art = Article(id="a", text=text, title=title, published=PUBLISHED)
    events = extract([art], gazetteer=gaz).events
    return [(row.place_name, row.start, row.end) for row in events.itertuples(index=False)]


def test_a_title_sentence_is_the_title_word_for_word() -> None:
    assert repeats_title(TEXT, 0, len(TITLE) + 1, TITLE)
    assert repeats_title(TEXT, 0, len(TITLE) + 1, TITLE.upper() + ".")
    assert not repeats_title(TEXT, 0, len(TITLE) + 1, "Teacher credited with saving life")
    assert not repeats_title(TEXT, 0, len(TITLE) + 1, None)


def test_the_lead_is_the_sentence_after_the_title(gaz: Gazetteer) -> None:
    titled = analyze(TEXT, PUBLISHED, gazetteer=gaz, title=TITLE).timeline
    assert titled.titled and titled.lead_index() == 1
    untitled = analyze(TEXT, PUBLISHED, gazetteer=gaz).timeline
    assert not untitled.titled and untitled.lead_index() == 0


def test_the_story_is_placed_and_dated_by_its_lead(gaz: Gazetteer) -> None:
    assert _events(TITLE, TEXT, gaz) == [("Saskatoon", "2024-05-11", "2024-05-11")]
    # without the title the first sentence is the lead: it names no place, and the body's
    # two towns leave the story unmapped
    assert _events(None, TEXT, gaz) == []


def test_a_first_sentence_that_is_not_the_title_stays_the_lead(gaz: Gazetteer) -> None:
    # a text whose first sentence differs from its title opens with its own lead: the
    # title is put before it as a headline line, and the first sentence is still the lead
    text = (
        "A science teacher saved a choking student in Saskatoon, Saskatchewan, on Saturday "
        "afternoon. The boy, whose family moved from Halifax, Nova Scotia, last year, is fine."
    )
    assert analyze(text, PUBLISHED, gazetteer=gaz, title=TITLE).timeline.lead_index() == 0
    assert _events(TITLE, text, gaz) == [("Saskatoon", "2024-05-11", "2024-05-11")]
