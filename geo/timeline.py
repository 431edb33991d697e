"""When: :class:`Timeline` dates positions in one text (its clause's time expression, its
sentence's, the sentence it continues, or the publication date), by the rules in
:mod:`geo.events`."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from geo.clauses import (
    CIRCUMSTANCE,
    CLAIM,
    DATELINE_AFTER,
    DATELINE_BEFORE,
    GAP_BEFORE_WHEN,
    PARTICIPLE,
    POSSESSIVE,
    SUBORDINATE,
    WHEN,
    WORDS,
    Sentence,
    analyse_sentence,
    in_spans,
    is_headline,
    town_link,
)
from geo.date_grammar import MONTHS
from geo.dates import month_before, present_perfect, year_before
from geo.lexicon import find_triggers, load_lexicon
from geo.model import DateRange
from geo.subject_relatives import predicate_start
from geo.tense import clause_tense, perfect_at
from geo.text import Span
from geo.vocabulary import LazyPattern, words

__all__ = [
    "BODY_SENTENCES",
    "HOT_NEWS_DAYS",
    "LEAD_MIN_WORDS",
    "LEAD_SENTENCES",
    "NEWS_WEEK_DAYS",
    "RETOLD_SENTENCES",
    "Timeline",
]

#: "since" right before the time expression that fills a clause (:meth:`Timeline.since_range`).
SINCE = re.compile(r"since\s+", re.IGNORECASE)
#: The precisions a "since" time may have to run to publication: a day or a week.
SINCE_PRECISIONS = frozenset({"day", "week"})
#: How many sentences after a headline may hold the lead that dates it (a byline first).
LEAD_SENTENCES = 3
#: Fewer words than this make a byline or a dateline, not the lead.
LEAD_MIN_WORDS = 8
#: An undated lead in the present perfect reports the last this many days, publication day
#: included ("Two strong earthquakes have struck north-western Iran").
HOT_NEWS_DAYS = 2
#: How many sentences after a lead told without a day may give its day (:meth:`body_day`).
BODY_SENTENCES = 6
#: How many sentences after an undated report may retell when its happening came about
#: (:meth:`Timeline.retold_day`).
RETOLD_SENTENCES = 2
#: A verb that retells when a happening came about ("It happened about 3 p.m. Tuesday").
RETELLING = LazyPattern(lambda: rf"\b(?:{words('retelling_verbs')})\b", re.IGNORECASE)
#: The week of news, this many days up to publication: a happening the text dates in it is
#: the story's news, not background, and one the text does not date may lie anywhere in it.
NEWS_WEEK_DAYS = 7


def bisect_left_eq(starts: Sequence[int], pos: int) -> bool:
    """True when the sorted ``starts`` hold ``pos``."""
    k = bisect_left(starts, pos)
    return k < len(starts) and starts[k] == pos


class Timeline:
    """Dates positions in one text by the rules in the module docstring.

    ``sentences`` are spans (``start``/``end``) in text order, ``times`` the time expressions
    of :func:`geo.dates.find_dates` (``start``, ``end``, ``range``), ``quotes`` the quoted
    speech spans, ``places`` the offsets of place mentions (a time expression in a clause
    with another place belongs to that place), ``published`` the publication date.
    ``titled`` says that the first sentence is the article's title, which the text repeats
    as its opening sentence (:func:`geo.clauses.repeats_title`): a headline, never the lead.
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
        self._continues: dict[int, bool] = {}
        self._dated: dict[tuple[Any, ...], tuple[DateRange | None, str]] = {}
        self._relatives: dict[int, tuple[int, int] | None] = {}
        self._published_range: DateRange | None = None
        self._lead: int | None = None
        self._hot: DateRange | bool | None = None

    def __len__(self) -> int:
        """The number of sentences."""
        return len(self._spans)

    def sentence(self, i: int) -> Sentence:
        """Sentence ``i`` with its clauses and attribution spans (analysed on first use)."""
        sent = self._analysed.get(i)
        if sent is None:
            start, end = self._spans[i]
            lo = bisect_right(self._protected_starts, start) - 1
            hi = bisect_right(self._protected_starts, end)
            protected = self._protected[max(lo, 0) : hi]
            sent = analyse_sentence(self.text, start, end, protected, self._places_in(i))
            self._analysed[i] = sent
        return sent

    def _times_in(self, i: int) -> list[Any]:
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

    def dates_before(self, i: int, back: int) -> list[DateRange]:
        """The dates of the time expressions (outside attributions) of the nearest of the
        ``back`` sentences before sentence ``i`` that has any; ``[]`` when none has."""
        for j in range(min(i, len(self._spans)) - 1, max(-1, i - 1 - back), -1):
            times = self._times_in(j)
            if times:
                return [t.range for t in times]
        return []

    def _places_in(self, i: int) -> list[tuple[int, int]]:
        start, end = self._spans[i]
        lo = bisect_right(self._place_starts, start - 1)
        hi = bisect_right(self._place_starts, end - 1)
        return self._places[lo:hi]

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

    def _usable(self, i: int, pos: int) -> list[Any]:
        times = self._times_in(i)
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

    def own_date(self, pos: int) -> tuple[DateRange | None, str]:
        """The date of ``pos`` from its own sentence: ``(range, "clause" | "sentence")`` or
        ``(None, "")``. A happening's word right after a year takes that year ("fraud in the
        2016 election": :meth:`own_year`)."""
        own_year = None if bisect_left_eq(self._place_starts, pos) else self.own_year(pos)
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
        if self.published is None:
            return None
        i = self.sentence_index(pos)
        if i >= len(self._spans):
            return None
        usable = self._usable(i, pos)
        if not usable:
            return None
        sent = self.sentence(i)
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
                and t.range.start <= self.published
            ):
                return DateRange(t.range.start, self.published, t.range.precision)
        return None

    def own_year(self, pos: int) -> DateRange | None:
        """The year or month that modifies the word at ``pos`` ("the 2016 election", "the
        August death"), or ``None`` (:func:`geo.dates.year_before`,
        :func:`geo.dates.month_before`)."""
        found = year_before(self.text, pos)
        if found is None and self.published is not None:
            i = self.sentence_index(pos)
            if i < len(self._spans):
                sentence = Span(*self._spans[i])
                found = month_before(
                    self.text,
                    pos,
                    self.published,
                    lambda: clause_tense(self.text, sentence, pos, pos),
                )
        return found

    def starts_only(self, pos: int) -> bool:
        """True when the time expression that dates ``pos`` in its own sentence gives only a
        start ("the summit is scheduled to start on Oct. 22": :func:`geo.dates.start_only`)."""
        found, _ = self._own_expression(pos)
        if found is None:
            return False
        from geo.dates import start_only

        return start_only(self.text, found.start, found.end)

    def _own_expression(self, pos: int) -> tuple[Any, str]:
        """The time expression of :meth:`own_date` and its source, or ``(None, "")``."""
        i = self.sentence_index(pos)
        if i >= len(self._spans):
            return None, ""
        sent = self.sentence(i)
        clause = sent.clause_of(pos)
        usable = self._beside_relative(sent, pos, self._usable(i, pos))
        if not usable:
            return None, ""
        own = [t for t in usable if sent.clause_of(t.start) == clause]
        if own:
            best = min(own, key=lambda t: (t.range.rank, abs(t.start - pos)))
            return best, "clause"
        antecedent = self._when_antecedent(sent, clause, usable)
        if antecedent is not None:
            return antecedent, "clause"
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
        places = self._places_in(i)
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
            if SUBORDINATE.match(self.text, start) or CIRCUMSTANCE.match(self.text, start)
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

    def relative_side(self, pos: int) -> int:
        """Where ``pos`` lies in its sentence against a subject relative clause
        (:func:`geo.subject_relatives.predicate_start`): 1 in it, 2 in the clause of the main
        predicate after it (from its verb on), 0 elsewhere or with none."""
        i = self.sentence_index(pos)
        if i >= len(self._spans):
            return 0
        return self._side(self.sentence(i), pos)

    def _side(self, sent: Sentence, pos: int) -> int:
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
        if self.published is None or t.range.start <= self.published:
            return False
        return clause_tense(self.text, Span(sent.start, sent.end), t.start, t.end) == "past"

    def _attribution_date(self, i: int, pos: int) -> DateRange | None:
        """The day an attribution of sentence ``i`` gives, when nothing else in the sentence
        dates ``pos``: "…, according to a statement by the military on Tuesday". What is
        reported happened by then: that day (a day of slack is the reader's)."""
        if not 0 <= i < len(self._spans):
            return None
        start, end = self._spans[i]
        lo = bisect_right(self._time_starts, start - 1)
        hi = bisect_right(self._time_starts, end - 1)
        if lo == hi:
            return None
        spans = self.sentence(i).attributions
        quote = self.quote_at(pos)
        for t in self._all_times[lo:hi]:
            span = next((a for a in spans if a[0] <= t.start < a[1]), None)
            if (
                span is not None
                and t.range.precision == "day"
                and self.quote_at(t.start) == quote
                and not self._names_happening(span[0], t.start)
            ):
                return t.range
        return None

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

    def lead_date(self) -> DateRange | None:
        """The date of the lead, the first full sentence after the headline (a byline may
        come between), when it is a day or a week: "BISSAU, Nov. 26 - Army officers said on
        Wednesday…" dates the headline "Soldiers seize power…"; or, for an undated lead in
        the present perfect, the last day or two (:meth:`hot_news`)."""
        for k in range(1, min(len(self._spans), 1 + LEAD_SENTENCES)):
            start, end = self._spans[k]
            if len(WORDS.findall(self.text, start, end)) < LEAD_MIN_WORDS:
                continue  # a byline or a dateline on a line of its own
            return self._lead_range(k)
        return None

    def lead_index(self) -> int | None:
        """The index of the lead: the first sentence of :data:`LEAD_MIN_WORDS` words or more
        among the first ones (after the headline, a byline or a dateline; the title the text
        opens with is a headline: ``titled``), or ``None``."""
        if self._lead is None:
            self._lead = -1
            for k in range(min(len(self._spans), 1 + LEAD_SENTENCES)):
                start, end = self._spans[k]
                if k == 0 and (self.titled or is_headline(self.text, self.sentence(0))):
                    continue
                if len(WORDS.findall(self.text, start, end)) >= LEAD_MIN_WORDS:
                    self._lead = k
                    break
        return None if self._lead < 0 else self._lead

    def lead_range(self) -> DateRange | None:
        """The date of the article's main news, told by its lead (:meth:`lead_index`): the
        lead's day or week, or :meth:`hot_news`; ``None`` otherwise."""
        k = self.lead_index()
        return None if k is None else self._lead_range(k)

    def _lead_range(self, k: int) -> DateRange | None:
        if not self._times_in(k):
            return self.hot_news(k)
        found = self.sentence_date(k)
        # the lead's own news: a day or a week, not "In 2022, …"
        return found if found is not None and found.precision in {"day", "week"} else None

    def hot_news(self, k: int) -> DateRange | None:
        """The dates of sentence ``k`` when it is an undated lead whose main clause is in the
        present perfect ("Two strong earthquakes have struck north-western Iran", "Police
        have arrested two men"): the perfect of news that has just happened, on the day the
        body then gives it (:meth:`body_day`, up to publication: "A man charged in a recent
        homicide has been captured" … "Police found him … about 9 p.m. Saturday"), else the
        last day or two up to publication. ``None`` for any other sentence, or without a
        publication date."""
        if self.published is None or k != self.lead_index() or self._times_in(k):
            return None
        if self._hot is None:
            self._hot = self._hot_news(k)
        return self._hot or None

    def _hot_news(self, k: int) -> DateRange | bool:
        """:meth:`hot_news` of the lead ``k``, or ``False``."""
        sent = self.sentence(k)
        if self.quote_at(sent.start) is not None or self.text[sent.start] in "\"“‘'":
            return False  # a quote that opens the story is someone's words, not its news
        if not present_perfect(self.text, sent.start, self._main_end(k)):
            return False
        assert self.published is not None
        told = self.body_day(k)
        if told is not None and told.end <= self.published:
            return told
        return DateRange(self.published - timedelta(days=HOT_NEWS_DAYS - 1), self.published, "day")

    def body_day(self, k: int) -> DateRange | None:
        """The first day that one of the :data:`BODY_SENTENCES` sentences after sentence ``k``
        reports (:meth:`sentence_date`), when it lies in the :data:`NEWS_WEEK_DAYS` days up to
        publication: the day of a lead told without one ("Two men charged in
        purse-snatching" … "The incident occurred Sunday in the parking lot …"); or when it
        lies after publication ("Town to host a spring fair" … "The fair opens at 9 a.m. on
        May 4 …"). ``None`` when the first such day lies before that week, when none of
        those sentences gives a day, or without a publication date."""
        published = self.published
        if published is None:
            return None
        first = published - timedelta(days=NEWS_WEEK_DAYS - 1)
        for i in range(k + 1, min(len(self._spans), k + 1 + BODY_SENTENCES)):
            dated = self.sentence_date(i)
            if dated is not None and dated.precision == "day":
                if dated.start > published:
                    return dated
                return dated if first <= dated.start and dated.end <= published else None
        return None

    def retold_day(self, i: int) -> DateRange | None:
        """The day a later sentence gives when it retells how the happening of sentence ``i``
        came about: the first sentence with a time expression among the
        :data:`RETOLD_SENTENCES` after ``i``, when a verb of ``retelling_verbs`` (grammar.yaml)
        stands outside quotes in it and its time nearest that verb is a day in the
        :data:`NEWS_WEEK_DAYS` days up to publication ("A man was shot in the leg outside a
        bar." … "It happened about 3 p.m. Tuesday."). ``None`` for the first sentence (a
        headline has its own rules), when that sentence tells no retelling or another day,
        or without a publication date."""
        published = self.published
        if published is None or i <= 0:
            return None
        first = published - timedelta(days=NEWS_WEEK_DAYS - 1)
        for j in range(i + 1, min(len(self._spans), i + 1 + RETOLD_SENTENCES)):
            times = [t for t in self._times_in(j) if self.quote_at(t.start) is None]
            if not times:
                continue
            start, end = self._spans[j]
            verb = next(
                (
                    v
                    for v in RETELLING.finditer(self.text, start, end)
                    if self.quote_at(v.start()) is None
                ),
                None,
            )
            if verb is None:
                return None
            told = min(times, key=lambda t: abs(t.start - verb.start())).range
            if told.precision == "day" and first <= told.start and told.end <= published:
                return told
            return None
        return None

    def named_days(self, i: int, dates: DateRange) -> DateRange:
        """``dates``, a month sentence ``i`` gives, narrowed to the days the next sentence
        names in it, month and day spelled out: "will travel to Jeffersonville in August." …
        "… at the city's riverfront from Aug. 21-30." (Aug. 21 to 30); "an August 2007
        incident during which he fled from local police" … "On Aug. 17, 2007, Palestine police
        say they received a call" (Aug. 17). Unchanged when ``dates`` is no month, when the
        next sentence's first time expression outside quotes is no day (or days) inside it,
        when it does not spell the month ("This month, a judge declared …" … "Baskerville
        appeared in court Friday": another happening's day), or when that sentence names a
        happening of its own (a trigger word)."""
        if dates.precision != "month" or not 0 <= i < len(self._spans) - 1:
            return dates
        times = [t for t in self._times_in(i + 1) if self.quote_at(t.start) is None]
        if not times:
            return dates
        told = times[0]
        inside = dates.start <= told.range.start and told.range.end <= dates.end
        if not inside or told.range.precision != "day":
            return dates
        start, end = self._spans[i + 1]
        if find_triggers(self.text[start:end]):
            return dates  # "… On March 13, two men were arrested": a happening of its own
        spelled = WORDS.findall(self.text, told.start, told.end)
        if not any(MONTHS.get(w) == dates.start.month for w in spelled):
            return dates
        return told.range

    def in_lead_subject(self, pos: int) -> bool:
        """True when ``pos`` lies in a present-perfect lead (:meth:`hot_news`) before the
        perfect's auxiliary: in its subject, which may name an older happening than the
        news ("An Edmonton man who carried out a vicious assault … has been jailed", "A man
        charged in the abduction … has been declared incompetent"); the last day or two
        date the perfect's own happening only."""
        i = self.sentence_index(pos)
        if i >= len(self._spans) or self.hot_news(i) is None:
            return False
        start = self._spans[i][0]
        aux = perfect_at(self.text, start, self._main_end(i))
        return aux is not None and pos < aux

    def sentence_date(self, i: int) -> DateRange | None:
        """The date a sentence reports (its first usable time expression outside quotes), or
        the date of the sentence before when it continues that one."""
        if i in self._sentence_dates:
            return self._sentence_dates[i]
        self._sentence_dates[i] = None  # guards against cycles
        result = None
        if 0 <= i < len(self._spans):
            times = self._times_in(i)
            outside = [t for t in times if self.quote_at(t.start) is None]
            # "LIMA, Feb 9 — A quake shook central Peru on Sunday": the dateline dates the
            # article, the sentence reports Sunday
            outside = [t for t in outside if not self._dateline(t)] or outside
            if outside:
                result = outside[0].range
            elif times:
                result = times[0].range
            elif i > 0 and self.continues(i):
                result = self.sentence_date(i - 1)
        self._sentence_dates[i] = result
        return result

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

    def date_at(self, pos: int) -> tuple[DateRange | None, str]:
        """The date of something reported at ``pos``: ``(range, source)`` with source
        ``clause``, ``sentence``, ``previous``, ``lead`` (the main clauses of a present-perfect
        lead: :meth:`hot_news`) or ``published``; ``(None, "")`` when nothing
        dates it. Positions in one clause (and quote) of a sentence share one answer."""
        i = self.sentence_index(pos)
        key: tuple[Any, ...] | None = None
        if i < len(self._spans) and self._times_in(i):
            key = (i, self.sentence(i).clause_of(pos), self.quote_at(pos), self.relative_side(pos))
        else:
            key = (i, None, None)  # no time expression of its own: the same for every position
            if self.hot_news(i) is not None:
                key = (i, pos < self._main_end(i), None)  # but a lead's main clauses
        hit = self._dated.get(key)
        if hit is None:
            hit = self._dated[key] = self._date_at(pos)
        return hit

    def _main_end(self, k: int) -> int:
        """Where the main clauses of sentence ``k`` end: at its first clause of another time
        ("…, shortly before troops invaded Tigray"), else at its end."""
        sent = self.sentence(k)
        return next((c for c in sent.clauses[1:] if SUBORDINATE.match(self.text, c)), sent.end)

    def _date_at(self, pos: int) -> tuple[DateRange | None, str]:
        found, source = self.own_date(pos)
        if found is not None:
            return self.named_days(self.sentence_index(pos), found), source
        i = self.sentence_index(pos)
        said = self._attribution_date(i, pos)
        if said is not None:
            return said, "sentence"
        # Only a sentence after a time expression can take a date from the one before it.
        if (
            0 < i < len(self._spans)
            and self._time_starts
            and self._time_starts[0] < self._spans[i][0]
            and self.continues(i)
        ):
            previous = self.sentence_date(i - 1)
            if previous is not None:
                return previous, "previous"
        hot = self.hot_news(i)
        if hot is not None and pos < self._main_end(i):
            return hot, "lead"
        retold = self.retold_day(i)
        if retold is not None:
            return retold, "previous"
        published = self.published_range()
        if published is not None:
            return published, "published"
        return None, ""
