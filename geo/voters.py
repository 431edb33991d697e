"""Elections placed by their voters' nation: "Zimbabweans went to the polls on Monday".

A national election is often told with its voters as the subject and no place at all: the
sentence names the nation's people ("Zimbabweans", "Turkish voters") and the day, and the
article names the country elsewhere, as an owner ("Zimbabwe's ruling party") or not at all.
:func:`voter_reports` places such a happening in the people's country (role ``voters``), when:

- its trigger is of a group of ``voter_groups`` (``geo/data/where.yaml``), told as done
  (:func:`geo.status.read_clause`: reported, not in a subordinate or background reading), in
  a sentence no other pass placed, outside quotes and attributions, that names no location;
- a demonym of one country's people acting (:func:`geo.lead_demonym.acting`: a plural,
  "Zimbabweans", or a word of the state's people after it, "Turkish voters") opens the
  trigger's clause (a determiner or a quantifier may come first: "many Kenyans") and stands
  at most ``voter_gap`` words before the trigger, with no comma between;
- its own clause dates it to a day or a week (:meth:`geo.timeline.Timeline.own_date`).

"reminded many Zimbabweans of the vote" (the people are no subject) and "two days before
Americans voted" (no date of its own) place nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from geo.focus_reports import placed_report, unplaced_triggers
from geo.lead_demonym import acting
from geo.status import read_clause
from geo.timeline import Timeline
from geo.vocabulary import alternation, load_data

if TYPE_CHECKING:
    from gazetteer import Place
    from geo.clauses import Sentence
    from geo.lexicon import Trigger
    from geo.recognize import Recognized
    from geo.reports import EventReport

__all__ = ["VOTERS_ROLE", "voter_reports"]

#: The role of a report placed by its voters' nation (:data:`geo.reports.ROLE_FACTOR`).
VOTERS_ROLE = "voters"
#: Date precisions an election placed this way may have: its own day or week.
_PRECISIONS = frozenset({"day", "week"})


@dataclass(frozen=True)
class _Words:
    """The words of ``geo/data/where.yaml`` this pass reads."""

    groups: frozenset[str]
    gap: int
    opening: re.Pattern[str]


@cache
def _words() -> _Words:
    raw = load_data("where.yaml")
    return _Words(
        groups=frozenset(str(g) for g in raw["voter_groups"]),
        gap=int(raw["voter_gap"]),
        # what may stand before the people's demonym at the start of its clause
        opening=re.compile(
            rf"^[\s\"“‘'(]*(?:(?:{alternation(raw['voter_openers'])})\s+)*$", re.IGNORECASE
        ),
    )


def voter_reports(
    text: str,
    timeline: Timeline,
    triggers: Sequence[Trigger],
    located_sentences: set[int],
    mentions: Sequence[Recognized],
    article: str | None,
) -> list[EventReport]:
    """The reports of elections whose sentence names no location but whose voters are a
    nation's people, placed in that nation's country (see the module docstring);
    ``mentions`` are the text's mentions of every role, in text order."""
    words = _words()
    out: list[EventReport] = []
    done: set[int] = set()

    def elections(t: Trigger) -> bool:
        return t.type.group in words.groups

    for t, i, sent in unplaced_triggers(triggers, timeline, located_sentences, elections, done):
        if any(sent.start <= m.start < sent.end and m.role == "location" for m in mentions):
            continue
        people = _people_before(text, sent, t, mentions, words)
        if people is None:
            continue
        reading = read_clause(text, sent, t, None)
        if reading is None or reading.mood != "reported" or reading.subordinate:
            continue
        dates, source = timeline.own_date(t.start)
        if dates is None or source != "clause" or dates.precision not in _PRECISIONS:
            continue
        done.add(i)
        out.append(placed_report(text, t, sent, people, dates, source, article, role=VOTERS_ROLE))
    return out


def _people_before(
    text: str, sent: Sentence, t: Trigger, mentions: Sequence[Recognized], words: _Words
) -> Place | None:
    """The country of the demonym that opens ``t``'s clause as the people acting, at most
    ``words.gap`` words before ``t`` with no comma between; ``None`` when there is none."""
    lo = sent.clauses[sent.clause_of(t.start)]
    for m in mentions:
        if m.start < lo or m.start >= t.start:
            continue
        if m.role != "demonym" or m.place.kind != "country" or not acting(text, m):
            continue
        between = text[m.end : t.start]
        if "," in between or len(between.split()) > words.gap:
            continue
        if words.opening.match(text[lo : m.start]) is None:
            continue
        return m.place
    return None
