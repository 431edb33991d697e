"""When: :class:`Timeline` dates positions in one text (its clause's time expression, its
sentence's, the sentence it continues, or the publication date), by the rules in
:mod:`geo.events`.

It is made of three parts: the index of sentences and time expressions
(:mod:`geo.sentence_times`, which :class:`Timeline` extends), a position's own date from its
sentence (:mod:`geo.own_dates`) and the lead's date and the days later sentences give
(:mod:`geo.lead_dates`). :meth:`Timeline.date_at` combines them."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from geo.lead_dates import LeadDates
from geo.model import DateRange
from geo.own_dates import OwnDates
from geo.sentence_times import SentenceTimes

__all__ = ["Timeline"]


class Timeline(SentenceTimes):
    """Dates positions in one text by the rules in the module docstring.

    The arguments are those of :class:`geo.sentence_times.SentenceTimes`: the sentences,
    time expressions, quotes and place mentions of ``text``, its publication date,
    ``names_of`` and ``titled``.
    """

    @cached_property
    def _own(self) -> OwnDates:
        """A position's own date (:mod:`geo.own_dates`), made on first use."""
        return OwnDates(self)

    @cached_property
    def _leads(self) -> LeadDates:
        """The lead's date and the days later sentences give (:mod:`geo.lead_dates`)."""
        return LeadDates(self)

    @cached_property
    def _dated(self) -> dict[tuple[Any, ...], tuple[DateRange | None, str]]:
        """:meth:`date_at`'s answers, by position."""
        return {}

    # -- a position's own date (geo.own_dates) --------------------------------------------

    def own_date(self, pos: int) -> tuple[DateRange | None, str]:
        """:meth:`geo.own_dates.OwnDates.own_date`: the date of ``pos`` from its own
        sentence, ``(range, "clause" | "sentence")`` or ``(None, "")``."""
        return self._own.own_date(pos)

    def since_range(self, pos: int) -> DateRange | None:
        """:meth:`geo.own_dates.OwnDates.since_range`: from the day to publication when only
        "since" and a day or a week dates the clause of ``pos``; else ``None``."""
        return self._own.since_range(pos)

    def own_year(self, pos: int) -> DateRange | None:
        """:meth:`geo.own_dates.OwnDates.own_year`: the year or month that modifies the word
        at ``pos`` ("the 2016 election"), or ``None``."""
        return self._own.own_year(pos)

    def starts_only(self, pos: int) -> bool:
        """:meth:`geo.own_dates.OwnDates.starts_only`: True when the time expression that
        dates ``pos`` in its own sentence gives only a start."""
        return self._own.starts_only(pos)

    def in_aside_relative(self, pos: int) -> bool:
        """:meth:`geo.own_dates.OwnDates.in_aside_relative`: True when ``pos`` lies in a
        relative clause set off by a comma ("…, where its aircraft bombed villages last
        year")."""
        return self._own.in_aside_relative(pos)

    def told_on(self, pos: int) -> bool:
        """:meth:`geo.own_dates.OwnDates.told_on`: True when only the day a happening was
        told dates ``pos`` ("…, the commission announced on Friday")."""
        return self._own.told_on(pos)

    def relative_side(self, pos: int) -> int:
        """:meth:`geo.own_dates.OwnDates.relative_side`: 1 when ``pos`` lies in a subject
        relative clause, 2 in the main predicate after it, 0 elsewhere or with none."""
        return self._own.relative_side(pos)

    # -- the lead's date and the days later sentences give (geo.lead_dates) ---------------

    def lead_date(self) -> DateRange | None:
        """:meth:`geo.lead_dates.LeadDates.lead_date`: the day or week of the first full
        sentence after the headline, or its hot news; else ``None``."""
        return self._leads.lead_date()

    def lead_index(self) -> int | None:
        """:meth:`geo.lead_dates.LeadDates.lead_index`: the index of the lead, or ``None``."""
        return self._leads.lead_index()

    def lead_range(self) -> DateRange | None:
        """:meth:`geo.lead_dates.LeadDates.lead_range`: the date of the article's main news
        told by its lead, or ``None``."""
        return self._leads.lead_range()

    def hot_news(self, k: int) -> DateRange | None:
        """:meth:`geo.lead_dates.LeadDates.hot_news`: the dates of an undated present-perfect
        lead ``k``; ``None`` for any other sentence or without a publication date."""
        return self._leads.hot_news(k)

    def body_day(self, k: int) -> DateRange | None:
        """:meth:`geo.lead_dates.LeadDates.body_day`: the first day one of the sentences
        after ``k`` reports, when it lies in the week up to publication or after it."""
        return self._leads.body_day(k)

    def retold_day(self, i: int) -> DateRange | None:
        """:meth:`geo.lead_dates.LeadDates.retold_day`: the day a later sentence gives when
        it retells how the happening of sentence ``i`` came about, or ``None``."""
        return self._leads.retold_day(i)

    def named_days(self, i: int, dates: DateRange) -> DateRange:
        """:meth:`geo.lead_dates.LeadDates.named_days`: ``dates``, a month of sentence ``i``,
        narrowed to the days the next sentence names in it (else unchanged)."""
        return self._leads.named_days(i, dates)

    def in_lead_subject(self, pos: int) -> bool:
        """:meth:`geo.lead_dates.LeadDates.in_lead_subject`: True when ``pos`` lies in the
        subject of a present-perfect lead."""
        return self._leads.in_lead_subject(pos)

    # -- the date of any position ---------------------------------------------------------

    def date_at(self, pos: int) -> tuple[DateRange | None, str]:
        """The date of something reported at ``pos``: ``(range, source)`` with source
        ``clause``, ``sentence``, ``previous``, ``lead`` (the main clauses of a present-perfect
        lead: :meth:`hot_news`) or ``published``; ``(None, "")`` when nothing
        dates it. Positions in one clause (and quote) of a sentence share one answer."""
        i = self.sentence_index(pos)
        key: tuple[Any, ...] | None = None
        if i < len(self) and self.times_in(i):
            key = (i, self.sentence(i).clause_of(pos), self.quote_at(pos), self.relative_side(pos))
        else:
            key = (i, None, None)  # no time expression of its own: the same for every position
            if self.hot_news(i) is not None:
                key = (i, pos < self.main_end(i), None)  # but a lead's main clauses
        hit = self._dated.get(key)
        if hit is None:
            hit = self._dated[key] = self._date_at(pos)
        return hit

    def _date_at(self, pos: int) -> tuple[DateRange | None, str]:
        """:meth:`date_at`, uncached: the position's own date, an attribution's day, the date
        of the sentence it continues, the lead's hot news, a retelling sentence's day, else
        the publication date."""
        found, source = self.own_date(pos)
        if found is not None:
            return self.named_days(self.sentence_index(pos), found), source
        i = self.sentence_index(pos)
        said = self._own.attribution_date(i, pos)
        if said is not None:
            return said, "sentence"
        # Only a sentence after a time expression can take a date from the one before it.
        if 0 < i < len(self) and self.any_time_before(i) and self.continues(i):
            previous = self.carried_date(i - 1)
            if previous is not None:
                return previous, "previous"
        hot = self.hot_news(i)
        if hot is not None and pos < self.main_end(i):
            return hot, "lead"
        retold = self.retold_day(i)
        if retold is not None:
            return retold, "previous"
        published = self.published_range()
        if published is not None:
            return published, "published"
        return None, ""
