"""The index a :class:`geo.timeline.Timeline` stands on: one text's sentences, their time
expressions (outside attributions), quotes and place mentions, found by offset with a
bisection; the date a whole sentence reports (:meth:`SentenceTimes.sentence_date`) and whether
a sentence continues the one before it (:meth:`SentenceTimes.continues`).

What dates a position within its own sentence is in :mod:`geo.own_dates`; the lead's date and
the days later sentences give in :mod:`geo.lead_dates`."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from geo.clauses import (
    ASIDE_RELATIVE,
    DATELINE_AFTER,
    DATELINE_BEFORE,
    SUBORDINATE,
    WORDS,
    Sentence,
    analyse_sentence,
    in_spans,
)
from geo.lexicon import load_lexicon
from geo.model import DateRange
from geo.vocabulary import alternation, load_data

__all__ = ["OLD_ASIDE_DAYS", "SentenceTimes", "bisect_left_eq"]

#: A relative clause set off by a comma keeps its times to itself when they all begin more
#: than this many days before publication (the week of news, as ``geo.lead_dates.NEWS_WEEK_DAYS``).
OLD_ASIDE_DAYS = 7

#: A word of ``span_start_words`` (``geo/data/dates.yaml``) right before a time expression:
#: the time tells where a span begins ("the eighth launch since late September"), not the day
#: of what a sentence continuing it tells (:meth:`SentenceTimes.carried_date`).
_SPAN_START_WORDS = [str(w) for w in load_data("dates.yaml")["span_start_words"]]
SINCE_BEFORE = re.compile(rf"\b(?:{alternation(_SPAN_START_WORDS)})\s+$", re.IGNORECASE)
#: How far back from a time expression :data:`SINCE_BEFORE` looks, in characters: the longest
#: word and the spaces after it.
SINCE_REACH = max(len(w) for w in _SPAN_START_WORDS) + 6


def bisect_left_eq(starts: Sequence[int], pos: int) -> bool:
    """True when the sorted ``starts`` hold ``pos``."""
    k = bisect_left(starts, pos)
    return k < len(starts) and starts[k] == pos


class SentenceTimes:
    """The sentences, time expressions, quotes and place mentions of one text, by offset.

    ``sentences`` are spans (``start``/``end``) in text order, ``times`` the time expressions
    of :func:`geo.dates.find_dates` (``start``, ``end``, ``range``), ``quotes`` the quoted
    speech spans, ``places`` the offsets of place mentions (a time expression in a clause
    with another place belongs to that place), ``published`` the publication date.
    ``names_of(start, end)`` gives the persons a span names (:meth:`continues`); ``titled``
    says that the first sentence is the article's title, which the text repeats as its
    opening sentence (:func:`geo.clauses.repeats_title`): a headline, never the lead.
    """

    def __init__(
        self,
        text: str,
        sentences: Sequence[Any],
        times: Sequence[Any],
        quotes: Sequence[Any],
        places: Sequence[tuple[int, int]],
        published: date | None,
        *,
        names_of: Any = None,
        titled: bool = False,
    ) -> None:
        self.text = text
        self.titled = titled
        self.published = published
        self.quotes = sorted(quotes, key=lambda q: q.start)
        self._quote_starts = [q.start for q in self.quotes]
        self._spans = [(s.start, s.end) for s in sentences]
        self._sent_starts = [s for s, _ in self._spans]
        self._all_times = sorted(times, key=lambda t: t.start)
        self._time_starts = [t.start for t in self._all_times]
        self._places = sorted(places)
        self._place_starts = [p for p, _ in self._places]
        self._protected = sorted([(t.start, t.end) for t in times] + list(places))
        self._protected_starts = [a for a, _ in self._protected]
        self._analysed: dict[int, Sentence] = {}
        self._times: dict[int, list[Any]] = {}
        self._names_of = names_of
        self._sentence_dates: dict[int, DateRange | None] = {}
        self._carried_dates: dict[int, DateRange | None] = {}
        self._continues: dict[int, bool] = {}
        self._published_range: DateRange | None = None

    def __len__(self) -> int:
        """The number of sentences."""
        return len(self._spans)

    @property
    def all_times(self) -> list[Any]:
        """Every time expression of the text, in text order (attributions and quotes
        included)."""
        return self._all_times

    def span(self, i: int) -> tuple[int, int]:
        """The ``(start, end)`` offsets of sentence ``i``."""
        return self._spans[i]

    def sentence(self, i: int) -> Sentence:
        """Sentence ``i`` with its clauses and attribution spans (analysed on first use)."""
        sent = self._analysed.get(i)
        if sent is None:
            start, end = self._spans[i]
            lo = bisect_right(self._protected_starts, start) - 1
            hi = bisect_right(self._protected_starts, end)
            protected = self._protected[max(lo, 0) : hi]
            sent = analyse_sentence(self.text, start, end, protected, self.places_in(i))
            self._analysed[i] = sent
        return sent

    def all_times_in(self, i: int) -> list[Any]:
        """Every time expression that starts in sentence ``i``, attributions included."""
        start, end = self._spans[i]
        lo = bisect_right(self._time_starts, start - 1)
        hi = bisect_right(self._time_starts, end - 1)
        return self._all_times[lo:hi]

    def times_in(self, i: int) -> list[Any]:
        """Time expressions of sentence ``i`` outside attributions."""
        own = self._times.get(i)
        if own is None:
            start, end = self._spans[i]
            lo = bisect_right(self._time_starts, start - 1)
            hi = bisect_right(self._time_starts, end - 1)
            if lo == hi:
                own = []  # no time expression: no need to analyse the sentence's clauses
            else:
                spans = self.sentence(i).attributions
                own = [t for t in self._all_times[lo:hi] if not in_spans(t.start, spans)]
            self._times[i] = own
        return own

    def any_time_before(self, i: int) -> bool:
        """True when a time expression starts before sentence ``i``."""
        return bool(self._time_starts) and self._time_starts[0] < self._spans[i][0]

    def dates_before(self, i: int, back: int) -> list[DateRange]:
        """The dates of the time expressions (outside attributions) of the nearest of the
        ``back`` sentences before sentence ``i`` that has any; ``[]`` when none has."""
        for j in range(min(i, len(self._spans)) - 1, max(-1, i - 1 - back), -1):
            times = self.times_in(j)
            if times:
                return [t.range for t in times]
        return []

    def places_in(self, i: int) -> list[tuple[int, int]]:
        """The place mentions that start in sentence ``i``, in text order."""
        start, end = self._spans[i]
        lo = bisect_right(self._place_starts, start - 1)
        hi = bisect_right(self._place_starts, end - 1)
        return self._places[lo:hi]

    def place_starts_at(self, pos: int) -> bool:
        """True when a place mention starts at ``pos``."""
        return bisect_left_eq(self._place_starts, pos)

    def quote_at(self, pos: int) -> tuple[int, int] | None:
        """The quoted-speech span containing ``pos``, if any."""
        i = bisect_right(self._quote_starts, pos) - 1
        if i >= 0 and pos < self.quotes[i].end:
            return (self.quotes[i].start, self.quotes[i].end)
        return None

    def times_between(self, a: int, b: int) -> list[tuple[int, int]]:
        """The spans of the time expressions that lie wholly inside ``text[a:b]``."""
        lo = bisect_right(self._time_starts, a - 1)
        hi = bisect_right(self._time_starts, b - 1)
        return [(t.start, t.end) for t in self._all_times[lo:hi] if t.end <= b]

    def sentence_index(self, pos: int) -> int:
        """The index of the sentence containing ``pos`` (the nearest before it otherwise)."""
        return max(0, bisect_right(self._sent_starts, pos) - 1)

    def published_range(self) -> DateRange | None:
        """The publication date with precision ``unknown`` (``None`` without one)."""
        if self.published is None:
            return None
        if self._published_range is None:
            self._published_range = DateRange(self.published, self.published, "unknown")
        return self._published_range

    def usable(self, i: int, pos: int) -> list[Any]:
        """The time expressions of sentence ``i`` (:meth:`times_in`) that may date ``pos``:
        those outside quotes, or inside the quote that holds ``pos``."""
        times = self.times_in(i)
        if not times:
            return times
        quote = self.quote_at(pos)
        out = []
        for t in times:
            tq = self.quote_at(t.start)
            if tq is not None and tq != quote:
                continue
            out.append(t)
        return out

    def main_end(self, k: int) -> int:
        """Where the main clauses of sentence ``k`` end: at its first clause of another time
        ("…, shortly before troops invaded Tigray"), else at its end."""
        sent = self.sentence(k)
        return next((c for c in sent.clauses[1:] if SUBORDINATE.match(self.text, c)), sent.end)

    def sentence_date(self, i: int) -> DateRange | None:
        """The date a sentence reports (its first usable time expression outside quotes), or
        the date of the sentence before when it continues that one (:meth:`carried_date`)."""
        return self._date(i, carried=False)

    def carried_date(self, i: int) -> DateRange | None:
        """The date sentence ``i`` hands on to a sentence that continues it: its
        :meth:`sentence_date`, less a time right after "since" (:meth:`_since_times`), which
        tells where a span begins and not the day of what is told next ("… the eighth round
        of launches since late September." "Japan lodged a protest …")."""
        return self._date(i, carried=True)

    def _date(self, i: int, *, carried: bool) -> DateRange | None:
        """:meth:`sentence_date` (``carried`` false) or :meth:`carried_date` (true)."""
        cache = self._carried_dates if carried else self._sentence_dates
        if i in cache:
            return cache[i]
        cache[i] = None  # guards against cycles
        result = None
        if 0 <= i < len(self._spans):
            times = self.times_in(i)
            outside = [t for t in times if self.quote_at(t.start) is None]
            # "LIMA, Feb 9 — A quake shook central Peru on Sunday": the dateline dates the
            # article, the sentence reports Sunday
            outside = [t for t in outside if not self._dateline(t)] or outside
            # "…similar to Hurricane Otis, which hit Mexico last week": the aside's old time
            # tells of the noun before it, not of what the sentence reports
            aside = self._old_asides(i)
            if carried:
                aside = aside | self._since_times(times)
            if aside and all(t.start in aside for t in times):
                times = outside = []
            outside = [t for t in outside if t.start not in aside]
            if outside:
                result = outside[0].range
            elif times:
                result = times[0].range
            elif i > 0 and self.continues(i):
                result = self.carried_date(i - 1)
        cache[i] = result
        return result

    def _since_times(self, times: Sequence[Any]) -> set[int]:
        """The starts of the expressions among ``times`` right after "since"
        (:data:`SINCE_BEFORE`): "…was the eighth round of launches since late September"
        hands no date of late September on to the sentence that continues it; the sentence
        itself keeps it ("the first storm to make landfall there since 1932")."""
        return {
            t.start
            for t in times
            if SINCE_BEFORE.search(self.text[max(0, t.start - SINCE_REACH) : t.start])
        }

    def comma_relative(self, sent: Sentence, start: int) -> bool:
        """True when the clause of ``sent`` starting at ``start`` opens with a comma and a
        relative word (:data:`geo.clauses.ASIDE_RELATIVE`)."""
        comma = self.text.rfind(",", sent.start, start)
        return (
            comma >= 0
            and not self.text[comma + 1 : start].strip()
            and ASIDE_RELATIVE.match(self.text, comma) is not None
        )

    def old_aside(self, sent: Sentence, c: int, times: Sequence[Any]) -> bool:
        """True when clause ``c`` of ``sent`` is a relative clause set off by a comma
        (:meth:`comma_relative`) whose time expressions among ``times`` all begin before the
        week of news (:data:`OLD_ASIDE_DAYS`): "…across Pakistan, which has been hard hit by
        rain this summer", "…in Darfur, where the war that began in 2003 left …" describe the
        noun before them, not the time of the clauses beside them. A day of the week of news
        is the same story's ("Floods hit Sindh, where heavy rain killed 20 people on
        Monday")."""
        if not c or not self.comma_relative(sent, sent.clauses[c]):
            return False
        published = self.published
        mine = [t for t in times if sent.clause_of(t.start) == c]
        return (
            published is not None
            and bool(mine)
            and all(t.range.start < published - timedelta(days=OLD_ASIDE_DAYS) for t in mine)
        )

    def _old_asides(self, i: int) -> set[int]:
        """The starts of the time expressions of sentence ``i`` that lie in an old aside
        (:meth:`old_aside`); empty without one."""
        times = self.times_in(i)
        if not times or self.published is None:
            return set()
        sent = self.sentence(i)
        clauses = {sent.clause_of(t.start) for t in times}
        old = {c for c in clauses if self.old_aside(sent, c, times)}
        return {t.start for t in times if sent.clause_of(t.start) in old}

    def _dateline(self, t: Any) -> bool:
        """True when time expression ``t`` is part of a wire dateline that opens a line
        ("LIMA, Feb 9 —", "BISSAU, Nov. 26 (Example Wire) -")."""
        line_start = self.text.rfind("\n", 0, t.start) + 1
        return bool(
            DATELINE_BEFORE.fullmatch(self.text, line_start, t.start)
            and DATELINE_AFTER.match(self.text, t.end)
        )

    def continues(self, i: int) -> bool:
        """True when sentence ``i`` continues the one before it: it opens with a connective or
        pronoun ("Meanwhile", "They", "It"), with "The <event word>" ("The patrol…"), or names
        a person the sentence before also names."""
        if i <= 0 or i >= len(self._spans):
            return False
        hit = self._continues.get(i)
        if hit is None:
            hit = self._continues[i] = self._continues_uncached(i)
        return hit

    def _continues_uncached(self, i: int) -> bool:
        start, end = self._spans[i]
        head = WORDS.findall(self.text, start, min(end, start + 60))
        if not head:
            return False
        lex = load_lexicon()
        first = head[0].lower()
        if first in lex.continuation:
            return True
        if first == "the" and len(head) > 1:
            for w in head[1:4]:
                hit = lex.forms.get(w.lower())
                if hit is not None and hit[1] >= 0.5 * hit[0].strength:
                    return True
        if self._names_of is not None:
            names = self._names_of(start, end)
            return bool(names) and bool(names & self._names_of(*self._spans[i - 1]))
        return False
