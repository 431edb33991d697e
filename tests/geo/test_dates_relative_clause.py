"""Time expressions bound to the right happening: a subject relative clause and the main
predicate after it do not date each other (:mod:`geo.subject_relatives`), and a participle
clause does not go on with a plan's date that a past clause names
(:meth:`geo.own_dates.OwnDates._own_expression`). Sentences are written for these tests."""

from __future__ import annotations

from datetime import date

from geo.extraction import extract
from geo.model import Article
from geo.subject_relatives import predicate_start

#: A Monday.
PUBLISHED = date(2009, 3, 30)


def _events(text: str) -> list[tuple[str, str, str]]:
    """(title, start, end) of each event of ``text`` published on :data:`PUBLISHED`."""
    result = extract([Article(id="a", text=text, published=PUBLISHED)])
    return sorted(zip(result.events.title, result.events.start, result.events.end, strict=True))


def _split(sentence: str) -> tuple[str, str] | None:
    found = predicate_start(sentence, 0, len(sentence))
    return None if found is None else (sentence[found[0] :], sentence[found[1] :])


def test_a_subject_relative_clause_ends_at_the_main_verb() -> None:
    found = _split("A young man who allegedly fled from a traffic stop last May has been indicted.")
    assert found is not None
    assert found[0].startswith("who allegedly fled")
    assert found[1].startswith("has been indicted")
    found = _split("The car that killed a cyclist in Peoria made its owner famous.")
    assert found is not None and found[1].startswith("made its owner")


def test_no_split_without_a_subject_relative_and_a_main_verb_after_it() -> None:
    # counter-examples: a relative clause at the end, a coordinated verb, a complement clause,
    # an object relative, a relative clause set off by a comma (the clause break's business)
    assert _split("Police arrested a man who fled the scene on Monday.") is None
    assert _split("Police arrested a man who robbed a bank and was seen Monday.") is None
    assert _split("He said that was the reason the fire started Monday.") is None
    assert _split("The board that the mayor named last May has met twice.") is None
    assert _split("The man, who fled on Monday, was arrested in Peoria.") is None


def test_a_time_in_the_relative_clause_does_not_date_the_main_verb() -> None:
    text = (
        "Man indicted\n"
        "A young man who fled from a traffic stop last September has been indicted by a grand "
        "jury in Peoria.\n"
    )
    assert _events(text) == [("Indictment, Peoria", "2009-03-29", "2009-03-30")]


def test_a_time_of_the_main_predicate_still_dates_it() -> None:
    # counter-example: the main predicate's own day
    text = (
        "Man indicted\n"
        "A young man who fled from a traffic stop was indicted by a grand jury in Peoria on "
        "Friday.\n"
    )
    assert _events(text) == [("Indictment, Peoria", "2009-03-27", "2009-03-27")]


def test_the_main_predicates_day_does_not_date_the_relative_clause() -> None:
    text = (
        "Driver charged\n"
        "A young woman accused of driving the car that killed a cyclist in Peoria made her "
        "first court appearance Thursday.\n"
    )
    # the appearance on Thursday, not a killing on Thursday
    assert _events(text) == [("Court appearance, Peoria", "2009-03-26", "2009-03-26")]


def test_a_participle_does_not_go_on_with_a_plans_date() -> None:
    text = (
        "Band earns place\n"
        "The Peoria High School jazz band earned a place in the state championships in "
        "Chicago in April, placing first at the district competition in Peoria.\n"
    )
    assert _events(text) == [
        ("Competition, Chicago", "2009-04-01", "2009-04-30"),
        ("Competition, Peoria", "2009-03-29", "2009-03-30"),
    ]


def test_a_participle_goes_on_with_the_date_of_a_future_clause() -> None:
    # counter-example: the clause before is a plan itself, the participle shares its time
    text = (
        "Band to compete\n"
        "The Peoria High School jazz band will compete in the state championships in Chicago "
        "in April, performing at the final competition in Peoria.\n"
    )
    assert _events(text) == [
        ("Competition, Chicago", "2009-04-01", "2009-04-30"),
        ("Competition, Peoria", "2009-04-01", "2009-04-30"),
    ]


def test_a_participle_goes_on_with_a_past_day() -> None:
    # counter-example: "struck … on Friday, flooding streets in …" is the same day
    text = (
        "Storm hits\nThe storm hit Chicago on Friday, flooding streets in Springfield, Illinois.\n"
    )
    assert ("Flood, Springfield", "2009-03-27", "2009-03-27") in _events(text)
