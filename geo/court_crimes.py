"""The crime a court story retells, placed at its court's seat.

A county or town court tries the crimes committed where it sits: in a story whose one court
is named after a county or a town ("in Clarke County Superior Court", "Judge … of New Kent
County Circuit Court"), the crime it retells with its day in a sentence that names no place
("Authorities say Eberhart attacked Sgt. Courtney Gale with a kitchen knife on Dec. 11,
2007") took place there. :func:`court_crime_reports` places such a crime when all of these
hold (pool of session 32: 2 pairs, both right):

- the story has no focus (:mod:`geo.focus`), and no earlier pass placed the sentence;
- the trigger is of a group of ``court_crime_groups`` (``geo/data/roles.yaml``: violent
  crimes, property crimes, shootings and stabbings; not an arrest or a death, told where
  they happen);
- the rules of the focus hold (:func:`geo.focus_reports.focus_reports`: a one-spot
  happening reported as done, dated by its own sentence to a day of the year before
  publication or by its own clause to an older day, outside quotes and attributions, in a
  sentence that holds no report and names no other place);
- its day lies before the week of news (:data:`NEWS_WEEK_DAYS`): the week's crime is the
  day's news, and a crime's name the court's day dates is a charge ("pleaded guilty
  yesterday to … attempted robbery");
- the court is a town's or a county's, the story's only one: a court of a state, a country
  or a district is too wide to say where, and of two seats which one?"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from geo.clauses import Sentence
from geo.focus import FOCUS_PRECISION, Focus
from geo.focus_reports import focus_reports
from geo.lexicon import Trigger
from geo.reports import EventReport
from geo.roles import court_seat, role_words
from geo.timeline import Timeline
from geo.where import load_where_words

if TYPE_CHECKING:
    from gazetteer import Place
    from geo.recognize import Recognized

__all__ = ["NEWS_WEEK_DAYS", "court_crime_reports", "court_place"]

#: A crime dated within this many days before publication is the week's news, not retold.
NEWS_WEEK_DAYS = 7


def court_place(text: str, mentions: Sequence[Recognized]) -> Place | None:
    """The one seat of the courts ``mentions`` name (a place name before a court's name,
    :func:`geo.roles.court_seat`), when it is a town or a county (``story_area_kinds``);
    ``None`` for no court, a court of a wider area, or courts of two seats."""
    seats = {m.place.id: m.place for m in mentions if court_seat(text, m.end)}
    if len(seats) != 1:
        return None
    (place,) = seats.values()
    if place.precision == FOCUS_PRECISION or place.kind in load_where_words().story_area_kinds:
        return place
    return None


def court_crime_reports(
    text: str,
    mentions: Sequence[Recognized],
    triggers: Sequence[Trigger],
    located_sentences: set[int],
    recognized: Sequence[Recognized],
    timeline: Timeline,
    read: Callable[[Sentence, Trigger], Any],
    *,
    article: str | None = None,
) -> list[EventReport]:
    """The crimes of the sentences no pass placed (not in ``located_sentences``) placed at
    the story's one court seat (:func:`court_place`), by the rules of the module docstring;
    ``[]`` when the story names no such court."""
    place = court_place(text, mentions)
    if place is None:
        return []
    groups = role_words().court_crime_groups
    crimes = [t for t in triggers if t.type.group in groups]
    if not crimes:
        return []
    found = focus_reports(
        text,
        Focus(place, "court"),
        crimes,
        located_sentences,
        recognized,
        timeline,
        read,
        article=article,
    )
    published = timeline.published
    if published is None:
        return []
    # the news week's crime is the day's news, and a crime's name dated by the court's day
    # is a charge ("pleaded guilty yesterday to … attempted robbery"): only a crime its
    # text dates to a day before the week of news is retold
    latest = published - timedelta(days=NEWS_WEEK_DAYS)
    return [r for r in found if r.dates.precision == "day" and r.dates.end < latest]
