"""A lead told on the day after its page's date (:func:`told_day_ahead`).

Wire pages are often dated a day behind their story's time zone: "North Korea fired a missile,
the coast guard said on Sunday" on a page dated Saturday. Read by the weekday rule of
``docs/dates.md`` (the latest such day on or before publication in a past clause), that Sunday
is six days back. No news tells its lead a week late with the day it was told, so a weekday
right after a telling verb (``telling_verbs`` in ``grammar.yaml``) in the text's first
sentences, when it names the day after publication, is that day or the page's own. Nothing
else moves: a happening's own weekday ("Y beat Z on Monday"), a telling verb's weekday that
names another day, one later in the text, and "last Sunday" keep their reading.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from geo.date_arithmetic import date_range
from geo.date_resolvers import TimeExpression
from geo.text import sentences
from geo.vocabulary import LazyPattern, alternation, load_data, words

__all__ = ["LEAD_SENTENCES", "told_day_ahead"]

#: The first sentences of a text, where a telling verb's day is the story's own day: a
#: headline line (:func:`geo.extraction.headed_text`) and the two sentences of the lead.
LEAD_SENTENCES = 3
#: A bare weekday of the day after publication is read this many days back (a past clause).
_DAY_BEHIND = 6
#: A telling verb and at most two words, ending right before the weekday ("said on ",
#: "reported ", "told reporters on "); as :data:`geo.own_dates.TELLING_BEFORE`.
_TELLING_BEFORE = LazyPattern(
    lambda: rf"\b(?:{words('telling_verbs')})\b(?:\s+[\w'’.-]+){{0,2}}?\s+$", re.IGNORECASE
)
#: How far back from the weekday :data:`_TELLING_BEFORE` looks, in characters.
_TELLING_REACH = 40
#: "last Sunday", "past Sunday": a week back by its own words (``week_back_words`` of
#: ``geo/data/dates.yaml``).
_WEEK_BACK = LazyPattern(
    lambda: rf"(?:{alternation(load_data('dates.yaml')['week_back_words'])})\b", re.IGNORECASE
)


def told_day_ahead(
    text: str, found: list[TimeExpression], published: date | None
) -> list[TimeExpression]:
    """``found``, with each bare weekday that comes right after a telling verb in the first
    :data:`LEAD_SENTENCES` sentences of ``text`` and is read as six days before ``published``
    (the weekday of the day after it) read instead as ``published`` or the day after it
    ("…, the Japan coast guard said on Sunday" on a page dated Saturday). Every other
    expression is returned unchanged, in the same order."""
    if published is None or not found:
        return found
    try:
        behind = published - timedelta(days=_DAY_BEHIND)
        ahead = date_range(published, published + timedelta(days=1), "day")
    except OverflowError:
        return found  # a publication day at the calendar's edge: no week to read back or on
    if not any(_read_behind(t, behind) for t in found):
        return found  # most texts: no weekday read six days back, no need to split sentences
    sents = sentences(text)[:LEAD_SENTENCES]
    out = []
    for t in found:
        sent = next((s for s in sents if s.start <= t.start < s.end), None)
        if sent is not None and _told_behind(text, t, behind, sent.start):
            t = TimeExpression(t.start, t.end, t.text, ahead, t.kind)
        out.append(t)
    return out


def _told_behind(text: str, t: TimeExpression, behind: date, floor: int) -> bool:
    """True when ``t`` is a bare weekday read as ``behind`` and a telling verb (with at most
    two words) ends right before it, in its sentence (from ``floor``)."""
    if not _read_behind(t, behind):
        return False
    start = max(floor, t.start - _TELLING_REACH)
    return _TELLING_BEFORE.search(text[start : t.start]) is not None


def _read_behind(t: TimeExpression, behind: date) -> bool:
    """True when ``t`` is a bare weekday ("Sunday", not "last Sunday") read as ``behind``."""
    if t.kind != "weekday" or not t.range.start == t.range.end == behind:
        return False
    return _WEEK_BACK.match(t.text) is None
