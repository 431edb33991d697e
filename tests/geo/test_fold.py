"""One happening, one event within an article (session 30, evfold30): the events of one
article at one place on overlapping dates, of one category and one family of trigger groups
(geo/data/fold.yaml), told in one sentence or in the article's lead, are folded into one;
a roundup's crimes, an arrest after a crime and happenings of two categories are not. A
day's or a body's vote is a Vote, not an Election."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from gazetteer import Gazetteer
from geo.extraction import extract
from geo.lexicon import trigger_types
from geo.merge import merge_reports
from geo.model import Article, DateRange
from geo.reports import EventReport
from tests.geo.test_merge import CITY

TYPES = trigger_types()


def _events(text: str, gaz: Gazetteer, title: str | None = None) -> list[tuple[str, str]]:
    article = Article(id="t", text=text, title=title, published=date(2024, 5, 15))
    return sorted((e.title, e.category) for e in extract([article], gazetteer=gaz).event_list)


TEXT = (
    "Man hurt in robbery\n\nTESTVILLE - A man was shot twice early Tuesday in an attempted "
    "armed robbery, police said. He is expected to survive. In other news, a woman was "
    "stabbed on Main Street on Tuesday."
)
LEAD = TEXT.index("TESTVILLE")
LATER = TEXT.index("In other")


def _report(kind: str, sentence: int, article: str = "a") -> EventReport:
    t = TYPES[kind]
    return EventReport(
        article=article,
        type=t,
        trigger=kind,
        role="in",
        place=CITY,
        char_start=sentence,
        char_end=sentence + 5,
        text="Testville",
        dates=DateRange(date(2024, 5, 14), date(2024, 5, 14), "day"),
        date_source="clause",
        quote="A man was shot twice.",
        title=f"{t.label}, Testville",
        confidence=0.9,
        sentence_start=sentence,
    )


def _merged(reports: list[EventReport], title: str = "Man hurt in robbery") -> list[str]:
    meta = SimpleNamespace(title=title, text=TEXT, outlet=None, url=None, published=None)
    articles = {a: meta for a in {r.article or "" for r in reports}}
    return sorted(e.type for e in merge_reports(reports, articles))


def test_two_triggers_of_one_sentence_are_one_event() -> None:
    # a robbery and a murder told by one sentence (not the lead's): one happening
    assert len(_merged([_report("robbery", LATER), _report("murder", LATER)])) == 1


def test_a_trigger_of_the_lead_folds_a_later_one_of_its_family() -> None:
    assert len(_merged([_report("robbery", LEAD), _report("murder", LATER)])) == 1


def test_a_roundups_two_crimes_stay_two_events() -> None:
    # counter-example: the headline gathers stories; each brief is a happening of its own
    reports = [_report("robbery", LEAD), _report("murder", LATER)]
    assert len(_merged(reports, title="Police briefs")) == 2


def test_an_arrest_after_a_crime_stays_its_own_event() -> None:
    # counter-example: an arrest follows the crime; it is in no family of fold.yaml
    assert _merged([_report("murder", LEAD), _report("arrest", LEAD)]) == ["arrest", "murder"]


def test_happenings_of_two_categories_stay_apart() -> None:
    # counter-example: a resignation and an arrival on one day in one city are two
    assert len(_merged([_report("resignation", LEAD), _report("arrival", LEAD)])) == 2


def test_two_articles_are_never_folded() -> None:
    # counter-example: across articles, merging decides (a robbery is no murder there)
    reports = [_report("robbery", LEAD, "a"), _report("murder", LEAD, "b")]
    assert len(_merged(reports)) == 2


def test_two_triggers_of_far_sentences_outside_the_lead_stay_apart() -> None:
    # counter-example: neither is the story's lead nor do they share a sentence
    later = TEXT.index("He is")
    assert len(_merged([_report("robbery", later), _report("murder", LATER)])) == 2


def test_a_headline_and_its_lead_tell_one_happening(gaz: Gazetteer) -> None:
    text = (
        "Woman found dead in Belgrade house fire\n\nBELGRADE, Minn. - A woman was found dead "
        "by firefighters after they put out a blaze at a house in Belgrade on Tuesday."
    )
    events = [e for e in _events(text, gaz) if "Belgrade" in e[0]]
    assert len(events) == 1, events


def test_a_days_vote_of_a_board_is_a_vote_not_an_election(gaz: Gazetteer) -> None:
    text = (
        "County board fires tax assessors\n\nDANIELSVILLE, Ga. - The county board met "
        "Monday. Monday's vote, which was unanimous, dismissed all four assessors."
    )
    assert not [t for t, c in _events(text, gaz) if t.startswith("Election")]


def test_a_days_vote_with_voters_stays_an_election(gaz: Gazetteer) -> None:
    # counter-example: the sentence speaks of an election
    text = (
        "Italy votes\n\nROME - Sunday's vote in Italy drew 60 percent of voters to the polls, "
        "officials said on Monday."
    )
    assert [t for t, c in _events(text, gaz) if t.startswith("Election")]
