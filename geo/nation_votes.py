"""A nation's election told in a story of one country: "The Electoral Commission declared …".

Wire news of a national election often names no place for the vote or its result at all: the
count is the electoral commission's, the winner is declared, and the places the story names
are the country's own states, regions or constituencies ("Buhari won in 19 states – Ogun,
Lagos, …"; "the results from nine constituencies – Awutu Senya East, Suhum, …"), while the
country itself is named nowhere, or only in the outlet's name. :func:`nation_vote_reports`
places such a happening at that country (role ``nation``), when:

- its trigger is of a type of ``nation_vote_types`` (``geo/data/where.yaml``: an election's
  declared result), or an election word right after a word of ``national_election_words``
  ("the presidential election", "parliamentary elections"), in a sentence no other pass
  placed, outside quotes and attributions, that names no location;
- its clause does not deny it (:func:`geo.status.read_clause`; a subordinate clause is
  read: "after declaring John Roe the winner of the February 23rd election");
- its time (:meth:`geo.timeline.Timeline.date_at`: its clause, its sentence, a
  present-perfect lead's news) is a day or a week that ended by publication, at most
  :data:`RECENT_DAYS` before it;
- the places the article names, in any role, lie in one country: at least :data:`SHARE` of
  its mentions, :data:`MIN_PLACES` of them locations (a list of the country's states may
  hold a namesake the resolver read as a neighbour: "Kebbi, Niger, Oyo").

"the presidential election" in a local story whose towns all lie in one state is placed only
when it is dated in the news; a story naming a second country places nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from geo.focus_reports import placed_report, unplaced_triggers
from geo.status import read_clause
from geo.vocabulary import alternation, load_data

if TYPE_CHECKING:
    from gazetteer import Place
    from geo.lexicon import Trigger
    from geo.model import DateRange
    from geo.recognize import Recognized
    from geo.reports import EventReport
    from geo.timeline import Timeline

__all__ = ["NATION_ROLE", "nation_vote_reports"]

#: The role of a report placed at the story's one country (:data:`geo.reports.ROLE_FACTOR`).
NATION_ROLE = "nation"
#: At least this many location mentions must tell the story's country.
MIN_PLACES = 2
#: The share of the article's mentions that must lie in the country: a list of its states
#: may hold a namesake read as a neighbour ("Kebbi, Niger, Oyo": the country Niger).
SHARE = 0.9
#: A day at most this many days before publication.
RECENT_DAYS = 31
#: How far before an election word its national word is looked for (characters).
_REACH = 40
#: Date sources such a report may take.
_SOURCES = frozenset({"clause", "sentence", "lead"})
#: Date precisions it may have.
_PRECISIONS = frozenset({"day", "week"})


@dataclass(frozen=True)
class _Words:
    """The words of ``geo/data/where.yaml`` this pass reads."""

    types: frozenset[str]
    groups: frozenset[str]
    national: re.Pattern[str]
    polls_after: re.Pattern[str]


@cache
def _words() -> _Words:
    raw = load_data("where.yaml")
    return _Words(
        types=frozenset(str(t) for t in raw["nation_vote_types"]),
        groups=frozenset(str(g) for g in raw["voter_groups"]),
        national=re.compile(
            rf"\b(?:{alternation(raw['national_election_words'])})[ \t]+$", re.IGNORECASE
        ),
        # after a time: an election word, a national word before it at most
        polls_after=re.compile(
            rf"(?:{alternation(raw['ordinal_suffixes'])})?[ \t]+"
            rf"(?:(?:{alternation(raw['national_election_words'])})[ \t]+)?"
            rf"(?:{alternation(raw['polls_words'])})\b",
            re.IGNORECASE,
        ),
    )


def nation_vote_reports(
    text: str,
    timeline: Timeline,
    triggers: Sequence[Trigger],
    located_sentences: set[int],
    mentions: Sequence[Recognized],
    article: str | None,
    gazetteer: Any,
) -> list[EventReport]:
    """The reports of a national election or its declared result in sentences that name no
    location, in an article whose places lie in one country, placed at that country
    (see the module docstring); ``mentions`` are the text's mentions of every role, in text
    order, and ``gazetteer`` finds the country when the text does not name it."""
    words = _words()

    def national(t: Trigger) -> bool:
        if t.type.name in words.types:
            return True
        if t.type.group not in words.groups:
            return False
        return words.national.search(text, max(0, t.start - _REACH), t.start) is not None

    found = list(unplaced_triggers(triggers, timeline, located_sentences, national))
    if not found:
        return []
    nation = _story_country(mentions, gazetteer)
    if nation is None:
        return []
    out: list[EventReport] = []
    done: set[tuple[int, str]] = set()
    for t, i, sent in found:
        if (i, t.type.name) in done:
            continue  # one report of each type a sentence: the result and the polls apart
        if any(sent.start <= m.start < sent.end and m.role == "location" for m in mentions):
            continue
        reading = read_clause(text, sent, t, None)
        if reading is None or reading.mood != "reported":
            continue
        dates, source = timeline.date_at(t.start)
        if t.type.name in words.types:
            dates, source = _declared_on(text, timeline, i, dates, source, words)
        elif any(r.type.name in words.types and r.start < t.start for r, j, _ in found if j == i):
            dates, source = _polls_on(text, timeline, i, t, words)
        if dates is None or source not in _SOURCES or not _recent(dates, timeline):
            continue
        done.add((i, t.type.name))
        out.append(placed_report(text, t, sent, nation, dates, source, article, role=NATION_ROLE))
    return out


def _declared_on(
    text: str,
    timeline: Timeline,
    i: int,
    dates: DateRange | None,
    source: str,
    words: _Words,
) -> tuple[DateRange | None, str]:
    """The day of a result told in sentence ``i`` and dated ``dates`` by ``source``: a time
    that stands right before an election word ("the winner of the February 24 presidential
    election") is the polls' day, not the declaration's, which then takes the sentence's
    first other time ("disclosed this on Monday after declaring …"), or none."""
    times = [x for x in timeline.times_in(i) if timeline.quote_at(x.start) is None]
    polls = [x for x in times if words.polls_after.match(text, x.end)]
    if dates is None or not any(x.range == dates for x in polls):
        return dates, source
    other = [x for x in times if x not in polls]
    if not other:
        return None, ""
    return other[0].range, "sentence"


def _polls_on(
    text: str, timeline: Timeline, i: int, t: Trigger, words: _Words
) -> tuple[DateRange | None, str]:
    """The day of the election ``t`` that a declared result of sentence ``i`` names: the time
    right before its word ("the winner of the February 24 presidential election"), or none
    (the declaration's day is not the polls')."""
    for x in timeline.times_in(i):
        if x.end > t.start:
            break
        after = words.polls_after.match(text, x.end)
        if after is not None and after.end() >= t.end:
            return x.range, "clause"
    return None, ""


def _story_country(mentions: Sequence[Recognized], gazetteer: Any) -> Place | None:
    """The one country at least :data:`SHARE` of ``mentions`` lie in, when at least
    :data:`MIN_PLACES` of them are locations; the country's own mention when the text names
    it, else the gazetteer's country at a location's point; ``None`` otherwise."""
    if not mentions:
        return None
    codes = Counter(m.place.country for m in mentions)
    code, n = codes.most_common(1)[0]
    if code is None or n < SHARE * len(mentions):
        return None
    located = [m for m in mentions if m.role == "location" and m.place.country == code]
    if len(located) < MIN_PLACES:
        return None
    for m in mentions:
        if m.place.kind == "country" and m.place.country == code:
            return m.place
    if gazetteer is None:
        return None
    point = located[0].place.geometry.representative_point()
    for place in gazetteer.intersecting(point, kinds=("country",)):
        if place.country == code:
            return place
    return None


def _recent(dates: DateRange, timeline: Timeline) -> bool:
    """True when ``dates`` is a day or a week that ended by publication, at most
    :data:`RECENT_DAYS` before it."""
    published = timeline.published
    if published is None or dates.precision not in _PRECISIONS:
        return False
    return dates.end <= published and (published - dates.start).days <= RECENT_DAYS
