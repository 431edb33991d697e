"""Four rules of session 39 (wdate39), each with a case where it fires and one where it
must not: the publication month named in a past clause ends on the publication day
(:func:`geo.date_resolvers.resolve_bare_month`); a sentence's date leaves out an old
relative aside (:meth:`geo.sentence_times.SentenceTimes.sentence_date`), and a list of
examples after "including" is such an aside (``aside_relative_openers``); an auxiliary and an
adverb between a disaster word and its impact verb keep the verb's object its place
(``impact_verb_auxiliaries`` in ``grammar.yaml``). Sentences are written for these tests."""

from __future__ import annotations

from datetime import date

from geo.dates import find_dates
from geo.extraction import extract
from geo.geoparse import analyze
from geo.model import Article

#: A Sunday: "last week" is December 11-17, the week of news December 18-24.
PUBLISHED = date(2023, 12, 24)


def _range(text: str, words: str) -> tuple[str, str]:
    """(start, end) of the time expression ``words`` of ``text`` published on
    :data:`PUBLISHED`."""
    found = next(t for t in find_dates(text, PUBLISHED) if t.text == words)
    return found.range.start.isoformat(), found.range.end.isoformat()


def test_the_publication_month_of_a_past_clause_ends_on_publication() -> None:
    text = "Earlier in December, the foreign minister visited the capital."
    assert _range(text, "December") == ("2023-12-01", "2023-12-24")
    assert _range("The minister visited the capital in December.", "December") == (
        "2023-12-01",
        "2023-12-24",
    )


def test_a_month_ahead_or_a_deadline_stays_whole() -> None:
    # counter-examples: a plan, and "until" naming a day ahead in a past clause
    assert _range("The minister will visit the capital in December.", "December") == (
        "2023-12-01",
        "2023-12-31",
    )
    assert _range("The hearing was postponed until December.", "December") == (
        "2023-12-01",
        "2023-12-31",
    )
    # another month of a past clause is not touched
    assert _range("The minister visited the capital in November.", "November") == (
        "2023-11-01",
        "2023-11-30",
    )


def _sentence_dates(text: str) -> list[tuple[str, str] | None]:
    """The date of each sentence of ``text`` (:meth:`SentenceTimes.sentence_date`)."""
    timeline = analyze(text, PUBLISHED).timeline
    out: list[tuple[str, str] | None] = []
    for i in range(len(timeline)):
        found = timeline.sentence_date(i)
        out.append(None if found is None else (found.start.isoformat(), found.end.isoformat()))
    return out


def test_an_old_relative_aside_does_not_date_its_sentence() -> None:
    text = (
        "Gales cut power to thousands along the coast of the region, "
        "much as the cyclone Lola did, which hit the islands last week."
    )
    assert _sentence_dates(text) == [None]


def test_an_aside_of_the_week_of_news_still_dates_its_sentence() -> None:
    # counter-example: a day of the week of news is the same story's
    text = "Floods swamped the valley, where heavy rain killed 20 people on Friday."
    assert _sentence_dates(text) == [("2023-12-22", "2023-12-22")]


def test_an_old_list_of_examples_does_not_date_its_sentence() -> None:
    text = (
        "The eruption on the east of the island follows a series of quakes in the west, "
        "including one last month that killed 300 people."
    )
    assert _sentence_dates(text) == [None]
    # counter-example: examples told in the week of news date the sentence
    text = "Floods killed 20 people in the valley, including five children on Friday."
    assert _sentence_dates(text) == [("2023-12-22", "2023-12-22")]


def test_a_headline_is_not_dated_by_its_leads_old_aside() -> None:
    # the aside's own happening keeps its week; the storm told after the headline does not
    # take it through the headline and the lead
    text = (
        "Storm Wendell batters coast\n"
        "Storm Wendell strengthened quickly over the sea in the way Hurricane Otis did, "
        "which struck Acapulco, Mexico, last week.\n"
        "The storm struck Brittany, France, early Saturday, knocking out power.\n"
        "At least two people in France have died during the storm.\n"
    )
    result = extract([Article(id="a", text=text, published=PUBLISHED)])
    last_week = {
        place
        for place, start in zip(result.events.place_name, result.events.start, strict=True)
        if "2023-12-11" <= start <= "2023-12-17"
    }
    assert last_week == {"Acapulco de Juárez"}


def _places(text: str) -> set[str]:
    """The place names of the events of ``text`` published on :data:`PUBLISHED`."""
    result = extract([Article(id="a", text=text, published=PUBLISHED)])
    return set(result.events.place_name)


LEAD = "Storm Wendell reached the Atlantic coast of France early Saturday, felling trees.\n"


def test_a_disaster_reaches_the_object_of_its_verb_past_an_auxiliary_and_an_adverb() -> None:
    assert "Northern Spain" in _places(LEAD + "The storm has also battered northern Spain.\n")
    assert "Northern Spain" in _places(LEAD + "The storm also hit northern Spain.\n")


def test_a_verb_of_no_impact_after_the_auxiliary_places_nothing() -> None:
    # counter-example: "cancelled flights to" is no impact on the place
    text = LEAD + "The storm has also cancelled flights to northern Spain.\n"
    assert "Northern Spain" not in _places(text)
