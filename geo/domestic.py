"""Meetings and visits inside one state: its own politics, not diplomacy.

The lexicon files meetings, talks, visits and arrivals under diplomacy, and the layers of
``geo/data/senses.yaml`` move those of no state ("six seniors met for dinner") to "other",
those of a council or a governor to politics, and keep those that name a president or
officials. A president visiting his own troops at home is then left as diplomacy.
:func:`domestic_category` reads the sentence's places: when every place it names (the
event's own and every other mention, demonyms included: "a Russian delegation") lies in the
event's state, one of them names the actors as that state's (a demonym or an organisation's
name) or the outlet is at home in that state, and the sentence names an office of government
but no word of relations between states (``geo/data/domestic.yaml``), the happening is that
state's politics.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from geo.toponyms import LOCATION
from geo.vocabulary import alternation, load_data

if TYPE_CHECKING:
    from geo.reports import EventReport
    from geo.toponyms import Recognized

__all__ = ["domestic_category"]

#: The category a meeting's type has that this rule may change.
_DIPLOMACY = "diplomacy"


@dataclass(frozen=True, slots=True)
class _Rule:
    """The compiled ``geo/data/domestic.yaml``."""

    types: frozenset[str]
    category: str
    when: re.Pattern[str]
    unless: re.Pattern[str]


def _pattern(phrases: Sequence[str]) -> re.Pattern[str]:
    """Whole-word, case-blind alternation of ``phrases``."""
    return re.compile(rf"(?<![\w-])(?:{alternation(phrases)})(?![\w-])", re.I)


@cache
def _rule() -> _Rule:
    """``geo/data/domestic.yaml``, loaded once."""
    raw = load_data("domestic.yaml")
    return _Rule(
        types=frozenset(raw["types"]),
        category=str(raw["category"]),
        when=_pattern(raw["when"]),
        unless=_pattern(raw["unless"]),
    )


def domestic_category(
    text: str,
    report: EventReport,
    mentions: Sequence[Recognized],
    home_country: str | None = None,
) -> str | None:
    """The category of ``report`` when it is a meeting, talks, a visit or an arrival of
    category diplomacy held inside one state: every one of ``mentions`` (the text's place
    mentions of every role) in its sentence lies in the state of the report's place; one of
    them names the actors as that state's (a demonym or an organisation's name: "troops of
    the Nigerian Armed Forces"), or the outlet is at home in that state (``home_country``,
    its ISO code: an Irish paper's "the president" is Ireland's; a place alone does not say
    whose the president is: "The president toured Ireland"); and the sentence names an
    office of government but no relation between states (see the module docstring).
    ``None`` otherwise, and for a place in no one state (a sea, a region across borders)."""
    rule = _rule()
    if report.type.name not in rule.types or report.type.category != _DIPLOMACY:
        return None
    state = report.place.country
    if state is None:
        return None
    lo, hi = report.sentence_start, report.sentence_end
    named = [m for m in mentions if lo <= m.start < hi]
    if any(m.place.country != state for m in named):
        return None
    if state != home_country and not any(m.role != LOCATION for m in named):
        return None  # "The president toured Ireland": whose president, the sentence does not say
    sentence = text[lo:hi]
    if rule.unless.search(sentence) or not rule.when.search(sentence):
        return None
    return rule.category
