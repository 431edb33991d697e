"""A position's own date: what its own sentence says of when something at that position
happened (:class:`OwnDates`). In order: a year or month that modifies its word ("the 2016
election"); the time expression of its clause, of the clause a "when" clause refers back to,
of the clause a participle clause goes on from, or of a clause of its sentence that holds no
other place; a "since" clause that runs to publication. Apart from those, the day an
attribution gives ("…, according to a statement on Tuesday": :meth:`OwnDates.attribution_date`).

It stands on the index of :mod:`geo.sentence_times`; :class:`geo.timeline.Timeline` asks it
first."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from geo.clauses import (
    CIRCUMSTANCE,
    CLAIM,
    GAP_BEFORE_WHEN,
    PARTICIPLE,
    POSSESSIVE,
    SUBORDINATE,
    WHEN,
    Sentence,
    town_link,
)
from geo.dates import month_before, start_only, year_before
from geo.lexicon import find_triggers
from geo.model import DateRange
from geo.sentence_times import SentenceTimes
from geo.subject_relatives import predicate_start
from geo.tense import clause_tense
from geo.text import Span
from geo.vocabulary import LazyPattern, load_data, words

__all__ = ["SINCE", "SINCE_PRECISIONS", "OwnDates"]

#: "since" right before the time expression that fills a clause (:meth:`OwnDates.since_range`).
SINCE = re.compile(r"since\s+", re.IGNORECASE)
#: The precisions a "since" time may have to run to publication: a day or a week.
SINCE_PRECISIONS = frozenset({"day", "week"})
#: A telling verb and at most two words, ending right before a time expression ("officials
#: said ", "announced on ", "told reporters on "): :meth:`OwnDates.told_on`.
TELLING_BEFORE = LazyPattern(
    lambda: rf"\b(?:{words('telling_verbs')})\b(?:\s+[\w'’.-]+){{0,2}}?\s+$", re.IGNORECASE
)
#: How far back from a time expression :data:`TELLING_BEFORE` looks, in characters.
TELLING_REACH = 40


#: After a comma, the opening of a clause of its own: an "N days after" relation's time does
#: not reach into it (:meth:`OwnDates._relation_reach`).
NEW_CLAUSE = LazyPattern(
    lambda: (
        r"[\s,]*(?:(?i:"
        + words(
            "relation_clause_stops",
            "aside_relative_openers",
            "other_time_openers",
            "circumstance_openers",
            "claim_participles",
        )
        + r")\b|[\"“‘'(]|[a-z]{2,}ing\b)"
    )
)
#: The words an "N days after/before <clause>" relation is written at
#: (:func:`geo.date_relations.dates_a_clause`; ``relation_clause_words`` of
#: ``geo/data/dates.yaml``).
RELATION_WORDS = frozenset(str(w) for w in load_data("dates.yaml")["relation_clause_words"])


class OwnDates:
    """The date of a position from its own sentence, over the index ``times``."""

    def __init__(self, times: SentenceTimes) -> None:
        self.times = times
        self.text = times.text
        self._relatives: dict[int, tuple[int, int] | None] = {}

    def own_date(self, pos: int) -> tuple[DateRange | None, str]:
        """The date of ``pos`` from its own sentence: ``(range, "clause" | "sentence")`` or
        ``(None, "")``. A happening's word right after a year takes that year ("fraud in the
        2016 election": :meth:`own_year`)."""
        own_year = None if self.times.place_starts_at(pos) else self.own_year(pos)
        if own_year is not None:
            return own_year, "clause"
        found, source = self._own_expression(pos)
        if found is None:
            since = self.since_range(pos)
            return (None, "") if since is None else (since, "clause")
        return found.range, source

    def since_range(self, pos: int) -> DateRange | None:
        """From the day to publication when the clause of ``pos`` has no time of its own and
        the clause right after it (or a sentence-opening one right before it) is only
        "since" and a day or a week: "forty people have died in the fighting in Aleppo
        since Saturday" ran from Saturday to publication. ``None`` otherwise (not "since the
        attack on Monday", a clause of its own; not "since 2014", longer than a week)."""
        tl = self.times
        if tl.published is None:
            return None
        i = tl.sentence_index(pos)
        if i >= len(tl):
            return None
        usable = tl.usable(i, pos)
        if not usable:
            return None
        sent = tl.sentence(i)
        clause = sent.clause_of(pos)
        for k in (clause + 1, clause - 1):
            if not 0 <= k < len(sent.clauses) or (k < clause and k != 0):
                continue
            start = sent.clauses[k]
            end = sent.clause_end(k)
            opener = SINCE.match(self.text, start)
            if opener is None:
                continue
            inside = [t for t in usable if start <= t.start < end]
            if len(inside) != 1:
                continue
            t = inside[0]
            if (
                t.start == opener.end()
                and not self.text[t.end : end].strip(" \t\n,.;:")
                and t.range.precision in SINCE_PRECISIONS
                and t.range.start <= tl.published
            ):
                return DateRange(t.range.start, tl.published, t.range.precision)
        return None

    def own_year(self, pos: int) -> DateRange | None:
        """The year or month that modifies the word at ``pos`` ("the 2016 election", "the
        August death"), or ``None`` (:func:`geo.dates.year_before`,
        :func:`geo.dates.month_before`)."""
        tl = self.times
        found = year_before(self.text, pos)
        if found is None and tl.published is not None:
            i = tl.sentence_index(pos)
            if i < len(tl):
                sentence = Span(*tl.span(i))
                found = month_before(
                    self.text,
                    pos,
                    tl.published,
                    lambda: clause_tense(self.text, sentence, pos, pos),
                )
        return found

    def starts_only(self, pos: int) -> bool:
        """True when the time expression that dates ``pos`` in its own sentence gives only a
        start ("the summit is scheduled to start on Oct. 22": :func:`geo.dates.start_only`)."""
        found, _ = self._own_expression(pos)
        if found is None:
            return False
        return start_only(self.text, found.start, found.end)

    def _own_expression(self, pos: int) -> tuple[Any, str]:
        """The time expression of :meth:`own_date` and its source, or ``(None, "")``."""
        tl = self.times
        i = tl.sentence_index(pos)
        if i >= len(tl):
            return None, ""
        sent = tl.sentence(i)
        clause = sent.clause_of(pos)
        usable = self._beside_relative(sent, pos, tl.usable(i, pos))
        if not usable:
            return None, ""
        own = [t for t in usable if sent.clause_of(t.start) == clause]
        if own:
            best = min(own, key=lambda t: (t.range.rank, abs(t.start - pos)))
            return best, "clause"
        antecedent = self._when_antecedent(sent, clause, usable)
        if antecedent is not None:
            return antecedent, "clause"
        relation = self._relation_reach(sent, clause, usable)
        if relation is not None:
            return relation, "clause"
        k = clause
        while k > 0 and PARTICIPLE.match(self.text, sent.clauses[k]):
            # "struck eastern Türkiye on Thursday, damaging buildings in Malatya": a
            # participle clause goes on with the time of the clause it follows
            k -= 1
            before = [t for t in usable if sent.clause_of(t.start) == k]
            if before:
                best = min(before, key=lambda t: (t.range.rank, -t.start))
                if self._plan_in_past(sent, best):
                    break  # "earned a place in the finals in April, placing first at …"
                return best, "clause"
        # "Ukraine's air force said …": a possessor is not a place where something happens,
        # so its clause may still date the others; nor is a place that pins down the one
        # before it ("at a house in Edmonton, south of Cairns, in November 2014").
        places = tl.places_in(i)
        held = {
            sent.clause_of(p[0])
            for k, p in enumerate(places)
            if not p[0] <= pos < p[1]
            and not POSSESSIVE.match(self.text, p[1])
            and not (k and town_link().fullmatch(self.text, places[k - 1][1], p[0]))
        }
        held |= {
            c
            for c, start in enumerate(sent.clauses)
            if SUBORDINATE.match(self.text, start)
            or CIRCUMSTANCE.match(self.text, start)
            or self.times.old_aside(sent, c, usable)
        }
        claim = next(
            (
                c
                for c in range(clause + 1, len(sent.clauses))
                if CLAIM.match(self.text, sent.clauses[c])
            ),
            None,
        )
        if claim is not None:
            # "filed a lawsuit, alleging he was pinned down earlier this year": the claim's time
            held |= set(range(claim, len(sent.clauses)))
        free = [t for t in usable if sent.clause_of(t.start) not in held]
        if free:
            best = min(free, key=lambda t: abs(t.start - pos))
            return best, "sentence"
        return None, ""

    def _relation_reach(self, sent: Sentence, clause: int, usable: Sequence[Any]) -> Any:
        """The time of an "N days after <clause>" relation whose clause goes on, over the
        commas of a list or an apposition, to ``clause`` ("three days after President A, Prime
        Minister B and Chancellor C met at Camp David, the retreat in Maryland": the meeting,
        at Maryland, is the relation's day), else ``None``. The walk back from ``clause``
        stops at a clause with a time of its own, one that :data:`NEW_CLAUSE` opens, or one
        in an attribution."""
        k = clause
        while k > 0:
            start, end = sent.clauses[k], sent.clause_end(k)
            if any(start <= t.start < end for t in usable):
                return None
            if NEW_CLAUSE.match(self.text, start) or any(
                a < end and start < b for a, b in sent.attributions
            ):
                return None
            k -= 1
            lo, hi = sent.clauses[k], sent.clause_end(k)
            inside = [t for t in usable if lo <= t.start < hi]
            if inside:
                rel = inside[0]
                if len(inside) == 1 and rel.text.lower() in RELATION_WORDS:
                    return rel
                return None
        return None

    def in_aside_relative(self, pos: int) -> bool:
        """True when ``pos`` lies in a relative clause set off by a comma
        (:data:`geo.clauses.ASIDE_RELATIVE`: "…in Sagaing, where its aircraft bombed villages
        last year"), whatever its times."""
        tl = self.times
        i = tl.sentence_index(pos)
        if i >= len(tl):
            return False
        sent = tl.sentence(i)
        c = sent.clause_of(pos)
        return c > 0 and tl.comma_relative(sent, sent.clauses[c])

    def relative_side(self, pos: int) -> int:
        """Where ``pos`` lies in its sentence against a subject relative clause
        (:func:`geo.subject_relatives.predicate_start`): 1 in it, 2 in the clause of the main
        predicate after it (from its verb on), 0 elsewhere or with none."""
        tl = self.times
        i = tl.sentence_index(pos)
        if i >= len(tl):
            return 0
        return self._side(tl.sentence(i), pos)

    def _side(self, sent: Sentence, pos: int) -> int:
        """:meth:`relative_side` of ``pos`` in ``sent`` (the split computed once a sentence)."""
        if sent.start not in self._relatives:
            self._relatives[sent.start] = predicate_start(
                self.text, sent.start, sent.end, sent.clauses
            )
        split = self._relatives[sent.start]
        if split is None or not split[0] <= pos < sent.clause_end(sent.clause_of(split[1])):
            return 0
        return 1 if pos < split[1] else 2

    def _beside_relative(self, sent: Sentence, pos: int, usable: list[Any]) -> list[Any]:
        """``usable`` without the time expressions on the other side of a subject relative
        clause from ``pos`` (:meth:`relative_side`): "a man who fled a traffic stop this past
        September has been indicted" (September dates the flight, not the indictment), "the
        vehicle that killed Corbin made her first court appearance Thursday" (Thursday dates
        the appearance, not the killing)."""
        side = self._side(sent, pos)
        if not side:
            return usable
        return [t for t in usable if self._side(sent, t.start) in {0, side}]

    def _plan_in_past(self, sent: Sentence, t: Any) -> bool:
        """True when the time expression ``t`` lies wholly after publication in a past clause
        ("earned a place in the state finals in April"): it dates a plan the clause names,
        not the past verb, so a participle clause after it ("…, placing first at the district
        contest") does not go on with it."""
        published = self.times.published
        if published is None or t.range.start <= published:
            return False
        return clause_tense(self.text, Span(sent.start, sent.end), t.start, t.end) == "past"

    def attribution_date(self, i: int, pos: int) -> DateRange | None:
        """The day an attribution of sentence ``i`` gives, when nothing else in the sentence
        dates ``pos``: "…, according to a statement by the military on Tuesday". What is
        reported happened by then: that day (a day of slack is the reader's)."""
        tl = self.times
        if not 0 <= i < len(tl):
            return None
        times = tl.all_times_in(i)
        if not times:
            return None
        spans = tl.sentence(i).attributions
        quote = tl.quote_at(pos)
        for t in times:
            span = next((a for a in spans if a[0] <= t.start < a[1]), None)
            if (
                span is not None
                and t.range.precision == "day"
                and tl.quote_at(t.start) == quote
                and not self._names_happening(span[0], t.start)
            ):
                return t.range
        return None

    def told_on(self, pos: int) -> bool:
        """True when only the day a happening was told dates ``pos``: an attribution's day
        (:meth:`attribution_date`), or the time expression that dates ``pos`` by its sentence
        (not its own clause) comes right after a telling verb ("…, the commission announced
        on Friday", "…, officials said Wednesday"; ``telling_verbs`` in ``grammar.yaml``)."""
        tl = self.times
        i = tl.sentence_index(pos)
        if i >= len(tl):
            return False
        if self.own_year(pos) is not None or self.since_range(pos) is not None:
            return False
        found, source = self._own_expression(pos)
        if found is None:
            return self.attribution_date(i, pos) is not None
        if source != "sentence":
            return False
        start = max(tl.span(i)[0], found.start - TELLING_REACH)
        return TELLING_BEFORE.search(self.text[start : found.start]) is not None

    def _names_happening(self, start: int, end: int) -> bool:
        """True when ``text[start:end]`` names a happening other than a statement ("according
        to the account of their meeting on April 12": the day is that meeting's, not the
        source's; "according to a statement … on Tuesday": the source's)."""
        return any(t.type.name != "statement" for t in find_triggers(self.text[start:end]))

    def _when_antecedent(self, sent: Sentence, clause: int, usable: Sequence[Any]) -> Any:
        """The time expression a relative "when" clause refers back to: "since last
        Saturday, when 10,000 people rallied in Concepción", "on Feb. 6, 2023, when two
        earthquakes struck" (the expression must end the clause right before it)."""
        start = sent.clauses[clause]
        if clause == 0 or not WHEN.match(self.text, start):
            return None
        for t in usable:
            if sent.clause_of(t.start) == clause - 1 and GAP_BEFORE_WHEN.fullmatch(
                self.text, t.end, start
            ):
                return t
        return None
