"""The lead's date and the days later sentences give (:class:`LeadDates`): which sentence is
the lead and the day or week it tells; the last day or two of an undated lead in the present
perfect (hot news), or the day the body then gives it; the day a later sentence gives when it
retells how a happening came about ("It happened about 3 p.m. Tuesday"); a month narrowed to
the days the next sentence names in it.

It stands on the index of :mod:`geo.sentence_times`; :class:`geo.timeline.Timeline` asks it
when a position's own sentence does not date it (:mod:`geo.own_dates`)."""

from __future__ import annotations

import re
from datetime import timedelta

from geo.clauses import WORDS, is_headline
from geo.date_grammar import MONTHS
from geo.datelines import find_datelines
from geo.dates import present_perfect
from geo.lexicon import find_triggers
from geo.model import DateRange
from geo.sentence_times import SentenceTimes
from geo.tense import perfect_at
from geo.vocabulary import LazyPattern, words

__all__ = [
    "BODY_SENTENCES",
    "HOT_NEWS_DAYS",
    "LEAD_MIN_WORDS",
    "LEAD_SENTENCES",
    "NEWS_WEEK_DAYS",
    "RETOLD_SENTENCES",
    "LeadDates",
]

#: How many sentences after a headline may hold the lead that dates it (a byline first).
LEAD_SENTENCES = 3
#: Fewer words than this make a byline or a dateline, not the lead.
LEAD_MIN_WORDS = 8
#: An undated lead in the present perfect reports the last this many days, publication day
#: included ("Two strong earthquakes have struck north-western Iran").
HOT_NEWS_DAYS = 2
#: How many sentences after a lead told without a day may give its day
#: (:meth:`LeadDates.body_day`).
BODY_SENTENCES = 6
#: How many sentences after an undated report may retell when its happening came about
#: (:meth:`LeadDates.retold_day`).
RETOLD_SENTENCES = 2
#: A verb that retells when a happening came about ("It happened about 3 p.m. Tuesday").
RETELLING = LazyPattern(lambda: rf"\b(?:{words('retelling_verbs')})\b", re.IGNORECASE)
#: The week of news, this many days up to publication: a happening the text dates in it is
#: the story's news, not background, and one the text does not date may lie anywhere in it.
NEWS_WEEK_DAYS = 7


class LeadDates:
    """The lead's date and the days later sentences give, over the index ``times``."""

    def __init__(self, times: SentenceTimes) -> None:
        self.times = times
        self.text = times.text
        self._lead: int | None = None
        self._hot: DateRange | bool | None = None

    def lead_date(self) -> DateRange | None:
        """The date of the lead, the first full sentence after the headline (a byline may
        come between), when it is a day or a week: "BISSAU, Nov. 26 - Army officers said on
        Wednesday…" dates the headline "Soldiers seize power…"; or, for an undated lead in
        the present perfect, the last day or two (:meth:`hot_news`)."""
        tl = self.times
        for k in range(max(1, self._after_furniture()), min(len(tl), 1 + LEAD_SENTENCES)):
            start, end = tl.span(k)
            if len(WORDS.findall(self.text, start, end)) < LEAD_MIN_WORDS:
                continue  # a byline or a dateline on a line of its own
            return self._lead_range(k)
        return None

    def lead_index(self) -> int | None:
        """The index of the lead: the first sentence of :data:`LEAD_MIN_WORDS` words or more
        among the first ones (after the headline, a byline or a dateline; the title the text
        opens with is a headline: ``titled``), or ``None``."""
        if self._lead is None:
            tl = self.times
            self._lead = -1
            for k in range(self._after_furniture(), min(len(tl), 1 + LEAD_SENTENCES)):
                start, end = tl.span(k)
                if k == 0 and (tl.titled or is_headline(self.text, tl.sentence(0))):
                    continue
                if len(WORDS.findall(self.text, start, end)) >= LEAD_MIN_WORDS:
                    self._lead = k
                    break
        return None if self._lead < 0 else self._lead

    def _after_furniture(self) -> int:
        """The first sentence that may be the lead: the one a wire dateline opens when one
        of the first lines holds it (:func:`geo.datelines.find_datelines`: the lines before
        it are a headline, a byline, a date stamp: "Source: Xinhua| 2018-08-01 16:17:33"),
        else the first."""
        tl = self.times
        for found in find_datelines(self.text):
            k = tl.sentence_index(found.name_start)
            if k <= LEAD_SENTENCES and tl.span(k)[0] <= found.name_start:
                return k
        return 0

    def lead_range(self) -> DateRange | None:
        """The date of the article's main news, told by its lead (:meth:`lead_index`): the
        lead's day or week, or :meth:`hot_news`; ``None`` otherwise."""
        k = self.lead_index()
        return None if k is None else self._lead_range(k)

    def _lead_range(self, k: int) -> DateRange | None:
        """The day or week sentence ``k`` reports, or its :meth:`hot_news` when it has no time
        expression; ``None`` otherwise ("In 2022, …" is no lead's own news)."""
        if not self.times.times_in(k):
            return self.hot_news(k)
        found = self.times.sentence_date(k)
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
        if self.times.published is None or k != self.lead_index() or self.times.times_in(k):
            return None
        if self._hot is None:
            self._hot = self._hot_news(k)
        return self._hot or None

    def _hot_news(self, k: int) -> DateRange | bool:
        """:meth:`hot_news` of the lead ``k``, or ``False``."""
        tl = self.times
        sent = tl.sentence(k)
        if tl.quote_at(sent.start) is not None or self.text[sent.start] in "\"“‘'":
            return False  # a quote that opens the story is someone's words, not its news
        if not present_perfect(self.text, sent.start, tl.main_end(k)):
            return False
        assert tl.published is not None
        told = self.body_day(k)
        if told is not None and told.end <= tl.published:
            return told
        return DateRange(tl.published - timedelta(days=HOT_NEWS_DAYS - 1), tl.published, "day")

    def body_day(self, k: int) -> DateRange | None:
        """The first day that one of the :data:`BODY_SENTENCES` sentences after sentence ``k``
        reports (:meth:`~geo.sentence_times.SentenceTimes.sentence_date`), when it lies in
        the :data:`NEWS_WEEK_DAYS` days up to publication: the day of a lead told without one
        ("Two men charged in purse-snatching" … "The incident occurred Sunday in the parking
        lot …"); or when it lies after publication ("Town to host a spring fair" … "The fair
        opens at 9 a.m. on May 4 …"). ``None`` when the first such day lies before that week,
        when none of those sentences gives a day, or without a publication date."""
        tl = self.times
        published = tl.published
        if published is None:
            return None
        first = published - timedelta(days=NEWS_WEEK_DAYS - 1)
        for i in range(k + 1, min(len(tl), k + 1 + BODY_SENTENCES)):
            dated = tl.sentence_date(i)
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
        tl = self.times
        published = tl.published
        if published is None or i <= 0:
            return None
        first = published - timedelta(days=NEWS_WEEK_DAYS - 1)
        for j in range(i + 1, min(len(tl), i + 1 + RETOLD_SENTENCES)):
            times = [t for t in tl.times_in(j) if tl.quote_at(t.start) is None]
            if not times:
                continue
            start, end = tl.span(j)
            verb = next(
                (
                    v
                    for v in RETELLING.finditer(self.text, start, end)
                    if tl.quote_at(v.start()) is None
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
        tl = self.times
        if dates.precision != "month" or not 0 <= i < len(tl) - 1:
            return dates
        times = [t for t in tl.times_in(i + 1) if tl.quote_at(t.start) is None]
        if not times:
            return dates
        told = times[0]
        inside = dates.start <= told.range.start and told.range.end <= dates.end
        if not inside or told.range.precision != "day":
            return dates
        start, end = tl.span(i + 1)
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
        tl = self.times
        i = tl.sentence_index(pos)
        if i >= len(tl) or self.hot_news(i) is None:
            return False
        start = tl.span(i)[0]
        aux = perfect_at(self.text, start, tl.main_end(i))
        return aux is not None and pos < aux
