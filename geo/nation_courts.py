"""A nation's court and the happenings it places: "A Guatemalan court has sentenced …".

Wire news often tells a trial abroad by the court's nation alone: "A Guatemalan court has
sentenced former president Otto Perez to 16 years", "a Peruvian court on Tuesday sentenced",
"Iran's high court convicted …". The sentence names no place; the court is of a
country, by its demonym or its possessive. :func:`nation_court_reports` places such a court's
own happening at that country (role ``court``), when:

- its trigger is a court's own act (``court_groups`` or ``court_forms`` of
  ``geo/data/roles.yaml``: a trial, a sentence, a verdict, a ruling), told as done
  (:func:`geo.status.read_clause`: reported, not in a subordinate or background reading), in a
  sentence no other pass placed, outside quotes and attributions;
- the court stands before the trigger in the trigger's clause: the country's demonym or its
  name with "'s", at most three ``court_modifiers`` or capitalised words, a ``court_words``
  word, then at most :data:`COURT_GAP` words and no comma before the trigger ("A Guatemalan
  Court for High Risk Crimes has sentenced");
- the sentence names no location but the country itself and a wire dateline of another
  country ("MEXICO CITY (Sputnik) - A Guatemalan court …" is filed elsewhere; "LIMA, Peru
  (AP) — A Peruvian court …" is left to the story's town, :mod:`geo.focus`);
- its time (:meth:`geo.timeline.Timeline.date_at`: its clause, its sentence or its
  attribution, or the news of a present-perfect lead) is a day or a week, ended by
  publication and at most a year old.

A court named after its seat ("Leeds Crown Court") is :func:`geo.roles.court_seat`'s; a
nation's supreme or constitutional court is seated in its capital by :mod:`geo.seats`, which
runs first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from geo.datelines import find_datelines
from geo.focus_reports import placed_report, unplaced_triggers
from geo.roles import role_words
from geo.status import read_clause
from geo.vocabulary import alternation

if TYPE_CHECKING:
    from gazetteer import Place
    from geo.clauses import Sentence
    from geo.lexicon import Trigger
    from geo.model import DateRange
    from geo.recognize import Recognized
    from geo.reports import EventReport
    from geo.timeline import Timeline

__all__ = ["COURT_ROLE", "nation_court_reports"]

#: The role of a report placed at its court's nation (:data:`geo.reports.ROLE_FACTOR`).
COURT_ROLE = "court"
#: At most this many words between the court's word and the trigger.
COURT_GAP = 6
#: Date sources such a report may take: its own clause or sentence (an attribution's day
#: too), or a present-perfect lead's news.
_SOURCES = frozenset({"clause", "sentence", "lead"})
#: Date precisions it may have.
_PRECISIONS = frozenset({"day", "week"})
#: A day at most this many days before publication.
_RECENT_DAYS = 366


@cache
def _court_after() -> re.Pattern[str]:
    """What follows the nation's name or demonym in a court's name: "court", "Court for
    High Risk Crimes", "Criminal Court", "high court"."""
    words = role_words()
    modifier = rf"(?:(?i:{alternation(words.court_modifiers)})|[A-Z][\w'’-]*)"
    return re.compile(
        rf"(?:['’]s)?(?:[ \t]+{modifier}){{0,3}}?[ \t]+(?i:{alternation(words.court_words)})\b"
    )


def nation_court_reports(
    text: str,
    timeline: Timeline,
    triggers: Sequence[Trigger],
    located_sentences: set[int],
    mentions: Sequence[Recognized],
    article: str | None,
) -> list[EventReport]:
    """The reports of a nation's court's own acts in sentences that name no other location,
    placed at the court's country (see the module docstring); ``mentions`` are the text's
    mentions of every role, in text order."""
    words = role_words()
    out: list[EventReport] = []
    done: set[int] = set()
    filed = {d.name_start for d in find_datelines(text)}

    def court_act(t: Trigger) -> bool:
        return t.type.group in words.court_groups or t.form.lower() in words.court_forms

    for t, i, sent in unplaced_triggers(triggers, timeline, located_sentences, court_act, done):
        nation = _court_nation(text, sent, t, mentions)
        if nation is None:
            continue
        named = [m for m in mentions if sent.start <= m.start < sent.end and m.role == "location"]
        if any(m.place.id != nation.id and m.start not in filed for m in named):
            continue
        if any(m.start in filed and m.place.country == nation.country for m in named):
            continue  # "LIMA, Peru (AP) — A Peruvian court …": the story's town is the court's
        reading = read_clause(text, sent, t, None)
        if reading is None or reading.mood != "reported" or reading.subordinate:
            continue
        dates, source = timeline.date_at(t.start)
        if dates is None or source not in _SOURCES or not _recent(dates, timeline):
            continue
        done.add(i)
        out.append(placed_report(text, t, sent, nation, dates, source, article, role=COURT_ROLE))
    return out


def _court_nation(
    text: str, sent: Sentence, t: Trigger, mentions: Sequence[Recognized]
) -> Place | None:
    """The country whose court stands before ``t`` in its clause (its demonym or its name
    with "'s", then the court's words, then at most :data:`COURT_GAP` words and no comma);
    ``None`` when there is none."""
    lo = sent.clauses[sent.clause_of(t.start)]
    after = _court_after()
    for m in mentions:
        if m.start < lo or m.start >= t.start:
            continue
        if m.place.kind != "country" or m.role not in {"demonym", "location", "organisation"}:
            continue
        court = after.match(text, m.end, t.start)
        if court is None:
            continue
        if m.role != "demonym" and not text.startswith(("'s", "’s"), m.end):
            continue  # "Guatemala's court"; a country's bare name is no owner here
        between = text[court.end() : t.start]
        if "," in between or len(between.split()) > COURT_GAP:
            continue
        return m.place
    return None


def _recent(dates: DateRange, timeline: Timeline) -> bool:
    """True when ``dates`` is a day or a week that ended by publication, at most a year
    before it."""
    published = timeline.published
    if published is None or dates.precision not in _PRECISIONS:
        return False
    return dates.end <= published and (published - dates.start).days <= _RECENT_DAYS
