"""An undated happening told after a sentence (the nearest dated one of the six before it)
whose every date is over a year old belongs to that old story, not to the day's news
(:func:`geo.status._told_long_ago`). The sentences are written for these tests."""

from __future__ import annotations

from gazetteer import Gazetteer
from tests.geo.helpers import reports_of

_FIRE = "A fire broke out on board in Dayton, Ohio, and burned the deck."


def _accidents(text: str, gaz: Gazetteer) -> list[str]:
    return [r.place.name for r in reports_of(text, gaz) if r.type.name == "accident"]


def test_an_undated_happening_after_an_old_year_is_no_news(gaz: Gazetteer) -> None:
    text = (
        "Volunteers repainted the old ferry at the harbor on Tuesday. "
        f"The ferry was built in 1938 to carry cattle. {_FIRE}"
    )
    assert _accidents(text, gaz) == []


def test_a_recent_day_beside_the_old_year_keeps_the_news(gaz: Gazetteer) -> None:
    # counter-example: the sentence before also names a day of this week
    text = (
        "Volunteers repainted the old ferry at the harbor on Tuesday. The ferry has carried "
        f"cattle since 1938, its owner said at Monday's meeting. {_FIRE}"
    )
    assert _accidents(text, gaz) == ["Dayton"]


def test_a_recent_date_before_keeps_the_news(gaz: Gazetteer) -> None:
    # counter-example: last month is not an old story
    text = (
        "Volunteers repainted the old ferry at the harbor on Tuesday. "
        f"The ferry was built last month to carry cattle. {_FIRE}"
    )
    assert _accidents(text, gaz) == ["Dayton"]


def test_an_old_story_told_five_sentences_back_still_holds(gaz: Gazetteer) -> None:
    # the nearest dated sentence of the six before is the old story's (a TV preview's retold
    # crime: "… on July 7 …", four undated sentences, then the undated happening)
    text = (
        "Volunteers repainted the old ferry at the harbor on Tuesday. "
        "The ferry was built in 1938 to carry cattle. It was slow. It was loud. "
        f"It was cold. Its crew was small. {_FIRE}"
    )
    assert _accidents(text, gaz) == []


def test_a_recent_day_nearer_than_the_old_story_keeps_the_news(gaz: Gazetteer) -> None:
    # counter-example: the nearest dated sentence names this week's Tuesday
    text = (
        "The ferry was built in 1938 to carry cattle. It was slow. It was loud. "
        f"Volunteers repainted it at the harbor on Tuesday. Its crew was small. {_FIRE}"
    )
    assert _accidents(text, gaz) == ["Dayton"]
